"""Who is calling over HTTP, from the bearer key, and the rate limits the call counts against.

Shared by the ways in that speak HTTP (the REST API, MCP at ``/mcp``), so both accept the same
keys, refuse the same way and count against the same buckets.
"""

from __future__ import annotations

from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Unauthorized
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal


async def principal_of(runtime: Runtime, authorization: str) -> Principal:
    """The principal of an ``Authorization: Bearer <key>`` header; Unauthorized without a
    valid key. Scopes are the caller's to check."""
    scheme, _, key = authorization.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("a valid API key is required (Authorization: Bearer <key>)")
    principal = await runtime.keys.authenticate(key.strip())
    if principal is None:
        raise Unauthorized("the API key is not valid or has been revoked")
    return principal


async def count_request(
    runtime: Runtime, principal: Principal, scope: Scope, *, address: str | None
) -> dict[str, str]:
    """Count a call against the key's (and for ``parse`` with a publishable key, the
    address's) limits (``app.limits``); the RateLimit header fields to answer with, or
    RateLimited."""
    return await runtime.limiter.check(
        key_id=principal.key_id,
        scope=scope,
        address=address,
        publishable=principal.publishable,
    )
