"""jobs made in Slack before failures went to their owner: their failure notices go to the
owner's DM too (delivery.failures_to), as for jobs made since

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

jobs = sa.table(
    "jobs",
    sa.column("id", sa.String),
    sa.column("owner", sa.String),
    sa.column("delivery", sa.JSON(none_as_null=True)),
)


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(jobs.c.id, jobs.c.owner, jobs.c.delivery).where(jobs.c.owner.like("slack:%"))
    ).all()
    for job_id, owner, delivery in rows:
        parts = owner.split(":")
        if len(parts) != 3 or not isinstance(delivery, dict) or delivery.get("failures_to"):
            continue
        if not delivery.get("channel"):
            continue
        changed = {**delivery, "failures_to": f"slack:{parts[2]}"}
        conn.execute(sa.update(jobs).where(jobs.c.id == job_id).values(delivery=changed))


def downgrade() -> None:
    # the notices may go back to the channels: failures_to stays as a harmless setting
    pass
