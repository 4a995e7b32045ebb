"""Which assumptions are asked about before saving, and which are only noted.

An answer asks (`needs_confirmation`, its confidence below `result.CONFIRM_BELOW`) when a
wrong guess is likely: an ambiguous date, a bare hour from 1 to 7, a time guessed from a
hint. An assumption that is the documented default of the apps people type such phrases
into (Todoist's quick add, Slack's /remind, Google Calendar) is only noted: the note says
what was assumed, wherever the answer is shown, and nothing is asked. Each decision here is
a pure function of what was said.
"""

from __future__ import annotations

import re
from typing import Final

# -- every N months --------------------------------------------------------------------------

# cron-descriptor's words for "0 0 1 */3 *": "At 12:00 AM, on day 1 of the month, every 3
# months" — cron's step counts the months from January, not from the first run
_DESCRIBED_CYCLE: Final = re.compile(
    r"^\s*at\s+\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\.?\s*,.*,\s*every\s+\d+\s+months\s*\.?\s*$",
    re.IGNORECASE,
)


def month_cycle_asks(text: str) -> bool:
    """Whether "every N months" counted from the first month its day comes round (as Google
    Calendar and Todoist start a series: at its first occurrence) is asked about.

    It is noted, not asked: "every 3 months on the 15th", "the first Monday of every other
    month". It is asked when the text is cron-descriptor's description of a cron step, which
    counts from January. (A text that names no day asks anyway: the day is a guess.)"""
    if text.lstrip()[:3].lower() != "at ":  # most texts: one slice, no pattern
        return False
    return _DESCRIBED_CYCLE.match(text) is not None


# -- an entry added to a calendar ------------------------------------------------------------

# "add dinner with Mary to my calendar on Saturday", "put dentist on my calendar for Thursday
# at 10 am", "please block off Friday at 8 am on my calendar": a new entry, at its time
_ADDS: Final = re.compile(
    r"\b(?:add|adding|put|block|pencil|enter|insert|set|create|make|schedule|note|mark|save|"
    r"remind)\b",
    re.IGNORECASE,
)
# a look at a calendar or a change to what is in it: "check my calendar for Tuesday", "take the
# 8am meeting off my calendar", "clear my calendar for saturday", "keep april 2nd wide open"
_LOOKS_OR_CHANGES: Final = re.compile(
    r"(?<!block )\b(?:off|from|clear|delete|remove|erase|cancel|drop|check|show|look|looking|"
    r"tell|list|read|find|see|view|what|whats|what's|any|anything|free|open|keep|accept|decline|rsvp|"
    r"move|change|reschedule|update|edit|instead|"
    # "… and remind me 2 hours before": a reminder ahead of the entry, not at its time
    r"before|after|prior|ahead|earlier|later)\b",
    re.IGNORECASE,
)


def adds_to_calendar(text: str) -> bool:
    """Whether `text` asks for a new entry in a calendar, and nothing else ("add my spin class
    to the calendar for Saturday at 7am"): read as one run at its time, as Google Calendar's
    quick add reads it — noted, not asked. A look at a calendar or a change to an entry in it
    is asked about (`understand.about_calendar`)."""
    return _ADDS.search(text) is not None and _LOOKS_OR_CHANGES.search(text) is None


# How build notes a bare hour settled by a hint, not said: '"9" read as 9pm: the task's
# evening' ("dinner at 9"), '"7" read as 7am: a time to wake up'
HINTED_HOUR: Final = (": the task's ", ": a time to wake up")


def hour_from_hint(notes: tuple[str, ...]) -> bool:
    """Whether a bare hour in the answer was read from a hint (the task's part of the day, a
    wake-up): a guess that an entry in a calendar, which keeps its exact time, asks about."""
    return any(hint in note for note in notes for hint in HINTED_HOUR)


# -- a bare hour ------------------------------------------------------------------------------

