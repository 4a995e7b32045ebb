"""Schedule math. Expected answers are ISO strings in the job's zone: equal UTC instants are not
the same wall-clock answer. cronsim is the reference for cron; the differential tests below
check our stepping against it around every 2026 transition of the zones we care about."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from itertools import islice, pairwise
from zoneinfo import ZoneInfo

import pytest
from cronsim import CronSim

from agentcron.app.domain.schedule import (
    Schedule,
    ScheduleError,
    fire_times_between,
    iter_fire_times,
    local_iso,
    next_fire_time,
    next_fire_times,
)
from agentcron.parsers.cronexpr import MACROS, is_wall_clock


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def cron(expression: str, timezone: str = "UTC", **extra: object) -> Schedule:
    return Schedule.from_dict(
        {"type": "cron", "expression": expression, "timezone": timezone, **extra}
    )


def local_times(schedule: Schedule, *, after: str, count: int) -> list[str]:
    times = next_fire_times(schedule, after=utc(after), count=count)
    return [local_iso(t, schedule.zone) for t in times]


def local_day(schedule: Schedule, day: str) -> list[str]:
    """Every fire whose local date is `day` (midnight to midnight in the job's zone)."""
    zone = schedule.zone
    start = datetime.fromisoformat(day).replace(tzinfo=zone)
    end = (start.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=zone)
    times = fire_times_between(schedule, start=start, end=end)
    return [local_iso(t, zone) for t in times]


# ---------------------------------------------------------------------------------------------
# Cron on the wall clock: a skipped time fires right after the gap, a repeated one fires once


@pytest.mark.parametrize(
    ("expression", "zone", "after", "expected"),
    [
        # New York, spring forward 2026-03-08 02:00 -> 03:00
        (
            "30 2 * * *",
            "America/New_York",
            "2026-03-07T00:00:00-05:00",
            ["2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"],
        ),
        (
            "0 2 * * *",
            "America/New_York",
            "2026-03-07T12:00:00-05:00",
            ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"],
        ),
        # two slots in the gap collapse onto the first instant after it, then 03:00 itself
        (
            "15,45 2 * * *",
            "America/New_York",
            "2026-03-08T00:00:00-05:00",
            ["2026-03-08T03:00:00-04:00", "2026-03-09T02:15:00-04:00"],
        ),
        (
            "30 2,3 * * *",
            "America/New_York",
            "2026-03-08T00:00:00-05:00",
            ["2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"],
        ),
        # New York, fall back 2026-11-01 02:00 -> 01:00: 01:30 happens twice, fires once
        (
            "30 1 * * *",
            "America/New_York",
            "2026-10-31T00:00:00-04:00",
            ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"],
        ),
        (
            "45 1,2 * * *",
            "America/New_York",
            "2026-11-01T00:00:00-04:00",
            ["2026-11-01T01:45:00-04:00", "2026-11-01T02:45:00-05:00"],
        ),
        # London, spring 2026-03-29 01:00 -> 02:00; fall 2026-10-25 02:00 -> 01:00
        (
            "30 1 * * *",
            "Europe/London",
            "2026-03-28T12:00:00+00:00",
            ["2026-03-29T02:00:00+01:00", "2026-03-30T01:30:00+01:00"],
        ),
        (
            "30 1 * * *",
            "Europe/London",
            "2026-10-24T12:00:00+01:00",
            ["2026-10-25T01:30:00+01:00", "2026-10-26T01:30:00+00:00"],
        ),
        # Lord Howe moves by 30 minutes: spring 2026-10-04 02:00 -> 02:30
        (
            "15 2 * * *",
            "Australia/Lord_Howe",
            "2026-10-03T12:00:00+10:30",
            ["2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"],
        ),
        # ... and fall 2026-04-05 02:00 -> 01:30: 01:45 happens twice, fires once
        (
            "45 1 * * *",
            "Australia/Lord_Howe",
            "2026-04-04T12:00:00+11:00",
            ["2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"],
        ),
        # Santiago changes at midnight: 2026-09-06 00:00 does not exist (-> 01:00)
        (
            "0 0 * * *",
            "America/Santiago",
            "2026-09-04T12:00:00-04:00",
            ["2026-09-05T00:00:00-04:00", "2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00"],
        ),
        # ... and 2026-04-04 23:00-24:00 happens twice: 23:30 fires once
        (
            "30 23 * * *",
            "America/Santiago",
            "2026-04-03T12:00:00-03:00",
            ["2026-04-03T23:30:00-03:00", "2026-04-04T23:30:00-03:00", "2026-04-05T23:30:00-04:00"],
        ),
    ],
)
def test_wall_clock_jobs_across_dst(
    expression: str, zone: str, after: str, expected: list[str]
) -> None:
    assert local_times(cron(expression, zone), after=after, count=len(expected)) == expected


def test_starting_inside_the_second_pass_of_a_repeated_hour_does_not_fire_in_the_past() -> None:
    # 01:45 EST is after the 01:30 EDT fire; reading the wall clock alone would say 01:30 again.
    schedule = cron("30 1 * * *", "America/New_York")
    after = datetime(2026, 11, 1, 1, 45, fold=1, tzinfo=ZoneInfo("America/New_York"))
    times = next_fire_times(schedule, after=after, count=1)
    assert [local_iso(t, schedule.zone) for t in times] == ["2026-11-02T01:30:00-05:00"]


# ---------------------------------------------------------------------------------------------
# Cron on real time: minute or hour starting with "*" runs at every real instant that matches


@pytest.mark.parametrize(
    ("expression", "zone", "day", "count"),
    [
        ("0 * * * *", "America/New_York", "2026-11-01", 25),
        ("0 * * * *", "America/New_York", "2026-03-08", 23),
        ("0 * * * *", "America/New_York", "2026-03-09", 24),
        ("*/15 * * * *", "America/New_York", "2026-11-01", 100),
        ("*/15 * * * *", "America/New_York", "2026-03-08", 92),
        ("0 * * * *", "Europe/London", "2026-10-25", 25),
        ("*/15 * * * *", "Europe/London", "2026-03-29", 92),
        ("*/30 * * * *", "Australia/Lord_Howe", "2026-04-05", 49),
        ("*/30 * * * *", "Australia/Lord_Howe", "2026-10-04", 47),
        ("0 */2 * * *", "America/New_York", "2026-11-01", 12),
        ("0 * * * *", "UTC", "2026-11-01", 24),
    ],
)
def test_real_time_jobs_fire_at_every_real_instant(
    expression: str, zone: str, day: str, count: int
) -> None:
    times = local_day(cron(expression, zone), day)
    assert len(times) == count
    assert len(set(times)) == count


def test_hourly_fires_twice_in_the_repeated_hour() -> None:
    assert local_day(cron("0 * * * *", "America/New_York"), "2026-11-01")[:4] == [
        "2026-11-01T00:00:00-04:00",
        "2026-11-01T01:00:00-04:00",
        "2026-11-01T01:00:00-05:00",
        "2026-11-01T02:00:00-05:00",
    ]


def test_hourly_skips_the_missing_hour() -> None:
    assert local_day(cron("0 * * * *", "America/New_York"), "2026-03-08")[:3] == [
        "2026-03-08T00:00:00-05:00",
        "2026-03-08T01:00:00-05:00",
        "2026-03-08T03:00:00-04:00",
    ]


def test_sub_hourly_in_a_fixed_hour_runs_in_both_passes_of_a_repeated_hour() -> None:
    assert local_day(cron("*/30 1 * * *", "America/New_York"), "2026-11-01") == [
        "2026-11-01T01:00:00-04:00",
        "2026-11-01T01:30:00-04:00",
        "2026-11-01T01:00:00-05:00",
        "2026-11-01T01:30:00-05:00",
    ]


@pytest.mark.parametrize(
    ("expression", "wall_clock"),
    [
        ("30 1 * * *", True),
        ("45 1,2 * * *", True),
        ("0 9-17 * * *", True),
        ("0 0 * * 0", True),
        ("@daily", True),
        ("0 * * * *", False),
        ("*/15 * * * *", False),
        ("*/30 1 * * *", False),
        ("0 */2 * * *", False),
        ("@hourly", False),
        ("* * * * *", False),
    ],
)
def test_is_wall_clock(expression: str, wall_clock: bool) -> None:
    assert is_wall_clock(expression) is wall_clock


# ---------------------------------------------------------------------------------------------
# Cron against the reference, cronsim


def cronsim_times(expression: str, zone: str, after: datetime, end: datetime) -> list[datetime]:
    it = CronSim(expression, after.astimezone(ZoneInfo(zone)))
    out: list[datetime] = []
    for moment in it:
        instant = moment.astimezone(UTC)
        if instant > end:
            break
        if instant > after:  # cronsim may return a time from a repeated hour's first pass
            out.append(instant)
    return out


def every_matching_real_minute(
    expression: str, zone: str, after: datetime, end: datetime
) -> list[datetime]:
    """Real-time cron by brute force: every real minute whose local wall time matches the
    fields (cronsim on naive time, which knows no zone, lists the matching wall times)."""
    tz = ZoneInfo(zone)
    first = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    wall_from = first.astimezone(tz).replace(tzinfo=None) - timedelta(hours=3)
    wall_to = end.astimezone(tz).replace(tzinfo=None) + timedelta(hours=3)
    matching = set()
    for wall in CronSim(expression, wall_from):
        if wall > wall_to:
            break
        matching.add(wall)
    out = []
    minute = first
    while minute <= end:
        if minute.astimezone(tz).replace(tzinfo=None) in matching:
            out.append(minute)
        minute += timedelta(minutes=1)
    return out


def reference_times(expression: str, zone: str, after: datetime, end: datetime) -> list[datetime]:
    """cronsim's answer — but for real-time expressions in a zone whose clock changes by half
    an hour (Lord Howe), where cronsim's hour-long steps land half an hour off the real
    clock after the change and miss times that happen (00:00 the next day, for one), every
    real minute that matches, which is what the rule says."""
    if zone == "Australia/Lord_Howe" and not is_wall_clock(expression):
        return every_matching_real_minute(expression, zone, after, end)
    return cronsim_times(expression, zone, after, end)


def our_times(expression: str, zone: str, after: datetime, end: datetime) -> list[datetime]:
    out: list[datetime] = []
    for instant in iter_fire_times(cron(expression, zone), after=after):
        if instant > end:
            break
        out.append(instant)
    return out


REFERENCE_EXPRESSIONS = [
    "30 2 * * *",
    "30 1 * * *",
    "0 2 * * *",
    "0 3 * * *",
    "59 1 * * *",
    "0 0 * * *",
    "30 23 * * *",
    "45 1,2 * * *",
    "0 9-17 * * *",
    "15,45 2 * * *",
    "*/7 2 * * *",
    "0 * * * *",
    "5,35 * * * *",
    "*/15 * * * *",
    "*/30 1 * * *",
    "*/30 0 * * *",
    "*/20 23 * * *",
    "0 */2 * * *",
    "* 1 * * *",
    "30 * * * SUN",
    "0 12 * * MON-FRI",
    "0 0 1 * MON",
]

# Each zone with its 2026 transitions (a day before each) plus a zone without DST.
REFERENCE_STARTS = [
    ("America/New_York", "2026-03-07T06:00:00Z"),
    ("America/New_York", "2026-10-31T06:00:00Z"),
    ("Europe/London", "2026-03-28T06:00:00Z"),
    ("Europe/London", "2026-10-24T06:00:00Z"),
    ("Australia/Lord_Howe", "2026-04-04T00:00:00Z"),
    ("Australia/Lord_Howe", "2026-10-03T00:00:00Z"),
    ("America/Santiago", "2026-04-03T12:00:00Z"),
    ("America/Santiago", "2026-09-05T00:00:00Z"),
    ("Asia/Kolkata", "2026-03-07T06:00:00Z"),
    ("UTC", "2026-03-07T06:00:00Z"),
]


@pytest.mark.parametrize(("zone", "start"), REFERENCE_STARTS)
def test_matches_cronsim_across_transitions(zone: str, start: str) -> None:
    after = utc(start)
    end = after + timedelta(days=3)
    for expression in REFERENCE_EXPRESSIONS:
        expected = reference_times(expression, zone, after, end)
        assert our_times(expression, zone, after, end) == expected, expression
        if not is_wall_clock(expression):  # real time: the brute force agrees
            brute = every_matching_real_minute(expression, zone, after, end)
            assert our_times(expression, zone, after, end) == brute, expression


@pytest.mark.parametrize(("zone", "start"), REFERENCE_STARTS[:8])
def test_matches_cronsim_when_starting_at_every_quarter_hour_of_a_transition(
    zone: str, start: str
) -> None:
    # Restarting mid-way (as the engine does after each fire) must give the same answers,
    # including from inside a skipped or a repeated hour.
    first = utc(start) + timedelta(hours=12)
    for expression in ("30 1 * * *", "*/30 1 * * *", "0 * * * *", "30 23 * * *", "0 0 * * *"):
        for step in range(0, 48 * 4):
            after = first + timedelta(minutes=15 * step)
            end = after + timedelta(days=1)
            expected = reference_times(expression, zone, after, end)[:3]
            assert our_times(expression, zone, after, end)[:3] == expected, (expression, after)


def test_cronsim_itself_gives_the_debian_answers() -> None:
    # Pin the reference: a cronsim upgrade that changed these would change what "correct" means.
    new_york = ZoneInfo("America/New_York")

    def first(expression: str, after: str) -> str:
        return next(CronSim(expression, utc(after).astimezone(new_york))).isoformat()

    assert first("30 2 * * *", "2026-03-08T05:00:00Z") == "2026-03-08T03:00:00-04:00"
    assert first("30 1 * * *", "2026-11-01T05:31:00Z") == "2026-11-02T01:30:00-05:00"
    assert first("0 * * * *", "2026-11-01T05:30:00Z") == "2026-11-01T01:00:00-05:00"


def test_across_lord_howes_half_hour_change_every_real_time_that_matches_fires() -> None:
    # Where this departs from cronsim, on purpose. Stepping real time an hour at a time
    # across the change from +11:00 to +10:30, cronsim lands half an hour off the clock and
    # misses 00:00 the next day, though the clock shows it (13:30Z); started after the
    # change it finds it. We fire at every real time whose wall time matches, as the rule
    # for a job whose minute field starts with * says.
    lord_howe = ZoneInfo("Australia/Lord_Howe")
    before = utc("2026-04-04T12:00:00Z")
    stepped = CronSim("*/30 0 * * *", before.astimezone(lord_howe))
    assert [next(stepped).isoformat() for _ in range(3)][2] == "2026-04-06T00:30:00+10:30"
    after = utc("2026-04-05T12:00:00Z")
    assert next(CronSim("*/30 0 * * *", after.astimezone(lord_howe))).isoformat() == (
        "2026-04-06T00:00:00+10:30"
    )
    ours = our_times("*/30 0 * * *", "Australia/Lord_Howe", before, before + timedelta(days=2))
    assert [local_iso(t, "Australia/Lord_Howe") for t in ours] == [
        "2026-04-05T00:00:00+11:00",
        "2026-04-05T00:30:00+11:00",
        "2026-04-06T00:00:00+10:30",
        "2026-04-06T00:30:00+10:30",
    ]


@pytest.mark.parametrize("expression", ["30 1 * * *", "*/20 * * * *", "0 */2 * * *", "0 0 * * *"])
@pytest.mark.parametrize("zone", ["America/New_York", "America/Santiago", "Australia/Lord_Howe"])
def test_chaining_next_fire_time_equals_one_continuous_iteration(
    expression: str, zone: str
) -> None:
    # The engine asks "what comes after the slot I just fired" again and again.
    schedule = cron(expression, zone)
    after = utc("2026-03-01T00:00:00Z")
    end = (
        utc("2026-11-10T00:00:00Z")
        if "*" not in expression.split()[0]
        else after + timedelta(days=40)
    )
    continuous = fire_times_between(schedule, start=after, end=end, limit=100_000)
    chained: list[datetime] = []
    current = after - timedelta(microseconds=1)
    while (current := next_fire_time(schedule, after=current)) is not None and current < end:
        chained.append(current)
    assert chained == continuous
    assert all(a < b for a, b in pairwise(continuous))


def random_expression(rng: random.Random) -> str:
    def field(lo: int, hi: int, names: list[str] | None = None) -> str:
        kind = rng.choice(["*", "n", "range", "step", "list", "rstep"])
        a, b = sorted(rng.sample(range(lo, hi + 1), 2))
        show = (lambda v: names[v - lo]) if names and rng.random() < 0.3 else str
        return {
            "*": "*",
            "n": show(a),
            "range": f"{show(a)}-{show(b)}",
            "step": f"*/{rng.randint(2, max(2, (hi - lo) // 2))}",
            "list": ",".join(str(v) for v in sorted(rng.sample(range(lo, hi + 1), 3))),
            "rstep": f"{a}-{b}/{rng.randint(1, 3)}",
        }[kind]

    months = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
    days = "SUN MON TUE WED THU FRI SAT".split()
    dom = rng.choice([field(1, 31), "L", "LW", "*", "*", "15"])
    dow = rng.choice(
        [field(0, 6, days), f"{rng.randint(0, 7)}L", f"{rng.choice(days)}#{rng.randint(1, 5)}"]
        + ["*"] * 3
    )
    return " ".join([field(0, 59), field(0, 23), dom, field(1, 12, months), dow])


@pytest.mark.parametrize("seed", range(4))
def test_matches_cronsim_on_random_expressions(seed: int) -> None:
    rng = random.Random(seed)
    zones = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Tokyo"]
    for _ in range(100):
        expression = random_expression(rng)
        zone = rng.choice(zones)
        if zone == "Australia/Lord_Howe" and not is_wall_clock(expression):
            zone = "Australia/Sydney"  # cronsim misses real times there: see below
        after = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(5 * 525_600))
        reference = (
            t.astimezone(UTC) for t in CronSim(expression, after.astimezone(ZoneInfo(zone)))
        )
        expected = list(islice((t for t in reference if t > after), 12))
        ours = list(islice(iter_fire_times(cron(expression, zone), after=after), len(expected)))
        assert ours == expected, (expression, zone, after)


