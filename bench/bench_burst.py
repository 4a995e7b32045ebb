"""Midnight burst: N jobs all due in the same second. agentcron against APScheduler 3.11.

    .venv/bin/python bench/bench_burst.py [--sizes 1000,10000] [--skip-apscheduler] [--tuned]

For each N, every contender gets the same work in this one invocation:
- agentcron on SQLite with the settings a user gets (engine in-process, every run recorded),
  a no-op action and an `http` action posting to a local sink (a separate process);
  ``--tuned`` adds a line beside them with the worker concurrency at N and firing batches of
  1,000 (never instead of the defaults);
- APScheduler 3.11 AsyncIOScheduler with its SQLAlchemy job store on SQLite (its jobs stored
  in one transaction, as ours are) and with its
  (non-durable) memory store, jobs posting with aiohttp, the same client agentcron uses.
Prints p50/p99/max lateness of run start and of arrival at the sink, and runs/s, with ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
#: seconds between the end of set-up and the due second, at least; more for a large burst, so
#: that each contender is running and waiting before its jobs come due, as it would be at
#: midnight (agentcron's scheduler fires a burst ahead by its measured rate: 10,000 → up to 10 s)
LEAD = 3.0
LEAD_PER_JOB = 0.001


def lead(n: int) -> float:
    return LEAD + n * LEAD_PER_JOB


def due_after(seconds: float) -> datetime:
    """The first whole second at least ``seconds`` from now."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).replace(microsecond=0) + timedelta(
        seconds=1
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class SinkProcess:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "sink_server.py"), str(self.port)]
        )

    async def ready(self) -> None:
        async with aiohttp.ClientSession() as s:
            for _ in range(100):
                try:
                    async with s.get(f"{self.url}/stats"):
                        return
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)

    async def reset(self) -> None:
        async with aiohttp.ClientSession() as s, s.post(f"{self.url}/reset"):
            pass

    async def arrivals(self) -> list[float]:
        async with aiohttp.ClientSession() as s, s.get(f"{self.url}/stats") as r:
            return list(json.loads(await r.read())["arrivals"])

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


