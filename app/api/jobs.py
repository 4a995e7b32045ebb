"""``/jobs``: create, list, read, update, delete, pause, resume, reschedule."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.common import (
    bool_param,
    caller,
    choice_param,
    int_param,
    json_body,
    runtime,
)
from agentcron.app.api.dry_runs import try_new_job
from agentcron.app.api.render import render_job
from agentcron.app.domain.jobspec import JOB_STATUSES
from agentcron.app.errors import InvalidInput
from agentcron.app.services import JobService
from agentcron.app.storage.jobs import SORTABLE, JobQuery


def service(request: Request) -> JobService:
    return JobService(runtime(request))


async def list_jobs(request: Request) -> Response:
    principal = await caller(request)
    query = JobQuery(
        status=choice_param(request, "status", JOB_STATUSES, None),
        tag=request.query_params.get("tag") or None,
        agent_id=request.query_params.get("agent_id") or None,
        q=request.query_params.get("q") or None,
        sort=choice_param(request, "sort", SORTABLE, "created_at"),
        order=choice_param(request, "order", ("asc", "desc"), "desc"),
        limit=int_param(request, "limit", 50, low=1, high=200, clamp=True),
        offset=int_param(request, "offset", 0, low=0, high=10_000_000),
    )
    rows, total = await service(request).list(principal.owner, query)
    return JSONResponse(
        {
            "jobs": [render_job(r) for r in rows],
            "count": total,
            "limit": query.limit,
            "offset": query.offset,
        }
    )


async def create_job(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    if isinstance(body, dict) and "dry_run" in body:
        flag = body.pop("dry_run")
        if not isinstance(flag, bool):
            raise InvalidInput.field("dry_run", "must be true or false")
        if flag:
            return await try_new_job(request, principal, body)
    row, created = await service(request).create(
        principal.owner,
        body,
        idempotency_key=request.headers.get("idempotency-key"),
        created_by=principal.key_name,
    )
    headers = {"Location": f"/api/scheduler/jobs/{row['id']}"}
    if not created:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(render_job(row), status_code=201 if created else 200, headers=headers)


async def get_job(request: Request) -> Response:
    principal = await caller(request)
    row = await service(request).get(principal.owner, request.path_params["job_id"])
    return JSONResponse(render_job(row))


async def update_job(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    row = await service(request).update(principal.owner, request.path_params["job_id"], body)
    return JSONResponse(render_job(row))


async def delete_job(request: Request) -> Response:
    principal = await caller(request)
    hard = bool_param(request, "hard")
    job_id = request.path_params["job_id"]
    await service(request).delete(principal.owner, job_id, hard=hard)
    return JSONResponse({"id": job_id, "deleted": True, "hard": hard})


async def pause_job(request: Request) -> Response:
    principal = await caller(request)
    row = await service(request).pause(principal.owner, request.path_params["job_id"])
    return JSONResponse(render_job(row))


async def resume_job(request: Request) -> Response:
    principal = await caller(request)
    row = await service(request).resume(principal.owner, request.path_params["job_id"])
    return JSONResponse(render_job(row))


async def reschedule_job(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    row = await service(request).reschedule(principal.owner, request.path_params["job_id"], body)
    return JSONResponse(render_job(row))


routes = [
    Route("/jobs", list_jobs, methods=["GET"]),
    Route("/jobs", create_job, methods=["POST"]),
    Route("/jobs/{job_id}", get_job, methods=["GET"]),
    Route("/jobs/{job_id}", update_job, methods=["PUT", "PATCH"]),
    Route("/jobs/{job_id}", delete_job, methods=["DELETE"]),
    Route("/jobs/{job_id}/pause", pause_job, methods=["POST"]),
    Route("/jobs/{job_id}/resume", resume_job, methods=["POST"]),
    Route("/jobs/{job_id}/reschedule", reschedule_job, methods=["PATCH", "POST"]),
]
