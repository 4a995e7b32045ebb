"""Errors as RFC 9457 problem documents; HTTP status codes are chosen here and nowhere else."""

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
from agentcron.app.storage.database import DatabaseUnavailable, outage

log = logging.getLogger("agentcron.api")

PROBLEM = "application/problem+json"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def problem_body(
    status: int, detail: str, *, errors: list[dict[str, str]] | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
        body["field"] = errors[0]["field"]
    body.update(extra)
    return body


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


def problem_for(exc: Exception) -> dict[str, Any] | None:
    """The problem document for a domain error (every way in reports these alike), or None
    for anything else."""
    if isinstance(exc, InvalidInput):
        errors = [{"field": p.field, "reason": p.reason} for p in exc.problems]
        return problem_body(exc.status, str(exc), errors=errors, **exc.details)
    if isinstance(exc, NotFound):
        return problem_body(404, str(exc))
    if isinstance(exc, Conflict):
        return problem_body(409, str(exc))
    if isinstance(exc, Forbidden):
        return problem_body(403, str(exc), **({"required_scope": exc.scope} if exc.scope else {}))
    if isinstance(exc, RateLimited):
        return problem_body(429, str(exc), retry_after=exc.retry_after)
    if isinstance(exc, Unauthorized):
        return problem_body(
            401, str(exc) or "a valid API key is required (Authorization: Bearer <key>)"
        )
    down = outage(exc)
    if down is not None:
        return problem_body(
            503,
            f"the service cannot use its database now: {down.reason}; try again shortly",
            retry_after=down.retry_after,
        )
    return None


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
    return problem(exc.status_code, exc.detail or TITLES.get(exc.status_code, "Error"))


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
