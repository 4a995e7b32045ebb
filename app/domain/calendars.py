"""Public holidays and business days, from the ``holidays`` package. Pure (no clock, no I/O).

``HolidayCalendar`` is the ``holidays`` part of a job's exclusions:
``{"country": "US", "subdivision": "CA", "shift": "skip"}``. The dates and names are the
package's (observed days included: Independence Day on a Saturday is a day off on Friday
the 3rd, "Independence Day (observed)"), in English where the package has it; nothing here
keeps a table of its own. A *business day* is one that is not the country's weekend (the
package knows it: Saturday and Sunday in most places, Friday and Saturday in some) and not
one of its holidays.

``shift`` says what a slot on a holiday does:

- ``skip`` (the default): it does not run; it is recorded ``skipped`` with the holiday's
  name ("excluded holiday Christmas Day (US)").
- ``next_business_day`` / ``previous_business_day``: a slot that falls on a day that is not
  a business day — a holiday or a weekend — runs at the same wall time on the next (or the
  previous) business day instead: the business-day conventions of payroll and finance
  ("the 15th, or the next business day"; "the first business day of the month, honouring
  holidays" is ``0 9 1 * *`` with ``next_business_day``; the last one is the last day of the
  month with ``previous_business_day``). Two slots that land on one instant run once.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final, Literal

import holidays
from holidays import registry

from agentcron.app.domain.schedule import ScheduleError

Shift = Literal["skip", "next_business_day", "previous_business_day"]
SHIFTS: Final[tuple[Shift, ...]] = ("skip", "next_business_day", "previous_business_day")
#: the longest a slot is moved: no country has a month without a business day
MAX_SHIFT_DAYS: Final = 31
_KEYS: Final = ("country", "subdivision", "shift")


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """A country's (and optionally a subdivision's) public holidays."""

    country: str
    subdivision: str | None = None
    shift: Shift = "skip"

    @classmethod
    def from_dict(cls, data: object, *, field: str = "exclusions.holidays") -> HolidayCalendar:
        """Validate ``{"country": "US", "subdivision": "CA", "shift": …}`` (a bare country code
        string is accepted too); ScheduleError names the part at fault."""
        if isinstance(data, str):
            data = {"country": data}
        if not isinstance(data, Mapping):
            raise ScheduleError(field, 'must be an object like {"country": "US"}')
        for key in data:
            if key not in _KEYS:
                raise ScheduleError(
                    f"{field}.{key}", "unknown field; expected country, subdivision, shift"
                )
        country = _country(data.get("country"), f"{field}.country")
        subdivision = _subdivision(country, data.get("subdivision"), f"{field}.subdivision")
        shift = data.get("shift") or "skip"
        if shift not in SHIFTS:
            raise ScheduleError(f"{field}.shift", f"must be one of {', '.join(SHIFTS)}")
        return cls(country=country, subdivision=subdivision, shift=shift)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"country": self.country}
        if self.subdivision:
            out["subdivision"] = self.subdivision
        if self.shift != "skip":
            out["shift"] = self.shift
        return out

    @property
    def place(self) -> str:
        """ "US" or "US-CA": how a reason names the calendar."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country

    @property
    def shifts(self) -> bool:
        return self.shift != "skip"

    def holiday(self, day: date) -> str | None:
        """The holiday's name on ``day`` ("Christmas Day"; several joined by "; "), or None."""
        return _holidays(self.country, self.subdivision, day.year).get(day)

    def weekend(self) -> frozenset[int]:
        """The country's weekend, as weekday numbers (Monday is 0)."""
        return _weekend(self.country, self.subdivision)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend() and self.holiday(day) is None

    def reason(self, day: date) -> str | None:
        """Why a slot on ``day`` is skipped ("excluded holiday Christmas Day (US)"), or None."""
        name = self.holiday(day)
        return None if name is None else f"excluded holiday {name} ({self.place})"


@lru_cache(maxsize=1024)
def _holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """One year of a calendar: the package builds it in well under a millisecond, and the
    schedule math asks for the same few years over and over."""
    kind = _kind(country)
    language = "en_US" if "en_US" in kind.supported_languages else None
    try:
        with warnings.catch_warnings():
            # some calendars are known for a range of years only ("available only from 2001
            # to 2035"): outside it the package knows no holidays, and says so every time
            warnings.simplefilter("ignore")
            found = holidays.country_holidays(
                country, subdiv=subdivision, years=year, language=language
            )
    except (NotImplementedError, ValueError):  # a year the package cannot date
        return {}
    return dict(found.items())


@lru_cache(maxsize=256)
def _weekend(country: str, subdivision: str | None) -> frozenset[int]:
    return frozenset(holidays.country_holidays(country, subdiv=subdivision).weekend)


@lru_cache(maxsize=256)
def _kind(country: str) -> Any:
    return holidays.country_holidays(country).__class__


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    """Every country code (and alias: USA, UK) the holidays package knows, from its registry:
    ``list_supported_countries()`` imports all 250 country modules to list subdivisions, a
    pause of seconds on the event loop the first time a job names holidays."""
    return frozenset(
        code
        for entry in registry.COUNTRIES.values()
        for code in entry[1:]
        if code.isupper() and code.isalpha()
    )


@lru_cache(maxsize=512)
def _subdivisions(country: str) -> tuple[str, ...]:
    """The subdivision codes of one country (imports that country's module only)."""
    return tuple(holidays.country_holidays(country).subdivisions)


def _country(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ScheduleError(field, "is required: an ISO 3166 country code such as 'US'")
    code = value.strip().upper()
    code = "GB" if code == "UK" else code  # ISO keeps UK reserved for the United Kingdom
    if code not in _codes():
        raise ScheduleError(field, f"{value!r} is not a country the holidays package knows")
    return code


def _subdivision(country: str, value: object, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ScheduleError(field, "must be a subdivision code such as 'CA'")
    known = _subdivisions(country)
    text = value.strip()
    if text.upper() in {s.upper() for s in known}:
        return next(s for s in known if s.upper() == text.upper())
    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {}) or {}
    for alias, code in aliases.items():
        if alias.lower() == text.lower():
            return str(code)
    listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    if not known:
        raise ScheduleError(field, f"{country} has no subdivisions in the holidays package")
    raise ScheduleError(field, f"{text!r} is not a subdivision of {country} ({listed})")
