"""Liveness, readiness and metrics: no authentication, nothing owner-specific."""

from __future__ import annotations

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.common import runtime


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    rt = runtime(request)
    try:
        await rt.db.read(lambda conn: conn.execute(text("SELECT 1")).scalar())
    except Exception as exc:  # report, don't raise: this endpoint's job is to say so
        return JSONResponse(
            {"status": "unavailable", "database": f"unreachable: {type(exc).__name__}"},
            status_code=503,
        )
    return JSONResponse({"status": "ready", "database": "ok"})


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
