"""The MCP server in-process (the SDK's client on its in-memory transport), on SQLite and
PostgreSQL: scopes, owners and protocol errors, without starting a process."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mcp import Client
from mcp.server import ServerRequestContext

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.domain.scopes import ALL_SCOPES, Scope
from agentcron.app.mcp.server import build_server
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal
from tests.mcp.conftest import call, refused


def client_for(runtime: Runtime, principal: Principal) -> Client:
    async def principal_of(_ctx: ServerRequestContext[Any, Any]) -> Principal:
        return principal

    return Client(build_server(runtime, principal_of))


def alice(*scopes: Scope) -> Principal:
    granted = frozenset(scopes) if scopes else ALL_SCOPES
    return Principal(owner="alice", key_id="key_a", key_name="alice", scopes=granted)


async def test_a_parse_only_key_may_only_understand_and_preview(runtime: Runtime) -> None:
    async with client_for(runtime, alice(Scope.PARSE)) as client:
        tools = {tool.name for tool in (await client.list_tools()).tools}
        assert tools == {"parse_schedule", "preview_schedule"}
        preview = await call(client, "preview_schedule", schedule="0 9 * * 1-5")
        assert len(preview["next_runs"]) == 5
        refusal = await refused(client, "create_job", goal="x", schedule=None)
        assert refusal.structured_content is not None
        assert refusal.structured_content["status"] == 403
        assert "needs the 'jobs:write' scope" in refusal.content[0].text
        assert (await client.list_resources()).resources == []
    async with client_for(runtime, alice(Scope.JOBS_READ)) as client:
        tools = {tool.name for tool in (await client.list_tools()).tools}
        assert tools == {"list_jobs", "get_job", "list_runs", "get_run"}
        refusal = await refused(client, "trigger_job", job_id="job_x")
        assert refusal.structured_content is not None
        assert refusal.structured_content["required_scope"] == "runs:write"
    async with client_for(runtime, alice(Scope.ADMIN)) as client:
        assert len((await client.list_tools()).tools) == 12


async def test_jobs_belong_to_the_caller(runtime: Runtime) -> None:
    async with client_for(runtime, alice()) as client:
        job = await call(client, "create_job", goal="mine", schedule="@hourly")
        assert job["created_by"] == "alice"
    mallory = Principal(owner="mallory", key_id="key_m", key_name="mallory")
    async with client_for(runtime, mallory) as client:
        assert (await call(client, "list_jobs"))["count"] == 0
        assert (await refused(client, "get_job", job_id=job["id"])).content[0].text == (
            f"No job by the id of {job['id']!r} was found"
        )


async def test_an_unknown_tool_is_a_protocol_error(runtime: Runtime) -> None:
    async with client_for(runtime, alice()) as client:
        with pytest.raises(Exception, match="Unknown tool: make_coffee"):
            await client.call_tool("make_coffee", {})
        assert (await call(client, "list_jobs"))["count"] == 0


async def test_mcp_requests_count_against_the_key_s_rate_limit(db_url: str) -> None:
    """``/mcp`` is refused with 429 once the key's general quota is spent, as the REST API
    is (refused before the MCP session manager, so no lifespan is needed here)."""
    settings = Settings(database_url=db_url, rate_limit_api_key="2/60")
    runtime = Runtime(settings)
    try:
        _, key = await runtime.keys.create(name="k", owner="alice", now=runtime.clock.now())
        transport = httpx.ASGITransport(app=create_app(runtime, start_engine=False))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            headers = {"Authorization": f"Bearer {key}"}
            await http.get("/api/scheduler/jobs", headers=headers)
            await http.get("/api/scheduler/jobs", headers=headers)
            answer = await http.post("/mcp", json={}, headers=headers)
        assert answer.status_code == 429
        assert int(answer.headers["retry-after"]) > 0
        assert answer.json()["status"] == 429
    finally:
        await runtime.close()
