"""Cron expressions: read with a reason for every refusal, compiled once, stepped in time.

The project's one cron implementation: the parser reads cron typed as a schedule with it, and
``agentcron.app.domain.schedule`` fires jobs with it, so an expression is accepted or refused,
and fires, the same way everywhere. Pure, standard library only (``parsers`` never imports
the app).

Semantics are Debian cron's, which cronsim implements and the tests hold this module to,
around every DST change of several zones (tests/domain/test_schedule.py):

- the fields are Vixie's, with cronsim's extensions: names (JAN, MON), steps, ranges, ``L``
  and ``LW`` in day-of-month, ``5L`` and ``1#2`` in day-of-week; day-of-month and
  day-of-week are OR-ed unless either starts with ``*``;
- when neither the minute nor the hour field starts with ``*`` the job runs on the wall
  clock (``is_wall_clock``): a time that occurs twice fires once (the first), one that does
  not exist fires at the first minute after the gap;
- otherwise (``0 * * * *``, ``*/15 1 * * *``) it runs at every real instant whose local time
  matches, so hourly and sub-hourly jobs keep running through a change: twice through a
  repeated hour, not at all in a skipped one.

Stepping is bisection over sorted field values on naive local time (a few microseconds a fire
time; cronsim takes ~25); on real time the naive step is taken within one UTC offset at a
time, and an offset change between two fires is found by bisection over the zone's offsets.
"""

from __future__ import annotations

import calendar
import dataclasses
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

_ONE_MINUTE = timedelta(minutes=1)
_ONE_DAY = timedelta(days=1)
_TINY = timedelta(microseconds=1)


class CronError(ValueError):
    """The expression cannot be read; ``reason`` says exactly why (no field name prefix)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
_DAYS = "SUN MON TUE WED THU FRI SAT".split()
_FIELDS = "minute hour day-of-month month day-of-week".split()
_BOUNDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_MONTH_LENGTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: leap years
_LAST = -1  # day-of-month "L"
_LAST_WEEKDAY = -2  # day-of-month "LW"


def normalize_expression(expression: str) -> str:
    """Macros expanded, fields upper-cased and single-spaced (how cron is stored)."""
    text = " ".join(expression.split())
    return MACROS.get(text.lower(), text.upper())


def is_wall_clock(expression: str) -> bool:
    """Debian cron's DST rule: True when neither the minute nor the hour field starts with `*`
    (the job runs on the wall clock: once in a repeated hour, right after a skipped one);
    False when it runs at every real instant that matches (`0 * * * *`, `*/15 1 * * *`)."""
    fields = normalize_expression(expression).split()
    return len(fields) == 5 and not fields[0].startswith("*") and not fields[1].startswith("*")


def _number(text: str, index: int) -> int:
    name = _FIELDS[index]
    lo, hi = _BOUNDS[index]
    if index == 3 and text in _MONTHS:
        return _MONTHS.index(text) + 1
    if index == 4 and text in _DAYS:
        return _DAYS.index(text)
    if not text.isascii() or not text.isdigit():
        if text == "?":
            raise CronError(f"{name} '?' is not supported; use '*'")
        names = {3: " or month name (JAN-DEC)", 4: " or day name (SUN-SAT)"}.get(index, "")
        raise CronError(f"{name} {text!r} is not a number{names}")
    value = int(text)
    if not lo <= value <= hi:
        raise CronError(f"{name} {value} is out of range {lo}-{hi}")
    return value


def _parse_term(term: str, index: int) -> set[int] | set[tuple[int, int]]:
    """One comma-separated item; same sets as cronsim's parser (steps, ranges, L, #)."""
    name = _FIELDS[index]
    lo, hi = _BOUNDS[index]
    if term == "":
        raise CronError(f"{name} has an empty list item")
    if "L" in term and index == 2:
        if term in ("L", "LW"):
            return {_LAST if term == "L" else _LAST_WEEKDAY}
        raise CronError(f"{name} 'L' must stand alone (L is the last day, LW the last weekday)")
    if "W" in term and index == 2:
        raise CronError(f"{name} {term!r}: 'W' (nearest weekday) is only supported as LW")
    if "#" in term or (index == 4 and term.endswith("L") and term not in _DAYS):
        if index != 4:
            raise CronError(f"{name} does not accept {'#' if '#' in term else 'L'}")
        if "#" in term:
            day_text, nth_text = term.split("#", 1)
            if not day_text or "-" in day_text or "/" in day_text or "," in day_text:
                raise CronError(f"{name} {term!r}: put a single weekday before '#', as in 1#2")
            day = _number(day_text, index)
            if not (nth_text.isascii() and nth_text.isdigit() and 1 <= int(nth_text) <= 5):
                raise CronError(f"{name} {term!r}: the number after '#' must be 1-5")
            return {(day, int(nth_text))}
        day_text = term[:-1]
        if not (day_text.isascii() and day_text.isdigit()):
            raise CronError(f"{name} {term!r}: put a weekday number before L, as in 5L")
        return {(_number(day_text, index), _LAST)}
    if index < 2 and "L" in term:
        raise CronError(f"{name} does not accept L")
    if "/" in term:
        base, step_text = term.split("/", 1)
        if not (step_text.isascii() and step_text.isdigit()):
            raise CronError(f"{name} step {step_text!r} is not a number")
        step = int(step_text)
        span = hi - lo + 1 if index != 4 else 7
        if step == 0:
            raise CronError(f"{name} step 0 must be at least 1")
        if step >= span:
            raise CronError(f"{name} step {step} is too large (at most {span - 1})")
        values = _parse_plain(base, index)
        if len(values) == 1:  # "5/15" means from 5 to the end of the field, every 15
            values = set(range(values.pop(), hi + 1))
        return set(sorted(values)[::step])
    return _parse_plain(term, index)


