"""Who is an administrator: the one check every admin-only endpoint makes.

Until API keys carry scopes (issue 22: ``Principal.scopes`` with an ``admin`` scope), an
administrator is a key of the ``admin`` owner — the owner of the key ``agentcron serve``
prints on a new database. When scopes exist, the ``admin`` scope decides.
"""

from __future__ import annotations

from agentcron.app.errors import Forbidden
from agentcron.app.storage.keys import Principal

ADMIN_SCOPE = "admin"
ADMIN_OWNER = "admin"


def is_admin(principal: Principal) -> bool:
    scopes = getattr(principal, "scopes", None)
    if scopes is not None:
        return ADMIN_SCOPE in scopes
    return principal.owner == ADMIN_OWNER


def require_admin(principal: Principal, *, to: str) -> None:
    """Forbidden unless ``principal`` is an administrator; ``to`` says what was attempted."""
    if not is_admin(principal):
        raise Forbidden(f"only an administrator's key may {to}")
