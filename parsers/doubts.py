"""Texts whose schedule reads fine but which may not ask for it: each check returns why the
answer should be confirmed, or None.

- A statement and a request in separate sentences, the time in the statement: "My flight
  lands at 7 PM. We can continue this conversation at the airport.", "The project report is
  due on Friday. Let me know if you need any help." The request says nothing about when.
- A day that is the subject of a sentence: "next Monday is an important meeting", "Tomorrow
  is my birthday". It says what the day is, not what to do on it.
- A message to someone else: "Your appointment is confirmed for Monday".
- A question that is not a request: "Dinner at 8? Sounds perfect", "Hey, are we still meeting
  for lunch tomorrow?" ("Can you remind me at 9?" is a request.)
- A change to something that exists: "due Friday instead", "Actually make it 4pm", "The
  meeting is rescheduled to 3 PM", "the deadline has been moved to next Monday".
- Times offered as alternatives across a slash: "Midnight/Midday UTC.", "7:00 AM PDT / 6:00 AM
  PST" (a conversion into another zone is folded by the grammar before this is asked).
- A list of times that goes on: "at 14:00, 14:05 14:10... etc.", "14:00, 14:05, …, 14:35".
- Two requests in one: "Schedule a meeting at 3pm and remind me 30 min before".
- A reminder at several times and no day: "remind me at 9am and 5pm to take medicine".

Every check first looks for a cheap cue (a character or a word) so that most texts cost a
substring test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from . import narration
from .howto import asks_for_expression, asks_how_to_schedule
from .languages import other_language

_WORDS: Final = re.compile(r"[a-z]+")
_LETTERS_ONLY: Final = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))


def letter_runs(text: str) -> list[str]:
    """`_WORDS.findall(text)`: the runs of a-z. On ASCII text (most), the bytes are mapped
    (a non-letter to a space) and split: a third of the pattern's cost, for every sentence."""
    if not text.isascii():
        return _WORDS.findall(text)
    return text.encode("ascii").translate(_LETTERS_ONLY).decode("ascii").split()


# -- a statement, then a request ----------------------------------------------------------------

# a sentence ends at ".", "!" or "?" followed by a capital ("7 PM. We can …")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'(])")
# the same in a text typed all in lower case ("my flight lands at 7 pm. we can …"): any letter
# opens the next sentence, but not after an abbreviation ("7 p.m. tomorrow", "e.g.", "st.")
SENTENCE_END_LOWER: Final = re.compile(
    r"(?<!\.[a-z]\.)(?<!\b[a-z]\.)(?<!\bst\.)(?<!\bmr\.)(?<!\bdr\.)(?<!\bmrs\.)(?<!\bms\.)"
    r"(?<!\bvs\.)(?<=[a-z0-9)\]\"”][.!?])\s+(?=[a-z0-9\"“'(])"
)
# a sentence that says how things are: a subject with a determiner or a possessive first ("The
# batch job kicks off at 2 AM", "My flight lands at 7 PM", "Your library books are due …")
_DECLARATIVE: Final = re.compile(
    r"^\s*(?:(?:the|my|our|your|his|her|their|this|that|these|those)\s+[\w'-]+|"
    r"(?:it's|it’s|it\s+is|it\s+was|there's|there\s+is|there\s+are)\s+\w)",
    re.IGNORECASE,
)
# ", remind me …", "; please …": a clause that asks, after one that tells
_CLAUSE_THEN_REQUEST: Final = re.compile(
    r"\s*[,;]\s+(?=(?:so\s+|and\s+)?(?:please\s+)?(?:remind|ping|notify|tell|wake)\s+(?:me|us)\b)",
    re.IGNORECASE,
)
# a sentence that asks the reader to do something, and names no time
_REQUEST: Final = re.compile(
    r"^\s*(?:please|pls|kindly|let\s+(?:me|us)\s+know|stand\s+by|hold|keep|make\s+sure|"
    r"(?:we|you)\s+can|(?:can|could|would|will)\s+you|i(?:'ll|\s+will)?\s+need|i'd\s+like|"
    r"help|continue|resume|prepare|send|bring|remember|don't|do\s+not)\b",
    re.IGNORECASE,
)
# "remind me to wish her": a reminder that names no time of its own
_REMIND: Final = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:please\s+)?(?:remind|ping|notify|wake)\s+(?:me|us)\b", re.I
)
STATEMENT_NOTE: Final = (
    "the time is in a statement and the request beside it says no time: to confirm"
)


def statement_then_request(text: str, *, names_time: Callable[[str], bool]) -> str | None:
    """STATEMENT_NOTE when `text` opens with a declarative sentence that names a time
    (`names_time`) and another sentence is a request, else None."""
    splitter = SENTENCE_END_LOWER if text.islower() else _SENTENCE_END
    sentences = [s for s in splitter.split(text.strip()) if s.strip()]
    if len(sentences) < 2 and (clause := _CLAUSE_THEN_REQUEST.search(text)) is not None:
        # "It's her birthday tomorrow, remind me to wish her": a clause, then a request that
        # names no time of its own
        if not names_time(text[clause.end() :]):
            sentences = [text[: clause.start()], text[clause.end() :]]
    if len(sentences) < 2 or _DECLARATIVE.match(sentences[0]) is None:
        return None
    if not names_time(sentences[0]):
        return None
    if any(
        _REQUEST.match(sentence) or (_REMIND.match(sentence) and not names_time(sentence))
        for sentence in sentences[1:]
    ):
        return STATEMENT_NOTE
    return None


# -- a day as the subject -----------------------------------------------------------------------

_DAY_IS: Final = re.compile(
    r"(?:^|(?<=[\s,;:]))\s*(?:(?:next|this|coming|the\s+coming)\s+)?"
    r"(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|"
    r"the\s+\d{1,2}(?:st|nd|rd|th)?)\s+(?:is|was|will\s+be|'s|’s)\b"
    r"(?!\s+(?:at|on|in|from|until|till|by|between|every)\b)",
    re.IGNORECASE,
)


