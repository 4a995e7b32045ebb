"""Telling a request from a statement, round eight: texts that name a time but ask for no
schedule — a reading of the clock, a condition, a time that names a thing, a message to others,
someone's doings told, a question after a word of talk — and their neighbours that are requests.
Each family in words of our own."""

from __future__ import annotations

import pytest

from agentcron.parsers import doubts
from tests.parsers.reading import asks as _asks
from tests.parsers.reading import read as _read

# -- a reading of the clock ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It is now 4:15pm",
        "it's currently 9am here",
        "right now it is 10:30 and the build is still red",
        "The current time is 18:05.",
        "the local time is 7am",
        "Today is Thursday, and the report is due",
    ],
)
def test_a_reading_of_the_clock_is_doubted(text: str) -> None:
    assert doubts.clock_reading(text) is not None
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "tell me when it is 5pm",
        "remind me once it's 6pm to stretch",
        "ping me until it is 11pm every hour",
        "every day at 9am",
        "it's time to check the logs every morning at 8",
    ],
)
def test_a_time_after_when_or_without_a_clock_reading_is_not_one(text: str) -> None:
    assert doubts.clock_reading(text) is None


# -- a condition ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If the disk is above 90%, run the cleanup at 02:00 tomorrow",
        "if you're in the office on Monday at 10am, water the plants",
        "Unless it rains, mow the lawn on Saturday at 10:00",
        "Given the same budget, also send the summary every Friday at 17:00",
        "in case the deploy fails, page me at 23:00",
    ],
)
def test_a_schedule_that_hangs_on_a_condition_is_asked(text: str) -> None:
    assert doubts.condition(text) is not None
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "if you want a reminder every 2nd Tuesday of the month",
        "If you need to run the report every Monday at 07:00",
        "if not, just run it every 5 days",
        "If possible, every day at 10:00",
        "remind me every day at 9am if I forget",
    ],
)
def test_a_request_said_politely_or_the_other_branch_is_no_condition(text: str) -> None:
    assert doubts.condition(text) is None


def test_a_polite_if_keeps_its_schedule_surely() -> None:
    answer = _read("If you need to run the report every Monday at 07:00")
    assert answer["schedule"]["expression"] == "0 7 * * 1"
    assert not answer["needs_confirmation"], answer


# -- a time that names a thing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I keep missing our 10:30 standup",
        "move the projector to my 2pm meeting",
        "who is on the 7 pm call",
        "book a taxi for tomorrow's 6am flight",
        "join my four o'clock session",
    ],
)
def test_a_time_that_names_a_meeting_is_doubted(text: str) -> None:
    assert doubts.time_names_a_thing(text) is not None
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "remind me 10 minutes before the 3pm meeting",
        "ping me an hour ahead of my 9am call",
        "every Monday at 9am",
        "the backup at 2am and the report at 6am",
        "set an alarm at 7am tomorrow",
    ],
)
def test_a_time_counted_from_or_a_time_to_run_names_nothing(text: str) -> None:
    assert doubts.time_names_a_thing(text) is None


# -- a message to others -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tell the team the demo is at 4pm",
        "notify everyone that the meeting will start at 9:15",
        "please let Dana know I'm running late for the 11am",
        "text mom that dinner is at 7pm",
        "send a message to the channel that the release is on Friday",
    ],
)
def test_a_time_in_a_message_to_others_is_doubted(text: str) -> None:
    assert doubts.message_to_others(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "tell me when it is 5pm",
        "notify me at 9am tomorrow",
        "please let us know every Friday at 4pm",
        "text me every morning at 7",
    ],
)
def test_a_message_to_me_is_a_request(text: str) -> None:
    assert doubts.message_to_others(text) is None


