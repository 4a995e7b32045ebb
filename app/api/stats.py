"""``/stats``, ``/jobs/{id}/stats`` and the engine's ``/status``."""

from __future__ import annotations

from datetime import UTC, datetime, time

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, int_param, runtime, zone_param
from agentcron.app.api.render import job_zone, utc_iso
from agentcron.app.domain.schedule import local_iso
from agentcron.app.domain.scopes import Scope
from agentcron.app.services import JobService
from agentcron.app.storage.stats import StatsStore


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
    return JSONResponse(body)


@requires(Scope.JOBS_READ)
async def job_stats(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    days = int_param(request, "days", 30, low=1, high=365)
    body = await StatsStore(rt.db).job_stats(job["id"], now=rt.clock.now(), days=days)
    zone = job_zone(job)
    for name in ("last_success_at", "last_failure_at"):
        body[name] = local_iso(body[name], zone) if body[name] else None
    body.update(
        name=job["name"],
        run_count=job.get("run_count") or 0,
        consecutive_failures=job.get("consecutive_failures") or 0,
        next_run_at=local_iso(job["next_run_at"], zone) if job.get("next_run_at") else None,
    )
    return JSONResponse(body)


@requires(Scope.JOBS_READ)
async def status(request: Request) -> Response:
    await caller(request)
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
        "instances": [
            {
                "id": i["id"],
                "roles": i["roles"].split(","),
                "hostname": i["hostname"],
                "pid": i["pid"],
                "started_at": utc_iso(i["started_at"]),
                "heartbeat_at": utc_iso(i["heartbeat_at"]),
            }
            for i in live
        ],
        "queued": counts.get("queued", 0),
        "running_runs": counts.get("running", 0),
        "running_here": len(worker.active) if worker else 0,
        "lateness_seconds": round((now - oldest).total_seconds(), 3) if oldest else 0.0,
        "last_fire_lateness_seconds": scheduler.last_lateness if scheduler else None,
        "now": utc_iso(now),
    }
    return JSONResponse(body)


routes = [
    Route("/stats", stats, methods=["GET"]),
    Route("/jobs/{job_id}/stats", job_stats, methods=["GET"]),
    Route("/status", status, methods=["GET"]),
]
