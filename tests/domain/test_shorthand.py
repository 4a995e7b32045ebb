"""Seed 003's ways to say when → the schedule document (app/domain/shorthand.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentcron.app.domain.jobspec import validate_job
from agentcron.app.domain.shorthand import (
    DEFINITION_FIELDS,
    HTTP_FIELDS,
    every_macro,
    schedule_from_shorthand,
)
from agentcron.app.errors import InvalidInput

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # a Monday


def mapped(timezone: str | None = None, **body: Any) -> dict[str, Any]:
    result = schedule_from_shorthand(body, timezone=timezone, now=NOW)
    assert result is not None
    return result.document


def refused(timezone: str | None = None, **body: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInput) as error:
        schedule_from_shorthand(body, timezone=timezone, now=NOW)
    return [(p.field, p.reason) for p in error.value.problems]


@pytest.mark.parametrize(
    ("body", "document"),
    [
        # seed 003: "a number of seconds, or a tuple such as [5, "minutes"]"
        ({"schedule_in": 30}, {"type": "at", "datetime": "2026-03-02T13:00:30Z"}),
        ({"schedule_in": 1.5}, {"type": "at", "datetime": "2026-03-02T13:00:01.500000Z"}),
        ({"schedule_in": [30, "seconds"]}, {"type": "at", "datetime": "2026-03-02T13:00:30Z"}),
        ({"schedule_in": [5, "minutes"]}, {"type": "at", "datetime": "2026-03-02T13:05:00Z"}),
        ({"schedule_in": [1, "minute"]}, {"type": "at", "datetime": "2026-03-02T13:01:00Z"}),
        ({"schedule_in": [2, "hours"]}, {"type": "at", "datetime": "2026-03-02T15:00:00Z"}),
        ({"schedule_in": [1, "day"]}, {"type": "at", "datetime": "2026-03-03T13:00:00Z"}),
        ({"schedule_in": [2, "weeks"]}, {"type": "at", "datetime": "2026-03-16T13:00:00Z"}),
        ({"schedule_in": [1, "month"]}, {"type": "at", "datetime": "2026-04-02T13:00:00Z"}),
        ({"schedule_in": [1, "year"]}, {"type": "at", "datetime": "2027-03-02T13:00:00Z"}),
        ({"schedule_in": [90, "min"]}, {"type": "at", "datetime": "2026-03-02T14:30:00Z"}),
        ({"schedule_in": [3, "H"]}, {"type": "at", "datetime": "2026-03-02T16:00:00Z"}),
        # "a datetime string, or a unix timestamp"
        (
            {"scheduled_at": "2026-04-01T09:00:00Z"},
            {"type": "at", "datetime": "2026-04-01T09:00:00Z"},
        ),
        (
            {"scheduled_at": "2026-04-01T09:00:00+02:00"},
            {"type": "at", "datetime": "2026-04-01T07:00:00Z"},
        ),
        ({"scheduled_at": 1775034000}, {"type": "at", "datetime": "2026-04-01T09:00:00Z"}),
        (
            {"scheduled_at": 1775034000.25},
            {"type": "at", "datetime": "2026-04-01T09:00:00.250000Z"},
        ),
        # JavaScript's Date.now() is in milliseconds
        ({"scheduled_at": 1775034000000}, {"type": "at", "datetime": "2026-04-01T09:00:00Z"}),
        # repeat_every: real time up to hours, the calendar from days on
        ({"repeat_every": 300}, {"type": "every", "interval": 300}),
        ({"repeat_every": [5, "minutes"]}, {"type": "every", "interval": 300}),
        ({"repeat_every": [6, "hours"]}, {"type": "every", "interval": 21600}),
        ({"repeat_every": [1, "day"]}, {"type": "rrule", "rule": "FREQ=DAILY;INTERVAL=1"}),
        ({"repeat_every": [2, "weeks"]}, {"type": "rrule", "rule": "FREQ=WEEKLY;INTERVAL=2"}),
        ({"repeat_every": [3, "months"]}, {"type": "rrule", "rule": "FREQ=MONTHLY;INTERVAL=3"}),
        ({"repeat_every": [1, "yr"]}, {"type": "rrule", "rule": "FREQ=YEARLY;INTERVAL=1"}),
        ({"cron": "*/5 * * * *"}, {"type": "cron", "expression": "*/5 * * * *"}),
        ({"cron": "0 9 * * 1-5"}, {"type": "cron", "expression": "0 9 * * 1-5"}),
        # a start and a repeat: the repeat from the start
        (
            {"schedule_in": [1, "hour"], "repeat_every": [30, "minutes"]},
            {"type": "every", "interval": 1800, "start_at": "2026-03-02T14:00:00Z"},
        ),
        (
            {"scheduled_at": "2026-04-01T09:00:00Z", "cron": "0 9 * * *"},
            {"type": "cron", "expression": "0 9 * * *", "start_at": "2026-04-01T09:00:00Z"},
        ),
        (
            {"scheduled_at": "2026-04-01T09:00:00Z", "repeat_every": [1, "week"]},
            {
                "type": "rrule",
                "rule": "FREQ=WEEKLY;INTERVAL=1",
                "start_at": "2026-04-01T09:00:00Z",
            },
        ),
        # null is the same as leaving a field out
        ({"schedule_in": None, "cron": "0 * * * *"}, {"type": "cron", "expression": "0 * * * *"}),
    ],
)
def test_each_shape_maps_onto_one_schedule_document(
    body: dict[str, Any], document: dict[str, Any]
) -> None:
    assert mapped(**body) == {**document, "timezone": "UTC"}


def test_the_zone_is_the_cron_s_the_calendar_s_and_that_of_a_time_without_offset() -> None:
    zone = "America/New_York"
    assert mapped(zone, scheduled_at="2026-04-01T09:00:00") == {
        "type": "at",
        "datetime": "2026-04-01T13:00:00Z",  # 09:00 EDT
        "timezone": zone,
    }
    assert mapped(zone, cron="0 9 * * 1-5")["timezone"] == zone
    # a month on New York's calendar, across the spring change: the same wall time
    assert mapped(zone, schedule_in=[1, "month"])["datetime"] == "2026-04-02T12:00:00Z"


def test_nothing_given_is_no_shorthand() -> None:
    assert schedule_from_shorthand({"name": "x"}, timezone=None, now=NOW) is None
    assert schedule_from_shorthand({"schedule_in": None}, timezone=None, now=NOW) is None


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (
            {"schedule": {"type": "every", "interval": 60}, "cron": "* * * * *"},
            ["schedule", "cron"],
        ),
        ({"schedule": None, "schedule_in": 60}, ["schedule", "schedule_in"]),
        ({"schedule_in": 60, "scheduled_at": 1775034000}, ["schedule_in", "scheduled_at"]),
        ({"repeat_every": 60, "cron": "* * * * *"}, ["repeat_every", "cron"]),
    ],
)
def test_conflicting_ways_are_refused_naming_both_fields(
    body: dict[str, Any], fields: list[str]
) -> None:
    problems = refused(**body)
    assert [field for field, _ in problems] == fields
    assert f"conflicts with {fields[1]}" in problems[0][1]
    assert f"conflicts with {fields[0]}" in problems[1][1]


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        ({"schedule_in": 0}, "schedule_in", "more than zero"),
        ({"schedule_in": -5}, "schedule_in", "more than zero"),
        ({"schedule_in": "5 minutes"}, "schedule_in", '[5, "minutes"]'),
        ({"schedule_in": True}, "schedule_in", "number of seconds"),
        ({"schedule_in": [5]}, "schedule_in", "number of seconds"),
        ({"schedule_in": [5, "fortnights"]}, "schedule_in[1]", "minutes, hours"),
        ({"schedule_in": ["5", "minutes"]}, "schedule_in[0]", "number"),
        ({"schedule_in": [1.5, "months"]}, "schedule_in", "whole"),
        ({"schedule_in": [10**12, "days"]}, "schedule_in", "too far"),
        ({"schedule_in": [7000, "years"]}, "schedule_in", "between 1900 and 8999"),
        ({"scheduled_at": "2020-01-01T00:00:00Z"}, "scheduled_at", "in the past"),
        ({"scheduled_at": 1}, "scheduled_at", "in the past"),
        ({"scheduled_at": "tomorrow"}, "scheduled_at", "ISO 8601"),
        ({"scheduled_at": "2026-04-01"}, "scheduled_at", "ISO 8601"),
        ({"scheduled_at": {"at": 1}}, "scheduled_at", "Unix timestamp"),
        ({"scheduled_at": 10**30}, "scheduled_at", "Unix timestamp"),
        ({"scheduled_at": "9999-12-31T23:00:00Z"}, "scheduled_at", "between 1900 and 8999"),
        # integers of hundreds of digits (the API reads up to 1,000) are refused, not a crash
        ({"schedule_in": 10**400}, "schedule_in", "far too large"),
        ({"schedule_in": [10**400, "days"]}, "schedule_in[0]", "far too large"),
        ({"scheduled_at": 10**400}, "scheduled_at", "far too large"),
        ({"repeat_every": [10**400, "seconds"]}, "repeat_every[0]", "far too large"),
        ({"repeat_every": 0}, "repeat_every", "more than zero"),
        ({"repeat_every": 1.5}, "repeat_every", "whole"),
        ({"repeat_every": [1, "parsec"]}, "repeat_every[1]", "minutes"),
        ({"cron": 5}, "cron", "cron expression"),
    ],
)
def test_each_bad_value_is_refused_naming_the_field_sent(
    body: dict[str, Any], field: str, fragment: str
) -> None:
    [(where, reason)] = refused(**body)
    assert where == field
    assert fragment in reason


def test_an_unknown_zone_is_the_timezone_fields_problem() -> None:
    assert refused("Mars/Base", cron="* * * * *") == [("timezone", "unknown time zone 'Mars/Base'")]


def test_problems_found_in_the_mapped_schedule_are_named_by_the_field_sent() -> None:
    result = schedule_from_shorthand(
        {"scheduled_at": 1775034000, "cron": "61 * * * *"}, timezone=None, now=NOW
    )
    assert result is not None
    assert result.field_of("schedule.expression") == "cron"
    assert result.field_of("schedule.start_at") == "scheduled_at"
    assert result.field_of("schedule") == "cron"
    assert result.field_of("schedule.timezone") == "timezone"
    every = schedule_from_shorthand({"repeat_every": [5000, "days"]}, timezone=None, now=NOW)
    assert every is not None and every.field_of("schedule.rule") == "repeat_every"


# --- other seeds' shapes, lifted onto the job's own fields ---------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_NAMES = (
    *HTTP_FIELDS,
    *DEFINITION_FIELDS,
    "data",
    "payload",
    "action",
    "http",
    "overlap",
    "retry",
    "delivery",
    "schedule",
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(_NAMES), _JSON, max_size=6))
def test_any_mix_of_the_other_seeds_fields_is_a_job_or_a_named_refusal(
    body: dict[str, Any],
) -> None:
    body.setdefault("schedule", None)
    try:
        values = validate_job(body, now=NOW)
    except InvalidInput as exc:
        assert exc.problems and all(p.field for p in exc.problems), exc.problems
        return
    # what was lifted is stored in the job's own fields, never under the seed's names
    assert not set(values) & {*HTTP_FIELDS, *DEFINITION_FIELDS, "data"}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("@every 1m", 60),
        ("@every 1h30m", 5400),
        ("@every 90s", 90),
        ("@EVERY 2h", 7200),
        ("@every 1.5m", 90),
        ("@daily", None),
        ("every 5 minutes", None),
    ],
)
def test_daprs_every_reads_a_go_duration(text: str, seconds: int | None) -> None:
    assert every_macro(text) == seconds
