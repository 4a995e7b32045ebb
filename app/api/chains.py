"""``/chains``: DAGs of jobs. Create (checked, cycles named), list, read with recent chain runs
and each node's status, delete (the jobs stay), and trigger a chain run now."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import MAX_OFFSET, caller, int_param, json_body, runtime
from agentcron.app.domain.chains import Chain, parse_chain
from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import NotFound
from agentcron.app.render import utc_iso
from agentcron.app.storage.chains import ChainStore


def store(request: Request) -> ChainStore:
    return ChainStore(runtime(request).db)


def render_chain(row: dict[str, Any]) -> dict[str, Any]:
    chain = Chain.from_row(row["jobs"], row["edges"], row["joins"])
    body: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "jobs": list(chain.jobs),
        "edges": [e.to_dict() for e in chain.edges],
        "joins": {job: chain.join(job) for job in chain.jobs},
        "roots": list(chain.roots),
        "created_at": utc_iso(row["created_at"]),
        "updated_at": utc_iso(row["updated_at"]),
    }
    if "last_run" in row:
        last = row["last_run"]
        body["last_run"] = _chain_run_summary(last) if last else None
    if "job_rows" in row:
        body["nodes"] = [
            {
                "id": job,
                "name": (row["job_rows"].get(job) or {}).get("name"),
                "status": _job_status(row["job_rows"].get(job)),
                "join": chain.join(job),
            }
            for job in chain.jobs
        ]
    if "runs" in row:
        body["runs"] = [_render_chain_run(cr, chain) for cr in row["runs"]]
    return body


def _job_status(job: dict[str, Any] | None) -> str:
    if job is None or job.get("deleted_at") is not None:
        return "deleted"
    return str(job["status"])


def _chain_run_summary(cr: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": cr["id"],
        "status": cr["status"],
        "root_run_id": cr["root_run_id"],
        "created_at": utc_iso(cr["created_at"]),
        "completed_at": utc_iso(cr["completed_at"]),
    }


def _render_chain_run(cr: dict[str, Any], chain: Chain) -> dict[str, Any]:
    runs = cr["node_runs"]
    idle = "pending" if cr["status"] == RunStatus.RUNNING else "not_run"
    nodes = {}
    for job in chain.jobs:
        run = runs.get(job)
        nodes[job] = (
            {"status": run.status, "run_id": run.id, "reason": run.reason, "trigger": run.trigger}
            if run is not None
            else {"status": idle, "run_id": None, "reason": None, "trigger": None}
        )
    root = next((r for r in runs.values() if r.id == cr["root_run_id"]), None)
    return {
        **_chain_run_summary(cr),
        # how it started: "chain" (POST /chains/{id}/trigger) or the root run's own trigger
        "trigger": root.trigger if root is not None else "chain",
        "nodes": nodes,
    }


@requires(Scope.JOBS_READ)
async def list_chains(request: Request) -> Response:
    principal = await caller(request)
    limit = int_param(request, "limit", 50, low=1, high=200, clamp=True)
    offset = int_param(request, "offset", 0, low=0, high=MAX_OFFSET)
    rows, total = await store(request).list(principal.owner, limit=limit, offset=offset)
    return JSONResponse(
        {
            "chains": [render_chain(r) for r in rows],
            "count": total,
            "limit": limit,
            "offset": offset,
        }
    )


@requires(Scope.JOBS_WRITE)
async def create_chain(request: Request) -> Response:
    principal = await caller(request)
    name, chain = parse_chain(await json_body(request))
    rt = runtime(request)
    row = await store(request).create(principal.owner, name=name, chain=chain, now=rt.clock.now())
    return JSONResponse(
        render_chain(row),
        status_code=201,
        headers={"Location": f"/api/scheduler/chains/{row['id']}"},
    )


@requires(Scope.JOBS_READ)
async def get_chain(request: Request) -> Response:
    principal = await caller(request)
    chain_id = request.path_params["chain_id"]
    limit = int_param(request, "runs", 10, low=0, high=100, clamp=True)
    row = await store(request).get(principal.owner, chain_id, runs_limit=limit)
    if row is None:
        raise NotFound("chain", chain_id)
    return JSONResponse(render_chain(row))


@requires(Scope.JOBS_WRITE)
async def delete_chain(request: Request) -> Response:
    principal = await caller(request)
    chain_id = request.path_params["chain_id"]
    rt = runtime(request)
    if not await store(request).delete(principal.owner, chain_id, now=rt.clock.now()):
        raise NotFound("chain", chain_id)
    return JSONResponse({"id": chain_id, "deleted": True})


@requires(Scope.RUNS_WRITE)
async def trigger_chain(request: Request) -> Response:
    principal = await caller(request)
    chain_id = request.path_params["chain_id"]
    rt = runtime(request)
    chain_run = await store(request).trigger(principal.owner, chain_id, now=rt.clock.now())
    if chain_run is None:
        raise NotFound("chain", chain_id)
    rt.runs_queued()
    return JSONResponse(
        {
            "chain_run_id": chain_run["id"],
            "chain_id": chain_id,
            "status": chain_run["status"],
            "runs": chain_run["runs"],
        },
        status_code=202,
        headers={"Location": f"/api/scheduler/chains/{chain_id}"},
    )


routes = [
    Route("/chains", list_chains, methods=["GET"]),
    Route("/chains", create_chain, methods=["POST"]),
    Route("/chains/{chain_id}", get_chain, methods=["GET"]),
    Route("/chains/{chain_id}", delete_chain, methods=["DELETE"]),
    Route("/chains/{chain_id}/trigger", trigger_chain, methods=["POST"]),
]
