"""Slots a job skips: listed dates, weekdays, daily time windows and public holidays, all in
the job's zone; and, when the holiday calendar says so, slots moved to a business day."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from agentcron.app.domain.calendars import MAX_SHIFT_DAYS, HolidayCalendar
from agentcron.app.domain.schedule import ScheduleError

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    name[:3]: i for i, name in enumerate(WEEKDAY_NAMES)
}
_KEYS = ("dates", "weekdays", "windows", "holidays")
#: the most items each list may hold: every read of the job (the engine's, the calendar's)
#: parses them again, so a job saved with 20,000 windows cost seconds on each read.
#: Ten years of listed closures; a window every half hour; each weekday a few times over.
MAX_DATES = 3_660
MAX_WINDOWS = 48
MAX_WEEKDAYS = 21
_TINY = timedelta(microseconds=1)
#: moving slots gives up after this many in a row found no business day to go to
MAX_DROPPED = 2_000


@dataclass(frozen=True, slots=True)
class Exclusions:
    """A slot is excluded when its local date is listed, its local weekday (Monday=0) is
    listed, its local time of day falls in a window [start, end) — a window whose end is not
    after its start wraps midnight (22:00-06:00) — or its local date is a public holiday of
    ``holidays`` (unless that calendar moves such slots to a business day instead: see
    ``calendars`` and ``shifted``)."""

    dates: frozenset[date] = frozenset()
    weekdays: frozenset[int] = frozenset()
    windows: tuple[tuple[time, time], ...] = ()
    holidays: HolidayCalendar | None = None

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any] | None, *, field: str = "exclusions"
    ) -> Exclusions | None:
        """Validate the JSON shape; None when nothing is excluded. ScheduleError names the item
        at fault, e.g. "exclusions.dates[1]" or "exclusions.windows[0].start"."""
        if data is None:
            return None
        if not isinstance(data, Mapping):
            raise ScheduleError(
                field, "must be an object with dates, weekdays, windows and/or holidays"
            )
        for key in data:
            if key not in _KEYS:
                raise ScheduleError(
                    f"{field}.{key}", "unknown field; expected dates, weekdays, windows, holidays"
                )
        dates = frozenset(
            _date(value, f"{field}.dates[{i}]")
            for i, value in enumerate(_list(data.get("dates"), f"{field}.dates", MAX_DATES))
        )
        weekdays = frozenset(
            _weekday(value, f"{field}.weekdays[{i}]")
            for i, value in enumerate(
                _list(data.get("weekdays"), f"{field}.weekdays", MAX_WEEKDAYS)
            )
        )
        windows = tuple(
            _window(value, f"{field}.windows[{i}]")
            for i, value in enumerate(_list(data.get("windows"), f"{field}.windows", MAX_WINDOWS))
        )
        holidays = None
        if data.get("holidays") is not None:
            holidays = HolidayCalendar.from_dict(data["holidays"], field=f"{field}.holidays")
        if not (dates or weekdays or windows or holidays):
            return None
        return cls(dates=dates, weekdays=weekdays, windows=windows, holidays=holidays)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.dates:
            out["dates"] = [d.isoformat() for d in sorted(self.dates)]
        if self.weekdays:
            out["weekdays"] = [WEEKDAY_NAMES[d][:3] for d in sorted(self.weekdays)]
        if self.windows:
            out["windows"] = [{"start": _hhmm(s), "end": _hhmm(e)} for s, e in self.windows]
        if self.holidays:
            out["holidays"] = self.holidays.to_dict()
        return out

    def reason(self, instant: datetime, zone: ZoneInfo) -> str | None:
        """Why this instant is excluded ("excluded date 2026-12-25", "excluded weekday
        Saturday", "excluded window 12:00-13:00"), or None."""
        local = instant.astimezone(zone)
        day = local.date()
        if day in self.dates:
            return f"excluded date {day.isoformat()}"
        if day.weekday() in self.weekdays:
            return f"excluded weekday {WEEKDAY_NAMES[day.weekday()].capitalize()}"
        skipping = self._skipped_holidays
        if skipping is not None and (holiday := skipping.reason(day)):
            return holiday
        window = self._window_at(local.time())
        if window is not None:
            return f"excluded window {_hhmm(window[0])}-{_hhmm(window[1])}"
        return None

    def resume_at(self, instant: datetime, zone: ZoneInfo) -> datetime | None:
        """None if `instant` is not excluded; otherwise the (UTC) instant its exclusion ends:
        the next local midnight for a date or weekday, the window's end for a window. Lets a
        search jump over a whole excluded stretch instead of testing every slot in it."""
        local = instant.astimezone(zone)
        day = local.date()
        if self.excludes_day(day):
            return _local_instant(day + timedelta(days=1), time(0), zone)
        window = self._window_at(local.time())
        if window is None:
            return None
        start, end = window
        end_day = day + timedelta(days=1) if start >= end and local.time() >= start else day
        until = _local_instant(end_day, end, zone)
        if until <= instant:
            # the end's wall time came first, before a fall-back repeated the hour `instant` is in
            until = datetime.combine(end_day, end, tzinfo=zone).replace(fold=1).astimezone(UTC)
        turn = _fall_back_between(instant, until, zone)
        if turn is not None and self._window_at(turn.astimezone(zone).time()) is None:
            return turn  # the clock went back out of the window before its end came round
        return until

    def excludes_day(self, day: date) -> bool:
        """Every slot of this local day is excluded (a date, a weekday or a skipped holiday)."""
        skipping = self._skipped_holidays
        return (
            day in self.dates
            or day.weekday() in self.weekdays
            or (skipping is not None and skipping.holiday(day) is not None)
        )

    @property
    def _skipped_holidays(self) -> HolidayCalendar | None:
        """The calendar whose holidays are skipped (None when it moves them instead)."""
        return self.holidays if self.holidays is not None and not self.holidays.shifts else None

    @property
    def shifts(self) -> bool:
        """Slots on days off are moved to a business day (not skipped)."""
        return self.holidays is not None and self.holidays.shifts

    def business_day(self, day: date) -> bool:
        """Not the calendar's weekend, not a holiday, and not a day the job leaves out."""
        assert self.holidays is not None
        return (
            self.holidays.is_business_day(day)
            and day not in self.dates
            and day.weekday() not in self.weekdays
        )

    def _business_day_from(self, day: date, step: int) -> date | None:
        """The nearest business day after ``day`` (before it, ``step`` -1), within
        MAX_SHIFT_DAYS."""
        for distance in range(1, MAX_SHIFT_DAYS + 1):
            candidate = day + timedelta(days=step * distance)
            if self.business_day(candidate):
                return candidate
        return None

    def shifted(
        self,
        times_after: Callable[[datetime], Iterator[datetime]],
        after: datetime,
        zone: ZoneInfo,
    ) -> Iterator[datetime]:
        """The slots after ``after`` once those on days that are not business days are moved
        to the next (or previous) business day at the same wall time; ``times_after(t)`` gives
        the schedule's own fire times after ``t``. In order; two that meet fire once.

        Moving forward, a slot is final once the schedule's own times have passed it (none
        moves backwards). Moving back, a slot may still be overtaken by one moved from a later
        day off, onto a business day no earlier than the last business day up to the day
        reached: slots before that day are final. Slots from days off just before ``after``
        may be moved past it, so the search starts at that run of days off."""
        assert self.holidays is not None
        step = 1 if self.holidays.shift == "next_business_day" else -1
        start = after
        if step == 1:
            first = after.astimezone(zone).date()
            for _ in range(MAX_SHIFT_DAYS):
                if self.business_day(first - timedelta(days=1)):
                    break
                first -= timedelta(days=1)
            start = min(after, _local_instant(first, time(0), zone) - _TINY)
        pending: list[datetime] = []
        last: datetime | None = None
        dropped = 0
        for natural in times_after(start):
            local = natural.astimezone(zone)
            day = local.date()
            moved: datetime | None = natural
            if not self.business_day(day):
                target = self._business_day_from(day, step)
                moved = None if target is None else _local_instant(target, local.time(), zone)
            if moved is None:
                dropped += 1
                if dropped > MAX_DROPPED:
                    break
            else:
                dropped = 0
                if moved > after:
                    heapq.heappush(pending, moved)
            if step == 1:
                final = natural
            else:
                floor = day if self.business_day(day) else self._business_day_from(day, -1)
                final = _local_instant(floor or day - timedelta(days=MAX_SHIFT_DAYS), time(0), zone)
                final -= _TINY
            while pending and pending[0] <= final:
                slot = heapq.heappop(pending)
                if last is None or slot > last:
                    last = slot
                    yield slot
        while pending:
            slot = heapq.heappop(pending)
            if last is None or slot > last:
                last = slot
                yield slot

    def _window_at(self, moment: time) -> tuple[time, time] | None:
        moment = moment.replace(tzinfo=None)
        for start, end in self.windows:
            inside = start <= moment < end if start < end else moment >= start or moment < end
            if inside:
                return start, end
        return None


def _fall_back_between(after: datetime, before: datetime, zone: ZoneInfo) -> datetime | None:
    """The (UTC) instant the wall clock is set back between `after` and `before`, or None: a
    window is a stretch of wall time, and at a fall-back the clock can leave it before its end."""
    offset = after.astimezone(zone).utcoffset()
    if offset is None or offset <= (before.astimezone(zone).utcoffset() or offset):
        return None
    low, high = int(after.timestamp()), math.ceil(before.timestamp())
    while high - low > 1:  # zone changes fall on whole seconds: halve to the one
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, UTC).astimezone(zone).utcoffset() == offset:
            low = middle
        else:
            high = middle
    return datetime.fromtimestamp(high, UTC)


