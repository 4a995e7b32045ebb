"""Which scope each endpoint needs, declared once beside the endpoint, checked in one place.

Every endpoint under ``/api/scheduler`` is decorated ``@requires(Scope.X)``; ``caller()``
(``app.api.common``) authenticates the key and then refuses, with 403 naming the scope, a
key that does not hold it. The OpenAPI document reads the same declarations. An endpoint
that forgot to declare one needs ``admin`` (closed by default), and a test lists every route
to make sure none forgot.
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


def requires(scope: Scope) -> Callable[[Endpoint], Endpoint]:
    """Declare the scope a key needs to call this endpoint."""

    def declare(endpoint: Endpoint) -> Endpoint:
        REQUIRED[endpoint] = scope
        return endpoint

    return declare


def declared_scope(endpoint: Callable[..., Any]) -> Scope | None:
    return REQUIRED.get(endpoint)


def required_scope(request: Request) -> Scope:
    """The scope the matched endpoint declared; ``admin`` when it declared none."""
    endpoint = request.scope.get("endpoint")
    return REQUIRED.get(endpoint, Scope.ADMIN) if endpoint is not None else Scope.ADMIN


def check_scope(principal: Principal, scope: Scope) -> None:
    if not principal.allows(scope):
        held = ", ".join(sorted(s.value for s in principal.scopes)) or "none"
        raise Forbidden(
            f"this key may not do this: it needs the {scope.value!r} scope (the key has: {held})",
            scope=scope.value,
        )
