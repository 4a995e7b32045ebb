"""Round twelve, weekly listings (listings12): the pure functions behind reading "Saturday, 4:30pm",
"Boys Mon 5-6pm" and "our regular Saturday afternoon Confessions" as every week, and their use by
the whole-sentence reading (near-misses keep the coming day, once)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.listings import day_heading, group_session, habit_word, plural_activity
from agentcron.parsers.timetable import listing_reading, yearly_habit

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)  # a Wednesday


def _words(text: str) -> tuple[str, frozenset[str]]:
    lowered = text.lower()
    return lowered, frozenset(re.findall(r"[a-z]+", lowered))


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Saturday, 4:30pm", "Saturday"),
        ("Tuesday: 8am Mass", "Tuesday"),
        ("Saturday: 8:00 am (Bilingual) - Inside the Church", "Saturday"),
        ("Friday morning – 9:10am Plays 18 boards", "Friday morning"),
        ("- Sun: 10 am", "Sun"),
        ("**Wednesday:** 7pm", "Wednesday"),
    ],
)
def test_day_heading(text: str, heading: str) -> None:
    assert day_heading(text, whole=True) == heading


@pytest.mark.parametrize(
    "text",
    [
        "Saturday at 4:30pm",  # no heading's punctuation
        "saturday 7:30pm",
        "remind me Saturday, 4:30pm",  # the day does not open the line
        "Tuesday: Meet in front of CSE2 at 4:40pm",  # no time right after the heading
        "Friday-3pm",  # a hyphen without a space is no dash
    ],
)
def test_no_day_heading(text: str) -> None:
    assert day_heading(text, whole=True) is None


def test_a_comma_heads_only_a_line_that_is_all_schedule() -> None:
    assert day_heading("Fri, 10:00 call mom", whole=False) is None
    assert day_heading("Tuesday: 8am Mass", whole=False) == "Tuesday"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Boys Mon 5-6pm", "Boys"),
        ("Girls Tue: 14:30", "Girls"),
        ("Women Thu: 20:00", "Women"),
        ("U12 Girls Thursday 6pm", "U12 Girls"),
        ("Men's Basketball Tue 7pm", "Men's Basketball"),
        ("Seniors Tuesday evening", "Seniors"),
    ],
)
def test_group_session(text: str, group: str) -> None:
    assert group_session(text, _words(text)[1]) == group


@pytest.mark.parametrize(
    "text",
    [
        "Dinner with Bob Friday 7-9pm",
        "pick up the kids Friday 3pm",
        "Boys night out Friday",
        "Kids Friday",  # neither a time nor a part of the day after the day
    ],
)
def test_no_group_session(text: str) -> None:
    assert group_session(text, _words(text)[1]) is None


@pytest.mark.parametrize(
    ("text", "habit"),
    [
        ("Always run Dependabot on Monday morning", "always"),
        ("We now return to our regular Saturday afternoon Confessions time", "regular saturday"),
        ("the usual Tuesday practice at 6", "usual tuesday"),
        ("Wee Read on Tuesday morning at 10 a.m. is back in full swing", "is back"),
    ],
)
def test_habit_word(text: str, habit: str) -> None:
    assert habit_word(*_words(text)) == habit


@pytest.mark.parametrize(
    "text",
    [
        "John is back on Monday at 9am",  # the day after the verb: that Monday
        "send it back on Friday",
        "a regular meeting on Friday at 3pm",  # "regular" not before the day
    ],
)
def test_no_habit_word(text: str) -> None:
    assert habit_word(*_words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "remind me Saturday, 4:30pm",
        "this Saturday, 4:30pm",
        "Friday: dentist appointment at 3pm",
        "Boys Mon 5-6pm next week",
    ],
)
def test_listing_reading_not_for_requests_or_dated_days(text: str) -> None:
    assert listing_reading(text, "Saturday") is None


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("Saturday, 4:30pm", "30 16 * * 6"),
        ("Tuesday: 8am Mass", "0 8 * * 2"),
        ("Boys Mon 5-6pm", "0 17 * * 1"),
        ("Friday morning – 9:10am Plays 18 boards", "10 9 * * 5"),
        ("Always run Dependabot on Monday morning", "0 9 * * 1"),
        (
            "We now return to our regular Saturday afternoon Confessions time of 3:00-3:30pm.",
            "0 15 * * 6",
        ),
    ],
)
def test_listing_lines_read_weekly_and_ask(text: str, cron: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule["type"] == "cron"
    assert result.schedule["expression"] == cron
    assert result.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "remind me Saturday at 4:30pm",
        "Saturday at 4:30pm",
        "this Saturday, 4:30pm",
        "dinner @ Padella friday 7pm",
        "John is back on Monday at 9am",
    ],
)
def test_near_misses_stay_once(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule["type"] == "at"


def test_several_times_on_a_heading_stay_sure() -> None:
    # "Friday: 7am, 8am Mass" was weekly and sure already: the heading adds no question
    result = understand_fast("Friday: 7am, 8am Mass", now=NOW)
    assert result.schedule == {"type": "cron", "expression": "0 7,8 * * 5", "timezone": "UTC"}
    assert not result.needs_confirmation


# -- time ranges (family two) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        # "starting at … and ending at …" beside a weekly day: a meeting, from its start
        ("every Monday, starting at 6:30 PM and ending at 7:45 PM", "30 18 * * 1"),
        (
            "Troop meetings are held on Monday night starting at 7:00 pm and ending at 8:30 pm.",
            "0 19 * * 1",
        ),
        # bare hours a part of the day places
        ("every Monday afternoon from 4 to 5", "0 16 * * 1"),
        ("every Monday morning from 9 to 11", "0 9 * * 1"),
        # "all other Tuesdays" is no "every other Tuesday"
        ("all other Tuesdays at 7pm", "0 19 * * 2"),
        # school grades are no days of the month
        ("Storytime for kids in 5th grade every Monday at 4pm", "0 16 * * 1"),
        ("grades 6th through 8th every Friday at 2pm", "0 14 * * 5"),
    ],
)
def test_weekly_ranges(text: str, cron: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule.get("expression") == cron


def test_all_other_days_ask() -> None:
    assert understand_fast("all other Tuesdays at 7pm", now=NOW).needs_confirmation


def test_intervals_keep_their_windows() -> None:
    result = understand_fast("every 5 minutes starting at 2pm and ending at 2:55pm", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0-55/5 14 * * *"
    assert understand_fast("every Monday from 4 to 5", now=NOW).schedule is None  # which half?


def test_a_count_of_things_is_no_window() -> None:
    text = (
        "Bridge takes place on the third Wednesday of each month, usually attracting between 8 "
        "and 12 players each time."
    )
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 9 * * 3#3"
    hours = understand_fast("every hour between 9 and 5 on weekdays", now=NOW)
    assert hours.schedule is not None
    assert hours.schedule["expression"] == "0 9-17 * * 1-5"


def test_a_date_that_begins_a_season_starts_it() -> None:
    text = "April 5 begins the Farmers Market every Wednesday at 2pm"
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 14 * * 3"
    assert result.schedule["start_at"].startswith("2026-04-05")


# -- yearly habits and starts (family three) ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kiwanis One Day currently is held on the fourth Saturday of October.",
        "The Grand Final is held on the last Saturday of September.",
    ],
)
def test_yearly_habit(text: str) -> None:
    assert yearly_habit(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "the fourth Saturday of October",  # no habit told
        "Next year the fair takes place on the second Saturday in June.",
        "remind me that the fair takes place on the second Saturday in June",
        "The fair was held on the second Saturday in June.",
    ],
)
def test_no_yearly_habit(text: str) -> None:
    assert yearly_habit(text) is None


def test_a_habits_day_of_a_month_is_yearly_and_asks() -> None:
    result = understand_fast(
        "Kiwanis One Day currently is held on the fourth Saturday of October.", now=NOW
    )
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 9 * 10 6#4"
    assert result.needs_confirmation
    once = understand_fast("the fourth Saturday of October", now=NOW)
    assert once.schedule is not None
    assert once.schedule["type"] == "at"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("the second Thursday of every month, starting in August", "2026-08-01"),
        ("the second Thursday of every month, starting on the second week of August", "2026-08-08"),
        ("every Monday starting in March", "2026-03-01"),
    ],
)
def test_starts_in_a_month_or_its_week(text: str, start: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert "* * " in result.schedule["expression"]  # every month, not that month only
    assert result.schedule["start_at"].startswith(start)


# -- a weekday before a plural activity ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "activities"),
    [
        ("Saturday morning rides depart at 9:30am", "saturday morning rides"),
        ("Social distanced Tuesday track workouts have begun.", "tuesday track workouts"),
        ("Friday drinks at 5pm", "friday drinks"),
    ],
)
def test_plural_activity(text: str, activities: str) -> None:
    assert plural_activity(text.lower()) == activities


@pytest.mark.parametrize(
    "text",
    [
        "Sunday for kids at 10am",  # a preposition, not an activity
        "Friday is the day",
        "Monday and Tuesdays at 9",
        "Saturday mornings at 9",  # a plural part of the day: weekly by the grammar already
        "Friday's class at 3pm",
    ],
)
def test_no_plural_activity(text: str) -> None:
    assert plural_activity(text.lower()) is None


def test_plural_activities_read_weekly_and_ask() -> None:
    result = understand_fast("Saturday morning rides start at 7:30am outside the roastery", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "30 7 * * 6"
    assert result.needs_confirmation
    # a request keeps the coming day
    once = understand_fast("pick up tickets Thursday at 5pm", now=NOW)
    assert once.schedule is not None
    assert once.schedule["type"] == "at"
