"""Texts that mention a time but do not ask for a run (parsers/narration.py, round twelve): an
event's day told in a newsletter or in minutes, a thing begun or done, the speaker's own event
after its day, a run off its time observed, a change described by its subject. Each rule on its
own, then through the whole sentence; near-misses keep their answers. Phrases from
tests/parsers/outside/t12_events_narration.txt and round eleven's opened r11_ files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.doubts import letter_runs

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


@pytest.mark.parametrize(
    "text",
    [
        "The next Lions Club meeting was on Monday, Sept. 28.",
        "The previous release meeting was on Monday.",
        "Members met March 19 with Victor Racicot and Tom Eier as the two speakers.",
        "The board met on Tuesday at 7pm",
    ],
)
def test_a_day_told_in_the_past(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "remind me that we met on Monday",
        "The meeting was moved to Monday",  # a change: doubts.change asks it
        "Meet on Monday at 9am",
    ],
)
def test_not_a_day_told_in_the_past(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The next Lions Club meeting will be November 28. also at Whitey’s.",
        "Our next gaming will be tuesday night.",
        "The potluck will again be on Friday",
        "Next meeting is on Aug 3rd.",
        "Our next meeting is on the third Wednesday.",
    ],
)
def test_an_events_day_told_without_its_time(text: str) -> None:
    assert narration.day_told(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Our next meeting will be on February 18 at 6pm in the MPR",  # its time said: once
        "Meetings will be Thursday at noon ET",
        "The meeting will be every Tuesday at 7pm",  # no day right after "be"
        "remind me the meeting will be Monday",  # a request
        "The report will be late",
        "Trash Pickup is on Tuesday",  # a habit, in the present
        "Office hours are on October 15.",
        "Next meeting is on November 23 at 1:00PM.",  # its time said: once
    ],
)
def test_not_a_day_told(text: str) -> None:
    assert narration.day_told(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Social distanced Tuesday track workouts have begun.",
        "Practices have resumed on Mondays",
        "We’ve scheduled the next meeting for Thursday the 13th, hopefully more people show then.",
        "I've booked the room for Friday at 3pm",
        "The game has been cancelled on Saturday",
    ],
)
def test_a_thing_begun_or_done(text: str) -> None:
    assert narration.told_as_done(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Have it start at 9am",
        "I've got to leave at 5pm",
        "remind me when the sale has started at 9",
        "please check the backup has finished by 6am",
    ],
)
def test_not_a_thing_done(text: str) -> None:
    assert narration.told_as_done(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Next Wednesday we will have our Area's Humorist and Table Topics Speech Contest.",
        "We will have our first quiz on 14th hmm",
        "On Friday we are going to host a bake sale",
        "Tomorrow we'll have a guest speaker at 7pm",
    ],
)
def test_the_speakers_event_after_its_day(text: str) -> None:
    assert narration.speaker_hosts(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "remind us that we have a meeting on Friday",
        "make sure we have the report by Friday 5pm",
        "every Monday at 9 check that we have backups",
        "I have an appointment at 1pm on wednesday with Alex",  # a reminder's statement
        "On Monday we have a standup.",
    ],
)
def test_not_the_speakers_event(text: str) -> None:
    assert narration.speaker_hosts(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "All workflows are being triggered 2 hours and 40 minutes later than expected.",
        "A backup that runs a few hours later than scheduled costs nothing",
        "**Feb 16 10:00 AM:** Rank Collection Retry skipped",
    ],
)
def test_a_run_off_its_time_is_a_fault(text: str) -> None:
    assert narration.fault_report(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "skip the backup on Feb 16",
        "remind me at 9am if the build was skipped to",
        "every day at 5pm, later than the standup",
    ],
)
def test_not_a_fault(text: str) -> None:
    assert narration.fault_report(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "This PR changes the meetings calendar invite to every third Tuesday of each month.",
        "A planned job migration changes the schedule to 04:00 UTC and triples volume.",
        "The admin changes the schedule to 08:00 after the fact",
    ],
)
def test_a_change_told_by_its_subject(text: str) -> None:
    assert narration.change_told(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "change the schedule to 4pm",  # a request to change a job: doubts.change
        "remind me when the light changes to green",
        "every Monday at 9 update the changelog",
    ],
)
def test_not_a_change_told(text: str) -> None:
    assert narration.change_told(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The next Lions Club meeting was on Monday, Sept. 28.",
        "The next Lions Club meeting will be November 28. also at Whitey’s.",
        "We’ve scheduled the next meeting for Thursday the 13th, hopefully more people show then.",
        "Next Wednesday we will have our Area's Humorist and Table Topics Speech Contest.",
        "Members met March 19 with Victor Racicot and Tom Eier as the two speakers.",
        "Social distanced Tuesday track workouts have begun.",
        "All workflows are being triggered 2 hours and 40 minutes later than expected, even "
        "though the time zone is set correctly.",
        "This PR changes the meetings calendar invite to every third Tuesday of each month, and "
        "adds Tigera YouTube information to the repo.",
        "**Feb 16 9:00 AM:** SQP Retry + GSC Report skipped",
        # (round fifteen: a group's next meeting, told to its members, is asked about — as the
        # held-out r13 and r14 phrases expect; r10's "=> once 02-18 18:00" is still right, asked)
        "Our next meeting will be on February 18 at 6pm in the MPR",
    ],
)
def test_told_texts_are_asked_about(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("schedule the next meeting for Thursday at 3pm", "at", "2026-01-15T15:00:00Z"),
        ("remind me next Wednesday", "at", "2026-01-21T09:00:00Z"),
        ("The meeting will be every Tuesday at 7pm", "cron", "0 19 * * 2"),
        ("run the release at 5pm AEST", "at", "2026-01-15T06:00:00Z"),
    ],
)
def test_near_misses_keep_their_answers(text: str, kind: str, value: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok and not result.needs_confirmation, result.reason or result.notes
    assert result.schedule is not None and result.schedule["type"] == kind
    key = "datetime" if kind == "at" else "expression"
    assert result.schedule[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "Observe that release will be created and deployed at 5pm AEST",
        "You will notice that the job ran at 2am",
        "Midnight EST seems arbitrary and acceptable.",
        "Midnight seems to be the peak hour of the day.",
        "9am sounds good to me",
        "Mondays, Wednesdays, and Fridays as listed on the Street Sweeping Schedule Map (PDF)",
    ],
)
def test_an_observation_an_opinion_or_a_pointer(text: str) -> None:
    assert narration.observed(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sounds good, remind me at 5pm",  # the verb opens: an answer, then a request
        "note the meter reading every Monday at 9am",
        "see the doctor on Friday at 3pm",
        "every Monday at 9 post the agenda as listed in the doc",  # the task's, not the days'
    ],
)
def test_not_an_observation(text: str) -> None:
    assert narration.observed(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "- .github/workflows/codeql.yml: Mon 00:00 -> Mon 00:41 UTC (cron '41 0 * * 1')",
        "nightly: 03:00 → 04:30",
        "standup 9am -> 10am",
    ],
)
def test_an_arrow_between_two_times(text: str) -> None:
    assert narration.arrow_between_times(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Runs every 5 minutes from 10:00 → 14:59",  # a window said with "from"
        "06:00 UTC nightly → autopilot-generate",  # an arrow to a task
        "every day at 9am",
    ],
)
def test_not_an_arrow_between_two_times(text: str) -> None:
    assert narration.arrow_between_times(text) is None


_EARLY = ('"6:30" read on the 24-hour clock as 06:30',)


def test_a_groups_meeting_in_the_small_hours_asks() -> None:
    text = "The first Thursday of every month at 6:30, a longstanding group meets for the club."
    assert narration.gathering_small_hours(text, _EARLY) is not None
    assert narration.gathering_small_hours("back up the database at 6:30", _EARLY) is None
    assert narration.gathering_small_hours(text, ('"18:30" read as 18:30',)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The first Thursday of every month at 6:30, a longstanding group meets for the "
        "Unforgettable Mystery Book Club.",
        "We've got beginner BJJ on Tuesdays and Thursdays at 6:30",
        "We want to schedule bot for the specific time with specific commands(daily)",
        "Observe that release will be created and deployed at 5pm AEST",
        "Midnight EST seems arbitrary and acceptable.",
        "- .github/workflows/codeql.yml: Mon 00:00 -> Mon 00:41 UTC (cron '41 0 * * 1')",
        "Mondays, Wednesdays, and Fridays as listed on the Street Sweeping Schedule Map (PDF)",
        "Our next (ZOOM) Meeting will be Tuesday, April 20, at 12:00 Noon, with President DALE "
        "BURMESTER presiding as usual.",
    ],
)
def test_observed_texts_are_asked_about(text: str) -> None:
    summer = datetime(2026, 7, 15, 10, 0, tzinfo=UTC)
    for now in (NOW, summer):
        result = understand_fast(text, now=now)
        assert not result.ok or result.needs_confirmation, (now, result.schedule)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Meetings on Mondays at 7:30 in the morning", "30 7 * * 1"),
        ("Runs on the 1st and 15th of each month at 6:30 AM UTC", "30 6 1,15 * *"),
        ("New Bern Breakfast Rotary: Meets every Thursday at 7:30AM at Famouses.", "30 7 * * 4"),
        ("Board meetings are held on the first Tuesday of each month at 6:30 PM.", "30 18 * * 2#1"),
        ("back up the database every day at 6:30", "30 6 * * *"),
    ],
)
def test_times_said_in_full_keep_their_answers(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok and not result.needs_confirmation, result.reason or result.notes
    assert result.schedule is not None and result.schedule["expression"] == expression


@pytest.mark.parametrize(
    "text",
    [
        "Expected: Runs at 9 AM daily",
        "Expected behavior: the job runs every Monday at 9am",
        "Actual result: job fired at 05:00",
        "Observed: the workflow starts at 10:00 UTC",
    ],
)
def test_expected_or_actual_behaviour_is_described(text: str) -> None:
    assert narration.behaviour_described(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "remind me of the expected delivery at 5pm",
        "run the actual backup every night at 2am",
        "expected delivery: Friday 5pm",  # a label that is no behaviour
    ],
)
def test_not_a_behaviour_described(text: str) -> None:
    assert narration.behaviour_described(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "It was triggered at 2:13 AM.",
        "It ran at 3am on Sunday",
    ],
)
def test_a_run_told_in_the_past_by_it(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is not None


def test_it_before_a_request_is_no_past() -> None:
    text = "it is time to run the backup at 3am"
    assert narration.told_in_the_past(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Practice was cancelled on Thursday",
        "The 9am standup has been called off",
    ],
)
def test_an_event_called_off(text: str) -> None:
    assert narration.change_told(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "It seems the job runs every hour",
        "In that file it looks like the cron job is being run every hour.",
    ],
)
def test_what_it_seems_is_observed(text: str) -> None:
    assert narration.observed(text, words(text)) is not None


def test_a_request_about_how_it_looks_is_not_observed() -> None:
    text = "remind me at 9am if it looks like rain"
    assert narration.observed(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "A scheduled task that fails every night at 03:17 is an alert nobody reads",
        "The 3am backup keeps failing",
        "Each night at 11pm the build breaks",
    ],
)
def test_a_run_that_fails_is_told(text: str) -> None:
    assert narration.fault_report(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "alert me if the backup fails at 3am",
        "every night at 3am run the tests and report what fails",
        "notify me every day at 9am when a build failed overnight",
    ],
)
def test_a_failure_a_request_waits_for_is_no_fault(text: str) -> None:
    assert narration.fault_report(text, words(text)) is None
