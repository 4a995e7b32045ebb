"""A fake Slack Web API on 127.0.0.1, used through the real ``AsyncWebClient(base_url=…)``.

Implemented: ``chat.postMessage`` (checks Slack's payload limits), ``chat.postEphemeral``,
``users.info`` (a user with a ``tz``), ``auth.test``, ``views.open``, and POSTs to
``/response_url/<id>`` (slash-command and interaction replies). Every call is recorded in
``calls`` as ``(method, payload)``; ``script`` queues answers for a method (a 429 with
``Retry-After``, an ``ok: false`` error, a 500) that are used before the default behaviour
resumes.

    async def test_something(fake_slack):
        fake_slack.script("chat.postMessage", {"ok": False, "error": "ratelimited"},
                          status=429, headers={"Retry-After": "1"})
        client = AsyncWebClient(token="xoxb-test", base_url=fake_slack.base_url)
        ...
        assert [method for method, _ in fake_slack.calls] == ["chat.postMessage", ...]
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

#: Slack refuses a payload whose markdown blocks hold more than this many characters.
MARKDOWN_PAYLOAD_LIMIT = 12_000
TEXT_LIMIT = 40_000
BLOCKS_LIMIT = 50


@dataclass
class ScriptedAnswer:
    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    def __init__(self) -> None:
        self.root_url = ""
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.tokens: list[str | None] = []
        #: when set, chat.postMessage to any other channel answers channel_not_found
        self.known_channels: set[str] | None = None
        self.default_tz = "America/New_York"
        self.users: dict[str, dict[str, Any]] = {}
        #: every message chat.postMessage accepted (with its ts), as Slack would store it
        self.messages: list[dict[str, Any]] = []
        self._scripts: dict[str, list[ScriptedAnswer]] = {}
        self._ts = 1_700_000_000_000_100
        self._changed = asyncio.Condition()

    @property
    def base_url(self) -> str:
        """The Web API base URL for ``AsyncWebClient(base_url=…)``."""
        return self.root_url + "/api/"

    def response_url(self, ident: str) -> str:
        """A ``response_url`` for a slash command; POSTs to it are recorded as calls."""
        return f"{self.root_url}/response_url/{ident}"

    def script(
        self,
        method: str,
        body: Mapping[str, Any] | str,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with ``body`` (JSON unless a str)."""
        answer = ScriptedAnswer(body, status, dict(headers or {}))
        self._scripts.setdefault(method, []).extend([answer] * times)

    def add_user(self, user_id: str, *, tz: str, name: str | None = None) -> None:
        self.users[user_id] = _user(user_id, tz=tz, name=name)

    def posted(self) -> list[dict[str, Any]]:
        """The payloads of every chat.postMessage call, in order."""
        return [payload for method, payload in self.calls if method == "chat.postMessage"]

    async def wait_for_calls(self, count: int, *, method: str | None = None) -> None:
        def enough() -> bool:
            return sum(1 for m, _ in self.calls if method in (None, m)) >= count

        async with self._changed:
            await self._changed.wait_for(enough)

    async def handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _payload(request)
        auth = request.headers.get("Authorization", "")
        self.tokens.append(auth.removeprefix("Bearer ") if auth else payload.get("token"))
        await self._record(method, payload)

        scripted = self._scripts.get(method)
        if scripted:
            answer = scripted.pop(0)
            if isinstance(answer.body, str):
                return web.Response(status=answer.status, text=answer.body, headers=answer.headers)
            return web.json_response(answer.body, status=answer.status, headers=answer.headers)

        if method == "chat.postMessage":
            return web.json_response(self._post_message(payload))
        if method == "users.info":
            user_id = str(payload.get("user", ""))
            user = self.users.get(user_id) or _user(user_id, tz=self.default_tz)
            return web.json_response({"ok": True, "user": user})
        if method == "chat.postEphemeral":
            if not payload.get("channel") or not payload.get("user"):
                return web.json_response({"ok": False, "error": "invalid_arguments"})
            self._ts += 100
            return web.json_response({"ok": True, "message_ts": self._message_ts()})
        if method == "views.open":
            view = payload.get("view")
            if isinstance(view, str):
                view = json.loads(view)
            if not payload.get("trigger_id") or not isinstance(view, dict):
                return web.json_response({"ok": False, "error": "invalid_arguments"})
            return web.json_response({"ok": True, "view": {"id": "V0FAKE", **view}})
        if method == "auth.test":
            return web.json_response(
                {
                    "ok": True,
                    "url": "https://fake.slack.test/",
                    "team": "Fake Team",
                    "user": "agentcron",
                    "team_id": "T0FAKE",
                    "user_id": "U0BOT",
                    "bot_id": "B0BOT",
                }
            )
        return web.json_response({"ok": False, "error": "unknown_method"})

    async def handle_response_url(self, request: web.Request) -> web.Response:
        payload = await _payload(request)
        await self._record("response_url", {"id": request.match_info["ident"], **payload})
        return web.Response(text="ok")

    async def _record(self, method: str, payload: dict[str, Any]) -> None:
        self.calls.append((method, payload))
        async with self._changed:
            self._changed.notify_all()

    def _post_message(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        channel = str(payload.get("channel") or "")
        if not channel or (self.known_channels is not None and channel not in self.known_channels):
            return {"ok": False, "error": "channel_not_found"}
        blocks = payload.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        text = str(payload.get("text") or "")
        if not blocks and not text:
            return {"ok": False, "error": "no_text"}
        if len(text) > TEXT_LIMIT:
            return {"ok": False, "error": "msg_too_long"}
        markdown = sum(len(b.get("text", "")) for b in blocks if b.get("type") == "markdown")
        if len(blocks) > BLOCKS_LIMIT or markdown > MARKDOWN_PAYLOAD_LIMIT:
            return {"ok": False, "error": "invalid_blocks"}
        self._ts += 100
        ts = self._message_ts()
        channel_id = channel if channel[:1] in "CGD" and channel.isupper() else "C0FAKE0001"
        message = {"type": "message", "text": text, "ts": ts, "bot_id": "B0BOT", "blocks": blocks}
        if payload.get("thread_ts"):
            message["thread_ts"] = payload["thread_ts"]
        self.messages.append({"channel": channel_id, **message})
        return {"ok": True, "channel": channel_id, "ts": ts, "message": message}

    def _message_ts(self) -> str:
        return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def responses(self, ident: str | None = None) -> list[dict[str, Any]]:
        """The payloads POSTed to response URLs (to the one named ``ident``), in order."""
        return [
            payload
            for method, payload in self.calls
            if method == "response_url" and ident in (None, payload.get("id"))
        ]


def _user(user_id: str, *, tz: str, name: str | None = None) -> dict[str, Any]:
    return {
        "id": user_id,
        "name": name or user_id.lower(),
        "real_name": name or user_id,
        "tz": tz,
        "tz_label": tz,
        "is_bot": False,
    }


async def _payload(request: web.Request) -> dict[str, Any]:
    """slack_sdk sends JSON for some methods, a form for others, a query for GETs."""
    payload: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            payload.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        payload.update(dict(await request.post()))
    return payload


@asynccontextmanager
async def running_fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    app = web.Application()
    app.router.add_route("*", "/api/{method}", fake.handle_api)
    app.router.add_post("/response_url/{ident}", fake.handle_response_url)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.root_url = f"http://{host}:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with running_fake_slack() as fake:
        yield fake
