"""Round six's refusal families (phrases like those of tests/parsers/outside/t6_refusals.txt, in
other words) and their near misses: days of the week that narrow each other ("every Monday on
Tuesdays"), a part of the day that disagrees with the time ("every morning at 8pm"), "last
night", a day many months or years lack ("every month on the 31st", "every year on February
29"), how often without saying ("periodically", "now and then", "at some point", "first
thing"), a time counted from an undated event ("two days in advance"), a look at a calendar or
an entry in it ("show me my meetings on Friday"), "repeating" with one run, "should I …?"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.build import in_part_of_day
from agentcron.parsers.understand import about_calendar

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday, 10:00 UTC


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


def _refused(text: str) -> dict[str, Any]:
    answer = _read(text)
    assert answer["schedule"] is None, answer
    return answer


def _asks(text: str) -> dict[str, Any]:
    answer = _read(text)
    assert answer["schedule"] is not None and answer["needs_confirmation"], answer
    return answer


def _answered(text: str) -> dict[str, Any]:
    answer = _read(text)
    assert answer["schedule"] is not None and not answer["needs_confirmation"], answer
    return dict(answer["schedule"])


# -- days of the week that narrow each other -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "every Monday on Tuesdays",
        "weekdays on Saturday",
        "every weekday on Sunday at 9am",
        "weekends on Monday at 9am",
        "post the digest every Friday on Wednesdays at 4pm",
        "each Thursday during weekends",
    ],
)
def test_days_of_the_week_that_disagree_are_refused(text: str) -> None:
    assert "different days of the week" in _refused(text)["reason"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("every Monday and Tuesday at 9am", "1,2"),
        ("every Monday, every Tuesday at 9am", "1,2"),
        ("Mondays and Wednesdays at 9am", "1,3"),
        ("every Mon on Mon at 9am", "1"),  # said twice, the same day
        ("every weekday on weekdays at 9am", "1-5"),
    ],
)
def test_days_in_a_list_or_said_twice_are_read(text: str, field: str) -> None:
    assert _answered(text)["expression"] == f"0 9 * * {field}"


# -- a part of the day and a time that disagree ------------------------------------------------


@pytest.mark.parametrize(
    ("part", "hour", "fits"),
    [
        ("morning", 5, True),
        ("morning", 11, True),
        ("morning", 12, False),
        ("morning", 20, False),
        ("afternoon", 13, True),
        ("afternoon", 7, False),
        ("evening", 19, True),
        ("evening", 7, False),
        ("night", 23, True),
        ("night", 2, True),
        ("night", 0, True),
        ("night", 9, False),
        ("night", 17, True),
        ("night", 14, False),
    ],
)
def test_the_hours_of_each_part_of_the_day(part: str, hour: int, fits: bool) -> None:
    assert in_part_of_day(part, hour) is fits


@pytest.mark.parametrize(
    "text",
    [
        "every morning at 8pm",
        "every evening at 7am",
        "tomorrow morning at 6pm",
        "every afternoon at 06:00",
        "every night at 9am on weekdays",
        "remind me every morning at 20:00 to stretch",
    ],
)
def test_a_part_of_the_day_and_a_time_outside_it_are_refused(text: str) -> None:
    assert "disagree" in _refused(text)["reason"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every night at 2am", "0 2 * * *"),
        ("every evening at 7:30", "30 19 * * *"),
        ("every morning at 06:00", "0 6 * * *"),
        ("every night at midnight", "0 0 * * *"),
        ("every afternoon at 1", "0 13 * * *"),
    ],
)
def test_a_time_inside_its_part_of_the_day_is_read(text: str, expression: str) -> None:
    assert _answered(text)["expression"] == expression


@pytest.mark.parametrize("text", ["last night at 11", "last evening", "last morning at 8am"])
def test_last_night_is_in_the_past(text: str) -> None:
    assert "in the past" in _refused(text)["reason"]


# -- days many months or years lack ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "every month on the 31st",
        "monthly on the 31st at 5pm",
        "the 31st of every month",
        "every 31st",
        "every month on the 1st and 31st",
        "every year on february 29",
        "every Feb 29th at noon",
    ],
)
def test_a_day_many_months_or_years_lack_asks(text: str) -> None:
    answer = _asks(text)
    assert any("31st" in note or "leap years" in note for note in answer["notes"]), answer


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every month on the 30th at 9am", "0 9 30 * *"),
        ("every January 31 at 9am", "0 9 31 1 *"),
        ("on the 31st of January and March every year at 9am", "0 9 31 1,3 *"),
        ("the last day of every month at 9am", "0 9 L * *"),
    ],
)
def test_a_day_every_named_month_has_is_read(text: str, expression: str) -> None:
    assert _answered(text)["expression"] == expression


# -- how often, without saying; times counted from an undated event ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "periodically on Mondays",
        "frequently on weekdays at 9am",
        "now and then on Fridays at 4pm",
        "every now and again at 9am",
        "once in a while on Saturdays",
        "at some point tomorrow",
        "first thing tomorrow",
        "first thing Monday morning",
        "at random times on weekdays",
        "sporadically on weekends",
        "as needed on Mondays",
        "remind me about my anniversary in one day advance",
        "remind me two days in advance of the deadline at 9am",
        "remind me an hour beforehand tomorrow at 2pm",
        "send the agenda a day ahead of the meeting on friday",
        "email the team prior to the review on Thursday at 3pm",
        "on tuesday you are supposed to have a meeting",
    ],
)
def test_vague_or_event_bound_times_ask(text: str) -> None:
    answer = _read(text)  # asked about, or refused ("an hour beforehand tomorrow": two times)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the first Monday of every month at 9am", "0 9 * * 1#1"),
        ("every 5 minutes from now", "*/5 * * * *"),
    ],
)
def test_first_and_now_alone_are_read(text: str, expression: str) -> None:
    assert _answered(text)["expression"] == expression


# -- a look at a calendar, or an entry in it ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("show me my calendar event this friday afternoon", True),
        ("tell my meetings for tomorrow morning", True),
        ("can you list my appointments for Monday", True),
        ("check if alarm is set for six am", True),
        ("check whether my meeting is at 3pm", True),
        ("clear my calendar for saturday", True),
        ("please read me today's agenda", True),
        ("take the 8am meeting off my calendar", True),
        ("put the dentist on the calendar for Friday", True),
        ("delete lunch with steve on friday please", True),
        ("cancel my dinner tomorrow", True),
        ("remove my appointment with the dentist on saturday", True),
        ("delete old logs on friday", False),
        ("cancel the subscription on Friday at 5pm", False),
        ("Tell me a joke in 10 minutes", False),
        ("check the logs tomorrow at 9", False),
        ("clear the cache at 3am tomorrow", False),
        ("remind me to call the vet on Friday", False),
    ],
)
def test_what_looks_at_a_calendar(text: str, about: bool) -> None:
    assert about_calendar(text) is about


@pytest.mark.parametrize(
    "text",
    [
        "show me my calendar event this friday afternoon",
        "tell my meetings for tomorrow morning",
        "check if alarm is set for six am",
        "clear my calendar for saturday",
        "keep april 2nd wide open on my calendar please",
        "i want to take the 8am meeting with sam on monday the 5th off my calendar",
    ],
)
def test_a_calendar_look_with_one_time_asks(text: str) -> None:
    _asks(text)


def test_a_calendar_look_that_repeats_is_a_job() -> None:
    assert _answered("show me my calendar every morning at 8")["expression"] == "0 8 * * *"


# -- "repeating" with one run; questions ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "set a repeating reminder alarm for the facebook event on seventh april",
        "set a recurring reminder for friday at 3pm",
        "add a repeating task on March 18 at noon",
    ],
)
def test_repeating_with_one_run_asks(text: str) -> None:
    _asks(text)


def test_repeating_with_a_frequency_is_read() -> None:
    assert _answered("every monday, repeating, at 9am")["expression"] == "0 9 * * 1"


@pytest.mark.parametrize(
    "text",
    ["Should I remind myself tomorrow?", "should we run the backup every night at 2am"],
)
def test_should_i_is_a_question(text: str) -> None:
    assert "question" in _refused(text)["reason"]


@pytest.mark.parametrize(
    "text", ["daily on Mondays", "run daily on Sunday at 3am", "we meet daily sunday 4pm"]
)
def test_daily_and_one_day_of_the_week_ask(text: str) -> None:
    _asks(text)


@pytest.mark.parametrize("text", ["daily on weekdays at 9am", "daily Mon-Fri at 9am"])
def test_daily_on_a_range_of_days_is_read(text: str) -> None:
    assert _answered(text)["expression"] == "0 9 * * 1-5"


@pytest.mark.parametrize(
    "text",
    ["sounds good, see you Monday", "talk to you tomorrow at 9", "ok catch you friday at 5pm"],
)
def test_small_talk_with_a_day_asks(text: str) -> None:
    _asks(text)


def test_see_you_inside_a_repeating_job_is_its_task() -> None:
    text = "send the newsletter every Monday at 9am to everyone who wants to see you"
    assert _answered(text)["expression"] == "0 9 * * 1"
