"""Weekly listings: the lines a community page writes for what happens each week.

A parish lists "Saturday, 4:30pm" and "Tuesday: 8am Mass", a bridge club "Friday morning – 9:10am
Plays 18 boards", a gym "Girls Tue: 14:30" and "Boys Mon 5-6pm", a pastor's column "We now return
to our regular Saturday afternoon Confessions time of 3:00-3:30pm", a library "Wee Read on Tuesday
morning at 10 a.m. is back in full swing", a maintainer "Always run Dependabot on Monday morning".
None says "every", and each means every week. What marks them, beside a bare day:
- a day heading: the line opens with the day (and its part of the day), then a colon, a comma or
  a dash, then the time — how a list of the week's times is set out (`day_heading`);
- a session named for its group of people before the day ("Girls", "Boys", "Men", "Seniors",
  "U12"): a timetable's row (`group_session`);
- a habit's word: "always", "our regular/usual Saturday …", or the day's event "is back"
  (`habit_word`);
- a named row with its hours: "Art with Marion Tuesday 12:30-2", "Cribbage Friday 9:30-11:30",
  "Bingo Friday 10:00am – 11:30am $0.00" — what goes on, the day, then when it starts and ends,
  as a senior centre's or a library's sheet sets out its week (`named_range`); a range of small
  hours beside a named thing that is not a job ("Busy Hands Knitting Friday 1:30-3:30", "Hist100
  Tue/Thur 1:30-2:45") is the afternoon's (`small_hours_gathering`).

A request ("remind me Saturday at 4:30pm", "dinner @ Padella friday 7pm"), "this", "next", a
date or a one-off event (`timetable.one_off`, checked by the caller first) keeps the coming
day, once; so does a bare "Saturday at 4:30pm" or "saturday 7:30pm", which has no heading's
punctuation. Every reading here asks: a heading may still be a note for one day.

The functions are pure and cheap: each looks for a word or a character before it runs a pattern.
"""

from __future__ import annotations

import re
from typing import Final

_DAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SHORT_DAY: Final = r"(?:mon|tues?|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
_DAY_OR_SHORT: Final = rf"(?:{_DAY}s?|{_SHORT_DAY})"
_PART: Final = r"(?:morning|afternoon|evening|night|lunchtime|noon)s?"

# "Saturday, 4:30pm", "Tuesday: 8am Mass", "Friday morning – 9:10am Plays 18 boards", "- Sunday:
# 10 am": the day opens the line, a heading's punctuation follows it, then the clock time
_HEADING: Final = re.compile(
    rf"^[\s*•>-]*(?P<day>{_DAY_OR_SHORT}(?:\s+{_PART})?)\s*(?:\*\*)?\s*"
    r"(?P<mark>[:,–—]|-(?=\s))\s*(?:\*\*\s*)?\d",
    re.IGNORECASE,
)


def day_heading(text: str, *, whole: bool) -> str | None:
    """The day heading that opens `text` ("Saturday" in "Saturday, 4:30pm", "Friday morning"
    in "Friday morning – 9:10am …"), or None: a listing of the week's times sets each day
    out so, with its time right after the heading's colon, comma or dash. `whole`: the text is
    all schedule. A comma heads a line only then — "Saturday, 4:30pm" is read as systemd's
    "Sat, 16:30" is, every week; in "Fri, 10:00 call mom" the comma only separates the day
    from its time, before an errand."""
    head = text[:40]
    if not any(mark in head for mark in ":,–—-"):
        return None
    match = _HEADING.match(text)
    if match is None:
        return None
    if (
        match["mark"] == ","
        and not whole
        and _TIME_THEN_SEMICOLON.match(text, match.end() - 1) is None
    ):
        return None
    return " ".join(match["day"].split())


# "Monday, 1:00 PM; Shuffleboard Courts": a semicolon after the time sets a listing's fields
# apart (the day and time, then the place), as a comma after the day does when the line is all
# schedule
_TIME_THEN_SEMICOLON: Final = re.compile(r"\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]\.?m\.?)?\s?;", re.I)