# ---------------------------------------------------------------------------------------------
# Cron syntax: macros, names, L and #, the day-of-month / day-of-week OR


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
        ("@DAILY", "0 0 * * *"),
        ("  0   9 * *  mon-fri ", "0 9 * * MON-FRI"),
    ],
)
def test_expressions_are_normalised(given: str, normalised: str) -> None:
    assert cron(given).expression == normalised
    assert set(MACROS) >= {"@yearly", "@hourly"}


@pytest.mark.parametrize(
    ("expression", "after", "expected"),
    [
        # last day of the month, through a leap February
        ("0 0 L * *", "2028-01-15T00:00:00Z", ["2028-01-31", "2028-02-29", "2028-03-31"]),
        # last weekday of the month (2026-05-31 is a Sunday)
        ("0 0 LW * *", "2026-05-01T00:00:00Z", ["2026-05-29", "2026-06-30"]),
        # last Friday
        ("0 9 * * 5L", "2026-01-01T00:00:00Z", ["2026-01-30", "2026-02-27", "2026-03-27"]),
        # second Monday, by name
        ("0 9 * * MON#2", "2026-01-01T00:00:00Z", ["2026-01-12", "2026-02-09", "2026-03-09"]),
        # fifth Friday only in months that have one
        ("0 9 * * 5#5", "2026-01-01T00:00:00Z", ["2026-01-30", "2026-05-29", "2026-07-31"]),
        # both day fields restricted: the 1st OR any Monday (Vixie cron)
        ("0 0 1 * MON", "2026-05-28T00:00:00Z", ["2026-06-01", "2026-06-08", "2026-06-15"]),
        ("0 0 13 * FRI", "2026-02-11T00:00:00Z", ["2026-02-13", "2026-02-20", "2026-02-27"]),
        # one restricted and the other starting with "*": AND
        ("0 0 */2 * MON", "2026-06-01T00:00:00Z", ["2026-06-15", "2026-06-29", "2026-07-13"]),
        # 7 is Sunday too; month names
        ("0 0 * JUL 7", "2026-01-01T00:00:00Z", ["2026-07-05", "2026-07-12", "2026-07-19"]),
        # February 29th waits for a leap year
        ("0 0 29 2 *", "2026-01-01T00:00:00Z", ["2028-02-29", "2032-02-29"]),
    ],
)
def test_day_rules(expression: str, after: str, expected: list[str]) -> None:
    times = next_fire_times(cron(expression), after=utc(after), count=len(expected))
    assert [t.date().isoformat() for t in times] == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("*/20 * * * *", ["00:00", "00:20", "00:40", "01:00"]),
        ("5/20 * * * *", ["00:05", "00:25", "00:45", "01:05"]),
        ("10-40/15 * * * *", ["00:10", "00:25", "00:40", "01:10"]),
        ("0 22-23,1 * * *", ["01:00", "22:00", "23:00", "01:00"]),
    ],
)
def test_minute_and_hour_lists(expression: str, expected: list[str]) -> None:
    times = next_fire_times(cron(expression), after=utc("2025-12-31T23:59:00Z"), count=4)
    assert [t.strftime("%H:%M") for t in times] == expected


