"""The queue and its leases: runs put in, taken by a worker, renewed, let go, cancelled.

Every lease goes through ``lease_runs``, whether a worker claims queued runs
(``acquire_runs``) or the scheduler hands the runs it has just fired to its own worker
(``firing.fire_due_jobs``): the rules are ``domain.leasing.plan_leases``'s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, case, func, select, update

from agentcron.app.domain.enums import RETRYABLE, JobEvent, OutboxKind, RunStatus, Trigger
from agentcron.app.domain.leasing import (
    HeldHere,
    PreviousRun,
    QueuedRun,
    plan_leases,
    take,
    to_judge,
)
from agentcron.app.domain.records import (
    JOB_SNAPSHOT_COLUMNS,
    JobSnapshot,
    Leased,
    Run,
    new_outbox_row,
    new_run,
)
from agentcron.app.storage import chains as chain_store
from agentcron.app.storage.database import insert_ignoring_conflicts, skip_locked
from agentcron.app.storage.tables import jobs, outbox, runs

#: what leasing reads of a queued run (not output or data: a queued run has none)
QUEUED_RUN_COLUMNS = tuple(
    c for c in runs.c if c.name not in ("output", "data", "error", "usage", "delivery")
)
#: what leasing checks and a worker needs of a job (see ``JobSnapshot``)
JOB_COLUMNS = tuple(jobs.c[name] for name in JOB_SNAPSHOT_COLUMNS)


def running_counts(conn: Connection, job_ids: list[str], held: HeldHere) -> Counter[str]:
    """How many runs of each job are running (finished ones not yet written excepted)."""
    if not job_ids:
        return Counter()
    rows = conn.execute(
        select(runs.c.job_id, runs.c.id).where(
            runs.c.job_id.in_(job_ids), runs.c.status == RunStatus.RUNNING
        )
    )
    return Counter(job_id for job_id, run_id in rows if run_id not in held.settled)


_PREVIOUS_COLUMNS = (
    runs.c.id,
    runs.c.scheduled_for,
    runs.c.status,
    runs.c.created_at,
    runs.c.started_at,
    runs.c.completed_at,
)


def _previous_runs(
    conn: Connection, waiting: list[QueuedRun], held: HeldHere
) -> dict[str, PreviousRun | None]:
    """For each slot waiting for its previous run: the run of the latest earlier slot that
    began (its last attempt, when it was retried). Both reads walk an index of the job's
    runs (by slot, then by creation), however long its history."""
    found: dict[str, PreviousRun | None] = {}
    for run in waiting:
        if run.scheduled_for is None:
            found[run.id] = None
            continue
        previous = conn.execute(
            select(*_PREVIOUS_COLUMNS)
            .where(
                runs.c.job_id == run.job_id,
                runs.c.slot < run.scheduled_for,
                runs.c.started_at.is_not(None),
            )
            .order_by(runs.c.slot.desc())
            .limit(1)
        ).first()
        if previous is not None and previous.status in RETRYABLE:
            previous = conn.execute(
                select(*_PREVIOUS_COLUMNS)
                .where(
                    runs.c.job_id == run.job_id,
                    runs.c.created_at >= previous.created_at,
                    runs.c.scheduled_for == previous.scheduled_for,
                    runs.c.started_at.is_not(None),
                )
                .order_by(runs.c.attempt.desc())
                .limit(1)
            ).first()
        if previous is None:
            found[run.id] = None  # nothing ran before it
            continue
        found[run.id] = PreviousRun(
            scheduled_for=previous.scheduled_for,
            began=held.began.get(previous.id) or previous.started_at,
            ended=previous.completed_at or held.settled.get(previous.id),
        )
    return found


def lease_runs(
    conn: Connection,
    candidates: Sequence[QueuedRun],
    job_rows: Mapping[str, JobSnapshot],
    *,
    running: Counter[str],
    limit: int,
    instance: str,
    now: datetime,
    lease: float,
    held: HeldHere,
    fresh: bool = False,
) -> list[Leased]:
    """Lease what ``plan_leases`` allows of ``candidates`` to ``instance``; end what it ends.

    ``fresh``: the candidates are not inserted yet (the scheduler's runs of this very
    transaction), so their values are set here and the caller inserts them; otherwise the
    rows are updated. Writes the ``job.started`` events and attaches chain runs' upstream."""
    waiting = to_judge(candidates, job_rows, running=running)
    plan = plan_leases(
        candidates,
        job_rows,
        running=running,
        limit=limit,
        previous=_previous_runs(conn, waiting, held) if waiting else None,
    )
    for candidate, status, reason in plan.end:
        if fresh:
            assert isinstance(candidate, Run)
            candidate.status, candidate.reason, candidate.completed_at = status, reason, now
            continue
        conn.execute(
            update(runs)
            .where(runs.c.id == candidate.id, runs.c.status == RunStatus.QUEUED)
            .values(status=status, reason=reason, completed_at=now)
        )
    if not plan.lease:
        return []
    # rows become records only once leased: a round passes over twice as many as it takes
    leased_runs = [r if isinstance(r, Run) else Run.from_row(r) for r in plan.lease]
    for run in leased_runs:
        take(run, instance=instance, now=now, lease=lease)
    if not fresh:
        # one statement for the lot: each row starts at its own not_before (or now), and
        # every lease runs at least until the latest of them ends
        conn.execute(
            update(runs)
            .where(runs.c.id.in_([run.id for run in leased_runs]))
            .values(
                status=RunStatus.RUNNING,
                started_at=case((runs.c.not_before > now, runs.c.not_before), else_=now),
                acquired_by=instance,
                acquired_until=max(run.acquired_until or now for run in leased_runs),
                reason=None,
            )
        )
    leased = [Leased(run, job_rows[run.job_id]) for run in leased_runs]
    events = [
        new_outbox_row(
            item.run,
            kind=OutboxKind.EVENT,
            target=item.job.webhook_url,
            event=JobEvent.STARTED,
            now=now,
            payload={},
        ).values()
        for item in leased
        if item.job.webhook_url
    ]
    if events:
        conn.execute(insert_ignoring_conflicts(conn, outbox), events)
    if not fresh:
        # chain runs carry their upstream run (output, data) to the executor
        chain_store.attach_upstream_runs(conn, leased_runs)
    return leased


