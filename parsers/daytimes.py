"""Several times of day with different minutes in one RFC 5545 rule.

Cron (and an rrule's BYHOUR and BYMINUTE) run every listed minute in every listed hour, so
"7:45am, 12:15pm and 5:30pm" is not one cron expression. An rrule can say it exactly: its
BYHOUR × BYMINUTE cross product, sorted, is each day's set of times, and BYSETPOS keeps the
ones named (7:15 7:30 7:45 | 12:15 12:30 12:45 | 17:15 17:30 17:45 → positions 3, 4 and 8).
BYSETPOS counts within the rule's period (a week of a WEEKLY rule, a month of a MONTHLY one),
so the positions repeat for each day of the period, which must hold the same number of days
every time (`days_per_period`): the two functions below are each other's inverse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import Final

#: most positions one rule may list (a day of 24 times on 7 days: 168)
MAX_POSITIONS: Final = 366
_PLAIN_DAYS: Final = frozenset({"MO", "TU", "WE", "TH", "FR", "SA", "SU"})


def crossed(times: Sequence[time]) -> bool:
    """Whether every minute named goes with every hour named ("9:00, 9:30, 17:00, 17:30"),
    so that BYHOUR and BYMINUTE (or cron's two fields) say the times by themselves."""
    pairs = {(t.hour, t.minute) for t in times}
    return len(pairs) == len({h for h, _ in pairs}) * len({m for _, m in pairs})


def time_parts(times: Sequence[time], days: int = 1) -> list[str]:
    """BYHOUR, BYMINUTE and BYSECOND=0 for the times of day named, and the BYSETPOS that keeps
    only them when their hours and minutes do not cross, for a period of `days` days."""
    pairs = sorted({(t.hour, t.minute) for t in times})
    hours = sorted({h for h, _ in pairs})
    minutes = sorted({m for _, m in pairs})
    parts = [
        "BYHOUR=" + ",".join(map(str, hours)),
        "BYMINUTE=" + ",".join(map(str, minutes)),
        "BYSECOND=0",
    ]
    if len(pairs) == len(hours) * len(minutes):
        return parts
    grid = [(h, m) for h in hours for m in minutes]
    wanted = [grid.index(pair) + 1 for pair in pairs]
    positions = [day * len(grid) + at for day in range(days) for at in wanted]
    if len(positions) > MAX_POSITIONS:
        raise ValueError("too many times of day to list in one rule")
    return [*parts, "BYSETPOS=" + ",".join(map(str, positions))]


def days_per_period(parts: dict[str, str]) -> int | None:
    """How many days each period of the rule holds (the same in every period that holds any),
    so that BYSETPOS may pick times of day in each: one for a DAILY rule (its BYDAY, BYMONTHDAY
    and BYMONTH only filter days), the weekdays of a WEEKLY one, the days a MONTHLY or YEARLY
    rule names when every month has them. None when it varies, or BYSETPOS is already used."""
    if "BYSETPOS" in parts or parts.get("FREQ") in (None, "HOURLY", "MINUTELY", "SECONDLY"):
        return None
    freq = parts["FREQ"]
    if freq == "DAILY":
        return 1
    byday = [item for item in parts.get("BYDAY", "").split(",") if item]
    monthdays = [int(item) for item in parts.get("BYMONTHDAY", "").split(",") if item]
    if freq == "WEEKLY":
        if monthdays or "BYMONTH" in parts or not all(day in _PLAIN_DAYS for day in byday):
            return None  # a week across two months, or a date in it: not the same every week
        return max(1, len(byday))
    if "BYEASTER" in parts:
        return 1  # one day a year, Easter's or one a number of days from it
    if "BYWEEKNO" in parts or "BYYEARDAY" in parts:
        return None
    if byday and monthdays:
        return None  # "Friday the 13th": some months have one, most none… but never two
    if len(byday) + len(monthdays) == 1:
        days = 1  # one day a month (or none: "the 31st", "the fifth Monday")
    elif byday:
        numbered = [item[:-2] for item in byday]
        if not all(n.lstrip("+").isdigit() and 1 <= int(n) <= 4 for n in numbered):
            return None  # every Monday (four or five), a fifth or a last one (may coincide)
        days = len(byday)
    elif monthdays:
        if not all(1 <= day <= 28 for day in monthdays):
            return None  # the 30th: not in every month
        days = len(monthdays)
    else:
        return None
    if freq == "YEARLY":
        months = [item for item in parts.get("BYMONTH", "").split(",") if item]
        return days * len(months) if months else None
    return days if freq == "MONTHLY" else None


def picked_times(parts: dict[str, str]) -> list[time] | None:
    """The times of day a rule's BYSETPOS keeps of its BYHOUR × BYMINUTE, the same on each day
    of its period (what `time_parts` wrote); None when its BYSETPOS picks something else."""
    if "BYSETPOS" not in parts or "BYHOUR" not in parts or "BYMINUTE" not in parts:
        return None
    if parts.get("BYSECOND", "0") != "0":
        return None
    try:
        hours = sorted({int(h) for h in parts["BYHOUR"].split(",")})
        minutes = sorted({int(m) for m in parts["BYMINUTE"].split(",")})
        positions = sorted({int(p) for p in parts["BYSETPOS"].split(",")})
    except ValueError:
        return None
    grid = [(h, m) for h in hours for m in minutes]
    if len(grid) < 2 or not positions or positions[0] < 1:
        return None
    days = days_per_period({name: value for name, value in parts.items() if name != "BYSETPOS"})
    if days is None:
        return None
    first_day = [p for p in positions if p <= len(grid)]
    expected = [day * len(grid) + p for day in range(days) for p in first_day]
    if expected != positions:
        return None
    return [time(*grid[p - 1]) for p in first_day]
