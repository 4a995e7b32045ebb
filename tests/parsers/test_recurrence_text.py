"""rrule schedules in words (parsers/recurrence_text.py, through parsers.describe)."""

from __future__ import annotations

import random

import pytest

from agentcron.app.domain.recurrence import compile_recurrence
from agentcron.app.domain.rrule_syntax import RuleError
from agentcron.app.domain.schedule import Schedule
from agentcron.parsers import describe
from tests.domain.test_recurrence import random_rule

START = "2026-12-08T15:00:00-06:00"  # a Tuesday, 3 PM in Chicago


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
            "Every 2 weeks on Tuesday at 3:00 PM, Central Time, starting Tuesday 8 December 2026",
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=30",
            "Every Monday, Wednesday and Friday at 9:30 AM, Central Time",
        ),
        ("FREQ=WEEKLY", "Every Tuesday at 3:00 PM, Central Time"),  # both from start_at
        (
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0",
            "Every weekday at 9:00 AM, Central Time",
        ),
        ("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0", "Every day at 9:00 AM and 5:00 PM, Central Time"),
        (
            "FREQ=DAILY;INTERVAL=3;BYHOUR=10;BYMINUTE=15",
            "Every 3 days at 10:15 AM, Central Time, starting Tuesday 8 December 2026",
        ),
        (
            "FREQ=MONTHLY;BYDAY=2TU,4TU;BYHOUR=10;BYMINUTE=0",
            "Every month on the second and fourth Tuesday at 10:00 AM, Central Time",
        ),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYHOUR=9;BYMINUTE=0",
            "Every month on the first weekday at 9:00 AM, Central Time",
        ),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;BYHOUR=17;BYMINUTE=0",
            "Every month on the last weekday at 5:00 PM, Central Time",
        ),
        (
            "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1;BYHOUR=10;BYMINUTE=0",
            "Every month on the first Saturday or Sunday at 10:00 AM, Central Time",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO,-1FR;BYHOUR=16;BYMINUTE=0",
            "Every month on the first Monday and the last Friday at 4:00 PM, Central Time",
        ),
        ("FREQ=MONTHLY", "Every month on the 8th at 3:00 PM, Central Time"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=1,-1;BYHOUR=8;BYMINUTE=0",
            "Every month on the 1st and last day at 8:00 AM, Central Time",
        ),
        (
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;BYHOUR=13;BYMINUTE=13",
            "Every month on Friday the 13th at 1:13 PM, Central Time",
        ),
        (
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12;BYMINUTE=0",
            "Every year on the fourth Thursday of November at 12:00 PM, Central Time",
        ),
        (
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;BYHOUR=8;BYMINUTE=0",
            "Every year on December 25 at 8:00 AM, Central Time",
        ),
        (
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;COUNT=10",
            "Every Tuesday at 9:00 AM, Central Time, 10 times, starting Tuesday 8 December 2026",
        ),
        (
            "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20271231",
            "Every day at 9:00 AM, Central Time, until Friday 31 December 2027",
        ),
        (
            "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20280101T055959Z",
            "Every day at 9:00 AM, Central Time, until Friday 31 December 2027 at 11:59 PM",
        ),
        (
            "FREQ=MONTHLY;BYMONTH=1,2,3;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0",
            "Every month on the 1st at 9:00 AM, in January, February and March, Central Time",
        ),
        (
            "FREQ=HOURLY;BYHOUR=9,10,11,12,13,14,15,16,17;BYDAY=MO,TU,WE,TH,FR",
            "Every hour on the hour from 9:00 AM to 5:00 PM on weekdays, Central Time",
        ),
        (
            "FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10,11,12,13,14,15,16;BYDAY=MO,TU,WE,TH,FR",
            "Every 15 minutes from 9:00 AM to 4:45 PM on weekdays, Central Time",
        ),
        ("FREQ=HOURLY;INTERVAL=2;BYMINUTE=30", "Every 2 hours at :30, Central Time"),
        (
            "FREQ=DAILY;BYHOUR=9,10,11,12,13;BYMINUTE=0,30",
            "Every day 10 times a day from 9:00 AM to 1:30 PM, Central Time",
        ),
    ],
)
def test_rrules_in_words(rule: str, text: str) -> None:
    schedule = {"type": "rrule", "rule": rule, "timezone": "America/Chicago", "start_at": START}
    assert describe(schedule) == text


def test_end_at_is_named_like_for_the_other_types() -> None:
    schedule = {
        "type": "rrule",
        "rule": "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
        "timezone": "Europe/Berlin",
        "start_at": "2027-01-01T00:00:00+01:00",
        "end_at": "2027-06-30T22:00:00Z",
    }
    assert describe(schedule) == (
        "Every day at 9:00 AM, Central European Time, until Thursday 1 July 2027"
    )


def test_every_rule_the_service_accepts_gets_a_sentence() -> None:
    rng = random.Random("rrule words")
    described = 0
    while described < 300:
        rule = random_rule(rng)
        document = {"type": "rrule", "rule": rule, "timezone": "Asia/Tokyo", "start_at": START}
        try:
            schedule = Schedule.from_dict(document)
            compile_recurrence(schedule.rule or "", schedule.start_at, "Asia/Tokyo")  # type: ignore[arg-type]
        except (RuleError, ValueError):
            continue
        text = describe(schedule.to_dict())
        assert text.startswith("Every") and text.count(", Tokyo time") == 1, (rule, text)
        described += 1