def test_a_time_exactly_on_after_is_not_returned_and_seconds_are_ignored() -> None:
    schedule = cron("0 9 * * *")
    assert next_fire_time(schedule, after=utc("2026-01-01T09:00:00Z")) == utc(
        "2026-01-02T09:00:00Z"
    )
    assert next_fire_time(schedule, after=utc("2026-01-01T08:59:59.999Z")) == utc(
        "2026-01-01T09:00:00Z"
    )
    assert next_fire_time(schedule, after=utc("2026-01-01T09:00:00.001Z")) == utc(
        "2026-01-02T09:00:00Z"
    )


def test_results_are_aware_utc_whatever_the_zone_of_after() -> None:
    schedule = cron("0 9 * * *", "Asia/Tokyo")
    after = datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=-8)))
    first = next_fire_time(schedule, after=after)
    assert first is not None
    assert first.utcoffset() == timedelta(0)
    assert local_iso(first, "Asia/Tokyo") == "2026-01-02T09:00:00+09:00"


def test_naive_after_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_fire_time(cron("0 9 * * *"), after=datetime(2026, 1, 1))


# ---------------------------------------------------------------------------------------------
# every: slots are anchor + k * interval


def every(interval: object, **extra: object) -> Schedule:
    return Schedule.from_dict({"type": "every", "interval": interval, **extra})


