"""Round eleven, spans (t11_spans.txt): steps that do not fit the clock inside a window, a
length said again in brackets, "GMT/BST", seasonal alternatives, a past start with a rule that
goes on, countdowns, and how-to questions that carry the schedule they ask about."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast
from agentcron.parsers.howto import asks_for_expression, asks_how_to_schedule
from agentcron.parsers.restated import (
    length_seconds,
    part_year_alternative,
    without_restated_length,
    without_season_conversions,
)
from agentcron.parsers.under_way import read_as_under_way
from agentcron.parsers.windows import uneven_minute_step

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _schedule(text: str, zone: str = "UTC") -> dict[str, object]:
    result = parse_fast(text, timezone=zone, now=NOW)
    assert result.schedule is not None, result.reason
    return result.schedule


# -- how-to questions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asks_to_schedule"),
    [
        ("How do I make it run every minute?", True),
        ("how do I use the inject node to trigger at 4 pm every Wednesday?", True),
        ("how can I run a script every 2 hours?", True),
        ("ok so how do I schedule a job for weekdays only?", True),
        # what is set, or how to change or undo it: still questions
        ("how do I know what runs at 5pm every day?", False),
        ("how do I stop it from running every day at 9?", False),
        ("how do I change the backup to run at 3am?", False),
        ("how often does the backup run?", False),
        ("how long does the 9am job run?", False),
        # not a how-to question at all
        ("run the backup every day at 9", False),
    ],
)
def test_how_to_questions_that_set_a_schedule_up(text: str, asks_to_schedule: bool) -> None:
    assert asks_how_to_schedule(text) is asks_to_schedule


def test_a_how_to_question_is_answered_with_its_schedule() -> None:
    schedule = _schedule("how do I use the inject node to trigger at 4 pm every Wednesday?")
    assert schedule["expression"] == "0 16 * * 3"


def test_a_question_about_what_is_set_is_still_refused() -> None:
    result = parse_fast("how do I know what runs at 5pm every day?", timezone="UTC", now=NOW)
    assert result.schedule is None
    assert "question" in (result.reason or "")


# -- a length said twice -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "seconds"),
    [("2.5", "hours", 9000.0), ("90", "m", 5400.0), ("1", "wk", 604800.0), ("3", "apples", None)],
)
def test_length_seconds(amount: str, unit: str, seconds: float | None) -> None:
    assert length_seconds(amount, unit) == seconds


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Every 2.5 hours (150 minutes)", "Every 2.5 hours"),
        ("every 90 minutes (1.5 hours) check", "every 90 minutes check"),
        ("Every 1.5 hours (90m)", "Every 1.5 hours"),
        # another length is an alternative, read as one and asked about
        ("every 2 hours (90 minutes)", "every 2 hours (or 90 minutes)"),
        # a bracket that is no length stays
        ("every 2 hours (roughly)", "every 2 hours (roughly)"),
    ],
)
def test_without_restated_length(text: str, kept: str) -> None:
    assert without_restated_length(text) == kept


def test_a_length_said_again_is_not_added_to_itself() -> None:
    schedule = _schedule("Set rule: Every 2.5 hours (150 minutes)")
    assert schedule["type"] == "every"
    assert schedule["interval"] == 9000


def test_another_length_in_brackets_asks() -> None:
    result = parse_fast("every 2 hours (90 minutes)", timezone="UTC", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 */2 * * *"
    assert result.needs_confirmation


# -- windows -----------------------------------------------------------------------------------


def test_gmt_beside_bst_is_the_uk_clock() -> None:
    schedule = _schedule("every 45 minutes between 6 AM - 11 PM UK time (GMT/BST)")
    assert schedule["timezone"] == "Europe/London"
    assert schedule["rule"].startswith("FREQ=DAILY;BYHOUR=6,7,8")


def test_gmt_alone_is_still_utc() -> None:
    assert _schedule("at 9am GMT", zone="Europe/Paris")["timezone"] == "UTC"


def test_market_hours_named_then_said() -> None:
    """The hours said after "Market hours:" are the window; the exchange's clock stays."""
    schedule = _schedule("Market hours: Every 15 minutes from 9:30 AM to 4:30 PM")
    assert schedule["timezone"] == "America/New_York"
    assert "BYHOUR=9,10,11,12,13,14,15,16;" in schedule["rule"]
    assert "BYDAY=MO,TU,WE,TH,FR" in schedule["rule"]


