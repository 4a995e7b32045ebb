"""Sentences that tell of a time rather than ask for one: each check returns why the answer
should be confirmed (or refused), or None.

A scheduler box's bare phrase is a request ("meeting at 1pm", "standup Monday 9am"); a full
sentence told about something else is not:
- an event described by its own subject, in the future or in the minutes' past: "The ceremony
  will begin at 7p CST sharp", "Boarding will begin at 7:05 p.m.", "The meeting was called to
  order at 14:05 UTC", "The old design ran finalization only on Monday mornings";
- a fault, reported: "The event generation was NOT running every 30 minutes as expected",
  "agent uptime checker was not running every 5 minutes as it was suppose to";
- nothing happening on the days named: "No meetings on Fridays", "WEEKENDS: No practice";
- two events, each with its schedule: "Regular meetings take place on the 1st & 3rd Wednesday
  … and Study Sessions take place on the 2nd & 4th Wednesday …".

What tells them apart from requests is grammar, not words about time: a subject before the verb
(a request starts with its verb, or "remind me", "please"), the tense or aspect (will + an
event's verb, was/were + a participle, a negated past of running), a sentence that says "no"
of its subject. Each check looks for a cheap cue (a word or a substring) first.
"""

from __future__ import annotations

import re
from typing import Final

# -- an event described -----------------------------------------------------------------------

# What an event does at a time: it starts, ends, leaves or comes back ("The boat will depart at
# 7:30 pm", "Judging will start at 1PM", "the presentation will begin at 7:30 pm")
_EVENT_VERBS: Final = (
    r"(?:start|begin|commence|open|close|end|finish|conclude|depart|leave|arrive|return|resume|"
    r"reopen|kick\s+off|wrap\s+up|take\s+place|be\s+held|get\s+underway|go\s+live)"
)
# "X will start at …", "X is set to start at …", "X is going to begin at …": a subject, then the
# event's future. The subject is a thing, not the speaker ("I will leave in 2 minutes" is the
# speaker's plan, a reminder's) nor the reader ("you will …"), and the sentence does not open
# with a request ("remind me that the meeting will start at 1pm" asks).
_FUTURE_EVENT: Final = re.compile(
    r"(?:^|(?<=[.;!?]))\s*\W*(?!(?:i|we|you|u|let's|lets|let|please|pls|remind|tell|notify|ping|alert|schedule|"
    r"set|add|create|make|book|send|post|run|can|could|would|will|should|if|when|once|after|"
    r"before|so)\b)"
    r"(?:[\w'’&().,-]+\s+){1,10}?"
    r"(?:will(?:\s+now|\s+then|\s+also|\s+only)?|shall|(?:is|are)\s+(?:set|going|due|expected|"
    r"scheduled|slated)\s+to|(?:is|are)\s+to)\s+" + _EVENT_VERBS + r"\b",
    re.IGNORECASE,
)
_FUTURE_CUES: Final = frozenset(
    {"will", "shall", "set", "going", "due", "expected", "scheduled", "slated"}
)


def future_event(text: str, words: frozenset[str]) -> str | None:
    """ "The ceremony will begin at 7p CST sharp", "Judging will start at 1PM": an event's
    start or end, described in the future by its own subject."""
    if _FUTURE_CUES.isdisjoint(words):
        return None
    match = _FUTURE_EVENT.search(text)
    if match is None:
        return None
    return f"“{match.group().strip()} …” describes an event, it does not ask for a run: to confirm"


# Minutes' words and a sentence told in the past by its subject: "The meeting was called to
# order at 14:05 UTC", "Meeting called to order at 6:02 PM", "The meeting was adjourned at 15:00",
# "The old design ran finalization only on Monday mornings". (A request starts with its verb;
# "check what was deployed at 5pm" asks, and its "was" comes after a wh-word.)
_MINUTES: Final = re.compile(
    r"\b(?:called\s+to\s+order|adjourned|(?:was|were)\s+convened|reconvened|came\s+to\s+order)\b",
    re.IGNORECASE,
)
_MINUTES_CUES: Final = frozenset({"called", "adjourned", "convened", "reconvened", "came"})
_PAST_TOLD: Final = re.compile(
    r"^\W*(?:the|this|that|our|my|their|his|her|its|a|an)\s+"
    r"(?!(?:\w+\s+){0,5}?(?:what|which|who|whether|if|that|when|where|how)\b)"
    r"(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:already\s+|just\s+|then\s+|also\s+)?"
    r"(?!(?:scheduled|planned|slated|booked|confirmed|expected|supposed|meant|going|due|set|"
    r"changed|moved|updated|rescheduled)\b)"
    r"[a-z]{3,}ed"
    # (only a past that is no participle: "A Cron job is triggered at 1 AM", "A workout held on
    # the first Thursday" describe a habit)
    r"|ran|began|went|came|took|happened|occurred|arrived|departed)\b",
    re.IGNORECASE,
)
_PAST_CUES: Final = frozenset(
    "was were been ran began went came took happened occurred arrived departed".split()
)


