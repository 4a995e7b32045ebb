"""Exclusions: dates, weekdays and daily windows, read in the job's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import (
    MAX_CONSECUTIVE_EXCLUDED,
    Schedule,
    ScheduleError,
    fire_times_between,
    local_iso,
    next_fire_time,
    next_fire_times,
)

NEW_YORK = ZoneInfo("America/New_York")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def exclusions(**data: object) -> Exclusions:
    parsed = Exclusions.from_dict(data)
    assert parsed is not None
    return parsed


# ---------------------------------------------------------------------------------------------
# Parsing and the JSON shape


def test_from_dict_reads_every_kind() -> None:
    parsed = exclusions(
        dates=["2026-12-25", "2026-01-01"],
        weekdays=["sat", "Sunday", 0, " FRI "],
        windows=[{"start": "12:00", "end": "13:00"}, {"start": "22:00", "end": "06:00:30"}],
    )
    assert parsed.dates == {date(2026, 12, 25), date(2026, 1, 1)}
    assert parsed.weekdays == {5, 6, 0, 4}
    assert parsed.windows == ((time(12), time(13)), (time(22), time(6, 0, 30)))


def test_to_dict_round_trips() -> None:
    parsed = exclusions(
        dates=["2026-12-25", "2026-01-01"],
        weekdays=[6, "sat"],
        windows=[{"start": "22:00", "end": "24:00"}, {"start": "12:00:30", "end": "13:00"}],
    )
    assert parsed.to_dict() == {
        "dates": ["2026-01-01", "2026-12-25"],
        "weekdays": ["sat", "sun"],
        "windows": [{"start": "22:00", "end": "00:00"}, {"start": "12:00:30", "end": "13:00"}],
    }
    assert Exclusions.from_dict(parsed.to_dict()) == parsed


@pytest.mark.parametrize("data", [None, {}, {"dates": [], "weekdays": [], "windows": []}])
def test_nothing_excluded_is_none(data: dict[str, object] | None) -> None:
    assert Exclusions.from_dict(data) is None


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ([], "exclusions", "must be an object with dates, weekdays, windows and/or holidays"),
        (
            {"vacations": []},
            "exclusions.vacations",
            "unknown field; expected dates, weekdays, windows, holidays",
        ),
        ({"holidays": []}, "exclusions.holidays", 'must be an object like {"country": "US"}'),
        (
            {"holidays": {"country": "XX"}},
            "exclusions.holidays.country",
            "'XX' is not a country the holidays package knows",
        ),
        ({"dates": "2026-12-25"}, "exclusions.dates", "must be a list"),
        (
            {"dates": ["2026-12-25", "Dec 26"]},
            "exclusions.dates[1]",
            "not an ISO 8601 date (YYYY-MM-DD)",
        ),
        ({"dates": ["2026-02-30"]}, "exclusions.dates[0]", "not an ISO 8601 date (YYYY-MM-DD)"),
        (
            {"dates": ["2026-12-25T00:00"]},
            "exclusions.dates[0]",
            "not an ISO 8601 date (YYYY-MM-DD)",
        ),
        ({"dates": [20261225]}, "exclusions.dates[0]", "not an ISO 8601 date (YYYY-MM-DD)"),
        (
            {"weekdays": ["sat", "caturday"]},
            "exclusions.weekdays[1]",
            "must be a weekday name (mon-sun) or number 0-6 (0 is Monday)",
        ),
        (
            {"weekdays": [7]},
            "exclusions.weekdays[0]",
            "must be a weekday name (mon-sun) or number 0-6 (0 is Monday)",
        ),
        (
            {"weekdays": [True]},
            "exclusions.weekdays[0]",
            "must be a weekday name (mon-sun) or number 0-6 (0 is Monday)",
        ),
        (
            {"windows": ["12:00-13:00"]},
            "exclusions.windows[0]",
            'must be an object like {"start": "12:00", "end": "13:00"}',
        ),
        ({"windows": [{"end": "13:00"}]}, "exclusions.windows[0].start", "is required"),
        (
            {"windows": [{"start": "12:00", "end": "13:00"}, {"start": "25:00", "end": "13:00"}]},
            "exclusions.windows[1].start",
            "must be a time of day HH:MM (24-hour)",
        ),
        (
            {"windows": [{"start": "24:00", "end": "13:00"}]},
            "exclusions.windows[0].start",
            "must be a time of day HH:MM (24-hour)",
        ),
        (
            {"windows": [{"start": "9:00", "end": "13:00"}]},
            "exclusions.windows[0].start",
            "must be a time of day HH:MM (24-hour)",
        ),
        (
            {"windows": [{"start": "12:00", "end": "noon"}]},
            "exclusions.windows[0].end",
            "must be a time of day HH:MM (24-hour)",
        ),
        (
            {"windows": [{"start": "12:00", "end": "12:00"}]},
            "exclusions.windows[0].end",
            "must differ from start",
        ),
        (
            {"windows": [{"start": "12:00", "end": "13:00", "zone": "UTC"}]},
            "exclusions.windows[0].zone",
            "unknown field; expected start, end",
        ),
    ],
)
def test_errors_name_the_item(data: object, field: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        Exclusions.from_dict(data)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_error_fields_follow_the_given_prefix() -> None:
    with pytest.raises(ScheduleError) as caught:
        Exclusions.from_dict({"dates": ["x"]}, field="jobs[0].exclusions")
    assert caught.value.field == "jobs[0].exclusions.dates[0]"


# ---------------------------------------------------------------------------------------------
# reason(): local date, weekday and time of day


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # 2026-12-25 is a Friday; 04:00Z is still the 24th in New York (inside the night window)
        ("2026-12-25T04:00:00Z", "excluded window 22:00-06:00"),
        ("2026-12-24T20:00:00Z", None),
        ("2026-12-25T05:00:00Z", "excluded date 2026-12-25"),
        ("2026-12-26T04:59:00Z", "excluded date 2026-12-25"),
        # Saturday 21:00 in New York, already Sunday in UTC
        ("2026-03-08T02:00:00Z", "excluded weekday Saturday"),
        ("2026-03-07T02:59:00Z", None),  # Friday 21:59 in New York
        # lunch window 12:00-13:00 local, end excluded
        ("2026-03-04T17:00:00Z", "excluded window 12:00-13:00"),
        ("2026-03-04T17:59:59Z", "excluded window 12:00-13:00"),
        ("2026-03-04T18:00:00Z", None),
        ("2026-03-04T16:59:00Z", None),
        # overnight window 22:00-06:00 wraps midnight
        ("2026-03-05T03:00:00Z", "excluded window 22:00-06:00"),  # 22:00 local
        ("2026-03-05T08:00:00Z", "excluded window 22:00-06:00"),  # 03:00 local
        ("2026-03-05T10:59:00Z", "excluded window 22:00-06:00"),  # 05:59 local
        ("2026-03-05T11:00:00Z", None),  # 06:00 local
        ("2026-03-05T02:59:00Z", None),  # 21:59 local
    ],
)
def test_reason(instant: str, expected: str | None) -> None:
    rules = exclusions(
        dates=["2026-12-25"],
        weekdays=["sat"],
        windows=[{"start": "12:00", "end": "13:00"}, {"start": "22:00", "end": "06:00"}],
    )
    assert rules.reason(utc(instant), NEW_YORK) == expected


def test_the_zone_decides_the_day() -> None:
    rules = exclusions(weekdays=["sun"])
    saturday_evening_in_new_york = utc("2026-03-08T01:00:00Z")  # Sunday in UTC
    assert rules.reason(saturday_evening_in_new_york, NEW_YORK) is None
    assert rules.reason(saturday_evening_in_new_york, ZoneInfo("UTC")) == "excluded weekday Sunday"


def test_window_closing_at_24_00() -> None:
    rules = exclusions(windows=[{"start": "22:00", "end": "24:00"}])
    assert (
        rules.reason(utc("2026-03-04T23:59:00Z"), ZoneInfo("UTC")) == "excluded window 22:00-00:00"
    )
    assert rules.reason(utc("2026-03-05T00:00:00Z"), ZoneInfo("UTC")) is None


@pytest.mark.parametrize(
    ("instant", "resume"),
    [
        ("2026-12-25T15:00:00Z", "2026-12-26T05:00:00+00:00"),  # next local midnight
        ("2026-03-07T15:00:00Z", "2026-03-08T05:00:00+00:00"),  # Saturday: to Sunday 00:00 EST
        ("2026-03-04T17:30:00Z", "2026-03-04T18:00:00+00:00"),  # lunch ends 13:00 EST
        ("2026-03-05T03:30:00Z", "2026-03-05T11:00:00+00:00"),  # 22:30 -> 06:00 next morning
        ("2026-03-05T08:00:00Z", "2026-03-05T11:00:00+00:00"),  # 03:00 -> 06:00 same morning
        ("2026-03-04T16:00:00Z", None),
    ],
)
def test_resume_at(instant: str, resume: str | None) -> None:
    rules = exclusions(
        dates=["2026-12-25"],
        weekdays=["sat"],
        windows=[{"start": "12:00", "end": "13:00"}, {"start": "22:00", "end": "06:00"}],
    )
    found = rules.resume_at(utc(instant), NEW_YORK)
    assert (found.isoformat() if found else None) == resume


# ---------------------------------------------------------------------------------------------
# Exclusions applied to fire times


def cron(expression: str, timezone: str = "America/New_York") -> Schedule:
    return Schedule.from_dict({"type": "cron", "expression": expression, "timezone": timezone})


def local(times: list[datetime]) -> list[str]:
    return [local_iso(t, NEW_YORK) for t in times]


def test_weekday_and_date_exclusions_skip_slots() -> None:
    rules = exclusions(weekdays=["sat", "sun"], dates=["2026-12-25"])
    times = next_fire_times(
        cron("0 9 * * *"), after=utc("2026-12-23T15:00:00Z"), count=3, exclusions=rules
    )
    # Thu 24th, (Fri 25th holiday, weekend), Mon 28th, Tue 29th
    assert local(times) == [
        "2026-12-24T09:00:00-05:00",
        "2026-12-28T09:00:00-05:00",
        "2026-12-29T09:00:00-05:00",
    ]


def test_window_exclusion_wrapping_midnight() -> None:
    rules = exclusions(windows=[{"start": "22:00", "end": "06:00"}])
    start = datetime(2026, 3, 4, 20, tzinfo=NEW_YORK)
    end = datetime(2026, 3, 5, 8, tzinfo=NEW_YORK)
    times = fire_times_between(cron("0 * * * *"), start=start, end=end, exclusions=rules)
    assert [t.astimezone(NEW_YORK).hour for t in times] == [20, 21, 6, 7]


def test_every_schedules_are_excluded_in_the_schedule_zone() -> None:
    schedule = Schedule.from_dict(
        {"type": "every", "interval": 1800, "timezone": "America/New_York"}
    )
    rules = exclusions(windows=[{"start": "12:00", "end": "13:00"}])
    times = next_fire_times(schedule, after=utc("2026-03-04T16:15:00Z"), count=3, exclusions=rules)
    assert local(times) == [
        "2026-03-04T11:30:00-05:00",
        "2026-03-04T13:00:00-05:00",
        "2026-03-04T13:30:00-05:00",
    ]


def test_minutely_job_over_a_long_exclusion_is_cheap_and_correct() -> None:
    # A week of excluded dates: ~10,000 minutely slots skipped by whole-day jumps.
    days = [f"2026-12-{d:02d}" for d in range(21, 28)]
    rules = exclusions(dates=days)
    first = next_fire_time(cron("* * * * *"), after=utc("2026-12-20T12:00:00Z"), exclusions=rules)
    assert first is not None
    assert local([first]) == ["2026-12-20T07:01:00-05:00"]
    after_holidays = next_fire_time(
        cron("* * * * *"), after=utc("2026-12-21T05:00:00Z"), exclusions=rules
    )
    assert after_holidays is not None
    assert local([after_holidays]) == ["2026-12-28T00:00:00-05:00"]


def test_search_gives_up_when_everything_is_excluded() -> None:
    rules = exclusions(weekdays=list(range(7)))
    assert (
        next_fire_times(
            cron("0 9 * * *"), after=utc("2026-01-01T00:00:00Z"), count=5, exclusions=rules
        )
        == []
    )
    assert (
        next_fire_time(cron("*/5 * * * *"), after=utc("2026-01-01T00:00:00Z"), exclusions=rules)
        is None
    )


def test_search_gives_up_only_after_many_consecutive_exclusions() -> None:
    # A job on the 1st of each month whose first MAX - 1 slots are all excluded still fires.
    wanted = MAX_CONSECUTIVE_EXCLUDED - 1
    excluded = [date(2026 + m // 12, m % 12 + 1, 1).isoformat() for m in range(wanted)]
    rules = exclusions(dates=excluded)
    first = next_fire_time(
        cron("0 0 1 * *", "UTC"), after=utc("2025-12-31T00:00:00Z"), exclusions=rules
    )
    month = wanted
    assert first == datetime(2026 + month // 12, month % 12 + 1, 1, tzinfo=UTC)


def test_a_window_ending_inside_a_dst_gap_resumes_right_after_the_gap() -> None:
    # New York skips 02:00-03:00 on 2026-03-08; a window to 02:30 ends at 03:00 EDT, so the
    # 03:00 and 03:15 slots still fire (reading 02:30 with fold=0 would say 03:30 EDT).
    rules = exclusions(windows=[{"start": "01:00", "end": "02:30"}])
    resume = rules.resume_at(utc("2026-03-08T06:30:00Z"), NEW_YORK)
    assert resume is not None and local([resume]) == ["2026-03-08T03:00:00-04:00"]
    start = datetime(2026, 3, 8, 0, 30, tzinfo=NEW_YORK)
    end = datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK)
    times = fire_times_between(cron("*/15 * * * *"), start=start, end=end, exclusions=rules)
    assert local(times) == [
        "2026-03-08T00:30:00-05:00",
        "2026-03-08T00:45:00-05:00",
        "2026-03-08T03:00:00-04:00",
        "2026-03-08T03:15:00-04:00",
    ]


def test_an_excluded_day_ending_at_a_missing_midnight_resumes_after_the_gap() -> None:
    # Santiago has no 2026-09-06 00:00 (clocks jump to 01:00).
    santiago = ZoneInfo("America/Santiago")
    rules = exclusions(dates=["2026-09-05"])
    resume = rules.resume_at(utc("2026-09-05T16:00:00Z"), santiago)
    assert resume is not None and local_iso(resume, santiago) == "2026-09-06T01:00:00-03:00"
    times = next_fire_times(
        cron("0 * * * *", "America/Santiago"),
        after=utc("2026-09-05T16:00:00Z"),
        count=2,
        exclusions=rules,
    )
    assert [local_iso(t, santiago) for t in times] == [
        "2026-09-06T01:00:00-03:00",
        "2026-09-06T02:00:00-03:00",
    ]


def test_a_window_left_by_a_fall_back_resumes_when_the_clock_goes_back() -> None:
    # New York repeats 01:00-02:00 on 2026-11-01. A window 01:20-02:10 is entered at 01:20 EDT;
    # at 02:00 EDT the clock reads 01:00 EST, outside the window, until 01:20 EST enters it again:
    # the slots of the repeated 01:00-01:20 fire (the window's end, 02:10 EST, would skip them).
    rules = exclusions(windows=[{"start": "01:20", "end": "02:10"}])
    resume = rules.resume_at(utc("2026-11-01T05:30:00Z"), NEW_YORK)
    assert resume is not None and local([resume]) == ["2026-11-01T01:00:00-05:00"]
    again = rules.resume_at(utc("2026-11-01T06:30:00Z"), NEW_YORK)  # 01:30 EST
    assert again is not None and local([again]) == ["2026-11-01T02:10:00-05:00"]
    start = datetime(2026, 11, 1, 1, 0, tzinfo=NEW_YORK)
    end = datetime(2026, 11, 1, 2, 30, tzinfo=NEW_YORK)
    times = fire_times_between(cron("*/15 * * * *"), start=start, end=end, exclusions=rules)
    assert local(times) == [
        "2026-11-01T01:00:00-04:00",
        "2026-11-01T01:15:00-04:00",
        "2026-11-01T01:00:00-05:00",
        "2026-11-01T01:15:00-05:00",
        "2026-11-01T02:15:00-05:00",
    ]
    assert all(rules.reason(t, NEW_YORK) is None for t in times)
