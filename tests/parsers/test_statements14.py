"""Round fourteen's statements (parsers/narration.py, parsers/doubts.py): texts that mention a
schedule but ask for none — a feature wished for, a bot's reply, someone described, a time that
hangs on an event, an agenda's line, a command reported on — each decision on its own, then
through the whole sentence. Phrases from the opened round thirteen and
tests/parsers/outside/t14_statements14_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import doubts, narration, understand_fast
from agentcron.parsers.doubts import letter_runs

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


def first(text: str) -> str:
    return narration._first_word(text)


@pytest.mark.parametrize(
    "text",
    [
        "I would love to see the ability to have multiple backups daily, eg. every 3 hours.",
        "We would like to ask you if you were able to add recurring reminders (like once every "
        "minute/hour/day/week/...)",
        "Only support reminder at daily granularity, not minutely.",
        "It would be nice to have reminders every Monday at 9am",
    ],
)
def test_a_feature_wished_for_is_told(text: str) -> None:
    assert narration.wish_told(text, words(text)) is not None


def test_a_wish_is_named_by_its_label() -> None:
    text = "Only support reminder at daily granularity, not minutely."
    assert narration.wish_told(text, words(text), label="Idea for MVP: ") is not None
    assert narration.wish_told("call mom at 5pm", words("call mom"), label="Todo: ") is None


@pytest.mark.parametrize(
    "text",
    [
        "remind me every 3 hours to drink water",
        "back up the database every day at 2am",
        "every 15 minutes check the queue",
        "run the report every Monday/Wednesday at 9am",
    ],
)
def test_a_request_is_no_wish(text: str) -> None:
    assert narration.wish_told(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Ok. I'll remind you to foo on April 20 at 10:30 AM",
        "Got it! I will remind you at 5pm to call mom.",
        "Reminder set for tomorrow at 9am.",
    ],
)
def test_a_bots_reply_is_told(text: str) -> None:
    assert narration.bot_reply(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "remind me to call you at 5pm",
        "set a reminder for tomorrow at 9am",
        "remind you every Friday at 4pm? no, remind me",
        "reminder set up every Monday at 9am",
    ],
)
def test_a_request_is_no_bots_reply(text: str) -> None:
    assert narration.bot_reply(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "He would dress with care and watch the clock throughout the morning on Thursdays.",
        "Most students are still a little sleepy at 9am so we focus on building relationships.",
        "- Tony (CDO) wanting to check CI/CD health every 30 minutes",
        "She walked the dog every morning at 7.",
    ],
)
def test_someone_described_is_told(text: str) -> None:
    assert narration.someone_described(text, first(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "he needs his medicine at 8am every day",
        "They would like a reminder at 9",
        "All Lectures are Tu/Th 10:30-11:50 am in Center Hall",
        "Tony wants a reminder at 5pm",
        "remind me every 30 minutes (work hours) to stretch",
    ],
)
def test_a_request_or_a_timetable_is_no_one_described(text: str) -> None:
    assert narration.someone_described(text, first(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Rain date October 24th",
        "- On app startup, the initial notification time is set to 10 PM",
        "The reminder time is currently set to 8:00",
    ],
)
def test_a_time_on_an_event_or_a_setting_is_told(text: str) -> None:
    assert narration.contingent_time(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["set the reminder time to 10 PM", "every Sunday at 5pm start the laundry", "rain at 5pm"],
)
def test_a_request_is_no_contingent_time(text: str) -> None:
    assert narration.contingent_time(text, words(text)) is None


def test_a_kind_of_day_leaves_its_days_unsaid() -> None:
    text = "For birthdays I would like to get a reminder at 9 in the morning."
    assert narration.kind_of_day(text, first(text)) is not None
    other = "for 10 minutes every hour stretch"
    assert narration.kind_of_day(other, first(other)) is None


@pytest.mark.parametrize(
    "text",
    ["Meet at Scout hut at 6:30PM .", "Meeting at 4pm UTC on #rust-community on irc.mozilla.org"],
)
def test_an_agenda_line_is_told(text: str) -> None:
    assert narration.agenda_line(text, first(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["meet at 6:30pm", "Meeting at Noon on Fridays", "Meet on Monday at 9am", "meeting at 1pm"],
)
def test_a_meeting_asked_for_is_no_agenda_line(text: str) -> None:
    assert narration.agenda_line(text, first(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "command `!every 1h; fail; again` fails silently. nothing in the logs.",
        "!remindme every 1h; fail; again` fails with an error message, as intended.",
        'A reminder with `cron_expr = "0 4 * * *"` should fire once at 04:00 UTC',
    ],
)
def test_a_command_reported_on_is_quoted(text: str) -> None:
    assert doubts.quoted_subject(text) is not None


def test_still_a_time_is_the_clock_now() -> None:
    assert (
        doubts.clock_reading("Still 2:24 am BC time so it will come during the night") is not None
    )
    assert doubts.clock_reading("still remind me at 5pm") is None


@pytest.mark.parametrize(
    "text",
    [
        'A reminder with `cron_expr = "0 4 * * *"` should fire once at 04:00 UTC and not again '
        "until the next scheduled time.",
        'Mention "every second Tuesday each month" on the site',
        "For example, I have a task repeat every week on mondays.",
        "command `!every 1h; fail; again` fails silently. nothing in the logs.",
        "`!remindme every 1h; fail; again` fails with an error message, as intended.",
        "Idea for MVP: Only support reminder at daily granularity, not minutely.",
        "Get repeated reminders everyday on the scheduled time",
        '"Ok. I\'ll remind you to foo on April 20 at 10:30 AM"',
        "This is a recurring event and takes place every Friday.",
        "Slade called the meeting to order at 7:02 p.m. and welcomed everyone back again.",
        'Created a cronjob with schedule of `"0 12 * * 5"` to run on Friday noon.',
        "Schedule runs of the tests, docs and builds workflows on Sundays.",
        "Automatically create a data backup every day.",
        "The general assembly of the association will be taking place on Saturday the 13th of "
        "June, at 2pm, by video-conference.",
    ],
)
def test_statements_are_asked_about(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation, result.schedule


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("for example, every 4 days at 9am", None),
        ("added a cron job to scrape dayly the web at 12pm.", "0 12 * * *"),
        ("Occurs every weekday at 9:00 AM", "0 9 * * 1-5"),
        ("This social happens every 2nd and 4th Saturday of each month at 2pm", "0 14 * * 6#2,6#4"),
        ("remind me every 3 hours to drink water", "0 */3 * * *"),
        ("Meet Sam every Monday at 10am", "0 10 * * 1"),
    ],
)
def test_requests_in_like_words_keep_their_answers(text: str, expression: str | None) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok and not result.needs_confirmation, (result.reason, result.notes)
    if expression is not None:
        assert result.schedule is not None and result.schedule["expression"] == expression


@pytest.mark.parametrize(
    "text",
    [
        "The vote counting takes place every 5 seconds.",
        "The synchronization mechanism takes place every minute in the background.",
    ],
)
def test_a_process_that_takes_place_every_minute_is_described(text: str) -> None:
    assert narration.process_described(text, words(text)) is not None


def test_an_event_that_takes_place_weekly_is_no_process() -> None:
    text = "The meeting takes place every Friday at 3pm"
    assert narration.process_described(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "⏰ Sends a reminder every 2.5 hours",
        "This PR adds a calendar entry for 4th Thursday of the month call",
        "There once was a girl named Sally. She woke up at 6 am everyday and _ .",
        "Result: She woke up at 6 AM groggy, skipped routine, joined CEO call unprepared",
        "I’d like to propose that we set up a regular call once per month, on the 1st Thursday of "
        "each month.",
    ],
)
def test_round_fourteens_statements_are_asked_about(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation, result.schedule


@pytest.mark.parametrize(
    "text",
    [
        "Sends a daily summary at 9:00.",
        "Every Friday at 5pm, remind me to submit my timesheet",
        "Remind me Friday 3pm",
        "send me a reminder every 2 hours",
    ],
)
def test_requests_and_job_lines_are_not_asked_about(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok and not result.needs_confirmation, result.notes


def test_a_notice_whose_runs_hang_on_its_reader_is_asked_about() -> None:
    text = "These reminder emails are sent every day at 6 PM if you have a streak."
    assert doubts.readers_condition(text) is not None
    request = "Every morning at 7, check if my Pi's backups ran and tell me if they didn't."
    assert doubts.readers_condition(request) is None


@pytest.mark.parametrize(
    "text",
    [
        "Service X went down at 3am due to a memory leak in the cache layer.",
        "Our API crashed at 2:15 pm yesterday",
    ],
)
def test_an_outage_told_is_in_the_past(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is not None


def test_a_restart_asked_for_is_no_outage() -> None:
    text = "restart the server at 3am every Sunday"
    assert narration.told_in_the_past(text, words(text)) is None


def test_a_story_step_set_up_is_in_the_past() -> None:
    told = "Finally, I set up a cron job to run the emailer every single day at 09:00."
    assert doubts.past_tense(told) is not None
    assert doubts.past_tense("help me set up a reminder every day at 9") is None


def test_a_tools_capability_by_example_is_told() -> None:
    text = "For example, every Monday at 8 AM, ZimZamZum can log into your student platform."
    assert narration.example_of_a_tool(text, words(text)) is not None
    request = "For example, every Monday at 8 AM remind me to call Sam"
    assert narration.example_of_a_tool(request, words(request)) is None


def test_a_meetings_next_date_is_a_status() -> None:
    text = "Next Meeting: April 10, 2 PM"
    assert narration.status_shown(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Will remind you at 5pm.",
        "Reminder set: every weekday at 8:30",
        "Alright, reminder created for Friday at 10am.",
        "Created a reminder for tomorrow 9am",
    ],
)
def test_a_bots_confirmation_is_told(text: str) -> None:
    assert narration.bot_reply(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["create a reminder for tomorrow 9am", "Reminder: call mom at 5pm", "add a reminder at 5"],
)
def test_a_request_for_a_reminder_is_no_confirmation(text: str) -> None:
    assert narration.bot_reply(text, words(text)) is None


def test_a_labelled_rain_date_is_contingent() -> None:
    result = understand_fast("Rain date: Sunday at 2pm", now=NOW)
    assert result.needs_confirmation
