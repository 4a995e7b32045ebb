"""The refusal side, round seven: texts whose schedule reads fine but which should be asked
about — and their neighbours that should still be answered surely. Each family in words of
our own."""

from __future__ import annotations

import pytest

from agentcron.parsers import doubts
from tests.parsers.reading import asks as _asks
from tests.parsers.reading import once as _once
from tests.parsers.reading import read as _read

# -- a bare hour: 8 to 11 is the morning, asked; context settles it ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "remind me to call Rohan at 9",
        "remind me at 8 to walk the dog",
        "every Monday at 8 take out the trash",
        "tomorrow at 10 call the bank",
        "ring the bank at eleven",
    ],
)
def test_a_bare_morning_hour_is_read_in_the_morning_and_asked(text: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"], answer
    assert answer["schedule"] is not None


def test_a_bare_morning_hour_on_a_day_named_alone_is_noted() -> None:
    # "tomorrow at 10" with nothing else: that day's morning, noted (parsers/asks.py)
    answer = _read("tomorrow at 10")
    assert not answer["needs_confirmation"], answer
    assert '"10" read as 10am; say "10pm" for the evening' in answer["notes"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("remind me every weekday at 7 to leave for work", "0 7 * * 1-5"),
        ("every day at 8 for breakfast", "0 8 * * *"),
        ("every day at 8 for dinner", "0 20 * * *"),
        ("daily at 10 to go to bed", "0 22 * * *"),
        ("every Friday at 1 for lunch", "0 13 * * 5"),
    ],
)
def test_working_days_and_the_tasks_words_settle_a_bare_hour(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression, answer


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("remind me at 8 for dinner", "2026-01-14T20:00:00Z"),
        ("remind me at 7 to get up", "2026-01-15T07:00:00Z"),
        ("at 9 tomorrow, wake me up", "2026-01-15T09:00:00Z"),
        ("remind me at 9pm to call Rohan", "2026-01-14T21:00:00Z"),
    ],
)
def test_a_settled_hour_is_answered_surely(text: str, instant: str) -> None:
    assert _once(text) == instant


def test_dinner_written_with_am_is_read_as_said() -> None:
    assert _read("dinner prep at 8am")["schedule"]["datetime"] == "2026-01-15T08:00:00Z"


def test_get_up_to_speed_is_not_waking() -> None:
    answer = _read("get up to speed on the project at 8")
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize("text", ["1:30", "at 3:45", "remind me at 2:15 to stretch"])
def test_a_lone_small_hours_time_asks(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize("text", ["monday 2:35", "every day at 4:30", "tomorrow at 1:00"])
def test_a_small_hours_time_with_a_day_is_the_24_hour_clock(text: str) -> None:
    assert not _read(text)["needs_confirmation"], _read(text)


def test_a_conversion_settles_a_bare_time() -> None:
    answer = _read("every day at 8:00 IST (02:30 UTC)")
    assert answer["schedule"]["expression"] == "0 8 * * *" and not answer["needs_confirmation"]


# -- parts of the day without a time ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this afternoon",
        "remind me each afternoon to drink water",
        "call mom tonight",
        "every night",
        "every Sunday night clean up stale branches",
    ],
)
def test_a_disputed_part_of_the_day_without_a_time_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None and answer["needs_confirmation"], answer


@pytest.mark.parametrize("text", ["every morning", "every evening"])
def test_the_parts_apps_agree_on_are_answered(text: str) -> None:
    assert not _read(text)["needs_confirmation"]


# -- texts that request nothing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The train leaves at 6pm. Please bring the tickets.",
        "My shift starts at 7 AM. Can you keep the notes until then?",
        "Our release is scheduled for Friday. Let me know if anything breaks.",
        "tomorrow is the deadline",
        "next Friday is a holiday",
        "Your order ships on Monday",
        "Lunch at noon? Works for me",
        "are we still on for 3pm tomorrow?",
    ],
)
def test_statements_and_questions_are_asked_about(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("The train leaves at 06:20 tomorrow", "2026-01-15T06:20:00Z"),
        ("Can you remind me tomorrow at 3pm to call Sam?", "2026-01-15T15:00:00Z"),
        ("remind me on Friday at 4pm. Thanks!", "2026-01-16T16:00:00Z"),
    ],
)
def test_requests_beside_them_are_still_answered(text: str, instant: str) -> None:
    assert _once(text) == instant


def test_a_statement_whose_time_is_not_in_it_is_not_doubted() -> None:
    names_time = lambda sentence: "pm" in sentence  # noqa: E731
    assert (
        doubts.statement_then_request("The team is remote. Please ping us", names_time=names_time)
        is None
    )


