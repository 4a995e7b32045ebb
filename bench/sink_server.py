"""A local HTTP sink for the engine benchmarks: records when each POST arrived.

    python bench/sink_server.py PORT
POST anything → 200 and the arrival time is kept; GET /stats → {"arrivals": [...]};
POST /reset clears. Runs in its own process so it never competes with the scheduler's loop.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

from aiohttp import web

arrivals: list[float] = []
#: how often each (job, slot) arrived, when the body names them
keys: Counter[str] = Counter()


async def hit(request: web.Request) -> web.Response:
    arrivals.append(time.time())
    body = await request.read()
    try:
        payload = json.loads(body)
        if isinstance(payload, dict) and "slot" in payload:
            keys[f"{payload.get('job')}|{payload['slot']}"] += 1
    except ValueError:
        pass
    return web.json_response({"ok": True})


async def stats(request: web.Request) -> web.Response:
    return web.json_response({"arrivals": arrivals, "keys": keys})


async def reset(request: web.Request) -> web.Response:
    arrivals.clear()
    keys.clear()
    return web.json_response({"ok": True})


app = web.Application()
app.router.add_get("/stats", stats)
app.router.add_post("/reset", reset)
app.router.add_post("/{tail:.*}", hit)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
