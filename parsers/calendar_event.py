"""systemd's calendar events typed as the schedule: "Mon..Fri *-*-* 09:00:00", "*-*-01 00:00",
"Sat *-1..7 15:00" (the first Saturday), "OnCalendar=weekly" (Monday at midnight, systemd's
reading, not cron's Sunday).

Read only when the text is written the systemd way (a date part with "*" or "..", or the
"OnCalendar=" prefix), so plain words are left to the grammar. An event becomes the cron
expression that fires at the same instants; what cron cannot say (seconds other than 0, a
year, days counted from the end of the month with "~", days of the week and of the month
together other than a week of the month) is refused.
"""

from __future__ import annotations

import re
from typing import Final

from .cronexpr import CronError, compile_cron
from .phrase import Rejected

_EVENT: Final = re.compile(
    r"^\s*(?P<prefix>oncalendar\s*=\s*)?"
    r"(?:(?P<dow>[a-z]{3,9}(?:(?:\.\.|,|-)[a-z]{3,9})*)(?P<comma>,)?\s+)?"
    r"(?:(?:(?P<year>\*|\d{4})-)?(?P<month>[\d*.,/]+)-(?P<day>[\d*.,/~]+))?"
    r"\s*(?P<time>[\d*.,/]+:[\d*.,/]+(?::[\d*.,/]+)?)?\s*$",
    re.IGNORECASE,
)
_SPECIAL: Final = {
    "minutely": "* * * * *",
    "hourly": "0 * * * *",
    "daily": "0 0 * * *",
    "weekly": "0 0 * * 1",
    "monthly": "0 0 1 * *",
    "yearly": "0 0 1 1 *",
    "annually": "0 0 1 1 *",
    "quarterly": "0 0 1 1,4,7,10 *",
    "semiannually": "0 0 1 1,7 *",
    "semi-annually": "0 0 1 1,7 *",
}
# "Wed, 17:48", "Sat,Sun, 08:05:40" (the systemd.time man page's shortened forms): the days,
# a comma, and a 24-hour time — every week. systemd takes the days abbreviated or in full
# ("Wednesday, 17:48"), in any case: the spelling of the day does not change the meaning
_DAY_NAME: Final = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
_SHORT_FORM: Final = re.compile(
    rf"{_DAY_NAME}(?:,{_DAY_NAME})*,\s+[0-2]\d:[0-5]\d(?::[0-5]\d)?",
    re.IGNORECASE,
)
_DAYS: Final = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}
_BOUNDS: Final = {"minute": 59, "hour": 23, "day": 31, "month": 12}
_WEEK_OF_MONTH: Final = {(1, 7): 1, (8, 14): 2, (15, 21): 3, (22, 28): 4}


def read_event(text: str) -> str | None:
    """The cron expression for a systemd calendar event, None when `text` is not written
    as one; Rejected when it is, but cron cannot say it."""
    if "*" not in text and ".." not in text and "=" not in text and ", " not in text:
        return None  # neither "*-*-*", "Mon..Fri" nor "OnCalendar=": not written that way
    stripped = text.strip()
    if stripped.endswith(".") and not stripped.endswith(".."):
        stripped = stripped[:-1]  # "Wed, 17:48.": a sentence's full stop, not the event's
    prefixed = stripped.lower().startswith("oncalendar")
    if prefixed:
        special = _SPECIAL.get(stripped.split("=", 1)[-1].strip().lower())
        if special is not None:
            return special
    match = _EVENT.match(stripped)
    if match is None:
        if prefixed:
            raise Rejected("that calendar event is not one agentcron can read")
        return None
    date_part = match.group("month") is not None
    systemd_way = (
        prefixed
        or (date_part and ("*" in match.group(0) or ".." in match.group(0)))
        or ".." in (match.group("dow") or "")
        or _SHORT_FORM.fullmatch(stripped) is not None
    )
    if not systemd_way or not (date_part or match.group("time")):
        return None
    year = match.group("year")
    if year not in (None, "*"):
        raise Rejected("a calendar event with a year runs once: write the date out instead")
    day = match.group("day") or "*"
    if "~" in day:
        raise Rejected("days counted from the end of the month (“~”) are not supported")
    minute, hour = _time(match.group("time") or "00:00")
    month_field = _field(match.group("month") or "*", "month")
    day_field = _field(day, "day")
    dow_field = _weekdays(match.group("dow")) if match.group("dow") else "*"
    if dow_field != "*" and day_field != "*":
        # systemd wants both to match; cron would take either: only a week of the month
        week = _week(day)
        if week is None:
            raise Rejected(
                "days of the week and of the month together run only when both match, "
                "which cron cannot say",
                "Sat *-1..7 15:00 (the first Saturday)",
            )
        dow_field = ",".join(f"{d}#{week}" for d in dow_field.split(","))
        day_field = "*"
    return _checked(f"{minute} {hour} {day_field} {month_field} {dow_field}")