async def wait_for(count: Any, n: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while await count() < n:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {await count()} of {n} finished in {timeout} s")
        await asyncio.sleep(0.05)


# -- agentcron -------------------------------------------------------------------------------


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def peak_rss(stop: asyncio.Event, into: list[float]) -> None:
    """Sample this process's resident memory until ``stop``; the peak goes into ``into``."""
    peak = rss_mb()
    while not stop.is_set():
        peak = max(peak, rss_mb())
        await asyncio.sleep(0.05)
    into.append(peak)


async def run_agentcron(
    n: int, action: str, sink: SinkProcess, *, tuned: bool = False, concurrency: int | None = None
) -> dict[str, Any]:
    from sqlalchemy import insert, select, update

    from agentcron.app.config import Settings
    from agentcron.app.engine.service import EngineService
    from agentcron.app.ids import new_id
    from agentcron.app.runtime import Runtime
    from agentcron.app.storage.migrate import upgrade
    from agentcron.app.storage.tables import jobs, runs

    tmp = Path(tempfile.mkdtemp(prefix="agentcron-burst-"))
    url = f"sqlite+aiosqlite:///{tmp / 'burst.db'}"
    upgrade(url)
    settings = Settings(
        database_url=url,
        allow_private_networks=True,  # the sink is on 127.0.0.1
        tune_gc=True,  # as `agentcron serve` does
    )
    if tuned:
        settings.worker_concurrency = n
        settings.claim_batch_size = 1000
    if concurrency is not None:
        settings.worker_concurrency = concurrency
    rt = Runtime(settings)
    rt.roles = {"scheduler", "worker"}
    # a placeholder: the due second is set once the rows are in (below)
    due = datetime(2000, 1, 1, tzinfo=UTC)
    spec = (
        {"type": "noop"}
        if action == "noop"
        else {
            "type": "http",
            "http": {
                "url": f"{sink.url}/hit",
                "method": "POST",
                "headers": {},
                "query": {},
                "body": {"job": "{{ job.id }}"},
            },
        }
    )
    now = datetime.now(UTC)
    rows = [
        {
            "id": new_id("job"),
            "owner": "bench",
            "name": f"burst {i}",
            "action": spec,
            "schedule": {"type": "cron", "expression": "0 0 * * *", "timezone": "UTC"},
            "status": "active",
            "overlap": "skip",
            "tags": [],
            "tags_index": "",
            "metadata": {},
            "next_run_at": due,
            "run_count": 0,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(n)
    ]
    await rt.db.write(lambda conn: conn.execute(insert(jobs), rows))
    # the jobs are registered ahead, as they would be; their second comes after set-up
    due = due_after(lead(n))
    await rt.db.write(lambda conn: conn.execute(update(jobs).values(next_run_at=due)))
    await sink.reset()
    engine = EngineService(rt)
    cpu_started = time.process_time()
    memory_before = rss_mb()
    sampled: list[float] = []
    sampling = asyncio.Event()
    sampler = asyncio.create_task(peak_rss(sampling, sampled))
    await engine.start()

    async def finished() -> int:
        # the worker's own count of recorded runs: polling the database from this process
        # would take CPU from the engine under test (every run is checked in the table below)
        assert engine.worker is not None
        return engine.worker.recorded_total

    await wait_for(finished, n, timeout=lead(n) + 120)
    sampling.set()
    await sampler
    ended = time.time()
    cpu = time.process_time() - cpu_started
    rows = await rt.db.read(
        lambda conn: conn.execute(
            select(runs.c.started_at, runs.c.status, runs.c.completed_at)
        ).all()
    )
    await engine.stop()
    await rt.close()
    due_ts = due.timestamp()
    starts = [r.started_at.timestamp() - due_ts for r in rows]
    statuses = {r.status for r in rows}
    arrivals = [t - due_ts for t in await sink.arrivals()] if action == "http" else []
    return {
        "start": starts,
        "arrival": arrivals,
        "runs_per_s": n / max(1e-9, max(r.completed_at.timestamp() for r in rows) - due_ts),
        "recorded": len(rows),
        "statuses": statuses,
        "cpu_per_run_us": cpu * 1e6 / n,
        "memory_mb": sampled[0] - memory_before,
        "_ended": ended,
        "due": due_ts,
    }


# -- APScheduler 3.11 -------------------------------------------------------------------------

_session: aiohttp.ClientSession | None = None
_starts: list[float] = []
_done = 0


async def aps_job(url: str | None) -> None:
    global _done
    _starts.append(time.time())
    if url is not None:
        assert _session is not None
        async with _session.post(url, json={"job": "x"}) as response:
            await response.read()
    _done += 1


async def run_apscheduler(n: int, store: str, action: str, sink: SinkProcess) -> dict[str, Any]:
    global _session, _done
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    _starts.clear()
    _done = 0
    tmp = Path(tempfile.mkdtemp(prefix="aps-burst-"))
    jobstore = (
        SQLAlchemyJobStore(url=f"sqlite:///{tmp / 'aps.db'}")
        if store == "sqlite"
        else MemoryJobStore()
    )
    _session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))
    scheduler = AsyncIOScheduler(jobstores={"default": jobstore}, timezone="UTC")
    scheduler.start(paused=True)
    target = f"{sink.url}/hit" if action == "http" else None
    due = due_after(lead(n))
    jobs: list[Any] = []
    if store == "sqlite":
        # stored in one transaction, as agentcron's rows are (the store's add_job commits
        # each job on its own: 10,000 took minutes on this busy disk, past the due second)
        jobstore.add_job = jobs.append  # type: ignore[method-assign]
    for i in range(n):
        scheduler.add_job(
            aps_job, "date", run_date=due, args=[target], id=f"j{i}", misfire_grace_time=3600
        )
    if store == "sqlite":
        import pickle

        from apscheduler.util import datetime_to_utc_timestamp

        del jobstore.add_job
        rows = [
            {
                "id": job.id,
                "next_run_time": datetime_to_utc_timestamp(job.next_run_time),
                "job_state": pickle.dumps(job.__getstate__(), jobstore.pickle_protocol),
            }
            for job in jobs
        ]
        with jobstore.engine.begin() as connection:
            connection.execute(jobstore.jobs_t.insert(), rows)
    overran = time.time() - due.timestamp()
    if overran > -0.5:
        print(f"  (APScheduler's set-up ended {overran:+.1f} s from its due second: too late)")
    await sink.reset()
    scheduler.resume()

    async def finished() -> int:
        return _done

    await wait_for(finished, n, timeout=lead(n) + 300)
    scheduler.shutdown(wait=False)
    await _session.close()
    due_ts = due.timestamp()
    starts = [t - due_ts for t in _starts]
    arrivals = [t - due_ts for t in await sink.arrivals()] if action == "http" else []
    return {
        "start": starts,
        "arrival": arrivals,
        "runs_per_s": n / max(1e-9, max(starts)),
        "recorded": 0,
        "statuses": set(),
    }


