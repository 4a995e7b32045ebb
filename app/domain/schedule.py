"""When does a job fire: the one implementation used by validation, calendar data and the engine.

A schedule is `cron` (5 fields on the wall clock of `timezone`), `every` (a fixed number of
seconds, aligned to an anchor), `at` (one instant) or `rrule` (an RFC 5545 recurrence on the
wall clock of `timezone`, DTSTART = `start_at`; see recurrence.py); `start_at`/`end_at` bound
any type. Everything here is pure: instants in, instants out (aware, UTC).

Cron semantics are cronsim's (Debian cron's DST rule, Vixie's day-of-month OR day-of-week).
cronsim is the reference, but stepping it costs ~25 µs per fire time, too slow for validating as
the user types and for the engine's bursts of 10,000 jobs. So cron is compiled once (cached) into
sorted field values and stepped on naive local time with bisection; that is exactly what cronsim
does on the wall clock, and on real time whenever no offset change lies between two fires. Only
that case (near a DST change, or a gap of more than a day) is handed to cronsim itself. The
tests compare the two across zones and transitions.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim

from agentcron.app.domain.recurrence import compile_recurrence, default_start
from agentcron.app.domain.rrule_syntax import RuleError, parse_rule
from agentcron.parsers.limits import MIN_INTERVAL_SECONDS as _MIN_INTERVAL_SECONDS

if TYPE_CHECKING:
    from agentcron.app.domain.exclusions import Exclusions

ScheduleType = Literal["cron", "every", "at", "rrule"]
SCHEDULE_TYPES: tuple[ScheduleType, ...] = ("cron", "every", "at", "rrule")
MAX_INTERVAL = 366 * 86400
#: The shortest interval between two fires the service accepts, for every schedule type: `every`
#: checks it; an rrule cannot go below it (its resolution is a second and FREQ=SECONDLY is
#: refused), nor can cron (a minute). Raising it needs a check in recurrence.py too.
MIN_INTERVAL_SECONDS = _MIN_INTERVAL_SECONDS  # set once, in agentcron.parsers.limits
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Instants a user may name. Far enough inside datetime's years 1-9999 that every zone's wall
# clock can show them (9999-12-31T23:59:59Z is year 10000 at +14:00) and that stepping a
# schedule from them never leaves the calendar.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)

# Giving up on exclusions: each skip jumps at least to the end of the excluded day or window,
# so this is years of consecutive excluded slots, yet still bounded when everything is excluded.
MAX_CONSECUTIVE_EXCLUDED = 2_000

_ONE_MINUTE = timedelta(minutes=1)
_ONE_DAY = timedelta(days=1)
_TINY = timedelta(microseconds=1)


class ScheduleError(ValueError):
    """A schedule (or exclusion) field is not acceptable; names the field and says why."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


# ---------------------------------------------------------------------------------------------
# Time zones and instants


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone_named(name: object, *, field: str = "schedule.timezone") -> ZoneInfo:
    """The IANA zone `name`, or ScheduleError; never a silent fallback to UTC or local time."""
    if not isinstance(name, str) or not name.strip():
        raise ScheduleError(field, "must be an IANA time zone name such as 'America/New_York'")
    # "localtime" would be whatever the host machine uses: not a zone a user can mean.
    if name.lower() in ("localtime", "posixrules") or name != name.strip():
        raise ScheduleError(field, f"unknown time zone {name!r}")
    try:
        return _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ScheduleError(field, f"unknown time zone {name!r}") from None


