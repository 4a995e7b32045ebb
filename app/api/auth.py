"""Which scope each endpoint needs, declared once beside the endpoint, checked in one place.

Every endpoint under ``/api/scheduler`` is decorated ``@requires(Scope.X)``; ``caller()``
(``app.api.common``) authenticates the key and then refuses, with 403 naming the scope, a
key that does not hold it. ``@any_key`` declares an endpoint every valid key may call (who
am I). The OpenAPI document reads the same declarations. An endpoint that forgot to declare
one needs ``operator`` (closed by default), and a test lists every route to make sure none
forgot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Forbidden
from agentcron.app.storage.keys import Principal

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])

REQUIRED: dict[Callable[..., Any], Scope] = {}
#: endpoints any valid key may call, whatever its scopes
ANY_KEY: set[Callable[..., Any]] = set()


def requires(scope: Scope) -> Callable[[Endpoint], Endpoint]:
    """Declare the scope a key needs to call this endpoint."""

    def declare(endpoint: Endpoint) -> Endpoint:
        REQUIRED[endpoint] = scope
        return endpoint

    return declare


def any_key(endpoint: Endpoint) -> Endpoint:
    """Declare that every valid key may call this endpoint, whatever its scopes."""
    ANY_KEY.add(endpoint)
    return endpoint


def declared_scope(endpoint: Callable[..., Any]) -> Scope | None:
    return REQUIRED.get(endpoint)


def declared(endpoint: Callable[..., Any]) -> bool:
    """Whether the endpoint said who may call it (a scope, or any key)."""
    return endpoint in REQUIRED or endpoint in ANY_KEY


def required_scope(request: Request) -> Scope | None:
    """The scope the matched endpoint declared; None when any valid key will do;
    ``operator`` when it declared nothing."""
    endpoint = request.scope.get("endpoint")
    if endpoint is None:
        return Scope.OPERATOR
    if endpoint in ANY_KEY:
        return None
    return REQUIRED.get(endpoint, Scope.OPERATOR)


def check_scope(principal: Principal, scope: Scope) -> None:
    if not principal.allows(scope):
        held = ", ".join(sorted(s.value for s in principal.scopes)) or "none"
        raise Forbidden(
            f"this key may not do this: it needs the {scope.value!r} scope (the key has: {held})",
            scope=scope.value,
        )
