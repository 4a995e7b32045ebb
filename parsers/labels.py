"""A label before a request: "Schedule: …", "Note: …", "Reminder: …", "Todo: …".

The words after the label are what the person wrote: a question ("Schedule: am I free at
4pm?"), a change to a job ("Note: cancel my 9am reminder"), a statement ("Reminder: Viola
has Thursday off") keep what they are with a label before them. The cues that look at how a
text begins (understand.py's _QUESTION, _MANAGE, _STATEMENT, …) read the text without it.

A label that says something about time ("Daily: …", "Every Monday: …", "When: …") is part
of the schedule and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

# one to three words, a colon and a space: "Schedule: ", "Weekly sync: ", "Note to self: "
# (and a number after them: "Test 5: ", "Step 3: ", "Case #2: ")
_LABEL: Final = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,2})(?:\s+#?\d{1,3})?"
    r"\s*:\s+(?=\S)"
)


# Markup before the words: a quote ("> "), a bullet ("- ", "• "), code or bold ("`", "**"), an
# emoji ("⏰ "); not "/", "@", "#" (a command, a target, a channel) nor a bracket or a quote
_MARKUP: Final = re.compile(r"^(?:[\s`*>_~•-]|(?!\w)[^\x00-\x7f])+")


def unmarked(text: str) -> str:
    """`text` without the markup at its start: "> cancel my 9am reminder" is a change to a job
    as "cancel my 9am reminder" is."""
    if not text or text[0].isalnum():
        return text  # most texts start with a word: one look
    match = _MARKUP.match(text)
    return text[match.end() :] if match is not None else text


def unlabelled(text: str, *, names_time: Callable[[str], bool]) -> str:
    """`text` without markup or a label at its start that names no time; `text` itself
    otherwise."""
    text = unmarked(text)
    if ":" not in text[:40]:
        return text  # most texts have no label: one look
    match = _LABEL.match(text)
    if match is None or names_time(match["label"]):
        return text
    if match["label"].rsplit(None, 1)[-1].lower() in _OPEN_ENDS:
        return text  # "Presale begins at: 1700hrs UTC": a sentence with a colon, no label
    return text[match.end() :]


# words a label does not end with: a sentence goes on after them ("Presale begins at: 5pm")
_OPEN_ENDS: Final = frozenset(
    "at on by from until till in is are was were every to of for around after before".split()
)


# "* US: Weekly on Wednesdays at 10:00am GMT-7", "* APAC: Tuesdays at 13:00 GMT+11": a region's
# line in a list of a meeting's alternatives, one per part of the world — which is the reader's?
_REGION_LABEL: Final = re.compile(
    r"^[\s*•>-]*(?P<region>US|USA|EU|EMEA|APAC|APJ|AMER|AMERICAS|NA|NAM|LATAM|UK|ANZ|Asia|"
    r"Europe|Americas|Asia[\s-]Pacific)\s*:\s",
    re.IGNORECASE,
)
REGION_NOTE: Final = "“{region}:” sets out one region's time among others: to confirm"


def region_label(text: str) -> str | None:
    """The note for a line labelled with a region ("US:", "APAC:"), one of a meeting's times
    for several parts of the world; None for other texts."""
    if ":" not in text[:16]:
        return None
    found = _REGION_LABEL.match(text)
    return None if found is None else REGION_NOTE.format(region=found["region"])
