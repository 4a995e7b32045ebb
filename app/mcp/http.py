"""``/mcp``: the MCP server over Streamable HTTP, with the REST API's bearer keys.

Every HTTP request is authenticated on its own (401 without a valid key) and the tools act
for that request's key, within its scopes (a tool the key may not use is not even listed),
so one owner's session can never be used with another's key. The transport is stateless with
JSON responses: any instance behind a load balancer can answer any request, as with the REST
API.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any
from urllib.parse import urlsplit

from mcp.server import ServerRequestContext
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Receive, Send
from starlette.types import Scope as AsgiScope

from agentcron.app.bearer import count_request, principal_of
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import RateLimited, Unauthorized
from agentcron.app.mcp.server import build_server
from agentcron.app.problems import PROBLEM, problem_body, problem_for
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal

PATH = "/mcp"
_PRINCIPAL = "agentcron.principal"


class McpEndpoint:
    """The ASGI app mounted at ``/mcp``; ``run()`` belongs in the app's lifespan."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.server = build_server(runtime, self._principal_of)
        self.sessions = StreamableHTTPSessionManager(
            app=self.server, json_response=True, stateless=True
        )

    def run(self) -> AbstractAsyncContextManager[None]:
        return self.sessions.run()

    async def __call__(self, scope: AsgiScope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if request.method != "POST":
            # stateless JSON responses: there is no stream of server-initiated messages to
            # open with GET and no session to end with DELETE. The specification lets such
            # a server answer 405; holding a GET open would park a connection for nothing.
            body = problem_body(405, "this MCP server answers POST only (stateless JSON)")
            await JSONResponse(body, 405, headers={"Allow": "POST"}, media_type=PROBLEM)(
                scope, receive, send
            )
            return
        if not _same_origin(request):
            # the specification's defence against DNS rebinding: a page on another site may
            # not drive a local server through the user's browser
            body = problem_body(403, "requests from another origin are not allowed")
            await JSONResponse(body, 403, media_type=PROBLEM)(scope, receive, send)
            return
        try:
            principal = await principal_of(self.runtime, request.headers.get("authorization", ""))
            # counted as the REST API counts: a publishable key as its parse calls, any
            # other key in its general per-key bucket
            kind = Scope.PARSE if principal.publishable else Scope.JOBS_READ
            address = request.client.host if request.client else None
            await count_request(self.runtime, principal, kind, address=address)
        except (Unauthorized, RateLimited) as exc:
            await _refusal(exc)(scope, receive, send)
            return
        scope[_PRINCIPAL] = principal
        await self.sessions.handle_request(scope, receive, send)

    @staticmethod
    async def _principal_of(ctx: ServerRequestContext[Any, Any]) -> Principal:
        request = ctx.request
        principal = request.scope.get(_PRINCIPAL) if isinstance(request, Request) else None
        if not isinstance(principal, Principal):
            raise Unauthorized("a valid API key is required (Authorization: Bearer <key>)")
        return principal


def _refusal(exc: Unauthorized | RateLimited) -> JSONResponse:
    body = problem_for(exc)
    assert body is not None
    if isinstance(exc, RateLimited):
        headers = {**exc.headers, "Retry-After": str(exc.retry_after)}
    else:
        headers = {"WWW-Authenticate": "Bearer"}
    return JSONResponse(body, body["status"], headers=headers, media_type=PROBLEM)


def _same_origin(request: Request) -> bool:
    """No Origin (a program, not a browser page), or the origin this service is served at."""
    origin = request.headers.get("origin")
    if not origin:
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
