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

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select, update
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.api.render import job_zone
from agentcron.app.domain.schedule import (
    ScheduleError,
    fire_times_between,
    local_iso,
    parse_instant,
    zone_named,
)
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.stored import parsed_schedule
from agentcron.app.errors import Conflict, InvalidInput
from agentcron.app.services import JobService
from agentcron.app.storage.database import insert_ignoring_conflicts
from agentcron.app.storage.runs import run_row
from agentcron.app.storage.tables import runs

MAX_SLOTS = 1_000


@dataclass
class Backfill:
    #: (run id, slot) of the runs queued
    queued: list[tuple[str, datetime]] = field(default_factory=list)
    #: (run id, slot, status) of the slots left alone
    left_alone: list[tuple[str, datetime, str]] = field(default_factory=list)


def queue_backfill(
    conn: Connection, job: dict[str, Any], slots: list[datetime], *, now: datetime
) -> Backfill:
    """In one transaction: a run per slot that has none, the skipped ones re-queued."""
    result = Backfill()
    if not slots:
        return result
    existing = {
        row.slot: row
        for row in conn.execute(
            select(runs.c.id, runs.c.slot, runs.c.status, runs.c.reason).where(
                runs.c.job_id == job["id"], runs.c.slot >= slots[0], runs.c.slot <= slots[-1]
            )
        )
    }
    new_rows: list[dict[str, Any]] = []
    for index, slot in enumerate(slots):
        # distinct not_before values in the past: due at once, and claimed in slot order
        not_before = now - timedelta(microseconds=len(slots) - index)
        row = existing.get(slot)
        if row is None:
            new_rows.append(
                run_row(
                    job=job,
                    trigger="backfill",
                    now=now,
                    scheduled_for=slot,
                    slot=slot,
                    not_before=not_before,
                )
            )
            continue
        requeued = 0
        if row.status == "skipped":
            # guarded by the status, so two backfills racing re-queue it once
            requeued = conn.execute(
                update(runs)
                .where(runs.c.id == row.id, runs.c.status == "skipped")
                .values(
                    status="queued",
                    trigger="backfill",
                    reason=f"backfill of a slot skipped before ({row.reason})",
                    not_before=not_before,
                    completed_at=None,
                )
            ).rowcount
        if requeued:
            result.queued.append((row.id, slot))
        else:
            result.left_alone.append((row.id, slot, row.status))
    if new_rows:
        conn.execute(insert_ignoring_conflicts(conn, runs), new_rows)
        # a concurrent backfill or the scheduler may have taken a slot first: see who won
        ids = [row["id"] for row in new_rows]
        ours = set(conn.execute(select(runs.c.id).where(runs.c.id.in_(ids))).scalars())
        for row in new_rows:
            if row["id"] in ours:
                result.queued.append((row["id"], row["slot"]))
            else:
                winner = conn.execute(
                    select(runs.c.id, runs.c.status).where(
                        runs.c.job_id == job["id"], runs.c.slot == row["slot"]
                    )
                ).one()
                result.left_alone.append((winner.id, row["slot"], winner.status))
    result.queued.sort(key=lambda item: item[1])
    result.left_alone.sort(key=lambda item: item[1])
    return result


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
    result = await rt.db.write(lambda conn: queue_backfill(conn, job, slots, now=now))
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
