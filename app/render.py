"""Rows to JSON: the public shapes of jobs and runs, the same for every way in (REST, MCP)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from agentcron.app.domain.health import job_health, last_outcome
from agentcron.app.domain.schedule import local_iso
from agentcron.app.domain.stored import describe_schedule, displayed_next_run, job_zone

log = logging.getLogger("agentcron.api")


def utc_iso(instant: datetime | None) -> str | None:
    if instant is None:
        return None
    return instant.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _in_zone(instant: datetime | None, zone: str) -> str | None:
    """``instant`` on the job's wall clock; in UTC if that clock cannot show it (a row an
    earlier version wrote: an unknown zone, or a time past year 9999 at the zone's offset)."""
    if instant is None:
        return None
    try:
        return local_iso(instant, zone)
    except (ValueError, OverflowError):
        return utc_iso(instant)


def render_jobs(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Jobs for a list: a row that cannot be shown is reported in its place, never fatal."""
    out = []
    for row in rows:
        try:
            out.append(render_job(row))
        except Exception as exc:
            log.warning("job %s cannot be shown: %r", row.get("id"), exc)
            out.append(
                {
                    "id": row.get("id"),
                    "name": row.get("name"),
                    "status": row.get("status"),
                    "unreadable": f"this job's stored data cannot be shown ({type(exc).__name__})",
                }
            )
    return out


def render_job(row: dict[str, Any]) -> dict[str, Any]:
    zone = job_zone(row)
    next_run = displayed_next_run(row)
    action = row.get("action") or {"type": "agent"}
    body: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "description": row.get("description"),
        "goal": row.get("goal"),
        "agent_id": row.get("agent_id"),
        "model": row.get("model"),
        "action": action["type"],
    }
    kind = action["type"]
    if kind in action:  # http, sql, python: the action's settings under its own name
        body[kind] = action[kind]
    body.update(
        {
            "schedule": row.get("schedule"),
            "schedule_description": describe_schedule(row.get("schedule")),
            "status": row["status"],
            "delivery": row.get("delivery"),
            "condition": row.get("condition"),
            "budget": row.get("budget"),
            "retry": row.get("retry"),
            "timeout_seconds": row.get("timeout_seconds"),
            "overlap": row.get("overlap") or "skip",
            "catchup_window_seconds": row.get("catchup_window_seconds"),
            "max_concurrency": row.get("max_concurrency"),
            "pause_on_failure": row.get("pause_on_failure"),
            "exclusions": row.get("exclusions"),
            "tags": row.get("tags") or [],
            "metadata": row.get("metadata") or {},
            "payload": row.get("payload"),
            "webhook_url": row.get("webhook_url"),
            "callback_url": row.get("callback_url"),
            "key": row.get("key"),
            "unique_name": bool(row.get("key")) and row.get("key") == row["name"],
            "idempotency_key": row.get("idempotency_key"),
            "created_by": row.get("created_by"),
            "next_run_at": _in_zone(next_run, zone),
            "last_run_at": _in_zone(row.get("last_run_at"), zone),
            "run_count": row.get("run_count") or 0,
            "consecutive_failures": row.get("consecutive_failures") or 0,
            "health": job_health(
                consecutive_failures=row.get("consecutive_failures") or 0,
                last_run_at=row.get("last_run_at"),
            ).value,
            "created_at": utc_iso(row["created_at"]),
            "updated_at": utc_iso(row["updated_at"]),
        }
    )
    if "recent_runs" in row:  # a job in a list: its strip of recent runs, newest first
        recent = row["recent_runs"]
        body["last_outcome"] = last_outcome(recent)
        body["recent_runs"] = [render_strip_run(run, zone) for run in recent]
    if row.get("pending_schedule"):
        body["pending_schedule"] = row["pending_schedule"]
        body["effective_from"] = utc_iso(row.get("effective_from"))
    if row.get("deleted_at") is not None:
        # only shown when asked for (include_deleted): its history is kept
        body["deleted_at"] = utc_iso(row["deleted_at"])
    return body


def render_strip_run(row: dict[str, Any], zone: str) -> dict[str, Any]:
    """A run in a job's strip: enough to colour it and say on hover what it was."""
    return {
        "id": row["id"],
        "status": row["status"],
        "trigger": row["trigger"],
        "attempt": row["attempt"],
        "scheduled_for": _in_zone(row.get("scheduled_for"), zone),
        "started_at": _in_zone(row.get("started_at"), zone),
        "completed_at": _in_zone(row.get("completed_at"), zone),
        "error": row.get("error"),
    }


RUN_FIELDS = (
    "id",
    "job_id",
    "trigger",
    "attempt",
    "status",
    "reason",
    "output",
    "data",
    "error",
    "condition_met",
    "delivery",
    "usage",
    "retry_of",
    "chain_id",
    "chain_run_id",
    "upstream_run_id",
)


def render_run(row: dict[str, Any], zone: str = "UTC") -> dict[str, Any]:
    body = {name: row.get(name) for name in RUN_FIELDS}
    for name in ("scheduled_for", "started_at", "completed_at", "created_at"):
        body[name] = _in_zone(row.get(name), zone)
    started, completed = row.get("started_at"), row.get("completed_at")
    body["duration_seconds"] = (
        round((completed - started).total_seconds(), 3) if started and completed else None
    )
    return body
