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
