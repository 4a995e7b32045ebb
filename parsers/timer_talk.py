"""A timer's length said around the word "timer", not after "set a timer for": "10 minutes is
what the timer should be set at", "the timer should have 10 minutes set to it", "i need a timer
that is set at 1 hour exactly", "please make the timer for cooking for for 2 hours" (CLINC150's
crowd workers wrote timers so); or a timer said by its end: "let me know when it's been 5
minutes", "tell me when ninety minutes have passed".

The bot-command reading (`botcommand._timer`) takes the common orders; what it leaves is read
here, on the refusal path only, and asked about: a text that names a timer and one amount of
time, and no word that changes or asks about a timer that exists ("add 5 minutes to the
timer", "pause the timer for 5 minutes", "how long is left on the timer"), is that long from
now.
"""

from __future__ import annotations

import re
from typing import Final

from .botcommand import DELAY

# one amount of time with its unit ("10 minutes", "1 hour", "2 hours", "25 mins", "30 sec")
_AMOUNT: Final = re.compile(
    r"\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
    r"thirty|forty|forty[\s-]five|fifty|sixty|ninety)[\s-]*"
    r"(?:secs?|seconds?|mins?|minutes?|hrs?|hours?)\b",
    re.IGNORECASE,
)
# words that act on a timer that exists, or ask about one
_OTHER_ACTS: Final = frozenset(
    "add added adding more extra extend increase subtract remove minus less take cancel stop "
    "pause resume reset restart delete snooze left remaining another again done off end "
    "finish finished until every each before after ago elapsed passed running ran change "
    "update shorten lengthen instead not don't delay cut reduce hold by second first".split()
)
_QUESTION_OPENERS: Final = frozenset(
    "how what what's when which where who why is are does do did can could will".split()
)
_WORD: Final = re.compile(r"[a-z']+")
# "let me know when it's been 5 minutes", "tell me when ninety minutes have passed", "tell me
# when two minutes are up": a timer said by its end
_WHEN_PASSED: Final = re.compile(
    r"^\s*(?:please\s+)?(?:tell|let|alert|notify|ping|warn)\s+me\s+(?:know\s+)?when\s+"
    r"(?:(?:it's|it\s+has|it\s+is)\s+been\s+(?P<been>[^,.;!?]{3,30}?)"
    r"|(?P<amount>[^,.;!?]{3,30}?)\s+(?:have|has)\s+(?:passed|gone\s+by|elapsed)"
    r"|(?P<up>[^,.;!?]{3,30}?)\s+(?:are|is)\s+up)"
    r"\s*(?:please)?[\s.!]*$",
    re.IGNORECASE,
)


def timer_length(text: str) -> str | None:
    """The one amount of time a text about a new timer gives ("10 minutes" of "10 minutes is
    what the timer should be set at"); None when the text names no timer, more or fewer than
    one amount, a word that acts on or asks about a timer that exists, or is a question."""
    lowered = text.lower()
    if " when " in lowered and (passed := _WHEN_PASSED.match(text)) is not None:
        amount = passed["been"] or passed["amount"] or passed["up"]
        return amount.strip() if _AMOUNT.fullmatch(amount.strip()) else None
    if "timer" not in lowered:
        return None
    words = _WORD.findall(lowered)
    if "timer" not in words and "timers" not in words:
        return None
    if text.rstrip().endswith("?") or (
        words and words[0] in _QUESTION_OPENERS and "you" not in words[:2]
    ):
        return None
    if not _OTHER_ACTS.isdisjoint(words):
        return None
    amounts = _AMOUNT.findall(text)
    if len(amounts) != 1 or not DELAY.fullmatch(amounts[0].replace("-", " ")):
        return None
    return str(amounts[0])