# "Monday at 1.30pm Duplicate session in the Bridge Room", "Thursday at 7.30pm: Duplicate session
# on Real Bridge", "Friday at 10am Coffee Morning": a club's programme sets each line out as the
# day, its time, then the name of what goes on, capitalised — not an errand ("Friday at 3pm Call
# mom") nor a get-together held once ("Tuesday at 1pm Lunch with Sam")
_DAY_TIME_NAME: Final = re.compile(
    rf"^[\s*•>-]*(?P<day>{_DAY})\s+(?:at\s+)?"
    r"\d{1,2}(?:[:.][0-5]\d\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
    r"\s*(?:[:–—-]\s*)?(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)?)",
    re.IGNORECASE,
)


def programme_line(text: str) -> str | None:
    """The name of what a programme's line holds on its day ("Duplicate session" in "Monday at
    1.30pm Duplicate session in the Bridge Room"), or None: the line opens with a weekday and
    its time, then a capitalised name that is not an errand's verb or a one-off get-together."""
    if not text[:12].lstrip(" *•>-")[:1].isalpha():
        return None
    found = _DAY_TIME_NAME.match(text)
    if found is None or not found["name"][:1].isupper():
        return None
    name = found["name"]
    if name.split(None, 1)[0].isupper():
        return None  # ("Wednesday 04:00 UTC (5am CET)": a zone, not a session's name)
    words = frozenset(re.findall(r"[a-z]+", name.lower()))
    if name.split(None, 1)[0].lower() in _ERRAND_WORDS or not _ONCE_WORDS.isdisjoint(words):
        return None
    return name


# a to-do's verbs, which open an errand's words after its day and time, not a session's name
_ERRAND_WORDS: Final = frozenset(
    "call email text message ping buy pay pick send submit finish clean water take bring renew "
    "return check fix order get go visit ask tell write read watch file print mail post prepare "
    "review update cancel remind book meet see do make start stop run".split()
)


# The groups of people a club's or a gym's sessions are named for: "Boys Mon 5-6pm", "Girls Tue:
# 14:30", "Seniors Wednesday 10am", "U12 Girls Thursday 6pm", "Seniors Tuesday evening" (a time or
# a part of the day follows the day)
_GROUP_WORDS: Final = frozenset(
    "boys girls men mens women womens ladies gents adult adults senior seniors junior juniors "
    "kids children teen teens youth toddlers tots beginner beginners intermediate advanced "
    "masters coed mixed families colts".split()
)
_GROUP: Final = re.compile(
    r"^[\s*•>-]*(?P<group>(?:(?:boys|girls|men|women|ladies|gents|adults?|seniors?|juniors?|"
    r"kids|children|teens?|youth|toddlers|tots|beginners?|intermediate|advanced|masters|coed|"
    r"co-ed|mixed|families|colts|u\d{1,2})(?:'s|’s)?\s+){1,3}(?:[a-z]+\s+)?)"
    rf"(?P<day>{_DAY_OR_SHORT})\s*[:,–—-]?\s*(?:\d|{_PART}\b)",
    re.IGNORECASE,
)


def group_session(text: str, words: frozenset[str]) -> str | None:
    """The group a timetable's session is named for ("Boys" in "Boys Mon 5-6pm"), or None.
    `words`: the letter runs of the lowered text."""
    if _GROUP_WORDS.isdisjoint(words) and "u" not in words:
        return None
    match = _GROUP.match(text)
    return None if match is None else " ".join(match["group"].split())


