"""Schedules in words."""

from __future__ import annotations

import pytest

from agentcron.parsers import describe


@pytest.mark.parametrize(
    ("schedule", "text"),
    [
        (
            {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/Los_Angeles"},
            "At 09:00 AM, Monday through Friday, Pacific Time",
        ),
        ({"type": "every", "interval": 7200}, "Every 2 hours"),
        (
            {"type": "at", "datetime": "2026-03-04T15:00:00Z", "timezone": "UTC"},
            "Once, on Wednesday 4 March 2026 at 15:00 (UTC)",
        ),
        (
            {"type": "at", "datetime": "2026-07-04T15:00:00Z", "timezone": "America/New_York"},
            "Once, on Saturday 4 July 2026 at 11:00 (Eastern Time)",
        ),
        (
            {"type": "cron", "expression": "0 9-17 * * 1-5", "timezone": "UTC"},
            "Every hour from 09:00 AM to 05:00 PM, Monday through Friday, UTC",
        ),
        (
            {"type": "cron", "expression": "30 8-20/2 * * *", "timezone": "UTC"},
            "Every 2 hours from 08:30 AM to 08:30 PM, UTC",
        ),
        (
            {"type": "cron", "expression": "0 9 * * 1#1,1#3", "timezone": "Asia/Tokyo"},
            "At 09:00 AM, on the first Monday and the third Monday of the month, Tokyo time",
        ),
        (
            {"type": "cron", "expression": "0 17 * * 5L", "timezone": "Europe/London"},
            "At 05:00 PM, on the last Friday of the month, UK Time",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "timezone": "Etc/GMT-2"},
            "At 09:00 AM, UTC+2",
        ),
        (
            {
                "type": "cron",
                "expression": "0 9 * * *",
                "timezone": "UTC",
                "start_at": "2026-01-15T00:00:00Z",
                "end_at": "2026-01-31T23:59:59Z",
            },
            "At 09:00 AM, UTC, starting Thursday 15 January 2026, until Saturday 31 January 2026",
        ),
        (
            {
                "type": "every",
                "interval": 172800,
                "start_at": "2026-01-15T14:00:00Z",
                "timezone": "America/New_York",
            },
            "Every 2 days at 09:00 AM, starting Thursday 15 January 2026, Eastern Time",
        ),
        (
            {"type": "every", "interval": 2700, "start_at": "2026-01-14T10:45:00Z"},
            "Every 45 minutes, starting Wednesday 14 January 2026 at 10:45 (UTC)",
        ),
    ],
)
def test_describe(schedule: dict[str, object], text: str) -> None:
    assert describe(schedule) == text


def test_an_unknown_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown schedule type 'weekly'"):
        describe({"type": "weekly"})
