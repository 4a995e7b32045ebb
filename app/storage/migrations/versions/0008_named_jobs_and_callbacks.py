"""named jobs (jobs.key, unique per owner among live jobs) and seed 003's callback_url

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_LIVE_KEYS = "key IS NOT NULL AND deleted_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("callback_url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("key", sa.String(length=200), nullable=True))
    op.create_index(
        "uq_jobs_owner_key",
        "jobs",
        ["owner", "key"],
        unique=True,
        postgresql_where=sa.text(_LIVE_KEYS),
        sqlite_where=sa.text(_LIVE_KEYS),
    )


def downgrade() -> None:
    op.drop_index("uq_jobs_owner_key", table_name="jobs")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("key")
        batch_op.drop_column("callback_url")
