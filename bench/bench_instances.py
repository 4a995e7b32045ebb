"""Many instances: three `agentcron serve` processes on one PostgreSQL database.

    .venv/bin/python bench/bench_instances.py [--jobs 1000] [--seconds 20] [--instances 3]
        [--database postgresql+asyncpg://postgres@127.0.0.1:5432/test]

N jobs fire every second for the given seconds; each run POSTs its job id and slot to a
local sink (a separate process). Prints runs/s, how the runs spread over the instances, and
the duplicate and missing (job, slot) pairs counted at the sink — goal 0 and 0.
Creates and drops a database of its own on the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from bench_burst import SinkProcess, free_port


async def admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "AGENTCRON_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    name = f"agentcron_bench_{uuid.uuid4().hex[:8]}"
    await admin(args.database, f'CREATE DATABASE "{name}"')
    url = make_url(args.database).set(database=name).render_as_string(hide_password=False)
    tmp = Path(tempfile.mkdtemp(prefix="agentcron-instances-"))
    env = {
        **os.environ,
        "AGENTCRON_DATABASE_URL": url,
        "AGENTCRON_ALLOW_PRIVATE_NETWORKS": "1",  # the sink is on 127.0.0.1
    }
    cli = [sys.executable, "-m", "agentcron.app.cli"]
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True)
    key = (
        subprocess.run(
            [*cli, "keys", "create", "--name", "bench"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    sink = SinkProcess()
    await sink.ready()
    ports = [free_port() for _ in range(args.instances)]
    procs = [
        subprocess.Popen(
            [*cli, "serve", "--port", str(p), "--log-level", "warning"],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in ports
    ]
    try:
        headers = {"Authorization": f"Bearer {key}"}
        async with aiohttp.ClientSession(headers=headers) as s:
            for p in ports:
                for _ in range(200):
                    try:
                        async with s.get(f"http://127.0.0.1:{p}/healthz"):
                            break
                    except aiohttp.ClientError:
                        await asyncio.sleep(0.1)
            far = (datetime.now(UTC) + timedelta(days=1)).isoformat()
            api = f"http://127.0.0.1:{ports[0]}/api/scheduler"
            body = {
                "action": "http",
                "http": {
                    "url": f"{sink.url}/hit",
                    "method": "POST",
                    "body": {
                        "job": "{{ job.id }}",
                        "slot": "{{ run.scheduled_for }}",
                        "run": "{{ run.id }}",
                    },
                },
            }

            async def create(i: int) -> None:
                job = {
                    **body,
                    "name": f"j{i}",
                    "schedule": {"type": "every", "interval": 1, "start_at": far},
                }
                while True:
                    async with s.post(f"{api}/jobs", json=job) as r:
                        if r.status == 429:  # over the key's rate limit: wait as told
                            await asyncio.sleep(int(r.headers["Retry-After"]))
                            continue
                        assert r.status == 201, await r.text()
                        return

            for start in range(0, args.jobs, 100):
                await asyncio.gather(
                    *(create(i) for i in range(start, min(args.jobs, start + 100)))
                )
        begin = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
        end = begin + timedelta(seconds=args.seconds - 1)
        schedule = {
            "type": "every",
            "interval": 1,
            "start_at": begin.isoformat(),
            "end_at": end.isoformat(),
            "timezone": "UTC",
        }
        conn = await asyncpg.connect(
            make_url(url).set(drivername="postgresql").render_as_string(False)
        )
        await sink.reset()
        await conn.execute(
            "UPDATE jobs SET schedule = $1::json, next_run_at = $2",
            json.dumps(schedule),
            begin.replace(tzinfo=None),
        )
        await conn.execute("SELECT pg_notify('agentcron', 'jobs')")
        await asyncio.sleep((end - datetime.now(UTC)).total_seconds() + 3)
        for _ in range(240):  # the last runs finish; bounded
            if not await conn.fetchval(
                "SELECT count(*) FROM runs WHERE status IN ('queued','running')"
            ):
                break
            await asyncio.sleep(0.5)
        spread = await conn.fetch("SELECT r.status, count(*) FROM runs r GROUP BY r.status")
        skips = await conn.fetch(
            "SELECT split_part(reason, ':', 1) AS why, count(*) FROM runs "
            "WHERE status = 'skipped' GROUP BY 1 ORDER BY 2 DESC"
        )
        await conn.close()
        async with aiohttp.ClientSession() as s, s.get(f"{sink.url}/stats") as r:
            stats = json.loads(await r.read())
        arrivals, keys = stats["arrivals"], Counter(stats["keys"])
        expected = args.jobs * args.seconds
        print(
            f"{args.instances} instances, {args.jobs} jobs every second for {args.seconds} s "
            f"= {expected} slots (PostgreSQL)"
        )
        print(f"  runs by status: { {r[0]: r[1] for r in spread} }")
        if skips:
            print(f"  skipped, by reason: { {r[0]: r[1] for r in skips} }")
        print(
            f"  arrivals at the sink: {len(arrivals)}; "
            f"throughput {len(arrivals) / max(1e-9, max(arrivals) - min(arrivals)):.0f} runs/s"
        )
        duplicates = sum(n - 1 for n in keys.values() if n > 1)
        missing = expected - len(keys)
        print(f"  duplicate (job, slot) arrivals: {duplicates}; missing (job, slot): {missing}")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
        sink.stop()
        await admin(args.database, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    asyncio.run(main())