def line(name: str, result: dict[str, Any], key: str) -> str:
    values = result[key]
    cpu = result.get("cpu_per_run_us")
    memory = result.get("memory_mb")
    return (
        f"  {name:34} p50 {pct(values, 0.5):7.3f} s  p99 {pct(values, 0.99):7.3f} s  "
        f"max {max(values):7.3f} s  {result['runs_per_s']:8.0f} runs/s"
        + (f"  CPU {cpu:4.0f} µs/run" if cpu is not None else "")
        + (f"  +{memory:4.0f} MB" if memory is not None else "")
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--skip-apscheduler", action="store_true")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="explore: run agentcron's http burst once more with this worker concurrency",
    )
    parser.add_argument(
        "--tuned",
        action="store_true",
        help="also show agentcron with concurrency N and firing batches of 1,000",
    )
    args = parser.parse_args()
    sink = SinkProcess()
    await sink.ready()
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"\n== {n} jobs due in the same second (2-core machine, one process each)")
            ours_noop = await run_agentcron(n, "noop", sink)
            assert ours_noop["statuses"] == {"succeeded"}, ours_noop["statuses"]
            print(" run start lateness, no-op action:")
            print(line("agentcron (defaults, SQLite)", ours_noop, "start"))
            ours = await run_agentcron(n, "http", sink)
            assert ours["statuses"] == {"succeeded"}, ours["statuses"]
            assert ours["recorded"] == ours_noop["recorded"] == n
            print(" arrival at the sink, http action:")
            print(line("agentcron (defaults, SQLite)", ours, "arrival"))
            if args.tuned:
                tuned = await run_agentcron(n, "http", sink, tuned=True)
                print(line("agentcron tuned (concurrency N)", tuned, "arrival"))
            if args.concurrency:
                other = await run_agentcron(n, "http", sink, concurrency=args.concurrency)
                print(line(f"agentcron concurrency {args.concurrency}", other, "arrival"))
            if args.skip_apscheduler:
                continue
            aps_sqlite = await run_apscheduler(n, "sqlite", "http", sink)
            print(line("APScheduler 3.11 SQLAlchemy store", aps_sqlite, "arrival"))
            aps_memory = await run_apscheduler(n, "memory", "http", sink)
            print(line("APScheduler 3.11 memory store", aps_memory, "arrival"))
            ours_p99 = pct(ours["arrival"], 0.99)
            print(
                f" p99 arrival: APScheduler SQLite / agentcron = "
                f"{pct(aps_sqlite['arrival'], 0.99) / ours_p99:.1f}x, "
                f"APScheduler memory / agentcron = {pct(aps_memory['arrival'], 0.99) / ours_p99:.1f}x"
            )
    finally:
        sink.stop()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    asyncio.run(main())
