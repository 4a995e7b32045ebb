"""The middle stages: recurrent for repeating phrases, dateparser for one-time dates.

Both are generous: recurrent ignores words it does not know (and answers for most
phrases that should be refused), dateparser reads "at 5" as May and happily returns
dates in the past. So neither answer counts until it is checked: every word of the
phrase must be one we know, every day, month, time and number in the text must show
up in the answer, "starting …"/"until …" must have been understood, and the result
must lie in the future. An answer that fails a check is not a refusal — the phrase
goes on to the LLM stage — except where the answer is certainly unschedulable
(exceptions such as "except in July", a date in the past).

Both libraries are slow to import, so they are imported inside the stages.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any, Final
from zoneinfo import ZoneInfo

from . import lexicon as lx
from .build import build
from .grammar import extract_zone
from .phrase import NotUnderstood, Phrase, Rejected, TimeMention
from .result import ParseResult
from .tokens import ClockTime, Token, TokenizeError, tokenize
from .wallclock import cron_weekday, iso_z, to_instant

RECURRENT_CONFIDENCE_DROP: Final = 0.25  # a grammar answer of 0.95 becomes 0.7 here
DATEPARSER_CONFIDENCE: Final = 0.7
DEFAULT_TIME_CONFIDENCE: Final = 0.55

# Words recurrent understands that the grammar has no clause for.
_RECURRENT_WORDS: Final = frozenset(
    {"except", "excluding", "beginning", "begin", "begins", "starts", "for", "ending", "ends"}
)
_START_WORDS: Final = frozenset({"from", "beginning", "begin", "begins", "starts"})
_END_WORDS: Final = frozenset({"to", "for", "ending", "ends"})
_RECURRING_WORDS: Final = frozenset(
    {"every", "daily", "hourly", "weekly", "monthly", "yearly", "quarterly", "nightly"}
    | {"fortnightly", "biweekly"}
)
_DAY_WORDS: Final = frozenset({"today", "tonight", "tomorrow", "next", "this", "now", "ago"})
_NEEDS_HOUR: Final = {
    "noon": frozenset({12}),
    "midnight": frozenset({0}),
    "morning": frozenset(range(4, 12)),
    "afternoon": frozenset(range(12, 18)),
    "evening": frozenset(range(16, 23)),
    "night": frozenset(range(24)) - frozenset(range(5, 18)),
}
_FREQUENCIES: Final = {
    "MINUTELY": "minute",
    "HOURLY": "hour",
    "DAILY": "day",
    "WEEKLY": "week",
    "MONTHLY": "month",
    "YEARLY": "year",
}
_RRULE_DAYS: Final = {"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}
_BYDAY: Final = re.compile(r"^([+-]?\d)?(SU|MO|TU|WE|TH|FR|SA)$")
_SUPPORTED: Final = frozenset(
    {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYHOUR", "BYMINUTE", "UNTIL"}
)


class _Text:
    """The phrase tokenized once, with its zone cut out, shared by both stages."""

    def __init__(self, text: str, zone_name: str) -> None:
        self.tokens = tokenize(text)
        zone, spans = extract_zone(self.tokens)
        self.zone_name = zone or zone_name
        self.zone = ZoneInfo(self.zone_name)
        self.cut = _cut(text, spans)
        inside = [(start, end) for start, end in spans]
        self.words = [t for t in self.tokens if not any(s <= t.start < e for s, e in inside)]

    def all_words_known(self, extra: frozenset[str] = frozenset()) -> bool:
        return all(
            t.kind != lx.WORD or t.value in lx.KEYWORDS or t.value in extra for t in self.words
        )

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
    try:
        return _Text(text, zone_name)
    except (TokenizeError, Rejected) as error:
        return ParseResult.rejected(error.reason, suggestion=error.suggestion)


# -- recurrent --------------------------------------------------------------------------


def recurrent_stage(text: str, zone_name: str, now: datetime) -> ParseResult | None:
    """Repeating phrases the grammar has no clause for: "starting …", "until …"."""
    prepared = _prepare(text, zone_name)
    if not isinstance(prepared, _Text):
        return prepared
    words = prepared
    if not words.is_recurring() or not words.all_words_known(_RECURRENT_WORDS):
        return None
    if words.has_ambiguous_hour():
        return None
    from recurrent.event_parser import RecurringEvent

    local_now = now.astimezone(words.zone).replace(tzinfo=None)
    try:
        answer = RecurringEvent(now_date=local_now).parse(words.cut)
    except Exception:  # recurrent 0.4.1 raises TypeError on some "from … to …" phrases
        return None
    if not isinstance(answer, str):
        return None
    rule = _read_rrule(answer)
    if "EXDATE" in rule or "EXRULE" in rule:
        return ParseResult.rejected(
            "a schedule cannot leave out dates (“except …”)",
            suggestion="schedule without the exception and add it as the job's exclusions",
            parse_method="recurrent",
        )
    phrase = _phrase_from_rule(rule)
    if phrase is None or not _accounted_for(words, rule):
        return None
    try:
        built = build(phrase, zone_name=words.zone_name, now=now)
    except (Rejected, NotUnderstood):
        return None
    schedule = dict(built.schedule)
    if not _add_bounds(schedule, rule, words.zone, now):
        return None
    confidence = round(built.confidence - RECURRENT_CONFIDENCE_DROP, 2)
    return ParseResult(schedule, None, confidence, "recurrent", notes=built.notes)


def _read_rrule(answer: str) -> dict[str, str]:
    rule: dict[str, str] = {}
    for line in answer.splitlines():
        name, _, value = line.partition(":")
        if name == "RRULE":
            for part in value.split(";"):
                key, _, item = part.partition("=")
                rule[key] = item
        else:
            rule[name] = value
    return rule


def _phrase_from_rule(rule: dict[str, str]) -> Phrase | None:
    unit = _FREQUENCIES.get(rule.get("FREQ", ""))
    if unit is None or not set(rule) <= _SUPPORTED | {"DTSTART"}:
        return None
    # recurrent leaves out the day it did not read ("every week day"): a weekly, monthly or
    # yearly rule without one would be anchored on today by the grammar, a guess
    if unit in ("week", "month", "year") and not (
        {"BYDAY", "BYMONTHDAY"} & rule.keys() or (unit == "year" and "BYMONTH" in rule)
    ):
        return None
    phrase = Phrase(every=True, interval=(int(rule.get("INTERVAL", "1")), unit))
    for item in _items(rule, "BYDAY"):
        match = _BYDAY.match(item)
        if match is None:
            return None
        day = _RRULE_DAYS[match.group(2)]
        if match.group(1):
            phrase.nth.append((int(match.group(1)), day))
        else:
            phrase.weekdays.append(day)
    monthdays = [int(d) for d in _items(rule, "BYMONTHDAY")]
    if any(d < -1 or d == 0 for d in monthdays):
        return None
    months = [int(m) for m in _items(rule, "BYMONTH")]
    if unit == "year" and monthdays and months:
        phrase.dates = [(None, m, d) for m in months for d in monthdays]
    else:
        phrase.monthdays = monthdays
        phrase.months = months
    phrase.of_month = unit == "month"
    hours = [int(h) for h in _items(rule, "BYHOUR")]
    minutes = [int(m) for m in _items(rule, "BYMINUTE")] or [0]
    phrase.times = [TimeMention(ClockTime(h, m, None, True), 0, 0) for h in hours for m in minutes]
    return phrase


def _items(rule: dict[str, str], key: str) -> list[str]:
    value = rule.get(key)
    return value.split(",") if value else []


def _accounted_for(words: _Text, rule: dict[str, str]) -> bool:
    """Whether each day, month, time and number in the text shows up in the rule."""
    days = {_RRULE_DAYS[item[-2:]] for item in _items(rule, "BYDAY")}
    months = {int(m) for m in _items(rule, "BYMONTH")}
    hours = {int(h) for h in _items(rule, "BYHOUR")}
    minutes = {int(m) for m in _items(rule, "BYMINUTE")} or {0}
    numbers = {int(rule.get("INTERVAL", "1"))} | hours
    numbers |= {abs(int(d)) for d in _items(rule, "BYMONTHDAY")}
    numbers |= {abs(int(item[:-2])) for item in _items(rule, "BYDAY") if item[:-2]}
    bound: str | None = None  # the rule's DTSTART or UNTIL, while reading its words
    for token in words.words:
        kind, value = token.kind, token.value
        if kind == lx.WORD and (value in _START_WORDS or value in _END_WORDS):
            key = "DTSTART" if value in _START_WORDS else "UNTIL"
            if key not in rule:
                return False  # recurrent dropped "starting …" or "until …"
            bound = rule[key]
            continue
        if kind == lx.WORD and value in ("at", "every"):
            bound = None
        if bound is not None:
            if kind == lx.TIME:
                return False  # "starting 9am": recurrent keeps the day, drops the time
            if kind == lx.DAY and cron_weekday(_rrule_date(bound)) != value:
                return False  # "ending Friday" read as some other day
            continue
        if kind == lx.WORD and (value == "daylight" or value in lx.SEASONS):
            return False  # "in summer" is ignored by recurrent
        if kind in (lx.DAY, lx.DAYS) and value not in days:
            return False
        if kind == lx.DAYSET and not set(value) <= days:  # type: ignore[call-overload]
            return False
        if kind == lx.MONTH and value not in months:
            return False
        if kind == lx.TIME:
            clock: ClockTime = value  # type: ignore[assignment]
            hour = clock.hour
            if clock.meridiem is not None:
                hour = hour % 12 + (12 if clock.meridiem == "pm" else 0)
            if hour not in hours or clock.minute not in minutes:
                return False  # the hour, or the minutes past it, did not survive
        if kind in (lx.NUM, lx.ORD) and isinstance(value, int) and value not in numbers:
            return False
        if kind == lx.NUM and not isinstance(value, int):
            return False  # "9.30", "1.5": recurrent reads decimals its own way
        if kind == lx.UNIT and value in ("minute", "hour"):
            if rule.get("FREQ") not in ("MINUTELY", "HOURLY"):
                return False  # "every hour during the day" read as daily
        if kind == lx.WORD and value == "other" and rule.get("INTERVAL") != "2":
            return False  # "alternate Fridays" read as every Friday
        if kind == lx.WORD and value in _NEEDS_HOUR and not _NEEDS_HOUR[value] & hours:
            return False  # recurrent dropped "noon", "in the evening", ...
        if (kind == lx.WORD and value in ("half", "past")) or (
            kind == lx.UNIT and value == "quarter"
        ):
            return False  # minutes past the hour do not survive recurrent
    return True


def _add_bounds(
    schedule: dict[str, Any], rule: dict[str, str], zone: ZoneInfo, now: datetime
) -> bool:
    """DTSTART and UNTIL become start_at/end_at (local midnight / end of day)."""
    start = rule.get("DTSTART")
    if start:
        first = to_instant(_rrule_date(start), time(0), zone)
        if schedule["type"] == "every":
            anchor = datetime.fromisoformat(schedule["start_at"].replace("Z", "+00:00"))
            if anchor < first:
                at = (
                    anchor.astimezone(zone).time() if schedule["interval"] % 86400 == 0 else time(0)
                )
                schedule["start_at"] = iso_z(to_instant(first.astimezone(zone).date(), at, zone))
        else:
            schedule["start_at"] = iso_z(first)
    until = rule.get("UNTIL")
    if until:
        end = to_instant(_rrule_date(until) + timedelta(days=1), time(0), zone) - timedelta(
            seconds=1
        )
        if end <= now:
            return False
        schedule["end_at"] = iso_z(end)
    return True


def _rrule_date(value: str) -> date:
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


# -- dateparser -------------------------------------------------------------------------


def dateparser_stage(text: str, zone_name: str, now: datetime) -> ParseResult | None:
    """One-time dates and times the grammar has no clause for."""
    prepared = _prepare(text, zone_name)
    if not isinstance(prepared, _Text):
        return prepared
    words = prepared
    if words.is_recurring() or not words.all_words_known():
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
    if not words.has_time() and local.time() == time(0):
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
