"""Short date and time expressions with no verb around them ("12:14 PM", "0600h", "the day after
next 6pm"), in families round six's tuning phrases from date parsers' test suites showed the
grammar missed, each tested in words of our own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _once(text: str, zone: str = "UTC") -> str:
    answer = _read(text, zone)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "at", answer["schedule"]
    assert not answer["needs_confirmation"], answer
    return str(answer["schedule"]["datetime"])


def _asks(text: str) -> bool:
    answer = _read(text)
    return answer["schedule"] is None or bool(answer["needs_confirmation"])


# -- a time written "09:46 AM" or "0600h" by itself is one time, not a daily description -------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("12:14 PM", "2026-01-14T12:14:00Z"),
        ("07:45 AM", "2026-01-15T07:45:00Z"),
        ("11:05 PM tomorrow", "2026-01-15T23:05:00Z"),
        ("Friday 05:00 PM", "2026-01-16T17:00:00Z"),
        ("0600h", "2026-01-15T06:00:00Z"),
        ("2215hrs", "2026-01-14T22:15:00Z"),
        ("1430 hrs", "2026-01-14T14:30:00Z"),
        ("saturday 0930 hours", "2026-01-17T09:30:00Z"),
    ],
)
def test_a_padded_or_military_time_alone_is_once(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 06:15 AM", "15 6 * * *"),  # cron-descriptor's description of a daily job
        ("At 09:30 PM, only on Sunday", "30 21 * * 0"),
        ("every day at 0700 hours", "0 7 * * *"),
        ("weekdays at 1830hrs", "30 18 * * 1-5"),
    ],
)
def test_descriptions_and_repeating_military_times_still_repeat(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": "UTC"}
