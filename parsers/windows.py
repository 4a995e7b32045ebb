"""Runs inside a time window that cron cannot say in one expression, as the times of a day.

"every 15 minutes from 9:30 to 16:00" starts part-way into an hour and goes on past it: cron's
two fields, minutes and hours, run their cross product (9:00 and 9:15 too). "every 45 minutes
from 9am to 5pm" and "every 90 minutes from 8am to 8pm" step through the hour. Each is still
the same list of times every day it runs, which an RFC 5545 rule says exactly: BYHOUR and
BYMINUTE give the cross product of the day, BYSETPOS picks the times of the list out of it
("the 3rd to the 28th of the day's times": `daytimes.time_parts`). These functions are pure:
the runs of a window as minutes of the day, and cron's fields when cron can say them;
`build.py` decides when to use them.
"""

from __future__ import annotations

import re
from datetime import time
from itertools import pairwise
from typing import Final

from .daytimes import crossed

DAY_MINUTES: Final = 24 * 60


def steps_in_window(start: int, end: int, step: int, *, include_end: bool) -> list[int]:
    """The minutes of the day (0-1439) of runs every `step` minutes from `start` to `end`
    (minutes of the day; an end at or before the start runs past midnight), the end itself
    only with `include_end`. Sorted as a day runs them, from midnight."""
    if step <= 0:
        raise ValueError("a step must be more than zero")
    stop = end if end > start else end + DAY_MINUTES
    last = stop if include_end else stop - 1
    return sorted({minute % DAY_MINUTES for minute in range(start, last + 1, step)})


def cron_fields(minutes_of_day: list[int]) -> tuple[str, str] | None:
    """Cron's minute and hour fields for runs at these minutes of each day, when they are
    the cross product of their hours and minutes; None when cron cannot say them."""
    if not minutes_of_day:
        raise ValueError("no runs")
    if not crossed([time(m // 60, m % 60) for m in minutes_of_day]):
        return None
    hours = sorted({m // 60 for m in minutes_of_day})
    minutes = sorted({m % 60 for m in minutes_of_day})
    return _list(minutes, 60), _list(hours, 24)


def _list(values: list[int], size: int) -> str:
    """A cron field for sorted values: `*`, a step (`*/15`, `5-59/15`), a range or a list."""
    if len(values) == size:
        return "*"
    if len(values) > 1:
        step = values[1] - values[0]
        if all(b - a == step for a, b in pairwise(values)):
            if step == 1 and len(values) > 2:
                return f"{values[0]}-{values[-1]}"
            if step > 1 and size % step == 0 and values[-1] + step >= size and values[0] < step:
                return f"*/{step}" if values[0] == 0 else f"{values[0]}-{size - 1}/{step}"
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ",".join(
        f"{run[0]}-{run[-1]}" if len(run) > 2 else ",".join(map(str, run)) for run in runs
    )


# "every 45 minutes", "every 40 mins": a step in minutes as written
_MINUTE_STEP: Final = re.compile(r"\bevery\s+(\d{1,3})\s*(?:m|mins?|minutes?)\b", re.IGNORECASE)


def uneven_minute_step(text: str) -> int | None:
    """The step of "every 45 minutes" in `text` when it does not divide the hour (45, 40, 90);
    None when there is none or it does (15, 30). Said of a cron job, such a step is two things:
    cron's `*/45` runs at :00 and :45 of each hour, the words mean every 45 minutes on end."""
    found = _MINUTE_STEP.search(text)
    if found is None:
        return None
    step = int(found[1])
    return step if step > 0 and 60 % step != 0 else None