# -- countdowns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Start a 15-minute countdown.", 15),
        ("start a 10 minute countdown", 10),
        ("Set a countdown timer for 5 minutes", 5),
        ("set a countdown for 2 hours", 120),
        ("a 20 min countdown please", 20),
        ("start a countdown of 10 minutes", 10),
        ("countdown from 10 minutes", 10),
    ],
)
def test_a_countdown_is_a_timer(text: str, minutes: int) -> None:
    schedule = _schedule(text)
    assert schedule["type"] == "at"
    fires = datetime.fromisoformat(str(schedule["datetime"]))
    assert (fires - NOW).total_seconds() == minutes * 60


@pytest.mark.parametrize("text", ["the final countdown", "a 5 minute walk"])
def test_no_timer(text: str) -> None:
    assert parse_fast(text, timezone="UTC", now=NOW).schedule is None


# -- a cron job's uneven step ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("every 45 minutes between 8am-10am", 45),
        ("every 40 mins", 40),
        ("every 90 minutes", 90),
        ("every 15 minutes", None),
        ("every 2 hours", None),
    ],
)
def test_uneven_minute_step(text: str, step: int | None) -> None:
    assert uneven_minute_step(text) == step


def test_a_cron_job_every_45_minutes_asks() -> None:
    """cron's */45 runs at :00 and :45 of each hour; the words say every 45 minutes on end."""
    text = "Cron job is scheduled for every 45 minutes between 8am-10am from Monday-Thursday"
    result = parse_fast(text, timezone="UTC", now=NOW)
    assert result.needs_confirmation
    plain = parse_fast(text.removeprefix("Cron job is scheduled for "), timezone="UTC", now=NOW)
    assert not plain.needs_confirmation


# -- a schedule already under way --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Beginning January 5 2006 we knit. It started on January 5, 2006 and meets every "
            "other Thursday",
            "Beginning January 5 2006 we knit. It starting January 5, 2006 and meets every "
            "other Thursday",
        ),
        (
            "which began on Wednesday, November 14th @ 7:30 p.m. and it will continue monthly",
            "which began @ 7:30 p.m. and it will continue monthly",
        ),
        (
            "We have met every other Tuesday at 6pm since January 7, 2020",
            "We have met every other Tuesday at 6pm starting January 7, 2020",
        ),
        (
            "It began in 2019 and continues every Friday at noon",
            "It began and continues every Friday at noon",
        ),
        # "since" a day of no year: left for the grammar, which refuses it
        ("every Monday since March 3rd", None),
        # no rule goes on after it: left alone
        ("The backup started on March 3rd at 2pm", None),
        # weeks counted from a start of no year: left alone (the grammar refuses)
        ("The club started on March 3rd and meets every other Sunday at 2pm", None),
    ],
)
def test_read_as_under_way(text: str, read: str | None) -> None:
    assert read_as_under_way(text) == read


def test_a_past_start_anchors_every_other_week() -> None:
    schedule = _schedule("The club started on March 3rd, 2024 and meets every other Sunday at 2pm")
    # March 3, 2024 was a Sunday: 98 weeks on, January 18, 2026 is in the series
    assert schedule["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;BYHOUR=14")
    assert schedule["start_at"] == "2026-01-18T14:00:00Z"


def test_began_in_a_month_and_a_day() -> None:
    text = (
        "Beginning in January 5 2006, we will have a knitting group every other Thursday at 4 PM."
    )
    schedule = _schedule(text)
    assert schedule["start_at"] == "2026-01-22T16:00:00Z"  # 2006-01-05 + 1046 weeks