def parse_instant(value: object, *, zone: ZoneInfo, field: str) -> datetime:
    """An ISO 8601 date-time (or datetime) as aware UTC; a value without offset is read in
    `zone`. A wall time skipped by a DST change moves forward by the gap, a repeated one
    means its first occurrence (PEP 495 fold=0)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and _DATE_TIME.match(value.strip()):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ScheduleError(field, "not an ISO 8601 date-time") from None
    else:
        raise ScheduleError(field, "not an ISO 8601 date-time")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return check_range(parsed, field=field)


def check_range(instant: datetime, *, field: str) -> datetime:
    """``instant`` as UTC if it lies in [EARLIEST, LATEST), else ScheduleError naming ``field``
    (including instants whose offset takes them off the calendar: 0001-01-01T00:00:00+14:00)."""
    try:
        utc = instant.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not EARLIEST <= utc < LATEST:
        raise ScheduleError(field, f"must lie between {EARLIEST.year} and {LATEST.year - 1}")
    return utc


# A date alone is not accepted: "2026-12-31" as an end bound is ambiguous (start or end of day?).
_DATE_TIME = re.compile(r"^\d{4}-?\d{2}-?\d{2}[T ]\d{2}")


def iso_utc(instant: datetime) -> str:
    """ISO 8601 in UTC with a "Z": the storage and JSON form of an instant."""
    utc = instant.astimezone(UTC)
    text = utc.isoformat(timespec="seconds" if utc.microsecond == 0 else "microseconds")
    return text.replace("+00:00", "Z")


def local_iso(instant: datetime, zone: str | ZoneInfo) -> str:
    """ISO 8601 in the zone's offset, seconds precision: '2026-03-03T08:00:00-05:00'.
    (UTC renders as '+00:00'.) Used by every API response."""
    tz = zone if isinstance(zone, ZoneInfo) else zone_named(zone, field="timezone")
    return _require_aware(instant, "instant").astimezone(tz).isoformat(timespec="seconds")


def _require_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")
    return value


# ---------------------------------------------------------------------------------------------
# Cron: parsing with specific reasons, compiled once per expression

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


class _FieldError(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _number(text: str, index: int) -> int:
    name = _FIELDS[index]
    lo, hi = _BOUNDS[index]
    if index == 3 and text in _MONTHS:
        return _MONTHS.index(text) + 1
    if index == 4 and text in _DAYS:
        return _DAYS.index(text)
    if not text.isascii() or not text.isdigit():
        if text == "?":
            raise _FieldError(f"{name} '?' is not supported; use '*'")
        names = {3: " or month name (JAN-DEC)", 4: " or day name (SUN-SAT)"}.get(index, "")
        raise _FieldError(f"{name} {text!r} is not a number{names}")
    value = int(text)
    if not lo <= value <= hi:
        raise _FieldError(f"{name} {value} is out of range {lo}-{hi}")
    return value


def _parse_term(term: str, index: int) -> set[int] | set[tuple[int, int]]:
    """One comma-separated item; same sets as cronsim's parser (steps, ranges, L, #)."""
    name = _FIELDS[index]
    lo, hi = _BOUNDS[index]
    if term == "":
        raise _FieldError(f"{name} has an empty list item")
    if "L" in term and index == 2:
        if term in ("L", "LW"):
            return {_LAST if term == "L" else _LAST_WEEKDAY}
        raise _FieldError(f"{name} 'L' must stand alone (L is the last day, LW the last weekday)")
    if "W" in term and index == 2:
        raise _FieldError(f"{name} {term!r}: 'W' (nearest weekday) is only supported as LW")
    if "#" in term or (index == 4 and term.endswith("L") and term not in _DAYS):
        if index != 4:
            raise _FieldError(f"{name} does not accept {'#' if '#' in term else 'L'}")
        if "#" in term:
            day_text, nth_text = term.split("#", 1)
            if not day_text or "-" in day_text or "/" in day_text or "," in day_text:
                raise _FieldError(f"{name} {term!r}: put a single weekday before '#', as in 1#2")
            day = _number(day_text, index)
            if not (nth_text.isascii() and nth_text.isdigit() and 1 <= int(nth_text) <= 5):
                raise _FieldError(f"{name} {term!r}: the number after '#' must be 1-5")
            return {(day, int(nth_text))}
        day_text = term[:-1]
        if not (day_text.isascii() and day_text.isdigit()):
            raise _FieldError(f"{name} {term!r}: put a weekday number before L, as in 5L")
        return {(_number(day_text, index), _LAST)}
    if index < 2 and "L" in term:
        raise _FieldError(f"{name} does not accept L")
    if "/" in term:
        base, step_text = term.split("/", 1)
        if not (step_text.isascii() and step_text.isdigit()):
            raise _FieldError(f"{name} step {step_text!r} is not a number")
        step = int(step_text)
        span = hi - lo + 1 if index != 4 else 7
        if step == 0:
            raise _FieldError(f"{name} step 0 must be at least 1")
        if step >= span:
            raise _FieldError(f"{name} step {step} is too large (at most {span - 1})")
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
            raise _FieldError(f"{_FIELDS[index]} range {term} runs backwards (start after end)")
        return set(range(start, end + 1))
    return {_number(term, index)}


