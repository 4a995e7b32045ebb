"""API throughput against a bare Starlette endpoint, both on one uvicorn worker, same run.

    .venv/bin/python bench/bench_api.py [--requests 4000] [--concurrency 32]

Starts `agentcron serve --role api` (temp SQLite file) and a bare Starlette app, then drives
both with the same aiohttp load generator on loopback. Prints req/s, p50/p99 latency and the
ratio to the bare endpoint for: GET /jobs/{id}, GET /validate (5 next runs) of a cron and of
an rrule schedule, POST /jobs.

Everything runs on the defaults, rate limits included: a load generator on one secret key is
what a team's own script looks like, and the defaults must let it through (any answer of 400 or
more stops the run). bench/bench_ratelimit.py measures what the limit check costs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str) -> None:
    import urllib.request

    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


async def load(
    method: str, url: str, *, n: int, concurrency: int, headers: dict[str, str], body: object = None
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
        queue = iter(range(n))

        async def worker() -> None:
            for _ in queue:
                start = time.perf_counter()
                async with session.request(method, url, json=body) as response:
                    await response.read()
                    if response.status >= 400:
                        raise SystemExit(f"{method} {url}: HTTP {response.status}")
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return n / elapsed, latencies


def ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="agentcron-bench-"))
    env = {
        **os.environ,
        "AGENTCRON_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'bench.db'}",
    }
    cli = [sys.executable, "-m", "agentcron.app.cli"]
    key = (
        subprocess.run(
            [*cli, "keys", "create", "--name", "bench"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    api_port, bare_port = free_port(), free_port()
    procs = [
        subprocess.Popen(
            [*cli, "serve", "--role", "api", "--port", str(api_port), "--log-level", "warning"],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bare_app:app",
                "--port",
                str(bare_port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            cwd=ROOT / "bench",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        api = f"http://127.0.0.1:{api_port}/api/scheduler"
        bare = f"http://127.0.0.1:{bare_port}/bare"
        wait_up(f"http://127.0.0.1:{api_port}/healthz")
        wait_up(bare)
        headers = {"Authorization": f"Bearer {key}"}
        job_body = {
            "name": "bench",
            "goal": "Summarize the day",
            "schedule": {
                "type": "cron",
                "expression": "0 9 * * 1-5",
                "timezone": "America/New_York",
            },
            "tags": ["bench"],
        }
        async with aiohttp.ClientSession(headers=headers) as s:
            async with s.post(f"{api}/jobs", json=job_body) as r:
                job_id = json.loads(await r.read())["id"]
        cases = [
            ("bare GET (peer)", "GET", bare, None),
            ("GET /jobs/{id}", "GET", f"{api}/jobs/{job_id}", None),
            (
                "GET /validate (5 runs)",
                "GET",
                f"{api}/validate?type=cron&value=0+9+*+*+1-5&timezone=America%2FNew_York",
                None,
            ),
            (
                "GET /validate rrule (5)",
                "GET",
                f"{api}/validate?type=rrule&value=FREQ%3DWEEKLY%3BINTERVAL%3D2%3BBYDAY%3DTU"
                "%3BBYHOUR%3D15%3BBYMINUTE%3D0&timezone=America%2FChicago"
                "&start_at=2026-12-08T15%3A00%3A00",
                None,
            ),
            ("POST /jobs", "POST", f"{api}/jobs", job_body),
        ]
        # warm up each path once, then alternate rounds so noise hits all cases alike
        for _, method, url, body in cases:
            await load(method, url, n=300, concurrency=args.concurrency, headers=headers, body=body)
        results: dict[str, list[tuple[float, list[float]]]] = {c[0]: [] for c in cases}
        for _ in range(args.rounds):
            for name, method, url, body in cases:
                results[name].append(
                    await load(
                        method,
                        url,
                        n=args.requests,
                        concurrency=args.concurrency,
                        headers=headers,
                        body=body,
                    )
                )
        bare_rps = statistics.median(r for r, _ in results[cases[0][0]])
        print(
            f"{args.requests} requests x {args.rounds} rounds, {args.concurrency} connections, "
            "one uvicorn worker each, SQLite"
        )
        print(f"{'endpoint':26} {'req/s (median)':>15} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8}")
        for name, *_ in cases:
            rps = statistics.median(r for r, _ in results[name])
            lat = [x for _, ls in results[name] for x in ls]
            print(
                f"{name:26} {rps:15.0f} {ms(lat, 0.5):8.1f} {ms(lat, 0.99):8.1f} {rps / bare_rps:8.0%}"
            )
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())
