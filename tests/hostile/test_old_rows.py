"""Rows an earlier version wrote, that this one would refuse, never take reads down.

Each test writes a job through the API, then rewrites its columns straight in the database
the way earlier versions stored them (a lone surrogate escaped by ``json.dumps``, ``NaN``
beside a big integer, an ``at`` instant in year 9999 in Pacific/Kiritimati, a zone that
tzdata no longer has); the owner's list, the job, its runs, ``/stats``, the calendar and the
heatmap must all still answer, and the neighbouring jobs read as before."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from agentcron.app.runtime import Runtime
from agentcron.app.storage.tables import jobs, runs

FAR = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

OLD_ROWS: dict[str, dict[str, Any]] = {
    "lone surrogate in metadata": {"metadata": {"note": "\ud800"}},
    "NaN beside a big integer": {"metadata": {"ratio": float("nan"), "id": 2**70}},
    "lone surrogate in an http header": {
        "action": {
            "type": "http",
            "http": {"url": "https://example.com", "method": "GET", "headers": {"X": "\udfff"}},
        }
    },
    "at 9999 in Kiritimati": {
        "schedule": {
            "type": "at",
            "datetime": "9999-12-31T23:59:59Z",
            "timezone": "Pacific/Kiritimati",
        },
        "next_run_at": FAR,
    },
    "a zone tzdata dropped": {
        "schedule": {"type": "cron", "expression": "0 9 * * *", "timezone": "Mars/Olympus"},
        "exclusions": {"weekdays": [5]},
    },
}


async def _job(api: httpx.AsyncClient, name: str) -> str:
    created = await api.post(
        "/jobs",
        json={"name": name, "action": "noop", "schedule": {"type": "every", "interval": 60}},
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def _rewrite(runtime: Runtime, job_id: str, values: dict[str, Any]) -> None:
    await runtime.db.write(
        lambda conn: conn.execute(update(jobs).where(jobs.c.id == job_id).values(**values))
    )


@pytest.mark.parametrize("case", list(OLD_ROWS))
async def test_reads_survive_a_row_an_earlier_version_wrote(
    api: httpx.AsyncClient, runtime: Runtime, case: str
) -> None:
    before = await _job(api, "before")
    bad = await _job(api, "bad")
    after = await _job(api, "after")
    await _rewrite(runtime, bad, OLD_ROWS[case])

    listed = await api.get("/jobs")
    assert listed.status_code == 200, listed.text
    by_id = {j["id"]: j for j in listed.json()["jobs"]}
    assert set(by_id) == {before, bad, after}
    assert by_id[before]["name"] == "before" and by_id[after]["name"] == "after"
    assert (await api.get(f"/jobs/{bad}")).status_code == 200
    assert (await api.get(f"/jobs/{bad}/runs")).status_code == 200
    assert (await api.get("/stats")).status_code == 200
    assert (await api.get("/calendar-data")).status_code == 200
    assert (await api.get("/smart/heatmap", params={"source": "scheduled"})).status_code == 200
    # and the owner can still get rid of it
    assert (await api.delete(f"/jobs/{bad}")).status_code == 200


async def test_a_run_whose_data_no_response_can_carry_still_reads(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    job_id = await _job(api, "j")
    run_id = (await api.post(f"/jobs/{job_id}/trigger")).json()["run_id"]
    data = {"text": "a\ud800b", "ratio": float("inf"), "id": 2**70}
    await runtime.db.write(
        lambda conn: conn.execute(update(runs).where(runs.c.id == run_id).values(data=data))
    )
    run = await api.get(f"/jobs/{job_id}/runs/{run_id}")
    assert run.status_code == 200, run.text
    assert run.json()["data"] == {"text": "a\ufffdb", "ratio": None, "id": 2**70}
    assert (await api.get(f"/jobs/{job_id}/runs")).status_code == 200
