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
# "an art show", "the West Bedroom", "Blackburn North", "the Student Center" (a town in North
# Dakota) — in capitals, "EAT" is the zone
_EVERYDAY_WORDS: Final = frozenset("eat cat cot art pet wet west north center centre".split())
# what a "working" names that is no time: "the Working Group" (a committee), not "working hours"
_WORKING_THINGS: Final = frozenset({"group", "groups"})
# after "work" (read as business): "work hours", "work week" speak of time; "leave for work" not
_WORK_TIME: Final = frozenset("hours hour days day week weeks time schedule shift".split())
# before "work": "at work", "after work" say when (a place one is at, a time it ends)
_WORK_WHEN: Final = frozenset("at after before during until till from since".split())
# "or" that makes a time vague, whatever it joins: "give or take", "more or less", "or so"
_VAGUE_BEFORE_OR: Final = frozenset({"give", "more", "less"})
_VAGUE_AFTER_OR: Final = frozenset(
    {"so", "take", "more", "less", "later", "earlier", "sooner", "thereabouts", "whenever"}
    | {"other", "another"}
)
# what follows "when" that reads the clock the schedule's words then give: "tell me when it
# is 5pm", "text me when it's 3:00 PM", "let me know when it hits midnight"
_CLOCK_READINGS: Final = (("it's",), ("its",), ("it", "is"), ("it", "hits"))
# "now" opening a sentence as a spoken turn does: "Now, let's add …", "Now please add …",
# "Though now I would like …" ("right now", "start now" and "now and every hour" are times)
_TURN_AFTER_NOW: Final = frozenset({",", "i", "we", "please", "let's", "lets", "let", "you"})


def _a_word(value: object) -> bool:
    """Whether a neighbour's value is a word (not a number, a time or a symbol)."""
    return isinstance(value, str) and value[:1].isalpha()


def joins_plain_words(
    before: object,
    after: object,
    *,
    before_speaks_of_time: bool,
    after_speaks_of_time: bool,
    beside_schedule: bool,
) -> bool:
    """Whether an "or" in the task joins two plain words ("stay hydrated or join the server",
    "alert or modal", "build and/or deploy"), not two times ("at 9 or 10am", "Wednesday or
    Thursday", whose "or" sits beside the schedule's words) nor a vague amount ("give or
    take", "more or less", "or so")."""
    if beside_schedule or before_speaks_of_time or after_speaks_of_time:
        return False
    if before in _VAGUE_BEFORE_OR or after in _VAGUE_AFTER_OR:
        return False
    return (_a_word(before) or before == "/") and _a_word(after)


def reads_the_clock(rest: tuple[object, ...]) -> bool:
    """Whether the words after a "when" are "it is" or "it's" and nothing more of their
    clause: the time that follows was read as the schedule ("tell me when it is 5pm"). A
    condition ("when it is raining", "when the queue is empty") is not."""
    for reading in _CLOCK_READINGS:
        if rest[: len(reading)] == reading:
            following = rest[len(reading)] if len(rest) > len(reading) else None
            return following is None or not _a_word(following)
    return False


def plain_word(
    word: str,
    value: object,
    *,
    before: object,
    after: object,
    after_speaks_of_time: bool,
    place: bool,
    follows_schedule: bool = False,
    before_speaks_of_time: bool = False,
    precedes_schedule: bool = False,
    opens_sentence: bool = False,
    rest: tuple[object, ...] = (),
    opens_name: bool = False,
) -> bool:
    """Whether a word left in a command's task, which can speak of time, is a plain word
    there: then the answer need not ask about "words about time not read".

    `word` is as written, `value` its token's value, `before` and `after` the values of its
    neighbours (None at an end), `after_speaks_of_time` (`before_speaks_of_time`) whether the
    next (previous) word is a number, a time or a time word, `place` whether the word counts
    only as a place or a zone's name, `follows_schedule` (`precedes_schedule`) whether it
    comes right after (before) the schedule's words ("at noon eat cake": "noon EAT" typed in
    lower case?), `opens_sentence` whether it is the first word of a sentence, `rest` the
    values of the words after it, `opens_name` whether it is a place's name written as the
    first word of a longer name ("the Lebanon Golf & Country Club").
    Plain: "remind the team about the reports" (not "about 10am"), "eat dinner", "leave for
    work" (not "work hours", "at work"), "my next meeting" (not "next week"), "start build"
    (not "start time"), "take the racket to Dubai" (a place one goes to), "alert or modal"
    (not "at 9 or 10"), "text me when it's 3pm" (not "when the queue is empty"), "Now, let's
    add …" (not "right now")."""
    lowered = word.lower()
    if value == "about" and lowered == "about":
        return after is not None and not after_speaks_of_time
    if place and lowered in _EVERYDAY_WORDS:
        return not follows_schedule and not (word.isupper() and len(word) > 1)  # "EAT": a zone
    if place and lowered == "wake":
        # "my wake-up routine" (Wake Island); "wake the kids at 6" keeps its ask: whose hour?
        return after == "-"
    if value == "business" and lowered == "work":
        return after not in _WORK_TIME and before not in _WORK_WHEN
    if value == "business" and lowered == "working":
        return after in _WORKING_THINGS
    if value == "next" and lowered in ("next", "coming"):  # "my aunt is coming along"
        return after is not None and not after_speaks_of_time
    if value == "from" and lowered in ("start", "begin"):
        return after is not None and not after_speaks_of_time and after not in ("time", "date")
    if value == "or":
        return joins_plain_words(
            before,
            after,
            before_speaks_of_time=before_speaks_of_time,
            after_speaks_of_time=after_speaks_of_time,
            beside_schedule=follows_schedule or precedes_schedule,
        )
    if value == "when":
        return reads_the_clock(rest)
    if value == "now":
        return (opens_sentence or before == "though") and after in _TURN_AFTER_NOW
    return place and (before == "to" or (opens_name and not follows_schedule))


# -- a statement, then a request -------------------------------------------------------------

# what asks the assistant to act, after a statement: "i have a meeting with Sean at 4PM on
# Wednesday, can you remind me?", "I have a meeting tomorrow at 10:00, please remind me", "i have
# a birthday on monday set the event", "I see, could you add an alarm at 4:15 in the evening?"
_REQUEST: Final = re.compile(
    r"\b(?:(?P<asked>(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)|please\s+|pls\s+)?"
    r"(?:remind\s+me|set\s+(?:it|this|that|the\s+(?:event|reminder|alarm)|a\s+reminder|an\s+alarm)|"
    r"send\s+me\s+a\s+reminder|add\s+(?:it|this|that|an?\s+(?:alarm|event|reminder))|"
    r"put\s+(?:it|this|that)|schedule\s+(?:it|this|that))\b",
    re.IGNORECASE,
)
# a subject before the verb makes it a statement too: "you set a reminder for 7:30", "I set it"
_SUBJECTS: Final = frozenset("i you we they he she it who that which to".split())


def request_follows(text: str, start: int) -> bool:
    """Whether, after `start` (the end of a statement's opening words, "I have …"), `text`
    asks the assistant to act: "…, can you remind me?", "… please remind me", "… set the
    event". The statement is then what the request is about, and the request is read as any
    other is. ("… you set a reminder for 7:30" tells what was done: a subject before the verb.)"""
    for match in _REQUEST.finditer(text, start):
        if match["asked"] is not None:
            return True
        before = text[start : match.start()].split()
        if not before or before[-1].lower().strip(",.;!?") not in _SUBJECTS:
            return True
    return False
