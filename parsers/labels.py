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
_LABEL: Final = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,2})\s*:\s+(?=\S)"
)


def unlabelled(text: str, *, names_time: Callable[[str], bool]) -> str:
    """`text` without a label at its start that names no time; `text` itself otherwise."""
    if ":" not in text[:40]:
        return text  # most texts have no label: one look
    match = _LABEL.match(text)
    if match is None or names_time(match["label"]):
        return text
    return text[match.end() :]