# -- someone's doings, told ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Priya set an alarm for 6:40 yesterday",
        "User receives the digest on Monday at 08:00",
        "Customers get the invoice on the 1st at 9am",
        "Marco sent the agenda at 10:15",
        "the nightly run's log reports 03:00",
    ],
)
def test_someones_doings_told_are_doubted(text: str) -> None:
    assert doubts.told(text) is not None
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Set an alarm for 6:40",
        "Google set my alarm for 7am",
        "Remind me at 5pm",
        "The set alarm for 9pm on Thursday",
        "Send the agenda at 10:15 tomorrow",
        "Every Monday at 9am",
    ],
)
def test_a_command_or_an_assistant_called_by_name_is_not_told(text: str) -> None:
    assert doubts.told(text) is None


# -- talk before a question or a statement ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ok so, what time does the backup run on Mondays at 02:00",
        "btw when is the demo tomorrow at 15:00",
        "hey, what's on tomorrow at 10:00",
        "no, i already have a meeting at 15:00 tomorrow",
        "well, I have practice on Tuesday at 18:00",
    ],
)
def test_a_word_of_talk_does_not_hide_a_question_or_a_statement(text: str) -> None:
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "ok so, remind me every Monday at 09:00 to check the backup",
        "hey, every weekday at 10:00 post the standup link",
        "no wait, every Friday at 16:00",
    ],
)
def test_a_word_of_talk_before_a_request_keeps_it_sure(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer
    assert not answer["needs_confirmation"], answer


# -- an announcement, an answer to an invitation, a time said of someone, a clause then a request --


@pytest.mark.parametrize(
    "text",
    [
        "The quarterly review is scheduled for next Tuesday at 14:00",
        "Our picnic is planned for Saturday at noon",
        "accept the invite for Thursday at 10:00",
        "decline my meeting on Friday at 16:00",
        "book a table for Sam, who lands at 19:30 on Friday",
        "It's our anniversary on Sunday, remind me to buy flowers",
        "There's a fire drill tomorrow. Remind me to bring my badge.",
    ],
)
def test_an_announcement_an_answer_or_a_time_said_of_someone_is_asked(text: str) -> None:
    assert _asks(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 9am, who cares about the rest", "0 9 * * *"),
        ("It's payday, so remind me every Friday at 17:00 to pay rent", "0 17 * * 5"),
    ],
)
def test_a_request_with_its_own_time_beside_a_statement_is_read(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer
    assert answer["schedule"]["expression"] == expression


def test_a_one_day_event_may_last_the_day() -> None:
    answer = _read("an appointment on Monday from noon to 4 pm")
    assert answer["schedule"] == {
        "type": "at",
        "datetime": "2026-01-19T12:00:00Z",
        "timezone": "UTC",
    }


@pytest.mark.parametrize("text", ["every Monday from 9am to 5pm", "mondays from 9am to 5pm"])
def test_a_long_window_beside_a_repeating_day_is_asked_at_its_start(text: str) -> None:
    # round seventeen: hours beside the days run at their start, asked (opening hours)
    answer = _read(text)
    assert answer["schedule"]["expression"] == "0 9 * * 1"
    assert answer["needs_confirmation"]


def test_a_size_or_a_name_written_with_x_is_not_a_count() -> None:
    answer = _read("book a recurring 1x1 meeting on the first monday of each month")
    assert answer["schedule"]["expression"] == "0 9 * * 1#1"


# -- a sentence beside the schedule that only tells ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The invoice is due Friday. Remind me every Thursday at 15:00.", "0 15 * * 4"),
        ("Our office is closed on Monday. Every Tuesday at 09:00 post the agenda.", "0 9 * * 2"),
        ("Backs up every weekday at 01:00. It does not run on Saturday or Sunday.", "0 1 * * 1-5"),
        ("every weekday at 07:30. Not on weekends.", "30 7 * * 1-5"),
    ],
)
def test_a_sentence_that_only_tells_does_not_add_its_days(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer
    assert answer["schedule"]["expression"] == expression
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The meeting is at 10:00. Every Monday.", "0 10 * * 1"),
        ("The nightly sync. At 22:00 every day the mirrors are refreshed", "0 22 * * *"),
    ],
)
def test_sentences_that_need_each_other_are_read_together(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


def test_a_negated_sentence_that_names_the_schedules_days_is_not_set_aside() -> None:
    answer = _read("Runs every weekday at 11:30. It does not run on Friday.")
    assert "only tells" not in (answer["reason"] or "")


def test_a_repeating_sentence_is_not_set_aside_for_a_single_time() -> None:
    # the stale bot's description: "after 30 days" is what it does, "every Sunday" its schedule;
    # it was read as once, 30 days from now (to confirm)
    text = (
        "As discussed with the team, This action will mark issues and PRs as stale after 30 "
        "days. It will run every Sunday at 00:00 (12am)."
    )
    answer = _read(text)
    assert not (answer["schedule"] or {}).get("type") == "at", answer
    assert "only tells" not in (answer["reason"] or "")


# -- a correction: the schedule, then the one it is not -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Friday at 17:00, not at 16:00", "0 17 * * 5"),
        ("every hour, not every 30 minutes", "0 * * * *"),
        ("every day at 09:00, not 10:00", "0 9 * * *"),
    ],
)
def test_the_schedule_it_is_not_is_dropped(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression


def test_a_time_set_against_a_repeating_schedule_repeats_daily_and_asks() -> None:
    answer = _read("the cleanup should run at 02:00, not every 6 hours")
    assert answer["schedule"]["expression"] == "0 2 * * *"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text", ["tomorrow at 09:00, not every day", "on Friday at 09:00, not weekly"]
)
def test_a_time_on_a_named_day_set_against_a_series_stays_one_run(text: str) -> None:
    assert _read(text)["schedule"]["type"] == "at"


