"""Time-zone names people type, mapped to IANA names, and back to friendly names.

"PST" and "PDT" both mean "the wall clock in Los Angeles": people rarely mean a fixed
UTC-8 all year, so abbreviations map to the DST-observing zone, not to tzdata's
fixed-offset `EST`/`MST` entries. Ambiguous abbreviations ("AST") are refused; "IST" is read as
India's and "CST" as US Central, and asked; "BST" as British (`USUAL_ZONES`).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache, lru_cache
from importlib import resources
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Abbreviations and region words. Keys are lower case.
ABBREVIATIONS: Final = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "zulu": "UTC",
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "eastern": "America/New_York",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "alaska": "America/Anchorage",
    "akst": "America/Anchorage",
    "akdt": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "hst": "Pacific/Honolulu",
    "arizona": "America/Phoenix",
    "bst": "Europe/London",
    "uk": "Europe/London",
    "british": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    # German's names for Central European Time and its summer time
    "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin",
    "eet": "Europe/Athens",
    "eest": "Europe/Athens",
    "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon",
    "msk": "Europe/Moscow",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "acst": "Australia/Adelaide",
    "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
    "brt": "America/Sao_Paulo",
    "nzt": "Pacific/Auckland",
    "aet": "Australia/Sydney",
    "acdt": "Australia/Adelaide",
    "art": "America/Argentina/Buenos_Aires",
    "sast": "Africa/Johannesburg",
    "cat": "Africa/Maputo",
    "eat": "Africa/Nairobi",
    "wat": "Africa/Lagos",
    "pht": "Asia/Manila",
    "pkt": "Asia/Karachi",
    "ict": "Asia/Bangkok",
    "wib": "Asia/Jakarta",
    "wita": "Asia/Makassar",
    "npt": "Asia/Kathmandu",
    "irst": "Asia/Tehran",
    "trt": "Europe/Istanbul",
    "clt": "America/Santiago",
    "cot": "America/Bogota",
    "pet": "America/Lima",
    "nst": "America/St_Johns",
    "ndt": "America/St_Johns",
    "hkst": "Asia/Hong_Kong",
    "california": "America/Los_Angeles",
}

# Abbreviations that name more than one zone: refused with the candidates.
AMBIGUOUS: Final = {
    "ist": "India (Asia/Kolkata), Ireland (Europe/Dublin) or Israel (Asia/Jerusalem)",
    "ast": "Atlantic (America/Halifax) or Arabia (Asia/Riyadh)",
    "cst6": "several zones",
    "gst": "Gulf (Asia/Dubai) or South Georgia (Atlantic/South_Georgia)",
    "cst": "US Central (America/Chicago) or China (Asia/Shanghai)",
    "bst": "British Summer (Europe/London) or Bangladesh (Asia/Dhaka)",
    "sst": "Samoa (Pacific/Pago_Pago) or Singapore (Asia/Singapore)",
    "bt": "several zones",
}

# The zones each of them may name, for a text that settles which ("18:10 UTC (= 23:40 IST)").
AMBIGUOUS_ZONES: Final = {
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "ast": ("America/Halifax", "Asia/Riyadh"),
    "gst": ("Asia/Dubai", "Atlantic/South_Georgia"),
    "cst": ("America/Chicago", "Asia/Shanghai"),
    "bst": ("Europe/London", "Asia/Dhaka"),
    "sst": ("Pacific/Pago_Pago", "Asia/Singapore"),
}

# The zone most people who write an ambiguous abbreviation mean, with the note that asks (None:
# read without asking). "IST" is India's clock to most who write it (Ireland writes it in summer
# only, beside "GMT"; Israel's is more often "Israel time"). "CST" is US Central to most, but
# China's clock is written CST too (Linux's `date` prints it in Shanghai), fourteen hours away:
# read as Central and asked, as round ten's phrases wanted ("Run daily digest at 07:00 CST").
# "BST" is British Summer Time; Bangladesh's is rarer and named beside it when meant. The text
# may settle each otherwise ("IST (Dublin)", "CST (China)", "9am CST/CDT", "18:10 UTC (= 19:10
# IST)").
USUAL_ZONES: Final[dict[str, tuple[str, str | None]]] = {
    "ist": (
        "Asia/Kolkata",
        "“IST” read as India Standard Time (Asia/Kolkata); Ireland and Israel also write IST",
    ),
    "cst": (
        "America/Chicago",
        "“CST” read as US Central Time (America/Chicago); China Standard Time is also CST",
    ),
    "bst": ("Europe/London", None),
}

# Places people name that are not the last part of an IANA name ("Tokyo time" is).
PLACES: Final = {
    "ny": "America/New_York",
    "nyc": "America/New_York",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "dc": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "la": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "san jose": "America/Los_Angeles",
    "sacramento": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "tucson": "America/Phoenix",  # Arizona keeps standard time all year, as Phoenix does
    "salt lake city": "America/Denver",
    "philadelphia": "America/New_York",
    "pittsburgh": "America/New_York",
    "baltimore": "America/New_York",
    "minneapolis": "America/Chicago",
    "nashville": "America/Chicago",
    "new orleans": "America/Chicago",
    "san antonio": "America/Chicago",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "england": "Europe/London",
    "britain": "Europe/London",
    "germany": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "india": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "japan": "Asia/Tokyo",
    "china": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "korea": "Asia/Seoul",
    "australia": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "brazil": "America/Sao_Paulo",
    "israel": "Asia/Jerusalem",
    "ireland": "Europe/Dublin",
}

_REGIONS: Final = frozenset(
    {
        "africa",
        "america",
        "antarctica",
        "arctic",
        "asia",
        "atlantic",
        "australia",
        "europe",
        "indian",
        "pacific",
        "etc",
        "us",
        "canada",
    }
)

# Friendly names for the zones people name most; others become "<City> time".
FRIENDLY: Final = {
    "UTC": "UTC",
    "Etc/UTC": "UTC",
    "America/Los_Angeles": "Pacific Time",
    "America/Denver": "Mountain Time",
    "America/Phoenix": "Mountain Time (Arizona)",
    "America/Chicago": "Central Time",
    "America/New_York": "Eastern Time",
    "America/Anchorage": "Alaska Time",
    "Pacific/Honolulu": "Hawaii Time",
    "Europe/London": "UK Time",
    "Europe/Paris": "Central European Time",
    "Europe/Berlin": "Central European Time",
    "Europe/Athens": "Eastern European Time",
}


class UnknownZoneError(LookupError):
    """The time-zone name is not one we know."""

    def __init__(self, name: str, *, hint: str | None = None) -> None:
        self.name = name
        self.hint = hint
        message = f"unknown time zone {name!r}"
        super().__init__(f"{message}: {hint}" if hint else message)


def is_region(word: str) -> bool:
    """Whether `word` can start an IANA name ("america" in "america/new_york")."""
    return word in _REGIONS


@cache
def _canonical_names() -> dict[str, str]:
    # available_timezones() scans tzdata once (~10 ms); only IANA names typed in lower
    # case and city names need it.
    return {name.lower(): name for name in available_timezones()}


@cache
def _cities() -> dict[str, str]:
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        region, _, rest = name.partition("/")
        if region.lower() not in _REGIONS or not rest or region in ("Etc", "US", "Canada"):
            continue
        city = rest.rsplit("/", 1)[-1].replace("_", " ").lower()
        cities.setdefault(city, name)
    for country, zone in _one_zone_countries().items():
        cities.setdefault(country, zone)
    cities.update(PLACES)
    return cities


@cache
def countries_only() -> frozenset[str]:
    """The names `lookup_place` knows only as countries from tzdata's tables ("taiwan", "cuba"),
    not as cities or the places above: "in Cuba" says where, "Cuba time" says the clock."""
    cities = set()
    for name in available_timezones():
        region, _, rest = name.partition("/")
        if region.lower() in _REGIONS and rest and region not in ("Etc", "US", "Canada"):
            cities.add(rest.rsplit("/", 1)[-1].replace("_", " ").lower())
    return frozenset(_one_zone_countries()) - cities - set(PLACES)


# Country names that are also common words or names ("turkey", "jordan", "chad") or a US state
# ("georgia"): never read as the country's zone.
_NOT_COUNTRIES: Final = frozenset(
    {"georgia", "turkey", "jordan", "chad", "guinea", "niger", "jersey", "christmas island"}
)


def _one_zone_countries() -> dict[str, str]:
    """The countries tzdata gives one zone ("taiwan": Asia/Taipei, "kenya": Africa/Nairobi),
    by the names in its iso3166.tab, for "8:00 AM Taiwan time"."""
    try:
        base = resources.files("tzdata").joinpath("zoneinfo")
        names = dict(_tab_rows(base.joinpath("iso3166.tab").read_text(encoding="utf-8")))
        zones: dict[str, list[str]] = {}
        for code, _, zone, *_ in _tab_rows(base.joinpath("zone.tab").read_text(encoding="utf-8")):
            zones.setdefault(code, []).append(zone)
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # no tzdata package: none
        return {}
    countries = {}
    for code, found in zones.items():
        name = names.get(code, "").lower()
        if len(found) == 1 and name.replace(" ", "").isalpha() and name not in _NOT_COUNTRIES:
            countries[name] = found[0]
    return countries


def _tab_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1024)
def resolve_zone(name: str) -> str:
    """The IANA name for a zone given as an IANA name, in any case.

    Raises UnknownZoneError for anything zoneinfo does not know.
    """
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a directory
        canonical = _canonical_names().get(name.lower())
        if canonical is None:
            raise UnknownZoneError(name) from None
        return canonical


@lru_cache(maxsize=1024)
def zone_info(name: str) -> ZoneInfo:
    """ZoneInfo(name), kept. zoneinfo itself keeps only the last 8 zones used (and those
    still referenced): a sentence naming a ninth zone read and parsed its tzdata file again
    (~0.1 ms). Kept here, ZoneInfo(name) anywhere returns this same object."""
    return ZoneInfo(name)


def lookup_word(word: str) -> str | None:
    """The IANA name for an abbreviation or region word ("pst", "eastern"), if any."""
    return ABBREVIATIONS.get(word)


def lookup_place(words: str) -> str | None:
    """The IANA name for a city or country ("tokyo", "new york"), if any."""
    return _cities().get(words)


def place_names() -> frozenset[str]:
    """Every name `lookup_place` knows."""
    return frozenset(_cities())


def zone_words() -> frozenset[str]:
    """Every word `lookup_word` knows."""
    return frozenset(ABBREVIATIONS)


@cache
def place_starts() -> frozenset[str]:
    """The first words of the cities and countries `lookup_place` knows ("new" of "new
    york"): a word not among them starts no place, and needs no lookup."""
    return frozenset(name.partition(" ")[0] for name in _cities())


# Offsets of part of an hour, for the zones that keep them all year (no DST): "UTC+5:30".
_PART_HOUR: Final = {
    ("+", 5, 30): "Asia/Kolkata",
    ("+", 5, 45): "Asia/Kathmandu",
    ("+", 6, 30): "Asia/Yangon",
    ("+", 9, 30): "Australia/Darwin",
    ("+", 3, 30): "Asia/Tehran",
    ("+", 4, 30): "Asia/Kabul",
    ("-", 9, 30): "Pacific/Marquesas",
}


def lookup_offset(sign: str, hours: int, minutes: int = 0) -> str:
    """The Etc/GMT zone for "UTC+2"; POSIX-style names invert the sign. An offset with
    minutes is the zone that keeps it all year ("+05:30" is India), or refused."""
    if minutes:
        zone = _PART_HOUR.get((sign, hours, minutes))
        if zone is None:
            raise UnknownZoneError(
                f"UTC{sign}{hours}:{minutes:02d}", hint="name the zone, e.g. America/St_Johns"
            )
        return zone
    if hours == 0:
        return "UTC"
    if hours > (14 if sign == "+" else 12):  # tzdata's Etc zones run from UTC-12 to UTC+14
        raise UnknownZoneError(f"UTC{sign}{hours}")
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


@lru_cache(maxsize=256)
def keeps_offset(named: str, offset_zone: str) -> bool:
    """Whether the zone `named` is on the fixed offset `offset_zone` ("Etc/GMT+8") in its winter
    or its summer: "(GMT-08:00) Pacific Time (US & Canada)" (Outlook's way of naming a zone)
    and "3pm Eastern (UTC-4)" name one zone twice; the named one keeps its DST."""
    if not offset_zone.startswith("Etc/GMT") or named.startswith("Etc/") or named == "UTC":
        return False
    fixed = ZoneInfo(offset_zone).utcoffset(None)
    zone = ZoneInfo(named)
    # a year's rules suffice: a zone's offsets change by law, rarely, not with the date asked
    return any(zone.utcoffset(datetime(2026, month, 1)) == fixed for month in (1, 7))


def friendly_name(zone: str) -> str:
    """ "Pacific Time", "Tokyo time", "UTC": how a person names the zone."""
    if zone in FRIENDLY:
        return FRIENDLY[zone]
    if zone.startswith("Etc/GMT"):
        offset = zone[len("Etc/GMT") :]
        if not offset:
            return "UTC"
        # Etc/GMT-2 is two hours *ahead* of UTC.
        return f"UTC{'+' if offset[0] == '-' else '-'}{offset[1:]}"
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} time"
