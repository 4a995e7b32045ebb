"""the operator scope: what concerns every owner (shared agents, the default agent, Slack
workspace settings, the LLM probe) is split off admin; the install's first owner's admin
keys keep it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

api_keys = sa.table(
    "api_keys",
    sa.column("id", sa.String),
    sa.column("owner", sa.String),
    sa.column("scopes", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    """Before, every ``admin`` key could change what every owner shares. The first owner's
    (the key a new install prints, and the keys the CLI made beside it) keep that power as
    ``operator``; other owners' admin keys keep their own owner's keys, and no more."""
    conn = op.get_bind()
    first = conn.execute(
        sa.select(api_keys.c.owner).order_by(api_keys.c.created_at, api_keys.c.id).limit(1)
    ).scalar()
    if first is None:
        return
    rows = conn.execute(
        sa.select(api_keys.c.id, api_keys.c.scopes).where(api_keys.c.owner == first)
    ).all()
    for key_id, scopes in rows:
        words = set(scopes.split())
        if "admin" in words and "operator" not in words:
            changed = " ".join(sorted(words | {"operator"}))
            conn.execute(sa.update(api_keys).where(api_keys.c.id == key_id).values(scopes=changed))


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(api_keys.c.id, api_keys.c.scopes)).all()
    for key_id, scopes in rows:
        words = set(scopes.split())
        if "operator" in words:
            kept = " ".join(sorted((words - {"operator"}) | {"admin"}))
            conn.execute(sa.update(api_keys).where(api_keys.c.id == key_id).values(scopes=kept))
