"""A workspace's own access settings (set by an admin through the API), over the
environment's defaults. One row per workspace; no row means the defaults."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import slack_workspaces


class SlackWorkspaceStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, team_id: str) -> dict[str, Any] | None:
        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(slack_workspaces.c.settings).where(slack_workspaces.c.team_id == team_id)
            ).first()
            return dict(row.settings) if row is not None else None

        return await self.db.read(work)

    async def put(self, team_id: str, settings: dict[str, Any], *, by: str, now: datetime) -> None:
        def work(conn: Connection) -> None:
            table = slack_workspaces
            conn.execute(delete(table).where(table.c.team_id == team_id))
            conn.execute(
                insert(table).values(
                    team_id=team_id, settings=settings, updated_by=by, updated_at=now
                )
            )

        await self.db.write(work)
