"""The times of day a schedule runs at — one reading for every caller.

A cron expression names its times as hours × minutes; an RRULE as BYHOUR × BYMINUTE, less
what its BYSETPOS leaves out ("weekdays at 7:45am, 12:15pm and 5:30pm" is a 3 × 3 grid of
which BYSETPOS keeps three: `daytimes.picked_times`), or, naming no hour, its start's time of
day (RFC 5545); a one-time schedule its instant on its zone's wall clock. The salvage step
compares two readings by their times of day and the edits move them ("an hour later"): both
read them here, so a rule means the same to both.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from .daytimes import picked_times
from .recurrence_text import rule_parts

_DIGITS: Final = re.compile(r"^\d+(?:,\d+)*$")
_DAY_FREQS: Final = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})

Times = tuple[tuple[int, int], ...]


def local_start(schedule: dict[str, Any]) -> datetime | None:
    """A schedule's ``start_at`` on the wall clock of its zone, or None without one."""
    raw = schedule.get("start_at")
    if not isinstance(raw, str):
        return None
    try:
        start = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        zone = ZoneInfo(schedule.get("timezone") or "UTC")
    except (ValueError, KeyError):
        return None
    return start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)


def _grid(hours: str, minutes: str) -> Times | None:
    if not (_DIGITS.match(hours) and _DIGITS.match(minutes)):
        return None
    return tuple(sorted({(int(h), int(m)) for h in hours.split(",") for m in minutes.split(",")}))


def times_of_day(schedule: dict[str, Any] | None) -> Times | None:
    """The (hour, minute) pairs a schedule runs at, sorted, on its zone's wall clock, when it
    runs at a few fixed times of day; None when it does not (every 15 minutes, hourly from 9
    to 5, a rule whose BYSETPOS picks something other than times of day) or is not a schedule
    read here."""
    kind = (schedule or {}).get("type")
    if schedule is None or kind is None:
        return None
    if kind == "cron":
        fields = str(schedule.get("expression", "")).split()
        return _grid(fields[1], fields[0]) if len(fields) == 5 else None
    if kind == "rrule":
        parts = rule_parts(str(schedule.get("rule", "")))
        hours, minutes = parts.get("BYHOUR"), parts.get("BYMINUTE")
        if "BYSETPOS" in parts:
            picked = picked_times(parts)
            return None if picked is None else tuple((t.hour, t.minute) for t in picked)
        if hours:
            return _grid(hours, minutes or "0")
        start = local_start(schedule)
        if minutes is None and parts.get("FREQ") in _DAY_FREQS and start is not None:
            return ((start.hour, start.minute),)  # no BYHOUR: its start's time of day
        return None
    if kind == "at":
        try:
            at = datetime.fromisoformat(str(schedule["datetime"]).replace("Z", "+00:00"))
            local = at.astimezone(ZoneInfo(str(schedule.get("timezone") or "UTC")))
        except (KeyError, ValueError):
            return None
        return ((local.hour, local.minute),)
    return None
