"""Three instances on one PostgreSQL database, thousands of slots in a few seconds, one
instance killed mid-way: every slot fires exactly once and every run ends."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentcron.app.domain.enums import ACTIVE, RunStatus
from tests.support.service import ServiceProcess, create_key
from tests.support.waiting import until

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

JOBS = 300
SLOTS_PER_JOB = 10


async def move_schedules(url: str, schedule: dict[str, Any], start: datetime) -> None:
    import json

    import asyncpg
    from sqlalchemy.engine import make_url

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(
            "UPDATE jobs SET schedule = $1::json, next_run_at = $2",
            json.dumps(schedule),
            start.replace(tzinfo=None),
        )
        await conn.execute("SELECT pg_notify('agentcron', 'jobs')")
    finally:
        await conn.close()


async def count(url: str, sql: str) -> int:
    """One number from the shared database, read directly (not through an instance that may
    be the one being killed)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


def iso(instant: datetime) -> str:
    return instant.isoformat().replace("+00:00", "Z")


async def answer(client: httpx.AsyncClient, path: str, **params: Any) -> Any:
    """The JSON of a 200 to GET ``path``. A loaded machine may make an instance answer 503
    for a moment (its pool waiting on a busy database) or drop a connection: asked again
    for up to a minute, then it is a failure, with the answer in the message."""
    deadline = asyncio.get_running_loop().time() + 60
    while True:
        try:
            response = await client.get(path, params=params)
        except httpx.TransportError as exc:
            problem = repr(exc)
        else:
            if response.status_code == 200:
                return response.json()
            problem = f"{response.status_code}: {response.text[:500]}"
            if response.status_code not in (429, 502, 503, 504):
                raise AssertionError(f"GET {path}: {problem}")
        assert asyncio.get_running_loop().time() < deadline, f"GET {path}: {problem}"
        await asyncio.sleep(0.5)


async def test_three_instances_one_killed_every_slot_once(
    pg_database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from tests.conftest import _truncate_pg

    await asyncio.to_thread(_truncate_pg, pg_database)
    services = [ServiceProcess(database_url=pg_database, workdir=tmp_path) for _ in range(3)]
    clients: list[httpx.AsyncClient] = []
    try:
        await asyncio.gather(*(asyncio.to_thread(s.start) for s in services))
        key = await asyncio.to_thread(create_key, services[0].env)
        headers = {"Authorization": f"Bearer {key}"}
        clients = [
            httpx.AsyncClient(base_url=s.url + "/api/scheduler", headers=headers, timeout=30)
            for s in services
        ]
        # created far in the future, then moved to a shared start in one statement: the plan
        # does not depend on how fast the jobs could be created
        later = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
        schedule = {"type": "every", "interval": 1, "start_at": iso(later)}

        async def make(index: int) -> str:
            # a loaded machine may drop a connection or answer 503 for a moment: asked again
            # with the same Idempotency-Key, which answers the job the first try made, if any
            body = {
                "name": f"job {index}",
                "action": "noop",
                "schedule": schedule,
                "retry": {"max_attempts": 3, "strategy": "fixed", "base_delay": 0},
            }
            deadline = asyncio.get_running_loop().time() + 60
            while True:
                try:
                    response = await clients[index % 3].post(
                        "/jobs", json=body, headers={"Idempotency-Key": f"make-{index}"}
                    )
                except httpx.TransportError as exc:
                    problem = repr(exc)
                else:
                    if response.status_code in (200, 201):
                        return str(response.json()["id"])
                    problem = f"{response.status_code}: {response.text[:500]}"
                    assert response.status_code in (429, 502, 503, 504), problem
                assert asyncio.get_running_loop().time() < deadline, f"POST /jobs: {problem}"
                await asyncio.sleep(0.5)

        # a few requests at a time: the PostgreSQL server is shared with other suites
        job_ids: list[str] = []
        for batch in range(0, JOBS, 15):
            job_ids += await asyncio.gather(*(make(i) for i in range(batch, batch + 15)))
        start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
        end = start + timedelta(seconds=SLOTS_PER_JOB - 1)
        await move_schedules(
            pg_database,
            {
                "type": "every",
                "interval": 1,
                "start_at": iso(start),
                "end_at": iso(end),
                "timezone": "UTC",
            },
            start,
        )

        # killed mid-way, whenever that comes on this machine: once about half the slots
        # have fired (a run each), not after a guess at how long that takes
        total = JOBS * SLOTS_PER_JOB
        fired = "SELECT count(*) FROM runs WHERE trigger = 'schedule'"

        async def half_fired() -> bool:
            return await count(pg_database, fired) >= total // 2

        await until(half_fired, within=180, what="half of the slots to fire", every=0.1)
        await asyncio.to_thread(services[1].kill)
        survivor = clients[0]

        async def settled() -> bool:
            # every slot fired (each job's schedule has ended) and every run ended; how long
            # recovery takes is the lease's business (2 s here): the bound only catches a hang
            going = await count(
                pg_database,
                "SELECT count(*) FROM jobs WHERE next_run_at IS NOT NULL"
                " OR id IN (SELECT job_id FROM runs WHERE status IN ('queued', 'running'))",
            )
            return going == 0

        await until(settled, within=240, what="every slot to fire and every run to end")
        expected = [start + timedelta(seconds=i) for i in range(SLOTS_PER_JOB)]
        problems: list[str] = []

        async def check(job_id: str) -> None:
            page = await answer(survivor, f"/jobs/{job_id}/runs", limit=200)
            runs: list[dict[str, Any]] = page["runs"]
            scheduled = [r for r in runs if r["trigger"] == "schedule"]
            slots = sorted(datetime.fromisoformat(r["scheduled_for"]) for r in scheduled)
            if slots != expected:
                problems.append(f"{job_id}: slots {[s.second for s in slots]}")
            retried = {r["retry_of"] for r in runs if r["trigger"] == "retry"}
            # runs the kill orphaned: recovered when their lease ran out, then retried
            orphaned = [r for r in runs if (r["error"] or "").startswith("interrupted")]
            for run in runs:
                if run["status"] in ACTIVE:
                    problems.append(f"{run['id']} still {run['status']}")
                if run["status"] == RunStatus.SKIPPED and not (
                    orphaned and (run["reason"] or "").startswith("overlap")
                ):
                    # each run takes milliseconds: only a run the kill orphaned (going on
                    # until its lease ran out) may make a slot of its job overlap
                    problems.append(f"{job_id} {run['id']} skipped: {run['reason']}")
                if run["status"] == RunStatus.FAILED and run["id"] not in retried:
                    problems.append(f"{run['id']} failed ({run['error']}) and was not retried")

        for batch in range(0, len(job_ids), 10):
            await asyncio.gather(*(check(j) for j in job_ids[batch : batch + 10]))
        assert not problems, problems[:10]
    finally:
        for client in clients:
            await client.aclose()
        await asyncio.gather(*(asyncio.to_thread(s.stop) for s in services))
