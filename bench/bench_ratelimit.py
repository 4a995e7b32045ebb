"""What the rate limiter costs per request: the same service with limits on and off, same run.

    .venv/bin/python bench/bench_ratelimit.py [--requests 3000] [--rounds 3] [--concurrency 32]
        [--database postgresql+asyncpg://postgres@127.0.0.1:5432/test]

Two parts, each on SQLite (buckets in the process) and PostgreSQL (buckets in a shared
UNLOGGED table; a database of its own is created and dropped):

1. the store alone: one ``acquire`` after another in this process, for the two buckets a
   ``/validate`` counts in (address and key), median µs per call;
2. through HTTP: two `agentcron serve --role api` processes, one with the default limits
   (raised far enough that this one load generator is never refused, so every request still
   pays for its check) and one with every limit ``off``, driven alternately by the same
   aiohttp load on ``GET /validate`` (two buckets) and ``GET /jobs/{id}`` (one bucket).
   The cost per request is the server process's CPU time per request (from /proc), on minus
   off: unlike requests per second, it hardly moves when other work shares the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from bench_api import free_port, load, ms, wait_up

from agentcron.app.domain.ratelimit import Policy
from agentcron.app.storage.database import Database
from agentcron.app.storage.migrate import upgrade
from agentcron.app.storage.ratelimits import MemoryRateLimitStore, PostgresRateLimitStore

RAISED = "100000000/1"  # the default policies' shape, too large for one load generator to meet
LIMITS_ON = {
    "AGENTCRON_RATE_LIMIT_PARSE": RAISED,
    "AGENTCRON_RATE_LIMIT_PARSE_ADDRESS": RAISED,
    "AGENTCRON_RATE_LIMIT_API": RAISED,
}
LIMITS_OFF = dict.fromkeys(LIMITS_ON, "off")


async def admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def store_cost(url: str, calls: int) -> float:
    """Median µs per acquire() of an address and a key bucket, calls one after another."""
    db = Database(url)
    store = MemoryRateLimitStore() if db.is_sqlite else PostgresRateLimitStore(db)
    address, key = Policy("address", 10**9, 1), Policy("key", 10**9, 1)
    samples = []
    try:
        for i in range(calls):
            began = time.perf_counter()
            await store.acquire([(f"a{i % 50}", address), ("k", key)], clock=time.time)
            samples.append(time.perf_counter() - began)
    finally:
        await store.close()
        await db.close()
    return statistics.median(samples) * 1e6


async def http_cost(url: str, args: argparse.Namespace, tmp: Path) -> dict[str, dict[str, float]]:
    cli = [sys.executable, "-m", "agentcron.app.cli"]
    base = {**os.environ, "AGENTCRON_DATABASE_URL": url}
    key = (
        subprocess.run(
            [*cli, "keys", "create", "--name", "bench"],
            env=base,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    ports = {"on": free_port(), "off": free_port()}
    procs = [
        subprocess.Popen(
            [*cli, "serve", "--role", "api", "--port", str(port), "--log-level", "warning"],
            env={**base, **(LIMITS_ON if name == "on" else LIMITS_OFF)},
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, port in ports.items()
    ]
    try:
        for port in ports.values():
            wait_up(f"http://127.0.0.1:{port}/healthz")
        headers = {"Authorization": f"Bearer {key}"}
        body = {
            "name": "bench",
            "goal": "g",
            "schedule": {"type": "cron", "expression": "0 9 * * *"},
        }
        async with aiohttp.ClientSession(headers=headers) as s:
            async with s.post(f"http://127.0.0.1:{ports['on']}/api/scheduler/jobs", json=body) as r:
                job_id = json.loads(await r.read())["id"]
        paths = {
            "GET /validate": "/api/scheduler/validate?type=cron&value=0+9+*+*+1-5",
            "GET /jobs/{id}": f"/api/scheduler/jobs/{job_id}",
        }
        pids = {name: proc.pid for name, proc in zip(ports, procs, strict=True)}
        runs: dict[tuple[str, str], list[tuple[float, list[float], float]]] = {}
        for _ in range(args.rounds + 1):  # the first round warms up and is dropped
            for path_name, path in paths.items():
                for name, port in ports.items():
                    cpu = cpu_seconds(pids[name])
                    rate, latencies = await load(
                        "GET",
                        f"http://127.0.0.1:{port}{path}",
                        n=args.requests,
                        concurrency=args.concurrency,
                        headers=headers,
                    )
                    per_request = (cpu_seconds(pids[name]) - cpu) / args.requests * 1e6
                    runs.setdefault((path_name, name), []).append((rate, latencies, per_request))
        out: dict[str, dict[str, float]] = {}
        for path_name in paths:
            row: dict[str, float] = {}
            for name in ports:
                kept = runs[(path_name, name)][1:]
                row[f"rps_{name}"] = statistics.median(r for r, _, _ in kept)
                row[f"p50_{name}"] = ms([x for _, ls, _ in kept for x in ls], 0.5)
                row[f"cpu_{name}"] = statistics.median(c for _, _, c in kept)
            row["cost_us"] = row["cpu_on"] - row["cpu_off"]
            out[path_name] = row
        return out
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "AGENTCRON_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="agentcron-ratelimit-"))
    name = f"agentcron_bench_{uuid.uuid4().hex[:8]}"
    await admin(args.database, f'CREATE DATABASE "{name}"')
    pg = make_url(args.database).set(database=name).render_as_string(hide_password=False)
    backends = {"SQLite": f"sqlite+aiosqlite:///{tmp / 'bench.db'}", "PostgreSQL": pg}
    try:
        for url in backends.values():
            upgrade(url)
        print(f"store alone: median µs per acquire (2 buckets), {args.calls} calls")
        for label, url in backends.items():
            print(f"  {label:11} {await store_cost(url, args.calls):7.1f} µs")
        print(
            f"\nthrough HTTP: {args.requests} requests x {args.rounds} rounds, "
            f"{args.concurrency} connections, one uvicorn worker each"
        )
        print(
            f"{'':11} {'endpoint':15} {'req/s on':>9} {'req/s off':>9} {'p50 ms on':>10} "
            f"{'p50 ms off':>10} {'CPU µs on':>10} {'CPU µs off':>10} {'cost µs':>8}"
        )
        for label, url in backends.items():
            for path_name, row in (await http_cost(url, args, tmp)).items():
                print(
                    f"{label:11} {path_name:15} {row['rps_on']:9.0f} {row['rps_off']:9.0f} "
                    f"{row['p50_on']:10.1f} {row['p50_off']:10.1f} {row['cpu_on']:10.0f} "
                    f"{row['cpu_off']:10.0f} {row['cost_us']:8.0f}"
                )
    finally:
        await admin(args.database, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    asyncio.run(main())
