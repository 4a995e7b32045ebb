"""Short date and time expressions with no verb around them ("12:14 PM", "0600h", "the day after
next 6pm"), in families round six's tuning phrases from date parsers' test suites showed the
grammar missed, each tested in words of our own."""

from __future__ import annotations

import pytest

from tests.parsers.reading import once as _once
from tests.parsers.reading import read as _read

# -- a time written "09:46 AM" or "0600h" by itself is one time, not a daily description -------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("12:14 PM", "2026-01-14T12:14:00Z"),
        ("07:45 AM", "2026-01-15T07:45:00Z"),
        ("11:05 PM tomorrow", "2026-01-15T23:05:00Z"),
        ("Friday 05:00 PM", "2026-01-16T17:00:00Z"),
        ("0600h", "2026-01-15T06:00:00Z"),
        ("2215hrs", "2026-01-14T22:15:00Z"),
        ("1430 hrs", "2026-01-14T14:30:00Z"),
        ("saturday 0930 hours", "2026-01-17T09:30:00Z"),
    ],
)
def test_a_padded_or_military_time_alone_is_once(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 06:15 AM", "15 6 * * *"),  # cron-descriptor's description of a daily job
        ("At 09:30 PM, only on Sunday", "30 21 * * 0"),
        ("every day at 0700 hours", "0 7 * * *"),
        ("weekdays at 1830hrs", "30 18 * * 1-5"),
    ],
)
def test_descriptions_and_repeating_military_times_still_repeat(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": "UTC"}


# -- days counted from a day: "the day after next", "3 days after today" ------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("the day after next", "2026-01-16T09:00:00Z"),
        ("day after next at 7:15pm", "2026-01-16T19:15:00Z"),
        ("the day after next noon", "2026-01-16T12:00:00Z"),
        # ("three days after today": 9:00 and asked, tests/parsers/test_t10_tokens.py)
        ("4 days after today @ 8p", "2026-01-18T20:00:00Z"),
        ("a week after friday", "2026-01-23T09:00:00Z"),
        ("2 days after next monday at 10am", "2026-01-21T10:00:00Z"),
    ],
)
def test_days_counted_after_a_day(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("the day after next friday", "2026-01-17T09:00:00Z"),  # not the day after tomorrow
        ("the day after friday", "2026-01-17T09:00:00Z"),
        ("day after monday at 3pm", "2026-01-20T15:00:00Z"),
    ],
)
def test_the_day_after_a_weekday(text: str, instant: str) -> None:
    assert _once(text) == instant


