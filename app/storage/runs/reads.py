"""Reading runs: what ``/jobs/{id}/runs`` shows, and what a run's executor may look back at."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, text, union_all

from agentcron.app.domain.enums import ACTIVE, RAN
from agentcron.app.domain.health import STRIP_STATUSES
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


#: a failed run's error in a strip: enough to say why on hover, not its whole text
STRIP_ERROR_CHARS = 200
_STRIP_COLUMNS = (
    runs.c.job_id,
    runs.c.id,
    runs.c.status,
    runs.c.trigger,
    runs.c.attempt,
    runs.c.scheduled_for,
    runs.c.started_at,
    runs.c.completed_at,
    runs.c.created_at,
    func.substr(runs.c.error, 1, STRIP_ERROR_CHARS).label("error"),
)


def recent_by_job(
    conn: Connection, owner: str, job_ids: Sequence[str], *, per_job: int
) -> dict[str, list[dict[str, Any]]]:
    """Each job's newest ``per_job`` runs of the strip's statuses, newest first, for a page
    of jobs in ONE statement: a ``UNION ALL`` of one small ``ORDER BY … LIMIT`` per job, each
    answered from ``ix_runs_job_created`` backwards, so a job with a million runs costs what
    one with ten does (a window function over all of a job's runs would not)."""
    if not job_ids:
        return {}
    parts = [
        select(*_STRIP_COLUMNS)
        .where(runs.c.owner == owner, runs.c.job_id == job_id, runs.c.status.in_(STRIP_STATUSES))
        .order_by(runs.c.created_at.desc(), runs.c.attempt.desc(), runs.c.id.desc())
        .limit(per_job)
        .subquery()
        .select()
        for job_id in dict.fromkeys(job_ids)
    ]
    statement = parts[0] if len(parts) == 1 else union_all(*parts)
    found: dict[str, list[dict[str, Any]]] = {job_id: [] for job_id in job_ids}
    for row in conn.execute(statement):
        found[row.job_id].append(dict(row._mapping))
    for rows in found.values():  # a UNION ALL promises no order: put each job's back
        rows.sort(key=lambda r: (r["created_at"], r["attempt"], r["id"]), reverse=True)
    return found


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
