"""Installing the app into workspaces: slack-bolt's OAuth flow (``/slack/install`` →
Slack → ``/slack/oauth_redirect``) with the installation and state stores in agentcron's
database, and the Web API client of each workspace.

With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET the app can be installed into any number of
workspaces, each with its own bot token (kept encrypted, see ``storage/slack_installs.py``);
each workspace's people are separate owners (``slack:<team>:<user>``). Without them, the
single SLACK_BOT_TOKEN serves one workspace, as before.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from agentcron.app.runtime import Runtime
from agentcron.app.slack.directory import SlackUnavailable
from agentcron.app.storage.slack_installs import (
    SlackInstallationStore,
    SlackOAuthStateStore,
    token_cipher,
)

#: the bot scopes the app asks for, exactly those the README's manifest lists
SCOPES: Final = (
    "commands",
    "chat:write",
    "app_mentions:read",
    "im:history",
    "users:read",
    "channels:read",
    "groups:read",
)
INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"
#: how long a workspace's client (its decrypted token) is reused before it is read again
CLIENT_TTL: Final = timedelta(minutes=5)


def installation_store(rt: Runtime) -> SlackInstallationStore:
    settings = rt.settings
    assert settings.slack_client_id
    return SlackInstallationStore(
        rt.db,
        client_id=settings.slack_client_id,
        cipher=token_cipher(settings.slack_token_key),
        clock=rt.clock,
    )


def oauth_settings(rt: Runtime, store: SlackInstallationStore) -> AsyncOAuthSettings:
    settings = rt.settings
    public = (settings.public_url or "").rstrip("/")
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(SCOPES),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        redirect_uri=f"{public}{REDIRECT_PATH}" if public else None,
        installation_store=store,
        installation_store_bot_only=True,
        state_store=SlackOAuthStateStore(rt.db, clock=rt.clock),
    )


class Workspaces:
    """The Web API client of each workspace: the one built on SLACK_BOT_TOKEN, or, with
    OAuth, one per installation (with the same base URL, timeout and retries)."""

    def __init__(
        self, rt: Runtime, base: AsyncWebClient, store: SlackInstallationStore | None
    ) -> None:
        self.rt = rt
        self.base = base
        self.store = store
        self._clients: dict[str, tuple[AsyncWebClient, datetime]] = {}

    async def client(self, team_id: str) -> AsyncWebClient:
        if self.store is None:
            return self.base
        now = self.rt.clock.now()
        cached = self._clients.get(team_id)
        if cached is not None and cached[1] > now:
            return cached[0]
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team_id)
        if bot is None:
            if self.base.token:
                return self.base  # the single-token workspace, alongside installed ones
            raise SlackUnavailable("the installation store", f"no installation for {team_id}")
        client = AsyncWebClient(
            token=bot.bot_token,
            base_url=self.base.base_url,
            timeout=self.base.timeout,
            retry_handlers=list(self.base.retry_handlers or []),
        )
        self._clients[team_id] = (client, now + CLIENT_TTL)
        return client
