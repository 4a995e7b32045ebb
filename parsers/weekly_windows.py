"""A weekly window written from a day and time to a day and time: read as a run at its start.

Cloud databases and caches take a weekly maintenance window as "ddd:hh24:mi-ddd:hh24:mi"
(AWS RDS, ElastiCache, Redshift, DocumentDB; Terraform's `maintenance_window`, CloudFormation's
`PreferredMaintenanceWindow`): "sun:06:30-sun:07:30" is every Sunday from 06:30 to 07:30 UTC —
AWS reads these windows in UTC, whatever the account's region. Status pages and runbooks write
the same window in words: "Sunday, 04:30 to Sunday, 05:30 UTC". Read as they were, the second
day made a second run and an end date ("30 4,5 * * 0" ending on Sunday). A window that opens
and closes on one day is that day's window ("Sunday 04:30 to 05:30"), which runs when it starts;
one that runs past midnight ("sat:23:00-sun:01:00") runs when it opens too. The daily backup
window beside it ("preferred_backup_window = "02:00-03:00"", "hh24:mi-hh24:mi", UTC too) is read
the same way, every day.
"""

from __future__ import annotations

import re
from typing import Final

_DAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NAMES: Final = dict(
    zip(
        _DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
# "sun:06:30-sun:07:30", "Tue:17:00-Tue:17:30": AWS's weekly window
_AWS_WINDOW: Final = re.compile(
    r"(?<![\w:])(?P<d1>mon|tue|wed|thu|fri|sat|sun):(?P<h1>[01]\d|2[0-3]):(?P<m1>[0-5]\d)-"
    r"(?P<d2>mon|tue|wed|thu|fri|sat|sun):(?P<h2>[01]\d|2[0-3]):(?P<m2>[0-5]\d)(?![\w:])",
    re.IGNORECASE,
)
# "preferred_backup_window = "02:00-03:00"", "snapshot_window", "PreferredBackupWindow:": AWS's
# daily backup window, "hh24:mi-hh24:mi" in UTC
_DAILY_WINDOW: Final = re.compile(
    r"(?<![a-z])(?:preferred[_-]?)?(?:backup|snapshot)[_-]?window['\"]?\s*[=:]\s*['\"]?"
    r"(?P<h1>[01]\d|2[0-3]):(?P<m1>[0-5]\d)-(?:[01]\d|2[0-3]):[0-5]\d(?![\w:])",
    re.IGNORECASE,
)
_DAY: Final = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_CLOCK: Final = r"\d{1,2}(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?"
# "Sunday, 04:30 to Sunday, 05:30": the same day said again before the window's end
_SAME_DAY_AGAIN: Final = re.compile(
    rf"\b(?P<day>{_DAY}),?\s+(?:at\s+)?(?P<start>{_CLOCK})\s*(?P<to>to|until|till|through|-|–)\s*"
    rf"(?P<again>{_DAY}),?\s+(?=\d)",
    re.IGNORECASE,
)


def aws_window(text: str) -> str | None:
    """`text` with an AWS weekly window ("sun:06:30-sun:07:30") said as the run at its start, in
    UTC ("every Sunday at 06:30 UTC"), or a daily backup window named by its key
    ('preferred_backup_window = "02:00-03:00"': "every day at 02:00 UTC"); None when it has
    none. A bare "02:00-03:00" stays a window on no day said: only the key says it is daily."""
    if "-" not in text or text.count(":") < 2:
        return None  # most texts: no search
    found = _AWS_WINDOW.search(text)
    if found is not None:
        day = _NAMES[found["d1"].lower()]
        said = f"every {day} at {found['h1']}:{found['m1']} UTC"
        return f"{text[: found.start()]}{said}{text[found.end() :]}"
    if "indow" not in text:
        return None
    daily = _DAILY_WINDOW.search(text)
    if daily is None:
        return None
    said = f"every day at {daily['h1']}:{daily['m1']} UTC"
    return f"{text[: daily.start()]}{said}{text[daily.end() :]}"


def same_day_again(text: str) -> str | None:
    """`text` with a window's day said again before its end left out when it is the day it
    starts ("Sunday, 04:30 to Sunday, 05:30" → "Sunday, 04:30 to 05:30"); None when there is
    no such window (another day at its end is left as written)."""
    lowered = text.lower()
    if not any(lowered.count(day) >= 2 for day in _DAYS):
        return None  # no day said twice (most texts): no search
    found = _SAME_DAY_AGAIN.search(text)
    if found is None or found["day"][:3].lower() != found["again"][:3].lower():
        return None
    return f"{text[: found.start('again')]}{text[found.end() :]}"
