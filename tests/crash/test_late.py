"""Late is not missed: an instance frozen for seconds (SIGSTOP: what a machine too busy to
schedule it does) runs every slot it was late for once it moves again — none coalesced, none
skipped for overlap with a run that only began late."""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, or_, select, update

from agentcron.app.domain.enums import ACTIVE, RunStatus
from agentcron.app.storage.tables import jobs, runs
from tests.support.service import ServiceProcess, create_key
from tests.support.waiting import until

pytestmark = pytest.mark.slow

JOBS = 20
SLOTS_PER_JOB = 8
#: how long the instance is frozen: a span of real time is the scenario itself
FROZEN_SECONDS = 2.5


def iso(instant: datetime) -> str:
    return instant.isoformat().replace("+00:00", "Z")


async def test_a_frozen_instance_runs_every_slot_it_was_late_for(tmp_path: Path) -> None:
    path = tmp_path / "late.db"
    service = ServiceProcess(database_url=f"sqlite:///{path}", workdir=tmp_path)
    await asyncio.to_thread(service.start)
    # the test reads the file directly (an instance frozen by SIGSTOP answers nothing)
    database = create_engine(f"sqlite:///{path}")

    def scalar(query: Any) -> int:
        with database.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def write(statement: Any) -> None:
        with database.begin() as conn:
            conn.execute(statement)

    try:
        key = await asyncio.to_thread(create_key, service.env)
        async with httpx.AsyncClient(
            base_url=service.url + "/api/scheduler",
            headers={"Authorization": f"Bearer {key}"},
            timeout=30,
        ) as api:
            # created for tomorrow, then moved to a shared start in one statement (the
            # service notices the file change): the plan does not depend on how fast the
            # jobs could be created
            later = {
                "type": "every",
                "interval": 1,
                "start_at": iso(datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)),
            }
            job_ids = []
            for i in range(JOBS):
                response = await api.post(
                    "/jobs", json={"name": f"job {i}", "action": "noop", "schedule": later}
                )
                assert response.status_code == 201, response.text
                job_ids.append(response.json()["id"])
            start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
            end = start + timedelta(seconds=SLOTS_PER_JOB - 1)
            schedule = {
                "type": "every",
                "interval": 1,
                "start_at": iso(start),
                "end_at": iso(end),
                "timezone": "UTC",
            }
            await asyncio.to_thread(
                write, update(jobs).values(schedule=schedule, next_run_at=start)
            )

            # frozen once the first two slots have fired, whenever that is on this machine:
            # the slots due while it is frozen come and go
            async def two_slots_fired() -> bool:
                fired = select(func.count()).select_from(runs)
                return await asyncio.to_thread(scalar, fired) >= 2 * JOBS

            await until(two_slots_fired, within=120, what="the first two slots to fire")
            assert service.proc is not None
            os.kill(service.proc.pid, signal.SIGSTOP)
            try:
                await asyncio.sleep(FROZEN_SECONDS)
            finally:
                os.kill(service.proc.pid, signal.SIGCONT)

            async def done() -> bool:
                # every slot fired (each job's schedule has ended) and every run ended
                going = select(func.count()).where(
                    or_(
                        jobs.c.next_run_at.is_not(None),
                        jobs.c.id.in_(select(runs.c.job_id).where(runs.c.status.in_(ACTIVE))),
                    )
                )
                return await asyncio.to_thread(scalar, going) == 0

            await until(done, within=120, what="every slot to fire and every run to end")

            expected = [start + timedelta(seconds=i) for i in range(SLOTS_PER_JOB)]
            problems: list[str] = []
            latest = 0.0
            for job_id in job_ids:
                page = (await api.get(f"/jobs/{job_id}/runs", params={"limit": 50})).json()
                found: list[dict[str, Any]] = page["runs"]
                slots = sorted(datetime.fromisoformat(r["scheduled_for"]) for r in found)
                if slots != expected:
                    problems.append(f"{job_id}: slots {[s.second for s in slots]}")
                problems += [
                    f"{job_id} {r['scheduled_for']}: {r['status']} ({r['reason']})"
                    for r in found
                    if r["status"] != RunStatus.SUCCEEDED
                ]
                latest = max(
                    latest,
                    *(
                        (
                            datetime.fromisoformat(r["started_at"])
                            - datetime.fromisoformat(r["scheduled_for"])
                        ).total_seconds()
                        for r in found
                        if r["started_at"]
                    ),
                )
            assert not problems, problems[:10]
            # the freeze did make slots late (else this test showed nothing)
            assert latest >= 1.0, latest
    finally:
        database.dispose()
        await asyncio.to_thread(service.stop)
