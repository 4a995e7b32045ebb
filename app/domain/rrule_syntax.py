"""The text of an RFC 5545 recurrence rule (an RRULE value), checked part by part.

`parse_rule` says exactly what is wrong with a rule, for the field `schedule.rule`: syntax,
ranges, RFC 5545's rules on which parts go with which FREQ, DTSTART or EXDATE inside the rule,
and the days that never come (February 30th). What needs DTSTART — does the rule ever fire
from it, how much can one period hold — is checked in recurrence.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from typing import Final

MAX_RULE_LENGTH: Final = 500
MAX_COUNT: Final = 1000
MAX_INTERVAL: Final = 1000

FREQUENCIES: Final = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY")
YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY = range(6)  # dateutil's own numbers
WEEKDAY_CODES: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_PARTS: Final = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "BYSETPOS",
    "WKST",
    "BYEASTER",  # dateutil's extension: days from Western Easter Sunday ("every Good Friday")
)
# part -> (lowest, highest, may be negative)
_NUMBER_PARTS: Final = {
    "BYMONTH": (1, 12, False),
    "BYWEEKNO": (1, 53, True),
    "BYYEARDAY": (1, 366, True),
    "BYMONTHDAY": (1, 31, True),
    "BYHOUR": (0, 23, False),
    "BYMINUTE": (0, 59, False),
    "BYSECOND": (0, 59, False),
    "BYSETPOS": (1, 366, True),
    "BYEASTER": (0, 365, True),
}
_MONTH_NAMES: Final = (
    "January February March April May June July August September October November December"
).split()
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: leap years
_INTEGER = re.compile(r"[+-]?\d{1,4}")
_DAY_ITEM = re.compile(r"([+-]?\d{1,2})?([A-Z]{2})")
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")
SECONDLY_REASON: Final = (
    "FREQ=SECONDLY is not supported: an interval in seconds is the every type, "
    '{"type": "every", "interval": N}'
)
EXAMPLE: Final = "FREQ=WEEKLY;BYDAY=TU;BYHOUR=15;BYMINUTE=0"


class RuleError(ValueError):
    """A recurrence rule is not acceptable; `reason` says why, for the field `schedule.rule`."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class RuleParts:
    """A checked rule, before anything is taken from DTSTART."""

    text: str  # as stored: upper case, no "RRULE:", no spaces
    freq: int
    interval: int = 1
    count: int | None = None
    until: str | None = None  # the raw value; its meaning depends on the zone
    wkst: int = 0  # Monday, RFC 5545's default
    numbers: tuple[tuple[str, tuple[int, ...]], ...] = ()  # BYxxx parts other than BYDAY
    weekdays: tuple[int, ...] = ()  # BYDAY without a number (Monday=0)
    nth_weekdays: tuple[tuple[int, int], ...] = ()  # BYDAY with one: (weekday, n)

    def by(self, name: str) -> tuple[int, ...]:
        return next((values for key, values in self.numbers if key == name), ())

    def has(self, name: str) -> bool:
        if name == "BYDAY":
            return bool(self.weekdays or self.nth_weekdays)
        return any(key == name for key, _ in self.numbers)


def parse_rule(rule: object) -> RuleParts:
    """The rule's parts, or RuleError saying exactly what is wrong."""
    if not isinstance(rule, str) or not rule.strip():
        raise RuleError(f"must be an RFC 5545 recurrence rule such as {EXAMPLE!r}")
    if len(rule) > MAX_RULE_LENGTH:
        raise RuleError(f"is longer than {MAX_RULE_LENGTH} characters")
    return _parse(rule)