# A habit's words beside the day: "Always run Dependabot on Monday morning", "our regular Saturday
# afternoon Confessions", "the usual Tuesday practice", "Wee Read on Tuesday morning at 10 a.m. is
# back" (an event of that day, come back: the day is the subject's, before the verb; in "John is
# back on Monday" it is after it, and that Monday's)
_HABIT_WORDS: Final = frozenset(
    {"always", "regular", "usual", "customary", "regularly", "back", "round"}
)
_REGULAR_DAY: Final = re.compile(
    rf"\b(?:regular|usual|customary|regularly\s+scheduled)\s+{_DAY_OR_SHORT}"
    # "usual routing will be on Wednesday at 10 am", "our usual meeting is on Tuesday": the
    # usual thing, then the day it is on
    r"|\b(?:regular|usual|customary)\s+(?:[a-z]+\s+){1,2}(?:will\s+be|is|are|happens|takes\s+place)"
    rf"\s+(?:held\s+)?(?:on\s+)?{_DAY}s?\b",
    re.IGNORECASE,
)
_BACK: Final = re.compile(
    rf"\b{_DAY}s?\b(?:[ap]\.m\.|[^.!?;]){{0,60}}?\b(?:is|are)\s+(?:now\s+)?back\b",
    re.IGNORECASE,
)


def habit_word(lowered: str, words: frozenset[str]) -> str | None:
    """The words of a habit `lowered` says beside its day ("always", "regular Saturday", "is
    back"), or None. `words`: the letter runs of `lowered`."""
    found = _HABIT_WORDS & words
    if not found:
        return None
    if "always" in found:
        return "always"
    match = _REGULAR_DAY.search(lowered) if found - {"back"} else None
    if match is not None:
        return " ".join(match.group().split())
    if "back" in found and _BACK.search(lowered) is not None:
        return "is back"
    if "round" in found and _YEAR_ROUND.search(lowered) is not None:
        return "all year round"
    return None


# "Mass on Saturday evening will remain at 4:30 p.m. all year round": the day's time, each week
_YEAR_ROUND: Final = re.compile(r"\b(?:all\s+(?:the\s+)?)?year[\s-]round\b")


# A weekday before a plural activity: "Saturday morning rides depart … at 9:30am", "Tuesday track
# workouts", "Friday drinks at 5": the day's events, every week (a plural says there are many;
# "Sunday for kids" is a preposition, not an activity)
# ("Games on Saturday at 12pm (Fields vary)", "Rides on Sunday at 8am from the café": the line
# opens with the plural, then its day)
_PLURAL_BEFORE_DAY: Final = re.compile(
    rf"^[\s*•>-]*(?P<plural>[A-Z][a-z]{{2,}}s)\s+on\s+{_DAY}s?\b(?:\s+(?:at\s+)?\d)", re.IGNORECASE
)
_PLURAL_AFTER_DAY: Final = re.compile(
    rf"\b{_DAY}(?:\s+{_PART})?\s+(?:(?P<mid>[a-z]+)\s+)?(?P<plural>[a-z]{{3,}}s)\b",
    re.IGNORECASE,
)
_NOT_ACTIVITIES: Final = frozenset(
    "is was has does goes says hours minutes seconds days weeks months years times its "
    "this thus plus yes unless always sometimes mornings afternoons evenings nights "
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends".split()
)
_FUNCTION_WORDS: Final = frozenset(
    "for with to at in on the a an and or of by my our your their his her its from".split()
)


def plural_activity(lowered: str, original: str | None = None) -> str | None:
    """The day's activities a weekday names before a plural noun ("saturday morning rides" in
    "Saturday morning rides depart … at 9:30am"), or, in the `original` text, that opens the
    line before its day and time ("Games" in "Games on Saturday at 12pm"); None otherwise."""
    match = _PLURAL_AFTER_DAY.search(lowered)
    if match is None:
        return None if original is None else _plural_first(original)
    plural, mid = match["plural"], match["mid"]
    if plural in _NOT_ACTIVITIES or plural.endswith("ss") or plural.endswith("'s"):
        return None
    if mid is not None and (mid in _FUNCTION_WORDS or mid in _NOT_ACTIVITIES):
        return None
    return " ".join(match.group().split())


def _plural_first(text: str) -> str | None:
    """The plural that opens `text` before "on" and its day and time ("Games on Saturday at
    12pm"), capitalised as a listing's line is, or None."""
    if " on " not in text:
        return None
    match = _PLURAL_BEFORE_DAY.match(text)
    if match is None or not match["plural"][:1].isupper():
        return None
    plural = match["plural"].lower()
    if plural in _NOT_ACTIVITIES or plural.endswith("ss") or plural in _NOT_EVENTS:
        return None
    return match["plural"]


