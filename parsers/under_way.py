"""A schedule already under way: "which began on Wednesday, November 14th @ 7:30 p.m. and it will
continue on the second Wednesday of every month", "The club started on March 3rd, 2024 and meets
every other Sunday at 2pm".

The date after "began on"/"started on" is the first meeting, in the past; the rule after it is
what goes on. Read together, the grammar takes the date for a yearly one ("a date can only
repeat every year"). With its year the date is a past start, which anchors an "every other"
rule's weeks (RFC 5545's DTSTART may be in the past): it is read as "starting <date>". Without
a year it only says the series began some time ago: it is left out, unless the rule counts
weeks from its start ("every other Sunday"), which a date of no year cannot anchor.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from .zones import lookup_word

_MONTHS: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY: Final = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PAST_START: Final = re.compile(
    rf"\b(?P<verb>began|started|commenced|since)\s+(?:on\s+)?(?P<date>{_WEEKDAY}(?:the\s+)?"
    rf"(?:{_MONTHS}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTHS}){_YEAR})(?![\w/-])",
    re.IGNORECASE,
)
_VERBS: Final = ("began", "started", "commenced", "since")
# "It began in 2019 and continues every Friday at noon": only the year it began
_PAST_YEAR: Final = re.compile(
    r"\b(?P<verb>began|started|commenced)\s+in\s+(?:19|20)\d\d\b(?![\w/-])", re.IGNORECASE
)
# the rule that goes on after it: "and it will continue on …", "and meets every …"
_GOES_ON: Final = re.compile(
    r"\b(?:continue[sd]?|continuing|every|each|monthly|weekly|biweekly|fortnightly"
    r"|of\s+the\s+month)\b",
    re.IGNORECASE,
)
# a rule that counts weeks from its start: a date of no year cannot anchor it
_COUNTS_WEEKS: Final = re.compile(
    r"\b(?:every\s+(?:other|second|2nd|two|2|third|3rd|three|3|fourth|four|4)\s+"
    r"(?:weeks?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)|biweekly|bi-weekly|fortnight\w*)",
    re.IGNORECASE,
)


def read_as_under_way(text: str) -> str | None:
    """`text` with the past first date of a schedule that goes on made a start ("began on
    January 5 2006", "since January 7, 2020" → "starting …") or left out ("began on Wednesday,
    November 14th", "began in 2019" → "began"); None when `text` has no such date, or its rule
    needs the year it lacks."""
    lowered = text.lower()
    found = _first_match(text, lowered, _PAST_START) or _first_match(text, lowered, _PAST_YEAR)
    if found is None or _GOES_ON.search(text) is None:
        return None
    dated = found.re is _PAST_START
    if dated and found["year"] is not None:
        return f"{text[: found.start()]}starting {found['date']}{text[found.end() :]}"
    if found["verb"].lower() == "since" or _COUNTS_WEEKS.search(text) is not None:
        return None  # ("since March 3rd": the grammar refuses a count from a time gone by)
    return f"{text[: found.start()]}{found['verb']}{text[found.end() :]}"


def _first_match(text: str, lowered: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """`pattern`'s first match in `text`, tried only where one of its verbs starts a word:
    "since" is common ("since the build is slow"), and a search with the pattern's
    alternatives at every character costs ten times more than finding the verbs."""
    for verb in _VERBS:
        start = lowered.find(verb)
        while start != -1:
            if (start == 0 or not lowered[start - 1].isalnum()) and _may_be_dated(
                lowered[start:].split(maxsplit=3)[1:]
            ):
                found = pattern.match(text, start)
                if found is not None:
                    return found
            start = lowered.find(verb, start + 1)
    return None


# how the words after the verb can start: a day's or a month's name, a number, "in" a year
_DATED_STEMS: Final = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()
)


def _may_be_dated(words: list[str]) -> bool:
    """Whether the words after "began", "since" … can open a date ("on Wednesday, November",
    "January 5", "the 14th of", "in 2019"): a cheap look before the pattern."""
    if words and words[0] in ("on", "in", "the"):
        words = words[1:]
    if not words:
        return False
    word = words[0]
    return word[:1].isdigit() or word[:3] in _DATED_STEMS


# a meeting invitation's first meeting, then its rule: Zoom's "Time: Feb 13, 2024 10:00 AM Eastern
# Time (US and Canada) Every 2 weeks on Tuesday", "When: March 3, 2027 9:00 AM … Every week on Wed"
_DATED_FIRST: Final = re.compile(
    rf"\s*(?:(?:time|when|date|starts?)\s*:\s*)?{_WEEKDAY}(?P<date>(?:{_MONTHS}\s+{_DAY}|{_DAY}\s+"
    rf"(?:of\s+)?{_MONTHS}),?\s+(?:19|20)\d\d)\b(?P<gap>[^.;!?]{{0,80}}?)\bevery\b",
    re.IGNORECASE,
)
# the words between the date and "every": its time and zone ("10:00 AM Eastern Time (US and
# Canada)"), nothing said of it ("was a Tuesday and every week it rained")
_GAP_WORDS: Final = frozenset(
    "at am pm a p m time standard daylight us and canada utc gmt local starting from".split()
)


def _time_and_zone(gap: str) -> bool:
    return all(
        word in _GAP_WORDS or lookup_word(word) is not None
        for word in re.findall(r"[a-z]+", gap.lower())
    )


def dated_then_every(text: str) -> str | None:
    """`text` with the dated first meeting an invitation opens with, before its rule, made the
    rule's start ("Time: Feb 13, 2024 10:00 AM Eastern Time (US and Canada) Every 2 weeks on
    Tuesday" → "starting Feb 13, 2024 10:00 AM …"): the first date of an "every other" rule
    sets its weeks; read with the rule, the grammar took it for a yearly date. None when the
    text does not open with a date of a year and a rule after it."""
    found = _DATED_FIRST.match(text)
    if found is None or not _time_and_zone(found["gap"]):
        return None
    return f"starting {found['date']}{text[found.end('date') :]}"


_START_DAY: Final = re.compile(
    rf"\b(?P<head>(?:starting|beginning|from|effective)\s+(?:on\s+)?)"
    rf"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+"
    rf"(?P<date>(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m2>{_MONTHS})),?\s+(?P<year>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def start_weekday_dropped(text: str) -> str | None:
    """ "Starting Monday, 5 Dec 2022 @ 14:00 CET/CEST … and repeating every two weeks" →
    "Starting 5 Dec 2022 @ …": the weekday said before a start's date of a year is that date's
    own (the grammar read it as a second day and refused); None when there is none, or the
    weekday is not the date's (the grammar refuses the text as before)."""
    found = _START_DAY.search(text)
    if found is None:
        return None
    month_name = (found["m1"] or found["m2"]).lower()[:3]
    month = 1 + "jan feb mar apr may jun jul aug sep oct nov dec".split().index(month_name)
    try:
        day = date(int(found["year"]), month, int(found["d1"] or found["d2"]))
    except ValueError:
        return None
    if _WEEKDAYS[day.weekday()] != found["weekday"].lower()[:3]:
        return None
    return f"{text[: found.start('weekday')]}{found['date']}{text[found.end() :]}"


# "As of January 2021, our meetings are on Tuesdays at 19:00 UTC": since when a habit holds, a
# month and a year (or a year) gone by — it says nothing of the runs to come
_AS_OF_YEAR: Final = re.compile(
    rf"\b(?:as\s+of|since|effective|from)\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTHS}\s+)?"
    r"(?:19|20)\d\d\b(?![\w/-])\s*,?",
    re.IGNORECASE,
)


def without_past_year(text: str) -> str | None:
    """`text` without the month and year since when its rule holds ("As of January 2021, …"),
    for a text refused for that year being past; None when it says none, or no rule goes on."""
    found = _AS_OF_YEAR.search(text)
    if found is None and "(" in text:
        # "Auctions of long-term OATs (maturities of … or more in 2022) are held on the first
        # Thursday of the month at 10:50am": a year in a remark about something else
        found = _YEAR_IN_REMARK.search(text)
    if found is None or (_GOES_ON.search(text) is None and not _HABIT_DAYS.search(text)):
        return None
    return f"{text[: found.start()]}{text[found.end() :]}".strip()


# a remark in brackets that holds a year and no time of day or date
_YEAR_IN_REMARK: Final = re.compile(
    r"\s*\((?=[^()]*\bin\s+(?:19|20)\d\d\b)(?![^()]*(?:\d[:.]\d|\d\s*[ap]\.?m\b))[^()\d]*"
    r"(?:19|20)\d\d[^()\d]*\)",
    re.IGNORECASE,
)


# days said in the plural: a habit ("our meetings are on Tuesdays")
_HABIT_DAYS: Final = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends)\b", re.IGNORECASE
)