def _parse_plain(term: str, index: int) -> set[int]:
    lo, hi = _BOUNDS[index]
    if term == "*":
        return set(range(lo, hi + 1))
    if "-" in term:
        start_text, end_text = term.split("-", 1)
        start, end = _number(start_text, index), _number(end_text, index)
        if end < start:
            raise CronError(f"{_FIELDS[index]} range {term} runs backwards (start after end)")
        return set(range(start, end + 1))
    return {_number(term, index)}


@dataclass(slots=True, eq=False)
class Cron:
    """A compiled cron expression, stepped on naive (wall-clock) datetimes."""

    minutes: tuple[int, ...]
    hours: tuple[int, ...]
    months: tuple[int, ...]
    month_days: frozenset[int]  # 1-31 plus _LAST/_LAST_WEEKDAY
    weekdays: frozenset[int]  # Python weekday(): Monday=0
    nth_weekdays: frozenset[tuple[int, int]]  # (weekday, n): n-th such day; n=_LAST: last
    day_and: bool  # Vixie cron: either day field starting with "*" means AND, else OR
    wall_clock: bool
    _days_cache: dict[int, tuple[int, ...]] = dataclasses.field(default_factory=dict)

    def days_of(self, year: int, month: int) -> tuple[int, ...]:
        key = year * 12 + month
        days = self._days_cache.get(key)
        if days is None:
            if len(self._days_cache) > 600:  # fifty years of months; bounded for long runs
                self._days_cache.clear()
            days = self._days_cache[key] = self._match_days(year, month)
        return days

    def _match_days(self, year: int, month: int) -> tuple[int, ...]:
        first_weekday, length = calendar.monthrange(year, month)
        last_weekday = length
        while (first_weekday + last_weekday - 1) % 7 > 4:
            last_weekday -= 1
        matched = []
        for day in range(1, length + 1):
            weekday = (first_weekday + day - 1) % 7
            in_month = (
                day in self.month_days
                or (_LAST in self.month_days and day == length)
                or (_LAST_WEEKDAY in self.month_days and day == last_weekday)
            )
            in_week = (
                weekday in self.weekdays
                or (weekday, (day + 6) // 7) in self.nth_weekdays
                or ((weekday, _LAST) in self.nth_weekdays and day + 7 > length)
            )
            if (in_month and in_week) if self.day_and else (in_month or in_week):
                matched.append(day)
        return tuple(matched)

    def next_after(self, moment: datetime) -> datetime | None:
        """The first matching naive minute strictly after naive `moment`; None when there is
        none within 50 years (cronsim's horizon too) or before year 9999 (a match there could
        not be moved to another zone: `datetime` ends in 9999)."""
        if moment.year >= _LAST_YEAR:
            return None
        start = moment.replace(second=0, microsecond=0) + _ONE_MINUTE
        year, month, day, hour, minute = start.year, start.month, start.day, start.hour, 0
        minute = start.minute
        months, hours, minutes = self.months, self.hours, self.minutes
        horizon = min(year + 50, _LAST_YEAR - 1)
        while year <= horizon:
            i = bisect_left(months, month)
            if i == len(months):
                year, month, day, hour, minute = year + 1, months[0], 1, 0, 0
                continue
            if months[i] != month:
                month, day, hour, minute = months[i], 1, 0, 0
            days = self.days_of(year, month)
            i = bisect_left(days, day)
            if i == len(days):
                year, month, day, hour, minute = year + month // 12, month % 12 + 1, 1, 0, 0
                continue
            if days[i] != day:
                day, hour, minute = days[i], 0, 0
            i = bisect_left(hours, hour)
            if i == len(hours):
                day, hour, minute = day + 1, 0, 0
                continue
            if hours[i] != hour:
                hour, minute = hours[i], 0
            i = bisect_left(minutes, minute)
            if i == len(minutes):
                hour, minute = hour + 1, 0
                continue
            return datetime(year, month, day, hour, minutes[i])
        return None


#: no match is looked for in this year or later: a year-9999 minute cannot be shifted by a
#: zone's offset without leaving `datetime`'s range
_LAST_YEAR = 9999


@lru_cache(maxsize=4096)
def compile_cron(expression: str) -> Cron:
    """Parse a normalised 5-field expression (``normalize_expression``), once; CronError says
    exactly what is wrong."""
    parts = expression.split()
    if len(parts) != 5:
        if expression.startswith("@"):
            raise CronError(
                f"unknown macro {expression.split()[0].lower()!r}; expected one of "
                + ", ".join(MACROS)
            )
        raise CronError(
            f"expected 5 fields (minute hour day-of-month month day-of-week), got {len(parts)}"
        )
    sets: list[set[Any]] = []
    for index, text in enumerate(parts):
        values: set[Any] = set()
        for term in text.split(","):
            values |= _parse_term(term, index)
        sets.append(values)
    minutes, hours, month_days, months, week = sets
    day_and = parts[2].startswith("*") or parts[4].startswith("*")
    if day_and and min(month_days) > 29:
        longest = max(_MONTH_LENGTH[m] for m in months)
        if min(month_days) > longest:
            raise CronError(
                f"day-of-month {min(month_days)} never occurs in the selected month"
                + ("s" if len(months) > 1 else "")
            )
    plain = {(d - 1) % 7 for d in week if isinstance(d, int)}
    nth = frozenset(((d - 1) % 7, n) for d, n in (t for t in week if isinstance(t, tuple)))
    return Cron(
        minutes=tuple(sorted(minutes)),
        hours=tuple(sorted(hours)),
        months=tuple(sorted(months)),
        month_days=frozenset(month_days),
        weekdays=frozenset(plain),
        nth_weekdays=nth,
        day_and=day_and,
        wall_clock=not parts[0].startswith("*") and not parts[1].startswith("*"),
    )


def times_after(cron: Cron, zone: ZoneInfo, after: datetime) -> Iterator[datetime]:
    """The fire times of ``cron`` in ``zone`` strictly after aware ``after``, in order, as
    aware UTC instants; ends where ``next_after`` finds nothing within 50 years."""
    if getattr(zone, "key", None) == "UTC":
        moment: datetime | None = after.astimezone(UTC).replace(tzinfo=None)
        while (moment := cron.next_after(moment)) is not None:
            yield moment.replace(tzinfo=UTC)
    elif cron.wall_clock:
        yield from _wall_clock_times(cron, zone, after)
    else:
        yield from _real_times(cron, zone, after)


def first_time(expression: str, zone: ZoneInfo, after: datetime) -> datetime | None:
    """The first fire time of ``expression`` strictly after ``after`` (aware UTC), or None."""
    for instant in times_after(compile_cron(normalize_expression(expression)), zone, after):
        return instant
    return None


def _wall_clock_times(cron: Cron, zone: ZoneInfo, after: datetime) -> Iterator[datetime]:
    # Stepping naive local time fires once per wall-clock match: a repeated hour is not
    # revisited (fold=0, its first occurrence), and a skipped time moves, minute by minute, to
    # the first one that exists, from where stepping continues (as cronsim does).
    moment: datetime | None = after.astimezone(zone).replace(tzinfo=None)
    while (moment := cron.next_after(moment)) is not None:
        instant = moment.replace(tzinfo=zone).astimezone(UTC)
        while instant.astimezone(zone).replace(tzinfo=None) != moment:
            moment += _ONE_MINUTE
            instant = moment.replace(tzinfo=zone).astimezone(UTC)
        # Starting inside a repeated hour's second pass, the wall time can map to the first.
        if instant > after:
            yield instant


def _real_times(cron: Cron, zone: ZoneInfo, after: datetime) -> Iterator[datetime]:
    # Within one UTC offset, wall time and real time are the same clock shifted: step the
    # naive wall time and shift back. When the offset changes before the next match, carry
    # on from the change under the new offset (a repeated hour's matches come round again,
    # a skipped hour's never do).
    start = after.astimezone(UTC)
    offset = start.astimezone(zone).utcoffset()
    assert offset is not None
    naive = (start + offset).replace(tzinfo=None)
    while True:
        candidate = cron.next_after(naive)
        if candidate is None:
            return
        instant = (candidate - offset).replace(tzinfo=UTC)
        change = _offset_change(zone, start, instant, offset)
        if change is None:
            yield instant
            start, naive = instant, candidate
            continue
        start = change
        offset = change.astimezone(zone).utcoffset()
        assert offset is not None
        naive = (change + offset).replace(tzinfo=None) - _TINY


def _offset_change(
    zone: ZoneInfo, start: datetime, end: datetime, offset: timedelta
) -> datetime | None:
    """The first instant in (start, end] whose UTC offset in ``zone`` is not ``offset`` (to
    the second), or None. Looked for a day at a time, which no change can hide in: tzdata's
    changes of a zone lie weeks apart."""
    low = start
    while low < end:
        high = min(end, low + _ONE_DAY)
        if high.astimezone(zone).utcoffset() != offset:
            while (high - low).total_seconds() > 1:
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() != offset:
                    high = middle
                else:
                    low = middle
            return high.replace(microsecond=0) if high.microsecond else high
        low = high
    return None
