"""Text to tokens: one compiled pattern, then a dictionary lookup per word.

The tokenizer does the cheap, context-free work (numbers, clock times, dates, known
words and their misspellings) so the grammar can reason about kinds of token rather
than about characters. Every token keeps its span in the original text, which
`split_command` needs to hand back the goal verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from typing import Final, TypeVar

from . import lexicon as lx
from .conversions import AmbiguousZone, settle
from .links import link_spans, may_hold_link
from .names import (
    HOLIDAY_IN_NAME,
    NAMED_HOLIDAYS,
    NAMED_KINDS,
    may_name,
    name_word,
    says_another_when,
)
from .places import DAY_IN_NAME, NAME, PLACE_NOUNS, PLACE_WORD, place_name
from .zones import (
    AMBIGUOUS,
    AMBIGUOUS_ZONES,
    USUAL_ZONES,
    UnknownZoneError,
    is_region,
    lookup_offset,
    lookup_word,
    resolve_zone,
)

_Value = TypeVar("_Value")


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day as written: `hour` is as typed (9 in "9pm"), not yet resolved."""

    hour: int
    minute: int
    meridiem: str | None  # "am" | "pm" | None
    # Written so that it can only be a 24-hour time: "18:30", "09:00", "0:15", "1700".
    is_24h: bool
    # Written as cron-descriptor writes times: "09:46 AM" (two-digit hour, a space, AM/PM; in
    # any case: "09:46 am" is written the same way)
    padded: bool = False
    # Written with digits for the minutes and no am/pm ("7:30", "7.30"): the 24-hour clock's
    # way of writing a time, read as such (the zone's country may make it ask)
    digital: bool = False

    # "23:59:59", "12:34:57 AM" (SQL Server Agent writes its times to the second): schedules
    # run on whole minutes, so only a window's end may carry seconds (build decides)
    second: int = 0
    # Written with a colon and no am/pm ("08:00", "8:00", "18:30"), as crontab.guru and ops
    # notes write a weekly time ("At 8:00 UTC on Monday"); not "9h", "18h00", "9.00"
    guru: bool = field(default=False, compare=False)

    def hour_24(self) -> int | None:
        """The hour on a 24-hour clock, or None when the text does not say ("at 9")."""
        if self.meridiem is not None:
            return self.hour % 12 + (12 if self.meridiem == "pm" else 0)
        if self.is_24h or self.digital:
            return self.hour
        return None

    def on_the_clock(self) -> bool:
        """Whether the time as written is a time of day ("31:61", "9.60", "12:61 AM" are not):
        the tokenizer keeps such times as written for `build` to refuse, so a rule that turns
        one into a clock reading before then (a conversion, a comment beside cron) asks first.
        "24:00" is midnight at the day's end, read by build; no clock has its hour 24."""
        hour = self.hour_24()
        return 0 <= (self.hour if hour is None else hour) <= 23 and 0 <= self.minute <= 59


@dataclass(slots=True)
class Token:
    kind: str
    value: object
    start: int
    end: int
    #: a number written as a word ("nine"): its width says nothing about its digits
    spelled: bool = False
    #: a misspelled day or month name read as this word ("thrusday" → "thursday")
    guess: str | None = None
    #: a reading chosen among several ("every 18h30": an interval or a daily time): ask
    unsure: str | None = None


# "1h30m" is a duration (1 h, 30 m), not the French way of writing 1:30 ("18h30"): the "hm"
# branch gives way when an "m" follows the minutes.
# The leading lookahead lists every character a token can start with: the spaces between
# tokens then fail at once instead of trying sixteen branches (a third of the scan's time).
# A word is its letters whole: one written with a letter outside a-z ("marché", "nový",
# "décembre") is no word of ours, not "march" or "nov" with a letter left over (languages17).
# A word is read once: its letters, atomically, then the rest of it unless a "/" and a letter
# follow the letters, which make it an IANA name's first part ("america/new_york"; the iana
# branch, tried only then, reads it).
_PATTERN: Final = re.compile(
    r"""
    (?=[\da-z:@,&+\#-])
    (?:(?=\d)(?:(?P<pct>\d+(?:\.\d+)?\s?%)
     |(?P<speak>2(?:moro|morrow|morow|mrw|night|nite)(?![a-z]))
     |(?P<instant>\d{4}-\d{2}-\d{2}t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)
     |(?P<date>\d{4}-\d{1,2}-\d{1,2})(?![\d:])
     |(?P<dotted>(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4}))(?![\d.:])
     |(?P<slash>\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)(?![\d/])
     |(?<![\d.:])(?P<daymonth>(?P<dd4>0[1-9]|[12]\d|3[01])\.(?P<dm4>0[1-9]|1[0-2])\.?|(?P<dd5>[1-9]|[12]\d|3[01])\.(?P<dm5>[1-9]|1[0-2])\.)(?=\s+\d{1,2}(?:[:.h]\d{2}|\s?[ap]\.?m\.?)(?![\d.]))
     |(?<![\d.])(?<!\d:)(?<!at\s)(?<!@\s)(?<!every\s)(?<!in\s)(?<!for\s)(?P<dmdot>(?P<dd6>[12]\d|3[01]|0?[1-9])\.(?P<dm6>1[0-2]|0?[1-9])\.)(?![\d.xX*])
     |(?P<clock>(?P<h>\d{1,2})(?:[:.]?(?P<m>\d{2}|(?<=:)0(?=\s?[ap]))(?::(?P<s>[0-5]\d))?)?(?:\s?(?P<mer>[ap])\.?m\.?|(?P<mer1>[ap]))(?![a-z]))
     |(?=[012]\d[0-5]\d)(?<!every\s)(?<!in\s)(?P<mil>(?P<h5>[01]\d|2[0-3])(?P<m5>[0-5]\d)\s?(?:hours|hrs|hr|h)(?![a-z]))
     |(?P<hm>(?P<h2>\d{1,2})[:h.](?P<m2>\d{2})(?::(?P<s2>[0-5]\d))?(?:\s?(?:hours|hrs|hr)(?![a-z])|h(?![a-z]))?)(?![\d%])(?!:\d)(?!\.\d)(?!(?<=h\d\d)m)
     |(?:(?<=at\s)|(?<=from\s)|(?<=until\s)|(?<=till\s)|(?<=between\s)|(?<=to\s)|(?<=and\s)|(?<=-)|(?<=-\s))(?P<hh>(?P<h4>[01]?\d|2[0-3])h)(?![a-z\d]|\.\d)(?!:\d)(?!\s+(?:later|after|before|ago|earlier|from\s+now)\b)
     |(?P<ord>\d{1,3}(?:st|nd|rd|th))(?![a-z])
     |(?:(?<=every\s)|(?<=in\s)|(?<=for\s))(?P<comma>\d{1,2},\d)(?=\s?(?:hours?|hrs?|h|days?|weeks?|months?|minutes?|mins?)\b)
     |(?P<num>\d+(?:\.\d+)?)(?![\d:]))
   |(?=[a-z@])(?:(?P<offset>(?:utc|gmt)\s?(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?)(?![\d:])
     |(?P<word>(?<![^\W\d_])(?>[a-z]+)(?![^\W\d_])(?!/[a-z])(?:['-][a-z]+)*(?:\(s\))?|@)
     |(?P<iana>[a-z]++(?:/[a-z][a-z0-9_+-]*)+))
   |(?P<mins>:(?P<m3>\d{2}))(?!\d)
   |(?=[+-])(?<=[\dm]\s)(?P<bare>\+(?P<oh2>[01]\d):?(?P<om2>[0-5]\d)|-(?P<oh3>0\d|1[0-2]):?(?P<om3>[0-5]\d)(?=\)|,|$))(?![\d:])
   |(?P<sym>[,&+#-]))
    """,
    re.VERBOSE,
)
_PATTERN_ANY_CASE: Final = re.compile(_PATTERN.pattern, re.VERBOSE | re.IGNORECASE)
# "17: 00", "10 : 00 pm", "9 :00": a colon typed with a space. A branch of its own, in a second
# pattern used only for texts with ": " or " :" in them (a branch in _PATTERN made every text's
# scan 4% slower).
_SPACED_BRANCH: Final = (
    r"|(?<![\w.])(?P<spaced>(?P<h6>[01]?\d|2[0-3])(?:\x20:\x20?|:\x20)(?P<m6>[0-5]\d))"
    r"(?![\d:]|\.\d|\s?(?:%|minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?|years?)\b)"
)
_WITH_SPACED: Final = (
    _PATTERN.pattern.replace("\n     |(?:(?<=at", f"\n     {_SPACED_BRANCH}\n     |(?:(?<=at", 1)
    # "10 : 00 pm", "5 : 30 am": the same with am/pm
    .replace("(?P<h>\\d{1,2})(?:[:.]?", "(?P<h>\\d{1,2})(?:(?:[:.]?|\\x20:\\x20?|:\\x20)", 1)
)
_PATTERN_SPACED: Final = re.compile(_WITH_SPACED, re.VERBOSE)
_PATTERN_SPACED_ANY_CASE: Final = re.compile(_WITH_SPACED, re.VERBOSE | re.IGNORECASE)

_SEPARATOR: Final = re.compile(r"([-/])")
_GLUED_CLOCK: Final = re.compile(r"(1[0-2]|0?[1-9])(am|pm)")
# units written as one letter only right after a number ("3d", "1w"), not alone ("plan d")
_SHORT_UNITS: Final = {"d": "day", "w": "week"}
_PADDED: Final = re.compile(r"\d\d:\d\d(?::\d\d)? [ap]m\.?", re.IGNORECASE)  # "AM." ends a sentence
# Characters people type (or their phones and word processors put in) for ASCII ones, each one
# for one so that every span keeps: dashes and arrows, curly and modifier apostrophes, the colons
# of other scripts and of full-width text ("１７：００"), full-width digits, and the no-break and
# thin spaces CLDR puts between a time and its AM/PM ("5:30\u202fPM").
_TYPED_CHARACTERS: Final = str.maketrans(
    {
        **dict.fromkeys("–—‐‑‒―−→⇒－", "-"),
        **dict.fromkeys("’‘ʼ", "'"),
        **dict.fromkeys("：∶꞉﹕", ":"),
        **dict.fromkeys("\u00a0\u2007\u2009\u202f\u3000", " "),
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "／": "/",
        "．": ".",
    }
)


def two_digit_year(year: int) -> int:
    """The year a two-digit year writes, as POSIX's strptime("%y") reads it: 69-99 are the
    1900s, 00-68 the 2000s ("10/31/74" is 1974, long past, not 2074)."""
    return year + (1900 if year >= 69 else 2000)


#: a day.month date whose numbers could be either ("1.5."): read the European way, asked unless
#: the owner chose day/month dates (grammar.read drops the note then)
DOTTED_DATE_NOTE: Final = "“{text}” read as {day} {month} (day.month): to confirm"
# what makes "11.05." a date rather than a time: "on", "am" (German), a label's ":" or "=", or
# nothing before it
_DATE_CUE: Final = re.compile(
    r"(?:\b(?:on|am|den|date|from|until|till|by|before|after|starting|due)|[:=])\s*$",
    re.IGNORECASE,
)
# a bot's command and at most one word before it ("!remind 1.5.", "/remind me 24.12.")
_COMMAND_BEFORE: Final = re.compile(r"^\s*[/!.]\S+(?:\s+\S+)?\s+$")


def _dotted_date_cue(text: str, start: int) -> bool:
    """Whether the words right before a day.month ("on 11.05.", "when:29.11.", "!remind 1.5.")
    say it is a date."""
    before = text[:start]
    if not before.strip() or _DATE_CUE.search(text[max(0, start - 10) : start]) is not None:
        return True
    return _COMMAND_BEFORE.match(before) is not None


