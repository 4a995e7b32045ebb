"""Reading runs: what ``/jobs/{id}/runs`` shows, and what a run's executor may look back at."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, text

from agentcron.app.domain.enums import ACTIVE, RAN
from agentcron.app.storage.tables import runs


def database_now(conn: Connection) -> datetime:
    value: datetime = conn.execute(text("SELECT now()")).scalar_one()
    return value


def list_for_job(
    conn: Connection, owner: str, job_id: str, *, status: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    conditions = [runs.c.owner == owner, runs.c.job_id == job_id]
    if status:
        conditions.append(runs.c.status == status)
    total = conn.execute(select(func.count()).select_from(runs).where(*conditions)).scalar()
    rows = conn.execute(
        select(runs)
        .where(*conditions)
        .order_by(runs.c.created_at.desc(), runs.c.attempt.desc(), runs.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [dict(r._mapping) for r in rows], int(total or 0)


def get(conn: Connection, owner: str, job_id: str, run_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(runs).where(runs.c.id == run_id, runs.c.job_id == job_id, runs.c.owner == owner)
    ).first()
    return dict(row._mapping) if row else None


def previous_finished(conn: Connection, job_id: str, *, before: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(runs.c.id, runs.c.output, runs.c.data, runs.c.status, runs.c.completed_at)
        .where(runs.c.job_id == job_id, runs.c.status.in_(RAN), runs.c.id != before)
        .order_by(runs.c.completed_at.desc())
        .limit(1)
    ).first()
    return dict(row._mapping) if row else None


def counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(runs.c.status, func.count()).where(runs.c.status.in_(ACTIVE)).group_by(runs.c.status)
    ).all()
    return {status: int(n) for status, n in rows}
