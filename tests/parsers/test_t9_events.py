"""Round nine, timetables and windows (events9): the pure functions behind reading "Wednesday
Night Bible Study 7:15 PM" as every Wednesday, and their use by the whole-sentence reading."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.timetable import (
    any_weekday,
    habitual_verb,
    job_said,
    once_or_weekly,
    one_off,
    our_day,
    recurring_event,
    routine,
    timetable_label,
    weekly_reading,
)
from agentcron.parsers.tokens import Token, though_as_through

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)  # a Wednesday


def _words(text: str) -> tuple[str, frozenset[str]]:
    lowered = text.lower()
    return lowered, frozenset(re.findall(r"[a-z]+", lowered))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Wednesday Night Bible Study 7:15 PM", "bible study"),
        ("Our Sunday morning worship service begins at 11:00 a.m.", "worship service"),
        ("Saturday Vigil Mass 5:00 PM", "vigil mass"),
        ("Sunday evening service 6:00 PM", "evening service"),
        ("Maintenance window: Sunday 04:00-05:00 UTC", "maintenance window"),
        ("Trash Pickup is on Tuesday", "trash pickup"),
        ("Fri Youth Group 6:30 PM", "youth group"),
        ("Sprint Review: Wednesday - 1600-1700 (UK time)", "sprint review"),
    ],
)
def test_recurring_event(text: str, event: str) -> None:
    assert recurring_event(*_words(text)) == event


@pytest.mark.parametrize(
    "text",
    ["Team meeting Friday 3 PM", "Dentist appointment Friday 10 AM", "service the car Friday"],
)
def test_no_recurring_event(text: str) -> None:
    assert recurring_event(*_words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "book dentist appointment friday 2pm",
        "add choir practice on saturday at 7 pm to my personal calendar",
        "Our next parents evening takes place on Thursday at 19:00.",
        "A full evacuation drill takes place on Thursday at 14:00.",
        "The first letter goes out on Friday.",
        "Create reminder for team meeting Friday at 10am",
    ],
)
def test_one_off(text: str) -> None:
    assert one_off(*_words(text))


@pytest.mark.parametrize(
    "text", ["Sunday First service 7:00am", "Sprint planning: Monday 9 AM", "Trash Pickup"]
)
def test_not_one_off(text: str) -> None:
    assert not one_off(*_words(text))


def test_timetable_label() -> None:
    assert timetable_label("Sprint planning: Monday 9 AM") == "Sprint planning"
    assert timetable_label("Demo/review: Friday 3 PM") == "Demo/review"
    assert timetable_label("- Gate review: Fri 4 PM") == "Gate review"
    assert timetable_label("Note: Friday 3pm") is None  # says what the line is
    assert timetable_label("Deadline: Friday 5pm") is None  # a one-off event
    assert timetable_label("Sprint planning Monday 9 AM") is None  # no colon
    assert timetable_label("Release notes: see the Friday build") is None  # no day after it


def test_habitual_verb() -> None:
    assert habitual_verb(*_words("The draw is held on Wednesday at 3:00 PM.")) == "is held"
    assert habitual_verb(*_words("the meeting takes place on Thursday")) == "takes place"
    assert habitual_verb(*_words("collection occurs Monday")) == "occurs"
    assert habitual_verb(*_words("the digest goes out on Friday")) == "goes out"
    assert habitual_verb(*_words("we will be out on Friday")) is None


def test_our_day_and_any_weekday() -> None:
    assert our_day(*_words("Join us for our Wednesday evening testimony meeting at 7:30 pm."))
    assert not our_day(*_words("our meeting on Wednesday"))
    assert any_weekday("send at 9am utc on a tuesday.")
    assert not any_weekday("send at 9am utc on tuesday.")


def test_weekly_reading() -> None:
    sure = weekly_reading("Wednesday Night Bible Study 7:15 PM", "Wednesday")
    assert sure is not None and not sure.unsure
    label = weekly_reading("Gate review: Friday 4 PM", "Friday")
    assert label is not None and label.unsure
    habit = weekly_reading("The draw is held on Wednesday at 3:00 PM.", "Wednesday")
    assert habit is not None and habit.unsure
    assert weekly_reading("Team meeting Friday 3 PM", "Friday") is None
    assert weekly_reading("remind me Friday at 3pm", "Friday") is None


def test_though_as_through() -> None:
    tokens = [
        Token(lx.DAY, 1, 0, 6),
        Token(lx.WORD, "though", 7, 13),
        Token(lx.DAY, 5, 14, 20),
    ]
    assert though_as_through(tokens)[1].value == "to"
    words = [Token(lx.WORD, "even", 0, 4), Token(lx.WORD, "though", 5, 11)]
    assert though_as_through(words)[1].value == "though"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Wednesday Night Bible Study 7:15 PM", "15 19 * * 3"),
        ("Office hours: Tuesday, 2 to 3 pm.", "0 14 * * 2"),  # read whole by the grammar
        ("Currently hard-coded to send at 9am UTC on a Tuesday.", "0 9 * * 2"),
        ("Monday though Friday from 12:30pm to 3:30pm", "30 12 * * 1-5"),
        # a long window beside repeating days: when it happens, at its start (asked)
        ("recycling collection occurs Monday and Thursday 8 am until 3 pm", "0 8 * * 1,4"),
        ("visit us every Wednesday and Saturday from 9:00 AM to 1:00 PM", "0 9 * * 3,6"),
    ],
)
def test_read_weekly(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule.get("expression") == expression


@pytest.mark.parametrize(
    "text",
    ["Team meeting Friday 3 PM", "book dentist appointment friday 2pm", "Friday 3pm"],
)
def test_stays_once(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None and result.schedule["type"] == "at"


def test_long_window_asks() -> None:
    result = understand_fast(
        "visit us every Wednesday and Saturday from 9:00 AM to 1:00 PM", now=NOW
    )
    assert result.needs_confirmation


def test_long_window_alone_is_asked_at_its_start() -> None:
    # nothing says what happens in it: hours kept, read at their start and asked (round
    # seventeen's opening hours), never run unasked
    result = understand_fast("every Wednesday and Saturday from 9:00 AM to 1:00 PM", now=NOW)
    assert result.schedule is not None and result.schedule["expression"] == "0 9 * * 3,6"
    assert result.needs_confirmation


@pytest.mark.parametrize(
    "text",
    ["Wedding service began at 11:00.", "remember that I have a dentist appointment Friday"],
)
def test_an_event_told_is_asked_about(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation


def test_job_said() -> None:
    assert job_said(["run"])
    assert job_said(["the", "backup", "job"])
    assert not job_said(["remind", "me", "to", "call", "mom"])


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a job repeats: "the weekend" is every weekend, both days (asked)
        ("run at 6am on the weekend", "0 6 * * 6,0"),
        # "@weekdays" is a macro's days, not someone to notify
        ("Notify @daily:9am @weekdays", "0 9 * * 1-5"),
        # the zone said after each end of a window
        ("Every night between 01.00 (UTC+1) and 03.00 (UTC+1) we recycle the pools", "0 1 * * *"),
        # a window from one day into the next: at its start
        (
            "Maintenance window is Saturday between 20.00 (UTC+1) and Sunday 06.00 (UTC+1).",
            "0 20 * * 6",
        ),
        ("every Saturday from 20:00 to Sunday 06:00", "0 20 * * 6"),
    ],
)
def test_read_asked(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None and result.schedule.get("expression") == expression
    assert result.needs_confirmation or text.startswith("Notify")


def test_the_weekend_alone_or_in_a_reminder_is_still_refused() -> None:
    assert not understand_fast("on the weekend at 11am", now=NOW).ok
    assert not understand_fast("remind me to call mom on the weekend at 11am", now=NOW).ok


def test_a_window_across_days_does_not_repeat_within() -> None:
    assert not understand_fast("every 15 minutes between Saturday 20:00 and Sunday 06:00").ok


def test_business_hours_not_defined_are_asked() -> None:
    assert understand_fast("every 15 minutes during business hours", now=NOW).needs_confirmation
    defined = understand_fast("every 30 minutes during business hours 8am-6pm", now=NOW)
    assert not defined.needs_confirmation


def test_routine() -> None:
    text = "i have a batch of emails that i prepare during the week and send on friday at 11 am."
    assert routine(*_words(text))
    assert routine(*_words("we post the numbers on monday at 10am"))
    assert not routine(*_words("i need to send the report on friday at 9"))
    assert not routine(*_words("i will send it on friday at 9"))
    assert not routine(*_words("send the report on friday at 9"))  # no one tells a routine


def test_once_or_weekly() -> None:
    assert once_or_weekly("The first letter goes out on Friday.") is not None
    assert once_or_weekly("Our next parents evening takes place on Thursday at 19:00.") is None
    assert once_or_weekly("The draw is held on Wednesday at 3:00 PM.") is None  # weekly
    assert once_or_weekly("book the workshop that takes place on Thursday") is None