# "every weekday at 9", "mondays at 10": a working morning, as schedules mean it
_WORKING_MORNING: Final = range(8, 12)


def bare_morning_hour_asks(
    hour: int, *, repeating: bool, task_said: bool, day_named: bool = False
) -> bool:
    """Whether a bare hour from 8 to 11 read as the morning ("at 9": 9am) is asked about.

    A schedule that repeats and names nothing else ("every weekday at 9", "every other Monday
    at 10:00" in the US) is noted, not asked: a job's 9 is the working morning, and every run
    shows when it fires. So is one run on a day named ("tomorrow at 9", "August 5th at 8"):
    that day's morning. A time alone ("remind me at 9": Slack's /remind reads the next 9 to
    come, 9pm after 9am) is asked, and so is a command with a task beside the bare hour
    ("every weekday at 9, brief me"), which may be the evening's. 1 to 7 always asks."""
    return not (hour in _WORKING_MORNING and (repeating or day_named) and not task_said)


# -- a frequency that names the task ----------------------------------------------------------


def named_frequency_asks(*, time_said: bool, indefinite: bool) -> bool:
    """Whether a frequency that names the task and is all that says the job repeats ("run a
    daily backup check at midnight", "create a daily reminder at 8am") is asked about when it
    is read as the schedule's.

    A new thing that repeats ("a daily reminder", "a weekly meeting": the indefinite article)
    with a time of day said beside it is the schedule — how Google Assistant and Todoist read
    "set a daily reminder at 8am": noted, not asked. A thing that exists ("back up the daily
    logs at 11pm": once, tonight?) or no time ("fix the daily build": the frequency may only
    name it, and the time would be a default) is asked."""
    return not (time_said and indefinite)


# -- words of the task that are not about time ------------------------------------------------

# Zone abbreviations and place names that are everyday words: "eat dinner", "feed the cat",
# "an art show", "the West Bedroom", "Blackburn North" (in capitals, "EAT" is the zone)
_EVERYDAY_WORDS: Final = frozenset("eat cat cot art pet wet west north".split())
# after "work" (read as business): "work hours", "work week" speak of time; "leave for work" not
_WORK_TIME: Final = frozenset("hours hour days day week weeks time schedule shift".split())
# before "work": "at work", "after work" say when (a place one is at, a time it ends)
_WORK_WHEN: Final = frozenset("at after before during until till from since".split())


def plain_word(
    word: str,
    value: object,
    *,
    before: object,
    after: object,
    after_speaks_of_time: bool,
    place: bool,
    follows_schedule: bool = False,
) -> bool:
    """Whether a word left in a command's task, which can speak of time, is a plain word
    there: then the answer need not ask about "words about time not read".

    `word` is as written, `value` its token's value, `before` and `after` the values of its
    neighbours (None at an end), `after_speaks_of_time` whether the next word is a number, a
    time or a time word, `place` whether the word counts only as a place or a zone's name,
    `follows_schedule` whether it comes right after the schedule's words ("at noon eat cake":
    "noon EAT" typed in lower case?).
    Plain: "remind the team about the reports" (not "about 10am"), "eat dinner", "leave for
    work" (not "work hours", "at work"), "my next meeting" (not "next week"), "start build"
    (not "start time"), "take the racket to Dubai" (a place one goes to)."""
    lowered = word.lower()
    if value == "about" and lowered == "about":
        return after is not None and not after_speaks_of_time
    if place and lowered in _EVERYDAY_WORDS:
        return not follows_schedule and not (word.isupper() and len(word) > 1)  # "EAT": a zone
    if value == "business" and lowered == "work":
        return after not in _WORK_TIME and before not in _WORK_WHEN
    if value == "next" and lowered == "next":
        return after is not None and not after_speaks_of_time
    if value == "from" and lowered in ("start", "begin"):
        return after is not None and not after_speaks_of_time and after not in ("time", "date")
    return place and before == "to"
