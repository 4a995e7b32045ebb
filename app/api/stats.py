"""``/stats``, ``/jobs/{id}/stats`` and the engine's ``/status``."""

from __future__ import annotations

import weakref
from datetime import UTC, datetime, time
from time import monotonic
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.admin import require_operator
from agentcron.app.api.auth import requires
from agentcron.app.api.common import bool_param, caller, int_param, runtime, zone_param
from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.schedule import local_iso
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.stored import job_zone
from agentcron.app.executors.doctor import check_llm
from agentcron.app.render import utc_iso
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService
from agentcron.app.storage.spend import SpendStore
from agentcron.app.storage.stats import StatsStore

LLM_CHECK_SECONDS = 60.0
_LLM_CHECKS: weakref.WeakKeyDictionary[Runtime, tuple[float, dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)


@requires(Scope.JOBS_READ)
async def stats(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    zone = zone_param(request)
    now = rt.clock.now()
    midnight = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone).astimezone(UTC)
    body = await StatsStore(rt.db).owner_stats(principal.owner, since=midnight)
    body["timezone"] = zone.key
    body["since"] = local_iso(midnight, zone)
    spend = await SpendStore(rt.db).owner_report(principal.owner, now=now)
    body["spend"] = {
        **spend,
        "days": "UTC",
        "limits": {
            "daily_token_quota": rt.settings.daily_token_quota,
            "monthly_cost_limit_usd": rt.settings.monthly_cost_limit_usd,
        },
    }
    return JSONResponse(body)


@requires(Scope.JOBS_READ)
async def job_stats(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    # a soft-deleted job keeps its history, and so its statistics
    job = await JobService(rt).get(
        principal.owner, request.path_params["job_id"], include_deleted=True
    )
    days = int_param(request, "days", 30, low=1, high=365)
    body = await StatsStore(rt.db).job_stats(job["id"], now=rt.clock.now(), days=days)
    zone = job_zone(job)
    for name in ("last_success_at", "last_failure_at"):
        body[name] = local_iso(body[name], zone) if body[name] else None
    spend = await SpendStore(rt.db).job_report(job["id"], now=rt.clock.now(), days=days)
    body["spend"] = {**spend, "days": "UTC", "budget": job.get("budget")}
    body.update(
        name=job["name"],
        run_count=job.get("run_count") or 0,
        consecutive_failures=job.get("consecutive_failures") or 0,
        next_run_at=local_iso(job["next_run_at"], zone) if job.get("next_run_at") else None,
    )
    return JSONResponse(body)


@requires(Scope.JOBS_READ)
async def status(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    engine = rt.engine
    now = await engine.now() if engine is not None else rt.clock.now()
    store = StatsStore(rt.db)
    live = await store.live_instances(now=now, within=30)
    counts = await rt.runs.counts()
    oldest = await store.oldest_queued(now=now)
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    scheduler = engine.scheduler if engine is not None else None
    worker = engine.worker if engine is not None else None
    body = {
        "running": bool(scheduler or worker) or any("scheduler" in i["roles"] for i in live),
        "tick_interval_seconds": rt.settings.max_sleep_seconds,
        "next_tick_at": utc_iso(scheduler.next_tick_at) if scheduler else None,
        "last_tick_at": utc_iso(scheduler.last_tick_at) if scheduler else None,
        "jobs_checked_last_tick": scheduler.jobs_checked_last_tick if scheduler else 0,
        "instance_id": rt.instance_id,
        "roles": sorted(rt.roles),
        "instances": [_instance(i, where=principal.allows(Scope.OPERATOR)) for i in live],
        "queued": counts.get(RunStatus.QUEUED, 0),
        "running_runs": counts.get(RunStatus.RUNNING, 0),
        "running_here": len(worker.active) if worker else 0,
        "lateness_seconds": round((now - oldest).total_seconds(), 3) if oldest else 0.0,
        "last_fire_lateness_seconds": scheduler.last_lateness if scheduler else None,
        "now": utc_iso(now),
    }
    if bool_param(request, "llm"):
        require_operator(principal, to="check the LLM endpoint")
        body["llm"] = await _llm_checks(rt)
    return JSONResponse(body)


def _instance(row: dict[str, Any], *, where: bool) -> dict[str, Any]:
    """An instance as /status shows it; where it runs (host name, process id) is for an
    operator's key only, since every tenant may read /status."""
    out = {
        "id": row["id"],
        "roles": row["roles"].split(","),
        "started_at": utc_iso(row["started_at"]),
        "heartbeat_at": utc_iso(row["heartbeat_at"]),
    }
    if where:
        out.update(hostname=row["hostname"], pid=row["pid"])
    return out


async def _llm_checks(rt: Runtime) -> dict[str, Any]:
    """``agentcron doctor``'s checks, at most once a minute per instance (each costs a few
    model requests)."""
    cached = _LLM_CHECKS.get(rt)
    moment = monotonic()
    if cached is not None and moment - cached[0] < LLM_CHECK_SECONDS:
        return cached[1]
    checks = await check_llm(rt.settings)
    result = {
        "ready": not any(c.status == "fail" for c in checks),
        "checked_at": utc_iso(rt.clock.now()),
        "base_url": rt.settings.openai_base_url,
        "model": rt.settings.llm_model,
        "checks": [c.as_dict() for c in checks],
    }
    _LLM_CHECKS[rt] = (moment, result)
    return result


routes = [
    Route("/stats", stats, methods=["GET"]),
    Route("/jobs/{job_id}/stats", job_stats, methods=["GET"]),
    Route("/status", status, methods=["GET"]),
]
