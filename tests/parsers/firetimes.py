"""Fire times of a Schedule dict, computed independently of the parser.

Cron with cronsim (the schedule engine's reference: Debian cron's DST rule); rrule with
python-dateutil on the wall clock of the zone, with the same DST rule written out here (a
wall time that does not exist fires at the end of the gap, one that occurs twice fires
once, the first time). Two schedules that agree here fire at the same instants in
production.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from cronsim import CronSim
from dateutil.rrule import rrulestr

from tests.parsers.corpus import Cron, Every, Expectation, Once

_TINY = timedelta(microseconds=1)


def fire_times(schedule: dict[str, Any], *, after: datetime, count: int = 8) -> list[datetime]:
    """The first `count` instants (UTC) strictly after `after`, honouring start_at/end_at."""
    zone = ZoneInfo(schedule.get("timezone") or "UTC")
    start, end = _instant(schedule.get("start_at")), _instant(schedule.get("end_at"))
    if schedule["type"] != "every" and start is not None and start > after:
        after = start - _TINY  # start_at itself may fire
    times: Iterator[datetime]
    if schedule["type"] == "cron":
        times = (t.astimezone(UTC) for t in CronSim(schedule["expression"], after.astimezone(zone)))
    elif schedule["type"] == "rrule":
        assert start is not None, "an rrule schedule from the parser always has start_at"
        times = rrule_times(str(schedule["rule"]), start, zone, after=after)
    elif schedule["type"] == "every":
        assert start is not None, "an every schedule from the parser always has start_at"
        step = timedelta(seconds=schedule["interval"])
        first = start + step * max(0, (after - start) // step + 1) if start <= after else start
        times = (first + step * k for k in range(count))
    else:
        at = _instant(schedule["datetime"])
        assert at is not None
        times = iter([at] if at > after else [])
    return [t for t in islice(times, count) if end is None or t <= end]


def rrule_times(
    rule: str, start: datetime, zone: ZoneInfo, *, after: datetime
) -> Iterator[datetime]:
    """Occurrences of an RFC 5545 rule (DTSTART = `start` on the zone's wall clock) after
    `after`, as UTC instants, one per wall time."""
    rule = rule.removeprefix("RRULE:")
    dtstart = start.astimezone(zone).replace(tzinfo=None)
    seen: set[datetime] = set()
    for wall in rrulestr(rule, dtstart=dtstart, ignoretz=True):
        if wall in seen:
            continue
        seen.add(wall)
        instant = wall_to_instant(wall, zone)
        if instant > after:
            yield instant


def wall_to_instant(wall: datetime, zone: ZoneInfo) -> datetime:
    """A naive wall time in `zone` as a UTC instant: the first of two, or the end of a gap."""
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap: the first instant after it is the transition itself.
    lo, hi = first - timedelta(hours=3), first
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(zone).replace(tzinfo=None) < wall:
            lo = mid
        else:
            hi = mid
    return hi.replace(microsecond=0)


def expected_schedule(expect: Expectation, *, summer: bool) -> dict[str, Any]:
    """The Schedule dict an expectation stands for in one window."""
    index = 1 if summer else 0
    if isinstance(expect, Cron):
        out: dict[str, Any] = {
            "type": "cron",
            "expression": expect.expression,
            "timezone": expect.zone,
        }
        if expect.start is not None:
            out["start_at"] = _local(expect.start[index], expect.zone)
        if expect.end is not None:
            out["end_at"] = _local(expect.end[index], expect.zone)
        return out
    if isinstance(expect, Every):
        return {
            "type": "every",
            "interval": expect.interval,
            "start_at": _local(expect.first[index], expect.zone),
            "timezone": expect.zone,
        }
    assert isinstance(expect, Once)
    return {
        "type": "at",
        "datetime": _local(expect.at[index], expect.zone),
        "timezone": expect.zone,
    }


def _local(wall: str, zone: str) -> str:
    fmt = "%Y-%m-%d %H:%M:%S" if wall.count(":") == 2 else "%Y-%m-%d %H:%M"
    local = datetime.strptime(wall, fmt).replace(tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC).isoformat()


def _instant(value: object) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
