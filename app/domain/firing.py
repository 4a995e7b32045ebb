"""What to do with a job whose slot has come: pure decisions for the scheduler.

Given the job's next slot and the current time, ``plan_firing`` says which slot runs, which
slots are recorded as skipped (and why), and where the job's next slot is. ``plan_job`` adds
what the job itself says — a schedule switching at ``effective_from``, its overlap policy
against the runs it still has going — and returns the rows to write. Neither reads the clock
or storage; the run store carries the plan out in one transaction.

Overlap, when a slot comes while the job's previous run is still going (``skip``, the
default): the slot is recorded ``skipped`` — but only when the previous run is *known* to be
going (it is queued, or held by this instance and not finished). A run held by another
instance may have finished there and be waiting for its batched write; then the slot is
queued, marked ``WAITING_FOR_PREVIOUS``, and ``leasing.plan_leases`` judges it once that run
is recorded, by when it really ended. A finished run never counts as still going.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from agentcron.app.domain.enums import JobStatus, Overlap, RunStatus, SkipReason, Trigger
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.leasing import OVERLAPPED, WAITING_FOR_PREVIOUS
from agentcron.app.domain.records import Run, new_run
from agentcron.app.domain.schedule import Schedule, next_slot, slot_times
from agentcron.app.domain.stored import parsed_schedule

# After a long outage a minutely job has thousands of missed slots: the newest ones are
# recorded one by one, the rest summed up in one line, so the history stays readable.
MAX_RECORDED_MISSES = 50


@dataclass
class FirePlan:
    run_slot: datetime | None = None
    skipped: list[tuple[datetime, str]] = field(default_factory=list)
    next_slot: datetime | None = None
    missed_unrecorded: int = 0


def plan_firing(
    schedule: Schedule,
    *,
    slot: datetime,
    now: datetime,
    catchup_window: timedelta,
    until: datetime | None = None,
    exclusions: Exclusions | None = None,
    max_slots: int = 100_000,
) -> FirePlan:
    """Decide for every slot from ``slot`` (the job's due ``next_run_at``) up to ``now``.

    - slots older than ``now - catchup_window`` are missed: recorded as skipped;
    - of the slots inside the window only the newest runs; the older ones are coalesced into it
      (recorded as skipped, reason "coalesced");
    - an excluded slot is skipped with the exclusion's reason and never runs;
    - slots up to ``until`` (default ``now``) may be fired ahead of time, to start on the
      dot (their runs wait for their time): only the first one coming up, and only when
      nothing is due now — what is due now never coalesces with what is not;
    - ``next_slot`` is the first slot not decided here.
    """
    until = until or now
    due: list[datetime] = [slot]
    next_slot: datetime | None = None
    for instant in slot_times(schedule, after=slot, exclusions=exclusions):
        if instant > until:
            next_slot = instant
            break
        due.append(instant)
        if len(due) >= max_slots:
            # give up enumerating: everything up to here is missed; resume after now
            for later in slot_times(schedule, after=until, exclusions=exclusions):
                next_slot = later
                break
            break
    past = [s for s in due if s <= now]
    ahead = [s for s in due if s > now]
    if past:
        # what is due now is decided now; the slot coming up is fired on a later look
        due = past
        next_slot = ahead[0] if ahead else next_slot
    else:
        # only the slot coming up is fired ahead, and only to run: an excluded one is
        # recorded when its time comes
        if exclusions is not None and exclusions.reason(ahead[0], schedule.zone):
            return FirePlan(next_slot=ahead[0])
        due = ahead[:1]
        next_slot = ahead[1] if len(ahead) > 1 else next_slot
    plan = FirePlan(next_slot=next_slot)
    horizon = now - catchup_window
    zone = schedule.zone
    runnable: list[datetime] = []
    missed: list[datetime] = []
    for instant in due:
        reason = exclusions.reason(instant, zone) if exclusions else None
        if reason:
            plan.skipped.append((instant, reason))
        elif instant < horizon:
            missed.append(instant)
        else:
            runnable.append(instant)
    if runnable:
        plan.run_slot = runnable[-1]
        plan.skipped.extend(
            (s, f"coalesced into the run for {plan.run_slot.isoformat()}") for s in runnable[:-1]
        )
    if missed:
        window = int(catchup_window.total_seconds())
        recorded = missed[-MAX_RECORDED_MISSES:]
        plan.missed_unrecorded = len(missed) - len(recorded)
        reason = f"missed: more than {window}s late (outside the catch-up window)"
        plan.skipped.extend((s, reason) for s in recorded[1:])
        first_reason = reason
        if plan.missed_unrecorded:
            first_reason += f"; {plan.missed_unrecorded} older missed slots not recorded"
        plan.skipped.append((recorded[0], first_reason))
    plan.skipped.sort()
    return plan


CANCELLED_BY_NEWER = "cancelled: a newer slot replaced it (overlap cancel_previous)"


class DueJob(Protocol):
    """What firing needs of a due job (not its action, delivery or metadata): the job's row
    as storage read it does, with no copy made of it."""

    id: str
    owner: str
    schedule: dict[str, Any] | None
    pending_schedule: dict[str, Any] | None
    effective_from: datetime | None
    next_run_at: datetime
    exclusions: dict[str, Any] | None
    catchup_window_seconds: int | None
    overlap: str | None


DUE_JOB_COLUMNS = tuple(DueJob.__annotations__)


@dataclass(slots=True)
class Going:
    """The job's runs still going, as firing sees them (finished ones never count)."""

    #: any run of the job is queued or running
    any: bool = False
    #: one of them is known to be going: queued, or held by this instance and not finished
    known: bool = False


@dataclass(slots=True)
class JobFiring:
    """What one due job's look comes to. Unless ``deferred``, the job's ``next_run_at``
    becomes ``next_run_at`` (None: nothing more to fire)."""

    job_id: str
    #: fired ahead of time only when nothing of the job's is going: left for a later look
    deferred: bool = False
    runs: list[Run] = field(default_factory=list)
    #: the run that will execute for the slot (also in ``runs``), if any
    run: Run | None = None
    next_run_at: datetime | None = None
    #: the pending schedule took over (``schedule`` is the new document)
    switched: bool = False
    schedule: dict[str, Any] | None = None
    status: JobStatus | None = None
    cancel_previous: bool = False

    @property
    def skipped(self) -> list[SkipReason]:
        return [SkipReason.of(r.reason or "") for r in self.runs if r.status == RunStatus.SKIPPED]


def plan_job(
    job: DueJob,
    going: Going,
    *,
    now: datetime,
    until: datetime,
    default_catchup: int,
) -> JobFiring:
    """Decide one due job's look: its slots up to ``until`` (catch-up judged against ``now``)."""
    out = JobFiring(job_id=job.id, schedule=job.schedule)
    slot: datetime | None = job.next_run_at
    if job.pending_schedule and job.effective_from and slot >= job.effective_from:
        out.schedule, out.switched = job.pending_schedule, True
        pending, exclusions = parsed_schedule(job.pending_schedule, job.exclusions)
        slot = next_slot(
            pending, after=job.effective_from - timedelta(microseconds=1), exclusions=exclusions
        )
    if slot is not None and slot > now and going.any and not out.switched:
        # whether the slot overlaps its predecessor is decided when it comes
        out.deferred = True
        return out
    if out.schedule is None or slot is None:
        return out
    schedule, exclusions = parsed_schedule(out.schedule, job.exclusions)
    if slot > until:  # the switch moved the first slot into the future
        out.next_run_at = slot
        return out
    window = job.catchup_window_seconds
    plan = plan_firing(
        schedule,
        slot=slot,
        now=now,
        until=until,
        catchup_window=timedelta(seconds=default_catchup if window is None else window),
        exclusions=exclusions,
    )

    def slot_run(instant: datetime, **values: Any) -> Run:
        return new_run(
            job_id=job.id,
            owner=job.owner,
            trigger=Trigger.SCHEDULE,
            now=now,
            scheduled_for=instant,
            slot=instant,
            **values,
        )

    out.runs = [
        slot_run(instant, status=RunStatus.SKIPPED, reason=reason)
        for instant, reason in plan.skipped
    ]
    if plan.run_slot is not None:
        overlap = job.overlap or Overlap.SKIP
        if going.any and overlap == Overlap.SKIP and going.known:
            out.runs.append(slot_run(plan.run_slot, status=RunStatus.SKIPPED, reason=OVERLAPPED))
        else:
            waiting = going.any and overlap == Overlap.SKIP
            out.cancel_previous = going.any and overlap == Overlap.CANCEL_PREVIOUS
            out.run = slot_run(plan.run_slot, reason=WAITING_FOR_PREVIOUS if waiting else None)
            out.runs.append(out.run)
    out.next_run_at = plan.next_slot
    if plan.next_slot is None and plan.run_slot is None:
        out.status = JobStatus.COMPLETED
    return out
