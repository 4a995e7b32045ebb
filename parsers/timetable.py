"""Timetables: an event that recurs, written with a bare day and a time.

A church's page says "Wednesday Night Bible Study 7:15 PM", a syllabus "Office hours: Tuesday,
2 to 3 pm", a project plan "Sprint planning: Monday 9 AM", a runbook "Maintenance window: Sunday
02:00 UTC", a council "Trash Pickup is on Tuesday": none says "every", and each means every
week. A to-do or a calendar request with the same shape ("Team meeting Friday 3 PM", "book
dentist appointment friday 2pm", "remind me Friday at 3pm") means the coming day, once.

What tells them apart, as decided with the phrases in tests/parsers/outside/t9_events.txt:
- an event of a kind that recurs by nature (worship, Mass, Sunday school, Bible study, prayer
  meeting, office hours, sprint planning, retrospective, a maintenance window, a collection
  day): weekly, said so (`recurring_event`);
- a timetable line, "Label: Day time" (`timetable_label`), a habit said in the present tense
  ("is held on", "takes place on", "occurs", "goes out on": `habitual_verb`), or "our Sunday
  service" (`our_day`): weekly, asked;
- "on a Tuesday" (any Tuesday: `any_weekday`): weekly;
- a class named by its weekday ("Tuesday evening yoga at 7pm", "Saturday Morning Story Time
  10:30 AM", `weekday_class`): weekly, asked when no time is said;
- none of them when the text asks for something or dates it (`one_off`): a request ("remind",
  "add", "book", "schedule"), "next", "this", "first", a reminder, a calendar, or an event of a
  kind that happens once (a dentist appointment, a workshop, a drill, an exam).

These functions are pure and cheap: each looks words up in a set before it runs a pattern.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .listings import (
    day_heading,
    group_session,
    habit_word,
    named_range,
    plural_activity,
    programme_line,
)

_DAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# a day's name or its short form ("Sun. School", "Wed Bible Study")
_DAY_OR_SHORT: Final = rf"(?:{_DAY}|(?:mon|tues?|wed|thu|thurs?|fri|sat|sun)\b\.?)"

# The words an event of a recurring kind is named with: `_EVENT` runs only on a text that has one
_EVENT_WORDS: Final = frozenset(
    "worship vespers matins liturgy standup standups stand retro retros retrospective "
    "retrospectives school study studies class meeting meetings service services group groups "
    "hours hour planning review reviews demo talk talks window windows refinement grooming "
    "collection collections pickup pickups pick mass masses maintenancewindow trash garbage "
    "recycling rubbish bin".split()
)
_EVENT: Final = re.compile(
    r"\b(?:worship\s+services?|worship|vespers|matins|liturgy|stand-?ups?|retros?|(?:sprint\s+)?retrospectives?"
    r"|(?:sunday|sun\b\.?)\s+school|bible\s+(?:study|studies|class)|prayer\s+(?:meeting|service|group)s?"
    r"|(?:youth|small|support)\s+groups?|office\s+hours?|happy\s+hours?"
    r"|sprint\s+(?:planning|review|demo)s?|backlog\s+(?:refinement|grooming)|tech\s+talks?"
    r"|(?:maintenance|backup|patch(?:ing)?|change|release)[\s_]*windows?"
    r"|(?:trash|garbage|recycling|refuse|rubbish|bin|waste|compost)\s+"
    r"(?:collection|pick-?up)s?"
    # ("Trash day is Thursday": the round's day, every week)
    r"|(?:trash|garbage|recycling|rubbish|refuse|bin|compost|collection|pick-?up)\s+days?"
    rf"|(?:vigil|{_DAY_OR_SHORT}|daily|evening|morning|anticipated)\s+mass(?:es)?"
    rf"|(?:{_DAY_OR_SHORT}|morning|evening|night|worship|church|midweek|first|second|third|early|late|"
    r"traditional|contemporary|vigil|communion|prayer)\s+services?)\b",
    re.IGNORECASE,
)


def recurring_event(lowered: str, words: frozenset[str]) -> str | None:
    """The event of a kind that recurs by nature that `lowered` names ("bible study", "office
    hours", "maintenance window"), or None. `words`: the letter runs of `lowered`."""
    if _EVENT_WORDS.isdisjoint(words):
        return None
    match = _EVENT.search(lowered)
    return None if match is None else " ".join(match.group().split())


# A class or a club's activity named by its weekday: "Tuesday evening yoga", "Saturday Morning
# Story Time", "a drop-in Tuesday morning class", "Wednesday night bingo": a timetable's name for
# what happens that day every week (`_WEEKDAY_CLASS` runs only on a text with one of the words)
_CLASS_WORDS: Final = frozenset(
    "yoga pilates zumba spin spinning aerobics aquafit bootcamp barre meditation chi storytime "
    "story stories storytelling bingo bunco trivia karaoke class classes lesson lessons practice "
    "rehearsal choir league lecture lectures lab seminar tutoring knitting crafts dance "
    "dancing".split()
)
_WEEKDAY_CLASS: Final = re.compile(
    rf"\b{_DAY_OR_SHORT}\s+(?:(?:morning|afternoon|evening|night|lunchtime)\s+)?"
    r"(?:[a-z-]+\s+)??(?:yoga|pilates|zumba|spin(?:ning)?|aerobics|aquafit|boot\s?camp|barre|"
    r"meditation|tai\s+chi|story\s?(?:time|hour)s?|stories|storytelling|bingo|bunco|trivia|"
    r"karaoke|class(?:es)?|lessons?|practice|rehearsal|choir|league|lectures?|lab|seminar|"
    r"tutoring|knitting|crafts|dance|dancing)\b",
    re.IGNORECASE,
)


def weekday_class(lowered: str, words: frozenset[str]) -> str | None:
    """The class or activity `lowered` names by its weekday ("tuesday evening yoga"), or
    None. `words`: the letter runs of `lowered`."""
    if _CLASS_WORDS.isdisjoint(words):
        return None
    match = _WEEKDAY_CLASS.search(lowered)
    return None if match is None else " ".join(match.group().split())


# Words that make a day the coming one, or the text a request or a one-off event
_ONE_OFF_WORDS: Final = frozenset(
    "next this first upcoming coming today tomorrow tonight remind reminder reminders remember "
    "calendar cancel cancelled canceled postponed rescheduled moved was were special once "
    "workshop webinar drill conference party wedding funeral concert exam midterm final "
    "interview appointment launch deadline due flight trip birthday anniversary dentist "
    "doctor vet surgery".split()
)
# A request's first word: "book dentist appointment friday 2pm", "add yoga on friday at 5"
_REQUEST_OPENERS: Final = frozenset(
    "remind add schedule book put set create make plan reserve arrange organize organise "
    "please pls can could would will let invite".split()
)


# "this Monday", "this week", "this coming Friday": "this" dating a day
_THIS_DATES: Final = re.compile(
    rf"\bthis\s+(?:coming\s+|very\s+)?(?:{_DAY}|week|weekend|morning|afternoon|evening|night|"
    r"month|year|time|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b"
)


def one_off(lowered: str, words: frozenset[str]) -> bool:
    """Whether the text asks for something, or dates its day, or names an event that happens
    once: a bare day in it is the coming one."""
    if not _ONE_OFF_WORDS.isdisjoint(words):
        found = words & _ONE_OFF_WORDS
        if "this" in found and _THIS_DATES.search(lowered) is None:
            # ("This is now … scheduled for only Monday morning": "this" is the subject, it
            # dates nothing)
            found = found - {"this"}
        # ("Sunday First service 7:00am": a church's first service of the day)
        if found == {"first"} and "first service" in lowered:
            return False
        # ("Tuesday 12:30-2:30 PM or by appointment": office hours, and other times besides)
        if "appointment" in found and "by appointment" in lowered:
            found = found - {"appointment"}
            if not found:
                return False
        if found:
            return True
    first = lowered.lstrip(" -*•>\"'“(").split(None, 1)
    return bool(first) and first[0].strip(",:") in _REQUEST_OPENERS


# "Sprint planning: Monday 9 AM", "Gate review: Friday 4 PM", "Office Hour: Fri 9:00am-12:00":
# a label, a colon, then the day
# ("TA (Medha): Mon 5 to 6pm", "Nick: - Monday 6:30 PM at Young 111": a name in brackets, a dash
# before the day)
# ("Red Rose La Leche League- Wed 9:30AM", "Brain Injury Support Group - Wed 6pm": a dash, as a
# support-group list sets its rows out)
_LABEL: Final = re.compile(
    r"^[\s*•>-]*(?P<label>[a-z][a-z/&'’() -]{1,40}?)"
    r"(?:\s*:\s*(?:\*\*\s*)?(?:[-–•*]\s*)?|(?P<dash>\s*[-–—]\s+|\s+[–—]\s*))"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|" + _DAY + r")",
    re.IGNORECASE,
)
# labels that say what the line is, not which event: "Note: Friday 3pm", "Example: Monday 9am"
_NOT_A_NAME: Final = frozenset(
    "note notes example examples eg update updated edit edited todo task tasks when date time "
    "day schedule status summary answer question info fyi ps important urgent tip".split()
)


