"""The slack-bolt app behind ``/slack/events``: slash command, events and interactivity.

Bolt checks every request's signature (``X-Slack-Signature``, a 5-minute window) before a
listener sees it; a missing, wrong or stale one is answered 401. ``process_before_response``
makes bolt run each listener to its end before answering, and every listener here only
acknowledges and hands its work to ``Background``, so Slack gets its answer in milliseconds
and the work (``users.info``, parsing, an LLM, the database) continues after it.

Nothing here talks to Slack at start-up: bolt calls ``auth.test`` once, on the first
request, through the same client (so ``AGENTCRON_SLACK_API_URL`` points it at a fake).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import Response

from agentcron.app.domain.slack_access import AccessPolicy, environment_policy
from agentcron.app.domain.slack_envelope import clicked_value
from agentcron.app.runtime import Runtime
from agentcron.app.slack import actions, cards, home, views
from agentcron.app.slack.cards import Reply
from agentcron.app.slack.commands import Caller, CommandHandler
from agentcron.app.slack.directory import Directory
from agentcron.app.slack.drafts import DraftKeeper
from agentcron.app.slack.gate import Gate
from agentcron.app.slack.install import Workspaces, installation_store, oauth_settings
from agentcron.app.slack.mentions import EventDeduper, answer_event, event_sender, is_direct_message
from agentcron.app.slack.tasks import Background
from agentcron.app.storage.slack_drafts import SlackDraftStore
from agentcron.app.storage.slack_workspaces import SlackWorkspaceStore
from agentcron.delivery.slack import build_slack_client

log = logging.getLogger("agentcron.slack")

#: seconds the app's own Slack calls (users.info, views.open, replies) may take
CLIENT_TIMEOUT = 10


class SlackApp:
    """Bolt, its listeners, and what they share: the command handler, the users' zones,
    the events already seen and the work still running."""

    def __init__(self, rt: Runtime, *, client: AsyncWebClient | None = None) -> None:
        settings = rt.settings
        if not settings.slack_app_configured:
            raise ValueError(
                "the Slack app needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)"
            )
        self.rt = rt
        self.client = client or build_slack_client(
            settings.slack_bot_token,
            base_url=settings.slack_api_url,
            timeout=CLIENT_TIMEOUT,
            retry_connection_errors=True,
        )
        store = installation_store(rt) if settings.slack_oauth else None
        self.workspaces = Workspaces(rt, self.client, store)
        self.directory = Directory(self.client_for, clock=rt.clock)
        self.gate = Gate(rt, self.directory, self.policy_for)
        self.keeper = DraftKeeper(SlackDraftStore(rt.db), rt.clock)
        self.commands = CommandHandler(rt, self.gate, self.keeper)
        self.events = EventDeduper(rt.db, rt.clock)
        self.background = Background()
        self.socket: Any = None
        self.bolt = AsyncApp(
            # Socket Mode needs no signing secret: the connection itself is authenticated
            signing_secret=settings.slack_signing_secret or "",
            client=self.client,
            process_before_response=True,
            logger=log,
            # with OAuth, each request is authorized with its workspace's installation
            installation_store=store,
            oauth_settings=oauth_settings(rt, store) if store is not None else None,
        )
        self.handler = AsyncSlackRequestHandler(self.bolt)
        self._register()

    async def client_for(self, team_id: str) -> AsyncWebClient:
        """The Web API client of a workspace (its own token, when installed with OAuth)."""
        return await self.workspaces.client(team_id)

    async def policy_for(self, team_id: str) -> AccessPolicy:
        """Who may do what in a workspace: the environment's settings, with the workspace's
        own (``PUT /api/scheduler/slack/workspaces/{team_id}``) over them."""
        stored = await SlackWorkspaceStore(self.rt.db).get(team_id)
        return environment_policy(self.rt.settings).overridden(stored)

    async def dispatch(self, request: Request) -> Response:
        return await self.handler.handle(request)

    async def start_socket_mode(self) -> None:
        """Connect to Slack over Socket Mode (slack-bolt's aiohttp adapter): Slack sends
        commands, events and clicks down a websocket this instance opened, so the service
        needs no public URL. Each instance holds its own connection; Slack spreads the
        requests over them, and events are still handled once (the shared event ids)."""
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        self.socket = AsyncSocketModeHandler(
            self.bolt, self.rt.settings.slack_app_token, web_client=self.client
        )
        await self.socket.connect_async()
        log.info("connected to Slack over Socket Mode")

    async def aclose(self, grace: float = 5.0) -> None:
        if self.socket is not None:
            await self.socket.close_async()
            self.socket = None
        await self.background.aclose(grace)

    def _register(self) -> None:
        bolt = self.bolt
        # any command name: the manifest says /schedule, a workspace may pick another
        bolt.command(re.compile(r"^/"))(self._on_command)
        bolt.event("app_mention")(self._on_mention)
        bolt.event("message")(self._on_message)
        bolt.action(cards.CREATE)(self._with_action(actions.create))
        bolt.action(cards.TRY)(self._with_action(actions.try_draft))
        bolt.action(cards.EDIT)(self._with_action(actions.edit))
        bolt.action(cards.DELETE)(self._with_action(actions.delete))
        bolt.action(cards.KEEP)(self._with_action(actions.keep))
        bolt.action(cards.JOB_MENU)(self._with_action(actions.job_menu))
        bolt.action(cards.CONFIRM_EDIT)(self._with_action(actions.confirm_edit))
        bolt.action(cards.CANCEL_EDIT)(self._with_action(actions.cancel_edit))
        for result_action in actions.RESULT_VERBS:
            bolt.action(result_action)(self._with_action(actions.on_result))
        bolt.action(cards.CANCEL)(self._on_cancel)
        bolt.view(cards.EDIT_VIEW)(self._on_edit_submitted)
        # the App Home tab and the create modal
        bolt.event("app_home_opened")(self._on_home_opened)
        for home_action in home.HOME_VERBS:
            bolt.action(home_action)(self._with_action(home.home_action))
        bolt.action(views.HOME_NEW)(self._with_action(home.new_from_home))
        bolt.shortcut(views.SHORTCUT_NEW)(self._on_shortcut)
        bolt.shortcut(views.SHORTCUT_MESSAGE)(self._on_shortcut)
        bolt.view(views.CREATE_VIEW)(self._with_view(home.create_submitted))
        bolt.view(views.PREVIEW_VIEW)(self._with_view(home.preview_submitted))

    # -- listeners: acknowledge, then let Background do the work ------------------------------

    async def _on_command(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        team_id, user_id = str(body.get("team_id") or ""), str(body.get("user_id") or "")

        async def work() -> Reply:
            zone = await self.directory.zone_of(team_id, user_id)
            caller = Caller(team_id, user_id, body.get("channel_id"), zone)
            return await self.commands.handle(caller, str(body.get("text") or ""))

        async def send(reply: Reply) -> None:
            await respond(text=reply.text, blocks=reply.blocks or None, response_type="ephemeral")

        self.background.answer(work, send, name="command")

    async def _on_mention(self, ack: Any, body: dict[str, Any], context: Any) -> None:
        await ack()
        await self._answer_event(body, context, direct=False)

    async def _on_message(self, ack: Any, body: dict[str, Any], context: Any) -> None:
        await ack()
        if is_direct_message(body.get("event") or {}):
            await self._answer_event(body, context, direct=True)

    async def _answer_event(self, body: dict[str, Any], context: Any, *, direct: bool) -> None:
        if not await self.events.first_time(body.get("event_id")):
            log.info("event %s was already handled (a Slack retry)", body.get("event_id"))
            return
        bot_user_id = context.get("bot_user_id")

        async def work() -> Reply:
            return await answer_event(self, body, bot_user_id=bot_user_id)

        send = event_sender(self, body["event"], direct=direct)
        self.background.answer(work, send, name="mention" if not direct else "direct message")

    def _with_action(self, handler: Any) -> Any:
        async def listener(ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
            await ack()
            value = clicked_value(action)
            if value is None:  # every button and menu of ours carries a value
                log.warning("ignored a %s click without a value", action.get("action_id"))
                return
            try:
                await handler(self, body, {**action, "value": value})
            except ValueError:  # a button whose value is not ours
                log.warning("ignored a %s click with an unreadable value", action.get("action_id"))

        return listener

    async def _on_cancel(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        await actions.cancel(self, body)

    async def _on_home_opened(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        await home.home_opened(self, body)

    async def _on_shortcut(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        await home.shortcut(self, body)

    def _with_view(self, handler: Any) -> Any:
        """A view submission's listener: the handler acknowledges (with errors, or a new
        view); a submission that is not ours is acknowledged and logged."""

        async def listener(ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
            try:
                await handler(self, ack, body, view)
            except (ValueError, KeyError):
                log.warning("ignored a %s submission that is not ours", view.get("callback_id"))
                await ack()

        return listener

    async def _on_edit_submitted(
        self, ack: Any, body: dict[str, Any], view: dict[str, Any]
    ) -> None:
        try:
            await actions.edit_submitted(self, ack, body, view)
        except (ValueError, KeyError):
            log.warning("ignored an edit submission that is not ours")
            await ack()
