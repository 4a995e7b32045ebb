"""MCP through the SDK's own client against real processes.

One ``agentcron serve`` (a temporary SQLite file, its own port) serves ``/mcp`` and runs the
engine for the whole module; stdio tests start ``agentcron mcp`` on the same database, as an
assistant would, and the serve process runs what they create. Two owners, alice and bob.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp_types import CallToolResult

from tests.support.service import ServiceProcess, cli, create_key


@dataclass(frozen=True)
class Service:
    url: str
    database_url: str
    alice: str
    bob: str
    publishable: str  # alice's, with the parse scope only
    home: Path

    def rest(self, key: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=f"{self.url}/api/scheduler",
            headers={"Authorization": f"Bearer {key}"},
            timeout=10,
        )


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    home = tmp_path_factory.mktemp("mcp-service")
    database_url = f"sqlite+aiosqlite:///{home / 'agentcron.db'}"
    process = ServiceProcess(
        database_url=database_url,
        workdir=home,
        # the worker notices runs queued by another process (agentcron mcp) by polling
        extra_env={"AGENTCRON_MAX_SLEEP_SECONDS": "0.2"},
    )
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        process.env.pop(name, None)
    alice = create_key(process.env, "alice")
    bob = create_key(process.env, "bob", new_owner=True)
    page = ("keys", "create", "--name", "page", "--owner", _owner_of(process.env, "alice"))
    publishable = cli(*page, "--scope", "parse", env=process.env).strip().splitlines()[-1]
    process.start()
    try:
        yield Service(
            url=process.url,
            database_url=database_url,
            alice=alice,
            bob=bob,
            publishable=publishable,
            home=home,
        )
    finally:
        process.stop()


def _owner_of(env: dict[str, str], name: str) -> str:
    for line in cli("keys", "list", env=env).splitlines():
        if f"  {name}  " in line:
            return line.split("owner=")[1].split()[0]
    raise AssertionError(f"no key named {name}")


@asynccontextmanager
async def over_http(service: Service, key: str, *, mode: str = "auto") -> AsyncIterator[Client]:
    http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=30)
    async with (
        http,
        Client(streamable_http_client(f"{service.url}/mcp", http_client=http), mode=mode) as client,
    ):
        yield client


@asynccontextmanager
async def over_stdio(service: Service, key: str | None) -> AsyncIterator[Client]:
    env = {"AGENTCRON_DATABASE_URL": service.database_url}
    if key is not None:
        env["AGENTCRON_API_KEY"] = key
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "agentcron.app.cli", "mcp"], env=env, cwd=service.home
    )
    with (service.home / "mcp-stdio.log").open("a") as errlog:
        async with Client(stdio_client(params, errlog=errlog)) as client:
            yield client


async def call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    """A tool call that must succeed; its structured content."""
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert isinstance(result.structured_content, dict)
    return result.structured_content


async def refused(client: Client, tool: str, **arguments: Any) -> CallToolResult:
    """A tool call that must be refused as a tool error (not a protocol error)."""
    result = await client.call_tool(tool, arguments)
    assert result.is_error, result.structured_content
    return result
