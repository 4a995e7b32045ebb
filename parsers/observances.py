"""Holidays by name ("Thanksgiving", "Memorial Day", "Easter"), through the `holidays`
package: it says when each falls, for the country of the schedule's zone (the United
States when the zone names none, or the holiday is not one of that country's).

A holiday is read in two ways. Once ("on Memorial Day at 9am"): its next date. Every year
("every Thanksgiving at 10am"): the rule its dates follow, found by looking at the next
eight of them — a fixed date (`25 12`), the nth weekday of a month (`4#4` of November) or
the last one (`1L` of May) — so it stays a calendar rule. Holidays that follow the moon
(Easter, Good Friday) follow the date of Easter instead: they repeat as a rule of days from
Easter Sunday (`easter_offset`; RFC 5545 has no word for it, dateutil's BYEASTER has).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

# The first word of a holiday's name, for the grammar to try a lookup at: the dates come
# from the package, never from here.
CUES: Final = frozenset(
    {
        "thanksgiving",
        "easter",
        "memorial",
        "labor",
        "labour",
        "juneteenth",
        "independence",
        "veterans",
        "veteran's",
        "columbus",
        "martin",
        "mlk",
        "washington's",
        "presidents",
        "presidents'",
        "president's",
        "mother's",
        "mothers",
        "father's",
        "fathers",
        "good",
        "groundhog",
        "saint",
        "st",
        "boxing",
        "canada",
        "victoria",
        "remembrance",
        "whit",
        "whitsun",
        "ascension",
        "pentecost",
        "palm",
        "ash",
        "shrove",
        "maundy",
        "holy",
        "corpus",
    }
)
YEARS_LOOKED_AT: Final = 8
# holidays people name by one word, without "Day" ("Thanksgiving dinner", "Easter brunch"):
# any other said without its "Day" (or its weekday) and followed by a noun is a name's first
# word — "Memorial Hospital", "Independence Hall", "Labor Temple", "Veterans Affairs"
SAID_WHOLE: Final = frozenset(
    {
        "thanksgiving",
        "easter",
        "juneteenth",
        "pentecost",
        "whitsun",
        "whitsunday",
        "ascension",
        "mlk",
        "corpus",
    }
)
# cues that, said alone, are a person's or a place's name more often than a holiday's
_NAMES_ALONE: Final = frozenset({"martin", "victoria", "columbus", "good", "saint", "st", "canada"})
_WORD = re.compile(r"[a-z0-9]+")
_NOISE = frozenset({"day", "the", "s", "observed", "jr", "sunday", "national"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"})


def _key(name: str) -> tuple[str, ...]:
    words = _WORD.findall(name.lower().replace("'s", "").replace("’s", ""))
    return tuple(w for w in words if w not in _NOISE)


@lru_cache(maxsize=64)
def _calendar(country: str, first_year: int) -> dict[tuple[str, ...], tuple[date, ...]]:
    """Holiday name (as a key) -> its dates in the years looked at."""
    import holidays

    years = range(first_year, first_year + YEARS_LOOKED_AT)
    try:
        kind = holidays.country_holidays(country).__class__
    except NotImplementedError:
        return {}
    categories = tuple(set(kind.supported_categories) & {"public", "unofficial", "optional"})
    language = "en_US" if "en_US" in kind.supported_languages else None
    found = holidays.country_holidays(
        country, years=years, categories=categories or None, language=language
    )
    by_name: dict[tuple[str, ...], list[date]] = {}
    for day, names in sorted(found.items()):
        for name in names.split("; "):
            if "observed" in name.lower():
                continue  # the day off, not the holiday
            by_name.setdefault(_key(name), []).append(day)
    return {key: tuple(days) for key, days in by_name.items()}


@lru_cache(maxsize=64)
def _by_prefix(country: str, first_year: int) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Each beginning of a holiday's name (as a key) -> the names it begins, in the calendar's
    order: a lookup by the first words is one dictionary read, not a pass over every name
    (the grammar tries one at every "st" or "good" of a text)."""
    starts: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in _calendar(country, first_year):
        for length in range(1, len(key) + 1):
            starts.setdefault(key[:length], []).append(key)
    return {start: tuple(keys) for start, keys in starts.items()}


def lookup(words: list[str], country: str, first_year: int) -> tuple[str, tuple[date, ...]] | None:
    """The holiday the words name (its name and its dates in the years looked at), in the
    country's calendar or else the United States'; None if neither has it."""
    wanted = _key(" ".join(words))
    if not wanted or (len(words) == 1 and words[0].lower() in _NAMES_ALONE):
        return None  # "a birthday event for martin": a person, not Martin Luther King Jr. Day
    for place in dict.fromkeys((country, "US")):
        calendar = _calendar(place, first_year)
        found = calendar.get(wanted)
        if found is None:  # "thanksgiving" for "Thanksgiving Day", "mlk" for Martin Luther…
            longer = _by_prefix(place, first_year).get(wanted, ())
            matches = [key for key in longer if not _WEEKDAYS & set(key[len(wanted) :])]
            found = calendar[matches[0]] if len(matches) == 1 else None
        if found:
            return " ".join(wanted), found
    offset = _EASTER_NAMES.get(" ".join(words).lower().replace("'s", ""))
    if offset is not None:  # "Whit Monday", "Ascension Day" in a country that has no day off
        from dateutil.easter import easter

        years = range(first_year, first_year + YEARS_LOOKED_AT)
        return " ".join(wanted), tuple(easter(year) + timedelta(days=offset) for year in years)
    return None