# Letter runs _DAY_IS cannot match without, one of each set (on ASCII text, where a run of the
# lowered text is a word of the pattern): the substring cues before it ("s ") pass most texts
_SUBJECT_DAYS: Final = frozenset(
    "today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday weekend "
    "the".split()
)
_SUBJECT_VERBS: Final = frozenset({"is", "was", "will", "s"})


def day_as_subject(text: str) -> str | None:
    """ "next Monday is an important meeting", "Tomorrow is my birthday", "remind me on
    Thursday tomorrow is payday": what a day is ("the review tomorrow is at 3pm" says when)."""
    match = _DAY_IS.search(text)
    if match is None:
        return None
    return f"“{match.group().strip()} …” says what the day is, not what to do: to confirm"


# -- a message to someone else -----------------------------------------------------------------

_TO_SOMEONE: Final = re.compile(
    r"^\s*(?:(?:reminder|note|fyi|hi|hey|hello)\b\W*)?your\s+[\w'-]+", re.IGNORECASE
)


def addressed_to_someone(text: str) -> str | None:
    """ "Your appointment is confirmed for Monday": a message sent to someone, not a request."""
    if "our" not in text and "OUR" not in text:
        return None
    if _TO_SOMEONE.match(text) is None:
        return None
    return "“your …” reads as a message to someone else, not a request: to confirm"


# -- a description of a group's meetings, or of what was said ----------------------------------

_MEETS: Final = re.compile(
    r"^\W*(?:[\w'-]+\s+){1,5}?(?:meets|gathers|convenes)\b"
    r"|\b(?:said|says|mentioned|wrote|told\s+(?:me|us))\s+(?:it\s+(?:is|was)\s+|on\s+)?"
    r"(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    # reported speech, as news tells it: "Li Zhanpeng, head of the centre, said that all
    # stations were ordered to report on a daily basis"
    r"|\bsaid\s+that\b",
    re.IGNORECASE,
)


_DESCRIPTION_CUES: Final = (
    *("meets", "gathers", "convenes", "said", "says", "mentioned", "wrote", "told"),
)


def description(text: str) -> str | None:
    """ "Our meetup group meets every last Wednesday of the month", "The reminder email said
    Thursday": when others meet, or what someone said — not a request to run."""
    match = _MEETS.search(text)
    if match is None:
        return None
    return f"“{match.group().strip()}” describes, it does not ask: to confirm"


# -- a statement that something cannot be said or done -------------------------------------------

_CANNOT: Final = re.compile(
    # ("there's currently no way to create a single task recurring at this schedule")
    r"\b(?:there(?:'s|’s|\s+is|\s+was)\s+(?:currently\s+|still\s+|simply\s+|really\s+|just\s+)?"
    r"no\s+(?:way|option|setting)\s+to|"
    # "there is no such options for reminder": what a tool lacks
    r"there(?:'s|\s+is|\s+are|\s+was)\s+no\s+(?:such\s+)?(?:options?|settings?|features?)\s+for|"
    r"(?:is|was|it's)\s+(?:not\s+possible|"
    r"impossible)\s+to|(?:cannot|can't|can\s+not|couldn't)\s+(?:express|specify|say|describe)"
    # "You cannot schedule a cron job to run every 5 seconds": what a tool does not allow
    r"|(?:you|one|users?)\s+(?:cannot|can't|can\s+not|couldn't)\s+(?:schedule|set|run|configure))\b",
    re.IGNORECASE,
)


def cannot_be_said(text: str) -> str | None:
    """'There is no way to express "run this on weekdays at 7:45am, 12:15pm, and 5:30pm."':
    a remark about what a tool cannot say, with a schedule as its example, not a request."""
    match = _CANNOT.search(text)
    if match is None:
        return None
    return f"“{match.group()}” speaks about a schedule, it does not ask for one: to confirm"


# -- a day in the past tense --------------------------------------------------------------------

_PAST: Final = re.compile(
    r"\b(?:we|i|they|he|she|you)\s+(?:just\s+|already\s+)?"
    r"(?!(?:need|feed|proceed|succeed|exceed|speed|seed|bleed)\b)"
    r"(?:[a-z]{2,}ed|was|were|had|did|went|made|broke|sent|ran|got|met|saw|left|forgot)\b",
    re.IGNORECASE,
)


# "Finally, I set up a cron job to run … every single day at 09:00": "set up" said as a story's
# step (after "finally", "then", "so", or a comma), not a plan ("can I set up …", "help me set up")
_SET_UP: Final = re.compile(
    r"(?:^|[,;.!]\s*|\b(?:finally|then|so|and|yesterday|already|just|also)\s+)"
    r"(?:i|we)\s+(?:just\s+|already\s+|finally\s+|also\s+)?set\s+up\b",
    re.IGNORECASE,
)


def past_tense(text: str) -> str | None:
    """ "on Friday we shipped a regression; bisect it", "Finally, I set up a cron job …": the day
    named is one that has passed."""
    match = _PAST.search(text) or _SET_UP.search(text)
    if match is None:
        return None
    return f"“{match.group()}” speaks of the past: the day named may be gone; to confirm"


# "Wedding service began at 11:00.", "the draw took place on Friday at 3pm", "the meeting was
# held on Monday at 9": an event told in the past tense, not one to run ("remember that I have a
# dentist appointment Friday": a fact to keep, not a reminder to set)
_EVENT_PAST_WORDS: Final = frozenset({"began", "happened", "occurred", "took", "held", "remember"})
_EVENT_PAST: Final = re.compile(
    r"\b(?:began|happened|occurred|took\s+place|(?:was|were)\s+(?:already\s+)?held)\b"
    r"|^\W*remember\s+that\b",
    re.IGNORECASE,
)


