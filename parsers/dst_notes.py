"""A note in brackets that gives a zoned time on UTC's clock for each half of the year.

Meeting pages give the time on the organisers' clock and, in a note, what it is in UTC before
and after the clocks change: "at 10a PST/PDT (note that it's 1800 UTC until daylight savings
time starts on 13 March 2022; then it's 1700 UTC)". Read as written that is two zones, and the
text was refused; but the two UTC times are the one local time in winter and in summer — the
note says how the local time moves, not another time. When every UTC time in such a bracket
is the first time in winter or in summer, and the two seasons are both said, the bracket is
taken out and the local time kept. A note whose times say another moment is left alone (the
grammar refuses the two zones as before).
"""

from __future__ import annotations

import re
from typing import Final

from .restated import SUMMER, WINTER, Said, agreeing
from .zones import lookup_word

# the zoned time the note follows: "10a PST/PDT (", "10am PT (", "10:00 ET ("
_FIRST: Final = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<mer>[ap])?\.?m?\.?\s*"
    r"(?P<zone>[A-Za-z]{2,4})(?:\s*/\s*[A-Za-z]{2,4})?\s*\(",
    re.IGNORECASE,
)
# a time on UTC's clock inside the note: "1800 UTC", "17:00 UTC", "6pm GMT"
_UTC_TIME: Final = re.compile(
    r"\b(?P<h>\d{1,2}):?(?P<m>[0-5]\d)?\s*(?P<mer>[ap])?\.?m?\.?\s*(?:UTC|GMT)\b",
    re.IGNORECASE,
)
# words that say the clocks change: the note is about the seasons
_CHANGE: Final = re.compile(r"daylight|\bdst\b|summer|winter|standard time", re.IGNORECASE)


def _said(found: re.Match[str], zone: str | None) -> Said | None:
    hour, minute, meridiem = int(found["h"]), int(found["m"] or 0), found["mer"]
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    elif hour > 23:
        return None
    return Said((hour,), minute, zone)


def without_dst_note(text: str) -> str:
    """`text` without a bracket that gives its zoned time in UTC for winter and for summer;
    `text` itself when it has none."""
    for first in _FIRST.finditer(text):
        zone = lookup_word(first["zone"].lower())
        said = _said(first, zone) if zone is not None and zone != "UTC" else None
        if said is None:
            continue
        close = text.find(")", first.end())
        inside = text[first.end() : close] if close > 0 else ""
        if "(" in inside or _CHANGE.search(inside) is None:
            continue
        seasons: set[int] = set()
        times = list(_UTC_TIME.finditer(inside))
        for found in times:
            again = _said(found, "UTC")
            held = agreeing(said, again) if again is not None else frozenset()
            if not held & {WINTER, SUMMER}:
                break
            seasons.update(held & {WINTER, SUMMER})
        else:
            if len(times) >= 2 and seasons == {WINTER, SUMMER}:
                return f"{text[: first.end() - 1].rstrip()}{text[close + 1 :]}"
    return text
