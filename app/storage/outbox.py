"""The outbox: deliveries and job events still to send, claimed and leased like runs.

A row moves pending → sending (leased) → delivered | failed | pending again (retry later).
A row found ``sending`` with an expired lease is *not* sent again: its instance died mid-send
and the post may have gone out, and a duplicate alert is worse than a missing one. It is
recorded as failed with that reason.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, select, update

from agentcron.app.domain.enums import OutboxKind, OutboxStatus
from agentcron.app.domain.outcome import CALLBACK_PREFIX
from agentcron.app.domain.records import OutboxRow
from agentcron.app.domain.sending import SendPlan
from agentcron.app.storage.database import Database, skip_locked
from agentcron.app.storage.tables import jobs, outbox, runs


class OutboxStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def acquire(self, *, now: datetime, limit: int, lease: float) -> list[OutboxRow]:
        def work(conn: Connection) -> list[OutboxRow]:
            conn.execute(
                update(outbox)
                .where(outbox.c.status == OutboxStatus.SENDING, outbox.c.acquired_until < now)
                .values(
                    status=OutboxStatus.FAILED,
                    detail="interrupted while sending; not sent again to avoid a duplicate",
                    updated_at=now,
                )
            )
            rows = conn.execute(
                skip_locked(
                    conn,
                    select(outbox)
                    .where(outbox.c.status == OutboxStatus.PENDING, outbox.c.next_attempt_at <= now)
                    .order_by(outbox.c.next_attempt_at)
                    .limit(limit),
                )
            ).all()
            if not rows:
                return []
            ids = [r.id for r in rows]
            conn.execute(
                update(outbox)
                .where(outbox.c.id.in_(ids))
                .values(
                    status=OutboxStatus.SENDING,
                    attempts=outbox.c.attempts + 1,
                    acquired_until=now + timedelta(seconds=lease),
                    updated_at=now,
                )
            )
            run_rows = {
                r.id: r
                for r in conn.execute(
                    select(
                        runs.c.id,
                        runs.c.output,
                        runs.c.data,
                        runs.c.status,
                        runs.c.error,
                        runs.c.attempt,
                        runs.c.scheduled_for,
                        runs.c.started_at,
                        runs.c.completed_at,
                        runs.c.trigger,
                    ).where(runs.c.id.in_({r.run_id for r in rows}))
                )
            }
            names = dict(
                conn.execute(
                    select(jobs.c.id, jobs.c.name).where(jobs.c.id.in_({r.job_id for r in rows}))
                ).all()
            )
            claimed = []
            for r in rows:
                item = OutboxRow.from_row(r)
                item.attempts += 1
                run = run_rows.get(r.run_id)
                item.run = dict(run._mapping) if run else {}
                item.job_name = names.get(r.job_id, r.job_id)
                claimed.append(item)
            return claimed

        return await self.db.write(work)

    async def complete(
        self,
        item: OutboxRow,
        plan: SendPlan,
        *,
        detail: str,
        now: datetime,
        external_id: str | None = None,
    ) -> None:
        """Record one try as ``plan`` (``domain.sending.plan_send``) says: delivered, failed,
        or pending again until its ``retry_at``."""

        def work(conn: Connection) -> None:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == item.id)
                .values(
                    status=plan.status,
                    detail=detail,
                    external_id=external_id,
                    next_attempt_at=plan.retry_at or now,
                    acquired_until=None,
                    updated_at=now,
                )
            )
            if item.kind == OutboxKind.EVENT:
                return
            row = conn.execute(select(runs.c.delivery).where(runs.c.id == item.run_id)).first()
            summary = dict((row.delivery if row else None) or {})
            key = item.target if item.event != "failure" else f"{item.target} (failure notice)"
            if item.kind == OutboxKind.CALLBACK:
                key = CALLBACK_PREFIX + item.target
            summary[key] = {
                "status": plan.summary,
                "detail": detail,
                "attempts": item.attempts,
                "external_id": external_id,
                "updated_at": now.isoformat(),
            }
            conn.execute(update(runs).where(runs.c.id == item.run_id).values(delivery=summary))

        await self.db.write(work)
