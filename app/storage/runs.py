"""Runs: the engine's transactions and the queries behind ``/jobs/{id}/runs``.

The claim rules, once (every backend honours them):

- ``fire_due_jobs`` locks due jobs (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the single
  writer on SQLite), inserts one run per slot — the unique ``(job_id, slot)`` makes a slot fire
  at most once whatever happens — and advances ``next_run_at`` in the same transaction.
- ``acquire_runs`` takes queued runs whose ``not_before`` has come, at most ``limit``, honouring
  each job's concurrency (1 unless ``overlap`` is ``allow`` or ``max_concurrency`` says more),
  and leases them to one instance until ``acquired_until``.
- ``extend_leases`` renews the leases an instance still holds and tells it which it lost.
- ``finish_runs`` records outcomes only for runs the instance still holds; a run whose lease
  was lost is the recoverer's, and its late result is dropped rather than recorded twice.
- ``reap_abandoned_runs`` ends runs whose lease expired (their instance died) as ``failed``
  with reason ``interrupted`` and queues a retry when the policy allows: never lost, never
  running twice at once.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, select, text, update

from agentcron.app.domain.firing import plan_firing
from agentcron.app.domain.retry import retry_delay
from agentcron.app.domain.schedule import next_fire_time
from agentcron.app.domain.stored import parsed_schedule
from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database, insert_ignoring_conflicts
from agentcron.app.storage.tables import jobs, outbox, runs

ACTIVE = ("queued", "running")
FINISHED = ("succeeded", "failed", "cancelled", "timed_out", "skipped")
RETRYABLE = ("failed", "timed_out")


def _locking(conn: Connection, query: Any, **kwargs: Any) -> Any:
    # SQLAlchemy drops FOR UPDATE on SQLite silently; there BEGIN IMMEDIATE already serialises
    if conn.dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True, **kwargs)
    return query


def run_row(
    *,
    job: Any,
    trigger: str,
    now: datetime,
    scheduled_for: datetime | None,
    slot: datetime | None = None,
    status: str = "queued",
    reason: str | None = None,
    attempt: int = 1,
    not_before: datetime | None = None,
    **extra: Any,
) -> dict[str, Any]:
    row = {
        "id": new_id("run"),
        "job_id": job["id"] if isinstance(job, dict) else job.id,
        "owner": job["owner"] if isinstance(job, dict) else job.owner,
        "trigger": trigger,
        "scheduled_for": scheduled_for,
        "slot": slot,
        "attempt": attempt,
        "status": status,
        "reason": reason,
        "not_before": not_before or scheduled_for or now,
        "created_at": now,
        "completed_at": now if status in FINISHED else None,
        # every row carries every key: an executemany takes its columns from the first row
        "started_at": None,
        "acquired_by": None,
        "acquired_until": None,
        "cancel_requested": False,
        "retry_of": None,
        "chain_id": None,
        "chain_run_id": None,
        "upstream_run_id": None,
        "delivery": None,
    }
    row.update(extra)
    return row


# what firing needs of a job: not its action, delivery or metadata (JSON decoding costs)
_FIRING_COLUMNS = (
    jobs.c.id,
    jobs.c.owner,
    jobs.c.schedule,
    jobs.c.pending_schedule,
    jobs.c.effective_from,
    jobs.c.next_run_at,
    jobs.c.exclusions,
    jobs.c.catchup_window_seconds,
    jobs.c.overlap,
)


# what a worker needs of a job to run it (see Worker._execute), and what leasing checks
_WORKER_COLUMNS = (
    jobs.c.id,
    jobs.c.owner,
    jobs.c.name,
    jobs.c.status,
    jobs.c.deleted_at,
    jobs.c.action,
    jobs.c.goal,
    jobs.c.condition,
    jobs.c.delivery,
    jobs.c.metadata,
    jobs.c.timeout_seconds,
    jobs.c.webhook_url,
    jobs.c.overlap,
    jobs.c.max_concurrency,
)
_FIRE_AND_CLAIM_COLUMNS = tuple({c.name: c for c in (*_FIRING_COLUMNS, *_WORKER_COLUMNS)}.values())
# what leasing needs of a queued run (not its output or data: a queued run has none)
_QUEUED_RUN_COLUMNS = tuple(
    c for c in runs.c if c.name not in ("output", "data", "error", "usage", "delivery")
)


@dataclass(frozen=True)
class Claim:
    """Lease freshly fired runs to this instance's worker (see ``fire_due_jobs``)."""

    instance: str
    lease: float
    capacity: int


