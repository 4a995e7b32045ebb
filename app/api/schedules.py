"""Schedules without jobs: ``validate``, ``parse-nl`` and ``calendar-data``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import (
    caller,
    instant_param,
    int_param,
    json_body,
    runtime,
    zone_param,
)
from agentcron.app.domain.schedule import (
    Schedule,
    ScheduleError,
)
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.shorthand import every_macro
from agentcron.app.errors import InvalidInput
from agentcron.app.services import (
    MAX_CALENDAR_EVENTS,
    MAX_PREVIEW_RUNS,
    CalendarService,
    ScheduleService,
    preview_of,
)

# the schedule's own field that `value` carries, by type
_VALUE_FIELDS = {"expression": "value", "interval": "value", "datetime": "value", "rule": "value"}


def schedule_from_query(
    kind: str | None,
    value: str,
    timezone: str,
    *,
    start_at: str | None = None,
    end_at: str | None = None,
) -> dict[str, Any]:
    """``type``/``value``/``timezone`` (and ``start_at``, ``end_at``) query parameters as a
    schedule document. Without a type, digits are ``every``, a date ``at``, ``FREQ=…`` an
    ``rrule``."""
    value = value.strip()
    if kind in (None, "", "cron", "every"):
        try:
            interval = every_macro(value)  # Dapr's "@every 1h30m"
        except InvalidInput as exc:
            raise ScheduleError("value", exc.problems[0].reason) from None
        if interval is not None:
            kind, value = "every", str(interval)
    if not kind:
        if value.isdigit():
            kind = "every"
        elif value[:4].isdigit() and "-" in value[:8]:
            kind = "at"
        elif value.upper().startswith(("FREQ=", "RRULE:")):
            kind = "rrule"
        else:
            kind = "cron"
    document: dict[str, Any]
    if kind == "cron":
        document = {"type": "cron", "expression": value, "timezone": timezone}
    elif kind == "every":
        document = {"type": "every", "interval": value, "timezone": timezone}
    elif kind == "at":
        document = {"type": "at", "datetime": value, "timezone": timezone}
    elif kind == "rrule":
        document = {"type": "rrule", "rule": value, "timezone": timezone}
    else:
        raise ScheduleError("type", "must be one of cron, every, at, rrule")
    if start_at:
        document["start_at"] = start_at
    if end_at:
        document["end_at"] = end_at
    return document


@requires(Scope.PARSE)
async def validate(request: Request) -> Response:
    await caller(request)
    params = request.query_params
    count = int_param(request, "count", 5, low=1, high=MAX_PREVIEW_RUNS)
    value = (
        params.get("value")
        or params.get("expression")
        or params.get("interval")
        or params.get("rule")
    )
    timezone = params.get("timezone") or params.get("tz") or "UTC"
    now = runtime(request).clock.now()
    if not value:
        return JSONResponse({"valid": False, "field": "value", "error": "value is required"})
    try:
        document = schedule_from_query(
            params.get("type"),
            value,
            timezone,
            start_at=params.get("start_at"),
            end_at=params.get("end_at"),
        )
        # an rrule without start_at is previewed from now, as a job made now would be
        schedule = Schedule.from_dict(document, now=now)
    except ScheduleError as exc:
        field = exc.field.removeprefix("schedule.")
        field = _VALUE_FIELDS.get(field, field)
        return JSONResponse({"valid": False, "field": field, "error": exc.reason})
    return JSONResponse(preview_of(schedule, now=now, count=count))


@requires(Scope.JOBS_READ)
async def calendar_data(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    zone = zone_param(request)
    start = instant_param(request, "start", zone=zone, default=rt.clock.now())
    assert start is not None
    end = instant_param(request, "end", zone=zone, default=start + timedelta(days=7))
    assert end is not None
    answer = await CalendarService(rt).planned(
        principal.owner,
        start=start,
        end=end,
        zone=zone,
        group=request.query_params.get("group"),
        job_id=request.query_params.get("job_id"),
        limit=int_param(request, "limit", MAX_CALENDAR_EVENTS, low=1, high=MAX_CALENDAR_EVENTS),
    )
    return JSONResponse(answer)


@requires(Scope.PARSE)
async def parse_nl(request: Request) -> Response:
    await caller(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    answer = await ScheduleService(runtime(request)).parse(
        body.get("text"), body.get("timezone"), count=body.get("count")
    )
    return JSONResponse(answer)


routes = [
    Route("/validate", validate, methods=["GET"]),
    Route("/calendar-data", calendar_data, methods=["GET"]),
    Route("/parse-nl", parse_nl, methods=["POST"]),
]