@pytest.mark.parametrize(
    ("schedule", "after", "expected"),
    [
        # Anchored at the Unix epoch: every 900 s is :00 :15 :30 :45 UTC
        (
            every(900),
            "2026-03-03T10:07:31Z",
            ["2026-03-03T10:15:00+00:00", "2026-03-03T10:30:00+00:00", "2026-03-03T10:45:00+00:00"],
        ),
        (
            every(3600),
            "2026-03-03T10:00:00Z",
            ["2026-03-03T11:00:00+00:00", "2026-03-03T12:00:00+00:00"],
        ),
        # a week from the epoch is Thursday 00:00 UTC
        (every(7 * 86400), "2026-03-03T00:00:00Z", ["2026-03-05T00:00:00+00:00"]),
        # Anchored at start_at: before it, the first slot is start_at itself
        (
            every(900, start_at="2026-03-03T10:07:00Z"),
            "2026-03-01T00:00:00Z",
            ["2026-03-03T10:07:00+00:00", "2026-03-03T10:22:00+00:00"],
        ),
        (
            every(900, start_at="2026-03-03T10:07:00Z"),
            "2026-03-03T10:22:00Z",
            ["2026-03-03T10:37:00+00:00", "2026-03-03T10:52:00+00:00"],
        ),
        # a naive start_at is read in the schedule's zone
        (
            every("3600", start_at="2026-03-03T09:30:00", timezone="America/New_York"),
            "2026-03-03T00:00:00Z",
            ["2026-03-03T14:30:00+00:00", "2026-03-03T15:30:00+00:00"],
        ),
    ],
)
def test_every(schedule: Schedule, after: str, expected: list[str]) -> None:
    times = next_fire_times(schedule, after=utc(after), count=len(expected))
    assert [t.isoformat() for t in times] == expected


