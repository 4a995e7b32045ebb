"""An rrule schedule in English: "Every 2 weeks on Tuesday at 3:00 PM, Central Time".

`describe_rrule` takes the schedule document (`rule`, `timezone`, `start_at`, `end_at`) the
service has already checked; what the rule leaves out is read from `start_at` in the zone, as
RFC 5545 takes it from DTSTART (the time of day, the weekday of a weekly rule, the day of a
monthly one). A rule this module has no words for is shown as it is, never guessed at.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, Final
from zoneinfo import ZoneInfo

from .daytimes import picked_times
from .lexicon import MONTH_LABELS
from .observances import easter_label
from .wallclock import long_date
from .zones import friendly_name

_CODES: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PERIODS: Final = {
    "YEARLY": "year",
    "MONTHLY": "month",
    "WEEKLY": "week",
    "DAILY": "day",
    "HOURLY": "hour",
    "MINUTELY": "minute",
}
_ORDINAL_WORDS: Final = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
_WEEKDAYS: Final = frozenset(range(5))
_SUB_DAILY: Final = ("HOURLY", "MINUTELY")
MAX_LISTED_TIMES: Final = 4


def describe_rrule(schedule: dict[str, Any]) -> str:
    """A sentence for an rrule schedule document, naming its zone."""
    zone = str(schedule.get("timezone") or "UTC")
    start = _local(schedule.get("start_at"), zone)
    parts = rule_parts(str(schedule["rule"]))
    try:
        text = _sentence(parts, start)
    except (KeyError, ValueError):  # a part we have no words for: show the rule itself
        text = f"Repeating by the rule {schedule['rule']}"
    text += f", {friendly_name(zone)}"
    if "COUNT" in parts:
        count = int(parts["COUNT"])
        text += ", once" if count == 1 else f", {count} times"
    if "UNTIL" in parts:
        text += f", until {_until(parts['UNTIL'], zone)}"
    spaced = int(parts.get("INTERVAL", "1")) > 1 and parts.get("FREQ") not in _SUB_DAILY
    if start is not None and ("COUNT" in parts or spaced):
        text += f", starting {long_date(start)}"
    if schedule.get("end_at"):
        text += f", until {long_date(_local(schedule['end_at'], zone))}"  # type: ignore[arg-type]
    return text


def rule_parts(rule: str) -> dict[str, str]:
    """An RRULE's parts by name ("FREQ" → "WEEKLY"), read leniently: any case, spaces, an
    "RRULE:" prefix or a trailing ";"; a piece without "=" is left out."""
    text = "".join(rule.split()).upper().removeprefix("RRULE:").rstrip(";")
    return dict(item.partition("=")[::2] for item in text.split(";") if "=" in item)


def _sentence(parts: dict[str, str], start: datetime | None) -> str:
    freq = parts["FREQ"]
    interval = int(parts.get("INTERVAL", "1"))
    period = _PERIODS[freq]
    every = f"Every {period}" if interval == 1 else f"Every {interval} {period}s"
    hours = _numbers(parts.get("BYHOUR")) or ([start.hour] if start else [])
    minutes = _numbers(parts.get("BYMINUTE")) or ([start.minute] if start else [])
    seconds = _numbers(parts.get("BYSECOND")) or ([start.second] if start else [0])
    months = _numbers(parts.get("BYMONTH"))
    picked = picked_times(parts)
    if picked is not None:  # BYSETPOS keeps some of BYHOUR × BYMINUTE: the times named
        parts = {name: value for name, value in parts.items() if name != "BYSETPOS"}
    if freq in _SUB_DAILY:
        text = _sub_daily(freq, every, parts, minutes, start)
    else:
        days, _, kept = _days(freq, every, interval, parts, start).partition(", only the")
        at = _times(hours, minutes, seconds) if picked is None else _listed(picked)
        text = f"{days} {at}" + (f", only the{kept}" if kept else "")
    if months and not (freq == "YEARLY" and _names_its_months(parts)):
        text += f", in {_join([MONTH_LABELS[m] for m in months])}"
    return text


def _days(
    freq: str, every: str, interval: int, parts: dict[str, str], start: datetime | None
) -> str:
    """ "Every 2 weeks on Tuesday", "Every month on the last weekday", "Every weekday"."""
    if "BYEASTER" in parts and freq == "YEARLY":  # "Every year on Good Friday"
        label = easter_label(int(parts["BYEASTER"]))
        return f"{every}, {label}" if label[0].isdigit() else f"{every} on {label}"
    plain, nth = _byday(parts.get("BYDAY"))
    monthdays = _numbers(parts.get("BYMONTHDAY"))
    positions = _numbers(parts.get("BYSETPOS"))
    if freq == "DAILY":
        if plain and interval == 1 and not monthdays:
            return f"Every {_weekday_list(plain)}"
        days = f" on {_weekday_list(plain, plural=True)}" if plain else ""
        return every + days + (f" on the {_monthdays(monthdays)}" if monthdays else "")
    if freq == "WEEKLY":
        plain = plain or ([start.weekday()] if start else [])
        if interval == 1:
            return f"Every {_weekday_list(plain)}"
        return f"{every} on {_weekday_list(plain)}"
    in_month = freq == "MONTHLY" or (freq == "YEARLY" and "BYMONTH" in parts)
    if positions and plain and not nth and not monthdays:
        names = [_DAY_NAMES[d] for d in plain]
        choice = "weekday" if set(plain) == _WEEKDAYS else _join(names, joiner="or")
        which = _join([_ordinal(p) for p in _in_order(positions)])
        where = "" if in_month or freq == "MONTHLY" else " of the year"
        return f"{every} on the {which} {choice}{where}" + _in_months(freq, parts)
    if positions:  # over some other set: say which of each period's occurrences are kept
        others = {name: value for name, value in parts.items() if name != "BYSETPOS"}
        which = _join([_ordinal(p) for p in _in_order(positions)])
        text = _days(freq, every, interval, others, start)
        return f"{text}, only the {which} of each {_PERIODS[freq]}"
    if "BYYEARDAY" in parts:
        return f"{every} on the {_monthdays(_numbers(parts['BYYEARDAY']))} of the year"
    if "BYWEEKNO" in parts:
        weeks = _numbers(parts["BYWEEKNO"])
        label = "week" if len(weeks) == 1 else "weeks"
        days = _weekday_list(plain or ([start.weekday()] if start else []), plural=True)
        return f"{every} in {label} {_join([str(w) for w in weeks])} on {days}"
    if len(plain) == 1 and not nth and len(monthdays) == 7 and _week_of_days(monthdays):
        # BYDAY=TU;BYMONTHDAY=2,…,8: the one Tuesday of those seven days
        day = _DAY_NAMES[plain[0]]
        return f"{every} on the first {day} on or after the {_numeral(monthdays[0])}" + (
            _in_months(freq, parts)
        )
    if len(plain) == 1 and len(monthdays) == 1 and monthdays[0] > 0 and not nth:
        return f"{every} on {_DAY_NAMES[plain[0]]} the {_numeral(monthdays[0])}" + _in_months(
            freq, parts
        )
    if nth or plain:
        named = [f"{_ordinal(n)} {_DAY_NAMES[d]}" for d, n in nth]
        if plain and not nth:
            text = f"{every} on {_weekday_list(plain, plural=True)}"
        else:
            text = f"{every} on the {_join_same_day(nth) or _join(named, joiner='and the')}"
            if plain:
                text += f" and on {_weekday_list(plain, plural=True)}"
            if not in_month:
                text += " of the year"
        if monthdays:
            text += f" that fall on the {_monthdays(monthdays)}"
        return text + _in_months(freq, parts)
    if freq == "MONTHLY":
        monthdays = monthdays or ([start.day] if start else [])
        return f"{every} on the {_monthdays(monthdays)}"
    months = _numbers(parts.get("BYMONTH")) or ([start.month] if start else [])
    monthdays = monthdays or ([start.day] if start else [])
    if len(months) == 1 and all(day > 0 for day in monthdays):
        return f"{every} on {MONTH_LABELS[months[0]]} {_join([str(d) for d in monthdays])}"
    return f"{every} on the {_monthdays(monthdays)} of {_join([MONTH_LABELS[m] for m in months])}"


def _week_of_days(days: list[int]) -> bool:
    """Seven days of the month in a row ("the 2nd to the 8th"): one of each weekday."""
    return days[0] > 0 and days == list(range(days[0], days[0] + 7))


def _in_months(freq: str, parts: dict[str, str]) -> str:
    if freq != "YEARLY" or "BYMONTH" not in parts:
        return ""
    return f" of {_join([MONTH_LABELS[m] for m in _numbers(parts['BYMONTH'])])}"


def _names_its_months(parts: dict[str, str]) -> bool:
    """Whether the yearly sentence already says the months ("the 4th Thursday of November")."""
    return "BYYEARDAY" not in parts and "BYWEEKNO" not in parts


def _sub_daily(
    freq: str, every: str, parts: dict[str, str], minutes: list[int], start: datetime | None
) -> str:
    """ "Every 15 minutes from 9:00 AM to 4:45 PM on weekdays", "Every hour at :30"."""
    plain, _ = _byday(parts.get("BYDAY"))
    hours = _numbers(parts.get("BYHOUR"))
    text = every
    if freq == "HOURLY":
        if minutes and minutes != [0]:
            text += f" at {_join([f':{m:02d}' for m in minutes])}"
        elif minutes == [0]:
            text += " on the hour"
    seconds = _numbers(parts.get("BYSECOND"))
    if seconds and seconds != [0]:
        text += f" at second {_join([str(second) for second in seconds])}"
    if hours:
        if hours == list(range(hours[0], hours[-1] + 1)) and len(hours) > 1:
            last_minute = max(minutes) if freq == "HOURLY" and minutes else 59
            if freq == "MINUTELY":
                step = int(parts.get("INTERVAL", "1"))
                first = (minutes[0] if minutes else 0) % step if "BYMINUTE" not in parts else 0
                picked = _numbers(parts.get("BYMINUTE")) or list(range(first, 60, step))
                last_minute = max(picked)
            first_minute = min(minutes) if freq == "HOURLY" and minutes else 0
            text += f" from {_clock(hours[0], first_minute)} to {_clock(hours[-1], last_minute)}"
        else:
            text += f" during the hours starting {_join([_clock(h, 0) for h in hours])}"
    if plain:
        text += f" on {_weekday_list(plain, plural=True)}"
    monthdays = _numbers(parts.get("BYMONTHDAY"))
    if monthdays:
        text += f" on the {_monthdays(monthdays)}"
    return text


def _times(hours: list[int], minutes: list[int], seconds: list[int]) -> str:
    times = [(h, m, s) for h in hours for m in minutes for s in seconds]
    if len(times) <= MAX_LISTED_TIMES:
        return "at " + _join([_clock(h, m, s) for h, m, s in times])
    first, last = times[0], times[-1]
    return f"{len(times)} times a day from {_clock(*first)} to {_clock(*last)}"


def _listed(times: list[time]) -> str:
    return "at " + _join([_clock(t.hour, t.minute) for t in times])


def _byday(value: str | None) -> tuple[list[int], list[tuple[int, int]]]:
    plain: list[int] = []
    nth: list[tuple[int, int]] = []
    for item in (value or "").split(","):
        if not item:
            continue
        code, number = item[-2:], item[:-2]
        day = _CODES.index(code)
        if number in ("", "+"):
            plain.append(day)
        else:
            nth.append((day, int(number)))
    return sorted(set(plain)), sorted(set(nth), key=lambda pair: (pair[1] < 0, pair[1], pair[0]))


def _numbers(value: str | None) -> list[int]:
    return sorted({int(item) for item in value.split(",") if item}) if value else []


def _weekday_list(days: list[int], *, plural: bool = False) -> str:
    if set(days) == set(range(7)):
        return "day"
    if set(days) == _WEEKDAYS:
        return "weekdays" if plural else "weekday"
    if set(days) == {5, 6}:
        return "Saturdays and Sundays" if plural else "Saturday and Sunday"
    return _join([_DAY_NAMES[d] + ("s" if plural else "") for d in days])


def _join_same_day(nth: list[tuple[int, int]]) -> str | None:
    """ "second and fourth Tuesday" when every numbered day is the same weekday."""
    if len(nth) < 2 or len({day for day, _ in nth}) != 1:
        return None
    return f"{_join([_ordinal(n) for _, n in nth])} {_DAY_NAMES[nth[0][0]]}"


def _monthdays(days: list[int]) -> str:
    """ "1st and 15th", "1st, second to last and last day" (a day of the month or year)."""
    named = [_numeral(d) for d in days if d > 0] + [_ordinal(d) for d in days if d < 0]
    return _join(named) + (" day" if days and days[0] < 0 else "")


def _in_order(positions: list[int]) -> list[int]:
    """1, 2, …, then second to last, last."""
    return sorted(positions, key=lambda p: (p < 0, p))


def _ordinal(n: int) -> str:
    if n < 0:
        return "last" if n == -1 else f"{_ordinal(-n)} to last"
    return _ORDINAL_WORDS.get(n) or _numeral(n)


def _numeral(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _clock(hour: int, minute: int, second: int = 0) -> str:
    text = f"{hour % 12 or 12}:{minute:02d}" + (f":{second:02d}" if second else "")
    return f"{text} {'AM' if hour < 12 else 'PM'}"


def _join(items: list[str], joiner: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def _local(value: object, zone: str) -> datetime | None:
    if not value:
        return None
    instant = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return instant.astimezone(ZoneInfo(zone)) if instant.tzinfo else instant


def _until(value: str, zone: str) -> str:
    day = datetime.strptime(value[:8], "%Y%m%d")
    if len(value) == 8:
        return long_date(day)
    moment = datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        moment = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(zone))
    return f"{long_date(moment)} at {_clock(moment.hour, moment.minute)}"
