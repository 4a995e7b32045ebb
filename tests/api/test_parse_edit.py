"""``POST /jobs/{id}/parse-edit``: a plain-language edit proposed, checked and previewed,
nothing changed until the caller PUTs the changes (the dashboard and Slack both do)."""

from __future__ import annotations

import httpx

from tests.api.test_jobs import create


async def test_an_edit_is_proposed_with_next_runs_before_and_after(
    api: httpx.AsyncClient,
) -> None:
    job = await create(api)  # weekdays at 8:00 in New York
    response = await api.post(f"/jobs/{job['id']}/parse-edit", json={"text": "move it to 10am"})
    assert response.status_code == 200, response.text
    proposal = response.json()
    assert proposal["changes"] == {
        "schedule": {"type": "cron", "expression": "0 10 * * 1-5", "timezone": "America/New_York"}
    }
    assert proposal["before"]["next_runs"][0].endswith("T08:00:00-05:00")
    assert proposal["after"]["next_runs"][0].endswith("T10:00:00-05:00")
    assert "10:00 AM" in proposal["after"]["human_readable"]
    assert proposal["understood"] == [
        "when: At 08:00 AM, Monday through Friday, Eastern Time → "
        "At 10:00 AM, Monday through Friday, Eastern Time"
    ]
    # nothing changed yet
    assert (await api.get(f"/jobs/{job['id']}")).json()["schedule"] == job["schedule"]
    updated = await api.put(f"/jobs/{job['id']}", json=proposal["changes"])
    assert updated.json()["schedule"]["expression"] == "0 10 * * 1-5"


async def test_an_edit_that_cannot_be_read_names_text(api: httpx.AsyncClient) -> None:
    job = await create(api, schedule={"type": "every", "interval": 900})
    response = await api.post(f"/jobs/{job['id']}/parse-edit", json={"text": "move it to 10am"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["field"] == "text"
    assert "not at a time of day" in problem["detail"]
    assert problem["suggestion"].startswith("say the whole new schedule")


async def test_an_edit_into_something_invalid_is_refused(api: httpx.AsyncClient) -> None:
    # once, today at 10:00 in New York (it is 8:00): 7:00 has passed
    job = await create(
        api,
        schedule={"type": "at", "datetime": "2026-03-02T15:00:00Z", "timezone": "America/New_York"},
    )
    response = await api.post(f"/jobs/{job['id']}/parse-edit", json={"text": "move it to 7am"})
    assert response.status_code == 422
    assert response.json()["field"] == "text"
    assert "the change is not valid (schedule.datetime" in response.json()["detail"]


async def test_bad_bodies_and_other_owners(api: httpx.AsyncClient) -> None:
    job = await create(api)
    url = f"/jobs/{job['id']}/parse-edit"
    assert (await api.post(url, json=["move"])).status_code == 422
    assert (await api.post(url, json={})).json()["field"] == "text"
    assert (await api.post(url, json={"text": 5})).json()["field"] == "text"
    assert (await api.post(url, json={"text": "x" * 5000})).status_code == 422
    assert (await api.post("/jobs/job_nope/parse-edit", json={"text": "at 9"})).status_code == 404