def test_every_runs_on_real_time_through_dst() -> None:
    # Interval schedules ignore the wall clock: 25 hourly fires on a 25-hour local day.
    schedule = every(3600, timezone="America/New_York")
    assert len(local_day(schedule, "2026-11-01")) == 25
    assert len(local_day(schedule, "2026-03-08")) == 23


def test_every_is_a_pure_function_of_the_schedule() -> None:
    schedule = every(1234)
    after = utc("2026-05-05T05:05:05Z")
    first = next_fire_times(schedule, after=after, count=3)
    # Restarting from any earlier point lands on the same slots.
    again = next_fire_times(schedule, after=after - timedelta(seconds=1000), count=4)
    assert first == [t for t in again if t > after]


# ---------------------------------------------------------------------------------------------
# at: one fire


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"datetime": "2026-04-01T09:00:00Z"}, "2026-04-01T09:00:00+00:00"),
        ({"datetime": "2026-04-01T09:00:00+02:00"}, "2026-04-01T07:00:00+00:00"),
        # without an offset: read in the schedule's zone
        (
            {"datetime": "2026-04-01T09:00:00", "timezone": "America/New_York"},
            "2026-04-01T13:00:00+00:00",
        ),
        (
            {"datetime": "2026-04-01 09:00", "timezone": "Europe/London"},
            "2026-04-01T08:00:00+00:00",
        ),
        # an offset wins over the zone
        (
            {"datetime": "2026-04-01T09:00:00-07:00", "timezone": "America/New_York"},
            "2026-04-01T16:00:00+00:00",
        ),
        # a wall time skipped by DST moves forward by the gap (02:30 -> 03:30 EDT)
        (
            {"datetime": "2026-03-08T02:30:00", "timezone": "America/New_York"},
            "2026-03-08T07:30:00+00:00",
        ),
        # a repeated wall time means its first occurrence (EDT)
        (
            {"datetime": "2026-11-01T01:30:00", "timezone": "America/New_York"},
            "2026-11-01T05:30:00+00:00",
        ),
    ],
)
def test_at(data: dict[str, str], expected: str) -> None:
    schedule = Schedule.from_dict({"type": "at", **data})
    assert schedule.at is not None and schedule.at.isoformat() == expected
    assert not schedule.recurring
    assert list(iter_fire_times(schedule, after=utc("2026-01-01T00:00:00Z"))) == [schedule.at]
    assert list(iter_fire_times(schedule, after=schedule.at)) == []
    assert next_fire_time(schedule, after=schedule.at) is None


