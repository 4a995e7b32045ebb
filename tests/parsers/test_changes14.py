"""Changes, round fourteen (changes14): a change's subject lends its repeat to a new time said
without one ("Update Thursday meeting time to 14:30 UTC" is every Thursday, "Update nightly build
schedule to run at 2 AM" every day), asked; a shift ("1 hour later"), a move with nothing named
and a speaker's setting ("set my morning time to 10:00") stay changes to a job that exists;
"everday", RemindMeBot's "RemindMeRepeat!" at a time, a nightly job's evening hour (asked).
Phrases from the "r13 opened" failures and tests/parsers/outside/t14_changes14_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.botcommand import period_said
from agentcron.parsers.change_subject import subject_repeat
from agentcron.parsers.result import ParseResult

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str) -> ParseResult:
    return understand_fast(text, timezone="UTC", now=NOW)


def brief(answer: ParseResult) -> str:
    assert answer.ok and answer.schedule is not None, answer.reason
    schedule = answer.schedule
    said = schedule.get("expression") or schedule.get("rule") or schedule.get("datetime")
    return f"{said} {schedule['timezone']}"


@pytest.mark.parametrize(
    ("subject", "new", "repeat"),
    [
        ("Update nightly build schedule ", "run at 2 AM", "every day"),
        ("change nightly ", "23:00", "every day"),
        ("Update Thursday meeting time ", "14:30 UTC", "every thursday"),
        ("Update implementers meeting time ", "Wednesday at 12:00", "every week"),
        ("change office hours ", "Thu 08:00 PT", "every week"),
        ("ci: change cron job ", "run on Monday at 9:24am UTC", "every week"),
        # no repeat named: one meeting moved, or no day for a meeting's time
        ("Move the meeting ", "Friday at 10am", None),
        ("Update meeting time ", "3pm", None),
        ("Move monday meeting ", "friday", None),
        # a nightly job moved to a weekday: which repeat? none lent
        ("change nightly ", "Sunday 3am", None),
    ],
)
def test_subject_repeat(subject: str, new: str, repeat: str | None) -> None:
    assert subject_repeat(subject, new) == repeat


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Update Thursday meeting time to 14:30 UTC", "30 14 * * 4 UTC"),
        ("Update implementers meeting time to Wednesday at 12:00", "0 12 * * 3 UTC"),
        ("Update README to change office hours to Thu 08:00 PT", "0 8 * * 4 America/Los_Angeles"),
        ("ci: change cron job to run on Monday at 9:24am UTC", "24 9 * * 1 UTC"),
        ("Update Nightly Build schedule to run at 23:00 UTC", "0 23 * * * UTC"),
        ("Update nightly build schedule to run at 11 AM", "0 11 * * * UTC"),
        ("change nightly to 23:00", "0 23 * * * UTC"),
        ("switch the nightly sync to midnight", "0 0 * * * UTC"),
        ("set daily summary time to 18:00", "0 18 * * * UTC"),
        (
            "Change the nightly build schedule make it start by 9:15 BeiJing Time or 01:15 UTC "
            "time",
            "15 9 * * * Asia/Shanghai",
        ),
        (
            "Move the weekly trigger from `0 10 * * 5` to `23 10 * * 5`, Friday 18:23 "
            "Asia/Taipei, and update `.github/RELEASING.md` so the documented time matches the "
            "workflow.",
            "23 10 * * 5 UTC",
        ),
    ],
)
def test_a_whole_new_schedule_is_read_and_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert brief(answer) == expected
    assert answer.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "Move Platform SIG meeting 1 hour later",
        "Move to 16:00 UTC to avoid conflicting with the Fedora Server WG meeting",
        '"@reminderbot, please set my morning time to 10:00"',
        '"set my morning todo to 8:30"',
        '- "Change meeting time to 5pm"',
        "Update meeting time to 3pm",
        "Push back nightly build by 2 hours",
        "actually make it 7am",
        "set the digest time to 8am",
        "// Set the reminder time to 8 AM.",
        "- [ ] Set digest time to 5 minutes from now",
    ],
)
def test_a_part_of_a_change_is_refused(text: str) -> None:
    answer = read(text)
    assert not answer.ok or answer.needs_confirmation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How to send a message to a bot at 5:00 AM everday", "0 5 * * * UTC"),
        ('"RemindMeRepeat! 2:30pm"', "30 14 * * * UTC"),
        ("Set my morning briefing to 11:00 AM every day", "0 11 * * * UTC"),
        ("backup evreyday at 2am", "0 2 * * * UTC"),
    ],
)
def test_every_day_said_otherwise(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


def test_a_nightly_jobs_evening_hour_is_asked() -> None:
    answer = read("Nightly builds should kick off at 11:30")
    assert brief(answer) == "30 23 * * * UTC"
    assert answer.needs_confirmation
    assert not read("every night at 11:30").needs_confirmation


def test_a_time_referred_to_is_asked() -> None:
    assert read("Get repeated reminders everyday on the scheduled time").needs_confirmation


def test_a_misspelt_everyday_without_a_time_asks() -> None:
    assert read("Sign in to personalize EverDay.").needs_confirmation


def test_make_it_with_a_whole_schedule_is_read_and_asked() -> None:
    answer = read("make it daily at 8am instead")
    assert brief(answer) == "0 8 * * * UTC"
    assert answer.needs_confirmation


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("runs on a 6-hour schedule", "runs every 6 hours"),
        ("refresh on a fifteen minute cadence", "refresh every fifteen minutes"),
        ("run backups on a weekly schedule", None),
    ],
)
def test_period_said(text: str, said: str | None) -> None:
    assert period_said(text) == said


def test_a_period_said_is_read_and_asked() -> None:
    answer = read("Set up automated backups to the R2 bucket on a 6-hour schedule")
    assert brief(answer) == "0 */6 * * * UTC"
    assert answer.needs_confirmation
