"""What one attempt's outcome means: a pure decision, carried out by the run store.

``plan_outcome`` takes the run, the job as it stands when the outcome is recorded, and what
the attempt came to, and says everything that follows, in one place:

- the run's final values (status, times, output, the delivery summary); an attempt that
  worked but whose condition could not be evaluated is a failure (reason ``condition``):
  nothing is delivered, the owner is told as for any failure, and it is not retried (the
  same answer would break the condition the same way);
- whether it is retried (a new run, ``trigger: retry``, queued for later) or ends for good;
- the job's counters and status: success resets the failure streak; a failure for good
  lengthens it and may pause the job (``pause_on_failure``); a one-time job whose only slot
  ended is ``completed`` or ``failed``;
- what to send: the result to each delivery channel (unless the condition says no), a failure
  notice once per failure streak, the events the attempt emitted (an http job's
  ``job.request`` and ``job.response``) and the ``job.finished``/``job.error`` event, and the
  slot's final result to ``callback_url`` (whatever the condition: it is the caller's);
- whether the chain edges fire (``final``): the chain's own decision
  (``domain.chains.advance``) needs the states of the other nodes, which storage loads.

It reads no clock and no storage; ``now`` and the random source for jitter are arguments.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from agentcron.app.domain.enums import (
    RETRYABLE,
    JobEvent,
    JobStatus,
    OutboxKind,
    OutboxStatus,
    RunStatus,
    Trigger,
)
from agentcron.app.domain.records import OutboxRow, Run, new_outbox_row, new_run
from agentcron.app.domain.retry import retry_delay

#: the ``event`` of the outbox rows that tell a failure, or a skip, rather than a result
NOTICE_FAILURE = "failure"
NOTICE_SKIPPED = "skipped"

#: how a callback is named in a run's ``delivery`` summary (``callback:https://…``)
CALLBACK_PREFIX = "callback:"

#: the reason and error of a run whose instance stopped while it ran
INTERRUPTED = "interrupted"
#: the reason of a run whose action worked but whose condition could not be evaluated
CONDITION_FAILED = "condition"


@dataclass(slots=True)
class Attempt:
    """What one attempt came to, as the worker (or the recoverer) hands it over."""

    run: Run
    status: RunStatus
    output: str = ""
    data: dict[str, Any] | None = None
    error: str | None = None
    reason: str | None = None
    condition_met: bool | None = None
    usage: dict[str, Any] | None = None
    #: False: retrying cannot help (a configuration problem, a client error)
    retryable: bool = True
    #: when the executor really began (a run taken ahead of its slot waits for it first)
    started_at: datetime | None = None
    #: when it ended (the write may come later: finished runs are written in batches)
    completed_at: datetime | None = None
    #: a skipped run that is the first of its kind in its period (a budget used up today):
    #: the owner is told, once, where failure notices go
    notice: bool = False
    #: why the job's condition could not be evaluated on this attempt's data (a missing
    #: key, a type error): the run fails with reason ``condition``
    condition_error: str | None = None
    #: what the executor reported as it worked (``RunContext.emit``): (event, detail), sent to
    #: the job's webhook_url in order, before job.finished or job.error
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


class JobState(Protocol):
    """The job as the outcome is recorded (None when it was hard-deleted meanwhile): the
    job's row as storage read it does."""

    id: str
    owner: str
    name: str
    status: str
    retry: dict[str, Any] | None
    pause_on_failure: int | None
    consecutive_failures: int
    next_run_at: datetime | None
    deleted_at: datetime | None
    webhook_url: str | None
    callback_url: str | None
    delivery: dict[str, Any] | None
    has_schedule: bool


@dataclass(slots=True)
class JobChange:
    """What the outcome does to its job's row."""

    last_run_at: datetime
    #: success resets the failure streak
    succeeded: bool
    #: a failure for good lengthens the streak
    failed_for_good: bool
    #: paused (by pause_on_failure), completed or failed (a one-time job's only slot)
    status: JobStatus | None = None

    @property
    def plain(self) -> bool:
        """Only the counters move: the common case, written in one batched statement."""
        return self.status is None and not self.failed_for_good


