"""``POST /slack/events``: every request Slack sends (slash command, events, interactivity).

The service starts without Slack settings; until SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN
are both set the endpoint answers 404, like any path that does not exist. The bolt app is
built on the first request and kept on the Starlette app's state, so a service that never
hears from Slack never imports slack-bolt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

if TYPE_CHECKING:
    from agentcron.app.slack.bolt import SlackApp

#: Slack's payloads are a few kilobytes; anything far larger is not from Slack
MAX_BODY_BYTES = 1_000_000
NOT_CONFIGURED = "the Slack app is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"


def slack_app(app: Starlette) -> SlackApp | None:
    """The app's SlackApp, built once; None while Slack is not configured."""
    existing: SlackApp | None = getattr(app.state, "slack", None)
    if existing is not None:
        return existing
    settings = app.state.runtime.settings
    if not settings.slack_signing_secret or not settings.slack_bot_token:
        return None
    from agentcron.app.slack.bolt import SlackApp

    app.state.slack = SlackApp(app.state.runtime)
    return app.state.slack


async def slack_events(request: Request) -> Response:
    slack = slack_app(request.app)
    if slack is None:
        raise HTTPException(404, NOT_CONFIGURED)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
    return await slack.dispatch(request)


routes = [Route("/slack/events", slack_events, methods=["POST"])]