# -- "mid-night", "next week Wednesday", "+2d" ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("mid-night", "2026-01-15T00:00:00Z"),
        ("at mid night", "2026-01-15T00:00:00Z"),
        ("next week wednesday", "2026-01-21T09:00:00Z"),
        ("next week friday at 4pm", "2026-01-23T16:00:00Z"),
        ("next week Sunday 18:00", "2026-01-25T18:00:00Z"),
        ("+2d", "2026-01-16T10:00:00Z"),
        ("+1w", "2026-01-21T10:00:00Z"),
        ("+3 days", "2026-01-17T10:00:00Z"),
        ("+90 minutes", "2026-01-14T11:30:00Z"),
        ("+2d 8am", "2026-01-16T08:00:00Z"),
    ],
)
def test_short_forms_of_a_day_or_a_delay(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize("text", ["C++ 2d", "v1+2d", "every day at mid-night"])
def test_plus_is_an_offset_only_standing_alone(text: str) -> None:
    answer = _read(text)
    assert (answer["schedule"] or {}).get("type") != "at", answer


def test_middle_of_the_night_is_not_midnight() -> None:
    assert _read("middle of the night")["schedule"] is None


# -- the nth weekday of a named month, once ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("3rd wednesday in november", "2026-11-18T09:00:00Z"),
        ("the first monday of march at 10am", "2026-03-02T10:00:00Z"),
        ("last thursday in april", "2026-04-30T09:00:00Z"),
        ("final friday of february", "2026-02-27T09:00:00Z"),
        ("2nd tuesday in january", "2027-01-12T09:00:00Z"),  # this January's is past
        ("the fourth sunday of june evening", "2026-06-28T19:00:00Z"),
        ("the last Monday in May at 9am", "2026-05-25T09:00:00Z"),
    ],
)
def test_nth_weekday_of_a_named_month_is_its_next_date_asked(text: str, instant: str) -> None:
    # date parsers (Chronic, natty, DateTime::Format::Natural) read it as that date; it may
    # also be a yearly rule, so it is asked
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 3rd wednesday in november", "0 9 * 11 3#3"),
        ("the first monday of every month", "0 9 * * 1#1"),
        ("last friday of the month", "0 9 * * 5L"),
    ],
)
def test_nth_weekday_with_every_or_of_the_month_repeats(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


def test_a_fifth_weekday_no_coming_month_has_is_refused() -> None:
    assert _read("5th tuesday in february")["schedule"] is None


# -- a date "next year"; April Fools' Day --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("11 january next year", "2027-01-11T09:00:00Z"),
        ("june 2nd next year at 3pm", "2027-06-02T15:00:00Z"),
        ("the 5th of may next year", "2027-05-05T09:00:00Z"),
    ],
)
def test_a_date_next_year_is_read_and_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize("text", ["next year", "every monday next year"])
def test_next_year_alone_names_no_day(text: str) -> None:
    assert _read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("april fools", "2026-04-01T09:00:00Z"),
        ("April Fool's Day at 5pm", "2026-04-01T17:00:00Z"),
        ("april fools' day noon", "2026-04-01T12:00:00Z"),
    ],
)
def test_april_fools_day(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # cron-descriptor's descriptions: a one-time "midnight" on a named day would be unclear,
        # so at midnight the words describe the yearly rule
        ("on the last Friday in June at midnight", "0 0 * 6 5L"),
        ("on the second Tuesday in March at 12:00 AM", "0 0 * 3 2#2"),
        # a padded time after "at", in a description's clause
        ("At 15 and 45 minutes past the hour, at 03:00 PM", "15,45 15 * * *"),
    ],
)
def test_descriptions_of_yearly_and_hourly_rules_still_repeat(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("friday 11 at night", "2026-01-16T23:00:00Z"),
        ("saturday 9 at night", "2026-01-17T21:00:00Z"),
        ("sunday 7 at the evening", "2026-01-18T19:00:00Z"),
    ],
)
def test_an_hour_then_at_night(text: str, instant: str) -> None:
    assert _once(text) == instant


# -- the night: "tonight at 5", "tonight at 1", "tomorrow night" ---------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("tonight at 1", "2026-01-15T01:00:00Z"),  # the small hours after today
        ("tonight at 2:30", "2026-01-15T02:30:00Z"),
        ("tonight at 9", "2026-01-14T21:00:00Z"),
        ("tomorrow night at 10", "2026-01-15T22:00:00Z"),
    ],
)
def test_times_at_night_once(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [("tomorrow night", "2026-01-15T20:00:00Z"), ("saturday night", "2026-01-17T20:00:00Z")],
)
def test_a_night_without_a_time_is_8pm_and_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "instant"),
    [("tonight at 5", "2026-01-14T17:00:00Z"), ("friday night at 4", "2026-01-16T16:00:00Z")],
)
def test_an_early_evening_hour_at_night_is_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every night", "0 22 * * *"), ("every night at 4", "0 4 * * *")],
)
def test_every_night_keeps_its_hours(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


# -- an amount of time by itself ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["10 minutes", "10m", "2h", "3 days", "1 month", "45 mins"])
def test_an_amount_alone_is_read_as_a_timer_and_asked(text: str) -> None:
    # a timer's or a bot's "1h30m": that long from now — or every so often, so it asks
    answer = _read(text)
    assert answer["schedule"]["type"] == "at"
    assert answer["needs_confirmation"]
    assert "every so often" in " ".join(answer["notes"])


@pytest.mark.parametrize(
    ("text", "instant"),
    [("in 10 minutes", "2026-01-14T10:10:00Z"), ("2 hours from now", "2026-01-14T12:00:00Z")],
)
def test_an_amount_with_in_or_from_now_is_a_delay(text: str, instant: str) -> None:
    assert _once(text) == instant


# -- a day of this month or next month, once --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("the 15th of next month", "2026-02-15T09:00:00Z"),
        ("3rd of next month at 4pm", "2026-02-03T16:00:00Z"),
        ("first monday of next month", "2026-02-02T09:00:00Z"),
        ("the last friday of next month", "2026-02-27T09:00:00Z"),
        ("the last day of next month", "2026-02-28T09:00:00Z"),
        ("last day of this month", "2026-01-31T09:00:00Z"),
        ("the 20th of this month at 5pm", "2026-01-20T17:00:00Z"),
        ("the last business day of this month", "2026-01-30T09:00:00Z"),
    ],
)
def test_a_day_of_this_or_next_month(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    "text",
    [
        "the 31st of next month",  # February has none
        "the 5th of this month",  # already past
        "every 15th of next month",
        "the 1st and 15th of next month",
    ],
)
def test_a_day_of_next_month_that_is_none_or_several_is_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


