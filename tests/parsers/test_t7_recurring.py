"""Families of recurring schedules written in other people's words (t7_recurring.txt, and
rounds five and six opened) that the grammar read wrong or refused, each tested in words of
our own."""

from __future__ import annotations

import pytest

from tests.parsers.reading import asks as _asks
from tests.parsers.reading import cron as _cron
from tests.parsers.reading import read as _read

# -- "every single day", "every single Monday": "every" said with emphasis ----------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every single day at 6:45", "45 6 * * *"),
        ("the report goes out every single Monday at 8am", "0 8 * * 1"),
        ("backups run at 23:00 every single night", "0 23 * * *"),
    ],
)
def test_every_single_is_every(text: str, expression: str) -> None:
    assert _cron(text) == expression


# -- a job described in the present tense: "runs on Friday at 10" is every Friday ---------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The cleanup job runs on Tuesday at 04:00", "0 4 * * 2"),
        ("Runs at 6pm on Sunday.", "0 18 * * 0"),
        ("this workflow fires on Monday at 7:15", "15 7 * * 1"),
    ],
)
def test_a_job_that_runs_on_a_weekday_runs_every_week(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert any("every" in note for note in answer["notes"])


@pytest.mark.parametrize(
    "text",
    [
        "the job runs next Friday at 10am",
        "it runs tomorrow at 9am",
        "run the backup on Friday at 10am",  # a request, not a description: once
    ],
)
def test_a_day_said_once_stays_once(text: str) -> None:
    assert _read(text)["schedule"]["type"] == "at"


def test_a_job_that_runs_at_a_time_without_a_day_asks() -> None:
    assert _asks("The import job runs at 3 AM. Check it afterwards.")


# -- "6 AM/PM": the same hour twice a day -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the sync runs twice a day at 7 AM/PM", "0 7,19 * * *"),
        ("every day at 03:40 am/pm", "40 3,15 * * *"),
        ("refresh at 11 PM/AM every day", "0 11,23 * * *"),
    ],
)
def test_am_slash_pm_is_both(text: str, expression: str) -> None:
    assert _cron(text) == expression


# -- whole weeks of days, on one weekday --------------------------------------------------------


def test_every_seven_days_on_a_weekday_is_weekly() -> None:
    assert _cron("every 7 days (Tuesdays) at 10:00") == "0 10 * * 2"


def test_every_fourteen_days_on_a_weekday_is_every_other_week_and_asks() -> None:
    answer = _read("every 14 days on Wednesday at 8am")
    assert answer["schedule"]["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;")
    assert answer["needs_confirmation"]


def test_other_intervals_of_days_on_weekdays_are_still_refused() -> None:
    assert _read("every 5 days on Monday")["schedule"] is None


# -- "the second and fourth Thursday in a month" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every second and fourth Tuesday of the month at 18:00", "0 18 * * 2#2,2#4"),
        ("every first and third Friday in a month at 7pm", "0 19 * * 5#1,5#3"),
        ("the last Monday in a month at 9:30", "30 9 * * 1L"),
    ],
)
def test_nth_weekdays_in_a_month(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_in_a_month_alone_is_still_a_delay() -> None:
    assert _read("remind me in a month")["schedule"]["type"] == "at"


# -- an example is only a schedule when the text has no other -----------------------------------


def test_a_schedule_only_in_an_example_is_read_and_asked() -> None:
    answer = _read('The reminder field takes a phrase (e.g., "every day at 7am and 7pm")')
    assert answer["schedule"]["expression"] == "0 7,19 * * *"
    assert answer["needs_confirmation"]


# -- "rather than …", "instead of …": what the job does not do ----------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the sync runs every hour, at :07 rather than on the hour", "7 * * * *"),
        ("every Thursday instead of Friday at 4pm", "0 16 * * 4"),
    ],
)
def test_what_the_job_does_not_do_is_not_read(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_instead_of_keeps_the_task_after_it() -> None:
    assert _read("remind me at 6pm instead of 5pm to water the plants")["task"] == (
        "water the plants"
    )


# -- hedges and events that are not times -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we meet primarily on the first Tuesday of the month",
        "the report goes out mainly on Fridays at noon",
        "ping me at the daily standup every Tuesday",  # a time only the standup knows
    ],
)
def test_hedged_or_event_times_ask(text: str) -> None:
    assert _asks(text)


# -- days counted in the year (RFC 5545's yearly rules) -----------------------------------------


def _rule(text: str) -> str:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "rrule", answer["schedule"]
    return str(answer["schedule"]["rule"])


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("the 256th day of the year at 10am", "FREQ=YEARLY;BYYEARDAY=256;BYHOUR=10;"),
        ("every year on the 60th day at 8:00", "FREQ=YEARLY;BYYEARDAY=60;BYHOUR=8;"),
        ("every year on the 10th day from the end at 9am", "FREQ=YEARLY;BYYEARDAY=-10;BYHOUR=9;"),
        ("every 10th Tuesday of the year at 14:00", "FREQ=YEARLY;BYDAY=10TU;BYHOUR=14;"),
        ("Friday of week number 30 at 9am", "FREQ=YEARLY;BYWEEKNO=30;BYDAY=FR;BYHOUR=9;"),
    ],
)
def test_days_counted_in_the_year(text: str, rule: str) -> None:
    assert _rule(text).startswith(rule)


