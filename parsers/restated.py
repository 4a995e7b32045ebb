"""A time said again: whether what a text says a second time — in brackets, after "i.e." or
"which is", in another zone — agrees with the time it restates.

People say one time twice: roughly ("at 15.01 (3 pm)"), on other clocks ("16:00 UTC (9:00 PT
/ 18:00 CEST)", "22:00 UTC (06:00 SGT)" on the next day there), or more exactly than a part of
the day ("tomorrow morning (8:00 the next day)"). Read as two times, the job would run twice or
be refused. Three places meet such restatements, at three depths: a rough hour in brackets is
taken out before parsing (`without_rough_restatement`), a zone's conversions are folded into its
token (`conversions.settle`) or read by the grammar (`Grammar._restated`), and a refused text
whose brackets say the time exactly is read with them (`salvage.restated_in_brackets`). All of
them ask the one question here: `agreeing` (in which readings do two times say one instant?)
and `agreement` (is that sure, true part of the year only, or not at all?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Final

from .zones import lookup_place, lookup_word, zone_info

# -- the one check ---------------------------------------------------------------------------

# Days whose offsets stand for a zone's winter and its summer (either hemisphere's)
SEASON_DAYS: Final = (date(2026, 1, 15), date(2026, 7, 15))
WINTER: Final = 0
SUMMER: Final = 1
#: the abbreviations' own offsets agree, as written ("9:00AM PDT / 5:00PM CET": UTC-7 and UTC+1,
#: in the weeks when the US has changed its clocks and Europe not yet)
AS_WRITTEN: Final = 2

# The offset (minutes east of UTC) an abbreviation names as written: "PDT" is UTC-7 whatever
# the date (or the offsets, for one that names several zones): the ones that name one season
# of their zone, or a zone without DST.
WRITTEN_OFFSETS: Final = {
    "utc": (0,),
    "gmt": (0,),
    "z": (0,),
    "pst": (-480,),
    "pdt": (-420,),
    "mst": (-420,),
    "mdt": (-360,),
    "cst": (-360, 480),  # US Central, China
    "cdt": (-300,),
    "est": (-300,),
    "edt": (-240,),
    "akst": (-540,),
    "akdt": (-480,),
    "hst": (-600,),
    "bst": (60,),
    "wet": (0,),
    "west": (60,),
    "cet": (60,),
    "cest": (120,),
    "mez": (60,),
    "mesz": (120,),
    "eet": (120,),
    "eest": (180,),
    "msk": (180,),
    "ist": (330, 60, 120),  # India, Ireland (summer), Israel
    "jst": (540,),
    "kst": (540,),
    "hkt": (480,),
    "sgt": (480,),
    "aest": (600,),
    "aedt": (660,),
    "acst": (570,),
    "acdt": (630,),
    "awst": (480,),
    "nzst": (720,),
    "nzdt": (780,),
}


def written_offset(word: str, zone: str) -> int | None:
    """The offset the abbreviation `word` names as written, when `zone` keeps it in winter or
    summer ("PDT" and America/Los_Angeles: -420; "GMT" and Europe/London: 0; "CST" and
    Asia/Shanghai: 480); None for another word or a zone that never keeps it."""
    offsets = WRITTEN_OFFSETS.get(word)
    if offsets is None:
        return None
    info = zone_info(zone)
    kept = set()
    for day in SEASON_DAYS:
        offset = datetime.combine(day, time(12), tzinfo=info).utcoffset()
        if offset is not None:
            kept.add(int(offset.total_seconds()) // 60)
    return next((offset for offset in offsets if offset in kept), None)


@dataclass(frozen=True, slots=True)
class Said:
    """A time of day as a text says it: the hours it may be (one; both halves of the day for
    "3.01"; a part of the day's for "morning"), its minute (None: any minute of those hours,
    "(3 pm)"), the clock it is on (None: the same clock as the time it is compared with) and
    the offset its zone's abbreviation names as written ("PDT": -420; None when it names none)."""

    hours: tuple[int, ...]
    minute: int | None = 0
    zone: str | None = None
    offset: int | None = None

    @classmethod
    def at(cls, hour: int, minute: int | None = 0, zone: str | None = None) -> Said:
        return cls((hour,), minute, zone)


class Agreement(Enum):
    SURE = "sure"  # one instant, all year (or as the abbreviations are written)
    PART_OF_YEAR = "part of the year"  # one instant in winter or in summer only
    NONE = "none"  # two instants


