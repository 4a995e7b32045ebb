"""Refuse NUL characters in the path and query string before any endpoint sees them
(PostgreSQL cannot store them in text, and no identifier or filter of ours contains one)."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from agentcron.app.api.problems import problem


class RefuseNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            "\x00" in scope["path"] or b"%00" in scope.get("query_string", b"")
        ):
            response = problem(400, "NUL characters are not allowed in the path or query")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
