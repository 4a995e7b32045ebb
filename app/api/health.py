"""Liveness, readiness and metrics: no authentication, nothing owner-specific."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.common import runtime
from agentcron.app.storage.database import outage


async def healthz(request: Request) -> Response:
    """Liveness: the process answers — and its engine, where it runs one, has not stopped on
    its own (a loop that ended for a bug). Such an instance is replaced, not kept looking
    alive: a supervisor restarting on failed liveness (Kubernetes, Docker) does it."""
    engine = runtime(request).engine
    if engine is not None and not getattr(engine, "alive", True):
        body = {"status": "failed", "engine": engine.failure}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok"})


#: a write that failed for an outage this recently still makes the instance not ready
OUTAGE_MEMORY_SECONDS = 30.0
#: the longest /readyz waits for the database before saying it cannot be reached
READY_TIMEOUT_SECONDS = 2.0


async def readyz(request: Request) -> Response:
    """Ready means: the database answers now, no write has failed for an outage since the last
    one that succeeded (within half a minute), and the engine, where this instance runs one,
    says its loops are alive. Each part is reported by name; any one failing is a 503."""
    rt = runtime(request)
    body: dict[str, Any] = {"status": "ready", "database": "ok"}
    try:
        await asyncio.wait_for(
            rt.db.read(lambda conn: conn.execute(text("SELECT 1")).scalar()),
            READY_TIMEOUT_SECONDS,
        )
    except Exception as exc:  # report, don't raise: this endpoint's job is to say so
        down = outage(exc)
        reason = down.reason if down else f"failed ({type(exc).__name__})"
        if isinstance(exc, TimeoutError):
            reason = f"no answer within {READY_TIMEOUT_SECONDS:g} s"
        body["database"] = f"unavailable: {reason}"
    else:
        recent = rt.db.last_outage
        if recent is not None and time.monotonic() - recent[1] < OUTAGE_MEMORY_SECONDS:
            ago = time.monotonic() - recent[1]
            body["database"] = f"writes failing: {recent[0].reason} ({ago:.0f} s ago)"
    engine_ok = True
    health = getattr(rt.engine, "health", None)
    if callable(health):
        report = health()
        engine_ok = bool(report.get("ok", True)) if isinstance(report, dict) else bool(report)
        body["engine"] = report
    if body["database"] != "ok" or not engine_ok:
        body["status"] = "unavailable"
        return JSONResponse(body, status_code=503, headers={"Retry-After": "2"})
    return JSONResponse(body)


async def metrics(request: Request) -> Response:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    rt = runtime(request)
    registry = getattr(rt, "metrics", None)
    if registry is None:
        return Response("", media_type=CONTENT_TYPE_LATEST)
    await registry.refresh(rt)
    return Response(generate_latest(registry.registry), media_type=CONTENT_TYPE_LATEST)


routes = [
    Route("/healthz", healthz, methods=["GET"]),
    Route("/readyz", readyz, methods=["GET"]),
    Route("/metrics", metrics, methods=["GET"]),
]
