"""A time given in one zone and then converted into others, and abbreviations settled by it.

Meeting pages and job comments name one time in several zones: "16:00 UTC (17:00 CET)",
"6PM PT/ 9PM ET", "Tuesdays 10pm UTC (3pm PDT, 6pm EDT, 11pm BST)", "18:10 UTC (= 23:40
IST)". The first zone is the schedule's; the others only say the same instant on other
clocks. When every later time is the first one converted (in winter or in summer: people
write "PST" in July), the later times and zones are folded into the first zone's token.
When one of them is not, nothing is folded and the grammar refuses the two zones as before.

The same check settles an abbreviation that names several zones: "IST" beside "18:10 UTC
(= 23:40 IST)" can only be India's, and so can "India time (IST)" or "IST (India)". An
abbreviation nothing settles is refused, as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TYPE_CHECKING, Final

from . import lexicon as lx
from .restated import (
    AS_WRITTEN,
    SEASON_DAYS,
    SUMMER,
    WINTER,
    WRITTEN_OFFSETS,
    Agreement,
    Said,
    agreeing,
    agreement,
    written_offset,
)
from .zones import AMBIGUOUS_ZONES, friendly_name, keeps_offset, lookup_place, zone_info

if TYPE_CHECKING:
    from .tokens import ClockTime, Token


@dataclass(frozen=True, slots=True)
class AmbiguousZone:
    """The value of a ZONE token for an abbreviation that names several zones ("IST")."""

    word: str

    @property
    def candidates(self) -> tuple[str, ...]:
        return AMBIGUOUS_ZONES[self.word]


_SEASONS: Final = frozenset({WINTER, SUMMER})
# Tokens that may stand between a time and its conversion: "16:00 UTC, 17:00 CET", "3pm EST
# or 12pm PST" (brackets, "/" and "=" are not tokens)
# and words that only say a conversion holds as a rule ("11am CDT (usually 18:00 CET)")
_JOINERS: Final = frozenset(
    {
        ",",
        "or",
        "and",
        "-",
        "i",
        "e",
        "ie",
        "aka",
        "usually",
        "normally",
        "typically",
        "which",
        "is",
        "that",
        "means",
    }
)
# Words between a time and the zone that names it: "8:30 PM India time (IST)"
_ZONE_WORDS: Final = frozenset({"time", "standard", "daylight"})
# A time named after its digits: "12:00:00 noon EDT"
_NAMED_HOURS: Final = frozenset({"noon", "midnight"})


def candidates(value: object) -> tuple[str, ...]:
    return value.candidates if isinstance(value, AmbiguousZone) else (str(value),)


def same_instant(
    first: tuple[int, int], zone: str, other: tuple[int, int], other_zone: str
) -> bool:
    """Whether `first` on `zone`'s clock is `other` on `other_zone`'s for sure (the day may
    differ: "10:00 AM IST (9:30 PM PST previous day)"): `restated.agreement`."""
    return agreement(Said.at(*first, zone), Said.at(*other, other_zone)) is Agreement.SURE


def seasons_agreeing(
    first: tuple[int, int], zone: str, other: tuple[int, int], other_zone: str
) -> frozenset[int]:
    """The seasons (`restated.WINTER`, `restated.SUMMER`) in which `first` on `zone`'s clock is
    `other` on `other_zone`'s: "8:01 pm EST, 1:01 am UTC" holds in winter only."""
    return agreeing(Said.at(*first, zone), Said.at(*other, other_zone)) & _SEASONS


def _season_in_common(tokens: list[Token], first: _Clock, zone: str, later: list[_Clock]) -> bool:
    """Whether one season holds every later time as `first` on `zone`'s clock converted."""
    common = _SEASONS
    for clock in later:
        common &= frozenset().union(
            *(
                seasons_agreeing(first.at, zone, clock.at, other)
                for other in candidates(tokens[clock.zone].value)
            )
        )
    return bool(common)


def _explicit(clock: object) -> bool:
    """Whether a time says which half of the day it is: "3pm", "14:00", "02:30"."""
    return bool(getattr(clock, "meridiem", None) or getattr(clock, "is_24h", False))


@dataclass(slots=True)
class _Clock:
    """A time and the zone token that names it: `first` is the index where the time (or its
    range) starts, `zone` the zone token's index."""

    first: int
    zone: int
    at: tuple[int, int]


