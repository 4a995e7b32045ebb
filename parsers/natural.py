"""The middle stage: dateparser, for one-time dates the grammar has no clause for
("15.12.2026 10:00", "the 15th of next month at noon").

dateparser is generous: it reads "at 5" as May and happily returns dates in the past. So its
answer does not count until it is checked: every word of the phrase must be one we know,
every number in the text must show up in the answer, and the result must lie in the future.
An answer that fails a check is not a refusal: the phrase goes on to the LLM stage.

Its cost grows with the length of the text (about 50 ms for 500 characters of dates), so it
only ever sees a short text: at most FALLBACK_MAX_CHARS characters and FALLBACK_MAX_WORDS
tokens, which bounds it to a few milliseconds whatever the words. (recurrent, once a stage
here too, is not used: its regular expressions and parsedatetime take seconds, and on some
70-character phrases do not return, so no cap bounds it.)

dateparser is slow to import, so it is imported inside the stage.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from itertools import pairwise
from typing import Final
from zoneinfo import ZoneInfo

from . import lexicon as lx
from .grammar import extract_zone
from .phrase import Rejected
from .result import ParseResult
from .tokens import Token, TokenizeError, tokenize
from .wallclock import iso_z, to_instant

DATEPARSER_CONFIDENCE: Final = 0.7
DEFAULT_TIME_CONFIDENCE: Final = 0.55

_RECURRING_WORDS: Final = frozenset(
    {"every", "daily", "hourly", "weekly", "monthly", "yearly", "quarterly", "nightly"}
    | {"fortnightly", "biweekly", "triweekly", "semiannually", "biannually", "bimonthly"}
)
# what joins the parts of one amount of time: "3 days and 4 hours", "1 hour, 30 minutes"
_AMOUNT_JOINS: Final = frozenset({"and", ","})
_DAY_WORDS: Final = frozenset({"today", "tonight", "tomorrow", "next", "this", "now", "ago"})
_DAY_KINDS: Final = frozenset({lx.ORD, lx.MONTH, lx.DAY, lx.DATE, lx.SLASHDATE})
# The most dateparser is given: enough for any date people type (the longest such phrase in
# the corpora is 37 characters), and few enough that its cost stays in the milliseconds.
FALLBACK_MAX_CHARS: Final = 60
FALLBACK_MAX_WORDS: Final = 12


class _Text:
    """The phrase tokenized once, with its zone cut out."""

    def __init__(self, text: str, zone_name: str) -> None:
        self.tokens = tokenize(text)
        zone, spans = extract_zone(self.tokens)
        self.zone_name = zone or zone_name
        self.zone = ZoneInfo(self.zone_name)
        self.cut = _cut(text, spans)
        inside = [(start, end) for start, end in spans]
        self.words = [t for t in self.tokens if not any(s <= t.start < e for s, e in inside)]

    def all_words_known(self) -> bool:
        return all(t.kind != lx.WORD or t.value in lx.KEYWORDS for t in self.words)

    def short(self) -> bool:
        """Short enough to hand to dateparser: its cost grows with the length."""
        return len(self.cut) <= FALLBACK_MAX_CHARS and len(self.words) <= FALLBACK_MAX_WORDS

    def is_recurring(self) -> bool:
        return any(
            t.kind in (lx.DAYS, lx.DAYSET) or (t.kind == lx.WORD and t.value in _RECURRING_WORDS)
            for t in self.words
        )

    def has_ambiguous_hour(self) -> bool:
        """A bare hour from 1 to 7 after "at" with nothing to say AM or PM."""
        settled = any(
            (t.kind == lx.TIME and (t.value.meridiem or t.value.is_24h))  # type: ignore[attr-defined]
            or (t.kind == lx.WORD and t.value in ("morning", "afternoon", "evening", "night"))
            for t in self.words
        )
        return not settled and any(hour in range(1, 8) for hour in self.bare_hours())

    def bare_hours(self) -> list[int]:
        words = self.words
        return [
            int(t.value)  # type: ignore[call-overload]
            for prev, t in pairwise(words)
            if prev.kind == lx.WORD
            and prev.value == "at"
            and t.kind == lx.NUM
            and isinstance(t.value, int)
            and t.value <= 12
        ]

    def has_time(self) -> bool:
        return bool(self.bare_hours()) or any(
            t.kind == lx.TIME or (t.kind == lx.WORD and t.value in ("noon", "midnight"))
            for t in self.words
        )


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def _prepare(text: str, zone_name: str) -> _Text | ParseResult | None:
    if len(text) > 2 * FALLBACK_MAX_CHARS:
        return None  # cutting a zone's name out would not make it short enough
    try:
        return _Text(text, zone_name)
    except (TokenizeError, Rejected) as error:
        return ParseResult.rejected(error.reason, suggestion=error.suggestion)


# -- dateparser -------------------------------------------------------------------------


def dateparser_stage(text: str, zone_name: str, now: datetime) -> ParseResult | None:
    """One-time dates and times the grammar has no clause for."""
    prepared = _prepare(text, zone_name)
    if not isinstance(prepared, _Text):
        return prepared
    words = prepared
    if any(t.kind == lx.UNIT for t in words.words) and all(
        t.kind in (lx.NUM, lx.UNIT) or t.value in _AMOUNT_JOINS for t in words.words
    ):
        # "10 minutes", "2h", "3 days and 4 hours": an amount with nothing to say from when,
        # or how often
        amount = " ".join(text.split())
        return ParseResult.rejected(
            f"“{amount}” is an amount of time, not when to run",
            suggestion=f"in {amount}, or every {amount}",
        )
    if not words.short() or words.is_recurring() or not words.all_words_known():
        return None
    if words.has_ambiguous_hour() or not _mentions_a_when(words.words):
        return None
    from dateparser.date import DateDataParser

    local_now = now.astimezone(words.zone).replace(tzinfo=None)
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": local_now,
        "TIMEZONE": words.zone_name,
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RETURN_TIME_AS_PERIOD": True,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(words.cut)
    except Exception:  # a library failure is "not understood", not a crash of ours
        return None
    found = data.date_obj
    if found is None or data.period in ("month", "year"):
        return None
    if data.period == "week" and not _counts_weeks(words.words):
        return None  # "next week": no day
    instant = found.astimezone(UTC)
    notes: tuple[str, ...] = ()
    confidence = DATEPARSER_CONFIDENCE
    local = instant.astimezone(words.zone)
    # a day named without a time ("the 15th of next month") runs at 9am, not at the time it
    # is now (dateparser keeps that); an amount ("in 3 days") keeps it
    if not words.has_time() and (local.time() == time(0) or _names_a_day(words.words)):
        instant = to_instant(local.date(), time(9), words.zone)
        notes = ("no time given; assumed 9:00 AM",)
        confidence = DEFAULT_TIME_CONFIDENCE
    # dateparser sometimes drops words ("10 days from today" came back as today, "a week
    # from today" as a week ago): such answers are not confident, not refusals.
    if instant <= now or not _numbers_accounted_for(words.words, instant, now, words.zone):
        return None
    schedule = {"type": "at", "datetime": iso_z(instant), "timezone": words.zone_name}
    return ParseResult(schedule, None, confidence, "dateparser", notes=notes)


def _numbers_accounted_for(
    tokens: list[Token], instant: datetime, now: datetime, zone: ZoneInfo
) -> bool:
    """Each number in the text is a part of the answer or of its distance from now."""
    local = instant.astimezone(zone)
    delta = instant - now
    seen = {local.year, local.month, local.day, local.hour % 12 or 12, local.hour, local.minute}
    seen |= {round(delta.total_seconds() / size) for size in (60, 3600, 86400, 604800)}
    seen |= {(local.date() - now.astimezone(zone).date()).days}
    return all(
        t.value in seen for t in tokens if t.kind in (lx.NUM, lx.ORD) and isinstance(t.value, int)
    )


def _names_a_day(tokens: list[Token]) -> bool:
    return any(t.kind in _DAY_KINDS for t in tokens)


def _mentions_a_when(tokens: list[Token]) -> bool:
    return any(
        t.kind not in (lx.WORD, lx.SYM) or (t.kind == lx.WORD and t.value in _DAY_WORDS)
        for t in tokens
    )


def _counts_weeks(tokens: list[Token]) -> bool:
    return any(
        (
            t.kind == lx.UNIT
            and t.value in ("week", "fortnight")
            and i
            and tokens[i - 1].kind == lx.NUM
        )
        or (t.kind == lx.UNIT and t.value == "fortnight")
        or (
            t.kind == lx.UNIT and i and tokens[i - 1].kind == lx.WORD and tokens[i - 1].value == "a"
        )
        for i, t in enumerate(tokens)
    )
