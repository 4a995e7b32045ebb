"""Raw cron and @macros pass straight through."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast
from agentcron.parsers.cron import split_cron
from agentcron.parsers.phrase import Rejected

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("0 9 * * 1-5", "0 9 * * 1-5", None),
        ("0 9 * * mon-fri", "0 9 * * MON-FRI", None),
        ("  */15   *  * * *  ", "*/15 * * * *", None),
        ("0 9 ? * MON", "0 9 * * MON", None),
        ("@daily", "0 0 * * *", None),
        ("@Weekly", "0 0 * * 0", None),
        ("CRON_TZ=Asia/Tokyo 30 8 * * *", "30 8 * * *", "Asia/Tokyo"),
        ("0 0 9 * * 1-5", "0 9 * * 1-5", None),  # seconds first (Azure, Spring)
        ("0 30 9 * Jan Mon", "30 9 * JAN MON", None),
        ("0 0 12 * * ?", "0 12 * * *", None),  # Quartz
        ("0 15 10 ? * MON-FRI *", "15 10 * * MON-FRI", None),
        ("@quarterly", "0 0 1 */3 *", None),
    ],
)
def test_split_cron(text: str, expression: str, zone: str | None) -> None:
    found = split_cron(text)
    assert found is not None
    assert found[:2] == (expression, zone)


@pytest.mark.parametrize(
    "text",
    ["every day at 9", "5 minutes from now", "mon wed fri at 9", "9 30 daily", "tue, thu at 9"],
)
def test_words_are_not_cron(text: str) -> None:
    assert split_cron(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0 0 12 ? * 1-5", "Quartz numbers the days"),
        ("30 0 9 * * 1-5", "not at second 30"),
        ("61 * * * *", "not a valid cron expression"),
        ("0 9 31 2 *", "not a valid cron expression"),
        ("@reboot", "@reboot is not a schedule"),
    ],
)
def test_broken_cron_is_refused(text: str, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        split_cron(text)


def test_raw_cron_is_exact_and_says_it_was_passed_through() -> None:
    result = parse_fast("0 9 * * 1-5 America/New_York", now=NOW)
    assert result.schedule == {
        "type": "cron",
        "expression": "0 9 * * 1-5",
        "timezone": "America/New_York",
    }
    assert result.parse_method == "regex"
    assert result.confidence == 1.0
    assert result.notes == ("cron expression passed through",)


def test_words_after_cron_are_the_task_unless_they_name_a_zone() -> None:
    result = parse_fast("0 9 * * 1-5 check the nightly build", now=NOW)
    assert result.schedule == {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "UTC"}
    assert result.task == "check the nightly build"
    zoned = parse_fast("0 9 * * 1-5 Europe/Berlin", now=NOW)
    assert zoned.schedule is not None and zoned.schedule["timezone"] == "Europe/Berlin"
    assert zoned.task is None