def acquire_runs(
    conn: Connection,
    *,
    now: datetime,
    due_by: datetime,
    limit: int,
    instance: str,
    lease: float,
    held: HeldHere,
) -> list[Leased]:
    candidates = conn.execute(
        skip_locked(
            conn,
            select(*QUEUED_RUN_COLUMNS)
            .where(runs.c.status == RunStatus.QUEUED, runs.c.not_before <= due_by)
            # the order of the partial index alone: the database stops after LIMIT rows
            # instead of sorting every queued run (thousands in a burst)
            .order_by(runs.c.not_before)
            .limit(limit * 2 + 16),
        )
    ).all()
    if not candidates:
        return []
    # lock the jobs too (PostgreSQL), so two instances never both start the one run a job
    # may have going; a job locked elsewhere is simply tried again next round
    job_rows = {
        row.id: JobSnapshot.from_row(row)
        for row in conn.execute(
            skip_locked(
                conn,
                select(*JOB_COLUMNS).where(jobs.c.id.in_({r.job_id for r in candidates})),
            )
        )
    }
    return lease_runs(
        conn,
        candidates,
        job_rows,
        running=running_counts(conn, list(job_rows), held),
        limit=limit,
        instance=instance,
        now=now,
        lease=lease,
        held=held,
    )


def extend_leases(
    conn: Connection, run_ids: list[str], *, instance: str, now: datetime, lease: float
) -> tuple[set[str], set[str]]:
    conn.execute(
        update(runs)
        .where(
            runs.c.id.in_(run_ids),
            runs.c.acquired_by == instance,
            runs.c.status == RunStatus.RUNNING,
        )
        .values(acquired_until=now + timedelta(seconds=lease))
    )
    held = conn.execute(
        select(runs.c.id, runs.c.cancel_requested).where(
            runs.c.id.in_(run_ids),
            runs.c.acquired_by == instance,
            runs.c.status == RunStatus.RUNNING,
        )
    ).all()
    kept = {r.id for r in held}
    return set(run_ids) - kept, {r.id for r in held if r.cancel_requested}


def cancel_requests(conn: Connection, *, instance: str) -> set[str]:
    rows = conn.execute(
        select(runs.c.id).where(
            runs.c.status == RunStatus.RUNNING,
            runs.c.acquired_by == instance,
            runs.c.cancel_requested,
        )
    )
    return {r.id for r in rows}


def release_runs(conn: Connection, run_ids: list[str], *, instance: str, now: datetime) -> int:
    return int(
        conn.execute(
            update(runs)
            .where(
                runs.c.id.in_(run_ids),
                runs.c.acquired_by == instance,
                runs.c.status == RunStatus.RUNNING,
            )
            .values(
                status=RunStatus.QUEUED,
                started_at=None,
                acquired_by=None,
                acquired_until=None,
                # a run taken ahead of its slot keeps its slot
                not_before=case((runs.c.not_before > now, runs.c.not_before), else_=now),
                reason="released at shutdown; will run again",
            )
        ).rowcount
    )


