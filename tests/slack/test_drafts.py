"""A pending confirmation travels in the Create button: it must round-trip and fit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agentcron.app.slack.drafts import VALUE_LIMIT, Draft, DraftTooLarge


def draft(**changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "team_id": "T0TEAM",
        "user_id": "U0ALICE",
        "schedule": {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "Europe/Berlin"},
        "schedule_text": "every weekday at 9am",
        "goal": "summarize yesterday's incidents — all of them",
        "channel": "C0OPS123",
        "zone": "Europe/Berlin",
        "confidence": 0.95,
        "parse_method": "regex",
    }
    return Draft.new(**(fields | changes))


def test_a_draft_round_trips_through_a_button_value() -> None:
    original = draft()
    assert original.nonce.startswith("draft_")
    assert Draft.from_value(original.to_value()) == original
    assert Draft.from_value(original.to_dict()) == original
    assert original.owner == "slack:T0TEAM:U0ALICE"


def test_the_value_is_compact_and_keeps_unicode() -> None:
    value = draft().to_value()
    assert "—" in value and ", " not in value


def test_a_draft_too_large_for_slack_is_refused() -> None:
    # quotes double in JSON: 1,000 of them are 2,000 characters of value
    with pytest.raises(DraftTooLarge, match="too long to confirm"):
        draft(goal='"' * 1000).to_value()
    assert len(draft(goal="x" * 1000).to_value()) <= VALUE_LIMIT


def test_an_edit_is_a_new_draft() -> None:
    original = draft()
    edited = original.revised(goal="something else")
    assert edited.goal == "something else" and edited.schedule == original.schedule
    assert edited.nonce != original.nonce  # Create on it makes another job


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        "[]",
        json.dumps({"team_id": "T"}),
        json.dumps({**draft().to_dict(), "confidence": "high"}),
        json.dumps({**draft().to_dict(), "nonce": ""}),
    ],
)
def test_a_value_that_is_not_a_draft_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a job draft"):
        Draft.from_value(value)
