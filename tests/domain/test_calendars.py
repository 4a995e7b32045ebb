"""Holiday calendars from the holidays package (app/domain/calendars.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from agentcron.app.domain.calendars import HolidayCalendar, next_business_day
from agentcron.app.domain.schedule import ScheduleError

US = HolidayCalendar("US")
US_CA = HolidayCalendar("US", "CA")


@pytest.mark.parametrize(
    ("calendar", "day", "name"),
    [
        (US, date(2026, 12, 25), "Christmas Day"),
        (US, date(2026, 11, 26), "Thanksgiving Day"),
        (US, date(2026, 5, 25), "Memorial Day"),
        # the day off when the holiday falls on a Saturday
        (US, date(2026, 7, 3), "Independence Day (observed)"),
        (US, date(2026, 3, 31), None),
        (US_CA, date(2026, 3, 31), "Cesar Chavez Day"),
        (US_CA, date(2026, 11, 27), "Day After Thanksgiving"),
        # names in English where the package has them
        (HolidayCalendar("DE"), date(2026, 10, 3), "German Unity Day"),
        (HolidayCalendar("GB", "SCT"), date(2026, 1, 2), "New Year Holiday"),
        (HolidayCalendar("GB", "ENG"), date(2026, 1, 2), None),
    ],
)
def test_holidays_are_the_packages(calendar: HolidayCalendar, day: date, name: str | None) -> None:
    assert calendar.holiday(day) == name


def test_the_reason_names_the_holiday_and_the_calendar() -> None:
    assert US_CA.reason(date(2026, 12, 25)) == "excluded holiday Christmas Day (US-CA)"
    assert US.reason(date(2026, 12, 24)) is None


@pytest.mark.parametrize(
    ("calendar", "day", "business"),
    [
        (US, date(2026, 12, 24), True),  # Thursday
        (US, date(2026, 12, 25), False),  # Christmas
        (US, date(2026, 12, 26), False),  # Saturday
        # a Friday-Saturday weekend where the package says so
        (HolidayCalendar("IL"), date(2026, 3, 6), False),  # Friday
        (HolidayCalendar("IL"), date(2026, 3, 8), True),  # Sunday
    ],
)
def test_business_days_leave_out_the_countrys_weekend_and_holidays(
    calendar: HolidayCalendar, day: date, business: bool
) -> None:
    assert calendar.is_business_day(day) is business


def test_the_next_and_previous_business_day() -> None:
    # Christmas 2026 is a Friday: Monday the 28th next, Thursday the 24th before
    assert next_business_day(US, date(2026, 12, 25)) == date(2026, 12, 28)
    assert next_business_day(US, date(2026, 12, 25), step=-1) == date(2026, 12, 24)
    # New Year's Day 2026 is a Thursday
    assert next_business_day(US, date(2025, 12, 31)) == date(2026, 1, 2)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"country": "US"}, {"country": "US"}),
        ({"country": "us", "subdivision": "ca"}, {"country": "US", "subdivision": "CA"}),
        ({"country": "US", "subdivision": "California"}, {"country": "US", "subdivision": "CA"}),
        ({"country": "UK", "subdivision": "SCT"}, {"country": "GB", "subdivision": "SCT"}),
        ("DE", {"country": "DE"}),
        (
            {"country": "US", "shift": "next_business_day"},
            {"country": "US", "shift": "next_business_day"},
        ),
        ({"country": "US", "shift": "skip"}, {"country": "US"}),
    ],
)
def test_the_json_shape_round_trips(data: Any, expected: dict[str, Any]) -> None:
    calendar = HolidayCalendar.from_dict(data)
    assert calendar.to_dict() == expected
    assert HolidayCalendar.from_dict(calendar.to_dict()) == calendar


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({}, "exclusions.holidays.country", "is required"),
        ({"country": "XX"}, "exclusions.holidays.country", "not a country"),
        ({"country": 1}, "exclusions.holidays.country", "is required"),
        ({"country": "US", "subdivision": "ZZ"}, "exclusions.holidays.subdivision", "CA"),
        ({"country": "US", "subdivision": 5}, "exclusions.holidays.subdivision", "code"),
        ({"country": "US", "shift": "sideways"}, "exclusions.holidays.shift", "next_business"),
        ({"country": "US", "region": "x"}, "exclusions.holidays.region", "unknown field"),
        (["US"], "exclusions.holidays", "must be an object"),
    ],
)
def test_bad_calendars_are_refused_naming_the_part(data: Any, field: str, fragment: str) -> None:
    with pytest.raises(ScheduleError) as error:
        HolidayCalendar.from_dict(data)
    assert error.value.field == field
    assert fragment in error.value.reason
