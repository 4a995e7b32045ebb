"""Zones in whole sentences (round six): a time converted into other zones, abbreviations the
text settles, meeting windows, and long commands whose task counts things with numbers.
The phrases are variants made up for each family, not the corpus's own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.conversions import same_instant

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


def _read(text: str) -> tuple[str | None, str | None, bool]:
    result = understand_fast(text, now=NOW)
    schedule = result.schedule or {}
    sure = result.ok and not result.needs_confirmation
    return schedule.get("expression") or schedule.get("rrule"), schedule.get("timezone"), sure


def test_same_instant_all_year_or_in_one_season_of_a_fixed_clock() -> None:
    assert same_instant((18, 0), "America/Los_Angeles", (21, 0), "America/New_York")
    assert same_instant((22, 0), "UTC", (15, 0), "America/Los_Angeles")  # PDT only: UTC is fixed
    assert same_instant((10, 0), "Asia/Kolkata", (21, 30), "America/Los_Angeles")  # the day before
    # New York's clock moves, UTC's does not: only one season agrees, so either may be the job's
    assert not same_instant((8, 0), "America/New_York", (13, 0), "UTC")
    assert not same_instant((9, 0), "UTC", (9, 0), "Europe/Paris")


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("every Monday at 6PM PT / 9PM ET", "0 18 * * 1", "America/Los_Angeles"),
        ("Fridays 3pm EST (12pm PST)", "0 15 * * 5", "America/New_York"),
        ("daily at 14:00 UTC (15:00 CET, 9:00 EST)", "0 14 * * *", "UTC"),
        ("every weekday 09:00 JST (00:00 UTC)", "0 9 * * 1-5", "Asia/Tokyo"),
        ("Wednesdays 11pm UTC (4pm PDT, 7pm EDT, 9am AEST)", "0 23 * * 3", "UTC"),
        ("every Sunday at 7 PM PT or 10 PM ET", "0 19 * * 0", "America/Los_Angeles"),
        # the conversion settles which IST: 23:40 is India's clock when UTC says 18:10
        ("every day at 18:10 UTC (23:40 IST)", "10 18 * * *", "UTC"),
        ("every day at 8:00 IST (02:30 UTC)", "0 8 * * *", "Asia/Kolkata"),
    ],
)
def test_a_time_converted_into_other_zones_is_read_in_the_first(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text) == (expression, zone, True)


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at 9am UTC (9am CET)",  # not the same instant: two schedules, or a slip
        "every day at 8:00 AM ET (13:00 UTC)",  # true in winter only: which clock is the job's?
        "every day at 9am IST",  # India, Ireland or Israel: read as India, and asked
        "every day at 9am IST (10:30 AM PST)",  # no IST is 10:30 PST at 9am
    ],
)
def test_times_that_are_not_conversions_ask(text: str) -> None:
    assert _read(text)[2] is False


@pytest.mark.parametrize(
    "text",
    [
        "every Tuesday at 7pm India time (IST)",
        "every Tuesday at 7pm IST (India)",
        "every Tuesday at 7pm Indian Standard Time",
    ],
)
def test_a_place_beside_an_abbreviation_settles_it(text: str) -> None:
    assert _read(text) == ("0 19 * * 2", "Asia/Kolkata", True)


def test_indian_is_a_zone_only_where_a_zone_goes() -> None:
    assert _read("cook Indian food every Friday at 7pm") == ("0 19 * * 5", "UTC", True)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the first Monday of each month 15:00-16:00 CET", "0 15 * * 1#1"),
        ("every third Thursday, 4:00-5:00pm CET", "0 16 * * 4#3"),
        ("every Friday 1:30-2:15pm CET", "30 13 * * 5"),
    ],
)
def test_a_meetings_window_starts_it(text: str, expression: str) -> None:
    assert _read(text)[:2] == (expression, "Europe/Paris")


def test_a_window_with_hours_of_either_half_of_the_day_is_not_guessed() -> None:
    assert _read("every day 9-5")[2] is False


@pytest.mark.parametrize(
    "text",
    [
        "every weekday at 8:15 and 16:15 Berlin time every weekday",
        "on Mondays at 7:00 and 19:00 Tokyo time, on Mondays",
    ],
)
def test_the_same_days_said_twice_are_one_group(text: str) -> None:
    assert _read(text)[2] is True


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 9am check the 3 servers and post the top 10 issues", "0 9 * * *"),
        ("post the top 5 stories every morning at 8", "0 8 * * *"),
        ("every Monday at 10am review ticket #4521 with the team", "0 10 * * 1"),
        ("every Friday at 4pm archive all 12 channels", "0 16 * * 5"),
        ("at noon every day, and the first reviewer to reply wins", "0 12 * * *"),
        ("every weekday at 9am ping the second reviewer on open PRs", "0 9 * * 1-5"),
    ],
)
def test_numbers_and_ordinals_that_count_things_are_the_tasks(text: str, expression: str) -> None:
    assert _read(text) == (expression, "UTC", True)


@pytest.mark.parametrize(
    "text",
    [
        "every day at 9am, 8 times a day",  # a count of runs, not a thing's
        "remind me every day to call at 5",  # a bare hour
    ],
)
def test_numbers_about_time_still_ask(text: str) -> None:
    assert _read(text)[2] is False


@pytest.mark.parametrize(
    "text",
    [
        "at 10:00 (XYZ) every weekday",
        "every Monday at 9:30 (ABC), post the numbers",
    ],
)
def test_an_unknown_abbreviation_in_brackets_after_the_time_asks(text: str) -> None:
    assert _read(text)[2] is False


@pytest.mark.parametrize(
    "text",
    [
        "Stale branches will be automatically deleted after 30 days.",
        "Logs will be archived within 7 days of the run",
        "let's move the time to 16:00 UTC on Thursdays",
        "can we change the meeting time to 3pm every Friday",
        "We would like the weekly summary email to list every merged PR.",
        "behaviours like daily digests and reminders",
    ],
)
def test_rules_changes_and_named_frequencies_are_not_new_schedules(text: str) -> None:
    assert _read(text)[2] is False


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("every weekday at 7am Japanese time", "0 7 * * 1-5", "Asia/Tokyo"),
        ("Fridays 4pm German time", "0 16 * * 5", "Europe/Berlin"),
        ("daily at 06:30 WITA", "30 6 * * *", "Asia/Makassar"),
        ("German class every Monday at 6pm", "0 18 * * 1", "UTC"),  # a class, not a clock
    ],
)
def test_a_countrys_adjective_names_its_zone_before_time(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text) == (expression, zone, True)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("post the standup notes at 10am every day, not on weekends", "0 10 * * 1-5"),
        ("every day at 8pm but not on Saturdays", "0 20 * * 0-5"),
        ("water the plants daily at 7am, and not Sundays", "0 7 * * 1-6"),
    ],
)
def test_a_clause_of_days_after_not_leaves_them_out(text: str, expression: str) -> None:
    assert _read(text)[:2] == (expression, "UTC")


def test_do_not_before_the_days_asks() -> None:
    assert _read("do not run it on Fridays at 9am")[2] is False


def test_a_day_of_the_month_after_before_or_after_is_the_events() -> None:
    expression, _, _ = _read("every month on the 5th at 9am, after payroll on the 1st")
    assert expression == "0 9 5 * *"


def test_a_limit_on_intervals_is_not_a_request() -> None:
    assert _read("the longest interval a job can wait is every 7 days")[2] is False


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("at the start of each day in the CET timezone", "0 0 * * *", "Europe/Paris"),
        ("at the beginning of every day, rotate the logs", "0 0 * * *", "UTC"),
        ("every Friday at 5pm in the Eastern time zone", "0 17 * * 5", "America/New_York"),
    ],
)
def test_the_start_of_every_day_and_a_zone_after_in_the(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text) == (expression, zone, True)


def test_the_start_of_every_day_and_a_time_of_day_ask() -> None:
    assert _read("at the start of every day at 9am")[2] is False
