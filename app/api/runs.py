"""``/jobs/{id}/trigger`` and ``/jobs/{id}/runs``: run now, list, read, cancel."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.common import caller, choice_param, int_param, runtime
from agentcron.app.api.render import render_run
from agentcron.app.domain.enums import ACTIVE, RunStatus
from agentcron.app.domain.stored import job_zone
from agentcron.app.errors import Conflict, NotFound
from agentcron.app.services import JobService

RUN_STATUSES = tuple(RunStatus)


async def trigger(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    run = await rt.runs.trigger(job, now=rt.clock.now())
    rt.runs_queued()
    location = f"/api/scheduler/jobs/{job['id']}/runs/{run['id']}"
    return JSONResponse(
        {"run_id": run["id"], "job_id": job["id"], "status": run["status"]},
        status_code=202,
        headers={"Location": location},
    )


async def list_runs(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    status = choice_param(request, "status", RUN_STATUSES, None)
    limit = int_param(request, "limit", 50, low=1, high=200, clamp=True)
    offset = int_param(request, "offset", 0, low=0, high=10_000_000)
    rows, total = await rt.runs.list_for_job(
        principal.owner, job["id"], status=status, limit=limit, offset=offset
    )
    zone = job_zone(job)
    return JSONResponse(
        {
            "runs": [render_run(r, zone) for r in rows],
            "count": total,
            "limit": limit,
            "offset": offset,
        }
    )


async def get_run(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    run = await rt.runs.get(principal.owner, job["id"], request.path_params["run_id"])
    if run is None:
        raise NotFound("run", request.path_params["run_id"])
    return JSONResponse(render_run(run, job_zone(job)))


async def cancel_run(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    run_id = request.path_params["run_id"]
    before = await rt.runs.get(principal.owner, job["id"], run_id)
    if before is None:
        raise NotFound("run", run_id)
    if before["status"] not in ACTIVE:
        raise Conflict(f"run {run_id} already ended ({before['status']})")
    run = await rt.runs.request_cancel(principal.owner, job["id"], run_id, now=rt.clock.now())
    assert run is not None
    if run["status"] == RunStatus.RUNNING:
        rt.cancel_requested(run_id)
    return JSONResponse(
        render_run(run, job_zone(job)),
        status_code=202 if run["status"] == RunStatus.RUNNING else 200,
    )


routes = [
    Route("/jobs/{job_id}/trigger", trigger, methods=["POST"]),
    Route("/jobs/{job_id}/runs", list_runs, methods=["GET"]),
    Route("/jobs/{job_id}/runs/{run_id}", get_run, methods=["GET"]),
    Route("/jobs/{job_id}/runs/{run_id}/cancel", cancel_run, methods=["POST"]),
]
