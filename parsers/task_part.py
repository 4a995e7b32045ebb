"""The part of the day a task's words name, which settles a bare hour beside them.

"Remind me at 8 for dinner" is 8pm and "at 8 for breakfast" 8am (the contextual reading
Finance-Ally's quick log and assistants' commitment trackers document); "every weekday at 7
to leave for work" is 7am; "lunch at 1" is 1pm. A word here only settles an hour written
without am/pm: "dinner at 8am" is read as said.
"""

from __future__ import annotations

import re
from typing import Final

from . import lexicon as lx
from .tokens import TokenizeError, tokenize, word_values

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
    # "meets every Wednesday after school from 2:30-3:30": school ends in the afternoon
    ("afternoon", re.compile(r"\bafter[\s-]?school\b", re.IGNORECASE)),
)


def part_named_by(task: str) -> str | None:
    """ "morning", "evening" or "midday" when the task's words name one part of the day (and
    only one), else None."""
    found = [part for part, pattern in _PARTS if pattern.search(task)]
    return found[0] if len(found) == 1 else None


# -- the message of a reminder, and the times in it -------------------------------------------

# "… that my bill is due on the 15th", "… about the 10am deploy", "… to pay the bill due on the
# 28th": the word that opens the message, and the message's first word (a word the grammar does
# not know: not "to Friday", "about 5pm", "that day")
_OPENS_MESSAGE: Final = re.compile(
    r"\s(?:that|about|to)\s+(?=([A-Za-z][a-z'’-]*)\b)", re.IGNORECASE
)
# what the words before the message must hold to be a schedule of their own (a cheap test)
_SAYS_WHEN: Final = re.compile(
    r"\d|\b(?:every|each|daily|weekly|monthly|yearly|annually|today|tomorrow|tonight|noon|"
    r"midnight|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_DAY_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.DATE, lx.SLASHDATE})
_DAY_WORDS: Final = frozenset({"today", "tomorrow", "tonight", "every", "daily", "weekly"})
_CLOCK_WORDS: Final = frozenset({"noon", "midnight"})
_MERIDIEMS: Final = frozenset({"am", "pm", "oclock"})
# words that state a date in a message ("the bill is due on the 28th", "it renews on March 15th")
_STATES: Final = frozenset(
    "due is are was were be expires expire renews renew ends end starts start begins begin "
    "opens closes falls happens lands arrives".split()
)
_DETERMINERS: Final = frozenset({"the", "my", "our", "your", "their", "his", "her", "this"})
# words after which a message's time is a deadline it speaks of ("to send the report by 5pm",
# "to review it before they go to print at noon", "to book the room for Wednesday"); not
# "until"/"through", which bound the schedule ("every day at 9 to stretch until Friday")
_DEADLINES: Final = frozenset({"by", "before", "for"})
# words that open a sentence of the message, even when the grammar knows them
_SUBJECTS: Final = frozenset(
    "the a an my our your his her their its i we you he she they it this there".split()
)


def message_clause(rest: str) -> tuple[str, str, bool] | None:
    """ "on the 11th of every month that my bill is due on the 15th" → ("on the 11th of every
    month", "my bill is due on the 15th", True): a reminder's schedule, then its message, when
    the message names a day (or a time of day) as the schedule does — the message's is then a
    date it speaks of, not a second run ("remind me tomorrow to call mom at 5pm" keeps both:
    the day and the time make one run). After "that" (a sentence: "at 5pm that the report is
    due tomorrow") the message's time is its own whatever it names; the third item is False
    when that reading is the only one that splits them (to confirm). None when the text has no
    such message."""
    for match in _OPENS_MESSAGE.finditer(rest):
        first = match.group(1).lower()
        if match.start() == 0 or (first in lx.LEXICON and first not in _SUBJECTS):
            continue
        before, message = rest[: match.start()], rest[match.end() :]
        if _SAYS_WHEN.search(before) is None:
            return None
        # "that" opens a sentence of the message when a subject or a verb that states follows
        # ("that my bill is due", "that reports are due"; not "Saturday that follows Sunday")
        sentence = match.group().strip().lower() == "that" and (
            first in _SUBJECTS or _stated(message)
        )
        # the message first: most name no day nor time ("… to check the build"), and then
        # the words before it (a schedule: a scan of their own) need not be looked at
        said_after = _what_is_said(message, statement=not sentence)
        if not said_after:
            return None
        said_before = _what_is_said(before, statement=False)
        if said_before & said_after:
            return before.strip(), message.strip(), True
        if said_before and said_after and sentence and _stated(message):
            return before.strip(), message.strip(), False
        return None
    return None


def _what_is_said(words: str, *, statement: bool) -> frozenset[str]:
    """ "day" when the words name a day or date, "clock" when they name a time of day. With
    `statement`, only a date the words state ("the bill due on the 28th", "the 10am deploy"),
    not one an action is done on ("call mom or friday": maybe a second run)."""
    # words alone ("check the build"): their tokens' kinds and values without a scan
    values = word_values(words)
    pairs: list[tuple[str, object]]
    if values is not None:
        pairs = [(kind, value) for _, kind, value in values]
    else:
        try:
            pairs = [(token.kind, token.value) for token in tokenize(words)]
        except TokenizeError:
            return frozenset()
    said: set[str] = set()
    stated = not statement
    for k, (kind, value) in enumerate(pairs):
        if kind == lx.WORD and (value in _STATES or (statement and value in _DEADLINES)):
            stated = True
        if not stated and not (
            kind in (lx.TIME, lx.DAY) and k and pairs[k - 1][1] in _DETERMINERS
        ):  # "the 10am deploy", "the Friday deadline": a time that names a thing
            continue
        if kind in _DAY_KINDS or (kind == lx.WORD and value in _DAY_WORDS):
            said.add("day")
        elif kind == lx.ORD and k and pairs[k - 1][1] in ("the", "on"):
            said.add("day")  # "on the 15th"
        elif kind == lx.TIME or (kind == lx.WORD and value in _CLOCK_WORDS):
            said.add("clock")
        elif kind == lx.NUM and k + 1 < len(pairs) and pairs[k + 1][1] in _MERIDIEMS:
            said.add("clock")  # "at eight am" (said in words, as people say it to an assistant)
    return frozenset(said)


def _stated(message: str) -> bool:
    """Whether the message holds a verb that states ("is", "due", "renews")."""
    return not _STATES.isdisjoint(message.lower().split())


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