# plurals that open a line about things, not the events of a day ("Updates on Monday at 9")
_NOT_EVENTS: Final = frozenset(
    "updates changes reminders notes comments emails messages tickets orders issues tasks "
    "results news posts reports deliveries payments bills runs fires executes triggers starts "
    "happens opens closes".split()
)


# Words of a get-together or an errand held once, which a day and its hours do not make a habit:
# "lunch with Sam Tuesday 12:30-2", "coffee with Ana Friday 10-11", "call with the vendor Monday
# 2-3pm", "Haircut Saturday 10-11", "Math quiz Friday 10-11am", "Piano recital Sunday 2-4pm"
_ONCE_WORDS: Final = frozenset(
    "lunch dinner breakfast brunch coffee drinks call calls date visit catchup interview demo "
    "onsite offsite haircut massage checkup quiz test recital presentation pitch tryout tryouts "
    "audition auditions inspection repair installation delivery viewing showing".split()
)


def named_range(text: str, words: frozenset[str], *, whole: bool) -> bool:
    """Whether `text`, a bare day with a time range ("Art with Marion Tuesday 12:30-2"), is a
    named row of a weekly sheet: a name is said beside the day (the text is not all schedule:
    `whole`), and it is not a get-together held once ("lunch with Sam Tuesday 12:30-2").
    `words`: the letter runs of the lowered text. The caller knows the range is there."""
    if whole or not _ONCE_WORDS.isdisjoint(words):
        return False
    return "with" not in words or _MEETING_WITH.search(text) is None


# "meeting with John Tuesday 2-3pm", "sync with the vendor Monday 10-11": one meeting with
# someone ("Art with Marion" is a class with its teacher)
_MEETING_WITH: Final = re.compile(r"\b(?:meeting|meet|sync|chat|1:1|one-on-one)\s+with\b", re.I)


def afternoon_range(start_hour: int, end_hour: int) -> bool:
    """Whether a named row's range written without am/pm, from `start_hour` to `end_hour` as
    written ("1:30-3:30", "2-4"), a meeting's length at most, lies in the small hours, where no
    club, class or centre meets: the afternoon's ("Busy Hands Knitting Friday 1:30-3:30" is
    1:30pm, "Hist100 Tue/Thur 1:30-2:45" 1:30pm, "CS151 Tue/Thur 6-7:15" 6pm)."""
    return 1 <= start_hour <= 6 and start_hour < end_hour <= min(7, start_hour + 3)


# What a job does in the small hours, which a range beside it keeps there ("Maintenance window
# Sunday 1:30-3:30", "backup Tue/Thu 2:00-3:00")
_JOB_WORDS: Final = frozenset(
    "run runs running execute executes job jobs cron cronjob crontab backup backups sync script "
    "scripts maintenance window windows deploy deploys deployment update updates patch patching "
    "reboot restart server servers batch build builds upload download import export cleanup "
    "migration freeze downtime outage".split()
)


def small_hours_gathering(task_words: frozenset[str], start_hour: int, end_hour: int) -> bool:
    """Whether a range in the small hours written without am/pm ("1:30-3:30") beside the words of
    a named thing (`task_words`, the letter runs of the lowered task) is the afternoon's: the
    thing is not a job's (`afternoon_range`)."""
    return afternoon_range(start_hour, end_hour) and _JOB_WORDS.isdisjoint(task_words)


# -- a time that is another event's, or an event that recurs with no day said -------------------