@lru_cache(maxsize=4096)
def _parse(rule: str) -> RuleParts:
    text = "".join(rule.split()).upper()  # also joins a folded line
    if not text.isascii() or not text.isprintable():
        raise RuleError("contains characters that cannot be part of a rule")
    if "DTSTART" in text:
        raise RuleError("DTSTART does not go in the rule: send it as start_at")
    for name in ("RDATE", "EXDATE", "EXRULE"):
        if name in text:
            raise RuleError(f"{name} is not supported: send one RRULE (skip dates with exclusions)")
    text = text.removeprefix("RRULE:").rstrip(";")
    if ":" in text:
        raise RuleError(f"send one RRULE value, such as {EXAMPLE!r}")
    values: dict[str, str] = {}
    for item in text.split(";"):
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise RuleError(f"{_clip(item)!r} is not NAME=VALUE")
        if name not in _PARTS:
            raise RuleError(
                f"unknown part {_clip(name)!r}; expected FREQ, INTERVAL, COUNT, UNTIL, WKST, "
                "BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY, BYHOUR, BYMINUTE, BYSECOND, "
                "BYSETPOS or BYEASTER"
            )
        if name in values:
            raise RuleError(f"{name} is given twice")
        if not value:
            raise RuleError(f"{name} has no value")
        values[name] = value
    freq = _freq(values.get("FREQ"))
    count = _whole(values, "COUNT", MAX_COUNT)
    until = values.get("UNTIL")
    if count is not None and until is not None:
        raise RuleError("COUNT and UNTIL cannot both be given (RFC 5545): choose one")
    if until is not None:
        until_parts(until)
    wkst = values.get("WKST", "MO")
    if wkst not in WEEKDAY_CODES:
        raise RuleError(f"WKST must be one of {', '.join(WEEKDAY_CODES)}")
    numbers = tuple(
        (name, _numbers(name, values[name])) for name in _NUMBER_PARTS if name in values
    )
    weekdays, nth = _weekdays(values.get("BYDAY"), freq, values)
    interval = _whole(values, "INTERVAL", MAX_INTERVAL) or 1
    if freq in (HOURLY, MINUTELY):
        _check_sub_daily(freq, interval, values)
    parts = RuleParts(
        text=text,
        freq=freq,
        interval=interval,
        count=count,
        until=until,
        wkst=WEEKDAY_CODES.index(wkst),
        numbers=numbers,
        weekdays=weekdays,
        nth_weekdays=nth,
    )
    _check_combination(parts)
    return parts


def _check_sub_daily(freq: int, interval: int, values: dict[str, str]) -> None:
    unit, span = ("hours", 24) if freq == HOURLY else ("minutes", 60)
    if span % interval:
        divisors = ", ".join(str(n) for n in range(1, span + 1) if span % n == 0)
        raise RuleError(
            f"FREQ={FREQUENCIES[freq]} takes an INTERVAL that divides {span} ({divisors}), so "
            f"that its times are the same every {'day' if freq == HOURLY else 'hour'}; for "
            f'every {interval} {unit} in real time use {{"type": "every", "interval": '
            f"{interval * (3600 if freq == HOURLY else 60)}}}"
        )
    if "BYSETPOS" in values:
        raise RuleError("BYSETPOS is supported with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY")


def _clip(text: str) -> str:
    return text if len(text) <= 24 else text[:24] + "…"


def _freq(value: str | None) -> int:
    if value is None:
        raise RuleError(f"FREQ is required ({', '.join(FREQUENCIES)})")
    if value == "SECONDLY":
        raise RuleError(SECONDLY_REASON)
    if value not in FREQUENCIES:
        raise RuleError(f"FREQ must be one of {', '.join(FREQUENCIES)}")
    return FREQUENCIES.index(value)


def _whole(values: dict[str, str], name: str, highest: int) -> int | None:
    value = values.get(name)
    if value is None:
        return None
    if not (value.isdigit() and len(value) <= 6 and 1 <= int(value) <= highest):
        raise RuleError(f"{name} must be a whole number from 1 to {highest}")
    return int(value)


def until_parts(value: str) -> tuple[date, time | None, bool]:
    """UNTIL as (date, time or None for a date, UTC?)."""
    match = _UNTIL.fullmatch(value)
    reason = "UNTIL must be a date (20271231) or a UTC date-time (20271231T235959Z)"
    if match is None:
        raise RuleError(reason)
    year, month, day, hour, minute, second, utc = match.groups()
    try:
        day_value = date(int(year), int(month), int(day))
        at = None if hour is None else time(int(hour), int(minute), int(second))
    except ValueError:
        raise RuleError(reason) from None
    if not 1900 <= day_value.year < 9000:  # the years any instant may name (schedule.py)
        raise RuleError("UNTIL must lie between 1900 and 8999")
    return day_value, at, bool(utc)