def test_a_monthly_rule_goes_on_after_its_first_date() -> None:
    text = (
        "a new monthly event, which began on Wednesday, November 14th @ 7:30 p.m. and it will "
        "continue on the second Wednesday of every month."
    )
    assert _schedule(text)["expression"] == "30 19 * * 3#2"


# -- another time for part of the year ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "two_jobs"),
    [
        ("we gather for worship every Sunday at 11:00am (June-August at 10:30).", True),
        ("daily at 7am (8am from November to March)", True),
        ("daily at 7:00 AM (8:00 AM from November to March)", True),
        ("every Sunday at 11am, 10am in July and August", True),
        ("every Sunday at 11am (June through August: 10am)", True),
        # the months alone restrict the one time
        ("every Monday at 9am (June-August)", False),
        ("every day at 9am, in June and July", False),
        # "may" the verb
        ("every day at 9am (you may snooze at 9:15)", False),
        ("every day at 9am", False),
    ],
)
def test_part_year_alternative(text: str, two_jobs: bool) -> None:
    assert part_year_alternative(text) is two_jobs


def test_a_part_year_time_is_not_merged_into_one_schedule() -> None:
    text = "we gather for worship every Sunday at 11:00am (June-August at 10:30)."
    result = parse_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is None
    assert "two jobs" in (result.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "We meet every Wednesday at 11am CDT (usually 18:00 CET, but beware different switches "
        "to Summer time in EU and US)",
        "Fridays at 13:07 UTC (9:07am ET in summer, 8:07am ET in winter)",
    ],
)
def test_a_conversion_in_brackets_is_no_part_year_time(text: str) -> None:
    assert not part_year_alternative(text)


# -- a time said again on another clock, season by season ---------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Fridays at 13:07 UTC (9:07am ET in summer, 8:07am ET in winter).",
            "Fridays at 13:07 UTC.",
        ),
        ("at 17:00 UTC (1pm EDT in summer, 12pm EST in winter)", "at 17:00 UTC"),
        # winter's time is another instant: the bracket stays
        (
            "Fridays at 13:07 UTC (9:07am ET in summer, 9:07am ET in winter)",
            "Fridays at 13:07 UTC (9:07am ET in summer, 9:07am ET in winter)",
        ),
        ("daily at 7am (8am in winter)", "daily at 7am (8am in winter)"),
    ],
)
def test_without_season_conversions(text: str, kept: str) -> None:
    assert without_season_conversions(text) == kept


def test_a_utc_time_restated_per_season_is_that_utc_time() -> None:
    text = "Schedule: Fridays at 13:07 UTC (9:07am ET in summer, 8:07am ET in winter)."
    assert _schedule(text)["expression"] == "7 13 * * 5"


# -- a question asking for a schedule's expression ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What is the cron expression for every Monday at 9 AM?", True),
        ("what's the crontab entry to run every minute", True),
        ("what is the schedule expression for every day at 6?", True),
        # what is set
        ("What is the schedule for tomorrow?", False),
        ("what time is the standup?", False),
    ],
)
def test_asks_for_expression(text: str, asks: bool) -> None:
    assert asks_for_expression(text) is asks


def test_the_expression_asked_for_is_the_schedule() -> None:
    schedule = _schedule("What is the cron expression for every weekday at 9 AM IST?")
    assert schedule["expression"] == "0 9 * * 1-5"
    assert schedule["timezone"] == "Asia/Kolkata"


@pytest.mark.parametrize(
    "text",
    [
        "How do I make it run every minute?",
        "How to run a cron job every day at 5 AM?",
        "What is the cron expression for every minute?",
    ],
)
def test_a_question_for_a_schedule_is_answered_without_asking(text: str) -> None:
    result = parse_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is not None
    assert not result.needs_confirmation, result.notes
