"""Holidays in a job's exclusions: skipped with their name, or moved to a business day
(app/domain/exclusions.py, app/domain/calendars.py), the same for validate, calendar data
and the engine (they all step ``schedule.slot_times``)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise, takewhile
from typing import Any

import pytest

from agentcron.app.domain.counting import count_fire_times
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.firing import plan_firing
from agentcron.app.domain.schedule import (
    Schedule,
    fire_times_between,
    next_fire_times,
    next_slot,
    slot_times,
)

NY = "America/New_York"


def schedule(**data: Any) -> Schedule:
    return Schedule.from_dict({"timezone": NY, **data})


def holidays(**calendar: Any) -> Exclusions:
    exclusions = Exclusions.from_dict({"holidays": {"country": "US", **calendar}})
    assert exclusions is not None
    return exclusions


def local(times: list[datetime]) -> list[str]:
    return [t.astimezone(Schedule(type="cron", timezone=NY).zone).isoformat() for t in times]


WEEKDAYS_AT_9 = schedule(type="cron", expression="0 9 * * 1-5")


def test_every_weekday_except_holidays_skips_christmas_and_new_year() -> None:
    after = datetime(2026, 12, 23, 15, tzinfo=UTC)
    runs = next_fire_times(WEEKDAYS_AT_9, after=after, count=5, exclusions=holidays())
    assert local(runs) == [
        "2026-12-24T09:00:00-05:00",
        # Friday the 25th: Christmas Day
        "2026-12-28T09:00:00-05:00",
        "2026-12-29T09:00:00-05:00",
        "2026-12-30T09:00:00-05:00",
        "2026-12-31T09:00:00-05:00",
        # Friday 1 January: New Year's Day
    ]


def test_a_skipped_holiday_is_recorded_with_its_name() -> None:
    christmas = datetime(2026, 12, 25, 14, tzinfo=UTC)  # 09:00 in New York
    plan = plan_firing(
        WEEKDAYS_AT_9,
        slot=christmas,
        now=christmas,
        catchup_window=timedelta(hours=1),
        exclusions=holidays(),
    )
    assert plan.run_slots == []
    assert plan.skipped == [(christmas, "excluded holiday Christmas Day (US)")]


def test_a_subdivisions_own_holidays_count() -> None:
    after = datetime(2026, 3, 30, 20, tzinfo=UTC)
    [us] = next_fire_times(WEEKDAYS_AT_9, after=after, count=1, exclusions=holidays())
    [ca] = next_fire_times(
        WEEKDAYS_AT_9, after=after, count=1, exclusions=holidays(subdivision="CA")
    )
    assert local([us, ca]) == ["2026-03-31T09:00:00-04:00", "2026-04-01T09:00:00-04:00"]


FIRST_OF_MONTH = schedule(type="cron", expression="0 9 1 * *")
LAST_OF_MONTH = schedule(
    type="rrule",
    rule="FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=17;BYMINUTE=0",
    start_at="2026-01-01T00:00:00",
)


@pytest.mark.parametrize(
    ("plan", "shift", "after", "expected"),
    [
        # the first business day of the month, honouring holidays
        (
            FIRST_OF_MONTH,
            "next_business_day",
            datetime(2026, 12, 15, tzinfo=UTC),
            [
                "2027-01-04T09:00:00-05:00",  # Fri 1 Jan is New Year's Day, then a weekend
                "2027-02-01T09:00:00-05:00",
                "2027-03-01T09:00:00-05:00",
                "2027-04-01T09:00:00-04:00",
                "2027-05-03T09:00:00-04:00",  # 1 May is a Saturday
            ],
        ),
        # the last business day of the month
        (
            LAST_OF_MONTH,
            "previous_business_day",
            datetime(2026, 4, 15, tzinfo=UTC),
            [
                "2026-04-30T17:00:00-04:00",
                "2026-05-29T17:00:00-04:00",  # Sunday the 31st
                "2026-06-30T17:00:00-04:00",
                "2026-07-31T17:00:00-04:00",
                "2026-08-31T17:00:00-04:00",
            ],
        ),
        # Memorial Day 2027 is Monday the 31st, the last day of May
        (
            LAST_OF_MONTH,
            "previous_business_day",
            datetime(2027, 5, 1, tzinfo=UTC),
            ["2027-05-28T17:00:00-04:00", "2027-06-30T17:00:00-04:00"],
        ),
    ],
)
def test_slots_on_days_off_move_to_a_business_day(
    plan: Schedule, shift: str, after: datetime, expected: list[str]
) -> None:
    runs = next_fire_times(plan, after=after, count=len(expected), exclusions=holidays(shift=shift))
    assert local(runs) == expected


def test_a_moved_slot_before_the_moment_asked_about_is_not_listed_again() -> None:
    exclusions = holidays(shift="previous_business_day")
    # the end of May 2026 (Sunday the 31st) ran on Friday the 29th at 17:00
    friday_evening = datetime(2026, 5, 29, 22, 30, tzinfo=UTC)
    assert local([next_slot(LAST_OF_MONTH, after=friday_evening, exclusions=exclusions)]) == [
        "2026-06-30T17:00:00-04:00"
    ]
    thursday = datetime(2026, 5, 28, tzinfo=UTC)
    assert local([next_slot(LAST_OF_MONTH, after=thursday, exclusions=exclusions)]) == [
        "2026-05-29T17:00:00-04:00"
    ]


def test_a_slot_moved_past_the_moment_asked_about_is_found() -> None:
    # 1 January 2027 (a holiday, then a weekend) runs on Monday the 4th: asked on Sunday the
    # 3rd, after the slot's own day, the next slot is still that Monday
    sunday = datetime(2027, 1, 3, 12, tzinfo=UTC)
    exclusions = holidays(shift="next_business_day")
    assert local([next_slot(FIRST_OF_MONTH, after=sunday, exclusions=exclusions)]) == [
        "2027-01-04T09:00:00-05:00"
    ]


def test_a_daily_jobs_days_off_fold_into_the_next_business_day_once() -> None:
    daily = schedule(type="cron", expression="0 9 * * *")
    friday = datetime(2026, 12, 24, 20, tzinfo=UTC)
    runs = next_fire_times(
        daily, after=friday, count=3, exclusions=holidays(shift="next_business_day")
    )
    # Christmas, Saturday and Sunday all run on Monday the 28th, once
    assert local(runs) == [
        "2026-12-28T09:00:00-05:00",
        "2026-12-29T09:00:00-05:00",
        "2026-12-30T09:00:00-05:00",
    ]


@pytest.mark.parametrize("shift", ["next_business_day", "previous_business_day"])
@pytest.mark.parametrize(
    "plan",
    [
        FIRST_OF_MONTH,
        LAST_OF_MONTH,
        schedule(type="cron", expression="30 8 * * *"),
        schedule(type="cron", expression="0 */6 * * *"),
        schedule(type="rrule", rule="FREQ=WEEKLY;BYDAY=SA;BYHOUR=10", start_at="2026-01-03T10:00"),
    ],
)
def test_the_next_slot_from_any_moment_is_the_one_the_whole_series_has(
    plan: Schedule, shift: str
) -> None:
    """Asked from anywhere, the next slot is the first of the series listed from well
    before: looking back for slots moved past the moment, and holding slots a later one
    could still overtake, agree with listing the lot."""
    exclusions = holidays(shift=shift)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    end = datetime(2027, 3, 1, tzinfo=UTC)
    series = list(
        takewhile(lambda t: t < end, slot_times(plan, after=start, exclusions=exclusions))
    )
    assert series == sorted(set(series))
    rng = random.Random(f"{plan}{shift}")
    for _ in range(150):
        moment = start + timedelta(days=40, seconds=rng.randrange(300 * 86400))
        expected = next((t for t in series if t > moment), None)
        assert next_slot(plan, after=moment, exclusions=exclusions) == expected, moment


@pytest.mark.parametrize("shift", [None, "next_business_day", "previous_business_day"])
def test_the_calendars_counts_agree_with_the_listed_slots(shift: str | None) -> None:
    exclusions = holidays(**({"shift": shift} if shift else {}))
    start = datetime(2026, 12, 1, 5, tzinfo=UTC)
    days = [start + timedelta(days=i) for i in range(63)]
    for plan in (WEEKDAYS_AT_9, FIRST_OF_MONTH, schedule(type="cron", expression="0 9 * * *")):
        tallies = count_fire_times(plan, days, exclusions=exclusions)
        listed = fire_times_between(plan, start=days[0], end=days[-1], exclusions=exclusions)
        assert sum(t.count for t in tallies) == len(listed)
        assert [t.first for t in tallies if t.count] == [
            min(x for x in listed if a <= x < b)
            for a, b in pairwise(days)
            if any(a <= x < b for x in listed)
        ]
