"""RFC 5545 rules as the parser writes them: where a series starts.

The parser gives every rrule schedule a DTSTART (`start_at`) at the rule's first
occurrence, so INTERVAL counts from there and the answer never depends on the second the
phrase was typed. python-dateutil steps the rule on the zone's wall clock; a wall time
that does not exist fires at the end of the gap, like cron (`wallclock.to_instant`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from typing import Final
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from dateutil.rrule import rrule, rrulestr

from .wallclock import to_instant

MAX_LOOK: int = 2000  # occurrences looked at before giving up (BYSETPOS rules are sparse)
_ANY_START: Final = datetime(2000, 1, 1)


def first_occurrence(
    rule: str, zone: ZoneInfo, after_local: datetime, now: datetime, *, inclusive: bool = False
) -> datetime | None:
    """The first occurrence of `rule` (DTSTART = `after_local`, naive wall time) that lies
    after both `after_local` (or at it, with `inclusive`) and the instant `now`, as a UTC
    instant; None if none comes."""
    passed = 0  # occurrences passed over before `series`, all long before `now`
    periods = _periods(rule, after_local)
    if periods is not None:
        found = _periods_from(periods, after_local, now)
        if found is None:
            return None
        passed, series = found
    elif _never_comes(rule, after_local):
        return None
    else:
        series = _bounded_series(rule, after_local)
    for wall in islice(series, max(0, MAX_LOOK - passed)):
        if wall < after_local or (wall == after_local and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None


#: One day of the week (Monday 0), a day of the week for each RFC 5545 code
_DAY_CODES: Final = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_SIMPLE_PARTS: Final = frozenset({"FREQ", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND"})


def _every_day_or_week(
    rule: str, start: datetime
) -> tuple[frozenset[int], tuple[time, ...]] | None:
    """The weekdays and the times of day of a rule that runs every day or every week at the
    times it names ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0;BYSECOND=0": most rules the
    parser writes, once their INTERVAL is left out), or None for any other rule — read by
    dateutil, which takes ~200k instructions to build and step a rule where this takes a
    tenth. A weekly rule without BYDAY runs on DTSTART's weekday, a daily one on every day."""
    if start.tzinfo is not None or start.microsecond or start.year >= 9000:
        return None
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, equals, value = item.partition("=")
        if not equals or name not in _SIMPLE_PARTS or name in parts:
            return None
        parts[name] = value
    freq = parts.get("FREQ")
    if freq not in ("DAILY", "WEEKLY") or not {"BYHOUR", "BYMINUTE", "BYSECOND"} <= parts.keys():
        return None
    hours = _numbers(parts["BYHOUR"], 23)
    minutes = _numbers(parts["BYMINUTE"], 59)
    seconds = _numbers(parts["BYSECOND"], 59)
    if hours is None or minutes is None or seconds is None:
        return None
    if "BYDAY" in parts:
        codes = parts["BYDAY"].split(",")
        if not all(code in _DAY_CODES for code in codes):
            return None  # "1MO", "-1FR": days counted in a month or year
        weekdays = frozenset(_DAY_CODES[code] for code in codes)
    elif freq == "WEEKLY":
        weekdays = frozenset({start.weekday()})
    else:
        weekdays = frozenset(range(7))
    times = tuple(sorted(time(h, m, s) for h in hours for m in minutes for s in seconds))
    return weekdays, times


def _numbers(value: str, most: int) -> set[int] | None:
    """The numbers of a BYHOUR/BYMINUTE/BYSECOND list, each from 0 to `most`; None if one is
    not such a number (dateutil then reads, or refuses, the rule itself)."""
    if not value:
        return None
    numbers = set()
    for item in value.split(","):
        if not (item.isascii() and item.isdigit()) or int(item) > most:
            return None
        numbers.add(int(item))
    return numbers


@dataclass(frozen=True, slots=True)
class _Periods:
    """A rule that runs at `times` on the days `offsets` after the start of each period of
    `length` days from `first` (the Monday of DTSTART's week, or DTSTART's day), through the
    day `last`: what dateutil yields for a weekly rule, a daily one, or one every few days."""

    first: date
    length: int
    offsets: tuple[int, ...]
    times: tuple[time, ...]
    last: date


