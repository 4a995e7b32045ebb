"""``/smart/suggestions`` and ``/smart/heatmap``, in the caller's zone: the ``timezone``
query parameter, else the owner's zone (as set, or the one most of their jobs use), else UTC."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, choice_param, int_param, runtime, zone_param
from agentcron.app.domain.calendar import Planned
from agentcron.app.domain.heatmap import build_heatmap, planned_events
from agentcron.app.domain.schedule import local_iso
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.stored import readable_schedules
from agentcron.app.domain.suggestions import classify_goal, load_by_minute, suggest
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService
from agentcron.app.storage.activity import ActivityStore, recorder

SUGGESTION_WINDOW = timedelta(weeks=8)
LOAD_WINDOW = timedelta(days=1)
SCHEDULED_WINDOW = timedelta(days=7)


async def _zone(request: Request, rt: Runtime, owner: str) -> tuple[ZoneInfo, str]:
    """The zone to answer in and where it came from (query, owner, default)."""
    if request.query_params.get("timezone"):
        return zone_param(request), "query"
    stored = await ActivityStore(rt.db).owner_timezone(owner)
    if stored:
        try:
            return ZoneInfo(stored), "owner"
        except (KeyError, ValueError, OSError):  # a zone removed from tzdata since it was stored
            pass
    return ZoneInfo("UTC"), "default"


def _window(start: datetime, end: datetime, zone: ZoneInfo) -> dict[str, str]:
    return {"start": local_iso(start, zone), "end": local_iso(end, zone)}


@requires(Scope.JOBS_READ)
async def suggestions(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    zone, zone_source = await _zone(request, rt, principal.owner)
    now = rt.clock.now()
    prefer = classify_goal(request.query_params.get("goal"))
    job_id = request.query_params.get("job_id")
    if job_id:
        job = await JobService(rt).get(principal.owner, job_id)
        text = " ".join(filter(None, (job.get("name"), job.get("goal"), job.get("description"))))
        prefer = prefer or classify_goal(text)
    await recorder(rt).flush(now=now)
    store = ActivityStore(rt.db)
    start = now - SUGGESTION_WINDOW
    events = await store.events(principal.owner, start=start, end=now)
    load = load_by_minute(await store.planned_load(start=now, end=now + LOAD_WINDOW), zone)
    result = suggest(events, zone=zone, load=load, prefer=prefer)
    body: dict[str, Any] = {
        "suggestions": [s.to_dict(zone) for s in result.suggestions],
        "timezone": zone.key,
        "timezone_source": zone_source,
        "based_on": {"days": result.dates, "events": result.events},
        "default": result.default,
        "tailored_for": prefer,
        "window": _window(start, now, zone),
    }
    return JSONResponse(body)


@requires(Scope.JOBS_READ)
async def heatmap(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    zone, zone_source = await _zone(request, rt, principal.owner)
    source = choice_param(request, "source", ("activity", "runs", "scheduled"), "activity")
    now = rt.clock.now()
    store = ActivityStore(rt.db)
    truncated = False
    events: list[tuple[datetime, float]]
    if source == "scheduled":
        start, end = now, now + SCHEDULED_WINDOW
        jobs = await rt.jobs.active_with_schedules(principal.owner)
        planned = [Planned(s, e) for _, s, e in readable_schedules(jobs)]
        events, truncated = planned_events(planned, start=start, end=end, zone=zone)
    else:
        weeks = int_param(request, "weeks", 4, low=1, high=16)
        start, end = now - timedelta(weeks=weeks), now
        if source == "activity":
            await recorder(rt).flush(now=now)
            events = await store.events(principal.owner, start=start, end=end)
        else:
            events = await store.run_starts(principal.owner, start=start, end=end)
    body: dict[str, Any] = {
        "source": source,
        "timezone": zone.key,
        "timezone_source": zone_source,
        "window": _window(start, end, zone),
        **build_heatmap(events, zone).to_dict(),
    }
    if truncated:
        body["truncated"] = True
    return JSONResponse(body)


routes = [
    Route("/smart/suggestions", suggestions, methods=["GET"]),
    Route("/smart/heatmap", heatmap, methods=["GET"]),
]