def timetable_label(text: str) -> str | None:
    """The label of a timetable line ("Sprint planning" in "Sprint planning: Monday 9 AM", "Red
    Rose La Leche League" in "Red Rose La Leche League- Wed 9:30AM"), or None: a label that is a
    note, an example, a one-off event or an errand is not a timetable's."""
    head = text[:50]
    if ":" not in head and "-" not in head and "–" not in head and "—" not in head:
        return None
    match = _LABEL.match(text)
    if match is None:
        return None
    label = match["label"].strip()
    label_words = frozenset(re.findall(r"[a-z]+", label.lower()))
    if not label_words or not label_words.isdisjoint(_NOT_A_NAME | _ONE_OFF_WORDS):
        return None
    if match["dash"] is not None and label.split(None, 1)[0].lower() in _ERRANDS:
        return None  # "Call mom - Friday 3pm": an errand, its day the coming one
    return label


# A to-do's first word, before a dash and its day ("Call mom - Friday 3pm", "Pay rent – Fri")
_ERRANDS: Final = _REQUEST_OPENERS | frozenset(
    "call email text message ping buy pay pick send submit finish clean water take bring renew "
    "return check fix order get go visit ask tell write read watch file print mail post "
    "prepare review update cancel".split()
)


# A habit said in the present tense: "The draw is held on Wednesday at 3:00 PM", "the meeting
# takes place on Thursday", "collection occurs Monday", "the digest goes out on Friday"
# ("Yard waste is collected on Wednesday", "bins are emptied on Monday": a round's day, passive)
_HABIT_WORDS: Final = frozenset(
    {"held", "place", "occurs", "occur", "out", "collected", "picked", "emptied"}
)
_HABIT: Final = re.compile(
    r"\b(?:(?:is|are)\s+(?:usually\s+|always\s+|normally\s+)?"
    r"(?:held|collected|picked\s+up|emptied)|takes?\s+place|occurs?|go(?:es)?\s+out)\b",
    re.IGNORECASE,
)


