"""Socket Mode: with SLACK_APP_TOKEN the app opens a websocket to Slack (here, the fake's
``apps.connections.open`` and ``/socket``) through slack-bolt's own aiohttp adapter, and
commands, events and clicks arrive down it instead of over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.slack.bolt import SlackApp
from agentcron.app.slack.routes import slack_app, start_socket_mode
from agentcron.app.storage.jobs import JobQuery
from tests.fakes.slack_server import FakeSlack
from tests.slack.conftest import ALICE, CHANNEL, TEAM, buttons, card_text


@pytest.fixture
async def socket_app(
    settings: Settings, runtime: Runtime, fake_slack: FakeSlack
) -> AsyncIterator[tuple[Starlette, SlackApp]]:
    settings.slack_bot_token = "xoxb-test-token"
    settings.slack_app_token = "xapp-test-token"
    settings.slack_signing_secret = None  # not needed: the websocket is authenticated
    settings.slack_api_url = fake_slack.base_url
    app = create_app(runtime, start_engine=False)
    await start_socket_mode(app)  # what the lifespan does at start-up
    slack = slack_app(app)
    assert slack is not None
    try:
        yield app, slack
    finally:
        await slack.aclose()


async def answered(fake: FakeSlack, slack: SlackApp, envelope_id: str) -> dict[str, Any]:
    """The acknowledgement of an envelope, once the work after it is done too."""
    async with asyncio.timeout(10):
        while not fake.acks(envelope_id):
            await fake.wait_for_calls(len(fake.calls) + 1)
    await slack.background.wait_idle()
    [ack] = fake.acks(envelope_id)
    return ack


def command(fake: FakeSlack, text: str, ident: str) -> dict[str, Any]:
    return {
        "team_id": TEAM,
        "channel_id": CHANNEL,
        "user_id": ALICE,
        "command": "/schedule",
        "text": text,
        "api_app_id": "A0APP",
        "response_url": fake.response_url(ident),
        "trigger_id": f"trigger-{ident}",
    }


async def test_commands_and_clicks_arrive_over_the_websocket(
    socket_app: tuple[Starlette, SlackApp], fake_slack: FakeSlack
) -> None:
    app, slack = socket_app
    assert [m for m, _ in fake_slack.calls].count("apps.connections.open") == 1
    assert fake_slack.tokens[0] == "xapp-test-token"  # the app-level token opens it
    assert len(fake_slack.sockets) == 1

    envelope = await fake_slack.send_envelope(
        "slash_commands", command(fake_slack, "every day at 9am water the plants", "one")
    )
    await answered(fake_slack, slack, envelope)
    [card] = fake_slack.responses("one")
    assert "water the plants" in card_text(card)

    click = {
        "type": "block_actions",
        "user": {"id": ALICE, "team_id": TEAM},
        "team": {"id": TEAM},
        "channel": {"id": CHANNEL},
        "trigger_id": "trigger-click",
        "response_url": fake_slack.response_url("two"),
        "actions": [
            {
                "action_id": "agentcron_create",
                "block_id": "b",
                "type": "button",
                "value": buttons(card)["Create"]["value"],
                "action_ts": "1700000000.000100",
            }
        ],
    }
    envelope = await fake_slack.send_envelope("interactive", click)
    await answered(fake_slack, slack, envelope)
    assert "Scheduled" in card_text(fake_slack.responses("two")[0])
    [job], _ = await slack.rt.jobs.list(f"slack:{TEAM}:{ALICE}", JobQuery())
    assert job["goal"] == "water the plants"

    # and the HTTP endpoint, with no signing secret to check requests by, is not there
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        assert (await http.post("/slack/events", content="x")).status_code == 404


async def test_an_event_arrives_over_the_websocket_once(
    socket_app: tuple[Starlette, SlackApp], fake_slack: FakeSlack
) -> None:
    _, slack = socket_app
    event = {
        "token": "t",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "type": "event_callback",
        "event_id": "Ev0SOCKET",
        "event_time": 1700000000,
        "event": {
            "type": "app_mention",
            "user": ALICE,
            "channel": CHANNEL,
            "text": "<@U0BOT> help",
            "ts": "1700000000.000200",
        },
    }
    first = await fake_slack.send_envelope("events_api", event)
    await answered(fake_slack, slack, first)
    again = await fake_slack.send_envelope("events_api", event)  # Slack's retry
    await answered(fake_slack, slack, again)
    ephemeral = [p for m, p in fake_slack.calls if m == "chat.postEphemeral"]
    assert len(ephemeral) == 1 and ephemeral[0]["user"] == ALICE
