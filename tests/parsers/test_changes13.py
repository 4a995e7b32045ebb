"""Statements vs requests, round thirteen (changes13): change descriptions that state a whole new
schedule are read ("X instead of Y": X; "move … to 1:00pm EST on thursdays"), and asked; a change
or a title that names only part of a schedule asks, never fills the rest with a default; feature,
changelog and newsletter lines, past narration, bug reports and chat about a meeting are told,
not asked. Each decision on its own, then through the whole sentence. Phrases from the "r12
opened" failures and tests/parsers/outside/t13_changes_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.doubts import letter_runs
from agentcron.parsers.result import ParseResult
from agentcron.parsers.salvage import instead_of

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


def read(text: str) -> ParseResult:
    return understand_fast(text, timezone="UTC", now=NOW)


def brief(answer: ParseResult) -> str:
    assert answer.ok and answer.schedule is not None, answer.reason
    schedule = answer.schedule
    said = schedule.get("expression") or schedule.get("rule") or schedule.get("datetime")
    said = said or f"every {schedule.get('interval')}s"
    return f"{said} {schedule['timezone']}"


# -- the new schedule said whole -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fix: run stale workflow once every six hours instead of every minute", "0 */6 * * *"),
        ("Run the stale workflow only once a day at 08:00 instead of every hour.", "0 8 * * *"),
        (
            "netdata: debsecan: refresh debsecan reports every 6 hours instead of every hour",
            "0 */6 * * *",
        ),
        ("// Sample every 4 hours instead of every hour for performance", "0 */4 * * *"),
        (
            "The background refresh for Workspaces has been changed to every four hours instead "
            "of every hour.",
            "0 */4 * * *",
        ),
        (
            "Do not run `stale` workflow once an hour, but once a day (randomly picked 8:00).",
            "0 8 * * *",
        ),
    ],
)
def test_the_new_schedule_beside_the_old_is_read_and_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert brief(answer) == f"{expected} UTC"
    assert answer.needs_confirmation


def test_instead_of_leaves_answers_and_texts_without_it_alone() -> None:
    answered = read("every day at 9am")
    assert instead_of("every day at 9am", answered, read=read) is None
    refused = read("every 6 hours and every hour")
    assert instead_of("every 6 hours and every hour", refused, read=read) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Move working group to 1:00pm EST on thursdays 📅", "0 13 * * 4 America/New_York"),
        ("Changed meeting time to Thursdays at 8:30 PST", "30 8 * * 4 America/Los_Angeles"),
        (
            "Move the systemd timer to once-daily at 00:00 UTC with a 30-min jitter, keeping "
            "`Persistent=true` so we catch up if the host was down at the scheduled time.",
            "0 0 * * * UTC",
        ),
        ("change my reminder to every day at 9am", "0 9 * * * UTC"),
    ],
)
def test_a_change_with_its_whole_new_schedule_is_read_and_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert brief(answer) == expected
    assert answer.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "move my reminder to 10am",
        "move standup to Friday",
        "Change trash pickup back to Friday mornings if we can get that",
        "Moved the standup bot trigger timing back to 1:30am UTC",
    ],
)
def test_a_change_with_part_of_a_schedule_stays_refused(text: str) -> None:
    answer = read(text)
    assert not answer.ok
    assert "change to a job" in (answer.reason or "")


# -- part of a schedule, no time: asked ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ci: run the update workflow every Mon",
        "Execute stale workflow only once a day",
        "Only send the fufillment reminder on weekdays",
        "Schedule Renovate updates for only Monday mornings",
        "I _believe_ this will change the cron job to run on mondays only..",
        "Change execution to the first Monday of a month",
        "BOT telegram daily schedule massage with python",
        "Per discussion in the GAMMA meeting, let's meet every other Tuesday.",
        "“Hampton Breakfast Bunch Wednesday”",
        "`$ nodebot Remind me to foo bar on Thursday`",
        "I want to have functionality to be able to add a recurring task e.g. every third "
        "Wednesday of each month.",
        "It never ceases to amaze me how good our Wednesdays continue to be.",
    ],
)
def test_part_of_a_schedule_without_a_time_asks(text: str) -> None:
    assert narration.part_only(text, words(text)) is not None
    answer = read(text)
    assert not answer.ok or answer.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "every monday",
        "Aeon only accepts pitches from the 1st to the 7th of each month",
        "remind me every weekday to stretch",
        "Gym Monday",
    ],
)
def test_requests_without_a_time_are_not_taken_for_titles(text: str) -> None:
    assert narration.part_only(text, words(text)) is None


# -- told, not asked -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Adds the requested daily, weekday, Monday, Friday, and custom schedule presets to the "
        "Console task form.",
        "Clarifies that a scheduler-capable Agent, rather than the Python CLI itself, creates and "
        "verifies the default 23:00 collection daily-report task.",
        "- Adds a weekday evening schedule to the User Agent Eval agentic workflow.",
        "Updating sigs.yaml for meeting time change to 10 AM PT and running `make`",
        "- Introduce a new meeting targeting 3PM PT.",
        "common: apt: clean downloaded package archives every 7 days by default",
    ],
)
def test_a_change_or_a_feature_described_is_told(text: str) -> None:
    assert narration.change_described(text, words(text)) is not None
    answer = read(text)
    assert not answer.ok or answer.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "add a reminder every monday at 9am",
        "schedule the next meeting for Thursday at 3pm",
        "Update workflow to run on 1pm UTC every day",
        "every weekday at 9am",
    ],
)
def test_requests_are_not_changelog_lines(text: str) -> None:
    assert narration.change_described(text, words(text)) is None


def test_schedule_the_next_meeting_keeps_its_answer() -> None:
    answer = read("schedule the next meeting for Thursday at 3pm")
    assert brief(answer) == "2026-01-15T15:00:00Z UTC"


@pytest.mark.parametrize(
    "text",
    [
        "There is also a Slack bot every Wednesday & Friday prompting a check-in.",
        "There was a water leak in the Youth Services area on Monday, January 26th.",
        "@cgthayer the community meeting is at 9am pacific as the readme already states.",
        "Got it. 6/16 (Wed) 10 AM. Pacific time.",
        "The current meeting time is 11:30 UTC.",
        "This is still 5 PM CET.",
        "The content scoop of Levelbuilder content into Staging should happen at noon.",
        "At Thursdays Club meeting a discussion came up on group runs.",
        "cron.weekly is a weekly newsletter, delivered to you every Sunday, with news & tools "
        "tailored to Linux sysadmins.",
    ],
)
def test_how_things_are_is_told(text: str) -> None:
    assert narration.situation_told(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Got it. Now remind me at 5pm",
        "Great. Now, let's put the dentist in my calendar at 3pm tomorrow",
        "the time is afternoon 12",
        "remind me every day at 9",
    ],
)
def test_requests_are_not_situations(text: str) -> None:
    assert narration.situation_told(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "[`20 9 * * 1-5`](https://crontab.guru/#20_9_*_*_1-5) runs 30 minutes earlier since 3 "
        "days.",
        "First time after save or after reload docker container, the task runs 1 hour after, at 16",
    ],
)
def test_a_run_off_by_an_amount_is_a_fault(text: str) -> None:
    assert narration.fault_report(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "PING - meeting starts in half an hour at the zoom link in the top of this issue",
        "First meeting would be on April 3rd.",
        "In addition, an administrative meeting will be held on Tuesdays to do assignment of "
        "tasks.",
    ],
)
def test_an_event_told_asks(text: str) -> None:
    assert narration.tells_of_a_time(text, words(text)) is not None
    answer = read(text)
    assert not answer.ok or answer.needs_confirmation


# -- second landing: weekly by a tool's nature, an event named by its day, a past "as of" --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Restore the Sunday 16:00 UTC cron trigger in `apps/web/wrangler.jsonc` so the "
            "worker is invoked at the stored send slot.",
            "0 16 * * 0 UTC",
        ),
        (
            "Schedules grouped Dependabot updates for Sunday at 00:00 UTC before Monday "
            "maintenance.",
            "0 0 * * 0 UTC",
        ),
        ("run the cron job on Friday at 3pm", "0 15 * * 5 UTC"),
        (
            "As of January 2021, our meetings are on Tuesdays at "
            "[19:00 UTC](http://time.unitarium.com/utc/6pm).",
            "0 19 * * 2 UTC",
        ),
        (
            "By default, this job may be configured to run every 15 minutes. For faster "
            "delivery, update the schedule to run every 1 minute.",
            "* * * * * UTC",
        ),
    ],
)
def test_a_habit_read_through_what_surrounds_it_is_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert brief(answer) == expected
    assert answer.needs_confirmation


def test_a_reminder_about_a_cron_on_a_day_stays_that_day() -> None:
    answer = read("remind me to check the cron on Friday at 3pm")
    assert brief(answer) == "2026-01-16T15:00:00Z UTC"


def test_an_event_by_its_day_is_set_aside_only_from_a_refusal() -> None:
    from agentcron.parsers.salvage import without_event_by_day

    answered = read("every Sunday at 9am")
    assert (
        without_event_by_day("every Sunday at 9am before Monday standup", answered, read=read)
        is None
    )


def test_a_past_year_since_when_is_dropped_only_with_a_habit() -> None:
    from agentcron.parsers.under_way import without_past_year

    assert without_past_year("As of January 2021, our meetings are on Tuesdays at 7pm") == (
        "our meetings are on Tuesdays at 7pm"
    )
    assert without_past_year("As of January 2021 the office moved") is None
    assert without_past_year("on January 5 2021 at 9am") is None


@pytest.mark.parametrize(
    "text",
    [
        "The `schedule: daily on weekdays` line tells `gh-aw` to run the workflow once a day, "
        "Monday through Friday.",
        "Schedule the next meeting for Monday.",
    ],
)
def test_an_explained_schedule_or_a_meeting_without_its_time_asks(text: str) -> None:
    assert narration.part_only(text, words(text)) is not None


def test_an_event_described_after_a_long_dated_opening_is_told() -> None:
    text = "On Holy Thursday, April 9th, the Mass of the Lord’s Supper will be celebrated at 7 PM."
    assert narration.future_event(text, words(text)) is not None


def test_an_event_by_its_day_is_the_runs_day_when_the_run_names_none() -> None:
    # the confessions are on the Saturday of the Vigil Mass: not a one-off today
    answer = understand_fast(
        "Confessions are available from 3:30 PM - 4:30 PM before the Saturday Vigil Mass."
    )
    assert answer.schedule == {"type": "cron", "expression": "30 15 * * 6", "timezone": "UTC"}
    assert answer.needs_confirmation
