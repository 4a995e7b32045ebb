"""Agents: the rows behind ``/agents``, scoped to one owner.

An owner sees its own agents and the shared ones (``owner`` NULL). The built-in ``default``
agent always exists: when no shared row named ``default`` is stored, one is synthesised
from the service's default model with every built-in tool and the default limits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, or_, select, update

from agentcron.app.domain.agents import TOOL_NAMES
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import agents, jobs

BUILTIN_ID = "default"
DEFAULT_MAX_STEPS = 8
DEFAULT_MAX_TOKENS = 20_000
DEFAULT_TIMEOUT_SECONDS = 300


def builtin_agent(model: str) -> dict[str, Any]:
    """The ``default`` agent as it is when nobody has stored one."""
    return {
        "id": BUILTIN_ID,
        "owner": None,
        "name": "Default agent",
        "model": model,
        "instructions": "",
        "tools": list(TOOL_NAMES),
        "max_steps": DEFAULT_MAX_STEPS,
        "max_tokens": DEFAULT_MAX_TOKENS,
        "timeout_seconds": DEFAULT_TIMEOUT_SECONDS,
        "created_at": None,
        "updated_at": None,
        "deleted_at": None,
    }


def _visible(owner: str) -> Any:
    return or_(agents.c.owner == owner, agents.c.owner.is_(None)) & agents.c.deleted_at.is_(None)


# built once: every agent job created looks its agent up (to fix the job's model)
_GET_AGENT = select(agents).where(agents.c.id == bindparam("id"), _visible(bindparam("owner")))


class AgentStore:
    def __init__(self, db: Database, *, default_model: str) -> None:
        self.db = db
        self.default_model = default_model

    async def get(self, owner: str, agent_id: str) -> dict[str, Any] | None:
        """The agent ``agent_id`` as ``owner`` sees it (``default`` is never None)."""

        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(_GET_AGENT, {"id": agent_id, "owner": owner}).first()
            return dict(row._mapping) if row else None

        row = await self.db.read(work)
        if row is None and agent_id == BUILTIN_ID:
            return builtin_agent(self.default_model)
        return row

    async def list(self, owner: str) -> list[dict[str, Any]]:
        """Every agent ``owner`` can use: ``default`` first, then by creation."""

        def work(conn: Connection) -> list[dict[str, Any]]:
            rows = conn.execute(
                select(agents).where(_visible(owner)).order_by(agents.c.created_at, agents.c.id)
            )
            return [dict(r._mapping) for r in rows]

        rows = await self.db.read(work)
        builtin = [r for r in rows if r["id"] == BUILTIN_ID] or [builtin_agent(self.default_model)]
        return builtin + [r for r in rows if r["id"] != BUILTIN_ID]

    async def insert(self, values: dict[str, Any]) -> dict[str, Any]:
        def work(conn: Connection) -> None:
            conn.execute(insert(agents).values(**values))

        await self.db.write(work)
        return {"deleted_at": None, **values}

    async def update(
        self, owner: str, agent_id: str, values: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Change an agent ``owner`` owns (shared agents are not theirs to change)."""

        def work(conn: Connection) -> dict[str, Any] | None:
            mine = (agents.c.id == agent_id) & (agents.c.owner == owner)
            done = conn.execute(
                update(agents).where(mine, agents.c.deleted_at.is_(None)).values(**values)
            ).rowcount
            if not done:
                return None
            row = conn.execute(select(agents).where(agents.c.id == agent_id)).first()
            return dict(row._mapping) if row else None

        return await self.db.write(work)

    async def delete(self, owner: str, agent_id: str, *, now: datetime) -> bool:
        """Soft-delete: the row stays so that old runs can still say which agent they used."""

        def work(conn: Connection) -> bool:
            result = conn.execute(
                update(agents)
                .where(
                    agents.c.id == agent_id,
                    agents.c.owner == owner,
                    agents.c.deleted_at.is_(None),
                )
                .values(deleted_at=now, updated_at=now)
            )
            return bool(result.rowcount)

        return await self.db.write(work)

    async def jobs_using(self, owner: str, agent_id: str, *, limit: int = 1_000) -> list[str]:
        """Ids of ``owner``'s jobs (not deleted) whose ``agent_id`` is this agent."""

        def work(conn: Connection) -> list[str]:
            rows = conn.execute(
                select(jobs.c.id)
                .where(
                    jobs.c.owner == owner,
                    jobs.c.agent_id == agent_id,
                    jobs.c.deleted_at.is_(None),
                )
                .order_by(jobs.c.created_at)
                .limit(limit)
            )
            return [r.id for r in rows]

        return await self.db.read(work)