def _clock_before(tokens: list[Token], zone: int) -> _Clock | None:
    """The time a zone token names: "17:00 CET", "9PM ET", "8:30 PM - 9:00 PM India time
    (IST)" (a range: its start)."""
    k = zone - 1
    if k >= 0 and tokens[k].kind == lx.WORD and tokens[k].value in _NAMED_HOURS:
        if k == 0 or tokens[k - 1].kind != lx.TIME:
            # "(noon Eastern)": the named hour, restated on the zone's clock
            return _Clock(k, zone, (12 if tokens[k].value == "noon" else 0, 0))
    skipped = 0
    while k >= 0 and tokens[k].kind == lx.WORD and skipped < 3:
        word = str(tokens[k].value)
        if word in _NAMED_HOURS and k > 0 and tokens[k - 1].kind == lx.TIME:
            k -= 1  # "12:00:00 noon EDT": the time, named again
            break
        if word not in _ZONE_WORDS and lookup_place(word) is None:
            return None
        k -= 1
        skipped += 1
    if k >= 0 and tokens[k].kind == lx.NUM and k + 1 == zone:
        hour = tokens[k].value
        if not tokens[k].spelled and isinstance(hour, int) and 0 <= hour <= 23:
            return _Clock(k, zone, (hour, 0))  # "(12 UTC)": an hour on the 24-hour clock
        return None
    if k < 0 or tokens[k].kind != lx.TIME:
        return None
    end = tokens[k].value
    if k >= 2 and tokens[k - 1].kind == lx.SYM and tokens[k - 1].value == "-":
        if tokens[k - 2].kind == lx.TIME:
            k -= 2  # a range: the meeting starts at its first time
    clock: ClockTime = tokens[k].value  # type: ignore[assignment]
    hour = clock.hour_24()
    meridiem = getattr(end, "meridiem", None)
    if clock.meridiem is None and meridiem is not None and clock.hour < end.hour < 12:  # type: ignore[attr-defined]
        hour = clock.hour + (12 if meridiem == "pm" else 0)  # "9:00-10:00 PM": 9 PM
    if hour is None or not clock.on_the_clock():
        return None  # "31:61 JST": no time of day (kept as written by the tokenizer)
    return _Clock(k, zone, (hour, clock.minute))


def _settle_by_place(tokens: list[Token], index: int) -> int | None:
    """ "India time (IST)", "IST (India)": the index of a place or zone beside the
    abbreviation that is one of the zones it may name."""
    choices = candidates(tokens[index].value)
    for k in range(max(0, index - 3), min(len(tokens), index + 4)):
        if k == index:
            continue
        token = tokens[k]
        named = None
        if token.kind == lx.ZONE and not isinstance(token.value, AmbiguousZone):
            named = str(token.value)
        elif token.kind == lx.WORD:
            named = lookup_place(str(token.value))
        if named in choices:
            return k
    return None


def _places_as_zones(tokens: list[Token]) -> list[Token]:
    """ "5am Seattle time (12 UTC)": a place's time right after a time of day, as the zone
    token it stands for (the grammar reads "<zone> time" as it reads "<place> time")."""
    out = tokens
    zoned = False  # a zone said before: a place after a later time may restate it
    k = 1
    while k < len(out):
        zoned = zoned or out[k - 1].kind == lx.ZONE
        if out[k - 1].kind != lx.TIME or out[k].kind != lx.WORD:
            k += 1
            continue
        if zoned and out[k].value == "in" and k + 1 < len(out) and out[k + 1].kind == lx.WORD:
            # "9am PT, which is 6pm in Berlin": the place's clock (kept only if it agrees)
            zone = lookup_place(str(out[k + 1].value))
            if zone is not None:
                place = replace(out[k + 1], kind=lx.ZONE, value=zone, start=out[k].start)
                out = [*out[:k], place, *out[k + 2 :]]
                k += 1
                continue
        for size in (1, 2, 3):
            end = k + size
            if end > len(out) or any(t.kind != lx.WORD for t in out[k:end]):
                break
            said_time = end < len(out) and out[end].kind == lx.WORD and out[end].value == "time"
            if not said_time and not (zoned and size == 1):
                continue
            zone = lookup_place(" ".join(str(t.value) for t in out[k:end]))
            if zone is not None:
                place = replace(out[k], kind=lx.ZONE, value=zone, end=out[end - 1].end)
                out = [*out[:k], place, *out[end:]]
                break
        k += 1
    return out


