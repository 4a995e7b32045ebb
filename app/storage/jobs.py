"""Jobs: the rows behind ``/jobs``. Every query is scoped to one owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from agentcron.app.domain.enums import JobStatus, RunStatus
from agentcron.app.domain.health import Health
from agentcron.app.domain.leasing import JOB_DELETED
from agentcron.app.errors import Conflict
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import jobs, outbox, runs

SORTABLE = (
    "created_at",
    "updated_at",
    "name",
    "next_run_at",
    "last_run_at",
    "run_count",
    "status",
    "consecutive_failures",
)


@dataclass(frozen=True)
class JobQuery:
    status: str | None = None
    tag: str | None = None
    agent_id: str | None = None
    q: str | None = None
    sort: str = "created_at"
    order: str = "desc"
    limit: int = 50
    offset: int = 0
    #: soft-deleted jobs too (they keep their history)
    include_deleted: bool = False
    #: failing, passing or new (``domain.health``), read from the job's own counters
    health: str | None = None


def tags_index(tags: list[str]) -> str:
    return "," + ",".join(tags) + "," if tags else ""


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _visible(owner: str) -> Any:
    return (jobs.c.owner == owner) & jobs.c.deleted_at.is_(None)


def _refuse_taken_key(conn: Connection, owner: str, key: str, job_id: str | None) -> None:
    """Conflict when another live job of the owner has ``key``; the unique index
    (``uq_jobs_owner_key``) stands behind this for writes racing on PostgreSQL."""
    taken = conn.execute(
        select(jobs.c.id).where(_visible(owner), jobs.c.key == key, jobs.c.id != (job_id or ""))
    ).first()
    if taken is not None:
        raise Conflict(f"a job named {key!r} already exists ({taken.id})")


# built once: the hot read path should not rebuild its statement on every request
_GET_JOB = select(jobs).where(
    jobs.c.id == bindparam("id"), jobs.c.owner == bindparam("owner"), jobs.c.deleted_at.is_(None)
)


class JobStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def insert(self, values: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """Insert a job; with an idempotency key already used by this owner, return that job
        instead. Returns (row, created)."""
        values = {**values, "tags_index": tags_index(values.get("tags") or [])}

        def find_existing(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(jobs).where(
                    jobs.c.owner == values["owner"],
                    jobs.c.idempotency_key == values["idempotency_key"],
                )
            ).first()
            return dict(row._mapping) if row else None

        def work(conn: Connection) -> tuple[dict[str, Any], bool]:
            if values.get("idempotency_key"):
                existing = find_existing(conn)
                if existing is not None:
                    return existing, False
            if values.get("key"):
                _refuse_taken_key(conn, values["owner"], values["key"], job_id=None)
            # values as parameters, not baked into the statement: it compiles once, not per job
            conn.execute(insert(jobs), values)
            return values, True

        try:
            return await self.db.write(work)
        except IntegrityError:
            # two requests raced on PostgreSQL: one idempotency key (the other's job is the
            # answer) or one key (the other has it)
            if values.get("idempotency_key"):
                existing = await self.db.read(find_existing)
                if existing is not None:
                    return existing, False
            if values.get("key"):
                await self.db.read(
                    lambda conn: _refuse_taken_key(conn, values["owner"], values["key"], None)
                )
            raise

    async def named(self, owner: str, name: str, *, limit: int = 2) -> list[dict[str, Any]]:
        """The live job whose key is ``name`` (a unique name is its own key); else the live
        jobs called ``name``, at most ``limit`` of them (more than one is ambiguous)."""

        def work(conn: Connection) -> list[dict[str, Any]]:
            row = conn.execute(select(jobs).where(_visible(owner), jobs.c.key == name)).first()
            if row is not None:
                return [dict(row._mapping)]
            rows = conn.execute(
                select(jobs)
                .where(_visible(owner), jobs.c.name == name)
                .order_by(jobs.c.created_at, jobs.c.id)
                .limit(limit)
            )
            return [dict(r._mapping) for r in rows]

        return await self.db.read(work)

    async def get(
        self, owner: str, job_id: str, *, include_deleted: bool = False
    ) -> dict[str, Any] | None:
        """The owner's job; a soft-deleted one only with ``include_deleted`` (its history is
        kept, so it can still be read)."""
        if include_deleted:

            def any_state(conn: Connection) -> dict[str, Any] | None:
                row = conn.execute(
                    select(jobs).where(jobs.c.id == job_id, jobs.c.owner == owner)
                ).first()
                return dict(row._mapping) if row else None

            return await self.db.read(any_state)
        if self.db.is_sqlite:
            return self.db.fast_row(
                jobs, "id = ? AND owner = ? AND deleted_at IS NULL", (job_id, owner)
            )

        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(_GET_JOB, {"id": job_id, "owner": owner}).first()
            return dict(row._mapping) if row else None

        return await self.db.read(work)

    async def list(self, owner: str, query: JobQuery) -> tuple[list[dict[str, Any]], int]:
        conditions = [jobs.c.owner == owner if query.include_deleted else _visible(owner)]
        if query.status:
            conditions.append(jobs.c.status == query.status)
        if query.agent_id:
            conditions.append(jobs.c.agent_id == query.agent_id)
        if query.health == Health.FAILING:
            conditions.append(jobs.c.consecutive_failures > 0)
        elif query.health == Health.PASSING:
            conditions.append(jobs.c.consecutive_failures == 0)
            conditions.append(jobs.c.last_run_at.is_not(None))
        elif query.health == Health.NEW:
            conditions.append(jobs.c.consecutive_failures == 0)
            conditions.append(jobs.c.last_run_at.is_(None))
        if query.tag:
            pattern = "%," + _like_escape(query.tag) + ",%"
            conditions.append(jobs.c.tags_index.like(pattern, escape="\\"))
        if query.q:
            pattern = "%" + _like_escape(query.q) + "%"
            conditions.append(
                or_(
                    jobs.c.name.ilike(pattern, escape="\\"),
                    jobs.c.description.ilike(pattern, escape="\\"),
                    jobs.c.goal.ilike(pattern, escape="\\"),
                )
            )
        column = jobs.c[query.sort]
        ordering = column.asc() if query.order == "asc" else column.desc()
        tiebreak = jobs.c.id.asc() if query.order == "asc" else jobs.c.id.desc()

        def work(conn: Connection) -> tuple[list[dict[str, Any]], int]:
            total = conn.execute(select(func.count()).select_from(jobs).where(*conditions)).scalar()
            rows = conn.execute(
                select(jobs)
                .where(*conditions)
                .order_by(ordering.nulls_last(), tiebreak)
                .limit(query.limit)
                .offset(query.offset)
            )
            return [dict(r._mapping) for r in rows], int(total or 0)

        return await self.db.read(work)

    async def update(
        self, owner: str, job_id: str, values: dict[str, Any]
    ) -> dict[str, Any] | None:
        if "tags" in values:
            values = {**values, "tags_index": tags_index(values["tags"] or [])}

        def work(conn: Connection) -> dict[str, Any] | None:
            if values.get("key"):
                _refuse_taken_key(conn, owner, values["key"], job_id=job_id)
            result = conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, _visible(owner))
                .values(**values, version=jobs.c.version + 1)
            )
            if result.rowcount == 0:
                return None
            row = conn.execute(select(jobs).where(jobs.c.id == job_id)).first()
            return dict(row._mapping) if row else None

        try:
            return await self.db.write(work)
        except IntegrityError:
            if values.get("key"):  # another write took the key meanwhile (PostgreSQL)
                await self.db.read(
                    lambda conn: _refuse_taken_key(conn, owner, values["key"], job_id)
                )
            raise

    async def delete(self, owner: str, job_id: str, *, hard: bool, now: datetime) -> bool:
        """Soft delete hides the job and stops it but keeps its runs; hard delete removes all."""

        def work(conn: Connection) -> bool:
            if hard:
                exists = conn.execute(
                    select(jobs.c.id).where(jobs.c.id == job_id, jobs.c.owner == owner)
                ).first()
                if not exists:
                    return False
                conn.execute(delete(outbox).where(outbox.c.job_id == job_id))
                conn.execute(delete(runs).where(runs.c.job_id == job_id))
                conn.execute(delete(jobs).where(jobs.c.id == job_id))
                return True
            result = conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, _visible(owner))
                .values(deleted_at=now, updated_at=now, next_run_at=None)
            )
            if result.rowcount:
                conn.execute(
                    update(runs)
                    .where(runs.c.job_id == job_id, runs.c.status == RunStatus.QUEUED)
                    .values(status=RunStatus.CANCELLED, reason=JOB_DELETED, completed_at=now)
                )
            return bool(result.rowcount)

        return await self.db.write(work)

    async def active_with_schedules(
        self, owner: str, *, limit: int | None = None, job_id: str | None = None
    ) -> list[dict[str, Any]]:
        """The owner's active jobs that have a schedule, oldest first (all of them unless
        ``limit``; only ``job_id`` when given): what a calendar or a heatmap plans."""
        query = (
            select(
                jobs.c.id,
                jobs.c.name,
                jobs.c.schedule,
                jobs.c.exclusions,
                jobs.c.status,
                jobs.c.tags,
                jobs.c.created_at,
            )
            .where(_visible(owner), jobs.c.status == JobStatus.ACTIVE, jobs.c.schedule.is_not(None))
            .order_by(jobs.c.created_at, jobs.c.id)
        )
        if job_id is not None:
            query = query.where(jobs.c.id == job_id)
        if limit is not None:
            query = query.limit(limit)

        def work(conn: Connection) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(query)]

        return await self.db.read(work)
