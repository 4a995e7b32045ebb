"""Metamorphic variants: the same meaning WRITTEN differently must read the same.

The phrases are the outside corpus's tuned and opened lines (never r8_*, never a held-out
line): for each one the parser reads right in every window, every variant below that applies
to it — a time, a day, a date, an interval, the frame around the request or a zone written
another way people write it — must keep the answer: the same fire times (asked or not), and a
refusal stays refused or asked. tests/parsers/test_salvage.py checks NOISE (words about
nothing); this checks FORMAT and WORDING.

Each variant is a small pure function `text -> text | None` (None: the phrase has no such
piece, or writing it this way changes nothing). A variant marked `may_ask` makes the phrase
legitimately ambiguous (a bare "9 o'clock", "1/5"): a refusal or a question is then right,
but a silently different answer is not.

    .venv/bin/python -m tests.parsers.variants              # invariance per kind, worst first
    .venv/bin/python -m tests.parsers.variants --list KIND  # the breakages of one kind
    .venv/bin/python -m tests.parsers.variants --list all --sample 40
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from agentcron.parsers.tokens import names_a_place
from tests.parsers.noise_variants import NOISE_KINDS
from tests.parsers.outside import CORPUS_DIR, WINDOWS, OutsidePhrase, judge, load

Rewrite = Callable[[str], str | None]

# -- pieces -------------------------------------------------------------------------------------

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {
    2: "twenty",
    3: "thirty",
    4: "forty",
    5: "fifty",
    6: "sixty",
    7: "seventy",
    8: "eighty",
    9: "ninety",
}


def number_word(n: int) -> str:
    """0..99 in words: 45 -> 'forty-five'."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


_ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


def ordinal_word(n: int) -> str:
    """1..31 as a word: 21 -> 'twenty-first'."""
    if n <= 20:
        return _ORDINAL_WORDS[n]
    tens, ones = divmod(n, 10)
    if not ones:
        return "thirtieth"
    return f"{_TENS[tens]}-{_ORDINAL_WORDS[ones]}"


