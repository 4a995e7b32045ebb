"""Round ten (datasets10): what public NLU datasets nobody here had used hold — xSID's English
alarm and reminder requests (Facebook's multilingual task-oriented data), KVRET's in-car
calendar requests, and TempEval-3's recurring time expressions in news text.

The families fixed: an interval bounded by a span shorter than a day ("every 5 minutes for 20
minutes": four runs, then done; it ran forever), a look at one's reminders for a day ("show all
reminders for tomorrow": refused or asked, as a look at alarms or meetings is; it was a
reminder at 9:00), a weekday beside a day of the month the coming such day does not fall on
("Monday the 1st" when the coming 1st is a Sunday: asked; it was read silently as a Monday
the 1st months away), and an ordinal written as a word before "with" ("at 6 pm on the tenth
with the sales team": the tenth; "tenth" was taken for a count of a thing and dropped),
and someone's words quoted and attributed ('"The situation really is deteriorating every
day," she said': asked; it was a daily job), and an interval for the rest of the day ("every
30 minutes for the rest of the day", "every 2 hours until the end of the day": until tonight;
it was refused), and an hour and its minutes said apart, as speech-to-text writes them ("set an
alarm for 6 30 am": refused as a 30 o'clock; "wake me up at 6 30": 6:00, silently).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.build import weekday_monthday_ahead
from agentcron.parsers.frequency import runs_in_span
from agentcron.parsers.tokens import ClockTime, tokenize
from agentcron.parsers.understand import about_calendar, quoted_speech
from tests.parsers.reading import brief

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str) -> str | None:
    """The schedule in brief: a cron expression or an ISO time, "?" when it asks first."""
    return brief(understand_fast(text, timezone="UTC", now=NOW).to_dict())


def answer(text: str) -> dict:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


# -- an interval bounded by a span -----------------------------------------------------------


@pytest.mark.parametrize(
    ("interval", "seconds", "runs"),
    [
        ((5, "minute"), 1200, 4),  # every 5 minutes for 20 minutes
        ((1, "minute"), 600, 10),  # every minute for 10 minutes
        ((10, "minute"), 3600, 6),  # every 10 minutes for an hour
        ((1, "hour"), 6 * 3600, 6),  # hourly for 6 hours
        ((45, "minute"), 3 * 3600, 4),  # every 45 minutes for 3 hours
        ((2, "hour"), 600, None),  # "every 2 hours, stretch for 10 minutes": how long, not a bound
        ((1, "hour"), 3600, None),  # one run is no bound (nor a repeating schedule)
        ((5, "minute"), 1000, None),  # a span the interval does not divide
        ((1, "day"), 1200, None),  # "every day, meditate for 20 minutes"
        (None, 1200, None),  # no interval: "set an alarm for 20 minutes" is once
        ((5, "minute"), 86400, None),  # a day or more: the end-day bound reads it
    ],
)
def test_runs_in_a_span(interval: tuple[float, str] | None, seconds: int, runs: int | None) -> None:
    assert runs_in_span(interval, seconds) == runs


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Alarm every five minutes for 20 minutes please", "10:05", "10:20"),
        ("every 10 minutes for an hour", "10:10", "11:00"),
        ("remind me every 10 minutes for the next hour", "10:10", "11:00"),
        ("ping me every 15 minutes for 2 hours", "10:15", "12:00"),
        ("Set alarm every minute for 11 minutes", "10:01", "10:11"),
        ("every hour for the next 6 hours", "11:00", "16:00"),
    ],
)
def test_an_interval_for_a_span_ends(text: str, start: str, end: str) -> None:
    schedule = answer(text)["schedule"]
    assert schedule["start_at"] == f"2026-01-14T{start}:00Z"
    assert schedule["end_at"] == f"2026-01-14T{end}:00Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day at 9 meditate for 20 minutes", "0 9 * * * ?"),  # how long the task takes
        ("Set alarm for 30 minutes", "2026-01-14T10:30:00Z"),
        ("every 5 minutes for the next 2 days", "*/5 * * * *"),  # a day bound, as before
    ],
)
def test_a_span_that_is_no_bound(text: str, expected: str) -> None:
    assert read(text) == expected


# -- a look at one's reminders ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "looks"),
    [
        ("Show all reminders for tomorrow", True),
        ("list my reminders for tomorrow", True),
        ("read me my reminders for friday", True),
        ("tell me my reminders for tomorrow morning", True),
        ("show me my alarms for tomorrow", True),
        ("remind me tomorrow to show the reminders to Sam", False),
        ("set a reminder for tomorrow at 9", False),
    ],
)
def test_a_look_at_reminders(text: str, looks: bool) -> None:
    assert about_calendar(text) is looks


@pytest.mark.parametrize(
    "text",
    [
        "Show all reminders for tomorrow",
        "list my reminders for tomorrow",
        "show reminders for tomorrow",
    ],
)
def test_a_look_at_reminders_for_a_day_is_no_silent_reminder(text: str) -> None:
    result = answer(text)
    assert result["schedule"] is None or result["needs_confirmation"]


def test_reminders_shown_every_morning_are_a_job() -> None:
    assert read("show me my reminders every morning at 8") == "0 8 * * *"


# -- a weekday beside a day of the month -----------------------------------------------------


@pytest.mark.parametrize(
    ("today", "weekday", "day", "found", "coming"),
    [
        (date(2026, 1, 14), 4, 15, date(2026, 1, 15), date(2026, 1, 15)),  # Thursday the 15th
        (date(2026, 1, 14), 4, 12, date(2026, 2, 12), date(2026, 2, 12)),  # Thursday the 12th
        (date(2026, 1, 14), 1, 1, date(2026, 6, 1), date(2026, 2, 1)),  # Monday the 1st
        (date(2026, 1, 14), 3, 14, date(2026, 1, 14), date(2026, 1, 14)),  # today
        (date(2026, 1, 31), 6, 31, date(2026, 1, 31), date(2026, 1, 31)),  # Saturday the 31st
        (date(2026, 2, 1), 2, 31, date(2026, 3, 31), date(2026, 3, 31)),  # no February 31st
    ],
)
def test_the_weekday_beside_a_day_of_the_month(
    today: date, weekday: int, day: int, found: date, coming: date
) -> None:
    assert weekday_monthday_ahead(today, weekday, day) == (found, coming)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schedule a dinner at 3pm on Monday the 1st with Alex.", "2026-06-01T15:00:00Z ?"),
        ("remind me on Monday the 1st at 3pm", "2026-06-01T15:00:00Z ?"),
        ("remind me on Thursday the 15th at 3pm", "2026-01-15T15:00:00Z"),
        ("remind me on Sunday the 1st at 3pm", "2026-02-01T15:00:00Z"),
    ],
)
def test_a_weekday_the_coming_day_is_not_asks(text: str, expected: str) -> None:
    assert read(text) == expected


# -- an ordinal written as a word before "with" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Schedule a conference at 6 pm on the tenth with sales team.", "2026-02-10T18:00:00Z"),
        ("remind me on the first with Bob at 6 pm", "2026-02-01T18:00:00Z"),
        ("remind me at 6 pm on the twelfth about rent", "2026-02-12T18:00:00Z"),
    ],
)
def test_an_ordinal_before_with_is_the_day(text: str, day: str) -> None:
    assert answer(text)["schedule"]["datetime"] == day


def test_an_ordinal_before_a_noun_still_counts_a_thing() -> None:
    assert answer("the first person with a key")["schedule"] is None


# -- someone's words quoted and attributed ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('"The situation really is deteriorating every day," she said.', "she said"),
        ('"We report it every week," said tricycle driver Jun Reyes, 52.', "said"),
        ('"The trend is that it seems to be doubling every year," he said.', "he said"),
        ('"It is in our interests," he told BBC radio.', "he told"),
        ('"We meet every Monday," Paul Moskal said.', "Paul Moskal said"),
        ("“He came in every morning,” she said.", "she said"),
        ('Remind me every Monday at 9 to tell mom "I love you"', None),
        ('Post "Standup time!" every weekday at 9:30', None),
        ('the bot says "Standup time!" every weekday at 9:30', None),
        ("every day at 9, she said", None),  # no quotation
    ],
)
def test_quoted_speech(text: str, said: str | None) -> None:
    assert quoted_speech(text) == said


@pytest.mark.parametrize(
    "text",
    [
        '"The situation really is deteriorating every day," she said.',
        '"Plant this in your garden and water it every day," he said with a mysterious smile.',
        '"We meet every Monday at 9," said the coach.',
    ],
)
def test_quoted_speech_is_no_silent_job(text: str) -> None:
    result = answer(text)
    assert result["schedule"] is None or result["needs_confirmation"]


# -- the rest of the day ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("remind me every 2 hours until the end of the day", "0 */2 * * *"),
        ("remind me every 2 hours until end of day", "0 */2 * * *"),
        ("every hour for the rest of today", "0 * * * *"),
        ("re-arm it every 30 minutes for the rest of the day.", "*/30 * * * *"),
    ],
)
def test_an_interval_for_the_rest_of_the_day_ends_tonight(text: str, expression: str) -> None:
    schedule = answer(text)["schedule"]
    assert schedule["expression"] == expression
    assert schedule["end_at"] == "2026-01-14T23:59:59Z"


@pytest.mark.parametrize(
    "text", ["take the rest of the day off", "remind me to rest for the rest of the day"]
)
def test_the_rest_of_the_day_alone_is_no_schedule(text: str) -> None:
    assert answer(text)["schedule"] is None


# -- an hour and its minutes said apart ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("set an alarm for 6 30 am", ClockTime(6, 30, "am", False)),
        ("alarm for 5 15 PM", ClockTime(5, 15, "pm", False)),
        ("set alarm at 11 05 p.m.", ClockTime(11, 5, "pm", False)),
        ("wake me up at 6 30", ClockTime(6, 30, None, False, digital=True)),
        ("meet at 18 30", ClockTime(18, 30, None, True, digital=True)),
        ("set an alarm for 7 30 tomorrow", ClockTime(7, 30, None, False, digital=True)),
    ],
)
def test_a_spaced_clock_is_one_time(text: str, clock: ClockTime) -> None:
    assert [t.value for t in tokenize(text) if t.kind == "time"] == [clock]


@pytest.mark.parametrize(
    "text",
    [
        "every 2 30 minutes",  # two numbers, then a unit
        "at 6 30 minutes past",
        "take 2 30 mg pills",  # no "at" or "for" before
        "at 6 75",  # no such minute
        "for 13 30 pm",  # no 13 pm
    ],
)
def test_numbers_that_are_no_spaced_clock(text: str) -> None:
    assert not any(
        t.kind == "time" and t.value.minute
        for t in tokenize(text)  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wake me up at 6 30", "2026-01-15T06:30:00Z"),
        ("set an alarm for 7 30 pm", "2026-01-14T19:30:00Z"),
        ("remind me at 4 30 pm to call mom", "2026-01-14T16:30:00Z"),
        ("every day at 7 30 am", "30 7 * * *"),
    ],
)
def test_a_spaced_clock_in_a_sentence(text: str, expected: str) -> None:
    assert read(text) == expected
