"""Request plumbing shared by the endpoints: the caller, JSON bodies, query parameters."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request

from agentcron.app.api.auth import check_scope, required_scope
from agentcron.app.api.cors import check_origin
from agentcron.app.bearer import count_request, principal_of
from agentcron.app.domain.schedule import ScheduleError, check_range, zone_named
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.untrusted import parse_json
from agentcron.app.errors import InvalidInput
from agentcron.app.runtime import Runtime
from agentcron.app.services import unknown_arguments
from agentcron.app.storage.activity import record_request_activity
from agentcron.app.storage.keys import Principal


def runtime(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]


async def authenticated(request: Request) -> Principal:
    """The principal of the request's bearer key (``app.bearer``); 401 without a valid one.
    ``X-API-Key: <key>`` is the same key in the other header API clients commonly send
    (seed 002 leaves its auth header to another page); ``Authorization`` wins when both
    come."""
    authorization = request.headers.get("authorization", "")
    if not authorization and (key := request.headers.get("x-api-key", "").strip()):
        authorization = f"Bearer {key}"
    return await principal_of(runtime(request), authorization)


async def rate_limited(request: Request, principal: Principal, scope: Scope) -> None:
    """Count the request against the key's limits; 429 when over, and the RateLimit header
    fields go on ``request.state``."""
    address = request.client.host if request.client else None
    request.state.ratelimit = await count_request(
        runtime(request), principal, scope, address=address
    )


async def caller(request: Request) -> Principal:
    """The key's principal, once it is known to hold the scope the endpoint declared
    (``app.api.auth``): 401 without a valid key, 403 naming the scope otherwise (or when a
    page on another origin uses a key that is not publishable, ``app.api.cors``), 429 when
    the key or the client address is over its rate limit (``app.limits``)."""
    principal = await authenticated(request)
    scope = required_scope(request)
    if scope is not None:
        check_scope(principal, scope)
    check_origin(request, principal, runtime(request).settings)
    # an endpoint for any key counts against the key's general budget
    await rate_limited(request, principal, scope or Scope.JOBS_READ)
    request.state.principal = principal
    await record_request_activity(runtime(request), principal.owner, request.method)
    return principal


async def json_body(request: Request, *, required: bool = True) -> Any:
    """The request's JSON, parsed within the limits of ``app.domain.untrusted`` (the body's
    size is bounded while it streams in, by ``guard.LimitBody``)."""
    raw = await request.body()
    if not raw.strip():
        if required:
            raise InvalidInput.field("", "a JSON body is required", status=400)
        return {}
    return parse_json(raw)


def known_params(request: Request, known: tuple[str, ...]) -> Any:
    """The query parameters, once every one is known (``services.unknown_arguments``: 422
    naming each unknown one)."""
    params = request.query_params
    unknown_arguments(list(params.keys()), known)
    return params


#: the most a list's ``offset`` may skip (a page past it is refused, 400)
MAX_OFFSET = 10_000_000


def int_param(
    request: Request, name: str, default: int, *, low: int, high: int, clamp: bool = False
) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput.field(name, f"must be an integer, got {raw!r}", status=400) from None
    if clamp and value > high:
        return high
    if not low <= value <= high:
        raise InvalidInput.field(name, f"must be between {low} and {high}", status=400)
    return value


def choice_param(request: Request, name: str, choices: tuple[str, ...], default: str | None) -> Any:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if raw not in choices:
        raise InvalidInput.field(name, f"must be one of {', '.join(choices)}", status=400)
    return raw


def bool_param(request: Request, name: str) -> bool:
    raw = (request.query_params.get(name) or "").lower()
    if raw in ("", "0", "false", "no"):
        return False
    if raw in ("1", "true", "yes"):
        return True
    raise InvalidInput.field(name, "must be true or false", status=400)


def zone_param(request: Request, name: str = "timezone", default: str = "UTC") -> ZoneInfo:
    raw = request.query_params.get(name) or default
    if len(raw) <= 64:  # the longest IANA name is 32 characters
        try:
            return zone_named(raw, field=name)
        except ScheduleError:
            pass
    raise InvalidInput.field(name, f"unknown time zone {raw[:64]!r}", status=400)


def instant_param(
    request: Request, name: str, *, zone: ZoneInfo, default: datetime | None = None
) -> datetime | None:
    """An ISO date (midnight in ``zone``) or date-time (naive read in ``zone``), as UTC."""
    raw = request.query_params.get(name)
    if not raw:
        return default
    try:
        if len(raw) == 10:
            parsed = datetime.combine(date.fromisoformat(raw), time(0), tzinfo=zone)
        else:
            # a "+05:00" offset arrives as " 05:00" when the client did not escape the plus
            fixed = re.sub(r"(T\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d:?\d\d)$", r"\1+\2", raw)
            parsed = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=zone)
    except ValueError:
        raise InvalidInput.field(
            name, f"is not an ISO 8601 date or date-time: {raw[:40]!r}", status=400
        ) from None
    try:
        return check_range(parsed, field=name)
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None
