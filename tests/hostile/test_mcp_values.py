"""The MCP tools refuse what every REST body refuses (app/domain/untrusted.py): NUL, lone
surrogates, nesting past 32 levels (and non-finite numbers, which the SDK's transports
already carry as null). The SDK parses the JSON-RPC request
itself, so `parse_json` never saw a tool's arguments: a job named "a\\u0000b" was stored on
SQLite and was a failed INSERT (an internal error) on PostgreSQL, and an HTTP header holding
NUL waited to fail at its first run. Refused now as a tool error naming the field, and nothing
is stored."""

from __future__ import annotations

from typing import Any

import pytest
from mcp import Client
from mcp.server import ServerRequestContext

from agentcron.app.mcp.server import build_server
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal
from tests.mcp.conftest import call, refused

ALICE = Principal(owner="alice", key_id="key_a", key_name="alice")
JOB: dict[str, Any] = {
    "name": "probe",
    "schedule": "every day at 9am",
    "action": "http",
    "http": {"url": "http://127.0.0.1:9/"},
    "status": "paused",
}


def _client(runtime: Runtime) -> Client:
    async def principal_of(_ctx: ServerRequestContext[Any, Any]) -> Principal:
        return ALICE

    return Client(build_server(runtime, principal_of))


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    ("changes", "field", "status"),
    [
        ({"name": "a\x00b"}, "name", 422),
        ({"description": "x\ud800y"}, "description", 422),
        ({"http": {**JOB["http"], "headers": {"a": "b\x00c"}}}, "http.headers.a", 422),
        ({"metadata": _nested(40)}, "metadata", 400),
    ],
    ids=["nul", "surrogate", "nul-in-header", "deep"],
)
async def test_create_job_refuses_what_rest_refuses(
    runtime: Runtime, changes: dict[str, Any], field: str, status: int
) -> None:
    async with _client(runtime) as client:
        refusal = await refused(client, "create_job", **{**JOB, **changes})
        problem = refusal.structured_content
        assert problem is not None and problem["status"] == status
        assert problem["errors"][0]["field"].startswith(field), problem
        assert (await call(client, "list_jobs"))["count"] == 0


async def test_the_other_tools_refuse_it_too(runtime: Runtime) -> None:
    async with _client(runtime) as client:
        parsed = await refused(client, "parse_schedule", text="every day\x00 at 9")
        assert parsed.structured_content is not None
        assert parsed.structured_content["errors"][0]["field"] == "text"
        job = await call(client, "create_job", **JOB)
        changed = await refused(client, "update_job", job_id=job["id"], description="\x00")
        assert changed.structured_content is not None
        assert changed.structured_content["errors"][0]["field"] == "description"
        assert (await call(client, "get_job", job_id=job["id"]))["description"] is None
