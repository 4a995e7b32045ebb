"""Scale: the idle cost of 100,000 registered jobs, steady firing at ~500 runs/s, and jobs
due every second.

    .venv/bin/python bench/bench_scale.py idle   [--jobs 100000] [--seconds 30]
    .venv/bin/python bench/bench_scale.py steady [--jobs 100000] [--seconds 60] [--skip-apscheduler]
    .venv/bin/python bench/bench_scale.py every-second [--jobs 200] [--http 20] [--seconds 300]

idle: a SQLite database with N jobs whose daily slots are spread over the day (a few due a
minute); `agentcron serve` as a real process: time to answer /healthz, then CPU% and RSS while
idle, next to a bare uvicorn + Starlette process (the peer) measured the same way.

steady: N `every` jobs with anchors spread so that ~N/200 fire each second (500/s for 100,000),
the engine in-process on SQLite for the given seconds: p50/p99/max start lateness of every run
(started_at - scheduled_for, from the database). The peer is APScheduler 3.11 (memory store)
with the same N interval jobs, measured from its own job start times.

every-second: N no-op jobs and H http jobs (posting to a local sink process) each due every
second, the engine in-process on SQLite with the default settings, for the given seconds:
how many slots ran, how many were skipped because the previous run was still going (each run
takes milliseconds, so the answer should be none) and the start lateness of the runs. The peer
is APScheduler 3.11 with its SQLAlchemy store on SQLite (durable, like ours) and the same jobs:
its runs, its overlap skips (max_instances) and misfires, and its start lateness.

Every agentcron figure is measured with the settings a user gets (``Settings()`` defaults).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_healthy(
    url: str, proc: subprocess.Popen[bytes], *, began: float, limit: float = 120
) -> float:
    """Seconds from ``began`` (the process's launch) until ``url`` answers."""
    import urllib.request

    while time.monotonic() - began < limit:
        if proc.poll() is not None:
            raise SystemExit(f"{url}: process exited")
        try:
            urllib.request.urlopen(url, timeout=1)
            return time.monotonic() - began
        except Exception:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not answer in {limit} s")


def seed_jobs(url: str, n: int, make: Any) -> None:
    from sqlalchemy import insert

    from agentcron.app.storage.database import Database
    from agentcron.app.storage.migrate import upgrade
    from agentcron.app.storage.tables import jobs

    upgrade(url)
    db = Database(url)
    rows = [make(i) for i in range(n)]

    async def write() -> None:
        for start in range(0, n, 5000):
            chunk = rows[start : start + 5000]
            await db.write(lambda conn, chunk=chunk: conn.execute(insert(jobs), chunk))
        await db.close()

    asyncio.run(write())


def job_row(
    i: int, *, action: dict[str, Any], schedule: dict[str, Any], next_run_at: datetime
) -> dict[str, Any]:
    from agentcron.app.ids import new_id

    now = datetime.now(UTC)
    return {
        "id": new_id("job"),
        "owner": "bench",
        "name": f"job {i}",
        "action": action,
        "schedule": schedule,
        "status": "active",
        "overlap": "skip",
        "tags": [],
        "tags_index": "",
        "metadata": {},
        "next_run_at": next_run_at,
        "run_count": 0,
        "created_at": now,
        "updated_at": now,
    }


def idle(args: argparse.Namespace) -> None:
    from agentcron.app.domain.schedule import Schedule, next_fire_time

    tmp = Path(tempfile.mkdtemp(prefix="agentcron-idle-"))
    url = f"sqlite+aiosqlite:///{tmp / 'idle.db'}"
    rng = random.Random(7)
    now = datetime.now(UTC)

    def make(i: int) -> dict[str, Any]:
        schedule = {
            "type": "cron",
            "expression": f"{rng.randrange(60)} {rng.randrange(24)} * * *",
            "timezone": "UTC",
        }
        return job_row(
            i,
            action={"type": "noop"},
            schedule=schedule,
            next_run_at=next_fire_time(Schedule.from_dict(schedule), after=now),
        )

    began = time.monotonic()
    seed_jobs(url, args.jobs, make)
    print(f"seeded {args.jobs} jobs in {time.monotonic() - began:.1f} s")
    env = {**os.environ, "AGENTCRON_DATABASE_URL": url}
    port, bare_port = free_port(), free_port()
    bare_launched = time.monotonic()
    bare = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bare_app:app",
            "--port",
            str(bare_port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT / "bench",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    start_bare = wait_healthy(f"http://127.0.0.1:{bare_port}/bare", bare, began=bare_launched)
    launched = time.monotonic()
    ours = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentcron.app.cli",
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=tmp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        start_ours = wait_healthy(f"http://127.0.0.1:{port}/healthz", ours, began=launched)
        time.sleep(5)  # let start-up settle before measuring idle
        c0, b0, t0 = cpu_seconds(ours.pid), cpu_seconds(bare.pid), time.monotonic()
        time.sleep(args.seconds)
        elapsed = time.monotonic() - t0
        ours_cpu = (cpu_seconds(ours.pid) - c0) / elapsed * 100
        bare_cpu = (cpu_seconds(bare.pid) - b0) / elapsed * 100
        print(f"idle for {elapsed:.0f} s with {args.jobs} jobs registered (SQLite):")
        print(f"  {'':28} {'start (s)':>10} {'CPU %':>8} {'RSS MB':>8}")
        print(
            f"  {'agentcron serve (all roles)':28} {start_ours:10.2f} {ours_cpu:8.2f} {rss_mb(ours.pid):8.0f}"
        )
        print(
            f"  {'bare uvicorn+Starlette (peer)':28} {start_bare:10.2f} {bare_cpu:8.2f} {rss_mb(bare.pid):8.0f}"
        )
    finally:
        for proc in (ours, bare):
            proc.terminate()
            proc.wait(timeout=30)


async def steady_agentcron(n: int, seconds: float) -> list[float]:
    from sqlalchemy import select

    from agentcron.app.config import Settings
    from agentcron.app.engine.service import EngineService
    from agentcron.app.runtime import Runtime
    from agentcron.app.storage.tables import runs

    period = 200
    tmp = Path(tempfile.mkdtemp(prefix="agentcron-steady-"))
    url = f"sqlite+aiosqlite:///{tmp / 'steady.db'}"
    # seeding 100,000 rows takes ~10 s here: the first slots must still be ahead when it ends
    origin = (datetime.now(UTC) + timedelta(seconds=30)).replace(microsecond=0)

    def make(i: int) -> dict[str, Any]:
        anchor = origin + timedelta(seconds=(i * period) / n)
        schedule = {
            "type": "every",
            "interval": period,
            "start_at": anchor.isoformat(),
            "timezone": "UTC",
        }
        return job_row(i, action={"type": "noop"}, schedule=schedule, next_run_at=anchor)

    await asyncio.to_thread(seed_jobs, url, n, make)
    rt = Runtime(Settings(database_url=url, tune_gc=True))
    rt.roles = {"scheduler", "worker"}
    engine = EngineService(rt)
    await engine.start()
    await asyncio.sleep(max(0.0, (origin - datetime.now(UTC)).total_seconds()) + seconds)
    await engine.stop()
    rows = await rt.db.read(
        lambda conn: conn.execute(
            select(runs.c.scheduled_for, runs.c.started_at).where(runs.c.started_at.is_not(None))
        ).all()
    )
    await rt.close()
    return [(r.started_at - r.scheduled_for).total_seconds() for r in rows]


async def steady_apscheduler(n: int, seconds: float) -> list[float]:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    period = 200
    origin = (datetime.now(UTC) + timedelta(seconds=15)).replace(microsecond=0)
    lateness: list[float] = []

    async def job(anchor: float) -> None:
        now = time.time()
        lateness.append((now - anchor) % period)

    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.start(paused=True)
    for i in range(n):
        anchor = origin + timedelta(seconds=(i * period) / n)
        scheduler.add_job(
            job,
            "interval",
            seconds=period,
            start_date=anchor,
            args=[anchor.timestamp()],
            misfire_grace_time=3600,
            id=f"j{i}",
        )
    scheduler.resume()
    await asyncio.sleep(max(0.0, (origin - datetime.now(UTC)).total_seconds()) + seconds)
    scheduler.shutdown(wait=False)
    return lateness


def steady(args: argparse.Namespace) -> None:
    print(
        f"{args.jobs} jobs firing ~{args.jobs // 200}/s for {args.seconds:.0f} s, start lateness:"
    )
    ours = asyncio.run(steady_agentcron(args.jobs, args.seconds))
    print(
        f"  agentcron (SQLite, all recorded)  {len(ours):7d} runs  p50 {pct(ours, 0.5) * 1000:7.1f} ms"
        f"  p99 {pct(ours, 0.99) * 1000:7.1f} ms  max {max(ours) * 1000:7.1f} ms"
    )
    if not args.skip_apscheduler:
        peer = asyncio.run(steady_apscheduler(args.jobs, args.seconds))
        print(
            f"  APScheduler 3.11 memory store     {len(peer):7d} runs  p50 {pct(peer, 0.5) * 1000:7.1f} ms"
            f"  p99 {pct(peer, 0.99) * 1000:7.1f} ms  max {max(peer) * 1000:7.1f} ms"
        )
        print(f"  p99 ratio APScheduler / agentcron: {pct(peer, 0.99) / pct(ours, 0.99):.1f}x")


def _every_second(origin: datetime) -> dict[str, Any]:
    return {"type": "every", "interval": 1, "start_at": origin.isoformat(), "timezone": "UTC"}


def _every_second_jobs(noop: int, http: int, origin: datetime, sink: str) -> list[Any]:
    schedule = _every_second(origin)
    post = {
        "type": "http",
        "http": {"url": f"{sink}/hit", "method": "POST", "body": {"job": "{{ job.id }}"}},
    }
    return [
        job_row(
            i, action=post if i < http else {"type": "noop"}, schedule=schedule, next_run_at=origin
        )
        for i in range(noop + http)
    ]


async def every_second_agentcron(noop: int, http: int, seconds: float, sink: str) -> dict[str, Any]:
    from sqlalchemy import select, update

    from agentcron.app.config import Settings
    from agentcron.app.domain.enums import SkipReason
    from agentcron.app.engine.service import EngineService
    from agentcron.app.runtime import Runtime
    from agentcron.app.storage.tables import jobs, runs

    tmp = Path(tempfile.mkdtemp(prefix="agentcron-every-second-"))
    url = f"sqlite:///{tmp / 'every.db'}"
    # registered for tomorrow, then moved to a start a few seconds after the engine is up:
    # the service is running before the first slot, as it would be (on a busy machine
    # set-up can take longer than any fixed lead)
    rows = _every_second_jobs(noop, http, datetime.now(UTC) + timedelta(days=1), sink)
    await asyncio.to_thread(seed_jobs, url, len(rows), lambda i: rows[i])
    # the settings a user gets; the sink is on 127.0.0.1, and `serve` tunes the collector
    rt = Runtime(Settings(database_url=url, allow_private_networks=True, tune_gc=True))
    rt.roles = {"scheduler", "worker"}
    engine = EngineService(rt)
    await engine.start()
    origin = (datetime.now(UTC) + timedelta(seconds=3)).replace(microsecond=0)
    schedule = _every_second(origin)
    await rt.db.write(
        lambda conn: conn.execute(update(jobs).values(schedule=schedule, next_run_at=origin))
    )
    engine.scheduler.wake()
    cpu0 = time.process_time()
    end = origin + timedelta(seconds=seconds)
    await asyncio.sleep(max(0.0, (end - datetime.now(UTC)).total_seconds()) + 1)
    cpu = time.process_time() - cpu0
    await engine.stop()
    found = await rt.db.read(
        lambda conn: conn.execute(
            select(runs.c.scheduled_for, runs.c.started_at, runs.c.status, runs.c.reason).where(
                runs.c.trigger == "schedule",
                runs.c.scheduled_for >= origin,
                runs.c.scheduled_for < end,
            )
        ).all()
    )
    await rt.close()
    ran = [r for r in found if r.status not in ("skipped", "cancelled", "queued")]
    overlap = [r for r in found if r.status == "skipped" and SkipReason.of(r.reason) == "overlap"]
    return {
        "due": len(rows) * int(seconds),
        "ran": len(ran),
        "overlap": len(overlap),
        # slots not run for another reason, or not fired at all
        "other": len(rows) * int(seconds) - len(ran) - len(overlap),
        "lateness": [(r.started_at - r.scheduled_for).total_seconds() for r in ran if r.started_at],
        "cpu": cpu / seconds * 100,
    }


async def every_second_apscheduler(
    noop: int, http: int, seconds: float, sink: str
) -> dict[str, Any]:
    import logging

    import aiohttp
    from apscheduler.events import (
        EVENT_JOB_MAX_INSTANCES,
        EVENT_JOB_MISSED,
        EVENT_JOB_SUBMITTED,
        JobEvent,
        JobSubmissionEvent,
    )
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    # a job cut off by shutdown(wait=False) is logged with its traceback: not news here
    logging.getLogger("apscheduler").setLevel(logging.CRITICAL)
    tmp = Path(tempfile.mkdtemp(prefix="aps-every-second-"))
    origin = (datetime.now(UTC) + timedelta(seconds=5)).replace(microsecond=0)
    end = origin + timedelta(seconds=seconds)
    lateness: list[float] = []
    skipped = {"overlap": 0, "missed": 0}
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))

    def listen(event: JobEvent) -> None:
        if isinstance(event, JobSubmissionEvent):
            now = time.time()
            lateness.extend(
                now - t.timestamp() for t in event.scheduled_run_times if origin <= t < end
            )
        elif event.scheduled_run_time < end:
            kind = "overlap" if event.code == EVENT_JOB_MAX_INSTANCES else "missed"
            skipped[kind] += 1

    scheduler = AsyncIOScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{tmp / 'aps.db'}")},
        timezone="UTC",
    )
    scheduler.add_listener(listen, EVENT_JOB_SUBMITTED | EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED)
    scheduler.start(paused=True)
    jobstore = scheduler._jobstores["default"]
    # stored in one transaction, as agentcron's rows are (the store's add_job commits each)
    added: list[Any] = []
    jobstore.add_job = added.append
    for i in range(noop + http):
        scheduler.add_job(
            aps_post if i < http else aps_noop,
            "interval",
            seconds=1,
            start_date=origin,
            args=[f"{sink}/hit"] if i < http else [],
            id=f"j{i}",
        )
    del jobstore.add_job
    import pickle

    from apscheduler.util import datetime_to_utc_timestamp

    with jobstore.engine.begin() as connection:
        connection.execute(
            jobstore.jobs_t.insert(),
            [
                {
                    "id": job.id,
                    "next_run_time": datetime_to_utc_timestamp(job.next_run_time),
                    "job_state": pickle.dumps(job.__getstate__(), jobstore.pickle_protocol),
                }
                for job in added
            ],
        )
    if datetime.now(UTC) > origin - timedelta(seconds=1):
        print(
            f"  (APScheduler's set-up ended {(datetime.now(UTC) - origin).total_seconds():+.1f} s from its first slot: too late)"
        )
    global _aps_session
    _aps_session = session
    scheduler.resume()
    await asyncio.sleep(max(0.0, (end - datetime.now(UTC)).total_seconds()) + 1)
    scheduler.shutdown(wait=False)
    await session.close()
    return {
        "due": (noop + http) * int(seconds),
        "ran": len(lateness),
        "overlap": skipped["overlap"],
        "other": skipped["missed"],
        "lateness": lateness,
        "cpu": float("nan"),
    }


