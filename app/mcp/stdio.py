"""``agentcron mcp``: the MCP server over stdio, for an assistant that starts it itself.

It acts as the owner of the key in ``AGENTCRON_API_KEY`` on the database in
``AGENTCRON_DATABASE_URL``. It runs no engine: jobs it creates are run by ``agentcron serve``
on the same database (on PostgreSQL it tells the running instances at once, as an API-only
instance does). stdout carries the protocol, so everything else goes to stderr.
"""

from __future__ import annotations

import sys
from typing import Any

from mcp.server import ServerRequestContext
from mcp.server.stdio import stdio_server

from agentcron.app.config import Settings
from agentcron.app.mcp.server import build_server
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal


async def serve_stdio(settings: Settings, api_key: str | None) -> int:
    if not api_key:
        print(
            "agentcron mcp: set AGENTCRON_API_KEY to the key to act as "
            "(make one with 'agentcron keys create --name assistant')",
            file=sys.stderr,
        )
        return 2
    runtime = Runtime(settings)
    notifier = None
    try:
        principal = await runtime.keys.authenticate(api_key.strip())
        if principal is None:
            print("agentcron mcp: AGENTCRON_API_KEY is not a valid key", file=sys.stderr)
            return 2
        if not runtime.db.is_sqlite:
            from agentcron.app.storage.notify import PostgresNotifier

            notifier = PostgresNotifier(settings.database_url, lambda _payload: None)
            await notifier.start()
            runtime.on_jobs_changed(lambda: notifier.publish("jobs"))
            runtime.on_runs_queued(lambda: notifier.publish("runs"))
            runtime.on_cancel_requested(lambda run_id: notifier.publish(f"cancel:{run_id}"))
            runtime.on_runs_revoked(
                lambda run_ids: [notifier.publish(f"cancel:{run_id}") for run_id in run_ids]
            )

        async def principal_of(_ctx: ServerRequestContext[Any, Any]) -> Principal:
            return principal

        server = build_server(runtime, principal_of)
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())
        return 0
    finally:
        if notifier is not None:
            await notifier.close()
        await runtime.close()