def revoke_ahead(
    conn: Connection, job_id: str, *, now: datetime, status: RunStatus, reason: str
) -> list[str]:
    ids = [
        r.id
        for r in conn.execute(
            select(runs.c.id).where(
                runs.c.job_id == job_id,
                runs.c.trigger == Trigger.SCHEDULE,
                runs.c.status == RunStatus.RUNNING,
                runs.c.started_at > now,
            )
        )
    ]
    if ids:
        conn.execute(
            update(runs)
            .where(runs.c.id.in_(ids), runs.c.status == RunStatus.RUNNING)
            .values(
                status=status,
                reason=reason,
                completed_at=now,
                started_at=None,
                acquired_by=None,
                acquired_until=None,
            )
        )
    return ids


def earliest_queued(conn: Connection) -> datetime | None:
    value: datetime | None = conn.execute(
        select(func.min(runs.c.not_before)).where(runs.c.status == RunStatus.QUEUED)
    ).scalar()
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def enqueue(conn: Connection, run: Run) -> Run:
    conn.execute(runs.insert().values(**run.values()))
    return run


def cancel_run(
    conn: Connection, owner: str, job_id: str, run_id: str, *, now: datetime
) -> dict[str, Any] | None:
    """A queued run ends ``cancelled`` at once (and its chain goes on); a running one is
    flagged for the worker holding it to stop."""
    where = (runs.c.id == run_id, runs.c.job_id == job_id, runs.c.owner == owner)
    cancelled_queued = conn.execute(
        update(runs)
        .where(*where, runs.c.status == RunStatus.QUEUED)
        .values(status=RunStatus.CANCELLED, reason="cancelled on request", completed_at=now)
    ).rowcount
    if cancelled_queued:
        row = conn.execute(select(runs).where(runs.c.id == run_id)).first()
        if row is not None and row.chain_run_id:
            # a cancelled chain run is an outcome like any other: the chain goes on
            chain_store.on_run_finished(conn, Run.from_row(row), now=now)
    conn.execute(
        update(runs).where(*where, runs.c.status == RunStatus.RUNNING).values(cancel_requested=True)
    )
    row = conn.execute(select(runs).where(*where)).first()
    return dict(row._mapping) if row else None


# -- backfill ---------------------------------------------------------------------------------


@dataclass
class Backfill:
    #: (run id, slot) of the runs queued
    queued: list[tuple[str, datetime]] = field(default_factory=list)
    #: (run id, slot, status) of the slots left alone
    left_alone: list[tuple[str, datetime, str]] = field(default_factory=list)


def queue_backfill(
    conn: Connection, job: Mapping[str, Any], slots: list[datetime], *, now: datetime
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
    new_runs: list[Run] = []
    for index, slot in enumerate(slots):
        # distinct not_before values in the past: due at once, and claimed in slot order
        not_before = now - timedelta(microseconds=len(slots) - index)
        row = existing.get(slot)
        if row is None:
            new_runs.append(
                new_run(
                    job_id=job["id"],
                    owner=job["owner"],
                    trigger=Trigger.BACKFILL,
                    now=now,
                    scheduled_for=slot,
                    slot=slot,
                    not_before=not_before,
                )
            )
            continue
        requeued = 0
        if row.status == RunStatus.SKIPPED:
            # guarded by the status, so two backfills racing re-queue it once
            requeued = conn.execute(
                update(runs)
                .where(runs.c.id == row.id, runs.c.status == RunStatus.SKIPPED)
                .values(
                    status=RunStatus.QUEUED,
                    trigger=Trigger.BACKFILL,
                    reason=f"backfill of a slot skipped before ({row.reason})",
                    not_before=not_before,
                    completed_at=None,
                )
            ).rowcount
        if requeued:
            result.queued.append((row.id, slot))
        else:
            result.left_alone.append((row.id, slot, row.status))
    if new_runs:
        conn.execute(insert_ignoring_conflicts(conn, runs), [r.values() for r in new_runs])
        # a concurrent backfill or the scheduler may have taken a slot first: see who won
        ours = set(
            conn.execute(select(runs.c.id).where(runs.c.id.in_([r.id for r in new_runs])))
            .scalars()
            .all()
        )
        for run in new_runs:
            assert run.slot is not None
            if run.id in ours:
                result.queued.append((run.id, run.slot))
            else:
                winner = conn.execute(
                    select(runs.c.id, runs.c.status).where(
                        runs.c.job_id == job["id"], runs.c.slot == run.slot
                    )
                ).one()
                result.left_alone.append((winner.id, run.slot, winner.status))
    result.queued.sort(key=lambda item: item[1])
    result.left_alone.sort(key=lambda item: item[1])
    return result