def settle(tokens: list[Token], text: str = "") -> list[Token]:
    """The tokens with conversions folded into the first zone's token and ambiguous
    abbreviations settled where the text settles them (see the module's docstring).
    Ambiguous ones nothing settles are left as they are (the tokenizer refuses them)."""
    for k, token in enumerate(tokens):
        if token.kind == lx.ZONE and isinstance(token.value, AmbiguousZone):
            place = _settle_by_place(tokens, k)
            if place is None:
                continue
            named = tokens[place]
            token.value = named.value if named.kind == lx.ZONE else lookup_place(str(named.value))
            if place == k + 1 and named.kind == lx.WORD:
                token.end = named.end  # "IST (India)": the place only says which IST
                del tokens[place]
    if "(" in text:
        tokens = named_by_place(tokens, text)
    original, tokens = tokens, _places_as_zones(tokens)
    zones = [k for k, token in enumerate(tokens) if token.kind == lx.ZONE]
    clocks = [clock for k in zones if (clock := _clock_before(tokens, k)) is not None]
    if len(clocks) < 2:
        return original
    first, later = clocks[0], []
    previous_end = _conversion_end(tokens, first.zone)  # "16:00 CET/CEST (10:00 EST/EDT)"
    drops: list[tuple[int, int]] = []  # the spans each conversion takes up, to fold
    for clock in clocks[1:]:
        gap = tokens[previous_end + 1 : clock.first]
        named = tokens[previous_end].value
        start = previous_end + 1
        if not later and gap and _converts_list(tokens, first, clock, gap):
            # "01:17 and 13:17 UTC (09:17 / 21:17 SGT)": times listed, converted as a list
            end = _conversion_end(tokens, clock.zone)
            later.append(clock)
            drops.append((start, end))
            previous_end = end
            continue
        if any(
            token.value not in _JOINERS
            and token.value not in _ZONE_WORDS
            and not (token.kind == lx.ZONE and token.value == named)  # "India time (IST)"
            for token in gap
        ):
            # "15:00 UTC every Thursday (i.e. 11:00 am EDT)", "15:45 UTC every weekday, which
            # is 9:15 PM IST": a conversion after the days, marked as one; the days are kept
            start = _marked_apart(tokens, text, previous_end, clock)
            if start is None:
                break
        end = _conversion_end(tokens, clock.zone)
        if start != previous_end + 1 and _days_follow(tokens, end + 1):
            # "2:00 AM UTC on Wednesdays, which is 9:00 PM EST on Tuesdays": the day there; "9:00
            # UTC on Mondays (10:00 CET on Fridays)": another day, not a conversion
            own = _own_day(tokens, first, clock, tokens[previous_end + 1 : start], end + 1)
            if own is None:
                break
            end = own
        later.append(clock)
        drops.append((start, end))
        previous_end = end
    if not later:
        return original
    if all(candidates(tokens[c.zone].value) == candidates(tokens[first.zone].value) for c in later):
        return original  # "CET/CEST": one zone, said twice
    first_word = _word_of(tokens[first.zone], text)
    held = lambda zone, c, other: _held(first, zone, first_word, c, other, tokens, text)  # noqa: E731
    sure = lambda zone, c, other: agreement(*held(zone, c, other)) is Agreement.SURE  # noqa: E731
    choices = [
        zone
        for zone in candidates(tokens[first.zone].value)
        if all(
            any(sure(zone, c, other) for other in candidates(tokens[c.zone].value)) for c in later
        )
    ]
    agree: Callable[..., object] = sure
    unsure = None
    if not choices:
        # "8:01 pm EST, 1:01 am UTC", "5am Seattle time (12 UTC)": every later time is the
        # first one converted in one season (the one the text was written in), the first
        # clock's zone changes with DST and the later's does not; "9:00AM PDT / 5:00PM CET":
        # as the abbreviations are written. The first zone is the one the writer lives by:
        # read in it, and asked.
        written = lambda zone, c, other: AS_WRITTEN in agreeing(*held(zone, c, other))  # noqa: E731
        choices = [
            zone
            for zone in candidates(tokens[first.zone].value)
            if _season_in_common(tokens, first, zone, later)
            or all(
                any(written(zone, c, other) for other in candidates(tokens[c.zone].value))
                for c in later
            )
        ]
        agree = lambda zone, c, other: (  # noqa: E731
            bool(seasons_agreeing(first.at, zone, c.at, other)) or written(zone, c, other)
        )
        if len(choices) == 1:
            said = f"{first.at[0]:02d}:{first.at[1]:02d} {friendly_name(choices[0])}"
            unsure = f"the time in the other zones is {said} only part of the year: read as {said}"
    if len(choices) != 1:
        return original  # not conversions: the grammar refuses the two zones
    zone = choices[0]
    for clock in later:
        named = candidates(tokens[clock.zone].value)
        if isinstance(tokens[clock.zone].value, AmbiguousZone):
            settled = [other for other in named if agree(zone, clock, other)]
            if len(settled) != 1:
                return original
    start = tokens[first.first]
    if (
        not _explicit(start.value)
        and getattr(start.value, "hour", None) == first.at[0]
        and any(_explicit(tokens[c.first].value) for c in later)
    ):
        # "8:00 IST (02:30 UTC)": the conversion says which 8:00 — the morning's ("9:00-10:00
        # PM IST / …" is the evening's, by its range)
        start.value = replace(start.value, is_24h=True)  # type: ignore[type-var]
    kept = tokens[first.zone]
    kept.value = zone
    if unsure is not None:
        kept.unsure = unsure
    dropped = {k for low, high in drops for k in range(low, high + 1)}
    spans: list[list[int]] = []  # runs of conversions one after another
    for low, high in drops:
        if spans and low == spans[-1][1] + 1:
            spans[-1][1] = high
        else:
            spans.append([low, high])
    for low, high in spans:
        # the zone's token, or the word before conversions said after the days ("… every
        # Thursday (i.e. 11:00 am EDT)"), covers them
        tokens[low - 1] = replace(tokens[low - 1], end=tokens[high].end)
    return [token for k, token in enumerate(tokens) if k not in dropped]