def ordinal_digits(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_VALUES = {ordinal_word(n): n for n in range(1, 32)}
# spoken without the hyphen too ("the twenty second of june"): read whole, not as "second"
_ORDINAL_VALUES |= {word.replace("-", " "): n for word, n in _ORDINAL_VALUES.items() if "-" in word}

_CODE = re.compile(r"[*{}=`$<>\\]|\w\(|\)\.|\bcron\b|\brrule\b|^\s*[@!/]|^\s*\w+!", re.IGNORECASE)


def looks_like_code(text: str) -> bool:
    """Cron fields, code, markup or a bot command: its spelling is not free to vary."""
    return bool(_CODE.search(text))


# -- times of day -------------------------------------------------------------------------------

_TIME = re.compile(
    r"(?<![\w:/.,+])(?:"
    r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?|[AP]\.?M\.?)(?![A-Za-z]|\s*/)"
    r"|(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?![\d:]|\s*[aApP]\.?[mM]\b)(?:\s*(?:hrs|hours)\b)?"
    r"|(?<![\d:]\s)(?P<noon>\b(?:12\s+)?noon\b)|(?<![\d:]\s)(?P<midnight>\b(?:12\s+)?midnight\b)"
    r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Clock:
    hour: int  # 0..23
    minute: int
    span: tuple[int, int]
    in_range: bool  # written as one end of a range ("9am-5pm")


def clocks(text: str) -> list[Clock]:
    """The unambiguous times of day in `text` (with am/pm, 24-hour, noon, midnight)."""
    found: list[Clock] = []
    for match in _TIME.finditer(text):
        if match["noon"]:
            hour, minute = 12, 0
        elif match["midnight"]:
            hour, minute = 0, 0
        elif match["ap"]:
            hour, minute = int(match["h"]), int(match["m"] or 0)
            if not 1 <= hour <= 12:
                return []  # "13pm": leave the phrase alone
            pm = match["ap"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        else:
            raw = match["H"]
            hour, minute = int(raw), int(match["M"])
            if not (hour >= 13 or raw.startswith("0")):
                continue  # "9:00" with no am/pm: not ours to decide
        before, after = text[: match.start()].rstrip(), text[match.end() :].lstrip()
        if text[match.end() : match.end() + 1].isalpha():
            return []  # "17:00utc", "15:00hs": rewritten, the glued word would break
        if _BARE_START.search(before):
            return []  # "from 3 to 5 pm": the bare 3 takes its half of the day from the end
        ranged = before.endswith(("-", "–")) or after.startswith(("-", "–"))
        found.append(Clock(hour, minute, match.span(), ranged))
    return found


# a range's start written as a bare number, before the end: "from 3 to", "5-", "9 and"
_BARE_START = re.compile(r"(?<![\d:.])\b\d{1,2}\s*(?:-|–|to|and|until|till|through|thru)\s*$")


def _h12(hour: int) -> int:
    return hour % 12 or 12


def _ap(hour: int) -> str:
    return "am" if hour < 12 else "pm"


Format = Callable[[int, int], str | None]


# cron-descriptor's wording ("At 06:00 AM", "at 02:15 PM"): its exact form says "daily"
_DESCRIPTOR = re.compile(r"^At \d{1,2}:\d\d(?: [AP]M)?\b|, at \d\d:\d\d [AP]M\b|\b0\d:\d\d [AP]M\b")
# other tools' wordings, whose spelling is their meaning: systemd's short form ("Wed, 17:48",
# every week) and crontab.guru's "At 08:00 on Monday" (every week, asked); a rewrite that
# leaves or lands on them is another convention, not another spelling
_CONVENTION = re.compile(
    r"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\d\d:\d\d"
    r"|at\s+\d{1,2}:\d\d(?:\s+[a-z]{2,4})?\s+on\s+[a-z]+\.?\s*$)",
    re.IGNORECASE,
)
# "tomorrow at midnight" asks which night; "tomorrow at 00:00" does not: not the same meaning
_DAY_SAID = re.compile(r"\b(?:tomorrow|today|tonight|next|this)\b", re.IGNORECASE)


def _time_rewrite(
    fmt: Format, *, in_ranges: bool = True, after_at: bool = False, alone: bool = False
) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text) or _DESCRIPTOR.search(text) or _CONVENTION.match(text):
            return None
        found = clocks(text)
        if not found or (not in_ranges and any(c.in_range for c in found)):
            return None
        if alone and len(found) > 1:
            return None
        if any(c.hour == c.minute == 0 for c in found) and _DAY_SAID.search(text):
            return None
        if after_at and not all(
            re.search(r"\b(?:at|@|from|to|and|until|till)\s*$", text[: c.span[0]], re.I)
            for c in found
        ):
            return None  # a bare "13h" may be a duration
        out = text
        for clock in reversed(found):
            new = fmt(clock.hour, clock.minute)
            if new is None:
                return None
            start, end = clock.span
            out = out[:start] + new + out[end:]
        if _CONVENTION.match(out):
            return None
        return out if out != text else None

    return rewrite


def _min(minute: int, sep: str = ":") -> str:
    return f"{sep}{minute:02d}" if minute else ""


TIME_FORMATS: dict[str, Format] = {
    "9am": lambda h, m: f"{_h12(h)}{_min(m)}{_ap(h)}",
    "9 am": lambda h, m: f"{_h12(h)}{_min(m)} {_ap(h)}",
    "9AM": lambda h, m: f"{_h12(h)}{_min(m)}{_ap(h).upper()}",
    "9 a.m.": lambda h, m: f"{_h12(h)}{_min(m)} {_ap(h)[0]}.m.",
    "9:00 AM": lambda h, m: f"{_h12(h)}:{m:02d} {_ap(h).upper()}",
    "9.00am": lambda h, m: f"{_h12(h)}.{m:02d}{_ap(h)}",
    "09:00": lambda h, m: f"{h:02d}:{m:02d}",
    "9h": lambda h, m: f"{h}h{m:02d}" if m else f"{h}h",
    "9h00": lambda h, m: f"{h}h{m:02d}",
    "0900 hrs": lambda h, m: f"{h:02d}{m:02d} hrs",
    "nine am": lambda h, m: (
        None
        if h in (0, 12)
        else f"{number_word(_h12(h))}"
        + (f" {number_word(m)}" if m >= 10 else f" oh {number_word(m)}" if m else "")
        + f" {_ap(h)}"
    ),
    "9 o'clock": lambda h, m: None if m or not 6 <= h <= 11 else f"{h} o'clock",
    "9 o'clock in the morning": lambda h, m: (
        None
        if m or h in (0, 12)
        else f"{_h12(h)} o'clock"
        + (" in the morning" if h < 12 else " in the afternoon" if h < 17 else " in the evening")
    ),
    "noon/midnight": lambda h, m: {(12, 0): "noon", (0, 0): "midnight"}.get((h, m)),
}
# formats people do not write as one end of a range ("nine am-five pm")
_NOT_IN_RANGES = {"0900 hrs", "nine am", "9 o'clock", "9 o'clock in the morning", "noon/midnight"}
_ALONE = {"9 o'clock"}  # a bare "9 o'clock" only where it is the phrase's one time


# -- days of the week ---------------------------------------------------------------------------

_DAY_FULL = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_DAY_ABBR = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_DAY_EXTRA = {"Tues": 2, "Thur": 4, "Thurs": 4, "Weds": 3}
_DAY_INDEX = {n.lower(): i for i, n in enumerate(_DAY_FULL)}
_DAY = re.compile(
    r"\b(?:(?P<full>(?i:sun|mon|tues|wednes|thurs|fri|satur)day)(?P<s>s)?"
    r"|(?P<abbr>Sun|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|SUN|MON|TUES?|WED|THU|FRI|SAT)(?P<dot>\.)?)"
    r"(?![\w-])"
)


@dataclass(frozen=True)
class DayWord:
    day: int
    plural: bool
    span: tuple[int, int]


def day_words(text: str) -> list[DayWord]:
    found = []
    for match in _DAY.finditer(text):
        if match["full"]:
            day, plural = _DAY_INDEX[match["full"].lower()], bool(match["s"])
        else:
            abbr = match["abbr"].capitalize()
            day = _DAY_EXTRA.get(abbr, _DAY_ABBR.index(abbr) if abbr in _DAY_ABBR else -1)
            plural = False
        found.append(DayWord(day, plural, match.span()))
    return found


def _day_rewrite(fmt: Callable[[int, bool], str | None]) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None
        out = text
        for word in reversed(day_words(text)):
            new = fmt(word.day, word.plural)
            if new is None:
                return None
            out = out[: word.span[0]] + new + out[word.span[1] :]
        return out if out != text else None

    return rewrite


DAY_FORMATS: dict[str, Callable[[int, bool], str | None]] = {
    "Monday": lambda d, p: _DAY_FULL[d] + "s" * p,
    "Mon": lambda d, p: None if p else _DAY_ABBR[d],
    "Mon.": lambda d, p: None if p else _DAY_ABBR[d] + ".",
    "monday": lambda d, p: (_DAY_FULL[d] + "s" * p).lower(),
    "MONDAY": lambda d, p: (_DAY_FULL[d] + "s" * p).upper(),
}

_DAY_ALT = (
    r"(?:(?i:sun|mon|tues|wednes|thurs|fri|satur)day|Sun|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat)"
)
_DAY_LIST = rf"{_DAY_ALT}(?:(?:,\s*|\s+and\s+|\s*&\s*|,\s*and\s+|\s+or\s+){_DAY_ALT})*"
_EVERY_DAYS = re.compile(rf"\b(?P<lead>every|each)\s+(?P<days>{_DAY_LIST})\b(?![-\w])", re.I)
_PLURAL_DAYS = re.compile(
    r"(?:^|\b(?P<on>on)\s+)(?P<days>(?i:(?:sun|mon|tues|wednes|thurs|fri|satur)days)"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)(?i:(?:sun|mon|tues|wednes|thurs|fri|satur)days))*)"
    r"\b(?![-\w])"
)