def habitual_verb(lowered: str, words: frozenset[str]) -> str | None:
    """The present-tense words that say an event happens as a habit ("is held", "takes
    place", "occurs", "goes out"), or None."""
    if _HABIT_WORDS.isdisjoint(words):
        return None
    match = _HABIT.search(lowered)
    if match is None:
        return None
    said = " ".join(match.group().split())
    if said.endswith(_ROUND_VERBS) and _ROUND_NOUNS.isdisjoint(words):
        return None  # ("the package is picked up on Friday": one errand, not a round)
    return said


# What a council's round collects, whose passive verb tells its day as a habit
_ROUND_VERBS: Final = ("collected", "picked up", "emptied")
_ROUND_NOUNS: Final = frozenset(
    "trash garbage recycling recyclables refuse rubbish bin bins waste compost yard green glass "
    "paper cardboard organics junk bulk".split()
)


# "our Sunday service", "our Wednesday evening testimony meeting": a group's day, as a habit
_OUR_DAY: Final = re.compile(
    rf"\bour\s+{_DAY}(?:\s+(?:morning|afternoon|evening|night))?\s+[a-z]", re.IGNORECASE
)


def our_day(lowered: str, words: frozenset[str]) -> bool:
    """Whether `lowered` names a group's event by its day: "our Sunday service"."""
    return "our" in words and _OUR_DAY.search(lowered) is not None


