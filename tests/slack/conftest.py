"""The Slack app under test: the real ASGI app, requests signed with a test secret the way
Slack signs them, and the bot's own Web API calls going to the local fake Slack.

``SlackUser.command("every day at 9am …")`` posts a signed slash command and waits until
the work after the acknowledgement is done (the app's ``Background`` is awaited; nothing
sleeps), so a test reads the answer from ``fake_slack`` right after.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.slack.bolt import SlackApp
from agentcron.app.slack.routes import slack_app
from tests.engine.conftest import engine
from tests.fakes.openai_server import _openai_server_session, openai_server
from tests.fakes.slack_server import FakeSlack, fake_slack

__all__ = ["_openai_server_session", "engine", "fake_slack", "openai_server"]

SECRET = "test-signing-secret-0123456789abcdef"
TEAM = "T0TEAM"
ALICE = "U0ALICE"
BOB = "U0BOBBY1"
CHANNEL = "C0GENERAL"


def sign(body: str, *, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    """Slack's headers for ``body``: v0 HMAC-SHA256 of ``v0:<timestamp>:<body>``."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


@dataclass
class SlackUser:
    """One person in the workspace, sending what Slack would send on their behalf."""

    http: httpx.AsyncClient
    app: Starlette
    fake: FakeSlack
    user_id: str = ALICE
    team_id: str = TEAM
    _count: int = field(default=0)

    @property
    def slack(self) -> SlackApp:
        found = slack_app(self.app)
        assert found is not None
        return found

    def as_user(self, user_id: str) -> SlackUser:
        return SlackUser(self.http, self.app, self.fake, user_id, self.team_id)

    def _next(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}-{self.user_id}-{self._count}"

    async def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        *,
        settle: bool = True,
    ) -> httpx.Response:
        """POST to /slack/events; with ``settle``, also wait for the work after the ack."""
        headers = {"Content-Type": content_type, **(headers if headers is not None else sign(body))}
        response = await self.http.post("/slack/events", content=body, headers=headers)
        found = slack_app(self.app)
        if settle and found is not None:
            await found.background.wait_idle()
        return response

    async def send_command(
        self, text: str, *, channel: str = CHANNEL, command: str = "/schedule", settle: bool = True
    ) -> tuple[httpx.Response, str]:
        """Send ``/schedule <text>``; the HTTP response and the ident of its response_url."""
        ident = self._next("cmd")
        form = {
            "token": "legacy-token",
            "team_id": self.team_id,
            "team_domain": "example",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": self.user_id,
            "user_name": self.user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0APP",
            "response_url": self.fake.response_url(ident),
            "trigger_id": self._next("trigger"),
        }
        body = urllib.parse.urlencode(form)
        response = await self.post(body, "application/x-www-form-urlencoded", settle=settle)
        return response, ident

    async def command(
        self, text: str, *, channel: str = CHANNEL, command: str = "/schedule"
    ) -> dict[str, Any]:
        """Send ``/schedule <text>``; returns the one reply posted to its response_url."""
        response, ident = await self.send_command(text, channel=channel, command=command)
        assert response.status_code == 200, response.text
        assert response.text == "", "the acknowledgement carries no answer"
        replies = self.fake.responses(ident)
        assert len(replies) == 1, replies
        return replies[0]

    async def interact(self, payload: dict[str, Any]) -> httpx.Response:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def click(
        self, button: dict[str, Any], *, channel: str = CHANNEL, value: str | None = None
    ) -> str:
        """Click a button (or pick an overflow option ``value``) of a card; returns the
        ident of the response_url the answer goes to."""
        ident = self._next("click")
        action: dict[str, Any] = {
            "action_id": button["action_id"],
            "block_id": "b",
            "type": button["type"],
            "action_ts": "1700000000.000100",
        }
        if button["type"] == "overflow":
            action["selected_option"] = {
                "text": {"type": "plain_text", "text": "x"},
                "value": value,
            }
        else:
            action["value"] = button["value"]
            action["text"] = button["text"]
        payload = {
            "type": "block_actions",
            "user": {"id": self.user_id, "team_id": self.team_id, "username": "someone"},
            "api_app_id": "A0APP",
            "team": {"id": self.team_id, "domain": "example"},
            "channel": {"id": channel, "name": "general"},
            "container": {"type": "message", "is_ephemeral": True},
            "trigger_id": self._next("trigger"),
            "response_url": self.fake.response_url(ident),
            "actions": [action],
        }
        response = await self.interact(payload)
        assert response.status_code == 200, response.text
        return ident

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None
    ) -> tuple[httpx.Response, str]:
        event_id = event_id or self._next("Ev")
        body = json.dumps(
            {
                "token": "legacy-token",
                "team_id": self.team_id,
                "api_app_id": "A0APP",
                "event": {"user": self.user_id, "ts": "1700000000.000200", **event},
                "type": "event_callback",
                "event_id": event_id,
                "event_time": 1700000000,
            }
        )
        return await self.post(body, "application/json"), event_id


@pytest.fixture
def slack_settings(settings: Settings, fake_slack: FakeSlack) -> Settings:
    settings.slack_signing_secret = SECRET
    settings.slack_bot_token = "xoxb-test-token"
    settings.slack_api_url = fake_slack.base_url
    return settings


@pytest.fixture
async def alice(
    slack_settings: Settings, runtime: Runtime, fake_slack: FakeSlack
) -> AsyncIterator[SlackUser]:
    """Alice in workspace T0TEAM (zone America/New_York, the fake's default), on an app
    without a running engine."""
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        yield SlackUser(http, app, fake_slack)


def buttons(reply: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A card's buttons by their label."""
    found = {}
    for block in reply.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("type") == "button":
                found[element["text"]["text"]] = element
    return found


def overflow_menus(reply: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        block["accessory"]
        for block in reply.get("blocks") or []
        if (block.get("accessory") or {}).get("type") == "overflow"
    ]


def card_text(reply: dict[str, Any]) -> str:
    """Every piece of text in a message, joined (for asserting what a person reads)."""
    parts = [reply.get("text") or ""]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(reply.get("blocks") or [])
    return "\n".join(parts)
