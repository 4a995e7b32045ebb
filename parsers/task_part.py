"""The part of the day a task's words name, which settles a bare hour beside them.

"Remind me at 8 for dinner" is 8pm and "at 8 for breakfast" 8am (the contextual reading
Finance-Ally's quick log and assistants' commitment trackers document); "every weekday at 7
to leave for work" is 7am; "lunch at 1" is 1pm. A word here only settles an hour written
without am/pm: "dinner at 8am" is read as said.
"""

from __future__ import annotations

import re
from typing import Final

_PARTS: Final = (
    (
        "morning",
        re.compile(
            r"\b(?:breakfast|brekkie|wake|waking|get(?:ting)?\s+up\b(?!\s+to\b)|commute|"
            r"(?:leave|leaving|head|heading|go|going|drive|driving)\s+(?:for|to|into)\s+"
            r"(?:work|the\s+office|school|class)|school\s+run|morning)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "evening",
        re.compile(r"\b(?:dinner|supper|bed|bedtime|sleep|evening|tonight|night)\b", re.IGNORECASE),
    ),
    ("midday", re.compile(r"\blunch(?:time)?\b", re.IGNORECASE)),
)


def part_named_by(task: str) -> str | None:
    """ "morning", "evening" or "midday" when the task's words name one part of the day (and
    only one), else None."""
    found = [part for part, pattern in _PARTS if pattern.search(task)]
    return found[0] if len(found) == 1 else None


# an alarm being set, or a wake-up: "set a recurring alarm for mondays", "wake me up tomorrow",
# "a wake-up call on friday" — not a fire, smoke, burglar or car alarm, nor "alarm system"
_ALARM: Final = re.compile(
    r"(?<!fire )(?<!smoke )(?<!burglar )(?<!car )(?<!false )(?<!security )"
    r"\b(?:alarms?\b(?!\s+(?:system|panel|company|code|sensor))|wake[\s-]?up\s+call|"
    r"wake\s+(?:(?:me|us)\s+)?up\b|wake\s+(?:me|us)\b|get\s+(?:me|us)\s+up\b)",
    re.IGNORECASE,
)


def names_an_alarm(text: str) -> bool:
    """Whether the words ask for an alarm or a wake-up ("set an alarm for tomorrow", "wake me
    up on monday"): its time is the whole point of it, so a day alone leaves it to be said."""
    lowered = text.lower()
    if "alarm" not in lowered and "wake" not in lowered and " up" not in lowered:
        return False  # most texts: no alarm, at the cost of three substring tests
    return _ALARM.search(text) is not None
