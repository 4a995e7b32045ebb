"""The records a run's life passes around: the run, the job as its run sees it, outbox rows.

Plain dataclasses named after their columns, built by storage from rows and written back as
dicts (``values()``); the decisions in ``firing``, ``leasing`` and ``outcome`` take and return
them. ``slots=True``: a burst makes tens of thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from agentcron.app.domain.enums import (
    FINISHED,
    JobStatus,
    OutboxKind,
    OutboxStatus,
    Overlap,
    RunStatus,
    Trigger,
)
from agentcron.app.ids import new_id


@dataclass(slots=True)
class Run:
    """One attempt at one slot (or one manual, chained or backfilled run) — a ``runs`` row."""

    id: str
    job_id: str
    owner: str
    trigger: str
    status: str
    scheduled_for: datetime | None
    not_before: datetime
    created_at: datetime
    attempt: int = 1
    #: set only on the run that stands for a scheduled slot: unique per (job, slot)
    slot: datetime | None = None
    reason: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    output: str | None = None
    data: dict[str, Any] | None = None
    error: str | None = None
    condition_met: bool | None = None
    delivery: dict[str, Any] | None = None
    usage: dict[str, Any] | None = None
    retry_of: str | None = None
    chain_id: str | None = None
    chain_run_id: str | None = None
    upstream_run_id: str | None = None
    acquired_by: str | None = None
    acquired_until: datetime | None = None
    cancel_requested: bool = False
    #: not a column: for a chain run, its upstream run (id, job_id, output, data, status,
    #: completed_at), attached when it is leased for the executor's ``upstream_run``
    upstream: dict[str, Any] | None = field(default=None, compare=False)

    @classmethod
    def from_row(cls, row: Any) -> Run:
        """From a row (or mapping) of ``runs`` columns; columns not selected keep defaults."""
        return cls(**(row._mapping if hasattr(row, "_mapping") else row))

    def values(self) -> dict[str, Any]:
        """The row to insert: every column, so an executemany takes one shape."""
        return {name: getattr(self, name) for name in RUN_COLUMNS}

    @property
    def idempotency_key(self) -> str:
        """The same for every attempt of one slot, and different for every other slot: what
        a receiver deduplicates by (see the README's *Idempotency-Key*). The job and the
        instant the run stands for, and the chain run for a run of a chain."""
        instant = self.scheduled_for or self.created_at
        key = f"{self.job_id}:{instant.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.%fZ')}"
        return f"{key}:{self.chain_run_id}" if self.chain_run_id else key


RUN_COLUMNS = tuple(f.name for f in fields(Run) if f.name != "upstream")


def new_run(
    *,
    job_id: str,
    owner: str,
    trigger: Trigger,
    now: datetime,
    scheduled_for: datetime | None,
    slot: datetime | None = None,
    status: RunStatus = RunStatus.QUEUED,
    reason: str | None = None,
    attempt: int = 1,
    not_before: datetime | None = None,
    **extra: Any,
) -> Run:
    """A new run; a finished one (a skipped slot) is completed at ``now``."""
    return Run(
        id=new_id("run"),
        job_id=job_id,
        owner=owner,
        trigger=trigger,
        status=status,
        scheduled_for=scheduled_for,
        slot=slot,
        attempt=attempt,
        reason=reason,
        not_before=not_before or scheduled_for or now,
        created_at=now,
        completed_at=now if status in FINISHED else None,
        **extra,
    )


@dataclass(slots=True)
class JobSnapshot:
    """A job as its run is leased and executed: what leasing checks and a worker needs."""

    id: str
    owner: str
    name: str
    status: str
    deleted_at: datetime | None
    action: dict[str, Any]
    goal: str | None
    condition: dict[str, Any] | None
    delivery: dict[str, Any] | None
    metadata: dict[str, Any] | None
    timeout_seconds: int | None
    webhook_url: str | None
    overlap: str | None
    max_concurrency: int | None
    #: opaque JSON for the executor (``RunContext.payload``)
    payload: Any = None

    @classmethod
    def from_row(cls, row: Any) -> JobSnapshot:
        """From a row whose first columns are ``JOB_SNAPSHOT_COLUMNS``, in order."""
        return cls(*row[: len(JOB_SNAPSHOT_COLUMNS)])

    @property
    def concurrency(self) -> int | None:
        """How many of its runs may go at once (None: no limit)."""
        if self.max_concurrency:
            return self.max_concurrency
        return None if self.overlap == Overlap.ALLOW else 1

    @property
    def runnable(self) -> bool:
        return self.deleted_at is None and self.status != JobStatus.PAUSED


JOB_SNAPSHOT_COLUMNS = tuple(f.name for f in fields(JobSnapshot))


@dataclass(slots=True)
class Leased:
    """A run leased to this instance, with its job: what a worker starts."""

    run: Run
    job: JobSnapshot


@dataclass(slots=True)
class OutboxRow:
    """Something a finished (or started) run still has to send — an ``outbox`` row."""

    id: str
    run_id: str
    job_id: str
    owner: str
    kind: str
    target: str
    event: str
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    updated_at: datetime
    acquired_until: datetime | None = None
    detail: str | None = None
    external_id: str | None = None
    #: not columns: what the sender needs of the run and the job, read when it is leased
    run: dict[str, Any] = field(default_factory=dict)
    job_name: str = ""

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in OUTBOX_COLUMNS}

    @classmethod
    def from_row(cls, row: Any) -> OutboxRow:
        return cls(**row._mapping)

    @property
    def idempotency_key(self) -> str:
        """The run's slot key and what is sent (see ``Run.idempotency_key``): the same for
        every try of this row, whichever attempt of the slot it belongs to."""
        slot = self.payload.get("idempotency_key") or self.run_id
        if self.kind == OutboxKind.EVENT:
            return f"{slot}:{self.event}:{self.run.get('attempt') or 1}"
        if self.kind == OutboxKind.CALLBACK:
            return f"{slot}:callback"
        return f"{slot}:{self.payload.get('kind') or 'result'}"


OUTBOX_COLUMNS = tuple(f.name for f in fields(OutboxRow) if f.name not in ("run", "job_name"))


def new_outbox_row(
    run: Run,
    *,
    kind: OutboxKind,
    target: str,
    event: str,
    now: datetime,
    payload: dict[str, Any],
    status: OutboxStatus = OutboxStatus.PENDING,
) -> OutboxRow:
    return OutboxRow(
        id=new_id("out"),
        run_id=run.id,
        job_id=run.job_id,
        owner=run.owner,
        kind=kind,
        target=target,
        event=event,
        payload={**payload, "idempotency_key": run.idempotency_key},
        status=status,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
