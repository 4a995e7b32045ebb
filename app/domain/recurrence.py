"""Calendar recurrences: RFC 5545 RRULE values on the wall clock of a zone, stepped by dateutil.

`compile_recurrence` binds a rule (checked by rrule_syntax.parse_rule) to DTSTART (the wall
time of the schedule's `start_at`) and a zone, and refuses it when it never fires;
`Recurrence.times_after` gives its fire instants. dateutil's `rrule` does the calendar work;
this module only decides what dateutil is asked, and how its answers meet the zone's clock:

- **Wall clock.** dateutil steps naive local time from DTSTART, so "every 2 weeks at 15:00"
  stays at 15:00 across DST changes. A naive time becomes an instant by cron's rule: one that
  occurs twice fires once (the first), one that does not exist fires at the first instant after
  the gap; two occurrences that land on one instant fire once.
- **Calendar rules, not intervals.** A fixed real-time interval is the `every` schedule type:
  FREQ=SECONDLY is refused, and HOURLY and MINUTELY take an INTERVAL that divides a day or an
  hour (every 1, 2, 3, 4, 6, 8 or 12 hours; every 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30
  minutes) and no BYSETPOS, so their times are the same every day. They follow the wall clock
  like the rest (on the night clocks go back the repeated hour fires once) and are evaluated
  as the DAILY rule with those times, which they are.
- **Fast.** Every part dateutil would take from DTSTART (the time of day, the weekday of a
  WEEKLY rule, the day of a MONTHLY one) is written out, so DTSTART only fixes the grid of
  periods (years, months, weeks or days counted in INTERVALs from it). Evaluation starts at the
  period that holds the moment asked about, never at DTSTART, and a period may hold at most
  MAX_PER_PERIOD occurrences: a next fire time costs tens of microseconds however old the
  series. COUNT does count from DTSTART: its (at most MAX_COUNT) occurrences are listed once
  per rule and kept.
- **Bounded.** dateutil looks for the next occurrence until year 9999, so a rule whose days
  never (or once in centuries) come would hold the CPU for seconds. The Gregorian calendar
  repeats exactly every 400 years (146,097 days, a whole number of weeks), so each search runs
  in the copy of the calendar a multiple of 400 years later that ends between 50 and 450 years
  on: dateutil gives up at 9999, and a rule with nothing in 50 years has ended (cron's horizon).
  No run is listed more than LIST_YEARS after the moment asked about, and a DAILY rule that
  names its months or days of the month is stepped as the YEARLY rule it equals, a year at a
  time: 1,000 runs of "February 29th, if a Monday" cost milliseconds, not seconds.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from typing import Any, Final
from zoneinfo import ZoneInfo

from dateutil import rrule as du

from agentcron.app.domain.rrule_syntax import (
    DAILY,
    HOURLY,
    MINUTELY,
    MONTHLY,
    WEEKLY,
    YEARLY,
    RuleError,
    RuleParts,
    check_days_of,
    parse_rule,
    until_parts,
)

#: occurrences one period (a year of a YEARLY rule, a day of a DAILY one) may hold: bounds the
#: work of one next-fire-time (about 5 ms at most, tens of microseconds for ordinary rules)
MAX_PER_PERIOD: Final = 10_000
#: a search gives up after this many years without an occurrence: the rule has ended
HORIZON_YEARS: Final = 50
#: no occurrence is listed further than this after the moment asked about, so that a preview
#: of 1,000 runs of a rule that fires once in decades stays bounded work
LIST_YEARS: Final = 100
PERIOD_NAMES: Final = ("year", "month", "week", "day", "hour", "minute")


# ---------------------------------------------------------------------------------------------
# Zones: naive wall time <-> instants, cron's rule


def wall_to_instant(naive: datetime, zone: ZoneInfo) -> datetime:
    """The instant (aware UTC) of a wall time: the first of two when it occurs twice, the
    first instant after the gap when it does not exist (cron's rule)."""
    instant = naive.replace(tzinfo=zone).astimezone(UTC)  # fold=0: the earlier of two
    if instant.astimezone(zone).replace(tzinfo=None) == naive:
        return instant
    # In a gap fold=0 reads the time with the offset from before it (an instant after the
    # transition) and fold=1 with the one from after it (an instant before): the transition,
    # the first instant whose wall time is past the gap, lies between. Whole seconds suffice.
    low = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = instant
    while (high - low).total_seconds() > 1:
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high


def local_naive(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


# ---------------------------------------------------------------------------------------------
# A rule bound to DTSTART and a zone

_LAST_START_YEAR: Final = 9949  # a search starts no later than this in 400-year-shifted time
_CALENDAR_CYCLE: Final = 400
_LIST_SPAN: Final = timedelta(days=round(LIST_YEARS * 365.2425))


def _years(moment: datetime, years: int) -> datetime:
    return moment.replace(year=moment.year + years)


class Recurrence:
    """A rule with its DTSTART (naive wall time) in a zone. Built by `compile_recurrence`,
    which checks that it ever fires; shared by every caller, so it holds no per-call state
    except the list of a COUNT rule's occurrences, made once."""

    __slots__ = (
        "_counted",
        "_counting",
        "_easter",
        "_kwargs",
        "_lock",
        "count",
        "dtstart",
        "freq",
        "interval",
        "parts",
        "until",
        "zone",
    )

    def __init__(self, parts: RuleParts, dtstart: datetime, zone: ZoneInfo) -> None:
        self.parts = parts
        self.dtstart = dtstart
        self.zone = zone
        self.count = parts.count
        self.until = None if parts.until is None else _until_instant(parts.until, zone)
        self._kwargs = _sparse_daily_as_yearly(parts, _explicit(parts, dtstart))
        self._easter = parts.has("BYEASTER")
        # HOURLY and MINUTELY are stepped as DAILY, and a sparse DAILY as YEARLY
        self.freq: int = self._kwargs["freq"]
        self.interval: int = self._kwargs["interval"]
        # COUNT's occurrences so far as Unix seconds (dateutil drops microseconds), and the
        # wall times still to count: listed as far as anyone has asked, never further
        self._counted = array("q")
        self._counting: Iterator[datetime] | None = (
            None if self.count is None else islice(self.naive_from(dtstart), self.count)
        )
        self._lock = threading.Lock()

    # -- the instants

    def times_after(self, after: datetime) -> Iterator[datetime]:
        """Fire instants strictly after `after` (aware), in order, aware UTC; none further
        than LIST_YEARS after it."""
        start = local_naive(after, self.zone)
        stop = start + _LIST_SPAN if start.year + LIST_YEARS < 9999 else None
        end = self.until
        if stop is not None:
            listed = wall_to_instant(stop, self.zone)
            end = listed if end is None else min(end, listed)
        if self.count is not None:
            index = self._count_past(after.timestamp())
            while index < len(self._counted) or self._count_one():
                second = self._counted[index]
                if end is not None and second > end.timestamp():
                    return
                yield datetime.fromtimestamp(second, UTC)
                index += 1
            return
        last = after
        for naive in self.naive_from(start, until=stop):
            instant = wall_to_instant(naive, self.zone)
            if end is not None and instant > end:
                return
            if instant > last:  # two wall times may land on one instant (a gap): fire once
                last = instant
                yield instant

    def _count_past(self, moment: float) -> int:
        """The index of COUNT's first occurrence after `moment`, counting on as needed."""
        while (not self._counted or self._counted[-1] <= moment) and self._count_one():
            pass
        return bisect_right(self._counted, moment)

    def _count_one(self) -> bool:
        """List COUNT's next occurrence; False when all are listed. Callers share the list,
        so extending it is done under a lock."""
        with self._lock:
            for naive in self._counting or ():
                second = int(wall_to_instant(naive, self.zone).timestamp())
                if not self._counted or second > self._counted[-1]:  # a gap: fire once
                    self._counted.append(second)
                    return True
            self._counting = None
            return False

    def times_of_day(self) -> tuple[int, ...] | None:
        """The seconds after midnight at which the rule fires on each day it fires at all, the
        same every such day; None when they are not (BYSETPOS picks among a period's times,
        and COUNT stops part-way through a day). Lets a caller count a day's fires without
        listing them (domain.counting)."""
        if self.count is not None or self.parts.has("BYSETPOS"):
            return None
        kwargs = self._kwargs
        return tuple(
            sorted(
                {
                    hour * 3600 + minute * 60 + second
                    for hour in kwargs["byhour"]
                    for minute in kwargs["byminute"]
                    for second in kwargs["bysecond"]
                }
            )
        )

    # -- naive wall times, from dateutil

    def naive_from(self, start: datetime, *, until: datetime | None = None) -> Iterator[datetime]:
        """The rule's wall times at or after naive `start`, in order, up to naive `until`;
        ends when 50 years (or more) pass without one."""
        cursor = max(start, self.dtstart)
        last: datetime | None = None
        while until is None or cursor <= until:
            anchor = self._period_start(cursor)
            shift = _CALENDAR_CYCLE * ((_LAST_START_YEAR - anchor.year) // _CALENDAR_CYCLE)
            if self._easter:
                shift = 0  # Easter's date does not repeat every 400 years; it comes every year
            found = False
            try:
                for shifted in du.rrule(dtstart=_years(anchor, shift), **self._kwargs):
                    if shifted.year - shift > 9999:
                        return
                    moment = _years(shifted, -shift)
                    if until is not None and moment > until:
                        return
                    if moment < cursor or (last is not None and moment <= last):
                        continue
                    found = True
                    last = moment
                    yield moment
            except ValueError:  # dateutil reached year 9999 in a week running into year 10000
                pass
            if not found or shift <= 0:
                return
            # the next copy of the calendar; two weeks of overlap so that the period running
            # over the end is stepped whole (wall times already given are skipped)
            cursor = datetime(10_000 - shift, 1, 1) - timedelta(days=14)

    def _period_start(self, cursor: datetime) -> datetime:
        """The start of the period (counted in INTERVALs from DTSTART's) holding `cursor`;
        DTSTART itself while `cursor` is in the first period, which dateutil starts there."""
        start, n, freq = self.dtstart, self.interval, self.freq
        if freq == YEARLY:
            k = (cursor.year - start.year) // n
            period = datetime(start.year + k * n, 1, 1)
        elif freq == MONTHLY:
            k = ((cursor.year - start.year) * 12 + cursor.month - start.month) // n
            month = start.year * 12 + start.month - 1 + k * n
            period = datetime(month // 12, month % 12 + 1, 1)
        else:
            days = 7 * n if freq == WEEKLY else n
            first = start.date()
            if freq == WEEKLY:
                first -= timedelta(days=(start.weekday() - self.parts.wkst) % 7)
            k = (cursor.date() - first).days // days
            period = datetime.combine(first + timedelta(days=k * days), time())
        return start if k <= 0 else period


def _explicit(parts: RuleParts, dtstart: datetime) -> dict[str, Any]:
    """dateutil's arguments with every part it would take from DTSTART written out, and
    without COUNT and UNTIL (applied here, on instants). HOURLY and MINUTELY become the DAILY
    rule with the same times of day (their INTERVAL divides a day or an hour)."""
    freq = parts.freq
    kwargs: dict[str, Any] = {"freq": freq, "interval": parts.interval, "wkst": parts.wkst}
    by = {name.lower(): values for name, values in parts.numbers}
    if freq in (HOURLY, MINUTELY):
        by.update(_times_of_day(parts, dtstart))
        kwargs.update(freq=DAILY, interval=1)
    day_parts = ("byweekno", "byyearday", "bymonthday", "byeaster")
    if not parts.has("BYDAY") and not any(name in by for name in day_parts):
        if freq == YEARLY:
            by.setdefault("bymonth", (dtstart.month,))
            by["bymonthday"] = (dtstart.day,)
        elif freq == MONTHLY:
            by["bymonthday"] = (dtstart.day,)
        elif freq == WEEKLY:
            kwargs["byweekday"] = (dtstart.weekday(),)
    by.setdefault("byhour", (dtstart.hour,))
    by.setdefault("byminute", (dtstart.minute,))
    by.setdefault("bysecond", (dtstart.second,))
    if parts.has("BYDAY"):
        kwargs["byweekday"] = tuple(parts.weekdays) + tuple(
            du.weekday(day, n) for day, n in parts.nth_weekdays
        )
    kwargs.update(by)
    return kwargs


def _sparse_daily_as_yearly(parts: RuleParts, kwargs: dict[str, Any]) -> dict[str, Any]:
    """A DAILY rule (HOURLY and MINUTELY included) stepping every day and naming its months
    or days of the month, without BYSETPOS, is the YEARLY rule with the same parts. dateutil
    steps DAILY a day at a time, so "9:00 on every February 29th" would cost four years of
    steps to the next one; YEARLY steps a year at a time. Kept DAILY when a year would hold
    more than MAX_PER_PERIOD occurrences."""
    if kwargs["freq"] != DAILY or kwargs["interval"] != 1 or parts.has("BYSETPOS"):
        return kwargs
    if not (parts.has("BYMONTH") or parts.has("BYMONTHDAY")):
        return kwargs  # at most six days between occurrences: DAILY is the quicker
    yearly = {**kwargs, "freq": YEARLY}
    if "byweekday" not in yearly and "bymonthday" not in yearly:
        yearly["byweekday"] = tuple(range(7))  # every day of the months (not DTSTART's day)
    return yearly if _per_period(parts, yearly) <= MAX_PER_PERIOD else kwargs


def _times_of_day(parts: RuleParts, dtstart: datetime) -> dict[str, tuple[int, ...]]:
    """The hours and minutes an HOURLY or MINUTELY rule reaches from DTSTART."""
    n = parts.interval
    if parts.freq == HOURLY:
        hours = tuple(h for h in parts.by("BYHOUR") or range(24) if (h - dtstart.hour) % n == 0)
        if not hours:
            raise RuleError(
                f"never fires: every {n} hours from start_at's hour ({dtstart.hour}) never "
                "reaches BYHOUR"
            )
        return {"byhour": hours}
    minutes = tuple(m for m in parts.by("BYMINUTE") or range(60) if (m - dtstart.minute) % n == 0)
    if not minutes:
        raise RuleError(
            f"never fires: every {n} minutes from start_at's minute ({dtstart.minute}) never "
            "reaches BYMINUTE"
        )
    return {"byhour": parts.by("BYHOUR") or tuple(range(24)), "byminute": minutes}


def _until_instant(value: str, zone: ZoneInfo) -> datetime:
    """UNTIL as the last instant that may fire: a UTC date-time as is, a local one in the
    zone, a date through the end of that day in the zone."""
    day, at, utc = until_parts(value)
    if at is None:
        end = datetime.combine(day, time()) + timedelta(days=1)
        return wall_to_instant(end, zone) - timedelta(microseconds=1)
    moment = datetime.combine(day, at)
    return moment.replace(tzinfo=UTC) if utc else wall_to_instant(moment, zone)


# ---------------------------------------------------------------------------------------------
# Checks that need DTSTART


def _per_period(parts: RuleParts, kwargs: dict[str, Any]) -> int:
    """At most how many occurrences one period can hold (before BYSETPOS picks)."""

    freq = kwargs["freq"]
    times = len(kwargs["byhour"]) * len(kwargs["byminute"]) * len(kwargs["bysecond"])
    months = len(parts.by("BYMONTH")) or 12
    if freq == YEARLY:
        days = min(366, 31 * months)
        bounds = {
            "BYMONTHDAY": len(parts.by("BYMONTHDAY")) * months,
            "BYYEARDAY": len(parts.by("BYYEARDAY")),
            "BYWEEKNO": 7 * len(parts.by("BYWEEKNO")),
        }
    elif freq == MONTHLY:
        days, bounds = 31, {"BYMONTHDAY": len(parts.by("BYMONTHDAY"))}
    elif freq == WEEKLY:
        days, bounds = 7, {}
    else:
        days, bounds = 1, {}
    for name, bound in bounds.items():
        if parts.has(name):
            days = min(days, bound)
    if parts.has("BYDAY") and freq in (YEARLY, MONTHLY, WEEKLY):
        per_weekday = {YEARLY: 53, MONTHLY: 5, WEEKLY: 1}[freq]
        each = 1 if freq == MONTHLY or not parts.has("BYMONTH") else months
        days = min(days, per_weekday * len(parts.weekdays) + each * len(parts.nth_weekdays))
    return days * times


def _check_with_start(parts: RuleParts, dtstart: datetime, kwargs: dict[str, Any]) -> None:
    period = PERIOD_NAMES[kwargs["freq"]]
    most = _per_period(parts, kwargs)
    if most > MAX_PER_PERIOD:
        raise RuleError(
            f"can fire up to {most:,} times in one {period}; at most {MAX_PER_PERIOD:,} are "
            "accepted: use a shorter FREQ (FREQ=DAILY with the same BY… parts)"
        )
    positions = parts.by("BYSETPOS")
    if positions and all(abs(position) > most for position in positions):
        raise RuleError(
            f"never fires: BYSETPOS asks for occurrence {min(abs(p) for p in positions)} of a "
            f"{period}, which holds at most {most}"
        )
    n = parts.interval
    if parts.freq == DAILY and n % 7 == 0 and parts.weekdays:
        if dtstart.weekday() not in parts.weekdays:
            weekday = dtstart.strftime("%A")
            raise RuleError(
                f"never fires: every {n} days from start_at (a {weekday}) is a {weekday}"
            )
    if parts.freq == MONTHLY and n > 1:
        # every N months from start_at's month visits only some months
        reached = {(dtstart.month - 1 + k * n) % 12 + 1 for k in range(12)}
        months = sorted(reached & set(parts.by("BYMONTH") or reached))
        if not months:
            raise RuleError(f"never fires: every {n} months from start_at never reaches BYMONTH")
        check_days_of(months, parts.by("BYMONTHDAY"))


@lru_cache(maxsize=2048)
def compile_recurrence(rule: str, start_at: datetime, zone_name: str) -> Recurrence:
    """The rule bound to DTSTART = `start_at` (aware) read in the zone; RuleError when it is
    invalid or never fires."""
    parts = parse_rule(rule)
    zone = ZoneInfo(zone_name)
    dtstart = local_naive(start_at, zone).replace(microsecond=0)
    if dtstart.year > 9000:
        raise RuleError("start_at must be before the year 9000")
    recurrence = Recurrence(parts, dtstart, zone)
    _check_with_start(parts, dtstart, recurrence._kwargs)
    if recurrence.until is not None and recurrence.until < start_at:
        raise RuleError("never fires: UNTIL is before start_at")
    try:
        first = next(recurrence.naive_from(dtstart), None)
    except ValueError:  # dateutil: BYHOUR/BYMINUTE never reached with this INTERVAL
        first = None
    if first is None:
        raise RuleError(f"never fires: no occurrence within {HORIZON_YEARS} years of start_at")
    if recurrence.until is not None and wall_to_instant(first, zone) > recurrence.until:
        raise RuleError("never fires: the first occurrence is after UNTIL")
    return recurrence


def default_start(parts: RuleParts, *, now: datetime, zone: ZoneInfo) -> datetime:
    """start_at for a rule given without one: the next whole minute after `now` — the next
    whole hour when the rule names its hours (BYHOUR, or FREQ=HOURLY) but not its minutes.
    So the parts of the time a rule leaves out are zero ("FREQ=DAILY;BYHOUR=9" is 9:00:00,
    "FREQ=HOURLY" on the hour) and COUNT counts from now."""
    local = local_naive(now, zone)
    names_hours = parts.has("BYHOUR") or parts.freq == HOURLY
    names_minutes = parts.has("BYMINUTE") or parts.freq == MINUTELY
    if names_hours and not names_minutes:
        start = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    elif parts.has("BYSECOND") and names_minutes:
        start = local.replace(microsecond=0) + timedelta(seconds=1)
    else:
        start = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return wall_to_instant(start, zone)
