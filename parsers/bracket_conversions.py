"""A zoned time restated in brackets on other clocks, with a day or a season inside: taken out.

Net schedules, status pages and runbooks give a time in one zone and then, in brackets, the same
moment on the reader's clock: "every Sunday afternoon at 22:00 UTC (5:00 PM local time during
Eastern Standard Time (winter) and 6:00 PM local time during Eastern Daylight Time (summer))",
"Sunday, 04:30 to Sunday, 05:30 UTC (SUN 12:30AM-01:30AM ET)". `conversions.settle` folds such
conversions when they are times and zones alone; a day inside the bracket ("SUN"), a zone said
in words after "local time during", or a season in brackets of its own left them to be read as a
second zone, and the text was refused. Here the bracket is read on its own: when every time in
it has a zone and says the first time's moment in some season (the range's ends each the first
range's; a day named inside it the day the moment falls on there), the bracket restates the
first time and is taken out. A bracket in which one time says another moment is kept, and the
grammar refuses the two zones as before.

A part of the day said before the first time ("afternoon at 22:00 UTC") is the restated
clock's when the first time is outside it and the restated time inside: it is taken out with
the bracket.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Final

from .restated import (
    AS_WRITTEN,
    PART_HOURS,
    SEASON_DAYS,
    Agreement,
    Said,
    agreeing,
    agreement,
    clock_said,
    written_offset,
)
from .zones import (
    USUAL_ZONES,
    UnknownZoneError,
    keeps_offset,
    lookup_offset,
    lookup_word,
    zone_info,
)

_CLOCK: Final = r"\d{1,2}(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\b\.?)?"
_DAY: Final = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DAY_NUMBERS: Final = {
    day: k for k, day in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}
# the zoned time the bracket follows: "22:00 UTC (", "04:30 to Sunday, 05:30 UTC (", "between 8 AM
# and 9 PM IST ("; its part
# of the day, when one is said right before it ("afternoon at 22:00 UTC")
_FIRST: Final = re.compile(
    rf"(?:(?P<part>morning|afternoon|evening|night)\s+(?:at\s+)?)?"
    rf"(?:(?P<start>{_CLOCK})\s*(?:to|until|till|-|–|(?<=\d)\s*and|(?<=m)\s*and)\s*(?:{_DAY},?\s+)?)?"
    rf"(?P<time>{_CLOCK})\s*(?P<zone>[A-Za-z]{{2,5}})\s*\(",
    re.IGNORECASE,
)
# one restatement inside the bracket: "SUN 12:30AM-01:30AM ET", "5:00 PM local time during
# Eastern Standard Time", "6 PM EDT"
_ENTRY: Final = re.compile(
    rf"(?:(?P<day>{_DAY})\s+)?(?:(?P<start>{_CLOCK})\s*(?:-|–|to|(?P<and>and))\s*)?(?P<time>{_CLOCK})\s*"
    r"(?:local\s+time\s+)?(?:(?:during|in)\s+(?:the\s+)?)?"
    r"(?P<zone>(?:eastern|central|mountain|pacific)\s+(?:standard|daylight)\s+time"
    r"|[A-Za-z]{2,5})\b",
    re.IGNORECASE,
)
_CLOCK_ANYWHERE: Final = re.compile(r"\d{1,2}(?:[:.][0-5]\d|\s*[ap]\.?\s?m\b)", re.IGNORECASE)
# "Eastern Standard Time" as the abbreviation it is written as
_REGION_LETTER: Final = {"eastern": "e", "central": "c", "mountain": "m", "pacific": "p"}


def without_restating_bracket(text: str) -> tuple[str, str | None]:
    """`text` without a bracket that restates its zoned time on other clocks (and without the
    part of the day said of the restated clock), and a note to confirm by when a restatement
    holds only part of the year on the first clock; `text` and None when there is no such
    bracket."""
    if "(" not in text:
        return text, None
    for first in _FIRST.finditer(text):
        close = _closing(text, first.end() - 1)
        if close is None:
            continue
        said = _zoned(first["time"], first["zone"], usual=first["start"] is not None)
        if said is None:
            continue
        inside = text[first.end() : close]
        if rough_local_restatement(inside):
            # "13:05 UTC (~8am US Central)", "12:00 UTC (~08:00 local)": the time said roughly
            # on another clock; the zoned time is the one meant
            return f"{text[: first.end() - 1].rstrip()}{text[close + 1 :]}", None
        if _offset_kept(said, inside):
            # "9:00 am PDT (UTC-7)": the zone's offset, said again (then "| UTC: 16:00")
            return f"{text[: first.end() - 1].rstrip()}{text[close + 1 :]}", None
        verdict = _restates(text[: first.start()], first, said, inside)
        if verdict is None:
            continue
        sure, local_hours = verdict
        part = first["part"]
        if (
            part is not None
            and not set(said.hours) & set(PART_HOURS[part.lower()])
            and local_hours & set(PART_HOURS[part.lower()])
        ):
            # "every Sunday afternoon at 22:00 UTC (5:00 PM …)": the afternoon is the
            # restated clock's
            body = text[first.end("part") : first.end() - 1].strip()
            kept = f"{text[: first.start()]}{body if body[:3].lower() == 'at ' else 'at ' + body}"
        else:
            kept = text[: first.end() - 1].rstrip()
            if said.zone is not None and lookup_word(first["zone"].lower()) is None:
                # "9 AM – 8 PM IST (3:30 AM – 2:30 PM UTC)": the bracket settles which IST
                before, after = (
                    text[: first.start("zone")],
                    text[first.end("zone") : first.end() - 1],
                )
                kept = f"{before}{said.zone}{after}".rstrip()
        note = None
        if not sure:
            note = (
                f"the times in brackets say {first['time'].strip()} {first['zone']} only part "
                "of the year: to confirm"
            )
        return f"{kept}{text[close + 1 :]}", note
    return text, None


# a bracket that says a time again roughly: "~8am US Central", "≈ 08:00 local", "approx. 9pm ET"
_ROUGH: Final = re.compile(
    r"\s*(?:~|≈|approx\.?\s|about\s|around\s|roughly\s)\s*\d{1,2}(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\b\.?)?",
    re.IGNORECASE,
)


def rough_local_restatement(inside: str) -> bool:
    """Whether the inside of a bracket after a zoned time starts by saying a time roughly
    ("~8am US Central", "~08:00 local", "~9 PM ET, ~6 PM PT"): a reader's conversion, not a
    second run. Times not marked as rough are checked against the first (`_restates`)."""
    return len(inside) <= 80 and _ROUGH.match(inside) is not None


_OFFSET: Final = re.compile(
    r"\s*(?:UTC|GMT)\s*(?P<sign>[+-−])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>[0-5]\d))?\s*",
    re.IGNORECASE,
)


def _offset_kept(said: Said, inside: str) -> bool:
    """Whether `inside` is only an offset that the zone of `said` keeps in winter or summer."""
    found = _OFFSET.fullmatch(inside)
    if found is None or said.zone is None or found["minutes"]:
        return False
    sign = "-" if found["sign"] in "-−" else "+"
    try:
        offset_zone = lookup_offset(sign, int(found["hours"]))
    except UnknownZoneError:
        return False
    return keeps_offset(said.zone, offset_zone)


def _closing(text: str, opening: int) -> int | None:
    """The index of the bracket that closes the one at `opening` (brackets may nest)."""
    depth = 0
    for k in range(opening, len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


def _zoned(clock: str, word: str, *, usual: bool = False) -> Said | None:
    """ "22:00" "UTC" as a `Said` on UTC's clock, with the offset its abbreviation names.
    `usual`: an abbreviation several zones write is read as the one most mean by it."""
    said = clock_said(clock)
    word = word.lower()
    words = word.split()
    if len(words) == 3:  # "eastern standard time": EST
        word = f"{_REGION_LETTER[words[0]]}{words[1][0]}t"
    zone = lookup_word(word)
    if zone is None and usual and word in USUAL_ZONES:
        # "between 8 AM and 9 PM IST (= 2:30-15:30 UTC)": India's, as the text reads it (a
        # single time restated is settled with its token, `conversions.settle`)
        zone = USUAL_ZONES[word][0]
    if said is None or zone is None:
        return None
    return Said(said.hours, said.minute, zone, written_offset(word, zone))


def _restates(
    before: str, first: re.Match[str], said: Said, inside: str
) -> tuple[bool, set[int]] | None:
    """Whether every time in `inside` restates `first` (sure all year on the first clock, or
    only part of it), and the hours said there; None when one does not, or a time has no zone."""
    entries = list(_ENTRY.finditer(inside))
    spans = [(entry.start(), entry.end()) for entry in entries]
    if not entries or any(
        not any(low <= clock.start() < high for low, high in spans)
        for clock in _CLOCK_ANYWHERE.finditer(inside)
    ):
        return None  # a time in the bracket without a zone: not only conversions
    sure = True
    hours: set[int] = set()
    for entry in entries:
        again = _zoned(entry["time"], entry["zone"])
        if again is None or again.zone == said.zone:
            return None
        held = agreeing(said, again)
        if not held:
            return None
        if entry["and"] is not None and first["start"] is None:
            return None  # "(10:00 and 18:00 CET)" after one time: a second time, not its range
        if entry["start"] is not None and first["start"] is not None:
            start, start_again = clock_said(first["start"]), clock_said(entry["start"])
            if start is None or start_again is None:
                return None
            start_said = Said(start.hours, start.minute, said.zone, said.offset)
            again_start = Said(start_again.hours, start_again.minute, again.zone, again.offset)
            if not agreeing(start_said, again_start):
                return None
        if entry["day"] is not None and not _same_day(before, said, again, entry["day"], held):
            return None
        sure = sure and agreement(said, again) is Agreement.SURE
        hours.update(again.hours)
    return sure, hours


def _same_day(before: str, said: Said, again: Said, day: str, held: frozenset[int]) -> bool:
    """Whether the day named inside the bracket is the day the text names before the time,
    moved as the restated clock moves it in a season the times agree in."""
    named = re.findall(_DAY, before, re.IGNORECASE)
    if not named or again.zone is None or said.zone is None:
        return True  # no day before the time: nothing to hold it to
    first_day = _DAY_NUMBERS.get(named[-1][:3].lower())
    other_day = _DAY_NUMBERS.get(day[:3].lower())
    if first_day is None or other_day is None:
        return False
    if AS_WRITTEN in held and said.offset is not None and again.offset is not None:
        minutes = said.hours[0] * 60 + (said.minute or 0) + again.offset - said.offset
        if (first_day + minutes // (24 * 60)) % 7 == other_day:
            return True
    for season in held - {AS_WRITTEN}:
        moment = datetime.combine(SEASON_DAYS[season], time(said.hours[0], said.minute or 0))
        local = moment.replace(tzinfo=zone_info(said.zone)).astimezone(zone_info(again.zone))
        shift = (local.date() - SEASON_DAYS[season]).days
        if (first_day + shift) % 7 == other_day:
            return True
    return False


# "| UTC: 16:00", "(GMT: 08:00)": the zone named first, as a label, then its time
_ZONE_LABEL: Final = re.compile(
    r"\b(?P<zone>UTC|GMT)\s*:\s*(?P<time>\d{1,2}:[0-5]\d)\b", re.IGNORECASE
)


def zone_label_first(text: str) -> str:
    """`text` with a time labelled by its zone ("Mondays | 9:00 am PDT (UTC-7) | UTC: 16:00") said
    time first ("16:00 UTC"), as conversions are read; `text` itself when it has none."""
    lowered = text.lower()
    if "utc" not in lowered and "gmt" not in lowered:
        return text
    return _ZONE_LABEL.sub(lambda found: f"{found['time']} {found['zone']}", text)
