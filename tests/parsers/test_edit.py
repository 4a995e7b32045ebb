"""Plain-language edits read against a job's current schedule: only what is named changes.
The phrasings are the ones people use with calendar and reminder apps ("push it back an
hour", "reschedule to 3pm", "switch to Mondays"), not just our own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers.edit import understand_edit

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # Monday 8:00 in New York
NY = "America/New_York"


def job(schedule: dict[str, Any] | None, **fields: Any) -> dict[str, Any]:
    return {
        "schedule": schedule,
        "goal": "post the standup notes",
        "name": "standup",
        "status": "active",
        "delivery": {
            "channel": "slack:C0GENERAL",
            "channels": ["slack:C0GENERAL"],
            "failures_to": "slack:U0ALICE",
        },
        **fields,
    }


WEEKDAYS_9 = job({"type": "cron", "expression": "0 9 * * 1-5", "timezone": NY})
TWICE = job({"type": "cron", "expression": "0 9,17 * * *", "timezone": NY})
EVERY_15 = job({"type": "cron", "expression": "*/15 * * * *", "timezone": NY})
ONCE = job({"type": "at", "datetime": "2026-03-05T14:00:00Z", "timezone": NY})
FORTNIGHTLY = job(
    {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
        "timezone": NY,
        "start_at": "2026-03-03T20:00:00Z",
    }
)


@pytest.mark.parametrize(
    ("current", "text", "expression"),
    [
        (WEEKDAYS_9, "move it to 10am", "0 10 * * 1-5"),
        (WEEKDAYS_9, "Move it to 10 AM.", "0 10 * * 1-5"),
        (WEEKDAYS_9, "can you move it to 8:30?", "30 8 * * 1-5"),
        (WEEKDAYS_9, "reschedule to 3pm", "0 15 * * 1-5"),
        (WEEKDAYS_9, "make it run at noon", "0 12 * * 1-5"),
        (WEEKDAYS_9, "run it at 7pm instead please", "0 19 * * 1-5"),
        (WEEKDAYS_9, "from now on at 11", "0 11 * * 1-5"),
        (WEEKDAYS_9, "push it back an hour", "0 10 * * 1-5"),
        (WEEKDAYS_9, "bring it forward 30 minutes", "30 8 * * 1-5"),
        (WEEKDAYS_9, "2 hours later", "0 11 * * 1-5"),
        (WEEKDAYS_9, "on Fridays instead", "0 9 * * 5"),
        (WEEKDAYS_9, "switch to Mondays", "0 9 * * 1"),
        (WEEKDAYS_9, "on tuesdays and thursdays", "0 9 * * 2,4"),
        (WEEKDAYS_9, "change it to every Tuesday", "0 9 * * 2"),
        (WEEKDAYS_9, "every day", "0 9 * * *"),
        (WEEKDAYS_9, "every monday at 8am", "0 8 * * 1"),
        (WEEKDAYS_9, "every 2 hours", "0 */2 * * *"),
        (TWICE, "an hour later", "0 10,18 * * *"),
        (TWICE, "on fridays", "0 9,17 * * 5"),
    ],
)
def test_only_what_is_named_changes(current: dict[str, Any], text: str, expression: str) -> None:
    proposal = understand_edit(text, current, now=NOW)
    assert proposal.ok, proposal.reason
    assert proposal.changes == {
        "schedule": {"type": "cron", "expression": expression, "timezone": NY}
    }
    [line] = proposal.understood
    assert line.startswith("when: At 09:00 AM")


def test_a_zone_named_moves_the_job_to_it() -> None:
    proposal = understand_edit("at 9am Pacific", WEEKDAYS_9, now=NOW)
    assert proposal.changes["schedule"] == {
        "type": "cron",
        "expression": "0 9 * * 1-5",
        "timezone": "America/Los_Angeles",
    }


def test_a_one_time_job_keeps_its_day() -> None:
    proposal = understand_edit("move it to 4:30pm", ONCE, now=NOW)
    assert proposal.changes["schedule"]["datetime"] == "2026-03-05T21:30:00Z"
    later = understand_edit("an hour later", ONCE, now=NOW)
    assert later.changes["schedule"]["datetime"] == "2026-03-05T15:00:00Z"
    moved = understand_edit("next friday at 9am", ONCE, now=NOW)
    assert moved.changes["schedule"]["datetime"] == "2026-03-06T14:00:00Z"


def test_a_calendar_recurrence_keeps_its_rule() -> None:
    proposal = understand_edit("move it to 10am", FORTNIGHTLY, now=NOW)
    assert proposal.changes["schedule"]["rule"] == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10;BYMINUTE=0"
    )
    days = understand_edit("on fridays", FORTNIGHTLY, now=NOW)
    assert days.changes["schedule"]["rule"] == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=15;BYMINUTE=0"
    )


@pytest.mark.parametrize(
    ("current", "text", "reason"),
    [
        (EVERY_15, "move it to 10am", "not at a time of day"),
        (EVERY_15, "an hour later", "not at a time of day"),
        (TWICE, "move it to 10am", "which one moves"),
        (WEEKDAYS_9, "tomorrow", "one date, and the job repeats"),
        (WEEKDAYS_9, "16 hours later", "past midnight"),
        (WEEKDAYS_9, "banana", "could not find a schedule"),
        (WEEKDAYS_9, "at 9am", "changes nothing"),
        (WEEKDAYS_9, "", "say what to change"),
        (job(None), "an hour later", "no schedule to move"),
    ],
)
def test_what_cannot_be_read_as_a_change_is_refused(
    current: dict[str, Any], text: str, reason: str
) -> None:
    proposal = understand_edit(text, current, now=NOW)
    assert not proposal.ok
    assert reason in (proposal.reason or "")
    assert proposal.changes == {}


def test_where_what_and_name() -> None:
    proposal = understand_edit(
        "move it to 10am and post it to <#C0OPS1234|ops>", WEEKDAYS_9, now=NOW
    )
    assert proposal.changes["delivery"] == {
        "channel": "slack:C0OPS1234",
        "failures_to": "slack:U0ALICE",  # the rest of the delivery is kept
    }
    assert proposal.changes["schedule"]["expression"] == "0 10 * * 1-5"
    assert len(proposal.understood) == 2

    goal = understand_edit("change the goal to write the notes and send them", WEEKDAYS_9, now=NOW)
    assert goal.changes == {"goal": "write the notes and send them"}
    named = understand_edit("rename it to “Daily standup”", WEEKDAYS_9, now=NOW)
    assert named.changes == {"name": "Daily standup"}
    mine = understand_edit("send it to me", WEEKDAYS_9, now=NOW, owner_dm="U0ALICE")
    assert mine.changes["delivery"]["channel"] == "slack:U0ALICE"
    assert not understand_edit("send it to me", WEEKDAYS_9, now=NOW).ok


def test_pause_and_resume() -> None:
    assert understand_edit("pause it", WEEKDAYS_9, now=NOW).changes == {"status": "paused"}
    paused = {**WEEKDAYS_9, "status": "paused"}
    assert understand_edit("resume it", paused, now=NOW).changes == {"status": "active"}


def test_a_job_without_a_schedule_gets_one_in_the_given_zone() -> None:
    proposal = understand_edit("every day at 7am", job(None), timezone="Europe/Berlin", now=NOW)
    assert proposal.changes["schedule"] == {
        "type": "cron",
        "expression": "0 7 * * *",
        "timezone": "Europe/Berlin",
    }


FORTNIGHTLY_FROM_START = job(
    {
        # RFC 5545: no BYHOUR, so the rule runs at its start's time of day (3 PM)
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "timezone": NY,
        "start_at": "2026-03-03T15:00:00-05:00",
    }
)


@pytest.mark.parametrize(
    ("text", "start_at", "timezone"),
    [
        ("move it to 10am", "2026-03-03T10:00:00-05:00", NY),
        ("an hour later", "2026-03-03T16:00:00-05:00", NY),
        ("push it back 30 minutes", "2026-03-03T15:30:00-05:00", NY),
        ("at 9am Pacific", "2026-03-03T09:00:00-08:00", "America/Los_Angeles"),
    ],
)
def test_a_rule_that_takes_its_time_from_its_start_moves_its_start(
    text: str, start_at: str, timezone: str
) -> None:
    proposal = understand_edit(text, FORTNIGHTLY_FROM_START, now=NOW)
    assert proposal.ok, proposal.reason
    assert proposal.changes["schedule"] == {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "timezone": timezone,
        "start_at": start_at,
    }


def test_a_start_at_the_old_time_moves_with_it_so_the_first_run_stays_first() -> None:
    # FORTNIGHTLY starts Tuesday 3 March at 3 PM, after NOW: moved to 10 AM it must still
    # run that Tuesday, not a fortnight later
    proposal = understand_edit("move it to 10am", FORTNIGHTLY, now=NOW)
    assert proposal.changes["schedule"]["start_at"] == "2026-03-03T10:00:00-05:00"
    # a start that is not at one of the times (a creation moment) stays where it is
    odd = job({**FORTNIGHTLY["schedule"], "start_at": "2026-03-02T13:07:00Z"})
    assert understand_edit("move it to 10am", odd, now=NOW).changes["schedule"]["start_at"] == (
        "2026-03-02T13:07:00Z"
    )


def test_a_rule_by_the_minute_or_hour_has_no_time_of_day_to_move() -> None:
    hourly = job({**FORTNIGHTLY_FROM_START["schedule"], "rule": "FREQ=HOURLY;INTERVAL=2"})
    proposal = understand_edit("move it to 10am", hourly, now=NOW)
    assert not proposal.ok and "not at a time of day" in (proposal.reason or "")


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("move it to 9am and 4pm", "0 9,16 * * 1-5", NY),
        ("at 8:30am and 5:30pm", "30 8,17 * * 1-5", NY),
        ("at 10am and 2pm Pacific", "0 10,14 * * 1-5", "America/Los_Angeles"),
        # a phrase that says how often or which days is the whole new schedule
        ("every day at 9am and 5pm", "0 9,17 * * *", NY),
        ("9am and 4pm on fridays", "0 9,16 * * 5", NY),
    ],
)
def test_several_times_alone_keep_the_days(text: str, expression: str, zone: str) -> None:
    proposal = understand_edit(text, WEEKDAYS_9, now=NOW)
    assert proposal.ok, proposal.reason
    assert proposal.changes["schedule"] == {
        "type": "cron",
        "expression": expression,
        "timezone": zone,
    }


def test_several_times_alone_keep_a_calendar_rules_days() -> None:
    proposal = understand_edit("move it to 9am and 4pm", FORTNIGHTLY_FROM_START, now=NOW)
    assert proposal.changes["schedule"]["rule"] == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9,16;BYMINUTE=0"
    )
    assert proposal.changes["schedule"]["start_at"] == "2026-03-03T09:00:00-05:00"