def event_in_the_past(text: str) -> str | None:
    """An event told in the past tense ("service began at 16:30"), or a fact to remember
    ("remember that I have …"): the time in it is not one to run at."""
    match = _EVENT_PAST.search(text)
    if match is None:
        return None
    return f"“{match.group().strip()}” tells of an event, it does not ask for a run: to confirm"


# -- a reading of the clock ----------------------------------------------------------------------

# "It is currently 1pm", "now it is 07:49", "The current time is 07:30", "Today is 2025-07-26 at
# 10:00", "Current time is 8 PM": what time it is now, not when to run. (After "when", "once",
# "until", "if" or "by the time" it says when: "tell me when it is 5PM".)
_CLOCK: Final = re.compile(
    r"(?:^|(?<=[\s,;:.(\"“']))"
    r"(?:(?:right\s+)?now\s+)?"
    r"(?:it\s+is|it's|it’s|(?:the\s+)?(?:current|local)\s+(?:time|date)(?:\s+and\s+time)?\s+is|"
    r"the\s+time\s+is|today\s+is)\s+"
    r"(?:now\s+|currently\s+|already\s+|just\s+|about\s+|around\s+)?"
    r"(?:\d|noon\b|midnight\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.IGNORECASE,
)
_WHEN_BEFORE: Final = re.compile(
    r"\b(?:when|whenever|once|until|till|til|if|unless|by\s+the\s+time|as\s+soon\s+as|after|"
    r"before)\s+(?:right\s+)?(?:now\s+)?$",
    re.IGNORECASE,
)


# "Still 2:24 am BC time so it will come during the night": the time now, said with "still"
_STILL: Final = re.compile(
    r"^\W*(?:still|already)\s+(?:only\s+|just\s+|about\s+)?\d[\d:.]*(?:\s*[ap]\.?m\b\.?)?", re.I
)


def clock_reading(text: str) -> str | None:
    """ "It is currently 1pm", "now it is 07:49 and I would input 07:51", "The current time is
    07:30", "Still 2:24 am BC time …": a statement of the time now, not a time to run ("remind
    me when it's 5pm" is)."""
    if (still := _STILL.match(text)) is not None:
        return f"“{still.group().strip()} …” says what time it is now, not when to run: to confirm"
    for match in _CLOCK.finditer(text):
        if _WHEN_BEFORE.search(text, 0, match.start()) is None:
            said = text[match.start() :].split(None, 4)
            return f"“{' '.join(said[:4])} …” says what time it is now, not when to run: to confirm"
    return None


# -- a condition ---------------------------------------------------------------------------------

# "If you're on blood pressure pills at 8 a.m. …, write that down", "If the temperature exceeds 22
# degrees, schedule the AC at 13:00", "Given the same condition, …": the time hangs on something
# no schedule can check. ("If you want a reminder every 2nd Friday", "if not, run it every 7
# days": a request said politely, or the other branch.)
_CONDITION: Final = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|also|for\s+example|for\s+instance|say)\b[\s,]*)?"
    r"(?:if|unless|in\s+case|provided(?:\s+that)?|assuming(?:\s+that)?|given\s+(?:that|the)|"
    r"only\s+if)\b"
    r"(?!\s+(?:you|u|we|i)\s+(?:want|wanna|need|would\s+like|'d\s+like|’d\s+like|wish|prefer|"
    r"plan|like)\b|\s+(?:not|so|possible|needed|necessary|required)\b|\s+only\b)",
    re.IGNORECASE,
)


_CONDITION_OPENERS: Final = (
    *("if ", "if,", "unless", "in case", "provided", "assuming", "given ", "only if", "and if"),
    *("but if", "so if", "ok if", "okay if", "also if", "ok, if", "okay, if", "so, if"),
    *("for example, if", "for instance, if", "for example if", "say, if"),
)


def condition(text: str) -> str | None:
    """ "If you're on blood pressure pills at 8 a.m. …", "If the temperature exceeds 22 degrees,
    schedule …": a schedule that hangs on a condition."""
    match = _CONDITION.match(text)
    if match is None:
        return None
    return f"“{match.group().strip(' ,')} …” makes the schedule hang on a condition: to confirm"


# "These reminder emails are sent every day at 6 PM if you have a streak and haven't studied yet.":
# a condition after the schedule, on what a reader has or has done — a notice's, told to its reader
_READERS_CONDITION: Final = re.compile(
    r"\bif\s+(?:you|the\s+user|users)\s+(?:have|haven['’]t|has|hasn['’]t|did|didn['’]t|"
    r"don['’]t|do\s+not|are|aren['’]t|opted|enabled|signed)\b",
    re.IGNORECASE,
)


def readers_condition(text: str) -> str | None:
    """ "… are sent every day at 6 PM if you have a streak …": the runs hang on the reader."""
    match = _READERS_CONDITION.search(text)
    if match is None:
        return None
    return f"“{match.group()} …” makes the runs hang on their reader: to confirm"


# -- a time that names a thing ---------------------------------------------------------------------