# "Thursday Evenings in May & October following the 5:15 PM Mass", "the picnic after the 10 AM
# service", "we meet before the 7pm game": the time is the other event's, and this one starts
# whenever that ends (a clock time, with its minutes, am/pm or o'clock: not "after the 10th", "after
# the 10 type-marker bytes")
_OTHER_EVENTS_TIME: Final = re.compile(
    r"\b(?:following|after|before)\s+the\s+(?P<time>\d{1,2}(?:[:.][0-5]\d(?:\s*[ap]\.?m\b\.?)?"
    r"|\s*[ap]\.?m\b\.?|\s+o'?clock))\s*(?!(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b)"
    r"(?P<event>[a-z]{3,})",
    re.IGNORECASE,
)
_BEFORE_OR_AFTER: Final = ("following", "after", "before")


def other_events_time(text: str) -> str | None:
    """The other event whose time the text names ("the 5:15 PM Mass" in "… following the 5:15
    PM Mass"), or None: what is asked about starts when that one ends, at no time said."""
    lowered = text.lower()
    if not any(word in lowered for word in _BEFORE_OR_AFTER):
        return None
    found = _OTHER_EVENTS_TIME.search(text)
    if found is None or _OFFSET_BEFORE.search(text, 0, found.start()) is not None:
        # ("ping me 20 minutes before the 5pm deploy": a time counted from it, and said)
        return None
    return f"the {' '.join(found['time'].split())} {found['event']}"


_OFFSET_BEFORE: Final = re.compile(
    r"(?:\b|(?<=\d))(?:minutes?|mins?|hours?|hrs?|h|m|days?|an?\s+hour|half\s+an\s+hour)\s+$",
    re.IGNORECASE,
)


# What a congregation, a choir, a club or a pub holds over and over: "Bell Choir rehearsal at
# 8:50 PM." says when, not on which days
_RECURRING_KINDS: Final = frozenset(
    "rehearsal rehearsals practice practices mass masses worship vespers liturgy rosary novena "
    "choir bingo trivia karaoke storytime".split()
)
# a day said: a weekday, a month, a date, "today" …
_DAY_SAID: Final = re.compile(
    r"\b(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)days?|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
    r"march|april|june|july|august|september|october|november|december|today|tonight|tomorrow|"
    r"weekly|daily|nightly|every|each|weekends?|weekdays?|christmas|easter|eve|thanksgiving|holy|"
    r"pentecost|lent|advent|halloween|new\s+year|\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2})\b",
    re.IGNORECASE,
)


# the cheap test before the words are looked at: most texts name no such event
_KIND_GATE: Final = re.compile(
    r"rehears|practice|mass|worship|vesper|liturg|rosary|novena|choir|bingo|trivia|karaoke|"
    r"storytime|service"
)


def recurring_kind(text: str) -> str | None:
    """The kind of event that recurs ("mass", "rehearsal") that `text` names, or None: its hour,
    when the text does not say it, is not the default's ("Mass is celebrated daily")."""
    lowered = text.lower()
    if _KIND_GATE.search(lowered) is None:
        return None
    found = _RECURRING_KINDS & frozenset(re.findall(r"[a-z]+", lowered))
    return max(found, key=lowered.rfind) if found else None


def recurring_kind_without_day(text: str) -> str | None:
    """The kind of event that recurs ("rehearsal", "traditional service") that `text` gives a
    time and no day, or None."""
    lowered = text.lower()
    if _KIND_GATE.search(lowered) is None:
        return None
    words = frozenset(re.findall(r"[a-z]+", lowered))
    found = _RECURRING_KINDS & words
    if found:
        kind = max(found, key=lowered.rfind)  # the head noun: "rehearsal" in "Bell Choir rehearsal"
    elif "service" in words or "services" in words:
        # "9:00 AM - Traditional Service" (not "restart the service at 3am")
        service = _SERVICE.search(lowered)
        if service is None:
            return None
        kind = " ".join(service.group().split())
    else:
        return None
    return None if _DAY_SAID.search(text) is not None else kind


_SERVICE: Final = re.compile(
    r"\b(?:worship|church|morning|evening|traditional|contemporary|communion|prayer|healing|"
    r"sunday|vigil|early|late)\s+services?\b"
)


