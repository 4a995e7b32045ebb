"""``/keys``: an admin key manages its owner's API keys (list, create, read, revoke); ``/me``
tells any key who it acts as.

Keys are shown in full only in the answer that creates them; afterwards only their prefix.
A key's scopes are fixed when it is made, and a key can only make keys that can do at most
what it can (an ``admin`` key cannot make an ``operator`` key). The API never reaches
another owner's keys; the operator's ``agentcron keys`` command does (it has the database).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import any_key, requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.domain.scopes import (
    Scope,
    ScopeError,
    exceeding,
    granted,
    is_publishable,
    parse_scopes,
)
from agentcron.app.errors import Forbidden, InvalidInput, NotFound
from agentcron.app.render import utc_iso

MAX_NAME = 200


def render_key(row: dict[str, Any]) -> dict[str, Any]:
    scopes = [Scope(s) for s in row["scopes"]]
    return {
        "id": row["id"],
        "name": row["name"],
        "prefix": row["prefix"],
        "scopes": [s.value for s in scopes],
        "publishable": is_publishable(scopes),
        "created_at": utc_iso(row["created_at"]),
        "revoked_at": utc_iso(row["revoked_at"]),
        "active": row["revoked_at"] is None,
    }


@requires(Scope.ADMIN)
async def list_keys(request: Request) -> Response:
    principal = await caller(request)
    rows = await runtime(request).keys.list(owner=principal.owner)
    return JSONResponse({"keys": [render_key(r) for r in rows], "count": len(rows)})


@requires(Scope.ADMIN)
async def create_key(request: Request) -> Response:
    principal = await caller(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    unknown = sorted(set(body) - {"name", "scopes"})
    if unknown:
        raise InvalidInput.field(unknown[0], "is not a field of a key (name, scopes)")
    name = body.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise InvalidInput.field("name", f"is required: 1 to {MAX_NAME} characters")
    raw = body.get("scopes")
    if not isinstance(raw, list | str):
        known = ", ".join(s.value for s in Scope)
        raise InvalidInput.field("scopes", f"is required: a list of scopes ({known})")
    try:
        scopes = parse_scopes(raw)
    except ScopeError as exc:
        raise InvalidInput.field("scopes", exc.reason) from None
    beyond = exceeding(scopes, principal.scopes)
    if beyond:
        names = ", ".join(sorted(f"'{s.value}'" for s in beyond))
        raise Forbidden(
            f"a key can only make keys that do at most what it does; this one lacks {names}",
            scope=sorted(beyond)[0].value,
        )
    rt = runtime(request)
    key_id, key = await rt.keys.create(
        name=name.strip(), owner=principal.owner, now=rt.clock.now(), scopes=scopes
    )
    row = await rt.keys.get(key_id, owner=principal.owner)
    assert row is not None
    return JSONResponse(
        {**render_key(row), "key": key},
        status_code=201,
        headers={"Location": f"/api/scheduler/keys/{key_id}", "Cache-Control": "no-store"},
    )


@requires(Scope.ADMIN)
async def get_key(request: Request) -> Response:
    principal = await caller(request)
    key_id = request.path_params["key_id"]
    row = await runtime(request).keys.get(key_id, owner=principal.owner)
    if row is None:
        raise NotFound("key", key_id)
    return JSONResponse(render_key(row))


@requires(Scope.ADMIN)
async def revoke_key(request: Request) -> Response:
    """Revoke a key; repeating it changes nothing."""
    principal = await caller(request)
    rt = runtime(request)
    key_id = request.path_params["key_id"]
    await rt.keys.revoke_owned(key_id, owner=principal.owner, now=rt.clock.now())
    row = await rt.keys.get(key_id, owner=principal.owner)
    if row is None:
        raise NotFound("key", key_id)
    return JSONResponse(render_key(row))


@any_key
async def me(request: Request) -> Response:
    """Who this key acts as: its owner (whose jobs it sees), its name and its scopes."""
    principal = await caller(request)
    row = await runtime(request).keys.get(principal.key_id, owner=principal.owner)
    return JSONResponse(
        {
            "owner": principal.owner,
            "key_id": principal.key_id,
            "key_name": principal.key_name,
            "key_prefix": row["prefix"] if row else None,
            "scopes": sorted(s.value for s in principal.scopes),
            # with what each implies: what the key may really do
            "granted": sorted(s.value for s in granted(principal.scopes)),
            "publishable": principal.publishable,
        },
        headers={"Cache-Control": "no-store"},
    )


routes = [
    Route("/me", me, methods=["GET"]),
    Route("/keys", list_keys, methods=["GET"]),
    Route("/keys", create_key, methods=["POST"]),
    Route("/keys/{key_id}", get_key, methods=["GET"]),
    Route("/keys/{key_id}", revoke_key, methods=["DELETE"]),
]
