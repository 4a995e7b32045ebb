"""Outbound HTTP under bursts: aiohttp vs httpx, and the http executor's own overhead.

A sink (aiohttp, in a separate process so it does not share our event loop) listens on
127.0.0.1. Each case fires N POSTs at once and reports POST/s and per-request latency:

- aiohttp with 4, 16, 64 connections;
- httpx with the same pool sizes;
- HttpExecutor over a guarded session (templating, bounded read, data building).

    .venv/bin/python bench/bench_http_client.py [--requests 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import aiohttp
import httpx
from aiohttp import web

from agentcron.app.executors.base import RunContext
from agentcron.app.executors.http import HttpExecutor
from agentcron.delivery.netguard import guarded_session

PAYLOAD = {"job": "bench", "items": list(range(20))}


def serve_sink(port_queue: multiprocessing.Queue[int]) -> None:
    async def handle(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"ok": True})

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/hook", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=4096)
        await site.start()
        port_queue.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


async def burst(count: int, send: Callable[[], Awaitable[None]]) -> tuple[float, list[float]]:
    latencies: list[float] = []

    async def one() -> None:
        started = time.perf_counter()
        await send()
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    return time.perf_counter() - started, latencies


def report(name: str, count: int, elapsed: float, latencies: list[float]) -> float:
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    rate = count / elapsed
    print(f"{name:<32} {rate:>8.0f} POST/s   p50 {p50:>7.1f} ms   p99 {p99:>7.1f} ms")
    return rate


async def run(url: str, count: int, rounds: int) -> None:
    best: dict[str, float] = {}

    async def case(name: str, send: Callable[[], Awaitable[None]]) -> None:
        await burst(min(count, 50), send)  # warm the pool
        rates = []
        for _ in range(rounds):
            elapsed, latencies = await burst(count, send)
            rates.append(report(name, count, elapsed, latencies))
        best[name] = max(rates)

    for limit in (4, 16, 64):
        connector = aiohttp.TCPConnector(limit=limit)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def post_aiohttp(session: aiohttp.ClientSession = session) -> None:
                async with session.post(url, json=PAYLOAD) as response:
                    await response.read()

            await case(f"aiohttp, {limit} connections", post_aiohttp)

    for limit in (4, 16, 64):
        limits = httpx.Limits(max_connections=limit, max_keepalive_connections=limit)
        async with httpx.AsyncClient(limits=limits, timeout=120) as client:

            async def post_httpx(client: httpx.AsyncClient = client) -> None:
                response = await client.post(url, json=PAYLOAD)
                response.read()

            await case(f"httpx, {limit} connections", post_httpx)

    context = RunContext(
        run_id="run_bench",
        job_id="job_bench",
        job_name="bench",
        owner="bench",
        attempt=1,
        scheduled_for=datetime.now(UTC),
        trigger="schedule",
        goal=None,
        metadata={"k": "v"},
    )
    action = {
        "type": "http",
        "http": {
            "url": url,
            "method": "POST",
            "body": {**PAYLOAD, "at": "{{ run.scheduled_for }}"},
        },
    }
    async with guarded_session(allow_private=True, limit=64) as session:
        executor = HttpExecutor(session)

        async def execute() -> None:
            await executor.execute(action, context)

        await case("HttpExecutor (aiohttp, 64)", execute)

    print("\nbest of each:")
    for name, rate in sorted(best.items(), key=lambda item: -item[1]):
        print(f"  {name:<32} {rate:>8.0f} POST/s")
    aiohttp_best = max(rate for name, rate in best.items() if name.startswith("aiohttp"))
    httpx_best = max(rate for name, rate in best.items() if name.startswith("httpx"))
    print(f"  aiohttp / httpx (best pool each): {aiohttp_best / httpx_best:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    sink = multiprocessing.Process(target=serve_sink, args=(ports,), daemon=True)
    sink.start()
    try:
        port = ports.get(timeout=10)
        print(f"{args.requests} concurrent POSTs per round to a sink on 127.0.0.1:{port}\n")
        asyncio.run(run(f"http://127.0.0.1:{port}/hook", args.requests, args.rounds))
    finally:
        sink.terminate()
        sink.join()


if __name__ == "__main__":
    main()
