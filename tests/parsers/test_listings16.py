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
from agentcron.parsers.bracket_conversions import without_restating_bracket
from agentcron.parsers.build import months_counted
from agentcron.parsers.listings import (
    without_cycle_remark,
    without_optional_window,
    without_room_bracket,
    without_warned_hours,
)
from agentcron.parsers.phrase import LAST_DAY, DayRef, Phrase
from agentcron.parsers.restated import without_restated_lunch
from agentcron.parsers.tokens import (
    anticipated_mass,
    but_before_any_schedule,
    deadline_after_a_time,
    first_and_second_of_a_count,
    instance_of_a_day,
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


# -- hours a sentence warns against ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Run daily at 5 AM CET (timezone defined in app in tasks.py). Don't set to 2 AM or "
            "3 AM due to daylight saving",
            "Run daily at 5 AM CET (timezone defined in app in tasks.py).",
        ),
        ("daily at 5am. Avoid 2am.", "daily at 5am."),
        ("every day at 9am. Never at 10pm. Also at 3pm", "every day at 9am. Also at 3pm"),
    ],
)
def test_a_sentence_warning_against_hours_is_taken_out(text: str, read: str) -> None:
    assert without_warned_hours(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "every day at 9am. Don't run on weekends.",  # days left out: the grammar's
        "Don't run at 2am",  # no sentence before it
        "every day at 9am. Do not forget the report.",  # no hours
    ],
)
def test_other_warnings_are_kept(text: str) -> None:
    assert without_warned_hours(text) == text


def test_the_daily_job_runs_at_5_only_and_asks() -> None:
    schedule, asked = _read("daily at 5am. Avoid 2am.")
    assert schedule is not None and schedule["expression"] == "0 5 * * *" and asked


# -- an optional second window, a room in brackets, a deadline, "where you can find us" ------------


def test_an_optional_window_after_the_event_is_set_aside() -> None:
    text = (
        "We meet the second Friday of every month from 11:00am to 12:30pm with an optional "
        "12:30pm to 1:30pm social hour at the Library"
    )
    assert without_optional_window(text) == (
        "We meet the second Friday of every month from 11:00am to 12:30pm social hour at the "
        "Library"
    )
    schedule, asked = _read(text)
    assert schedule is not None and schedule["expression"] == "0 11 * * 5#2" and asked
    assert without_optional_window("Optional 9-10am every day") == "Optional 9-10am every day"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Consultation hour on Thursdays from 12:00 (Doug McDonell 8.16).",
            "Consultation hour on Thursdays from 12:00.",
        ),
        (
            "Office Hours (AkerH 130A): Tuesdays 10:00 AM - 12:00 PM",
            "Office Hours: Tuesdays 10:00 AM - 12:00 PM",
        ),
    ],
)
def test_a_room_in_brackets_is_no_time(text: str, read: str) -> None:
    assert without_room_bracket(text) == read


@pytest.mark.parametrize(
    "text", ["every day at 9 (UTC 9.30)", "every Monday (Jan 15)", "every day at 9 (or 10)"]
)
def test_other_brackets_with_numbers_are_kept(text: str) -> None:
    assert without_room_bracket(text) == text


def test_a_time_after_by_is_a_deadline_once_a_time_was_said() -> None:
    tokens = deadline_after_a_time(tokenize("every sunday at 9 am, and be ready to run by 9:15"))
    assert sum(token.kind == lx.TIME for token in tokens) == 1
    tokens = deadline_after_a_time(tokenize("every day by 9am"))
    assert sum(token.kind == lx.TIME for token in tokens) == 1
    schedule, _ = _read(
        "Meet up every Sunday at 9 am, rain or shine, and be ready to run by 9:15(ish)."
    )
    assert schedule is not None and schedule["expression"] == "0 9 * * 0"


def test_where_you_can_find_us_is_a_listing_not_a_question() -> None:
    schedule, _ = _read("where you can find us Monday 6 – 7:30 PM and Thursday 6 – 7:30 PM.")
    assert schedule is not None and schedule["expression"] == "0 18 * * 1,4"
    schedule, _ = _read("where can you find us on Monday at 6pm?")
    assert schedule is None


def test_twice_a_week_on_two_days_with_their_hours_runs_at_the_start() -> None:
    schedule, _ = _read(
        "API Review meetings typically occur twice per week, on Tuesdays and Thursdays from "
        "10am to 12pm Pacific Time."
    )
    assert schedule is not None and schedule["expression"] == "0 10 * * 2,4"
    schedule, _ = _read("twice a day from 9am to 5pm")
    assert schedule is None


# -- an interval's start, then what is done ------------------------------------------------------


