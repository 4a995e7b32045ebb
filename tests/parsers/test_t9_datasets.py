"""Round nine (datasets9): what people say to voice assistants, as public NLU datasets and
skills' tests hold it (SLURP, Mycroft's alarm and timer skills, Neon's alerts skill).

The families fixed: the clock said in hundreds as speech-to-text writes it ("five hundred and
thirty am", "one thousand one hundred am"), timers asked for in more ways ("another timer for
5 minutes", "begin timer 2 minutes", "a ten minute timer"), an alarm with no time (asked: its
time is the point of it), and a question about what is set ("confirm i have set an alarm").
The family phrases below come from the same sources (SLURP's test, development and
language-model text; Mycroft's skills' tests).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.grammar import hundreds_clock
from agentcron.parsers.task_part import names_an_alarm
from agentcron.parsers.tokens import ClockTime
from tests.parsers.reading import brief

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str) -> str | None:
    """The schedule in brief: a cron expression or an ISO time, "?" when it asks first."""
    return brief(understand_fast(text, timezone="UTC", now=NOW).to_dict())


# -- the clock in hundreds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "meridiem", "military", "clock"),
    [
        (5, 30, "am", False, ClockTime(5, 30, "am", False)),  # "five hundred and thirty am"
        (2, 0, "pm", False, ClockTime(2, 0, "pm", False)),  # "two hundred pm"
        (11, 0, "am", True, ClockTime(11, 0, "am", False)),  # "one thousand one hundred am"
        (18, 0, None, False, ClockTime(18, 0, None, True)),  # "eighteen hundred"
        (9, 0, None, True, ClockTime(9, 0, None, True)),  # "nine hundred hours"
        (12, 0, None, False, ClockTime(12, 0, None, True)),  # "twelve hundred": noon
        (8, 0, None, False, ClockTime(8, 0, None, False)),  # "eight hundred": a bare 8
        (1, 30, None, False, None),  # "one hundred and thirty": a number (asked, as no time)
        (18, 0, "pm", False, None),  # "eighteen hundred pm": no such time
    ],
)
def test_a_clock_said_in_hundreds(
    hour: int, minute: int, meridiem: str | None, military: bool, clock: ClockTime | None
) -> None:
    assert hundreds_clock(hour, minute, meridiem, military) == clock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i need an alarm set for five hundred and thirty am tomorrow", "2026-01-15T05:30:00Z"),
        ("please set an alarm for seven hundred and thirty am tomorrow", "2026-01-15T07:30:00Z"),
        (
            "remind me i take mom to the hairdresser's thursday at one thousand one hundred am",
            "2026-01-15T11:00:00Z",
        ),
        (
            "add to calendar dr k at three hundred and thirty pm on march seven",
            "2026-03-07T15:30:00Z",
        ),
        (
            "can you schedule a meeting with mr chen on next monday six hundred pm",
            "2026-01-19T18:00:00Z",
        ),
        (
            "don't let me forget i have a parent teacher conference this monday at four hundred pm",
            "2026-01-19T16:00:00Z",
        ),
        (
            "fill my calendar with a meeting with garvin and trilly for december fifth at five "
            "hundred and thirty pm",
            "2026-12-05T17:30:00Z",
        ),
        (
            "i need a repeating reminder for every monday at three hundred and thirty pm",
            "30 15 * * 1",
        ),
        (
            "i need to set an alarm tomorrow at one thousand two hundred pm to remind me to take "
            "my medication",
            "2026-01-15T12:00:00Z",
        ),
        ("Remind me at eighteen hundred to call mum", "2026-01-14T18:00:00Z"),
        ("Remind me at nine hundred hours to call the bank", "2026-01-15T09:00:00Z"),
        ("Remind me at zero nine hundred to call the bank", "2026-01-15T09:00:00Z"),
    ],
)
def test_the_spoken_clock_in_hundreds_is_read(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "can you set the alarm for one hundred and thirty",  # 1:30 or 13:30?
        "i need a reminder at two hundred every day to check on my mother",  # 2 am or 2 pm?
    ],
)
def test_a_bare_early_hour_in_hundreds_is_asked(text: str) -> None:
    assert (read(text) or "?").endswith("?")


@pytest.mark.parametrize(
    "text",
    [
        "activate radio and tune into nine hundred and eighty nine",
        "book a taxi for eight hundred people",
    ],
)
def test_hundreds_that_are_no_time_stay_refused(text: str) -> None:
    assert read(text) is None


# -- timers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("can you give me a ten minute timer", 10),
        ("begin timer 2 minutes", 2),
        ("second timer 20 minutes", 20),
        ("start another timer for 5 minutes", 5),
        ("set one more timer for 10 minutes", 10),
        ("set a new timer for 15 minutes", 15),
        ("put on a timer for 20 minutes", 20),
        ("get me a 5 minute timer", 5),
        ("add a timer for 3 minutes", 3),
        ("set up a timer for 10 minutes", 10),
    ],
)
def test_a_timer_asked_for_in_other_words(text: str, minutes: int) -> None:
    assert read(text) == f"2026-01-14T10:{minutes:02d}:00Z"


@pytest.mark.parametrize(
    "text", ["second timer", "one more timer", "start another timer", "stop the 5 minute timer"]
)
def test_a_timer_without_its_length_or_stopped_is_refused(text: str) -> None:
    assert read(text) is None


# -- an alarm with no time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "alarm"),
    [
        ("set a recurring alarm for mondays", True),
        ("wake me up tomorrow", True),
        ("a wake-up call on friday", True),
        ("get me up on saturday", True),
        ("alarm tomorrow", True),
        ("the fire alarm test is on friday", False),
        ("check the alarm system every monday", False),
        ("remind me tomorrow", False),
        ("pick up the kids on friday", False),
    ],
)
def test_names_an_alarm(text: str, alarm: bool) -> None:
    assert names_an_alarm(text) is alarm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("set a recurring alarm for mondays", "0 9 * * 1 ?"),
        ("create a repeating alarm for weekdays", "0 9 * * 1-5 ?"),
        ("set a recurring alarm for weekends", "0 9 * * 6,0 ?"),
        ("set an alarm for tomorrow", "2026-01-15T09:00:00Z ?"),
        ("wake me up tomorrow", "2026-01-15T09:00:00Z ?"),
        # a reminder's day alone is 9:00, as before
        ("remind me tomorrow", "2026-01-15T09:00:00Z"),
        ("remind me every monday", "0 9 * * 1"),
        # an alarm with its time is not asked about
        ("set an alarm every wednesday at 11 am", "0 11 * * 3"),
    ],
)
def test_an_alarm_with_no_time_is_asked(text: str, expected: str) -> None:
    assert read(text) == expected


# -- a question about what is set ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "confirm i have set an alarm for six am",
        "just to confirm you set the alarm to go off at eight hundred",
        "can you check that my alarm is set for 7 am",
        "verify i have a reminder at noon",
        "check if i have an alarm at six",
        "double check that the morning alarm is set for 6:30",
    ],
)
def test_a_question_about_what_is_set_is_refused(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("check my email at 9 am every day", "0 9 * * *"),
        ("confirm the booking at 5 pm tomorrow", "2026-01-15T17:00:00Z"),
    ],
)
def test_checking_something_at_a_time_is_still_a_request(text: str, expected: str) -> None:
    assert read(text) == expected


# -- a wake word before a question; a message told to others ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "olly do i have any openings on my schedule for tomorrow",
        "hey siri what is on my calendar tomorrow",
        "alexa what's on my calendar for today",
        "ok google when is my next meeting",
    ],
)
def test_a_question_after_a_wake_word_is_refused(text: str) -> None:
    assert read(text) is None


def test_a_request_after_a_wake_word_is_read() -> None:
    assert read("olly remind me to call mom at 5 pm") == "2026-01-14T17:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "inform my group that the new meeting date is tomorrow",
        "tell john that the party is on friday",
        "please let everyone know that the office is closed tomorrow",
        "text mom that i'll be late tonight",
        "can you tell john that the party is on friday",
        "could you inform the team that the deadline is monday",
    ],
)
def test_a_message_told_to_others_with_its_own_day_is_refused(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tell me that it's time to leave at 5 pm", "2026-01-14T17:00:00Z"),
        ("let me know that the package arrives tomorrow", "2026-01-15T09:00:00Z"),
    ],
)
def test_telling_me_is_a_reminder(text: str, expected: str) -> None:
    assert read(text) == expected


def test_a_sentence_after_that_keeps_its_time_when_said_in_words() -> None:
    # "at eight am tomorrow" is the run; "a lunch meeting at noon" the message's
    text = (
        "remind me at eight am tomorrow that i have a lunch meeting at noon in the conference room"
    )
    assert read(text) == "2026-01-15T08:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "can i know what i have to do the next saturday at six pm",
        "can i see when my next meeting is",
    ],
)
def test_can_i_know_what_is_a_question(text: str) -> None:
    assert read(text) is None


def test_a_first_name_alone_is_no_holiday() -> None:
    assert read("set a birthday event for martin") is None  # not Martin Luther King Jr. Day
    assert read("remind me on martin luther king day") == "2026-01-19T09:00:00Z"


def test_a_house_number_in_hundreds_is_no_time() -> None:
    assert hundreds_clock(1, 23, None, False) is None  # "at one hundred and twenty three main"
