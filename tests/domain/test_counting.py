"""count_fire_times: runs per day or hour, counted, equal to listing them with the engine.

The tables name the answers; the last tests hold the counting to ``fire_times_between``
(the engine's own listing) across the 2026 clock changes of several zones, with exclusions,
and on generated schedules.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentcron.app.domain.counting import Tally, count_fire_times
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, fire_times_between


def days(zone: str, first: date, count: int) -> list[datetime]:
    """The local midnights of ``count`` days from ``first`` (count + 1 edges)."""
    tz = ZoneInfo(zone)
    return [
        datetime.combine(first + timedelta(days=i), time(), tzinfo=tz) for i in range(count + 1)
    ]


def hours(zone: str, first: date, count: int) -> list[datetime]:
    """Every real hour from each local midnight to the next (23 or 25 on a change day)."""
    edges: set[datetime] = set()
    midnights = [m.astimezone(UTC) for m in days(zone, first, count)]
    for start, end in pairwise(midnights):
        moment = start
        while moment < end:
            edges.add(moment)
            moment += timedelta(hours=1)
    return sorted(edges | {midnights[-1]})


def schedule(zone: str = "UTC", **fields: Any) -> Schedule:
    return Schedule.from_dict({"timezone": zone, **fields})


def counts(tallies: list[Tally]) -> list[int]:
    return [t.count for t in tallies]


def listed(
    s: Schedule,
    edges: list[datetime],
    exclusions: Exclusions | None = None,
    not_before: datetime | None = None,
) -> list[tuple[int, datetime | None, datetime | None]]:
    """What the engine lists, bucketed: (count, first, last) per interval."""
    start = edges[0] if not_before is None else max(edges[0], not_before)
    out: list[list[Any]] = [[0, None, None] for _ in edges[1:]]
    for instant in fire_times_between(
        s, start=start, end=edges[-1], exclusions=exclusions, limit=10_000_000
    ):
        cell = out[bisect_right(edges, instant) - 1]
        cell[0] += 1
        cell[1] = cell[1] or instant
        cell[2] = instant
    return [(c, f, la) for c, f, la in out]


def tallied(tallies: list[Tally]) -> list[tuple[int, datetime | None, datetime | None]]:
    return [(t.count, t.first, t.last) for t in tallies]


# ---------------------------------------------------------------------------------------------
# Tables


def test_an_every_minute_cron_over_a_month_is_1440_a_day_and_less_on_the_spring_day() -> None:
    # March 2026 in New York: clocks jump from 02:00 to 03:00 on Sunday the 8th
    tallies = count_fire_times(
        schedule("America/New_York", type="cron", expression="* * * * *"),
        days("America/New_York", date(2026, 3, 1), 31),
    )
    want = [1440] * 31
    want[7] = 1380  # an hour of wall-clock minutes never happens
    assert counts(tallies) == want
    first = tallies[0]
    assert first.first == datetime(2026, 3, 1, 5, 0, tzinfo=UTC)
    assert first.last == datetime(2026, 3, 2, 4, 59, tzinfo=UTC)


def test_the_fall_back_day_repeats_an_hour_for_real_time_cron_but_not_for_wall_clock() -> None:
    nov = days("America/New_York", date(2026, 10, 31), 3)  # 1 November: 02:00 -> 01:00
    every_minute = schedule("America/New_York", type="cron", expression="* * * * *")
    at_130 = schedule("America/New_York", type="cron", expression="30 1 * * *")
    assert counts(count_fire_times(every_minute, nov)) == [1440, 1500, 1440]
    assert counts(count_fire_times(at_130, nov)) == [1, 1, 1]


@pytest.mark.parametrize(
    ("fields", "want"),
    [
        ({"type": "every", "interval": 45}, [1920, 1920, 1920]),  # 86400 / 45
        ({"type": "every", "interval": 3600}, [24, 24, 24]),
        ({"type": "every", "interval": 1}, [86400] * 3),
        # a fortnight from a Tuesday 15:00 (UTC here): one of the three days
        (
            {"type": "every", "interval": 1209600, "start_at": "2026-03-03T15:00:00"},
            [0, 1, 0],
        ),
        ({"type": "cron", "expression": "0 9 * * 1-5"}, [1, 1, 1]),  # Mon-Wed
        ({"type": "cron", "expression": "*/15 9-17 * * *"}, [36, 36, 36]),
        ({"type": "at", "datetime": "2026-03-03T12:00:00"}, [0, 1, 0]),
        (
            {
                "type": "rrule",
                "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
                "start_at": "2026-03-03T15:00:00",
            },
            [0, 1, 0],
        ),
        (
            {"type": "rrule", "rule": "FREQ=MINUTELY;INTERVAL=10", "start_at": "2026-03-01T00:00"},
            [144, 144, 144],
        ),
        (
            {"type": "rrule", "rule": "FREQ=HOURLY;BYDAY=MO,WE", "start_at": "2026-03-01T00:30"},
            [24, 0, 24],
        ),
    ],
)
def test_runs_per_day(fields: dict[str, Any], want: list[int]) -> None:
    assert counts(count_fire_times(schedule(**fields), days("UTC", date(2026, 3, 2), 3))) == want


def test_start_at_end_at_and_not_before_bound_what_is_counted() -> None:
    edges = days("UTC", date(2026, 3, 2), 3)
    bounded = schedule(
        type="cron",
        expression="0 * * * *",
        start_at="2026-03-02T10:00:00",
        end_at="2026-03-04T05:00:00",  # inclusive, as the engine fires it
    )
    assert counts(count_fire_times(bounded, edges)) == [14, 24, 6]
    made_later = datetime(2026, 3, 3, 12, 30, tzinfo=UTC)  # the job's creation
    assert counts(count_fire_times(bounded, edges, not_before=made_later)) == [0, 11, 6]


def test_until_and_count_end_a_rule() -> None:
    edges = days("UTC", date(2026, 3, 2), 3)
    until = schedule(
        type="rrule", rule="FREQ=HOURLY;UNTIL=20260303T055959Z", start_at="2026-03-02T00:00"
    )
    assert counts(count_fire_times(until, edges)) == [24, 6, 0]
    counted = schedule(type="rrule", rule="FREQ=HOURLY;COUNT=30", start_at="2026-03-02T00:00")
    assert counts(count_fire_times(counted, edges)) == [24, 6, 0]


def test_exclusions_drop_days_and_cut_windows() -> None:
    edges = days("UTC", date(2026, 3, 6), 3)  # Fri, Sat, Sun
    every_minute = schedule(type="cron", expression="* * * * *")
    weekends = Exclusions.from_dict({"weekdays": ["sat", "sun"]})
    assert counts(count_fire_times(every_minute, edges, exclusions=weekends)) == [1440, 0, 0]
    nights = Exclusions.from_dict({"windows": [{"start": "22:00", "end": "06:00"}]})
    assert counts(count_fire_times(every_minute, edges, exclusions=nights)) == [960] * 3
    holiday = Exclusions.from_dict({"dates": ["2026-03-07"]})
    every_45s = schedule(type="every", interval=45)
    assert counts(count_fire_times(every_45s, edges, exclusions=holiday)) == [1920, 0, 1920]


def test_hours_of_a_day_and_the_times_of_a_few() -> None:
    edges = hours("Europe/Berlin", date(2026, 3, 2), 1)
    daily = schedule("America/New_York", type="cron", expression="45 7,8 * * *")
    tallies = count_fire_times(daily, edges, list_up_to=4)
    # 07:45 and 08:45 in New York are 13:45 and 14:45 in Berlin (winter: 6 hours apart)
    assert [i for i, t in enumerate(tallies) if t.count] == [13, 14]
    assert tallies[13].times == (datetime(2026, 3, 2, 12, 45, tzinfo=UTC),)
    whole = count_fire_times(daily, days("Europe/Berlin", date(2026, 3, 2), 1), list_up_to=4)
    assert whole[0].times == (
        datetime(2026, 3, 2, 12, 45, tzinfo=UTC),
        datetime(2026, 3, 2, 13, 45, tzinfo=UTC),
    )
    many = count_fire_times(schedule(type="every", interval=600), edges[:2], list_up_to=4)
    assert many[0].count == 6 and many[0].times == ()


def test_a_day_in_the_viewers_zone_splits_the_jobs_days() -> None:
    # a job in Tokyo at 08:00 every day, seen from New York: 18:00 or 19:00 the day before
    tokyo = schedule("Asia/Tokyo", type="cron", expression="0 8 * * *")
    edges = days("America/New_York", date(2026, 3, 7), 3)
    tallies = count_fire_times(tokyo, edges, list_up_to=4)
    assert counts(tallies) == [1, 1, 1]
    assert [t.first.astimezone(ZoneInfo("America/New_York")).hour for t in tallies if t.first] == [
        18,
        19,
        19,
    ]


def test_no_edges_no_tallies_and_naive_edges_are_refused() -> None:
    s = schedule(type="every", interval=60)
    assert count_fire_times(s, []) == []
    assert counts(count_fire_times(s, [datetime(2026, 3, 2, tzinfo=UTC)])) == []
    with pytest.raises(ValueError, match="aware"):
        count_fire_times(s, [datetime(2026, 3, 2), datetime(2026, 3, 3)])


# ---------------------------------------------------------------------------------------------
# Held to the engine's listing


SCHEDULES = [
    {"type": "cron", "expression": "* * * * *"},
    {"type": "cron", "expression": "30 2 * * *"},  # in the spring gap
    {"type": "cron", "expression": "*/20 1-3 * * *"},  # through the repeated hour
    {"type": "cron", "expression": "0,30 * 1,15 * 1"},
    {"type": "cron", "expression": "5 0 L * *"},
    {"type": "every", "interval": 45},
    {"type": "every", "interval": 67},
    {"type": "rrule", "rule": "FREQ=MINUTELY;INTERVAL=15", "start_at": "2026-03-01T00:02:00"},
    {
        "type": "rrule",
        "rule": "FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=30",
        "start_at": "2026-03-01T00:00",
    },
    {
        "type": "rrule",
        "rule": "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;BYHOUR=9",
        "start_at": "2026-01-01T09:00",
    },
    {"type": "at", "datetime": "2026-03-29T02:30:00"},
    {"type": "at", "datetime": "2026-11-01T01:30:00"},
]
EXCLUSIONS = [
    None,
    {"weekdays": ["sat"], "dates": ["2026-10-26"]},
    {"windows": [{"start": "01:30", "end": "02:45"}, {"start": "22:00", "end": "06:00"}]},
]
# each zone's 2026 clock changes (Santiago's and Lord Howe's are in April and September/October)
CHANGES = {
    "America/New_York": [date(2026, 3, 8), date(2026, 11, 1)],
    "Europe/Berlin": [date(2026, 3, 29), date(2026, 10, 25)],
    "Australia/Lord_Howe": [date(2026, 4, 5), date(2026, 10, 4)],  # half an hour
    "America/Santiago": [date(2026, 4, 5), date(2026, 9, 6)],  # at midnight
}
ZONES = list(CHANGES)


@pytest.mark.parametrize(
    ("zone", "change"), [(zone, day) for zone, changes in CHANGES.items() for day in changes]
)
@pytest.mark.parametrize("exclusions", EXCLUSIONS, ids=["none", "days", "windows"])
def test_counted_equals_listed_around_clock_changes(
    zone: str, change: date, exclusions: dict[str, Any] | None
) -> None:
    excluded = Exclusions.from_dict(exclusions)
    first = change - timedelta(days=1)
    made = datetime.combine(first, time(13, 17), tzinfo=UTC)  # the job's creation
    for edges in (days("Europe/Berlin", first, 3), hours(zone, change, 1)):
        for fields in SCHEDULES:
            s = schedule(zone, **fields)
            for not_before in (None, made) if excluded is None else (None,):
                got = count_fire_times(s, edges, exclusions=excluded, not_before=not_before)
                assert tallied(got) == listed(s, edges, excluded, not_before), fields


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    minute=st.sampled_from(["*", "0", "*/7", "5,35", "10-20"]),
    hour=st.sampled_from(["*", "2", "1-3", "*/5", "9-17"]),
    dom=st.sampled_from(["*", "1", "L", "15-31"]),
    dow=st.sampled_from(["*", "0", "1-5", "6"]),
    zone=st.sampled_from([*ZONES, "UTC", "Asia/Kolkata"]),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 1)),
    span=st.integers(min_value=1, max_value=6),
    window=st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 23))),
)
def test_counted_equals_listed_for_generated_crons(
    minute: str,
    hour: str,
    dom: str,
    dow: str,
    zone: str,
    start: date,
    span: int,
    window: tuple[int, int] | None,
) -> None:
    s = schedule(zone, type="cron", expression=f"{minute} {hour} {dom} * {dow}")
    excluded = None
    if window is not None and window[0] != window[1]:
        excluded = Exclusions.from_dict(
            {"windows": [{"start": f"{window[0]:02d}:00", "end": f"{window[1]:02d}:30"}]}
        )
    edges = days("America/Chicago", start, span)
    assert tallied(count_fire_times(s, edges, exclusions=excluded)) == listed(s, edges, excluded)


@settings(max_examples=40, deadline=None)
@given(
    interval=st.integers(min_value=30, max_value=200_000),
    anchor=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    zone=st.sampled_from(ZONES),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 20)),
)
def test_counted_equals_listed_for_generated_intervals(
    interval: int, anchor: int | None, zone: str, start: date
) -> None:
    fields: dict[str, Any] = {"type": "every", "interval": interval}
    if anchor is not None:
        begin = datetime.combine(start, time(), tzinfo=UTC) - timedelta(seconds=anchor)
        fields["start_at"] = begin.isoformat()
    s = schedule(zone, **fields)
    edges = hours("Europe/Berlin", start, 2)
    excluded = Exclusions.from_dict({"windows": [{"start": "02:10", "end": "03:20"}]})
    for exclusions in (None, excluded):
        assert tallied(count_fire_times(s, edges, exclusions=exclusions)) == listed(
            s, edges, exclusions
        )
