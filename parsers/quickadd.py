"""The marks of a to-do app's quick-add box, taken out before the words are read.

Remember The Milk's Smart Add ("Play game !3 ^tomorrow 10am #fun *weekly =1h"), TickTick's
and Any.do's ("Buy milk !high tomorrow"), Todoist's ("Pay rent p1 every 1st") write a task,
its due date and other fields on one line, each field after a sign:

- ``^date``: the due date ("^tomorrow 10am") — the words after the sign are the date;
- ``*repeat``: how often ("*weekly", "*every monday") — read as "every …" or the word;
- ``!1``/``!high``/``!!!``, ``p1``–``p4``: the priority — says nothing about time;
- ``=1h``, and ``+30m`` beside a priority (OpenTodo): the time the task takes (an
  estimate) — how long, not when ("Take the pizza out +30m" alone is a bot's delay).

`plain_marks` says such a line in plain words: the signs of date and repeat dropped, the
priority and the estimate taken out. "#list" and "@place" are left to the target reading.
"""

from __future__ import annotations

import re
from typing import Final

from .botcommand import DELAY

# "!3", "!!", "!high", "p1": a priority, alone between spaces
_PRIORITY: Final = re.compile(
    r"(?:(?<=\s)|^)(?:!{1,3}(?:[0-4]|high|hi|medium|med|low|none)?|p[1-4])(?=\s|$)",
    re.IGNORECASE,
)
# "^tomorrow", "^fri 10am": the due date's sign, glued to its first word
_DUE: Final = re.compile(r"(?:(?<=\s)|^)\^(?=[a-z0-9])", re.IGNORECASE)
# "*weekly", "*every 2 weeks", "*after 3 days": the repeat's sign, glued to its first word
_REPEAT: Final = re.compile(
    r"(?:(?<=\s)|^)\*(?=(?:every|each|after|daily|weekly|monthly|yearly|annually|hourly|"
    r"nightly|biweekly|fortnightly|weekdays?|weekends?)\b)",
    re.IGNORECASE,
)
# "=1h", "=30 min": how long the task takes
_ESTIMATE: Final = re.compile(rf"(?:(?<=\s)|^)=\s?{DELAY.pattern}", re.IGNORECASE)
# "+30m" beside a priority ("… p1 +30m", OpenTodo's estimate): how long, as "=30m" is
_PLUS_ESTIMATE: Final = re.compile(
    r"(?<=\s)\+\d+(?:\.\d+)?\s?(?:m|min|mins|h|hr|hrs|d)(?=\s|$)", re.IGNORECASE
)
_SPACES: Final = re.compile(r"\s{2,}")
# "p1"-"p4" anywhere: what _SIGNS needs when no sign's character is in the text (a search
# that starts with a set of characters runs in C)
_PRIORITY_P: Final = re.compile(r"[pP][1-4]")
# a cheap test: one of the signs, at the start of a word
_SIGNS: Final = re.compile(r"(?:^|\s)(?:[!^*=]|p[1-4](?:\s|$))", re.IGNORECASE)


def plain_marks(text: str) -> str:
    """`text` with a quick-add box's marks said in plain words ("Play game !3 ^tomorrow
    10am #fun" → "Play game tomorrow 10am #fun"); `text` itself when it has none. A "!"
    glued to a word ("!remind") is a bot's command, not a priority."""
    if (
        "!" not in text
        and "^" not in text
        and "*" not in text
        and "=" not in text
        and _PRIORITY_P.search(text) is None
    ) or _SIGNS.search(text) is None:
        return text  # (a sign's character first: most texts have none)
    said = _PRIORITY.sub("", text)
    if said != text and "+" in said:
        said = _PLUS_ESTIMATE.sub("", said)  # with a priority, "+30m" is an estimate
    said = _DUE.sub("", said)
    said = _REPEAT.sub("", said)
    said = _ESTIMATE.sub("", said)
    if said == text:
        return text
    return _SPACES.sub(" ", said).strip()
