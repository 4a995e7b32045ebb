"""Slack drafts kept server-side: a confirmation card whose job does not fit in a button's
value (2,000 characters) or an Edit modal's private_metadata (3,000) carries a key to a row
here instead. The row outlives restarts and is visible to every instance; it expires after
``ttl`` (a card left unclicked for a month is stale anyway), and expired rows are cleared
whenever a new one is written."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import slack_drafts

TTL = timedelta(days=30)


class SlackDraftStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def put(self, owner: str, body: dict[str, Any], *, now: datetime) -> str:
        """Keep ``body`` for ``owner``; its key."""
        key = new_id("draft", length=16)

        def work(conn: Connection) -> None:
            conn.execute(delete(slack_drafts).where(slack_drafts.c.expires_at <= now))
            conn.execute(
                insert(slack_drafts).values(
                    id=key, owner=owner, body=body, created_at=now, expires_at=now + TTL
                )
            )

        await self.db.write(work)
        return key

    async def get(self, key: str, *, now: datetime) -> tuple[str, dict[str, Any]] | None:
        """(owner, body) of a draft that has not expired, or None."""

        def work(conn: Connection) -> tuple[str, dict[str, Any]] | None:
            row = conn.execute(
                select(slack_drafts.c.owner, slack_drafts.c.body).where(
                    slack_drafts.c.id == key, slack_drafts.c.expires_at > now
                )
            ).first()
            return (row.owner, dict(row.body)) if row is not None else None

        return await self.db.read(work)
