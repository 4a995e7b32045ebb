"""Another process holds SQLite's write lock for 24 s under a running service (every role):
/healthz answers as fast as with nothing locked (within noise of the same probe unlocked), writes
answer 503 with Retry-After after their bounded wait, reads go on, and once the lock is gone
the service writes again by itself."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from agentcron.app.storage.database import BUSY_WAIT
from tests.support.service import ServiceProcess, create_key

pytestmark = [pytest.mark.slow]

HOLD_SECONDS = 24
HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
print("released", flush=True)
"""


async def test_healthz_answers_while_another_process_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "agentcron.db"
    service = ServiceProcess(
        database_url=f"sqlite+aiosqlite:///{path}",
        workdir=tmp_path,
        extra_env={"AGENTCRON_MAX_SLEEP_SECONDS": "10", "AGENTCRON_LEASE_SECONDS": "30"},
    )
    key = await asyncio.to_thread(create_key, service.env)
    await asyncio.to_thread(service.start)
    client = httpx.AsyncClient(
        base_url=service.url, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    job = {"name": "j", "action": "noop", "schedule": {"type": "every", "interval": 1}}
    holder = None
    try:
        assert (await client.post("/api/scheduler/jobs", json=job)).status_code == 201
        baseline: list[float] = []
        for _ in range(100):  # the same probe with nothing locked, for comparison
            began = time.perf_counter()
            await client.get("/healthz")
            baseline.append(time.perf_counter() - began)
            await client.post("/api/scheduler/jobs", json=job)
            await asyncio.sleep(0.05)
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), str(HOLD_SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None
        assert await asyncio.to_thread(holder.stdout.readline) == "locked\n"
        locked_at = time.monotonic()

        latencies: list[float] = []
        writes: list[httpx.Response] = []

        async def probe_health() -> None:
            while holder.poll() is None:
                began = time.perf_counter()
                response = await client.get("/healthz")
                latencies.append(time.perf_counter() - began)
                assert response.status_code == 200
                await asyncio.sleep(0.05)

        async def try_writes() -> None:
            # a write waits up to BUSY_WAIT before its 503; the last one begins 5 s before
            # that would reach the release (on a loaded machine a write begun 6 s before the
            # release outlived it and, rightly, succeeded)
            while time.monotonic() - locked_at < HOLD_SECONDS - BUSY_WAIT - 5:
                writes.append(await client.post("/api/scheduler/jobs", json=job))

        async def read() -> int:
            return int((await client.get("/api/scheduler/jobs")).status_code)

        health = asyncio.create_task(probe_health())
        await try_writes()
        assert await read() == 200  # WAL: readers are not blocked by the writer
        await health
        assert await asyncio.to_thread(holder.wait, 30) == 0

        # after the lock: writes work again, without a restart
        for _ in range(100):
            created = await client.post("/api/scheduler/jobs", json=job)
            if created.status_code == 201:
                break
            await asyncio.sleep(0.1)
        assert created.status_code == 201, created.text
    finally:
        if holder is not None:
            if holder.poll() is None:
                holder.kill()
                holder.wait(10)
            assert holder.stdout is not None
            holder.stdout.close()
        await client.aclose()
        await asyncio.to_thread(service.stop)

    assert writes and all(w.status_code == 503 for w in writes), [w.status_code for w in writes]
    for response in writes:
        assert response.headers["retry-after"] == "1"
        assert "locked by another process" in response.json()["detail"]
    for name, values in (("unlocked", baseline), ("locked", latencies)):
        ordered = sorted(values)
        print(
            f"/healthz {name}: {len(values)} answers, median "
            f"{statistics.median(values) * 1000:.1f} ms, p95 "
            f"{ordered[int(len(ordered) * 0.95)] * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
        )
    # Before, every write held the loop for SQLite's 10 s busy timeout, so nearly every probe
    # waited seconds. What is asserted is relative to the same probe with nothing locked, in
    # the same run (this shared machine's speed varies tenfold): the lock adds no more than
    # noise to the typical and the slow probe, and no probe waits anything like a busy timeout.
    assert len(latencies) > HOLD_SECONDS * 5
    ordered, unlocked = sorted(latencies), sorted(baseline)
    assert statistics.median(ordered) < 3 * statistics.median(unlocked) + 0.05, ordered
    p99 = int(len(ordered) * 0.99)
    assert ordered[p99] < 3 * unlocked[int(len(unlocked) * 0.99)] + 0.1, ordered[-10:]
    assert ordered[-1] < 2.5, ordered[-5:]