def _periods(rule: str, start: datetime) -> _Periods | None:
    """`rule` as `_Periods`, when it is a rule `_every_day_or_week` reads with an INTERVAL or
    without (not a daily one every few days on some weekdays only: its periods differ)."""
    kept, intervals = [], []
    for part in rule.split(";"):
        (intervals if part.startswith("INTERVAL=") else kept).append(part)
    days = _every_day_or_week(";".join(kept), start)
    if days is None or len(intervals) > 1:
        return None
    weekdays, times = days
    interval = 1
    if intervals:
        value = intervals[0].removeprefix("INTERVAL=")
        if not (value.isascii() and value.isdigit()) or int(value) == 0:
            return None
        interval = int(value)
        # dateutil reads a rule with an INTERVAL in a copy of the calendar that ends when
        # `_bounded_series` says
        years = (_LAST_YEAR - HORIZON_YEARS - start.year) // _CYCLE_YEARS * _CYCLE_YEARS
        last = date(_LAST_YEAR - max(years, 0), 12, 31)
    else:
        last = _LAST_DAY
    day = start.date()
    if interval == 1 or "FREQ=WEEKLY" in kept:
        monday = day - timedelta(days=day.weekday())
        offsets = tuple(d for d in range(7) if d in weekdays)
        return _Periods(monday, 7 * interval, offsets, times, last)
    if len(weekdays) < 7:
        return None
    return _Periods(day, interval, (0,), times, last)


#: how long before `now` a wall time surely comes, whatever its zone (offsets within a day of
#: UTC, gaps of a day at most)
_SURELY_PAST: Final = timedelta(days=3)


