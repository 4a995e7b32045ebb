"""Scale: the idle cost of 100,000 registered jobs, and steady firing at ~500 runs/s.

    .venv/bin/python bench/bench_scale.py idle   [--jobs 100000] [--seconds 30]
    .venv/bin/python bench/bench_scale.py steady [--jobs 100000] [--seconds 60] [--skip-apscheduler]

idle: a SQLite database with N jobs whose daily slots are spread over the day (a few due a
minute); `agentcron serve` as a real process: time to answer /healthz, then CPU% and RSS while
idle, next to a bare uvicorn + Starlette process (the peer) measured the same way.

steady: N `every` jobs with anchors spread so that ~N/200 fire each second (500/s for 100,000),
the engine in-process on SQLite for the given seconds: p50/p99/max start lateness of every run
(started_at - scheduled_for, from the database). The peer is APScheduler 3.11 (memory store)
with the same N interval jobs, measured from its own job start times.
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
    rt = Runtime(Settings(database_url=url, worker_concurrency=1000))
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["idle", "steady"])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--skip-apscheduler", action="store_true")
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = 30.0 if args.mode == "idle" else 60.0
    (idle if args.mode == "idle" else steady)(args)


if __name__ == "__main__":
    main()
