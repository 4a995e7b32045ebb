"""agentcron as an MCP server: tools, a job resource and a scheduling prompt.

Built on the official SDK's low-level ``Server`` so that the published JSON Schemas are
exactly ours and every argument is checked by the services the REST API uses (the SDK's
high-level layer would validate arguments with pydantic first and answer bad input in its
own words). The transport decides who is calling: ``agentcron mcp`` (stdio) acts for the key
in ``AGENTCRON_API_KEY``; ``/mcp`` on ``agentcron serve`` authenticates each HTTP request.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import mcp_types as types
from mcp.server import CacheHint, Server, ServerRequestContext
from mcp.shared.exceptions import MCPError

from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.untrusted import check_parsed
from agentcron.app.errors import Unauthorized
from agentcron.app.mcp.prompts import PROMPTS, render_prompt
from agentcron.app.mcp.tools import TOOLS, TOOLS_BY_NAME, Call, ToolSpec
from agentcron.app.problems import problem_for
from agentcron.app.render import job_zone, render_job, render_run
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService, RunService, job_query
from agentcron.app.storage.keys import Principal

log = logging.getLogger("agentcron.mcp")

INSTRUCTIONS = (
    "agentcron schedules work durably: jobs run exactly once per scheduled slot, with "
    "retries, time zones and daylight-saving handled, and results delivered to Slack or a "
    "webhook. To schedule something: parse_schedule (the user's words) -> preview_schedule "
    "-> show the user the description, next runs and notes and ask them to confirm -> "
    "create_job. Manage jobs with list_jobs, get_job, update_job, pause_job, resume_job, "
    "trigger_job and delete_job; read results with list_runs and get_run."
)
JOB_URI = re.compile(r"^agentcron://jobs/(?P<job_id>[A-Za-z0-9_\-]{1,64})$")
RESOURCE_NOT_FOUND = -32002  # the MCP specification's code for an unknown resource
RECENT_RUNS = 10
LISTED_JOBS = 100

PrincipalOf = Callable[[ServerRequestContext[Any, Any]], Awaitable[Principal]]


def build_server(runtime: Runtime, principal_of: PrincipalOf) -> Server[Any]:
    """The MCP server for ``runtime``; ``principal_of`` names the caller of each request."""

    async def caller(ctx: ServerRequestContext[Any, Any]) -> Call:
        try:
            principal = await principal_of(ctx)
        except Unauthorized as exc:
            raise MCPError(code=types.INVALID_REQUEST, message=str(exc)) from None
        return Call(runtime=runtime, principal=principal)

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        call = await caller(ctx)
        return types.ListToolsResult(
            tools=[_tool(spec) for spec in TOOLS if call.principal.allows(spec.scope)]
        )

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        spec = TOOLS_BY_NAME.get(params.name)
        if spec is None:
            raise MCPError(code=types.INVALID_PARAMS, message=f"Unknown tool: {params.name}")
        call = await caller(ctx)
        if not call.principal.allows(spec.scope):
            return _error(
                {
                    "status": 403,
                    "title": "Forbidden",
                    "detail": f"this key may not use {spec.name}: it needs the "
                    f"{spec.scope.value!r} scope",
                    "required_scope": spec.scope.value,
                }
            )
        try:
            arguments = dict(params.arguments or {})
            # what REST refuses in every body (NUL, lone surrogates, NaN, nesting), refused
            # here too: a NUL stored through MCP was a failed INSERT on PostgreSQL
            check_parsed(arguments)
            result = await spec.handler(call, arguments)
        except Exception as exc:
            problem = problem_for(exc)
            if problem is None:
                log.exception("MCP tool %s failed", spec.name)
                problem = {"status": 500, "detail": "internal error; it has been logged"}
            return _error(problem)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=_json(result))],
            structured_content=result,
        )

    async def list_resources(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        call = await caller(ctx)
        if not call.principal.allows(Scope.JOBS_READ):
            return types.ListResourcesResult(resources=[])
        rows, _ = await JobService(runtime).list(call.owner, job_query(limit=LISTED_JOBS))
        return types.ListResourcesResult(
            resources=[
                types.Resource(
                    uri=f"agentcron://jobs/{row['id']}",
                    name=row["id"],
                    title=row["name"],
                    description=render_job(row)["schedule_description"] or "runs when triggered",
                    mime_type="application/json",
                )
                for row in rows
            ]
        )

    async def list_resource_templates(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(
            resource_templates=[
                types.ResourceTemplate(
                    uri_template="agentcron://jobs/{job_id}",
                    name="job",
                    title="A job and its recent runs",
                    description=f"The job's settings and status with its last {RECENT_RUNS} "
                    "runs (status, times, output, error).",
                    mime_type="application/json",
                )
            ]
        )

    async def read_resource(
        ctx: ServerRequestContext[Any, Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        call = await caller(ctx)
        uri = str(params.uri)
        match = JOB_URI.match(uri)
        if match is None or not call.principal.allows(Scope.JOBS_READ):
            raise MCPError(code=RESOURCE_NOT_FOUND, message="Resource not found", data={"uri": uri})
        try:
            page = await RunService(runtime).list(call.owner, match["job_id"], limit=RECENT_RUNS)
        except LookupError:
            raise MCPError(
                code=RESOURCE_NOT_FOUND, message="Resource not found", data={"uri": uri}
            ) from None
        zone = job_zone(page.job)
        body = {
            "job": render_job(page.job),
            "recent_runs": [render_run(r, zone) for r in page.runs],
            "run_count": page.count,
        }
        return types.ReadResourceResult(
            contents=[
                types.TextResourceContents(uri=uri, text=_json(body), mime_type="application/json")
            ]
        )

    async def list_prompts(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListPromptsResult:
        return types.ListPromptsResult(prompts=list(PROMPTS))

    async def get_prompt(
        ctx: ServerRequestContext[Any, Any], params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        prompt = render_prompt(params.name, params.arguments or {})
        if prompt is None:
            raise MCPError(code=types.INVALID_PARAMS, message=f"Unknown prompt: {params.name}")
        return prompt

    # Every list depends on the caller's key and changes as jobs do: nothing may be cached
    # beyond the request, nor shared between keys.
    fresh = CacheHint(ttl_ms=0, scope="private")
    return Server(
        "agentcron",
        title="agentcron",
        version=_version(),
        instructions=INSTRUCTIONS,
        cache_hints={
            "tools/list": fresh,
            "resources/list": fresh,
            "resources/read": fresh,
            "resources/templates/list": fresh,
            "prompts/list": fresh,
        },
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_list_resource_templates=list_resource_templates,
        on_read_resource=read_resource,
        on_list_prompts=list_prompts,
        on_get_prompt=get_prompt,
    )


def _tool(spec: ToolSpec) -> types.Tool:
    return types.Tool(
        name=spec.name,
        title=spec.title,
        description=spec.description,
        input_schema=spec.input_schema,
        output_schema=spec.output_schema,
        annotations=types.ToolAnnotations(title=spec.title, **_hints(spec.hints)),
    )


def _hints(hints: dict[str, bool]) -> dict[str, bool]:
    names = {
        "readOnlyHint": "read_only_hint",
        "destructiveHint": "destructive_hint",
        "idempotentHint": "idempotent_hint",
        "openWorldHint": "open_world_hint",
    }
    return {names[k]: v for k, v in hints.items()}


def _error(problem: dict[str, Any]) -> types.CallToolResult:
    """A refused call as the model sees it: the API's problem document as structured content,
    and its detail (with the parser's suggestion, when there is one) as text."""
    text = str(problem.get("detail"))
    if problem.get("suggestion"):
        text += f" (suggestion: {problem['suggestion']})"
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)],
        structured_content=problem,
        is_error=True,
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("agentcron")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"
