"""Which queued runs a worker may take now: a pure decision, the same for every way a run is
leased (by a worker's claim, or by the scheduler right as it fires a slot).

For each candidate, oldest first:

- the run of a deleted job ends ``cancelled`` ("job deleted"); a scheduled run of a paused
  job ends ``skipped`` ("job paused");
- a job runs at most ``JobSnapshot.concurrency`` runs at once (one, unless ``overlap`` is
  ``allow`` or ``max_concurrency`` says more): a run over the limit waits in the queue;
- a slot that had to wait for its previous run to be judged (see
  ``firing.WAITING_FOR_PREVIOUS``) is judged once that run has ended, by how long it took:
  had it begun on its own slot and still been going at this one, the slot overlapped it and
  is skipped; otherwise it runs (late, if the previous run began late);
- at most ``limit`` runs are leased.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from agentcron.app.domain.enums import JobStatus, Overlap, RunStatus, Trigger
from agentcron.app.domain.records import JobSnapshot, Run

JOB_PAUSED = "job paused"
JOB_DELETED = "job deleted"
OVERLAPPED = "overlap: the previous run was still going"
#: the reason a queued slot shows while it waits for its previous run to end and be judged
WAITING_FOR_PREVIOUS = "waiting: judged when the previous run has ended"


@dataclass(frozen=True, slots=True)
class HeldHere:
    """What an instance knows of the runs it holds that the table does not say yet: a run is
    ``running`` in the table from its lease until its outcome's batched write."""

    #: runs that really began here, with when (one taken ahead of its slot begins at its
    #: slot, or later when the event loop was late)
    began: Mapping[str, datetime] = field(default_factory=dict)
    #: runs finished here and not yet written, with when each ended: never counted as going
    settled: Mapping[str, datetime] = field(default_factory=dict)


NOTHING_HELD = HeldHere()


@dataclass(frozen=True, slots=True)
class PreviousRun:
    """The run a waiting slot comes after: its own slot, when it began and when it ended."""

    scheduled_for: datetime
    began: datetime
    #: None while it is still going
    ended: datetime | None

    def overlaps(self, slot: datetime) -> bool | None:
        """Had it begun on its own slot, would it still have been going at ``slot``? Its
        duration against the time between the slots: the engine's lateness in starting it
        never counts against the next slot. None while it is still going."""
        if self.ended is None:
            return None
        return self.scheduled_for + (self.ended - self.began) > slot


class QueuedRun(Protocol):
    """What leasing reads of a queued run (a ``Run``, or its row as read: no copy is made of
    the candidates a round passes over)."""

    id: str
    job_id: str
    trigger: str
    reason: str | None
    scheduled_for: datetime | None


@dataclass(slots=True)
class LeasePlan:
    lease: list[QueuedRun] = field(default_factory=list)
    #: runs that end without running: (run, status, reason)
    end: list[tuple[QueuedRun, RunStatus, str]] = field(default_factory=list)


def plan_leases(
    candidates: Sequence[QueuedRun],
    jobs: Mapping[str, JobSnapshot],
    *,
    running: Counter[str],
    limit: int,
    previous: Mapping[str, PreviousRun | None] | None = None,
) -> LeasePlan:
    """Decide for ``candidates`` (queued runs, oldest first). ``running`` counts each job's
    runs still going (it is updated as runs are leased); ``previous`` gives, for a run
    waiting for its previous run, that run (None: nothing ran before it). A waiting run
    that ``previous`` does not name is left for a later round (see ``to_judge``)."""
    plan = LeasePlan()
    for run in candidates:
        job = jobs.get(run.job_id)
        if job is None:
            continue
        if job.deleted_at is not None:
            plan.end.append((run, RunStatus.CANCELLED, JOB_DELETED))
            continue
        if job.status == JobStatus.PAUSED and run.trigger == Trigger.SCHEDULE:
            plan.end.append((run, RunStatus.SKIPPED, JOB_PAUSED))
            continue
        cap = job.concurrency
        if cap is not None and running[job.id] >= cap:
            continue
        if run.reason == WAITING_FOR_PREVIOUS and (job.overlap or Overlap.SKIP) == Overlap.SKIP:
            if previous is None or run.id not in previous:
                continue  # not looked at this round
            before = previous[run.id]
            if before is not None and run.scheduled_for is not None:
                verdict = before.overlaps(run.scheduled_for)
                if verdict is None:
                    continue  # still going: judged when it has ended
                if verdict:
                    plan.end.append((run, RunStatus.SKIPPED, OVERLAPPED))
                    continue
        running[job.id] += 1
        plan.lease.append(run)
        if len(plan.lease) >= limit:
            break
    return plan


def to_judge(
    candidates: Sequence[QueuedRun], jobs: Mapping[str, JobSnapshot], *, running: Counter[str]
) -> list[QueuedRun]:
    """The waiting runs whose previous run a round must look up: of each job with room for
    a run, its oldest waiting slot. A later slot of the job waits for a later round — one
    run of the job is leased or ended first — so a queue of late slots costs a look per
    job, not per slot (thousands of looks in one transaction would hold a busy machine's
    event loop for seconds, making slots later still)."""
    seen: set[str] = set()
    chosen: list[QueuedRun] = []
    for run in candidates:
        if run.reason != WAITING_FOR_PREVIOUS or run.job_id in seen:
            continue
        seen.add(run.job_id)
        job = jobs.get(run.job_id)
        if job is None or (job.overlap or Overlap.SKIP) != Overlap.SKIP:
            continue
        cap = job.concurrency
        if cap is not None and running[job.id] >= cap:
            continue
        chosen.append(run)
    return chosen


def take(run: Run, *, instance: str, now: datetime, lease: float) -> None:
    """Lease ``run`` to ``instance``: it starts at its ``not_before`` (on the dot, for a run
    taken ahead of its slot) or now, and the lease runs from then."""
    start = max(now, run.not_before)
    run.status = RunStatus.RUNNING
    run.started_at = start
    run.acquired_by = instance
    run.acquired_until = start + timedelta(seconds=lease)
    if run.reason == WAITING_FOR_PREVIOUS:
        run.reason = None
