"""``/agents``: the agents jobs run with (model, instructions, tool allow-list, limits).

Owner-scoped like jobs. The built-in ``default`` agent is listed for everyone and cannot be
changed or deleted here: its model is ``AGENTCRON_LLM_MODEL``. An agent that jobs still use
cannot be deleted either (those jobs would fail on their next run).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.api.render import utc_iso
from agentcron.app.domain.jobspec import pydantic_problems
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Conflict, FieldProblem, InvalidInput, NotFound
from agentcron.app.executors.tools import FINISH, TOOL_NAMES
from agentcron.app.ids import new_id
from agentcron.app.storage.agents import (
    BUILTIN_ID,
    DEFAULT_MAX_STEPS,
    DEFAULT_MAX_TOKENS,
    DEFAULT_TIMEOUT_SECONDS,
    AgentStore,
)

READ_ONLY_FIELDS = frozenset({"id", "owner", "builtin", "shared", "created_at", "updated_at"})
_MODEL_NAME = re.compile(r"^[\w.:/@+\-]{1,200}$")


class AgentFields(BaseModel):
    """Every writable field of an agent; required-ness is checked for creation."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    model: str | None = Field(None, description="null: the service default at job creation")
    instructions: str | None = Field(None, max_length=20_000)
    tools: list[str] | None = Field(None, max_length=20)
    max_steps: int | None = Field(None, ge=1, le=50)
    max_tokens: int | None = Field(None, ge=1_000, le=2_000_000)
    timeout_seconds: int | None = Field(None, ge=1, le=3_600)

    @field_validator("model")
    @classmethod
    def _model(cls, model: str | None) -> str | None:
        if model is not None and not _MODEL_NAME.match(model):
            raise ValueError("a model name is 1-200 letters, digits and . _ : / @ + -")
        return model


def _tools(names: list[str], problems: list[FieldProblem]) -> list[str]:
    chosen: list[str] = []
    for index, name in enumerate(names):
        if name == FINISH:
            continue  # always offered; accepted so a client may list it
        if name not in TOOL_NAMES:
            problems.append(
                FieldProblem(
                    f"tools[{index}]",
                    f"unknown tool {name!r} (available: {', '.join(TOOL_NAMES)})",
                )
            )
        elif name not in chosen:
            chosen.append(name)
    return chosen


def validate_agent(body: Any, *, creating: bool) -> dict[str, Any]:
    """Check a create or partial-update body; return column values or raise InvalidInput."""
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    data = {k: v for k, v in body.items() if k not in READ_ONLY_FIELDS}
    try:
        fields = AgentFields.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(pydantic_problems(exc)) from None
    given = fields.model_fields_set
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {}
    for name in ("name", "model", "max_steps", "max_tokens", "timeout_seconds"):
        if name in given:
            values[name] = getattr(fields, name)
    for name in ("name", "max_steps", "max_tokens", "timeout_seconds"):
        if name in values and values[name] is None:
            problems.append(FieldProblem(name, "may not be null"))
    if creating and not fields.name:
        problems.append(FieldProblem("name", "is required"))
    if "instructions" in given:
        values["instructions"] = fields.instructions or ""
    if "tools" in given:
        values["tools"] = _tools(fields.tools or [], problems)
    if problems:
        raise InvalidInput(problems)
    if creating:
        values.setdefault("model", None)
        values.setdefault("instructions", "")
        values.setdefault("tools", list(TOOL_NAMES))
        values.setdefault("max_steps", DEFAULT_MAX_STEPS)
        values.setdefault("max_tokens", DEFAULT_MAX_TOKENS)
        values.setdefault("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
    return values


def render_agent(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "model": row.get("model"),
        "instructions": row.get("instructions") or "",
        "tools": list(row.get("tools") or []),
        "max_steps": row["max_steps"],
        "max_tokens": row["max_tokens"],
        "timeout_seconds": row["timeout_seconds"],
        "builtin": row["id"] == BUILTIN_ID,
        "shared": row.get("owner") is None,
        "created_at": utc_iso(row.get("created_at")),
        "updated_at": utc_iso(row.get("updated_at")),
    }


def store(request: Request) -> AgentStore:
    rt = runtime(request)
    return AgentStore(rt.db, default_model=rt.settings.llm_model)


async def _mine(request: Request, owner: str, verb: str) -> dict[str, Any]:
    """The agent in the path, which ``owner`` must own to change it."""
    agent_id = request.path_params["agent_id"]
    row = await store(request).get(owner, agent_id)
    if row is None:
        raise NotFound("agent", agent_id)
    if agent_id == BUILTIN_ID:
        raise Conflict(
            f"the built-in default agent cannot be {verb} (its model is AGENTCRON_LLM_MODEL); "
            "create an agent of your own and set it as a job's agent_id"
        )
    if row.get("owner") is None:
        raise Conflict(f"agent {agent_id} is shared by every owner and cannot be {verb} here")
    return row


@requires(Scope.JOBS_READ)
async def list_agents(request: Request) -> Response:
    principal = await caller(request)
    rows = await store(request).list(principal.owner)
    return JSONResponse({"agents": [render_agent(r) for r in rows], "count": len(rows)})


@requires(Scope.JOBS_WRITE)
async def create_agent(request: Request) -> Response:
    principal = await caller(request)
    values = validate_agent(await json_body(request), creating=True)
    now = runtime(request).clock.now()
    values.update(id=new_id("agent"), owner=principal.owner, created_at=now, updated_at=now)
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
    existing = await _mine(request, principal.owner, "changed")
    values = validate_agent(body, creating=False)
    if not values:
        return JSONResponse(render_agent(existing))
    values["updated_at"] = runtime(request).clock.now()
    row = await store(request).update(principal.owner, existing["id"], values)
    if row is None:
        raise NotFound("agent", existing["id"])
    return JSONResponse(render_agent(row))


@requires(Scope.JOBS_WRITE)
async def delete_agent(request: Request) -> Response:
    principal = await caller(request)
    existing = await _mine(request, principal.owner, "deleted")
    agents = store(request)
    using = await agents.jobs_using(principal.owner, existing["id"])
    if using:
        shown = ", ".join(using[:5]) + (" …" if len(using) > 5 else "")
        raise Conflict(
            f"agent {existing['id']} is used by {len(using)} job(s) ({shown}); "
            "give them another agent_id or delete them first"
        )
    if not await agents.delete(principal.owner, existing["id"], now=runtime(request).clock.now()):
        raise NotFound("agent", existing["id"])
    return JSONResponse({"id": existing["id"], "deleted": True})


routes = [
    Route("/agents", list_agents, methods=["GET"]),
    Route("/agents", create_agent, methods=["POST"]),
    Route("/agents/{agent_id}", get_agent, methods=["GET"]),
    Route("/agents/{agent_id}", update_agent, methods=["PUT", "PATCH"]),
    Route("/agents/{agent_id}", delete_agent, methods=["DELETE"]),
]
