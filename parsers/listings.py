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
  (`habit_word`).

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
    if match is None or (match["mark"] == "," and not whole):
        return None
    return " ".join(match["day"].split())


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
_HABIT_WORDS: Final = frozenset({"always", "regular", "usual", "customary", "regularly", "back"})
_REGULAR_DAY: Final = re.compile(
    rf"\b(?:regular|usual|customary|regularly\s+scheduled)\s+{_DAY_OR_SHORT}", re.IGNORECASE
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
    return None


# A weekday before a plural activity: "Saturday morning rides depart … at 9:30am", "Tuesday track
# workouts", "Friday drinks at 5": the day's events, every week (a plural says there are many;
# "Sunday for kids" is a preposition, not an activity)
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


def plural_activity(lowered: str) -> str | None:
    """The day's activities a weekday names before a plural noun ("saturday morning rides" in
    "Saturday morning rides depart … at 9:30am"), or None."""
    match = _PLURAL_AFTER_DAY.search(lowered)
    if match is None:
        return None
    plural, mid = match["plural"], match["mid"]
    if plural in _NOT_ACTIVITIES or plural.endswith("ss") or plural.endswith("'s"):
        return None
    if mid is not None and (mid in _FUNCTION_WORDS or mid in _NOT_ACTIVITIES):
        return None
    return " ".join(match.group().split())
