"""Requests in flight when the service is killed are sent again after the restart (delivery is
at least once); each copy carries the same ``Idempotency-Key``, so a receiver that honours it
does the work exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.crash.test_crash_recovery import runs_of
from tests.fakes.sink import Sink
from tests.support.service import ServiceProcess, create_key
from tests.support.waiting import until

pytestmark = pytest.mark.slow

JOBS = 4


async def test_a_request_sent_again_after_a_crash_carries_the_same_key(
    db_url: str, tmp_path: Path, sink: Sink
) -> None:
    first = await asyncio.to_thread(ServiceProcess(database_url=db_url, workdir=tmp_path).start)
    key = await asyncio.to_thread(create_key, first.env)
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=first.url + "/api/scheduler", headers=headers) as api:
        job_ids = []
        for index in range(JOBS):
            response = await api.post(
                "/jobs",
                json={
                    "name": f"charge {index}",
                    "action": "http",
                    "http": {"url": sink.url("/hang"), "method": "POST", "body": {"n": index}},
                    "schedule": None,
                    "retry": {"max_attempts": 2, "strategy": "fixed", "base_delay": 0},
                },
            )
            assert response.status_code == 201, response.text
            job_ids.append(response.json()["id"])
            assert (await api.post(f"/jobs/{job_ids[-1]}/trigger")).status_code == 202

        async def all_in_flight() -> bool:
            return len(sink.on("/hang")) == JOBS

        await until(all_in_flight, what="every request to reach the receiver")
        first.kill()  # the receiver got them; the service never heard back

    sink.release.set()
    second = await asyncio.to_thread(ServiceProcess(database_url=db_url, workdir=tmp_path).start)
    try:
        async with httpx.AsyncClient(
            base_url=second.url + "/api/scheduler", headers=headers
        ) as api:
            for job_id in job_ids:

                async def retried(job_id: str = job_id) -> bool:
                    runs = await runs_of(api, job_id)
                    return [r["status"] for r in runs] == ["failed", "succeeded"]

                await until(retried, what=f"{job_id} to be recovered and retried")
    finally:
        await asyncio.to_thread(second.stop)

    sent = sink.on("/hang")
    assert len(sent) == 2 * JOBS  # at least once: every request went out twice
    keys = Counter(request.headers["Idempotency-Key"] for request in sent)
    assert len(keys) == JOBS and set(keys.values()) == {2}  # the same key for both copies
    for job_id in job_ids:  # one key per job's run, naming the job
        assert sum(1 for k in keys if k.startswith(f"{job_id}:")) == 1
    bodies = {request.headers["Idempotency-Key"]: request.json()["n"] for request in sent}
    assert sorted(bodies.values()) == list(range(JOBS))  # what a deduplicating receiver keeps
