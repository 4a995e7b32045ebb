"""Whether a frequency word that names a thing ("the weekly report", "a daily digest") agrees
with the schedule said beside it.

In "submit the weekly status report every Friday at 4pm" the schedule is "every Friday at
4pm"; "weekly" names the report, and says no more than the schedule does. When it says the
same (or less: "the daily digest every weekday" runs on fewer days than daily), the word is
the task's and the answer need not ask. When it says something else ("send the monthly
report every Monday"), one of the two may be wrong, and the answer asks.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from .phrase import Phrase

_WEEKS: Final = {"weekly": 1, "biweekly": 2, "fortnightly": 2, "triweekly": 3}
_QUARTER_STEP: Final = 3


def agrees(word: str, phrase: Phrase) -> bool:
    """Whether the frequency `word` ("daily", "weekly", …) says what `phrase` (the schedule
    read from the other words) says, or less. A phrase that runs once agrees with none."""
    p = phrase
    if p.has_offset or p.instant is not None or p.day_offset is not None:
        return False
    if p.dates and not (p.every and all(year is None for year, _, _ in p.dates)):
        return False  # a date that comes once ("on May 1 2027", "on May 1")
    interval = p.interval
    if word == "hourly":
        return interval == (1, "hour")
    if word in ("daily", "nightly"):
        # every day, or most of the week ("every weekday"): not "every Monday"
        return not (p.nth or p.monthdays or p.months) and (
            interval == (1, "day") or (interval is None and p.every and len(p.weekdays) >= 5)
        )
    if word in _WEEKS:
        weeks = _WEEKS[word]
        if p.nth or p.monthdays:
            return False
        if interval == (weeks, "week"):
            return True
        # "every Friday": weekly; "every other Friday" has its interval
        return weeks == 1 and interval is None and p.every and len(p.weekdays) == 1
    if word == "monthly":
        # "on the 1st", "the first Monday", "every month on the 15th"; not in some months only
        return not (p.weekdays or p.months) and (
            interval == (1, "month") or (interval is None and bool(p.monthdays or p.nth))
        )
    if word == "quarterly":
        months = sorted(p.months)
        spaced = len(months) == 4 and all(b - a == _QUARTER_STEP for a, b in pairwise(months))
        return p.quarter or interval == (3, "month") or (interval is None and spaced)
    if word == "yearly":
        return interval == (1, "year") or (
            interval is None and len(p.months) == 1 and bool(p.monthdays or p.nth)
        )  # "every year on May 1", "the first Monday of May"
    return False


def one_month_a_quarter(months: list[int]) -> bool:
    """Whether `months` are one month of each calendar quarter, three months apart
    ("January, April, July, October"; "Mar, Jun, Sep, Dec"): the months a quarterly
    schedule beside them runs in, said outright."""
    ordered = sorted(set(months))
    return len(ordered) == 4 and all(b - a == _QUARTER_STEP for a, b in pairwise(ordered))


_STEP_SECONDS: Final = {"second": 1, "minute": 60, "hour": 3600}


def runs_in_span(interval: tuple[float, str] | None, seconds: float, months: int = 0) -> int | None:
    """How many runs "every 5 minutes for 20 minutes" means: the span (`seconds`, shorter than
    a day) over the interval (4), when a sub-daily interval was said and divides the span into
    two runs or more; else None (the span is then no bound: "every day, meditate for 20
    minutes" says how long the task takes)."""
    if interval is None or months or not 0 < seconds < 86400:
        return None
    count, unit = interval
    step = _STEP_SECONDS.get(unit, 0) * count
    if step <= 0 or step != int(step) or seconds % step:
        return None
    runs = int(seconds // step)
    return runs if runs >= 2 else None


def unsaid_monthly_span(phrase: Phrase) -> bool:
    """Whether `phrase` names three or more days of the month in a row ("from the 10th to the
    13th", "the 8th to 11th") and nothing that makes them monthly ("every", "of each month",
    "monthly", a month): a stay of some days, or the same days every month — the words do not
    say which (a job described as running on them is read elsewhere as monthly)."""
    days = phrase.monthdays
    in_a_row = len(days) >= 3 and all(
        isinstance(day, int) and day == days[0] + k for k, day in enumerate(days)
    )
    return in_a_row and not (
        phrase.every or phrase.of_month or phrase.interval or phrase.months or phrase.dates
    )