# -- changes to something that exists -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "due Monday instead",
        "actually make it 5pm",
        "ok make it tomorrow",
        "the standup was moved to 10am",
        "the review is rescheduled to Thursday",
        "postpone the demo to Friday",
        "set a 6 am alarm in place of the 7 am one",
        "the review has been moved, put it on Friday",
        "alter the standup to repeat every Monday",
        "move my dentist appointment to Friday at 4pm",
    ],
)
def test_a_change_is_asked_about(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text",
    ["book a call with Ana at 4pm and remind me an hour before", "add lunch at 1pm and ping me"],
)
def test_an_event_and_its_reminder_are_two_requests(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our book club meets every first Tuesday of the month",
        "The chess society gathers on Fridays at 7pm",
        "the landlord said Monday",
        "Ana mentioned tomorrow at 3pm",
        "on Monday we merged the fix; revert it",
    ],
)
def test_descriptions_of_others_meetings_and_reported_days_are_asked_about(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text", ["meet every Monday at 9am", "remind me to meet Ana on Friday at 3pm"]
)
def test_a_request_to_meet_is_answered(text: str) -> None:
    assert not _read(text)["needs_confirmation"], _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "add bread to the list and schedule the plumber for Monday",
        "Choir is at 6pm, followed by dinner at 8pm every Thursday",
        "remind me on Friday tomorrow is the deadline",
    ],
)
def test_two_things_or_what_a_day_is_are_asked_about(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "move the logs to cold storage every Sunday at 2am",
        "the review tomorrow is at 3pm",
        "add milk and eggs to the list every Friday at 6pm",
    ],
)
def test_tasks_that_look_like_changes_or_two_requests_are_answered(text: str) -> None:
    assert not _read(text)["needs_confirmation"], _read(text)


def test_make_without_a_time_is_a_task() -> None:
    assert not _read("make coffee every day at 7am")["needs_confirmation"]


# -- alternatives across a slash, lists that go on ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Noon/Midnight UTC",
        "every day at 9am/9pm",
        "at 7:00 AM EDT / 6:00 AM EST daily",
        "at 9:00, 9:15, 9:30... etc.",
        "run at 8am, 10am, 12pm and so on",
    ],
)
def test_alternatives_and_lists_that_go_on_are_asked_about(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Monday at 6PM PT / 9PM ET", "0 18 * * 1"),  # a conversion: the first zone's
        ("on 12/23 at 3pm", None),  # (12/3 asks for its order: test_t10_tokens.py)
        ("Mon/Wed/Fri at 9am", "0 9 * * 1,3,5"),
    ],
)
def test_slashes_that_are_not_alternatives(text: str, expression: str | None) -> None:
    answer = _read(text)
    assert not answer["needs_confirmation"], answer
    if expression is not None:
        assert answer["schedule"]["expression"] == expression


# -- numeric dates where the day is written first ---------------------------------------------


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Europe/London", "Australia/Sydney"])
def test_a_date_both_ways_in_a_day_first_country_asks(zone: str) -> None:
    answer = _read("remind me on 5/6 about the dentist", zone)
    assert any("May 6" in note for note in answer["notes"]), answer  # the default order, MDY
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("remind me on 5/6 about the dentist", "America/New_York"),
        ("remind me on 5/6 about the dentist", "UTC"),  # no country: the documented default
        ("remind me on 20/6 about the dentist", "Asia/Kolkata"),  # only one reading
    ],
)
def test_a_date_read_as_its_country_writes_it_is_not_doubted(text: str, zone: str) -> None:
    notes = _read(text, zone)["notes"]
    assert not any("day first" in note for note in notes), notes


def test_a_chosen_date_order_is_not_doubted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENTCRON_DATE_ORDER", "DMY")
    answer = _read("on 5/6 at 9am", "Europe/London")
    assert answer["schedule"]["datetime"] == "2026-06-05T08:00:00Z"
    assert not answer["needs_confirmation"], answer


# -- examples that name the time the text leaves out ----------------------------------------


def test_examples_naming_times_make_a_defaulted_time_ask() -> None:
    answer = _read("This job runs every day (e.g. at midnight or hourly)")
    assert answer["schedule"]["expression"] == "0 9 * * *" and answer["needs_confirmation"]


def test_examples_beside_a_said_time_are_not_doubted() -> None:
    assert not _read("runs every day at 9am (e.g. the nightly report)")["needs_confirmation"]


# -- a reminder at several times, no day ----------------------------------------------------


def test_a_reminder_at_two_times_and_no_day_asks() -> None:
    answer = _read("remind me at 8am and 8pm to take my pills")
    assert answer["schedule"]["expression"] == "0 8,20 * * *" and answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text", ["post on Slack at 9am and 5pm", "remind me every day at 8am and 8pm to take my pills"]
)
def test_a_job_or_a_said_repetition_at_two_times_is_daily(text: str) -> None:
    assert not _read(text)["needs_confirmation"], _read(text)
