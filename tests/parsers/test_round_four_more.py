"""Families the second batch of round four's phrases (database schedulers, job-scheduler manuals,
meeting tools) showed the grammar missed, each tested in words of our own."""

from __future__ import annotations

import pytest

from agentcron.parsers.tokens import spelled_like
from tests.parsers.reading import cron as _cron
from tests.parsers.reading import read as _read

# -- times written to the second, and a time that ends a sentence ------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a full stop after a time ends the sentence; it is not a decimal point
        ("backups run every night at 23:15.", "15 23 * * *"),
        ("Every Thursday at 16.45. Then the report goes out.", "45 16 * * 4"),
        # seconds of zero are the minute itself
        ("each day at 06:30:00", "30 6 * * *"),
        ("every Friday at 07:45:00 PM", "45 19 * * 5"),
        # a window may end on its last second: the whole minute is inside it
        ("every 20 minutes between 06:00:00 and 08:59:59", "*/20 6-8 * * *"),
        ("every hour between 12:00:00 AM and 11:59:59 PM", "0 0-23 * * *"),
    ],
)
def test_times_to_the_second(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_full_stop_after_a_time_is_not_minutes_past_the_hour() -> None:
    # it once read "at 7:40." as ":40 past every hour"
    answer = _read("ping me at 7:40. thanks")
    assert answer["schedule"]["type"] == "at", answer
    assert answer["schedule"]["datetime"].endswith("T07:40:00Z")


@pytest.mark.parametrize(
    "text",
    # (one run at a second, "at 18:20:05 tomorrow", is kept and asked about: test_t7_short)
    ["every day at 8:15:30", "every 10 minutes from 9:00:20 to 10:00"],
)
def test_a_run_cannot_start_on_a_second(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "whole minutes" in answer["reason"]


@pytest.mark.parametrize("text", ["version 4.12.1 every day at 9am", "every day at 9am, see 3.2.1"])
def test_dotted_version_numbers_are_not_times(text: str) -> None:
    assert _cron(text) == "0 9 * * *"


# -- a new time for something that exists is an edit, not a new schedule ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "change the weekly digest time to 7:45.",
        "move standup to Thursday",
        "push the payroll export to 6pm",
        # ("switch the nightly sync to midnight" names its repeat: every day at midnight, asked —
        # test_changes14)
    ],
)
def test_moving_something_to_a_new_time_is_an_edit(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "change to a job that exists" in answer["reason"]


def test_moving_things_somewhere_on_a_schedule_is_a_task() -> None:
    assert _cron("move the old invoices to the archive every Monday at 6am") == "0 6 * * 1"


# -- a week or a month that only frames the days an interval runs on ---------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every week on Tuesday and Thursday, every 3 hours from 9am to 3pm", "0 9-15/3 * * 2,4"),
        ("every 4 hours every week on Saturday", "0 */4 * * 6"),
        ("the last Friday of every month every 30 minutes", "*/30 * * * 5L"),
        ("every month on the 10th, every hour from 8 to 11am", "0 8-11 10 * *"),
    ],
)
def test_a_week_or_month_frames_the_days_named(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    ["every week every 3 hours", "every month every 20 minutes", "every 2 weeks hourly"],
)
def test_two_intervals_without_days_to_frame_are_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "two different intervals" in answer["reason"]


# -- hours that do not divide the day still step through a window ------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 5 hours between 6am and 8pm", "0 6-20/5 * * *"),
        ("every 7 hours from 01:00 to 23:00 on weekdays", "0 1-23/7 * * 1-5"),
    ],
)
def test_hour_steps_restart_at_the_window_each_day(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_hour_steps_that_do_not_divide_the_day_without_a_window_are_an_interval() -> None:
    answer = _read("every 5 hours")
    assert answer["schedule"]["type"] == "every"
    assert answer["schedule"]["interval"] == 5 * 3600


# -- "(s)" after a unit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 15 minute(s)", "*/15 * * * *"),
        ("recur every 1 week(s) on Wednesday at 10:00", "0 10 * * 3"),
        ("every 6 hour(s)", "0 */6 * * *"),
    ],
)
def test_a_plural_in_parentheses_is_the_plural(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"] is False, answer
    assert _cron(text) == expression


# -- an offset and the zone it belongs to name one zone ---------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # Outlook's and Windows' way of naming a zone: its standard offset, then its name
        ("every Thursday at 11am (UTC-06:00) Central Time (US & Canada)", "America/Chicago"),
        # the offset it keeps in summer says it again too
        ("every Thursday at 11am Mountain time (UTC-6)", "America/Denver"),
        ("every Thursday at 11am (UTC+09:00) Tokyo time", "Asia/Tokyo"),
    ],
)
def test_an_offset_the_named_zone_keeps_is_that_zone(text: str, zone: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["timezone"] == zone


def test_an_offset_the_named_zone_never_keeps_is_a_second_zone() -> None:
    answer = _read("every Thursday at 11am Central time (UTC+3)")
    assert answer["schedule"] is None
    assert "two time zones" in answer["reason"]


# -- whole hours through a window that runs past midnight -------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every hour from 8pm to 4am", "0 0-4,20-23 * * *"),
        ("every 3 hours between 21:00 and 05:00", "0 0,3,21 * * *"),
        ("hourly between 11:30 PM and 2:30 AM", "30 0-2,23 * * *"),
    ],
)
def test_whole_hours_through_the_night(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        # after midnight, the runs would be on Saturday: not what "on Fridays" says
        "every hour from 10pm to 2am on Fridays",
        "every 10 minutes from 11pm to 1am on Fridays",
        # minutes through the night are read since round eight (test_t8_windows)
    ],
)
def test_night_windows_that_cannot_be_kept_are_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "overnight" in answer["reason"]


