"""A fake Slack Web API on 127.0.0.1, used through the real ``AsyncWebClient(base_url=…)``.

Implemented: ``chat.postMessage`` (checks Slack's payload limits), ``chat.postEphemeral``,
``users.info`` (a user with a ``tz``), ``auth.test``, ``views.open``/``publish``/``update``,
``apps.connections.open`` with a Socket Mode websocket at ``/socket`` (``send_envelope``
pushes a request, ``acks`` reads the app's answer), ``conversations.info``/``members``/
``list`` (channels added with ``add_channel``; any other
channel id is a public channel everyone is in, so tests that do not care need not set one
up), and POSTs to ``/response_url/<id>`` (slash-command and interaction replies). Every
call is recorded in ``calls`` as ``(method, payload)``; ``script`` queues answers for a
method (a 429 with ``Retry-After``, an ``ok: false`` error, a 500, or ``DROP``: the
connection closed without an answer) that are used before the default behaviour resumes.

Every block and view the app sends is parsed with slack_sdk's own models and validated, with
the limits the models do not check (a button's value, a view's private_metadata, an input's
initial value) checked too: a card Slack would refuse is refused here with
``invalid_blocks`` and recorded in ``invalid``.

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
BUTTON_VALUE_LIMIT = 2_000
OPTION_LIMIT = 150
METADATA_LIMIT = 3_000
INPUT_LIMIT = 3_000
BOT_USER = "U0BOT"
#: a scripted answer that closes the connection without a response (a network blip)
DROP = "<drop the connection>"


@dataclass
class FakeChannel:
    id: str
    name: str
    private: bool = False
    members: set[str] = field(default_factory=set)
    archived: bool = False


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
        #: each Web API call with the token it carried: (method, payload, token)
        self.authed: list[tuple[str, dict[str, Any], str | None]] = []
        #: when set, chat.postMessage to any other channel answers channel_not_found
        self.known_channels: set[str] | None = None
        self.default_tz = "America/New_York"
        self.users: dict[str, dict[str, Any]] = {}
        #: every message chat.postMessage accepted (with its ts), as Slack would store it
        self.messages: list[dict[str, Any]] = []
        #: channels with their members; the bot is a member when BOT_USER is among them
        self.channels: dict[str, FakeChannel] = {}
        #: what the models refused: (method, reason)
        self.invalid: list[tuple[str, str]] = []
        #: the App Home each user was last shown (views.publish)
        self.homes: dict[str, dict[str, Any]] = {}
        self._views = 0
        #: OAuth: the installation each code grants, and the workspace of each bot token
        self.oauth_codes: dict[str, tuple[str, str]] = {}
        self.token_teams: dict[str, str] = {}
        #: open Socket Mode connections, and the envelopes sent down them
        self.sockets: list[web.WebSocketResponse] = []
        self._envelopes = 0
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

    def add_user(
        self, user_id: str, *, tz: str, name: str | None = None, admin: bool = False
    ) -> None:
        self.users[user_id] = _user(user_id, tz=tz, name=name, admin=admin)

    def add_channel(
        self,
        channel_id: str,
        name: str,
        *,
        members: set[str] | frozenset[str] = frozenset(),
        private: bool = False,
        bot: bool = True,
    ) -> FakeChannel:
        """A channel with these members (and the bot, unless ``bot=False``)."""
        channel = FakeChannel(
            channel_id, name, private, set(members) | ({BOT_USER} if bot else set())
        )
        self.channels[channel_id] = channel
        return channel

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
        token = auth.removeprefix("Bearer ") if auth else payload.get("token")
        self.tokens.append(token)
        self.authed.append((method, payload, token))
        await self._record(method, payload)

        scripted = self._scripts.get(method)
        if scripted:
            answer = scripted.pop(0)
            if answer.body == DROP:
                assert request.transport is not None
                request.transport.close()
                return web.Response(status=500)
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
            if (problem := self._invalid(method, payload.get("blocks"))) is not None:
                return web.json_response({"ok": False, "error": "invalid_blocks", "why": problem})
            self._ts += 100
            return web.json_response({"ok": True, "message_ts": self._message_ts()})
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            return web.json_response(self._view(method, payload))
        if method.startswith("conversations."):
            return web.json_response(self._conversations(method, payload))
        if method == "apps.connections.open":
            if not str(self.tokens[-1] or "").startswith("xapp-"):
                return web.json_response({"ok": False, "error": "not_allowed_token_type"})
            return web.json_response(
                {"ok": True, "url": self.root_url.replace("http", "ws") + "/socket"}
            )
        if method == "auth.test":
            token = str(self.tokens[-1] or "")
            return web.json_response(
                {
                    "ok": True,
                    "url": "https://fake.slack.test/",
                    "team": "Fake Team",
                    "user": "agentcron",
                    "team_id": self.token_teams.get(token, "T0FAKE"),
                    "user_id": "U0BOT",
                    "bot_id": "B0BOT",
                }
            )
        if method == "oauth.v2.access":
            return web.json_response(self._oauth_access(payload))
        return web.json_response({"ok": False, "error": "unknown_method"})

    async def handle_response_url(self, request: web.Request) -> web.Response:
        payload = await _payload(request)
        await self._record("response_url", {"id": request.match_info["ident"], **payload})
        if (problem := self._invalid("response_url", payload.get("blocks"))) is not None:
            return web.Response(status=400, text=f"invalid_blocks: {problem}")
        return web.Response(text="ok")

    # -- OAuth --------------------------------------------------------------------------------

    def add_installation(self, code: str, *, team_id: str, user_id: str) -> str:
        """An OAuth ``code`` Slack would hand back after ``user_id`` installed the app in
        ``team_id``; the bot token it grants."""
        token = f"xoxb-{team_id.lower()}-secret"
        self.oauth_codes[code] = (team_id, user_id)
        self.token_teams[token] = team_id
        return token

    def _oauth_access(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        found = self.oauth_codes.pop(str(payload.get("code") or ""), None)
        if found is None:
            return {"ok": False, "error": "invalid_code"}
        team_id, user_id = found
        return {
            "ok": True,
            "app_id": "A0APP",
            "authed_user": {"id": user_id},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": f"xoxb-{team_id.lower()}-secret",
            "bot_user_id": BOT_USER,
            "team": {"id": team_id, "name": f"Team {team_id}"},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    # -- Socket Mode ------------------------------------------------------------------------

    async def handle_socket(self, request: web.Request) -> web.WebSocketResponse:
        """Slack's Socket Mode end: says hello, sends what ``send_envelope`` queues, and
        records each acknowledgement (``{"envelope_id", "payload"}``) in ``acks``."""
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        async for message in socket:
            if message.type == web.WSMsgType.TEXT:
                await self._record("socket_ack", json.loads(message.data))
        return socket

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Push one request down the open Socket Mode connection; its envelope id."""
        self._envelopes += 1
        envelope_id = f"env-{self._envelopes}"
        await self.sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        return envelope_id

    def acks(self, envelope_id: str) -> list[dict[str, Any]]:
        return [
            payload
            for method, payload in self.calls
            if method == "socket_ack" and payload.get("envelope_id") == envelope_id
        ]

    # -- views and conversations ----------------------------------------------------------

    def _view(self, method: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        view = payload.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        if not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        if method in ("views.open", "views.push") and not payload.get("trigger_id"):
            return {"ok": False, "error": "invalid_arguments"}
        if method == "views.publish" and not payload.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        if method == "views.update" and not (payload.get("view_id") or payload.get("external_id")):
            return {"ok": False, "error": "invalid_arguments"}
        if (problem := self._invalid_view(method, view)) is not None:
            return {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": [problem]},
            }
        self._views += 1
        shown = {"id": payload.get("view_id") or f"V0FAKE{self._views}", **view}
        if method == "views.publish":
            self.homes[str(payload["user_id"])] = shown
        return {"ok": True, "view": shown}

    def _channel(self, channel_id: str) -> FakeChannel | None:
        """The channel as the bot sees it: a private one it is not in does not exist."""
        channel = self.channels.get(channel_id)
        if channel is None:
            if channel_id[:1] not in ("C", "G") or not channel_id.isupper():
                return None
            # not set up by the test: a public channel everyone is in
            return FakeChannel(channel_id, channel_id.lower(), members={"*"})
        if channel.private and BOT_USER not in channel.members:
            return None
        return channel

    def _conversations(self, method: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        if method == "conversations.list":
            listed = [
                {"id": c.id, "name": c.name, "is_private": c.private}
                for c in self.channels.values()
                if not c.private or BOT_USER in c.members
            ]
            return {"ok": True, "channels": listed, "response_metadata": {"next_cursor": ""}}
        channel = self._channel(str(payload.get("channel") or ""))
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        if method == "conversations.info":
            member = "*" in channel.members or BOT_USER in channel.members
            return {
                "ok": True,
                "channel": {
                    "id": channel.id,
                    "name": channel.name,
                    "is_channel": not channel.private,
                    "is_group": False,
                    "is_im": False,
                    "is_private": channel.private,
                    "is_archived": channel.archived,
                    "is_member": member,
                },
            }
        if method == "conversations.members":
            if "*" in channel.members:  # everyone: whoever is asked about is in it
                members = sorted({*self.users, "U0ALICE", "U0BOBBY1", BOT_USER})
            else:
                members = sorted(channel.members)
            return self._page(members, "members", payload)
        return {"ok": False, "error": "unknown_method"}

    @staticmethod
    def _page(items: list[Any], key: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Cursor pagination as Slack does it, two items a page so tests cross pages."""
        start = int(payload.get("cursor") or 0)
        end = start + 2
        cursor = str(end) if end < len(items) else ""
        return {"ok": True, key: items[start:end], "response_metadata": {"next_cursor": cursor}}

    # -- validation with slack_sdk's models -----------------------------------------------

    def _invalid(self, method: str, blocks: Any) -> str | None:
        if blocks is None or blocks == "":
            return None
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        problem = block_problem(blocks)
        if problem is not None:
            self.invalid.append((method, problem))
        return problem

    def _invalid_view(self, method: str, view: dict[str, Any]) -> str | None:
        problem = view_problem(view)
        if problem is not None:
            self.invalid.append((method, problem))
        return problem

    async def _record(self, method: str, payload: dict[str, Any]) -> None:
        self.calls.append((method, payload))
        async with self._changed:
            self._changed.notify_all()

    def _post_message(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        channel = str(payload.get("channel") or "")
        if not channel or (self.known_channels is not None and channel not in self.known_channels):
            return {"ok": False, "error": "channel_not_found"}
        if channel in self.channels:
            if self._channel(channel) is None:
                return {"ok": False, "error": "channel_not_found"}
            if BOT_USER not in self.channels[channel].members:
                return {"ok": False, "error": "not_in_channel"}
        blocks = payload.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        if (problem := self._invalid("chat.postMessage", blocks)) is not None:
            return {"ok": False, "error": "invalid_blocks", "why": problem}
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


def _user(user_id: str, *, tz: str, name: str | None = None, admin: bool = False) -> dict[str, Any]:
    return {
        "id": user_id,
        "name": name or user_id.lower(),
        "real_name": name or user_id,
        "tz": tz,
        "tz_label": tz,
        "is_bot": False,
        "is_admin": admin,
        "is_owner": False,
    }


def block_problem(blocks: Any) -> str | None:
    """Why Slack would refuse these blocks, or None: slack_sdk's models, then the limits
    they leave out."""
    from slack_sdk.errors import SlackObjectFormationError
    from slack_sdk.models.blocks import Block

    if not isinstance(blocks, list) or len(blocks) > BLOCKS_LIMIT:
        return "blocks must be a list of at most 50"
    for raw in blocks:
        if not isinstance(raw, dict):
            return "a block is not an object"
        block = Block.parse(raw)
        if block is None:
            return f"unknown block type {raw.get('type')!r}"
        try:
            block.validate_json()
        except SlackObjectFormationError as error:
            return f"{raw.get('type')}: {error}"
        if (problem := _limits(raw)) is not None:
            return problem
    return None


def view_problem(view: dict[str, Any]) -> str | None:
    from slack_sdk.errors import SlackObjectFormationError
    from slack_sdk.models.views import View

    try:
        View(**view).validate_json()
    except (SlackObjectFormationError, TypeError) as error:
        return f"view: {error}"
    if len(view.get("private_metadata") or "") > METADATA_LIMIT:
        return "view: private_metadata is longer than 3000 characters"
    return block_problem(view.get("blocks") or [])


def _limits(node: Any) -> str | None:
    if isinstance(node, list):
        for item in node:
            if (problem := _limits(item)) is not None:
                return problem
        return None
    if not isinstance(node, dict):
        return None
    kind = node.get("type")
    value = node.get("value")
    if kind == "button" and isinstance(value, str) and len(value) > BUTTON_VALUE_LIMIT:
        return f"button: value is longer than {BUTTON_VALUE_LIMIT} characters"
    if kind is None and "text" in node and isinstance(value, str) and len(value) > OPTION_LIMIT:
        return f"option: value is longer than {OPTION_LIMIT} characters"
    if kind == "plain_text_input":
        initial = node.get("initial_value") or ""
        limit = min(node.get("max_length") or INPUT_LIMIT, INPUT_LIMIT)
        if len(initial) > limit:
            return f"plain_text_input: initial_value is longer than {limit} characters"
    if kind == "conversations_select" and "initial_conversation" in node:
        initial = str(node["initial_conversation"])
        if not (initial[:1] in ("C", "G", "D") and initial.isupper()):
            return "conversations_select: initial_conversation must be a conversation id"
    for value in node.values():
        if isinstance(value, (dict, list)) and (problem := _limits(value)) is not None:
            return problem
    return None


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
    app.router.add_get("/socket", fake.handle_socket)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.root_url = f"http://{host}:{port}"
    try:
        yield fake
    finally:
        for socket in fake.sockets:
            await socket.close()
        await runner.cleanup()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with running_fake_slack() as fake:
        yield fake
