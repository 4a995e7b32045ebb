"""ASGI guards at the edge: refuse NUL characters in the path and query string before any
endpoint sees them (PostgreSQL cannot store them in text, and no identifier or filter of ours
contains one), and put the rate-limit fields on every API answer."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class RateLimitHeaders:
    """Adds the ``RateLimit`` and ``RateLimit-Policy`` fields that ``caller()`` left in the
    request's state to the answer (a refusal carries its own, with ``Retry-After``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_fields(message: Message) -> None:
            if message["type"] == "http.response.start":
                fields = scope.get("state", {}).get("ratelimit")
                if fields:
                    raw = list(message.get("headers", []))
                    present = {name.lower() for name, _ in raw}
                    for name, value in fields.items():
                        if name.lower().encode() not in present:
                            raw.append((name.lower().encode(), value.encode()))
                    message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_fields)