# "send at 9am UTC on a Tuesday": any Tuesday, every Tuesday
_ANY_WEEKDAY: Final = re.compile(rf"\bon\s+an?\s+{_DAY}\b", re.IGNORECASE)


def any_weekday(lowered: str) -> bool:
    """Whether `lowered` says "on a Monday" (any Monday)."""
    return "on a" in lowered and _ANY_WEEKDAY.search(lowered) is not None


# A routine told in the first person, present simple: "I … send on Friday at 11 am", "we post
# the numbers on Monday" (the present simple of such verbs is a habit; "I'm sending it Friday",
# "I need to send …", "I will send …" are one time)
_ROUTINE_VERBS: Final = frozenset(
    "send post publish release deploy ship email mail review backup clean water mow pay "
    "update upload prepare".split()
)
_ONE_TIME: Final = re.compile(
    r"\b(?:will|gonna|going\s+to|need|needs|want|wants|must|should|can|could|would|might|"
    r"have\s+to|has\s+to|had|did|was|were|plan|planning|i'll|we'll|i'm|we're|im)\b"
)


def routine(lowered: str, words: frozenset[str]) -> bool:
    """Whether `lowered` tells a routine in the first person, present simple ("I prepare the
    emails during the week and send on Friday")."""
    return (
        not words.isdisjoint(("i", "we"))
        and not _ROUTINE_VERBS.isdisjoint(words)
        and _ONE_TIME.search(lowered) is None
    )


class Weekly(NamedTuple):
    """Why a bare day reads as every week: the note to show, and whether to ask first."""

    note: str
    unsure: bool


_DATED: Final = frozenset("next this today tomorrow tonight upcoming coming".split())


def once_or_weekly(text: str) -> str | None:
    """Why a bare day read once should be asked about: a one-off event told with a habit's
    verb ("The first letter goes out on Friday", "a drill takes place on Thursday") may be the
    first of many. None when the text dates the day ("our next parents evening takes place on
    Thursday") or asks for something."""
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    if _HABIT_WORDS.isdisjoint(words) or not _DATED.isdisjoint(words):
        return None
    habit = habitual_verb(lowered, words)
    if habit is None or not one_off(lowered, words):
        return None
    first = lowered.lstrip(" -*•>\"'“(").split(None, 1)
    if first and first[0].strip(",:") in _REQUEST_OPENERS:
        return None
    return f"“{habit}” may tell of a habit: read as the coming day only, to confirm"


def yearly_habit(text: str) -> str | None:
    """Why a day of a month named once ("the fourth Saturday of October") reads as that day
    every year: the text tells it as a habit in the present ("Kiwanis One Day currently is held
    on the fourth Saturday of October", "the fair takes place on the second Saturday in
    June"), and neither dates it ("next", "this") nor asks for something. None otherwise."""
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    if _HABIT_WORDS.isdisjoint(words) or not _NOT_EACH_YEAR.isdisjoint(words):
        return None
    habit = habitual_verb(lowered, words)
    if habit is None:
        return None
    first = lowered.lstrip(" -*•>\"'“(").split(None, 1)
    if first and first[0].strip(",:") in _REQUEST_OPENERS:
        return None
    return f"“{habit}”: a habit's day of the month read as every year (it may mean once)"


# Words that make a day of a month the coming one, or a request: the kinds of event `one_off`
# names (a conference, a final, a party) are held every year as often as not, and stay out
_NOT_EACH_YEAR: Final = _DATED | frozenset(
    "remind reminder reminders remember calendar cancel cancelled canceled postponed "
    "rescheduled moved was were special once".split()
)


# "Mon 5 to 6pm all weeks": every week; "scheduled for _only_ Monday morning": a day kept out of
# the others, which only a habit has ("only this Monday" is dated, and one_off says so)
_ALL_WEEKS: Final = re.compile(r"\ball\s+(?:the\s+)?weeks\b", re.IGNORECASE)
# ("only run btfhub sync job on Friday": a job kept to that day, which only a habit is)
_ONLY_DAY: Final = re.compile(
    r"(?<![a-z])only[\W_]{0,3}(?:(?:run|runs|execute|executes|trigger|triggers|deploy|deploys"
    rf"|build|builds|release|releases|publish|publishes)\b[^.;!?]{{0,50}}?\b)?(?:on\s+)?"
    rf"(?:the\s+)?{_DAY}",
    re.IGNORECASE,
)


