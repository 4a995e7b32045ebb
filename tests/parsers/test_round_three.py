"""Round three's families (phrases from tests/parsers/outside/r3_*.txt and their kin): seconds-first
cron, raw RRULE values, "21h" and "1500 hours", days left out after the fact ("weekends
excluded"), the next business day, hedges that ask, questions and changes to jobs that are not
schedules, offsets with minutes, and more zone abbreviations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("0 30 9 * * 1-5", "30 9 * * 1-5", "UTC"),  # Azure Functions: seconds first
        ("0 0 12 * * ?", "0 12 * * *", "UTC"),  # Quartz
        ("0 15 10 ? * MON-FRI", "15 10 * * MON-FRI", "UTC"),
        ("@quarterly", "0 0 1 */3 *", "UTC"),
        ("every day at 21h", "0 21 * * *", "UTC"),
        ("every day at 1500 hours", "0 15 * * *", "UTC"),
        ("every day at 13:00 hrs", "0 13 * * *", "UTC"),
        ("every day, weekends excluded, at 10am", "0 10 * * 1-5", "UTC"),
        ("every day, Sundays excluded", "0 9 * * 1-6", "UTC"),
        ("middle of the month", "0 9 15 * *", "UTC"),
        ("every day at 14:00 UTC+5:30", "0 14 * * *", "Asia/Kolkata"),
        ("every day at 14:00 +02:00", "0 14 * * *", "Etc/GMT-2"),
        ("every day at 9am NZT", "0 9 * * *", "Pacific/Auckland"),
        ("every day at 9am California time", "0 9 * * *", "America/Los_Angeles"),
    ],
)
def test_read_as_cron(text: str, expression: str, zone: str) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": zone}


@pytest.mark.parametrize(
    ("text", "rule", "start_at"),
    [
        (
            "FREQ=DAILY;INTERVAL=2;BYHOUR=6;BYMINUTE=30",
            "FREQ=DAILY;INTERVAL=2;BYHOUR=6;BYMINUTE=30;BYSECOND=0",
            "2026-01-15T06:30:00Z",  # the first 6:30 after now, not two days from now
        ),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
            "2026-01-16T09:00:00Z",
        ),
        (
            "second to last business day of the month",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
            "2026-01-29T09:00:00Z",
        ),
    ],
)
def test_read_as_rrule(text: str, rule: str, start_at: str) -> None:
    schedule = _read(text)["schedule"]
    assert schedule == {"type": "rrule", "rule": rule, "start_at": start_at, "timezone": "UTC"}


def test_a_rule_without_a_time_assumes_nine_and_says_so() -> None:
    answer = _read("RRULE:FREQ=WEEKLY;BYDAY=MO")
    assert "BYHOUR=9;BYMINUTE=0" in answer["schedule"]["rule"]
    assert "no time given: 9:00 AM assumed" in answer["notes"]


def test_the_next_business_day_is_one_run() -> None:
    answer = _read("remind me next business day at 9am to call Bob")
    assert answer["schedule"]["datetime"] == "2026-01-15T09:00:00Z"
    assert answer["task"] == "call Bob"
    friday = datetime(2026, 1, 16, 10, 0, tzinfo=UTC)
    later = understand_fast("next business day at 9am", timezone="UTC", now=friday)
    assert later.schedule is not None and later.schedule["datetime"] == "2026-01-19T09:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "on Mondays and sometimes Tuesdays at 9am",
        "usually at 9am on weekdays",
        "typically every Friday at 4pm",
        "every day at approx 3pm",
        "~9am every day",
        "every Monday at 9 unless it's a holiday",
        "every other weekday",
        "every other weekend",
        "every May",
        "start of the year",
        # whether it can be done is a request for it, asked (round fifteen: howto.asks_if_possible)
        "is it possible to run every 5 minutes?",
    ],
)
def test_hedged_or_unclear_schedules_ask(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    [
        "cancel my 9am reminder",
        "stop reminding me every day",
        "move my reminder to 10am",
        "what's on my calendar tomorrow",
        "0 15 10 ? * 2-6",  # Quartz's numbered days are not cron's
        "*/30 * * * * *",
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20240730T040000Z",
        "middle of the week",
        "every day at 9am UTC-3:30",
    ],
)
def test_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None and answer["reason"], answer


@pytest.mark.parametrize(
    "text",
    [
        "delete old logs every Sunday at 3am",
        "/remind @jessica about the interview in 3 hours",
        "publish the English digest every Monday at 9am",
        "How to set a cron job to run every 3 hours",
        "every 5h",
    ],
)
def test_tasks_and_words_that_look_alike_still_read(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None and not answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Mon..Fri *-*-* 09:00:00", "0 9 * * 1,2,3,4,5"),  # systemd's calendar events
        ("Sat *-1..7 15:00", "0 15 * * 6#1"),  # both must match: the first Saturday
        ("*-01,04,07,10-01 00:00:00", "0 0 1 1,4,7,10 *"),
        ("OnCalendar=weekly", "0 0 * * 1"),  # systemd's week starts on Monday
        ("every 24 hours starting at 8am", "0 8 * * *"),  # whole days keep the wall clock
    ],
)
def test_more_read_as_cron(text: str, expression: str) -> None:
    assert _read(text)["schedule"] == {"type": "cron", "expression": expression, "timezone": "UTC"}


def test_every_48_hours_is_two_days_on_the_wall_clock() -> None:
    schedule = _read("every 48 hours")["schedule"]
    assert schedule["type"] == "rrule"
    assert schedule["rule"] == "FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=0;BYSECOND=0"
    assert schedule["start_at"] == "2026-01-16T10:00:00Z"


def test_quarters_are_calendar_quarters() -> None:
    schedule = _read("at 9am on the first business day of each quarter")["schedule"]
    assert "BYMONTH=1,4,7,10" in schedule["rule"] and "INTERVAL" not in schedule["rule"]
    assert schedule["start_at"] == "2026-04-01T09:00:00Z"


def test_a_fixed_holiday_bounds_a_schedule() -> None:
    schedule = _read("every Friday at 5pm until Christmas")["schedule"]
    assert schedule["expression"] == "0 17 * * 5"
    assert schedule["end_at"] == "2026-12-25T23:59:59Z"


def test_first_thing_is_the_morning() -> None:
    answer = _read("remind me first thing tomorrow to call the bank")
    assert answer["schedule"]["datetime"] == "2026-01-15T09:00:00Z"
    assert answer["task"] == "call the bank"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 2 hours between 6 and 22", "0 6-22/2 * * *"),  # 22 is the 24-hour clock: so is 6
        ("every weekend day at 8am", "0 8 * * 6,0"),
        ("Mon-Fri 0800", "0 8 * * 1-5"),
        ("Twice a day (9am and 5pm), check the queue", "0 9,17 * * *"),
    ],
)
def test_windows_days_and_times_in_other_shapes(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize("text", ["tonight-ish", "tomorrow noonish", "jeden Montag"])
def test_more_that_ask(text: str) -> None:
    assert _read(text)["needs_confirmation"]


@pytest.mark.parametrize(
    "text", ["daily at 9 plus Saturdays at noon", "every day at 9am, weekends at 10am"]
)
def test_a_daily_time_and_another_days_time_are_two_schedules(text: str) -> None:
    assert "two schedules" in _read(text)["reason"]


def test_crontab_guru_wording_is_every_week_and_asks() -> None:
    answer = _read("At 08:00 on Monday")
    assert answer["schedule"]["expression"] == "0 8 * * 1" and answer["needs_confirmation"]
    assert _read("at 8am on Monday")["schedule"]["type"] == "at"


def test_a_reminder_at_a_padded_time_is_once() -> None:
    assert _read("Remind us about the post at 10:30 AM")["schedule"]["type"] == "at"
    assert _read("remind me at 10:30 AM")["schedule"]["type"] == "at"
    assert _read("At 09:46 AM")["schedule"]["expression"] == "46 9 * * *"  # cron-descriptor


def test_an_unread_time_after_at_asks() -> None:
    assert _read("weekdays at teatime")["needs_confirmation"]
    assert not _read("look at logs every day at 9am")["needs_confirmation"]


def test_between_the_hours_of() -> None:
    text = "every half hour between the hours of 8 am and 10 am on the 5th and 20th of every month"
    assert _read(text)["schedule"]["expression"] == "*/30 8-9 5,20 * *"