_ANY_DAY = re.compile(_DAY_ALT + r"s?", re.IGNORECASE)


def _day_of(word: str) -> int:
    lowered = word.lower()
    return next(i for i, name in enumerate(_DAY_FULL) if lowered.startswith(name[:3].lower()))


def _plural_days(days: str) -> str:
    return _ANY_DAY.sub(lambda m: _DAY_FULL[_day_of(m[0])] + "s", days)


def _singular_days(days: str) -> str:
    return _ANY_DAY.sub(lambda m: _DAY_FULL[_day_of(m[0])], days)


def _recurring(phrase: OutsidePhrase) -> bool:
    return phrase.expect.split()[0] in ("cron", "rrule")


def every_day_as(lead: str) -> Rewrite:
    """'every Monday' -> 'on Mondays' / 'Mondays'."""

    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None
        out = _EVERY_DAYS.sub(lambda m: lead + _plural_days(m["days"]), text)
        return out if out != text else None

    return rewrite


def plural_days_as_every(text: str) -> str | None:
    """'on Mondays' / 'Mondays' -> 'every Monday'."""
    if looks_like_code(text):
        return None
    out = _PLURAL_DAYS.sub(
        lambda m: ("every " if m["on"] else "Every ") + _singular_days(m["days"]), text
    )
    return out if out != text else None


_WEEKDAYS = re.compile(
    r"(?<!first )(?<!last )(?<!the )(?<!a )(?<!business )(?<!other )"
    r"\b(?:(?:every|each|on)\s+)?"
    r"(?:week\s?days?|(?:Mon(?:day)?|MON)\s*(?:-|–|through|thru|to)\s*(?:Fri(?:day)?|FRI)|M-F)"
    r"\b(?!\s+of\b)(?![-\w])",
    re.IGNORECASE,
)
WEEKDAY_FORMS = {
    "weekdays": "weekdays",
    "every weekday": "every weekday",
    "on weekdays": "on weekdays",
    "Mon-Fri": "Mon-Fri",
    "Monday through Friday": "Monday through Friday",
    "Monday to Friday": "Monday to Friday",
    "M-F": "M-F",
    "Mon–Fri": "Mon–Fri",  # an en dash, as typeset pages write it
}


def weekdays_as(form: str) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None
        out = _WEEKDAYS.sub(form, text)
        return out if out != text else None

    return rewrite


# -- dates --------------------------------------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_RE = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:,?\s+(?P<year>20\d\d))?"
_DATE = re.compile(
    r"(?<![\w/])(?:"
    r"(?:the\s+)?(?P<d1>[12]?\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH_RE.replace('mon', 'm1')}\.?"
    rf"|{_MONTH_RE}\.?\s+(?:the\s+)?(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    rf"){_YEAR}\b(?![/:-])(?!,?\s*(?:and\s+|&\s*)?{_MONTH_RE.replace('mon', 'm3')}\b)",
)