def weekly_reading(text: str, day: str) -> Weekly | None:
    """Why the bare `day` ("Wednesday") in `text` reads as every such day, or None when it is
    the coming one (a request, a dated or one-off event, or no timetable cue)."""
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    if any_weekday(lowered):
        return Weekly(f"“a {day}” read as every {day}", unsure=False)
    if "weeks" in words and _ALL_WEEKS.search(lowered):
        return Weekly(f"“all weeks” read as every {day}", unsure=False)
    if one_off(lowered, words):
        return None
    if "only" in words and _ONLY_DAY.search(lowered):
        return Weekly(f"“only {day}” read as every {day} (it may mean the coming one)", True)
    event = recurring_event(lowered, words)
    if event is not None:
        return Weekly(f"“{event}” on {day}: an event that recurs, read as every {day}", False)
    named = weekday_class(lowered, words)
    if named is not None:
        # without a time the class's hour is a guess ("Saturday Morning Storytime"): asked
        timed = any(char.isdigit() for char in text) or "noon" in words
        return Weekly(f"“{named}”: a class named by its day, read as every {day}", not timed)
    label = timetable_label(text)
    if label is not None:
        return Weekly(
            f"a timetable's line (“{label}: {day} …”) read as every {day} (it may mean once)",
            unsure=True,
        )
    habit = habitual_verb(lowered, words)
    if habit is not None:
        return Weekly(
            f"“{habit} on {day}” read as every {day} (it may mean the coming one)", unsure=True
        )
    if routine(lowered, words):
        return Weekly(f"a routine told in the present read as every {day} (it may mean once)", True)
    if our_day(lowered, words):
        return Weekly(f"“our {day} …” read as every {day} (it may mean the coming one)", True)
    return None


def listing_reading(
    text: str,
    day: str,
    *,
    whole: bool = False,
    ranged: bool = False,
) -> Weekly | None:
    """Why a line of a weekly listing ("Saturday, 4:30pm", "Boys Mon 5-6pm", "our regular
    Saturday afternoon Confessions", "Cribbage Friday 9:30-11:30") with one time or none reads
    as every `day`, or None (`listings`): not when it asks for something, dates its day or
    names a one-off event. Asked: a heading may be one day's note. `whole`: the text is all
    schedule (no task); `ranged`: a time range is said ("9:30-11:30")."""
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    if one_off(lowered, words):
        return None
    if ranged and named_range(text, words, whole=whole):
        note = f"a listing's row with its hours read as every {day} at their start (it may be once)"
        return Weekly(note, unsure=True)
    heading = day_heading(text, whole=whole)
    if heading is not None:
        note = f"a listing's line (“{heading}: …”) read as every {day} (it may mean once)"
        return Weekly(note, unsure=True)
    group = group_session(text, words)
    if group is not None:
        return Weekly(f"a session for “{group}” read as every {day} (it may mean once)", True)
    habit = habit_word(lowered, words)
    if habit is not None:
        return Weekly(f"“{habit}” beside {day} read as every {day} (it may mean once)", True)
    programme = programme_line(text)
    if programme is not None:
        return Weekly(
            f"a programme's line (“{day} … {programme}”) read as every {day} (it may be once)", True
        )
    activities = plural_activity(lowered, text)
    if activities is not None:
        return Weekly(f"“{activities}” read as every {day} (it may mean once)", True)
    return None


# A job's verbs and nouns: "run at 6am on the weekend", "the backup job … on the weekend"
_JOB_WORDS: Final = frozenset(
    "run runs execute executes trigger triggers job jobs cron cronjob crontab backup backups "
    "sync script".split()
)


def job_said(words: list[object]) -> bool:
    """Whether the words outside a schedule (a command's, in order) say it is a job that
    repeats: "run", "execute", "cron", "the backup job" (a reminder or an errand is not)."""
    return any(word in _JOB_WORDS for word in words)


