"""Who operates the install: the one check every action that concerns every owner makes.

An operator's key holds the ``operator`` scope (``app.domain.scopes``). Shared agents — the
built-in ``default`` among them — are used by every owner, so only such a key may create,
change or delete them, and only such a key may ask ``/status`` to probe the LLM endpoint or
see which hosts run the instances. A tenant's ``admin`` key manages its own owner's keys
and nothing of anyone else's.
"""

from __future__ import annotations

from agentcron.app.api.auth import check_scope
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import Forbidden
from agentcron.app.storage.keys import Principal


def is_operator(principal: Principal) -> bool:
    """Whether ``principal`` operates the install (holds ``operator``)."""
    return principal.allows(Scope.OPERATOR)


def require_operator(principal: Principal, *, to: str) -> None:
    """Forbidden unless ``principal`` holds ``operator``; ``to`` says what was attempted."""
    try:
        check_scope(principal, Scope.OPERATOR)
    except Forbidden as refused:
        raise Forbidden(
            f"only an operator's key may {to}; the 'operator' scope is for the install's "
            "first owner (see 'agentcron keys create')",
            scope=refused.scope,
        ) from None
