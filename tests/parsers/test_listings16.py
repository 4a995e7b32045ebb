"""Round sixteen's listings: lunchtime with its clock time in brackets, the sun going down, a
start month with its year, "starting this week", a once-a-month series said to last N months,
a "but" with no schedule before it, an event's end said with "going on until about", the first
day of each cycle said after "alternate Mondays", a weekday before a start date, and hours that
start at one time on different days."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.build import months_counted
from agentcron.parsers.listings import without_cycle_remark
from agentcron.parsers.phrase import LAST_DAY, DayRef, Phrase
from agentcron.parsers.restated import without_restated_lunch
from agentcron.parsers.tokens import (
    but_before_any_schedule,
    lasting_until,
    sun_not_sunday,
    tokenize,
)

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> tuple[dict | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    return result.schedule, result.needs_confirmation


# -- lunchtime (13.00) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("at lunchtime (13.00) on Fridays", "at 13:00 on Fridays"),
        ("every Friday at lunch time (1.15pm)", "every Friday at 13:15"),
        ("Wednesdays at midday (12:30)", "Wednesdays at 12:30"),
        ("at lunch (12:30-1:30) on Mondays", "at 12:30-1:30 on Mondays"),
    ],
)
def test_lunchtime_with_its_clock_time_is_that_time(text: str, read: str) -> None:
    assert without_restated_lunch(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "every day at lunchtime (18:00)",  # not around midday: left for the grammar
        "lunch (2) every Friday at noon",  # a count, not a time
        "every day at lunchtime",
        "every day at noon (12:00)",
    ],
)
def test_other_brackets_after_lunchtime_are_kept(text: str) -> None:
    assert without_restated_lunch(text) == text


def test_the_last_friday_at_lunchtime_runs_once_at_the_brackets_time() -> None:
    schedule, _ = _read(
        "On the last Friday of every month at lunchtime (13.00) there will be a series of talks"
    )
    assert schedule is not None and schedule["expression"] == "0 13 * * 5L"


# -- the sun ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["at sun down", "at sun-down", "at sun rise", "when the sun sets"])
def test_sun_before_its_rising_or_setting_is_not_sunday(text: str) -> None:
    tokens = sun_not_sunday(tokenize(text))
    assert all(token.kind != lx.DAY for token in tokens)


def test_sun_alone_is_still_sunday() -> None:
    assert sun_not_sunday(tokenize("sun 9am"))[0].kind == lx.DAY
    assert sun_not_sunday(tokenize("sun, 9am"))[0].kind == lx.DAY


def test_a_draw_at_sun_down_asks() -> None:
    schedule, asked = _read("The prize is drawn each Sunday evening at sun down")
    assert schedule is None or asked


# -- start and end ----------------------------------------------------------------------------


def test_a_start_month_gone_by_years_ago_is_no_start() -> None:
    schedule, _ = _read(
        "Starting November 2023, we're thrilled to introduce community calls on the last "
        "Friday of every month at 1pm Paris time."
    )
    assert schedule is not None and "start_at" not in schedule
    assert schedule["expression"] == "0 13 * * 5L"


def test_a_start_month_with_a_year_to_come_starts_then() -> None:
    schedule, _ = _read("starting November 2027, every Friday at 1pm")
    assert schedule is not None and schedule["start_at"].startswith("2027-11-01")


@pytest.mark.parametrize(
    "text",
    [
        "Starting this week, office hours will be held on Tuesdays and Thursdays from 2-4 PM.",
        "beginning this week every Monday at 9am",
        "Starting this month, the 1st of every month at 9am",
    ],
)
def test_starting_this_week_starts_now(text: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and "start_at" not in schedule


def test_starting_this_week_on_a_day_still_asks_which() -> None:
    schedule, _ = _read("starting this week on Tuesday at 2pm")
    assert schedule is None


def test_a_weekday_before_a_start_date_only_names_its_day() -> None:
    schedule, _ = _read("As of Monday August 3, 2020 the pantry will be open Mondays from 10am")
    assert schedule is not None and schedule["expression"] == "0 10 * * 1"
    schedule, _ = _read("starting Tuesday, 5 May every day at 9am")
    assert schedule is not None and schedule["start_at"].startswith("2026-05-05")


def _for_months(lasting: int, **slots: object) -> Phrase:
    phrase = Phrase(**slots)  # type: ignore[arg-type]
    phrase.until = DayRef(days_later=-1, months_later=lasting)
    return phrase


def test_a_once_a_month_series_for_n_months_runs_n_times() -> None:
    phrase = _for_months(6, nth=[(-1, 5)], weekdays=[5], of_month=True)
    assert months_counted(phrase) and phrase.count == 6 and phrase.until is None
    phrase = _for_months(3, monthdays=[15])
    assert months_counted(phrase) and phrase.count == 3
    phrase = _for_months(3, monthdays=[LAST_DAY])
    assert months_counted(phrase) and phrase.count == 3


@pytest.mark.parametrize(
    "slots",
    [
        {"monthdays": [31]},  # some months have none
        {"nth": [(5, 5)]},  # nor a fifth Friday
        {"monthdays": [1, 15]},  # twice a month
        {"weekdays": [1]},  # weekly
        {"monthdays": [15], "months": [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]},
    ],
)
def test_other_series_keep_their_end_day(slots: dict[str, object]) -> None:
    phrase = _for_months(6, **slots)
    assert not months_counted(phrase) and phrase.count is None


def test_for_the_next_six_months_counts_six_month_end_reviews() -> None:
    schedule, _ = _read(
        "Schedule 'Month-End Review' on the last Friday of every month at 4pm for 1 hour on "
        "Work, for the next 6 months."
    )
    assert schedule is not None and schedule["rule"].endswith("COUNT=6")


# -- "but" ------------------------------------------------------------------------------------


def test_but_with_nothing_about_time_before_it_joins_clauses() -> None:
    text = "meetings are on the calendar, but 2nd + 4th tuesday at 9am"
    tokens = but_before_any_schedule(tokenize(text), text)
    assert all(token.value != "except" for token in tokens)
    schedule, _ = _read(
        "Meetings are on the [CNCF Public calendar](https://www.cncf.io/community/calendar/), "
        "but 2nd + 4th Tuesday at 9am Pacific"
    )
    assert schedule is not None and schedule["expression"] == "0 9 * * 2#2,2#4"


def test_but_after_a_schedule_still_leaves_days_out() -> None:
    text = "every day but sunday at 9"
    tokens = but_before_any_schedule(tokenize(text), text)
    assert any(token.value == "except" for token in tokens)


# -- "going on until about 9pm" -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "third thursday of each month, starting at 7.30pm and going on until about 9pm",
        "every friday at 6:30 p.m. and carries on till around 10:30pm",
        "the third thursday of each month, starting at 7.30pm and running until 9pm",
    ],
)
def test_going_on_until_a_time_ends_the_event(text: str) -> None:
    tokens = lasting_until(tokenize(text))
    assert any(token.value == "ending" for token in tokens)


def test_an_interval_keeps_its_window_end() -> None:
    tokens = lasting_until(tokenize("every 5 minutes from 9am and runs until 5pm"))
    assert all(token.value != "ending" for token in tokens)


def test_the_thursday_club_runs_at_its_start() -> None:
    schedule, _ = _read(
        "The group meets on the third Thursday evening of each month (except August) in the "
        "Link, starting at 7.30pm and going on until about 9pm."
    )
    assert schedule is not None and schedule["expression"] == "30 19 * 1-7,9-12 4#3"


# -- alternate Mondays (first Monday of each iteration) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Runs at 12 PM IST on alternate Mondays (first Monday of each iteration).",
            "Runs at 12 PM IST on alternate Mondays.",
        ),
        (
            "every other Friday at 3pm (the first Friday of each sprint)",
            "every other Friday at 3pm",
        ),
    ],
)
def test_the_first_day_of_each_cycle_is_said_again(text: str, read: str) -> None:
    assert without_cycle_remark(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at 9am (first Monday of each cycle)",  # not every other week
        "every other Monday (first Monday of each month)",  # a day of the month: kept
        "alternate Mondays at 10am",
    ],
)
def test_other_brackets_are_kept(text: str) -> None:
    assert without_cycle_remark(text) == text


def test_alternate_mondays_at_noon_ist() -> None:
    schedule, _ = _read("Runs at 12 PM IST on alternate Mondays (first Monday of each iteration).")
    assert schedule is not None
    assert schedule["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=12")


# -- hours that start at one time -------------------------------------------------------------


def test_hours_starting_at_one_time_on_two_groups_of_days_run_at_that_start() -> None:
    schedule, asked = _read(
        "Green Giant FM broadcasts live on Tuesdays and Thursdays from 7:30 AM to 9:15 PM, and "
        "on Wednesdays and Fridays from 7:30 AM to 4:00 PM."
    )
    assert schedule is not None and schedule["expression"] == "30 7 * * 2-5" and asked


def test_hours_starting_at_other_times_stay_refused() -> None:
    schedule, asked = _read(
        "We are open from Monday - Friday 8.00 a.m to 6.00 p.m and on Saturdays from 9.00 a.m "
        "to 5.00 p.m."
    )
    assert schedule is None or asked


# -- hostile input stays fast -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lunchtime (" * 500,
        "alternate Mondays (first Monday of each iteration " * 120,
        "sun down " * 600,
        "but " * 1250,
        "going on to about " * 300,
    ],
)
def test_hostile_inputs_stay_fast(text: str) -> None:
    started = time.perf_counter()
    without_restated_lunch(text)
    without_cycle_remark(text)
    understand_fast(text[:5000], timezone="UTC", now=NOW)
    assert time.perf_counter() - started < 2.0
