"""slack events seen, shared by every instance

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentcron.app.storage.tables

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_events",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("seen_at", agentcron.app.storage.tables.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_events")),
    )
    with op.batch_alter_table("slack_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slack_events_seen_at"), ["seen_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("slack_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slack_events_seen_at"))
    op.drop_table("slack_events")