def _periods_from(
    periods: _Periods, start: datetime, now: datetime
) -> tuple[int, Iterator[datetime]] | None:
    """The occurrences of `periods` from `start` on (at it included) as dateutil yields them,
    after the whole periods that end long before `now`, and how many occurrences those held;
    None when every occurrence comes long before `now`."""
    p = periods
    before = (now.astimezone(UTC).replace(tzinfo=None) - _SURELY_PAST).date()
    if p.last < before:
        return None
    skipped = max(0, (before - p.first).days // p.length)
    passed = 0
    if skipped:
        # the first period holds the days from DTSTART's on, the others all of theirs
        day, at = start.date(), start.time()
        passed = sum(
            len(p.times) if p.first + timedelta(days=d) > day else sum(t >= at for t in p.times)
            for d in p.offsets
            if p.first + timedelta(days=d) >= day
        )
        passed += (skipped - 1) * len(p.offsets) * len(p.times)
    return passed, _walls(p, start, skipped)


def _walls(p: _Periods, start: datetime, period: int) -> Iterator[datetime]:
    """The occurrences of `p` from its `period`-th period on, from `start` on."""
    first = p.first + timedelta(days=period * p.length)
    while first <= p.last:
        for offset in p.offsets:
            if offset > (p.last - first).days:
                return
            day = first + timedelta(days=offset)
            for at in p.times:
                wall = datetime.combine(day, at)
                if wall >= start:
                    yield wall
        if (p.last - first).days < p.length:
            return
        first += timedelta(days=p.length)


_LAST_DAY: Final = date(9999, 12, 31)


# Bounds on dateutil's search. It looks for a rule's next occurrence until the year 9999, a
# period (a day of a DAILY rule, a minute of a MINUTELY one) at a time, so a rule whose days
# never come ("RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MINUTELY;BYSETPOS=2") held the
# CPU for 20 s to over a minute per text. Three bounds, none of which moves an occurrence:
# - a finer-than-monthly rule's days are looked for first as the YEARLY rule with the same day
#   parts (a year a step): none in the horizon, and the rule never comes round;
# - BYSETPOS past what one period can hold never picks anything;
# - the search runs in the copy of the calendar a multiple of 400 years later (the Gregorian
#   calendar repeats exactly: 146,097 days, whole weeks) that ends between HORIZON_YEARS and
#   HORIZON_YEARS + 400 years on, so dateutil gives up there. Not for UNTIL (an instant the
#   copy would move past) or BYEASTER (Easter's dates do not repeat every 400 years): a
#   BYEASTER rule's few days (Easter Sunday plus its offsets, each year of HORIZON_YEARS) are
#   checked against its other day parts instead (`_no_easter_day`) — Easter never falls in
#   January, and "FREQ=YEARLY;BYEASTER=0;BYMONTH=1" went on to 9999 (1.6 s idle, 4-14 s on a
#   loaded machine). dateutil's UNTIL does not help: it is looked at only on a day that matches.
# The service refuses a rule with nothing in 50 years the same way (app/domain/recurrence.py).
HORIZON_YEARS: Final = 50
_CYCLE_YEARS: Final = 400
_LAST_YEAR: Final = 9999
_DAY_PARTS: Final = ("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYEASTER")
_FINER_THAN_MONTHLY: Final = frozenset({"WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"})
_PERIOD_DAYS: Final = {"YEARLY": 366, "MONTHLY": 31, "WEEKLY": 7}
_PERIOD_TIMES: Final = {
    "HOURLY": ("BYMINUTE", "BYSECOND"),
    "MINUTELY": ("BYSECOND",),
    "SECONDLY": (),
}


def _rule_parts(rule: str) -> dict[str, str] | None:
    parts: dict[str, str] = {}
    for item in rule.upper().removeprefix("RRULE:").split(";"):
        name, equals, value = item.strip().partition("=")
        if not equals or name in parts:
            return None  # dateutil reads, or refuses, it as it stands
        parts[name] = value
    return parts


def _never_comes(rule: str, start: datetime) -> bool:
    """Whether `rule` (DTSTART `start`) certainly has no occurrence: no day its day parts name
    within HORIZON_YEARS, or a BYSETPOS past every occurrence one period can hold."""
    parts = _rule_parts(rule)
    if parts is None:
        return False
    freq = parts.get("FREQ", "")
    if "BYSETPOS" in parts and _past_every_position(parts, freq):
        return True
    if "BYEASTER" in parts and _no_easter_day(parts, start):
        return True
    if freq not in _FINER_THAN_MONTHLY or not any(name in parts for name in _DAY_PARTS):
        return False
    # nth weekdays mean nothing to a rule finer than monthly: dateutil reads "2MO" as MO
    weekdays = ",".join(item.lstrip("+-0123456789") for item in parts.get("BYDAY", "").split(","))
    days = [f"{name}={parts[name]}" for name in ("BYMONTH", *_DAY_PARTS) if name in parts]
    if "BYDAY" in parts:
        days = [item for item in days if not item.startswith("BYDAY=")] + [f"BYDAY={weekdays}"]
    day_rule = ";".join(["FREQ=YEARLY", *days, "BYHOUR=0", "BYMINUTE=0", "BYSECOND=0"])
    first_day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        found = next(iter(_bounded_series(day_rule, first_day)), None)
    except (ValueError, TypeError, IndexError, OverflowError):
        return False  # dateutil refuses the rule itself, as it will when it is read whole
    return found is None or found.year - start.year > HORIZON_YEARS


def _past_every_position(parts: dict[str, str], freq: str) -> bool:
    """BYSETPOS asks only for occurrences past the most one period of `freq` can hold."""
    try:
        positions = [abs(int(item)) for item in parts["BYSETPOS"].split(",")]
    except ValueError:
        return False
    names = _PERIOD_TIMES.get(freq, ("BYHOUR", "BYMINUTE", "BYSECOND"))
    most = _PERIOD_DAYS.get(freq, 1)
    if "BYEASTER" in parts:  # a day of each offset from Easter Sunday in a year, at most
        most = min(most, len(parts["BYEASTER"].split(",")))
    for name in names:
        most *= len(parts[name].split(",")) if name in parts else 1
    return bool(positions) and min(positions) > most


#: the parts `_no_easter_day` can check a day against; a rule with any other is left to dateutil
_EASTER_CHECKED: Final = frozenset(
    {"FREQ", "INTERVAL", "WKST", "COUNT", "UNTIL", "BYSETPOS", "BYHOUR", "BYMINUTE", "BYSECOND"}
    | {"BYEASTER", "BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYDAY"}
)


def _no_easter_day(parts: dict[str, str], start: datetime) -> bool:
    """Whether no day of a BYEASTER rule (its offsets from each Easter Sunday) within
    HORIZON_YEARS of `start` passes its other day parts, in a period its INTERVAL visits —
    dateutil's own day filter (`rrule._iter`), a day at a time. False when unsure: a part
    it does not check (BYWEEKNO, an nth weekday of a month or year), an INTERVAL of weeks or
    finer, a number it cannot read, an offset that leaves Easter's year."""
    freq = parts.get("FREQ", "")
    if not parts.keys() <= _EASTER_CHECKED or start.year + HORIZON_YEARS > _LAST_YEAR:
        return False
    try:
        offsets = [int(item) for item in parts["BYEASTER"].split(",")]
        interval = int(parts.get("INTERVAL", "1"))
        months = _ints(parts, "BYMONTH")
        month_days = _ints(parts, "BYMONTHDAY")
        year_days = _ints(parts, "BYYEARDAY")
        codes = [item for item in parts.get("BYDAY", "").split(",") if item]
        nth = [code for code in codes if code[:-2]]
        if nth and freq in ("YEARLY", "MONTHLY"):
            return False  # nth weekdays: dateutil's own mask
        weekdays = {_DAY_CODES[code[-2:]] for code in codes}
    except (ValueError, KeyError):
        return False
    if interval < 1 or (interval > 1 and freq not in ("YEARLY", "MONTHLY", "DAILY")):
        return False
    first = start.date()
    for year in range(start.year, start.year + HORIZON_YEARS + 1):
        sunday = easter(year)
        for offset in offsets:
            day = sunday + timedelta(days=offset)
            if day.year != year:
                return False  # outside dateutil's mask of the year: its own answer (an error)
            if day < first:
                continue
            if _easter_day_kept(
                day, months=months, month_days=month_days, year_days=year_days, weekdays=weekdays
            ) and _visited(day, first, freq, interval):
                return False
    return True


def _ints(parts: dict[str, str], name: str) -> set[int]:
    return {int(item) for item in parts[name].split(",")} if name in parts else set()


def _easter_day_kept(
    day: date, *, months: set[int], month_days: set[int], year_days: set[int], weekdays: set[int]
) -> bool:
    """Whether `day` passes a rule's BYMONTH, BYMONTHDAY, BYYEARDAY and BYDAY (plain weekdays):
    a negative day counts from the end of the month or year, as in dateutil."""
    if months and day.month not in months:
        return False
    if weekdays and day.weekday() not in weekdays:
        return False
    if month_days:
        length = calendar.monthrange(day.year, day.month)[1]
        if day.day not in month_days and day.day - length - 1 not in month_days:
            return False
    if year_days:
        number = day.timetuple().tm_yday
        length = 366 if calendar.isleap(day.year) else 365
        if number not in year_days and number - length - 1 not in year_days:
            return False
    return True


def _visited(day: date, first: date, freq: str, interval: int) -> bool:
    """Whether a series from `first` stepping `interval` periods of `freq` reaches `day`'s."""
    if interval == 1:
        return True
    if freq == "YEARLY":
        return (day.year - first.year) % interval == 0
    if freq == "MONTHLY":
        return (day.year * 12 + day.month - first.year * 12 - first.month) % interval == 0
    return (day - first).days % interval == 0  # DAILY


def _bounded_series(rule: str, start: datetime) -> Iterator[datetime]:
    """dateutil's series of `rule` from `start`, searched in a copy of the calendar where it
    ends within HORIZON_YEARS + 400 years (see above), its times moved back."""
    upper = rule.upper()
    years = (_LAST_YEAR - HORIZON_YEARS - start.year) // _CYCLE_YEARS * _CYCLE_YEARS
    if years <= 0 or "UNTIL" in upper or "BYEASTER" in upper:
        yield from _series(rule, start)
        return
    for wall in _series(rule, start.replace(year=start.year + years)):
        yield wall.replace(year=wall.year - years)


def _series(rule: str, start: datetime) -> rrule:
    if "INTERVAL" in rule.upper():
        # with an interval, dateutil keeps of an HOURLY rule's BYHOUR (a MINUTELY rule's
        # BYMINUTE) the values its DTSTART can reach: read with its own start
        return rrulestr(rule, dtstart=start, ignoretz=True)  # type: ignore[no-any-return]
    return _parsed(rule).replace(dtstart=start)


@lru_cache(maxsize=512)
def _parsed(rule: str) -> rrule:
    """The rule as dateutil reads it, kept: reading the text is half the cost of a first
    occurrence, and the same rules come back. `replace(dtstart=…)` gives each use its own
    start (what the rule leaves to DTSTART, dateutil derives again from it)."""
    return rrulestr(rule, dtstart=_ANY_START, ignoretz=True)  # type: ignore[no-any-return]