# "find it difficult to attend our 9:00am PST meetings", "add a room to my 3pm meeting", "will jane
# be at the 3 pm meeting", "connect me with my 2 o clock meeting": the time names a meeting that
# exists, it is not a time to run.
_CLOCK_WORDS: Final = (
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}:\d{2}|\d{1,2}\s*o['’]?\s*clock\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]?\s*clock\b|"
    r"noon\b|midnight\b)"
)
_NAMED_BY_TIME: Final = re.compile(
    r"\b(?:my|our|your|his|her|their|the|this|that|today['’]s|tomorrow['’]s|tonight['’]s|"
    r"[a-z]+['’]s)\s+" + _CLOCK_WORDS + r"(?:\s+(?-i:[A-Z]{2,5}))?\s+"
    r"(?!(?:and|or|to|on|at|in|by|every|each|daily|weekly|nightly|tomorrow|today|tonight|until|"
    r"till|through|thru|from|for|sharp|please|then|utc|gmt|local|time|o|am|pm|a|p|next|this|"
    r"mon|tue|wed|thu|fri|sat|sun)\b)"
    r"(?:[a-z-]+\s+)?(?:meetings?|calls?|appointments?|appts?|events?|classe?s?|sessions?|"
    r"standups?|stand-ups?|syncs?|slots?|shifts?|trains?|flights?|buse?s?|shows?|games?|"
    r"lectures?|interviews?|lessons?|reservations?|bookings?|runs?|jobs?|builds?|deploys?|"
    r"alarms?|reminders?|conferences?|conf|webinars?|workshops?|services?|masses?)\b",
    re.IGNORECASE,
)


# The last run of letters of each thing _NAMED_BY_TIME ends with ("stand-ups": "ups"): on
# ASCII text, one of them is among the text's letter runs whenever the pattern can match
# (tests/parsers/test_doubts_gates.py checks the list against the pattern).
_NAMED_THINGS: Final = frozenset(
    "alarm alarms appointment appointments appt appts booking bookings build builds bus buse "
    "buses buss call calls class classe classes classs conf conference conferences deploy "
    "deploys event events flight flights game games interview interviews job jobs lecture "
    "lectures lesson lessons masse masses meeting meetings reminder reminders reservation "
    "reservations run runs service services session sessions shift shifts show shows slot slots "
    "up ups standup standups sync syncs train trains webinar webinars workshop workshops".split()
)


_SHIFTED_FROM: Final = re.compile(
    r"\b(?:before|after|prior\s+to|ahead\s+of|ahead|earlier\s+than|later\s+than)\s*$", re.I
)


def time_names_a_thing(text: str) -> str | None:
    """ "our 9:00am PST meetings", "my 3pm meeting": a time that names something which exists.
    ("15 minutes before the 4 PM standup": the time of the thing is what the run counts from.)"""
    match = _NAMED_BY_TIME.search(text)
    if match is None or _SHIFTED_FROM.search(text, 0, match.start()) is not None:
        return None
    return f"“{match.group().strip()}” names something by its time, not when to run: to confirm"


# -- a message with a time in it ------------------------------------------------------------------

# "please alert attendees meeting is at 8:30", "notify kimberly that i will be late for …", "send
# a message to the attendees that the meeting will now start at 8 30 am": the time is what the
# message says, to someone else, now ("tell me when it is 5PM", "notify me at 9" are for me).
_MESSAGE: Final = re.compile(
    r"^\W*(?:(?:please|pls|kindly|can\s+you|could\s+you)\s+)*"
    r"(?:alert|tell|notify|inform|advise|message|text|email|e-mail|let\s+(?!me\b|us\b)\w+(?:\s+\w+)?"
    r"\s+know|send\s+(?:a\s+)?(?:message|text|note|notice|email)\s+to)\s+(?!me\b|us\b|myself\b)"
    r"(?:[\w'-]+\s+){0,4}?(?:that\s+)?[\w-]+"
    r"(?:\s+(?:is|are|was|were|will|am|has\s+been|have\s+been|needs|starts|begins)\b|"
    r"['’](?:m|s|re|ll)\b)",
    re.IGNORECASE,
)


_MESSAGE_OPENERS: Final = (
    *("alert", "tell", "notify", "inform", "advise", "message", "text", "email", "e-mail"),
    *("let", "send", "please", "pls", "kindly", "can you", "could you"),
)


def message_to_others(text: str) -> str | None:
    """ "please alert attendees meeting is at 8:30": the time is in a message to others."""
    match = _MESSAGE.match(text)
    if match is None:
        return None
    return f"“{match.group().strip()} …”: the time is what a message says: to confirm"


# -- a time said of someone ------------------------------------------------------------------------

# "Initiate a morning scene for Robert, who rises at 6:30 AM on weekdays", "send a card to Anna,
# whose birthday is on Friday": the time is said of the person, in a clause of its own; the
# request before it names none.
_OF_SOMEONE: Final = re.compile(r",\s+(?:who|whose)\s+", re.IGNORECASE)
_CLOCK_TIME: Final = re.compile(_CLOCK_WORDS, re.IGNORECASE)


def said_of_someone(text: str, *, names_time: Callable[[str], bool]) -> str | None:
    """ "…, who rises at 6:30 AM on weekdays": the time belongs to the clause about someone."""
    match = _OF_SOMEONE.search(text)
    if match is None or _CLOCK_TIME.search(text, 0, match.start()) is not None:
        return None  # ("at 9am, who …": the request has a time of its own)
    if not names_time(text[match.end() :]):
        return None
    return (
        f"the time is said of someone (“{match.group().strip(', ')} …”), not asked for: to confirm"
    )


# -- minutes past no hour, beside a time -----------------------------------------------------------

# "every Monday at 9am to leave at half past", "at 9am, call at quarter past": minutes past an hour
# not named, beside a time of day — read as that hour's (9:30), they may be a second run or
# another task's time. ("at 5 and 10 minutes past the hour, at 12:00 AM" names the hour.)
_LONE_PAST: Final = re.compile(
    r"\b(?:half|quarter|\d{1,2}(?:\s+min(?:ute)?s?)?)\s+past\b(?!\s*(?:\d|(?:the\s+hour|"
    r"each\s+hour|every\s+hour|an\s+hour|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|noon|midnight|midday)\b))",
    re.IGNORECASE,
)
_HOUR_SAID: Final = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b|o['’]?\s*clock\b",
    re.IGNORECASE,
)


