"""Round fifteen's listings and habits: a round's day told in the passive, a job kept to one
day, a typo'd ordinal, the last weekday of a named month once, a start date that passed lately,
a version number, a frequency glued to its noun, questions and wishes that state a schedule,
a habit with holidays left out, and "always" said of a state."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.build import start_passed_lately
from agentcron.parsers.howto import POSSIBLE_NOTE, WISH_NOTE, asks_if_possible
from agentcron.parsers.timetable import habitual_verb, without_holiday_exception

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> tuple[dict | None, bool]:
    result = understand_fast(text, timezone="UTC", now=NOW)
    return result.schedule, result.needs_confirmation


def _words(text: str) -> frozenset[str]:
    import re

    return frozenset(re.findall(r"[a-z]+", text.lower()))


def test_a_rounds_passive_verb_is_a_habit_only_beside_what_a_round_collects() -> None:
    text = "yard waste is collected on wednesday."
    assert habitual_verb(text, _words(text)) == "is collected"
    text = "recycling is picked up on tuesday"
    assert habitual_verb(text, _words(text)) == "is picked up"
    text = "the package is picked up on friday"
    assert habitual_verb(text, _words(text)) is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Yard waste is collected on Wednesday.", "0 9 * * 3"),
        ("Recycling is picked up on Tuesday", "0 9 * * 2"),
        ("[CWS] only run btfhub sync job on Friday", "0 9 * * 5"),
        ("Mass on Saturday evening will remain at 4:30 p.m. all year round.", "30 16 * * 6"),
        ("Enjoy songs and stories the firs Saturday of each month.", "0 9 * * 6#1"),
        ("how to set every month first date start job", "0 9 1 * *"),
        ("on the first date of each month at 9am", "0 9 1 * *"),
        ("BUILD: run nightly builds at 2am on 1.2.x", "0 2 * * *"),
        ("run nightly builds at 2am on 2.x", "0 2 * * *"),
        ("DTSPO-13810 reschedule nightlybuilds to start at 8am", "0 8 * * *"),
    ],
)
def test_habits_and_loosely_said_recurrences(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule.get("expression") == expression


def test_the_package_picked_up_on_friday_stays_once() -> None:
    schedule, _ = _read("the package is picked up on Friday")
    assert schedule is not None and schedule["type"] == "at"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Last weekday in March", "2026-03-31T09:00:00Z"),
        ("last business day in March", "2026-03-31T09:00:00Z"),
        ("the last weekday of May at 5pm", "2026-05-29T17:00:00Z"),
    ],
)
def test_the_last_weekday_of_a_named_month_is_once_and_asked(text: str, day: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["datetime"] == day
    assert asked


def test_every_last_weekday_of_a_month_still_repeats() -> None:
    schedule, _ = _read("every last weekday in March")
    assert schedule is not None and schedule["expression"] == "0 9 LW 3 *"
    schedule, _ = _read("last weekday of the month")
    assert schedule is not None and schedule["expression"] == "0 9 LW * *"


def test_start_passed_lately() -> None:
    today = date(2026, 1, 14)
    assert start_passed_lately(1, 2, today=today, start=date(2027, 1, 2))
    assert start_passed_lately(12, 20, today=today, start=date(2026, 12, 20))
    assert not start_passed_lately(9, 20, today=today, start=date(2026, 9, 20))  # months ago
    assert not start_passed_lately(10, 6, today=today, start=date(2026, 10, 6))
    assert not start_passed_lately(2, 29, today=date(2026, 3, 1), start=date(2028, 2, 29))


def test_a_start_that_passed_weeks_ago_asks_and_keeps_its_answer() -> None:
    result = understand_fast("every other Friday starting Jan 2", timezone="UTC", now=NOW)
    assert result.schedule is not None and result.needs_confirmation
    assert any("has passed lately" in note for note in result.notes)
    result = understand_fast("every Tuesday at 8 pm starting October 6th", timezone="UTC", now=NOW)
    assert not result.needs_confirmation


def test_questions_and_wishes_that_state_a_schedule() -> None:
    assert asks_if_possible("Is it possible to run a file at midnight?", "is") == POSSIBLE_NOTE
    assert asks_if_possible("is there a way to trigger it every Monday", "is") == POSSIBLE_NOTE
    assert asks_if_possible("Is it possible to see which jobs run at 5?", "is") is None
    assert asks_if_possible("What I'd like to do is send it at 9", "what") == WISH_NOTE
    assert asks_if_possible("What time is it?", "what") is None
    assert asks_if_possible("send it at 9", "send") is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "Is it possible to run a specific file at first of every month at midnight??",
            "0 0 1 * *",
        ),
        (
            "What I'd like to do is let Parabol send around a notification with the topics "
            "that are on the agenda every Monday morning at 900AM.",
            "0 9 * * 1",
        ),
        (
            "Meetings are held each Tuesday night from 7 PM to 8:30 PM, except for legal and "
            "(District 20) school holidays, and will follow the format designated by the "
            "Patrol Leaders Council (PLC).",
            "0 19 * * 2",
        ),
    ],
)
def test_answered_and_asked(text: str, expression: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == expression
    assert asked


def test_holidays_left_out_of_a_habit_told() -> None:
    kept = without_holiday_exception("The club meets every Thursday at 6pm except school holidays")
    assert kept == ("The club meets every Thursday at 6pm", "except school holidays")
    assert without_holiday_exception("every Tuesday at 7pm except holidays") is None
    schedule, _ = _read("every Tuesday at 7pm except holidays")  # a request: refused, as before
    assert schedule is None


@pytest.mark.parametrize(
    "text",
    [
        "My municipality picks up recycling on the first and third Tuesday of every month and "
        "there's currently no way to create a single task recurring at this schedule.",
        "The meeting starts at 9:30 a.m. and guests are always welcome.",
    ],
)
def test_statements_ask(text: str) -> None:
    _, asked = _read(text)
    assert asked


def test_a_thing_done_in_the_passive_asks() -> None:
    from agentcron.parsers.narration import process_described

    text = "Metrics are collected every 5 minutes automatically"
    assert process_described(text, _words(text)) is not None
    text = "This test is only run on Fridays"
    assert process_described(text, _words(text)) is not None
    text = "run the backup every day at 2am"
    assert process_described(text, _words(text)) is None


def test_a_rounds_day_named_is_weekly() -> None:
    schedule, _ = _read("Trash day is Thursday")
    assert schedule is not None and schedule["expression"] == "0 9 * * 4"


def test_alternate_weeks_told_ask_which_weeks() -> None:
    from agentcron.parsers.timetable import alternate_weeks_told

    assert alternate_weeks_told("The recycling is picked up on alternate Wednesdays.")
    assert alternate_weeks_told("The club meets every other Thursday at 7pm")
    assert alternate_weeks_told("every other Friday at 5pm") is None
    _, asked = _read("every other Friday at 5pm")
    assert not asked


def test_a_recurring_kinds_hour_not_said_asks() -> None:
    from agentcron.parsers.listings import recurring_kind

    assert recurring_kind("Mass is celebrated daily in the church or chapel.") == "mass"
    assert recurring_kind("restart the server daily") is None
    _, asked = _read("Mass is celebrated daily in the church or chapel.")
    assert asked


@pytest.mark.parametrize(
    "text", ["It runs two times every 5 minutes.", "call two times every second"]
)
def test_so_many_times_every_short_period_asks(text: str) -> None:
    _, asked = _read(text)
    assert asked


def test_business_hours_that_only_frame_the_time_named() -> None:
    schedule, asked = _read("update daily at 15:00 UTC during business hours")
    assert schedule is not None and schedule["expression"].startswith("0 15 ")
    assert asked
    schedule, _ = _read("every day at 8pm during business hours")  # outside them: which?
    assert schedule is None


def test_a_regions_line_among_others_asks() -> None:
    from agentcron.parsers.labels import region_label

    assert region_label("* US:   Weekly on Wednesdays at 10:00am GMT-7") is not None
    assert region_label("APAC: Tuesdays at 13:00 GMT+11") is not None
    assert region_label("Note: every Monday at 9am") is None
    _, asked = _read("* US:   Weekly on Wednesdays at 10:00am GMT-7")
    assert asked


def test_when_the_day_begins() -> None:
    schedule, _ = _read(
        "- [x] When it becomes Monday (UTC), create a new GitHub Issue using a template."
    )
    assert schedule is not None and schedule["expression"] == "0 0 * * 1"
    schedule, _ = _read("when it becomes dark turn on lights")
    assert schedule is None


def test_what_an_event_offers_its_audience_asks() -> None:
    from agentcron.parsers.narration import offered_to_audience

    text = "Wednesday, July 22 — Kids will enjoy a Scavenger Hunt!"
    assert offered_to_audience(text, _words(text)) is not None
    text = "remind the kids at 5pm"
    assert offered_to_audience(text, _words(text)) is None
    _, asked = _read("Wednesday, July 22 — Kids will enjoy a Scavenger Hunt!")
    assert asked


def test_a_bound_beside_the_schedule_is_no_exception() -> None:
    schedule, _ = _read(
        "The board generally meets on the second Monday of each month at 6:00 p.m., but no "
        "less than quarterly, to conduct business."
    )
    assert schedule is not None and schedule["expression"] == "0 18 * * 1#2"


def test_when_a_place_is_closed_or_a_thing_available_asks() -> None:
    from agentcron.parsers.narration import state_told

    text = "Market is closed on Thursdays from 18:00 onwards"
    assert state_told(text, _words(text)) is not None
    text = "remind me the office is closed on Friday at 9am"
    assert state_told(text, _words(text)) is None
    _, asked = _read("Market is closed on Thursdays from 18:00 onwards")
    assert asked