# ---------------------------------------------------------------------------------------------
# start_at / end_at bound every type


def test_cron_bounds() -> None:
    schedule = cron(
        "0 9 * * *",
        "America/New_York",
        start_at="2026-03-03T09:00:00",  # naive: New York; exactly on a slot, which fires
        end_at="2026-03-05T09:00:00-05:00",  # inclusive
    )
    times = list(iter_fire_times(schedule, after=utc("2026-01-01T00:00:00Z")))
    assert [local_iso(t, schedule.zone) for t in times] == [
        "2026-03-03T09:00:00-05:00",
        "2026-03-04T09:00:00-05:00",
        "2026-03-05T09:00:00-05:00",
    ]
    assert next_fire_time(schedule, after=times[-1]) is None
    assert schedule.recurring


def test_every_bounds() -> None:
    schedule = every(3600, start_at="2026-03-03T10:30:00Z", end_at="2026-03-03T12:45:00Z")
    times = list(iter_fire_times(schedule, after=utc("2026-03-01T00:00:00Z")))
    assert [t.strftime("%H:%M") for t in times] == ["10:30", "11:30", "12:30"]


def test_at_outside_its_bounds_never_fires() -> None:
    schedule = Schedule.from_dict(
        {"type": "at", "datetime": "2026-04-01T09:00:00Z", "end_at": "2026-03-01T00:00:00Z"}
    )
    assert next_fire_time(schedule, after=utc("2026-01-01T00:00:00Z")) is None


def test_fire_times_between_is_half_open_and_limited() -> None:
    schedule = cron("0 * * * *")
    start, end = utc("2026-01-01T00:00:00Z"), utc("2026-01-01T05:00:00Z")
    times = fire_times_between(schedule, start=start, end=end)
    assert [t.hour for t in times] == [0, 1, 2, 3, 4]
    assert len(fire_times_between(schedule, start=start, end=end, limit=2)) == 2
    assert fire_times_between(schedule, start=end, end=start) == []


def test_next_fire_times_count() -> None:
    schedule = cron("*/5 * * * *")
    assert next_fire_times(schedule, after=utc("2026-01-01T00:00:00Z"), count=0) == []
    assert len(next_fire_times(schedule, after=utc("2026-01-01T00:00:00Z"), count=50)) == 50