# "Weekend: Saturday 12-1pm", "Weekday: Tuesday-Thursday 6:30-8:30 PM": a heading for part of the
# week, then the days themselves — the days said are the ones meant
_WEEK_HEADING: Final = re.compile(
    r"\W{0,4}week(?:end|day)s?\s*:\s*(?=(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", re.IGNORECASE
)


def without_week_heading(text: str) -> str:
    """`text` without a heading for the weekend or the weekdays that the days named right after
    it say more exactly ("Weekend: Saturday 12-1pm" → "Saturday 12-1pm"); `text` itself when
    it has none."""
    if "eek" not in text[:8]:
        return text
    found = _WEEK_HEADING.match(text)
    return text if found is None else text[found.end() :]


# Words that make a range of hours the frame of runs said elsewhere, or a span to fill ("every
# Monday from 9am to 5pm", "Mondays between 2 and 4pm", "during office hours"): not a row's
# hours. A range's own words ("Monday from 9 to 12", "maandag: 15 tot 21 uur" read as "monday:
# from 15:00 to 21:00") are how a row writes its hours too, and frame nothing alone.
_FRAME_WORDS: Final = frozenset(
    "between every each daily weekly hourly minutes mins "
    "hours hrs during within open opening closed closes hours business office work working "
    "shift shifts available availability".split()
)


def hours_row(words: frozenset[str]) -> bool:
    """Whether a text that is all schedule — days and a range of hours, "Mondays - 11:30AM-3:30PM",
    "Monday 2:00 PM - 9:00 PM", "Saturday 1:15 PM - 6:00 PM" — sets them out as a timetable's
    row: what goes on that day goes on from the range's start, every week (a library's or a
    gym's sheet), however long it lasts. Not when words make the range a frame for runs or a
    span of hours kept ("from", "between", "every", "open"). `words`: the letter runs of the
    lowered text."""
    return _FRAME_WORDS.isdisjoint(words)


# "on alternate Mondays (first Monday of each iteration)", "every other Friday (the first Friday
# of each sprint)": a bracket that says which of the fortnight's two days the series runs on —
# the first, where it starts — in words of a cycle, not of the month. Read with the rest, "first
# Monday of each …" is a day of the month beside an interval of weeks, and refused.
_CYCLE_WORDS: Final = frozenset(
    {"iteration", "cycle", "sprint", "rotation", "fortnight", "period", "pair", "block"}
)
_CYCLE_BRACKET: Final = re.compile(
    rf"\s*\(\s*(?:the\s+)?(?:first|1st)\s+{_DAY}\s+(?:of|in)\s+(?:each|every|the|a)\s+"
    r"(?:new\s+|two[-\s]week\s+|2[-\s]week\s+)?"
    r"(?:iteration|cycle|sprint|rotation|fortnight|period|pair|block)s?\b[^()]{0,40}\)",
    re.IGNORECASE,
)
_ALTERNATE: Final = re.compile(
    r"\b(?:alternat(?:e|ing)|every\s+other|every\s+second|bi-?weekly|fortnightly)\b", re.IGNORECASE
)


def without_cycle_remark(text: str) -> str:
    """`text` without a bracket that names the first day of each two-week cycle after a series
    of every other week ("on alternate Mondays (first Monday of each iteration)" → "on alternate
    Mondays"); `text` itself otherwise."""
    if "(" not in text:
        return text
    lowered = text.lower()
    if not any(word in lowered for word in _CYCLE_WORDS):
        return text
    match = _CYCLE_BRACKET.search(text)
    if match is None or _ALTERNATE.search(text, 0, match.start()) is None:
        return text
    return text[: match.start()] + text[match.end() :]


