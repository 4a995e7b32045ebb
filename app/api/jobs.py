"""``/jobs``: create, list, read, update, delete, pause, resume, reschedule."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import bool_param, caller, json_body, known_params, runtime
from agentcron.app.api.dry_runs import try_new_job
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import InvalidInput
from agentcron.app.render import render_job, render_jobs
from agentcron.app.services import JobService, job_query

#: the query parameters of ``GET /jobs``; any other is refused (422), never ignored
JOB_FILTERS = (
    "status",
    "health",
    "tag",
    "agent_id",
    "q",
    "sort",
    "order",
    "limit",
    "offset",
    "include_deleted",
)


def service(request: Request) -> JobService:
    return JobService(runtime(request))


def job_answer(request: Request, row: dict[str, Any]) -> dict[str, Any]:
    """One job as an endpoint answers it: with ``warnings``, each a field and why the job
    cannot run as configured on this service (``domain.readiness``; empty when it can)."""
    return {**render_job(row), "warnings": service(request).warnings(row)}


@requires(Scope.JOBS_READ)
async def list_jobs(request: Request) -> Response:
    principal = await caller(request)
    params = known_params(request, JOB_FILTERS)
    query = job_query(**{name: params.get(name) for name in JOB_FILTERS})
    rows, total = await service(request).list(principal.owner, query)
    return JSONResponse(
        {
            "jobs": render_jobs(rows),
            "count": total,
            "limit": query.limit,
            "offset": query.offset,
        }
    )


@requires(Scope.JOBS_WRITE)
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
        operator=principal.allows(Scope.OPERATOR),
    )
    headers = {"Location": f"/api/scheduler/jobs/{row['id']}"}
    if not created:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(
        job_answer(request, row), status_code=201 if created else 200, headers=headers
    )


@requires(Scope.JOBS_READ)
async def get_job(request: Request) -> Response:
    """A job; ``?include_deleted=true`` also finds a soft-deleted one (with ``deleted_at``)."""
    principal = await caller(request)
    known_params(request, ("include_deleted",))
    row = await service(request).get(
        principal.owner,
        request.path_params["job_id"],
        include_deleted=bool_param(request, "include_deleted"),
    )
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_WRITE)
async def update_job(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    row = await service(request).update(
        principal.owner,
        request.path_params["job_id"],
        body,
        operator=principal.allows(Scope.OPERATOR),
    )
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_WRITE)
async def delete_job(request: Request) -> Response:
    principal = await caller(request)
    hard = bool_param(request, "hard")
    job_id = request.path_params["job_id"]
    await service(request).delete(principal.owner, job_id, hard=hard)
    return JSONResponse({"id": job_id, "deleted": True, "hard": hard})


@requires(Scope.JOBS_WRITE)
async def pause_job(request: Request) -> Response:
    principal = await caller(request)
    row = await service(request).pause(principal.owner, request.path_params["job_id"])
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_WRITE)
async def resume_job(request: Request) -> Response:
    principal = await caller(request)
    row = await service(request).resume(principal.owner, request.path_params["job_id"])
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_WRITE)
async def reschedule_job(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    row = await service(request).reschedule(principal.owner, request.path_params["job_id"], body)
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_READ)
async def parse_edit(request: Request) -> Response:
    """What a plain-language edit would change; nothing is changed (PUT the ``changes``)."""
    principal = await caller(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise InvalidInput.field("text", 'send a JSON object: {"text": "move it to 10am"}')
    proposal = await service(request).propose_edit(
        principal.owner,
        request.path_params["job_id"],
        body.get("text"),
        timezone=body.get("timezone"),
    )
    return JSONResponse(proposal)


@requires(Scope.JOBS_READ)
async def get_named_job(request: Request) -> Response:
    """The job by its name: the one whose key (unique name) it is, else the only one called so."""
    principal = await caller(request)
    row = await service(request).named(principal.owner, request.path_params["name"])
    return JSONResponse(job_answer(request, row))


@requires(Scope.JOBS_WRITE)
async def put_named_job(request: Request) -> Response:
    """Change the job by this name, or create it with this name made unique (201)."""
    principal = await caller(request)
    body = await json_body(request)
    row, created = await service(request).put_named(
        principal.owner,
        request.path_params["name"],
        body,
        created_by=principal.key_name,
        operator=principal.allows(Scope.OPERATOR),
    )
    headers = {"Location": f"/api/scheduler/jobs/{row['id']}"}
    return JSONResponse(
        job_answer(request, row), status_code=201 if created else 200, headers=headers
    )


@requires(Scope.JOBS_WRITE)
async def delete_named_job(request: Request) -> Response:
    principal = await caller(request)
    hard = bool_param(request, "hard")
    jobs = service(request)
    job = await jobs.named(principal.owner, request.path_params["name"])
    await jobs.delete(principal.owner, job["id"], hard=hard)
    return JSONResponse({"id": job["id"], "deleted": True, "hard": hard})


routes = [
    # first: "/jobs/by-name/runs" is the job named "runs", not the runs of a job "by-name"
    Route("/jobs/by-name/{name}", get_named_job, methods=["GET"]),
    Route("/jobs/by-name/{name}", put_named_job, methods=["PUT"]),
    Route("/jobs/by-name/{name}", delete_named_job, methods=["DELETE"]),
    Route("/jobs", list_jobs, methods=["GET"]),
    Route("/jobs", create_job, methods=["POST"]),
    Route("/jobs/{job_id}", get_job, methods=["GET"]),
    Route("/jobs/{job_id}", update_job, methods=["PUT", "PATCH"]),
    Route("/jobs/{job_id}", delete_job, methods=["DELETE"]),
    Route("/jobs/{job_id}/pause", pause_job, methods=["POST"]),
    Route("/jobs/{job_id}/resume", resume_job, methods=["POST"]),
    Route("/jobs/{job_id}/reschedule", reschedule_job, methods=["PATCH", "POST"]),
    Route("/jobs/{job_id}/parse-edit", parse_edit, methods=["POST"]),
]
