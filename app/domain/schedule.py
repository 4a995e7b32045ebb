"""When does a job fire: the one implementation used by validation, calendar data and the engine.

A schedule is `cron` (5 fields on the wall clock of `timezone`), `every` (a fixed number of
seconds, aligned to an anchor), `at` (one instant) or `rrule` (an RFC 5545 recurrence on the
wall clock of `timezone`, DTSTART = `start_at`; see recurrence.py); `start_at`/`end_at` bound
any type. Everything here is pure: instants in, instants out (aware, UTC).

Cron is read, compiled and stepped by ``agentcron.parsers.cronexpr``, the one cron
implementation (the parser reads cron typed as a schedule with it too): Debian cron's rules,
as cronsim implements them, held to cronsim by the tests across DST changes — except where
cronsim itself misses real times, after Lord Howe's half-hour change (see the tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentcron.app.domain.recurrence import compile_recurrence, default_start
from agentcron.app.domain.rrule_syntax import RuleError, parse_rule
from agentcron.parsers.cronexpr import CronError, compile_cron, normalize_expression
from agentcron.parsers.cronexpr import times_after as cron_times_after
from agentcron.parsers.limits import MIN_INTERVAL_SECONDS as _MIN_INTERVAL_SECONDS

if TYPE_CHECKING:
    from agentcron.app.domain.exclusions import Exclusions

ScheduleType = Literal["cron", "every", "at", "rrule"]
SCHEDULE_TYPES: tuple[ScheduleType, ...] = ("cron", "every", "at", "rrule")
MAX_INTERVAL = 366 * 86400
MAX_CRON_LENGTH = 1_000
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
# Cron: the one implementation is agentcron.parsers.cronexpr (the parser reads cron with it too)


def check_cron(expression: object, *, field: str = "schedule.expression") -> str:
    """The normalised expression, or ScheduleError saying exactly what is wrong."""
    if not isinstance(expression, str) or not expression.strip():
        raise ScheduleError(field, "must be a cron expression such as '0 9 * * 1-5'")
    if len(expression) > MAX_CRON_LENGTH:  # every value of every field listed is ~400
        raise ScheduleError(field, f"is longer than {MAX_CRON_LENGTH} characters")
    normalized = normalize_expression(expression)
    try:
        compile_cron(normalized)
    except CronError as exc:
        raise ScheduleError(field, exc.reason) from None
    return normalized


# ---------------------------------------------------------------------------------------------
# Schedule


_TYPE_FIELDS = {"expression": "cron", "interval": "every", "datetime": "at", "rule": "rrule"}
#: every key a schedule document may hold (what ``Schedule.to_dict`` writes)
SCHEDULE_FIELDS = ("type", *_TYPE_FIELDS, "timezone", "start_at", "end_at")
#: a key longer than this is named cut short in the problem (it is echoed back to the client)
_SHOWN_KEY = 64


def unknown_field(data: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first key of a schedule document that is no schedule field, as (key as shown, reason):
    a misspelt field ("expresion") would otherwise be dropped silently and the schedule run
    on a default. The reason names the field meant when one is close."""
    for key in data:
        if key in SCHEDULE_FIELDS:
            continue
        text = str(key)
        shown = text if len(text) <= _SHOWN_KEY else text[:_SHOWN_KEY] + "…"
        return shown, "is not a known field" + _meant(text)
    return None


def _meant(key: str) -> str:
    from difflib import get_close_matches

    if len(key) > 2 * max(map(len, SCHEDULE_FIELDS)):
        return f" (a schedule has {', '.join(SCHEDULE_FIELDS)})"
    close = get_close_matches(key.lower(), SCHEDULE_FIELDS, n=1, cutoff=0.7)
    if close:
        return f" (did you mean {close[0]}?)"
    return f" (a schedule has {', '.join(SCHEDULE_FIELDS)})"


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
        cls,
        data: Mapping[str, Any],
        *,
        field: str = "schedule",
        now: datetime | None = None,
        strict: bool = False,
    ) -> Schedule:
        """Validate a JSON-shaped schedule; ScheduleError names the exact field at fault.
        An rrule needs `start_at` (its DTSTART); given `now`, one left out is fixed now (see
        recurrence.default_start), so that the series' anchor never moves afterwards.
        `strict` (a client's document) refuses a key that is no schedule field; stored rows
        and the parser's answers are read without it."""
        if not isinstance(data, Mapping):
            raise ScheduleError(field, "must be an object")
        unknown = unknown_field(data) if strict else None
        if unknown is not None:
            raise ScheduleError(f"{field}.{unknown[0]}", unknown[1])
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
    yield from cron_times_after(compile_cron(schedule.expression), schedule.zone, after)


def slot_times(
    schedule: Schedule, *, after: datetime, exclusions: Exclusions | None = None
) -> Iterator[datetime]:
    """The job's slots strictly after `after`: the schedule's fire times, moved to business
    days when the exclusions' holiday calendar says so (``Exclusions.shifted``). Excluded slots
    are still in: the engine records them as skipped; see `next_fire_time` for the rest."""
    if exclusions is not None and exclusions.shifts:
        return exclusions.shifted(
            lambda moment: iter_fire_times(schedule, after=moment),
            _require_aware(after, "after").astimezone(UTC),
            schedule.zone,
        )
    return iter_fire_times(schedule, after=after)


def next_slot(
    schedule: Schedule, *, after: datetime, exclusions: Exclusions | None = None
) -> datetime | None:
    """The job's next slot after `after` (see `slot_times`), or None."""
    return next(slot_times(schedule, after=after, exclusions=exclusions), None)


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
    if limit <= 0:
        return []
    return list(
        islice(
            iter_fire_times_between(schedule, start=start, end=end, exclusions=exclusions), limit
        )
    )


def iter_fire_times_between(
    schedule: Schedule,
    *,
    start: datetime,
    end: datetime,
    exclusions: Exclusions | None = None,
) -> Iterator[datetime]:
    """Fire instants in [start, end), in order, skipping excluded ones, one at a time (a
    merge of many jobs' fires takes only as many as it needs)."""
    end = _require_aware(end, "end")
    after = _require_aware(start, "start") - _TINY
    for instant in _unexcluded(schedule, after, exclusions, before=end):
        if instant >= end:
            return
        yield instant


def _unexcluded(
    schedule: Schedule,
    after: datetime,
    exclusions: Exclusions | None,
    *,
    before: datetime | None = None,
) -> Iterator[datetime]:
    """The fires after `after` that no exclusion rules out; with `before`, the search for
    one stops there (a range whose every slot is excluded is not stepped past its end)."""
    if exclusions is None:
        yield from iter_fire_times(schedule, after=after)
        return
    zone = schedule.zone
    times = slot_times(schedule, after=after, exclusions=exclusions)
    skipped = 0
    while (instant := next(times, None)) is not None:
        if before is not None and instant >= before:
            return
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
            times = slot_times(schedule, after=resume - _TINY, exclusions=exclusions)
