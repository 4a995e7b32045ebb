"""What a new user meets in the first hour, through HTTP on SQLite and PostgreSQL: the field
an http job without a URL lacks, lists that refuse filters they do not know, the history of
a deleted job, and an Idempotency-Key reused for another request."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import insert

from agentcron.app.runtime import Runtime
from agentcron.app.storage.tables import runs as runs_table
from tests.conftest import T0


def problems(response: httpx.Response) -> list[tuple[str, str]]:
    return [(e["field"], e["reason"]) for e in response.json()["errors"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"action": {"type": "http"}}, [("action.http.url", "is required")]),
        ({"action": "http"}, [("http.url", "is required: the URL an http job calls")]),
        ({"action": "http", "http": {"method": "POST"}}, [("http.url", "is required")]),
        ({"http": {}}, [("http.url", "is required")]),
        # an agent job still needs its goal
        (
            {},
            [
                (
                    "goal",
                    "is required for an agent job (the default action; a job that runs "
                    'nothing is "action": "noop")',
                )
            ],
        ),
        ({"action": "agent"}, [("goal", "is required for an agent job")]),
    ],
)
async def test_an_http_job_without_a_url_is_told_only_that(
    api: httpx.AsyncClient, body: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    response = await api.post("/jobs", json={"schedule": None, **body})
    assert response.status_code == 422, response.text
    assert problems(response) == expected


async def test_an_update_to_http_without_a_url_names_the_url(api: httpx.AsyncClient) -> None:
    job = (await api.post("/jobs", json={"goal": "g", "schedule": None})).json()
    response = await api.put(f"/jobs/{job['id']}", json={"action": {"type": "http"}, "goal": None})
    assert problems(response) == [("action.http.url", "is required")]


@pytest.mark.parametrize(
    ("path", "params", "unknown"),
    [
        ("/jobs", {"statuss": "active"}, ["statuss"]),
        ("/jobs", {"status": "active", "name": "x", "page": "2"}, ["name", "page"]),
        ("/jobs/{id}/runs", {"state": "failed"}, ["state"]),
        ("/jobs/{id}/runs", {"status": "failed", "sort": "created_at"}, ["sort"]),
        ("/jobs/{id}", {"deleted": "true"}, ["deleted"]),
    ],
)
async def test_lists_refuse_filters_they_do_not_know(
    api: httpx.AsyncClient, path: str, params: dict[str, str], unknown: list[str]
) -> None:
    job = (await api.post("/jobs", json={"action": "noop", "schedule": None})).json()
    response = await api.get(path.replace("{id}", job["id"]), params=params)
    assert response.status_code == 422, response.text
    assert [field for field, _ in problems(response)] == unknown
    assert "is not a filter of this list" in response.json()["detail"]


async def test_known_filters_still_work(api: httpx.AsyncClient) -> None:
    job = (await api.post("/jobs", json={"action": "noop", "schedule": None})).json()
    listed = await api.get("/jobs", params={"status": "active", "limit": 5, "q": ""})
    assert listed.status_code == 200 and listed.json()["count"] == 1
    runs = await api.get(f"/jobs/{job['id']}/runs", params={"status": "failed", "offset": 0})
    assert runs.status_code == 200 and runs.json()["runs"] == []


async def test_a_deleted_job_keeps_its_history_readable(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    job = (await api.post("/jobs", json={"action": "noop", "schedule": None})).json()
    run_id = (await api.post(f"/jobs/{job['id']}/trigger")).json()["run_id"]
    await runtime.db.write(
        lambda conn: conn.execute(
            insert(runs_table).values(
                id="run_past",
                job_id=job["id"],
                owner="alice",
                trigger="schedule",
                status="succeeded",
                attempt=1,
                slot=T0,
                scheduled_for=T0,
                not_before=T0,
                created_at=T0,
                started_at=T0,
                completed_at=T0,
                output="done",
            )
        )
    )
    assert (await api.delete(f"/jobs/{job['id']}")).status_code == 200

    # the job is gone from the usual answers ...
    assert (await api.get(f"/jobs/{job['id']}")).status_code == 404
    assert (await api.get("/jobs")).json()["count"] == 0
    assert (await api.post(f"/jobs/{job['id']}/trigger")).status_code == 404
    # ... and its history is still there to read
    listed = await api.get(f"/jobs/{job['id']}/runs")
    assert listed.status_code == 200, listed.text
    by_id = {r["id"]: r for r in listed.json()["runs"]}
    assert by_id["run_past"]["output"] == "done"
    assert by_id[run_id]["status"] == "cancelled"  # queued when it was deleted
    one = await api.get(f"/jobs/{job['id']}/runs/run_past")
    assert one.status_code == 200 and one.json()["status"] == "succeeded"
    stats = await api.get(f"/jobs/{job['id']}/stats")
    assert stats.status_code == 200 and stats.json()["success_rate"] == 1.0
    deleted = await api.get(f"/jobs/{job['id']}", params={"include_deleted": "true"})
    assert deleted.status_code == 200
    assert deleted.json()["deleted_at"] == "2026-03-02T13:00:00Z"
    everything = (await api.get("/jobs", params={"include_deleted": "true"})).json()
    assert [j["id"] for j in everything["jobs"]] == [job["id"]]
    assert "deleted_at" not in (await api.post("/jobs", json=_noop())).json()

    # a hard delete removes the history too
    assert (await api.delete(f"/jobs/{job['id']}", params={"hard": "true"})).status_code == 200
    assert (await api.get(f"/jobs/{job['id']}/runs")).status_code == 404


async def test_another_owner_never_sees_a_deleted_jobs_history(
    api: httpx.AsyncClient, other_api: httpx.AsyncClient
) -> None:
    job = (await api.post("/jobs", json=_noop())).json()
    await api.delete(f"/jobs/{job['id']}")
    assert (await other_api.get(f"/jobs/{job['id']}/runs")).status_code == 404
    seen = await other_api.get(f"/jobs/{job['id']}", params={"include_deleted": "true"})
    assert seen.status_code == 404


def _noop(**changes: Any) -> dict[str, Any]:
    return {"action": "noop", "schedule": None, **changes}


async def test_an_idempotency_key_reused_for_another_request_is_409(
    api: httpx.AsyncClient,
) -> None:
    headers = {"Idempotency-Key": "order-42"}
    first = await api.post("/jobs", json=_noop(name="a"), headers=headers)
    assert first.status_code == 201
    same = await api.post("/jobs", json=_noop(name="a"), headers=headers)
    assert (same.status_code, same.json()["id"]) == (200, first.json()["id"])
    assert same.headers["idempotent-replayed"] == "true"
    # the same fields in another order, or the key also in the body, is the same request
    reordered = await api.post(
        "/jobs", json={"name": "a", "schedule": None, "action": "noop"}, headers=headers
    )
    assert reordered.status_code == 200
    in_body = await api.post("/jobs", json=_noop(name="a", idempotency_key="order-42"))
    assert (in_body.status_code, in_body.json()["id"]) == (200, first.json()["id"])

    other = await api.post("/jobs", json=_noop(name="b"), headers=headers)
    assert other.status_code == 409, other.text
    assert other.json()["detail"] == (
        "the Idempotency-Key 'order-42' was first used with another request (it made job "
        f"{first.json()['id']}); send the same request to get that job again, or use a new "
        "key for a new job"
    )
    assert (await api.get("/jobs")).json()["count"] == 1