@dataclass
class FireResult:
    #: runs leased at firing to the instance named in ``claim``, with their jobs
    claimed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    jobs_checked: int = 0
    queued: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    lateness: list[float] = field(default_factory=list)


@dataclass
class Finish:
    """One attempt's outcome, as the worker hands it to ``finish_runs``."""

    run_id: str
    status: str  # succeeded | failed | timed_out | cancelled
    output: str = ""
    data: dict[str, Any] | None = None
    error: str | None = None
    reason: str | None = None
    condition_met: bool | None = None
    usage: dict[str, int] | None = None
    retryable: bool = True
    #: when the executor really began (a run taken ahead of its time waits for it first)
    started_at: datetime | None = None
    #: the run as the worker holds it (saves reading it again); None: read it
    run: dict[str, Any] | None = None
    #: rows for the outbox: (kind, target, event, payload, status)
    outbox: list[tuple[str, str, str, dict[str, Any], str]] = field(default_factory=list)


def _skip_reason_kind(reason: str) -> str:
    return reason.split(":", 1)[0].split(" ", 1)[0]


class RunStore:
    def __init__(self, db: Database, *, rng: random.Random | None = None) -> None:
        self.db = db
        self.rng = rng or random.Random()

    # -- time -------------------------------------------------------------------------------

    async def database_now(self) -> datetime:
        """PostgreSQL's clock: every instance claims and leases by the same clock."""
        return await self.db.read(lambda conn: conn.execute(text("SELECT now()")).scalar_one())

    # -- the scheduler ------------------------------------------------------------------------

    async def fire_due_jobs(
        self,
        *,
        now: datetime,
        limit: int,
        default_catchup: int,
        until: datetime | None = None,
        claim: Claim | None = None,
    ) -> FireResult:
        """Fire every slot up to ``until`` (default ``now``); catch-up is judged against ``now``.

        With ``claim``, up to ``claim.capacity`` of the new runs whose job has nothing else
        going are leased to ``claim.instance`` in the same transaction and returned in
        ``claimed`` with their jobs: in a burst, the local worker starts them without a
        second round trip to the queue.
        """
        until = until or now

        def work(conn: Connection) -> FireResult:
            result = FireResult()
            due = conn.execute(
                _locking(
                    conn,
                    select(*(_FIRE_AND_CLAIM_COLUMNS if claim is not None else _FIRING_COLUMNS))
                    .where(
                        jobs.c.status == "active",
                        jobs.c.deleted_at.is_(None),
                        jobs.c.next_run_at <= until,
                    )
                    .order_by(jobs.c.next_run_at)
                    .limit(limit),
                )
            ).all()
            if not due:
                return result
            result.jobs_checked = len(due)
            ids = [job.id for job in due]
            busy = dict(
                conn.execute(
                    select(runs.c.job_id, func.count())
                    .where(runs.c.job_id.in_(ids), runs.c.status.in_(ACTIVE))
                    .group_by(runs.c.job_id)
                ).all()
            )
            new_runs: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            job_updates: list[dict[str, Any]] = []
            cancel_previous: list[str] = []
            for job in due:
                schedule_doc, slot = job.schedule, job.next_run_at
                switched = False
                if job.pending_schedule and job.effective_from and slot >= job.effective_from:
                    schedule_doc, switched = job.pending_schedule, True
                    pending, _ = parsed_schedule(schedule_doc, None)
                    slot = next_fire_time(
                        pending, after=job.effective_from - timedelta(microseconds=1)
                    )
                if slot is not None and slot > now and busy.get(job.id) and not switched:
                    # fired ahead of time only when nothing of the job's is still going:
                    # whether the slot overlaps its predecessor is decided when it comes
                    result.jobs_checked -= 1
                    continue
                update_values: dict[str, Any] = {"_id": job.id, "_schedule": schedule_doc}
                if switched:
                    update_values["_pending"] = None
                if schedule_doc is None or slot is None:
                    update_values["_next"] = None
                    job_updates.append(update_values)
                    continue
                schedule, exclusions = parsed_schedule(schedule_doc, job.exclusions)
                if slot > until:  # the switch moved the first slot into the future
                    update_values["_next"] = slot
                    job_updates.append(update_values)
                    continue
                window = job.catchup_window_seconds
                plan = plan_firing(
                    schedule,
                    slot=slot,
                    now=now,
                    until=until,
                    catchup_window=timedelta(seconds=default_catchup if window is None else window),
                    exclusions=exclusions,
                )
                for instant, reason in plan.skipped:
                    new_runs.append(
                        run_row(
                            job=job,
                            trigger="schedule",
                            now=now,
                            scheduled_for=instant,
                            slot=instant,
                            status="skipped",
                            reason=reason,
                        )
                    )
                    result.skipped[_skip_reason_kind(reason)] += 1
                if plan.run_slot is not None:
                    overlap = job.overlap or "skip"
                    if busy.get(job.id) and overlap == "skip":
                        new_runs.append(
                            run_row(
                                job=job,
                                trigger="schedule",
                                now=now,
                                scheduled_for=plan.run_slot,
                                slot=plan.run_slot,
                                status="skipped",
                                reason="overlap: the previous run was still going",
                            )
                        )
                        result.skipped["overlap"] += 1
                    else:
                        if busy.get(job.id) and overlap == "cancel_previous":
                            cancel_previous.append(job.id)
                        row = run_row(
                            job=job,
                            trigger="schedule",
                            now=now,
                            scheduled_for=plan.run_slot,
                            slot=plan.run_slot,
                        )
                        if (
                            claim is not None
                            and not busy.get(job.id)
                            and (len(result.claimed) < claim.capacity)
                        ):
                            start = max(now, plan.run_slot)
                            row.update(
                                status="running",
                                started_at=start,
                                acquired_by=claim.instance,
                                acquired_until=start + timedelta(seconds=claim.lease),
                            )
                            job_row = dict(job._mapping)
                            result.claimed.append((row, job_row))
                            if job_row.get("webhook_url"):
                                events.append(
                                    _outbox_row(
                                        row, "event", job_row["webhook_url"], "job.started", now
                                    )
                                )
                        new_runs.append(row)
                        result.queued += 1
                        result.lateness.append(max(0.0, (now - plan.run_slot).total_seconds()))
                update_values["_next"] = plan.next_slot
                if plan.next_slot is None and plan.run_slot is None:
                    update_values["_status"] = "completed"
                job_updates.append(update_values)
            if cancel_previous:
                conn.execute(
                    update(runs)
                    .where(runs.c.job_id.in_(cancel_previous), runs.c.status == "queued")
                    .values(
                        status="cancelled",
                        completed_at=now,
                        reason="cancelled: a newer slot replaced it (overlap cancel_previous)",
                    )
                )
                conn.execute(
                    update(runs)
                    .where(runs.c.job_id.in_(cancel_previous), runs.c.status == "running")
                    .values(cancel_requested=True)
                )
            if new_runs:
                conn.execute(insert_ignoring_conflicts(conn, runs), new_runs)
            if events:
                conn.execute(insert_ignoring_conflicts(conn, outbox), events)
            plain = {"_id", "_schedule", "_next"}
            simple = [u for u in job_updates if u.keys() == plain]
            if simple:
                conn.execute(
                    update(jobs)
                    .where(jobs.c.id == bindparam("_id"))
                    .values(next_run_at=bindparam("_next")),
                    simple,
                )
            for values in job_updates:
                if values.keys() == plain:
                    continue
                changes: dict[str, Any] = {"next_run_at": values["_next"]}
                if "_pending" in values:
                    changes.update(
                        schedule=values["_schedule"], pending_schedule=None, effective_from=None
                    )
                if "_status" in values:
                    changes["status"] = values["_status"]
                conn.execute(update(jobs).where(jobs.c.id == values["_id"]).values(**changes))
            return result

        return await self.db.write(work)

    async def upcoming(
        self, *, window: float, cap: int, horizon: datetime
    ) -> tuple[datetime | None, int]:
        """The earliest ``next_run_at`` of an active job, and how many jobs (at most ``cap``)
        come due within ``window`` seconds of it — counted only when it is due by
        ``horizon``: the scheduler starts firing a burst early enough to have it fired by
        its due second, and needs to know only as that second comes near."""

        def work(conn: Connection) -> tuple[datetime | None, int]:
            active = (jobs.c.status == "active", jobs.c.deleted_at.is_(None))
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

        return await self.db.read(work)

    async def revoke_ahead(
        self, job_id: str, *, now: datetime, status: str, reason: str
    ) -> list[str]:
        """End the runs of ``job_id`` fired ahead of a slot that has not come yet (leased to
        a worker, waiting to start on the dot) as ``status`` with ``reason``; returns their
        ids, for the workers holding them. Queued ones are left to ``acquire_runs``, which
        skips the runs of paused and deleted jobs itself."""

        def work(conn: Connection) -> list[str]:
            ids = [
                r.id
                for r in conn.execute(
                    select(runs.c.id).where(
                        runs.c.job_id == job_id,
                        runs.c.trigger == "schedule",
                        runs.c.status == "running",
                        runs.c.started_at > now,
                    )
                )
            ]
            if ids:
                conn.execute(
                    update(runs)
                    .where(runs.c.id.in_(ids), runs.c.status == "running")
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

        return await self.db.write(work)

    async def earliest_queued(self) -> datetime | None:
        def work(conn: Connection) -> datetime | None:
            return conn.execute(
                select(func.min(runs.c.not_before)).where(runs.c.status == "queued")
            ).scalar()

        value = await self.db.read(work)
        if value is not None and value.tzinfo is None:
            from datetime import UTC

            value = value.replace(tzinfo=UTC)
        return value

    # -- manual runs ------------------------------------------------------------------------

    async def trigger(
        self, job: dict[str, Any], *, now: datetime, trigger: str = "manual", **extra: Any
    ) -> dict[str, Any]:
        row = run_row(job=job, trigger=trigger, now=now, scheduled_for=now, **extra)

        def work(conn: Connection) -> dict[str, Any]:
            conn.execute(runs.insert().values(**row))
            return row

        return await self.db.write(work)

    # -- workers ----------------------------------------------------------------------------

    async def acquire_runs(
        self,
        *,
        now: datetime,
        limit: int,
        instance: str,
        lease: float,
        due_by: datetime | None = None,
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Lease up to ``limit`` runs due by ``due_by`` (default ``now``) to ``instance``;
        returns (run, job) pairs. A run taken ahead of its ``not_before`` is the worker's to
        start on time; its ``started_at`` is corrected to the real start when it finishes."""
        due_by = due_by or now

        def work(conn: Connection) -> list[tuple[dict[str, Any], dict[str, Any]]]:
            candidates = conn.execute(
                _locking(
                    conn,
                    select(*_QUEUED_RUN_COLUMNS)
                    .where(runs.c.status == "queued", runs.c.not_before <= due_by)
                    # the order of the partial index alone: the database stops after LIMIT
                    # rows instead of sorting every queued run (thousands in a burst)
                    .order_by(runs.c.not_before)
                    .limit(limit * 2 + 16),
                )
            ).all()
            if not candidates:
                return []
            job_ids = list({r.job_id for r in candidates})
            # lock the jobs too (PostgreSQL), so two instances never both start the one run a
            # job may have going; a job locked elsewhere is simply tried again next round
            job_rows = {
                j.id: j
                for j in conn.execute(
                    _locking(conn, select(*_WORKER_COLUMNS).where(jobs.c.id.in_(job_ids)))
                ).all()
            }
            running = Counter(
                dict(
                    conn.execute(
                        select(runs.c.job_id, func.count())
                        .where(runs.c.job_id.in_(list(job_rows)), runs.c.status == "running")
                        .group_by(runs.c.job_id)
                    ).all()
                )
            )
            claimed: list[tuple[dict[str, Any], dict[str, Any]]] = []
            skipped_paused: list[str] = []
            cancelled_deleted: list[str] = []
            for run in candidates:
                job = job_rows.get(run.job_id)
                if job is None:
                    continue
                if job.deleted_at is not None:
                    cancelled_deleted.append(run.id)
                    continue
                if job.status == "paused" and run.trigger == "schedule":
                    skipped_paused.append(run.id)
                    continue
                cap = job.max_concurrency or (None if job.overlap == "allow" else 1)
                if cap is not None and running[job.id] >= cap:
                    continue
                running[job.id] += 1
                claimed.append((dict(run._mapping), dict(job._mapping)))
                if len(claimed) >= limit:
                    break
            if skipped_paused:
                conn.execute(
                    update(runs)
                    .where(runs.c.id.in_(skipped_paused))
                    .values(status="skipped", reason="job paused", completed_at=now)
                )
            if cancelled_deleted:
                conn.execute(
                    update(runs)
                    .where(runs.c.id.in_(cancelled_deleted))
                    .values(status="cancelled", reason="job deleted", completed_at=now)
                )
            if claimed:
                until = now + timedelta(seconds=lease)
                conn.execute(
                    update(runs)
                    .where(runs.c.id.in_([r["id"] for r, _ in claimed]))
                    .values(
                        status="running",
                        started_at=func.coalesce(
                            case((runs.c.not_before > now, runs.c.not_before), else_=None), now
                        ),
                        acquired_by=instance,
                        acquired_until=until + max(timedelta(0), due_by - now),
                    )
                )
                events = []
                for run, job in claimed:
                    run.update(
                        status="running",
                        started_at=max(now, run["not_before"]),
                        acquired_by=instance,
                    )
                    if job.get("webhook_url"):
                        events.append(
                            _outbox_row(run, "event", job["webhook_url"], "job.started", now)
                        )
                if events:
                    conn.execute(insert_ignoring_conflicts(conn, outbox), events)
                # chain runs carry their upstream run (output, data) to the executor
                from agentcron.app.storage.chains import attach_upstream_runs

                attach_upstream_runs(conn, [run for run, _ in claimed])
            return claimed

        return await self.db.write(work)

    async def extend_leases(
        self, run_ids: list[str], *, instance: str, now: datetime, lease: float
    ) -> tuple[set[str], set[str]]:
        """Renew; returns (ids whose lease was lost, ids whose cancellation was requested)."""
        if not run_ids:
            return set(), set()

        def work(conn: Connection) -> tuple[set[str], set[str]]:
            conn.execute(
                update(runs)
                .where(
                    runs.c.id.in_(run_ids),
                    runs.c.acquired_by == instance,
                    runs.c.status == "running",
                )
                .values(acquired_until=now + timedelta(seconds=lease))
            )
            held = conn.execute(
                select(runs.c.id, runs.c.cancel_requested).where(
                    runs.c.id.in_(run_ids),
                    runs.c.acquired_by == instance,
                    runs.c.status == "running",
                )
            ).all()
            kept = {r.id for r in held}
            return set(run_ids) - kept, {r.id for r in held if r.cancel_requested}

        return await self.db.write(work)

    async def cancel_requests(self, *, instance: str) -> set[str]:
        """Ids of the runs leased to ``instance`` whose cancellation was asked for.

        Asked by instance, not by a list of run ids: a worker polls this several times a
        second, and with thousands of runs going a list would be thousands of parameters."""

        def work(conn: Connection) -> set[str]:
            rows = conn.execute(
                select(runs.c.id).where(
                    runs.c.status == "running",
                    runs.c.acquired_by == instance,
                    runs.c.cancel_requested,
                )
            )
            return {r.id for r in rows}

        return await self.db.read(work)

    async def finish_runs(
        self, finishes: list[Finish], *, instance: str, now: datetime
    ) -> list[dict[str, Any]]:
        """Record outcomes; returns the runs recorded (with any retry run queued for them)."""

        def work(conn: Connection) -> list[dict[str, Any]]:
            held = {
                r.id
                for r in conn.execute(
                    select(runs.c.id).where(
                        runs.c.id.in_([f.run_id for f in finishes]),
                        runs.c.status == "running",
                        runs.c.acquired_by == instance,
                    )
                )
            }
            # a run not held any more lost its lease: the recoverer owns it now
            mine = [f for f in finishes if f.run_id in held]
            missing = [f.run_id for f in mine if f.run is None]
            loaded = {
                r.id: dict(r._mapping)
                for r in (
                    conn.execute(select(runs).where(runs.c.id.in_(missing))) if missing else []
                )
            }
            pairs = [(f.run if f.run is not None else loaded[f.run_id], f) for f in mine]
            job_rows = _jobs_for_recording(conn, {run["job_id"] for run, _ in pairs})
            return _record_outcomes(
                conn,
                [(run, job_rows.get(run["job_id"]), fin) for run, fin in pairs],
                now=now,
                rng=self.rng,
            )

        return await self.db.write(work)

    async def reap_abandoned_runs(self, *, now: datetime, limit: int = 200) -> list[dict[str, Any]]:
        def work(conn: Connection) -> list[dict[str, Any]]:
            rows = conn.execute(
                _locking(
                    conn,
                    select(runs)
                    .where(runs.c.status == "running", runs.c.acquired_until < now)
                    .limit(limit),
                )
            ).all()
            job_rows = _jobs_for_recording(conn, {r.job_id for r in rows})
            pairs = [
                (
                    dict(row._mapping),
                    job_rows.get(row.job_id),
                    Finish(
                        run_id=row.id,
                        status="failed",
                        reason="interrupted",
                        error=(
                            "interrupted: the instance running it stopped "
                            f"({row.acquired_by}'s lease expired)"
                        ),
                    ),
                )
                for row in rows
            ]
            return _record_outcomes(conn, pairs, now=now, rng=self.rng)

        return await self.db.write(work)

    async def release_runs(self, run_ids: list[str], *, instance: str, now: datetime) -> int:
        """Graceful shutdown: give runs that did not finish in the grace period back to the
        queue (they were interrupted by us, not failed), to be picked up again."""
        if not run_ids:
            return 0

        def work(conn: Connection) -> int:
            return conn.execute(
                update(runs)
                .where(
                    runs.c.id.in_(run_ids),
                    runs.c.acquired_by == instance,
                    runs.c.status == "running",
                )
                .values(
                    status="queued",
                    started_at=None,
                    acquired_by=None,
                    acquired_until=None,
                    # a run taken ahead of its slot keeps its slot
                    not_before=case((runs.c.not_before > now, runs.c.not_before), else_=now),
                    reason="released at shutdown; will run again",
                )
            ).rowcount

        return await self.db.write(work)

    # -- reading ----------------------------------------------------------------------------

    async def list_for_job(
        self, owner: str, job_id: str, *, status: str | None, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        conditions = [runs.c.owner == owner, runs.c.job_id == job_id]
        if status:
            conditions.append(runs.c.status == status)

        def work(conn: Connection) -> tuple[list[dict[str, Any]], int]:
            total = conn.execute(select(func.count()).select_from(runs).where(*conditions)).scalar()
            rows = conn.execute(
                select(runs)
                .where(*conditions)
                .order_by(runs.c.created_at.desc(), runs.c.attempt.desc(), runs.c.id.desc())
                .limit(limit)
                .offset(offset)
            )
            return [dict(r._mapping) for r in rows], int(total or 0)

        return await self.db.read(work)

    async def get(self, owner: str, job_id: str, run_id: str) -> dict[str, Any] | None:
        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(runs).where(
                    runs.c.id == run_id, runs.c.job_id == job_id, runs.c.owner == owner
                )
            ).first()
            return dict(row._mapping) if row else None

        return await self.db.read(work)

    async def previous_finished(self, job_id: str, *, before: str) -> dict[str, Any] | None:
        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(runs.c.id, runs.c.output, runs.c.data, runs.c.status, runs.c.completed_at)
                .where(
                    runs.c.job_id == job_id,
                    runs.c.status.in_(("succeeded", "failed", "timed_out")),
                    runs.c.id != before,
                )
                .order_by(runs.c.completed_at.desc())
                .limit(1)
            ).first()
            return dict(row._mapping) if row else None

        return await self.db.read(work)

    async def request_cancel(
        self, owner: str, job_id: str, run_id: str, *, now: datetime
    ) -> dict[str, Any] | None:
        def work(conn: Connection) -> dict[str, Any] | None:
            cancelled_queued = conn.execute(
                update(runs)
                .where(runs.c.id == run_id, runs.c.owner == owner, runs.c.status == "queued")
                .values(status="cancelled", reason="cancelled on request", completed_at=now)
            ).rowcount
            if cancelled_queued:
                row = conn.execute(select(runs).where(runs.c.id == run_id)).first()
                if row is not None and row.chain_run_id:
                    # a cancelled chain run is an outcome like any other: the chain goes on
                    from agentcron.app.storage import chains as chain_store

                    chain_store.on_run_finished(conn, dict(row._mapping), None, now=now)
            conn.execute(
                update(runs)
                .where(runs.c.id == run_id, runs.c.owner == owner, runs.c.status == "running")
                .values(cancel_requested=True)
            )
            row = conn.execute(
                select(runs).where(
                    runs.c.id == run_id, runs.c.job_id == job_id, runs.c.owner == owner
                )
            ).first()
            return dict(row._mapping) if row else None

        return await self.db.write(work)

    async def counts(self) -> dict[str, int]:
        def work(conn: Connection) -> dict[str, int]:
            rows = conn.execute(
                select(runs.c.status, func.count())
                .where(runs.c.status.in_(ACTIVE))
                .group_by(runs.c.status)
            ).all()
            return {status: int(n) for status, n in rows}

        return await self.db.read(work)


def _outbox_row(
    run: dict[str, Any],
    kind: str,
    target: str,
    event: str,
    now: datetime,
    payload: dict[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """An outbox row; the message fields come as ``payload`` and/or keywords."""
    payload = {**(payload or {}), **fields}
    return {
        "id": new_id("out"),
        "run_id": run["id"],
        "job_id": run["job_id"],
        "owner": run["owner"],
        "kind": kind,
        "target": target,
        "event": event,
        "payload": json.loads(json.dumps(payload, default=str)),
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
        "updated_at": now,
    }


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


# what recording an outcome needs of a job (not its action, delivery or metadata)
_RECORD_COLUMNS = (
    jobs.c.id,
    jobs.c.owner,
    jobs.c.name,
    jobs.c.status,
    jobs.c.retry,
    jobs.c.pause_on_failure,
    jobs.c.consecutive_failures,
    jobs.c.next_run_at,
    jobs.c.deleted_at,
    jobs.c.webhook_url,
    jobs.c.schedule.is_not(None).label("has_schedule"),
)


def _jobs_for_recording(conn: Connection, job_ids: set[str]) -> dict[str, Any]:
    if not job_ids:
        return {}
    return {j.id: j for j in conn.execute(select(*_RECORD_COLUMNS).where(jobs.c.id.in_(job_ids)))}


class _Writes:
    """The statements a batch of outcomes needs, grouped so each kind is one executemany."""

    def __init__(self) -> None:
        self.run_updates: list[dict[str, Any]] = []
        self.jobs_succeeded: list[dict[str, Any]] = []
        self.jobs_counted: list[dict[str, Any]] = []
        self.retries: list[dict[str, Any]] = []
        self.outbox: list[dict[str, Any]] = []
        self.finals: list[tuple[dict[str, Any], Any]] = []

    def flush(self, conn: Connection, *, now: datetime) -> None:
        if self.run_updates:
            conn.execute(_UPDATE_RUN, self.run_updates)
        if self.jobs_succeeded:
            conn.execute(_JOB_SUCCEEDED, self.jobs_succeeded)
        if self.jobs_counted:
            conn.execute(_JOB_COUNTED, self.jobs_counted)
        if self.retries:
            conn.execute(runs.insert(), self.retries)
        if self.outbox:
            conn.execute(insert_ignoring_conflicts(conn, outbox), self.outbox)
        if self.finals:
            # chains: firing the downstream edges belongs to this same transaction, so a crash
            # between recording the outcome and starting what follows can neither lose nor
            # double a downstream run (run updates are flushed first: joins read them)
            from agentcron.app.storage import chains as chain_store

            hook = getattr(chain_store, "on_run_finished", None)
            if hook is not None:
                for run, job in self.finals:
                    run["chain_runs_queued"] = hook(conn, run, job, now=now)


def _record_outcomes(
    conn: Connection,
    pairs: list[tuple[dict[str, Any], Any, Finish]],
    *,
    now: datetime,
    rng: random.Random,
) -> list[dict[str, Any]]:
    writes = _Writes()
    recorded = [
        _record_outcome(conn, run, job, fin, now=now, rng=rng, writes=writes)
        for run, job, fin in pairs
    ]
    writes.flush(conn, now=now)
    return recorded


def _record_outcome(
    conn: Connection,
    run: dict[str, Any],
    job: Any,
    fin: Finish,
    *,
    now: datetime,
    rng: random.Random,
    writes: _Writes,
) -> dict[str, Any]:
    """One attempt's outcome and everything that follows from it — the retry, the job's
    counters and status, deliveries and events — added to ``writes`` (the caller's
    transaction); only unusual job changes are executed here and now."""
    retry_at: datetime | None = None
    if fin.status in RETRYABLE and fin.retryable and job is not None and job.deleted_at is None:
        delay = retry_delay(job.retry, attempt=run["attempt"], rng=rng)
        if delay is not None:
            retry_at = now + timedelta(seconds=delay)
    final = retry_at is None
    delivery_summary = {
        target: {"status": status}
        for kind, target, _e, _p, status in fin.outbox
        if kind == "delivery"
    }
    values: dict[str, Any] = {
        "status": fin.status,
        "started_at": fin.started_at or run.get("started_at"),
        "completed_at": now,
        "output": fin.output,
        "data": fin.data,
        "error": fin.error,
        "reason": fin.reason,
        "condition_met": fin.condition_met,
        "usage": fin.usage,
        "delivery": delivery_summary or None,
    }
    writes.run_updates.append({"_id": run["id"], **values})
    run.update(values, acquired_by=None, acquired_until=None)
    run["final"] = final
    if job is None:
        return run
    last = run.get("started_at") or now
    outbox_before = len(writes.outbox)
    job_changes: dict[str, Any] = {}
    failed_for_good = final and fin.status in ("failed", "timed_out")
    if failed_for_good:
        job_changes["consecutive_failures"] = jobs.c.consecutive_failures + 1
        if job.pause_on_failure and job.consecutive_failures + 1 >= job.pause_on_failure:
            if job.status == "active":
                job_changes.update(status="paused", next_run_at=None)
    one_time_done = (
        final
        and job.status == "active"
        and job.next_run_at is None
        and job.has_schedule
        and run["trigger"] in ("schedule", "retry")
        and fin.status != "cancelled"
    )
    if one_time_done:
        job_changes["status"] = "completed" if fin.status == "succeeded" else "failed"
    if job_changes:
        if fin.status == "succeeded":
            job_changes["consecutive_failures"] = 0
        conn.execute(
            update(jobs)
            .where(jobs.c.id == job.id)
            .values(run_count=jobs.c.run_count + 1, last_run_at=last, **job_changes)
        )
    elif fin.status == "succeeded":
        writes.jobs_succeeded.append({"_id": job.id, "_last": last})
    else:
        writes.jobs_counted.append({"_id": job.id, "_last": last})
    if retry_at is not None:
        retry = run_row(
            job=job,
            trigger="retry",
            now=now,
            scheduled_for=run["scheduled_for"],
            attempt=run["attempt"] + 1,
            not_before=retry_at,
            retry_of=run["id"],
            chain_id=run.get("chain_id"),
            chain_run_id=run.get("chain_run_id"),
            upstream_run_id=run.get("upstream_run_id"),
        )
        writes.retries.append(retry)
        run["retry_run_id"] = retry["id"]
        run["retry_at"] = retry_at
    for kind, target, event, payload, status in fin.outbox:
        if kind == "failure_notice" and not failed_for_good:
            continue
        if kind == "failure_notice" and job.consecutive_failures > 0:
            continue  # once per failure streak, not on every failed run
        row = _outbox_row(
            run, "delivery" if kind == "failure_notice" else kind, target, event, now, payload
        )
        row["status"] = status
        writes.outbox.append(row)
    if job.webhook_url:
        event = "job.finished" if fin.status == "succeeded" else "job.error"
        writes.outbox.append(
            _outbox_row(
                run,
                "event",
                job.webhook_url,
                event,
                now,
                status=fin.status,
                error=fin.error,
                final=final,
            )
        )
    run["outbox_rows"] = len(writes.outbox) - outbox_before
    if final:
        writes.finals.append((run, job))
    return run