def _month_index(name: str) -> int:
    return next(i for i, full in enumerate(_MONTHS, 1) if full.lower().startswith(name.lower()))


DATE_FORMATS: dict[str, Callable[[int, int, str | None], str]] = {
    "Jan 5": lambda m, d, y: f"{_MONTHS[m - 1][:3]} {d}" + (f", {y}" if y else ""),
    "January 5th": lambda m, d, y: (
        f"{_MONTHS[m - 1]} {ordinal_digits(d)}" + (f", {y}" if y else "")
    ),
    "5 January": lambda m, d, y: f"{d} {_MONTHS[m - 1]}" + (f" {y}" if y else ""),
    "the 5th of January": lambda m, d, y: (
        f"the {ordinal_digits(d)} of {_MONTHS[m - 1]}" + (f" {y}" if y else "")
    ),
    "1/5": lambda m, d, y: f"{m}/{d}" + (f"/{y}" if y else ""),
}


def _date_rewrite(fmt: Callable[[int, int, str | None], str]) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None

        def one(match: re.Match[str]) -> str:
            name = match["m1"] or match["mon"]
            day = int(match["d1"] or match["d2"])
            new = fmt(_month_index(name), day, match["year"])
            if text[: match.start()].rstrip().lower().endswith(("every", "each")):
                new = new.removeprefix("the ")
            return new

        out = _DATE.sub(one, text)
        return out if out != text else None

    return rewrite


_ORD_DIGITS = re.compile(r"\b([1-9]|[12]\d|3[01])(st|nd|rd|th)\b", re.IGNORECASE)
_ORD_WORDS = re.compile(
    r"\b(" + "|".join(sorted(_ORDINAL_VALUES, key=len, reverse=True)) + r")\b"
    r"(?=\s+(?:" + _DAY_ALT + r"|day|weekday|week|business|working|of\b))",
    re.IGNORECASE,
)


def ordinals_as_words(text: str) -> str | None:
    """'1st' -> 'first'."""
    if looks_like_code(text):
        return None

    def one(m: re.Match[str]) -> str:
        # "every second Monday" may mean every other Monday: leave the 2nd alone there
        if m[1] == "2" and re.match(r"\s+" + _DAY_ALT, text[m.end() :], re.IGNORECASE):
            return m[0]
        return ordinal_word(int(m[1]))

    out = _ORD_DIGITS.sub(one, text)
    return out if out != text else None


def ordinals_as_digits(text: str) -> str | None:
    """'first Monday' -> '1st Monday'."""
    if looks_like_code(text):
        return None

    def one(m: re.Match[str]) -> str:
        if m[1].lower() == "second" and re.match(r"\s+" + _DAY_ALT, text[m.end() :], re.I):
            return m[0]
        return ordinal_digits(_ORDINAL_VALUES[m[1].lower()])

    out = _ORD_WORDS.sub(one, text)
    return out if out != text else None


# -- intervals ----------------------------------------------------------------------------------

_UNIT_OF = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
}
_NUMBER_OF = {number_word(n): n for n in range(2, 61)}
_INTERVAL = re.compile(
    r"\b(?P<lead>every|each)\s+(?:(?P<n>\d{1,2}|"
    + "|".join(sorted(_NUMBER_OF, key=len, reverse=True))
    + r")\s*|(?P<other>other)\s+)(?P<unit>"
    + "|".join(sorted(_UNIT_OF, key=len, reverse=True))
    + r")\b(?![-\w])",
    re.IGNORECASE,
)
_SHORT = {"second": "s", "minute": "m", "hour": "h", "day": "d", "week": "w"}
_ABBR = {"second": "secs", "minute": "mins", "hour": "hrs"}


def _interval_rewrite(fmt: Callable[[str, int, str], str | None]) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None
        parts: list[str] = []
        last = 0
        for match in _INTERVAL.finditer(text):
            unit = _UNIT_OF[match["unit"].lower()]
            if match["other"]:
                n = 2
            else:
                raw = match["n"].lower()
                n = int(raw) if raw.isdigit() else _NUMBER_OF[raw]
            if n < 2:
                continue
            new = fmt(match["lead"], n, unit)
            if new is None:
                return None
            parts += [text[last : match.start()], new]
            last = match.end()
        out = "".join(parts) + text[last:]
        return out if out != text else None

    return rewrite


INTERVAL_FORMATS: dict[str, Callable[[str, int, str], str | None]] = {
    "every 2 hours": lambda lead, n, u: f"{lead} {n} {u}s",
    "every two hours": lambda lead, n, u: f"{lead} {number_word(n)} {u}s" if n < 100 else None,
    "every 2 hrs": lambda lead, n, u: f"{lead} {n} {_ABBR[u]}" if u in _ABBR else None,
    "every 2h": lambda lead, n, u: f"{lead} {n}{_SHORT[u]}" if u in _SHORT else None,
    "each 2 hours": lambda lead, n, u: f"each {n} {u}s",
    "every other hour": lambda lead, n, u: f"{lead} other {u}" if n == 2 else None,
}


