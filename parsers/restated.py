"""A time said again, roughly, in brackets: "at 15.01 (3 pm) every day".

A writer who gives a time to the minute often says its hour again the way people say it
("15.01 (3 pm)", "at 09:05 (9am)", "23:59 (11 PM)"). Read as two times, the job would run at
both 15:00 and 15:01. The bracket names no other minute, only the same hour: it is the time
said again, and is taken out. A bracket that names other minutes ("15.01 (3:30 pm)") or
another hour is left for the grammar, which asks or refuses.
"""

from __future__ import annotations

import re
from typing import Final

_RESTATED: Final = re.compile(
    r"(?P<time>(?<![\d:.])(?P<h>\d{1,2})[:.h](?P<m>[0-5]\d)(?:\s*(?P<mer>[ap]\.?m\.?))?)(?![\d:])"
    r"\s*\(\s*(?:i\.?e\.?,?\s*|that\s+is\s+|~\s*|about\s+|approx\.?\s+)?"
    r"(?P<hour>\d{1,2})\s*(?P<mer2>[ap]\.?m\.?)\s*\)",
    re.IGNORECASE,
)


def without_rough_restatement(text: str) -> str:
    """`text` without a bracket that says the hour of the time before it again ("at 15.01
    (3 pm)" → "at 15.01"); `text` itself when it has none."""
    if "(" not in text:
        return text
    return _RESTATED.sub(_keep_time, text)


def _keep_time(match: re.Match[str]) -> str:
    hour, minute = int(match["h"]), int(match["m"])
    meridiem = match["mer"]
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return match.group()
        hour = hour % 12 + (12 if meridiem[0].lower() == "p" else 0)
    again = int(match["hour"])
    if not 1 <= again <= 12:
        return match.group()
    if meridiem is None and 1 <= hour <= 12 and not match["h"].startswith("0"):
        # "3.01 (3 pm)": the bracket says which half of the day the time is in
        if hour != again or minute == 0:
            return match.group()
        return f"{hour}:{minute:02d} {match['mer2']}"
    again = again % 12 + (12 if match["mer2"][0].lower() == "p" else 0)
    if again != hour or minute == 0:
        return match.group()  # another hour; or the same time, which the grammar merges
    return match["time"]