def lone_minutes_past(text: str) -> str | None:
    """ "every Monday at 9am to leave at half past": minutes past no hour, beside a time."""
    match = _LONE_PAST.search(text)
    if match is None or _HOUR_SAID.search(text) is None:
        return None
    return f"“{match.group()}” names no hour: read with the time beside it, to confirm"


# -- an announcement -----------------------------------------------------------------------------

# "The server maintenance is scheduled for this Saturday from 2am to 6am", "Our AGM is planned for
# March 3 at 18:00": what is planned, announced to readers — not a request to run.
_ANNOUNCED: Final = re.compile(
    r"^\W*(?:the|our|my|this|that|a|an|their|his|her)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+"
    r"(?:now\s+|currently\s+|tentatively\s+|also\s+|still\s+)?"
    r"(?:scheduled|planned|slated|booked|confirmed|expected|happening|taking\s+place|held)\s+"
    r"(?:for|on|at|from|this|next|tomorrow|today|tonight|between)\b",
    re.IGNORECASE,
)


def announcement(text: str) -> str | None:
    """ "The server maintenance is scheduled for this Saturday from 2am to 6am": announced."""
    match = _ANNOUNCED.match(text)
    if match is None:
        return None
    return f"“{match.group().strip()} …” announces what is planned, not a request: to confirm"


# -- someone's doings, told ---------------------------------------------------------------------

# "Yegor set a reminder for 16:25", "User gets the email on Saturday morning 08:00", "the April 11
# run's session reports …": what someone did or sees, told — not a request. (A name is capitalised;
# "Set a reminder for 16:25" is a request.)
_TOLD: Final = re.compile(
    r"^\W*(?:(?:the|a|our|my|one|some|every|each)\s+)?"
    r"(?:(?P<name>(?-i:[A-Z][a-z]+))|users?|customers?|clients?|someone|somebody|everyone|everybody|"
    r"people|he|she|they|[\w'’()-]+(?:\s+[\w'’()-]+){0,5}?\s+(?:session|log|logs|output|page|"
    r"screen|ui|app|report|email|notification|message))\s+"
    r"(?:just\s+|already\s+|then\s+|also\s+|still\s+|now\s+)?"
    r"(?:set|got|get|gets|receive|see|report|received|receives|reported|reports|saw|sees|"
    r"noticed|notices|said|says|wrote|writes|tried|tries|created|added|made|sent|asked|expected|expects|wanted|showed|shows|"
    r"displays|displayed|prints|printed|logged|returns|returned|fired|ran|started|stopped)\b",
    re.IGNORECASE,
)
_NOT_A_NAME: Final = frozenset(
    "set get add make create send schedule remind run start stop show tell ask please book put "
    "plan every each next this today tomorrow tonight monday tuesday wednesday thursday friday "
    "saturday sunday daily weekly monthly hourly at on in from starting remember wake ping post "
    "check call email text notify alert write try let can could would will should do don't "
    "repeat recurring new reminder alarm timer event meeting the a an our my one some".split()
    # an assistant called by its name: "Google set my alarm", "Siri set a reminder for 9"
    + "google alexa siri cortana bixby jarvis computer assistant hey ok okay hi hello".split()
)


# Letter runs _TOLD cannot match without (one of them, on ASCII text): its verbs
_TOLD_VERBS: Final = frozenset(
    "set got get gets receive see report received receives reported reports saw sees noticed "
    "notices said says wrote writes tried tries created added made sent asked expected expects "
    "wanted showed shows displays displayed prints printed logged returns returned fired ran "
    "started stopped".split()
)


def told(text: str) -> str | None:
    """ "Yegor set a reminder for 16:25 …", "User gets the email on Saturday morning 08:00":
    someone's doings, reported."""
    match = _TOLD.match(text)
    if match is None:
        return None
    name = match["name"]
    if name is not None and name.lower() in _NOT_A_NAME:
        return None
    return f"“{match.group().strip()} …” tells what someone did or sees, not a request: to confirm"


# -- a question that is not a request ----------------------------------------------------------

_ASKS_FOR_IT: Final = re.compile(
    r"^\W*(?:(?:hey|hi|hello|ok|okay|so|please|pls|well|oh|also|and|btw)\b[\s,]*)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|remind|set|schedule|create|add|make|"
    r"ping|notify|wake|run|start|book|put)\b",
    re.IGNORECASE,
)


# Quartz's "?" (any) among a cron expression's fields: "0 0 10 ? * MON-FRI", "0 30 17 * * ?"
_QUARTZ_ANY: Final = re.compile(r"\?(?=\s+\*)|(?<=\*\s)\?")


# the clause a "?" ends, after a comma or a sentence before it ("…, can you remind me?"), and
# a request in it to add something ("No, can you call it Cooking and change the time …?" changes)
_CLAUSE_ASKED: Final = re.compile(r"(?<=[,.;!?])[^,.;!?]*\?")
_ASKS_TO_ADD: Final = re.compile(
    r"^\s*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?"
    r"(?:remind|set|add|put|schedule|create|make|book)\b",
    re.IGNORECASE,
)


def question(text: str) -> str | None:
    """ "Dinner at 8? Sounds perfect", "are we still meeting for lunch tomorrow?": a question
    about a time, not a request for a schedule."""
    if "?" not in text or _ASKS_FOR_IT.match(text) is not None:
        return None
    if any(_ASKS_TO_ADD.match(clause) for clause in _CLAUSE_ASKED.findall(text)):
        return None  # "I have a meeting at 4PM on Wednesday, can you remind me?": a request
    if asks_how_to_schedule(text) or asks_for_expression(text):
        return None  # "how do I make it run every minute?": the schedule is the answer
    if "*" in text and "?" not in _QUARTZ_ANY.sub("", text):
        return None  # "-e '0 30 17 * * ?'": Quartz's "any" among cron's fields
    return "that reads as a question about a time, not a request: to confirm"


# -- a change to something that exists ------------------------------------------------------------

