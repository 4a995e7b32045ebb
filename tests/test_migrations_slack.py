"""Migration 0006: jobs made in Slack before failure notices went to their owner get
``delivery.failures_to`` (the owner's DM); other jobs are left as they were."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from agentcron.app.storage.migrate import upgrade


def test_slack_jobs_send_their_failures_to_their_owner(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url.replace("sqlite://", "sqlite+aiosqlite://"), "0005")
    engine = sa.create_engine(url)
    rows = {
        "job_slack": ("slack:T0TEAM:U0ALICE", {"channel": "slack:C0OPS123"}),
        "job_set": (
            "slack:T0TEAM:U0ALICE",
            {"channel": "slack:C0OPS", "failures_to": "slack:U0X1234"},
        ),
        "job_api": ("alice", {"channel": "slack:#ops"}),
        "job_none": ("slack:T0TEAM:U0ALICE", None),
    }
    with engine.begin() as conn:
        for job_id, (owner, delivery) in rows.items():
            conn.execute(
                sa.text(
                    "INSERT INTO jobs (id, owner, name, action, status, tags, metadata, "
                    "delivery, created_at, updated_at) VALUES (:id, :owner, 'n', '{}', "
                    "'active', '[]', '{}', :delivery, '2026-01-01 00:00:00', "
                    "'2026-01-01 00:00:00')"
                ),
                {
                    "id": job_id,
                    "owner": owner,
                    "delivery": json.dumps(delivery) if delivery else None,
                },
            )
    upgrade(url.replace("sqlite://", "sqlite+aiosqlite://"), "head")
    with engine.connect() as conn:
        found = {
            row.id: json.loads(row.delivery) if row.delivery else None
            for row in conn.execute(sa.text("SELECT id, delivery FROM jobs"))
        }
    engine.dispose()
    assert found["job_slack"] == {"channel": "slack:C0OPS123", "failures_to": "slack:U0ALICE"}
    assert found["job_set"]["failures_to"] == "slack:U0X1234"
    assert found["job_api"] == {"channel": "slack:#ops"}
    assert found["job_none"] is None
