"""RFC 5545 rules as the parser writes them: where a series starts.

The parser gives every rrule schedule a DTSTART (`start_at`) at the rule's first
occurrence, so INTERVAL counts from there and the answer never depends on the second the
phrase was typed. python-dateutil steps the rule on the zone's wall clock; a wall time
that does not exist fires at the end of the gap, like cron (`wallclock.to_instant`).
"""

from __future__ import annotations

from datetime import datetime
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from .wallclock import to_instant

MAX_LOOK: int = 2000  # occurrences looked at before giving up (BYSETPOS rules are sparse)


def first_occurrence(
    rule: str, zone: ZoneInfo, after_local: datetime, now: datetime, *, inclusive: bool = False
) -> datetime | None:
    """The first occurrence of `rule` (DTSTART = `after_local`, naive wall time) that lies
    after both `after_local` (or at it, with `inclusive`) and the instant `now`, as a UTC
    instant; None if none comes."""
    for wall in islice(rrulestr(rule, dtstart=after_local, ignoretz=True), MAX_LOOK):
        if wall < after_local or (wall == after_local and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None
