"""``/jobs/{id}/trigger`` and ``/jobs/{id}/runs``: run now, list, read, cancel."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, known_params, runtime
from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.stored import job_zone
from agentcron.app.render import render_run
from agentcron.app.services import RunService

#: the query parameters of ``GET /jobs/{id}/runs``; any other is refused (422)
RUN_FILTERS = ("status", "limit", "offset")


def service(request: Request) -> RunService:
    return RunService(runtime(request))


@requires(Scope.RUNS_WRITE)
async def trigger(request: Request) -> Response:
    principal = await caller(request)
    job, run = await service(request).trigger(principal.owner, request.path_params["job_id"])
    location = f"/api/scheduler/jobs/{job['id']}/runs/{run['id']}"
    return JSONResponse(
        {"run_id": run["id"], "job_id": job["id"], "status": run["status"]},
        status_code=202,
        headers={"Location": location},
    )


@requires(Scope.JOBS_READ)
async def list_runs(request: Request) -> Response:
    principal = await caller(request)
    params = known_params(request, RUN_FILTERS)
    page = await service(request).list(
        principal.owner,
        request.path_params["job_id"],
        status=params.get("status"),
        limit=params.get("limit"),
        offset=params.get("offset"),
    )
    zone = job_zone(page.job)
    return JSONResponse(
        {
            "runs": [render_run(r, zone) for r in page.runs],
            "count": page.count,
            "limit": page.limit,
            "offset": page.offset,
        }
    )


@requires(Scope.JOBS_READ)
async def get_run(request: Request) -> Response:
    principal = await caller(request)
    job, run = await service(request).get(
        principal.owner, request.path_params["job_id"], request.path_params["run_id"]
    )
    return JSONResponse(render_run(run, job_zone(job)))


@requires(Scope.RUNS_WRITE)
async def cancel_run(request: Request) -> Response:
    principal = await caller(request)
    job, run = await service(request).cancel(
        principal.owner, request.path_params["job_id"], request.path_params["run_id"]
    )
    going = run["status"] == RunStatus.RUNNING
    return JSONResponse(render_run(run, job_zone(job)), status_code=202 if going else 200)


routes = [
    Route("/jobs/{job_id}/trigger", trigger, methods=["POST"]),
    Route("/jobs/{job_id}/runs", list_runs, methods=["GET"]),
    Route("/jobs/{job_id}/runs/{run_id}", get_run, methods=["GET"]),
    Route("/jobs/{job_id}/runs/{run_id}/cancel", cancel_run, methods=["POST"]),
]
