"""Workspaces that installed the Slack app through OAuth, in agentcron's own database: the
installation store and the OAuth state store slack-bolt's OAuth flow uses.

Tokens are encrypted at rest with Fernet (``cryptography``; AES-128-CBC with HMAC-SHA256)
under the key(s) in AGENTCRON_SLACK_TOKEN_KEY: the whole installation (bot token, refresh
token, the installer's user token, webhook URL) is one encrypted JSON document, and only the
ids it is looked up by are plain columns. Several comma-separated keys rotate: the first
encrypts, any of them decrypts (``MultiFernet``). A row that no key can read is treated as
missing (logged, never a crash): the workspace simply installs the app again.

The OAuth ``state`` values are kept here too (not in a file), so the redirect back from
Slack may reach any instance behind the load balancer.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import Connection, delete, insert, select

from agentcron.app.clock import Clock
from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import slack_installations, slack_oauth_states

log = logging.getLogger("agentcron.slack")


class TokenKeyError(ValueError):
    """AGENTCRON_SLACK_TOKEN_KEY is missing or is not a Fernet key."""


def token_cipher(keys: str | None) -> MultiFernet:
    """The cipher for AGENTCRON_SLACK_TOKEN_KEY (one key, or several comma-separated:
    the first encrypts)."""
    parts = [part.strip() for part in (keys or "").split(",") if part.strip()]
    if not parts:
        raise TokenKeyError(
            "installing the Slack app in several workspaces keeps their tokens encrypted: "
            "set AGENTCRON_SLACK_TOKEN_KEY (make one with: python -c 'from cryptography.fernet "
            "import Fernet; print(Fernet.generate_key().decode())')"
        )
    try:
        return MultiFernet([Fernet(part.encode()) for part in parts])
    except ValueError as error:
        raise TokenKeyError(f"AGENTCRON_SLACK_TOKEN_KEY is not a Fernet key ({error})") from None


class SlackInstallationStore(AsyncInstallationStore):
    """slack-bolt's installation store on agentcron's database, tokens encrypted."""

    def __init__(self, db: Database, *, client_id: str, cipher: MultiFernet, clock: Clock) -> None:
        self.db = db
        self.client_id = client_id
        self.cipher = cipher
        self.clock = clock

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        secret = self.cipher.encrypt(
            json.dumps(installation.to_dict_for_copying(), default=str).encode()
        ).decode()
        row = {
            "id": new_id("inst", length=16),
            "client_id": self.client_id,
            "enterprise_id": installation.enterprise_id or "",
            "team_id": installation.team_id or "",
            "user_id": installation.user_id or "",
            "is_enterprise_install": bool(installation.is_enterprise_install),
            "secret": secret,
            "installed_at": self.clock.now(),
        }

        def work(conn: Connection) -> None:
            conn.execute(insert(slack_installations).values(**row))

        await self.db.write(work)

    async def async_save_bot(self, bot: Bot) -> None:
        # a bot is saved as part of its installation (async_save); nothing else to keep
        return None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The latest installation of the workspace (by that user, when one is named)."""
        table = slack_installations
        query = (
            select(table.c.secret)
            .where(
                table.c.client_id == self.client_id,
                table.c.enterprise_id == (enterprise_id or ""),
                table.c.team_id == ("" if is_enterprise_install else (team_id or "")),
            )
            .order_by(table.c.installed_at.desc())
            .limit(1)
        )
        if user_id is not None:
            query = query.where(table.c.user_id == user_id)

        def work(conn: Connection) -> str | None:
            return conn.execute(query).scalar()

        secret = await self.db.read(work)
        if secret is None:
            return None
        try:
            data: dict[str, Any] = json.loads(self.cipher.decrypt(secret.encode()))
        except InvalidToken:
            log.error("a Slack installation of %s cannot be decrypted with the key", team_id)
            return None
        return Installation(**data)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        installation = await self.async_find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        if installation is None or not installation.bot_token:
            return None
        return installation.to_bot()

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        table = slack_installations
        condition = (
            (table.c.client_id == self.client_id)
            & (table.c.enterprise_id == (enterprise_id or ""))
            & (table.c.team_id == (team_id or ""))
        )
        if user_id is not None:
            condition = condition & (table.c.user_id == user_id)

        def work(conn: Connection) -> None:
            conn.execute(delete(table).where(condition))

        await self.db.write(work)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)


class SlackOAuthStateStore(AsyncOAuthStateStore):
    """OAuth ``state`` values, each usable once within ``expiration_seconds``."""

    def __init__(self, db: Database, *, clock: Clock, expiration_seconds: int = 600) -> None:
        self.db = db
        self.clock = clock
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = new_id("state", length=24)
        now = self.clock.now()
        expires = now + timedelta(seconds=self.expiration_seconds)

        def work(conn: Connection) -> None:
            conn.execute(delete(slack_oauth_states).where(slack_oauth_states.c.expires_at <= now))
            conn.execute(insert(slack_oauth_states).values(state=state, expires_at=expires))

        await self.db.write(work)
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a state issued here that has not expired."""
        now = self.clock.now()

        def work(conn: Connection) -> bool:
            deleted = conn.execute(
                delete(slack_oauth_states).where(
                    slack_oauth_states.c.state == state[:100],
                    slack_oauth_states.c.expires_at > now,
                )
            )
            return deleted.rowcount == 1

        return await self.db.write(work)


def bot_tokens(
    db: Database, *, client_id: str, keys: str | None, clock: Clock
) -> Callable[[str], Awaitable[str | None]]:
    """A workspace's bot token, for delivery (which knows only the job owner's team)."""
    store = SlackInstallationStore(db, client_id=client_id, cipher=token_cipher(keys), clock=clock)

    async def token(team_id: str) -> str | None:
        bot = await store.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    return token
