"""Which job a Slack message came from: a result posted by the outbox carries the message's
``ts`` as its ``external_id``, so a reply in that message's thread names its job."""

from __future__ import annotations

from sqlalchemy import Connection, select

from agentcron.app.domain.enums import OutboxStatus
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import outbox


async def job_of_message(db: Database, ts: str) -> tuple[str, str] | None:
    """(job id, owner) of the result or notice posted as message ``ts``, or None."""

    def work(conn: Connection) -> tuple[str, str] | None:
        row = conn.execute(
            select(outbox.c.job_id, outbox.c.owner)
            .where(outbox.c.external_id == ts[:100], outbox.c.status == OutboxStatus.DELIVERED)
            .limit(1)
        ).first()
        return (row.job_id, row.owner) if row is not None else None

    return await db.read(work)