# -- the frame around the request ---------------------------------------------------------------

_VERBS = set(
    (
        "remind run send schedule set check create post ping back backup email notify alert "
        "start trigger execute wake call text tell make clean feed water take pay generate sync "
        "update deploy restart rotate publish review fetch pull push archive delete scan test "
        "build export import refresh summarize summarise compile collect prune purge ship open "
        "close submit renew book order buy drink stretch walk go give show message ask "
        "post share print clear empty reboot"
    ).split()
)
_REMIND_TO = re.compile(r"^remind me to\s+", re.IGNORECASE)


def _first_word(text: str) -> str:
    match = re.match(r"[A-Za-z]+", text)
    return match[0].lower() if match else ""


def _imperative(text: str) -> bool:
    """Starts with a verb of the list, as a request (no "!", no "not" after it)."""
    if looks_like_code(text) or "!" in text[:12] or re.match(r"\w+\s+not\b", text, re.I):
        return False
    return _first_word(text) in _VERBS


def _lc_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bare(text: str) -> str:
    return text.rstrip().rstrip(".!").rstrip()


def please_first(text: str) -> str | None:
    if not _imperative(text) or "please" in text.lower():
        return None
    return "please " + _lc_first(text)


def please_last(text: str) -> str | None:
    if not _imperative(text) or "please" in text.lower():
        return None
    return _bare(text) + ", please"


def please_dropped(text: str) -> str | None:
    out = re.sub(r"(?i)^\s*please\b[,!]?\s*|(?:,\s*)?\bplease\s*([.!]?)\s*$", r"\1", text)
    out = out.strip()
    out = re.sub(r"\s{2,}", " ", out)
    return _cap_first(out) if out != text.strip() and out else None


def remind_me_added(text: str) -> str | None:
    # "remind me to set a timer for 5 minutes" asks to be reminded to set one: not the same
    if not _imperative(text) or _first_word(text) in ("remind", "set", "start", "create", "make"):
        return None
    return "remind me to " + _lc_first(text)


def remind_me_dropped(text: str) -> str | None:
    if not _REMIND_TO.match(text) or looks_like_code(text):
        return None
    rest = _REMIND_TO.sub("", text)
    return _cap_first(rest) if _first_word(rest) in _VERBS else None


def can_you(text: str) -> str | None:
    return "can you " + _lc_first(text) if _imperative(text) else None


def can_you_asked(text: str) -> str | None:
    return "Can you " + _lc_first(_bare(text)) + "?" if _imperative(text) else None


def i_need(text: str) -> str | None:
    if not _imperative(text):
        return None
    rest = _REMIND_TO.sub("", text)
    if _first_word(rest) not in _VERBS or _first_word(rest) in ("remind", "set", "start"):
        return None
    return "I need a reminder to " + _lc_first(rest)


def period_added(text: str) -> str | None:
    return None if looks_like_code(text) or text.rstrip()[-1:] in ".!?)\"'" else text + "."


def period_dropped(text: str) -> str | None:
    return text.rstrip()[:-1] if text.rstrip().endswith(".") and not looks_like_code(text) else None


def labelled(text: str) -> str | None:
    return None if looks_like_code(text) or ":" in text[:20] else "Schedule: " + text


def first_capitalised(text: str) -> str | None:
    return _cap_first(text) if text[:1].islower() and not looks_like_code(text) else None


def first_lowered(text: str) -> str | None:
    out = _lc_first(text)
    return out if out != text and not looks_like_code(text) else None


def lower_case(text: str) -> str | None:
    if looks_like_code(text) or _DESCRIPTOR.search(text):
        return None  # cron-descriptor's capitals are part of its wording
    return text.lower() if text.lower() != text else None


def spaced(text: str) -> str | None:
    if looks_like_code(text) or " " not in text:
        return None
    return "  " + text.replace(" ", "  ") + " "


# -- round nine (consistency9): more ways people vary the same words ----------------------------


def upper_case(text: str) -> str | None:
    """Caps lock on: "EVERY MONDAY AT 9AM"."""
    if looks_like_code(text) or _DESCRIPTOR.search(text) or _CONVENTION.match(text):
        return None
    return text.upper() if text.upper() != text else None


_WORD_START = re.compile(r"(?<![\w'’])([a-z])")


def title_case(text: str) -> str | None:
    """Each word capitalised, as in a subject line: "Run The Backup Every Monday At 9am"."""
    if looks_like_code(text) or _DESCRIPTOR.search(text) or _CONVENTION.match(text):
        return None
    out = _WORD_START.sub(lambda m: m[1].upper(), text)
    return out if out != text else None


def exclaimed(text: str) -> str | None:
    """ "… at 9am!": a trailing "!" (or a "." made one)."""
    if looks_like_code(text) or text.rstrip()[-1:] in "!?)\"'":
        return None
    return text.rstrip().removesuffix(".") + "!"


