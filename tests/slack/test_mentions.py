"""Mentions and direct messages: the same grammar, answered privately, each event once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.slack.mentions import EventDeduper, is_direct_message, strip_mention
from agentcron.app.storage.jobs import JobQuery
from tests.slack.conftest import ALICE, CHANNEL, TEAM, SlackUser, buttons, card_text

OWNER = f"slack:{TEAM}:{ALICE}"


def calls(user: SlackUser, method: str) -> list[dict[str, Any]]:
    return [payload for name, payload in user.fake.calls if name == method]


def blocks_of(payload: dict[str, Any]) -> dict[str, Any]:
    """A chat.* payload as a message (blocks arrive as JSON, or as a string in a form)."""
    blocks = payload.get("blocks") or []
    return {
        "text": payload.get("text"),
        "blocks": json.loads(blocks) if isinstance(blocks, str) else blocks,
    }


async def test_a_mention_is_answered_only_to_its_sender(alice: SlackUser) -> None:
    response, _ = await alice.event(
        {
            "type": "app_mention",
            "text": "<@U0BOT> every day at 9am water the plants",
            "channel": CHANNEL,
        }
    )
    assert response.status_code == 200
    [reply] = calls(alice, "chat.postEphemeral")
    assert reply["channel"] == CHANNEL and reply["user"] == ALICE
    card = blocks_of(reply)
    assert "water the plants" in card_text(card)
    assert f"<#{CHANNEL}>" in card_text(card)
    assert calls(alice, "chat.postMessage") == []  # nothing public

    # the card's Create works like the slash command's
    ident = await alice.click(buttons(card)["Create"])
    assert "Scheduled" in card_text(alice.fake.responses(ident)[0])
    rows, _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert rows[0]["delivery"]["channel"] == f"slack:{CHANNEL}"


async def test_a_mention_in_a_thread_is_answered_in_the_thread(alice: SlackUser) -> None:
    await alice.event(
        {
            "type": "app_mention",
            "text": "<@U0BOT> list",
            "channel": CHANNEL,
            "thread_ts": "1700000000.000001",
        }
    )
    [reply] = calls(alice, "chat.postEphemeral")
    assert reply["thread_ts"] == "1700000000.000001"
    assert "no scheduled jobs" in card_text(blocks_of(reply))


async def test_a_retried_event_is_handled_once(alice: SlackUser) -> None:
    event = {"type": "app_mention", "text": "<@U0BOT> help", "channel": CHANNEL}
    _, event_id = await alice.event(event)
    response, _ = await alice.event(event, event_id=event_id)
    assert response.status_code == 200  # acknowledged, so Slack stops retrying
    assert len(calls(alice, "chat.postEphemeral")) == 1


async def test_a_direct_message_is_answered_in_the_conversation(alice: SlackUser) -> None:
    await alice.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ALICE",
            "text": "every friday at 5pm remind me to file expenses",
        }
    )
    [reply] = calls(alice, "chat.postMessage")
    assert reply["channel"] == "D0ALICE"
    card = blocks_of(reply)
    assert "file expenses" in card_text(card)
    assert "a direct message from me" in card_text(card)

    await alice.click(buttons(card)["Create"], channel="D0ALICE")
    rows, _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    # results of a job made in a DM go to the person's DM with the bot
    assert rows[0]["delivery"]["channel"] == f"slack:{ALICE}"


@pytest.mark.parametrize(
    "event",
    [
        {"subtype": "message_changed"},
        {"bot_id": "B0OTHER"},
        {"channel_type": "channel"},  # channel messages need a mention
    ],
)
async def test_messages_that_are_not_a_persons_dm_are_ignored(
    alice: SlackUser, event: dict[str, Any]
) -> None:
    message = {"type": "message", "channel_type": "im", "channel": "D0ALICE", "text": "list"}
    response, _ = await alice.event({**message, **event})
    assert response.status_code == 200
    assert calls(alice, "chat.postMessage") == []


# -- pure parts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bot", "command"),
    [
        ("<@U0BOT> list", "U0BOT", "list"),
        ("<@U0BOT|agentcron>: pause plants", "U0BOT", "pause plants"),
        ("hey <@U0BOT>, every day at 9am stretch", "U0BOT", "hey every day at 9am stretch"),
        ("<@U0BOT> tell <@U0ALICE> hi", "U0BOT", "tell <@U0ALICE> hi"),
        ("<@U0BOT> help", None, "help"),  # bot id unknown: a leading mention goes
    ],
)
def test_strip_mention(text: str, bot: str | None, command: str) -> None:
    assert strip_mention(text, bot) == command


def test_is_direct_message() -> None:
    base = {"type": "message", "channel_type": "im", "user": ALICE, "text": "hi"}
    assert is_direct_message(base)
    assert not is_direct_message({**base, "subtype": "bot_message"})
    assert not is_direct_message({**base, "channel_type": "mpim"})
    assert not is_direct_message({k: v for k, v in base.items() if k != "user"})


async def test_event_ids_are_remembered_for_an_hour(runtime: Runtime) -> None:
    clock = FrozenClock(datetime(2026, 3, 2, 13, 0, tzinfo=UTC))
    seen = EventDeduper(runtime.db, clock, ttl=timedelta(hours=1))
    assert await seen.first_time("Ev1")
    assert not await seen.first_time("Ev1")
    clock.advance(3599)
    assert not await seen.first_time("Ev1")
    clock.advance(1)  # exactly an hour after it was first seen: forgotten
    assert await seen.first_time("Ev1")
    assert await seen.first_time(None) and await seen.first_time(None)  # no id: no dedupe


async def test_an_event_is_handled_once_whichever_instance_gets_the_retry(
    runtime: Runtime, settings: Settings
) -> None:
    other = Runtime(settings, clock=runtime.clock)  # a second instance on the same database
    try:
        here = EventDeduper(runtime.db, runtime.clock)
        there = EventDeduper(other.db, other.clock)
        assert await here.first_time("Ev9")
        assert not await there.first_time("Ev9")  # Slack's retry, routed elsewhere
        assert await there.first_time("Ev10")
        assert not await here.first_time("Ev10")
    finally:
        await other.close()
