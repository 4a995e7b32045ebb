"""How many times a schedule fires in each of a row of intervals, counted rather than listed.

``count_fire_times(schedule, bounds)`` gives, for each interval ``[bounds[i], bounds[i+1])``,
the number of fire times ``fire_times_between`` would list there, the first and the last —
the calendar's runs per job per day or hour — without stepping through every fire where the
schedule allows it (an every-second job fires 2.6 million times in a month):

- ``every``: the slots are anchor + k·interval in real time: two divisions per interval;
- ``cron``, and ``rrule`` without COUNT or BYSETPOS: on a local day whose UTC offset does not
  change, the fires are that day's matching times of day, the same list on every day that
  matches, so they are counted by bisecting the list. Whether a day matches is cron's day
  fields, or the rule's next occurrence from the day's start (which skips the days between);
- the days on which the job's zone changes its clock (where cron and rules move, drop or
  repeat wall times), ``at``, and rules with COUNT (at most 1,000) or BYSETPOS are listed with
  the engine's own ``iter_fire_times_between``: the same answer by construction.

Exclusions: an excluded date or weekday drops its local day; daily windows are cut out of the
day before counting. ``start_at``, ``end_at`` (inclusive), UNTIL and ``not_before`` (say, the
job's creation) bound what is counted. Pure: instants in, numbers out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from zoneinfo import ZoneInfo

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.recurrence import Recurrence, compile_recurrence, wall_to_instant
from agentcron.app.domain.schedule import EPOCH, Schedule, iter_fire_times_between
from agentcron.parsers.cronexpr import compile_cron

_US = timedelta(microseconds=1)
_DAY_US = 86_400 * 1_000_000
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Tally:
    """The fires in one interval: how many, the first and the last, and every one of them
    when there are at most ``list_up_to`` (a calendar names the time of a daily job)."""

    count: int = 0
    first: datetime | None = None
    last: datetime | None = None
    times: tuple[datetime, ...] = ()


def count_fire_times(
    schedule: Schedule,
    bounds: Sequence[datetime],
    *,
    exclusions: Exclusions | None = None,
    not_before: datetime | None = None,
    list_up_to: int = 0,
) -> list[Tally]:
    """One Tally per interval ``[bounds[i], bounds[i+1])`` (``bounds`` aware and increasing):
    the fires ``iter_fire_times_between`` would give there, skipping excluded slots, none
    before ``not_before``."""
    edges = [_utc(b) for b in bounds]
    counter = _Counter(edges)
    if len(edges) < 2:
        return []
    low, high = edges[0], edges[-1]
    for floor in (schedule.start_at, not_before):
        if floor is not None and floor > low:
            low = _utc(floor)
    if schedule.end_at is not None:
        high = min(high, schedule.end_at + _US)  # end_at itself may fire
    times_of_day: tuple[int, ...] | None = None
    day_matcher: Callable[[date, date], Iterator[date]] | None = None
    if schedule.type == "cron":
        assert schedule.expression is not None
        times_of_day, day_matcher = _cron_days(schedule.expression)
    elif schedule.type == "rrule":
        assert schedule.rule is not None and schedule.start_at is not None
        recurrence = compile_recurrence(schedule.rule, schedule.start_at, schedule.timezone)
        if recurrence.until is not None:
            high = min(high, recurrence.until + _US)
        seconds = recurrence.times_of_day()
        if seconds is not None:
            times_of_day = tuple(s * 1_000_000 for s in seconds)
            day_matcher = _rule_days(recurrence)
    if low < high:
        if schedule.type == "at" or (schedule.type == "rrule" and times_of_day is None):
            for instant in iter_fire_times_between(
                schedule, start=low, end=high, exclusions=exclusions
            ):
                counter.add_one(instant)
        elif schedule.type == "every" and exclusions is None:
            for index, x, y in counter.pieces(low, high):
                counter.add_every(index, schedule, x, y)
        else:
            _by_day(schedule, low, high, exclusions, times_of_day, day_matcher, counter)
    return counter.tallies(schedule, exclusions, low, high, list_up_to)


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"bounds must be timezone-aware, got {instant!r}")
    return instant.astimezone(UTC)


class _Counter:
    """Counts, firsts and lasts per interval, added a piece at a time."""

    def __init__(self, edges: list[datetime]) -> None:
        self.edges = edges
        size = max(0, len(edges) - 1)
        self.counts = [0] * size
        self.firsts: list[datetime | None] = [None] * size
        self.lasts: list[datetime | None] = [None] * size

    def pieces(self, x: datetime, y: datetime) -> Iterator[tuple[int, datetime, datetime]]:
        """``[x, y)`` cut at the interval edges: (interval index, start, end)."""
        index = bisect_right(self.edges, x) - 1
        while x < y and index < len(self.counts):
            end = min(y, self.edges[index + 1])
            if index >= 0 and x < end:
                yield index, x, end
            x, index = max(x, end), index + 1

    def add(self, index: int, count: int, first: datetime, last: datetime) -> None:
        if count <= 0:
            return
        self.counts[index] += count
        known_first, known_last = self.firsts[index], self.lasts[index]
        if known_first is None or first < known_first:
            self.firsts[index] = first
        if known_last is None or last > known_last:
            self.lasts[index] = last

    def add_one(self, instant: datetime) -> None:
        index = bisect_right(self.edges, instant) - 1
        if 0 <= index < len(self.counts):
            self.add(index, 1, instant, instant)

    def add_every(self, index: int, schedule: Schedule, x: datetime, y: datetime) -> None:
        """The slots anchor + k·interval (k ≥ 0) in ``[x, y)``, as iter_fire_times makes them."""
        assert schedule.interval is not None
        step = schedule.interval * 1_000_000
        anchor = schedule.start_at or EPOCH
        before_x = max(0, -(-((x - anchor) // _US) // step))  # slots before x: ceil, k ≥ 0
        before_y = max(0, -(-((y - anchor) // _US) // step))
        if before_y > before_x:
            first = anchor + before_x * step * _US
            last = anchor + (before_y - 1) * step * _US
            self.add(index, before_y - before_x, first, last)

    def tallies(
        self,
        schedule: Schedule,
        exclusions: Exclusions | None,
        low: datetime,
        high: datetime,
        list_up_to: int,
    ) -> list[Tally]:
        out = []
        for index, count in enumerate(self.counts):
            first, last = self.firsts[index], self.lasts[index]
            if not count or first is None or last is None:
                out.append(Tally())
                continue
            times: tuple[datetime, ...] = ()
            if count <= list_up_to:
                if count <= 2:
                    times = (first,) if count == 1 else (first, last)
                else:
                    start = max(low, self.edges[index])
                    end = min(high, self.edges[index + 1])
                    listed = iter_fire_times_between(
                        schedule, start=start, end=end, exclusions=exclusions
                    )
                    times = tuple(islice(listed, count))
            out.append(Tally(count, first, last, times))
        return out


# ---------------------------------------------------------------------------------------------
# Day by day in the job's zone


def _by_day(
    schedule: Schedule,
    low: datetime,
    high: datetime,
    exclusions: Exclusions | None,
    times_of_day: tuple[int, ...] | None,
    day_matcher: Callable[[date, date], Iterator[date]] | None,
    counter: _Counter,
) -> None:
    zone = schedule.zone
    first_day = low.astimezone(zone).date()
    last_day = (high - _US).astimezone(zone).date()
    windows = _window_spans(exclusions)
    days: Iterator[date] = (
        day_matcher(first_day, last_day)
        if day_matcher is not None
        else _every_day(first_day, last_day)
    )
    for day in days:
        if exclusions is not None and (
            day in exclusions.dates or day.weekday() in exclusions.weekdays
        ):
            continue
        midnight = datetime.combine(day, time())
        start = wall_to_instant(midnight, zone)
        end = wall_to_instant(midnight + _ONE_DAY, zone)
        x, y = max(start, low), min(end, high)
        if x >= y:
            continue
        offset = (end - _US).astimezone(zone).utcoffset()
        assert offset is not None
        if (start - _US).astimezone(zone).utcoffset() == offset:
            _count_span(schedule, midnight, offset, x, y, windows, times_of_day, counter)
        elif schedule.type == "every":  # real time: count each stretch of one UTC offset
            for sx, sy, stretch_offset in _stretches(zone, x, y):
                _count_span(schedule, midnight, stretch_offset, sx, sy, windows, None, counter)
        else:  # the clock changes today: the engine's own stepping says what fires
            for instant in iter_fire_times_between(schedule, start=x, end=y, exclusions=exclusions):
                counter.add_one(instant)


def _every_day(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def _count_span(
    schedule: Schedule,
    midnight: datetime,
    offset: timedelta,
    x: datetime,
    y: datetime,
    windows: tuple[tuple[int, int], ...],
    times_of_day: tuple[int, ...] | None,
    counter: _Counter,
) -> None:
    """The fires in ``[x, y)`` (aware UTC), a stretch of the local day starting at naive
    ``midnight`` over which the zone's offset is ``offset``: local time is real time shifted."""
    for index, px, py in counter.pieces(x, y):
        a = (px.replace(tzinfo=None) + offset - midnight) // _US  # microseconds into the day
        b = a + (py - px) // _US
        for ca, cb in _cut(a, b, windows):
            if times_of_day is None:
                counter.add_every(index, schedule, px + (ca - a) * _US, px + (cb - a) * _US)
                continue
            i, j = bisect_left(times_of_day, ca), bisect_left(times_of_day, cb)
            if j > i:
                base = (midnight - offset).replace(tzinfo=UTC)
                counter.add(
                    index, j - i, base + times_of_day[i] * _US, base + times_of_day[j - 1] * _US
                )