def could_you_please(text: str) -> str | None:
    if not _imperative(text) or "please" in text.lower():
        return None
    return "Could you please " + _lc_first(_bare(text)) + "?"


def kindly(text: str) -> str | None:
    if not _imperative(text) or "please" in text.lower():
        return None
    return "kindly " + _lc_first(text)


# "every day" / "each day" / "daily", "every hour" / "hourly": where the adverb reads as one
# (not "every day of the week", "every day or two"; "daily" before a noun is an adjective)
_EVERY_UNIT = re.compile(
    r"\b(?P<lead>every|each)\s+(?P<unit>day|hour)\b(?!\s*(?:of|or|and|-|/))", re.IGNORECASE
)
_ADVERB = re.compile(
    r"\b(?P<adverb>daily|hourly)\b(?=\s*(?:at\b|@|from\b|between\b|until\b|starting\b|"
    r"except\b|on\b|in\s+the\b|[.,;!]|$))",
    re.IGNORECASE,
)
_ADVERB_OF = {"day": "daily", "hour": "hourly"}


def every_unit_as_adverb(text: str) -> str | None:
    """ "every day at 9am" -> "daily at 9am", "every hour from 9 to 5" -> "hourly …"."""
    if looks_like_code(text):
        return None

    def one(m: re.Match[str]) -> str:
        word = _ADVERB_OF[m["unit"].lower()]
        return word.capitalize() if m["lead"][:1].isupper() else word

    out = _EVERY_UNIT.sub(one, text)
    return out if out != text else None


def adverb_as_every(text: str) -> str | None:
    """ "daily at 9am" -> "every day at 9am", "hourly" -> "every hour"."""
    if looks_like_code(text):
        return None

    def one(m: re.Match[str]) -> str:
        unit = "day" if m["adverb"].lower() == "daily" else "hour"
        return ("Every " if m["adverb"][:1].isupper() else "every ") + unit

    out = _ADVERB.sub(one, text)
    return out if out != text else None


def each_day(text: str) -> str | None:
    """ "every day" -> "each day"."""
    if looks_like_code(text):
        return None
    out = re.sub(r"\b([Ee])very(\s+day)\b(?!\s*(?:of|or|and|-|/))", r"\1ach\2", text)
    out = out.replace("Eeach", "Each").replace("eeach", "each")
    return out if out != text else None


_AT_TIME = re.compile(r"\bat\s+(?=\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b|:))", re.IGNORECASE)


def at_sign(text: str) -> str | None:
    """ "at 9am" -> "@ 9am", as chat messages write it."""
    if looks_like_code(text) or "@" in text:
        return None
    out = _AT_TIME.sub("@ ", text)
    return out if out != text else None


_TOMORROW = re.compile(r"\btomorrow\b", re.IGNORECASE)


def tomorrow_short(text: str) -> str | None:
    """ "tomorrow" -> "tmrw", as people text it."""
    if looks_like_code(text):
        return None
    out = _TOMORROW.sub("tmrw", text)
    return out if out != text else None


# -- zones --------------------------------------------------------------------------------------

ZONE_FAMILIES = {
    "eastern": (
        ("ET", "EST", "EDT", "Eastern Time", "Eastern", "New York time", "America/New_York"),
        {"ET": "ET", "Eastern": "Eastern", "Eastern Time": "Eastern Time", "city": "New York time"},
        "EST",
    ),
    "pacific": (
        ("PT", "PST", "PDT", "Pacific Time", "Pacific", "Los Angeles time", "America/Los_Angeles"),
        {"ET": "PT", "Eastern": "Pacific", "Eastern Time": "Pacific Time", "city": "LA time"},
        "PST",
    ),
    "central": (
        # not "CST": China's clock is written CST too, so it is asked about (zones.USUAL_ZONES)
        # and another name of Central time is no rewrite of it
        ("CT", "CDT", "Central Time", "Central", "Chicago time", "America/Chicago"),
        {"ET": "CT", "Eastern": "Central", "Eastern Time": "Central Time", "city": "Chicago time"},
        "CST",
    ),
}


def _zone_rewrite(form: str) -> Rewrite:
    def rewrite(text: str) -> str | None:
        if looks_like_code(text):
            return None
        for names, forms, winter in ZONE_FAMILIES.values():
            alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            pattern = re.compile(rf"(?<![\w/])(?:{alternation})(?![\w/])")
            if pattern.search(text):
                new = winter if form == "EST" else forms[form]

                def swap(match: re.Match[str], new: str = new) -> str:
                    # "at Central Library", "Central Office": a place's name, not its zone
                    written = match.group()
                    if written.istitle() and names_a_place(text, match.start(), match.end()):
                        return match.group()
                    return new

                out = pattern.sub(swap, text)
                return out if out != text else None
        return None

    return rewrite


