"""Round seventeen's statements (parsers/narration.py `_UNTIMED`, read by `told_without_time`
when the hour is a default; `_TOLD_17`; doubts.quoted_subject's quotes talked of): a day or a
frequency told by a subject with no time ("Classes are held on Mondays."), a remark, a checklist's
item, a comment in code, the days a place is closed, a zone with no hour, work on a program
planned; with a time, a change reported, a program's message, someone who wakes the speaker, and
a quoted request talked about — each asks; the requests and bare phrases beside them keep their
answers, unasked."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.doubts import letter_runs, quoted_subject

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)


def _words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


def _untimed(text: str) -> str | None:
    return narration.told_without_time(text, _words(text), narration._first_word(text))


def _told(text: str) -> str | None:
    return narration.told_17(text, _words(text), narration._first_word(text))


@pytest.mark.parametrize(
    "text",
    [
        "Classes are held on Mondays.",
        "Barista courses are held on Mondays.",
        "New beginners batches will be conducted on the weekends.",
        "Wednesday Bible study is a vital ingredient in our Christianity.",
        "The CI may be broken someday. We need to check the status of CI by running it daily.",
        "Digest will posted every week in Sunday.",
        "*Holidays that fall on Sunday are observed on the following Monday.",
        "Cleanup function only runs on weekdays",
        "The gold bus only runs on weekdays.",
        "Sunday: the test feed only runs on weekdays.",
        "The bug relates to the DST-switch occurring on March 28th.",
        "Annoyingly, no - if interval is set to `monthly`, it runs on the first day of the month.",
        "My mother wakes me up every morning.",
        "It's kind of messy to deal with dependabot daily ...",
        "- [ ] Weekly velocity report (Friday)",
        "- [ ] Weekly spending summary email",
        "// ping me tomorrow to clean this up",
        "Closed Saturdays and Sundays",
        "Sunday | Closed |",
        "Closed Sundays and bank holidays.",
        "Schedule run every Monday, local time",
        "Weekly missions reset every Monday, local time.",
        "A scheduled reconciliation sweep runs daily in UTC off-peak hours.",
        "Action: Implement a Sunday email digest that pulls the current weekly sprint content.",
        "Implement weekly inventory reconciliation",
        "Make job run daily",
        "make dependabot run weekly as compliance requests",
    ],
)
def test_told_with_no_time(text: str) -> None:
    assert _untimed(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "every Monday",
        "backup daily",
        "Gym mon,wed,fri",
        "remind me every Monday to take out the trash",
        "Please post the digest every Sunday",
        "Can you remind me to water the plants on weekdays?",
        "Alexa can you remind me every Monday",
        "r Friday do some stuff",
        "first Saturday in May every year",
        "daily except in may",
        "Occurs every weekday",
        "Repeats every week on Tuesday.",
        "runs every Wednesday",
        "- [ ] #task mow lawn 🔁 every month 📅 2021-12-14",
        "close the sprint every other Friday",
    ],
)
def test_not_told_with_no_time(text: str) -> None:
    assert _untimed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Updated GitHub Actions cron schedule to run daily at 10:30 Beijing time (02:30 UTC).",
        "3. ✅ Updated cron schedule to 1:45 PM EST",
        "// FIX: Changed cron to run daily at 1:00 AM to process the previous day's metrics",
        "Successfully restored posting and updated cron schedule to 21:00 UTC (5:00 PM EDT).",
        "Error: Invalid schedule. Try '0 10 * * 1-5' for every workday at 10 AM.",
        "⚠️  WARNING: This will run every 5 minutes for testing!",
        "Max and Luna wake me up at 6:30 AM sharp every morning, tails wagging.",
        "Such energy wakes me up at 5 AM every morning, motivates me to maintain strict diets.",
        "he’s sure to wake me up every morning at 6:30am sharp.",
        "19UTC is not possible for me.",
        "Thank you. Friday at 2:00 PM doesn't work for me. Could we pick another time?",
        "Sorry, Thursday doesn't work for me. Could we do Saturday morning?",
        "At 9 AM, Alexa will chime and say your reminder.",
        "At midnight, the salt changes, making yesterday's hashes untraceable.",
        "Every day at 8 AM, the automation checks each invoice to decide whether to:",
        "Please arrive promptly at 3:45 PM",
        "It helps if we all arrive promptly, ready and eager to warm up and sing at 7.30pm.",
        "Type #design @ravi tomorrow p1 and the chips light up live as you type.",
        'simply type "tomorrow 9am" or "next Monday" and press Enter.',
    ],
)
def test_told_with_a_time(text: str) -> None:
    assert _told(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Change cron time to 02:30 for the workflow",
        "update my reminder to 5pm",
        "wake me up at 6:30 every morning",
        "Siri, wake me up at 6",
        "Alexa wake me up at 7 every day",
        "Please wake me up at 7am",
        "tomorrow wake me up at 6",
        "remind me that the schedule changed to 9am",
        "At 9am, remind me to call mom",
        "Every day at 9am, send me the weather",
        "At 5pm, we will review the budget",
        "remind me at 3 if 2 doesn't work for me",
        "remind me to arrive early at 8am",
        "remind me every Monday to enter the timesheet and the expenses",
    ],
)
def test_not_told_with_a_time(text: str) -> None:
    assert _told(text) is None


@pytest.mark.parametrize(
    "text",
    [
        '**Eval.** "Remind me every weekday at 9" writes one entry to `schedule.json`.',
        '"Remind me at NOON to eat" came back "I couldn\'t parse the time \'noon\'".',
        'Update the "every Sunday midnight" example',
        '"*Shopping @ fri(w)*" means make a task shopping every friday',
        'TaskPop reads dates like "tomorrow at 3pm" from the task',
        'Natural-language due dates. "Next Friday", "tomorrow at 3pm" parsed on input.',
        'Natural Language Dates — type "tomorrow", "next friday", etc.',
    ],
)
def test_a_quoted_time_talked_of(text: str) -> None:
    assert quoted_subject(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        'Say "Alexa, set a reminder to take my medicine at 9 AM."',
        'remind me "daily standup" in 5 minutes',
        'Set a reminder called "Pay rent" every month on the 1st at 9am',
        'add "call mom" every Sunday at 6pm',
    ],
)
def test_a_quote_in_a_request_is_not_talked_of(text: str) -> None:
    assert quoted_subject(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Classes are held on Mondays.",
        "Closed Saturdays and Sundays",
        "- [ ] Daily digest: morning summary of overnight activity + recommendations",
        "Cleanup function only runs on weekdays",
        "Updated GitHub Actions cron schedule to run daily at 10:30 Beijing time (02:30 UTC).",
        "Max and Luna wake me up at 6:30 AM sharp every morning, tails wagging.",
        '"Remind me at NOON to eat" came back "I couldn\'t parse the time \'noon\'".',
    ],
)
def test_statements_ask(text: str) -> None:
    answer = understand_fast(text, timezone="UTC", now=NOW)
    assert answer.schedule is None or answer.needs_confirmation


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Monday", "0 9 * * 1"),
        ("backup daily", "0 9 * * *"),
        ("Wake me up every morning at 6am", "0 6 * * *"),
        ("Wake me up at 5 AM daily", "0 5 * * *"),
        ("remind me every weekday at 9", "0 9 * * 1-5"),
        ("Classes are held on Mondays and Thursdays at 19:15", "15 19 * * 1,4"),
    ],
)
def test_requests_keep_their_answers(text: str, expression: str) -> None:
    answer = understand_fast(text, timezone="UTC", now=NOW)
    assert answer.schedule is not None
    assert answer.schedule["expression"] == expression


def test_bare_phrases_with_no_time_are_not_asked() -> None:
    for text in ("every Monday", "backup daily", "on weekdays", "Gym every days"):
        assert not understand_fast(text, timezone="UTC", now=NOW).needs_confirmation, text


def test_a_check_marked_by_a_string_reads_only_when_the_string_is_there() -> None:
    # a checklist's "[ ]" is no word: the table's marks, not its cues, let the check read
    assert _untimed("- [ ] Weekly audit trail validation script") is not None
    assert _untimed("- Weekly audit trail validation script") is None


@pytest.mark.parametrize("unit", ["a ", "Closed ", "- [ ] ", '"every day" ', "is ", "wake ", "x, "])
def test_hostile_input_stays_fast(unit: str) -> None:
    text = (unit * 5000)[:5000]
    start = time.process_time()
    _untimed(text)
    _told(text)
    quoted_subject(text)
    assert time.process_time() - start < 2.0
