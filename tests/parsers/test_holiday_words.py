"""'every weekday except holidays': the words become the job's exclusions.holidays, with the
country taken from the zone when the zone names one, and asked about when it does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast

NOW = datetime(2026, 3, 2, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "expression", "country"),
    [
        ("every weekday except holidays", "America/New_York", "0 9 * * 1-5", "US"),
        ("every weekday at 9am except public holidays", "America/Los_Angeles", "0 9 * * 1-5", "US"),
        ("weekdays at 8:30 except holidays", "US/Pacific", "30 8 * * 1-5", "US"),
        ("daily at 8am except weekends and holidays", "Europe/Berlin", "0 8 * * 1-5", "DE"),
        ("every monday at 10 except bank holidays", "Europe/London", "0 10 * * 1", "GB"),
        ("every weekday at 9 except US holidays", "UTC", "0 9 * * 1-5", "US"),
        ("every weekday at 9 but not UK bank holidays", "UTC", "0 9 * * 1-5", "GB"),
        ("every weekday at 7am excluding federal holidays", "America/Chicago", "0 7 * * 1-5", "US"),
        ("every day at noon except on holidays", "Asia/Tokyo", "0 12 * * *", "JP"),
    ],
)
def test_holidays_in_words_become_exclusions(
    text: str, zone: str, expression: str, country: str
) -> None:
    result = parse_fast(text, timezone=zone, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["expression"] == expression
    assert result.exclusions == {"holidays": {"country": country}}
    assert result.human_readable is not None
    assert result.human_readable.endswith(f"except {country} public holidays")
    assert result.to_dict()["exclusions"] == {"holidays": {"country": country}}


def test_a_zone_that_names_no_country_is_asked_about() -> None:
    result = parse_fast("every weekday at 9 except holidays", timezone="UTC", now=NOW)
    assert result.schedule is None
    assert result.reason == "which country's public holidays? The time zone UTC does not say"
    assert result.suggestion is not None and "except US holidays" in result.suggestion


def test_other_exceptions_are_still_refused_and_plain_schedules_have_none() -> None:
    refused = parse_fast("every weekday except birthdays", timezone="UTC", now=NOW)
    assert refused.schedule is None
    plain = parse_fast("every weekday at 9am", timezone="America/New_York", now=NOW)
    assert plain.exclusions is None and "exclusions" not in plain.to_dict()
