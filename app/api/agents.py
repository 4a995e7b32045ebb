"""``/agents``: the agents jobs run with (model, instructions, tools, hosts, limits).

Owner-scoped like jobs: a key sees its owner's agents and the shared ones, and changes its
own. Shared agents — the built-in ``default`` among them — are an operator's
(``api.admin``): created with ``"shared": true``, changed and deleted by an operator key. The
``default`` agent is what Slack jobs and jobs naming no agent use, so it can have read tools
only (``domain.agents``); deleting its stored row brings back the built-in one. An agent
that jobs still use cannot be deleted (those jobs would fail on their next run).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.admin import require_operator
from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.domain.agents import BUILTIN_ID, EFFECT_TOOLS, validate_agent
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Conflict, NotFound
from agentcron.app.ids import new_id
from agentcron.app.render import utc_iso
from agentcron.app.storage.agents import AgentStore
from agentcron.app.storage.keys import Principal


def render_agent(row: dict[str, Any]) -> dict[str, Any]:
    tools = list(row.get("tools") or [])
    return {
        "id": row["id"],
        "name": row["name"],
        "model": row.get("model"),
        "instructions": row.get("instructions") or "",
        "tools": tools,
        "effect_tools": [t for t in tools if t in EFFECT_TOOLS],
        "allowed_hosts": list(row.get("allowed_hosts") or []),
        "read_hosts": list(row.get("read_hosts") or []),
        "max_steps": row["max_steps"],
        "max_tokens": row["max_tokens"],
        "max_tokens_per_day": row.get("max_tokens_per_day"),
        "timeout_seconds": row["timeout_seconds"],
        "builtin": row["id"] == BUILTIN_ID,
        "shared": row.get("owner") is None,
        "created_at": utc_iso(row.get("created_at")),
        "updated_at": utc_iso(row.get("updated_at")),
    }


def store(request: Request) -> AgentStore:
    rt = runtime(request)
    return AgentStore(rt.db, default_model=rt.settings.llm_model)


async def _changeable(request: Request, principal: Principal, verb: str) -> dict[str, Any]:
    """The agent in the path, which the caller may change: its own, or (an operator)
    a shared one."""
    agent_id = request.path_params["agent_id"]
    row = await store(request).get(principal.owner, agent_id)
    if row is None:
        raise NotFound("agent", agent_id)
    if row.get("owner") is None:
        what = "the built-in default agent" if agent_id == BUILTIN_ID else "shared agents"
        require_operator(principal, to=f"{verb} {what} (used by every owner)")
    return row


def _owner_of(row: dict[str, Any]) -> str | None:
    return row.get("owner")


@requires(Scope.JOBS_READ)
async def list_agents(request: Request) -> Response:
    principal = await caller(request)
    rows = await store(request).list(principal.owner)
    return JSONResponse({"agents": [render_agent(r) for r in rows], "count": len(rows)})


@requires(Scope.JOBS_WRITE)
async def create_agent(request: Request) -> Response:
    principal = await caller(request)
    values = validate_agent(await json_body(request))
    shared = values.pop("shared", False)
    if shared:
        require_operator(principal, to="create shared agents")
    now = runtime(request).clock.now()
    values.update(
        id=new_id("agent"),
        owner=None if shared else principal.owner,
        created_at=now,
        updated_at=now,
    )
    row = await store(request).insert(values)
    return JSONResponse(
        render_agent(row),
        status_code=201,
        headers={"Location": f"/api/scheduler/agents/{row['id']}"},
    )


@requires(Scope.JOBS_READ)
async def get_agent(request: Request) -> Response:
    principal = await caller(request)
    agent_id = request.path_params["agent_id"]
    row = await store(request).get(principal.owner, agent_id)
    if row is None:
        raise NotFound("agent", agent_id)
    return JSONResponse(render_agent(row))


@requires(Scope.JOBS_WRITE)
async def update_agent(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    existing = await _changeable(request, principal, "change")
    values = validate_agent(body, existing=existing)
    if not values:
        return JSONResponse(render_agent(existing))
    values["updated_at"] = runtime(request).clock.now()
    row = await store(request).update(_owner_of(existing), existing["id"], values)
    if row is None:
        raise NotFound("agent", existing["id"])
    return JSONResponse(render_agent(await store(request).get(principal.owner, row["id"]) or row))


@requires(Scope.JOBS_WRITE)
async def delete_agent(request: Request) -> Response:
    principal = await caller(request)
    existing = await _changeable(request, principal, "delete")
    agents = store(request)
    owner = _owner_of(existing)
    if existing["id"] == BUILTIN_ID:
        # the stored row goes; the built-in agent stands in again (jobs keep working)
        await agents.delete(None, BUILTIN_ID, now=runtime(request).clock.now())
        return JSONResponse({"id": BUILTIN_ID, "deleted": True, "restored_builtin": True})
    using = await agents.jobs_using(owner, existing["id"])
    if using:
        shown = ", ".join(using[:5]) + (" …" if len(using) > 5 else "")
        raise Conflict(
            f"agent {existing['id']} is used by {len(using)} job(s) ({shown}); "
            "give them another agent_id or delete them first"
        )
    if not await agents.delete(owner, existing["id"], now=runtime(request).clock.now()):
        raise NotFound("agent", existing["id"])
    return JSONResponse({"id": existing["id"], "deleted": True})


routes = [
    Route("/agents", list_agents, methods=["GET"]),
    Route("/agents", create_agent, methods=["POST"]),
    Route("/agents/{agent_id}", get_agent, methods=["GET"]),
    Route("/agents/{agent_id}", update_agent, methods=["PUT", "PATCH"]),
    Route("/agents/{agent_id}", delete_agent, methods=["DELETE"]),
]
