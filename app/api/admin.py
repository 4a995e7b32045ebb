"""Who is an administrator: the one check every admin-only action makes.

An administrator's key holds the ``admin`` scope (``app.domain.scopes``). Shared agents —
the built-in ``default`` among them — are used by every owner, so only such a key may create,
change or delete them, and only such a key may ask ``/status`` to probe the LLM endpoint.
"""

from __future__ import annotations

from agentcron.app.api.auth import check_scope
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Forbidden
from agentcron.app.storage.keys import Principal


def is_admin(principal: Principal) -> bool:
    return principal.allows(Scope.ADMIN)


def require_admin(principal: Principal, *, to: str) -> None:
    """Forbidden unless ``principal`` holds ``admin``; ``to`` says what was attempted."""
    try:
        check_scope(principal, Scope.ADMIN)
    except Forbidden as refused:
        raise Forbidden(f"only an administrator's key may {to}", scope=refused.scope) from None