# -- days before a date or a holiday ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("two days before christmas", "2026-12-23T09:00:00Z"),
        ("the day before christmas", "2026-12-24T09:00:00Z"),
        ("a week before thanksgiving", "2026-11-19T09:00:00Z"),
        ("3 days before march 1", "2026-02-26T09:00:00Z"),
        ("day before 12/25 at 6pm", "2026-12-24T18:00:00Z"),
        ("remind me 2 days before halloween to buy candy", "2026-10-29T09:00:00Z"),
    ],
)
def test_days_before_a_date(text: str, instant: str) -> None:
    assert _once(text) == instant


def test_days_before_a_date_do_not_repeat() -> None:
    assert _read("every year 2 days before christmas")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("14:00, 18 June", "2026-06-18T14:00:00Z"),  # was every day in June at 14:00 and 18:00
        ("9am, 3 March", "2026-03-03T09:00:00Z"),
        ("at 9, 15 march", "2026-03-15T09:00:00Z"),
    ],
)
def test_a_number_before_a_month_is_its_day_not_another_time(text: str, instant: str) -> None:
    assert _read(text)["schedule"]["datetime"] == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("friday this week", "2026-01-16T09:00:00Z"),
        ("this week sunday at 5pm", "2026-01-18T17:00:00Z"),
        ("thursday this week 14:00", "2026-01-15T14:00:00Z"),
        ("beginning of next month", "2026-02-01T09:00:00Z"),
        ("the start of next month at 8am", "2026-02-01T08:00:00Z"),
        ("the end of next month", "2026-02-28T09:00:00Z"),
        ("end of this month", "2026-01-31T09:00:00Z"),
    ],
)
def test_a_day_of_this_week_and_the_ends_of_a_month(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize("text", ["tuesday this week", "monday this week at 9am", "this week"])
def test_a_day_of_this_week_gone_by_or_unnamed_is_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [("the beginning of the month", "0 9 1 * *"), ("beginning of every month", "0 9 1 * *")],
)
def test_the_beginning_of_the_month_still_repeats(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("first monday of september 2027", "2027-09-06T09:00:00Z"),
        ("the last friday in june 2027 at 5pm", "2027-06-25T17:00:00Z"),
        ("April fools' day 2027", "2027-04-01T09:00:00Z"),
    ],
)
def test_a_year_after_the_month(text: str, instant: str) -> None:
    assert _read(text)["schedule"]["datetime"] == instant


def test_a_repeating_schedule_in_a_month_of_a_year_is_bounded_by_the_year() -> None:
    schedule = _read("every monday in june 2027")["schedule"]
    assert schedule["expression"] == "0 9 * 6 1"
    assert schedule["start_at"].startswith("2027-01-01")
