"""A local HTTP sink for the engine benchmarks: records when each POST arrived.

    python bench/sink_server.py PORT
POST anything → 200 and the arrival time is kept; GET /stats → {"arrivals": [...]};
POST /reset clears. Runs in its own process so it never competes with the scheduler's loop.
"""

from __future__ import annotations

import sys
import time

from aiohttp import web

arrivals: list[float] = []


async def hit(request: web.Request) -> web.Response:
    arrivals.append(time.time())
    await request.read()
    return web.json_response({"ok": True})


async def stats(request: web.Request) -> web.Response:
    return web.json_response({"arrivals": arrivals})


async def reset(request: web.Request) -> web.Response:
    arrivals.clear()
    return web.json_response({"ok": True})


app = web.Application()
app.router.add_get("/stats", stats)
app.router.add_post("/reset", reset)
app.router.add_post("/{tail:.*}", hit)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
