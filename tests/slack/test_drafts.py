"""A pending confirmation travels in the Create button: it must round-trip, and when it does
not fit in Slack's limits it is kept in the database and the button carries its key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agentcron.app.clock import FrozenClock
from agentcron.app.runtime import Runtime
from agentcron.app.slack.drafts import METADATA_LIMIT, VALUE_LIMIT, Draft, DraftKeeper
from agentcron.app.storage.slack_drafts import SlackDraftStore


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


def keeper(runtime: Runtime) -> DraftKeeper:
    return DraftKeeper(SlackDraftStore(runtime.db), runtime.clock)


JAPANESE = "昨日のインシデントを要約して、影響を受けたサービスと対応状況をまとめてください。" * 12


@pytest.mark.parametrize(
    "goal",
    ["x" * 100, JAPANESE, "y" * 1_700, '"' * 1000, "z" * 19_000],
    ids=["short", "japanese", "1700", "quotes", "19000"],
)
async def test_any_goal_fits_in_a_button_and_a_modal_and_comes_back_whole(
    runtime: Runtime, goal: str
) -> None:
    kept = keeper(runtime)
    original = draft(goal=goal)
    value = await kept.value(original)
    assert len(value.encode()) <= VALUE_LIMIT
    assert await kept.load(value) == original
    metadata = await kept.metadata(original, response_url="https://hooks.slack.test/" + "u" * 200)
    assert len(metadata.encode()) <= METADATA_LIMIT
    back, extra = await kept.from_metadata(metadata)
    assert back == original and extra["response_url"].endswith("u" * 200)


async def test_a_short_draft_needs_no_row(runtime: Runtime) -> None:
    original = draft()
    value = await keeper(runtime).value(original)
    assert "ref" not in json.loads(value)
    assert Draft.from_value(value) == original


async def test_a_kept_draft_expires_after_a_month(runtime: Runtime, clock: FrozenClock) -> None:
    kept = keeper(runtime)
    value = await kept.value(draft(goal="y" * 1_700))
    clock.advance(29 * 86_400)
    assert (await kept.load(value)).goal == "y" * 1_700
    clock.advance(2 * 86_400)
    with pytest.raises(ValueError, match="expired"):
        await kept.load(value)


async def test_a_key_is_not_someone_elses_draft(runtime: Runtime) -> None:
    kept = keeper(runtime)
    value = json.loads(await kept.value(draft(goal="y" * 1_700)))
    store = SlackDraftStore(runtime.db)
    forged = await store.put(
        "slack:T0TEAM:U0BOBBY1", draft(goal="y" * 1_700).to_dict(), now=runtime.clock.now()
    )
    with pytest.raises(ValueError, match="not a job draft"):
        await kept.load({"ref": forged})  # a row whose draft names another owner
    assert (await kept.load(value)).user_id == "U0ALICE"


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
