"""Families that schedules written the way cron describers and schedulers' docs write them
(t6_descriptions.txt) showed the grammar missed, each tested in words of our own."""

from __future__ import annotations

import pytest

from tests.parsers.reading import asks as _refused
from tests.parsers.reading import cron as _cron
from tests.parsers.reading import read as _read

# -- minutes that divide an hour, through the hours named on the hour --------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Every minute, at 4:00 AM", "* 4 * * *"),
        ("every minute at 11pm", "* 23 * * *"),
        ("Every 10 minutes, at 07:00 AM, Monday through Friday", "*/10 7 * * 1-5"),
        ("every 3 minutes at 6pm on Sundays", "*/3 18 * * 0"),
        ("Every 15 minutes, at 8:00 AM and 6:00 PM", "*/15 8,18 * * *"),
        ("every 20 minutes at 13:00", "*/20 13 * * *"),
    ],
)
def test_minute_steps_run_through_the_hour_named(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "every 7 minutes at 3pm",  # 7 does not divide the hour
        "every 5 minutes at 3:30pm",  # not on the hour: from then, or in that hour?
        "every 2 hours at 9am",
        "every 90 minutes at 10am",
    ],
)
def test_other_intervals_with_a_time_are_refused(text: str) -> None:
    assert _refused(text)


# -- minutes past the hour, of the hours named ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 05 and 10 minutes past the hour, at 03:00 AM", "5,10 3 * * *"),
        ("at 15 minutes past the hour, at 9am and 5pm on weekdays", "15 9,17 * * 1-5"),
        ("At 7 and 11 through 13 minutes past the hour, at 08:00 PM", "7,11,12,13 20 * * *"),
        ("At 40 minutes past the hour, at 14:00, only on Sunday", "40 14 * * 0"),
    ],
)
def test_minutes_past_the_hour_of_the_hours_named(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "every hour at 9am",  # an hourly schedule at one time of day
        "At 5 minutes past the hour, at 01:30 AM",  # the time has its own minutes
        "every 2 hours at 15 minutes past the hour, at 3am",
    ],
)
def test_minutes_past_with_other_times_are_refused(text: str) -> None:
    assert _refused(text)


# -- a part of the hour, written as minutes from one to another ----------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Every 4 minutes, minutes 10 through 40 past the hour", "10-40/4 * * * *"),
        ("Every 2 minutes, minutes 00 through 30 past the hour, at 6:00 AM", "0-30/2 6 * * *"),
        (
            "Every 5 minutes, minutes 0 through 25 past the hour, between 08:00 AM and 10:59 AM",
            "0-25/5 8-10 * * *",
        ),
        ("every 3 minutes, minutes 30-45 past the hour, on Mondays", "30-45/3 * * * 1"),
    ],
)
def test_minute_steps_keep_to_a_part_of_the_hour(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_part_of_the_hour_with_a_window_not_of_whole_hours_is_refused() -> None:
    assert _refused("Every 5 minutes, minutes 0 through 25 past the hour, between 8am and 10:30am")


# -- days of the month from one to another, "day N" written as describers write it ---------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 06:00 AM, between day 3 and 9 of the month", "0 6 3-9 * *"),
        ("between day 10 and 20 of the month at 9am", "0 9 10-20 * *"),
        (
            "At 07:30 PM, on day 1 through 5 and 25 through the last day of the month",
            "30 19 1-5,25-31 * *",
        ),
        ("At 11:00 PM, on day 28 through the last day of the month", "0 23 28-31 * *"),
    ],
)
def test_days_of_the_month_from_one_to_another(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_days_of_the_month_backwards_are_refused() -> None:
    assert _refused("between day 20 and 5 of the month at 9am")


# -- the same interval said again in a verbose description ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Every minute, every hour, every day", "* * * * *"),
        ("every 10 minutes, every hour", "*/10 * * * *"),
        ("On the hour, every 4 hours, starting at 01:00 AM", "0 1,5,9,13,17,21 * * *"),
    ],
)
def test_verbose_descriptions(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_two_real_intervals_are_still_refused() -> None:
    assert _refused("every 10 minutes every 2 hours")


# -- how much of a period, not which part of it ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["5 days a month at 1:00am", "3 days a week at 9am", "10 minutes an hour", "2 hours per day"],
)
def test_a_share_of_a_period_is_refused(text: str) -> None:
    assert _refused(text)


def test_all_of_a_period_is_not_a_share() -> None:
    assert _cron("every day at 9am, seven days a week") == "0 9 * * *"