# -- the kinds ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    kind: str
    family: str
    rewrite: Rewrite
    may_ask: bool = False  # legitimately ambiguous: refusing is right too
    windows: tuple[str, ...] = tuple(WINDOWS)
    recurring_only: bool = False  # only for phrases that expect a cron or rrule
    # only for phrases with an answer: "remind me to clear my calendar" asks for a reminder,
    # where "clear my calendar for Saturday" (refused) was a change to a calendar
    answers_only: bool = False


def _variants() -> list[Variant]:
    out: list[Variant] = []
    for name, fmt in TIME_FORMATS.items():
        out.append(
            Variant(
                f"time {name}",
                "times",
                _time_rewrite(
                    fmt,
                    in_ranges=name not in _NOT_IN_RANGES,
                    after_at=name == "9h",
                    alone=name in _ALONE,
                ),
                may_ask=name == "9 o'clock",
            )
        )
    for name, dfmt in DAY_FORMATS.items():
        out.append(Variant(f"day {name}", "days", _day_rewrite(dfmt)))
    out += [
        Variant("day every->on Xs", "days", every_day_as("on "), recurring_only=True),
        Variant("day every->Xs", "days", every_day_as(""), recurring_only=True),
        Variant("day Xs->every", "days", plural_days_as_every, recurring_only=True),
    ]
    for name, form in WEEKDAY_FORMS.items():
        out.append(Variant(f"weekdays {name}", "days", weekdays_as(form)))
    for name, tfmt in DATE_FORMATS.items():
        out.append(Variant(f"date {name}", "dates", _date_rewrite(tfmt), may_ask=name == "1/5"))
    out += [
        Variant("ordinal 1st->first", "dates", ordinals_as_words),
        Variant("ordinal first->1st", "dates", ordinals_as_digits),
    ]
    for name, ifmt in INTERVAL_FORMATS.items():
        out.append(Variant(f"interval {name}", "intervals", _interval_rewrite(ifmt)))
    out += [
        Variant("frame please ...", "frame", please_first),
        Variant("frame ..., please", "frame", please_last),
        Variant("frame no please", "frame", please_dropped),
        Variant("frame remind me to", "frame", remind_me_added, answers_only=True),
        Variant("frame no remind me to", "frame", remind_me_dropped),
        Variant("frame can you", "frame", can_you),
        Variant("frame can you ...?", "frame", can_you_asked),
        Variant("frame I need a reminder to", "frame", i_need, answers_only=True),
        Variant("frame trailing period", "frame", period_added),
        Variant("frame no trailing period", "frame", period_dropped),
        Variant("frame Schedule:", "frame", labelled),
        Variant("frame Capital first", "frame", first_capitalised),
        Variant("frame lower first", "frame", first_lowered),
        Variant("frame lower case", "frame", lower_case),
        Variant("frame extra spaces", "frame", spaced),
    ]
    out += [
        Variant("case UPPER CASE", "case", upper_case),
        Variant("case Title Case", "case", title_case),
        Variant("frame trailing !", "frame", exclaimed),
        Variant("frame could you please ...?", "frame", could_you_please),
        Variant("frame kindly", "frame", kindly),
        Variant("interval every day->daily", "intervals", every_unit_as_adverb),
        Variant("interval daily->every day", "intervals", adverb_as_every),
        Variant("interval every day->each day", "intervals", each_day),
        Variant("time at->@", "times", at_sign),
        Variant("day tomorrow->tmrw", "days", tomorrow_short),
    ]
    for form in ("ET", "Eastern", "Eastern Time", "city"):
        out.append(Variant(f"zone {form}", "zones", _zone_rewrite(form)))
    out.append(Variant("zone EST (winter)", "zones", _zone_rewrite("EST"), windows=("winter",)))
    for kind, family, rewrite, recurring, may_ask in NOISE_KINDS:
        out.append(Variant(kind, family, rewrite, may_ask=may_ask, recurring_only=recurring))
    return out


VARIANTS: tuple[Variant, ...] = tuple(_variants())
KINDS = {v.kind: v for v in VARIANTS}

# -- measuring ----------------------------------------------------------------------------------

Parse = Callable[[str, str, datetime], dict[str, Any]]


def _parse(text: str, zone: str, now: datetime) -> dict[str, Any]:
    from agentcron.parsers import understand_fast

    return understand_fast(text, timezone=zone, now=now).to_dict()


@cache
def phrases() -> tuple[OutsidePhrase, ...]:
    """Tuned and opened phrases: never r8_*, never a line still held out, never pending."""
    return tuple(
        p
        for p in load(CORPUS_DIR, skip=("r8_",))
        if not (p.held_out and not p.opened) and not p.pending
    )


def outcome(phrase: OutsidePhrase, text: str, windows: Iterable[str], parse: Parse = _parse) -> str:
    """'kept' (right, asked or not), 'refused', 'changed', 'changed-asked' for an answer
    phrase; 'kept' or 'answered' for a refusal."""
    for window in windows:
        now = WINDOWS[window]
        try:
            answer = parse(text, phrase.zone, now)
        except Exception:  # a crash is a breakage like any other
            return "crashed"
        if judge(phrase, answer, now) is None:
            continue
        if phrase.refusal:
            return "answered"
        if answer.get("schedule") is None:
            return "refused"
        return "changed-asked" if answer.get("needs_confirmation") else "changed"
    return "kept"