_aps_session: Any = None


async def aps_noop() -> None:
    return None


async def aps_post(url: str) -> None:
    async with _aps_session.post(url, json={"job": "x"}) as response:
        await response.read()


def every_second(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    port = free_port()
    sink = subprocess.Popen([sys.executable, str(ROOT / "bench" / "sink_server.py"), str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        time.sleep(1)
        print(
            f"{args.jobs} no-op and {args.http} http jobs due every second for "
            f"{args.seconds:.0f} s (SQLite; agentcron with its default settings):"
        )
        results = {
            "agentcron": asyncio.run(
                every_second_agentcron(args.jobs, args.http, args.seconds, url)
            )
        }
        if not args.skip_apscheduler:
            results["APScheduler 3.11 SQLite store"] = asyncio.run(
                every_second_apscheduler(args.jobs, args.http, args.seconds, url)
            )
        print(
            f"  {'':30} {'due':>7} {'ran':>7} {'overlap':>8} {'other':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
        )
        for name, r in results.items():
            late = r["lateness"]
            print(
                f"  {name:30} {r['due']:7d} {r['ran']:7d} {r['overlap']:8d} {r['other']:6d}"
                f" {pct(late, 0.5) * 1000:8.1f} {pct(late, 0.99) * 1000:8.1f}"
                f" {max(late, default=float('nan')) * 1000:8.1f}"
            )
        ours = results["agentcron"]
        print(f"  agentcron CPU while running: {ours['cpu']:.1f}% of a core")
        if len(results) > 1:
            peer = results["APScheduler 3.11 SQLite store"]
            print(
                f"  p99 start lateness APScheduler / agentcron: "
                f"{pct(peer['lateness'], 0.99) / pct(ours['lateness'], 0.99):.1f}x"
            )
    finally:
        sink.terminate()
        sink.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["idle", "steady", "every-second"])
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--http", type=int, default=20, help="every-second: http jobs")
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--skip-apscheduler", action="store_true")
    args = parser.parse_args()
    if args.jobs is None:
        args.jobs = 200 if args.mode == "every-second" else 100_000
    if args.seconds is None:
        args.seconds = {"idle": 30.0, "steady": 60.0, "every-second": 300.0}[args.mode]
    {"idle": idle, "steady": steady, "every-second": every_second}[args.mode](args)


if __name__ == "__main__":
    main()
