"""Durations said in parts or with a fraction ("1h30m", "an hour and a half", "2 days 12
hours", "1 1/2 hours") are one amount, in intervals and in one-off delays alike: the second
part is never left over as the task, and an amount of days keeps to the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.tokens import tokenize

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday, noon in New York
ZONE = "America/New_York"


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone=ZONE, now=NOW).to_dict()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("every 2h45m", 9900),
        ("every 2h 45m", 9900),
        ("every 2 hours 45 minutes", 9900),
        ("every 2 hours and 45 minutes", 9900),
        ("every two and a half hours", 9000),
        ("every 2 1/2 hours", 9000),
        ("every 1 3/4 hours", 6300),
        ("every hour and a half", 5400),
        ("every hour and half", 5400),  # as people type it too
        ("every one and half hours", 5400),
        ("every hour and a quarter", 4500),
        ("every minute and a half", 90),
        ("every 2m15s", 135),
        ("every 4 minutes 20 seconds", 260),
        ("every 1h10m30s", 4230),
    ],
)
def test_an_interval_in_parts_is_one_interval(text: str, seconds: int) -> None:
    answer = _read(text)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    assert schedule["type"] == "every"
    assert schedule["interval"] == seconds
    # it does not divide the hour: the first run is one interval from now (NOW is on a whole
    # minute, so no rounding up)
    first = NOW + timedelta(seconds=seconds)
    assert schedule["start_at"] == first.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert answer["task"] is None
    assert not answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a fraction that comes out a divisor of the hour is cron, as "every 30 minutes" is
        ("every half an hour", "*/30 * * * *"),
        ("every 1/2 hour", "*/30 * * * *"),
        ("every 0 hours 20 minutes", "*/20 * * * *"),
        ("every 1 hour 0 minutes", "0 * * * *"),
    ],
)
def test_a_compound_that_divides_the_hour_is_cron(text: str, expression: str) -> None:
    schedule = _read(text)["schedule"]
    assert schedule is not None
    assert (schedule["type"], schedule.get("expression")) == ("cron", expression)


def test_parts_joined_by_a_comma_alone_are_one_interval_and_ask() -> None:
    # "every 2 hrs, 45 mins" may also be the start of a list of intervals
    answer = _read("every 2 hrs, 45 mins")
    assert answer["schedule"]["interval"] == 9900
    assert answer["needs_confirmation"]


def test_a_start_time_counts_a_compound_interval_from_it() -> None:
    # 7am is past in New York at noon: the series started today at 7:00 and runs on in its
    # steps, 10:20, then 13:40 (EST, UTC-5) — a start time is today's (round eight, window8)
    schedule = _read("every 3 hours 20 minutes starting at 7am")["schedule"]
    assert schedule == {
        "type": "every",
        "interval": 12000,
        "start_at": "2026-03-04T18:40:00Z",
        "timezone": ZONE,
    }


def test_a_command_keeps_its_task_and_loses_no_part_of_the_interval() -> None:
    answer = _read("rotate the logs every 1 hour 15 minutes")
    assert answer["schedule"]["interval"] == 4500
    assert answer["task"] == "rotate the logs"
    answer = _read("every 1h15m rotate the logs")
    assert answer["schedule"]["interval"] == 4500
    assert answer["task"] == "rotate the logs"


@pytest.mark.parametrize(
    "text",
    ["every day and a half", "every 1 day 6 hours", "every week and a half", "every half a day"],
)
def test_part_of_a_day_is_refused_as_a_fractional_day_is(text: str) -> None:
    # days keep to the wall clock; 1.25 days has no wall-clock meaning, so it is refused
    # (with the hours to say instead), as "every 1.5 days" always was
    answer = _read(text)
    assert answer["schedule"] is None
    assert "cannot repeat every" in answer["reason"]
    assert answer["suggestion"].endswith("hours")


@pytest.mark.parametrize(
    ("text", "days"), [("every 1 week 3 days at 8am", 10), ("every 2 weeks and 3 days", 17)]
)
def test_whole_days_in_parts_stay_on_the_wall_clock(text: str, days: int) -> None:
    schedule = _read(text)["schedule"]
    assert schedule["type"] == "rrule"
    assert schedule["rule"].startswith(f"FREQ=DAILY;INTERVAL={days};")


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # the minutes that follow are an offset, not more of the interval
        ("every 2 hours 10 minutes past the hour", "10 */2 * * *"),
        ("every 3 hours, 5 minutes after the hour", "5 */3 * * *"),
    ],
)
def test_minutes_past_the_hour_are_not_a_second_part(text: str, expression: str) -> None:
    schedule = _read(text)["schedule"]
    assert schedule is not None
    assert schedule.get("expression") == expression


@pytest.mark.parametrize(
    ("text", "delay"),
    [
        ("in 3h15m", timedelta(hours=3, minutes=15)),
        ("in 3 hours 15 minutes", timedelta(hours=3, minutes=15)),
        ("in two and a half hours", timedelta(hours=2, minutes=30)),
        ("in 2 1/2 hours", timedelta(hours=2, minutes=30)),
        ("in 4m30s", timedelta(minutes=4, seconds=30)),
        ("in 75 secs", timedelta(seconds=75)),
        ("in 3 days 6 hours", timedelta(days=3, hours=6)),
        ("remind me in 1h45m to move the car", timedelta(hours=1, minutes=45)),
    ],
)
def test_a_delay_in_parts_is_one_delay(text: str, delay: timedelta) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["datetime"] == (NOW + delay).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert not answer["needs_confirmation"]


def test_hours_and_minutes_run_together_are_a_duration_not_a_clock_time() -> None:
    kinds = [(t.kind, t.value) for t in tokenize("4h05m")]
    assert kinds == [("num", 4), ("unit", "hour"), ("num", 5), ("unit", "minute")]
    # the French way of writing a time of day is still one
    assert [t.kind for t in tokenize("at 18h30")] == ["word", "time"]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("every week and a half", "every 252 hours"),
        ("every 3.5 years", "every 42 months"),
        ("every month and a half", None),
        ("every 2 months 10 days", "every 6 weeks"),
    ],
)
def test_parts_of_months_and_weeks_are_refused_with_a_whole_unit(
    text: str, suggestion: str | None
) -> None:
    # a part of a month has no fixed length: nothing to suggest but another unit
    answer = _read(text)
    assert answer["schedule"] is None
    assert answer["suggestion"] == suggestion


def test_years_and_months_add_up() -> None:
    schedule = _read("every 2 years 3 months on the 10th at 8am")["schedule"]
    assert schedule["type"] == "rrule"
    assert "FREQ=MONTHLY;INTERVAL=27;BYMONTHDAY=10" in schedule["rule"]


@pytest.mark.parametrize(
    ("text", "seconds"), [("every 2:45 hours", 9900), ("every 0:50 hrs", 3000)]
)
def test_hours_and_minutes_with_a_colon_and_a_unit_are_an_interval(text: str, seconds: int) -> None:
    schedule = _read(text)["schedule"]
    assert (schedule["type"], schedule["interval"]) == ("every", seconds)


def test_a_colon_delay_is_a_delay_and_a_colon_time_is_a_time() -> None:
    delay = _read("in 2:45 hours")["schedule"]
    assert delay["datetime"] == (NOW + timedelta(hours=2, minutes=45)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    # "hours" after a time of day (after "at") is the military way of writing it
    assert _read("every day at 16:45 hours")["schedule"]["expression"] == "45 16 * * *"
