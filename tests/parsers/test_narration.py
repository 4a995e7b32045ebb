"""Sentences that tell of a time rather than ask for one (parsers/narration.py), and the habits
told without "every" (parsers/timetable.py): each decision on its own, then through the whole
sentence. Phrases from tests/parsers/outside/t10_statements.txt, t11_statements.txt and the
opened failures of rounds nine and ten."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.doubts import letter_runs
from agentcron.parsers.languages import other_language
from agentcron.parsers.timetable import habit_said, one_off, weekly_reading

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


@pytest.mark.parametrize(
    "text",
    [
        "The meeting will start at 1pm.",
        "The ceremony will begin at 7p CST sharp.",
        "Boarding will begin at 7:05 p.m. Please have your passport ready.",
        "Doors open at 7 pm; the presentation will begin at 7:30 pm",
        "The evening event is set to start at 7pm but may be moved earlier.",
        "the lunch and learn session on kubernetes will start at 1pm in conference room b",
        "Dinner will be served at 7:00 PM.",
    ],
)
def test_an_event_described_in_the_future_is_told(text: str) -> None:
    assert narration.future_event(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I will leave in 2 minutes",  # the speaker's plan: a reminder's
        "remind me that the meeting will start at 1pm",  # a request
        "Schedule the backup to start at 1pm",
        "the job will run at 10:00",  # a job's run, read by the grammar's habit rule
        "meeting at 1pm",
    ],
)
def test_a_plan_or_a_request_is_not_an_event_described(text: str) -> None:
    assert narration.future_event(text, words(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was called to order at 14:05 UTC.",
        "Call to Order: Meeting called to order at 6:02 PM.",
        "The meeting is called to order at 12:10 PM",
        "The meeting was adjourned at 15:00 UTC.",
        "The old design ran finalization only on Monday mornings.",
    ],
)
def test_what_happened_is_told(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "A Cron job is triggered at 1 AM PST everyday",  # a present passive: a habit
        "A free functional workout held on the first and third Thursday of each month.",
        "the digest is sent once per day at 08:00 SGT",
        "check what was deployed at 5pm",  # a request; "was" after a wh-word
        "The backup was scheduled for 3am",  # an announcement's, asked elsewhere
    ],
)
def test_a_habit_or_a_request_is_not_told_in_the_past(text: str) -> None:
    assert narration.told_in_the_past(text, words(text)) is None


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The event generation was NOT running every 30 minutes as expected.", True),
        ("agent uptime checker was not running every 5 minutes as it was suppose to", True),
        ("the cron didn't fire at 2am", True),
        ("the backup never ran on Sunday", True),
        ("Runs every weekday at 11:30 AM. It does not run on Saturday or Sunday.", False),
        ("every day at 9, don't run it on Fridays", False),
    ],
)
def test_a_fault_is_reported_in_the_past_not_an_exclusion(text: str, reported: bool) -> None:
    assert (narration.fault_report(text, words(text)) is not None) is reported


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("No meetings on Fridays", True),
        ("WEEKENDS: No practice", True),
        ("No office hours on Aug 27, watch this space", True),
        ("no later than 5pm on Friday", False),
        ("No, every Monday at 9", False),
        ("remind me every Monday at 9", False),
    ],
)
def test_nothing_happens_on_the_days_named(text: str, nothing: bool) -> None:
    assert (narration.nothing_happens(text, words(text)) is not None) is nothing


def test_two_events_each_with_its_days() -> None:
    text = (
        "City Council Regular meetings take place on the 1st & 3rd Wednesday each month and "
        "Study Sessions take place on the 2nd & 4th Wednesday of each month."
    )
    assert narration.two_events(text, words(text)) is not None
    one = "Regular meetings take place on the 1st & 3rd Wednesday each month"
    assert narration.two_events(one, words(one)) is None


@pytest.mark.parametrize(
    ("text", "habit"),
    [
        ("Backups now trigger automatically at midnight", True),
        ("Note: In production, counters reset automatically at midnight.", True),
        ("I wake up at 7 AM.", True),
        ("During the work week, I wake up at 5:30 AM.", True),
        ("I go to the gym at 6am", True),
        ("I have a meeting at 3pm", False),  # a one-off, said of oneself
        ("I woke up at 7", False),
        ("meeting at 1pm", False),
    ],
)
def test_a_daily_habit_without_a_day(text: str, habit: bool) -> None:
    assert (habit_said(text, words(text)) is not None) is habit


def test_only_and_all_weeks_make_a_bare_day_weekly() -> None:
    only = "This is now correctly spelled `update` and is scheduled for _only_ Monday morning."
    assert weekly_reading(only, "Monday") is not None
    assert weekly_reading("TA (Medha): Mon 5 to 6pm all weeks.", "Monday") is not None
    assert weekly_reading("Nick: - Monday 6:30 PM at Young 111", "Monday") is not None
    assert weekly_reading("only this Monday at 9am", "Monday") is None  # dated


def test_this_dates_a_day_only_before_one() -> None:
    assert one_off("see you this monday", words("see you this monday"))
    subject = "this is scheduled for only monday morning"
    assert not one_off(subject, words(subject))


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Backups now trigger automatically at midnight", "0 0 * * *"),
        ("During the work week, I wake up at 5:30 AM.", "30 5 * * 1-5"),
        ("TA (Medha): Mon 5 to 6pm all weeks.", "0 17 * * 1"),
        ("Nick: - Monday 6:30 PM at Young 111", "30 18 * * 1"),
        ("every 2 hours during the work week", "0 */2 * * 1-5"),
        (
            "Where I work, we don't do daily standups. Instead we have a standup on a Monday & "
            "a standup on a Friday.",
            "0 9 * * 1,5",
        ),
    ],
)
def test_habits_read_as_repeating_and_asked(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == expression
    assert result.needs_confirmation


@pytest.mark.parametrize(
    "text",
    [
        "The meeting will start at 1pm.",
        "The meeting was called to order at 14:05 UTC.",
        "For the pink/white zones - your pick up has moved from Tuesday to Monday",
        "WEEKENDS: No practice",
        "agent uptime checker was not running every 5 minutes as it was suppose to",
        "You cannot schedule a cron job to run every 5 seconds.",
    ],
)
def test_descriptions_and_statements_are_not_answered_silently(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("meeting at 1pm", "2026-01-14T13:00:00Z"),  # a scheduler box's bare phrase: a request
        ("team meeting tomorrow at 1pm", "2026-01-15T13:00:00Z"),
    ],
)
def test_a_bare_phrase_is_still_a_request(text: str, when: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule == {"type": "at", "datetime": when, "timezone": "UTC"}
    assert not result.needs_confirmation


# -- round eleven: an event's time stated, a feature, a commit, another language ----------------


@pytest.mark.parametrize(
    "text",
    [
        "This meeting starts at 8:00 pm.",
        "Our worship service itself begins at 10:00 a.m.",
        "These are held at noon US Eastern time (ET).",
        "Lunch is served at 11:45 p.m. on Thursday preceded by arm chair exercises.",
        "Doors open at 6:30 PM. We recommend arriving at least 30 minutes early.",
        "Get your teams ready! The hackathon kicks off at 9 AM.",
        "Friday gates open at 6 PM; worship begins at 6:30 PM.",  # two events, each its time
        "Doors open 6PM",  # the time right after the verb
    ],
)
def test_an_event_s_time_stated_in_the_present_is_told(text: str) -> None:
    assert narration.event_stated(text, words(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "remind me when lunch is served at 11:45",  # a request; the event after "when"
        "Hey remind me when doors open at 6:30",
        "please open the garage at 6pm",  # a request's verb, no subject
        "we start at 9",  # the speaker's plan
        "Our Sunday Mass is celebrated at 9:00 AM.",  # weekly, by the timetable's reading
        "The train leaves at 06:20 tomorrow",  # dated: once
        "meeting at 1pm",
    ],
)
def test_a_request_a_dated_or_a_weekly_event_is_not_an_event_stated(text: str) -> None:
    assert narration.event_stated(text, words(text)) is None


def test_a_word_that_says_it_repeats_makes_the_stated_time_a_habit() -> None:
    text = "Doors open at 6:30 PM every Friday."
    assert narration.event_stated(text, words(text)) is not None  # the check alone
    assert narration.tells_of_a_time(text, words(text)) is None  # the entry point: a habit


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Take medicine at specified times every day", True),
        ("The workflow starts automatically every day at the configured time.", True),
        (
            'offer a button "Snooze last reminder" which will create it again in 10minutes time',
            True,
        ),
        ("S - Snooze for 10 minutes", True),
        ("Fires at a user-configurable time (default: 8pm)", True),  # a default is no choice
        ("run my backup at a scheduled time, e.g. at 7:30pm everyday", False),  # the time said
        ("set a continuous alarm without the option to snooze for 7 am please", False),
        ("remind me at 9am every day", False),
    ],
)
def test_a_feature_described_leaves_its_time_to_someone(text: str, described: bool) -> None:
    assert (narration.feature_described(text, words(text)) is not None) is described


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Scheduler started – next run at 07:30 Europe/Zurich", True),
        ("systemd timer shows next run at 02:00 ET", True),
        ("remind me on the last Friday at 5pm", False),
        ("run the backup next Monday at 9", False),
    ],
)
def test_a_scheduler_s_next_run_is_shown_not_asked_for(text: str, shown: bool) -> None:
    assert (narration.status_shown(text, words(text)) is not None) is shown


@pytest.mark.parametrize(
    ("text", "commit"),
    [
        ("docs: Remove references to nightly run at 3am UTC", True),
        ("revert: run integration tests nightly at 1am", True),
        ("Remove the nightly cron, add a no-backend guard", True),
        ("ci: run nightly build at 22:00 KST", False),  # adds a run
        ("delete old logs at 3am every day", False),  # a job whose task is deleting
    ],
)
def test_a_commit_or_a_run_taken_away_is_not_a_run_asked_for(text: str, commit: bool) -> None:
    assert (narration.commit_described(text, words(text)) is not None) is commit


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Encender Luz Comedor al ponerse el sol y apagarse a las 11 pm", True),
        ("Fiesta de Navidad en el Centro Comunitario a las 7 PM.", True),
        ("Despiértame a las 7 pm", False),  # its time is all it says
        ("Check Y every hour", False),
        ("Trims the log file twice every day at 2:00 AM/PM LA time.", False),
    ],
)
def test_two_small_words_of_another_language_make_it_ask(text: str, other: bool) -> None:
    assert (other_language(words(text)) is not None) is other


@pytest.mark.parametrize(
    "text",
    [
        "This meeting starts at 8:00 pm.",
        "These are held at noon US Eastern time (ET).",
        "docs: Remove references to nightly run at 3am UTC",
        'Snooze Support: "Remind me in 10 minutes" via voice',  # the label says it
        "Reminds teams to do their daily standups at specified times every weekday.",
        "Encender Luz Comedor al ponerse el sol y apagarse a las 11 pm",
        "Changed direct news collection schedule from daily to every 15 minutes.",
    ],
)
def test_statements_of_round_eleven_are_not_answered_silently(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        ("standup at 9:30 every weekday", {"type": "cron", "expression": "30 9 * * 1-5"}),
        ("lunch at noon tomorrow", {"type": "at", "datetime": "2026-01-15T12:00:00Z"}),
        ("Doors open at 6:30 PM every Friday.", {"type": "cron", "expression": "30 18 * * 5"}),
        ("ci: run nightly build at 22:00 KST", {"type": "cron", "expression": "0 22 * * *"}),
        ("Remind me in 10 minutes", {"type": "at", "datetime": "2026-01-14T10:10:00Z"}),
        ("Despiértame a las 7 pm", {"type": "at", "datetime": "2026-01-14T19:00:00Z"}),
    ],
)
def test_requests_beside_them_keep_answering(text: str, schedule: dict[str, str]) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None
    assert {key: result.schedule[key] for key in schedule} == schedule
    assert not result.needs_confirmation
