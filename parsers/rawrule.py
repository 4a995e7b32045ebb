"""An RFC 5545 rule typed as the schedule: "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9" or
the same without "RRULE:" (how Prefect, Google Calendar exports and iCal files write it).

The rule is read by python-dateutil as it stands; what it leaves to DTSTART is written out
so the series does not depend on the second it was typed: BYSECOND=0; BYMINUTE=0 for
hourly and coarser rules without one; BYHOUR=9 (noted, and asked about like any assumed
time) for daily and coarser rules without one. DTSTART is the first occurrence from now.
A rule that is not one RRULE value (DTSTART, EXDATE, several lines) is refused.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from .phrase import Rejected
from .recurrence import first_occurrence
from .wallclock import iso_z

_RULE: Final = re.compile(
    r"^\s*(?:RRULE\s*:\s*)?((?:[A-Z]+=[^;\s]+;)*FREQ=[A-Z]+(?:;[A-Z]+=[^;\s]+)*);?\s*$",
    re.IGNORECASE,
)
_LOOKS_LIKE_RULE: Final = re.compile(r"^\s*(?:RRULE\s*:|FREQ\s*=)", re.IGNORECASE)
_COARSE: Final = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
ASSUMED_TIME_CONFIDENCE: Final = 0.75


def looks_like_rule(text: str) -> bool:
    return _LOOKS_LIKE_RULE.match(text) is not None


def read_rule(
    text: str, zone: ZoneInfo, zone_name: str, now: datetime
) -> tuple[dict[str, str], float, tuple[str, ...]] | None:
    """(the rrule schedule, confidence, notes) when `text` is one RRULE value; None when it
    does not look like one; Rejected when it does but cannot be a schedule."""
    if not looks_like_rule(text):
        return None
    match = _RULE.match(text)
    if match is None:
        raise Rejected(
            "only one RRULE value is read (no DTSTART, EXDATE or other lines)",
            "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0",
        )
    rule = match.group(1).upper()
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    freq = parts["FREQ"]
    for name in ("INTERVAL", "COUNT"):
        if name in parts and not _counts(parts[name]):
            raise Rejected(f"{name}={parts[name]} is not a whole number from 1")
    notes: list[str] = ["RRULE passed through"]
    confidence = 1.0
    added: list[str] = []
    if freq in _COARSE and "BYHOUR" not in parts:
        added.append("BYHOUR=9")
        notes.append("no time given: 9:00 AM assumed")
        confidence = ASSUMED_TIME_CONFIDENCE
    if freq in (*_COARSE, "HOURLY") and "BYMINUTE" not in parts:
        added.append("BYMINUTE=0")
    if freq != "SECONDLY" and "BYSECOND" not in parts:
        added.append("BYSECOND=0")
    full = ";".join([rule, *added])
    # the series starts at its first occurrence after now: INTERVAL and COUNT count from it
    simple = ";".join(p for p in full.split(";") if p.split("=")[0] not in ("INTERVAL", "COUNT"))
    local_now = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    try:
        first = first_occurrence(simple, zone, local_now, now)
    except (ValueError, TypeError, IndexError) as error:  # IndexError: BYEASTER past the year
        raise Rejected(f"{rule!r} is not a valid RRULE ({error})") from None
    if first is None:
        raise Rejected("that rule never comes round after now")
    schedule = {"type": "rrule", "rule": full, "start_at": iso_z(first), "timezone": zone_name}
    return schedule, confidence, tuple(notes)


def _counts(value: str) -> bool:
    """Whether an INTERVAL or COUNT is a whole number from 1: the series is checked without
    them (it starts at its first occurrence from now), so they are checked here, as written."""
    return value.isascii() and value.isdigit() and int(value) >= 1
