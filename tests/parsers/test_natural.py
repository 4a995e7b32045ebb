"""The dateparser stage only counts when its answer checks out; recurrent is not a stage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.natural import dateparser_stage

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "every banana day",  # recurrent ignored "banana" and answered daily
        "every saturday through december",  # recurrent read "through" as in December only
        "every day at 5",  # recurrent guessed 5pm, without asking
        "every friday at 5 pm beginning next week",  # recurrent dropped the start
        "alternate fridays at 3pm",  # recurrent answered every Friday
        "every 2 hours starting 9am",  # recurrent kept the day, dropped 9am
        "every weekday in summer",  # recurrent ignored the season
        "daily at 9 starting monday ending friday",  # recurrent ended on a Saturday a year on
        "every hour during the day",  # recurrent answered daily at 9
        "5 minutes after every hour",  # recurrent answered every 5 hours
        "sixth h quarterly pls @ occurrence nine starting repetitions mth secs",  # hung it
    ],
)
def test_what_recurrent_misread_is_read_by_the_grammar_or_asked_about(text: str) -> None:
    result = understand_fast(text, timezone="UTC", now=NOW)
    assert result.parse_method in ("regex", None)
    assert result.schedule is None or result.parse_method == "regex"


def test_a_holiday_left_out_becomes_the_jobs_exclusions_and_asks() -> None:
    result = understand_fast("every weekday at 9am except christmas", timezone="UTC", now=NOW)
    assert result.schedule is not None and result.needs_confirmation
    assert result.exclusions is not None
    assert result.exclusions["dates"][0] == "2026-12-25"
    assert all(day.endswith("-12-25") for day in result.exclusions["dates"])


@pytest.mark.parametrize(
    "text",
    [
        "10 days from today at noon",  # dateparser answers today at noon
        "a week from today",  # dateparser answers a week ago
        "at 5",  # dateparser answers May
        "march 2026",  # a month, not a day
        "every day at 9am",  # dateparser would drop "every"
        "banana tomorrow",
    ],
)
def test_dateparser_answers_that_do_not_check_out_do_not_count(text: str) -> None:
    assert dateparser_stage(text, "UTC", NOW) is None


def test_dateparser_reads_dates_the_grammar_does_not() -> None:
    result = dateparser_stage("15.12.2026 10:00", "Europe/Paris", NOW)
    assert result is not None
    assert result.schedule == {
        "type": "at",
        "datetime": "2026-12-15T09:00:00Z",
        "timezone": "Europe/Paris",
    }
    assert result.confidence == 0.7


def test_dateparser_uses_the_zone_named_in_the_text() -> None:
    result = dateparser_stage("the 15th of next month at noon Tokyo time", "UTC", NOW)
    assert result is not None
    assert result.schedule == {
        "type": "at",
        "datetime": "2026-02-15T03:00:00Z",
        "timezone": "Asia/Tokyo",
    }
