"""Kill the service for real (SIGKILL) with runs in flight, start it again: every claimed run is
recovered, and every scheduled slot is accounted for exactly once."""

from __future__ import annotations

import asyncio
import itertools
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes.sink import Sink
from tests.support.service import ServiceProcess, create_key
from tests.support.waiting import until

pytestmark = pytest.mark.slow


async def runs_of(api: httpx.AsyncClient, job_id: str) -> list[dict[str, Any]]:
    response = await api.get(f"/jobs/{job_id}/runs", params={"limit": 200})
    return list(reversed(response.json()["runs"]))


async def test_kill_9_then_restart_recovers_runs_and_slots(
    db_url: str, tmp_path: Path, sink: Sink
) -> None:
    first = await asyncio.to_thread(ServiceProcess(database_url=db_url, workdir=tmp_path).start)
    key = await asyncio.to_thread(create_key, first.env)
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=first.url + "/api/scheduler", headers=headers) as api:
        long_jobs = []
        for index in range(3):
            response = await api.post(
                "/jobs",
                json={
                    "name": f"long {index}",
                    "action": "http",
                    "http": {"url": sink.url("/hang")},
                    "schedule": None,
                    "retry": {"max_attempts": 2, "strategy": "fixed", "base_delay": 0},
                },
            )
            assert response.status_code == 201, response.text
            long_jobs.append(response.json()["id"])
        triggered = {}
        for job_id in long_jobs:
            triggered[job_id] = (await api.post(f"/jobs/{job_id}/trigger")).json()["run_id"]
        ticker = (
            await api.post(
                "/jobs",
                json={
                    "name": "ticker",
                    "action": "noop",
                    "schedule": {"type": "every", "interval": 1},
                },
            )
        ).json()["id"]

        async def in_flight() -> bool:
            return len(sink.on("/hang")) >= 3 and len(await runs_of(api, ticker)) >= 2

        await until(in_flight, what="three runs in flight and the ticker going")
        first.kill()
        killed_at = datetime.now().astimezone()

    sink.release.set()  # from now on the endpoint answers at once
    second = await asyncio.to_thread(ServiceProcess(database_url=db_url, workdir=tmp_path).start)
    try:
        async with httpx.AsyncClient(
            base_url=second.url + "/api/scheduler", headers=headers
        ) as api:
            for job_id, run_id in triggered.items():

                async def recovered(job_id: str = job_id) -> list[dict[str, Any]] | None:
                    runs = await runs_of(api, job_id)
                    done = [r["status"] for r in runs]
                    return runs if done == ["failed", "succeeded"] else None

                runs = await until(recovered, what=f"{job_id} to be recovered and retried")
                orphan, retry = runs
                assert orphan["id"] == run_id
                assert orphan["reason"] == "interrupted"
                assert retry["trigger"] == "retry" and retry["retry_of"] == run_id

            restarted_at = datetime.now().astimezone()

            async def ticking_again() -> bool:
                runs = await runs_of(api, ticker)
                return any(
                    r["status"] == "succeeded"
                    and datetime.fromisoformat(r["scheduled_for"]) > restarted_at
                    for r in runs
                )

            await until(ticking_again, what="the ticker to fire after the restart")
            runs = [r for r in await runs_of(api, ticker) if r["trigger"] == "schedule"]
    finally:
        await asyncio.to_thread(second.stop)
    slots = [datetime.fromisoformat(r["scheduled_for"]) for r in runs]
    assert len(slots) == len(set(slots)), "a slot fired twice"
    ordered = sorted(slots)
    gaps = [(a, b) for a, b in itertools.pairwise(ordered) if (b - a).total_seconds() != 1]
    assert not gaps, f"slots lost between {gaps}"
    for run in runs:
        if run["status"] == "failed":  # a tick that was running at the kill
            assert run["reason"] == "interrupted", run
        elif run["status"] in ("queued", "running"):
            # in flight when we looked: the second process's own, never an orphan of the
            # killed one (how many are in flight depends on the machine's speed)
            assert datetime.fromisoformat(run["scheduled_for"]) > killed_at, run
        else:
            assert run["status"] in ("succeeded", "skipped"), run
    assert not [r for r in runs if r["status"] == "skipped" and not r["reason"]]
