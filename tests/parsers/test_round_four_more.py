"""Families the second batch of round four's phrases (database schedulers, job-scheduler manuals,
meeting tools) showed the grammar missed, each tested in words of our own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _cron(text: str, zone: str = "UTC") -> str:
    answer = _read(text, zone)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "cron", answer["schedule"]
    return str(answer["schedule"]["expression"])


# -- times written to the second, and a time that ends a sentence ------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a full stop after a time ends the sentence; it is not a decimal point
        ("backups run every night at 23:15.", "15 23 * * *"),
        ("Every Thursday at 16.45. Then the report goes out.", "45 16 * * 4"),
        # seconds of zero are the minute itself
        ("each day at 06:30:00", "30 6 * * *"),
        ("every Friday at 07:45:00 PM", "45 19 * * 5"),
        # a window may end on its last second: the whole minute is inside it
        ("every 20 minutes between 06:00:00 and 08:59:59", "*/20 6-8 * * *"),
        ("every hour between 12:00:00 AM and 11:59:59 PM", "0 0-23 * * *"),
    ],
)
def test_times_to_the_second(text: str, expression: str) -> None:
    assert _cron(text) == expression


def test_a_full_stop_after_a_time_is_not_minutes_past_the_hour() -> None:
    # it once read "at 7:40." as ":40 past every hour"
    answer = _read("ping me at 7:40. thanks")
    assert answer["schedule"]["type"] == "at", answer
    assert answer["schedule"]["datetime"].endswith("T07:40:00Z")


@pytest.mark.parametrize(
    "text",
    ["every day at 8:15:30", "every 10 minutes from 9:00:20 to 10:00", "at 18:20:05 tomorrow"],
)
def test_a_run_cannot_start_on_a_second(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "whole minutes" in answer["reason"]


@pytest.mark.parametrize("text", ["version 4.12.1 every day at 9am", "every day at 9am, see 3.2.1"])
def test_dotted_version_numbers_are_not_times(text: str) -> None:
    assert _cron(text) == "0 9 * * *"


# -- a new time for something that exists is an edit, not a new schedule ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "change the weekly digest time to 7:45.",
        "move standup to Thursday",
        "push the payroll export to 6pm",
        "switch the nightly sync to midnight",
    ],
)
def test_moving_something_to_a_new_time_is_an_edit(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "change to a job that exists" in answer["reason"]


def test_moving_things_somewhere_on_a_schedule_is_a_task() -> None:
    assert _cron("move the old invoices to the archive every Monday at 6am") == "0 6 * * 1"
