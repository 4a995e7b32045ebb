"""The recurrent and dateparser stages only count when their answers check out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers.natural import dateparser_stage, recurrent_stage

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "every banana day",  # recurrent ignores "banana" and answers daily
        "every week day at 9",  # recurrent answers weekly with no day
        "every saturday through december",  # recurrent reads "through" as in December only
        "every hour on the half hour",  # recurrent drops "half"
        "every day at 5",  # recurrent guesses 5pm
        "every friday at 5 pm beginning next week",  # recurrent drops the start
        "every wednesday at 9.30",  # recurrent drops the 30
        "alternate fridays at 3pm",  # recurrent answers every Friday
        "every 2 hours starting 9am",  # recurrent keeps the day, drops 9am
        "every weekday in summer",  # recurrent ignores the season
        "daily at 9 starting monday ending friday",  # recurrent ends on a Saturday a year on
        "every hour during the day",  # recurrent answers daily at 9
    ],
)
def test_recurrent_answers_that_do_not_account_for_the_text_do_not_count(text: str) -> None:
    assert recurrent_stage(text, "UTC", NOW) is None


def test_recurrent_reads_what_the_grammar_has_no_clause_for() -> None:
    result = recurrent_stage("the 1st tuesday in every month at 9am", "UTC", NOW)
    assert result is not None
    assert result.schedule == {"type": "cron", "expression": "0 9 * * 2#1", "timezone": "UTC"}
    assert result.parse_method == "recurrent"
    assert result.confidence == 0.7


def test_exceptions_are_refused_with_a_pointer_to_exclusions() -> None:
    result = recurrent_stage("every weekday at 9am except fridays", "UTC", NOW)
    assert result is not None
    assert result.schedule is None
    assert result.suggestion == "schedule without the exception and add it as the job's exclusions"


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
