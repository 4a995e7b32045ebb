"""Round four's families (from the tuned part of tests/parsers/outside/r4_*.txt), in our own
words: several minutes past the hour in one schedule, "to the hour", "at the half hour" and a
two-digit minute after an hourly interval."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _cron(text: str) -> str | None:
    schedule = _read(text)["schedule"]
    return schedule["expression"] if schedule and schedule["type"] == "cron" else None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # several minutes of every hour, however they are listed
        ("hourly at :10 and :40", "10,40 * * * *"),
        ("every hour at :05, :25 and :45", "5,25,45 * * * *"),
        ("every hour at 10 and 40 minutes", "10,40 * * * *"),
        ("at 10 and 40 minutes past every hour", "10,40 * * * *"),
        ("5 and 35 minutes past the hour", "5,35 * * * *"),
        # "to the hour" counts back from the next hour
        ("ten minutes to every hour", "50 * * * *"),
        ("at a quarter past and a quarter to every hour", "15,45 * * * *"),
        ("on quarter past and quarter to each hour on weekdays", "15,45 * * * 1-5"),
        # the half hour and the hour, after "at" as after "on"
        ("at the half hour every hour", "30 * * * *"),
        ("at the half hour every hour on Saturdays", "30 * * * 6"),
        # a two-digit number after an hourly schedule is its minute, not a time of day
        ("every hour at 05", "5 * * * *"),
        ("every hour at 45 on Sundays", "45 * * * 0"),
        ("every hour at 00 and 30", "0,30 * * * *"),
        ("every hour at 00 between 08 and 16", "0 8-16 * * *"),
        ("every 2 hours at :15 and :45", "15,45 */2 * * *"),
        ("every hour at :20 and :50 from 9 to 17", "20,50 9-16 * * *"),
    ],
)
def test_minutes_past_every_hour(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "every 20 minutes at :05 and :35",  # the minutes of a shorter interval are its own
        "every day at :15 and :45",  # minutes past which hour?
        "every hour at :15 and at :20 past the hour",  # two lists that disagree
        "every hour at :10 and :50 from 9 to 5:30pm",  # 17:10 is inside, 17:50 is not
    ],
)
def test_minutes_past_that_cannot_be_honoured_are_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quarter to 8pm", "2026-01-14T19:45:00Z"),  # still a time of day
        ("at 5 minutes past 6pm", "2026-01-14T18:05:00Z"),
    ],
)
def test_spoken_times_stay_times_of_day(text: str, expected: str) -> None:
    assert _read(text)["schedule"] == {"type": "at", "datetime": expected, "timezone": "UTC"}


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # every minute named goes with every hour named: one cron expression runs exactly those
        ("every day at 7:00, 7:30, 19:00 and 19:30", "0,30 7,19 * * *"),
        ("weekdays at 06:10, 06:40, 12:10 and 12:40", "10,40 6,12 * * 1-5"),
    ],
)
def test_times_that_make_a_grid_are_one_cron(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_times_that_do_not_make_a_grid_are_an_rrule_of_just_those() -> None:
    # cron's cross product would add 7:45 and 19:00, which nobody asked for: an rrule's
    # BYSETPOS keeps only the times named (tests/parsers/test_t8_calendar.py)
    schedule = _read("every day at 7:00, 19:00 and 19:45")["schedule"]
    assert schedule["rule"] == "FREQ=DAILY;BYHOUR=7,19;BYMINUTE=0,45;BYSECOND=0;BYSETPOS=1,3,4"


def test_a_grid_of_times_every_other_day_is_an_rrule() -> None:
    schedule = _read("every other day at 06:15, 06:45, 18:15 and 18:45")["schedule"]
    assert schedule["type"] == "rrule"
    assert "BYHOUR=6,18;BYMINUTE=15,45" in schedule["rule"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a run of days of the month, every month
        ("every day from the 3rd to the 9th at 7am", "0 7 3-9 * *"),
        ("from the 20th through the 22nd at noon", "0 12 20-22 * *"),
        ("daily between the 1st and the 4th at 6pm", "0 18 1-4 * *"),
        ("every day from the 27th to the last at 23:00", "0 23 27-31 * *"),  # to each month's end
        ("every 2 hours from the 1st to the 2nd", "0 */2 1,2 * *"),
    ],
)
def test_a_run_of_days_of_the_month(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_run_of_days_to_the_last_is_not_counted_back_from_the_end() -> None:
    # "the 3rd to last day" counts back; "from the 3rd to the last" runs from the 3rd on
    answer = _read("every day from the 3rd to the last at 8am")
    assert answer["schedule"]["expression"] == "0 8 3-31 * *"
    assert not any("skipped" in note for note in answer["notes"])


def test_a_backwards_run_of_days_is_refused() -> None:
    assert _read("every day from the 20th to the 5th")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a plain number for the ordinal, when "of the month" says what it counts
        ("the 2 Wednesday of every month at 4pm", "0 16 * * 3#2"),
        ("on the 4 Fri of each month", "0 9 * * 5#4"),
        # odd and even minutes ("uneven" is odd)
        ("every odd minute", "1-59/2 * * * *"),
        ("every uneven minute on Sundays", "1-59/2 * * * 0"),
        ("every even minute", "*/2 * * * *"),
        ("every uneven hour", "0 1-23/2 * * *"),
    ],
)
def test_numbers_and_odd_minutes(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_every_other_day_of_the_month_is_every_second_month() -> None:
    # counted from the next such day, like "every 2 months on the 20th": noted, not asked
    # (Google Calendar and Todoist start a series at its first run; parsers/asks.py)
    answer = _read("every other 20th at 10am")
    assert answer["schedule"]["expression"] == "0 10 20 1,3,5,7,9,11 *"
    assert not answer["needs_confirmation"]
    assert "every 2 months counted from January" in answer["notes"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("every 3 days at 8am, but no more than 6 times", 6),
        ("every Tuesday at noon, not more than 4 times", 4),
        ("daily at 6pm, at most 12 times", 12),
        ("every week on Friday up to 8 times", 8),
    ],
)
def test_an_upper_bound_on_runs_is_a_count(text: str, count: int) -> None:
    schedule = _read(text)["schedule"]
    assert schedule["type"] == "rrule"
    assert schedule["rule"].endswith(f";COUNT={count}")


def test_but_not_still_leaves_days_out() -> None:
    assert _cron("every day at 8am but not Sundays") == "0 8 * * 1-6"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # an interval that only says again when the named times run
        ("twice a day at 7am and 7pm (every 12 hours)", "0 7,19 * * *"),
        ("at 02:00, 10:00 and 18:00, every 8 hours", "0 2,10,18 * * *"),
        ("every 6 hours at midnight, 6am, noon and 6pm", "0 0,6,12,18 * * *"),
    ],
)
def test_an_interval_that_restates_the_times(text: str, expression: str) -> None:
    assert _cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "every 12 hours at 8am and 4pm",  # 8 hours apart: which one is meant?
        "every 4 hours at 9am and 9pm",  # the times do not fill the day
        "every 12 hours at 7 and 7",  # without am/pm they do not say when
    ],
)
def test_an_interval_that_disagrees_with_the_times_is_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_examples_in_parentheses_are_left_out_and_noted() -> None:
    answer = _read("daily at 06:30 (e.g. 06:30, then again tomorrow at 06:30)")
    assert answer["schedule"]["expression"] == "30 6 * * *"
    assert any("examples" in note for note in answer["notes"])
    assert _cron("every Friday at 4pm (for example: 4pm on the 9th)") == "0 16 * * 5"


@pytest.mark.parametrize(
    "text",
    [
        "@helper remind @sam every Friday at 4pm to file the report",
        "@helper post the digest to @sam every Friday at 4pm",
    ],
)
def test_a_bot_addressed_by_name_is_not_a_cron_macro(text: str) -> None:
    # "@helper" is someone, not an unknown "@daily"-style macro: the command is read
    assert _cron(text) == "0 16 * * 5"


@pytest.mark.parametrize("text", ["@fortnightly", "@reboot"])
def test_unknown_macros_are_still_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_go_crons_every_macro_is_an_interval() -> None:
    # robfig/cron's "@every 10m" was read as one run ten minutes from now
    assert _cron("@every 10m") == "*/10 * * * *"


def test_a_weekly_thing_due_on_a_day_repeats_on_that_day_and_asks() -> None:
    # task apps: "a weekly … task due Monday" is that task every Monday; the frequency may
    # only name the thing, so the answer asks
    answer = _read("add a weekly cleanup task due Thursday")
    assert answer["schedule"]["expression"] == "0 9 * * 4"
    assert answer["needs_confirmation"]


def test_a_daily_thing_on_one_day_stays_one_day() -> None:
    # "the daily digest on Friday" is the digest's name: one Friday, not every Friday
    schedule = _read("send the daily digest on Friday at 5pm")["schedule"]
    assert schedule == {"type": "at", "datetime": "2026-01-16T17:00:00Z", "timezone": "UTC"}


@pytest.mark.parametrize(
    "text",
    [
        "not on Sundays, run the sync every day at 7am",
        "never on Saturdays, post the digest every day at 8am",
        "don't send it on Fridays, every day at 5pm",
    ],
)
def test_a_negation_left_beside_the_schedule_asks(text: str) -> None:
    # the grammar does not read "not"/"never"/"don't": the days it negates were read as
    # the days to run, so the answer must ask
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


def test_a_negation_inside_the_task_does_not_ask() -> None:
    answer = _read("check that the import did not stall every day at 6am")
    assert answer["schedule"]["expression"] == "0 6 * * *"
    assert not answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "bound", "value"),
    [
        # "starting the 20th" is when a daily (or weekly) schedule begins: the next 20th
        ("every day at 7am starting the 20th", "start_at", "2026-01-20T00:00:00Z"),
        ("every Tuesday from the 3rd", "start_at", "2026-02-03T00:00:00Z"),
        ("every day at 7am until the 25th", "end_at", "2026-01-25T23:59:59Z"),
    ],
)
def test_a_lone_day_of_the_month_as_a_bound(text: str, bound: str, value: str) -> None:
    schedule = _read(text)["schedule"]
    assert schedule[bound] == value
    assert schedule["expression"].split()[2] == "*"  # every day, not only that day


def test_a_monthly_schedule_takes_its_day_from_the_start() -> None:
    # "every 2 months starting the 10th": the 10th, every second month from the next one
    assert _cron("every 2 months starting the 10th") == "0 9 10 2,4,6,8,10,12 *"
