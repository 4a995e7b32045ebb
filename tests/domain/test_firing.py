"""plan_firing: which slots run, which are recorded skipped, where the job goes next;
plan_job: the same for one due job, with its overlap policy and a schedule switching over.

Late is not missed: slots a late look finds run, one by one; catch-up is for slots that came
due while nothing was looking. A slot overlaps its previous run only when that run, begun
on its own slot, would still be going."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from agentcron.app.domain.enums import JobStatus, RunStatus, SkipReason, Trigger
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.firing import (
    MAX_LATE_RUNS,
    DueJob,
    Going,
    GoingRun,
    JobFiring,
    plan_firing,
    plan_job,
)
from agentcron.app.domain.leasing import OVERLAPPED, WAITING_FOR_PREVIOUS
from agentcron.app.domain.schedule import Schedule

T = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)
EVERY_SECOND = Schedule.from_dict({"type": "every", "interval": 1})
HOURLY = Schedule.from_dict({"type": "every", "interval": 3600})
S = timedelta(seconds=1)


def test_the_due_slot_runs_and_the_next_one_waits_for_a_later_look() -> None:
    plan = plan_firing(EVERY_SECOND, slot=T, now=T, until=T + S, catchup_window=timedelta(hours=1))
    assert plan.run_slots == [T]
    assert plan.skipped == []  # never coalesced with a slot that is not due yet
    assert plan.next_slot == T + S


def test_a_slot_coming_up_is_fired_ahead_alone() -> None:
    plan = plan_firing(
        EVERY_SECOND,
        slot=T + S,
        now=T + timedelta(milliseconds=200),
        until=T + timedelta(milliseconds=1200),
        catchup_window=timedelta(hours=1),
    )
    assert plan.run_slots == [T + S]
    assert plan.next_slot == T + 2 * S


def test_missed_slots_coalesce_into_the_newest_due_one() -> None:
    now = T + timedelta(hours=3, minutes=1)
    plan = plan_firing(
        HOURLY,
        slot=T + timedelta(hours=1),
        now=now,
        until=now + S,
        catchup_window=timedelta(hours=2),
    )
    assert plan.run_slots == [T + timedelta(hours=3)]
    assert [(s.hour, r.split(":")[0].split(" ")[0]) for s, r in plan.skipped] == [
        (13, "missed"),  # 2 h 01 min late: outside the window
        (14, "coalesced"),
    ]
    assert plan.next_slot == T + timedelta(hours=4)


def test_an_excluded_slot_coming_up_is_left_for_its_time() -> None:
    daily = Schedule.from_dict({"type": "cron", "expression": "0 9 * * *"})
    tuesday_nine = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    plan = plan_firing(
        daily,
        slot=tuesday_nine,
        now=tuesday_nine - timedelta(milliseconds=500),
        until=tuesday_nine + timedelta(milliseconds=500),
        catchup_window=timedelta(hours=1),
        exclusions=Exclusions.from_dict({"weekdays": ["tue"]}),
    )
    assert plan.run_slots == [] and plan.skipped == []
    assert plan.next_slot == tuesday_nine


def test_slots_a_late_look_finds_each_run_when_the_scheduler_was_looking() -> None:
    # looking since 12:00:00, the look at 12:00:03.4 was late (a busy machine): 12:00:01,
    # :02 and :03 came due while it was looking; each runs, none is coalesced
    now = T + timedelta(seconds=3.4)
    plan = plan_firing(
        EVERY_SECOND,
        slot=T + S,
        now=now,
        until=now + S,
        catchup_window=timedelta(hours=1),
        late_since=T,
    )
    assert plan.run_slots == [T + S, T + 2 * S, T + 3 * S]
    assert plan.skipped == []
    assert plan.next_slot == T + 4 * S


def test_slots_due_before_the_looking_began_are_caught_up_into_the_first_late_one() -> None:
    # down until 12:00:02 (the first look), then a late look at 12:00:03.4
    now = T + timedelta(seconds=3.4)
    plan = plan_firing(
        EVERY_SECOND,
        slot=T,
        now=now,
        until=now + S,
        catchup_window=timedelta(hours=1),
        late_since=T + 2 * S,
    )
    assert plan.run_slots == [T + 2 * S, T + 3 * S]
    assert [(s.second, r.split(" ")[0]) for s, r in plan.skipped] == [
        (0, "coalesced"),
        (1, "coalesced"),
    ]


def test_a_scheduler_held_up_for_longer_than_the_late_runs_coalesces_the_oldest() -> None:
    now = T + timedelta(seconds=MAX_LATE_RUNS + 10.5)
    plan = plan_firing(
        EVERY_SECOND, slot=T, now=now, until=now, catchup_window=timedelta(hours=1), late_since=T
    )
    assert len(plan.run_slots) == MAX_LATE_RUNS
    assert plan.run_slots[-1] == T + (MAX_LATE_RUNS + 10) * S
    # 12:00:00 … 12:01:50 is 111 slots: the oldest 11 are coalesced into the first that runs
    assert len(plan.skipped) == 11 and all("coalesced" in r for _, r in plan.skipped)


# -- plan_job: the job's own settings on top ---------------------------------------------------

DAILY = {"type": "cron", "expression": "0 9 * * *", "timezone": "UTC"}
NINE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def due(**changes: Any) -> DueJob:
    values: dict[str, Any] = {
        "id": "job_a",
        "owner": "alice",
        "schedule": DAILY,
        "pending_schedule": None,
        "effective_from": None,
        "next_run_at": NINE,
        "exclusions": None,
        "catchup_window_seconds": None,
        "overlap": "skip",
    }
    values.update(changes)
    return SimpleNamespace(**values)  # type: ignore[return-value]  # a row does the same


def look(
    job: DueJob, going: Going = (), *, now: datetime = NINE, late_since: datetime | None = None
) -> JobFiring:
    return plan_job(job, going, now=now, until=now + S, default_catchup=3600, late_since=late_since)


def previous(**changes: Any) -> GoingRun:
    """The previous slot's run (08:59, every minute), running here since it began on time."""
    values: dict[str, Any] = {
        "status": RunStatus.RUNNING,
        "trigger": Trigger.SCHEDULE,
        "scheduled_for": NINE - timedelta(minutes=1),
        "began": NINE - timedelta(minutes=1),
    }
    values.update(changes)
    return GoingRun(**values)