# -- the nth weekend day of the month, and "once on each" -------------------------------------


def _rule(text: str) -> str:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "rrule", answer["schedule"]
    return str(answer["schedule"]["rule"])


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("the first weekend day of each month at 10am", "BYDAY=SA,SU;BYSETPOS=1;BYHOUR=10"),
        ("on the third weekend day of every month", "BYDAY=SA,SU;BYSETPOS=3;BYHOUR=9"),
        ("the last weekend day of the month at 18:00", "BYDAY=SA,SU;BYSETPOS=-1;BYHOUR=18"),
    ],
)
def test_the_nth_weekend_day_of_the_month(text: str, rule: str) -> None:
    assert rule in _rule(text)


def test_the_first_weekend_of_the_month_is_still_asked_about() -> None:
    # the first whole weekend, or its first day? Only "weekend day" says which
    assert _read("the first weekend of every month")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("run the sync once on each Tuesday at 7am", "0 7 * * 2"),
        ("once on every 10th of the month at noon", "0 12 10 * *"),
    ],
)
def test_once_on_each_day_named_is_once_on_each(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_once_with_a_date_and_a_repeat_is_still_two_things() -> None:
    answer = _read("once on May 3 and every Tuesday")
    assert answer["schedule"] is None


# -- the time of the event a run is before or after is the task's ------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Friday at 4pm before the demo at 5pm", "0 16 * * 5"),
        ("post the agenda every Tuesday at 08:30, before the sync at 09:00", "30 8 * * 2"),
        ("every weekday at 7am (after the nightly import at 6am)", "0 7 * * 1-5"),
        ("remind the team every Monday at 10, after the standup at 9", "0 10 * * 1"),
    ],
)
def test_the_time_of_the_event_before_or_after_is_not_a_run(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_two_times_joined_by_and_are_both_runs() -> None:
    assert _cron("every day at 8am and at 6pm") == "0 8,18 * * *"


# -- a parent's things are not a parent's day ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every evening at 7pm give the dog my mother's leftovers", "0 19 * * *"),
        ("weekdays at 8:15 refill my father's pill box", "15 8 * * 1-5"),
    ],
)
def test_a_possessive_without_day_is_not_the_holiday(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_the_holiday_with_its_day_is_still_the_holiday() -> None:
    answer = _read("on Mother's Day at 10am call grandma")
    assert answer["schedule"]["type"] == "at"
    assert answer["schedule"]["datetime"].startswith("2026-05-10T10:00")


# -- minutes of the hour by number, and times an hour ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("at the 10th minute of every hour", "10 * * * *"),
        ("on the 12th and 48th minute of each hour", "12,48 * * * *"),
        ("twice an hour at :20 and :50", "20,50 * * * *"),
        ("3 times per hour at :00, :20 and :40", "0,20,40 * * * *"),
    ],
)
def test_minutes_of_the_hour(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize("text", ["twice an hour", "three times an hour at :05", "the 61st minute"])
def test_times_an_hour_must_name_as_many_minutes(text: str) -> None:
    assert _read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Thursday at 3pm, half an hour before the 3:30pm review", "0 15 * * 4"),
        ("7:45 AM on weekdays (the reminders go out before office hours start)", "45 7 * * 1-5"),
    ],
)
def test_an_event_said_after_the_run_is_context(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_time_joined_by_and_after_is_still_a_run() -> None:
    assert _cron("every day at 9am and after lunch at 2pm") == "0 9,14 * * *"


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every Tuesday at noon - 12pm", "0 12 * * 2"), ("daily at midnight (00:00)", "0 0 * * *")],
)
def test_one_time_said_twice_is_one_time(text: str, expression: str) -> None:
    assert _cron(text) == expression


# -- days no one named -------------------------------------------------------------------------


def test_weekly_starting_next_week_asks_which_day() -> None:
    answer = _read("a sync every week starting next week")
    assert answer["schedule"]["expression"] == "0 9 * * 1"  # the Monday it starts on...
    assert answer["needs_confirmation"] is True  # ...which nobody named


