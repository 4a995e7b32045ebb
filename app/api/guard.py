"""Guards every request passes before any endpoint sees it.

- ``LimitHead``: a head larger than ``app.domain.request_head`` allows (a 100,000-character
  header value) is 431, a target too long 414, before anything reads it.
- ``RefuseNul``: NUL characters in the path and query string (PostgreSQL cannot store them in
  text, and no identifier or filter of ours contains one).
- ``LimitBody``: a request body is counted as it streams in and refused with 413 as soon as
  it passes ``MAX_BODY_BYTES``, chunked or not, for every route (``/slack/events`` too, which
  needs no key). A declared ``Content-Length`` above the limit is refused before a byte is
  read. Nothing is buffered here: the endpoint still reads the body itself, through a
  ``receive`` that stops at the limit, so memory per request is bounded by the limit.
- ``RateLimitHeaders`` (on ``/api/scheduler``): the ``RateLimit`` fields on every answer.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agentcron.app.api.problems import problem
from agentcron.app.domain.request_head import head_refusal

#: the largest request body any endpoint accepts (a job is a few kilobytes; Slack's payloads too)
MAX_BODY_BYTES = 1_000_000


class LimitHead:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            target = len(scope.get("raw_path") or scope["path"].encode("utf-8", "replace"))
            target += len(scope.get("query_string", b""))
            refusal = head_refusal(target, scope.get("headers", ()))
            if refusal is not None:
                status, reason = refusal
                await problem(status, reason, headers={"Connection": "close"})(scope, receive, send)
                return
        await self.app(scope, receive, send)


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


class BodyTooLarge(Exception):
    """Raised from ``receive`` when the body passes the limit; answered 413 below."""


class LimitBody:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                if not value.isdigit():
                    await problem(400, "Content-Length is not a number")(scope, receive, send)
                    return
                if int(value) > self.max_bytes:
                    await self._too_large(scope, receive, send)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if not started:  # (an endpoint that answered while reading has nothing to add)
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(413, f"the body is larger than {self.max_bytes} bytes")
        await response(scope, receive, send)


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
