"""Aggregates for ``/stats``, ``/jobs/{id}/stats`` and ``/status``."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from agentcron.app.domain.enums import JobStatus, RunStatus
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import instances, jobs, runs

ENDED = (RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.CANCELLED)
#: the runs a success rate is over: ended with an outcome (a cancelled or skipped run has none)
FINISHED = (RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.TIMED_OUT)
DURATION_SAMPLE = 2_000


def _durations(rows: list[Any]) -> list[float]:
    return [
        (r.completed_at - r.started_at).total_seconds()
        for r in rows
        if r.started_at is not None and r.completed_at is not None
    ]


# Rates and durations are numbers, never null (seed 002's /stats shows numbers, and a client
# summing or charting them should not have to test each): 0.0 when there is nothing to
# measure, and a count beside each says how many runs it is over, so 0.0 of none can be
# told from 0.0 of many.


def _rate(succeeded: int, failed: int) -> float:
    total = succeeded + failed
    return round(succeeded / total, 4) if total else 0.0


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


class StatsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def owner_stats(self, owner: str, *, since: datetime) -> dict[str, Any]:
        def work(conn: Connection) -> dict[str, Any]:
            by_status = dict(
                conn.execute(
                    select(jobs.c.status, func.count())
                    .where(jobs.c.owner == owner, jobs.c.deleted_at.is_(None))
                    .group_by(jobs.c.status)
                ).all()
            )
            runs_today = dict(
                conn.execute(
                    select(runs.c.status, func.count())
                    .where(runs.c.owner == owner, runs.c.created_at >= since)
                    .group_by(runs.c.status)
                ).all()
            )
            finished = conn.execute(
                select(runs.c.started_at, runs.c.completed_at)
                .where(
                    runs.c.owner == owner,
                    runs.c.created_at >= since,
                    runs.c.status.in_(FINISHED),
                )
                .limit(DURATION_SAMPLE)
            ).all()
            return {
                "by_status": by_status,
                "runs_today": runs_today,
                "durations": _durations(finished),
            }

        raw = await self.db.read(work)
        by_status = {k: int(v) for k, v in raw["by_status"].items()}
        today = {k: int(v) for k, v in raw["runs_today"].items()}
        durations = raw["durations"]
        failed = today.get("failed", 0) + today.get("timed_out", 0)
        return {
            "total_jobs": sum(by_status.values()),
            "active_jobs": by_status.get(JobStatus.ACTIVE, 0),
            "total_runs_today": sum(n for s, n in today.items() if s != RunStatus.SKIPPED),
            "success_rate": _rate(today.get("succeeded", 0), failed),
            "avg_duration_seconds": _mean(durations),
            "jobs_by_status": by_status,
            "runs_today_by_status": today,
            # what success_rate and avg_duration_seconds are over: today's runs that
            # succeeded, failed or timed out
            "finished_runs_today": today.get("succeeded", 0) + failed,
        }

    async def job_stats(self, job_id: str, *, now: datetime, days: int = 30) -> dict[str, Any]:
        since = now - timedelta(days=days)

        def work(conn: Connection) -> dict[str, Any]:
            by_status = dict(
                conn.execute(
                    select(runs.c.status, func.count())
                    .where(runs.c.job_id == job_id)
                    .group_by(runs.c.status)
                ).all()
            )
            recent = conn.execute(
                select(runs.c.status, runs.c.started_at, runs.c.completed_at, runs.c.created_at)
                .where(runs.c.job_id == job_id, runs.c.created_at >= since)
                .order_by(runs.c.created_at.desc())
                .limit(DURATION_SAMPLE)
            ).all()
            last = dict(
                conn.execute(
                    select(runs.c.status, func.max(runs.c.completed_at))
                    .where(
                        runs.c.job_id == job_id,
                        runs.c.status.in_((RunStatus.SUCCEEDED, RunStatus.FAILED)),
                    )
                    .group_by(runs.c.status)
                ).all()
            )
            return {"by_status": by_status, "recent": recent, "last": last}

        raw = await self.db.read(work)
        by_status = {k: int(v) for k, v in raw["by_status"].items()}
        recent = raw["recent"]
        durations = _durations([r for r in recent if r.status == RunStatus.SUCCEEDED])
        daily: dict[str, dict[str, Any]] = {}
        for r in recent:
            day = r.created_at.date().isoformat()
            entry = daily.setdefault(
                day, {"date": day, "succeeded": 0, "failed": 0, "skipped": 0, "durations": []}
            )
            if r.status == RunStatus.SUCCEEDED:
                entry["succeeded"] += 1
            elif r.status in (RunStatus.FAILED, RunStatus.TIMED_OUT):
                entry["failed"] += 1
            elif r.status == RunStatus.SKIPPED:
                entry["skipped"] += 1
            if r.status == RunStatus.SUCCEEDED and r.started_at and r.completed_at:
                entry["durations"].append((r.completed_at - r.started_at).total_seconds())
        series = []
        for day in sorted(daily):
            entry = daily[day]
            values = entry.pop("durations")
            entry["avg_duration_seconds"] = _mean(values)
            entry["success_rate"] = _rate(entry["succeeded"], entry["failed"])
            series.append(entry)
        failed = by_status.get("failed", 0) + by_status.get("timed_out", 0)
        return {
            "job_id": job_id,
            "total_runs": sum(n for s, n in by_status.items() if s != RunStatus.SKIPPED),
            "runs_by_status": by_status,
            "success_rate": _rate(by_status.get("succeeded", 0), failed),
            # what success_rate is over: every run that succeeded, failed or timed out
            "finished_runs": by_status.get("succeeded", 0) + failed,
            "avg_duration_seconds": _mean(durations),
            "p50_duration_seconds": _percentile(durations, 0.5),
            "p95_duration_seconds": _percentile(durations, 0.95),
            # what the durations are over: succeeded runs of the last window_days
            "timed_runs": len(durations),
            "last_success_at": raw["last"].get("succeeded"),
            "last_failure_at": raw["last"].get("failed"),
            "daily": series,
            "window_days": days,
        }

    async def live_instances(self, *, now: datetime, within: float) -> list[dict[str, Any]]:
        def work(conn: Connection) -> list[dict[str, Any]]:
            rows = conn.execute(
                select(instances).where(instances.c.heartbeat_at >= now - timedelta(seconds=within))
            )
            return [dict(r._mapping) for r in rows]

        return await self.db.read(work)

    async def oldest_queued(self, *, now: datetime) -> datetime | None:
        def work(conn: Connection) -> datetime | None:
            return conn.execute(
                select(func.min(runs.c.not_before)).where(
                    runs.c.status == RunStatus.QUEUED, runs.c.not_before <= now
                )
            ).scalar()

        return await self.db.read(work)
