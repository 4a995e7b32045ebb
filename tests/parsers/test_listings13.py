"""Round thirteen's listing lines: a named row with its hours, support-group day letters glued
by a dash, a dash label, am/pm from the words around a range, a time that is another event's,
and an event that recurs told with a time and no day (`parsers/listings.py`, `timetable.py`,
`dayletters.py`, `build.py`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.dayletters import letter_days
from agentcron.parsers.listings import (
    afternoon_range,
    named_range,
    other_events_time,
    recurring_kind_without_day,
    small_hours_gathering,
)
from agentcron.parsers.task_part import part_named_by
from agentcron.parsers.timetable import listing_reading, timetable_label

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> tuple[dict | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    return result.schedule, result.needs_confirmation


def _words(text: str) -> frozenset[str]:
    import re

    return frozenset(re.findall(r"[a-z]+", text.lower()))


# -- a named row with its hours is every week, at the start, asked --------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Art with Marion Tuesday 12:30-2", "30 12 * * 2"),
        ("Blood Pressure Checks Wednesday 11-12", "0 11 * * 3"),
        ("Busy Hands Knitting Friday 1:30-3:30", "30 13 * * 5"),
        ("Cribbage Friday 9:30-11:30", "30 9 * * 5"),
        ("Bingo Friday 10:00am – 11:30am $0.00", "0 10 * * 5"),
        ("**Cubs** (8-11 years) - Tuesday 6:30-8:00pm", "30 18 * * 2"),
        ("**Venturers** (14-18 years) - Thursday 7:00-9:00pm", "0 19 * * 4"),
        ("Tuesday 12:30-2:30 PM or by appointment", "30 12 * * 2"),
        ("Chess Club Thursday 3-4", "0 15 * * 4"),
        ("Line Dancing Monday 10-11:30", "0 10 * * 1"),
    ],
)
def test_named_row_with_hours_is_weekly_and_asked(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["type"] == "cron"
    assert schedule["expression"] == expression
    assert asked


@pytest.mark.parametrize(
    "text",
    [
        "lunch with Sam Tuesday 12:30-2",  # a get-together held once
        "meeting with John Tuesday 2-3pm",
        "coffee with Ana Friday 10-11am",
        "Haircut Saturday 10-11",  # an errand
        "Math quiz Friday 10-11am",
        "Piano recital Sunday 2-4pm",
        "Schedule team lunch next Tuesday 12:30-2pm at Marina Bay Sands",  # a request, dated
        "remind me Friday 2-3pm to call the bank",
    ],
)
def test_one_off_ranges_stay_once(text: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["type"] == "at"


def test_named_range_needs_a_name_and_no_meeting() -> None:
    assert named_range("Cribbage Friday 9:30-11:30", _words("cribbage friday"), whole=False)
    assert not named_range("Friday 9:30-11:30", _words("friday"), whole=True)
    assert not named_range("lunch Friday 12-1", _words("lunch friday"), whole=False)
    assert not named_range(
        "sync with Ops Monday 10-11", _words("sync with ops monday"), whole=False
    )
    assert named_range("Art with Marion Tuesday 12:30-2", _words("art with marion"), whole=False)


def test_listing_reading_ranged() -> None:
    weekly = listing_reading("Knitting Friday 1:30-3:30", "Friday", ranged=True)
    assert weekly is not None and weekly.unsure
    assert listing_reading("Cribbage Friday 9:30", "Friday") is None  # no range, no cue


def test_small_hours_gathering() -> None:
    assert small_hours_gathering(frozenset({"busy", "hands", "knitting"}), 1, 3)
    assert small_hours_gathering(frozenset({"cs"}), 6, 7)
    assert not small_hours_gathering(frozenset({"maintenance", "window"}), 1, 3)
    assert not small_hours_gathering(frozenset({"backup"}), 2, 3)
    assert not small_hours_gathering(frozenset({"knitting"}), 1, 5)  # longer than a meeting


@pytest.mark.parametrize(
    ("start", "end", "afternoon"),
    [
        (1, 3, True),
        (2, 4, True),
        (6, 7, True),
        (9, 11, False),
        (12, 2, False),
        (7, 9, False),
        (1, 5, False),
    ],
)
def test_afternoon_range(start: int, end: int, afternoon: bool) -> None:
    assert afternoon_range(start, end) is afternoon


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Hist100 Tue/Thur 1:30-2:45", "30 13 * * 2,4"),
        ("CS151 Tue/Thur 6-7:15", "0 18 * * 2,4"),
        ("Busy Hands Knitting every Friday 1:30-3:30", "30 13 * * 5"),
    ],
)
def test_a_class_range_in_the_small_hours_is_the_afternoon(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == expression
    assert asked


def test_small_hours_of_a_job_stay_the_small_hours() -> None:
    schedule, _ = _read("Maintenance window Sunday 1:30-3:30")
    assert schedule is not None and schedule["expression"] == "30 1 * * 0"


# -- bare hours on the 12-hour dial ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Blood Pressure Checks every Wednesday 11-12", "0 11 * * 3"),
        ("yoga every Tuesday 6-7", "0 18 * * 2"),
        ("lunch club every Friday 11-1", "0 11 * * 5"),
        ("Art with Marion every Tuesday 12:30-2", "30 12 * * 2"),
        ("Cribbage every Friday 9:30-11", "30 9 * * 5"),
    ],
)
def test_bare_hour_ranges_of_an_event(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


@pytest.mark.parametrize(
    "text",
    ["every Tuesday from 2 to 3", "check email every weekday 9-5"],
)
def test_bare_hour_windows_without_an_event_or_too_long_stay_refused(text: str) -> None:
    schedule, _ = _read(text)
    assert schedule is None


# -- am/pm from the words around ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "Meets: Meetings are every Wednesday after school from 2:30-3:30 in room 313.",
            "30 14 * * 3",
        ),
        ("Horizons robotics meets every Thursday after school from 3:30 to 4:30.", "30 15 * * 4"),
        ("We meet every Tuesday and Thursday, after school from 3:00 - 4:30.", "0 15 * * 2,4"),
        (
            "Time: Tuesdays after school from 3:15-4:15 (flexible depending on members)",
            "15 15 * * 2",
        ),
    ],
)
def test_after_school_is_the_afternoon(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


def test_part_named_by_after_school() -> None:
    assert part_named_by("chess club meets after school") == "afternoon"
    assert part_named_by("after-school program") == "afternoon"
    assert part_named_by("drive to school") == "morning"


# -- day letters glued to a group's name by a dash ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Adult Type 2 Diabetes Support Group-M 6:30P",
            "Adult Type 2 Diabetes Support Group-Mondays 6:30P",
        ),
        ("Amputee Support Team-R 6:30P", "Amputee Support Team-Thursdays 6:30P"),
        ("T-shirt 5pm", "T-shirt 5pm"),
        ("X-M 6pm", "X-M 6pm"),
        ("Covid-T 5pm", "Covid-T 5pm"),  # not a gathering's name before the dash
        ("python fetch_lxx.py Daniel-Th 7 13 14", "python fetch_lxx.py Daniel-Th 7 13 14"),
        ("Grief Circle-W 7PM", "Grief Circle-Wednesdays 7PM"),
        ("Group-M", "Group-M"),  # no time after it
    ],
)
def test_dash_glued_day_letters(text: str, said: str) -> None:
    assert letter_days(text) == said


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Adult Type 2 Diabetes Support Group-M 6:30P", "30 18 * * 1"),
        ("Amputee Support Team-R 6:30P", "30 18 * * 4"),
        ("Red Rose La Leche League- Wed 9:30AM", "30 9 * * 3"),
    ],
)
def test_support_group_rows(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


# -- a dash label ---------------------------------------------------------------------------------


def test_dash_label() -> None:
    assert timetable_label("Red Rose La Leche League- Wed 9:30AM") == "Red Rose La Leche League"
    assert timetable_label("Brain Injury Support Group - Wed 6pm") == "Brain Injury Support Group"
    assert timetable_label("Call mom - Friday 3pm") is None  # an errand
    assert timetable_label("Pay rent – Fri") is None
    schedule, _ = _read("Call mom - Friday 3pm")
    assert schedule is not None and schedule["type"] == "at"


# -- a time that is another event's; an event that recurs with no day ----------------------------


def test_other_events_time() -> None:
    text = "Thursday Evenings in May & October following the 5:15 PM Mass (in the Chapel)."
    assert other_events_time(text) == "the 5:15 PM Mass"
    assert other_events_time("picnic after the 10am service") == "the 10am service"
    assert other_events_time("remind me after the 10 minutes") is None
    assert other_events_time("due after the 10th") is None
    assert other_events_time("every Monday at 9") is None
    assert other_events_time("ping me 20 minutes before the 5pm deploy") is None  # counted from it
    assert other_events_time("remind me 30m before the 3pm standup") is None
    assert other_events_time("the 6-byte name follows after the 10 type-marker bytes") is None
    assert other_events_time("after the 11 o'clock Mass") == "the 11 o'clock Mass"
    schedule, asked = _read(text)
    assert schedule is not None and asked


def test_recurring_kind_without_day() -> None:
    assert recurring_kind_without_day("Bell Choir rehearsal at 8:50 PM.") == "rehearsal"
    assert recurring_kind_without_day("Christmas Eve Mass at 5pm") is None
    assert recurring_kind_without_day("choir practice Tuesday at 7") is None
    assert recurring_kind_without_day("team sync at 3pm") is None
    _, asked = _read("Bell Choir rehearsal at 8:50 PM.")
    assert asked
    schedule, asked = _read("Christmas Eve Mass at 5pm")
    assert schedule is not None and not asked


def test_a_session_in_the_small_hours_asks() -> None:
    _, asked = _read("My first session is Mon. at 5:30.")
    assert asked


# -- a capitalised ordinal that ends a name ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Yoga at Old First, Every Tuesday Afternoon at 12:30", "30 12 * * 2"),
        ("Town Hall First Tuesday at 7pm", "0 19 * * 2#1"),  # the ordinal counts the day
        ("Meets On The First Monday at 7pm", "0 19 * * 1#1"),
        ("Board Meeting Second Monday of the month at 6", "0 18 * * 1#2"),
    ],
)
def test_ordinal_in_a_name(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


# -- the same time said for each day -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Men 14+ train Friday 8:00-9:00 PM and Saturday 8:00-9:00 PM", "0 20 * * 5,6"),
        (
            "Tuesday 6:30-7:45pm and Thursday 6:30-7:45pm intense player development.",
            "30 18 * * 2,4",
        ),
        ("yoga Monday at 7pm and Thursday at 7pm", "0 19 * * 1,4"),
    ],
)
def test_same_time_each_day_is_weekly_and_asked(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == expression
    assert asked


@pytest.mark.parametrize(
    "text",
    [
        "Monday at 9am and Friday at 5pm",  # two schedules
        "Tuesday 6:45-8 pm and Thursday 6-6:45 pm",
        "Classes are held Monday at 7:30pm and Saturday at 8:30am (1 hour each).",
    ],
)
def test_different_times_each_day_stay_refused(text: str) -> None:
    schedule, _ = _read(text)
    assert schedule is None
