"""plan_firing: which slots run, which are recorded skipped, where the job goes next;
plan_job: the same for one due job, with its overlap policy and a schedule switching over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from agentcron.app.domain.enums import JobStatus, RunStatus, SkipReason
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.firing import DueJob, Going, JobFiring, plan_firing, plan_job
from agentcron.app.domain.leasing import OVERLAPPED, WAITING_FOR_PREVIOUS
from agentcron.app.domain.schedule import Schedule

T = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)
EVERY_SECOND = Schedule.from_dict({"type": "every", "interval": 1})
HOURLY = Schedule.from_dict({"type": "every", "interval": 3600})
S = timedelta(seconds=1)


def test_the_due_slot_runs_and_the_next_one_waits_for_a_later_look() -> None:
    plan = plan_firing(EVERY_SECOND, slot=T, now=T, until=T + S, catchup_window=timedelta(hours=1))
    assert plan.run_slot == T
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
    assert plan.run_slot == T + S
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
    assert plan.run_slot == T + timedelta(hours=3)
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
    assert plan.run_slot is None and plan.skipped == []
    assert plan.next_slot == tuesday_nine


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


def look(job: DueJob, going: Going = Going(), *, now: datetime = NINE) -> JobFiring:
    return plan_job(job, going, now=now, until=now + S, default_catchup=3600)


def test_a_due_slot_becomes_one_queued_run_and_the_job_moves_on() -> None:
    firing = look(due())
    assert firing.run is not None and firing.runs == [firing.run]
    assert firing.run.status == RunStatus.QUEUED and firing.run.slot == NINE
    assert firing.next_run_at == NINE + timedelta(days=1)


def test_a_previous_run_known_to_be_going_skips_the_slot() -> None:
    firing = look(due(), Going(any=True, known=True))
    assert firing.run is None
    assert [(r.status, r.reason) for r in firing.runs] == [(RunStatus.SKIPPED, OVERLAPPED)]
    assert firing.skipped == [SkipReason.OVERLAP]


def test_a_previous_run_held_elsewhere_makes_the_slot_wait_to_be_judged() -> None:
    firing = look(due(), Going(any=True, known=False))
    assert firing.run is not None and firing.run.status == RunStatus.QUEUED
    assert firing.run.reason == WAITING_FOR_PREVIOUS


@pytest.mark.parametrize(
    ("overlap", "cancels"), [("queue", False), ("allow", False), ("cancel_previous", True)]
)
def test_other_overlap_policies_queue_the_slot(overlap: str, cancels: bool) -> None:
    firing = look(due(overlap=overlap), Going(any=True, known=True))
    assert firing.run is not None and firing.run.reason is None
    assert firing.cancel_previous is cancels


def test_a_slot_coming_up_is_not_fired_ahead_while_the_job_has_a_run_going() -> None:
    early = NINE - timedelta(milliseconds=300)
    assert look(due(), Going(any=True, known=True), now=early).deferred
    assert not look(due(), now=early).deferred


def test_a_pending_schedule_takes_over_at_effective_from() -> None:
    hourly = {"type": "every", "interval": 3600, "timezone": "UTC"}
    firing = look(due(pending_schedule=hourly, effective_from=NINE))
    assert firing.switched and firing.schedule == hourly
    assert firing.run is not None and firing.run.slot == NINE
    assert firing.next_run_at == NINE + timedelta(hours=1)


def test_a_one_time_job_completes_when_its_only_slot_is_gone() -> None:
    once = {"type": "at", "datetime": "2026-03-02T09:00:00Z"}
    firing = look(due(schedule=once, exclusions={"dates": ["2026-03-02"]}))
    assert firing.run is None and firing.status == JobStatus.COMPLETED
    assert firing.skipped == [SkipReason.EXCLUDED]
