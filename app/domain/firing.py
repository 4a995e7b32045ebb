"""What to do with a job whose slot has come: pure decisions for the scheduler.

Given the job's next slot and the current time, ``plan_firing`` says which slots run, which
are recorded as skipped (and why), and where the job's next slot is. ``plan_job`` adds what
the job itself says — a schedule switching at ``effective_from``, its overlap policy against
the runs it still has going — and returns the rows to write. Neither reads the clock or
storage; the run store carries the plan out in one transaction.

Late is not missed. A slot that came due while the scheduler was looking (``late_since``:
it has looked without a gap since then) runs, however late the look that finds it — a busy
machine makes the scheduler late, and each of those slots still runs, in order. Catch-up
(``catchup_window_seconds``: the newest slot runs, older ones are coalesced into it, ones
outside the window are missed) is for slots that came due while no scheduler here was
looking: the service was down, or its database was.

Overlap, when a slot comes while the job's previous run is still going (``skip``, the
default): the slot is recorded ``skipped`` only when the previous run is *known* to overlap
it — it has been going here for longer than the time between their slots, or it is a retry
still waiting for its time. A run that began late (the engine's lateness, not the job's), one
that has not begun, or one held by another instance (which may have finished there and be
waiting for its batched write) does not decide it: the slot is queued, marked
``WAITING_FOR_PREVIOUS``, and ``leasing.plan_leases`` judges it once that run is recorded, by
how long it really took. A finished run never counts as still going.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from agentcron.app.domain.enums import JobStatus, Overlap, RunStatus, SkipReason, Trigger
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.leasing import OVERLAPPED, WAITING_FOR_PREVIOUS
from agentcron.app.domain.records import Run, new_run
from agentcron.app.domain.schedule import Schedule, iter_fire_times, next_fire_time
from agentcron.app.domain.stored import parsed_schedule

# After a long outage a minutely job has thousands of missed slots: the newest ones are
# recorded one by one, the rest summed up in one line, so the history stays readable.
MAX_RECORDED_MISSES = 50
#: the most late slots of one job that run one by one in one look: a scheduler held up for
#: longer than this many of a job's slots was as good as down, and the older ones coalesce
MAX_LATE_RUNS = 100


@dataclass
class FirePlan:
    #: the slots that run, oldest first: one, or every late one (see ``late_since``)
    run_slots: list[datetime] = field(default_factory=list)
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
    late_since: datetime | None = None,
    max_slots: int = 100_000,
) -> FirePlan:
    """Decide for every slot from ``slot`` (the job's due ``next_run_at``) up to ``now``.

    - slots older than ``now - catchup_window`` are missed: recorded as skipped;
    - slots at or after ``late_since`` (the scheduler has looked without a gap since then)
      are late, not missed: each one runs (the newest ``MAX_LATE_RUNS`` of them);
    - of the other slots inside the window — due while nothing was looking — only the newest
      runs, or none when late ones run; the rest are coalesced into the first that runs
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
    for instant in iter_fire_times(schedule, after=slot):
        if instant > until:
            next_slot = instant
            break
        due.append(instant)
        if len(due) >= max_slots:
            # give up enumerating: everything up to here is missed; resume after now
            for later in iter_fire_times(schedule, after=until):
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
    unattended: list[datetime] = []  # due while nothing was looking
    late: list[datetime] = []
    missed: list[datetime] = []
    for instant in due:
        reason = exclusions.reason(instant, zone) if exclusions else None
        if reason:
            plan.skipped.append((instant, reason))
        elif instant < horizon:
            missed.append(instant)
        elif late_since is not None and instant >= late_since:
            late.append(instant)
        else:
            unattended.append(instant)
    if len(late) > MAX_LATE_RUNS:
        unattended += late[:-MAX_LATE_RUNS]
        late = late[-MAX_LATE_RUNS:]
    plan.run_slots = late or unattended[-1:]
    if plan.run_slots:
        into = plan.run_slots[0]
        plan.skipped.extend(
            (s, f"coalesced into the run for {into.isoformat()}")
            for s in unattended
            if s not in plan.run_slots
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


@dataclass(frozen=True, slots=True)
class GoingRun:
    """A run of the job still going, as firing sees it (a run finished here and only
    waiting for its batched write is not going)."""

    status: RunStatus
    trigger: str
    scheduled_for: datetime
    #: when it really began, if it has and this instance holds it (a run held by another
    #: instance may even have finished there: its write is batched; one taken ahead of its
    #: slot begins at its slot, or later when the loop was late)
    began: datetime | None = None

    def known_to_overlap(self, slot: datetime, *, now: datetime) -> bool:
        """It is known that this run, had it begun on its own slot, would still be going at
        ``slot``: it has been going for longer than the time between the two slots. A retry
        waiting for its time is the previous slot's work not done yet."""
        if self.status == RunStatus.QUEUED:
            return self.trigger == Trigger.RETRY
        if self.began is None:
            return False  # not begun yet, or held elsewhere: judged when it is recorded
        return self.scheduled_for + (now - self.began) >= slot


#: the job's runs still going, as firing sees them
Going = Sequence[GoingRun]


@dataclass(slots=True)
class JobFiring:
    """What one due job's look comes to. Unless ``deferred``, the job's ``next_run_at``
    becomes ``next_run_at`` (None: nothing more to fire)."""

    job_id: str
    #: fired ahead of time only when nothing of the job's is going: left for a later look
    deferred: bool = False
    runs: list[Run] = field(default_factory=list)
    #: the runs that will execute, oldest slot first (also in ``runs``): one, or one per
    #: late slot
    queued: list[Run] = field(default_factory=list)
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
    late_since: datetime | None = None,
) -> JobFiring:
    """Decide one due job's look: its slots up to ``until`` (catch-up judged against ``now``;
    ``late_since``: see ``plan_firing``)."""
    out = JobFiring(job_id=job.id, schedule=job.schedule)
    slot: datetime | None = job.next_run_at
    if job.pending_schedule and job.effective_from and slot >= job.effective_from:
        out.schedule, out.switched = job.pending_schedule, True
        pending, _ = parsed_schedule(job.pending_schedule, None)
        slot = next_fire_time(pending, after=job.effective_from - timedelta(microseconds=1))
    if slot is not None and slot > now and going and not out.switched:
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
        late_since=late_since,
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

    overlap = job.overlap or Overlap.SKIP
    skipped = list(plan.skipped)
    run_slots = plan.run_slots
    if overlap == Overlap.CANCEL_PREVIOUS and len(run_slots) > 1:
        # a newer slot replaces an older one: of several late slots, the newest runs
        newest = run_slots[-1]
        reason = f"coalesced into the run for {newest.isoformat()}"
        skipped += [(instant, reason) for instant in run_slots[:-1]]
        run_slots = [newest]
    out.runs = [
        slot_run(instant, status=RunStatus.SKIPPED, reason=reason)
        for instant, reason in sorted(skipped)
    ]
    ahead_of = list(going)  # what each slot comes after: the runs going, then earlier slots'
    for instant in run_slots:
        if overlap == Overlap.SKIP and any(r.known_to_overlap(instant, now=now) for r in ahead_of):
            out.runs.append(slot_run(instant, status=RunStatus.SKIPPED, reason=OVERLAPPED))
            continue
        waiting = bool(ahead_of) and overlap == Overlap.SKIP
        run = slot_run(instant, reason=WAITING_FOR_PREVIOUS if waiting else None)
        out.queued.append(run)
        out.runs.append(run)
        ahead_of.append(GoingRun(RunStatus.QUEUED, Trigger.SCHEDULE, instant))
    out.cancel_previous = bool(going) and bool(out.queued) and overlap == Overlap.CANCEL_PREVIOUS
    out.next_run_at = plan.next_slot
    if plan.next_slot is None and not plan.run_slots:
        out.status = JobStatus.COMPLETED
    return out