def agreeing(first: Said, again: Said) -> frozenset[int]:
    """The readings (`WINTER`, `SUMMER`, `AS_WRITTEN`) in which `again` says an instant `first`
    says. The day may differ ("22:00 UTC (06:00 SGT)", "10:00 AM IST (9:30 PM PST previous
    day)"); two times on one clock (no zones, or the same) agree all year or never."""
    held: set[int] = set()
    if first.zone is None or again.zone is None or first.zone == again.zone:
        if _clocks_meet(first.hours, first.minute, again):
            held.update((WINTER, SUMMER))
        return frozenset(held)
    if first.offset is not None and again.offset is not None:
        shift = again.offset - first.offset
        moved = tuple((h * 60 + (first.minute or 0) + shift) // 60 % 24 for h in first.hours)
        minute = None if first.minute is None else (first.minute + shift) % 60
        if _clocks_meet(moved, minute, again):
            held.add(AS_WRITTEN)
    here, there = zone_info(first.zone), zone_info(again.zone)
    for season, day in enumerate(SEASON_DAYS):
        for hour in first.hours:
            moment = datetime.combine(day, time(hour, first.minute or 0), tzinfo=here)
            moved_to = moment.astimezone(there)
            minute = None if first.minute is None else moved_to.minute
            if _clocks_meet((moved_to.hour,), minute, again):
                held.add(season)
                break
    return frozenset(held)


def agreement(first: Said, again: Said) -> Agreement:
    """Whether `again` restates `first` for sure: all year; or in one season when `first`'s
    clock keeps one offset all year ("10pm UTC (3pm PDT)": UTC's is the job's clock, the other
    was written in summer; people write "PST" in July too). One season of a clock that changes
    ("8:00 AM ET (13:00 UTC)"), or the labels as written only ("9:00AM PDT / 5:00PM CET"), is
    `PART_OF_YEAR`: which clock is the job's is a guess."""
    held = agreeing(first, again)
    if not held:
        return Agreement.NONE
    if {WINTER, SUMMER} <= held:
        return Agreement.SURE
    if held - {AS_WRITTEN} and first.zone is not None and keeps_one_offset(first.zone):
        return Agreement.SURE
    return Agreement.PART_OF_YEAR


def in_the_gap_weeks(first: object, zone: str, again: object, other: str) -> bool:
    """Whether two times of day (ClockTimes) on two zones that both keep summer time say one
    instant on some week of the year though neither in winter nor in summer — in the weeks
    when one has changed its clocks and the other not ("10am PT / 6pm CET" in late March):
    the restatement was worked out then."""
    hours = first.hour_24(), again.hour_24()  # type: ignore[attr-defined]
    if hours[0] is None or hours[1] is None or other == zone:
        return False
    if keeps_one_offset(zone) or keeps_one_offset(other):
        return False
    here, there = zone_info(zone), zone_info(other)
    wanted = (hours[1], again.minute)  # type: ignore[attr-defined]
    for week in range(53):
        day = _GAP_YEAR_START + timedelta(days=7 * week)
        said = datetime.combine(day, time(hours[0], first.minute), tzinfo=here)  # type: ignore[attr-defined]
        converted = said.astimezone(there)
        if (converted.hour, converted.minute) == wanted:
            return True
    return False


# the first day of the year whose weeks `in_the_gap_weeks` looks at (a Wednesday: no week's
# day falls on a clock change's Sunday)
_GAP_YEAR_START: Final = date(2026, 1, 7)


def keeps_one_offset(zone: str) -> bool:
    info = zone_info(zone)
    winter, summer = (datetime.combine(day, time(12), tzinfo=info) for day in SEASON_DAYS)
    return winter.utcoffset() == summer.utcoffset()


def _clocks_meet(hours: tuple[int, ...], minute: int | None, again: Said) -> bool:
    if minute is not None and again.minute is not None and minute != again.minute:
        return False
    return any(hour in again.hours for hour in hours)


# The hours each part of the day can name, generously ("5 in the morning", "1 in the
# afternoon", "at night at 2am"): a time outside them contradicts the part ("every morning
# at 8pm", "tomorrow evening at 7am")
PART_HOURS: Final = {
    "morning": tuple(range(0, 12)),
    "afternoon": tuple(range(12, 19)),
    "evening": tuple(range(15, 24)),
    "night": (*range(16, 24), *range(0, 6)),  # "tonight at 5pm" is the night's too
}

_CLOCK: Final = re.compile(
    r"(?P<h>\d{1,2})(?:[:.h](?P<m>[0-5]\d))?\s*(?:(?P<mer>[ap])\.?\s?m\b\.?)?", re.IGNORECASE
)


def clock_said(text: str) -> Said | None:
    """ "8:00", "19.30", "8pm", "7:45 am" as a `Said` on no zone's clock: "7:45" may be either
    half of the day (unless written "07:45" or past 12)."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        return None
    hour, minute, meridiem = int(found["h"]), int(found["m"] or 0), found["mer"]
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        return Said.at(hour % 12 + (12 if meridiem.lower() == "p" else 0), minute)
    if hour > 23:
        return None
    if 1 <= hour <= 12 and not found["h"].startswith("0"):
        return Said((hour % 12, hour % 12 + 12), minute)
    return Said.at(hour, minute)


# -- a time said again, roughly, in brackets: "at 15.01 (3 pm) every day" ----------------------
#
# A writer who gives a time to the minute often says its hour again the way people say it
# ("15.01 (3 pm)", "at 09:05 (9am)", "23:59 (11 PM)"). Read as two times, the job would run at
# both 15:00 and 15:01. The bracket names no other minute, only the same hour: it is the time
# said again, and is taken out. A bracket that names other minutes ("15.01 (3:30 pm)") or
# another hour is left for the grammar, which asks or refuses.

_RESTATED: Final = re.compile(
    r"(?P<time>(?<![\d:.])(?P<h>\d{1,2})[:.h](?P<m>[0-5]\d)(?:\s*(?P<mer>[ap]\.?m\.?))?)(?![\d:])"
    r"\s*\(\s*(?:i\.?e\.?,?\s*|that\s+is\s+|~\s*|about\s+|approx\.?\s+)?"
    r"(?P<hour>\d{1,2})\s*(?P<mer2>[ap]\.?m\.?)\s*\)",
    re.IGNORECASE,
)


def without_rough_restatement(text: str) -> str:
    """`text` without a bracket that says the hour of the time before it again ("at 15.01
    (3 pm)" → "at 15.01"); `text` itself when it has none."""
    if "(" not in text:
        return text
    return _RESTATED.sub(_keep_time, text)


def _keep_time(match: re.Match[str]) -> str:
    first = clock_said(match["time"])
    again = clock_said(f"{match['hour']} {match['mer2']}")
    if first is None or again is None or first.minute == 0:
        return match.group()  # the same time, which the grammar merges
    if not agreeing(first, Said(again.hours, None)):
        return match.group()  # another hour
    if len(first.hours) > 1:
        # "3.01 (3 pm)": the bracket says which half of the day the time is in
        return f"{int(match['h'])}:{first.minute:02d} {match['mer2']}"
    return match["time"]


# -- lunchtime said to the minute in brackets: "at lunchtime (13.00)" --------------------------
#
# "Lunchtime" is read as noon; a bracket after it that gives the clock time of that lunch
# ("at lunchtime (13.00)", "over lunch (12:30-1:30)") says which time it is: read together,
# the job would run at noon and at 13:00. A clock time around the middle of the day (11:00 to
# 14:59) is the time meant, and the word is taken out; another time is left for the grammar.

_LUNCH_BRACKET: Final = re.compile(
    r"\b(?:lunch\s?time|lunch|midday|mid-day)\s*\(\s*(?:at\s+)?"
    r"(?P<time>\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)(?P<rest>\s*(?:[-–]|to)\s*"
    r"\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?\s*\)",
    re.IGNORECASE,
)


def without_restated_lunch(text: str) -> str:
    """`text` with "lunchtime (13.00)" read as the time in the bracket ("at 13.00"); `text`
    itself when it has no such bracket, or one whose time is not around midday."""
    if "(" not in text:
        return text
    lowered = text.lower()
    if "unch" not in lowered and "idday" not in lowered and "id-day" not in lowered:
        return text
    return _LUNCH_BRACKET.sub(_lunch_time, text)


def _lunch_time(match: re.Match[str]) -> str:
    written = match["time"]
    said = clock_said(written)
    if said is None or not any(mark in written.lower() for mark in ":.ap"):
        return match.group()  # "lunch (2)": a count of people as often as a time
    hours = [hour for hour in said.hours if 11 <= hour <= 14]
    if len(hours) != 1:
        return match.group()
    return f"{hours[0]}:{said.minute or 0:02d}{match['rest'] or ''}"


# "(or 8:15, or 8:30, or, you know, however long it takes)", "(or so)", "(or thereabouts)": other
# times the thing may happen at, said after the one it happens at
_ALTERNATIVES: Final = re.compile(r"\s*\(\s*or\b[^()]*(?:\)|$)", re.IGNORECASE)


def without_alternatives(text: str) -> str:
    """`text` without a bracket that opens with "or" — the alternatives to the time said
    before it ("at 8 p.m. (or 8:15, or 8:30)" → "at 8 p.m."); `text` itself when it has none."""
    return _ALTERNATIVES.sub("", text) if "(" in text else text


# A length said again in other units, in brackets ("every 2.5 hours (150 minutes)", "every 1.5
# hours (90m)"): read together, the grammar adds the two up ("2 hours 30 minutes" is one
# length) and the job runs half as often as meant. A bracket that says the same length is
# taken out; one that says another length is an alternative ("(or 90 minutes)"): the first length
# is read, and asked about (`without_alternatives`).
_LENGTH_UNITS: Final = (
    (re.compile(r"s|secs?|seconds?", re.IGNORECASE), 1),
    (re.compile(r"m|mins?|minutes?", re.IGNORECASE), 60),
    (re.compile(r"h|hrs?|hours?", re.IGNORECASE), 3600),
    (re.compile(r"d|days?", re.IGNORECASE), 86400),
    (re.compile(r"w|wks?|weeks?", re.IGNORECASE), 604800),
)
_LENGTH: Final = r"(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)"
_LENGTH_AGAIN: Final = re.compile(
    rf"(?P<first>(?<![\d.]){_LENGTH})\s*\(\s*(?:i\.?e\.?,?\s*|=\s*|~\s*|about\s+|approx\.?\s+)?"
    rf"{_LENGTH}\s*\)",
    re.IGNORECASE,
)


def length_seconds(amount: str, unit: str) -> float | None:
    """How many seconds "2.5" "hours" is (9000.0); None for a word that is no unit of time."""
    for pattern, seconds in _LENGTH_UNITS:
        if pattern.fullmatch(unit):
            return float(amount) * seconds
    return None


def without_restated_length(text: str) -> str:
    """`text` without a bracket that says the length before it again in other units ("every
    2.5 hours (150 minutes)" → "every 2.5 hours"), and with one that says another length made
    an alternative ("every 2 hours (90 minutes)" → "every 2 hours (or 90 minutes)"); `text`
    itself when it has neither."""
    if not _digit_in_bracket(text):
        return text  # (most brackets hold words: one look at each, no pattern)
    return _LENGTH_AGAIN.sub(_keep_length, text)


def _digit_in_bracket(text: str) -> bool:
    """Whether a bracket in `text` has a digit within its first few characters ("(150 min",
    "(~ 2 h", "(about 90"): a cheap look before the patterns that read one."""
    start = text.find("(")
    while start != -1:
        if any(character.isdigit() for character in text[start + 1 : start + 9]):
            return True
        start = text.find("(", start + 1)
    return False


def _keep_length(match: re.Match[str]) -> str:
    first = length_seconds(match[2], match[3])
    again = length_seconds(match[4], match[5])
    if first is None or again is None:
        return match.group()
    if first != again:
        return f"{match['first']} (or {match[4]} {match[5]})"
    return match["first"]


# Another time for part of the year, beside the time for the rest: "every Sunday at 11:00am
# (June-August at 10:30)", "daily at 7am (8am from November to March)", "every Sunday at 11am,
# 10am in July and August". Read as one schedule the months would hold both times, and the rest
# of the year neither: it is two jobs, which only the person can set up.
_PART_MONTHS: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    # "May" the month, not the verb ("you may snooze at 9:15"): a day or a range beside it
    r"may(?=\s*(?:\d|[-–]|to\b|through\b|and\b|,)))\b"
)
_A_CLOCK: Final = r"\b\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)"
_BRACKET: Final = re.compile(r"\(([^()]*)\)")
# the letters every month's and season's name starts with, to look for before the patterns
_MONTH_STEMS: Final = (
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("summer", "winter"),
)
# (not "summer time", the clocks' change: "beware different switches to Summer time")
_PART_MONTH: Final = re.compile(
    rf"\b{_PART_MONTHS}|\b(?:summer|winter)\b(?!\s*time)", re.IGNORECASE
)
_CLOCK_IN: Final = re.compile(_A_CLOCK, re.IGNORECASE)
# a time on another zone's clock ("(usually 18:00 CET …)", "(9:07am ET in summer …)"): the same
# time said again, a conversion, not another time
_ZONED_CLOCK: Final = re.compile(_A_CLOCK + r"\s*(?![ap]\.?m\b)(?-i:[A-Z]{2,5})\b", re.IGNORECASE)
# ", 10am in July and August", ", 8am from November to March": a second time and its months
_MONTHS_AFTER_TIME: Final = re.compile(
    rf",\s*(?:and\s+)?(?:at\s+)?{_A_CLOCK}\s+(?:in|from|during|between)\s+(?:the\s+)?"
    rf"(?:{_PART_MONTHS}|summer|winter)",
    re.IGNORECASE,
)


def part_year_alternative(text: str) -> bool:
    """Whether `text` gives a time for part of the year (months, or a season, with a time of
    their own in brackets or after a comma) beside another time for the rest."""
    lowered = text.lower()
    if not any(name in lowered for name in _MONTH_STEMS):
        return False  # no month or season named: most texts, at the cost of a few lookups
    for bracket in _BRACKET.finditer(text):
        inside = bracket[1]
        if _PART_MONTH.search(inside) is None or _CLOCK_IN.search(inside) is None:
            continue
        if _ZONED_CLOCK.search(inside) is not None:
            continue
        outside = text[: bracket.start()] + text[bracket.end() :]
        if _CLOCK_IN.search(outside) is not None:
            return True
    if "," not in text:
        return False
    found = _MONTHS_AFTER_TIME.search(text)
    return found is not None and _CLOCK_IN.search(text, 0, found.start()) is not None


# A time said again on another clock for each season ("Fridays at 13:07 UTC (9:07am ET in summer,
# 8:07am ET in winter)"): one instant, two wall clocks a year apart. When each season's time
# agrees with the first time in that season, the bracket is taken out; otherwise it stays (and
# the grammar refuses its seasons).
# (a time: "9:07am", "13:07", or military "1600" — "at 1700 UK time (1600 UTC summer, 1700 UTC
# winter)")
_ZONED: Final = (
    r"(?P<{name}>(?:[01]\d|2[0-3])[0-5]\d|\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?)\s*"
    r"(?P<{name}_zone>[a-z]{{2,5}})"
)
_SEASON_CONVERSIONS: Final = re.compile(
    _ZONED.format(name="first")
    + r"(?:\s+time)?\s*\((?P<inside>[^()]*\b(?:summer|winter)\b[^()]*)\)",
    re.IGNORECASE,
)
_SEASON_ENTRY: Final = re.compile(
    _ZONED.format(name="time") + r"\s+(?:(?:in|during)\s+(?:the\s+)?)?(?P<season>summer|winter)\b",
    re.IGNORECASE,
)


def without_season_conversions(text: str) -> str:
    """`text` without a bracket that says its zoned time again on another clock, season by
    season, when each agrees ("13:07 UTC (9:07am ET in summer, 8:07am ET in winter)" →
    "13:07 UTC"); `text` itself otherwise."""
    found = _SEASON_CONVERSIONS.search(text)
    if found is None:
        return text
    first = _zoned_said(found["first"], found["first_zone"])
    entries = list(_SEASON_ENTRY.finditer(found["inside"]))
    if first is None or not entries:
        return text
    for entry in entries:
        again = _zoned_said(entry["time"], entry["time_zone"])
        season = SUMMER if entry["season"].lower() == "summer" else WINTER
        if again is None or season not in agreeing(first, again):
            return text
    return text[: found.end("first_zone")] + text[found.end() :]


def _zoned_said(clock: str, word: str) -> Said | None:
    """ "9:07am" "ET" as a `Said` on New York's clock; None when either is not what it seems."""
    if len(clock) == 4 and clock.isdigit():
        clock = f"{clock[:2]}:{clock[2:]}"  # "1600 UTC": the military way
    said = clock_said(clock)
    zone = lookup_word(word.lower())
    if said is None or zone is None:
        return None
    return Said(said.hours, said.minute, zone, written_offset(word.lower(), zone))


# -- a time with no zone, said again on a place's clock ----------------------------------------

# "every Monday at 9, which is 3pm in Tokyo": the time on the writer's clock (the request's zone),
# then on a place's; read as the first, and asked (the place's clock is not checked: the
# writer's zone is not said)
_PLACE_AGAIN: Final = re.compile(
    r"(?P<clock>\b\d{1,2}(?:[:.][0-5]\d)?(?:\s?[ap]\.?m\b\.?)?)\s*,?\s+which\s+is\s+"
    r"(?P<again>\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]\.?m\b\.?)?)\s+in\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b",
)


def without_place_restatement(text: str) -> tuple[str, str | None]:
    """`text` without ", which is 3pm in Tokyo" after a time that names no zone, and the note
    that asks; `text` and None when there is none."""
    if "which is" not in text:
        return text, None
    found = _PLACE_AGAIN.search(text)
    if found is None or lookup_place(found["place"].lower()) is None:
        return text, None
    note = (
        f"“{found['again'].strip()} in {found['place']}” read as {found['clock'].strip()} "
        "on your clock said again: to confirm"
    )
    return f"{text[: found.end('clock')]}{text[found.end() :]}", note