@dataclass(slots=True)
class OutcomePlan:
    #: the run with its final values
    run: Run
    #: no retry follows: the run's outcome is the slot's, and chain edges fire
    final: bool
    retry: Run | None = None
    job: JobChange | None = None
    outbox: list[OutboxRow] = field(default_factory=list)
    #: the job's name as the outcome was recorded (None when it was hard-deleted), for
    #: saying which job a run belongs to
    job_name: str | None = None


def plan_outcome(
    attempt: Attempt, job: JobState | None, *, now: datetime, rng: random.Random
) -> OutcomePlan:
    attempt = _judge_condition(attempt)
    run = attempt.run
    retry_at = _retry_at(attempt, job, now=now, rng=rng)
    final = retry_at is None
    status = attempt.status
    deliveries = _deliveries(attempt, job, now=now) if job is not None else []
    run.status = status
    run.started_at = attempt.started_at or run.started_at
    run.completed_at = attempt.completed_at or now
    run.output = attempt.output
    run.data = attempt.data
    run.error = attempt.error
    run.reason = attempt.reason
    run.condition_met = attempt.condition_met
    run.usage = attempt.usage
    run.delivery = {
        row.target: {"status": row.status}
        for row in deliveries
        if row.event not in (NOTICE_FAILURE, NOTICE_SKIPPED)
    } or None
    run.acquired_by = None
    run.acquired_until = None
    plan = OutcomePlan(run=run, final=final, job_name=job.name if job is not None else None)
    if job is None:
        return plan
    failed_for_good = final and status in RETRYABLE
    plan.job = JobChange(
        last_run_at=run.started_at or now,
        succeeded=status == RunStatus.SUCCEEDED,
        failed_for_good=failed_for_good,
        status=_job_status(run, job, final=final, failed_for_good=failed_for_good),
    )
    if retry_at is not None:
        plan.retry = new_run(
            job_id=run.job_id,
            owner=run.owner,
            trigger=Trigger.RETRY,
            now=now,
            scheduled_for=run.scheduled_for,
            attempt=run.attempt + 1,
            not_before=retry_at,
            retry_of=run.id,
            chain_id=run.chain_id,
            chain_run_id=run.chain_run_id,
            upstream_run_id=run.upstream_run_id,
        )
    plan.outbox = [
        row
        for row in deliveries
        # a failure notice: only when the run failed for good, once per failure streak
        if row.event != NOTICE_FAILURE or (failed_for_good and job.consecutive_failures == 0)
    ]
    if final and job.callback_url:
        plan.outbox.append(_callback(attempt, job, now=now))
        # tracked on the run like a channel
        run.delivery = {
            **(run.delivery or {}),
            CALLBACK_PREFIX + job.callback_url: {"status": "pending"},
        }
    if job.webhook_url:
        plan.outbox.extend(
            new_outbox_row(
                run,
                kind=OutboxKind.EVENT,
                target=job.webhook_url,
                event=event,
                now=now,
                payload=_jsonable({"detail": detail}),
            )
            for event, detail in attempt.events
        )
        event = JobEvent.FINISHED if status == RunStatus.SUCCEEDED else JobEvent.ERROR
        plan.outbox.append(
            new_outbox_row(
                run,
                kind=OutboxKind.EVENT,
                target=job.webhook_url,
                event=event,
                now=now,
                payload=_jsonable({"status": status, "error": attempt.error, "final": final}),
            )
        )
    return plan


def _judge_condition(attempt: Attempt) -> Attempt:
    """A succeeded attempt whose condition broke is a failure of the job: it neither
    delivers nor counts as a success, and says why (``condition: …``)."""
    if attempt.status != RunStatus.SUCCEEDED or attempt.condition_error is None:
        return attempt
    return replace(
        attempt,
        status=RunStatus.FAILED,
        reason=CONDITION_FAILED,
        error=f"condition: {attempt.condition_error}",
        condition_met=None,
        retryable=False,
    )


def _retry_at(
    attempt: Attempt, job: JobState | None, *, now: datetime, rng: random.Random
) -> datetime | None:
    if attempt.status not in RETRYABLE or not attempt.retryable:
        return None
    if job is None or job.deleted_at is not None:
        return None
    delay = retry_delay(job.retry, attempt=attempt.run.attempt, rng=rng)
    return None if delay is None else now + timedelta(seconds=delay)


