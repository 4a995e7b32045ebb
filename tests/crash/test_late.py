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

from tests.support.service import ServiceProcess, create_key

pytestmark = pytest.mark.slow

JOBS = 20
SLOTS_PER_JOB = 8


def iso(instant: datetime) -> str:
    return instant.isoformat().replace("+00:00", "Z")


async def test_a_frozen_instance_runs_every_slot_it_was_late_for(tmp_path: Path) -> None:
    service = ServiceProcess(database_url=f"sqlite:///{tmp_path / 'late.db'}", workdir=tmp_path)
    await asyncio.to_thread(service.start)
    try:
        key = await asyncio.to_thread(create_key, service.env)
        async with httpx.AsyncClient(
            base_url=service.url + "/api/scheduler",
            headers={"Authorization": f"Bearer {key}"},
            timeout=30,
        ) as api:
            start = (datetime.now(UTC) + timedelta(seconds=3)).replace(microsecond=0)
            end = start + timedelta(seconds=SLOTS_PER_JOB - 1)
            schedule = {"type": "every", "interval": 1, "start_at": iso(start), "end_at": iso(end)}
            job_ids = []
            for i in range(JOBS):
                response = await api.post(
                    "/jobs", json={"name": f"job {i}", "action": "noop", "schedule": schedule}
                )
                assert response.status_code == 201, response.text
                job_ids.append(response.json()["id"])

            # frozen from 2.5 s into the slots until 5 s in: slots 3 and 4 come and go
            freeze = start + timedelta(seconds=2.5)
            await asyncio.sleep(max(0.0, (freeze - datetime.now(UTC)).total_seconds()))
            assert service.proc is not None
            os.kill(service.proc.pid, signal.SIGSTOP)
            try:
                await asyncio.sleep(2.5)
            finally:
                os.kill(service.proc.pid, signal.SIGCONT)

            async def done() -> bool:
                status = (await api.get("/status")).json()
                return datetime.now(UTC) > end + timedelta(seconds=1) and (
                    status["queued"] == 0 and status["running_runs"] == 0
                )

            deadline = asyncio.get_running_loop().time() + 120
            while not await done():
                assert asyncio.get_running_loop().time() < deadline, "runs did not finish"
                await asyncio.sleep(0.2)

            expected = [start + timedelta(seconds=i) for i in range(SLOTS_PER_JOB)]
            problems: list[str] = []
            for job_id in job_ids:
                page = (await api.get(f"/jobs/{job_id}/runs", params={"limit": 50})).json()
                runs: list[dict[str, Any]] = page["runs"]
                slots = sorted(datetime.fromisoformat(r["scheduled_for"]) for r in runs)
                if slots != expected:
                    problems.append(f"{job_id}: slots {[s.second for s in slots]}")
                problems += [
                    f"{job_id} {r['scheduled_for']}: {r['status']} ({r['reason']})"
                    for r in runs
                    if r["status"] != "succeeded"
                ]
            assert not problems, problems[:10]
    finally:
        await asyncio.to_thread(service.stop)
