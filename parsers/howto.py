"""How-to questions that carry the schedule they ask about.

"how do I make it run every minute?" and "how do I use the inject node to trigger at 4 pm every
Wednesday?" are worded as questions, but what they ask is how to set up a schedule they name
whole: the helpful answer is that schedule. A question about what is set ("how do I know which
reminders run at 5?") or about undoing one ("how do I stop it running every day?") is still a
question, and "how often …", "how long …" ask for a fact. "What is the cron expression for every
Monday at 9 AM?" asks for a schedule's expression: the schedule is its answer too. This module
only decides which kind a text is; the understanding refuses the others as questions.
"""

from __future__ import annotations

import re
from typing import Final

# "how do I", "how can we", "how would you", "how to", after a word or two of talk ("ok so how
# do I …")
_HOW_OPENING: Final = re.compile(
    r"^\W*(?:(?:ok|okay|so|well|hey|hi|hello|btw|also|and|but|um|hmm|question)\b[\s,:;.!-]*)*"
    r"how\s+(?:(?:do|can|could|would|should|shall)\s+(?:i|we|you|one)|to)\b",
    re.IGNORECASE,
)
# the verbs of setting a schedule up: "… make it run", "… trigger at 4 pm", "… schedule a job"
_SETUP_VERB: Final = re.compile(
    r"\b(?:run|runs|running|trigger|fire|execute|schedule|repeat|set\s+up|setup|"
    r"get\s+it\s+to|have\s+it|make\s+it|remind|ping|send|post)\b",
    re.IGNORECASE,
)
# verbs that ask about what is set, or change or undo it: still questions
_NOT_SETUP: Final = re.compile(
    r"\b(?:know|see|find|check|tell|list|show|view|cancel|stop|delete|remove|disable|pause|"
    r"change|edit|update|move|skip|avoid|prevent|test|debug|fix|read|parse|convert|"
    r"calculate|count|mean|means|work|works|happen)\b",
    re.IGNORECASE,
)


# "What is the cron expression for every Monday at 9 AM?", "what's the crontab entry to run every
# minute": a request for the expression of a schedule the question names whole
_EXPRESSION_FOR: Final = re.compile(
    r"^\W*what(?:'s|’s|\s+is|\s+would\s+be|\s+should\s+be)\s+(?:the\s+|a\s+)?"
    # (not "what is the schedule for tomorrow?", a question about what is set)
    r"(?:(?:cron(?:tab)?|quartz|rrule)\s*(?:expression|syntax|string|line|entry|rule|pattern)?|"
    r"schedule\s+(?:expression|string|rule|pattern))\s+(?:for|to)\b",
    re.IGNORECASE,
)


def asks_for_expression(text: str) -> bool:
    """Whether `text` asks for the cron expression (or rule) of a schedule it names: "what is
    the cron expression for every minute?" is answered with that schedule."""
    return _EXPRESSION_FOR.match(text) is not None


def asks_how_to_schedule(text: str) -> bool:
    """Whether `text` is a how-to question ("how do I …") whose subject is setting up a
    schedule: its verb sets something running, and nothing in it asks what is set or how
    to change or undo it. The caller still needs a schedule in the text to answer it."""
    return (
        _HOW_OPENING.match(text) is not None
        and _SETUP_VERB.search(text) is not None
        and _NOT_SETUP.search(text) is None
    )


# "Is it possible to run a specific file at first of every month at midnight??", "is there a way
# to trigger it every Monday": whether a schedule can be set, which is a request for it; "What
# I'd like to do is let Parabol send … every Monday morning at 900AM", "what we want is a ping at
# 9": a wish that states the schedule. Both are answered with the schedule they name, asked.
_POSSIBLE_OPENING: Final = re.compile(
    r"^\W*(?:(?:ok|okay|so|well|hey|hi|hello|btw|also|and|but|um|hmm|question)\b[\s,:;.!-]*)*"
    r"is\s+(?:it|there)\s+(?:(?:at\s+all\s+)?possible|(?:any|a)\s+(?:way|option))\s+to\b",
    re.IGNORECASE,
)
_WISH_OPENING: Final = re.compile(
    r"^\W*what\s+(?:i|we)\s*(?:'d|’d|\s+would|\s+really)?\s+(?:like|want|need|wish)\b"
    r"(?:\s+to\s+(?:do|have|see))?\s+is\b",
    re.IGNORECASE,
)
_WISH_FIRST: Final = frozenset({"is", "what", "ok", "okay", "so", "well", "hey", "hi", "hello",
                                "btw", "also", "and", "but", "um", "hmm", "question"})  # fmt: skip
POSSIBLE_NOTE: Final = "asked whether it can be done: the schedule it names is read, to confirm"
WISH_NOTE: Final = "a wish told, not a request: the schedule it names is read, to confirm"


def asks_if_possible(text: str, first: str | None) -> str | None:
    """The note for a question whether a schedule can be set up ("is it possible to run … at
    …?") or a wish that states one ("what I'd like is …"), which are answered with the schedule
    they name, asked; None otherwise. `first`: the text's first word, lower case."""
    if first is not None and first not in _WISH_FIRST:
        return None
    if _POSSIBLE_OPENING.match(text) is not None:
        if _SETUP_VERB.search(text) is None or _NOT_SETUP.search(text) is not None:
            return None
        return POSSIBLE_NOTE
    if _WISH_OPENING.match(text) is not None:
        return WISH_NOTE
    return None
