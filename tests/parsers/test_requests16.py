"""Round sixteen, English requests and change requests (requests16): a change told "from A to
B" reads B; a change of how often with no time is a change; "every 30 minutes of play" counts
time spent (asked); "for two consecutive days" counts runs; "older than 1 day (2 days old)"
names ages, not a day of the month; "starting at midnight and creating …" keeps its start;
"the day's new posts … at 5pm" and "usual routing … on Wednesday" repeat (asked); "what's the
weather, hourly please" and "is updated each weekday at …" are not questions."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.labels import unlabelled
from agentcron.parsers.request_cues import (
    days_gathering,
    frequency_swap,
    from_to_change,
    question_then_when,
    repeating_alarm,
    subjectless_passive,
    time_spent,
    usual_day,
    zone_first_restated,
)
from agentcron.parsers.zones import lookup_word
from tests.parsers.reading import said

NOW = datetime(2026, 1, 14, 10, tzinfo=UTC)


_answer = said


# -- the pure cues ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "- Running Synchronizer jobs changed from 0:00am every day to 0:05am every day.",
            ("changed", "0:00am every day", "0:05am every day"),
        ),
        (
            "Move the sprint-status launchd job from Monday 8:00 AM to Friday 8:00 AM PT",
            (
                "Move the sprint-status launchd job",
                "Monday 8:00 AM",
                "Friday 8:00 AM PT",
            ),
        ),
        ("changed the cron to run every hour from 9 to 5", None),
        ("every hour from 9am to 5pm", None),
        ("send the report from Monday to Friday at 9", None),
    ],
)
def test_from_to_change(text: str, parts: tuple[str, str, str] | None) -> None:
    assert from_to_change(text) == parts


@pytest.mark.parametrize(
    ("text", "swap"),
    [
        ("Change hourly backups to daily backups.", True),
        ("switch the weekly report to monthly", True),
        ("please change our nightly build into a weekly one", True),
        ("Change hourly backups to daily backups at 2am and notify me", False),
        ("change the report to run daily", False),
        ("send the daily report to the weekly channel", False),
    ],
)
def test_frequency_swap(text: str, swap: bool) -> None:
    assert frequency_swap(text) is swap


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Nudge me every 30 minutes of play", "every 30 minutes of play"),
        ("Take a 15-minute break after every hour of screen time.", "every hour of screen time"),
        ("stretch every 45 mins of sitting", "every 45 mins of sitting"),
        ("every minute of every hour", None),
        ("every hour of the day", None),
        ("every 5 minutes of business hours", None),
        ("every 30 minutes", None),
    ],
)
def test_time_spent(text: str, said: str | None) -> None:
    found = time_spent(text)
    if said is None:
        assert found is None
    else:
        assert found is not None and found.startswith(said)


def test_days_gathering_and_usual_day() -> None:
    assert days_gathering("Bundle the day's new posts into one email at 5pm.") is not None
    assert days_gathering("Send the day's sales figures at 9pm") is not None
    assert days_gathering("It's the day's end at 5pm") is None
    assert days_gathering("send the posts at 5pm") is None
    assert usual_day("As discussed usual routing will be on Wednesday at 10 am") is not None
    assert usual_day("our regular call is on Monday at 3pm") is not None
    assert usual_day("the call will be on Monday at 3pm") is None


@pytest.mark.parametrize(
    ("text", "asks_one"),
    [
        ("what's the weather, hourly please", True),
        ("what's the bitcoin price, every morning at 8 please", True),
        ("how's the traffic on I-95, every weekday at 7:30", True),
        ("what's the weather, hourly?", False),
        ("what's the weather tomorrow", False),
        ("what time is it, John", False),
    ],
)
def test_question_then_when(text: str, asks_one: bool) -> None:
    assert question_then_when(text) is asks_one


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("is updated each weekday at approximately 8PM ET", True),
        ("are published every Monday at 9", True),
        ("is held on the first Tuesday", True),
        ("is updated each weekday at 8PM ET?", False),
        ("is it updated every day", False),
        ("is the backup running", False),
    ],
)
def test_subjectless_passive(text: str, told: bool) -> None:
    assert subjectless_passive(text) is told


def test_cues_stay_fast_on_hostile_text() -> None:
    hostile = [
        "changed " + "from a " * 700 + "to " * 300,
        "change " + "hourly " * 800,
        "every " + "30 minutes of " * 400,
        "the day's " * 600,
        "usual " * 1000 + "is on Monday",
        "what's, " + "every " * 900,
        "is " + "updated " * 700,
    ]
    for text in hostile:
        text = text[:5000]
        start = time.process_time()
        from_to_change(text)
        frequency_swap(text)
        time_spent(text)
        days_gathering(text)
        usual_day(text)
        question_then_when(text)
        subjectless_passive(text)
        assert time.process_time() - start < 1.0, text[:40]


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        (
            "run at midnight UTC 0:00 (KST 9am) on weekdays",
            "run at 0:00 UTC (9am KST) on weekdays",
        ),
        ("every Monday at 0:00 UTC (JST 9:00)", "every Monday at 0:00 UTC (9:00 JST)"),
        ("at noon UTC 12:00 (XYZ 9am)", "at noon UTC 12:00 (XYZ 9am)"),
        ("at midnight UTC 0:00 daily", "at midnight UTC 0:00 daily"),
        ("at midnight UTC 3:00 (KST 9am)", "at midnight UTC 3:00 (9am KST)"),
    ],
)
def test_zone_first_restated(text: str, turned: str) -> None:
    assert zone_first_restated(text, is_zone=lambda word: lookup_word(word) is not None) == turned


def test_zone_first_and_instead_of_stay_fast() -> None:
    for text in ("(KST 9am) midnight UTC 0:00 " * 300, "instead of every " * 400):
        start = time.process_time()
        zone_first_restated(text[:5000], is_zone=lambda word: lookup_word(word) is not None)
        understand_fast(text[:5000], now=NOW)
        assert time.process_time() - start < 2.0


def test_repeating_alarm() -> None:
    assert repeating_alarm("Make a recurring alarm for 5:15 am") == "recurring alarm"
    assert repeating_alarm("Give me a repeating alarm for 6 am for a week") == "repeating alarm"
    assert repeating_alarm("set an alarm for 6 am") is None
    assert repeating_alarm("the recurring meeting at 6") is None


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Test 5: Update meeting time to 16:00", "Update meeting time to 16:00"),
        ("Step #2: change the alarm to 7", "change the alarm to 7"),
        ("Note: cancel my 9am reminder", "cancel my 9am reminder"),
        ("Monday 9: standup", "Monday 9: standup"),
    ],
)
def test_a_numbered_label(text: str, bare: str) -> None:
    names_time = lambda words: "monday" in words.lower()  # noqa: E731
    assert unlabelled(text, names_time=names_time) == bare


# -- whole sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "said", "asked"),
    [
        (
            "- Running Synchronizer jobs changed from 0:00am every day to 0:05am every day.",
            "UTC",
            "5 0 * * *",
            True,
        ),
        (
            "- Move the sprint-status launchd job from Monday 8:00 AM to Friday 8:00 AM PT",
            "UTC",
            "0 8 * * 5",
            True,
        ),
        (
            "- Cron schedule changed from daily to Tuesdays and Saturdays at 07:00 UTC",
            "UTC",
            "0 7 * * 2,6",
            True,
        ),
        ("Change hourly backups to daily backups.", "UTC", None, True),
        ("Nudge me every 30 minutes of play", "UTC", "*/30 * * * *", True),
        (
            "Opens a long strangle each morning at 07:00 UTC for two consecutive days.",
            "UTC",
            "FREQ=DAILY;BYHOUR=7;BYMINUTE=0;BYSECOND=0;COUNT=2",
            False,
        ),
        (
            "remind me to water the plants at 6pm for 4 days in a row",
            "UTC",
            "FREQ=DAILY;BYHOUR=18;BYMINUTE=0;BYSECOND=0;COUNT=4",
            False,
        ),
        (
            "The above example deletes recordings older than 1 day (>= 2 days old) at noon "
            "everyday.",
            "UTC",
            "0 12 * * *",
            True,
        ),
        ("day 15 of every month at 9am", "UTC", "0 9 15 * *", False),
        (
            "create a backup every 4 hours starting at midnight and creating these backups for "
            "all 24 hours of the day",
            "UTC",
            "0 0,4,8,12,16,20 * * *",
            True,
        ),
        (
            "Bundle the day's new posts into one email at 5pm. (Recommended)",
            "UTC",
            "0 17 * * *",
            True,
        ),
        ("As discussed usual routing will be on Wednesday at 10 am", "UTC", "0 10 * * 3", True),
        ("what's the weather, hourly please", "UTC", "0 * * * *", False),
        ("is updated each weekday at 8PM ET", "UTC", "0 20 * * 1-5", True),
        ("what's the weather?", "UTC", None, True),
        ("Make a recurring alarm for 5:15 am", "UTC", "15 5 * * *", True),
        ("Test 5: Update meeting time to 16:00 (same date)...", "UTC", None, True),
        ('jarvis edit "move standup to 10am"', "UTC", None, True),
        (
            'Easy to modify schedules at runtime via WhatsApp commands ("change nightly to 3am")',
            "UTC",
            "0 3 * * *",
            True,
        ),
        ('remind me every day at 9am to "update the docs"', "UTC", "0 9 * * *", False),
        ("// Runs every minute instead of every day at 07:00.", "UTC", "* * * * *", True),
        (
            "This PR updates the cron schedules for the daily team status and test coverage "
            "improver workflows to run at midnight UTC 0:00 (KST 9am) on weekdays instead of "
            "their previous times (9:00 and 2:00 UTC respectively).",
            "UTC",
            "0 0 * * 1-5",
            True,
        ),
    ],
)
def test_whole_sentences(text: str, zone: str, said: str | None, asked: bool) -> None:
    assert _answer(text, zone) == (said, asked)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Every minute of every 3rd hour between 08:00 and 20:59 every day", "* 8-20/3 * * *"),
        ("Every minute of every 4th hour every day", "* */4 * * *"),
        ("Every 2 minutes of every 3rd hour", "*/2 */3 * * *"),
        ("every minute of every hour", "* * * * *"),
        ("every 7 minutes of every 3rd hour", None),
        ("every minute of every 3rd hour between 8 and 5pm", None),
        ("minutely", "* * * * *"),
    ],
)
def test_minutes_of_every_nth_hour(text: str, said: str | None) -> None:
    assert _answer(text)[0] == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("every 24 hours at 9am", "0 9 * * *"),
        ("// RUN METHODS EVRYDAY AT MIDNIGHT (DATA RELEASED EVERY 24HRS)", "0 0 * * *"),
        ("every 48 hours at 6pm", "FREQ=DAILY;INTERVAL=2;BYHOUR=18;BYMINUTE=0;BYSECOND=0"),
        ("every 24 hours", "0 10 * * *"),
    ],
)
def test_hours_that_make_whole_days_at_a_time(text: str, said: str) -> None:
    assert _answer(text)[0] == said
