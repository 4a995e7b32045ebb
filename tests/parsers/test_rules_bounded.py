"""An RRULE typed as the schedule whose days never come costs a bounded amount of work.

dateutil looks for a rule's next occurrence a period at a time until the year 9999: typed to
``POST /parse-nl`` (or as a job's schedule in words), "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"
took 21 s of CPU, its MINUTELY form 66 s and "FREQ=DAILY;BYSETPOS=366" over a minute, each on
the event loop. Work is counted in calls, as in test_bounded.py, and a text is stopped once it
passes the budget (before the bounds it would have run for minutes).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from itertools import islice
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from agentcron.parsers import understand_fast
from agentcron.parsers.recurrence import first_occurrence
from agentcron.parsers.tokens import forget_texts

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)
#: the worst rule below that does come round (Feb 29th on a Monday, by the minute) makes
#: ~57,000 calls; a rule that never comes made tens of millions before the bounds
BUDGET = 150_000


class OverBudget(Exception):
    pass


def _within_budget(text: str) -> Any:
    calls = [0]

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1
            if calls[0] > BUDGET:
                raise OverBudget(f"{text!r}: over {BUDGET:,} calls")

    understand_fast("RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", now=NOW)  # imports, tables
    forget_texts()
    sys.setprofile(profile)
    try:
        return understand_fast(text, now=NOW)
    finally:
        sys.setprofile(None)


NEVER = [
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO",
    "RRULE:FREQ=DAILY;BYSETPOS=2",
    "RRULE:FREQ=DAILY;BYSETPOS=366",
    "RRULE:FREQ=MINUTELY;BYSETPOS=2",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=YEARLY;BYSETPOS=-366;BYDAY=MO",
    "RRULE:FREQ=MONTHLY;BYDAY=5FR;BYMONTHDAY=13;BYMONTH=2",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11",
    "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYDAY=MO",
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20300101",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9",
]


@pytest.mark.parametrize("text", NEVER)
def test_a_rule_that_never_comes_is_refused_within_the_budget(text: str) -> None:
    answer = _within_budget(text)
    assert answer.schedule is None
    assert answer.reason == "that rule never comes round after now"


def test_byeaster_past_the_end_of_the_year_is_refused_not_raised() -> None:
    # dateutil's Easter mask ends with the year: an offset past it was an IndexError, a 500
    # for a job whose schedule was these words (POST /jobs reads them without a guard)
    answer = _within_budget("RRULE:FREQ=YEARLY;BYEASTER=365;BYMONTH=1")
    assert answer.schedule is None
    assert answer.reason is not None and "is not a valid RRULE" in answer.reason


@pytest.mark.parametrize(
    ("text", "start_at"),
    [
        # rare but real: February 29th on a Monday, the next in 2044
        ("RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2044-02-29T09:00:00Z"),
        ("RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2044-02-29T00:00:00Z"),
        ("RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-02-13T09:00:00Z"),
        ("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29T09:00:00Z"),
        ("RRULE:FREQ=DAILY;BYSETPOS=2;BYHOUR=9,17", "2026-01-14T17:00:00Z"),
    ],
)
def test_a_rule_that_comes_round_rarely_keeps_its_first_occurrence(
    text: str, start_at: str
) -> None:
    answer = _within_budget(text)
    assert answer.schedule is not None, answer.reason
    assert answer.schedule["start_at"] == start_at


ORDINARY = [
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0;BYSECOND=0",
    "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
    "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12;BYMINUTE=0;BYSECOND=0",
    "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;BYHOUR=8;BYMINUTE=30;BYSECOND=0",
    "FREQ=DAILY;BYMONTH=3,4;BYHOUR=6;BYMINUTE=0;BYSECOND=0",
    "FREQ=HOURLY;BYDAY=SA;BYMINUTE=15;BYSECOND=0",
    "FREQ=MINUTELY;BYHOUR=2;BYMINUTE=30;BYSECOND=0",
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31;BYHOUR=0;BYMINUTE=0;BYSECOND=0",
    "FREQ=YEARLY;BYEASTER=-2;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
    "FREQ=DAILY;UNTIL=20270101T000000;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
]


@pytest.mark.parametrize("rule", ORDINARY)
@pytest.mark.parametrize(
    "after", [datetime(2026, 3, 8, 1, 59), datetime(2026, 12, 31, 23, 0), datetime(2099, 2, 28)]
)
def test_the_bounded_search_finds_what_dateutil_finds(rule: str, after: datetime) -> None:
    zone = ZoneInfo("America/New_York")
    now = after.replace(tzinfo=zone).astimezone(UTC)
    found = first_occurrence(rule, zone, after, now)
    plain = next(
        (wall for wall in islice(rrulestr(rule, dtstart=after), 2000) if wall > after), None
    )
    if plain is None or (plain.year - after.year) > 50:
        assert found is None
    else:
        assert found is not None
        assert found.astimezone(zone).replace(tzinfo=None) >= plain
        assert found.astimezone(zone).date() == plain.date()


# -- BYEASTER: Easter's dates repeat on no 400-year cycle, so its days are checked one by one --

EASTER_NEVER = [
    "RRULE:FREQ=YEARLY;BYEASTER=0;BYMONTH=1",  # Easter Sunday falls from March 22 to April 25
    "RRULE:FREQ=DAILY;BYEASTER=0;BYMONTH=1",
    "RRULE:FREQ=MONTHLY;BYEASTER=0;BYMONTH=6",
    "RRULE:FREQ=HOURLY;BYEASTER=0;BYMONTH=2",
    "RRULE:FREQ=YEARLY;BYEASTER=1;BYDAY=TU",  # Easter Monday is a Monday
    "RRULE:FREQ=YEARLY;BYEASTER=0;BYMONTHDAY=30;BYMONTH=4",
    "RRULE:FREQ=YEARLY;BYEASTER=0;BYYEARDAY=1,-1",
    "RRULE:FREQ=YEARLY;BYEASTER=0;BYSETPOS=3",  # one day a year: no third
    "RRULE:FREQ=DAILY;INTERVAL=7;BYEASTER=-2;BYDAY=SU",
]


@pytest.mark.parametrize("text", EASTER_NEVER)
def test_an_easter_rule_that_never_comes_is_refused_within_the_budget(text: str) -> None:
    answer = _within_budget(text)
    assert answer.schedule is None
    assert answer.reason == "that rule never comes round after now"


EASTER_RULES = [
    "FREQ=YEARLY;BYEASTER=0;BYMONTHDAY=25;BYMONTH=4",  # Easter on April 25th: 2038
    "FREQ=YEARLY;BYEASTER=0;BYMONTHDAY=-6",  # the 25th of April again, from the month's end
    "FREQ=WEEKLY;BYEASTER=0;BYMONTHDAY=1",  # Easter on April 1st: 2029
    "FREQ=YEARLY;INTERVAL=3;BYEASTER=-2;BYMONTH=3",  # Good Friday in March, every third year
    "FREQ=MONTHLY;INTERVAL=2;BYEASTER=1",
    "FREQ=DAILY;INTERVAL=2;BYEASTER=0,1;BYHOUR=9;BYMINUTE=0",
    "FREQ=YEARLY;BYEASTER=49;BYDAY=SU",  # Pentecost
    "FREQ=YEARLY;BYEASTER=0;BYWEEKNO=14",  # a part dateutil alone checks
]


@pytest.mark.parametrize("rule", EASTER_RULES)
@pytest.mark.parametrize("after", [datetime(2026, 1, 14, 10, 0), datetime(2038, 4, 26)])
def test_an_easter_rule_keeps_what_dateutil_finds(rule: str, after: datetime) -> None:
    now = after.replace(tzinfo=UTC)
    found = first_occurrence(rule, ZoneInfo("UTC"), after, now)
    plain = next(
        (wall for wall in islice(rrulestr(rule, dtstart=after), 2000) if wall > after), None
    )
    if plain is None or (plain.year - after.year) > 50:
        assert found is None
    else:
        assert found is not None
        assert found.replace(tzinfo=None) == plain