def _local_instant(day: date, moment: time, zone: ZoneInfo) -> datetime:
    # A wall time skipped by a DST change means the first instant after the gap (as for cron):
    # fold=0 would land as far past the gap as the time was into it, skipping real slots.
    wall = datetime.combine(day, moment)
    instant = wall.replace(tzinfo=zone).astimezone(UTC)
    while instant.astimezone(zone).replace(tzinfo=None) != wall:
        wall += timedelta(minutes=1)
        instant = wall.replace(tzinfo=zone).astimezone(UTC)
    return instant


def _list(value: object, field: str, most: int) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ScheduleError(field, "must be a list")
    if len(value) > most:
        raise ScheduleError(field, f"may hold at most {most} items")
    return list(value)


def _date(value: object, field: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ScheduleError(field, "not an ISO 8601 date (YYYY-MM-DD)")


def _weekday(value: object, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    if isinstance(value, str) and value.strip().lower() in _WEEKDAYS:
        return _WEEKDAYS[value.strip().lower()]
    raise ScheduleError(field, "must be a weekday name (mon-sun) or number 0-6 (0 is Monday)")


def _window(value: object, field: str) -> tuple[time, time]:
    if not isinstance(value, Mapping):
        raise ScheduleError(field, 'must be an object like {"start": "12:00", "end": "13:00"}')
    for key in value:
        if key not in ("start", "end"):
            raise ScheduleError(f"{field}.{key}", "unknown field; expected start, end")
    start = _time_of_day(value.get("start"), f"{field}.start", allow_24=False)
    end = _time_of_day(value.get("end"), f"{field}.end", allow_24=True)
    if start == end:
        raise ScheduleError(f"{field}.end", "must differ from start")
    return start, end


def _time_of_day(value: object, field: str, *, allow_24: bool) -> time:
    if value is None:
        raise ScheduleError(field, "is required")
    if isinstance(value, str):
        text = value.strip()
        # "24:00" closes a window at midnight; stored as 00:00, which the wrap rule reads so.
        if allow_24 and text in ("24:00", "24:00:00"):
            return time(0)
        parts = text.split(":")
        if len(parts) in (2, 3) and all(len(p) == 2 and p.isascii() and p.isdigit() for p in parts):
            hour, minute, second = (int(p) for p in [*parts, "00"][:3])
            if hour < 24 and minute < 60 and second < 60:
                return time(hour, minute, second)
    raise ScheduleError(field, "must be a time of day HH:MM (24-hour)")


def _hhmm(moment: time) -> str:
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")
