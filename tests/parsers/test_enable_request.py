"""'Enable the workflow to run every weekday at 02:30': a request for a schedule (its verb is
"enable … to run"), not a change to a job that exists ("enable the nightly backup", "enable it
to run at 9"). Variants of the family, invented."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Enable the sync workflow to run every weekday at 02:30", "30 2 * * 1-5"),
        ("enable our cleanup job to fire at 11pm every Sunday", "0 23 * * 0"),
        ("Enable the report pipeline to trigger daily at 7am", "0 7 * * *"),
    ],
)
def test_enable_to_run_is_a_request(text: str, expression: str) -> None:
    answer = understand_fast(text, timezone="UTC", now=NOW).to_dict()
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": "UTC"}


@pytest.mark.parametrize(
    "text",
    ["enable the nightly backup", "Enable it to run at 9am every day", "enable my 7am alarm"],
)
def test_enable_alone_is_a_change(text: str) -> None:
    answer = understand_fast(text, timezone="UTC", now=NOW).to_dict()
    assert answer["schedule"] is None
    assert "job that exists" in answer["reason"]
