"""plan_firing: which slots run, which are recorded skipped, where the job goes next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.firing import plan_firing
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
