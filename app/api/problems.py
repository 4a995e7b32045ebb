"""Problem documents (``app.problems``) as HTTP responses: the REST API's exception handlers."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from agentcron.app.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
)
from agentcron.app.problems import PROBLEM, TITLES, problem_body, problem_for
from agentcron.app.storage.database import DatabaseUnavailable, outage

log = logging.getLogger("agentcron.api")


def problem(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = problem_body(status, detail, errors=errors, **extra)
    if status == 401:
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


async def domain_error(request: Request, exc: Exception) -> Response:
    body = problem_for(exc)
    assert body is not None
    headers = {"WWW-Authenticate": "Bearer"} if body["status"] == 401 else None
    if isinstance(exc, RateLimited):
        headers = {**exc.headers, "Retry-After": str(exc.retry_after)}
    return JSONResponse(body, status_code=body["status"], media_type=PROBLEM, headers=headers)


async def database_unavailable(request: Request, exc: Exception) -> Response:
    """503 with Retry-After when the database cannot serve (unreachable, restarting, locked,
    read-only, full); anything else of these types is a bug and goes on to ``server_error``."""
    body = problem_for(exc)
    if body is None:
        raise exc
    log.warning("%s %s: 503, %s", request.method, request.url.path, outage(exc))
    headers = {"Retry-After": str(body["retry_after"])}
    return JSONResponse(body, status_code=503, media_type=PROBLEM, headers=headers)


async def http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    # Starlette's own headers stay: a 405 says which methods the path has (Allow)
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:
        allowed = allowed_methods(
            getattr(request.app.state, "api_routes", ()), request.scope.get("route")
        )
        if allowed:
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return problem(
        exc.status_code, exc.detail or TITLES.get(exc.status_code, "Error"), headers=headers
    )


def allowed_methods(routes: Any, route: object) -> list[str]:
    """Every method the path of `route` answers, over all the routes that share it: Starlette
    names only the first route's methods in a 405's Allow, and a path is often served by
    several (``GET /jobs`` and ``POST /jobs``)."""
    path = getattr(route, "path", None)
    if path is None:
        return []
    methods: set[str] = set()
    for candidate in routes:
        if getattr(candidate, "path", None) == path:
            methods |= set(getattr(candidate, "methods", None) or ())
    return sorted(methods)


async def server_error(request: Request, exc: Exception) -> Response:
    # the trace goes to the log, never to the client
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "internal error; it has been logged")


EXCEPTION_HANDLERS: dict[Any, Any] = {
    InvalidInput: domain_error,
    NotFound: domain_error,
    Conflict: domain_error,
    Unauthorized: domain_error,
    Forbidden: domain_error,
    RateLimited: domain_error,
    HTTPException: http_exception,
    DatabaseUnavailable: database_unavailable,
    DBAPIError: database_unavailable,
    PoolTimeout: database_unavailable,
    sqlite3.Error: database_unavailable,
    OSError: database_unavailable,
    Exception: server_error,
}