def said_short(words: list[str]) -> bool:
    """Whether a holiday's name is said without the word that makes it one: "memorial" for
    Memorial Day ("Memorial Hospital"), not "thanksgiving", "memorial day" or "good friday"."""
    return words[0] not in SAID_WHOLE and not any(
        word == "day" or word in _WEEKDAYS or word == "sunday" for word in words
    )


def same_holiday(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names are one holiday's ("easter", "easter sunday")."""
    return _key(" ".join(one)) == _key(" ".join(other))


def is_holiday_name(words: list[str]) -> bool:
    """Whether the words name a holiday in some country's calendar (for the grammar, which
    has no date: the names, unlike the dates, do not change from year to year)."""
    return _names_a_holiday(tuple(words))


@lru_cache(maxsize=1024)
def _names_a_holiday(words: tuple[str, ...]) -> bool:
    return lookup(list(words), "US", NAME_YEAR) is not None


NAME_YEAR: Final = 2025


@lru_cache(maxsize=256)
def known_country(code: str) -> bool:
    """Whether the holidays package has a calendar for this ISO code ("UK" is "GB")."""
    import holidays

    return ("GB" if code.upper() == "UK" else code.upper()) in holidays.list_supported_countries()


def zone_country(zone: str) -> str | None:
    """The country of an IANA zone when the zone says (tzdata's zone.tab; "US/…" links too),
    else None: UTC and the like name no country."""
    if zone.startswith("US/"):
        return "US"
    return _zone_countries().get(zone)


@lru_cache(maxsize=256)
def country_of(zone: str) -> str:
    """The ISO country code of an IANA zone (tzdata's zone.tab), "US" when it has none."""
    return _zone_countries().get(zone, "US")


# Countries whose people write times on the 12-hour clock (CLDR's English time formats use
# "h:mm a" there), where "7:30" alone may well mean the evening.
TWELVE_HOUR_COUNTRIES: Final = frozenset(
    {"US", "CA", "AU", "NZ", "IN", "PK", "BD", "PH", "EG", "SA", "MY", "CO", "JO"}
)


# Countries whose people write numeric dates month first (4/5 is April 5): the United States
# and its territories, the Philippines, Micronesia, the Marshall Islands, Palau. Canada writes
# both ways, so it is not here.
MONTH_FIRST_COUNTRIES: Final = frozenset(
    {"US", "PR", "GU", "AS", "VI", "MP", "UM", "PH", "FM", "MH", "PW"}
)


def twelve_hour_clock(zone: str) -> bool:
    """Whether the zone's country writes the 12-hour clock; False for UTC and zones of no
    country."""
    return _zone_countries().get(zone) in TWELVE_HOUR_COUNTRIES


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    from importlib import resources

    try:
        text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                out[parts[2]] = parts[0]
    return out


Rule = tuple[str, int, int, int]  # ("fixed", month, day, 0) | ("nth", month, n, weekday)


def rule_of(days: tuple[date, ...]) -> Rule | None:
    """The calendar rule the dates follow — a fixed date, the nth or the last weekday of a
    month (weekday in cron numbering) — or None when they follow none (Easter)."""
    if not days:
        return None
    months = {d.month for d in days}
    if len(months) != 1:
        return None
    month = days[0].month
    if len({d.day for d in days}) == 1:
        return ("fixed", month, days[0].day, 0)
    weekdays = {d.isoweekday() % 7 for d in days}
    if len(weekdays) != 1:
        return None
    weekday = weekdays.pop()
    nths = {(d.day - 1) // 7 + 1 for d in days}
    if len(nths) == 1:
        return ("nth", month, nths.pop(), weekday)
    if all((d + timedelta(days=7)).month != month for d in days):
        return ("nth", month, -1, weekday)
    return None


# The days a fixed number of days from Western Easter Sunday, by name (said whole: "palm"
# alone is a tree)
_EASTER_NAMES: Final = {
    "easter": 0,
    "easter sunday": 0,
    "good friday": -2,
    "easter monday": 1,
    "holy saturday": -1,
    "maundy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "shrove tuesday": -47,
    "ascension": 39,
    "ascension day": 39,
    "pentecost": 49,
    "pentecost sunday": 49,
    "whit sunday": 49,
    "whitsun": 49,
    "whitsunday": 49,
    "whit monday": 50,
    "corpus christi": 60,
}


def easter_offset(days: tuple[date, ...]) -> int | None:
    """The number of days the dates lie from Western Easter Sunday of their year, when it is
    the same in every year (Good Friday: -2; Whit Monday: 50), else None."""
    if not days:
        return None
    from dateutil.easter import easter

    offsets = {(day - easter(day.year)).days for day in days}
    return offsets.pop() if len(offsets) == 1 else None


# The names of the days a fixed number of days from Easter Sunday, for sentences
_EASTER_DAYS: Final = {
    -47: "Shrove Tuesday",
    -46: "Ash Wednesday",
    -7: "Palm Sunday",
    -3: "Maundy Thursday",
    -2: "Good Friday",
    -1: "Holy Saturday",
    0: "Easter Sunday",
    1: "Easter Monday",
    39: "Ascension Day",
    49: "Pentecost",
    50: "Whit Monday",
    60: "Corpus Christi",
}


def easter_label(offset: int) -> str:
    """ "Good Friday", "Easter Sunday", "3 days after Easter Sunday": the day `offset` days
    from Easter Sunday (BYEASTER's value), in words."""
    name = _EASTER_DAYS.get(offset)
    if name is not None:
        return name
    count = abs(offset)
    unit = "day" if count == 1 else "days"
    return f"{count} {unit} {'before' if offset < 0 else 'after'} Easter Sunday"