# ---------------------------------------------------------------------------------------------
# Validation: every error names its field and says why


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ({}, "schedule.type", "must be one of cron, every, at, rrule"),
        ({"type": "weekly"}, "schedule.type", "must be one of cron, every, at, rrule"),
        ({"type": "cron"}, "schedule.expression", "is required for type cron"),
        ({"type": "at"}, "schedule.datetime", "is required for type at"),
        (
            {"type": "cron", "expression": "0 9 * * *", "interval": 60},
            "schedule.interval",
            "only applies to type every",
        ),
        (
            {"type": "every", "interval": 60, "expression": "* * * * *"},
            "schedule.expression",
            "only applies to type cron",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "timezone": "Mars/Base"},
            "schedule.timezone",
            "unknown time zone 'Mars/Base'",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "timezone": "localtime"},
            "schedule.timezone",
            "unknown time zone 'localtime'",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "timezone": "../etc/passwd"},
            "schedule.timezone",
            "unknown time zone '../etc/passwd'",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "timezone": 5},
            "schedule.timezone",
            "must be an IANA time zone name such as 'America/New_York'",
        ),
        ({"type": "every"}, "schedule.interval", "must be a positive number of seconds"),
        (
            {"type": "every", "interval": 0},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": -5},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": True},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": 1.5},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": "1h"},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": "-60"},
            "schedule.interval",
            "must be a positive number of seconds",
        ),
        (
            {"type": "every", "interval": 366 * 86400 + 1},
            "schedule.interval",
            "must be at most 31622400 seconds (366 days)",
        ),
        ({"type": "at", "datetime": "tomorrow"}, "schedule.datetime", "not an ISO 8601 date-time"),
        (
            {"type": "at", "datetime": "2026-04-01"},
            "schedule.datetime",
            "not an ISO 8601 date-time",
        ),
        (
            {"type": "at", "datetime": "2026-02-30T09:00:00"},
            "schedule.datetime",
            "not an ISO 8601 date-time",
        ),
        ({"type": "at", "datetime": 1775000000}, "schedule.datetime", "not an ISO 8601 date-time"),
        (
            {"type": "every", "interval": 60, "start_at": "soon"},
            "schedule.start_at",
            "not an ISO 8601 date-time",
        ),
        (
            {
                "type": "every",
                "interval": 60,
                "start_at": "2026-05-01T00:00:00Z",
                "end_at": "2026-04-01T00:00:00Z",
            },
            "schedule.end_at",
            "must be after start_at",
        ),
        (
            {
                "type": "every",
                "interval": 60,
                "start_at": "2026-05-01T00:00:00Z",
                "end_at": "2026-05-01T00:00:00Z",
            },
            "schedule.end_at",
            "must be after start_at",
        ),
    ],
)
def test_schedule_errors(data: dict[str, object], field: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_dict(data)
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert str(caught.value) == f"{field}: {reason}"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("", "must be a cron expression such as '0 9 * * 1-5'"),
        ("   ", "must be a cron expression such as '0 9 * * 1-5'"),
        ("0 9 * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4"),
        ("0 0 9 * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 6"),
        (
            "@reboot",
            "unknown macro '@reboot'; expected one of @yearly, @annually, @monthly, @weekly,"
            " @daily, @midnight, @hourly",
        ),
        ("61 * * * *", "minute 61 is out of range 0-59"),
        ("0 24 * * *", "hour 24 is out of range 0-23"),
        ("0 0 0 * *", "day-of-month 0 is out of range 1-31"),
        ("0 0 32 * *", "day-of-month 32 is out of range 1-31"),
        ("0 0 * 13 *", "month 13 is out of range 1-12"),
        ("0 0 * * 8", "day-of-week 8 is out of range 0-7"),
        ("x * * * *", "minute 'X' is not a number"),
        ("0 9 * * FUNDAY", "day-of-week 'FUNDAY' is not a number or day name (SUN-SAT)"),
        ("0 9 * SMARCH *", "month 'SMARCH' is not a number or month name (JAN-DEC)"),
        ("0 MON * * *", "hour 'MON' is not a number"),
        ("0 9 ? * MON", "day-of-month '?' is not supported; use '*'"),
        ("0 17-9 * * *", "hour range 17-9 runs backwards (start after end)"),
        ("0 9 * * FRI-MON", "day-of-week range FRI-MON runs backwards (start after end)"),
        ("*/0 * * * *", "minute step 0 must be at least 1"),
        ("*/60 * * * *", "minute step 60 is too large (at most 59)"),
        ("0 */24 * * *", "hour step 24 is too large (at most 23)"),
        ("*/x * * * *", "minute step 'X' is not a number"),
        ("1,,2 * * * *", "minute has an empty list item"),
        (
            "0 0 L-5 * *",
            "day-of-month 'L' must stand alone (L is the last day, LW the last weekday)",
        ),
        ("0 0 15W * *", "day-of-month '15W': 'W' (nearest weekday) is only supported as LW"),
        ("L * * * *", "minute does not accept L"),
        ("0 0 * * L", "day-of-week 'L': put a weekday number before L, as in 5L"),
        ("0 0 * * 1#6", "day-of-week '1#6': the number after '#' must be 1-5"),
        ("0 0 * * 1#0", "day-of-week '1#0': the number after '#' must be 1-5"),
        ("0 0 * * 1-5#2", "day-of-week '1-5#2': put a single weekday before '#', as in 1#2"),
        ("0 0 1#2 * *", "day-of-month does not accept #"),
        ("0 0 31 2 *", "day-of-month 31 never occurs in the selected month"),
        ("0 0 31 2,4,6 *", "day-of-month 31 never occurs in the selected months"),
    ],
)
def test_cron_errors(expression: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        cron(expression)
    assert (caught.value.field, caught.value.reason) == ("schedule.expression", reason)


def test_error_fields_follow_the_given_prefix() -> None:
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_dict({"type": "cron", "expression": "61 * * * *"}, field="jobs[2].schedule")
    assert caught.value.field == "jobs[2].schedule.expression"
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_dict(["cron"], field="schedule")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.reason) == ("schedule", "must be an object")