class TokenizeError(ValueError):
    """The text names something that cannot be right (an ambiguous or unknown zone)."""

    def __init__(self, reason: str, *, suggestion: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion


# Caches keyed by a text (a sentence or a part of one): reading a sentence asks the same of the
# same text more than once. `forget_texts` empties them all: bench/bench_parsers.py times each
# text as new, as a user's is. A cache keyed by a text is added here (`text_cache`).
_TEXT_CACHES: Final[list[Callable[[], None]]] = []


def text_cache(function: Callable[[str], _Value]) -> Callable[[str], _Value]:
    """`function` (pure: its answer depends on the text alone) with a cache of the texts seen
    last, which `forget_texts` empties."""
    cached = lru_cache(maxsize=256)(function)
    _TEXT_CACHES.append(cached.cache_clear)
    return cached


def forget_texts() -> None:
    """Empty every cache keyed by a text (the tokens' too)."""
    _tokenize.cache_clear()
    for clear in _TEXT_CACHES:
        clear()


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; characters that match nothing (".", "!", "()") are
    skipped — they never change what a schedule means. Reading a sentence tokenizes the
    same text several times (whole, as a command, by a fallback stage): the tokens are
    cached (tokens are never changed once made; the list is a copy)."""
    return list(_tokenize(text))


@lru_cache(maxsize=2048)
def _tokenize(text: str) -> tuple[Token, ...]:
    tokens = _scan(text)
    if any(t.spelled and t.value in _ALL_TENS for t in tokens):
        tokens = compound_numbers(tokens)
    if "clock" in text and "o" in text:
        tokens = spaced_oclock(tokens, text)
    if _DIGIT_SPACE_DIGITS.search(text) is not None and _SPACED_DIGITS.search(text) is not None:
        tokens = spaced_hour_minutes(tokens, text)
    if "|" in text and "," in text:
        tokens = piped_lists(tokens, text)
    zones = [t for t in tokens if t.kind == lx.ZONE]
    if zones and any(t.kind == lx.NUM and t.end - t.start == 4 for t in tokens):
        tokens = military_before_zone(tokens)
    if zones and any(_is_region_word(text, t) for t in zones):
        tokens = place_name_words(tokens, text)
        zones = [t for t in tokens if t.kind == lx.ZONE]
    if (
        len(zones) > 1
        or any(isinstance(t.value, AmbiguousZone) for t in zones)
        or (zones and " time" in text.lower())  # "5am Seattle time (12 UTC)"
        or (zones and "(" in text)  # "9am GMT (London)"
        or (zones and "which is" in text)  # "9am PT, which is 6pm in Berlin"
        or (zones and " / " in text)  # "9am ET / 2pm London"
    ):
        tokens = settle(tokens, text)
        for token in tokens:
            if isinstance(token.value, AmbiguousZone):
                word = token.value.word
                if word in USUAL_ZONES:
                    # "every Sunday at 9 PM IST": India's, as most who write IST mean it; asked
                    token.value, token.unsure = USUAL_ZONES[word]
                    continue
                raise TokenizeError(
                    f"{word.upper()!r} is ambiguous: it may mean {AMBIGUOUS[word]}",
                    suggestion="name the zone, e.g. Asia/Kolkata",
                )
    lowered = text.lower()
    if "us" in lowered:
        tokens = _us_zones(tokens)
    if "not" in lowered:
        tokens = _not_as_except(tokens)
    if "may" in lowered:
        tokens = _may_as_verb(tokens)
    if "skip" in lowered:
        tokens = _skip_as_except(tokens)
    if "no " in lowered:
        tokens = _no_as_except(tokens)
    if "other than" in lowered:
        tokens = _other_than_as_except(tokens)
    if "without" in lowered or "never" in lowered or "cancel" in lowered:
        tokens = _negation_as_except(tokens)
    if " off" in lowered:
        tokens = _off_as_except(tokens)
    if "altern" in lowered:
        tokens = _alternative_as_other(tokens)
    if "sun" in lowered:
        tokens = sun_not_sunday(tokens)
    if "but " in lowered:
        tokens = but_before_any_schedule(tokens, lowered)
    if " by " in lowered:
        tokens = deadline_after_a_time(tokens)
    if "anticipat" in lowered:
        tokens = anticipated_mass(tokens)
    if "instance" in lowered or "occurrence" in lowered:
        tokens = instance_of_a_day(tokens)
    if "first" in lowered and "second" in lowered:
        tokens = first_and_second_of_a_count(tokens)
    if "though" in lowered:
        tokens = though_as_through(tokens)
    if "til" in lowered:
        tokens = lasting_until(tokens)
    if "when it " in lowered and ("becomes" in lowered or "turns" in lowered):
        tokens = day_begins(tokens)
    if "around" in lowered or "about" in lowered or "approx" in lowered or "roughly" in lowered:
        tokens = hedged_end(tokens)
    if "'s" in lowered or "’s" in lowered:
        tokens = possessive_days(tokens)
    if "bi " in lowered:
        tokens = spaced_biweekly(tokens)
    if _has_excluded_cue(text) and any(t.kind == lx.WORD and t.value in _EXCLUDED for t in tokens):
        tokens = _postfix_except(tokens)
    return tuple(tokens)


_TENS: Final = frozenset({20, 30, 40, 50})  # the tens of minutes past the hour
# the tens of any number said in two words ("sixty five minutes", "ninety-nine seconds")
_ALL_TENS: Final = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


def compound_numbers(tokens: list[Token]) -> list[Token]:
    """A number said in two words is one: "twenty five" and "twenty-five" are 25, "twenty
    fifth", "thirty first" and "twenty second" are the ordinals 25, 31 and 22 (the days of
    a month as people say them to an assistant: "on the twenty second of january", "march
    twenty first"). Only spelled tens followed at once by a spelled unit are joined: "five
    twenty" (5:20) stays two numbers."""
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if token.kind == lx.NUM and token.spelled and token.value in _ALL_TENS:
            j = i + 1
            if (
                j < n
                and tokens[j].kind == lx.SYM
                and tokens[j].value == "-"
                and tokens[j].start == token.end
            ):
                j += 1  # "twenty-five": the hyphen, split off by _word
            unit = tokens[j] if j < n else None
            tens = int(token.value)  # type: ignore[call-overload]
            if unit is not None and unit.start - token.end <= 1:
                if unit.kind == lx.NUM and unit.spelled and unit.value in range(1, 10):
                    value = tens + int(unit.value)  # type: ignore[call-overload]
                    out.append(Token(lx.NUM, value, token.start, unit.end, True))
                    i = j + 1
                    continue
                if (
                    unit.kind == lx.ORD
                    and unit.value in range(1, 10)
                    and unit.end - unit.start >= 5  # "first", "second": not "1st"
                    and tens + int(unit.value) <= 31  # type: ignore[call-overload]
                ):
                    value = tens + int(unit.value)  # type: ignore[call-overload]
                    out.append(Token(lx.ORD, value, token.start, unit.end))
                    i = j + 1
                    continue
        out.append(token)
        i += 1
    return out


# "6 30 am", "at 6 30": an hour and its minutes with a space between, as speech-to-text writes
# them ("set an alarm for 6 30 am"); the cheap test before spaced_hour_minutes runs
_SPACED_DIGITS: Final = re.compile(r"\b\d{1,2} [0-5]\d\b")
# what every match of _SPACED_DIGITS holds, looked for first: half the cost (no "\b" to test
# at each position), and most texts have no such digits
_DIGIT_SPACE_DIGITS: Final = re.compile(r"\d [0-5]\d")
_MINUTES_AND_MERIDIEM: Final = re.compile(r"([0-5]\d) ?([ap])\.?m\.?", re.IGNORECASE)
# the words before a bare "6 30" that make it a time of day ("wake me up at 6 30")
_CLOCK_BEFORE: Final = frozenset({"at", "for"})


def spaced_hour_minutes(tokens: list[Token], text: str) -> list[Token]:
    """An hour and its minutes said apart are one time: "6 30 am" (the minutes were read as
    a 30 o'clock), and "at 6 30" / "for 7 30" (6:30, 7:30: the minutes were dropped); not
    "every 2 30 minutes", "at 6 30 minutes past", nor an hour past 23 or minutes past 59."""
    out: list[Token] = []
    k, n = 0, len(tokens)
    while k < n:
        hour, minutes = tokens[k], tokens[k + 1] if k + 1 < n else None
        clock = _spaced(hour, minutes, text, out[-1] if out else None, tokens[k + 2 : k + 3])
        if clock is not None and minutes is not None:
            out.append(Token(lx.TIME, clock, hour.start, minutes.end))
            k += 2
            continue
        out.append(hour)
        k += 1
    return out


def _spaced(
    hour: Token, minutes: Token | None, text: str, before: Token | None, after: list[Token]
) -> ClockTime | None:
    """The time "6 30 am" or "at 6 30" says, when `hour` and `minutes` are its two numbers."""
    if (
        minutes is None
        or hour.kind != lx.NUM
        or hour.spelled
        or not isinstance(hour.value, int)
        or not 0 <= hour.value <= 23
        or hour.end - hour.start > 2
        or minutes.start - hour.end != 1
        or text[hour.end] != " "
    ):
        return None
    raw = text[minutes.start : minutes.end]
    if minutes.kind == lx.TIME:  # "30 am": its digits, then am or pm
        said = _MINUTES_AND_MERIDIEM.fullmatch(raw)
        if said is None or not 1 <= hour.value <= 12:
            return None
        return ClockTime(hour.value, int(said.group(1)), said.group(2).lower() + "m", False)
    if (
        minutes.kind != lx.NUM
        or len(raw) != 2
        or not raw.isdigit()
        or int(raw) > 59
        or before is None
        or before.kind != lx.WORD
        or before.value not in _CLOCK_BEFORE
        or (after and after[0].kind in (lx.UNIT, lx.NUM, lx.TIME))
    ):
        return None
    written = text[hour.start : hour.end]
    is_24h = hour.value == 0 or hour.value > 12 or written.startswith("0")
    return ClockTime(hour.value, int(raw), None, is_24h, digital=True)


def spaced_oclock(tokens: list[Token], text: str) -> list[Token]:
    """ "twelve o clock", "5 o"clock" (a transcript's and a typist's o'clock: a space or a
    double quote for the apostrophe) are "o'clock"."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (
            token.kind == lx.WORD
            and token.value == "clock"
            and previous is not None
            and previous.kind == lx.WORD
            and previous.value == "o"
            and token.start - previous.end == 1
            and text[previous.end] in ' "'
        ):
            out[-1] = Token(lx.WORD, "oclock", previous.start, token.end)
            continue
        out.append(token)
    return out


_PIPE: Final = re.compile(r"[ \t]*\|[ \t]*")
_HOURISH: Final = frozenset({lx.TIME, lx.NUM})


def piped_lists(tokens: list[Token], text: str) -> list[Token]:
    """ "at: 5,6,7AM | 12PM | 7,8,9,10,11PM | 12,1,2,3,4AM": lists of hours set apart by "|" are
    one list (the "|" is no token: without a separator the list stopped at the first). Only
    between hours that are items of a comma's list, so a table's "| 9:00 AM | 5:00 PM |" (a
    start and an end) is left alone."""
    out: list[Token] = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        if out:
            left = out[-1]
            if (
                left.kind in _HOURISH
                and token.kind in _HOURISH
                and _PIPE.fullmatch(text, left.end, token.start) is not None
                and (
                    (len(out) > 1 and out[-2].kind == lx.SYM and out[-2].value == ",")
                    or (k + 1 < n and tokens[k + 1].kind == lx.SYM and tokens[k + 1].value == ",")
                )
            ):
                bar = text.index("|", left.end)
                out.append(Token(lx.SYM, ",", bar, bar + 1))
        out.append(token)
    return out


# words before a number that make it a year, not a time, even with a zone after it
_YEAR_BEFORE: Final = frozenset({"in", "since", "of", "year", "circa", "copyright", "c"})


def military_before_zone(tokens: list[Token]) -> list[Token]:
    """ "1500 UTC Wednesdays", "at 1000 Eastern NAmerican time": four digits right before a zone
    are the military way of writing a time (15:00), never a year after a date ("Feb 13, 2024
    UTC", "in 2024 UTC") or a number that is not a time of day ("2460 UTC")."""
    out = list(tokens)
    for k in range(len(out) - 1):
        token = out[k]
        if out[k + 1].kind != lx.ZONE or not _hhmm(token):
            continue
        before = out[k - 1] if k else None
        if before is not None and before.kind == lx.SYM and before.end == token.start:
            if before.value == "-" and k > 1 and _hhmm(out[k - 2]):
                out[k - 2] = _military(out[k - 2])  # "1400-1700 UTC": a range
            elif before.value in ("+", "-"):
                # "+0900 UTC", "-0400 UTC": an offset, no time (nor a zone of its own)
                out[k] = Token(lx.WORD, "offset", token.start, token.end)
                continue
        if before is not None and (
            before.kind in (lx.MONTH, lx.NUM, lx.ORD, lx.DATE, lx.SLASHDATE)
            or (
                before.kind == lx.SYM
                and before.value == ","
                and k > 1
                and out[k - 2].kind in (lx.NUM, lx.MONTH)
            )
            or (before.kind == lx.WORD and before.value in _YEAR_BEFORE)
        ):
            continue  # "Feb 13, 2024 UTC", "in 2024 UTC": a year
        out[k] = _military(token)
    return out


def _hhmm(token: Token) -> bool:
    """Whether `token` is four digits that may be a time of day ("1500", "0930")."""
    value = token.value
    return (
        token.kind == lx.NUM
        and token.end - token.start == 4
        and not token.spelled
        and isinstance(value, int)
        and value % 100 < 60
        and value < 2400
    )


def _military(token: Token) -> Token:
    value = int(token.value)  # type: ignore[call-overload]
    return Token(lx.TIME, ClockTime(value // 100, value % 100, None, True), token.start, token.end)


# Zone words that are also the first word of places' names: "Central Library", "Eastern
# Avenue", "Pacific Street", "Mountain View", "Central Office", "Pacific Coast Highway"
_REGION_WORDS: Final = frozenset(
    {"central", "eastern", "pacific", "mountain", "alaska", "hawaii", "arizona", "california"}
)
# kinds of place a region word names when they follow it, in any case ("at central office")
_PLACE_NOUNS: Final = frozenset(
    "office offices park library station avenue ave street st road rd boulevard blvd drive dr "
    "lane ln way square plaza mall hall school high college university campus church club lodge "
    "coast highway hwy view valley terminal airport market center centre building branch bank "
    "records hotel hospital gym arena stadium theatre theater museum garden gardens court courts "
    "line railway district region asia europe kitchen cafe title".split()
)
# words that go on with a zone's name, capitalized or not: "Central Time", "Pacific Standard",
# "Central European Time", "Central US", "Eastern Daylight"
_ZONE_GOES_ON: Final = frozenset(
    "time times standard daylight european us usa america american africa african australia "
    "australian zone tz timezone summer winter prevailing local".split()
)
# capitalized words before a region word that make a name of it: "Grand Central", "North Central"
_NAME_BEFORE: Final = frozenset({"grand", "north", "south", "mid", "upper", "lower", "old", "new"})
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-Za-z][A-Za-z']*)")
_LAST_WORD: Final = re.compile(r"([A-Za-z]+)[ \t]+$")


def _is_region_word(text: str, token: Token) -> bool:
    return token.end - token.start >= 6 and text[token.start : token.end].lower() in _REGION_WORDS


def names_a_place(text: str, start: int, end: int, *, after_time: bool = False) -> bool:
    """Whether the zone word at text[start:end] ("Central", "Eastern", "Pacific") is the first
    word of a place's name — "at Central Library", "on Eastern Avenue", "in Mountain View",
    "Pacific Title", "Grand Central" — rather than a zone ("9am Central", "Eastern Time",
    "Pacific, every weekday"): a kind of place after it; a capitalized word after it that goes
    on with no zone's name and is no schedule word, unless the word comes right after a time
    ("9am Pacific Standup" is a zone and a task); or "Grand"/"North" and their kind before."""
    after = _NEXT_WORD.match(text, end)
    if after is not None:
        word = after.group(1)
        lowered = word.lower()
        if lowered in _PLACE_NOUNS:
            return True
        if (
            not after_time
            and word[0].isupper()
            and text[start].isupper()
            and not text.isupper()
            and lowered not in _ZONE_GOES_ON
            and lowered not in lx.LEXICON
        ):
            return True
    before = _LAST_WORD.search(text, max(0, start - 12), start)
    return (
        before is not None
        and before.group(1)[0].isupper()
        and before.group(1).lower() in _NAME_BEFORE
    )


def place_name_words(tokens: list[Token], text: str) -> list[Token]:
    """The zones read from region words that name places instead (`names_a_place`) made plain
    words: "meets the 2nd Tuesday at 5:30PM at Central Office" runs on the sentence's zone, not
    on Chicago's."""
    out = list(tokens)
    for k, token in enumerate(out):
        if (
            token.kind == lx.ZONE
            and _is_region_word(text, token)
            and names_a_place(
                text, token.start, token.end, after_time=k > 0 and out[k - 1].kind == lx.TIME
            )
        ):
            word = text[token.start : token.end].lower()
            out[k] = Token(lx.WORD, word, token.start, token.end)
    return out


def _us_zones(tokens: list[Token]) -> list[Token]:
    """ "11 am US Central time", "US Eastern": the country said before one of its zones is
    part of the zone's name."""
    out = list(tokens)
    for k in range(len(out) - 2, -1, -1):
        us, zone = out[k], out[k + 1]
        if (
            us.kind == lx.WORD
            and us.value == "us"
            and zone.kind == lx.ZONE
            and str(zone.value).startswith(("America/", "Pacific/Honolulu"))
        ):
            out[k : k + 2] = [Token(lx.ZONE, zone.value, us.start, zone.end)]
    return out


# "Sundays excluded", "weekends excepted": the days, then the word that leaves them out
_EXCLUDED_WORDS: Final = ("excluded", "excepted", "omitted", "skipped")
_EXCLUDED: Final = frozenset(_EXCLUDED_WORDS)


def _has_excluded_cue(text: str) -> bool:
    """Whether one of _EXCLUDED is in the text, in any case: a word's token is its text in
    lower case, so the lowered text holds every such word a token can be (four substring
    searches cost a fifth of one case-blind pattern's search)."""
    lowered = text.lower()
    first, second, third, fourth = _EXCLUDED_WORDS
    return first in lowered or second in lowered or third in lowered or fourth in lowered


_DAY_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET})

# "May" is the month after the words that bring a month in ("in May", "the 5th of May", "mid-May",
# "every May") or before a day, a list or a span ("May 5", "May and June", "May through July");
# before any other word it is the verb: "May cause dizziness", "you may skip weekends", "I may
# be late", "May I have a reminder", where reading a month would run the job in May only.
_MONTH_BROUGHT_IN_BY: Final = frozenset(
    "in of during every to from since before after middle early late end start beginning this "
    "next last by on and or between through thru till until for".split()
)
_MONTH_GOES_ON_WITH: Final = frozenset(
    "the to and or only every of from through thru until till onwards onward next this".split()
)


def _may_as_verb(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for k, token in enumerate(out):
        if token.kind != lx.MONTH or token.value != 5 or token.end - token.start != 3:
            continue
        after = out[k + 1] if k + 1 < len(out) else None
        if after is None or after.kind != lx.WORD or not str(after.value).isalpha():
            continue
        if after.value in _MONTH_GOES_ON_WITH:
            continue
        before = out[k - 1] if k else None
        if before is not None and (
            before.kind in (lx.NUM, lx.ORD)
            or before.value == "-"  # "mid-May"
            or before.value in _MONTH_BROUGHT_IN_BY
        ):
            continue
        out[k] = Token(lx.WORD, "may", token.start, token.end)
    return out


_SKIP_WORDS: Final[Mapping[str, str | None]] = dict.fromkeys(("skip", "skipping", "skips"))


def _skip_as_except(tokens: list[Token]) -> list[Token]:
    """ "every day at 8am, skip weekends", "daily, skipping Sundays", "skip the 3rd Tuesday",
    "skipping December": days or months skipped are left out, as "except" leaves them (they
    were read as the only days)."""
    return _words_as_except(tokens, _SKIP_WORDS, frozenset({"on", "the", "all", "any", "in"}))


def _words_as_except(
    tokens: list[Token], words: Mapping[str, str | None], fillers: frozenset[str]
) -> list[Token]:
    """Each of `words` read as "except" when days or months it leaves out follow it (past
    `fillers`), marked unsure with the word's note when it has one."""
    out = list(tokens)
    for k, token in enumerate(out):
        if token.kind != lx.WORD or token.value not in words:
            continue
        after = k + 1
        while after < len(out) and out[after].value in fillers:
            after += 1
        if after < len(out) and _left_out_follows(out, after):
            said = words[str(token.value)]
            out[k] = Token(lx.WORD, "except", token.start, token.end, unsure=said)
    return out


# what "except" can leave out, where it starts: days, a month, the nth weekday ("the 3rd Tuesday")
_LEFT_OUT_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.DATE, lx.SLASHDATE})


def _left_out_follows(out: list[Token], k: int) -> bool:
    """Whether days, a month or an nth weekday ("3rd Tuesday", "first and third Monday") start
    at k: what a negation before them leaves out."""
    kind = out[k].kind
    if kind in _LEFT_OUT_KINDS:
        return True
    if out[k].value == "last" and kind == lx.WORD:
        return k + 1 < len(out) and out[k + 1].kind in (lx.DAY, lx.DAYS)  # "the last Tuesday"
    if kind != lx.ORD:
        return False
    j = k + 1
    while j + 1 < len(out) and (
        out[j].kind == lx.ORD or (out[j].value in ("and", ",", "&", "or", "/", "the"))
    ):
        j += 1  # "the 1st and 3rd Tuesday", "1st, 3rd & 5th Monday"
    return j < len(out) and out[j].kind in (lx.DAY, lx.DAYS)


# "no class on 3rd Tuesday", "no meetings in December", "(no meeting in July and August)": what
# does not happen then — the days or months left out of the schedule, as "except" leaves them
# (read as the only days, "no class on the 3rd Tuesday" ran on the 3rd Tuesday alone). At most
# two words between "no" and "on"/"in"/"during"; not "no later than", "no more than".
_NO_PREPOSITIONS: Final = frozenset({"on", "in", "during", "for"})
_NOT_LEFT_OUT: Final = frozenset(
    {"later", "earlier", "sooner", "more", "less", "longer", "matter", "need", "problem", "one"}
)


# "every day at 9am, without Sundays", "daily, never on Sundays", "canceled in December": what
# follows is left out (it was the only day or month run on). "Cancelled" may be one day's
# cancellation, not every one's: asked.
_NEGATIONS: Final = {
    "without": None,
    "never": None,
    "cancelled": "“cancelled” read as left out every time (it may be one day's): to confirm",
    "canceled": "“canceled” read as left out every time (it may be one day's): to confirm",
}


def _negation_as_except(tokens: list[Token]) -> list[Token]:
    return _words_as_except(tokens, _NEGATIONS, frozenset({"on", "in", "during", "the", "for"}))


def _off_as_except(tokens: list[Token]) -> list[Token]:
    """ "every day at 9am, Sundays off", "December off": the days or months before "off" are
    left out ("Friday off", one day, is not read so)."""
    out = list(tokens)
    for k in range(1, len(out)):
        token, before = out[k], out[k - 1]
        if token.kind != lx.WORD or token.value != "off":
            continue
        if before.kind in (lx.DAYS, lx.DAYSET, lx.MONTH):
            out[k] = Token(lx.WORD, "excluded", token.start, token.end)
    return _postfix_except(out) if any(t.value == "excluded" for t in out) else out


def _other_than_as_except(tokens: list[Token]) -> list[Token]:
    """ "every Tuesday other than the third Tuesday": "other than" days leaves them out."""
    out: list[Token] = []
    n, k = len(tokens), 0
    while k < n:
        token = tokens[k]
        if (
            token.kind == lx.WORD
            and token.value == "other"
            and k + 2 < n
            and tokens[k + 1].value == "than"
            and _left_out_follows(tokens, k + 2 + (k + 3 < n and tokens[k + 2].value == "the"))
        ):
            out.append(Token(lx.WORD, "except", token.start, tokens[k + 1].end))
            k += 2
            continue
        out.append(token)
        k += 1
    return out


_COMPARED: Final = frozenset({"less", "more", "fewer"})
_BOUND_FREQUENCIES: Final = frozenset(
    "hourly daily nightly weekly biweekly fortnightly monthly quarterly yearly annually".split()
)


def _no_as_except(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    n, k = len(tokens), 0
    while k < n:
        token = tokens[k]
        if token.kind != lx.WORD or token.value != "no":
            out.append(token)
            k += 1
            continue
        if (
            k + 3 < n
            and tokens[k + 1].value in _COMPARED
            and tokens[k + 2].value == "than"
            and tokens[k + 3].value in _BOUND_FREQUENCIES
        ):
            # "…, but no less than quarterly, to conduct business": a bound beside the
            # schedule, how often at least — not a frequency of its own
            bound = tokens[k + 3]
            out.extend(tokens[k : k + 3])
            out.append(Token(lx.WORD, "bound", bound.start, bound.end))
            k += 4
            continue
        j = k + 1
        while (
            j < n
            and j <= k + 2
            and tokens[j].kind == lx.WORD
            and str(tokens[j].value).isalpha()
            and tokens[j].value not in _NO_PREPOSITIONS
            and tokens[j].value not in _NOT_LEFT_OUT
        ):
            j += 1
        after = j + 1 + (j + 1 < n and tokens[j + 1].value == "the")
        if (
            j > k + 1
            and j < n - 1
            and tokens[j].value in _NO_PREPOSITIONS
            and after < n
            and _left_out_follows(tokens, after)
        ):
            # "no meeting" becomes one "except"; "on"/"in" after it is read as after "except"
            out.append(Token(lx.WORD, "except", token.start, tokens[j - 1].end))
            k = j
            continue
        out.append(token)
        k += 1
    return out


# "every alternative day", "on alternating Saturdays": said for "alternate", before the days or
# weeks it alternates ("an alternative plan" is left alone)
_ALTERNATE_SPELLINGS: Final = frozenset({"alternative", "alternating"})
_ALTERNATED_UNITS: Final = frozenset({"day", "week", "fortnight", "month", "year"})


# words after "Thursday's" that go on with the schedule, not name a thing of that day
_AFTER_PLURAL_DAY: Final = frozenset(
    {"at", "and", "or", "on", "from", "to", "in", "by", "until", "till", "through", "every"}
    | {"each", "between", "after", "before", "only", "too", "also", "please", "around", "about"}
)


def possessive_days(tokens: list[Token]) -> list[Token]:
    """ "Need alarm set for Thursday's at noon", "Monday's and Wednesday's at 6pm": a weekday's
    name with "'s" and no noun after it is a plural written with an apostrophe — every such
    day, asked (it was an unread word, and the alarm ran today at noon). With a noun after it
    ("Monday's meeting", "sunday's off") it names a thing of that day: a word of the task,
    left as it is (`understand` asks when such a task comes with a schedule)."""
    out = list(tokens)
    for k, token in enumerate(out):
        if token.kind != lx.WORD or not str(token.value).endswith("'s"):
            continue
        stem = str(token.value)[:-2]
        entry = lx.LEXICON.get(stem)
        if entry is None or entry[0] != lx.DAY:
            continue
        after = out[k + 1] if k + 1 < len(out) else None
        if (
            after is not None
            and after.kind == lx.WORD
            and str(after.value).isalpha()
            and after.value not in _AFTER_PLURAL_DAY
        ):
            continue
        unsure = f"“{token.value}” read as every {stem.capitalize()}"
        out[k] = Token(lx.DAYS, entry[1], token.start, token.end, unsure=unsure)
    return out


def spaced_biweekly(tokens: list[Token]) -> list[Token]:
    """ "Create a bi weekly Saturday alarm for noon": "bi weekly" is "biweekly", as "bi-weekly"
    is (every other week, asked) — read apart, "weekly" alone made it every Saturday, silently."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (
            token.kind == lx.WORD
            and token.value == "weekly"
            and previous is not None
            and previous.kind == lx.WORD
            and previous.value == "bi"
        ):
            out[-1] = Token(lx.WORD, "biweekly", previous.start, token.end)
            continue
        out.append(token)
    return out


# the words after "sun" that make it the sun's rising or setting, not Sunday: "at sun down",
# "sun-rise", "sun up"
_SUN_MOVES: Final = frozenset({"down", "rise", "set", "up", "rises", "sets", "goes"})


def sun_not_sunday(tokens: list[Token]) -> list[Token]:
    """ "drawn each Sunday evening at sun down", "at sun-rise": "sun" before a word of its
    rising or setting is the sun, not Sunday — a time nobody's clock says (the answer asks)."""
    out = list(tokens)
    for k, token in enumerate(out[:-1]):
        if token.kind != lx.DAY or token.end - token.start != 3:
            continue
        after = out[k + 1]
        if after.value == "-" and k + 2 < len(out):
            after = out[k + 2]
        if after.kind == lx.WORD and after.value in _SUN_MOVES:
            out[k] = Token(lx.WORD, "sun", token.start, token.end)
    return out


# kinds and words that say something of when: a "but" after one of them may leave days out
_WHEN_KINDS: Final = frozenset(
    {
        lx.NUM,
        lx.ORD,
        lx.DAY,
        lx.DAYS,
        lx.DAYSET,
        lx.MONTH,
        lx.UNIT,
        lx.TIME,
        lx.MINUTE,
        lx.DATE,
        lx.SLASHDATE,
        lx.INSTANT,
    }
)
_WHEN_WORDS: Final = frozenset(
    {"every", "each", "daily", "weekly", "monthly", "hourly", "yearly", "nightly", "everyday"}
)


def but_before_any_schedule(tokens: list[Token], lowered: str) -> list[Token]:
    """ "Meetings are on the CNCF calendar, but 2nd + 4th Tuesday at 9am Pacific": a "but"
    with nothing about time before it has nothing to leave days out of — it joins two
    clauses, and the schedule is the one after it ("every day but Sunday" keeps its
    exception)."""
    out = list(tokens)
    for k, token in enumerate(out):
        if token.kind in _WHEN_KINDS or (token.kind == lx.WORD and token.value in _WHEN_WORDS):
            break
        if token.value == "except" and lowered[token.start : token.end] == "but":
            out[k] = Token(lx.WORD, "but", token.start, token.end)
    return out


_ANTICIPATED: Final = frozenset({"anticipated", "anticipatory"})
_MASS: Final = frozenset({"mass", "masses", "liturgy", "eucharist", "service", "services"})


def anticipated_mass(tokens: list[Token]) -> list[Token]:
    """ "Saturday Vigil Mass - Anticipatory Sunday Mass - Every Saturday - 5:00 PM", "Anticipated
    Sunday Mass on Saturday at 5.30 p.m.": the Sunday Mass said the evening before — its
    Sunday names the Mass, not the day it is held on."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        before, day, after = out[k - 1], out[k], out[k + 1]
        if (
            day.kind == lx.DAY
            and before.kind == lx.WORD
            and before.value in _ANTICIPATED
            and after.kind == lx.WORD
            and after.value in _MASS
        ):
            out[k] = Token(lx.WORD, "sunday", day.start, day.end)
    return out


_INSTANCE: Final = frozenset({"instance", "instances", "occurrence", "occurrences"})


def instance_of_a_day(tokens: list[Token]) -> list[Token]:
    """ "monthly on the first and last instance of wed and fri", "the second occurrence of
    Tuesday each month": the ordinal counts the days named after "instance of" — read as "the
    first and last wed and fri"."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if (
            token.value in _INSTANCE
            and token.kind in (lx.WORD, lx.UNIT)
            and out
            and (out[-1].kind == lx.ORD or out[-1].value in ("last", "penultimate"))
            and k + 2 < len(tokens)
            and tokens[k + 1].kind == lx.WORD
            and tokens[k + 1].value == "of"
            and tokens[k + 2].kind in (lx.DAY, lx.DAYS)
        ):
            k += 2  # "instance of": the ordinal's days follow
            continue
        out.append(token)
        k += 1
    return out


_TWO: Final = frozenset({"twice", "both"})


def first_and_second_of_a_count(tokens: list[Token]) -> list[Token]:
    """ "there are two nets each day. The first at Noon and the second at 19. 00": after a count
    of two things, "the first at …" and "the second at …" name the things, not the 1st and 2nd
    of the month — their ordinals become words, and the times stay."""
    placed = {
        k
        for k in range(1, len(tokens) - 1)
        if tokens[k].kind == lx.ORD
        and tokens[k].value in (1, 2)
        and tokens[k - 1].value == "the"
        and tokens[k + 1].kind == lx.WORD
        and tokens[k + 1].value == "at"
    }
    if {tokens[k].value for k in placed} != {1, 2}:
        return tokens
    first = min(k for k in placed if tokens[k].value == 1)
    counted = any(
        (token.kind == lx.NUM and token.value == 2) or token.value in _TWO
        for token in tokens[:first]
    )
    if not counted:
        return tokens
    return [
        Token(lx.WORD, "first" if token.value == 1 else "second", token.start, token.end)
        if k in placed
        else token
        for k, token in enumerate(tokens)
    ]


def deadline_after_a_time(tokens: list[Token]) -> list[Token]:
    """ "Meet up every Sunday at 9 am, rain or shine, and be ready to run by 9:15(ish)": a time
    after "by", when a time was said before it, is when something must be done by — not a
    second run. It becomes a word (the answer asks about it)."""
    out = list(tokens)
    timed = False
    for k, token in enumerate(out):
        if token.kind == lx.TIME:
            if timed and k and out[k - 1].kind == lx.WORD and out[k - 1].value == "by":
                out[k] = Token(lx.WORD, "deadline", token.start, token.end)
            timed = True
    return out


def _alternative_as_other(tokens: list[Token]) -> list[Token]:
    """ "every alternative day", "on alternating Saturdays", "alternative weeks": every other
    one, as "alternate" says it — only right before a day, a set of days or a unit of a day
    or longer, where the word can only say which of them."""
    out = list(tokens)
    for k, token in enumerate(out[:-1]):
        if token.kind != lx.WORD or token.value not in _ALTERNATE_SPELLINGS:
            continue
        after = out[k + 1]
        if after.kind in _DAY_KINDS or (after.kind == lx.UNIT and after.value in _ALTERNATED_UNITS):
            out[k] = Token(lx.WORD, "other", token.start, token.end)
    return out


def _not_as_except(tokens: list[Token]) -> list[Token]:
    """ "every week day, not on weekends", "daily but not Sundays", "and not on Fridays": a
    "not" that opens a clause of days leaves them out, as "except" does. (A "not" elsewhere,
    "do not run on Fridays", stays a word: the answer asks.)"""
    out = list(tokens)
    for k, token in enumerate(out):
        if token.kind != lx.WORD or token.value != "not" or k == 0:
            continue
        before = out[k - 1]
        # "but" is the lexicon's "except" already ("every day but Sundays")
        if before.value not in (",", "and", "except"):
            continue
        after = k + 1
        while after < len(out) and out[after].value in ("on", "the", "during", "in"):
            after += 1
        # "daily, not on Fridays", "every Friday at 9am, not in December", "and not the 3rd
        # Tuesday": left out
        if after < len(out) and _left_out_follows(out, after):
            if before.value == "except":
                out[k - 1] = Token(lx.WORD, "and", before.start, before.end)
            out[k] = Token(lx.WORD, "except", token.start, token.end)
    return out


def though_as_through(tokens: list[Token]) -> list[Token]:
    """ "Monday though Friday": "though" between two days is a typo of "through" (a range);
    elsewhere ("even though") it stays a word."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        token = out[k]
        if (
            token.kind == lx.WORD
            and token.value == "though"
            and out[k - 1].kind == lx.DAY
            and out[k + 1].kind == lx.DAY
        ):
            out[k] = Token(lx.WORD, "to", token.start, token.end, guess="through")
    return out


# Verbs that say how long a thing goes on: "runs until 10:30", "lasts till 9pm"
_LASTING: Final = frozenset(
    "run runs running last lasts lasting go goes going continue continues continuing carry "
    "carries carrying".split()
)


# units of an interval that runs within a day: "every 5 minutes … runs until 5pm" is a window
_SHORT_UNITS: Final = frozenset({"second", "minute", "hour"})


def lasting_until(tokens: list[Token]) -> list[Token]:
    """ "It starts every Friday at 6:30 p.m. and runs until 10:30": the time after "runs until"
    (or "lasts till") is where what started at the time said before it ends, as after "ends at"
    — one word "ending" (`grammar._span_end`: it runs at its start), not a second run. Only
    after a time and with no unit of time before it ("every 5 minutes … runs until 5pm" keeps
    its window; "the third Thursday of each month … running until 9pm" is an event's end)."""
    out = list(tokens)
    for k in range(1, len(out) - 2):
        verb = out[k]
        if verb.kind != lx.WORD or verb.value not in _LASTING:
            continue
        # "and going on until about 9pm": "on" after the verb, a hedge before the time
        m = k + 2 if out[k + 1].kind == lx.WORD and out[k + 1].value == "on" else k + 1
        until = out[m] if m < len(out) else None
        if until is None or until.kind != lx.WORD or until.value != "to":
            continue
        hedged = m + 1 < len(out) and out[m + 1].kind == lx.WORD and out[m + 1].value in _HEDGES
        end = out[m + 1 + hedged] if m + 1 + hedged < len(out) else None
        if (
            end is not None
            and end.kind == lx.TIME
            and any(t.kind == lx.TIME for t in out[:k])
            and not any(t.kind == lx.UNIT and t.value in _SHORT_UNITS for t in out[:k])
        ):
            out[k : m + 1 + hedged] = [Token(lx.WORD, "ending", verb.start, out[m + hedged].end)]
            break
    return out


def day_begins(tokens: list[Token]) -> list[Token]:
    """ "When it becomes Monday (UTC), create a new GitHub Issue": the moment the day begins,
    each time it comes — every Monday at midnight. ("when it turns Friday" is the same.)"""
    out = list(tokens)
    for k in range(len(out) - 3):
        when, it, verb, day = out[k : k + 4]
        if (
            when.value == "when"
            and when.kind == lx.WORD
            and it.value == "it"
            and verb.kind == lx.WORD
            and verb.value in _BECOMES
            and day.kind == lx.DAY
        ):
            out[k : k + 4] = [
                Token(lx.WORD, "every", when.start, it.end),
                Token(lx.DAY, day.value, day.start, day.end),
                Token(lx.WORD, "at", verb.start, verb.end),
                Token(lx.WORD, "midnight", day.end, day.end),
            ]
            break
    return out


_BECOMES: Final = frozenset({"becomes", "turns"})
_HEDGES: Final = frozenset({"around", "about", "approximately", "approx", "roughly"})


def hedged_end(tokens: list[Token]) -> list[Token]:
    """ "from 1100 to around 1230", "from 11:00 until about 12:30": a window's end said
    roughly is its end — the hedge is left out, so the range is read (it only says when what
    starts at the window's start is over)."""
    out = list(tokens)
    for k in range(2, len(out) - 1):
        hedge, before, after = out[k], out[k - 1], out[k + 1]
        if (
            hedge.kind == lx.WORD
            and hedge.value in _HEDGES
            and before.kind == lx.WORD
            and before.value == "to"
            and after.kind in (lx.TIME, lx.NUM)
            and out[k - 2].kind in (lx.TIME, lx.NUM)
        ):
            del out[k]
            break
    return out


def _postfix_except(tokens: list[Token]) -> list[Token]:
    """ "every day, weekends excluded, at 10am" reads as "every day except weekends at 10am":
    an "except" (no width, where the days start) goes before the days, and the days' span
    takes in the word after them."""
    out: list[Token] = []
    for token in tokens:
        if token.kind == lx.WORD and token.value in _EXCLUDED:
            k = len(out)
            while k and (
                out[k - 1].kind in _LEFT_OUT_KINDS
                or (out[k - 1].kind == lx.SYM and out[k - 1].value in (",", "&", "/"))
                or (out[k - 1].kind == lx.WORD and out[k - 1].value == "and")
            ):
                k -= 1
            while k < len(out) and out[k].kind not in _LEFT_OUT_KINDS:
                k += 1  # a separator before the days is not theirs
            if k < len(out):
                first, last = out[k], out[-1]
                out.insert(k, Token(lx.WORD, "except", first.start, first.start))
                out[-1] = Token(last.kind, last.value, last.start, token.end, last.spelled)
                continue
        out.append(token)
    return out


# a web address: its scheme, host and path up to a space, a closing bracket or a quote
_WEB_ADDRESS: Final = re.compile(r"\b(?:https?|ftp)://[^\s)\]>\"'`]+", re.IGNORECASE)


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group())


def _scan(text: str) -> list[Token]:
    if not text.isascii():  # translate() looks up every character (2 µs a sentence)
        text = text.translate(_TYPED_CHARACTERS)
    # Matching lower-case text is faster than matching case-insensitively; lower() keeps
    # the spans unless a character changes length ("İ"), which the slow path handles.
    lowered = text.lower()
    either_season = "ce(s)t" in lowered
    if either_season:
        # "17:00 CE(S)T": CET or CEST, one zone (the same length keeps every span)
        lowered = lowered.replace("ce(s)t", "cet   ")
    lower_case = len(lowered) == len(text)  # matched on `lowered`: a word is in lower case
    if "://" in lowered and lower_case:
        # "([translate to other time zones](https://www.worldtimebuddy.com/?…&date=2021-11-24
        # &sln=7-8))", "[Zoom](https://zoom.us/my/k8ssigaws)": a web address's digits and paths
        # are no date, window or zone; blanked (spans kept), its words stay the task's
        lowered = _WEB_ADDRESS.sub(lambda found: " " * len(found.group()), lowered)
        text = lowered if text.islower() else _WEB_ADDRESS.sub(_blank, text)
    if ": " in lowered or " :" in lowered:
        pattern = _PATTERN_SPACED if lower_case else _PATTERN_SPACED_ANY_CASE
    else:
        pattern = _PATTERN if lower_case else _PATTERN_ANY_CASE
    tokens: list[Token] = []
    append = tokens.append
    lexicon = lx.LEXICON
    plain = _PLAIN_WORDS
    context = _READ_IN_CONTEXT
    address_end = -1  # the end of a street address read whole: its words are read with it
    named_days = 0  # days said as part of a name ("Monday Club"), read as days only alone
    # mail addresses, "www." and "mailto:" addresses, file paths (and a web address not blanked
    # above): each one word of the task, never read for times, zones or days (links.py)
    links = link_spans(text) if may_hold_link(text) else ()
    next_link = 0
    for match in pattern.finditer(lowered if lower_case else text):
        group = match.lastgroup
        start, end = match.span()
        if start < address_end:
            continue
        if links:
            while next_link < len(links) and links[next_link][1] <= start:
                next_link += 1
            if next_link < len(links) and links[next_link][0] <= start:
                link_start, address_end = links[next_link]
                append(
                    Token(lx.WORD, text[link_start:address_end].lower(), link_start, address_end)
                )
                next_link += 1
                continue
        if group == "word":
            if (
                end - start == 1
                and text[start] == "M"
                and tokens
                and tokens[-1].kind == lx.NUM
                and not text.isupper()  # "IN 2H 15M": in capitals, case says nothing
            ):
                # "every 4M": months in ISO 8601 durations and fugit, minutes elsewhere
                amount = text[tokens[-1].start : end]
                raise TokenizeError(
                    f"“{amount}” may mean months or minutes",
                    suggestion="write the unit out: “months” or “minutes”",
                )
            word = match.group() if lower_case else match.group().lower()
            if word == "x" and start and text[start - 1] == "." and tokens:
                # "nightly builds on 1.2.x", "the 2.x branch": a version's wildcard, not "times";
                # the version is a name, not a number of the schedule
                number = tokens.pop() if tokens[-1].kind == lx.NUM else None
                first = number.start if number is not None else start
                append(Token(lx.WORD, text[first:end].lower(), first, end))
                continue
            entry = lexicon.get(word)
            if entry is None and word in plain and word not in context:
                # most words of a task ("check", "build"): the last branch below, whose tests
                # before it a plain word fails (one remembered as plain has no "'s" or "(s)")
                append(Token(lx.WORD, word, start, start + len(word)))
                if len(tokens) > 1 and tokens[-2].end == start:
                    _glued_word(tokens)
                continue
            if (
                entry is None
                and word in _SHORT_UNITS
                and tokens
                and tokens[-1].end == start
                and tokens[-1].kind == lx.NUM
                and len(tokens) > 1
                and tokens[-2].value in ("in", "after", "within")
            ):
                # "in 3d", "in 1w": days and weeks written short, right after the number of a
                # delay ("every 2d Tuesday" may be a second Tuesday)
                append(Token(lx.UNIT, _SHORT_UNITS[word], start, end))
            elif entry is not None and (word != "second" or not tokens):
                # most words: what _word does first, without the call
                append(Token(entry[0], entry[1], start, start + len(word), entry[0] == lx.NUM))
            elif word.endswith("(s)"):
                # "minute(s)", "week(s)", "occurrence(s)" (SQL Server Agent, Outlook, Zoom):
                # the plural, one token over the whole text
                _word(word[:-3] + "s", start, tokens)
                tokens[-1].end = end
            elif word in _GLUED_UNITS and _glued_amount(tokens, start):
                # "2d", "7w", "2d3h": a bot's shorthand for days and weeks, written onto the
                # number (a lone "d" or "w" is no unit)
                append(Token(lx.UNIT, _GLUED_UNITS[word], start, end))
            elif (
                word.endswith("'s")
                and lexicon.get(word[:-2], ("",))[0] == lx.UNIT
                and lowered.startswith(" time", end)
            ):
                # "in a fortnight's time", "in an hour's time": the unit
                append(Token(lx.UNIT, lexicon[word[:-2]][1], start, end))
            elif word in _ADJECTIVE_ZONES and _ZONE_AFTER.match(text, end) is not None:
                unsure = _ADJECTIVE_DOUBTS.get(word)
                append(Token(lx.ZONE, _ADJECTIVE_ZONES[word], start, end, unsure=unsure))
            elif word in _NOUN_ZONES and not _zone_meant(text, start, end, tokens):
                append(Token(lx.WORD, word, start, end))  # "feed the cat": not Central Africa
            elif word in _WORD_ZONES and not short_zone_meant(text, start, end, tokens):
                # "mardis et jeudis", "est-ce", "wat is dat", "pt the dog": words, no zones
                append(Token(lx.WORD, word, start, end))
            elif word in plain:
                # "check", "build": what _word makes of the word, without the call (keep this
                # branch last: a word is remembered as plain only when it came to _word)
                append(Token(lx.WORD, word, start, start + len(word)))
                if len(tokens) > 1 and tokens[-2].end == start:
                    _glued_word(tokens)
            elif word in PLACE_NOUNS:
                # "at June Hall", "on the 11th floor": a plain word (never cached as one), and
                # the word before it may be the first of the place's name
                append(Token(lx.WORD, word, start, end))
                if len(tokens) > 1:
                    named_days += _place_named(tokens, text)
            else:
                _word(word, start, tokens)
                if entry is None and _is_plain(word, tokens[-1]):
                    _remember_plain(word)
                _glued_word(tokens)
        elif group == "speak":  # "2moro", "2nite": text-speak, the lexicon's words
            _word(match.group().lower(), start, tokens)
        elif group == "num":
            raw = match.group()
            street = (_STREET.match(text, end) if end - start >= 3 else None) or (
                _NAMED_STREET.match(text, end)
            )
            if street is not None:
                # "at 604 Ferry St.": no 6:04; "474 24th street": no 24th day
                append(Token(lx.WORD, "address", start, street.end()))
                address_end = street.end()
                continue
            value: object = float(raw) if "." in raw else int(raw)
            if (
                len(tokens) > 1
                and tokens[-1].end == start
                and text[tokens[-1].start : start] in ("x", "X")
                and tokens[-2].kind == lx.NUM
                and tokens[-2].end == tokens[-1].start
            ):
                # "a 1x1 meeting", "2x2", "1920x1080": a name or a size, not a count of runs
                first = tokens[-2].start
                tokens[-2:] = [Token(lx.WORD, text[first:end].lower(), first, end)]
                continue
            append(Token(lx.NUM, value, start, end))
        elif group == "comma":
            # "every 1,5 hours": the European decimal comma (a list of amounts means
            # nothing); minutes ask, as "every 1,5 minutes" may be minutes 1 and 5
            raw = match.group()
            unit = text[end : end + 3].strip()
            unsure = f"“{raw}” read as {raw.replace(',', '.')}" if unit.startswith("m") else None
            if unit.startswith("mo"):
                unsure = None
            append(Token(lx.NUM, float(raw.replace(",", ".")), start, end, unsure=unsure))
        elif group == "clock":
            minute = match.group("m")
            if match.group("mer1") and _house_number(match, text):
                # "at the JH Offices (34a Stoney St": a house number, not 34am
                append(Token(lx.WORD, "address", start, end))
                continue
            meridiem = (match.group("mer") or match.group("mer1")).lower() + "m"
            padded = _PADDED.fullmatch(text, start, end) is not None
            hour = int(match.group("h"))
            unsure = None
            if 12 < hour < 24:
                # "17:30 AM", "every Thursday at 17:00 - 17:30 AM CET", "23pm", "15am": an hour
                # of the 24-hour clock with a stray am/pm is the hour written, asked
                unsure = f"“{match.group()}” read as {hour}:{int(minute or 0):02d}"
                meridiem = None
            clock = ClockTime(
                hour,
                int(minute or 0),
                meridiem,
                unsure is not None,
                padded,
                second=int(match.group("s") or 0),
            )
            append(Token(lx.TIME, clock, start, end, unsure=unsure))
        elif group == "hm":
            if _duration_clock(match, tokens):
                continue
            if _money(text, start, end):
                append(Token(lx.WORD, "amount", start, end))  # "pay $23.49": not 23:49
                continue
            hour_text = match.group("h2")
            hour = int(hour_text)
            # "18h30", "5h30": the h style is a 24-hour clock ("9.30" is not, by itself)
            is_24h = hour == 0 or hour > 12 or hour_text.startswith("0") or "h" in match.group()
            second = int(match.group("s2") or 0)
            guru = text_at(match, match.end("h2")) == ":"
            clock = ClockTime(
                hour, int(match.group("m2")), None, is_24h, digital=True, second=second, guru=guru
            )
            append(Token(lx.TIME, clock, start, end))
        elif group == "spaced":  # "17: 00", "10 : 00": a colon typed with a space
            append(spaced_clock(match.group("h6"), match.group("m6"), tokens, start, end))
        elif group == "mil":  # "1500 hours", "0900hrs": the military way of writing 15:00
            clock = ClockTime(int(match.group("h5")), int(match.group("m5")), None, True)
            append(Token(lx.TIME, clock, start, end, unsure=_military_doubt(match, tokens)))
        elif group == "hh":  # "at 21h": the French and German way of writing 21:00
            if _h_is_clock(text, start, tokens):
                clock = ClockTime(int(match.group("h4")), 0, None, True, digital=True)
                append(Token(lx.TIME, clock, start, end))
            else:  # "2h to 3h", "1h and 2h": hours, as amounts
                append(Token(lx.NUM, int(match.group("h4")), start, end - 1))
                append(Token(lx.UNIT, "hour", end - 1, end))
        elif group == "ord":
            append(Token(lx.ORD, int(match.group()[:-2]), start, end))
        elif group == "mins":
            append(Token(lx.MINUTE, int(match.group("m3")), start, end))
        elif group == "pct":
            append(Token(lx.WORD, "percent", start, end))  # "12.53%": not a time
        elif group == "sym":
            append(Token(lx.SYM, match.group(), start, end))
        elif group == "date":
            year, month, day = (int(part) for part in match.group().split("-"))
            append(Token(lx.DATE, (year, month, day), start, end))
        elif group == "dotted":  # "25.12.2026": day, month, year, as Europe writes a date
            day, month, year = (int(part) for part in match.group("dd", "dm", "dy"))
            append(Token(lx.DATE, (year, month, day), start, end))
        elif group == "daymonth":  # "01.01 0:00", "24.12. 18:00": a day and month, Europe's way
            day = int(match.group("dd4") or match.group("dd5"))
            month = int(match.group("dm4") or match.group("dm5"))
            middle = text.index(".", start)
            append(Token(lx.NUM, day, start, middle))
            append(Token(lx.MONTH, month, middle + 1, end))
        elif group == "dmdot":  # "when:29.11.", "on 24.12. at 10": a day and month, Europe's way
            day, minutes = int(match.group("dd6")), match.group("dm6")
            month = int(minutes)
            if day <= 23 and not _dotted_date_cue(text, start):
                # "until 11.05.", "Version 2.5.", "see step 1.2.": without a word that makes it a
                # date, a time at a sentence's end or a number, as they were read before
                if len(minutes) == 2:
                    zero = match.group("dd6")[0] == "0"
                    clock = ClockTime(day, month, None, day == 0 or day > 12 or zero, digital=True)
                    append(Token(lx.TIME, clock, start, end - 1))
                else:
                    append(Token(lx.NUM, float(text[start : end - 1]), start, end - 1))
                continue
            middle = text.index(".", start)
            unsure = None
            if day <= 12 and day != month:
                unsure = DOTTED_DATE_NOTE.format(
                    text=match.group(), day=day, month=lx.MONTH_LABELS[month]
                )
            append(Token(lx.NUM, day, start, middle))
            append(Token(lx.MONTH, month, middle + 1, end - 1, unsure=unsure))
        elif group == "slash":
            parts = [int(part) for part in match.group().split("/")]
            year = parts[2] if len(parts) == 3 else None
            if year is not None and year < 100:
                year = two_digit_year(year)
            append(Token(lx.SLASHDATE, (parts[0], parts[1], year), start, end))
        elif group == "instant":
            append(Token(lx.INSTANT, _instant(match.group()), start, end))
        elif group == "bare" and range_end_not_offset(match.group(), tokens):
            # "from 10:00 -12:00": the end of an hour range, not the zone UTC-12
            append(Token(lx.SYM, "-", start, start + 1))
            hour_text, minute_text = match.group("oh3", "om3")
            hour = int(hour_text)
            is_24h = hour == 0 or hour_text.startswith("0")
            clock = ClockTime(hour, int(minute_text), None, is_24h, digital=True, guru=True)
            append(Token(lx.TIME, clock, start + 1, end))
        elif group in ("offset", "bare"):  # "UTC+2", "GMT+05:30", "14:00 +02:00"
            sign, hours, minutes = (
                match.group("sign", "oh", "om")
                if group == "offset"
                else ("+", *match.group("oh2", "om2"))
                if match.group("oh2")
                else ("-", *match.group("oh3", "om3"))
            )
            try:
                zone = lookup_offset(sign, int(hours), int(minutes or 0))
            except UnknownZoneError as error:
                raise TokenizeError(str(error)) from None
            append(Token(lx.ZONE, zone, start, end))
        else:  # iana
            raw = match.group()
            # "zoom.us/my/k8ssigaws": a web address's host and path, not the zone "US/…"
            in_address = start > 0 and text[start - 1] == "."
            if is_region(raw.split("/", 1)[0].lower()) and not in_address:
                if _regions_listed(raw):
                    # "America/EMEA office hours", "Europe/Asia": regions of the world, listed
                    for part in re.finditer(r"[^/]+", raw):
                        at = start + part.start()
                        append(Token(lx.WORD, part.group().lower(), at, at + len(part.group())))
                    continue
                append(Token(lx.ZONE, _iana(raw), start, end))
            else:
                _word(raw.lower(), start, tokens)
    # a name is written with capitals: texts in lower case (most typed ones) or shouted skip it
    if (
        not text.islower()
        and not text.isupper()
        and any(  # names.may_name, without a call for each token
            t.kind in NAMED_KINDS or (t.kind == lx.WORD and t.value in NAMED_HOLIDAYS)
            for t in tokens
        )
    ):
        named_days += _names_read(tokens, text)
    if named_days:
        _days_in_names(tokens)
    if "Daily " in text or "Weekly " in text or "Monthly " in text or "Nightly " in text:
        _frequencies_in_names(tokens, text)
    if " First" in text or " Second" in text or " Third" in text:
        _ordinals_in_names(tokens, text)
    if "grade" in lowered:
        _school_grades(tokens)
    if "all other" in lowered:
        _all_other_days(tokens)
    if "non" in lowered and "holiday" in lowered:
        tokens = _non_holiday_days(tokens)
    if "months of the year" in lowered:
        tokens = _months_of_year_counted(tokens)
    if "utc" in lowered or "gmt" in lowered:
        _hours_of_utc(tokens, lowered)
        if "bst" in lowered:
            _gmt_beside_bst(tokens, lowered)
    if either_season:
        for token in tokens:
            if token.kind == lx.ZONE and text.lower().startswith("ce(s)t", token.start):
                token.end = token.start + 6
    return tokens


def _all_other_days(tokens: list[Token]) -> None:
    """ "All other Tuesday nights are general Troop meetings": the Tuesdays besides those said
    elsewhere, never every second one ("other" alone is "alternate"); read as every Tuesday,
    asked (which ones are left out is said in another sentence)."""
    for k in range(len(tokens) - 2):
        first, other, day = tokens[k], tokens[k + 1], tokens[k + 2]
        if first.value == "all" and other.value == "other" and day.kind in (lx.DAY, lx.DAYS):
            label = lx.DAY_LABELS[int(day.value)]  # type: ignore[call-overload]
            note = f"“all other {label}s” (the ones not named elsewhere) read as every {label}"
            tokens[k + 1] = Token(lx.WORD, "every", other.start, other.end, unsure=note)


def _non_holiday_days(tokens: list[Token]) -> list[Token]:
    """ "every non-holiday weekday" is every weekday except holidays (the zone's country's);
    "the first non-holiday Monday of every month" is read as the first Monday, asked — a
    schedule cannot move to the next Monday when the first is a holiday. "non-holiday" is
    never left as words."""
    out: list[Token] = []
    excepted = False
    k, n = 0, len(tokens)
    while k < n:
        token = tokens[k]
        j = k + 1
        if j < n and tokens[j].kind == lx.SYM and tokens[j].value == "-":
            j += 1
        if (
            token.kind == lx.WORD
            and token.value == "non"
            and j + 1 < n
            and tokens[j].kind == lx.WORD
            and tokens[j].value in ("holiday", "holidays")
            and tokens[j + 1].kind in (lx.DAY, lx.DAYS, lx.DAYSET)
        ):
            day = tokens[j + 1]
            counted = bool(out) and (out[-1].kind == lx.ORD or out[-1].value == "last")
            if counted:
                # "the first non-holiday Monday": the next Monday when the first is a holiday,
                # which no schedule says: the first Monday, asked
                note = "“non-holiday” not kept: the run still happens on a holiday"
                out.append(Token(day.kind, day.value, token.start, day.end, unsure=note))
            else:
                # "every non-holiday weekday": every weekday except holidays (the zone's), said
                # at the end ("every non-holiday Monday through Friday" keeps its range)
                out.append(Token(day.kind, day.value, token.start, day.end))
                excepted = True
            k = j + 2
            continue
        out.append(token)
        k += 1
    if excepted:
        end = out[-1].end  # words of no width after the last: the text's own are all read
        out.append(Token(lx.WORD, "except", end, end))
        out.append(Token(lx.WORD, "holidays", end, end))
    return out


def _months_of_year_counted(tokens: list[Token]) -> list[Token]:
    """ "for the first 6 months of the year" is January to June, "the last 3 months of the
    year" October to December: said as the months' names ("January to June"), never as the
    1st of the month and an interval of six months."""
    out: list[Token] = []
    k, n = 0, len(tokens)
    while k < n:
        token = tokens[k]
        if (
            k + 5 < n
            and ((token.kind == lx.ORD and token.value == 1) or token.value == "last")
            and tokens[k + 1].kind == lx.NUM
            and isinstance(tokens[k + 1].value, int)
            and 1 < tokens[k + 1].value < 12
            and tokens[k + 2].kind == lx.UNIT
            and tokens[k + 2].value == "month"
            and tokens[k + 3].value == "of"
            and tokens[k + 4].value == "the"
            and tokens[k + 5].kind == lx.UNIT
            and tokens[k + 5].value == "year"
        ):
            count = tokens[k + 1].value
            first, last = (1, count) if token.kind == lx.ORD else (13 - count, 12)
            start, end = token.start, tokens[k + 5].end
            out.append(Token(lx.MONTH, first, start, tokens[k + 1].end))
            out.append(Token(lx.WORD, "to", tokens[k + 2].start, tokens[k + 2].end))
            out.append(Token(lx.MONTH, last, tokens[k + 3].start, end))
            k += 6
            continue
        out.append(token)
        k += 1
    return out


_GRADE_WORDS: Final = frozenset({"grade", "grades", "graders"})


def _school_grades(tokens: list[Token]) -> None:
    """Ordinals that number school grades read as plain words: "5th grade", "5th and 4th
    graders", "grades K-5th", "grades 6th through 8th" (a library's or a club's listing says
    who may come: the 5th is no day of the month). The ordinals are those of the run of
    numbers, "K", "and", "to" and symbols that touches "grade(s)"/"graders"."""
    graded_at: list[int] = []
    for k, token in enumerate(tokens):
        if token.kind != lx.WORD or token.value not in _GRADE_WORDS:
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(tokens) and _in_grades(tokens[j]):
                if tokens[j].kind == lx.ORD:
                    graded_at.append(j)
                j += step
    for k in graded_at:
        token = tokens[k]
        tokens[k] = Token(lx.WORD, str(token.value), token.start, token.end)


def _in_grades(token: Token) -> bool:
    """Whether `token` may stand in a run of grades ("K-5th", "5th and 4th", "6th to 8th")."""
    if token.kind in (lx.ORD, lx.NUM, lx.SYM):
        return True
    return token.kind == lx.WORD and (
        token.value in ("k", "and", "to", "or") or str(token.value).isdigit()
    )


# words after which a number is a time of day: "at 17: 00", "from 9 : 30"
_CLOCK_WORDS: Final = frozenset(
    {"at", "@", "from", "until", "till", "til", "to", "by", "between", "and", "around", "-"}
)


def spaced_clock(
    hour_text: str, minute_text: str, tokens: list[Token], start: int, end: int
) -> Token:
    """ "17: 00", "10 : 00 pm", "9 :00": a time typed with a space beside its colon (the hour
    alone was read before, "17: 00" as midnight). After "at", "from" and their kind it is a
    time; elsewhere ("Step 3: 15 ways") it may be something else: read, and asked."""
    hour, minute = int(hour_text), int(minute_text)
    is_24h = hour == 0 or hour > 12 or hour_text.startswith("0")
    clock = ClockTime(hour, minute, None, is_24h, digital=True, guru=True)
    previous = tokens[-1] if tokens else None
    said = previous is not None and previous.kind in (lx.WORD, lx.SYM)
    unsure = None
    if not (said and previous.value in _CLOCK_WORDS):  # type: ignore[union-attr]
        unsure = f"“{hour_text}:{minute_text}” read as a time of day, {hour}:{minute:02d}"
    return Token(lx.TIME, clock, start, end, unsure=unsure)


def _hours_of_utc(tokens: list[Token], lowered: str) -> None:
    """ "kick off the backup nightly at 2 UTC", "runs at 6 GMT": an hour said against UTC is
    on the 24-hour clock (2 UTC is 02:00), as ops write it; "at 2" alone stays a guess."""
    for k in range(2, len(tokens)):
        zone, number, at = tokens[k], tokens[k - 1], tokens[k - 2]
        if (
            zone.kind == lx.ZONE
            and lowered.startswith(("utc", "gmt"), zone.start)
            and number.kind == lx.NUM
            and isinstance(number.value, int)
            and not number.spelled
            and 0 <= number.value <= 23
            and at.kind == lx.WORD
            and at.value == "at"
        ):
            clock = ClockTime(number.value, 0, None, True)
            tokens[k - 1] = Token(lx.TIME, clock, number.start, number.end)


def _gmt_beside_bst(tokens: list[Token], lowered: str) -> None:
    """ "6 AM UK time (GMT/BST)", "11:00 BST/GMT": GMT beside BST names the UK's winter and
    summer clocks, one zone (Europe/London), not UTC and London."""
    for k, token in enumerate(tokens):
        if token.kind != lx.ZONE or not lowered.startswith("gmt", token.start):
            continue
        for other in (k - 2, k + 2):
            if not 0 <= other < len(tokens) or tokens[(k + other) // 2].value != "/":
                continue
            beside = tokens[other]
            if beside.kind == lx.ZONE and lowered.startswith("bst", beside.start):
                tokens[k] = Token(lx.ZONE, beside.value, token.start, token.end)


# Words the lexicon does not have that _word makes a plain word of ("check", "build": no zone,
# no misspelled name, nothing to split at "-" or "/"), remembered by _scan so that it makes
# their token itself. What _word makes of a word depends on the word alone, so the set is kept
# across texts; it is emptied when it grows past _MAX_PLAIN words.
_PLAIN_WORDS: set[str] = set()
_MAX_PLAIN: Final = 20_000


def _is_plain(word: str, token: Token) -> bool:
    """Whether `token`, what _word made of `word` (a word not in the lexicon), is the plain
    word it makes of it in any text ("second" and "Monday's" depend on the word before it)."""
    return (
        token.kind == lx.WORD
        and token.value == word
        and token.guess is None
        and token.unsure is None
        and not token.spelled
        and word != "second"
        and word != "clock"  # "8 o clock": depends on the words before it
        and "-" not in word
        and "/" not in word
        and not word.endswith("'s")
        # "forth" is a word in "back and forth", "fourth" after "the" (a slip read only after
        # a count): remembering it as plain would make the reading hang on the order of texts
        and word not in _SLIPS_PLACED
        # "hall", "floor": read each time, as the word before them may be a name's
        and word not in PLACE_NOUNS
    )


def _place_named(tokens: list[Token], text: str) -> int:
    """The word before the place noun just read ("June" in "June Hall", "11th" in "11th
    floor") read as a plain word when it is the first word of the place's name; a day is only
    marked (see _days_in_names). Returns how many days were marked (0 or 1)."""
    noun, before = tokens[-1], tokens[-2]
    if noun.kind != lx.WORD or text[before.end : noun.start] != " ":
        return 0  # one space: a name's words ("March    Room 204" is two columns)
    said = place_name(before.kind, text[before.start : before.end], text[noun.start : noun.end])
    if said is None:
        return 0
    if said == DAY_IN_NAME:
        before.unsure = _IN_A_NAME
        return 1
    tokens[-2] = Token(lx.WORD, PLACE_WORD, before.start, before.end)
    return 0


_IN_A_NAME: Final = "in a name"


def _names_read(tokens: list[Token], text: str) -> int:
    """Months, days and holidays that are (or begin) a person's or a thing's name
    (`names.name_word`: "Dr. June Smith", "call May", "Wednesday Addams", "Easter Seals") read
    as plain words; a day is only marked (see _days_in_names), a holiday made plain only when
    the text says another when. Returns how many days were marked."""
    marked = 0
    for k, token in enumerate(tokens):
        if not may_name(token) or token.unsure is not None:
            continue
        said = name_word(tokens, k, text)
        if said == NAME or (said == HOLIDAY_IN_NAME and says_another_when(tokens, k)):
            tokens[k] = Token(lx.WORD, PLACE_WORD, token.start, token.end)
        elif said == DAY_IN_NAME:
            token.unsure = _IN_A_NAME
            marked += 1
    return marked


def _days_in_names(tokens: list[Token]) -> None:
    """A day said in a name ("Monday Club") is the schedule's day only when no other word says
    which days: "Sunday School 9:30" is on Sundays, "Monday Club: every Thursday at 7pm" is on
    Thursdays and "Monday Club: every day at 9am" every day."""
    named = [k for k, t in enumerate(tokens) if t.kind == lx.DAY and t.unsure is _IN_A_NAME]
    others = any(
        (t.kind in _DAY_KINDS and t.unsure is not _IN_A_NAME)
        or (t.kind == lx.WORD and t.value in ("daily", "weekly"))
        or (t.kind == lx.UNIT and t.value == "day" and k and tokens[k - 1].value in _EVERY)
        for k, t in enumerate(tokens)
    )
    for k in named:
        day = tokens[k]
        tokens[k] = (
            Token(lx.WORD, "day name", day.start, day.end)
            if others
            else Token(day.kind, day.value, day.start, day.end, day.spelled, day.guess)
        )


_EVERY: Final = frozenset({"every", "each"})
_NAMED_FREQUENCIES: Final = frozenset({"daily", "weekly", "monthly", "nightly"})


def _frequencies_in_names(tokens: list[Token], text: str) -> None:
    """ "Daily Bread pantry: Weekly on Mondays", "Weekly Standup notes: every day at 9am": a
    capitalised frequency word right before a capitalised word the grammar does not know
    starts a name. It is read as a plain word when the text says another frequency ("every
    day" against "Weekly"); one that agrees ("Monthly Meeting: every second Tuesday of the
    month") or stands alone ("Weekly Standup Monday 9am") is still how often."""
    if text.isupper():
        return  # shouted: capitals say nothing
    for k in range(len(tokens) - 1):
        token, after = tokens[k], tokens[k + 1]
        if (
            token.kind == lx.WORD
            and token.value in _NAMED_FREQUENCIES
            and text[token.start].isupper()
            and text[token.end : after.start] == " "
            and after.kind == lx.WORD
            and after.value not in lx.KEYWORDS
            and text[after.start].isupper()
            and not text[after.start : after.end].isupper()
            and _another_frequency(tokens, k)
        ):
            tokens[k] = Token(lx.WORD, PLACE_WORD, token.start, token.end)


# the words before an ordinal that make it one still ("On The First Monday", "Every Second Week")
_BEFORE_ORDINALS: Final = frozenset(
    "the on every each of this next last a an and or from to until till by at".split()
)


def _ordinals_in_names(tokens: list[Token], text: str) -> None:
    """ "Yoga at Old First, Every Tuesday Afternoon at 12:30" (Old First, a church): a
    capitalised spelled ordinal right after a capitalised word the grammar does not know ends
    a name, and is a plain word ("On The First Monday", "Every Second Week" keep theirs)."""
    if text.isupper():
        return  # shouted: capitals say nothing
    for k in range(1, len(tokens)):
        token, before = tokens[k], tokens[k - 1]
        if (
            token.kind == lx.ORD
            and text[token.start].isupper()
            and text[token.start + 1 : token.start + 2].islower()
            and before.kind == lx.WORD
            and text[before.end : token.start] == " "
            and text[before.start].isupper()
            and before.value not in lx.KEYWORDS
            and str(before.value).lower() not in _BEFORE_ORDINALS
            and not _ordinal_goes_on(tokens, k)
        ):
            tokens[k] = Token(lx.WORD, PLACE_WORD, token.start, token.end)


def _ordinal_goes_on(tokens: list[Token], k: int) -> bool:
    """Whether the ordinal at `k` is followed by what it counts ("Town Hall First Tuesday", "…
    First of the month", "First week"): then it is an ordinal after all."""
    if k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    return after.kind in _COUNTED_KINDS or (after.kind == lx.WORD and after.value in _COUNTED)


_COUNTED_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET, lx.UNIT, lx.MONTH})
_COUNTED: Final = frozenset({"of", "weekday", "weekend", "business", "working", "and", "&"})


# what says another frequency than the word: units after "every", other words, kinds of day
_OTHER_UNITS: Final = {
    "daily": frozenset({"week", "month", "year", "hour", "minute"}),
    "nightly": frozenset({"week", "month", "year", "hour", "minute"}),
    "weekly": frozenset({"day", "month", "year", "hour", "minute"}),
    "monthly": frozenset({"day", "week", "year", "hour", "minute"}),
}
_OTHER_DAYS: Final = {
    "daily": frozenset({lx.DAY, lx.DAYS}),
    "nightly": frozenset({lx.DAY, lx.DAYS}),
    "weekly": frozenset({lx.DAYSET}),
    "monthly": frozenset({lx.DAY, lx.DAYS, lx.DAYSET}),
}


def _another_frequency(tokens: list[Token], k: int) -> bool:
    """Whether the tokens other than tokens[k] (a frequency word) say another frequency."""
    word = str(tokens[k].value)
    units, days = _OTHER_UNITS[word], _OTHER_DAYS[word]
    for j, token in enumerate(tokens):
        if j == k:
            continue
        if token.kind == lx.WORD and token.value in _NAMED_FREQUENCIES and token.value != word:
            return True
        every = j > 0 and tokens[j - 1].value in _EVERY
        if every and token.kind == lx.UNIT and token.value in units:
            return True
        if token.kind in days and (every or token.kind != lx.DAY):
            return True
    return False


def _remember_plain(word: str) -> None:
    if len(_PLAIN_WORDS) >= _MAX_PLAIN:
        _PLAIN_WORDS.clear()
    _PLAIN_WORDS.add(word)


# After these words, "1:30 hours" is an amount of time (1 hour 30 minutes), not 1:30 am
_BEFORE_AMOUNT: Final = frozenset({"every", "in", "for"})


def text_at(match: re.Match[str], index: int) -> str:
    return match.string[index : index + 1]


# words after which "9h" is a time of day whatever came before ("from 9h", "between 9h and
# 17h"); after "to", "and" or a dash it is one only when a time was said before it ("from 9h to
# 17h", "at 9h and 21h"), else hours ("2h to 3h")
_CLOCK_BEFORE_H: Final = frozenset({"at", "from", "until", "till", "between"})


def _h_is_clock(text: str, start: int, tokens: list[Token]) -> bool:
    """Whether the "9h" at `start` is a time of day (9:00), not 9 hours."""
    before = text[:start].rstrip()
    word = before[before.rfind(" ") + 1 :].lower() if before else ""
    # the kinds looked at in C: a text of "1h-1h-…" asks this at each of its "h"
    return word in _CLOCK_BEFORE_H or lx.TIME in map(_KIND, tokens)


_KIND: Final = attrgetter("kind")


def _military_doubt(match: re.Match[str], tokens: list[Token]) -> str | None:
    """ "an alarm for 1500 hrs", "after 1400 hrs": a time. "for 1500 hours" may also be how
    long, written out with a plain hour: read as the time, and asked."""
    previous = tokens[-1] if tokens else None
    if previous is None or previous.kind != lx.WORD or previous.value not in ("for", "after"):
        return None
    written = match.group()
    if written.startswith("0") or not written.endswith("hours"):
        return None
    return f"“{previous.value} {written}” read as a time of day, not how many hours"


def _duration_clock(match: re.Match[str], tokens: list[Token]) -> bool:
    """ "every 1:30 hours", "in 2:15 hrs": hours and minutes with the hours' unit after them
    are a duration; appends it as an amount (1 hour, 30 minutes) and says whether it did.
    ("at 15:30 hours" is the military way of writing a time; a lone "1:30" is a time too.)"""
    minutes_end = match.end("m2")
    if match.group("s2") is not None:
        return False
    previous = tokens[-1] if tokens else None
    if previous is None or previous.kind != lx.WORD or previous.value not in _BEFORE_AMOUNT:
        return False
    if (
        previous.value == "for"
        and (match["m2"] == "00" or int(match["h2"]) > 12)
        and text_at(match, match.end("h2")) == "h"
    ):
        return False  # "an alarm for 9h00", "for 17h15": nobody writes hours so; a time
    hours_end = match.end("h2")
    unsure = None
    if match.end() == minutes_end:
        # "in 18h30" with no unit: after "in"/"for" a duration is the natural reading (18 h
        # 30 min); "every 18h30" may be a daily 18:30 as well as an interval, so it asks.
        if text_at(match, hours_end) != "h":
            return False  # "in 1:30", "every 9.30": a time, as before
        if previous.value == "every":
            unsure = f"“{match.group()}” read as an interval (it may mean every day at that time)"
    tokens.append(Token(lx.NUM, int(match.group("h2")), match.start(), hours_end))
    tokens.append(Token(lx.UNIT, "hour", hours_end, hours_end + 1, unsure=unsure))
    tokens.append(Token(lx.NUM, int(match.group("m2")), match.start("m2"), minutes_end))
    tokens.append(Token(lx.UNIT, "minute", minutes_end, match.end()))
    return True


_GLUED_UNITS: Final = {"d": "day", "w": "week", "y": "year"}


# what may follow a number and still be read with it: "9ish", "5mins", "24hrs", "3rds"
_NUMBER_SUFFIXES: Final = frozenset(
    {"ish", "hrs", "mins", "secs", "sec", "min", "hr", "wks", "wk", "yrs", "yr", "mo", "mos"}
    | {"am", "pm", "st", "nd", "rd", "th", "ms", "mn", "hs", "ds", "ws", "ys", "ok"}
)


def _glued_word(tokens: list[Token]) -> None:
    """ "2os", "4ever", "10x": a whole number written onto a word the grammar does not know is
    one word of a task ("/remindme in 2h 2os dawafry"), not a number and a word; a number
    glued to a word it knows ("5mins", "2pm", "9ish") is read as before."""
    if len(tokens) < 2:
        return
    word, number = tokens[-1], tokens[-2]
    if (
        word.kind == lx.WORD
        and len(str(word.value)) > 1
        and word.value not in lx.KEYWORDS
        and word.value not in _NUMBER_SUFFIXES
        and number.kind == lx.NUM
        and number.end == word.start
        and isinstance(number.value, int)
        and not word.spelled
    ):
        tokens[-2:] = [Token(lx.WORD, f"{number.value}{word.value}", number.start, word.end)]


def _glued_amount(tokens: list[Token], start: int) -> bool:
    """Whether the token before `start` is a whole number written right against it, after
    a word that starts an amount of time ("in 2d", "every 2w", "for 3d") or another part of
    one ("1h2d"): "2d" elsewhere may be a day of a month ("May 2d") or a to-do app's field
    ("due:+2d"), never read."""
    if len(tokens) < 2:
        return False
    number, before = tokens[-1], tokens[-2]
    if number.kind != lx.NUM or number.end != start or not isinstance(number.value, int):
        return False
    return before.kind == lx.UNIT or (before.kind == lx.WORD and before.value in _AMOUNT_WORDS)


_AMOUNT_WORDS: Final = frozenset({"in", "every", "each", "for", "after", "within"})


def range_end_not_offset(bare: str, tokens: list[Token]) -> bool:
    """Whether a bare "-HH:MM" after a time ("from 10:00 -12:00", "9:00 -11:15") is the end of
    an hour range rather than an offset ("14:00 -05:00"): its minutes are no offset's (an
    offset's are :00, :30 or :45), or its hour is later than the time before it, which only a
    range's end is (an offset after a morning time west of UTC-9 is rare: Alaska, Hawaii)."""
    if not bare.startswith("-") or not tokens or tokens[-1].kind != lx.TIME:
        return False
    hour, _, minute = bare[1:].partition(":")
    if len(minute) != 2:  # "-1200": four digits, no clock's way of writing a range's end
        return False
    if minute not in ("00", "30", "45"):
        return True
    before = tokens[-1].value
    said = before.hour_24() if isinstance(before, ClockTime) else None
    return said is not None and said < int(hour)


# Zone abbreviations that are also English words: a zone only when written in capitals
# ("9am CAT"), right after a time, or before "time" ("mountain time"); otherwise the word
# ("feed the cat every morning", "hike the mountain on Saturdays") is the task's.
_NOUN_ZONES: Final = frozenset({"cat", "eat", "art", "pet", "cot", "wet", "west", "mountain"})
# Zone abbreviations that are words in other languages or short for English ones: French "et"
# (and) and "est" (is), German "ist" (is), Dutch "wat" (what), "pt"/"ct"/"mt" (part, court,
# mount). Written in lower case, a zone only right after a time (or before "time") and not
# going on as the other language's sentence does: "à 9:00 et 14:00", "10:00 est-ce",
# "9:00 wat is dat".
_WORD_ZONES: Final = frozenset({"et", "est", "ist", "wat", "pt", "ct", "mt"})
# the ones that are words of another language, not English abbreviations
_FOREIGN_ZONE_WORDS: Final = frozenset({"et", "est", "ist", "wat"})
# English words a lower-case zone may go on with ("9am et on weekdays", "10am pt every day")
_AFTER_ZONE_WORDS: Final = frozenset(
    "on every each daily weekly and or to for from until till time standard daylight "
    "please thanks sharp tomorrow today tonight".split()
)
_WORD_AFTER_ZONE: Final = re.compile(r"\s*([a-z]+|\S)?", re.IGNORECASE)


def short_zone_meant(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    """Whether the word at text[start:end] (one of `_WORD_ZONES`) is the zone it spells: in
    capitals ("9am ET"), before "time" ("pt time"), or right after a time and not going on as
    a sentence of another language does ("9am et", "10am pt every day"; not "9:00 et 14:00",
    "10:00 est-ce que", "9:00 wat is dat")."""
    if text[start:end].isupper() or _ZONE_AFTER.match(text, end) is not None:
        return True
    if not tokens or not (
        tokens[-1].kind == lx.TIME
        or (
            tokens[-1].kind == lx.NUM
            and len(tokens) > 1
            and tokens[-2].kind == lx.WORD
            and tokens[-2].value == "at"
        )
    ):
        return False  # "at 9 et": the hour the sentence's "at" says
    if end < len(text) and text[end] in "-'’":
        return False  # "est-ce", "est-il"
    following = _WORD_AFTER_ZONE.match(text, end)
    after = following.group(1) if following else None
    if after is None or not after[0].isalnum():
        return True  # the end, or a mark: "9am et.", "10am pt (1pm et)"
    if after[0].isdigit():
        return False  # "9:00 et 14:00": "and"
    word = text[start:end].lower()
    return word not in _FOREIGN_ZONE_WORDS or after.lower() in _AFTER_ZONE_WORDS


# A country's adjective names its zone only before "time" or "standard" ("10:00 AM Indian
# Standard Time", "9am Nigerian time"), never elsewhere ("cook Indian food at 7pm", "German
# class at 6"): not in the zones' lexicon at all. Countries with one zone only.
_ADJECTIVE_ZONES: Final = {
    "indian": "Asia/Kolkata",
    "nigerian": "Africa/Lagos",
    "japanese": "Asia/Tokyo",
    "korean": "Asia/Seoul",
    "singaporean": "Asia/Singapore",
    "german": "Europe/Berlin",
    "french": "Europe/Paris",
    "italian": "Europe/Rome",
    "dutch": "Europe/Amsterdam",
    "irish": "Europe/Dublin",
    "israeli": "Asia/Jerusalem",
    "kenyan": "Africa/Nairobi",
    "egyptian": "Africa/Cairo",
    "turkish": "Europe/Istanbul",
    "pakistani": "Asia/Karachi",
    "philippine": "Asia/Manila",
    "thai": "Asia/Bangkok",
    "vietnamese": "Asia/Ho_Chi_Minh",
    "polish": "Europe/Warsaw",
    "swedish": "Europe/Stockholm",
    "norwegian": "Europe/Oslo",
    "danish": "Europe/Copenhagen",
    "finnish": "Europe/Helsinki",
    "greek": "Europe/Athens",
    "swiss": "Europe/Zurich",
    "colombian": "America/Bogota",
    "peruvian": "America/Lima",
    # "4PM EU time": the EU's clocks are three, Central European Time the one most of it keeps
    "eu": "Europe/Brussels",
}
# the adjectives whose zone is a reading, asked
_ADJECTIVE_DOUBTS: Final = {
    "eu": "“EU time” read as Central European Time (Brussels); the EU keeps three zones",
}
_ZONE_AFTER: Final = re.compile(r"\s+(?:time|standard|daylight)\b", re.IGNORECASE)


# A text of words alone: letters and apostrophes, spaces, the marks the scan skips and the
# symbols "," and "&" — no digit, "-", "/", "@", "#", "+" or bracket.
_WORDS_ALONE: Final = re.compile(r"[a-z'\s.,&!?;:\"]*")
_WORD_ALONE: Final = re.compile(r"[a-z]+(?:'[a-z]+)*|[,&]")
# words whose token depends on the words around them ("2d", "the cat" or "9am CAT", "German
# class" or "German time", "1 second", "8 o clock"): never read alone
_READ_IN_CONTEXT: Final = (
    frozenset(_SHORT_UNITS)
    | frozenset(_GLUED_UNITS)
    | _NOUN_ZONES
    | _WORD_ZONES
    | frozenset(_ADJECTIVE_ZONES)
    | {"second", "clock"}
)


def word_values(text: str) -> list[tuple[str, str, object]] | None:
    """What `tokenize(text)` makes of a text of words alone, without scanning it: (the word
    in lower case, its token's kind, its token's value) for each token — every one a plain
    word (lx.WORD: a keyword of the lexicon, or a word `_scan` has already found plain) or
    the symbol "," or "&". None when the text holds anything else (a number, a day's name, a
    word not seen yet, another symbol): tokenize it."""
    if not text.isascii():
        return None
    lowered = text.lower()
    if _WORDS_ALONE.fullmatch(lowered) is None:
        return None
    values: list[tuple[str, str, object]] = []
    lexicon = lx.LEXICON
    for word in _WORD_ALONE.findall(lowered):
        if word in _READ_IN_CONTEXT:
            return None
        if word == "," or word == "&":
            values.append((word, lx.SYM, word))
            continue
        entry = lexicon.get(word)
        if entry is None:
            if word not in _PLAIN_WORDS:
                return None
            values.append((word, lx.WORD, word))
        elif entry[0] == lx.WORD:
            values.append((word, lx.WORD, entry[1]))
        else:
            return None
    return values


def _zone_meant(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    return (
        text[start:end].isupper()
        or (bool(tokens) and tokens[-1].kind == lx.TIME)
        or _ZONE_AFTER.match(text, end) is not None
    )


# "pay Jason $23.49", "£12.30 to the window cleaner", "23.49 dollars": an amount of money
# written like a time with a dot (a cent is never a minute)
_CURRENCY_SIGNS: Final = frozenset("$£€¥₹")
_CURRENCY_AFTER: Final = re.compile(
    r"\s?(?:dollars?|bucks|euros?|pounds?|quid|rupees?|usd|eur|gbp|cad|aud|inr)\b", re.IGNORECASE
)


# a house number's street: "604 Ferry St.", "123 Main Street", "1600 Pennsylvania Avenue"
# ("200 C Street", "474 24th street", "1 Embarcadero Center": a letter or an ordinal for the
# name; a number of one or two digits only before a capitalized kind of street)
_STREET: Final = re.compile(
    r"\s+(?:(?:[A-Z][a-z]*|\d{1,3}(?:st|nd|rd|th))\s+){1,3}(?i:st|street|ave|avenue|rd|road|"
    r"blvd|boulevard|ln|lane|dr|drive|way|ct|court|pl|place|pkwy|parkway|hwy|highway|sq|square|"
    r"center|centre|plaza|loop|mall)\b"
)
_NAMED_STREET: Final = re.compile(
    r"\s+(?:[A-Z][a-z]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|"
    r"Drive|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Sq|Square|Center|Centre|Plaza|Loop|"
    r"Mall)\b"
)


# the regions of the world firms and communities name, beside the IANA ones: "America/EMEA",
# "APAC/Europe", "US/Canada"
_MARKETS: Final = frozenset(
    "emea apac amer americas latam anz mena japac nam na eu eur uk us canada asia europe africa "
    "australia america pacific atlantic indian arctic antarctica".split()
)


def _regions_listed(raw: str) -> bool:
    """Whether a region's name with "/" ("America/EMEA") lists regions of the world rather than
    naming an IANA zone: every part is a region, and zoneinfo knows no such zone."""
    parts = raw.lower().split("/")
    if not all(part in _MARKETS for part in parts):
        return False
    try:
        resolve_zone(raw)
    except UnknownZoneError:
        return True
    return False


def _iana(raw: str) -> str:
    """An IANA name as typed ("america/new_york") as zoneinfo spells it ("America/New_York"):
    every rule that reads a zone token may look its clock up. One nobody knows ("Europe/Gondor")
    refuses the text, as an offset nobody keeps does."""
    try:
        return resolve_zone(raw)
    except UnknownZoneError as error:
        raise TokenizeError(str(error)) from None


def _house_number(match: re.Match[str], text: str) -> bool:
    """Whether a number with one letter after it ("34a", "7p") is a house's number: no
    minutes, and a street's name after it ("34a Stoney St", "12a Main Street")."""
    if match.group("m") is not None:
        return False
    end = match.end()
    return (_STREET.match(text, end) or _NAMED_STREET.match(text, end)) is not None


def _money(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is an amount of money ("$23.49", "9.99 euros")."""
    before = text[max(start - 2, 0) : start].rstrip()
    return (bool(before) and before[-1] in _CURRENCY_SIGNS) or (
        "." in text[start:end] and _CURRENCY_AFTER.match(text, end) is not None
    )


_WEEKNIGHTS: Final = frozenset({"weeknight", "weeknights", "week-nights", "wknights"})
_SPOKEN_MINUTES: Final = frozenset({15, 20, 30, 40, 45, 50})


def _one_before(token: Token) -> bool:
    """ "1 second", "a second", "45 second", "30 second timer": an amount before "second"
    makes it the unit ("every 2 second" counts seconds too, as the grammar reads it)."""
    return (token.kind == lx.NUM and not token.spelled) or (
        token.kind == lx.WORD and token.value == "a"
    )


# Words after which a day with "'s" is the plural: "alternate Monday's", "all Friday's"
_PLURAL_BEFORE: Final = frozenset({"alternate", "alternating", "alternative", "all", "other"})


def _word(word: str, start: int, tokens: list[Token]) -> None:
    after_number = len(tokens) > 1 and tokens[-2].kind == lx.NUM
    if word == "clock" and after_number and tokens[-1].value == "o":
        # "8 o clock", "8'O clock": o'clock with its apostrophe lost or moved
        tokens[-1] = Token(lx.WORD, "oclock", tokens[-1].start, start + len(word))
        return
    if word == "second" and tokens and _one_before(tokens[-1]):
        # "1 second", "45 second", "half a second": the unit, not the ordinal of "the second
        # Monday"
        tokens.append(Token(lx.UNIT, "second", start, start + len(word)))
        return
    if word == "date" and tokens and tokens[-1].kind == lx.ORD:
        # "every month first date", "on the first date of each month": the day so counted
        tokens.append(Token(lx.UNIT, "day", start, start + len(word)))
        return
    entry = lx.LEXICON.get(word)
    if entry is not None:
        tokens.append(Token(entry[0], entry[1], start, start + len(word), entry[0] == lx.NUM))
        return
    if (
        word.endswith("'s")
        and tokens
        and tokens[-1].value in _PLURAL_BEFORE
        and lx.LEXICON.get(word[:-2], ("",))[0] == lx.DAY
    ):
        plural = lx.LEXICON.get(word[:-2] + "s")
        if plural is not None and plural[0] == lx.DAYS:
            # "alternate Monday's": the plural, with a stray apostrophe ("Friday's meeting"
            # is one Friday's)
            tokens.append(Token(plural[0], plural[1], start, start + len(word)))
            return
    if word in _WEEKNIGHTS:
        # "runs at 02:00 on weeknights": Monday to Friday to most, Sunday to Thursday (the
        # nights before a work day) to others, and 02:00 is the next morning's: read, and asked
        unsure = f"“{word}” read as Monday to Friday (it may mean Sunday to Thursday nights)"
        tokens.append(Token(lx.DAYSET, (1, 2, 3, 4, 5), start, start + len(word), unsure=unsure))
        return
    if word in AMBIGUOUS_ZONES:
        # settled by the text around it, or read as USUAL_ZONES says, or refused, once the
        # whole text is read ("cst" and "bst" are also lookup_word's: looked at first here)
        tokens.append(Token(lx.ZONE, AmbiguousZone(word), start, start + len(word)))
        return
    zone = lookup_word(word)
    if zone is not None:
        tokens.append(Token(lx.ZONE, zone, start, start + len(word)))
        return
    guess = spelled_like(word) or typed_like(word, bool(tokens) and _counts(tokens[-1]))
    if guess is not None:
        kind, value = lx.LEXICON[guess]
        tokens.append(Token(kind, value, start, start + len(word), guess=guess))
        return
    if word in AMBIGUOUS:
        raise TokenizeError(
            f"{word.upper()!r} is ambiguous: it may mean {AMBIGUOUS[word]}",
            suggestion="name the zone, e.g. Asia/Kolkata",
        )
    if word.startswith(_GLUED_FREQUENCIES) and (glued := _glued_frequency(word)) is not None:
        # "reschedule nightlybuilds to start at 8am", "the dailybackup job": a frequency and
        # the thing it names, written as one word (a branch's or a job's name)
        _word(glued, start, tokens)
        _word(word[len(glued) :], start + len(glued), tokens)
        return
    if "-" in word or "/" in word:
        # "mon-fri", "9-5": split and look the parts up one by one.
        offset, first = start, len(tokens)
        for part in _SEPARATOR.split(word):
            if part in ("-", "/"):
                tokens.append(Token(lx.SYM, part, offset, offset + 1))
            elif (clock := _GLUED_CLOCK.fullmatch(part)) is not None:
                # "10am ET/7am PT": a time after a zone and "/", read as the other branch would
                hour, meridiem = int(clock[1]), clock[2]
                tokens.append(
                    Token(lx.TIME, ClockTime(hour, 0, meridiem, False), offset, offset + len(part))
                )
            elif part in _FOREIGN_ZONE_WORDS and offset == start and word[len(part)] == "-":
                # "est-ce", "est-il": French, no zone ("EST/EDT" is)
                tokens.append(Token(lx.WORD, part, offset, offset + len(part)))
            elif part:
                _word(part, offset, tokens)
            offset += len(part)
        parts = tokens[first:]
        if (said := _spoken_clock(parts)) is not None:
            # "five-thirty", "six-fifteen", "four-oh-five", "eleven-forty-five": a time said
            # aloud, not a range
            tokens[first:] = said
        elif len(parts) == 3 and (number := _compound_number(parts)) is not None:
            # "twenty-one", "thirty-six": one number, not a range from 20 to 1
            tokens[first:] = [Token(lx.NUM, number, start, start + len(word), True)]
        return
    tokens.append(Token(lx.WORD, word, start, start + len(word)))


_GLUED_FREQUENCIES: Final = ("nightly", "daily", "weekly", "monthly", "hourly")
# what a frequency glued to a noun names: a job's or a report's kind
_GLUED_NOUNS: Final = frozenset(
    "build builds backup backups job jobs run runs report reports test tests release releases "
    "digest digests sync syncs update updates deploy deploys deployment task tasks check checks "
    "scan scans reminder reminders meeting meetings export exports import imports "
    "snapshot snapshots".split()
)


def _glued_frequency(word: str) -> str | None:
    """The frequency that opens `word` when the rest is a job's noun ("nightly" in
    "nightlybuilds", "daily" in "dailybackup"), or None."""
    for frequency in _GLUED_FREQUENCIES:
        if word.startswith(frequency) and word[len(frequency) :].lstrip("_") in _GLUED_NOUNS:
            return frequency
    return None


def _spoken_clock(parts: list[Token]) -> list[Token] | None:
    """The tokens of a time said aloud with hyphens ("five-thirty", "four-oh-five",
    "eleven-forty-five") without them, or None: an hour in words, then its minutes in words —
    one of the round ones, or 13 to 59 ("nine-ten", "eleven-twelve" may be ranges)."""
    hour = parts[0]
    if not (hour.kind == lx.NUM and hour.spelled and 1 <= hour.value <= 12):  # type: ignore[operator]
        return None
    if len(parts) == 3:
        minutes = parts[2]
        if (
            minutes.kind == lx.NUM
            and minutes.spelled
            and (minutes.value in _SPOKEN_MINUTES or 13 <= minutes.value <= 59)  # type: ignore[operator]
        ):
            return [hour, minutes]
        return None
    if len(parts) != 5 or parts[1].value != "-" or parts[3].value != "-":
        return None
    middle, ones = parts[2], parts[4]
    if not (ones.kind == lx.NUM and ones.spelled and 1 <= ones.value <= 9):  # type: ignore[operator]
        return None
    if middle.kind == lx.WORD and middle.value == "oh":
        return [hour, middle, ones]  # "four-oh-five": as "four oh five" is read
    if middle.kind == lx.NUM and middle.spelled and middle.value in _TENS:
        value = int(middle.value) + int(ones.value)  # type: ignore[call-overload]
        return [hour, Token(lx.NUM, value, middle.start, ones.end, True)]
    return None


def _compound_number(parts: list[Token]) -> int | None:
    """The number that "twenty" "-" "one" (tokens) write together, or None."""
    tens, dash, ones = parts
    if dash.value != "-" or not (tens.kind == ones.kind == lx.NUM):
        return None
    if not (tens.spelled and ones.spelled):
        return None
    if tens.value not in (20, 30, 40, 50, 60, 70, 80, 90) or ones.value not in range(1, 10):
        return None
    return tens.value + ones.value  # type: ignore[operator]


# Misspellings are matched only against the full names of days and months, only for words
# of five letters or more that share the name's first letter, and only above this score
# (rapidfuzz's ratio, 0-100): "wensday", "thrusday", "septmber" are read, "sundae" is not.
FUZZY_CUTOFF: Final = 84
_FUZZY_NAMES: Final = (
    tuple(name.lower() for name in (*lx.DAY_LABELS, *lx.MONTH_LABELS[1:]))
    + tuple(f"{day.lower()}s" for day in lx.DAY_LABELS)
    # "anually", "annualy", "montly", "weekley": a frequency dropped unread left a one-off
    + ("annually", "monthly", "weekly", "quarterly", "biweekly", "fortnightly", "nightly")
    + ("hourly", "yearly", "daily")
)


# people's and places' names one letter or two from a month's: never read as its misspelling
# ("Send the report to Augusta" ended the schedule on August 1)
_NAMES_LIKE_MONTHS: Final = frozenset({"augusta", "augustus", "augustin", "augustina"})


@lru_cache(maxsize=4096)
def spelled_like(word: str) -> str | None:
    """The day or month name `word` is a misspelling of, or None; never a guess below
    FUZZY_CUTOFF."""
    if len(word) < 5 or not word.isalpha() or word in _NAMES_LIKE_MONTHS:
        return None
    from rapidfuzz import fuzz, process

    candidates = [name for name in _FUZZY_NAMES if name[0] == word[0]]
    if not candidates:
        return None
    found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return None if found is None else str(found[0])


# Slips of the keyboard in the short words of a schedule ("Every dya at 3 am", "Every 2 daus",
# "every 3 weks", "evrey day", "mnoday"), which rapidfuzz's ratio cannot tell from other words
# at their length: two neighbouring letters swapped, one letter left out, or one letter after
# the first replaced by a key next to it on a QWERTY keyboard. Swaps of words of four letters or
# more are read anywhere; anything else only right after "every"/"each"/"per"/"other"/"a" or a
# number ("2 daus"), where a unit or a day is the only thing that can follow.
_TYPED_WORDS: Final = (
    *("day", "days", "week", "weeks", "hour", "hours", "minute", "minutes"),
    *("month", "months", "year", "years", "every", "daily", "weekly", "weekday", "weekdays"),
    "everyday",  # "backup evreyday at 2am"
    *(day.lower() for day in lx.DAY_LABELS),
    *("third", "fourth", "fifth"),  # "the thrid Friday", "every fouth Monday"
)
_KEY_ROWS: Final = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours(letter: str) -> str:
    for row_index, row in enumerate(_KEY_ROWS):
        at = row.find(letter)
        if at >= 0:
            near = row[max(at - 1, 0) : at + 2].replace(letter, "")
            for other in (row_index - 1, row_index + 1):
                if 0 <= other < len(_KEY_ROWS):
                    near += _KEY_ROWS[other][max(at - 1, 0) : at + 2]
            return near
    return ""


def _slips() -> tuple[dict[str, str], dict[str, str]]:
    """(swaps read anywhere, slips read only where a unit or day must follow)."""
    anywhere: dict[str, str] = {}
    placed: dict[str, str] = {}
    for word in _TYPED_WORDS:
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped != word:
                (anywhere if len(word) >= 4 else placed).setdefault(swapped, word)
        if len(word) >= 5:
            for i in range(1, len(word)):
                placed.setdefault(word[:i] + word[i + 1 :], word)
        if len(word) >= 4:
            for i in range(1, len(word)):
                for key in _neighbours(word[i]):
                    placed.setdefault(word[:i] + key + word[i + 1 :], word)
    for table in (anywhere, placed):
        for slip in [slip for slip in table if slip in lx.LEXICON or slip in _REAL_WORDS]:
            del table[slip]
    return anywhere, placed


# words of their own that a slip of a schedule word would spell ("a moth", "the firth", "the
# yeas", "a minuet"): never read as the schedule word
_REAL_WORDS: Final = frozenset(
    {*_TYPED_WORDS, "dally", "daly", "dail", "dags", "daya", "eery", "evert", "ever", "firth"}
    | {"fourty", "hors", "hous", "hout", "minuet", "minuets", "mont", "monty", "moth", "moths"}
    | {"sunda", "monda", "weel", "wees", "werk", "yeas", "yeat", "thir", "tird", "wesk"}
)


_SLIPS_ANYWHERE, _SLIPS_PLACED = _slips()
_COUNTING_WORDS: Final = frozenset({"every", "a", "other", "the"})


def _counts(token: Token) -> bool:
    """Whether a unit, a day or an ordinal is all that can follow this token ("every", "2",
    "the": "Monthly on the forth Monday")."""
    return token.kind == lx.NUM or (token.kind == lx.WORD and token.value in _COUNTING_WORDS)


def typed_like(word: str, after_count: bool) -> str | None:
    """The schedule word `word` is a slip of the keyboard for (see _TYPED_WORDS), or None."""
    found = _SLIPS_ANYWHERE.get(word)
    if found is None and after_count:
        found = _SLIPS_PLACED.get(word)
    return found


def _instant(text: str) -> datetime:
    text = text.upper()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise TokenizeError(f"{text} is not a valid timestamp") from None
