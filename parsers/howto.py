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