def _stretches(
    zone: ZoneInfo, x: datetime, y: datetime
) -> Iterator[tuple[datetime, datetime, timedelta]]:
    """``[x, y)`` cut where the zone's UTC offset changes: (start, end, offset)."""
    while x < y:
        offset = x.astimezone(zone).utcoffset()
        assert offset is not None
        if (y - _US).astimezone(zone).utcoffset() == offset:
            yield x, y, offset
            return
        low, high = x, y - _US  # the change lies in (low, high]
        while high - low > _US:
            middle = low + (high - low) // 2
            if middle.astimezone(zone).utcoffset() == offset:
                low = middle
            else:
                high = middle
        yield x, high, offset
        x = high


def _window_spans(exclusions: Exclusions | None) -> tuple[tuple[int, int], ...]:
    """The excluded windows as sorted, merged microsecond spans of the local day."""
    if exclusions is None or not exclusions.windows:
        return ()
    spans: list[tuple[int, int]] = []
    for start, end in exclusions.windows:
        s, e = _micros(start), _micros(end)
        if s < e:
            spans.append((s, e))
        else:  # wraps midnight (22:00-06:00; an end of 24:00 is stored as 00:00)
            spans += [(s, _DAY_US), (0, e)]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        elif e > s:
            merged.append((s, e))
    return tuple(merged)


