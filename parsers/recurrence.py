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
    if days is not None:
        series: Iterator[datetime] = _daily_series(*days, after_local)
    elif _never_comes(rule, after_local):
        return None
    else:
        series = _bounded_series(rule, after_local)
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
#   copy would move past) or BYEASTER (Easter's dates do not repeat every 400 years).
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
    for name in names:
        most *= len(parts[name].split(",")) if name in parts else 1
    return bool(positions) and min(positions) > most


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
