"""How often the thing a change names runs, when its new time is said without a repeat.

A pull request's or a commit's title changes a schedule that exists and states the new one
after "to": "Update Thursday meeting time to 14:30 UTC", "Update nightly build schedule to run
at 2 AM", "ci: change cron job to run on Monday at 9:24am UTC", "Update implementers meeting
time to Wednesday at 12:00". The words after "to" alone read as one run; the subject says the
rest — a nightly build runs every day, the Thursday meeting every Thursday, a meeting's time or a
cron job on a weekday every week on it. Only such a subject lends its repeat: "move the meeting
to Friday at 10am" moves one meeting, and "update meeting time to 3pm" names no day (both stay
changes to a job that exists, refused).
"""

from __future__ import annotations

import re
from typing import Final

_DAILY: Final = frozenset({"nightly", "daily", "everyday"})
# what repeats by its kind: a cron job, a schedule, office hours, a meeting's time or slot
_REPEATING: Final = frozenset(
    "cron crons cronjob cronjobs crontab schedule schedules weekly trigger triggers".split()
)
_SLOT_WORDS: Final = frozenset({"time", "times", "slot", "slots"})
_GATHERINGS: Final = frozenset(
    "meeting meetings call calls sync syncs standup standups office hangout".split()
)
_WEEKDAY: Final = re.compile(
    r"\b(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?(?:['’]s?)?\b"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b",
    re.IGNORECASE,
)
_WORDS: Final = re.compile(r"[a-z]+")


def subject_repeat(subject: str, new: str) -> str | None:
    """The repeat that `subject` (the words of a change before "to") lends to `new` (the
    words after it, which read as one run): "every day" for a nightly or daily thing,
    "every week" for a meeting's time, office hours or a cron job when `new` names the day,
    "every Thursday" for the Thursday meeting when it does not; None when the subject names
    no repeat (or names the day while `new` names another thing's)."""
    words = frozenset(_WORDS.findall(subject.lower()))
    new_day = _WEEKDAY.search(new) is not None
    if not _DAILY.isdisjoint(words):
        return None if new_day else "every day"
    gathering = not _GATHERINGS.isdisjoint(words)
    slot = not _SLOT_WORDS.isdisjoint(words)
    if new_day:
        if not _REPEATING.isdisjoint(words) or (gathering and slot) or "office" in words:
            return "every week"
        return None
    day = _WEEKDAY.search(subject)
    if day is not None and day["day"] is not None and (gathering or slot):
        return f"every {day['day'].lower()}"
    return None