def _job_status(run: Run, job: JobState, *, final: bool, failed_for_good: bool) -> JobStatus | None:
    one_time_done = (
        final
        and job.status == JobStatus.ACTIVE
        and job.next_run_at is None
        and job.has_schedule
        and run.trigger in (Trigger.SCHEDULE, Trigger.RETRY)
        and run.status != RunStatus.CANCELLED
    )
    if one_time_done:
        return JobStatus.COMPLETED if run.status == RunStatus.SUCCEEDED else JobStatus.FAILED
    if failed_for_good and job.pause_on_failure and job.status == JobStatus.ACTIVE:
        if job.consecutive_failures + 1 >= job.pause_on_failure:
            return JobStatus.PAUSED
    return None


def _deliveries(attempt: Attempt, job: JobState, *, now: datetime) -> list[OutboxRow]:
    """The result to each channel, or a failure notice to each channel that wants one
    (``on_error``: default on for Slack; ``failures_to`` instead of the channels). Whether
    a notice is sent at all is decided by the caller, which knows whether it is final."""
    settings = job.delivery or {}
    channels = settings.get("channels") or (
        [settings["channel"]] if settings.get("channel") else []
    )
    failures_to = settings.get("failures_to")
    if not channels and not failures_to:
        return []
    run = attempt.run
    message = {
        "job_id": run.job_id,
        "job_name": job.name,
        "run_id": run.id,
        "status": attempt.status,
        "format": settings.get("format", "markdown"),
        "allow_mentions": bool(settings.get("allow_mentions")),
        "scheduled_for": run.scheduled_for,
        "attempt": run.attempt,
    }
    status = OutboxStatus.MUTED if settings.get("muted") else OutboxStatus.PENDING
    if attempt.status == RunStatus.SUCCEEDED:
        if attempt.condition_met is False:
            return []  # the condition said no
        return [
            new_outbox_row(
                run,
                kind=OutboxKind.DELIVERY,
                target=channel,
                event="",
                now=now,
                payload=_jsonable({**message, "kind": "result"}),
                status=status,
            )
            for channel in channels
        ]
    if attempt.status == RunStatus.SKIPPED and attempt.notice:
        # a skipped run is told like a failure, once: to failures_to, else the channels
        return [
            new_outbox_row(
                run,
                kind=OutboxKind.DELIVERY,
                target=channel,
                event=NOTICE_SKIPPED,
                now=now,
                payload=_jsonable({**message, "kind": "skipped", "error": attempt.reason}),
                status=status,
            )
            for channel in _notice_targets(settings, channels, failures_to)
        ]
    if attempt.status not in RETRYABLE:
        return []
    return [
        new_outbox_row(
            run,
            kind=OutboxKind.DELIVERY,
            target=channel,
            event=NOTICE_FAILURE,
            now=now,
            payload=_jsonable({**message, "kind": "failure", "error": attempt.error}),
            status=status,
        )
        for channel in _notice_targets(settings, channels, failures_to)
    ]


def _callback(attempt: Attempt, job: JobState, *, now: datetime) -> OutboxRow:
    """The slot's final result for ``callback_url``: sent once per slot, when no retry
    follows (every attempt of a slot shares its Idempotency-Key, so a receiver that saw a
    result already would drop a later one)."""
    status = attempt.status
    kind = {RunStatus.SUCCEEDED: "result", RunStatus.SKIPPED: "skipped"}.get(status, "failure")
    assert job.callback_url is not None
    return new_outbox_row(
        attempt.run,
        kind=OutboxKind.CALLBACK,
        target=job.callback_url,
        event="",
        now=now,
        payload=_jsonable(
            {
                "kind": kind,
                "status": status,
                "error": attempt.error or attempt.reason,
                "condition_met": attempt.condition_met,
            }
        ),
    )


def _notice_targets(
    settings: dict[str, Any], channels: list[str], failures_to: str | None
) -> list[str]:
    """Where notices go: ``failures_to`` when the job names one, else its channels; each
    only if it wants them (``on_error``; by default the Slack ones)."""
    on_error = settings.get("on_error")
    candidates = [failures_to] if failures_to else channels
    return [c for c in candidates if (c.startswith("slack:") if on_error is None else on_error)]


def _jsonable(payload: dict[str, Any]) -> dict[str, Any]:
    """As the JSON column will give it back (instants as text)."""
    return dict(json.loads(json.dumps(payload, default=str)))