@pytest.mark.parametrize(
    "expression",
    ["0 0 31 * *", "0 0 31 2 MON", "0 0 30 1-3 *", "0 9 * * 0-7", "0 0 * * 7#1", "* * * * *"],
)
def test_unusual_but_valid_expressions(expression: str) -> None:
    assert cron(expression).expression == expression


# ---------------------------------------------------------------------------------------------
# JSON shape


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"type": "cron", "expression": "@daily", "timezone": "America/New_York"},
            {"type": "cron", "expression": "0 0 * * *", "timezone": "America/New_York"},
        ),
        (
            {"type": "every", "interval": "900"},
            {"type": "every", "interval": 900, "timezone": "UTC"},
        ),
        (
            {"type": "every", "interval": 900.0},
            {"type": "every", "interval": 900, "timezone": "UTC"},
        ),
        (
            {"type": "at", "datetime": "2026-04-01T09:00:00", "timezone": "Europe/Paris"},
            {"type": "at", "datetime": "2026-04-01T07:00:00Z", "timezone": "Europe/Paris"},
        ),
        (
            {
                "type": "every",
                "interval": 60,
                "start_at": "2026-04-01T09:00:00.250+02:00",
                "end_at": "2026-05-01T00:00:00Z",
            },
            {
                "type": "every",
                "interval": 60,
                "timezone": "UTC",
                "start_at": "2026-04-01T07:00:00.250000Z",
                "end_at": "2026-05-01T00:00:00Z",
            },
        ),
    ],
)
def test_to_dict_and_round_trip(data: dict[str, object], expected: dict[str, object]) -> None:
    schedule = Schedule.from_dict(data)
    assert schedule.to_dict() == expected
    assert Schedule.from_dict(schedule.to_dict()) == schedule


def test_zone_property() -> None:
    assert cron("0 9 * * *", "Asia/Kolkata").zone == ZoneInfo("Asia/Kolkata")
    assert Schedule(type="every", interval=60).zone == ZoneInfo("UTC")


# ---------------------------------------------------------------------------------------------
# local_iso


@pytest.mark.parametrize(
    ("instant", "zone", "expected"),
    [
        ("2026-03-03T13:00:00Z", "America/New_York", "2026-03-03T08:00:00-05:00"),
        ("2026-07-03T12:00:00Z", "America/New_York", "2026-07-03T08:00:00-04:00"),
        ("2026-03-03T13:00:00.999Z", "UTC", "2026-03-03T13:00:00+00:00"),
        ("2026-03-03T13:00:00Z", "Asia/Kolkata", "2026-03-03T18:30:00+05:30"),
        ("2026-11-01T05:30:00Z", "America/New_York", "2026-11-01T01:30:00-04:00"),
        ("2026-11-01T06:30:00Z", "America/New_York", "2026-11-01T01:30:00-05:00"),
    ],
)
def test_local_iso(instant: str, zone: str, expected: str) -> None:
    assert local_iso(utc(instant), zone) == expected
    assert local_iso(utc(instant), ZoneInfo(zone)) == expected


def test_local_iso_refuses_unknown_zones_and_naive_instants() -> None:
    with pytest.raises(ScheduleError):
        local_iso(utc("2026-03-03T13:00:00Z"), "Mars/Base")
    with pytest.raises(ValueError, match="aware"):
        local_iso(datetime(2026, 3, 3, 13), "UTC")


# ---------------------------------------------------------------------------------------------
# One cron implementation: the parser and the schedule read an expression alike


@pytest.mark.parametrize(
    "expression",
    [
        "0 9 1-31/40 * *",  # a step longer than its field
        "*/0 * * * *",
        "0 9 31 2 *",  # never
        "61 9 * * *",
        "0 9 * * 1-5",
        "0 9 L * *",
        "0 12 * * 5L",
        "30 8 1,15 */2 MON",
    ],
)
def test_the_parser_and_the_schedule_accept_and_refuse_the_same_cron(expression: str) -> None:
    from agentcron.parsers import parse_fast

    parsed = parse_fast(expression, timezone="UTC", now=utc("2026-03-02T00:00:00Z"))
    try:
        schedule = cron(expression, "UTC")
    except ScheduleError as refusal:
        assert parsed.schedule is None
        assert refusal.reason in (parsed.reason or "")  # the same reason, word for word
    else:
        assert parsed.schedule is not None
        assert parsed.schedule["expression"] == schedule.expression