def test_an_intervals_start_then_a_verb_is_still_its_start() -> None:
    schedule, _ = _read(
        "The policy is configured to create a backup every 4 hours starting at midnight and "
        "creating these backups for all 24 hours of the day."
    )
    assert schedule is not None and schedule["expression"] == "0 0,4,8,12,16,20 * * *"
    schedule, _ = _read("every 4 hours starting at midnight and ending at 8pm")
    assert schedule is not None and schedule["expression"] == "0 0-20/4 * * *"


# -- the Nth instance of a weekday ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("monthly on the first and last instance of wed and fri", "0 9 * * 3#1,3L,5#1,5L"),
        ("the second occurrence of Tuesday each month at 9am", "0 9 * * 2#2"),
        ("the last occurrence of Friday in each month at 5pm", "0 17 * * 5L"),
    ],
)
def test_the_nth_instance_of_a_weekday_is_the_nth_weekday(text: str, expression: str) -> None:
    schedule, _ = _read(text)
    assert schedule is not None and schedule["expression"] == expression


def test_next_occurrence_of_a_day_keeps_its_words() -> None:
    tokens = tokenize("next occurrence of tuesday")
    assert instance_of_a_day(tokens) == tokens


def test_the_first_and_the_second_of_two_things_are_not_days() -> None:
    tokens = first_and_second_of_a_count(
        tokenize("there are two nets each day. the first at noon and the second at 19:00.")
    )
    assert all(token.kind != lx.ORD for token in tokens)
    tokens = tokenize("on the first at 9am and the second at 5pm")  # no count: days of the month
    assert first_and_second_of_a_count(tokens) == tokens
    schedule, _ = _read(
        "The net control is G1RAF and there are two nets each day. The first at Noon and the "
        "second at 19. 00, local times."
    )
    assert schedule is not None and schedule["expression"] == "0 12,19 * * *"


@pytest.mark.parametrize(
    "text",
    [
        "As discussed usual routing will be on Wednesday at 10 am",
        "our usual meeting is on Tuesday at 3pm",
        "The regular session will be held on Monday at 9am",
    ],
)
def test_the_usual_thing_on_a_day_is_every_week(text: str) -> None:
    schedule, asked = _read(text)
    assert schedule is not None and schedule["type"] == "cron" and asked


# -- the Sunday Mass said on Saturday -----------------------------------------------------------


def test_the_sunday_of_an_anticipated_mass_names_the_mass() -> None:
    tokens = anticipated_mass(tokenize("anticipated sunday mass on saturday at 5.30 p.m."))
    assert [token.value for token in tokens if token.kind == lx.DAY] == [6]
    tokens = anticipated_mass(tokenize("sunday mass at 10am"))
    assert [token.value for token in tokens if token.kind == lx.DAY] == [0]
    schedule, _ = _read("Saturday Vigil Mass - Anticipatory Sunday Mass - Every Saturday - 5:00 PM")
    assert schedule is not None and schedule["expression"] == "0 17 * * 6"


# -- a range in India's time said again on UTC's clock ---------------------------------------


def test_a_range_in_ist_restated_in_utc_is_one_range_in_indias_time() -> None:
    text, note = without_restating_bracket(
        "Every 5 minutes between 8 AM and 9 PM IST (= 2:30-15:30 UTC)."
    )
    assert text == "Every 5 minutes between 8 AM and 9 PM Asia/Kolkata." and note is None
    schedule, _ = _read("Every 5 minutes between 8 AM and 9 PM IST (= 2:30-15:30 UTC).")
    assert schedule == {
        "type": "cron",
        "expression": "*/5 8-20 * * *",
        "timezone": "Asia/Kolkata",
    }


def test_two_times_in_ist_restated_in_utc() -> None:
    schedule, _ = _read("-- Runs at 9:00 AM and 6:00 PM IST (3:30 AM and 12:30 PM UTC)")
    assert schedule is not None and schedule["expression"] == "0 9,18 * * *"


@pytest.mark.parametrize(
    "text",
    [
        "Every 5 minutes between 8 AM and 9 PM IST (= 3:30-15:30 UTC).",  # another start
        "at 5pm UTC (10:00 and 18:00 CET)",  # a second time, not a range
    ],
)
def test_brackets_that_do_not_restate_are_kept(text: str) -> None:
    assert without_restating_bracket(text) == (text, None)


# -- hostile input stays fast -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lunchtime (" * 500,
        "alternate Mondays (first Monday of each iteration " * 120,
        "sun down " * 600,
        "but " * 1250,
        "going on to about " * 300,
        "daily at 5am. Don't " + "2am " * 1200,
        "at 9am with an optional " * 200,
        "(Doug McDonell " * 350,
        "at 9am by " * 500,
    ],
)
def test_hostile_inputs_stay_fast(text: str) -> None:
    started = time.process_time()
    without_restated_lunch(text)
    without_cycle_remark(text)
    without_warned_hours(text)
    without_optional_window(text)
    without_room_bracket(text)
    understand_fast(text[:5000], timezone="UTC", now=NOW)
    assert time.process_time() - started < 2.0
