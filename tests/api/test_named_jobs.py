"""Named jobs (seed 000, Dapr; seed 004's ``key``): unique per owner, addressed by name."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

NOOP: dict[str, Any] = {"action": "noop", "schedule": None}


async def create(api: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await api.post("/jobs", json={**NOOP, **body})


async def test_a_unique_name_is_its_own_key_and_a_second_is_refused(
    api: httpx.AsyncClient,
) -> None:
    first = await create(api, name="nightly-report", unique_name=True)
    assert first.status_code == 201, first.text
    job = first.json()
    assert (job["key"], job["unique_name"]) == ("nightly-report", True)
    again = await create(api, name="nightly-report", unique_name=True)
    assert again.status_code == 409
    assert job["id"] in again.json()["detail"]
    # a name nobody asked to be unique may repeat
    assert (await create(api, name="nightly-report")).status_code == 201


async def test_a_key_as_in_seed_004_names_the_job_when_it_has_no_name(
    api: httpx.AsyncClient,
) -> None:
    job = (await create(api, key="db-backup")).json()
    assert (job["name"], job["key"], job["unique_name"]) == ("db-backup", "db-backup", True)
    other = (await create(api, key="report", name="Weekly report")).json()
    assert (other["key"], other["unique_name"]) == ("report", False)
    assert (await create(api, key="report", name="Another")).status_code == 409


async def test_keys_are_per_owner(api: httpx.AsyncClient, other_api: httpx.AsyncClient) -> None:
    assert (await create(api, name="sync", unique_name=True)).status_code == 201
    assert (await create(other_api, name="sync", unique_name=True)).status_code == 201


async def test_two_concurrent_creates_of_one_name_cannot_both_win(
    api: httpx.AsyncClient,
) -> None:
    answers = await asyncio.gather(
        *(create(api, name="only-once", unique_name=True) for _ in range(8))
    )
    assert sorted(a.status_code for a in answers) == [201] + [409] * 7


async def test_a_deleted_jobs_name_is_free_again(api: httpx.AsyncClient) -> None:
    job = (await create(api, name="cleanup", unique_name=True)).json()
    assert (await api.delete(f"/jobs/{job['id']}")).status_code == 200
    assert (await create(api, name="cleanup", unique_name=True)).status_code == 201


async def test_get_put_and_delete_by_name(api: httpx.AsyncClient) -> None:
    job = (await create(api, name="Daily digest", unique_name=True, payload={"n": 1})).json()
    fetched = await api.get("/jobs/by-name/Daily digest")
    assert fetched.status_code == 200 and fetched.json()["id"] == job["id"]
    changed = await api.put("/jobs/by-name/Daily%20digest", json={"payload": {"n": 2}})
    assert changed.status_code == 200 and changed.json()["payload"] == {"n": 2}
    gone = await api.delete("/jobs/by-name/Daily digest")
    assert gone.json() == {"id": job["id"], "deleted": True, "hard": False}
    assert (await api.get("/jobs/by-name/Daily digest")).status_code == 404


async def test_put_by_name_creates_the_job_with_the_name_made_unique(
    api: httpx.AsyncClient,
) -> None:
    body = {"action": "noop", "schedule_in": [5, "minutes"], "payload": {"to": "ops"}}
    created = await api.put("/jobs/by-name/reminder", json=body)
    assert created.status_code == 201, created.text
    job = created.json()
    assert (job["name"], job["key"], job["payload"]) == ("reminder", "reminder", {"to": "ops"})
    assert created.headers["location"] == f"/api/scheduler/jobs/{job['id']}"
    again = await api.put("/jobs/by-name/reminder", json={"payload": {"to": "dev"}})
    assert again.status_code == 200 and again.json()["id"] == job["id"]
    mismatch = await api.put("/jobs/by-name/other", json={**NOOP, "name": "reminder2"})
    assert mismatch.status_code == 422 and mismatch.json()["field"] == "name"


async def test_concurrent_puts_by_name_make_one_job(api: httpx.AsyncClient) -> None:
    answers = await asyncio.gather(
        *(api.put("/jobs/by-name/upsert", json={**NOOP, "payload": i}) for i in range(6))
    )
    assert all(a.status_code in (200, 201) for a in answers), [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    assert [a.status_code for a in answers].count(201) == 1


async def test_a_plain_name_is_found_when_only_one_job_has_it(api: httpx.AsyncClient) -> None:
    job = (await create(api, name="plain")).json()
    assert (await api.get("/jobs/by-name/plain")).json()["id"] == job["id"]
    await create(api, name="plain")
    ambiguous = await api.get("/jobs/by-name/plain")
    assert ambiguous.status_code == 409
    assert "unique_name" in ambiguous.json()["detail"]


async def test_another_owners_job_is_not_found_by_name(
    api: httpx.AsyncClient, other_api: httpx.AsyncClient
) -> None:
    await create(api, name="mine", unique_name=True)
    missing = await other_api.get("/jobs/by-name/mine")
    assert missing.status_code == 404
    assert "No job by the name of 'mine'" in missing.json()["detail"]


async def test_renaming_a_unique_job_moves_its_key(api: httpx.AsyncClient) -> None:
    job = (await create(api, name="old", unique_name=True)).json()
    renamed = (await api.put(f"/jobs/{job['id']}", json={"name": "new"})).json()
    assert (renamed["key"], renamed["unique_name"]) == ("new", True)
    assert (await api.get("/jobs/by-name/old")).status_code == 404
    taken = (await create(api, name="taken", unique_name=True)).json()
    clash = await api.put(f"/jobs/{job['id']}", json={"name": "taken"})
    assert clash.status_code == 409 and taken["id"] in clash.json()["detail"]
    dropped = (await api.put(f"/jobs/{job['id']}", json={"unique_name": False})).json()
    assert (dropped["key"], dropped["unique_name"]) == (None, False)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "a/b", "unique_name": True}, "name"),
        ({"key": " padded "}, "key"),
        ({"key": "line\nbreak"}, "key"),
        ({"name": "x", "key": "y", "unique_name": True}, "key"),
        ({"unique_name": [1]}, "unique_name"),
    ],
)
async def test_bad_keys_are_refused_naming_the_field(
    api: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await create(api, **body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


async def test_a_dapr_job_scheduled_by_name_with_every_and_data(api: httpx.AsyncClient) -> None:
    """What a user of Dapr's scheduler sends: a job by name, ``@every`` (a Go duration) and
    ``data``, the opaque payload its handler gets."""
    response = await api.put(
        "/jobs/by-name/prod-db-backup",
        json={"action": "noop", "schedule": "@every 1h30m", "data": {"db": "prod", "n": [1]}},
    )
    assert response.status_code == 201, response.text
    job = response.json()
    assert job["schedule"] == {"type": "every", "interval": 5400, "timezone": "UTC"}
    assert job["payload"] == {"db": "prod", "n": [1]} and "data" not in job
    assert (job["name"], job["key"]) == ("prod-db-backup", "prod-db-backup")
    fetched = (await api.get("/jobs/by-name/prod-db-backup")).json()
    assert fetched["payload"] == {"db": "prod", "n": [1]}
    again = await api.put("/jobs/by-name/prod-db-backup", json={"schedule": "@every 30s"})
    assert again.status_code == 200 and again.json()["schedule"]["interval"] == 30


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"schedule": "@every 500ms"}, ["schedule"]),
        ({"schedule": "@every soon"}, ["schedule"]),
        ({"schedule": None, "data": 1, "payload": 2}, ["data", "payload"]),
    ],
)
async def test_dapr_shapes_that_cannot_be_are_refused_naming_the_field(
    api: httpx.AsyncClient, body: dict[str, Any], fields: list[str]
) -> None:
    response = await api.post("/jobs", json={"action": "noop", **body})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == fields


async def test_validate_reads_daprs_every_too(api: httpx.AsyncClient) -> None:
    answer = (await api.get("/validate", params={"value": "@every 1h30m"})).json()
    assert answer["valid"] is True
    assert answer["schedule"] == {"type": "every", "interval": 5400, "timezone": "UTC"}
    bad = (await api.get("/validate", params={"type": "cron", "value": "@every 5ms"})).json()
    assert bad["valid"] is False and bad["field"] == "value"
    assert "whole number of seconds" in bad["error"]