# Words that mark a time as the one before it converted: "which is", "i.e.", "aka", "="
_MARKS: Final = frozenset({"which", "ie", "i", "e", "aka", "that", "means"})
_DAY_SHIFTS: Final = frozenset({"next", "following"})  # "previous day" stays a doubt


def _marked_apart(tokens: list[Token], text: str, previous: int, clock: _Clock) -> int | None:
    """Where a conversion said after other words starts ("… every Thursday (i.e. 11:00 am
    EDT)"): the joiners before its time, when they or a bracket, "=" or "/" mark it as one and
    the words between hold no time, number or zone; None when it is not marked so."""
    start = clock.first
    while start > previous + 1 and tokens[start - 1].value in _JOINERS:
        start -= 1
    between = tokens[previous + 1 : start]
    if any(token.kind in (lx.TIME, lx.NUM, lx.ZONE) for token in between):
        return None
    marks = {str(token.value) for token in tokens[start : clock.first]}
    before = text[tokens[start - 1].end : tokens[start].start] if text else ""
    if marks & _MARKS or any(sign in before for sign in "(=/"):
        return start
    return None


def _converts_list(tokens: list[Token], first: _Clock, clock: _Clock, gap: list[Token]) -> bool:
    """Whether the times in `gap` and `clock` say the times listed before `first` and `first`
    itself, in order, on another clock, each for sure: "01:17 and 13:17 UTC (09:17 / 21:17
    SGT)"."""
    again = [token for token in gap if token.kind == lx.TIME]
    if not again or any(t.kind != lx.TIME and t.value not in _JOINERS for t in gap):
        return False
    listed: list[Token] = []
    j = first.first - 1
    while j >= 1 and tokens[j].value in ("and", ",") and tokens[j - 1].kind == lx.TIME:
        listed.insert(0, tokens[j - 1])
        j -= 2
    zone = tokens[first.zone].value
    if len(listed) != len(again) or not isinstance(zone, str):
        return False
    pairs = [(a.value, b.value) for a, b in zip(listed, again, strict=True)]
    return any(
        all(_sure_pair(said, zone, restated, other) for said, restated in pairs)
        for other in candidates(tokens[clock.zone].value)
    )


def _sure_pair(said: object, zone: str, restated: object, other: str) -> bool:
    hours = getattr(said, "hour_24", lambda: None)(), getattr(restated, "hour_24", lambda: None)()
    if hours[0] is None or hours[1] is None:
        return False
    first_said = Said.at(hours[0], getattr(said, "minute", 0), zone)
    restated_said = Said.at(hours[1], getattr(restated, "minute", 0), other)
    return agreement(first_said, restated_said) is Agreement.SURE


