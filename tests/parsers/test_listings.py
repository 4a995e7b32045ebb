"""Round twelve, weekly listings (listings12): the pure functions behind reading "Saturday, 4:30pm",
"Boys Mon 5-6pm" and "our regular Saturday afternoon Confessions" as every week, and their use by
the whole-sentence reading (near-misses keep the coming day, once)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.listings import day_heading, group_session, habit_word
from agentcron.parsers.timetable import listing_reading

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
    assert day_heading(text) == heading


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
    assert day_heading(text) is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Boys Mon 5-6pm", "Boys"),
        ("Girls Tue: 14:30", "Girls"),
        ("Women Thu: 20:00", "Women"),
        ("U12 Girls Thursday 6pm", "U12 Girls"),
        ("Men's Basketball Tue 7pm", "Men's Basketball"),
    ],
)
def test_group_session(text: str, group: str) -> None:
    assert group_session(text, _words(text)[1]) == group


@pytest.mark.parametrize(
    "text",
    ["Dinner with Bob Friday 7-9pm", "pick up the kids Friday 3pm", "Boys night out Friday"],
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
