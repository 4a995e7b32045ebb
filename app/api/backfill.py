"""``POST /jobs/{id}/backfill {"start", "end"}``: run a job's slots in a past range, once each.

The slots are the schedule's fire times in ``[start, end)`` (exclusions honoured), at most
``MAX_SLOTS``. Each becomes a run with trigger ``backfill`` and ``slot`` set, so the unique
``(job_id, slot)`` that makes a scheduled slot fire once also makes a backfill idempotent:
a slot that already ran (or is queued, or was backfilled before) is left alone. A slot that
was recorded ``skipped`` (missed while the service was down, or its run overlapped the one
before) did not run, and like Airflow's backfill of a missing run it is run now: the skipped
row becomes the backfill run. Runs queue in slot order and follow the job's concurrency.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.domain.schedule import (
    ScheduleError,
    fire_times_between,
    local_iso,
    parse_instant,
    zone_named,
)
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.stored import job_zone, parsed_schedule
from agentcron.app.errors import Conflict, InvalidInput
from agentcron.app.services import JobService

MAX_SLOTS = 1_000


def _instant(body: dict[str, Any], name: str, zone: str) -> datetime:
    if body.get(name) is None:
        raise InvalidInput.field(name, "is required: an ISO 8601 date-time")
    try:
        return parse_instant(body[name], zone=zone_named(zone), field=name)
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None


@requires(Scope.RUNS_WRITE)
async def backfill(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    body = await json_body(request)
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    if not job.get("schedule"):
        raise Conflict(f"job {job['id']} has no schedule, so it has no slots to backfill")
    zone = job_zone(job)
    start, end = _instant(body, "start", zone), _instant(body, "end", zone)
    now = rt.clock.now()
    if end <= start:
        raise InvalidInput.field("end", "must be after start")
    if end > now:
        raise InvalidInput.field(
            "end", "is in the future: backfill runs past slots (the schedule runs the rest)"
        )
    schedule, exclusions = parsed_schedule(job["schedule"], job.get("exclusions"))
    slots = fire_times_between(
        schedule, start=start, end=end, exclusions=exclusions, limit=MAX_SLOTS + 1
    )
    if len(slots) > MAX_SLOTS:
        raise InvalidInput.field(
            "end", f"the range holds more than {MAX_SLOTS} slots; backfill a shorter one"
        )
    result = await rt.runs.queue_backfill(job, slots, now=now)
    if result.queued:
        rt.runs_queued()
    return JSONResponse(
        {
            "job_id": job["id"],
            "start": local_iso(start, zone),
            "end": local_iso(end, zone),
            "timezone": zone,
            "slots": len(slots),
            "count": len(result.queued),
            "runs": [
                {"run_id": run_id, "scheduled_for": local_iso(slot, zone)}
                for run_id, slot in result.queued
            ],
            "left_alone": [
                {"run_id": run_id, "scheduled_for": local_iso(slot, zone), "status": status}
                for run_id, slot, status in result.left_alone
            ],
        },
        status_code=202,
    )


routes = [Route("/jobs/{job_id}/backfill", backfill, methods=["POST"])]
