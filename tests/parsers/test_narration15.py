"""Round fifteen's statements (parsers/narration.py): a bug report's expectation, a cron
explained, a run's log line, a configuration described, a guide to a reader, an assistant's
offer, a group's time told, a rule negated — each asks; the requests beside them do not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.doubts import letter_runs

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)


def _words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


@pytest.mark.parametrize(
    "text",
    [
        "I would expect the function to be called every day at midnight.",
        "`schedule.every().tuesday.at('10:00').do(job)` cannot work as expected.",
        "It should run every working day at 6:00 - but it runs at 8AM",
        "I'd say it's a bug because the job fires at 9",
        "First of all, `59 13 * * *` executes a cron job 13:59, everyday.",
        "For a daily run, the correct expression is `0 0 * * *`",
        "(that's what the `* * * * *` means)",
        "- [Sep 18 run](https://example.com/runs/1): started 13:39 UTC, succeeded",
        "System logs show server restarted at 02:00 UTC due to maintenance.",
    ],
)
def test_a_report_is_told(text: str) -> None:
    assert narration.report_told(text, _words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The job `0 12 * * 3` runs at 12:00 UTC Wednesdays",
        "run the backup every day at 2am but not on Sundays",
        "0 9 * * 1-5 check the nightly build",
        "remind me every day at 9am",
    ],
)
def test_not_a_report(text: str) -> None:
    assert narration.report_told(text, _words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Current outerloop nightly builds are configured to trigger at 3 am UTC.",
        "Notifications are currently sent at 0 am every day.",
        "The workflow is configured to run every 10 minutes.",
        "Thanks for your library! I am using this library to run a job once a day.",
        "Current schedule: Every 15 minutes",
    ],
)
def test_a_setup_is_told(text: str) -> None:
    assert narration.setup_told(text, _words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "how do I use the inject node to trigger at 4 pm every Wednesday?",
        "set up a job to run every day at 3am",
        "change the current reminder to 9am",
    ],
)
def test_not_a_setup(text: str) -> None:
    assert narration.setup_told(text, _words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "You can set up a Zap using a schedule trigger that runs every Monday at 11 AM",
        "To run it once a day you'll need to set the cron to 0 0 23 * * *",
        "- Create a workflow with a Schedule node configured to run every 3 hours.",
        "You can schedule it to run every day at 2:00 AM:",
    ],
)
def test_a_guide_is_told(text: str) -> None:
    assert narration.guide_told(text, _words(text), text.split()[0].lower().strip("-")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Can you set up a reminder every Monday at 11 AM?",
        "You also need to set up a reminder that triggers every weekday at 16:10.",
        "remind me every Thursday at 6pm to put the bins out",
    ],
)
def test_not_a_guide(text: str) -> None:
    assert narration.guide_told(text, _words(text), text.split()[0].lower().strip("-")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Alexa: Would you like me to remind you to check the train status on weekdays at 7 AM?",
        "Shall I set a reminder for 6:30 tomorrow?",
        "Want me to set a reminder for 9am?",
    ],
)
def test_an_offer_is_made(text: str) -> None:
    assert narration.offer_made(text, _words(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["I want you to remind me at 9am", "Would you remind me every Monday at 10?"],
)
def test_not_an_offer(text: str) -> None:
    assert narration.offer_made(text, _words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The next meeting is January 23rd at 8am PST.",
        "Looks like we have a majority who are available for Wednesday at 11am.",
        "Thursdays at 9 AM PST works for everyone, so that will be our new meeting time.",
        "This pull requests implements our decision to meet weekly on Mondays.",
        "The inspector isn't available on Wednesday at 10 AM.",
    ],
)
def test_a_groups_time_is_told(text: str) -> None:
    first = text.split()[0].lower()
    assert narration.poll_told(text, _words(text), first) is not None


@pytest.mark.parametrize(
    "text",
    [
        "will you mark that i am busy for an event tomorrow at two pm",
        "schedule the next meeting for Thursday at 3pm",
        "Access is free on the first Sunday of each month",
        "Looks like rain tomorrow, remind me at 7 to take an umbrella",
    ],
)
def test_not_a_groups_time(text: str) -> None:
    first = text.split()[0].lower()
    assert narration.poll_told(text, _words(text), first) is None


@pytest.mark.parametrize(
    "text",
    ["Reminders without times should not send at midnight", "Shouldn't fire at midnight"],
)
def test_a_rule_is_told(text: str) -> None:
    assert narration.rule_told(text, _words(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["It should not run on weekends", "Should run every hour 5min past the hour."],
)
def test_not_a_rule(text: str) -> None:
    assert narration.rule_told(text, _words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "So you scheduled a Cron job for midnight(`0 0 * * *`) and added it to crontab, too.",
        "When scheduling a cron job at midnight everyday (`00 00 * * *`), it doesn't get executed.",
        'Seems there is no such options for reminder, so I must create it as "every day".',
        "The meeting has been updated to take place every other Monday at 8am PST.",
        "We want these jobs to run every day, not every minutes at midnight",
        "Added every other day reminder option",
        "Should run every Saturday",
        "The reconciliation job started at 02:00 UTC on its usual schedule.",
    ],
)
def test_statements_ask(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation, result.to_dict()


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Remind me every Thursday at 9 AM", "0 9 * * 4"),
        ("remind me every thursday at 8am", "0 8 * * 4"),
        ("fill timesheet every thrusday 3pm", "0 15 * * 4"),
        ("Check radio health every first day of the month, not every day in January", None),
    ],
)
def test_requests_keep_their_answers(text: str, expression: str | None) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok
    if expression is not None:
        assert not result.needs_confirmation, result.notes
        assert result.schedule is not None and result.schedule["expression"] == expression
