"""RFC 5545 rules as the parser writes them: where a series starts.

The parser gives every rrule schedule a DTSTART (`start_at`) at the rule's first
occurrence, so INTERVAL counts from there and the answer never depends on the second the
phrase was typed. python-dateutil steps the rule on the zone's wall clock; a wall time
that does not exist fires at the end of the gap, like cron (`wallclock.to_instant`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from typing import Final
from zoneinfo import ZoneInfo

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
    days = _every_day_or_week(rule, after_local)
    series = _series(rule, after_local) if days is None else _daily_series(*days, after_local)
    for wall in islice(series, MAX_LOOK):
        if wall < after_local or (wall == after_local and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None


#: One day of the week (Monday 0), a day of the week for each RFC 5545 code
_DAY_CODES: Final = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_SIMPLE_PARTS: Final = frozenset({"FREQ", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND"})
_DAY: Final = timedelta(days=1)


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


def _daily_series(
    weekdays: frozenset[int], times: tuple[time, ...], start: datetime
) -> Iterator[datetime]:
    """What dateutil's rrule yields for such a rule with DTSTART `start`: each named weekday's
    times, in order, from `start` on (at it included)."""
    day: date = start.date()
    first = start.time()
    for at in times:
        if at >= first and day.weekday() in weekdays:
            yield datetime.combine(day, at)
    while day < _LAST_DAY:
        day += _DAY
        if day.weekday() in weekdays:
            for at in times:
                yield datetime.combine(day, at)


_LAST_DAY: Final = date(9999, 12, 31)


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
