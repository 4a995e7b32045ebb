"""A task line of Obsidian's Tasks plugin: "- [ ] mow lawn 🔁 every month 📅 2021-12-14".

The plugin writes a task's recurrence after 🔁 and its dates after their signs: 📅 due, ⏳
scheduled, 🛫 start (✅ done and ➕ created say nothing of when it runs next). A rule that names
no day of its own repeats from the task's date — "every month" with 📅 2021-12-14 is the 14th of
every month, "every week" that date's weekday, "every 2 weeks" every other week counted from it —
so the date, although long past, is the series' anchor, not a date to run on once. A rule that
names its days ("every Sunday", "every month on the 1st") needs no date. `said_plainly` says
such a line in words the grammar reads; "when done" (counted from when the task is ticked off)
is left as it is, for the grammar to refuse.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

_SIGNS: Final = "📅⏳🛫✅➕⏫🔼🔽🔺⏬🆔⛔❌🏁"
_RULE: Final = re.compile(rf"🔁\s*(?P<rule>[^{_SIGNS}]*)")
_DATE: Final = re.compile(r"(?P<sign>📅|⏳|🛫)\s*(?P<date>\d{4}-\d{2}-\d{2})")
# a rule that names no day: its days come from the task's date
_BARE: Final = re.compile(r"every\s+(?:(?P<n>\d{1,3})\s+)?(?P<unit>day|week|month|year)s?")
_CHECKBOX: Final = re.compile(r"^\s*[-*]\s*\[.\]\s*")
# a reminder plugin's mark: "⏰ 2025-02-04 00:00" — its time is the time of day the task is due
_REMINDER: Final = re.compile(r"⏰\s*\d{4}-\d{2}-\d{2}(?:\s+(?P<time>\d{1,2}:\d{2}))?")
_TAG: Final = re.compile(r"(?:^|\s)#[\w/-]+")
_DATE_PREFERENCE: Final = ("📅", "⏳", "🛫")
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS: Final = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _months_on(anchor: date, months: int) -> date | None:
    total = anchor.month - 1 + months
    try:
        return anchor.replace(year=anchor.year + total // 12, month=total % 12 + 1)
    except ValueError:
        return None  # the 31st in a shorter month: not one of the series' days


def next_in_series(anchor: date, count: int, unit: str, today: date) -> date:
    """The first day of the series (every `count` `unit`s from `anchor`) from today on."""
    if anchor >= today:
        return anchor
    if unit in ("day", "week"):
        step = count * (7 if unit == "week" else 1)
        steps = -(-(today - anchor).days // step)
        return anchor + timedelta(days=steps * step)
    months = count * (12 if unit == "year" else 1)
    k = ((today.year - anchor.year) * 12 + today.month - anchor.month) // months
    while True:
        found = _months_on(anchor, max(k, 0) * months)
        if found is not None and found >= today:
            return found
        k += 1


def said_plainly(text: str, today: date) -> str | None:
    """The task line in plain words ("mow lawn every month on the 14th"), or None when the
    text has no 🔁 rule to read this way."""
    found = _RULE.search(text)
    if found is None:
        return None
    rule = found["rule"].strip()
    if not rule or "when done" in rule.lower():
        return None
    before = text[: found.start()]
    reminder = _REMINDER.search(before)
    at = f" at {reminder['time']}" if reminder is not None and reminder["time"] else ""
    if reminder is not None:
        before = before[: reminder.start()] + before[reminder.end() :]
    task = _TAG.sub("", _CHECKBOX.sub("", before)).strip()
    dates = {m["sign"]: m["date"] for m in _DATE.finditer(text)}
    said = next((dates[sign] for sign in _DATE_PREFERENCE if sign in dates), None)
    bare = _BARE.fullmatch(rule.lower())
    if bare is None or said is None:
        return f"{task} {rule}{at}".strip()
    try:
        anchor = date.fromisoformat(said)
    except ValueError:
        return None
    count, unit = int(bare["n"] or 1), bare["unit"]
    if count == 0:
        return None
    every = "every" if count == 1 else f"every {count} {unit}s"
    if unit == "day":
        words = "every day" if count == 1 else every
    elif unit == "week":
        words = f"{every if count > 1 else 'every week'} on {_WEEKDAYS[anchor.weekday()]}"
    elif unit == "month":
        words = f"{every if count > 1 else 'every month'} on the {_ordinal(anchor.day)}"
    else:
        on = f"{_MONTHS[anchor.month - 1]} {anchor.day}"
        words = f"every {on}" if count == 1 else f"{every} on {on}"
    if count > 1:
        words += f" starting {next_in_series(anchor, count, unit, today).isoformat()}"
    return f"{task} {words}{at}".strip()
