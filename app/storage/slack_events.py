"""Slack event ids already handled, in the database every instance shares.

Slack re-sends an event it believes was not acknowledged in time; behind a load balancer
the retry may reach another instance, so an in-memory set per process would answer twice.
The first instance to insert the id handles the event; the primary key decides.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, delete

from agentcron.app.storage.database import Database, insert_ignoring_conflicts
from agentcron.app.storage.tables import slack_events


class SlackEventStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def first_time(self, event_id: str, *, now: datetime, ttl: timedelta) -> bool:
        """Claim ``event_id``: True for the first claim within ``ttl``, False after."""

        def work(conn: Connection) -> bool:
            # forget what Slack can no longer re-send (indexed on seen_at; a handful of rows)
            conn.execute(delete(slack_events).where(slack_events.c.seen_at <= now - ttl))
            inserted = conn.execute(
                insert_ignoring_conflicts(conn, slack_events),
                {"event_id": event_id[:100], "seen_at": now},
            )
            return inserted.rowcount == 1

        return await self.db.write(work)