def _micros(moment: time) -> int:
    return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * 1_000_000


def _cut(a: int, b: int, spans: tuple[tuple[int, int], ...]) -> Iterator[tuple[int, int]]:
    """``[a, b)`` (microseconds into a local day) less the excluded spans."""
    for s, e in spans:
        if e <= a:
            continue
        if s >= b:
            break
        if s > a:
            yield a, s
        a = max(a, e)
        if a >= b:
            return
    if a < b:
        yield a, b


# ---------------------------------------------------------------------------------------------
# Which days fire


@lru_cache(maxsize=1024)
def _cron_days(expression: str) -> tuple[tuple[int, ...], Callable[[date, date], Iterator[date]]]:
    cron = compile_cron(expression)
    times = tuple(
        sorted((hour * 60 + minute) * 60_000_000 for hour in cron.hours for minute in cron.minutes)
    )
    months = frozenset(cron.months)

    def days(first: date, last: date) -> Iterator[date]:
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            if month in months:
                for number in cron.days_of(year, month):
                    day = date(year, month, number)
                    if first <= day <= last:
                        yield day
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    return times, days


def _rule_days(recurrence: Recurrence) -> Callable[[date, date], Iterator[date]]:
    def days(first: date, last: date) -> Iterator[date]:
        # the rule's next wall time from each day's start: days without one are jumped over
        cursor = datetime.combine(first, time())
        until = datetime.combine(last, time.max)
        while cursor <= until:
            found = next(recurrence.naive_from(cursor, until=until), None)
            if found is None:
                return
            yield found.date()
            cursor = datetime.combine(found.date() + _ONE_DAY, time())

    return days
