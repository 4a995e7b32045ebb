"""rrule schedules: RFC 5545 recurrences on the wall clock of a zone. Answers are ISO strings in
the job's zone (equal UTC instants are not the same wall-clock answer). dateutil stepping from
DTSTART is the reference for which wall times a rule names; cron's DST rule (tests/domain/
test_schedule.py) decides which instants they are."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.recurrence import (
    LIST_YEARS,
    MAX_PER_PERIOD,
    compile_recurrence,
    default_start,
    wall_to_instant,
)
from agentcron.app.domain.rrule_syntax import MAX_COUNT, RuleError, parse_rule
from agentcron.app.domain.schedule import (
    Schedule,
    ScheduleError,
    fire_times_between,
    local_iso,
    next_fire_time,
    next_fire_times,
)


def rrule(rule: str, timezone: str = "UTC", start_at: str = "2027-01-01T00:00:00", **extra: object):
    return Schedule.from_dict(
        {"type": "rrule", "rule": rule, "timezone": timezone, "start_at": start_at, **extra}
    )


def local_times(schedule: Schedule, *, after: str, count: int = 5, **kw: object) -> list[str]:
    instant = datetime.fromisoformat(after)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=schedule.zone)
    times = next_fire_times(schedule, after=instant, count=count, **kw)  # type: ignore[arg-type]
    return [local_iso(t, schedule.zone) for t in times]


# ---------------------------------------------------------------------------------------------
# The wall clock never drifts: every N weeks across both 2027 DST changes


@pytest.mark.parametrize(
    ("zone", "spring", "autumn"),
    [
        ("America/New_York", "2027-03-14", "2027-11-07"),
        ("Europe/Berlin", "2027-03-28", "2027-10-31"),
    ],
)
@pytest.mark.parametrize(
    ("rule", "weeks"),
    [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0", 2),  # every other Tuesday 3pm
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0", 2),  # every other Monday at 9
        ("FREQ=WEEKLY;INTERVAL=5;BYDAY=TU;BYHOUR=8;BYMINUTE=45", 5),  # every 5 weeks on Tuesday
        ("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30", 1),  # in the gap on the DST Sundays
        ("FREQ=DAILY;INTERVAL=14;BYHOUR=10;BYMINUTE=15", 2),  # every 14 days at 10:15
    ],
)
def test_every_n_weeks_keeps_its_wall_clock_time_across_both_dst_changes(
    zone: str, spring: str, autumn: str, rule: str, weeks: int
) -> None:
    schedule = rrule(rule, zone, start_at="2027-01-03T00:00:00")
    tz = ZoneInfo(zone)
    times = fire_times_between(
        schedule,
        start=datetime(2027, 1, 1, tzinfo=tz),
        end=datetime(2028, 1, 1, tzinfo=tz),
    )
    local = [t.astimezone(tz) for t in times]
    assert len(local) >= 52 // weeks
    assert local[0].astimezone(tz).replace(tzinfo=None) < datetime.fromisoformat(spring)
    assert local[-1].replace(tzinfo=None) > datetime.fromisoformat(autumn)
    wall = {(t.hour, t.minute) for t in local}
    in_the_gap = "BYHOUR=2;BYMINUTE=30" in rule
    # one wall time all year; on the spring-forward Sunday 02:30 does not exist: 03:00 then
    assert wall == ({(2, 30), (3, 0)} if in_the_gap else {(local[0].hour, local[0].minute)})
    assert {t.date().isoformat() for t in local if (t.hour, t.minute) == (3, 0)} <= {spring}
    for before, after in pairwise(local):
        assert (after.date() - before.date()).days == 7 * weeks
    offsets = {t.utcoffset() for t in local}
    assert len(offsets) == 2  # both sides of both changes were crossed


@pytest.mark.parametrize(
    ("rule", "zone", "start_at", "after", "expected"),
    [
        # New York springs forward 2027-03-14 02:00 -> 03:00: 02:30 fires right after the gap
        (
            "FREQ=DAILY;BYHOUR=2;BYMINUTE=30",
            "America/New_York",
            "2027-03-01T00:00:00",
            "2027-03-13T00:00:00",
            ["2027-03-13T02:30:00-05:00", "2027-03-14T03:00:00-04:00", "2027-03-15T02:30:00-04:00"],
        ),
        # two wall times in the gap and 03:00 itself all land on 03:00 EDT: it fires once
        (
            "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=0,30",
            "America/New_York",
            "2027-03-01T00:00:00",
            "2027-03-14T00:00:00",
            ["2027-03-14T03:00:00-04:00", "2027-03-14T03:30:00-04:00", "2027-03-15T02:00:00-04:00"],
        ),
        # Berlin springs forward 2027-03-28 02:00 -> 03:00
        (
            "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30",
            "Europe/Berlin",
            "2027-03-01T00:00:00",
            "2027-03-20T00:00:00",
            ["2027-03-21T02:30:00+01:00", "2027-03-28T03:00:00+02:00", "2027-04-04T02:30:00+02:00"],
        ),
        # New York falls back 2027-11-07 02:00 -> 01:00: 01:30 happens twice and fires once
        (
            "FREQ=DAILY;BYHOUR=1;BYMINUTE=30",
            "America/New_York",
            "2027-10-01T00:00:00",
            "2027-11-06T00:00:00",
            ["2027-11-06T01:30:00-04:00", "2027-11-07T01:30:00-04:00", "2027-11-08T01:30:00-05:00"],
        ),
        # Berlin falls back 2027-10-31 03:00 -> 02:00
        (
            "FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2;BYMINUTE=30",
            "Europe/Berlin",
            "2027-01-01T00:00:00",
            "2027-09-01T00:00:00",
            ["2027-09-26T02:30:00+02:00", "2027-10-31T02:30:00+02:00", "2027-11-28T02:30:00+01:00"],
        ),
        # HOURLY is on the wall clock too: the repeated hour fires once, the missing one not at all
        (
            "FREQ=HOURLY",
            "America/New_York",
            "2027-10-01T00:00:00",
            "2027-11-07T00:30:00",
            ["2027-11-07T01:00:00-04:00", "2027-11-07T02:00:00-05:00", "2027-11-07T03:00:00-05:00"],
        ),
        (
            "FREQ=HOURLY",
            "America/New_York",
            "2027-03-01T00:00:00",
            "2027-03-14T00:30:00",
            ["2027-03-14T01:00:00-05:00", "2027-03-14T03:00:00-04:00", "2027-03-14T04:00:00-04:00"],
        ),
    ],
)
def test_nonexistent_and_repeated_wall_times_follow_crons_rule(
    rule: str, zone: str, start_at: str, after: str, expected: list[str]
) -> None:
    assert local_times(rrule(rule, zone, start_at), after=after, count=3) == expected


def test_asking_from_inside_the_repeated_hour_does_not_fire_it_again() -> None:
    schedule = rrule("FREQ=DAILY;BYHOUR=1;BYMINUTE=45", "America/New_York")
    # 01:30 EST, the second pass: 01:45 EDT is already past
    assert local_times(schedule, after="2027-11-07T01:30:00-05:00", count=2) == [
        "2027-11-08T01:45:00-05:00",
        "2027-11-09T01:45:00-05:00",
    ]


def test_wall_to_instant_lands_on_the_transition_in_a_gap() -> None:
    lord_howe = ZoneInfo("Australia/Lord_Howe")  # a 30-minute change
    instant = wall_to_instant(datetime(2027, 10, 3, 2, 10), lord_howe)
    assert local_iso(instant, lord_howe) == "2027-10-03T02:30:00+11:00"
    new_york = ZoneInfo("America/New_York")
    assert wall_to_instant(datetime(2027, 3, 14, 2, 0, 1), new_york) == datetime(
        2027, 3, 14, 7, tzinfo=UTC
    )


# ---------------------------------------------------------------------------------------------
# COUNT, UNTIL, start_at


@pytest.mark.parametrize(
    ("rule", "start_at", "after", "expected"),
    [
        # "weekly on Tuesday, 10 times": counted from start_at, wherever `after` is
        (
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;COUNT=10",
            "2027-01-01T00:00:00",
            "2027-02-20T00:00:00",
            ["2027-02-23T09:00:00+00:00", "2027-03-02T09:00:00+00:00", "2027-03-09T09:00:00+00:00"],
        ),
        (
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;COUNT=10",
            "2027-01-01T00:00:00",
            "2027-03-09T09:00:00",  # the 10th Tuesday
            [],
        ),
        # "for the next 5 days"
        (
            "FREQ=DAILY;COUNT=5;BYHOUR=8;BYMINUTE=0",
            "2027-05-10T07:00:00",
            "2027-05-01T00:00:00",
            [f"2027-05-{d}T08:00:00+00:00" for d in range(10, 15)],
        ),
        # start_at that is not itself an occurrence does not count
        (
            "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=0;BYMINUTE=0;COUNT=2",
            "2027-01-15T00:00:00",
            "2027-01-01T00:00:00",
            ["2027-02-01T00:00:00+00:00", "2027-03-01T00:00:00+00:00"],
        ),
        # UNTIL as a UTC date-time is inclusive
        (
            "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20270103T090000Z",
            "2027-01-01T00:00:00",
            "2026-12-01T00:00:00",
            ["2027-01-01T09:00:00+00:00", "2027-01-02T09:00:00+00:00", "2027-01-03T09:00:00+00:00"],
        ),
        # UNTIL as a date includes that whole day
        (
            "FREQ=DAILY;BYHOUR=23;BYMINUTE=59;UNTIL=20270102",
            "2027-01-01T00:00:00",
            "2026-12-01T00:00:00",
            ["2027-01-01T23:59:00+00:00", "2027-01-02T23:59:00+00:00"],
        ),
        # a future start_at: nothing before it
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
            "2027-06-08T15:00:00",
            "2027-01-01T00:00:00",
            ["2027-06-08T15:00:00+00:00", "2027-06-22T15:00:00+00:00", "2027-07-06T15:00:00+00:00"],
        ),
        # a start_at long past keeps its phase: every other week counts from its week
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
            "2001-01-02T15:00:00",
            "2027-01-01T00:00:00",
            ["2027-01-12T15:00:00+00:00", "2027-01-26T15:00:00+00:00", "2027-02-09T15:00:00+00:00"],
        ),
    ],
)
def test_count_until_and_start_at(
    rule: str, start_at: str, after: str, expected: list[str]
) -> None:
    schedule = rrule(rule, "UTC", start_at)
    got = local_times(schedule, after=after + "+00:00", count=len(expected) + 3)
    assert got == expected if ("COUNT" in rule or "UNTIL" in rule) else got[:3] == expected


def test_count_with_a_zone_counts_wall_times_and_dedupes_the_gap() -> None:
    # 02:30 and 03:00 on the spring-forward day land on one instant: it fires once
    schedule = rrule(
        "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30,0;COUNT=4", "America/New_York", "2027-03-14T00:00:00"
    )
    assert local_times(schedule, after="2027-03-01T00:00:00", count=10) == [
        "2027-03-14T03:00:00-04:00",
        "2027-03-14T03:30:00-04:00",
    ]


def test_start_at_microseconds_are_dropped_and_start_at_shows_its_offset() -> None:
    schedule = rrule(
        "RRULE:freq=weekly; interval=2; byday=TU;byhour=15;byminute=0",
        "America/Chicago",
        "2026-12-08T21:00:00.750Z",
    )
    assert schedule.to_dict() == {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
        "timezone": "America/Chicago",
        "start_at": "2026-12-08T15:00:00-06:00",
    }
    assert Schedule.from_dict(schedule.to_dict()) == schedule


def test_end_at_and_exclusions_apply_as_to_every_type() -> None:
    schedule = rrule(
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "Europe/Berlin", end_at="2027-01-06T09:00:00"
    )
    exclusions = Exclusions.from_dict({"weekdays": ["saturday", "sunday"]})
    assert local_times(schedule, after="2027-01-01T00:00:00", count=9, exclusions=exclusions) == [
        "2027-01-01T09:00:00+01:00",
        "2027-01-04T09:00:00+01:00",
        "2027-01-05T09:00:00+01:00",
        "2027-01-06T09:00:00+01:00",
    ]


# ---------------------------------------------------------------------------------------------
# Calendar rules cron cannot say


@pytest.mark.parametrize(
    ("rule", "after", "expected"),
    [
        # the first business day of the month
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYHOUR=9;BYMINUTE=0",
            "2027-04-20",
            ["2027-05-03", "2027-06-01", "2027-07-01", "2027-08-02"],
        ),
        # the last business day of the month
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;BYHOUR=17;BYMINUTE=0",
            "2027-04-20",
            ["2027-04-30", "2027-05-31", "2027-06-30", "2027-07-30"],
        ),
        # the 2nd and 4th Tuesday
        (
            "FREQ=MONTHLY;BYDAY=2TU,4TU;BYHOUR=10;BYMINUTE=0",
            "2027-04-20",
            ["2027-04-27", "2027-05-11", "2027-05-25", "2027-06-08"],
        ),
        # Thanksgiving: the 4th Thursday of November
        (
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12;BYMINUTE=0",
            "2027-04-20",
            ["2027-11-25", "2028-11-23", "2029-11-22", "2030-11-28"],
        ),
        # every 3 days at 10:15
        (
            "FREQ=DAILY;INTERVAL=3;BYHOUR=10;BYMINUTE=15",
            "2027-01-02",
            ["2027-01-04", "2027-01-07", "2027-01-10", "2027-01-13"],
        ),
        # every other month on the last day
        (
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1;BYHOUR=18;BYMINUTE=0",
            "2027-01-02",
            ["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31"],
        ),
        # Friday the 13th
        (
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;BYHOUR=13;BYMINUTE=13",
            "2027-01-01",
            ["2027-08-13", "2028-10-13", "2029-04-13", "2029-07-13"],
        ),
        # every leap day
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=0;BYMINUTE=0",
            "2027-01-01",
            ["2028-02-29", "2032-02-29", "2036-02-29", "2040-02-29"],
        ),
        # Good Friday (dateutil's BYEASTER: days from Western Easter Sunday)
        (
            "FREQ=YEARLY;BYEASTER=-2;BYHOUR=9;BYMINUTE=0",
            "2027-01-01",
            ["2027-03-26", "2028-04-14", "2029-03-30", "2030-04-19"],
        ),
        # Whit Monday
        (
            "FREQ=YEARLY;BYEASTER=50;BYHOUR=9;BYMINUTE=0",
            "2027-01-01",
            ["2027-05-17", "2028-06-05", "2029-05-21", "2030-06-10"],
        ),
    ],
)
def test_calendar_rules(rule: str, after: str, expected: list[str]) -> None:
    schedule = rrule(rule, "America/New_York", start_at="2027-01-01T00:00:00")
    dates = [t[:10] for t in local_times(schedule, after=after + "T00:00:00", count=4)]
    assert dates == expected


# ---------------------------------------------------------------------------------------------
# dateutil is the reference for which wall times a rule names


DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def random_rule(rng: random.Random) -> str:
    freq = rng.choice(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY"])
    parts = [f"FREQ={freq}"]
    if freq == "HOURLY":
        parts.append(f"INTERVAL={rng.choice([1, 2, 3, 6])}")
    elif freq == "MINUTELY":
        parts.append(f"INTERVAL={rng.choice([5, 15, 20, 30])}")
    elif rng.random() < 0.5:
        parts.append(f"INTERVAL={rng.choice([1, 2, 3, 5, 7, 13])}")
    if freq in ("YEARLY", "MONTHLY") and rng.random() < 0.4:
        n = rng.choice([1, 2, 3, 4, -1, -2])
        parts.append("BYDAY=" + ",".join(f"{n}{d}" for d in rng.sample(DAYS, rng.randint(1, 2))))
    elif rng.random() < 0.4:
        parts.append("BYDAY=" + ",".join(rng.sample(DAYS, rng.randint(1, 5))))
    if freq != "WEEKLY" and rng.random() < 0.3:
        days = rng.sample([1, 2, 13, 15, 28, 29, 30, 31, -1, -2], rng.randint(1, 3))
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    if rng.random() < 0.25:
        parts.append("BYMONTH=" + ",".join(map(str, rng.sample(range(1, 13), rng.randint(1, 4)))))
    if freq != "MINUTELY" and rng.random() < 0.7:
        parts.append("BYHOUR=" + ",".join(map(str, rng.sample(range(24), rng.randint(1, 3)))))
    if freq != "MINUTELY" and rng.random() < 0.6:
        parts.append("BYMINUTE=" + ",".join(map(str, rng.sample([0, 15, 30, 45], 2))))
    if freq not in ("HOURLY", "MINUTELY") and rng.random() < 0.2:
        parts.append("BYSETPOS=" + rng.choice(["1", "-1", "2", "1,-1"]))
    if freq == "YEARLY" and rng.random() < 0.15:
        parts.append("BYWEEKNO=" + ",".join(map(str, rng.sample([1, 2, 10, 20, 52, 53, -1], 2))))
    if rng.random() < 0.2:
        parts.append(f"COUNT={rng.randint(1, 40)}")
    if rng.random() < 0.1:
        parts.append("WKST=SU")
    return ";".join(parts)


def reference_instant(naive: datetime, zone: ZoneInfo) -> datetime:
    """Cron's rule the slow way: step a missing wall time forward a second at a time."""
    while True:
        instant = naive.replace(tzinfo=zone).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == naive:
            return instant
        naive += timedelta(seconds=1)


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Europe/Berlin"])
def test_random_rules_agree_with_dateutil_stepping_from_dtstart(zone: str) -> None:
    rng = random.Random(f"rrule-{zone}")
    tz = ZoneInfo(zone)
    checked = 0
    while checked < 150:
        rule = random_rule(rng)
        dtstart = datetime(2026, 1, 1) + timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 2))
        dtstart = dtstart.replace(second=rng.choice([0, 0, 17]))
        start_at = wall_to_instant(dtstart, tz)
        try:
            recurrence = compile_recurrence(rule, start_at, zone)
        except RuleError:
            continue
        checked += 1
        # up to three years on (a month for sub-daily rules: the reference steps every one)
        days = 30 if "HOURLY" in rule or "MINUTELY" in rule else 3 * 365
        after = start_at + timedelta(minutes=rng.randint(-1000, 60 * 24 * days))
        got = list(islice(recurrence.times_after(after), 8))
        dtstart = start_at.astimezone(tz).replace(tzinfo=None)  # the anchor, after any gap
        reference = rrulestr(rule + ("" if "WKST" in rule else ";WKST=MO"), dtstart=dtstart)
        expected: list[datetime] = []
        listed_until = reference_instant(
            after.astimezone(tz).replace(tzinfo=None)
            + timedelta(days=round(LIST_YEARS * 365.2425)),
            tz,
        )
        for naive in reference:
            instant = reference_instant(naive, tz)
            if instant > listed_until:
                break
            if instant > after and (not expected or instant > expected[-1]):
                expected.append(instant)
            if len(expected) == 8:
                break
        assert got == expected, (rule, dtstart, after)