MINUTELY = {"type": "cron", "expression": "* * * * *", "timezone": "UTC"}


def test_a_due_slot_becomes_one_queued_run_and_the_job_moves_on() -> None:
    firing = look(due())
    assert firing.runs == firing.queued and len(firing.queued) == 1
    [run] = firing.queued
    assert run.status == RunStatus.QUEUED and run.slot == NINE
    assert firing.next_run_at == NINE + timedelta(days=1)


def test_a_previous_run_going_longer_than_the_time_between_slots_skips_the_slot() -> None:
    firing = look(due(schedule=MINUTELY), [previous()])
    assert firing.queued == []
    assert [(r.status, r.reason) for r in firing.runs] == [(RunStatus.SKIPPED, OVERLAPPED)]
    assert firing.skipped == [SkipReason.OVERLAP]


def test_a_retry_waiting_for_its_time_skips_the_slot() -> None:
    retry = previous(status=RunStatus.QUEUED, trigger=Trigger.RETRY, began=None)
    assert look(due(schedule=MINUTELY), [retry]).skipped == [SkipReason.OVERLAP]


@pytest.mark.parametrize(
    "going",
    [
        # held by another instance: it may have finished there, its write is batched
        previous(began=None),
        # begun late here (the engine's lateness, not the job's): only 20 s of a minute yet
        previous(began=NINE - timedelta(seconds=20)),
        # taken ahead and still waiting to begin (the event loop was late)
        previous(began=None),
        # a slot of the job waiting for its turn in the queue
        previous(status=RunStatus.QUEUED, began=None),
    ],
)
def test_a_previous_run_not_known_to_overlap_makes_the_slot_wait_to_be_judged(
    going: GoingRun,
) -> None:
    firing = look(due(schedule=MINUTELY), [going])
    [run] = firing.queued
    assert run.status == RunStatus.QUEUED and run.reason == WAITING_FOR_PREVIOUS


@pytest.mark.parametrize(
    ("overlap", "cancels"), [("queue", False), ("allow", False), ("cancel_previous", True)]
)
def test_other_overlap_policies_queue_the_slot(overlap: str, cancels: bool) -> None:
    firing = look(due(overlap=overlap), [previous()])
    [run] = firing.queued
    assert run.reason is None
    assert firing.cancel_previous is cancels


def test_a_slot_coming_up_is_not_fired_ahead_while_the_job_has_a_run_going() -> None:
    early = NINE - timedelta(milliseconds=300)
    assert look(due(), [previous()], now=early).deferred
    assert not look(due(), now=early).deferred


def test_late_slots_of_a_look_run_in_order_each_after_the_one_before() -> None:
    every_second = {"type": "every", "interval": 1, "timezone": "UTC"}
    now = NINE + timedelta(seconds=2.5)
    firing = look(due(schedule=every_second), now=now, late_since=NINE - S)
    assert [(r.slot, r.reason) for r in firing.queued] == [
        (NINE, None),
        (NINE + S, WAITING_FOR_PREVIOUS),  # judged when the one before it has ended
        (NINE + 2 * S, WAITING_FOR_PREVIOUS),
    ]
    # a job whose newer slot replaces the older one runs only the newest
    replacing = look(
        due(schedule=every_second, overlap="cancel_previous"), now=now, late_since=NINE
    )
    assert [r.slot for r in replacing.queued] == [NINE + 2 * S]
    assert replacing.skipped == [SkipReason.COALESCED, SkipReason.COALESCED]


def test_a_pending_schedule_takes_over_at_effective_from() -> None:
    hourly = {"type": "every", "interval": 3600, "timezone": "UTC"}
    firing = look(due(pending_schedule=hourly, effective_from=NINE))
    assert firing.switched and firing.schedule == hourly
    assert [r.slot for r in firing.queued] == [NINE]
    assert firing.next_run_at == NINE + timedelta(hours=1)


def test_a_one_time_job_completes_when_its_only_slot_is_gone() -> None:
    once = {"type": "at", "datetime": "2026-03-02T09:00:00Z"}
    firing = look(due(schedule=once, exclusions={"dates": ["2026-03-02"]}))
    assert firing.queued == [] and firing.status == JobStatus.COMPLETED
    assert firing.skipped == [SkipReason.EXCLUDED]
