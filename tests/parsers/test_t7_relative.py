"""Round seven's one-offs counted from a named time, events given as a range and weekdays
counted in weeks (phrases like those of tests/parsers/outside/t7_relative.txt, in other words):

- "15 minutes before the 4 PM standup", "an hour after 3pm", "30 minutes prior to the 10am
  call": the run moves from the time named; "before the meeting" with no time asks.
- "a meeting tomorrow from 2pm to 3pm", "on 20 October, 09:00-11:00": an event on one day runs
  when it starts; "between 2 and 4pm on Friday" is any time in it, and asks.
- "Tuesday in 2 weeks", "in 3 weeks on Saturday": that weekday in the week the weeks land in.

The reading moment is a Wednesday, 10:00 UTC (tests/parsers/reading.py)."""

from __future__ import annotations

import pytest

from tests.parsers.reading import asks, cron, once, read

# -- N minutes/hours before or after a time ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 minutes before 4pm", "2026-01-14T15:45:00Z"),
        ("half an hour before 3pm", "2026-01-14T14:30:00Z"),
        ("an hour after 3pm", "2026-01-14T16:00:00Z"),
        ("remind me 10 minutes before the meeting at 3pm", "2026-01-14T14:50:00Z"),
        ("ping me 20 minutes before the 5pm deploy", "2026-01-14T16:40:00Z"),
        ("remind me an hour before my flight at 6pm tomorrow", "2026-01-15T17:00:00Z"),
        ("2 hours before noon on Friday", "2026-01-16T10:00:00Z"),
        ("Run it again ten minutes before midnight.", "2026-01-14T23:50:00Z"),
        # the day it crosses into: the night before the event's day
        ("an hour before 00:30 tomorrow", "2026-01-14T23:30:00Z"),
        # said after the event's time, at the end of the text
        ("Lunch with Ana tomorrow at 1pm, remind me 15 minutes before", "2026-01-15T12:45:00Z"),
    ],
)
def test_a_time_counted_from_a_named_time(text: str, expected: str) -> None:
    assert once(text) == expected


def test_a_repeating_time_counted_from_another() -> None:
    assert cron("every weekday 15 minutes before 9am") == "45 8 * * 1-5"
    assert cron("every day 30 minutes before midnight") == "30 23 * * *"


@pytest.mark.parametrize(
    "text",
    [
        "remind me 10 minutes before the meeting",  # when is the meeting?
        "remind me 30 minutes before my next call",
        "remind me to water the plants 10 minutes before sunset today",
        "every Monday 30 minutes before midnight",  # Sunday night: say so
        "15 minutes before 3pm and 5pm",  # which one?
    ],
)
def test_a_time_counted_from_an_unnamed_or_unclear_one_asks(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the amount only says why the time read was chosen: not a second time
        ("at 4 PM every Friday, one hour before the 5 PM close", "0 16 * * 5"),
        ("daily at 10:00 PM (30 min before the import job)", "0 22 * * *"),
        ("every day at 6:15 AM (15 minutes after the sync)", "15 6 * * *"),
    ],
)
def test_an_amount_that_explains_the_time_read_moves_nothing(text: str, expected: str) -> None:
    assert cron(text) == expected


def test_minutes_past_the_hour_are_not_a_shift() -> None:
    assert cron("5 minutes after every hour") == "5 * * * *"
    assert cron("every day, five minutes after midnight") == "5 0 * * *"


# -- an event given as a range runs when it starts --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Create a meeting titled 'Sync' tomorrow from 2pm to 3pm", "2026-01-15T14:00:00Z"),
        ("tomorrow from 9:00 to 9:30", "2026-01-15T09:00:00Z"),
        ("book the room next Tuesday 2-3pm", "2026-01-20T14:00:00Z"),
        ("on March 3 from 10am to 11am", "2026-03-03T10:00:00Z"),
    ],
)
def test_an_event_on_one_day_runs_when_it_starts(text: str, expected: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == expected, answer
    assert "runs when the window starts" in answer["notes"]


def test_an_event_in_another_zone_starts_on_its_clock() -> None:
    answer = read("The workshop runs on 20 October 2026, 09:00-11:00 London time")
    assert answer["schedule"] == {
        "type": "at",
        "datetime": "2026-10-20T08:00:00Z",
        "timezone": "Europe/London",
    }


def test_a_long_range_or_a_between_on_one_day_asks() -> None:
    assert asks("tomorrow from 9 to 5")  # a working day, not an event
    answer = read("call me between 2 and 4pm on Friday")
    assert answer["needs_confirmation"] and answer["schedule"]["datetime"] == (
        "2026-01-16T14:00:00Z"
    )


# -- a weekday counted in weeks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue in 2 weeks", "2026-01-27T09:00:00Z"),  # 13 days on: the week of Jan 26
        ("in 2 weeks on Tuesday", "2026-01-27T09:00:00Z"),
        ("friday in two weeks at 7pm", "2026-01-30T19:00:00Z"),
        ("in 3 weeks saturday", "2026-02-07T09:00:00Z"),
        ("wednesday in 1 week", "2026-01-21T09:00:00Z"),
    ],
)
def test_a_weekday_in_the_week_the_weeks_land_in(text: str, expected: str) -> None:
    assert read(text)["schedule"]["datetime"] == expected