def told_in_the_past(text: str, words: frozenset[str]) -> str | None:
    """ "The meeting was called to order at 14:05 UTC", "The old design ran finalization only
    on Monday mornings": what happened, told by its subject, not a run to make."""
    match = None
    if not _MINUTES_CUES.isdisjoint(words):
        match = _MINUTES.search(text)
    if match is None and not _PAST_CUES.isdisjoint(words):
        match = _PAST_TOLD.match(text)
    if match is None:
        return None
    return f"“{match.group().strip()}” tells what happened, it does not ask: to confirm"


# -- a fault reported ---------------------------------------------------------------------------

# "was NOT running every 30 minutes as expected", "the cron didn't fire at 2am", "never ran",
# "stopped running", "failed to run": a run that did not happen, reported. ("It does not run on
# Saturday or Sunday", "don't run it on Fridays": what a schedule leaves out, in the present.)
_FAULT: Final = re.compile(
    r"\b(?:(?:was|were|has|have|had|did)(?:\s+not|n['’]t)\s+(?:been\s+)?|never\s+|stopped\s+|"
    r"(?:failed|fails|forgot|forgets)\s+to\s+)"
    r"(?:run|runs|running|ran|fire|fired|firing|fires|trigger|triggered|triggering|execute|"
    r"executed|executing|start|started|starting|work|working|worked|sent|send|sending|happen|"
    r"happened|kick\s+off|kicked\s+off|kicking\s+off)\b",
    re.IGNORECASE,
)
_FAULT_CUES: Final = frozenset(
    {"not", "t", "never", "stopped", "failed", "fails", "forgot", "forgets"}
)


def fault_report(text: str, words: frozenset[str]) -> str | None:
    """ "The event generation was NOT running every 30 minutes as expected": a run that did
    not happen, reported — not a schedule asked for."""
    if _FAULT_CUES.isdisjoint(words):
        return None
    match = _FAULT.search(text)
    if match is None:
        return None
    return f"“{match.group()}” reports a run that did not happen, not a schedule: to confirm"


# -- nothing happens ------------------------------------------------------------------------------

# "No meetings on Fridays", "WEEKENDS: No practice", "No office hours on Aug 27": the days named
# are the ones when nothing happens. ("no later than 5pm" is a bound; "No, every Monday" answers.)
_NOTHING: Final = re.compile(
    r"^\W*(?:[\w .&/'’()-]{1,40}?\s*[:|–—-]\s*)?no\s+"
    r"(?!(?:later|earlier|sooner|more|less|longer|matter|need|problem|problems|worries|way|doubt|"
    r"rush|one|thanks|thank|wait|sorry|actually|please|pls|just|not|make|let|change|scratch|"
    r"that|this|it|you|we|i|then|instead|rather)\b)[a-z]{3,}",
    re.IGNORECASE,
)


def nothing_happens(text: str, words: frozenset[str]) -> str | None:
    """ "No meetings on Fridays", "WEEKENDS: No practice": when something does not happen."""
    if "no" not in words:
        return None
    match = _NOTHING.match(text)
    if match is None:
        return None
    return f"“{match.group().strip()}” says what does not happen, not when to run: to confirm"


# -- two events, each with a schedule ----------------------------------------------------------

# "Regular meetings take place on the 1st & 3rd Wednesday each month and Study Sessions take place
# on the 2nd & 4th Wednesday": the same habit's verb twice, each time with its own days.
_HABIT_VERB: Final = re.compile(
    r"\b(?:takes?\s+place|(?:is|are)\s+held|meets?|occurs?|convenes?)\b", re.IGNORECASE
)
_HABIT_CUES: Final = frozenset({"place", "held", "meet", "meets", "occur", "occurs", "convene"})


def two_events(text: str, words: frozenset[str]) -> str | None:
    """ "… meetings take place on the 1st & 3rd Wednesday … and Study Sessions take place on
    the 2nd & 4th Wednesday …": two events, two schedules — not one job."""
    if _HABIT_CUES.isdisjoint(words):
        return None
    found = _HABIT_VERB.findall(text)
    if len(found) < 2:
        return None
    return f"“{found[0]}” is said twice: two events, each with its own schedule; to confirm"