@pytest.mark.parametrize(
    "text",
    ["the 400th day of the year", "every 60th Monday of the year", "Monday of week number 60"],
)
def test_days_the_year_does_not_have_are_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_a_large_ordinal_of_a_thing_is_the_task() -> None:
    answer = _read("celebrate our 100th release every Friday at 5pm")
    assert answer["schedule"]["expression"] == "0 17 * * 5"


# -- one time said in two zones: "10am ET/7am PT" ------------------------------------------------


def test_one_instant_in_two_zones_is_read_once_in_the_first() -> None:
    answer = _read("our sync is every Tuesday at 1pm ET/10am PT")
    assert answer["schedule"]["expression"] == "0 13 * * 2"
    assert answer["schedule"]["timezone"] == "America/New_York"


def test_an_instant_equal_only_in_winter_asks() -> None:
    answer = _read("every day at 10am CET / 9am UTC")
    assert answer["schedule"]["expression"] == "0 10 * * *"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text",
    [
        "the workflow runs at 8:00 AM EDT / 7:00 AM EST every day",  # one zone, two times
        "every Monday at 9am ET / 9am PT",  # two instants
    ],
)
def test_two_instants_are_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


# -- "every day and every Monday": days named twice ---------------------------------------------


def test_every_day_and_every_weekday_asks() -> None:
    assert _asks("ping me every day and every Friday to stretch")


# -- "the 6th and 12th hours of the day" --------------------------------------------------------


def test_nth_hours_of_the_day_are_those_hours_and_ask() -> None:
    answer = _read("daily on the 3rd and 15th hours of the day")
    assert answer["schedule"]["expression"] == "0 3,15 * * *"
    assert answer["needs_confirmation"]


# -- a list of times that goes on: "and so on", "etc." -------------------------------------------


def test_times_in_the_intervals_steps_go_on_through_the_day() -> None:
    answer = _read("every three hours, i.e. at 1am, 4am, 7am and so on")
    assert answer["schedule"]["expression"] == "0 1,4,7,10,13,16,19,22 * * *"
    assert not answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text",
    [
        "run it at 9:00, 9:15, 9:30 etc.",  # until when?
        "every 2 hours at 10am, noon and so on",  # until midnight, or round the clock?
    ],
)
def test_a_list_that_goes_on_otherwise_asks(text: str) -> None:
    assert _asks(text)


def test_start_at_am_slash_pm_is_two_times() -> None:
    assert _cron("the backup will start at 4:15 am/pm every day") == "15 4,16 * * *"


# -- "outside business hours": why a time was chosen, not when ----------------------------------


def test_outside_business_hours_beside_a_time_is_not_a_window() -> None:
    assert _read("The sync runs on Sunday at 03:00 UTC, outside business hours")["schedule"][
        "expression"
    ] == ("0 3 * * 0")


def test_outside_business_hours_alone_is_refused() -> None:
    assert _read("run the cleanup outside business hours")["schedule"] is None


# -- a reminder at two times with no day; "every afternoon" -------------------------------------


def test_a_reminder_at_two_times_with_no_day_asks() -> None:
    answer = _read("remind me at 8am and 8pm to feed the cat")
    assert answer["schedule"]["expression"] == "0 8,20 * * *"
    assert answer["needs_confirmation"]


def test_a_job_at_two_times_is_every_day() -> None:
    assert not _read("post the digest at 8am and 8pm")["needs_confirmation"]


def test_every_afternoon_without_a_time_asks() -> None:
    answer = _read("remind me every afternoon to stretch")
    assert answer["schedule"]["expression"] == "0 12 * * *"
    assert answer["needs_confirmation"]
    assert not _read("remind me every morning to stretch")["needs_confirmation"]


# -- a holiday in front of a thing is the task's ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("buy a Christmas tree on the 1st of December every year", "0 9 1 12 *"),
        ("order our Halloween costumes every year on October 1 at 10am", "0 10 1 10 *"),
    ],
)
def test_a_holiday_naming_a_thing_is_not_a_date(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_holiday_alone_is_still_a_date() -> None:
    assert _cron("every Christmas at 9am") == "0 9 25 12 *"


# -- "update schedule to <a whole schedule>" -----------------------------------------------------


def test_a_new_schedule_for_a_job_is_read_and_asked() -> None:
    answer = _read("update the schedule to run the export every Friday at 6pm")
    assert answer["schedule"]["expression"] == "0 18 * * 5"
    assert answer["needs_confirmation"]


def test_a_change_without_a_schedule_is_still_refused() -> None:
    assert _read("update the schedule to something else")["schedule"] is None


# -- a group that meets on a day, at no time said -----------------------------------------------


def test_a_group_meeting_without_a_time_asks() -> None:
    answer = _read("The book club meets on the first Thursday of every month.")
    assert answer["needs_confirmation"]
    assert any("not at what time" in note for note in answer["notes"])


# -- "the first Saturday that follows the first Sunday of the month" ----------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "the first Saturday that follows the first Sunday of every month at 10am",
            "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13;BYHOUR=10;",
        ),
        (
            "every first Tuesday after the first Monday in November at 7am",
            "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8;BYMONTH=11;BYHOUR=7;",
        ),
    ],
)
def test_a_weekday_after_another(text: str, rule: str) -> None:
    assert _rule(text).startswith(rule)


def test_start_at_a_time_and_repeat_is_the_intervals_start() -> None:
    answer = _read("remind me to start at 2pm and repeat every 15 minutes to drink water")
    assert answer["schedule"]["expression"] == "*/15 14-23 * * *"
    assert answer["task"] == "drink water"