def _checked(expression: str) -> str:
    """`expression` when cron can run it: an event's fields are read as written, so a month
    366 ("*-366-01"), an hour 25 or a step 0 would otherwise reach the describer and the engine
    (a raw cron expression is checked the same way, `cron.split_cron`)."""
    try:
        compile_cron(expression)
    except CronError as error:
        raise Rejected(f"that calendar event cannot run: {error}") from None
    return expression


def _time(text: str) -> tuple[str, str]:
    parts = text.split(":")
    if len(parts) == 3 and parts[2] not in ("0", "00"):
        raise Rejected("a cron schedule runs on whole minutes, not at a second")
    return _field(parts[1], "minute"), _field(parts[0], "hour")


def _field(text: str, name: str) -> str:
    """ "*", "01", "1..7", "0/15", "1,15" in systemd's spelling, in cron's."""
    out = []
    for item in text.split(","):
        if item == "*":
            out.append("*")
            continue
        base, _, step = item.partition("/")
        base = base.replace("..", "-")
        if not re.fullmatch(r"\d+(?:-\d+)?|\*", base) or (step and not step.isdigit()):
            raise Rejected(f"{text!r} is not a {name} a calendar event can have")
        if base != "*":
            base = "-".join(str(int(part)) for part in base.split("-"))
        if step:
            if "-" not in base and base != "*":
                base = f"{base}-{_BOUNDS[name]}"
            out.append(f"{base}/{int(step)}")
        else:
            out.append(base)
    return ",".join(out)


def _weekdays(text: str) -> str:
    days: list[int] = []
    for item in text.lower().split(","):
        ends = re.split(r"\.\.|-", item)
        try:
            numbers = [_DAYS[end[:3]] for end in ends]
        except KeyError:
            raise Rejected(f"{item!r} is not a day of the week") from None
        if len(numbers) == 1:
            days.append(numbers[0])
            continue
        if len(numbers) > 2:  # "Mon..FriMon..Fri": no range of days
            raise Rejected(f"{item!r} is not a day of the week or a range of them")
        first, last = (n or 7 for n in numbers)  # Sunday last, as systemd counts
        days.extend(d % 7 for d in range(first, last + 1))
    return ",".join(str(d) for d in sorted(set(days)))


def _week(day: str) -> int | None:
    match = re.fullmatch(r"(\d+)\.\.(\d+)", day)
    if match is None:
        return None
    return _WEEK_OF_MONTH.get((int(match.group(1)), int(match.group(2))))


# a zone after the event, as systemd takes one ("Fri 04:00 Europe/Berlin", "*-*-* 09:00 UTC")
_ZONE_AFTER: Final = re.compile(r"\s+(?P<zone>UTC|[A-Z][A-Za-z_]+/[A-Za-z_+/-]+)\s*\.?\s*$")


def read_zoned_event(text: str) -> tuple[str, str | None] | None:
    """`read_event` of `text` and the zone said after the event (None when it says none): the
    event's hours are that zone's. None when `text` is not an event (with or without a zone)."""
    if "/" not in text and "UTC" not in text:
        event = read_event(text)
        return None if event is None else (event, None)
    found = _ZONE_AFTER.search(text)
    if found is None:
        event = read_event(text)
        return None if event is None else (event, None)
    event = read_event(text[: found.start()])
    return None if event is None else (event, found["zone"])