def test_a_series_started_a_century_ago_is_not_stepped_from_its_start() -> None:
    # every minute since 1926: stepping from DTSTART would be 52 million occurrences
    schedule = rrule("FREQ=MINUTELY;BYDAY=MO,TU,WE,TH,FR", "Europe/Berlin", "1926-01-04T00:00:00")
    assert local_times(schedule, after="2027-03-28T01:58:30", count=3) == [
        "2027-03-29T00:00:00+02:00",  # a Sunday first: the rule skips weekends
        "2027-03-29T00:01:00+02:00",
        "2027-03-29T00:02:00+02:00",
    ]
    every_other_week = rrule(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "UTC", "1926-01-04T09:00:00"
    )
    assert next_fire_time(every_other_week, after=datetime(2027, 1, 1, tzinfo=UTC)) == datetime(
        2027,
        1,
        4,
        9,
        tzinfo=UTC,  # 5,270 weeks after 1926-01-04
    )


def test_easter_is_not_stepped_in_a_copy_of_the_calendar_400_years_on() -> None:
    # the Gregorian calendar repeats every 400 years, Easter's date does not: a BYEASTER rule
    # is stepped in its own years, from a start long ago and far ahead alike
    schedule = rrule(
        "FREQ=YEARLY;BYEASTER=0;BYHOUR=10;BYMINUTE=0", "Europe/Berlin", "1926-04-04T10:00:00"
    )
    assert [t[:10] for t in local_times(schedule, after="2027-01-01T00:00:00", count=3)] == [
        "2027-03-28",
        "2028-04-16",
        "2029-04-01",
    ]
    later = [t[:10] for t in local_times(schedule, after="2427-01-01T00:00:00", count=2)]
    expected = [rrulestr("FREQ=YEARLY;BYEASTER=0", dtstart=datetime(2427, 1, 1))[k] for k in (0, 1)]
    assert later == [day.date().isoformat() for day in expected]
    counted = rrule("FREQ=YEARLY;BYEASTER=-2;BYHOUR=9;COUNT=3", "UTC", "2027-03-26T09:00:00")
    assert [t[:10] for t in local_times(counted, after="2020-01-01T00:00:00", count=5)] == [
        "2027-03-26",
        "2028-04-14",
        "2029-03-30",
    ]


