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
    "text",
    [
        "Monday 2pm-3pm",  # one meeting's length: the coming Monday
        "Friday 9am-10:30am",
    ],
)
def test_a_bare_day_with_a_meetings_range_stays_once(text: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["type"] == "at"


def test_a_frame_for_runs_stays_refused() -> None:
    schedule, _ = _read("every Monday from 9am to 5pm")
    assert schedule is None