# -- months from one to another, odd and even months, the last weekday in a month ------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Every day at noon between September and December", "0 12 * 9-12 *"),
        ("every day at 8am between November and February", "0 8 * 1,2,11,12 *"),
        ("between March and May on Mondays at 9am", "0 9 * 3-5 1"),
        ("on the 1st of every even month at 9am", "0 9 1 2,4,6,8,10,12 *"),
        ("every odd numbered month on the 15th at noon", "0 12 15 1,3,5,7,9,11 *"),
        ("on the last Friday in every odd-numbered month at midnight", "0 0 * 1,3,5,7,9,11 5L"),
    ],
)
def test_months_named_as_a_span_or_by_parity(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_last_weekday_alone_is_still_the_past() -> None:
    assert _read("last Friday at 9am")["schedule"] is None


# -- spelled ordinals past the tenth, and odd or even dates ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("on the eleventh of May every year", "0 9 11 5 *"),
        ("the twenty-first of June every year at 9am", "0 9 21 6 *"),
        ("every month on the thirty-first at noon", "0 12 31 * *"),
        ("on the twelfth of every month at 8am", "0 8 12 * *"),
        ("every year on December twenty-fifth at 7am", "0 7 25 12 *"),
        ("every even-numbered day at 6pm", "0 18 2,4,6,8,10,12,14,16,18,20,22,24,26,28,30 * *"),
        ("on every odd numbered day at 9am", "0 9 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31 * *"),
    ],
)
def test_spelled_ordinals_and_parity_of_dates(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_every_odd_day_asks() -> None:
    # it may mean every other day
    assert _read("every odd day at 9am")["needs_confirmation"]


# -- numbers listed before an ordinal: "the 1, 8, 15 and 22nd" -------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # these lost every day but the last one named (a wrong answer, not a refusal)
        ("on the 1 and 15th of each month at 9am", "0 9 1,15 * *"),
        ("the 3, 10 and 17th of every month at noon", "0 12 3,10,17 * *"),
        ("Every hour, on the hour on the 2 and 4th of every month", "0 * 2,4 * *"),
        ("07:00 and 19:00 on the 5, 12 and 20th of every month", "0 7,19 5,12,20 * *"),
        ("the 1 and 3rd Monday of the month at 10am", "0 10 * * 1#1,1#3"),
        # ordinal hours of the day
        ("Every minute of 6, 9 and 12th hour", "* 6,9,12 * * *"),
        ("Every 0th minute past the 5, 10 and 15th hour on Mon and Wed", "0 5,10,15 * * 1,3"),
        ("Every 0th minute every hour", "0 * * * *"),
    ],
)
def test_numbers_then_an_ordinal(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text", ["on the 5, 10 and 40th at 9am", "Every minute of 6 and 25th hour"]
)
def test_numbers_then_an_ordinal_out_of_range_are_refused(text: str) -> None:
    assert _refused(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 5 minutes from 10 through 20 minutes past the hour", "10-20/5 * * * *"),
        ("every 10 minutes from 30 to 50 minutes past the hour on weekdays", "30-50/10 * * * 1-5"),
        ("every minute from 10 to 20 minutes past the hour", "10-20 * * * *"),
    ],
)
def test_minute_steps_from_one_minute_to_another(text: str, expression: str) -> None:
    assert _cron(text) == expression


# -- a month of every quarter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day on the first month of every quarter at 9am", "0 9 * 1,4,7,10 *"),
        ("on the 1st of the last month of each quarter at 9am", "0 9 1 3,6,9,12 *"),
        ("every Monday in the second month of every quarter at 8am", "0 8 * 2,5,8,11 1"),
    ],
)
def test_a_month_of_every_quarter(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_quarter_has_three_months() -> None:
    assert _refused("the fourth month of every quarter")


# -- days of the week from one to another, said with "between" -------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("at 10:15 every day between Monday and Friday", "15 10 * * 1-5"),
        ("every hour between Tuesday and Thursday", "0 * * * 2-4"),
        ("every day at 9am between Friday and Monday", "0 9 * * 0,1,5,6"),
    ],
)
def test_days_between_two_weekdays(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_days_between_without_every_ask() -> None:
    # it may be one day in that span
    assert _read("between monday and wednesday at 5pm")["needs_confirmation"]


# -- hour steps from a start, at a minute past the hour (cron's `45 1/2`) --------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "At 45 minutes past the hour, every 2 hours, starting at 01:00 AM",
            "45 1,3,5,7,9,11,13,15,17,19,21,23 * * *",
        ),
        ("At 10 minutes past the hour, every 6 hours, starting at 03:00 AM", "10 3,9,15,21 * * *"),
        ("On the hour, every 4 hours, starting at 02:00 AM", "0 2,6,10,14,18,22 * * *"),
    ],
)
def test_describers_hour_steps_from_a_start(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert "start_at" not in answer["schedule"]  # the steps' offset, not a first run
    assert answer["schedule"]["expression"] == expression


def test_a_persons_start_time_still_starts_the_series() -> None:
    answer = _read("take medication every 12 hours starting at 07:00 PM")
    assert answer["schedule"]["start_at"] == "2026-01-14T19:00:00Z"
