"""The Starlette application: the REST API under /api/scheduler, health, metrics, docs."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route

from agentcron.app.api import health, jobs, keys, openapi, schedules
from agentcron.app.api.cors import cors_middleware
from agentcron.app.api.guard import LimitBody, LimitHead, RateLimitHeaders, RefuseNul
from agentcron.app.api.problems import EXCEPTION_HANDLERS
from agentcron.app.config import Settings
from agentcron.app.mcp.http import PATH as MCP_PATH
from agentcron.app.mcp.http import McpEndpoint
from agentcron.app.runtime import Runtime
from agentcron.app.slack import routes as slack
from agentcron.app.web import routes as web

log = logging.getLogger("agentcron")


def api_routes() -> list[Route]:
    routes: list[Route] = []
    routes += jobs.routes
    routes += schedules.routes
    routes += keys.routes
    for module in _optional_route_modules():
        routes += module.routes
    return routes


def _optional_route_modules() -> list[object]:
    import importlib

    found = []
    for name in (
        "runs",
        "stats",
        "status",
        "agents",
        "dry_runs",
        "chains",
        "smart",
        "backfill",
        "slack_workspaces",
    ):
        try:
            found.append(importlib.import_module(f"agentcron.app.api.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"agentcron.app.api.{name}":
                raise
    return found


def create_app(runtime: Runtime | None = None, *, start_engine: bool = True) -> Starlette:
    """Build the ASGI app. ``runtime`` carries settings, clock and database; the engine (when
    this instance has the scheduler or worker role) starts and stops with the app."""
    rt = runtime or Runtime(Settings.from_env())
    mcp = McpEndpoint(rt)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        engine = None
        if start_engine and (rt.roles & {"scheduler", "worker"}):
            from agentcron.app.engine.service import EngineService

            engine = EngineService(rt)
            await engine.start()
        # an API-only instance publishes through rt.wakeups too (no listening needed)
        await slack.start_socket_mode(app)
        rt.started.set()
        try:
            async with mcp.run():
                yield
        finally:
            if engine is not None:
                await engine.stop()
            slack_app = getattr(app.state, "slack", None)
            if slack_app is not None:
                await slack_app.aclose()  # let replies in flight finish
            await rt.close()

    routes = api_routes()
    api = Mount(
        "/api/scheduler",
        routes=routes,
        # CORS outermost, so that refusals (401, 403, 429) reach the page readable too
        middleware=[*cors_middleware(rt.settings), Middleware(RateLimitHeaders)],
    )
    app = Starlette(
        routes=[
            *health.routes,
            *openapi.routes,
            *slack.routes,
            *web.routes,
            api,
            Route(MCP_PATH, mcp),  # the MCP server (app/mcp), Streamable HTTP
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
        middleware=[Middleware(LimitHead), Middleware(LimitBody), Middleware(RefuseNul)],
    )
    app.state.runtime = rt
    app.state.api_routes = routes
    return app
