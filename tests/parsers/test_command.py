"""split_command: when, what and where from one line of Slack."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import split_command

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def test_the_issue_example() -> None:
    parts = split_command("every Monday at 9 post the on-call handover to #ops", now=NOW)
    assert parts.schedule_text == "every Monday at 9am"
    assert parts.goal == "post the on-call handover"
    assert parts.channel == "#ops"
    assert parts.result.schedule == {"type": "cron", "expression": "0 9 * * 1", "timezone": "UTC"}
    assert parts.result.human_readable == "At 09:00 AM, only on Monday, UTC"


@pytest.mark.parametrize(
    ("text", "schedule_text", "goal", "channel"),
    [
        (
            "post the on-call handover to #ops every Monday at 9am",
            "every Monday at 9am",
            "post the on-call handover",
            "#ops",
        ),
        (
            "every Monday post the weekly report at 9am",
            "every Monday at 9am",
            "post the weekly report",
            None,
        ),
        (
            "summarize yesterday's incidents every weekday at 9am Pacific in <#C0123ABC|incidents>",
            "every weekday at 9am Pacific",
            "summarize yesterday's incidents",
            "C0123ABC",
        ),
        (
            "tomorrow at 3pm remind the team about the demo",
            "tomorrow at 3pm",
            "remind the team about the demo",
            None,
        ),
        ("in 20 minutes check on the deploy", "in 20 minutes", "check on the deploy", None),
        (
            "remind me to stretch every hour from 9 to 5 on weekdays",
            "every hour from 9am to 5pm on weekdays",
            "stretch",
            None,
        ),
        (
            "every 15 minutes ping the health endpoint and report to #alerts",
            "every 15 minutes",
            "ping the health endpoint and report",
            "#alerts",
        ),
        ("0 9 * * 1-5 check the nightly build", "0 9 * * 1-5", "check the nightly build", None),
        ("check the build and every friday at 4pm", "every friday at 4pm", "check the build", None),
        (
            "#Sales: daily at 8am send the pipeline summary",
            "daily at 8am",
            "send the pipeline summary",
            "#sales",
        ),
    ],
)
def test_split(text: str, schedule_text: str, goal: str, channel: str | None) -> None:
    parts = split_command(text, now=NOW)
    assert (parts.schedule_text, parts.goal, parts.channel) == (schedule_text, goal, channel)
    assert parts.result.schedule is not None


def test_a_command_without_a_schedule_keeps_its_goal_and_says_why() -> None:
    parts = split_command("check the weather in #general", now=NOW)
    assert parts.schedule_text is None
    assert parts.goal == "check the weather"
    assert parts.channel == "#general"
    assert parts.result.schedule is None
    assert parts.result.reason == "could not find a schedule in the text"


def test_an_ambiguous_hour_is_a_guess_that_asks() -> None:
    parts = split_command("at 5 send the report", now=NOW)
    assert parts.result.needs_confirmation
    assert parts.schedule_text == "at 5pm"
    assert parts.goal == "send the report"


def test_the_request_zone_applies() -> None:
    parts = split_command("tomorrow at 9am standup notes", timezone="Europe/Berlin", now=NOW)
    assert parts.result.schedule == {
        "type": "at",
        "datetime": "2026-01-15T08:00:00Z",
        "timezone": "Europe/Berlin",
    }
