"""The jobs API through HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

DIGEST: dict[str, Any] = {
    "name": "Daily digest",
    "goal": "Summarize today's activity",
    "schedule": {"type": "cron", "expression": "0 8 * * 1-5", "timezone": "America/New_York"},
    "delivery": {"channel": "slack:#alerts", "format": "markdown"},
    "retry": {"max_attempts": 3, "strategy": "exponential", "base_delay": 60},
    "tags": ["reports", "daily"],
}


async def create(api: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    response = await api.post("/jobs", json={**DIGEST, **overrides})
    assert response.status_code == 201, response.text
    return response.json()


async def test_create_returns_the_job_with_next_run_in_its_zone(api: httpx.AsyncClient) -> None:
    job = await create(api)
    assert job["id"].startswith("job_")
    assert job["status"] == "active"
    assert job["agent_id"] == "default"
    # the clock is frozen at Monday 2026-03-02 13:00 UTC = 08:00 EST, so the next is Tuesday
    assert job["next_run_at"] == "2026-03-03T08:00:00-05:00"
    assert job["last_run_at"] is None
    assert job["run_count"] == 0
    assert job["created_at"] == "2026-03-02T13:00:00Z"
    assert job["tags"] == ["reports", "daily"]
    fetched = (await api.get(f"/jobs/{job['id']}")).json()
    assert fetched == job


async def test_seed_example_every_schedule(api: httpx.AsyncClient) -> None:
    agent = (await api.post("/agents", json={"name": "Price watcher"})).json()
    job = await create(
        api,
        name="Price alert",
        goal="Check BTC price and alert if >5% change",
        agent_id=agent["id"],
        schedule={"type": "every", "interval": 3600, "timezone": "UTC"},
        condition={"type": "expression", "expression": "price_change_pct > 0.05"},
    )
    assert job["next_run_at"] == "2026-03-02T14:00:00+00:00"
    assert job["condition"]["expression"] == "price_change_pct > 0.05"


@pytest.mark.parametrize(
    ("patch", "field", "fragment"),
    [
        ({"schedule": {"type": "cron", "expression": "61 9 * * *"}}, "schedule.expression", "61"),
        (
            {"schedule": {"type": "cron", "expression": "0 9 * * *", "timezone": "Mars/Base"}},
            "schedule.timezone",
            "Mars/Base",
        ),
        ({"schedule": {"type": "every", "interval": 0}}, "schedule.interval", "positive"),
        (
            {"schedule": {"type": "at", "datetime": "2020-01-01T00:00:00Z"}},
            "schedule.datetime",
            "past",
        ),
        ({"schedule": {"type": "weekly"}}, "schedule.type", "cron"),
        (
            {"condition": {"type": "expression", "expression": "__import__('os')"}},
            "condition.expression",
            "",
        ),
        ({"webhook_url": "ftp://example.com/x"}, "webhook_url", ""),
        ({"delivery": {"channel": "carrier-pigeon:#x"}}, "delivery.channel", ""),
        ({"retry": {"max_attempts": 0}}, "retry.max_attempts", ""),
        ({"overlap": "sometimes"}, "overlap", ""),
        ({"colour": "blue"}, "colour", "not a known field"),
        ({"goal": ""}, "goal", "required"),
        ({"timeout_seconds": -1}, "timeout_seconds", ""),
    ],
)
async def test_bad_input_names_the_field(
    api: httpx.AsyncClient, patch: dict[str, Any], field: str, fragment: str
) -> None:
    response = await api.post("/jobs", json={**DIGEST, **patch})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert field in [e["field"] for e in problem["errors"]], problem
    assert fragment in problem["detail"]
    assert (await api.get("/jobs")).json()["count"] == 0  # nothing half-created


async def test_malformed_json_is_400(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/jobs", content=b'{"name": "x",', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "malformed JSON" in response.json()["detail"]
    response = await api.post("/jobs", json=["not", "an", "object"])
    assert response.status_code == 400


async def test_schedule_is_required_but_may_be_null(api: httpx.AsyncClient) -> None:
    body = {k: v for k, v in DIGEST.items() if k != "schedule"}
    response = await api.post("/jobs", json=body)
    assert response.status_code == 422
    assert response.json()["field"] == "schedule"
    job = await create(api, schedule=None)
    assert job["schedule"] is None and job["next_run_at"] is None


async def test_http_action_job(api: httpx.AsyncClient) -> None:
    job = await create(
        api,
        goal=None,
        action="http",
        http={"url": "https://example.com/hook", "method": "post", "body": {"a": 1}},
    )
    assert job["action"] == "http"
    assert job["http"]["method"] == "POST"
    assert job["agent_id"] is None


async def test_idempotency_key_returns_the_first_job(api: httpx.AsyncClient) -> None:
    first = await api.post("/jobs", json=DIGEST, headers={"Idempotency-Key": "abc"})
    second = await api.post("/jobs", json=DIGEST, headers={"Idempotency-Key": "abc"})
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    third = await api.post("/jobs", json={**DIGEST, "idempotency_key": "abc"})
    assert third.json()["id"] == first.json()["id"]
    assert (await api.get("/jobs")).json()["count"] == 1


async def test_list_filters_sorts_and_pages(api: httpx.AsyncClient) -> None:
    a = await create(api, name="alpha report", tags=["x"])
    b = await create(api, name="beta", goal="watch the deploys", tags=["y"])
    c = await create(api, name="gamma", tags=["x", "y"])
    await api.post(f"/jobs/{c['id']}/pause")

    async def ids(**params: Any) -> list[str]:
        response = await api.get("/jobs", params=params)
        assert response.status_code == 200, response.text
        return [j["id"] for j in response.json()["jobs"]]

    assert await ids(sort="name", order="asc") == [a["id"], b["id"], c["id"]]
    assert await ids(status="paused") == [c["id"]]
    assert sorted(await ids(tag="x")) == sorted([a["id"], c["id"]])
    assert await ids(q="DEPLOY") == [b["id"]]
    assert await ids(q="report") == [a["id"]]
    page = (
        await api.get("/jobs", params={"sort": "name", "order": "asc", "limit": 2, "offset": 1})
    ).json()
    assert [j["id"] for j in page["jobs"]] == [b["id"], c["id"]]
    assert page["count"] == 3
    assert (await api.get("/jobs", params={"limit": 500})).json()["limit"] == 200
    bad = await api.get("/jobs", params={"status": "sleeping"})
    assert bad.status_code == 400 and bad.json()["field"] == "status"


async def test_update_is_partial_and_recomputes_next_run(api: httpx.AsyncClient) -> None:
    job = await create(api)
    response = await api.put(
        f"/jobs/{job['id']}",
        json={"name": "Renamed", "schedule": {"type": "cron", "expression": "0 10 * * *"}},
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["name"] == "Renamed"
    assert updated["goal"] == DIGEST["goal"]
    # seed 002's PUT example names no zone: only what is sent changes, so the job keeps its
    # own (New York), it is not moved to UTC
    assert updated["schedule"]["timezone"] == "America/New_York"
    assert updated["next_run_at"] == "2026-03-02T10:00:00-05:00"
    utc = await api.put(
        f"/jobs/{job['id']}",
        json={"schedule": {"type": "cron", "expression": "0 10 * * *", "timezone": "UTC"}},
    )
    assert utc.json()["next_run_at"] == "2026-03-03T10:00:00+00:00"
    bad = await api.put(f"/jobs/{job['id']}", json={"retry": {"strategy": "random"}})
    assert bad.status_code == 422 and bad.json()["field"] == "retry.strategy"


async def test_pause_and_resume(api: httpx.AsyncClient) -> None:
    job = await create(api)
    paused = (await api.post(f"/jobs/{job['id']}/pause")).json()
    assert paused["status"] == "paused" and paused["next_run_at"] is None
    resumed = (await api.post(f"/jobs/{job['id']}/resume")).json()
    assert resumed["status"] == "active"
    assert resumed["next_run_at"] == "2026-03-03T08:00:00-05:00"


async def test_reschedule_now_and_with_effective_from(api: httpx.AsyncClient) -> None:
    job = await create(api)
    now = await api.patch(
        f"/jobs/{job['id']}/reschedule",
        json={
            "schedule": {"type": "cron", "expression": "30 6 * * *", "timezone": "Europe/London"}
        },
    )
    assert now.status_code == 200, now.text
    assert now.json()["next_run_at"] == "2026-03-03T06:30:00+00:00"
    later = await api.patch(
        f"/jobs/{job['id']}/reschedule",
        json={
            "schedule": {"type": "cron", "expression": "0 12 * * *", "timezone": "Europe/London"},
            "effective_from": "2026-03-10T00:00:00Z",
        },
    )
    body = later.json()
    assert body["next_run_at"] == "2026-03-03T06:30:00+00:00"  # old schedule until then
    assert body["pending_schedule"]["expression"] == "0 12 * * *"
    assert body["effective_from"] == "2026-03-10T00:00:00Z"


async def test_soft_and_hard_delete(api: httpx.AsyncClient) -> None:
    job = await create(api)
    assert (await api.delete(f"/jobs/{job['id']}")).status_code == 200
    assert (await api.get(f"/jobs/{job['id']}")).status_code == 404
    assert (await api.get("/jobs")).json()["count"] == 0
    assert (await api.delete(f"/jobs/{job['id']}")).status_code == 404
    other = await create(api)
    assert (await api.delete(f"/jobs/{other['id']}", params={"hard": "true"})).status_code == 200
    assert (await api.get(f"/jobs/{other['id']}")).status_code == 404


async def test_owners_are_isolated(api: httpx.AsyncClient, other_api: httpx.AsyncClient) -> None:
    job = await create(api)
    assert (await other_api.get(f"/jobs/{job['id']}")).status_code == 404
    assert (await other_api.put(f"/jobs/{job['id']}", json={"name": "mine"})).status_code == 404
    assert (await other_api.delete(f"/jobs/{job['id']}")).status_code == 404
    assert (await other_api.post(f"/jobs/{job['id']}/pause")).status_code == 404
    assert (await other_api.get("/jobs")).json()["count"] == 0
    # the same idempotency key in two owners makes two jobs
    mine = await api.post("/jobs", json=DIGEST, headers={"Idempotency-Key": "k"})
    theirs = await other_api.post("/jobs", json=DIGEST, headers={"Idempotency-Key": "k"})
    assert mine.json()["id"] != theirs.json()["id"]


async def test_missing_or_wrong_key_is_401(api: httpx.AsyncClient) -> None:
    for headers in (
        {"Authorization": ""},
        {"Authorization": "Bearer ac_nope"},
        {"Authorization": "Basic x"},
    ):
        response = await api.get("/jobs", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"


async def test_revoked_key_is_refused(api: httpx.AsyncClient, runtime: Any) -> None:
    assert (await api.get("/jobs")).status_code == 200
    assert await runtime.keys.revoke("alice-key", now=runtime.clock.now()) == 1
    assert (await api.get("/jobs")).status_code == 401


async def test_unknown_job_is_404_problem(api: httpx.AsyncClient) -> None:
    response = await api.get("/jobs/job_doesnotexist")
    assert response.status_code == 404
    assert "job_doesnotexist" in response.json()["detail"]


@pytest.mark.parametrize(
    ("schedule", "zone", "expected"),
    [
        (
            "0 9 * * 1-5",
            "America/New_York",
            {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"},
        ),
        ("@daily", None, {"type": "cron", "expression": "0 0 * * *", "timezone": "UTC"}),
        (
            "every weekday at 9am Pacific",
            None,
            {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/Los_Angeles"},
        ),
        (
            {"type": "cron", "expression": "0 9 * * *"},
            "Europe/London",
            {"type": "cron", "expression": "0 9 * * *", "timezone": "Europe/London"},
        ),
    ],
)
async def test_schedule_as_words_or_cron_text(
    api: httpx.AsyncClient, schedule: Any, zone: str | None, expected: dict[str, Any]
) -> None:
    body: dict[str, Any] = {**DIGEST, "schedule": schedule}
    if zone:
        body["timezone"] = zone
    response = await api.post("/jobs", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["schedule"] == expected


async def test_schedule_words_that_are_ambiguous_are_refused(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", json={**DIGEST, "schedule": "every day at 5"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["field"] == "schedule"
    assert "05:00 PM" in problem["detail"]  # the guess, which POST /jobs will not save


async def test_json_values_are_stored_exactly(api: httpx.AsyncClient) -> None:
    # integers beyond 64 bits, floats, unicode and nesting come back as they were sent
    metadata = {
        "big": 2**70,
        "negative_big": -(2**65),
        "ratio": 0.1,
        "text": "naïve ☃ \u2028",
        "nested": {"list": [1, "two", None, True]},
    }
    job = await create(api, metadata=metadata)
    assert job["metadata"] == metadata
    fetched = (await api.get(f"/jobs/{job['id']}")).json()
    assert fetched["metadata"] == metadata
    listed = (await api.get("/jobs")).json()["jobs"]
    assert [j["metadata"] for j in listed if j["id"] == job["id"]] == [metadata]
