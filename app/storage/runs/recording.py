"""Recording: outcomes written as ``domain.outcome.plan_outcome`` planned them.

A batch of outcomes is one transaction, and each kind of write in it is one statement
(``executemany``): a burst of thousands of finished runs costs a handful of statements, not
thousands. Final outcomes advance their chains in the same transaction, so a crash between
recording an outcome and starting what follows can neither lose nor double a downstream run.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from agentcron.app.domain.enums import JobStatus, RunStatus
from agentcron.app.domain.outcome import INTERRUPTED, Attempt, JobState, OutcomePlan, plan_outcome
from agentcron.app.domain.records import Run
from agentcron.app.storage import chains as chain_store
from agentcron.app.storage.database import insert_ignoring_conflicts, skip_locked
from agentcron.app.storage.tables import jobs, outbox, runs


@dataclass
class Recorded:
    """What a batch of outcomes came to."""

    plans: list[OutcomePlan] = field(default_factory=list)
    #: runs queued by it: retries, and downstream runs of chains
    runs_queued: int = 0
    #: deliveries and events it left in the outbox
    outbox_rows: int = 0


# what recording an outcome needs of a job (``JobState``; not its action or metadata)
_JOB_STATE_COLUMNS = tuple(
    jobs.c.schedule.is_not(None).label(name) if name == "has_schedule" else jobs.c[name]
    for name in JobState.__annotations__
)


def _job_states(conn: Connection, job_ids: set[str]) -> dict[str, JobState]:
    if not job_ids:
        return {}
    rows = conn.execute(select(*_JOB_STATE_COLUMNS).where(jobs.c.id.in_(job_ids)))
    return {row.id: row for row in rows}


_UPDATE_RUN = (
    update(runs)
    .where(runs.c.id == bindparam("_id"))
    .values(
        status=bindparam("status"),
        started_at=bindparam("started_at"),
        completed_at=bindparam("completed_at"),
        output=bindparam("output"),
        data=bindparam("data"),
        error=bindparam("error"),
        reason=bindparam("reason"),
        condition_met=bindparam("condition_met"),
        usage=bindparam("usage"),
        delivery=bindparam("delivery"),
        acquired_by=None,
        acquired_until=None,
    )
)
_JOB_SUCCEEDED = (
    update(jobs)
    .where(jobs.c.id == bindparam("_id"))
    .values(run_count=jobs.c.run_count + 1, last_run_at=bindparam("_last"), consecutive_failures=0)
)
_JOB_COUNTED = (
    update(jobs)
    .where(jobs.c.id == bindparam("_id"))
    .values(run_count=jobs.c.run_count + 1, last_run_at=bindparam("_last"))
)


def record_outcomes(
    conn: Connection, attempts: list[Attempt], *, now: datetime, rng: random.Random
) -> Recorded:
    """Plan every attempt's outcome against its job as it stands, and write the plans."""
    states = _job_states(conn, {a.run.job_id for a in attempts})
    plans = [plan_outcome(a, states.get(a.run.job_id), now=now, rng=rng) for a in attempts]
    recorded = Recorded(plans=plans)
    if not plans:
        return recorded
    conn.execute(
        _UPDATE_RUN,
        [
            {
                "_id": p.run.id,
                "status": p.run.status,
                "started_at": p.run.started_at,
                "completed_at": p.run.completed_at,
                "output": p.run.output,
                "data": p.run.data,
                "error": p.run.error,
                "reason": p.run.reason,
                "condition_met": p.run.condition_met,
                "usage": p.run.usage,
                "delivery": p.run.delivery,
            }
            for p in plans
        ],
    )
    succeeded: list[dict[str, Any]] = []
    counted: list[dict[str, Any]] = []
    for plan in plans:
        change = plan.job
        if change is None:
            continue
        if change.plain:
            (succeeded if change.succeeded else counted).append(
                {"_id": plan.run.job_id, "_last": change.last_run_at}
            )
            continue
        values: dict[str, Any] = {
            "run_count": jobs.c.run_count + 1,
            "last_run_at": change.last_run_at,
        }
        if change.succeeded:
            values["consecutive_failures"] = 0
        if change.failed_for_good:
            values["consecutive_failures"] = jobs.c.consecutive_failures + 1
        if change.status is not None:
            values["status"] = change.status
            if change.status == JobStatus.PAUSED:
                values["next_run_at"] = None
        conn.execute(update(jobs).where(jobs.c.id == plan.run.job_id).values(**values))
    if succeeded:
        conn.execute(_JOB_SUCCEEDED, succeeded)
    if counted:
        conn.execute(_JOB_COUNTED, counted)
    retries = [plan.retry.values() for plan in plans if plan.retry is not None]
    if retries:
        conn.execute(runs.insert(), retries)
    rows = [row.values() for plan in plans for row in plan.outbox]
    if rows:
        conn.execute(insert_ignoring_conflicts(conn, outbox), rows)
    recorded.runs_queued = len(retries)
    recorded.outbox_rows = len(rows)
    # run updates first (above): a chain's join reads them
    for plan in plans:
        if plan.final and plan.job is not None:
            recorded.runs_queued += chain_store.on_run_finished(conn, plan.run, now=now)
    return recorded


def finish_runs(
    conn: Connection,
    attempts: list[Attempt],
    *,
    instance: str,
    now: datetime,
    rng: random.Random,
) -> Recorded:
    held = set(
        conn.execute(
            select(runs.c.id).where(
                runs.c.id.in_([a.run.id for a in attempts]),
                runs.c.status == RunStatus.RUNNING,
                runs.c.acquired_by == instance,
            )
        ).scalars()
    )
    # a run not held any more lost its lease: the recoverer owns it now
    return record_outcomes(conn, [a for a in attempts if a.run.id in held], now=now, rng=rng)


def reap_abandoned_runs(
    conn: Connection,
    *,
    now: datetime,
    limit: int,
    rng: random.Random,
    instance: str | None = None,
    keep: Collection[str] = (),
) -> Recorded:
    expired = (runs.c.status == RunStatus.RUNNING, runs.c.acquired_until < now)
    rows = conn.execute(
        skip_locked(
            conn,
            select(runs)
            .where(*expired, *(() if instance is None else (runs.c.acquired_by != instance,)))
            .limit(limit),
        )
    ).all()
    if instance is not None:
        # our own runs whose lease ran out while this process could not renew it (frozen,
        # or too busy): those the worker still holds are going, and it renews them; the
        # others it gave up on
        own = conn.execute(
            skip_locked(
                conn, select(runs).where(*expired, runs.c.acquired_by == instance).limit(limit)
            )
        ).all()
        rows += [row for row in own if row.id not in keep]
    attempts = [
        Attempt(
            run=Run.from_row(row),
            status=RunStatus.FAILED,
            reason=INTERRUPTED,
            error=(
                f"{INTERRUPTED}: the instance running it stopped "
                f"({row.acquired_by}'s lease expired)"
            ),
        )
        for row in rows
    ]
    return record_outcomes(conn, attempts, now=now, rng=rng)