def _conversion_end(tokens: list[Token], zone: int) -> int:
    """The last token of a conversion whose zone is at `zone`: "10:30 AM Eastern Time (EST)"
    (the zone named twice, or "EST/EDT"), "07:00 JST (next day)" (the day it is there)."""
    last = zone
    named = tokens[last].value
    while last + 1 < len(tokens):
        after = tokens[last + 1]
        if after.value in _ZONE_WORDS or (
            after.kind == lx.ZONE and (after.value == named or _same_zone(named, after.value))
        ):
            last += 1
        elif (
            after.kind == lx.SYM
            and after.value == "/"
            and last + 2 < len(tokens)
            and tokens[last + 2].kind == lx.ZONE
            and tokens[last + 2].value == named
        ):
            last += 2  # "(10:00 EST/EDT)": the zone's winter and summer names
        else:
            break
    k = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].value == "the")
    if k + 1 < len(tokens) and tokens[k].value in _DAY_SHIFTS and tokens[k + 1].value == "day":
        last = k + 1
    return last


def _same_zone(named: object, other: object) -> bool:
    """ "AEST (UTC+10)": a zone and the fixed offset it keeps in one season."""
    return isinstance(named, str) and isinstance(other, str) and keeps_offset(named, other)


def _own_day(
    tokens: list[Token], first: _Clock, clock: _Clock, between: list[Token], k: int
) -> int | None:
    """The last token of "on Tuesdays" after a conversion when it is the day named before it
    ("on Wednesdays") where the converted time falls; None when it is another day."""
    named = [token for token in between if token.kind in (lx.DAY, lx.DAYS)]
    k += tokens[k].value == "on"
    zone, other = tokens[first.zone].value, tokens[clock.zone].value
    if len(named) != 1 or tokens[k].kind != named[0].kind or not isinstance(zone, str):
        return None
    if not isinstance(other, str) or not isinstance(named[0].value, int):
        return None
    for day in SEASON_DAYS:
        moment = datetime.combine(day, time(*first.at), tzinfo=zone_info(zone))
        there = moment.astimezone(zone_info(other))
        if (there.hour, there.minute) == clock.at:
            shift = (there.date() - day).days
            return k if (named[0].value + shift) % 7 == tokens[k].value else None
    return None


def _days_follow(tokens: list[Token], k: int) -> bool:
    k += k < len(tokens) and tokens[k].value == "on"
    return k < len(tokens) and tokens[k].kind == lx.DAYS


def _word_of(token: Token, text: str) -> str:
    return text[token.start : token.end].lower() if text else ""


def _held(
    first: _Clock,
    zone: str,
    first_word: str,
    clock: _Clock,
    other: str,
    tokens: list[Token],
    text: str,
) -> tuple[Said, Said]:
    """`first` on `zone`'s clock and `clock` on `other`'s, with the offsets the abbreviations
    name as written ("9:00AM PDT / 5:00PM CET": UTC-7 and UTC+1), for `restated.agreement`."""
    said = Said((first.at[0],), first.at[1], zone, written_offset(first_word, zone))
    other_word = _word_of(tokens[clock.zone], text)
    again = Said((clock.at[0],), clock.at[1], other, written_offset(other_word, other))
    return said, again


def named_by_place(tokens: list[Token], text: str) -> list[Token]:
    """ "GMT (London)", "CST (Shanghai)", "9am GMT (London Time Zone)": an abbreviation with
    the place whose clock it names in brackets after it is that place's zone, when the place
    keeps the offset the abbreviation names in winter or summer ("GMT (New York)" is not: left
    as two zones). A cheap test first: a zone token, then a word in brackets."""
    k = 0
    while k < len(tokens) - 1:
        token, after = tokens[k], tokens[k + 1]
        k += 1
        if token.kind == lx.WORD and after.kind == lx.ZONE and "(" in text[token.end : after.start]:
            tokens = _place_before(tokens, k, text)  # "6pm London (GMT)"
            continue
        if (
            token.kind != lx.ZONE
            or after.kind != lx.WORD
            or "(" not in text[token.end : after.start]
        ):
            continue
        for size in (3, 2, 1):
            words = tokens[k : k + size]
            if len(words) < size or any(t.kind != lx.WORD for t in words):
                continue
            place = lookup_place(" ".join(str(t.value) for t in words))
            if place is None:
                continue
            offset = written_offset(_word_of(token, text), place)
            if offset is None:
                if token.value != place and _word_of(token, text) in WRITTEN_OFFSETS:
                    # "9am GMT (New York)": the place keeps no such clock: read in the zone
                    # named, and asked
                    said = " ".join(str(t.value) for t in words).title()
                    note = f"“{said}” does not keep the clock the zone names: read in the zone"
                    tokens = [*tokens[: k - 1], replace(token, unsure=note), *tokens[k:]]
                break
            end = k + size
            while end < len(tokens) and tokens[end].value in ("time", "zone", "timezone"):
                end += 1
            tokens = [
                *tokens[: k - 1],
                replace(token, value=place, end=tokens[end - 1].end),
                *tokens[end:],
            ]
            break
    return tokens