_CHANGE: Final = re.compile(
    r"\binstead\b|\bin\s+place\s+of\b|\b(?:re-?schedul|postpon)\w*|"
    r"\b(?:has|have|had)\s+been\s+(?:changed|moved|cancell?ed|shifted|updated|switched|adjusted|"
    r"bumped|pushed)\b|"
    r"^\W*alter\b|^\W*move\s+(?:my|our|it|this|that)\b.{0,40}?\bto\b|"
    # "moving our weekly sync to 9 AM", "Changes the time for the nightly run to 04:50 UTC"
    r"^\W*(?:moving|chang(?:e|es|ing))\s+(?:my|our|the|it|this|that)\b.{0,40}?\bto(?=\s+"
    r"(?:\d|noon|midnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day))|"
    r"\b(?:moved|pushed|changed|shifted|bumped|brought)\s+(?:back\s+|forward\s+|up\s+)?"
    r"(?:to|until|till)\b|"
    # "has moved from Tuesday to Thursday", "switched from 9am to 10am": the old day, then the new
    r"\b(?:moved|pushed|changed|shifted|bumped|switched|swapped)\s+from\s+[\w:.]+(?:\s+[\w:.]+)?"
    r"\s+(?:to|until|till)\b|"
    # "Changed direct news collection schedule from daily to every 15 minutes": a change told, its
    # verb first, the old value, then the new
    r"^\W*(?:changed|modified|updated|switched|moved|increased|decreased|reduced)\b.{0,60}?"
    r"\bfrom\s+[\w:.-]+(?:\s+[\w:.-]+)?\s+to\b|"
    r"\bmake\s+(?:it|that|this)\s+(?:due\s+)?(?:(?:at|on|for)\s+)?"
    r"(?:\d|noon|midnight|today|tomorrow|tonight|next|this|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    re.IGNORECASE,
)
_CHANGE_CUES: Final = (
    *("instead", "reschedul", "re-schedul", "postpon", "moved", "pushed", "changed", "shifted"),
    *("bumped", "brought", "make it", "make th", "place of", "been can", "alter", "move"),
    *("switched", "swapped", "moving", "chang", "modified", "updated", "increased", "decreased"),
    *("reduced",),
)


def change(text: str) -> str | None:
    """ "due Friday instead", "make it 4pm", "rescheduled to 3 PM": a change to a job or an
    event that exists (a new job is a request, not a change)."""
    lowered = text.lower()
    for cue in _CHANGE_CUES:  # a loop, not any(): no generator for the 99% with no cue
        if cue in lowered:
            break
    else:
        return None
    match = _CHANGE.search(text)
    if match is None:
        return None
    return f"“{match.group()}” changes something that exists: to confirm"


# -- two requests ------------------------------------------------------------------------------

# "// 1600 UTC on that Saturday", "the backup ran at 2am that Sunday": a day pointed at, said
# somewhere the text does not hold
_POINTED_DAY: Final = re.compile(
    r"\b(?:on\s+)?(?:that|those)\s+(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b",
    re.IGNORECASE,
)


# '"Monday 09:00 Europe/Berlin" became …', '`0 9 * * *` means …': a time in quotes that a verb
# says something of — the text talks about the words, it does not ask for them
_QUOTED_SUBJECT: Final = re.compile(
    # (from the start too: the opening backtick is taken off as markup)
    r"(?:[\"“`]|^)(?P<said>[^\"“”`\d]*+\d[^\"“”`]*+)[\"”`]`?\s+(?:became|becomes|become|turned|turns|"
    r"means|meant|reads|shows|showed|displays|displayed|renders|rendered|parses|parsed|"
    r"gets\s+parsed|was|were|is\s+(?:read|parsed|shown|displayed|converted|interpreted)|"
    # a command or an expression reported on: "`!remindme every 1h; fail; again` fails with an
    # error message", 'A reminder with `cron_expr = "0 4 * * *"` should fire once at 04:00 UTC'
    r"fails|failed|errors|errored|crashes|crashed|throws|threw|works|worked|fired|triggered|ran|"
    r"(?:should|must|will|would|does|did|doesn['’]t|didn['’]t|won['’]t|never)\s+(?:not\s+)?"
    r"(?:fire|run|trigger|execute|work|fail|send|start|go\s+off))\b",
    re.IGNORECASE,
)


# Round seventeen: words about time in quotes that the text talks about, with no digit in them
# or in other words: what a quoted request did ('**Eval.** "Remind me every weekday at 9" writes
# one entry …', '"Remind me at NOON to eat" came back …', '«ricordami … alle 13» funziona'), the
# quote named ('Update the "every Sunday midnight" example') or given as one ('reads dates like
# "tomorrow at 3pm" from the task'). The quote must say something of time (`_TIME_IN_QUOTE`).
_QUOTE_TALKED_OF: Final = re.compile(
    r"(?:\b(?:like|such\s+as|e\.\s?g\.,?|assert|type|typing|enter)\s+)?[\"“«](?P<said>[^\"“”«»\n]{2,80}?)[\"”»]\s*"
    r"(?P<after>writes|wrote|came\s+back|comes\s+back|returns|returned|gives|gave|produces|"
    r"produced|yields|yielded|means|funziona|funzionava|works|worked|example|examples|string|"
    r"phrase|preset|option|label|pass|parsed|->|→|\((?=[a-z]+\s+with\b))?",
    re.IGNORECASE,
)
# how an example is introduced: 'like "tomorrow at 3pm"', 'type "tomorrow", "next friday"'
_INTRODUCERS: Final = ("like", "such", "e.", "assert", "type", "typing", "enter")
_TIME_IN_QUOTE: Final = re.compile(
    r"\d|\b(?:every|each|daily|weekly|monthly|hourly|nightly|noon|midnight|tomorrow|today|tonight|"
    r"morning|evening|weekdays?|weekends?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|"
    r"sun)(?:day)?s?)\b",
    re.IGNORECASE,
)