def test_sunday_in_n_weeks_asks_which_week_it_closes() -> None:
    assert asks("In 4 weeks on Sunday")  # Monday-to-Sunday or Sunday-to-Saturday weeks?


def test_a_weekday_in_days_is_still_refused() -> None:
    assert read("Tuesday in 3 days")["schedule"] is None


# -- days counted before or after a date ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the day before Christmas", "2026-12-24T09:00:00Z"),
        ("the day after Christmas", "2026-12-26T09:00:00Z"),
        ("2 days after christmas", "2026-12-27T09:00:00Z"),
        ("two days after March 3 at 5pm", "2026-03-05T17:00:00Z"),
        # the next one still ahead: last Christmas's is past
        ("2 weeks after christmas", "2027-01-08T09:00:00Z"),
        ("2 days after easter", "2026-04-07T09:00:00Z"),  # a moving one, dated by `holidays`
    ],
)
def test_days_counted_from_a_date(text: str, expected: str) -> None:
    assert read(text)["schedule"]["datetime"] == expected


def test_the_day_after_tomorrow_is_still_two_days_on() -> None:
    assert read("the day after tomorrow at 5pm")["schedule"]["datetime"] == "2026-01-16T17:00:00Z"


# -- one run at a part of the day, without a time, asks ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("call mom tonight", "2026-01-14T20:00:00Z"), ("this afternoon", "2026-01-14T12:00:00Z")],
)
def test_one_run_at_a_part_of_the_day_is_read_and_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == expected
    assert answer["needs_confirmation"]


def test_a_repeating_part_of_the_day_is_not_asked_for_its_time() -> None:
    assert cron("every morning") == "0 9 * * *"
    assert not read("every morning")["needs_confirmation"]


# -- a start bound with one run: that day, asked ("start tomorrow @15", where "start" is the
# imperative, is read by the command reader, not here) ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me to take my pills starting tomorrow at 8am", "2026-01-15T08:00:00Z"),
        ("starting Monday at 9am", "2026-01-19T09:00:00Z"),
        ("beginning March 3 at 10am", "2026-03-03T10:00:00Z"),
        ("call the bank starting next week on Tuesday at 2pm", "2026-01-20T14:00:00Z"),
    ],
)
def test_a_start_with_nothing_that_repeats_is_the_day_it_runs(text: str, expected: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == expected
    assert answer["needs_confirmation"]  # it may have been meant to repeat


def test_a_start_without_a_day_or_with_an_end_is_still_refused() -> None:
    assert read("starting next week")["schedule"] is None  # which day?
    assert read("starting tomorrow until Friday")["schedule"] is None
    assert cron("every day starting tomorrow at 3pm") == "0 15 * * *"


# -- "the first to post" ranks a person, not the 1st of a month -------------------------------


def test_an_ordinal_before_to_and_a_verb_is_not_a_date() -> None:
    assert once("remind me at 9am to be the first to reply") == "2026-01-15T09:00:00Z"
    assert read("be the first in line at 9am tomorrow")["schedule"]["datetime"] == (
        "2026-01-15T09:00:00Z"
    )
    answer = read("Let me know when it hits midnight — I want to be the first to post.")
    assert answer["schedule"]["datetime"] == "2026-01-15T00:00:00Z"


def test_an_ordinal_range_is_still_days() -> None:
    assert cron("from the first to the fifth at 9am") == "0 9 1-5 * *"


# -- the end of the working day: 5pm, asked ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me eod to update the tracker", "2026-01-14T17:00:00Z"),
        ("EOD Friday", "2026-01-16T17:00:00Z"),
        ("COB tomorrow", "2026-01-15T17:00:00Z"),
        ("Remind me by the end of the day", "2026-01-14T17:00:00Z"),
        ("close of business on Monday", "2026-01-19T17:00:00Z"),
        ("end of the business day tomorrow", "2026-01-15T17:00:00Z"),
    ],
)
def test_the_end_of_the_day_is_5pm_and_asked(text: str, expected: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == expected
    assert answer["needs_confirmation"]  # apps read it as 5pm, 6pm or 11:59pm


def test_the_end_of_the_day_with_another_time_is_refused() -> None:
    assert read("the end of the day at 6pm")["schedule"] is None


def test_a_time_named_as_the_end_of_business_is_that_time() -> None:
    assert cron("at 4 PM every Friday, one hour before a typical 5 PM end of business") == (
        "0 16 * * 5"
    )
    assert once("at 5pm close of business") == "2026-01-14T17:00:00Z"


def test_the_end_of_the_week_still_asks_which_day() -> None:
    assert read("end of the week")["schedule"] is None
