"""RFC 5545 rules as the parser writes them: where a series starts.

The parser gives every rrule schedule a DTSTART (`start_at`) at the rule's first
occurrence, so INTERVAL counts from there and the answer never depends on the second the
phrase was typed. python-dateutil steps the rule on the zone's wall clock; a wall time
that does not exist fires at the end of the gap, like cron (`wallclock.to_instant`).
"""

from __future__ import annotations

from datetime import datetime
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
    for wall in islice(_series(rule, after_local), MAX_LOOK):
        if wall < after_local or (wall == after_local and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None


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
