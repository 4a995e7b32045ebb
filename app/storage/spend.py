"""What agents spent: the ledger behind budgets, ``/stats`` and the dashboard's spend.

One row per model turn (``tables.agent_spend``), written as the turn ends. Sums are over
UTC days and months, the periods budgets count (``domain.budgets``). Deciding is not done
here: storage sums and persists.

``InMemorySpendLedger`` is the same contract without a database, for the executor's tests
and for code that embeds the executor.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, insert, select

from agentcron.app.domain.budgets import SpendEntry, Spent, day_start, month_start
from agentcron.app.storage.database import Database, insert_ignoring_conflicts
from agentcron.app.storage.tables import agent_spend, budget_notices

_s = agent_spend.c


def _sums() -> tuple[Any, ...]:
    return (
        func.coalesce(func.sum(_s.total_tokens), 0).label("tokens"),
        func.coalesce(func.sum(_s.cost_usd), 0.0).label("cost_usd"),
        func.coalesce(func.sum(case((_s.priced.is_(False), _s.total_tokens), else_=0)), 0).label(
            "unpriced_tokens"
        ),
        func.coalesce(func.sum(case((_s.estimated.is_(True), _s.total_tokens), else_=0)), 0).label(
            "estimated_tokens"
        ),
    )


def _totals(row: Any) -> dict[str, Any]:
    return {
        "tokens": int(row.tokens or 0),
        "cost_usd": round(float(row.cost_usd or 0.0), 6),
        "unpriced_tokens": int(row.unpriced_tokens or 0),
        "estimated_tokens": int(row.estimated_tokens or 0),
    }


class SpendStore:
    """The SQL ledger (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def record(self, entry: SpendEntry) -> None:
        def work(conn: Connection) -> None:
            conn.execute(insert(agent_spend).values(**asdict(entry)))

        await self.db.write(work)

    async def spent(self, *, owner: str, job_id: str, agent_id: str, now: datetime) -> Spent:
        """Today's tokens for the job, the agent (this owner's use of it) and the owner;
        the owner's dollars this month. One statement, on the owner's index."""
        day, month = day_start(now), month_start(now)
        today = _s.at >= day

        def tokens(condition: Any) -> Any:
            return func.coalesce(func.sum(case((condition, _s.total_tokens), else_=0)), 0)

        def work(conn: Connection) -> Spent:
            row = conn.execute(
                select(
                    tokens(and_(today, _s.job_id == job_id)),
                    tokens(and_(today, _s.agent_id == agent_id)),
                    tokens(today),
                    func.coalesce(func.sum(_s.cost_usd), 0.0),
                ).where(_s.owner == owner, _s.at >= month)
            ).one()
            return Spent(
                job_day_tokens=int(row[0]),
                agent_day_tokens=int(row[1]),
                owner_day_tokens=int(row[2]),
                owner_month_usd=float(row[3]),
            )

        return await self.db.read(work)

    async def owner_report(self, owner: str, *, now: datetime, days: int = 30) -> dict[str, Any]:
        """Today, this month, each of the last ``days`` UTC days, and today by job."""
        day, month = day_start(now), month_start(now)
        since = min(month, day - timedelta(days=days - 1))

        def work(conn: Connection) -> dict[str, Any]:
            mine = _s.owner == owner
            date = func.date(_s.at).label("date")
            daily = conn.execute(
                select(date, *_sums())
                .where(mine, _s.at >= day - timedelta(days=days - 1))
                .group_by(date)
                .order_by(date)
            ).all()
            month_row = conn.execute(select(*_sums()).where(mine, _s.at >= month)).one()
            today_row = conn.execute(select(*_sums()).where(mine, _s.at >= day)).one()
            by_job = conn.execute(
                select(_s.job_id, *_sums()).where(mine, _s.at >= since).group_by(_s.job_id)
            ).all()
            by_job_today = dict(
                conn.execute(
                    select(_s.job_id, func.sum(_s.total_tokens))
                    .where(mine, _s.at >= day)
                    .group_by(_s.job_id)
                ).all()
            )
            return {
                "daily": [{"date": str(r.date), **_totals(r)} for r in daily],
                "month": _totals(month_row),
                "today": _totals(today_row),
                "by_job": sorted(
                    (
                        {
                            "job_id": r.job_id,
                            **_totals(r),
                            "tokens_today": int(by_job_today.get(r.job_id) or 0),
                        }
                        for r in by_job
                    ),
                    key=lambda entry: (-entry["cost_usd"], -entry["tokens"], entry["job_id"]),
                ),
            }

        return await self.db.read(work)

    async def job_report(self, job_id: str, *, now: datetime, days: int = 30) -> dict[str, Any]:
        """The job's spend today and by UTC day over the window."""
        day = day_start(now)

        def work(conn: Connection) -> dict[str, Any]:
            date = func.date(_s.at).label("date")
            daily = conn.execute(
                select(date, *_sums())
                .where(_s.job_id == job_id, _s.at >= day - timedelta(days=days - 1))
                .group_by(date)
                .order_by(date)
            ).all()
            today_row = conn.execute(
                select(*_sums()).where(_s.job_id == job_id, _s.at >= day)
            ).one()
            return {
                "today": _totals(today_row),
                "daily": [{"date": str(r.date), **_totals(r)} for r in daily],
            }

        return await self.db.read(work)

    async def by_owner(self, *, now: datetime) -> list[dict[str, Any]]:
        """Every owner's spend today and this month (UTC), the dearest month first: what an
        operator looks at across owners."""
        day, month = day_start(now), month_start(now)

        def work(conn: Connection) -> list[dict[str, Any]]:
            today = case((_s.at >= day, _s.total_tokens), else_=0)
            rows = conn.execute(
                select(
                    _s.owner,
                    func.coalesce(func.sum(today), 0).label("tokens_today"),
                    *_sums(),
                )
                .where(_s.at >= month)
                .group_by(_s.owner)
            ).all()
            return [
                {"owner": r.owner, "tokens_today": int(r.tokens_today), "month": _totals(r)}
                for r in rows
            ]

        rows = await self.db.read(work)
        return sorted(rows, key=lambda r: (-r["month"]["cost_usd"], -r["month"]["tokens"]))

    async def claim_notice(self, owner: str, *, scope: str, period: str, now: datetime) -> bool:
        """True the first time (owner, scope, period) is claimed: that caller tells the owner;
        every later one, on any instance, stays quiet."""

        def work(conn: Connection) -> bool:
            result = conn.execute(
                insert_ignoring_conflicts(conn, budget_notices).values(
                    owner=owner, scope=scope, period=period, sent_at=now
                )
            )
            return bool(result.rowcount)

        return await self.db.write(work)


class InMemorySpendLedger:
    """The ledger's contract in memory: ``entries`` is every turn recorded."""

    def __init__(self) -> None:
        self.entries: list[SpendEntry] = []
        self.notices: set[tuple[str, str, str]] = set()

    async def record(self, entry: SpendEntry) -> None:
        self.entries.append(entry)

    async def spent(self, *, owner: str, job_id: str, agent_id: str, now: datetime) -> Spent:
        day, month = day_start(now), month_start(now)
        mine = [e for e in self.entries if e.owner == owner and e.at >= month]
        today = [e for e in mine if e.at >= day]
        return Spent(
            job_day_tokens=sum(e.total_tokens for e in today if e.job_id == job_id),
            agent_day_tokens=sum(e.total_tokens for e in today if e.agent_id == agent_id),
            owner_day_tokens=sum(e.total_tokens for e in today),
            owner_month_usd=sum(e.cost_usd for e in mine),
        )

    async def claim_notice(self, owner: str, *, scope: str, period: str, now: datetime) -> bool:
        key = (owner, scope, period)
        if key in self.notices:
            return False
        self.notices.add(key)
        return True
