"""Errors as RFC 9457 problem documents; HTTP status codes are chosen here and nowhere else."""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from agentcron.app.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized

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


def problem(
    status: int, detail: str, *, errors: list[dict[str, str]] | None = None, **extra: Any
) -> JSONResponse:
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
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


async def invalid_input(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidInput)
    errors = [{"field": p.field, "reason": p.reason} for p in exc.problems]
    return problem(exc.status, str(exc), errors=errors)


async def not_found(request: Request, exc: Exception) -> Response:
    return problem(404, str(exc))


async def conflict(request: Request, exc: Exception) -> Response:
    return problem(409, str(exc))


async def unauthorized(request: Request, exc: Exception) -> Response:
    return problem(401, str(exc) or "a valid API key is required (Authorization: Bearer <key>)")


async def forbidden(request: Request, exc: Exception) -> Response:
    return problem(403, str(exc))


async def http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return problem(exc.status_code, exc.detail or TITLES.get(exc.status_code, "Error"))


async def server_error(request: Request, exc: Exception) -> Response:
    # the trace goes to the log, never to the client
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "internal error; it has been logged")


EXCEPTION_HANDLERS: dict[Any, Any] = {
    InvalidInput: invalid_input,
    NotFound: not_found,
    Conflict: conflict,
    Unauthorized: unauthorized,
    Forbidden: forbidden,
    HTTPException: http_exception,
    Exception: server_error,
}
