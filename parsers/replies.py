"""A time offered back in a conversation, not asked for: "15:15 works for me.", "March 9th
will work.", "5 o'clock in the evening is perfect.", "March 14th is the date.".

Assistants' dialogues (the Schema-Guided Dialogue data's calendar, salon and house-viewing
turns) are full of them: the assistant offered times, and the user picks one. Typed into a
scheduler the words read as a schedule, but they say which of some choices suits the speaker —
for what, and whether once, is in the conversation the text was cut from. The answer is asked
about, never saved as said.

What marks one: the text is a time or a day (and little else) as the subject of a verb of
suiting ("works", "will work", "would work best", "is perfect", "is just fine", "sounds
better", "is the date") and nothing after it but words of liking ("for me", "best", "great",
"out just fine"). "Monday at 9 works for the standup, please book it" goes on with a request
and is not one; "Friday is payday" says what a day is, not that it suits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

# the verb of suiting, with what may stand before it ("would", "should", "might")
_SUITS: Final = re.compile(
    r"^(?P<when>.{2,60}?)\s+"
    r"(?:(?:would|will|should|might|could|does)\s+(?:work|do|suit)"
    r"|works?|suits|sounds|is|'s)\b(?P<rest>[^.!?]*)[.!]?\s*$",
    re.IGNORECASE,
)
# the words that may follow it: how well it suits, and whom
_LIKING: Final = frozenset(
    "out just fine good great perfect better best ok okay alright nice well for me us to with "
    "the my our date day time one first choice preferred really totally absolutely everyone "
    "everybody all both".split()
)
# what may open the text before the time: "Actually, 5:30 …", "I think four …", "Anything at …"
_OPENING: Final = re.compile(
    r"^\s*(?:(?:actually|ok|okay|yes|yeah|hmm|well|so|then),?\s+)*"
    r"(?:i\s+think\s+|i\s+guess\s+|maybe\s+|anything\s+(?:(?:at|on|in)\s+)?)?",
    re.IGNORECASE,
)
# words that open a request: "remind me at 5 … works" is not offered back
_REQUEST_WORDS: Final = frozenset(
    "remind set schedule book add create run make put send start please can could will".split()
)
# the verbs looked for before any pattern runs
_CHEAP_CUES: Final = (" work", " is ", " is.", " sounds", " suits", " do.", "'s ")


def accepts_a_time(text: str, *, names_time: Callable[[str], bool]) -> str | None:
    """The time or day the text offers back ("15:15" of "15:15 works for me."), when the whole
    text is such a reply; None for anything else. `names_time(words) -> bool` says whether
    words speak of time (the caller's test, so this module needs no grammar)."""
    lowered = f"{text.lower()} "
    if not any(cue in lowered for cue in _CHEAP_CUES):
        return None  # most texts: none of the verbs
    body = text[_OPENING.match(text).end() :]  # type: ignore[union-attr]
    suits = _SUITS.match(body)
    if suits is None:
        return None
    rest = suits["rest"].lower().replace(",", " ").split()
    if any(word not in _LIKING for word in rest):
        return None
    when = suits["when"].strip()
    words = when.lower().split()
    if len(words) > 8 or words[0] in _REQUEST_WORDS or re.search(r"[.!?;]", when):
        return None  # a request, or a sentence before the reply ("Remind me at 5. That works.")
    return when if names_time(when) else None
