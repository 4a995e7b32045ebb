"""Clauses beside a schedule that are not more of it: a reason, and an exception's own schedule.

"Run the scheduled job only on weekdays, because some resources ain't available on Sunday": the
clause after "because" says why, and the Sunday in it is no day of the schedule (read together,
"weekdays" and "Sunday" were refused as days that narrow each other). A text refused whole whose
main clause reads alone, with the reason set aside, is that clause's schedule, asked: the words
set aside were read as a reason, and a sentence that explains is often no request ("That command
is safe only on weekdays because upstream rotates keys on Sundays").

"Pantries are the 2nd and 4th Saturdays of each month, except November/December where we
operate on the 1st and 3rd Saturdays": the exception has a schedule of its own. Read as one, the
two were merged into a cron expression of four Saturdays in ten months; they are two jobs, and
the text is refused with that suggestion.

"Mon 00:00 -> Mon 00:41 UTC": a time changed to another, shown with an arrow, tells of a change
(a commit's list of moved schedules); the answer asks.
"""

from __future__ import annotations

import re
from typing import Final

# a reason after the schedule: ", because …", " because …", "; since the …", " cuz …"
_REASON: Final = re.compile(
    r"(?:\s*[,;]\s*|\s+)(?:because|’cause|'cause|cuz|coz|since\s+(?:the|some|our|we|it|they|"
    r"there|no|nobody))\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_ORDINAL_OR_DAY: Final = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\d{1,2}:\d\d)"
)
# "except November/December where we operate on the 1st and 3rd Saturdays", "except Fridays
# when it is at 10am": an exception that says its own days or times
_EXCEPTED_OWN: Final = re.compile(
    rf"\bexcept(?:ing)?\b[^.;]{{1,60}}?\b(?:where|when|in\s+which|during\s+which|then)\b"
    rf"[^.;]{{0,60}}?\b{_ORDINAL_OR_DAY}",
    re.IGNORECASE,
)
# "Mon 00:00 -> Mon 00:41 UTC": a time moved to another, shown with an arrow (a change log's line)
_WEEKDAY: Final = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_ARROW_CHANGE: Final = re.compile(
    rf"\b(?P<d1>{_WEEKDAY})\s+\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Za-z]{{2,4}}\s*)?"
    rf"(?:->|→|⟶)\s*(?P<d2>{_WEEKDAY})\s+\d{{1,2}}(?::\d\d|\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
ARROW_NOTE: Final = "an arrow from one time to another tells of a change, not a request: to confirm"
REASON_NOTE: Final = "the reason after “{word}” was set aside (no part of the schedule): to confirm"
EXCEPTION_REASON: Final = (
    "two schedules: the exception names days or times of its own (make two jobs, one for the "
    "months or days excepted)"
)


def without_reason(text: str) -> tuple[str, str] | None:
    """`text` without the reason clause after its schedule ("…, because some resources ain't
    available on Sunday"), and the word that opened it; None when it has none, or nothing is
    left before it."""
    lowered = text.lower()
    if (
        "cause" not in lowered
        and "since" not in lowered
        and "cuz" not in lowered
        and "coz" not in lowered
    ):
        return None
    found = _REASON.search(text)
    if found is None or not text[: found.start()].strip():
        return None
    word = found.group().strip(" ,;").split(None, 1)[0].lower()
    return text[: found.start()].rstrip(" ,;"), word


# ", which changes day numbers and can sometimes be either the 2nd week or 3rd week": a remark
# on the schedule said before it (how its dates fall), to the end of the sentence
_WHICH_REMARK: Final = re.compile(r",\s+which\s+(?P<remark>[^.;!?]{3,200})[.!]?\s*$", re.IGNORECASE)
# what makes the clause more than a remark: a time of day, or a word that changes the schedule
_WHICH_KEEPS: Final = re.compile(
    r"\d\s*[ap]\.?m\b|\d:\d\d|\b(?:not|except|instead|but|only|every|each|also|then|until)\b",
    re.IGNORECASE,
)
# words that describe how the dates fall rather than say when
_WHICH_DESCRIBES: Final = re.compile(
    r"\b(?:changes?|varies|vary|moves?|falls?|can|could|may|might|sometimes|either|means?)\b",
    re.IGNORECASE,
)
WHICH_NOTE: Final = (
    "the remark after “, which” was read as about the schedule, not part of it: to confirm"
)


def without_which_remark(text: str) -> str | None:
    """`text` without a closing ", which …" clause that only describes the schedule before it
    ("on the second Tuesday of every month, which changes day numbers and can sometimes be
    either the 2nd week or 3rd week"); None when there is none, or the clause says a time or
    changes the schedule ("…, which is 3pm in Tokyo", "…, which is not on holidays")."""
    if "which" not in text:
        return None
    found = _WHICH_REMARK.search(text)
    if found is None or not text[: found.start()].strip():
        return None
    remark = found["remark"]
    if _WHICH_KEEPS.search(remark) is not None or _WHICH_DESCRIBES.search(remark) is None:
        return None
    return text[: found.start()]


def arrow_change(text: str) -> bool:
    """Whether `text` shows a day and time changed to another with an arrow ("Mon 00:00 -> Mon
    00:41 UTC (cron '41 0 * * 1')", a list of schedules moved): it tells of a change, it asks
    for nothing, and which of the two times is wanted is the reader's guess. The day is said on
    both sides: "09:00 → 10:00 Standup" is a timetable's range, left as it is."""
    if "->" not in text and "→" not in text and "⟶" not in text:
        return False
    return _ARROW_CHANGE.search(text) is not None


def excepted_own_schedule(text: str) -> bool:
    """Whether an exception in `text` names days or times of its own after "where"/"when"
    ("except November/December where we operate on the 1st and 3rd Saturdays")."""
    if "xcept" not in text:
        return False
    return _EXCEPTED_OWN.search(text) is not None