@dataclass(slots=True, eq=False)
class _Cron:
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
        none within 50 years (cronsim's horizon too)."""
        start = moment.replace(second=0, microsecond=0) + _ONE_MINUTE
        year, month, day, hour, minute = start.year, start.month, start.day, start.hour, 0
        minute = start.minute
        months, hours, minutes = self.months, self.hours, self.minutes
        horizon = year + 50
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


@lru_cache(maxsize=4096)
def _compile(expression: str) -> _Cron:
    """Parse a normalised 5-field expression; raises _FieldError with a specific reason."""
    parts = expression.split()
    if len(parts) != 5:
        if expression.startswith("@"):
            raise _FieldError(
                f"unknown macro {expression.split()[0].lower()!r}; expected one of "
                + ", ".join(MACROS)
            )
        raise _FieldError(
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
            raise _FieldError(
                f"day-of-month {min(month_days)} never occurs in the selected month"
                + ("s" if len(months) > 1 else "")
            )
    plain = {(d - 1) % 7 for d in week if isinstance(d, int)}
    nth = frozenset(((d - 1) % 7, n) for d, n in (t for t in week if isinstance(t, tuple)))
    return _Cron(
        minutes=tuple(sorted(minutes)),
        hours=tuple(sorted(hours)),
        months=tuple(sorted(months)),
        month_days=frozenset(month_days),
        weekdays=frozenset(plain),
        nth_weekdays=nth,
        day_and=day_and,
        wall_clock=not parts[0].startswith("*") and not parts[1].startswith("*"),
    )


def check_cron(expression: object, *, field: str = "schedule.expression") -> str:
    """The normalised expression, or ScheduleError saying exactly what is wrong."""
    if not isinstance(expression, str) or not expression.strip():
        raise ScheduleError(field, "must be a cron expression such as '0 9 * * 1-5'")
    normalized = normalize_expression(expression)
    try:
        _compile(normalized)
    except _FieldError as exc:
        raise ScheduleError(field, exc.reason) from None
    return normalized


# ---------------------------------------------------------------------------------------------
# Schedule


_TYPE_FIELDS = {"expression": "cron", "interval": "every", "datetime": "at", "rule": "rrule"}


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a job fires. Instants are aware UTC; `timezone` is the wall clock for cron and
    rrule, for reading naive date-times, and for exclusions."""

    type: ScheduleType
    timezone: str = "UTC"
    expression: str | None = None  # cron, normalised (macros expanded)
    interval: int | None = None  # every, seconds
    at: datetime | None = None  # at, aware UTC
    rule: str | None = None  # rrule, normalised (upper case, no "RRULE:")
    start_at: datetime | None = None  # aware UTC; an rrule's DTSTART (whole seconds)
    end_at: datetime | None = None  # aware UTC

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, field: str = "schedule", now: datetime | None = None
    ) -> Schedule:
        """Validate a JSON-shaped schedule; ScheduleError names the exact field at fault.
        An rrule needs `start_at` (its DTSTART); given `now`, one left out is fixed now (see
        recurrence.default_start), so that the series' anchor never moves afterwards."""
        if not isinstance(data, Mapping):
            raise ScheduleError(field, "must be an object")
        kind = data.get("type")
        if kind not in SCHEDULE_TYPES:
            raise ScheduleError(f"{field}.type", "must be one of cron, every, at, rrule")
        for key, owner in _TYPE_FIELDS.items():
            if data.get(key) is not None and owner != kind:
                raise ScheduleError(f"{field}.{key}", f"only applies to type {owner}")
        timezone = data.get("timezone")
        timezone = "UTC" if timezone is None else timezone
        zone = zone_named(timezone, field=f"{field}.timezone")
        bounds = {}
        for key in ("start_at", "end_at"):
            value = data.get(key)
            if value is not None:
                bounds[key] = parse_instant(value, zone=zone, field=f"{field}.{key}")
        start_at, end_at = bounds.get("start_at"), bounds.get("end_at")
        expression = interval = at = rule = None
        if kind == "rrule":
            rule, start_at = _check_rule(data.get("rule"), start_at, zone, now, field=field)
        if start_at is not None and end_at is not None and end_at <= start_at:
            raise ScheduleError(f"{field}.end_at", "must be after start_at")
        if kind == "cron":
            if data.get("expression") is None:
                raise ScheduleError(f"{field}.expression", "is required for type cron")
            expression = check_cron(data["expression"], field=f"{field}.expression")
        elif kind == "every":
            interval = _check_interval(data.get("interval"), field=f"{field}.interval")
        elif kind == "at":
            if data.get("datetime") is None:
                raise ScheduleError(f"{field}.datetime", "is required for type at")
            at = parse_instant(data["datetime"], zone=zone, field=f"{field}.datetime")
        return cls(
            type=kind,
            timezone=timezone,
            expression=expression,
            interval=interval,
            at=at,
            rule=rule,
            start_at=start_at,
            end_at=end_at,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (instants as ISO 8601 with "Z"); round-trips through from_dict."""
        out: dict[str, Any] = {"type": self.type}
        if self.expression is not None:
            out["expression"] = self.expression
        if self.interval is not None:
            out["interval"] = self.interval
        if self.at is not None:
            out["datetime"] = iso_utc(self.at)
        if self.rule is not None:
            out["rule"] = self.rule
        out["timezone"] = self.timezone
        if self.start_at is not None and self.type == "rrule":
            # DTSTART is a wall time: shown in the zone's offset, as the user would write it
            out["start_at"] = local_iso(self.start_at, self.zone)
        elif self.start_at is not None:
            out["start_at"] = iso_utc(self.start_at)
        if self.end_at is not None:
            out["end_at"] = iso_utc(self.end_at)
        return out

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)

    @property
    def recurring(self) -> bool:
        return self.type != "at"


def _check_rule(
    value: object,
    start_at: datetime | None,
    zone: ZoneInfo,
    now: datetime | None,
    *,
    field: str,
) -> tuple[str, datetime]:
    """The rule's stored text and DTSTART (whole seconds), checked together: a rule may be
    valid on its own and still never fire from this start_at."""
    if value is None:
        raise ScheduleError(f"{field}.rule", "is required for type rrule")
    try:
        parts = parse_rule(value)
        if start_at is None:
            if now is None:
                raise ScheduleError(f"{field}.start_at", "is required for type rrule (DTSTART)")
            start_at = default_start(parts, now=now, zone=zone)
        start_at = start_at.replace(microsecond=0)
        compile_recurrence(parts.text, start_at, zone.key)
    except RuleError as exc:
        raise ScheduleError(f"{field}.rule", exc.reason) from None
    return parts.text, start_at


def _check_interval(value: object, *, field: str) -> int:
    reason = "must be a positive number of seconds"
    if isinstance(value, bool):
        raise ScheduleError(field, reason)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        if len(value.strip()) > 12:
            raise ScheduleError(field, f"must be at most {MAX_INTERVAL} seconds (366 days)")
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or value <= 0:
        raise ScheduleError(field, reason)
    if value < MIN_INTERVAL_SECONDS:
        raise ScheduleError(field, f"must be at least {MIN_INTERVAL_SECONDS} seconds")
    if value > MAX_INTERVAL:
        raise ScheduleError(field, f"must be at most {MAX_INTERVAL} seconds (366 days)")
    return value


# ---------------------------------------------------------------------------------------------
# Fire times


def iter_fire_times(schedule: Schedule, *, after: datetime) -> Iterator[datetime]:
    """Every fire instant strictly after `after` (aware), in order, aware UTC, honouring
    start_at/end_at; ignores exclusions. Finite for `at` and bounded ones."""
    after = _require_aware(after, "after").astimezone(UTC)
    if schedule.start_at is not None and schedule.start_at > after:
        after = schedule.start_at - _TINY  # start_at itself may fire
    if schedule.type == "cron":
        times = _cron_times(schedule, after)
    elif schedule.type == "every":
        times = _every_times(schedule, after)
    elif schedule.type == "rrule":
        times = _rrule_times(schedule, after)
    else:
        times = iter([schedule.at] if schedule.at is not None and schedule.at > after else [])
    end = schedule.end_at
    try:
        for instant in times:
            if end is not None and instant > end:
                return
            yield instant
    except OverflowError:
        return  # stepped past year 9999: there is no later fire time


def _every_times(schedule: Schedule, after: datetime) -> Iterator[datetime]:
    assert schedule.interval is not None
    step = timedelta(seconds=schedule.interval)
    anchor = schedule.start_at or EPOCH
    slot = anchor + step * max(0, (after - anchor) // step + 1)
    while True:
        yield slot
        slot += step


def _rrule_times(schedule: Schedule, after: datetime) -> Iterator[datetime]:
    assert schedule.rule is not None and schedule.start_at is not None
    return compile_recurrence(schedule.rule, schedule.start_at, schedule.timezone).times_after(
        after
    )


def _cron_times(schedule: Schedule, after: datetime) -> Iterator[datetime]:
    assert schedule.expression is not None
    cron = _compile(schedule.expression)
    zone = schedule.zone
    if schedule.timezone == "UTC":
        moment: datetime | None = after.replace(tzinfo=None)
        while (moment := cron.next_after(moment)) is not None:
            yield moment.replace(tzinfo=UTC)
    elif cron.wall_clock:
        yield from _wall_clock_times(cron, zone, after)
    else:
        yield from _real_times(cron, schedule.expression, zone, after)


def _wall_clock_times(cron: _Cron, zone: ZoneInfo, after: datetime) -> Iterator[datetime]:
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


def _real_times(
    cron: _Cron, expression: str, zone: ZoneInfo, after: datetime
) -> Iterator[datetime]:
    # Naive stepping equals real-time stepping when no offset change lies in between: the
    # candidate must exist, keep the start's offset, and lie within a day (zone transitions
    # are at least ~7 days apart in tzdata since 1990). Otherwise cronsim decides.
    local = after.astimezone(zone)
    while True:
        naive = local.replace(tzinfo=None)
        candidate = cron.next_after(naive)
        if candidate is None:
            return
        instant = candidate.replace(tzinfo=zone, fold=local.fold).astimezone(UTC)
        back = instant.astimezone(zone)
        if not (
            candidate - naive <= _ONE_DAY
            and back.replace(tzinfo=None) == candidate
            and back.utcoffset() == local.utcoffset()
        ):
            try:
                instant = next(CronSim(expression, local)).astimezone(UTC)
            except StopIteration:
                return
            back = instant.astimezone(zone)
        if instant <= local:  # never expected; refuse to yield out of order or spin
            return
        yield instant
        local = back


def next_fire_times(
    schedule: Schedule,
    *,
    after: datetime,
    count: int,
    exclusions: Exclusions | None = None,
) -> list[datetime]:
    """Up to `count` fire instants after `after`, skipping excluded ones (bounded search: gives
    up after MAX_CONSECUTIVE_EXCLUDED consecutive excluded slots rather than loop forever)."""
    out: list[datetime] = []
    if count <= 0:
        return out
    for instant in _unexcluded(schedule, after, exclusions):
        out.append(instant)
        if len(out) >= count:
            break
    return out


def next_fire_time(
    schedule: Schedule, *, after: datetime, exclusions: Exclusions | None = None
) -> datetime | None:
    """The first fire instant strictly after `after` that is not excluded, or None."""
    return next(_unexcluded(schedule, after, exclusions), None)


def fire_times_between(
    schedule: Schedule,
    *,
    start: datetime,
    end: datetime,
    exclusions: Exclusions | None = None,
    limit: int = 10_000,
) -> list[datetime]:
    """Fire instants in [start, end), at most `limit` (calendar data, catch-up, backfill)."""
    end = _require_aware(end, "end")
    out: list[datetime] = []
    if limit <= 0:
        return out
    for instant in _unexcluded(schedule, _require_aware(start, "start") - _TINY, exclusions):
        if instant >= end:
            break
        out.append(instant)
        if len(out) >= limit:
            break
    return out


def _unexcluded(
    schedule: Schedule, after: datetime, exclusions: Exclusions | None
) -> Iterator[datetime]:
    if exclusions is None:
        yield from iter_fire_times(schedule, after=after)
        return
    zone = schedule.zone
    times = iter_fire_times(schedule, after=after)
    skipped = 0
    while (instant := next(times, None)) is not None:
        resume = exclusions.resume_at(instant, zone)
        if resume is None:
            skipped = 0
            yield instant
            continue
        skipped += 1
        if skipped > MAX_CONSECUTIVE_EXCLUDED:
            return
        # Jump past the whole excluded day or window instead of visiting each slot in it.
        if resume > instant:
            times = iter_fire_times(schedule, after=resume - _TINY)