# -- minutes past no hour, beside a time -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["every Tuesday at 10am, leave at half past", "tomorrow at 7pm then call at quarter past"],
)
def test_minutes_past_no_hour_beside_a_time_ask(text: str) -> None:
    assert doubts.lone_minutes_past(text) is not None
    assert _asks(text)


@pytest.mark.parametrize(
    "text",
    ["at a quarter past 3pm", "at 15 past 3pm", "at 5 and 10 minutes past the hour, at 12:00 AM"],
)
def test_minutes_past_a_named_hour_are_sure(text: str) -> None:
    assert doubts.lone_minutes_past(text) is None


# -- brackets that say the time exactly, a delay said of a thing, an event's hours, a change told --


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("Tomorrow evening (19:30 the next day)", "2026-01-15T19:30:00Z"),
        ("Friday morning (7:45 on Friday)", "2026-01-16T07:45:00Z"),
    ],
)
def test_brackets_that_say_the_time_exactly_are_read_with_it(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert not answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text", ["Friday morning (7:45 on Saturday)", "Tomorrow morning (8pm the next day)"]
)
def test_brackets_that_say_another_time_are_not_agreed_with(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


def test_how_far_off_a_thing_is_is_part_of_the_message() -> None:
    answer = _read("remind me that the conference is in three days on March 12th at 10:00")
    assert answer["schedule"]["datetime"] == "2026-03-12T10:00:00Z"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("Quiz night at the Crown from 7pm to 10pm", "2026-01-14T19:00:00Z"),
        ("Pottery class 18:00-20:00", "2026-01-14T18:00:00Z"),
        ("Breakfast with Ana from 8am to 9am", "2026-01-15T08:00:00Z"),
    ],
)
def test_an_events_hours_with_no_day_are_its_next_start_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


def test_hours_alone_are_asked_or_refused() -> None:
    assert _asks("from 6pm to 8pm")


def test_a_change_told_reads_the_new_time_and_asks() -> None:
    answer = _read("I tried to push this reminder to Friday 9 AM")
    assert answer["schedule"]["datetime"] == "2026-01-16T09:00:00Z"
    assert answer["needs_confirmation"]


def test_a_command_that_changes_a_job_is_still_refused() -> None:
    assert _read("Move my 3pm meeting to 4pm")["schedule"] is None
