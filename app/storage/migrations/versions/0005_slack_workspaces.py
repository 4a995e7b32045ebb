"""slack: drafts kept server-side, OAuth installations and states, workspace settings, and
results found by their Slack ts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentcron.app.storage.tables

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC = agentcron.app.storage.tables.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "slack_drafts",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("body", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("expires_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_drafts")),
    )
    with op.batch_alter_table("slack_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slack_drafts_expires_at"), ["expires_at"])
    op.create_table(
        "slack_installations",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.String(length=100), nullable=False),
        sa.Column("enterprise_id", sa.String(length=40), server_default="", nullable=False),
        sa.Column("team_id", sa.String(length=40), server_default="", nullable=False),
        sa.Column("user_id", sa.String(length=40), server_default="", nullable=False),
        sa.Column(
            "is_enterprise_install", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("installed_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_installations")),
    )
    with op.batch_alter_table("slack_installations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_slack_installations_workspace", ["client_id", "enterprise_id", "team_id"]
        )
    op.create_table(
        "slack_oauth_states",
        sa.Column("state", sa.String(length=100), nullable=False),
        sa.Column("expires_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("state", name=op.f("pk_slack_oauth_states")),
    )
    with op.batch_alter_table("slack_oauth_states", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slack_oauth_states_expires_at"), ["expires_at"])
    op.create_table(
        "slack_workspaces",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("settings", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_slack_workspaces")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_external_id", ["external_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_external_id")
    op.drop_table("slack_workspaces")
    with op.batch_alter_table("slack_oauth_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slack_oauth_states_expires_at"))
    op.drop_table("slack_oauth_states")
    with op.batch_alter_table("slack_installations", schema=None) as batch_op:
        batch_op.drop_index("ix_slack_installations_workspace")
    op.drop_table("slack_installations")
    with op.batch_alter_table("slack_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slack_drafts_expires_at"))
    op.drop_table("slack_drafts")