def test_runs_are_listed_at_most_a_hundred_years_ahead() -> None:
    # February 29th on a Monday, every third day from a Friday: once in 28 years or more.
    # Asked for 1,000 runs it lists those within 100 years, not stepping on to year 9999.
    schedule = rrule("FREQ=DAILY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYHOUR=9")
    runs = local_times(schedule, after="2027-03-01T00:00:00", count=1000)
    assert runs and all(run < "2127-03-01" for run in runs)
    assert len(runs) <= 4


def test_a_series_with_nothing_in_fifty_years_has_ended() -> None:
    # Feb 29 that is a Monday: 2044, then 2072 — further than cron's 50-year horizon from 2045
    schedule = rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYHOUR=9;BYMINUTE=0")
    assert local_times(schedule, after="2027-01-01T00:00:00", count=2) == [
        "2044-02-29T09:00:00+00:00",
        "2072-02-29T09:00:00+00:00",
    ]


# ---------------------------------------------------------------------------------------------
# What is refused, and why


@pytest.mark.parametrize(
    ("rule", "fragment"),
    [
        ("", "such as 'FREQ=WEEKLY"),
        ("BYDAY=MO", "FREQ is required"),
        ("FREQ=FORTNIGHTLY", "FREQ must be one of"),
        ("FREQ=SECONDLY", '"type": "every"'),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR 24 is out of range (0 to 23)"),
        ("FREQ=DAILY;BYMINUTE=-5", "BYMINUTE '-5' is not a whole number"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY 0 is out of range"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 1000"),
        ("FREQ=DAILY;COUNT=1001", f"COUNT must be a whole number from 1 to {MAX_COUNT}"),
        ("FREQ=DAILY;COUNT=5;UNTIL=20271231", "COUNT and UNTIL cannot both be given"),
        ("FREQ=DAILY;UNTIL=2027-12-31", "UNTIL must be a date"),
        ("FREQ=DAILY;UNTIL=20270231", "UNTIL must be a date"),
        ("FREQ=DAILY;UNTIL=99991231", "UNTIL must lie between 1900 and 8999"),
        ("FREQ=DAILY;UNTIL=00010101T000000Z", "UNTIL must lie between 1900 and 8999"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"),
        ("FREQ=DAILY;BYFOO=0", "unknown part 'BYFOO'"),
        ("FREQ=DAILY;BYEASTER=0", "BYEASTER goes with FREQ=YEARLY"),
        ("FREQ=YEARLY;BYEASTER=0;BYMONTH=4", "BYEASTER goes with FREQ=YEARLY"),
        ("FREQ=YEARLY;BYEASTER=-2,1", "one number of days from Easter Sunday"),
        ("FREQ=YEARLY;BYEASTER=366", "BYEASTER 366 is out of range"),
        ("FREQ=DAILY;BYHOUR", "'BYHOUR' is not NAME=VALUE"),
        ("FREQ=DAILY;BYHOUR=", "BYHOUR has no value"),
        ("DTSTART:20270101T090000\nRRULE:FREQ=DAILY", "DTSTART does not go in the rule"),
        ("FREQ=DAILY;DTSTART=20270101T090000", "DTSTART does not go in the rule"),
        ("RRULE:FREQ=DAILY\nEXDATE:20270102T090000", "EXDATE is not supported"),
        ("FREQ=WEEKLY;BYDAY=2TU", "needs FREQ=MONTHLY or YEARLY"),
        ("FREQ=MONTHLY;BYDAY=6TU", "a month has at most 5"),
        ("FREQ=YEARLY;BYDAY=54MO", "a year has at most 53"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY 'XX' is not a day"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY does not apply to FREQ=WEEKLY"),
        ("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO is supported with FREQ=YEARLY only"),
        ("FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY is supported with FREQ=YEARLY only"),
        ("FREQ=DAILY;BYSETPOS=1", "BYSETPOS needs another BY"),
        ("FREQ=HOURLY;INTERVAL=5", "divides 24 (1, 2, 3, 4, 6, 8, 12, 24)"),
        ("FREQ=MINUTELY;INTERVAL=90", '"interval": 5400'),
        ("FREQ=HOURLY;BYMINUTE=0,30;BYSETPOS=1", "BYSETPOS is supported with FREQ=DAILY"),
        ("FREQ=YEARLY;WKST=XX", "WKST must be one of"),
        ("FREQ=DAILY;BYHOUR=9" + ";BYMINUTE=0" * 50, "longer than 500 characters"),
        ("FREQ=DAILY;BYHOUR=٩", "characters that cannot be part of a rule"),
    ],
)
def test_bad_rules_name_the_reason(rule: str, fragment: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        rrule(rule)
    assert caught.value.field == "schedule.rule"
    assert fragment in caught.value.reason


@pytest.mark.parametrize(
    ("rule", "start_at", "fragment"),
    [
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2027-01-01T00:00:00", "February has no day 30"),
        (
            "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
            "2027-01-01T00:00:00",
            "April, June, September, November have no day 31",
        ),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "2027-01-01T00:00:00", "at most 5"),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", "2027-01-05T09:00:00", "from start_at (a Tuesday)"),
        ("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31", "2027-02-01T09:00:00", "February has no"),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTH=2", "2027-01-01T09:00:00", "never reaches BYMONTH"),
        ("FREQ=HOURLY;INTERVAL=2;BYHOUR=9", "2027-01-01T10:00:00", "never reaches BYHOUR"),
        ("FREQ=MINUTELY;INTERVAL=15;BYMINUTE=7", "2027-01-01T10:00:00", "never reaches BYMINUTE"),
        ("FREQ=YEARLY;BYYEARDAY=60;BYMONTH=1", "2027-01-01T00:00:00", "within 50 years"),
        ("FREQ=DAILY;UNTIL=20261231", "2027-01-01T00:00:00", "UNTIL is before start_at"),
        (
            "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20270101T080000Z",
            "2027-01-01T00:00:00",
            "the first occurrence is after UNTIL",
        ),
        (
            "FREQ=MONTHLY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;"
            "BYMINUTE=" + ",".join(map(str, range(60))),
            "2027-01-01T00:00:00",
            f"at most {MAX_PER_PERIOD:,} are accepted",
        ),
    ],
)
def test_rules_that_never_fire_or_cost_too_much_are_refused(
    rule: str, start_at: str, fragment: str
) -> None:
    with pytest.raises(ScheduleError) as caught:
        rrule(rule, start_at=start_at)
    assert caught.value.field == "schedule.rule"
    assert fragment in caught.value.reason


def test_start_at_is_required_without_a_clock_and_fixed_with_one() -> None:
    document = {"type": "rrule", "rule": "FREQ=DAILY;BYHOUR=9", "timezone": "Asia/Tokyo"}
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_dict(document)
    assert caught.value.field == "schedule.start_at"
    now = datetime(2027, 1, 4, 10, 37, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
    schedule = Schedule.from_dict(document, now=now)
    assert schedule.to_dict()["start_at"] == "2027-01-04T11:00:00+09:00"
    assert local_times(schedule, after=now.isoformat(), count=1) == ["2027-01-05T09:00:00+09:00"]


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=DAILY;BYHOUR=9", "2027-01-04T11:00:00"),  # hours named: minutes and seconds zero
        ("FREQ=HOURLY", "2027-01-04T11:00:00"),  # on the hour
        ("FREQ=HOURLY;BYMINUTE=30", "2027-01-04T10:38:00"),
        ("FREQ=DAILY;BYHOUR=9;BYMINUTE=30", "2027-01-04T10:38:00"),  # today's 9:30 may still come
        ("FREQ=DAILY", "2027-01-04T10:38:00"),  # every day at the time it was made
        ("FREQ=MINUTELY;INTERVAL=15", "2027-01-04T10:38:00"),
        ("FREQ=MINUTELY;BYSECOND=0,30", "2027-01-04T10:37:13"),
        ("FREQ=DAILY;COUNT=5;BYHOUR=9;BYMINUTE=0", "2027-01-04T10:38:00"),  # COUNT from now
    ],
)
def test_default_start_is_just_after_now_with_the_unnamed_parts_zero(rule: str, start: str) -> None:
    zone = ZoneInfo("Europe/Berlin")
    now = datetime(2027, 1, 4, 10, 37, 12, 500, tzinfo=zone)
    instant = default_start(parse_rule(rule), now=now, zone=zone)
    assert instant.astimezone(zone).replace(tzinfo=None).isoformat() == start
    assert instant > now


