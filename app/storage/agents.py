"""Agents: the rows behind ``/agents`` and ``agentcron agents``.

An owner sees its own agents and the shared ones (``owner`` NULL), and changes only its own.
Shared agents are an administrator's: created, changed and deleted with ``owner=None``. The
built-in ``default`` agent always exists: when no shared row named ``default`` is stored,
it is ``domain.agents.builtin_agent`` (the service's default model, read tools only); an
administrator's first change stores that row with the change applied.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, or_, select, update

from agentcron.app.domain.agents import BUILTIN_ID, builtin_agent
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import agents, jobs


def _visible(owner: str) -> Any:
    return or_(agents.c.owner == owner, agents.c.owner.is_(None)) & agents.c.deleted_at.is_(None)


def _whose(owner: str | None) -> Any:
    return agents.c.owner.is_(None) if owner is None else agents.c.owner == owner


def _row(row: Any) -> dict[str, Any]:
    values = dict(row._mapping)
    values["allowed_hosts"] = values.get("allowed_hosts") or []
    values["read_hosts"] = values.get("read_hosts") or []
    return values


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
            return _row(row) if row else None

        return self._effective(await self.db.read(work), agent_id)

    def _effective(self, row: dict[str, Any] | None, agent_id: str) -> dict[str, Any] | None:
        """The built-in agent when none is stored; a stored ``default`` without a model
        follows the service's default model."""
        if row is None:
            return builtin_agent(self.default_model) if agent_id == BUILTIN_ID else None
        if row["id"] == BUILTIN_ID and not row.get("model"):
            row["model"] = self.default_model
        return row

    async def get_shared(self, agent_id: str) -> dict[str, Any] | None:
        """A shared agent (``default`` included, stored or not)."""

        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(agents).where(
                    agents.c.id == agent_id,
                    agents.c.owner.is_(None),
                    agents.c.deleted_at.is_(None),
                )
            ).first()
            return _row(row) if row else None

        return self._effective(await self.db.read(work), agent_id)

    async def list(self, owner: str | None) -> list[dict[str, Any]]:
        """Every agent ``owner`` can use — ``default`` first, then by creation — or, with
        ``owner`` None, every agent of every owner (for administrators)."""

        def work(conn: Connection) -> list[dict[str, Any]]:
            visible = _visible(owner) if owner is not None else agents.c.deleted_at.is_(None)
            rows = conn.execute(
                select(agents).where(visible).order_by(agents.c.created_at, agents.c.id)
            )
            return [_row(r) for r in rows]

        rows = await self.db.read(work)
        builtin = [r for r in rows if r["id"] == BUILTIN_ID] or [builtin_agent(self.default_model)]
        self._effective(builtin[0], BUILTIN_ID)
        return builtin + [r for r in rows if r["id"] != BUILTIN_ID]

    async def insert(self, values: dict[str, Any]) -> dict[str, Any]:
        def work(conn: Connection) -> None:
            conn.execute(insert(agents).values(**values))

        await self.db.write(work)
        return {"deleted_at": None, **values}

    async def update(
        self, owner: str | None, agent_id: str, values: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Change an agent of ``owner`` (None: a shared one, as an administrator). The
        built-in ``default``, changed for the first time, is stored with the change."""

        def work(conn: Connection) -> dict[str, Any] | None:
            mine = (agents.c.id == agent_id) & _whose(owner) & agents.c.deleted_at.is_(None)
            done = conn.execute(update(agents).where(mine).values(**values)).rowcount
            if not done:
                if owner is not None or agent_id != BUILTIN_ID:
                    return None
                stored = conn.execute(select(agents.c.id).where(agents.c.id == agent_id)).first()
                base = builtin_agent(None)
                base.update(values, created_at=values["updated_at"])
                if stored is None:
                    conn.execute(insert(agents).values(**base))
                else:  # deleted once: it comes back as the built-in agent with the change
                    conn.execute(update(agents).where(agents.c.id == agent_id).values(**base))
            row = conn.execute(select(agents).where(agents.c.id == agent_id)).first()
            return _row(row) if row else None

        return await self.db.write(work)

    async def delete(self, owner: str | None, agent_id: str, *, now: datetime) -> bool:
        """Soft-delete: the row stays so that old runs can still say which agent they used.
        Deleting the stored ``default`` brings back the built-in one."""

        def work(conn: Connection) -> bool:
            result = conn.execute(
                update(agents)
                .where(agents.c.id == agent_id, _whose(owner), agents.c.deleted_at.is_(None))
                .values(deleted_at=now, updated_at=now)
            )
            return bool(result.rowcount)

        return await self.db.write(work)

    async def jobs_using(
        self, owner: str | None, agent_id: str, *, limit: int = 1_000
    ) -> list[str]:
        """Ids of ``owner``'s jobs (None: anyone's) not deleted whose agent is this one."""

        def work(conn: Connection) -> list[str]:
            query = select(jobs.c.id).where(
                jobs.c.agent_id == agent_id, jobs.c.deleted_at.is_(None)
            )
            if owner is not None:
                query = query.where(jobs.c.owner == owner)
            rows = conn.execute(query.order_by(jobs.c.created_at).limit(limit))
            return [r.id for r in rows]

        return await self.db.read(work)
