"""agent budgets: spend ledger, budget notices, agent host allow-lists and daily limits, job budgets

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentcron.app.storage.tables

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agent_spend",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("job_id", sa.String(length=40), nullable=False),
        sa.Column("agent_id", sa.String(length=40), nullable=False),
        sa.Column("run_id", sa.String(length=40), nullable=True),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("at", agentcron.app.storage.tables.UTCDateTime(), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("total_tokens", sa.Integer(), nullable=False),
        sa.Column("cost_usd", sa.Float(), nullable=False),
        sa.Column("priced", sa.Boolean(), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_spend")),
    )
    with op.batch_alter_table("agent_spend", schema=None) as batch_op:
        batch_op.create_index("ix_agent_spend_owner_at", ["owner", "at"], unique=False)
        batch_op.create_index("ix_agent_spend_job_at", ["job_id", "at"], unique=False)

    op.create_table(
        "budget_notices",
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("sent_at", agentcron.app.storage.tables.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("owner", "scope", "period", name=op.f("pk_budget_notices")),
    )

    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("allowed_hosts", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("read_hosts", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("max_tokens_per_day", sa.Integer(), nullable=True))

    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("budget", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("budget")
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("max_tokens_per_day")
        batch_op.drop_column("read_hosts")
        batch_op.drop_column("allowed_hosts")
    op.drop_table("budget_notices")
    with op.batch_alter_table("agent_spend", schema=None) as batch_op:
        batch_op.drop_index("ix_agent_spend_job_at")
        batch_op.drop_index("ix_agent_spend_owner_at")
    op.drop_table("agent_spend")
