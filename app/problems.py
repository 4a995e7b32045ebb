"""Errors as RFC 9457 problem documents, the same for every way in: the REST API answers with
them (``app.api.problems``), MCP tools return them as their error results. Status codes are
chosen here and nowhere else."""

from __future__ import annotations

from typing import Any

from agentcron.app.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
)
from agentcron.app.storage.database import outage

PROBLEM = "application/problem+json"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
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
