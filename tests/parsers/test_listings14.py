"""Round fourteen's listing lines: a timetable's row of days and hours, read from the range's
start every week (`listings.hours_row`, `pipeline.hours_row_line`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.doubts import letter_runs
from agentcron.parsers.listings import hours_row

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> tuple[dict | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    return result.schedule, result.needs_confirmation


def _words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


def test_hours_row_words() -> None:
    assert hours_row(_words("Mondays - 11:30AM-3:30PM"))
    assert hours_row(_words("Saturday 1:15 PM - 6:00 PM"))
    # a frame for runs, or hours kept
    assert not hours_row(_words("every Monday from 9am to 5pm"))
    assert not hours_row(_words("Mondays between 2 and 6pm"))
    assert not hours_row(_words("Monday open 9am-5pm"))


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Mondays - 11:30AM-3:30PM", "30 11 * * 1"),
        ("Fridays - 10:30AM - 2:30PM", "30 10 * * 5"),
        ("Monday  2:00 PM - 9:00 PM", "0 14 * * 1"),
        ("Saturday   1:15 PM - 6:00 PM", "15 13 * * 6"),
        ("Saturday 10:00 AM - 2:00 PM", "0 10 * * 6"),
    ],
)
def test_a_timetables_row_runs_weekly_from_its_start_and_asks(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == expression
    assert asked


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # one meeting's length beside a bare day: a timetable's row too (round seventeen: "Saturday
        # 3:30 – 4:15 p.m." on a parish's page), every week and asked (it may mean the coming one)
        ("Monday 2pm-3pm", "0 14 * * 1"),
        ("Friday 9am-10:30am", "0 9 * * 5"),
    ],
)
def test_a_bare_day_with_a_meetings_range_is_weekly_and_asked(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == expression
    assert asked


def test_a_frame_for_runs_is_read_at_its_start_and_asked() -> None:
    # nothing says how often it runs in the hours: at their start, asked (round seventeen)
    schedule, asked = _read("every Monday from 9am to 5pm")
    assert schedule is not None and schedule["expression"] == "0 9 * * 1"
    assert asked


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a window's end is where it ends, not a second run
        ("It starts every Friday at 6:30 p.m. and runs until 10:30.", "30 18 * * 5"),
        ("Bingo every Tuesday at 7pm, lasts until 9pm", "0 19 * * 2"),
        # one window beside "weekly" and the days
        ("— Weekly Drop-In Group: 6 to 7:30 p.m. Thursdays, June through August.", "0 18 * 6-8 4"),
        # a semicolon after a heading's time sets the place apart
        ("Monday, 1:00 PM; Shuffleboard Courts", "0 13 * * 1"),
        # a hedged end is the end: the range is read, the part of the day does not override it
        ("the third Thursday morning of each month from 1100 to around 1230", "0 11 * * 4#3"),
        ("Sundays 1:0pm-4:00pm Back Gym", "0 13 * * 0"),  # one 0 for the minutes
        ("every Wednesday mid-week at 6:00 pm", "0 18 * * 3"),
        ("butween 08 am and 10 pm every 5 minutes", "*/5 8-21 * * *"),
    ],
)
def test_ranges_and_windows_of_listings(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


def test_the_end_of_an_interval_keeps_its_window() -> None:
    schedule, _ = _read("every 5 minutes from 9am until 5pm")
    assert schedule is not None and schedule["expression"] == "*/5 9-16 * * *"


def test_a_window_between_two_groups_of_days_stays_refused() -> None:
    schedule, _ = _read("Tuesday & Thursday 1-3 PM, Lab on Fridays")
    assert schedule is None


def test_a_comma_heading_before_an_errand_stays_once() -> None:
    schedule, _ = _read("Fri, 10:00 call mom")
    assert schedule is not None and schedule["type"] == "at"


def test_a_start_off_the_days_named_asks() -> None:
    schedule, asked = _read("every Tuesday at 9am starting April 24")  # a Friday
    assert schedule is not None and schedule["expression"] == "0 9 * * 2" and asked
    schedule, asked = _read("every Tuesday at 9am starting April 28")  # a Tuesday
    assert schedule is not None and not asked


def test_the_middle_of_the_week_alone_stays_refused() -> None:
    schedule, _ = _read("the middle of the week at 9am")
    assert schedule is None


def test_hours_with_one_start_on_different_days_run_at_it_and_ask() -> None:
    text = (
        "the food pantry will be open Mondays and Wednesdays from 10am to 6pm, "
        "and Fridays 10am to 4pm"
    )
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == "0 10 * * 1,3,5" and asked
    schedule, _ = _read("Anna: Tuesday 3:15-5:15pm, Thursday 9:30-11:30am, Huang 019")
    assert (
        schedule is None or _read("Anna: Tuesday 3:15-5:15pm, Thursday 9:30-11:30am, Huang 019")[1]
    )
