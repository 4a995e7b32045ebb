"""Wall-clock arithmetic: from a date and a time in a zone to an instant, and back."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .lexicon import DAY_LABELS, MONTH_LABELS

_MINUTE = timedelta(minutes=1)


def to_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall time `at` on `day` in `zone`.

    A time that occurs twice (clocks fall back) is the first one; a time that does not
    exist (clocks spring forward) becomes the first instant after the gap, the rule the
    schedule engine uses for cron.
    """
    local = datetime.combine(day, at, tzinfo=zone)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None):
        return instant
    # In a gap zoneinfo reads the wall time with the offset from before the change,
    # which lands after the gap by as long as we were into it: walk back to its end.
    wall = local.replace(tzinfo=None)
    while (instant - _MINUTE).astimezone(zone).replace(tzinfo=None) > wall:
        instant -= _MINUTE
    return instant


# Dates and times are written with f-strings, not strftime: strftime goes through the C
# library (3 µs for "%A", where a tuple lookup is 0.1 µs), and every answer writes some.
# The names are the C locale's, which is what strftime gives here (nothing sets a locale).


def iso_z(instant: datetime) -> str:
    """ "2026-04-01T09:00:00Z": the API's form of an instant."""
    u = instant.astimezone(UTC)
    return f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}Z"


def long_date(day: date) -> str:
    """ "Wednesday 14 January 2026"."""
    return f"{day_month(day)} {day.year}"


def day_month(day: date) -> str:
    """ "Wednesday 14 January"."""
    return f"{DAY_LABELS[day.isoweekday() % 7]} {day.day} {MONTH_LABELS[day.month]}"


def hh_mm(moment: datetime | time) -> str:
    """ "09:05": a wall time on the 24-hour clock."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of shorter months."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if not 1 <= year <= 9999:
        # "for 1000000 years": past the calendar, as date + timedelta says it (every way in
        # refuses an OverflowError as a date out of range)
        raise OverflowError(f"year {year} is out of range")
    return day.replace(year=year, month=month, day=min(day.day, days_in_month(year, month)))


def cron_weekday(day: date) -> int:
    """The day of the week in cron's numbering: 0 is Sunday."""
    return day.isoweekday() % 7


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def ceil_minute(instant: datetime) -> datetime:
    """The next whole minute at or after `instant`."""
    floor = instant.replace(second=0, microsecond=0)
    return floor if floor == instant else floor + _MINUTE


def meridiem_hour(hour: int, meridiem: str) -> int | None:
    """The hour on the 24-hour clock of `hour` said with "am" or "pm"; None when there is none.

    An hour past 12 with "pm" ("23pm", "19pm") says the same hour twice, and is that hour, as
    people who write it mean; with "am" ("15am") the two disagree, and there is no answer.
    "00 am" is midnight, as 12 am is.
    """
    if hour == 0 and meridiem == "am":
        return 0
    if 1 <= hour <= 12:
        return hour % 12 + (12 if meridiem == "pm" else 0)
    if 13 <= hour <= 23 and meridiem == "pm":
        return hour
    return None
