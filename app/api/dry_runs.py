"""``POST /jobs/{id}/dry-run`` and ``POST /jobs`` with ``"dry_run": true``: try an agent job
once now (``app.dry_runs``). Nothing is delivered, no run is recorded, no tool that sends
data out is offered; the answer has the output, data, tool calls, tokens and cost."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import check_scope, requires
from agentcron.app.api.common import caller, runtime
from agentcron.app.domain.scopes import Scope
from agentcron.app.dry_runs import DryRuns
from agentcron.app.services import JobService
from agentcron.app.storage.keys import Principal


# a dry run spends tokens like a run: it needs what starting a run needs
@requires(Scope.RUNS_WRITE)
async def dry_run_job(request: Request) -> Response:
    principal = await caller(request)
    rt = runtime(request)
    job = await JobService(rt).get(principal.owner, request.path_params["job_id"])
    return JSONResponse(await DryRuns(rt).try_job(principal.owner, job))


async def try_new_job(request: Request, principal: Principal, body: dict[str, Any]) -> Response:
    """A create body that asked for a dry run: checked like a create, tried, not stored."""
    check_scope(principal, Scope.RUNS_WRITE)
    rt = runtime(request)
    job = await JobService(rt).preview(
        principal.owner, body, operator=principal.allows(Scope.OPERATOR)
    )
    answer = await DryRuns(rt).try_job(principal.owner, job)
    answer["job"] = {
        "name": job.get("name"),
        "goal": job.get("goal"),
        "agent_id": job.get("agent_id"),
        "model": job.get("model"),
        "stored": False,
    }
    return JSONResponse(answer)


routes = [Route("/jobs/{job_id}/dry-run", dry_run_job, methods=["POST"])]
