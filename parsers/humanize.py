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
    common = _common_shape(fields)
    if common is not None:
        return common
    return _described(expression, fields)


def _described(expression: str, fields: list[str]) -> str:
    """What cron-descriptor says of `expression` (its `fields`), with our two phrasings."""
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


_MONTH_LABELS: Final = (
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _number(field: str, low: int, high: int) -> int | None:
    """`field` as a number from `low` to `high`, written plainly ("7", not "07"), or None."""
    if not field.isdigit() or (len(field) > 1 and field[0] == "0"):
        return None
    value = int(field)
    return value if low <= value <= high else None


def _common_shape(fields: list[str]) -> str | None:
    """What cron-descriptor says of the shapes most schedules take — one minute past one hour
    or a list of them; every day, one day of the month, or days of the week (one, a range, a
    list, an nth weekday); every month or one — word for word (tests/parsers/test_speed13.py
    compares them over every such expression), without it: cron-descriptor takes ~100 µs to
    describe an expression it has not seen. None for any other shape."""
    if len(fields) != 5:
        return None
    minute = _number(fields[0], 0, 59)
    hours = [_number(hour, 0, 23) for hour in fields[1].split(",")]
    if minute is None or None in hours:
        return None
    clocks = [
        f"{(hour % 12) or 12:02d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
        for hour in hours
        if hour is not None
    ]
    if len(clocks) == 1:
        text = f"At {clocks[0]}"
    else:  # "At 09:00 AM and 05:00 PM", "At 09:00 AM, 12:00 PM and 05:00 PM"
        text = f"At {', '.join(clocks[:-1])} and {clocks[-1]}"
    monthday, month, weekdays = fields[2], fields[3], fields[4]
    if monthday != "*":
        if weekdays != "*" or (day := _number(monthday, 1, 31)) is None:
            return None  # (a day of the month and of the week: "…, or on Monday")
        text += f", on day {day} of the month"
    elif weekdays != "*":
        said = _weekdays_said(weekdays)
        if said is None:
            return None
        text += said
    if month != "*":
        if (number := _number(month, 1, 12)) is None:
            return None
        text += f", only in {_MONTH_LABELS[number]}"
    return text


def _weekdays_said(field: str) -> str | None:
    """ ", only on Monday", ", Monday through Friday", ", only on Monday, Wednesday, and
    Friday", ", on the first Tuesday of the month"; None for another day-of-week field."""
    if "#" in field:
        day_text, _, nth_text = field.partition("#")
        day, nth = _number(day_text, 0, 7), _number(nth_text, 1, 5)
        if day is None or nth is None:
            return None
        return f", on the {_ORDINALS[nth]} {DAY_LABELS[day % 7]} of the month"
    if "-" in field:
        first_text, _, last_text = field.partition("-")
        first, last = _number(first_text, 0, 7), _number(last_text, 0, 7)
        if first is None or last is None:
            return None
        return f", {DAY_LABELS[first % 7]} through {DAY_LABELS[last % 7]}"
    days = [_number(item, 0, 7) for item in field.split(",")]
    if any(day is None for day in days):
        return None
    names = [DAY_LABELS[day % 7] for day in days if day is not None]
    if len(names) == 1:
        return f", only on {names[0]}"
    if len(names) == 2:
        return f", only on {names[0]} and {names[1]}"
    return f", only on {', '.join(names[:-1])}, and {names[-1]}"


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