# A habit told with a time of day and no day, which is every day: "Backups now trigger
# automatically at midnight", "counters reset automatically at midnight" (a thing done
# "automatically" at a time is done each time that time comes), "I wake up at 7 AM", "During the
# work week, I wake up at 5:30 AM" (a routine in the first person, present simple). "I have a
# meeting at 3pm", "I'm at 10", "I will leave at 5", "I woke up at 7" are one time.
_AUTOMATIC: Final = frozenset({"automatically", "automatic", "auto"})
_ROUTINE_START: Final = re.compile(
    r"^\W*(?:[\w' -]{1,40},\s*)?(?:i|we)\s+(?:usually\s+|always\s+|normally\s+|generally\s+|"
    r"typically\s+|often\s+|also\s+)?"
    r"(?:wake|get\s+up|go|leave|eat|take|walk|feed|drink|shower|exercise|train|meditate|pray|"
    r"study|commute|head|sleep|nap|jog|swim|cycle|bike|practice|practise|water|cook|have\s+"
    r"(?:breakfast|lunch|dinner|supper|tea|coffee))\b",
    re.IGNORECASE,
)
_ROUTINE_WORDS: Final = frozenset({"i", "we"})


def habit_said(text: str, words: frozenset[str]) -> str | None:
    """Why `text`, which names a time of day and no day, tells of a daily habit: "automatically"
    said, or a routine in the first person ("I go to the gym at 6am"); None otherwise.
    `words`: the letter runs of the lowered text."""
    if not _AUTOMATIC.isdisjoint(words):
        return "a thing done “automatically” at a time of day"
    if not _ROUTINE_WORDS.isdisjoint(words) and _ROUTINE_START.match(text) is not None:
        return "a routine told in the first person"
    return None


# "Meetings are held each Tuesday night from 7 PM to 8:30 PM, except for legal and (District 20)
# school holidays, …": a habit told, with days left out that no calendar here knows (a school's
# or a country's holidays). A request so worded is refused (its exclusions are to be added); a
# habit told is asked about anyway, so its days are read without the exception, to confirm.
_HOLIDAY_EXCEPTION: Final = re.compile(
    r",?\s*\b(?:except|excluding|but\s+not|other\s+than)\s+(?:for\s+|on\s+|during\s+)?"
    r"(?:[\w()'’-]+,?\s+){0,6}?(?:holidays?|breaks?|vacations?|closures?)\b",
    re.IGNORECASE,
)
_TOLD_HABIT: Final = re.compile(
    r"\b(?:(?:is|are)\s+(?:usually\s+|always\s+|normally\s+)?held|takes?\s+place|meets?"
    r"|(?:is|are)\s+open|gathers?|convenes?)\b",
    re.IGNORECASE,
)
_HOLIDAY_WORDS: Final = frozenset(
    "holiday holidays break breaks vacation vacations closure closures".split()
)
HOLIDAY_EXCEPTION_NOTE: Final = (
    "“{clause}” cannot be kept: the days are read without leaving those out, to confirm"
)


def without_holiday_exception(text: str) -> tuple[str, str] | None:
    """`text` without the holidays it leaves out, and the words left out, when it tells a habit
    ("Meetings are held each Tuesday …, except for school holidays"); None otherwise."""
    if len(text) > 400:
        return None
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    if _HOLIDAY_WORDS.isdisjoint(words) or one_off(lowered, words):
        return None
    found = _HOLIDAY_EXCEPTION.search(text)
    if found is None or _TOLD_HABIT.search(text) is None:
        return None
    kept = f"{text[: found.start()]}{text[found.end() :]}"
    return kept, " ".join(found.group().strip(" ,").split())


def alternate_weeks_told(text: str) -> str | None:
    """Why a schedule of every other week read from `text` asks which weeks: the text tells a
    habit ("The recycling is picked up on alternate Wednesdays", "This club meets biweekly on
    Thursdays"), whose weeks it does not say — the next such day may be an off week."""
    lowered = text.lower()
    words = frozenset(re.findall(r"[a-z]+", lowered))
    habit = habitual_verb(lowered, words)
    if habit is None and (_TOLD_HABIT_WORDS.isdisjoint(words) or not _TOLD_HABIT.search(text)):
        return None
    return "a habit told every other week: which weeks it falls in is not said, to confirm"


_TOLD_HABIT_WORDS: Final = frozenset(
    "held place meet meets open gather gathers convene convenes".split()
)