# "Run daily at 5 AM CET. Don't set to 2 AM or 3 AM due to daylight saving", "daily at 5am. Avoid
# 2am.": a sentence after the schedule that warns against hours names no runs. Read with the
# rest, its hours would be added to the schedule's. Only a sentence that opens with the warning
# and names clock times and no days is taken out ("… Don't run on weekends" leaves days out, and
# is kept for the grammar).
_WARNED: Final = re.compile(
    r"(?<=[.!;])\s+(?:but\s+)?(?:don'?t|don’t|do\s+not|never|avoid)\b[^.!?;\n]{0,160}(?:[.!;]|$)",
    re.IGNORECASE,
)
_WARNED_CLOCK: Final = re.compile(r"\b\d{1,2}(?::[0-5]\d)?\s*[ap]\.?m\b|\b\d{1,2}:[0-5]\d\b", re.I)
_WARNED_DAYS: Final = re.compile(
    rf"\b(?:{_DAY_OR_SHORT}|weekends?|weekdays?|holidays?|today|tomorrow|tonight)\b", re.I
)


def without_warned_hours(text: str) -> str:
    """`text` without a sentence after the first that warns against clock times ("… Don't set to
    2 AM or 3 AM due to daylight saving"); `text` itself when it has none."""
    lowered = text.lower()
    if "n't" not in lowered and "n’t" not in lowered and "not" not in lowered:
        if "never" not in lowered and "avoid" not in lowered:
            return text
    for match in _WARNED.finditer(text):
        sentence = match.group()
        if _WARNED_CLOCK.search(sentence) and not _WARNED_DAYS.search(sentence):
            return text[: match.start()] + text[match.end() :]
    return text


# "We meet the second Friday of every month from 11:00am to 12:30pm with an optional 12:30pm to
# 1:30pm social hour": what may follow the meeting, said with its own hours, is not when it runs.
_CLOCK_SAID: Final = r"\d{1,2}(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
_OPTIONAL_WINDOW: Final = re.compile(
    rf",?\s*(?:\band\s+|\bwith\s+)?(?:an?\s+)?\boptional\s+(?:from\s+)?{_CLOCK_SAID}\s*"
    rf"(?:-|–|—|to|until|till)\s*{_CLOCK_SAID}",
    re.IGNORECASE,
)


def without_optional_window(text: str) -> str:
    """`text` without a second window said to be optional ("… from 11:00am to 12:30pm with an
    optional 12:30pm to 1:30pm social hour" → "… from 11:00am to 12:30pm social hour"); `text`
    itself when it has none."""
    if "ptional" not in text:
        return text
    match = _OPTIONAL_WINDOW.search(text)
    if match is None or _WARNED_CLOCK.search(text, 0, match.start()) is None:
        return text  # "Optional 9-10am every day": the only hours said
    return text[: match.start()] + text[match.end() :]


# "Consultation hour on Thursdays from 12:00 (Doug McDonell 8.16)", "Office Hours (AkerH 130A):
# Tuesdays 10:00 AM - 12:00 PM": a room — a building's name and its number — in brackets. Read
# with the rest, "8.16" is a time and "130" an hour.
_ROOM_BRACKET: Final = re.compile(
    r"\(\s*(?P<name>(?:[A-Z][A-Za-z'’.-]{1,20}\s+){1,4})(?:room\s+|rm\.?\s+)?"
    r"\d{1,4}(?:\.\d{1,3})?[A-Za-z]?\s*\)"
)
_NOT_A_BUILDING: Final = re.compile(
    rf"^(?:{_DAY_OR_SHORT}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
    r"march|april|june|july|august|september|october|november|december|at|from|until|till|to|"
    r"every|each|noon|midnight|morning|evening|afternoon|night|about|around|approx|approximately|"
    r"or|and|i\.?e\.?|e\.?g\.?|day|week|month|year|daily|weekly|monthly|the|for|in|on)$",
    re.IGNORECASE,
)


def without_room_bracket(text: str) -> str:
    """`text` without a bracket that names a room by its building's name and number ("(Doug
    McDonell 8.16)", "(AkerH 130A)"); `text` itself when it has none. A bracket whose words
    are days, months, zones (written in capitals) or time words is kept."""
    if "(" not in text:
        return text
    for match in _ROOM_BRACKET.finditer(text):
        words = match["name"].split()
        if any(word.isupper() or _NOT_A_BUILDING.match(word.strip(".")) for word in words):
            continue
        return text[: match.start()].rstrip() + text[match.end() :]
    return text