def test_weekly_starting_a_named_day_is_that_day() -> None:
    answer = _read("every week starting Thursday at 8am")
    assert answer["schedule"]["expression"] == "0 8 * * 4"
    assert answer["needs_confirmation"] is False


@pytest.mark.parametrize("text", ["lunch with the team some weekend", "visit grandma any weekend"])
def test_one_weekend_not_yet_chosen_is_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "which weekend" in answer["reason"]


def test_quarterly_without_a_day_asks() -> None:
    answer = _read("send the investor update quarterly at 10am")
    assert answer["schedule"]["expression"] == "0 10 1 1,4,7,10 *"
    assert answer["needs_confirmation"] is True


# -- spoken times with a hyphen, and "later" ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("tomorrow at seven-thirty in the evening", "2026-01-15T19:30:00Z"),
        ("call the vet tomorrow at ten-fifteen am", "2026-01-15T10:15:00Z"),
        ("ping me 45 minutes later", "2026-01-14T10:45:00Z"),
        ("check the oven twenty minutes later", "2026-01-14T10:20:00Z"),
    ],
)
def test_one_run(text: str, when: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["datetime"] == when


def test_a_spelled_range_of_hours_is_still_a_range() -> None:
    # "nine-five" is 9 to 5, not 9:05: only minutes people say aloud join an hour
    assert _cron("every hour nine-five on weekdays") == "0 9-17 * * 1-5"


# -- every few weeks or months, whole hours on the days named ----------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "every 3 weeks on Wednesday every 4 hours from 6am to 6pm",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE;BYHOUR=6,10,14,18;BYMINUTE=0",
        ),
        (
            "every 2 months on the 20th every 6 hours",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20;BYHOUR=0,6,12,18;BYMINUTE=0",
        ),
        (
            "every 6 months on the last Sunday, every hour between 10:30 and 12:30",
            "FREQ=MONTHLY;INTERVAL=6;BYDAY=-1SU;BYHOUR=10,11,12;BYMINUTE=30",
        ),
    ],
)
def test_whole_hours_on_the_days_of_every_few_weeks_or_months(text: str, rule: str) -> None:
    assert _rule(text).startswith(rule)


def test_minutes_on_the_days_of_every_few_weeks_are_the_days_times() -> None:
    # refused until round eight; the day's times now go in the rule (test_t8_windows)
    assert _rule("every 2 weeks on Friday every 15 minutes from 9 to 10am").startswith(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=9;BYMINUTE=0,15,30,45"
    )
    answer = _read("every 2 weeks on Friday every 7 seconds from 9 to 10am")
    assert answer["schedule"] is None


# -- several windows in one cron expression -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 10 minutes from 6am to 8am and from 5pm to 7pm", "*/10 6,7,17,18 * * *"),
        ("hourly between 08:00 and 11:00 and between 13:00 and 16:00", "0 8-11,13-16 * * *"),
        ("every 20 minutes, but only between 9 and 10am and between 2 and 3pm", "*/20 9,14 * * *"),
    ],
)
def test_several_windows_at_the_same_minutes(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        # 9:30, 10:30 … and 14:00, 15:00 …: the minutes differ, so two cron expressions
        "every hour from 9:30 to 11:30 and from 14:00 to 16:00",
        # a daily time with two windows says nothing runs several times a day
        "every day from 9 to 10am and from 3 to 4pm",
    ],
)
def test_several_windows_that_one_expression_cannot_keep_are_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_but_only_restricts() -> None:
    assert _cron("every 30 minutes, but only on weekdays") == "*/30 * * * 1-5"


# -- misspelled frequency words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("anually on March 3 at 10am", "0 10 3 3 *"),
        ("montly on the 12th at noon", "0 12 12 * *"),
        ("weekley on Tuesday at 8:15", "15 8 * * 2"),
    ],
)
def test_a_misspelled_frequency_is_read_and_asked(text: str, expression: str) -> None:
    answer = _read(text)
    assert _cron(text) == expression
    assert any("misspelling" in note for note in answer["notes"])


@pytest.mark.parametrize("word", ["weakly", "mostly", "early", "lightly"])
def test_words_that_only_look_like_a_frequency_are_not_one(word: str) -> None:
    assert spelled_like(word) is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every year on October, 9 at 10am", "0 10 9 10 *"),
        ("yearly on April, 30th", "0 9 30 4 *"),
        # a number of times or of minutes after the comma is not the day
        ("every day in August, 15 minutes past 8am", "15 8 * 8 *"),
    ],
)
def test_a_comma_between_the_month_and_its_day(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_every_before_a_word_that_is_no_unit_repeats_nothing() -> None:
    # "every unit" is the task's; the nightly adjective then gives the schedule (and asks)
    answer = _read("the nightly refill at 23:00 tops up every tank within reach")
    assert answer["schedule"]["expression"] == "0 23 * * *"
    assert answer["needs_confirmation"] is True
