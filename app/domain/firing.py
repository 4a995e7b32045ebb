"""What to do with a job whose slot has come: pure decisions for the scheduler.

Given the job's next slot and the current time, ``plan_firing`` says which slot runs, which
slots are recorded as skipped (and why), and where the job's next slot is. It never reads the
clock or storage; the scheduler carries the plan out in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, iter_fire_times

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