def quoted_subject(text: str) -> str | None:
    """'// in. Written without it, "Monday 09:00 Europe/Berlin" became …': the time is quoted
    as the subject of what the text says about it."""
    found = _QUOTED_SUBJECT.search(text)
    if found is not None:
        return (
            f"“{found['said']}” is quoted as what the text talks about, not asked for: to confirm"
        )
    for quoted in _QUOTE_TALKED_OF.finditer(text):
        introduced = quoted.group().lower().startswith(_INTRODUCERS)
        if (introduced or quoted["after"]) and _TIME_IN_QUOTE.search(quoted["said"]):
            said = quoted["said"]
            return f"“{said}” is quoted as what the text talks about, not asked for: to confirm"
    return None


def pointed_day(text: str) -> str | None:
    """ "1600 UTC on that Saturday": the day is one said elsewhere ("that" points at it), not
    the coming one."""
    found = _POINTED_DAY.search(text)
    if found is None:
        return None
    return f"“{found.group()}” points at a day said elsewhere: which one? to confirm"


_TWO_REQUESTS: Final = re.compile(
    r"\b(?:schedule|book|set\s+up|create|add|plan|arrange)\b.{1,80}?\band\s+(?:also\s+|then\s+)?"
    r"(?:remind|ping|notify|alert)\s+(?:me|us)\b"
    # "Add eggs to grocery and schedule dentist for Friday": two things to do
    r"|^\W*(?:please\s+)?(?:add|put|buy|book|create|set\s+up)\b.{1,60}?\band\s+(?:also\s+|then\s+)?"
    r"(?:schedule|book|set\s+up|add|create|remind)\b"
    # "Sunday School is at 11:00 AM, followed by our Sunday Service at 12:00 PM": two events
    r"|\bfollowed\s+by\b",
    re.IGNORECASE,
)


# Letter runs _TWO_REQUESTS cannot match without (one of them, on ASCII text): its verbs and
# "followed"
_TWO_REQUEST_WORDS: Final = frozenset(
    "schedule book set create add plan arrange put buy followed".split()
)


def two_requests(text: str) -> str | None:
    """ "Schedule a meeting at 3pm and remind me 30 min before", "Add eggs to grocery and
    schedule dentist for Friday", "… at 11:00 AM, followed by … at 12:00 PM": two things to
    make, not one job."""
    lowered = text.lower()
    if " and " not in lowered and "followed by" not in lowered:
        return None
    if _TWO_REQUESTS.search(text) is None:
        return None
    return "two requests or events in one text: make them one at a time; to confirm"


# -- a reminder at several times --------------------------------------------------------------

_REMINDER: Final = re.compile(r"^\W*(?:hey\s+\w+[,\s]+)?(?:/?remind|ping|nudge)\b", re.IGNORECASE)
_REPEATS: Final = re.compile(
    r"\b(?:every|each|daily|everyday|nightly|always|twice|times|weekdays?|weekends?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|mornings|evenings|nights)\b",
    re.IGNORECASE,
)


def reminder_at_several_times(text: str, schedule: dict[str, object] | None) -> str | None:
    """ "remind me at 9am and 5pm to take medicine": read as every day (several times with no
    day are), but "remind me at 9am" is one run — so this may be today's two. ("post on Slack
    at 9am and 5pm" is a job's, daily.)"""
    if schedule is None or schedule.get("type") != "cron" or _REMINDER.match(text) is None:
        return None
    hours = str(schedule.get("expression", "")).split()
    if len(hours) != 5 or "," not in hours[1] or hours[2:] != ["*", "*", "*"]:
        return None
    if _REPEATS.search(text) is not None:
        return None
    return "a reminder at several times, no day: read as every day; it may be today only"


# -- alternatives across a slash ----------------------------------------------------------------

_TIME_SIDE: Final = r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?|noon|midnight|midday)"
_SLASHED: Final = re.compile(
    rf"(?<![\d/]){_TIME_SIDE}\s*(?:(?P<left>[a-z]{{2,5}})\s*)?/\s*"
    rf"(?:\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\b\.?|\d{{1,2}}:\d{{2}}|noon|midnight|midday)"
    rf"(?:\s*(?P<right>[a-z]{{2,5}})\b)?",
    re.IGNORECASE,
)


def slashed_alternatives(text: str, *, zone_of: Callable[[str], str | None]) -> str | None:
    """ "Midnight/Midday UTC.", "at 7:00 AM PDT / 6:00 AM PST": one time or the other? Not a
    time converted into another zone ("6PM PT / 9PM ET": `zone_of` names two zones)."""
    slash = text.find("/", 1)  # not the "/" of a "/remind" command
    if slash < 0:
        return None
    match = _SLASHED.search(text, max(0, slash - 24))
    if match is None:
        return None
    left, right = match["left"], match["right"]
    before = text[: match.start()].rstrip()
    if not left and right and before.endswith("(") and zone_of(right.lower()) is not None:
        named = before[:-1].split()[-1:]
        if named and zone_of(named[0].lower()) not in (None, zone_of(right.lower())):
            return None  # "01:17 and 13:17 UTC (09:17 / 21:17 SGT)": times listed, converted
    if left and right:
        zones = {zone_of(left.lower()), zone_of(right.lower())}
        if None not in zones and len(zones) == 2:
            return None  # a conversion, which the grammar reads in the first zone
    return f"“{match.group().strip()}”: times across a slash may be one or the other: to confirm"


# -- a list that goes on --------------------------------------------------------------------------

_INTERVAL_SAID: Final = re.compile(
    r"\bevery\s+(?:[\w.]+\s+)?(?:hours?|hrs?|minutes?|mins?)\b|\bhourly\b", re.IGNORECASE
)
_GOES_ON: Final = re.compile(
    r"(?:\d|[ap]m|day|days)\s*[,;]?\s*(?:\.{2,}|…|\betc\b|\band\s+so\s+(?:on|forth)\b)",
    re.IGNORECASE,
)


