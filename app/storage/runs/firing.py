"""Firing: due jobs become runs, one per slot, in the transaction that moves the job on.

The decisions are ``domain.firing.plan_job``'s; this module reads what they need (the due
jobs under lock, the runs each still has going), writes what they say, and — with a
``Claim`` — leases the new runs to the local worker through the one leasing path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from agentcron.app.domain.enums import ACTIVE, JobStatus, RunStatus, SkipReason
from agentcron.app.domain.firing import (
    CANCELLED_BY_NEWER,
    DUE_JOB_COLUMNS,
    GoingRun,
    JobFiring,
    plan_job,
)
from agentcron.app.domain.leasing import HeldHere
from agentcron.app.domain.records import JobSnapshot, Leased
from agentcron.app.storage.database import insert_ignoring_conflicts, skip_locked
from agentcron.app.storage.runs.queue import JOB_COLUMNS, lease_runs
from agentcron.app.storage.tables import jobs, runs

_FIRING_COLUMNS = tuple(jobs.c[name] for name in DUE_JOB_COLUMNS)
# the job's snapshot first, in order (JobSnapshot.from_row), then what firing adds
_FIRE_AND_LEASE_COLUMNS = tuple({c.name: c for c in (*JOB_COLUMNS, *_FIRING_COLUMNS)}.values())
_NOTHING_GOING: list[GoingRun] = []


@dataclass(frozen=True)
class Claim:
    """Lease freshly fired runs to this instance's worker, up to ``capacity``."""

    lease: float
    capacity: int


@dataclass
class FireResult:
    #: runs leased at firing to this instance (with a ``Claim``), with their jobs
    claimed: list[Leased] = field(default_factory=list)
    jobs_checked: int = 0
    queued: int = 0
    skipped: Counter[SkipReason] = field(default_factory=Counter)
    lateness: list[float] = field(default_factory=list)


def _going(
    conn: Connection, job_ids: list[str], *, instance: str, held: HeldHere
) -> tuple[dict[str, list[GoingRun]], Counter[str]]:
    """What each job still has going, and how many of its runs are running."""
    going: dict[str, list[GoingRun]] = {}
    running: Counter[str] = Counter()
    rows = conn.execute(
        select(
            runs.c.job_id,
            runs.c.id,
            runs.c.status,
            runs.c.trigger,
            runs.c.scheduled_for,
            runs.c.acquired_by,
        ).where(runs.c.job_id.in_(job_ids), runs.c.status.in_(ACTIVE))
    )
    for job_id, run_id, status, trigger, scheduled_for, holder in rows:
        if run_id in held.settled:
            continue  # finished here, only its write is pending
        began = held.began.get(run_id) if holder == instance else None
        going.setdefault(job_id, []).append(GoingRun(status, trigger, scheduled_for, began))
        if status == RunStatus.RUNNING:
            running[job_id] += 1
    return going, running


def fire_due_jobs(
    conn: Connection,
    *,
    now: datetime,
    until: datetime,
    limit: int,
    default_catchup: int,
    instance: str,
    held: HeldHere,
    claim: Claim | None,
    late_since: datetime | None = None,
) -> FireResult:
    result = FireResult()
    due = conn.execute(
        skip_locked(
            conn,
            select(*(_FIRE_AND_LEASE_COLUMNS if claim is not None else _FIRING_COLUMNS))
            .where(
                jobs.c.status == JobStatus.ACTIVE,
                jobs.c.deleted_at.is_(None),
                jobs.c.next_run_at <= until,
            )
            .order_by(jobs.c.next_run_at)
            .limit(limit),
        )
    ).all()
    if not due:
        return result
    going, running = _going(conn, [row.id for row in due], instance=instance, held=held)
    firings: list[JobFiring] = []
    for row in due:
        firing = plan_job(
            row,
            going.get(row.id, _NOTHING_GOING),
            now=now,
            until=until,
            default_catchup=default_catchup,
            late_since=late_since,
        )
        if firing.deferred:
            continue
        firings.append(firing)
        result.skipped.update(firing.skipped)
        for run in firing.queued:
            result.queued += 1
            assert run.scheduled_for is not None
            result.lateness.append(max(0.0, (now - run.scheduled_for).total_seconds()))
    result.jobs_checked = len(firings)
    new_runs = [run for firing in firings for run in firing.runs]
    if claim is not None and claim.capacity > 0:
        fresh = [run for firing in firings for run in firing.queued]
        wanted = {run.job_id for run in fresh}
        snapshots = {row.id: JobSnapshot.from_row(row) for row in due if row.id in wanted}
        result.claimed = lease_runs(
            conn,
            fresh,
            snapshots,
            running=running,
            limit=claim.capacity,
            instance=instance,
            now=now,
            lease=claim.lease,
            held=held,
            fresh=True,
        )
    _cancel_previous(conn, [f.job_id for f in firings if f.cancel_previous], now=now)
    if new_runs:
        conn.execute(insert_ignoring_conflicts(conn, runs), [run.values() for run in new_runs])
    _move_jobs_on(conn, firings)
    return result


def _cancel_previous(conn: Connection, job_ids: list[str], *, now: datetime) -> None:
    if not job_ids:
        return
    conn.execute(
        update(runs)
        .where(runs.c.job_id.in_(job_ids), runs.c.status == RunStatus.QUEUED)
        .values(status=RunStatus.CANCELLED, completed_at=now, reason=CANCELLED_BY_NEWER)
    )
    conn.execute(
        update(runs)
        .where(runs.c.job_id.in_(job_ids), runs.c.status == RunStatus.RUNNING)
        .values(cancel_requested=True)
    )


_MOVE_ON = update(jobs).where(jobs.c.id == bindparam("_id")).values(next_run_at=bindparam("_next"))


def _move_jobs_on(conn: Connection, firings: list[JobFiring]) -> None:
    """Advance ``next_run_at``: one statement for the plain moves, one per unusual one."""
    plain = [
        {"_id": f.job_id, "_next": f.next_run_at}
        for f in firings
        if not f.switched and f.status is None
    ]
    if plain:
        conn.execute(_MOVE_ON, plain)
    for firing in firings:
        if not firing.switched and firing.status is None:
            continue
        changes: dict[str, Any] = {"next_run_at": firing.next_run_at}
        if firing.switched:
            changes.update(schedule=firing.schedule, pending_schedule=None, effective_from=None)
        if firing.status is not None:
            changes["status"] = firing.status
        conn.execute(update(jobs).where(jobs.c.id == firing.job_id).values(**changes))


def upcoming(
    conn: Connection, *, window: float, cap: int, horizon: datetime
) -> tuple[datetime | None, int]:
    active = (jobs.c.status == JobStatus.ACTIVE, jobs.c.deleted_at.is_(None))
    # min() keeps the column's type: an aware UTC instant, like the column's own
    earliest = conn.execute(select(func.min(jobs.c.next_run_at)).where(*active)).scalar()
    if earliest is None or earliest > horizon:
        return earliest, 0
    soon = (
        select(jobs.c.id)
        .where(*active, jobs.c.next_run_at <= earliest + timedelta(seconds=window))
        .limit(cap)
        .subquery()
    )
    count = conn.execute(select(func.count()).select_from(soon)).scalar()
    return earliest, int(count or 0)
