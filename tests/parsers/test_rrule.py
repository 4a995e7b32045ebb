"""Calendar recurrences cron cannot say become rrule schedules that keep the wall clock."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from agentcron.parsers import parse_fast
from tests.parsers.firetimes import fire_times


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/Berlin"])
@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("every other Monday at 9", 2),
        ("every 3 weeks on Tuesday at 9:30am", 3),
        ("every 5 weeks on Friday at 9", 5),
    ],
)
def test_every_n_weeks_keeps_its_wall_clock_time_across_both_2027_dst_changes(
    zone: str, text: str, weeks: int
) -> None:
    now = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)
    result = parse_fast(text, timezone=zone, now=now)
    assert result.schedule is not None and result.schedule["type"] == "rrule", result
    runs = fire_times(result.schedule, after=now, count=47 // weeks + 1)
    local = [t.astimezone(ZoneInfo(zone)) for t in runs]
    assert local[-1] > datetime(2027, 11, 8, tzinfo=UTC), "the runs reach past both changes"
    first = local[0]
    assert {(t.hour, t.minute) for t in local} == {(first.hour, first.minute)}
    assert {t.weekday() for t in local} == {first.weekday()}
    gaps = {(b.date() - a.date()).days for a, b in itertools.pairwise(local)}
    assert gaps == {7 * weeks}
    offsets = {t.utcoffset() for t in local}
    assert len(offsets) == 2, "both offsets occur: the series crosses the changes"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every 3 days at 10:15", "FREQ=DAILY;INTERVAL=3;BYHOUR=10;BYMINUTE=15;BYSECOND=0"),
        (
            "weekly on Tuesday, 10 times",
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=10",
        ),
        (
            "every 5 months on the 1st at noon",
            "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=1;BYHOUR=12;BYMINUTE=0;BYSECOND=0",
        ),
        (
            "every 2 weeks on Monday and Thursday at 9",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        ),
    ],
)
def test_rules_name_their_time_and_start_at_their_first_run(text: str, rule: str) -> None:
    now = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)
    result = parse_fast(text, now=now)
    assert result.schedule is not None
    assert result.schedule["rule"] == rule
    start = datetime.fromisoformat(result.schedule["start_at"].replace("Z", "+00:00"))
    assert start > now
    assert fire_times(result.schedule, after=now, count=1) == [start]
