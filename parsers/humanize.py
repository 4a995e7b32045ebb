"""Schedules in words: "At 09:00 AM, Monday through Friday, Pacific Time".

Cron is described by cron-descriptor, with two of its phrasings replaced: an hour
range reads "between 09:00 AM and 05:59 PM" (true of the minutes, misleading for a
job that runs on the hour), and lists of nth weekdays come out garbled
("on the  Monday and Monday of the month").
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Any, Final
from zoneinfo import ZoneInfo

from cron_descriptor import CasingTypeEnum, ExpressionDescriptor, Options
from cron_descriptor.ExpressionParser import ExpressionParser
from cron_descriptor.GetText import GetText

from .lexicon import DAY_LABELS
from .recurrence_text import describe_rrule
from .wallclock import hh_mm, long_date
from .zones import friendly_name

_ORDINALS: Final = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
_UNITS: Final = (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


def describe(schedule: dict[str, Any]) -> str:
    """A sentence for a Schedule dict (cron, every, at or rrule), naming its zone."""
    kind = schedule.get("type")
    if kind == "rrule":
        return describe_rrule(schedule)
    zone = str(schedule.get("timezone") or "UTC")
    if kind == "cron":
        text = f"{describe_cron(str(schedule['expression']))}, {friendly_name(zone)}"
        return text + _bounds(schedule, zone)
    if kind == "every":
        text = _describe_every(int(schedule["interval"]), schedule.get("start_at"), zone)
        runs = _runs(schedule)
        if runs is not None:  # it ends at a run: say how many ("every 90 minutes, 4 times")
            return f"{text}, {runs} times"
        return text + _bounds({"end_at": schedule.get("end_at")}, zone)
    if kind == "at":
        local = _parse_instant(str(schedule["datetime"])).astimezone(ZoneInfo(zone))
        # a one-off may fall on a second ("at 17:25:30", "in 30 seconds"): it is shown
        clock = hh_mm(local) + (f":{local.second:02d}" if local.second else "")
        return f"Once, on {long_date(local)} at {clock} ({friendly_name(zone)})"
    raise ValueError(f"unknown schedule type {kind!r}")


_LEADING_ZEROS: Final = re.compile(r"\b0+(?=\d)")


# 4096: room for every expression a busy service describes in a day (the outside corpus alone
# holds 1,680; at 1024 a pass over it missed 1,489 times, ~100 µs each, a tenth of its time)
@lru_cache(maxsize=4096)
def describe_cron(expression: str) -> str:
    """ "At 09:00 AM, Monday through Friday" (no zone)."""
    fields = expression.split()
    if len(fields) > 4 and "0" in fields[4]:
        # "1-007", "07": cron-descriptor takes 7 for Sunday only when written "7" (and raises
        # on "07"): the days of the week without their leading zeros
        fields[4] = _LEADING_ZEROS.sub("", fields[4])
        expression = " ".join(fields)
    options = Options()
    options.casing_type = CasingTypeEnum.Sentence
    descriptor = Describer(expression, options)
    time_part = _hour_range(fields[0], fields[1]) or descriptor.get_time_of_day_description()
    weekday_part = _nth_weekdays(fields[4]) or descriptor.get_day_of_week_description()
    text = (
        time_part
        + (_days_with_last(fields[2]) or descriptor.get_day_of_month_description())
        + weekday_part
        + descriptor.get_month_description()
    )
    text = descriptor.transform_verbosity(text, use_verbose_format=False)
    return ExpressionDescriptor.transform_case(text, CasingTypeEnum.Sentence)


class Describer(ExpressionDescriptor):
    """cron-descriptor's describer sharing one message catalogue: its own `__init__` opens and
    parses the catalogue file for every expression (~100 µs, more than the rest of a new
    sentence's reading)."""

    def __init__(self, expression: str, options: Options) -> None:
        self._expression = expression
        self._options = options
        self.get_text = _catalogue(options.locale_code, options.locale_location)
        self._expression_parts = ExpressionParser(expression, options).parse()


@lru_cache(maxsize=4)
def _catalogue(locale_code: str, locale_location: str | None) -> GetText:
    return GetText(locale_code, locale_location)


def _hour_range(minute: str, hour: str) -> str | None:
    """ "Every hour from 09:00 AM to 05:00 PM" for `0 9-17`, `0 9-17/2`."""
    if not minute.isdigit() or "-" not in hour or "," in hour:
        return None
    span, _, step = hour.partition("/")
    first, last = (int(h) for h in span.split("-"))
    every = f"Every {step} hours" if step and step != "1" else "Every hour"
    if step and step != "1":
        last = first + (last - first) // int(step) * int(step)
    return f"{every} from {_clock(first, int(minute))} to {_clock(last, int(minute))}"


def _days_with_last(field: str) -> str | None:
    """ ", on day 15 and the last day of the month" for `15,L` (cron_descriptor says "L")."""
    if "," not in field or "L" not in field.split(","):
        return None
    days = [item for item in field.split(",") if item != "L"]
    return f", on day {', '.join(days)} and the last day of the month"


def _nth_weekdays(field: str) -> str | None:
    if "," not in field or ("#" not in field and "L" not in field):
        return None
    parts = []
    for item in field.split(","):
        if item.endswith("L"):
            parts.append(f"the last {DAY_LABELS[int(item[:-1]) % 7]}")
        elif "#" in item:
            day, nth = item.split("#")
            parts.append(f"the {_ORDINALS[int(nth)]} {DAY_LABELS[int(day) % 7]}")
        else:
            return None
    return f", on {' and '.join(parts)} of the month"


def _bounds(schedule: dict[str, Any], zone: str) -> str:
    text = ""
    for key, word in (("start_at", "starting"), ("end_at", "until")):
        if schedule.get(key):
            local = _parse_instant(str(schedule[key])).astimezone(ZoneInfo(zone))
            text += f", {word} {long_date(local)}"
    return text


def _runs(schedule: dict[str, Any]) -> int | None:
    """How many runs an `every` schedule makes when it ends on one of them, else None."""
    start, end = schedule.get("start_at"), schedule.get("end_at")
    if not (start and end):
        return None
    span = (_parse_instant(str(end)) - _parse_instant(str(start))).total_seconds()
    runs, left = divmod(span, int(schedule["interval"]))
    return int(runs) + 1 if not left and runs >= 1 else None


def _describe_every(seconds: int, start_at: object, zone: str) -> str:
    unit, size = next((unit, size) for unit, size in _UNITS if seconds % size == 0)
    count = seconds // size
    text = f"Every {unit}" if count == 1 else f"Every {count} {unit}s"
    if start_at is None:
        return text
    local = _parse_instant(str(start_at)).astimezone(ZoneInfo(zone))
    if seconds % 86400 == 0:
        return (
            f"{text} at {_clock(local.hour, local.minute)}, "
            f"starting {long_date(local)}, {friendly_name(zone)}"
        )
    return f"{text}, starting {long_date(local)} at {hh_mm(local)} ({friendly_name(zone)})"


def _clock(hour: int, minute: int) -> str:
    return f"{hour % 12 or 12:02d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def _parse_instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
