"""Which assumptions ask before saving and which are only noted (parsers/asks.py): each
decision as a pure function, then in whole sentences — the note that says what was assumed
stays wherever the ask goes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.asks import (
    adds_to_calendar,
    bare_morning_hour_asks,
    hour_from_hint,
    month_cycle_asks,
    named_frequency_asks,
    plain_word,
)

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


# -- every N months --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At 07:05 AM, on day 2 of the month, every 3 months",
        "At 12:00 AM, on day 1 of the month, every 3 months",
        "at 10:30 pm, on day 15 of the month, every 6 months.",
    ],
)
def test_a_describers_month_step_asks(text: str) -> None:
    assert month_cycle_asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "every 3 months on the 15th",
        "the first Monday of every other month",
        "on the 15th of the month, every two months",
        "Runs at 02:00 on day 1 of every 3rd month",
        "at 9am every 3 months on the 1st",
        "At 9:00 AM every day",
    ],
)
def test_a_month_cycle_said_by_a_person_is_noted(text: str) -> None:
    assert not month_cycle_asks(text)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("every 3 months on the 15th", "every 3 months counted from January"),
        ("the first Monday of every other month", "every 2 months counted from February"),
        ("day 20 of every 3rd month at 8am", "every 3 months counted from January"),
        ("every 6 months on the last day at 11pm", "every 6 months counted from January"),
        ("every other 16th", "every 2 months counted from January"),
        ("Every 2 months on the 1st, at noon", "every 2 months counted from February"),
    ],
)
def test_every_n_months_on_a_day_is_noted_not_asked(text: str, note: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None
    assert not answer["needs_confirmation"], answer["notes"]
    assert note in answer["notes"]


@pytest.mark.parametrize(
    "text",
    [
        "every 3 months",  # which day of the month: a guess
        "Dentist every 6 months",
        "At 07:05 AM, on day 2 of the month, every 3 months",  # cron's */3: from January
        "every other second",  # the unit, or the 2nd of every other month
    ],
)
def test_every_n_months_still_asks_when_the_day_or_the_count_is_a_guess(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


# -- an entry added to a calendar -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "add my spin class to the calendar for Saturday at 7am",
        "Please block off Friday at 8 am on my calendar.",
        "put dentist on my calendar for this thursday at 10 am",
        "Can you add it to my calendar at 16:00.",
        "schedule an event in my calendar for the pool party this saturday",
        "please set a reminder in my calendar for my meeting on march 25",
    ],
)
def test_adding_to_a_calendar(text: str) -> None:
    assert adds_to_calendar(text)


@pytest.mark.parametrize(
    "text",
    [
        "clear my calendar for saturday",
        "i want to take the 8am meeting with sam on monday the 5th off my calendar",
        "keep april 2nd wide open on my calendar please",
        "I would like to check my calendar for Tuesday next week.",
        "Could you look at events on my calendar for the 14th of this month?",
        "please remove the doctor appointment in my calendar for february twelfth at nine am",
        "move my dentist appointment on my calendar to friday",
        "show me my calendar event this friday afternoon",
        "put my eye doctor appointment into the calendar it's tomorrow at 3 pm and remind me "
        "2 hours before",
    ],
)
def test_looking_at_or_changing_a_calendar_is_not_adding(text: str) -> None:
    assert not adds_to_calendar(text)


def test_an_hour_read_from_a_hint() -> None:
    assert hour_from_hint(('"9" read as 9pm: the task\'s evening',))
    assert hour_from_hint(('"7" read as 7am: a time to wake up',))
    assert not hour_from_hint(('"9" read as 9am; say "9pm" for the evening',))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("add my spin class to the calendar for Saturday at 7am", "2026-01-17T07:00:00Z"),
        ("Please add dinner with Mary to my calendar on Saturday.", "2026-01-17T09:00:00Z"),
        ("Just add this to my calendar at four pm.", "2026-01-14T16:00:00Z"),
        ("put dentist on my calendar for this thursday at 10 am", "2026-01-15T10:00:00Z"),
    ],
)
def test_an_entry_added_to_a_calendar_is_noted_not_asked(text: str, expected: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == expected
    assert not answer["needs_confirmation"], answer["notes"]
    assert "read as a new entry in a calendar: one run at its time" in answer["notes"]


@pytest.mark.parametrize(
    "text",
    [
        "clear my calendar for saturday",
        "delete lunch with steve on friday please",
        "cancel meeting with abigail 3 pm today",
        "put my dinner at red lobster on the calendar for today at nine",  # 9pm from "dinner"
    ],
)
def test_a_calendar_looked_at_or_changed_still_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


# -- a bare hour from 8 to 11 ------------------------------------------------------------------


def test_a_bare_morning_hour_asks_unless_a_plain_repeating_schedule() -> None:
    assert not bare_morning_hour_asks(9, repeating=True, task_said=False)
    assert not bare_morning_hour_asks(11, repeating=True, task_said=False)
    assert bare_morning_hour_asks(9, repeating=False, task_said=False)  # a time alone
    assert not bare_morning_hour_asks(9, repeating=False, task_said=False, day_named=True)
    assert bare_morning_hour_asks(9, repeating=False, task_said=True, day_named=True)
    assert bare_morning_hour_asks(9, repeating=True, task_said=True)  # a command with a task
    assert bare_morning_hour_asks(7, repeating=True, task_said=False)  # 1 to 7: always
    assert bare_morning_hour_asks(3, repeating=True, task_said=False)


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("every weekday at 9", "0 9 * * 1-5", "UTC"),
        ("every other Monday at 10", None, "UTC"),
        ("Business days at 10", "0 10 * * 1-5", "UTC"),
        ("mondays at 8 in june, july and august", "0 8 * 6-8 1", "UTC"),
        ("every Monday at 10:00", "0 10 * * 1", "America/New_York"),
        ("daily at 11:30", "30 11 * * *", "America/Chicago"),
    ],
)
def test_a_repeating_schedules_bare_morning_hour_is_noted(
    text: str, expression: str | None, zone: str
) -> None:
    answer = _read(text, zone)
    if expression is not None:
        assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"], answer["notes"]
    assert any("for the evening" in note for note in answer["notes"])


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("at 9", "UTC"),  # a time alone: 9pm is the next 9 to come after 9am
        ("tomorrow at 8 run the migration", "UTC"),  # a task beside it
        ("remind me at 8 to walk", "UTC"),
        ("every weekday at 9, brief me", "UTC"),  # a command: a task beside the hour
        ("every day at 7:30", "America/New_York"),  # 1 to 7
        ("every Monday at 4", "UTC"),
    ],
)
def test_a_bare_hour_still_asks(text: str, zone: str) -> None:
    answer = _read(text, zone)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer["notes"]


# -- a frequency that names the task -----------------------------------------------------------


def test_a_named_frequency_asks_unless_a_new_thing_at_a_time() -> None:
    assert not named_frequency_asks(time_said=True, indefinite=True)  # "a daily reminder at 8am"
    assert named_frequency_asks(time_said=True, indefinite=False)  # "the daily logs at 11pm"
    assert named_frequency_asks(time_said=False, indefinite=True)  # "a daily reminder"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Run a daily backup check at midnight", "0 0 * * *"),
        ("Create a daily reminder at 8am", "0 8 * * *"),
        ("send me a daily report at 9 AM", "0 9 * * *"),
        ("set a weekly meeting for friday nine am", "0 9 * * 5"),
        ("Post a daily summary to the team channel at 5:30 pm", "30 17 * * *"),
    ],
)
def test_a_named_frequency_with_a_time_is_the_schedules(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"], answer["notes"]
    assert "a frequency that names the task was read as the schedule's" in answer["notes"]


@pytest.mark.parametrize(
    "text",
    [
        "fix the daily build",
        "make the weekly digest email render on mobile",
        "moving our weekly sync to 9 AM UTC on Monday",  # a change to a job that exists
        "Changes the time for the nightly run to 04:50 UTC",
        "changing the daily standup to 10am",
        "back up the daily logs at 11pm",  # a thing that exists: tonight's logs?
    ],
)
def test_a_named_frequency_still_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer["notes"]


# -- words of a task that are not about time ---------------------------------------------------


def _plain(word: str, value: object = None, **context: object) -> bool:
    options: dict[str, object] = {
        "before": None,
        "after": None,
        "after_speaks_of_time": False,
        "place": False,
    }
    options.update(context)
    return plain_word(word, word.lower() if value is None else value, **options)  # type: ignore[arg-type]


def test_about_is_a_topic_unless_a_time_follows() -> None:
    assert _plain("about", after="taxes")
    assert not _plain("about", after=10, after_speaks_of_time=True)  # "about 10am"
    assert not _plain("about")  # at the end: "at 5 or about"


def test_everyday_words_that_name_zones_or_places() -> None:
    assert _plain("eat", place=True)
    assert _plain("cat", place=True, before="the")
    assert _plain("West", place=True)
    assert not _plain("EAT", place=True)  # in capitals: East Africa Time
    assert not _plain("tokyo", place=True)  # a city is not an everyday word


def test_work_is_a_place_unless_its_hours_or_while_there() -> None:
    assert _plain("work", "business", before="for")  # "leave for work"
    assert not _plain("work", "business", after="hours")
    assert not _plain("work", "business", before="at")  # "remind me at work"
    assert not _plain("business", "business", after="days")


def test_next_and_start_before_a_thing() -> None:
    assert _plain("next", after="meeting")
    assert not _plain("next", after="week", after_speaks_of_time=True)
    assert _plain("start", "from", after="build")
    assert not _plain("start", "from", after="time")


def test_a_place_one_goes_to() -> None:
    assert _plain("Dubai", "dubai", before="to", place=True)
    assert not _plain("Dubai", "dubai", before="in", place=True)  # "at 9am in Dubai": whose 9?


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me tomorrow at 6pm to eat dinner", "2026-01-15T18:00:00Z"),
        ("remind me Thu 5pm to take the racket to Dubai", "2026-01-15T17:00:00Z"),
        ("remind tom at 5pm about the invoice", "2026-01-14T17:00:00Z"),
        ("!reminder 2 hours: Feed the cat", "2026-01-14T12:00:00Z"),
        ("remind me at 4 p.m. to start the pot roast", "2026-01-14T16:00:00Z"),
        ("please set a reminder for me to go to work in ten minutes", "2026-01-14T10:10:00Z"),
    ],
)
def test_plain_words_in_the_task_do_not_ask(text: str, expected: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == expected
    assert not answer["needs_confirmation"], answer["notes"]


@pytest.mark.parametrize(
    "text",
    [
        "remind me at work to take a meeting with dave on friday",
        "every Monday at 9am triage new issues around lunchtime",
        "every day at 6pm Tokyo (CET)",
        "every Monday at 9am triage new issues before standup",
        "Run on Tuesdays and Thursdays at the specified start time.",
        "Friday of next week at 9am",
    ],
)
def test_unread_words_about_time_still_ask(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer["notes"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow at 9", "2026-01-15T09:00:00Z"),
        ("August 5th at 8", "2026-08-05T08:00:00Z"),
        ("remind me on monday at 10", "2026-01-19T10:00:00Z"),
        ("next friday at 11", "2026-01-16T11:00:00Z"),
    ],
)
def test_a_bare_morning_hour_on_a_day_named_is_noted(text: str, expected: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == expected
    assert not answer["needs_confirmation"], answer["notes"]
    assert any("for the evening" in note for note in answer["notes"])
