"""A frequency word that names a thing ("the weekly newsletter", "our daily standup notes")
beside a schedule that says when: the word is the task's, and the answer asks nothing more
when the two agree (parsers/frequency.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.frequency import agrees
from agentcron.parsers.grammar import read
from agentcron.parsers.tokens import tokenize

NOW = datetime(2026, 5, 6, 14, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone="Europe/Berlin", now=NOW).to_dict()


def _phrase(text: str) -> Any:
    return read(tokenize(text))[0]


@pytest.mark.parametrize(
    ("word", "schedule", "expected"),
    [
        ("weekly", "every Tuesday at 10am", True),
        ("weekly", "every week", True),
        ("weekly", "every other Tuesday", False),
        ("weekly", "every day at 10am", False),
        ("biweekly", "every other Tuesday", True),
        ("fortnightly", "every 2 weeks on Thursday", True),
        ("daily", "every evening at 6", True),
        ("daily", "every weekday at 7:30", True),  # fewer days than daily: more specific
        ("daily", "every Thursday", False),
        ("nightly", "every day at 1am", True),
        ("monthly", "on the 20th at noon", True),
        ("monthly", "the last Friday of every month", True),
        ("monthly", "every Monday", False),
        ("monthly", "on the 20th of June", False),
        ("quarterly", "on the 5th of January, April, July and October", True),
        ("quarterly", "on the 5th of January and June", False),
        ("yearly", "every year on May 1", True),
        ("hourly", "every hour", True),
        ("hourly", "every 2 hours", False),
        ("weekly", "tomorrow at 9", False),  # once: no frequency agrees with it
    ],
)
def test_a_frequency_agrees_with_the_same_schedule_or_a_narrower_one(
    word: str, schedule: str, expected: bool
) -> None:
    assert agrees(word, _phrase(schedule)) is expected


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("email the weekly newsletter every Tuesday at 10am", "0 10 * * 2"),
        ("every weekday at 7:30 share our daily standup notes", "30 7 * * 1-5"),
        ("archive the nightly dumps every day at 1am", "0 1 * * *"),
        ("file the monthly invoice on the 20th at noon", "0 12 20 * *"),
    ],
)
def test_an_agreeing_frequency_stays_in_the_task_and_asks_nothing(
    text: str, expression: str
) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"], answer["notes"]
    # the frequency word is still part of what to do
    assert any(word in answer["task"] for word in ("weekly", "daily", "nightly", "monthly"))


def test_the_month_word_keeps_its_place_in_the_task() -> None:
    assert _read("file the monthly invoice on the 20th at noon")["task"] == (
        "file the monthly invoice"
    )


@pytest.mark.parametrize(
    "text",
    [
        # the thing's frequency and the schedule differ: one of them may be wrong
        "email the monthly newsletter every Tuesday at 10am",
        "share the weekly numbers every day at 8am",
        # other unread words about time still ask
        "email the weekly newsletter every Tuesday at 10am or later",
        # the frequency is all that says the job repeats: as before, asked
        "back up the daily logs at 11pm",
        "send the weekly newsletter on Tuesday at 10am",
    ],
)
def test_a_frequency_that_does_not_agree_still_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None
    assert answer["needs_confirmation"]


def test_a_frequency_alone_is_read_as_before() -> None:
    # nothing else says when: the frequency is the schedule (today's weekday), and asks
    answer = _read("the weekly newsletter")
    assert answer["schedule"]["expression"] == "0 9 * * 3"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("email weekly newsletter every Tuesday at 10am", "email weekly newsletter"),
        ("file monthly invoice on the 20th at noon", "file monthly invoice"),
        # the frequency is all that says the job repeats: the schedule's word, not the task's
        ("archive nightly dumps at 1am", "archive dumps"),
    ],
)
def test_without_a_determiner_an_agreeing_frequency_is_kept_in_the_task(
    text: str, task: str
) -> None:
    answer = _read(text)
    assert answer["task"] == task
    assert not answer["needs_confirmation"]