def _place_before(tokens: list[Token], zone: int, text: str) -> list[Token]:
    """ "6pm London (GMT)", "Tokyo (JST)": a place with the abbreviation of its clock in brackets
    after it is the place's zone, as one token; left as it is otherwise ("Tokyo (CET)")."""
    for size in (3, 2, 1):
        first = zone - size
        words = tokens[first:zone]
        if first < 0 or any(t.kind != lx.WORD for t in words):
            continue
        place = lookup_place(" ".join(str(t.value) for t in words))
        if place is None:
            continue
        if written_offset(_word_of(tokens[zone], text), place) is None:
            return tokens
        named = replace(tokens[zone], value=place, start=words[0].start)
        return [*tokens[:first], named, *tokens[zone + 1 :]]
    return tokens


# "4pm UTC during US DST / 5pm UTC otherwise", "17:00 UTC in European winter time, 16:00 UTC in
# European summer time": one local time, given as UTC in each season of a region's DST
_CLOCK: Final = r"\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"
_REGION: Final = r"(?P<{}>U\.?S\.?|American|European|EU|Europe|UK|British)"
_SEASON: Final = (
    r"(?P<{}>DST|daylight\s+sav(?:ing|ings)\s+time|summer\s*time|summer|winter\s+time|winter"
    r"|standard\s+time)"
)
_BY_SEASON: Final = re.compile(
    rf"(?P<t1>{_CLOCK})\s*UTC\s+(?:in|during)\s+(?:the\s+)?{_REGION.format('r1')}\s+"
    rf"{_SEASON.format('s1')}\s*(?:,|/|;|\band\b)\s*(?P<t2>{_CLOCK})\s*UTC\s+"
    rf"(?:otherwise|(?:in|during)\s+(?:the\s+)?{_REGION.format('r2')}\s+{_SEASON.format('s2')})",
    re.IGNORECASE,
)
_REGION_ZONES: Final = {"us": "America/New_York", "american": "America/New_York"}


def utc_by_season(text: str) -> tuple[str, str | None]:
    """`text` with a time given in UTC for each season of a region's DST said once, on the
    region's clock ("4pm UTC during US DST / 5pm UTC otherwise" → "12:00 America/New_York"),
    and the note that asks about it; `text` and None when it has no such time, or the two UTC
    times are not one local time."""
    if "utc" not in text.lower():
        return text, None
    match = _BY_SEASON.search(text)
    if match is None:
        return text, None
    region = match["r1"].lower().replace(".", "")
    zone = _REGION_ZONES.get(region, "Europe/London")
    summer_first = not match["s1"].lower().startswith(("winter", "standard"))
    clocks = [_hour_minute(match["t1"]), _hour_minute(match["t2"])]
    if None in clocks:
        return text, None
    summer, winter = clocks if summer_first else clocks[::-1]
    local = set()
    for clock, day in ((winter, SEASON_DAYS[WINTER]), (summer, SEASON_DAYS[SUMMER])):
        moment = datetime.combine(day, time(*clock), tzinfo=zone_info("UTC"))  # type: ignore[misc]
        there = moment.astimezone(zone_info(zone))
        local.add((there.hour, there.minute))
    if len(local) != 1:
        return text, None
    hour, minute = local.pop()
    said = f"{hour:02d}:{minute:02d} {zone}"
    note = f"“{match.group()}” read as {said}, the clock whose summer time it follows"
    return f"{text[: match.start()]}{said}{text[match.end() :]}", note


def _hour_minute(clock: str) -> tuple[int, int] | None:
    found = re.fullmatch(r"(\d{1,2})(?::([0-5]\d))?\s*(?:([ap])\.?m\.?)?", clock.strip(), re.I)
    if found is None:
        return None
    hour, minute, meridiem = int(found[1]), int(found[2] or 0), (found[3] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    return (hour, minute) if hour < 24 else None