def test_any_text_is_a_schedule_or_a_reason_never_a_crash() -> None:
    """Token soup in the shape of rules, and bytes that are not: each is refused with a reason
    on a schedule field, or is a schedule whose next runs come back."""
    rng = random.Random("rrule soup")
    names = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYSETPOS", "BYDAY", "BYHOUR"]
    names += ["BYMINUTE", "BYSECOND", "BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "X"]
    values = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY", "0", "1"]
    values += ["-1", "53", "366", "9999999", "+5MO", "-1FR", "2TU,4TU", "MO,TU,WE", "20271231"]
    values += ["99991231T235959Z", "19000101", "", ",", "1,,2", "\x00", "é", "1" * 30, "SU"]
    weird = ["RRULE:", "DTSTART:20270101", "\n", ";;", "=", " ", "rrule:freq=daily"]
    refused = accepted = 0
    for _ in range(3000):
        parts = [f"{rng.choice(names)}={rng.choice(values)}" for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.7:
            parts.insert(0, f"FREQ={rng.choice(values[:6])}")
        text = ";".join(parts)
        if rng.random() < 0.2:
            text = rng.choice(weird) + text
        if rng.random() < 0.3:  # a good rule with one character changed
            text = random_rule(rng)
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice("0123456789;=,-+AZMOTUFRSUWEX ") + text[at + 1 :]
        try:
            schedule = rrule(text, rng.choice(["UTC", "America/New_York", "Asia/Kathmandu"]))
        except ScheduleError as exc:
            assert exc.field in ("schedule.rule", "schedule.start_at") and exc.reason
            refused += 1
            continue
        next_fire_times(schedule, after=datetime(2027, 6, 1, tzinfo=UTC), count=20)
        accepted += 1
    assert refused > 1000 and accepted > 30  # both paths were exercised