def _numbers(name: str, value: str) -> tuple[int, ...]:
    lowest, highest, signed = _NUMBER_PARTS[name]
    out = set()
    for item in value.split(","):
        if not _INTEGER.fullmatch(item) or (not signed and item[0] in "+-"):
            raise RuleError(f"{name} {_clip(item)!r} is not a whole number")
        number = int(item)
        if not lowest <= abs(number) <= highest or (number < 0 and not signed):
            span = f"{lowest} to {highest}" + (f" or -{highest} to -1" if signed else "")
            raise RuleError(f"{name} {number} is out of range ({span})")
        out.add(number)
    return tuple(sorted(out))


def _weekdays(
    value: str | None, freq: int, values: dict[str, str]
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    if value is None:
        return (), ()
    plain: set[int] = set()
    nth: set[tuple[int, int]] = set()
    in_month = freq == MONTHLY or "BYMONTH" in values
    for item in value.split(","):
        match = _DAY_ITEM.fullmatch(item)
        if match is None or match.group(2) not in WEEKDAY_CODES:
            raise RuleError(f"BYDAY {_clip(item)!r} is not a day (MO, TU, … SU, or 2TU, -1FR)")
        number, code = match.groups()
        weekday = WEEKDAY_CODES.index(code)
        if number is None:
            plain.add(weekday)
            continue
        n = int(number)
        if freq not in (MONTHLY, YEARLY):
            raise RuleError(
                f"BYDAY {item}: a numbered day (the 2nd Tuesday) needs FREQ=MONTHLY or YEARLY"
            )
        if "BYWEEKNO" in values:
            raise RuleError(f"BYDAY {item}: a numbered day cannot be combined with BYWEEKNO")
        highest = 5 if in_month else 53
        if not 1 <= abs(n) <= highest:
            where = "month" if in_month else "year"
            raise RuleError(f"BYDAY {item}: a {where} has at most {highest} of each weekday")
        nth.add((weekday, n))
    return tuple(sorted(plain)), tuple(sorted(nth))


def _check_combination(parts: RuleParts) -> None:
    """RFC 5545's rules on which parts go with which FREQ, and days that never come."""
    freq = FREQUENCIES[parts.freq]
    if parts.has("BYMONTHDAY") and parts.freq == WEEKLY:
        raise RuleError("BYMONTHDAY does not apply to FREQ=WEEKLY (RFC 5545)")
    for name in ("BYWEEKNO", "BYYEARDAY"):
        if parts.has(name) and parts.freq != YEARLY:
            raise RuleError(f"{name} is supported with FREQ=YEARLY only (not {freq})")
    if parts.has("BYEASTER"):
        # dateutil's BYEASTER (days from Western Easter Sunday) with other day parts takes
        # their intersection, which is almost never what was meant: a day a year and its times
        others = [name for name in _DAY_PARTS if parts.has(name)]
        if parts.freq != YEARLY or others or len(parts.by("BYEASTER")) != 1:
            raise RuleError(
                "BYEASTER goes with FREQ=YEARLY, one number of days from Easter Sunday and the "
                "time of day only (FREQ=YEARLY;BYEASTER=-2 is Good Friday)"
            )
    if parts.has("BYSETPOS") and not any(
        parts.has(name) for name in _PARTS if name.startswith("BY") and name != "BYSETPOS"
    ):
        raise RuleError("BYSETPOS needs another BY… part to choose among (RFC 5545)")
    check_days_of(parts.by("BYMONTH") or range(1, 13), parts.by("BYMONTHDAY"))


_DAY_PARTS: Final = ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS")


def check_days_of(months: Sequence[int], monthdays: Sequence[int]) -> None:
    """February has no day 30: refuse a rule whose months never have its days."""
    if not monthdays or any(
        abs(day) <= _MONTH_DAYS[month - 1] for month in months for day in monthdays
    ):
        return
    names = ", ".join(_MONTH_NAMES[month - 1] for month in months[:4])
    names += ", …" if len(months) > 4 else ""
    have = "has" if len(months) == 1 else "have"
    days = ", ".join(str(day) for day in monthdays[:4])
    raise RuleError(f"never fires: {names} {have} no day {days}")