def list_goes_on(text: str) -> str | None:
    """ "at 14:00, 14:05 14:10... etc.": the times listed are examples of a rule not said.
    With the rule said ("every three hours, i.e. at 1am, 4am, 7am and so on") the grammar
    checks the list against it."""
    if ".." not in text and "…" not in text and "etc" not in text and "so " not in text:
        return None
    if _GOES_ON.search(text) is None or _INTERVAL_SAID.search(text) is not None:
        return None
    return "the list of times goes on (“…”, “etc.”): which times? to confirm"


# "Computer Tutoring T 1:00 & 2:00 p.m. by appointment", "Office hours 2-4pm or upon request":
# the times are slots one may book, not when something happens
_BY_APPOINTMENT: Final = re.compile(
    r"\b(?:by|upon)\s+(?:appointment|request)\b|\bappointments?\s+only\b",
    re.IGNORECASE,
)


def by_appointment(text: str) -> str | None:
    """Why a timetable's times offered "by appointment" are asked about, or None."""
    found = _BY_APPOINTMENT.search(text)
    if found is None:
        return None
    return f"“{found.group()}”: the times may be slots to book, not when it happens — to confirm"


def doubt(
    text: str,
    *,
    words: frozenset[str],
    names_time: Callable[[str], bool],
    zone_of: Callable[[str], str | None],
    label: str = "",
) -> str | None:
    """Why the answer to `text` should be confirmed (the first check above that finds a
    reason), or None. Each check runs only when its cue is in the text: most texts have none,
    and this runs on every answered sentence. `words`: the letter runs of the lowered text
    (`letter_runs`); on ASCII text each word of a pattern is one of them, so looking its
    words up tells that a costly pattern cannot match (other texts keep the substring cues).
    `label`: what was before `text`, taken off as a label ("docs: ", "Snooze Support: ")."""
    lowered = text.lower()
    ascii_words = words if text.isascii() else None
    if (
        (" is " in lowered or " was " in lowered or "s " in lowered or " be " in lowered)
        and (
            ascii_words is None
            or not (_SUBJECT_DAYS.isdisjoint(ascii_words) or _SUBJECT_VERBS.isdisjoint(ascii_words))
        )
        and (found := day_as_subject(text))
    ):
        return found
    if (
        " is " in lowered
        or "it's" in lowered
        or "it’s" in lowered
        or lowered.lstrip(" \"'“(-*").startswith(("still ", "already "))
    ) and (found := clock_reading(text)):
        return found
    if lowered.lstrip(" \"'“(-*,.").startswith(_CONDITION_OPENERS) and (found := condition(text)):
        return found
    if " if " in lowered and (found := readers_condition(text)):
        return found
    if (
        "'s " in lowered
        or "’s " in lowered
        or "my " in lowered
        or "our " in lowered
        or "the " in lowered
        or "this " in lowered
        or "that " in lowered
        or "your " in lowered
        or "their " in lowered
        or "his " in lowered
        or "her " in lowered
    ) and (
        (ascii_words is None or not _NAMED_THINGS.isdisjoint(ascii_words))
        and (found := time_names_a_thing(text))
    ):
        return found
    if lowered.lstrip(" \"'“(-*,.").startswith(_MESSAGE_OPENERS) and (
        found := message_to_others(text)
    ):
        return found
    if (ascii_words is None or not _TOLD_VERBS.isdisjoint(ascii_words)) and (found := told(text)):
        return found
    if " past" in lowered and (found := lone_minutes_past(text)):
        return found
    if ("appointment" in lowered or "request" in lowered) and (found := by_appointment(text)):
        return found
    if (", who" in lowered) and (found := said_of_someone(text, names_time=names_time)):
        return found
    if (" is " in lowered or " are " in lowered or " be " in lowered or " been " in lowered) and (
        found := announcement(text)
    ):
        return found
    if "your" in lowered and (found := addressed_to_someone(text)):
        return found
    for cue in _DESCRIPTION_CUES:
        if cue in lowered:
            if found := description(text):
                return found
            break
    if (
        "no way" in lowered
        or "possible" in lowered
        or "n't" in lowered
        or "not" in lowered
        or "no such" in lowered
    ) and (found := cannot_be_said(text)):
        return found
    if ("? " in text or ". " in text or "! " in text or ", " in text or "; " in text) and (
        found := statement_then_request(text, names_time=names_time)
    ):
        return found
    if "?" in text and (found := question(text)):
        return found
    if (" we " in lowered or " i " in lowered or " they " in lowered or " he " in lowered) or (
        " she " in lowered or " you " in lowered
    ):
        if found := past_tense(text):
            return found
    if (ascii_words is None or not _EVENT_PAST_WORDS.isdisjoint(ascii_words)) and (
        found := event_in_the_past(text)
    ):
        return found
    for cue in _CHANGE_CUES:
        if cue in lowered:
            if found := change(text):
                return found
            break
    if "that " in lowered and (found := pointed_day(text)):
        return found
    if ('"' in text or "`" in text or "“" in text or "«" in text) and (
        found := quoted_subject(text)
    ):
        return found
    if text.find("/", 1) >= 0 and (found := slashed_alternatives(text, zone_of=zone_of)):
        return found
    if (".." in text or "…" in text or "etc" in lowered or " so " in lowered) and (
        found := list_goes_on(text)
    ):
        return found
    if (" and " in lowered or "followed by" in lowered) and (
        ascii_words is None or not _TWO_REQUEST_WORDS.isdisjoint(ascii_words)
    ):
        found = two_requests(text)
        if found:
            return found
    return other_language(words) or narration.tells_of_a_time(text, words, label=label)
