"""Round eight, calendar recurrences that need the rrule type (RFC 5545 via dateutil)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from agentcron.parsers import parse_fast
from agentcron.parsers.daytimes import crossed, days_per_period, picked_times, time_parts
from tests.parsers.firetimes import fire_times

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _parts(rule: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in rule.split(";"))


# -- several times of day with different minutes: BYSETPOS over BYHOUR × BYMINUTE ------------


@pytest.mark.parametrize(
    ("times", "days", "parts"),
    [
        (
            [time(7, 45), time(12, 15), time(17, 30)],
            1,
            ["BYHOUR=7,12,17", "BYMINUTE=15,30,45", "BYSECOND=0", "BYSETPOS=3,4,8"],
        ),
        ([time(9, 0), time(17, 0)], 1, ["BYHOUR=9,17", "BYMINUTE=0", "BYSECOND=0"]),
        (
            [time(9, 15), time(17, 45)],
            2,
            ["BYHOUR=9,17", "BYMINUTE=15,45", "BYSECOND=0", "BYSETPOS=1,4,5,8"],
        ),
        (
            [time(0, 0), time(12, 30)],
            1,
            ["BYHOUR=0,12", "BYMINUTE=0,30", "BYSECOND=0", "BYSETPOS=1,4"],
        ),
    ],
)
def test_time_parts_keep_only_the_times_named(
    times: list[time], days: int, parts: list[str]
) -> None:
    assert time_parts(times, days) == parts
    assert crossed(times) == (len(parts) == 3)
    rule = {"FREQ": "WEEKLY", "BYDAY": ",".join(["MO", "TU"][:days])}
    rule |= _parts(";".join(parts))
    if "BYSETPOS" in rule:
        assert picked_times(rule) == sorted(times)


@pytest.mark.parametrize(
    ("rule", "days"),
    [
        ("FREQ=DAILY;BYDAY=MO,TU", 1),
        ("FREQ=DAILY;BYMONTH=3;BYMONTHDAY=31", 1),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", 3),
        ("FREQ=WEEKLY", 1),
        ("FREQ=WEEKLY;BYDAY=MO;BYMONTH=3", None),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", 2),
        ("FREQ=MONTHLY;BYMONTHDAY=15,30", None),
        ("FREQ=MONTHLY;BYMONTHDAY=31", 1),
        ("FREQ=MONTHLY;BYDAY=1MO,3MO", 2),
        ("FREQ=MONTHLY;BYDAY=-1FR", 1),
        ("FREQ=MONTHLY;BYDAY=1MO,-1MO", None),
        ("FREQ=MONTHLY;BYDAY=MO", 1),
        ("FREQ=MONTHLY;BYDAY=MO,FR", None),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", None),
        ("FREQ=YEARLY;BYMONTH=1,9;BYMONTHDAY=15", 2),
        ("FREQ=HOURLY", None),
    ],
)
def test_days_per_period_is_fixed_or_none(rule: str, days: int | None) -> None:
    assert days_per_period(_parts(rule)) == days


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        (
            "run this on weekdays at 7:45am, 12:15pm, and 5:30pm",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=7,12,17;BYMINUTE=15,30,45;BYSECOND=0;"
            "BYSETPOS=3,4,8",
            "Every weekday at 7:45 AM, 12:15 PM and 5:30 PM",
        ),
        (
            "every day at 8:30am and 6pm",
            "FREQ=DAILY;BYHOUR=8,18;BYMINUTE=0,30;BYSECOND=0;BYSETPOS=2,3",
            "Every day at 8:30 AM and 6:00 PM",
        ),
        (
            "every 2 weeks on Monday and Friday at 9:15am and 5:45pm",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=9,17;BYMINUTE=15,45;BYSECOND=0;"
            "BYSETPOS=1,4,5,8",
            "Every 2 weeks on Monday and Friday at 9:15 AM and 5:45 PM",
        ),
        (
            "on the 1st and 15th of every month at 9:15am and 5:45pm",
            "FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=9,17;BYMINUTE=15,45;BYSECOND=0;BYSETPOS=1,4,5,8",
            "Every month on the 1st and 15th at 9:15 AM and 5:45 PM",
        ),
        (
            "the last Friday of every month at 9:30am and 5pm",
            "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=9,17;BYMINUTE=0,30;BYSECOND=0;BYSETPOS=2,3",
            "Every month on the last Friday at 9:30 AM and 5:00 PM",
        ),
    ],
)
def test_times_with_different_minutes_are_one_rrule(text: str, rule: str, words: str) -> None:
    result = parse_fast(text, timezone="America/New_York", now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"] == rule
    assert result.human_readable is not None
    assert result.human_readable.startswith(words)


def test_times_with_different_minutes_keep_the_wall_clock_across_dst() -> None:
    zone = "America/New_York"
    now = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
    result = parse_fast("every weekday at 7:45am, 12:15pm and 5:30pm", timezone=zone, now=now)
    assert result.schedule is not None
    runs = fire_times(result.schedule, after=now, count=30)
    local = [t.astimezone(ZoneInfo(zone)) for t in runs]
    assert {t.strftime("%H:%M") for t in local} == {"07:45", "12:15", "17:30"}
    assert {t.weekday() for t in local} <= set(range(5))
    assert len({t.utcoffset() for t in local}) == 2, "the runs cross the March change"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ('There is no way to express "run this on weekdays at 7:45am, 12:15pm, and 5:30pm."', True),
        ("it's not possible to say every weekday at 9:15 and 17:45 in cron", True),
        ("run this on weekdays at 7:45am, 12:15pm, and 5:30pm", False),
    ],
)
def test_a_remark_about_what_cannot_be_said_is_asked(text: str, asked: bool) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.needs_confirmation is asked


# -- a weekday counted from a day of the month, a weekday on a date, either of two weekdays ----


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        (
            "The first Tuesday of the month on or after the 2nd",
            "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
            "Every month on the first Tuesday on or after the 2nd",
        ),
        (
            "the first Tuesday of November, on or after the 2nd of the month",
            "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8;BYMONTH=11",
            "Every month on the first Tuesday on or after the 2nd",
        ),
        (
            "the last Friday of the month on or before the 25th",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=19,20,21,22,23,24,25",
            "Every month on the first Friday on or after the 19th",
        ),
        (
            "every month the first Monday after the 15th",
            "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=16,17,18,19,20,21,22",
            "Every month on the first Monday on or after the 16th",
        ),
        (
            "Any Friday that falls on the 13th of a month",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "Every month on Friday the 13th",
        ),
        (
            "every Friday falling on the 13th",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "Every month on Friday the 13th",
        ),
        (
            "The first Saturday OR Sunday of a month, which ever comes first",
            "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1",
            "Every month on the first Saturday or Sunday",
        ),
        (
            "every month on the first Monday or Tuesday",
            "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1",
            "Every month on the first Monday or Tuesday",
        ),
    ],
)
def test_calendar_days_cron_cannot_say(text: str, rule: str, words: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"] == rule + ";BYHOUR=9;BYMINUTE=0;BYSECOND=0"
    assert result.human_readable is not None
    assert result.human_readable.startswith(words)


@pytest.mark.parametrize(
    ("text", "expression", "asked"),
    [
        ("every month on Mondays and Wednesdays at 10am", "0 10 * * 1,3", False),
        ("every month on weekdays at 10am", "0 10 * * 1-5", False),
        ("every year on Mondays in October at 10am", "0 10 * 10 1", False),
        ("monthly on Mondays at 10am", "0 10 * * 1", True),  # or one Monday a month?
    ],
)
def test_weekdays_framed_by_a_month_or_year_come_every_week(
    text: str, expression: str, asked: bool
) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["expression"] == expression
    assert result.needs_confirmation is asked


# -- counts and ends ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval", "runs", "words"),
    [
        ("every hour and a half for four occurrences", 5400, 4, "Every 90 minutes"),
        ("every 7 minutes, 10 times", 420, 10, "Every 7 minutes"),
        ("every 2 hours, 5 times", 7200, 5, "Every 2 hours"),
    ],
)
def test_a_counted_interval_ends_at_its_last_run(
    text: str, interval: int, runs: int, words: str
) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["type"] == "every"
    assert result.schedule["interval"] == interval
    times = fire_times(result.schedule, after=NOW, count=runs + 5)
    assert len(times) == runs
    assert result.human_readable is not None
    assert result.human_readable.startswith(words)
    assert result.human_readable.endswith(f", {runs} times")


@pytest.mark.parametrize(
    "text", ["every 6 hours (4 times)", "every 8 hours, 3 times", "every 12 hours (twice)"]
)
def test_a_count_that_fills_a_day_restates_the_runs_a_day(text: str) -> None:
    result = parse_fast(text, now=NOW)
    if result.schedule is None:  # "twice" is not read as a count: refused, never dropped
        assert result.reason is not None
        return
    assert result.schedule["type"] == "cron"
    assert result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("a daily habit you want to end after 60 days", "2026-03-14T23:59:59Z"),
        ("every day, ending after 60 days", "2026-03-14T23:59:59Z"),
        ("every monday, end after 4 weeks", "2026-02-10T23:59:59Z"),
    ],
)
def test_end_after_an_amount_is_for_that_long(text: str, end: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["end_at"] == end


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every year on July the 10th for 1 time", "COUNT=1"),
        ("weekly on Friday, ends after 5 occurrences", "COUNT=5"),
    ],
)
def test_counts_said_as_ends(text: str, rule: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"].endswith(rule)


def test_twice_a_year_is_restated_by_two_months() -> None:
    result = parse_fast("Twice a year on the 2nd to last day of Feb and August", now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"].startswith("FREQ=MONTHLY;BYMONTHDAY=-2;BYMONTH=2,8;")


def test_several_ordinals_of_several_weekdays_are_asked() -> None:
    result = parse_fast("Every First and third Friday and Saturday", now=NOW)
    assert result.schedule is not None
    assert result.needs_confirmation


# -- days counted in the year, yearly rules in a named month -------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "asked"),
    [
        ("every year on the 1st and last day of the year", "FREQ=YEARLY;BYYEARDAY=1,-1", False),
        ("every year on the second to last day of the year", "FREQ=YEARLY;BYYEARDAY=-2", False),
        ("the last day of every year", "FREQ=YEARLY;BYYEARDAY=-1", False),
        ("the last day of the year", "FREQ=YEARLY;BYYEARDAY=-1", True),  # or this year's?
        (
            "every 3 years on the last day of February",
            "FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=-1",
            True,  # which years?
        ),
        (
            "every 2 years on the first weekday of August",
            "FREQ=YEARLY;INTERVAL=2;BYMONTH=8;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
            True,
        ),
        (
            "every year on the first weekday of August",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYMONTH=8",
            False,
        ),
        ("every year on the 20th Monday", "FREQ=YEARLY;BYDAY=20MO", False),
    ],
)
def test_yearly_days(text: str, rule: str, asked: bool) -> None:
    result = parse_fast(f"{text} at 10am", now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"] == rule + ";BYHOUR=10;BYMINUTE=0;BYSECOND=0"
    assert result.needs_confirmation is asked


def test_every_few_years_on_a_business_day_needs_its_month() -> None:
    result = parse_fast("every 2 years on the first weekday", now=NOW)
    assert result.schedule is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Run once per minute on February 25", "* * 25 2 *"),
        ("every 15 minutes on Dec 24 and Dec 31", "*/15 * 24,31 12 *"),
    ],
)
def test_a_sub_daily_interval_on_a_date_runs_that_date_each_year_asked(
    text: str, expression: str
) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["expression"] == expression
    assert result.needs_confirmation