@dataclass(frozen=True)
class Case:
    phrase: OutsidePhrase
    variant: Variant
    text: str


def cases(
    variants: Iterable[Variant] = VARIANTS, pool: Iterable[OutsidePhrase] | None = None
) -> Iterator[Case]:
    for phrase in phrases() if pool is None else pool:
        for variant in variants:
            if variant.recurring_only and not (_recurring(phrase) or phrase.refusal):
                continue
            if variant.answers_only and phrase.refusal:
                continue
            text = variant.rewrite(phrase.text)
            if text is not None and text.strip() != phrase.text.strip():
                yield Case(phrase, variant, text)


@cache
def _clean(phrase: OutsidePhrase) -> bool:
    return outcome(phrase, phrase.text, WINDOWS) == "kept"


def ok(case: Case, result: str) -> bool:
    """Kept; or, for an ambiguous way of writing it, refused or asked (never silent)."""
    return result == "kept" or (case.variant.may_ask and result in ("refused", "changed-asked"))


def measure(
    all_cases: Iterable[Case], parse: Parse = _parse
) -> tuple[dict[str, Counter[str]], list[tuple[Case, str]]]:
    """Per kind: how many cases, how many keep the answer; and the breakages."""
    per_kind: dict[str, Counter[str]] = {}
    broken: list[tuple[Case, str]] = []
    for case in all_cases:
        if not _clean(case.phrase):
            continue  # the phrase itself is read wrong: nothing to compare with
        result = outcome(case.phrase, case.text, case.variant.windows, parse)
        counts = per_kind.setdefault(case.variant.kind, Counter())
        counts["cases"] += 1
        counts[result] += 1
        if ok(case, result):
            counts["ok"] += 1
        else:
            broken.append((case, result))
    return per_kind, broken


def _rank(case: Case, seed: int) -> bytes:
    key = f"{seed}:{case.variant.kind}:{case.phrase.file}:{case.phrase.text}"
    return hashlib.sha256(key.encode()).digest()


def sample(per_kind: int, seed: int = 8, *, skip: tuple[str, ...] = ()) -> list[Case]:
    """At most `per_kind` cases of every kind: those whose hash (of the seed, the kind and
    the phrase) is smallest, from files not named with one of `skip`. Fixed for a corpus, and
    phrases added later move few of them."""
    pool = [p for p in phrases() if not p.file.startswith(skip)] if skip else None
    by_kind: dict[str, list[Case]] = {}
    for case in cases(pool=pool):
        by_kind.setdefault(case.variant.kind, []).append(case)
    chosen: list[Case] = []
    for kind in sorted(by_kind):
        chosen += sorted(by_kind[kind], key=lambda case: _rank(case, seed))[:per_kind]
    return chosen


def report(per_kind: dict[str, Counter[str]]) -> list[str]:
    lines = []
    rows = sorted(per_kind.items(), key=lambda kv: (kv[1]["ok"] / kv[1]["cases"], kv[0]))
    for kind, c in rows:
        bad = ", ".join(
            f"{key} {c[key]}"
            for key in ("refused", "changed", "changed-asked", "answered", "crashed")
            if c[key]
        )
        lines.append(f"{c['ok'] / c['cases']:7.1%} {c['ok']:5d}/{c['cases']:<5d} {kind:<32} {bad}")
    total_ok = sum(c["ok"] for c in per_kind.values())
    total = sum(c["cases"] for c in per_kind.values())
    lines.append(f"{total_ok / max(total, 1):7.1%} {total_ok:5d}/{total:<5d} all kinds")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", metavar="KIND", help="list the breakages of KIND ('all')")
    parser.add_argument("--family", help="only the kinds of this family (times, days, ...)")
    parser.add_argument("--sample", type=int, help="at most this many cases per kind")
    parser.add_argument(
        "--skip", action="append", default=[], help="leave out files named so (e.g. t8_)"
    )
    args = parser.parse_args()
    skip = tuple(args.skip)
    if args.sample:
        chosen = sample(args.sample, skip=skip)
    else:
        pool = [p for p in phrases() if not p.file.startswith(skip)] if skip else None
        chosen = list(cases(pool=pool))
    if args.family:
        chosen = [c for c in chosen if c.variant.family == args.family]
    per_kind, broken = measure(chosen)
    for line in report(per_kind):
        print(line)
    if args.list:
        for case, result in broken:
            if args.list in ("all", case.variant.kind):
                p = case.phrase
                print(
                    f"[{case.variant.kind}] {result}: {case.text!r}  <- {p.file}:{p.line} "
                    f"{p.text!r} => {p.expect}"
                )


if __name__ == "__main__":
    main()
