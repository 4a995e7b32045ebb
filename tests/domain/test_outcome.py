"""plan_outcome: what an attempt's outcome means, decided without storage or a clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from agentcron.app.domain.enums import (
    JobStatus,
    OutboxKind,
    OutboxStatus,
    RunStatus,
    SkipReason,
    Trigger,
)
from agentcron.app.domain.outcome import Attempt, JobState, plan_outcome
from agentcron.app.domain.records import Run, new_run

T = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RNG = random.Random(7)


def job(**changes: Any) -> JobState:
    values: dict[str, Any] = {
        "id": "job_a",
        "owner": "alice",
        "name": "digest",
        "status": JobStatus.ACTIVE,
        "retry": None,
        "pause_on_failure": None,
        "consecutive_failures": 0,
        "next_run_at": T + timedelta(days=1),
        "deleted_at": None,
        "webhook_url": None,
        "callback_url": None,
        "delivery": None,
        "has_schedule": True,
    }
    return SimpleNamespace(**{**values, **changes})  # type: ignore[return-value]  # a row does


def run(**changes: Any) -> Run:
    values: dict[str, Any] = {"status": RunStatus.RUNNING, "started_at": T}
    values.update(changes)
    made = new_run(
        job_id="job_a", owner="alice", trigger=Trigger.SCHEDULE, now=T, scheduled_for=T, slot=T
    )
    for name, value in values.items():
        setattr(made, name, value)
    return made


def attempt(status: RunStatus, **changes: Any) -> Attempt:
    return Attempt(run=run(attempt=changes.pop("attempt", 1)), status=status, **changes)


def test_a_success_ends_the_run_and_resets_the_failure_streak() -> None:
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED, output="ok"),
        job(consecutive_failures=2),
        now=T,
        rng=RNG,
    )
    assert plan.final and plan.retry is None
    assert plan.run.status == RunStatus.SUCCEEDED and plan.run.output == "ok"
    assert plan.run.acquired_by is None
    assert plan.job is not None and plan.job.succeeded and plan.job.plain
    assert plan.outbox == []


def test_a_failure_with_attempts_left_is_retried_later_with_the_same_slot() -> None:
    policy = {"max_attempts": 3, "strategy": "fixed", "base_delay": 60, "jitter": False}
    plan = plan_outcome(attempt(RunStatus.FAILED, error="503"), job(retry=policy), now=T, rng=RNG)
    assert not plan.final
    assert plan.retry is not None
    assert plan.retry.trigger == Trigger.RETRY and plan.retry.attempt == 2
    assert plan.retry.not_before == T + timedelta(seconds=60)
    assert plan.retry.scheduled_for == T and plan.retry.retry_of == plan.run.id
    assert plan.retry.slot is None  # the slot belongs to the first attempt
    assert plan.run.idempotency_key == plan.retry.idempotency_key
    assert plan.job is not None and not plan.job.failed_for_good


@pytest.mark.parametrize("retryable", [False, True])
def test_a_failure_that_cannot_help_or_is_the_last_is_final(retryable: bool) -> None:
    policy = {"max_attempts": 2 if retryable else 5, "strategy": "fixed", "base_delay": 1}
    plan = plan_outcome(
        attempt(RunStatus.FAILED, retryable=retryable, attempt=2 if retryable else 1),
        job(retry=policy),
        now=T,
        rng=RNG,
    )
    assert plan.final and plan.retry is None
    assert plan.job is not None and plan.job.failed_for_good and not plan.job.plain


def test_the_nth_failure_in_a_row_pauses_the_job() -> None:
    plan = plan_outcome(
        attempt(RunStatus.TIMED_OUT),
        job(pause_on_failure=3, consecutive_failures=2),
        now=T,
        rng=RNG,
    )
    assert plan.job is not None and plan.job.status == JobStatus.PAUSED
    earlier = plan_outcome(
        attempt(RunStatus.FAILED), job(pause_on_failure=3, consecutive_failures=1), now=T, rng=RNG
    )
    assert earlier.job is not None and earlier.job.status is None


@pytest.mark.parametrize(
    ("status", "expected"),
    [(RunStatus.SUCCEEDED, JobStatus.COMPLETED), (RunStatus.FAILED, JobStatus.FAILED)],
)
def test_a_one_time_jobs_only_slot_decides_the_job(status: RunStatus, expected: JobStatus) -> None:
    plan = plan_outcome(attempt(status), job(next_run_at=None), now=T, rng=RNG)
    assert plan.job is not None and plan.job.status == expected


def test_a_deleted_job_is_not_retried_and_a_vanished_one_is_only_recorded() -> None:
    policy = {"max_attempts": 3}
    deleted = plan_outcome(
        attempt(RunStatus.FAILED), job(retry=policy, deleted_at=T), now=T, rng=RNG
    )
    assert deleted.final and deleted.retry is None
    gone = plan_outcome(attempt(RunStatus.FAILED), None, now=T, rng=RNG)
    assert gone.final and gone.job is None and gone.outbox == []


SLACK = {"channel": "slack:#ops", "channels": ["slack:#ops", "webhook:https://example.com/h"]}


def test_a_result_goes_to_every_channel_and_is_summed_up_on_the_run() -> None:
    plan = plan_outcome(attempt(RunStatus.SUCCEEDED), job(delivery=SLACK), now=T, rng=RNG)
    assert [(r.kind, r.target, r.status) for r in plan.outbox] == [
        (OutboxKind.DELIVERY, "slack:#ops", OutboxStatus.PENDING),
        (OutboxKind.DELIVERY, "webhook:https://example.com/h", OutboxStatus.PENDING),
    ]
    assert plan.run.delivery == {
        "slack:#ops": {"status": "pending"},
        "webhook:https://example.com/h": {"status": "pending"},
    }
    assert {r.payload["idempotency_key"] for r in plan.outbox} == {plan.run.idempotency_key}


def test_a_false_condition_delivers_nothing_and_is_a_success() -> None:
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED, condition_met=False), job(delivery=SLACK), now=T, rng=RNG
    )
    assert plan.outbox == []
    assert (plan.run.status, plan.run.condition_met, plan.run.error) == ("succeeded", False, None)
    assert plan.job is not None and plan.job.succeeded


@pytest.mark.parametrize(
    ("changes", "status", "reason", "notice", "retried"),
    [
        # a condition that could not be evaluated: a failure of the job, told like one,
        # never retried (the same answer breaks it again), never delivered
        ({"retry": None}, "failed", "condition", True, False),
        ({"retry": {"max_attempts": 3}}, "failed", "condition", True, False),
        # a failure streak under way: told once per streak, as every failure
        ({"consecutive_failures": 2}, "failed", "condition", False, False),
    ],
)
def test_a_condition_that_could_not_be_evaluated_fails_the_run(
    changes: dict[str, Any], status: str, reason: str, notice: bool, retried: bool
) -> None:
    result = attempt(
        RunStatus.SUCCEEDED,
        output="BTC +7%",
        data={"price": 1},
        condition_error="'price_change_pct' is not in the run's data (it has: price)",
    )
    plan = plan_outcome(result, job(delivery=SLACK, **changes), now=T, rng=RNG)
    assert (plan.run.status, plan.run.reason) == (status, reason)
    assert plan.run.error == (
        "condition: 'price_change_pct' is not in the run's data (it has: price)"
    )
    assert plan.run.condition_met is None
    assert (plan.run.output, plan.run.data) == ("BTC +7%", {"price": 1})  # kept to look at
    assert plan.run.delivery is None
    assert [r.event for r in plan.outbox] == (["failure"] if notice else [])
    assert (plan.retry is not None) is retried and plan.final
    assert plan.job is not None
    assert (plan.job.succeeded, plan.job.failed_for_good) == (False, True)


def test_a_condition_error_on_a_failed_attempt_changes_nothing() -> None:
    result = attempt(RunStatus.FAILED, error="HTTP 500", condition_error="ignored")
    plan = plan_outcome(result, job(), now=T, rng=RNG)
    assert (plan.run.status, plan.run.reason, plan.run.error) == ("failed", None, "HTTP 500")


def test_a_broken_condition_pauses_a_job_like_any_failure() -> None:
    result = attempt(RunStatus.SUCCEEDED, condition_error="division by zero")
    plan = plan_outcome(result, job(pause_on_failure=3, consecutive_failures=2), now=T, rng=RNG)
    assert plan.job is not None and plan.job.status == JobStatus.PAUSED


def test_muted_deliveries_are_recorded_not_sent() -> None:
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED), job(delivery={**SLACK, "muted": True}), now=T, rng=RNG
    )
    assert {r.status for r in plan.outbox} == {OutboxStatus.MUTED}


def test_a_failure_notice_goes_to_slack_once_per_streak_and_only_when_final() -> None:
    first = plan_outcome(attempt(RunStatus.FAILED), job(delivery=SLACK), now=T, rng=RNG)
    assert [(r.target, r.event) for r in first.outbox] == [("slack:#ops", "failure")]
    assert first.run.delivery is None  # notices are not the run's delivery
    again = plan_outcome(
        attempt(RunStatus.FAILED), job(delivery=SLACK, consecutive_failures=1), now=T, rng=RNG
    )
    assert again.outbox == []
    retried = plan_outcome(
        attempt(RunStatus.FAILED), job(delivery=SLACK, retry={"max_attempts": 2}), now=T, rng=RNG
    )
    assert retried.outbox == []


def test_job_events_say_how_the_attempt_ended() -> None:
    hook = "https://example.com/events"
    ok = plan_outcome(attempt(RunStatus.SUCCEEDED), job(webhook_url=hook), now=T, rng=RNG)
    bad = plan_outcome(
        attempt(RunStatus.FAILED, error="boom"), job(webhook_url=hook), now=T, rng=RNG
    )
    assert [(r.kind, r.event, r.payload["final"]) for r in ok.outbox] == [
        (OutboxKind.EVENT, "job.finished", True)
    ]
    assert bad.outbox[0].event == "job.error" and bad.outbox[0].payload["error"] == "boom"


def test_an_attempts_own_events_go_before_how_it_ended() -> None:
    hook = "https://example.com/events"
    events = [("job.request", {"method": "GET"}), ("job.response", {"status": 200})]
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED, events=events), job(webhook_url=hook), now=T, rng=RNG
    )
    assert [(r.event, r.payload.get("detail")) for r in plan.outbox] == [
        ("job.request", {"method": "GET"}),
        ("job.response", {"status": 200}),
        ("job.finished", None),
    ]
    # without a webhook_url they go nowhere
    assert (
        plan_outcome(attempt(RunStatus.SUCCEEDED, events=events), job(), now=T, rng=RNG).outbox
        == []
    )


@pytest.mark.parametrize(
    ("status", "retry", "kind"),
    [
        (RunStatus.SUCCEEDED, None, "result"),
        (RunStatus.FAILED, None, "failure"),
        (RunStatus.TIMED_OUT, None, "failure"),
        (RunStatus.CANCELLED, None, "failure"),
        (RunStatus.SKIPPED, None, "skipped"),
        # a retry follows: the slot has no result yet, so no callback
        (RunStatus.FAILED, {"max_attempts": 3}, None),
    ],
)
def test_the_callback_gets_the_slots_final_result_once(
    status: RunStatus, retry: dict[str, Any] | None, kind: str | None
) -> None:
    url = "https://example.com/callback"
    plan = plan_outcome(
        attempt(status, error="boom" if status != RunStatus.SUCCEEDED else None),
        job(callback_url=url, retry=retry),
        now=T,
        rng=RNG,
    )
    callbacks = [r for r in plan.outbox if r.kind == OutboxKind.CALLBACK]
    if kind is None:
        assert callbacks == [] and plan.run.delivery is None
        return
    [callback] = callbacks
    assert (callback.target, callback.payload["kind"], callback.payload["status"]) == (
        url,
        kind,
        status,
    )
    assert callback.idempotency_key == f"{plan.run.idempotency_key}:callback"
    assert plan.run.delivery == {f"callback:{url}": {"status": "pending"}}


def test_the_callback_is_sent_whatever_the_condition_says() -> None:
    url = "https://example.com/callback"
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED, condition_met=False),
        job(callback_url=url, delivery=SLACK),
        now=T,
        rng=RNG,
    )
    assert [(r.kind, r.payload["condition_met"]) for r in plan.outbox] == [
        (OutboxKind.CALLBACK, False)
    ]


def test_the_outcome_keeps_when_the_attempt_really_ended() -> None:
    ended = T + timedelta(seconds=3)
    plan = plan_outcome(
        attempt(RunStatus.SUCCEEDED, completed_at=ended),
        job(),
        now=T + timedelta(seconds=9),
        rng=RNG,
    )
    assert plan.run.completed_at == ended


OVER = (
    "over budget: the job's daily limit of 8,000 tokens is used up (8,400 used on 2026-03-02 UTC)"
)


def test_a_run_skipped_over_budget_tells_the_owner_once_where_failures_go() -> None:
    delivery = {**SLACK, "failures_to": "slack:U0OWNER"}
    first = plan_outcome(
        attempt(RunStatus.SKIPPED, reason=OVER, retryable=False, notice=True),
        job(delivery=delivery),
        now=T,
        rng=RNG,
    )
    assert first.final and first.retry is None
    assert (first.run.status, first.run.reason) == (RunStatus.SKIPPED, OVER)
    [notice] = first.outbox
    assert (notice.target, notice.event, notice.payload["kind"]) == (
        "slack:U0OWNER",
        "skipped",
        "skipped",
    )
    assert notice.payload["error"] == OVER
    assert first.run.delivery is None  # a notice is not the run's delivery
    assert first.job is not None and not first.job.failed_for_good  # no failure streak
    # the later skips of the same day say nothing (the executor claims the notice once)
    later = plan_outcome(
        attempt(RunStatus.SKIPPED, reason=OVER, retryable=False),
        job(delivery=delivery),
        now=T,
        rng=RNG,
    )
    assert later.outbox == []
    # without failures_to, the notice goes to the job's Slack channels; webhooks opt in
    to_channels = plan_outcome(
        attempt(RunStatus.SKIPPED, reason=OVER, notice=True),
        job(delivery={"channels": ["slack:#ops", "webhook:https://example.com/h"]}),
        now=T,
        rng=RNG,
    )
    assert [r.target for r in to_channels.outbox] == ["slack:#ops"]

    assert SkipReason.of(OVER) is SkipReason.BUDGET  # the metric's label
