"""``POST /slack/events``: every request Slack sends (slash command, events, interactivity);
``GET /slack/install`` and ``/slack/oauth_redirect`` for installing into workspaces; and
Socket Mode, started with the service when SLACK_APP_TOKEN is set.

The service starts without Slack settings; until the Slack app is configured (a bot token or
OAuth credentials, and a signing secret or an app token) the endpoints answer 404, like any
path that does not exist. The bolt app is built on the first request (or at start-up, for
Socket Mode) and kept on the Starlette app's state, so a service that never hears from Slack
never imports slack-bolt.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentcron.app.domain.slack_envelope import read_envelope

log = logging.getLogger("agentcron.slack")

if TYPE_CHECKING:
    from agentcron.app.slack.bolt import SlackApp

#: Slack's payloads are a few kilobytes; anything far larger is not from Slack
MAX_BODY_BYTES = 1_000_000
NOT_CONFIGURED = (
    "the Slack app is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN "
    "(or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and AGENTCRON_SLACK_TOKEN_KEY)"
)


def slack_app(app: Starlette) -> SlackApp | None:
    """The app's SlackApp, built once; None while Slack is not configured."""
    existing: SlackApp | None = getattr(app.state, "slack", None)
    if existing is not None:
        return existing
    settings = app.state.runtime.settings
    if not settings.slack_app_configured:
        return None
    from agentcron.app.slack.bolt import SlackApp
    from agentcron.app.storage.slack_installs import TokenKeyError

    try:
        app.state.slack = SlackApp(app.state.runtime)
    except TokenKeyError as error:  # OAuth without a usable key: say so, once per request
        log.error("the Slack app cannot start: %s", error)
        return None
    return app.state.slack


async def start_socket_mode(app: Starlette) -> None:
    """With SLACK_APP_TOKEN, connect to Slack over Socket Mode at start-up (no public URL)."""
    if not app.state.runtime.settings.slack_app_token:
        return
    slack = slack_app(app)
    if slack is not None:
        await slack.start_socket_mode()


async def slack_events(request: Request) -> Response:
    slack = slack_app(request.app)
    if slack is None or not request.app.state.runtime.settings.slack_signing_secret:
        raise HTTPException(404, NOT_CONFIGURED)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
    body = await request.body()  # bounded while it streams (app.api.guard.LimitBody)
    _refuse_malformed(request, body)
    signature = request.headers.get("x-slack-signature", "")
    if _signed(request, body) and not await slack.events.first_time(f"sig:{signature[:90]}"):
        # a signed request seen before: a replay within the window (or a resend); once only
        return Response(status_code=200)
    return await slack.dispatch(request)


def _refuse_malformed(request: Request, body: bytes) -> None:
    """What bolt would crash on: a timestamp that is not a number, a body that is not
    UTF-8, or one not in a shape Slack sends (``read_envelope``: 400 naming the field)."""
    stamp = request.headers.get("x-slack-request-timestamp", "")
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
        raise HTTPException(401, "X-Slack-Request-Timestamp must be a Unix time in seconds")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8") from None
    read_envelope(text, request.headers.get("content-type", ""))


def _signed(request: Request, body: bytes) -> bool:
    from slack_sdk.signature import SignatureVerifier

    secret = request.app.state.runtime.settings.slack_signing_secret or ""
    return SignatureVerifier(secret).is_valid(
        body=body,
        timestamp=request.headers.get("x-slack-request-timestamp", ""),
        signature=request.headers.get("x-slack-signature", ""),
    )


async def slack_oauth(request: Request) -> Response:
    """``/slack/install`` (the "Add to Slack" page) and ``/slack/oauth_redirect`` (Slack's
    answer): slack-bolt's OAuth flow, there only when SLACK_CLIENT_ID/SECRET are set."""
    slack = slack_app(request.app)
    if slack is None or not request.app.state.runtime.settings.slack_oauth:
        raise HTTPException(404, "installing through OAuth is not configured")
    return await slack.dispatch(request)


routes = [
    Route("/slack/events", slack_events, methods=["POST"]),
    Route("/slack/install", slack_oauth, methods=["GET"]),
    Route("/slack/oauth_redirect", slack_oauth, methods=["GET"]),
]
