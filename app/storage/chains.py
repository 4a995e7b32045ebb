"""Chains: the rows behind ``/chains``, chain runs, and the firing of edges.

``on_run_finished(conn, run, *, now) -> int`` is called by the run store inside the
transaction that records a run's final outcome (retries exhausted); it queues the downstream
runs the outcome fires and returns how many it queued. Being in that transaction is the whole
point: a crash between recording an outcome and starting what follows can neither lose nor
double a downstream run.

How a chain run starts and what belongs to it:

- ``POST /chains/{id}/trigger`` creates a chain run and queues every root with trigger
  ``chain`` and the chain run's id (``root_run_id`` stays empty).
- A run of a root job that is not itself a chain run (scheduled, manual, backfill, or the retry
  that ends one of those) starts a chain run in every chain the job is a root of, with
  ``root_run_id`` pointing at it. Scheduled and backfill runs of several roots of one chain for
  the same slot share one chain run, so an ``all`` join over two scheduled roots works; a
  manual run stands alone, and the chain's other roots are not part of its chain run.
- Every other run of a chain run carries ``chain_id``, ``chain_run_id`` and
  ``upstream_run_id``. Runs of a chain run never start chain runs of other chains: that keeps
  two acyclic chains from forming a loop together.

Deciding is pure (``agentcron.app.domain.chains.advance``); this module loads the node states
under a lock on the chain's row (PostgreSQL; SQLite has a single writer), so two upstream runs
finishing at once on two instances are decided one after the other and a downstream job
starts at most once per chain run.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Text, cast, delete, func, insert, select, update

from agentcron.app.domain.chains import ACTIVE, Chain, Node
from agentcron.app.domain.chains import advance as advance_chain
from agentcron.app.domain.enums import JobStatus, RunStatus, Trigger
from agentcron.app.domain.records import Run, new_run
from agentcron.app.errors import FieldProblem, InvalidInput
from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import chain_runs, chains, jobs, runs

#: run triggers that may start a chain run when the run is of a root job
STARTING_TRIGGERS = (Trigger.SCHEDULE, Trigger.MANUAL, Trigger.BACKFILL, Trigger.RETRY)
_MEMO = "agentcron.chain_roots"
RUN_COLUMNS = (
    runs.c.id,
    runs.c.job_id,
    runs.c.trigger,
    runs.c.status,
    runs.c.reason,
    runs.c.attempt,
    runs.c.scheduled_for,
    runs.c.created_at,
    runs.c.completed_at,
)


def _lock(conn: Connection, query: Any) -> Any:
    # not SKIP LOCKED: a second finisher must wait for the first one's decision, then see it
    return query.with_for_update() if conn.dialect.name == "postgresql" else query


# -- the hook ---------------------------------------------------------------------------------


def on_run_finished(conn: Connection, run: Run, *, now: datetime) -> int:
    """Fire what ``run``'s final outcome fires; returns the number of runs queued."""
    if run.chain_run_id:
        chain_row = conn.execute(
            _lock(conn, select(chains).where(chains.c.id == run.chain_id))
        ).first()
        chain_run = conn.execute(
            select(chain_runs).where(chain_runs.c.id == run.chain_run_id)
        ).first()
        if chain_row is None or chain_run is None:
            return 0  # the chain was deleted while this run was going
        return advance(conn, chain_row, chain_run, now=now)
    if run.trigger not in STARTING_TRIGGERS:
        return 0
    rooted = _chains_by_root(conn, run.owner).get(run.job_id)
    if not rooted:
        return 0
    queued = 0
    for chain_row in conn.execute(
        _lock(conn, select(chains).where(chains.c.id.in_(rooted)).order_by(chains.c.id))
    ).all():
        chain = _chain(chain_row)
        chain_run = _slot_chain_run(conn, chain_row.id, chain, run)
        if chain_run is not None and chain_run.status != RunStatus.RUNNING:
            # this root's run came after the rest of the slot's chain run had ended (a late
            # firing, a backfill): reopen it, so what only this root leads to runs now, while
            # what was decided already stays decided
            conn.execute(
                update(chain_runs)
                .where(chain_runs.c.id == chain_run.id)
                .values(status=RunStatus.RUNNING, completed_at=None)
            )
            chain_run = SimpleNamespace(**{**chain_run._mapping, "status": RunStatus.RUNNING})
        if chain_run is None:
            values = {
                "id": new_id("chr"),
                "chain_id": chain_row.id,
                "owner": chain_row.owner,
                "root_run_id": run.id,
                "status": RunStatus.RUNNING,
                "created_at": now,
            }
            conn.execute(insert(chain_runs).values(**values))
            chain_run = SimpleNamespace(**values)
        queued += advance(conn, chain_row, chain_run, now=now)
    return queued


def _chains_by_root(conn: Connection, owner: str) -> dict[str, list[str]]:
    """Root job -> ids of the owner's chains it starts, read once per transaction: a batch of
    thousands of finished runs costs one query per owner, not one per run."""
    memo = conn.info.get(_MEMO)
    transaction = conn.get_transaction()
    if memo is None or memo[0] is not transaction:
        # holding the transaction keeps its identity unique while the memo refers to it
        memo = (transaction, {})
        conn.info[_MEMO] = memo
    cached: dict[str, dict[str, list[str]]] = memo[1]
    if owner not in cached:
        index: dict[str, list[str]] = {}
        for row in conn.execute(
            select(chains.c.id, chains.c.jobs, chains.c.edges).where(chains.c.owner == owner)
        ):
            for root in Chain.from_row(row.jobs, row.edges, None).roots:
                index.setdefault(root, []).append(row.id)
        cached[owner] = index
    return cached[owner]


def _slot_chain_run(conn: Connection, chain_id: str, chain: Chain, run: Run) -> Any:
    """The chain run another root's run for the same slot already started, if any."""
    others = [r for r in chain.roots if r != run.job_id]
    if run.trigger == Trigger.MANUAL or run.scheduled_for is None or not others:
        return None
    siblings = select(runs.c.id).where(
        runs.c.job_id.in_(others),
        runs.c.scheduled_for == run.scheduled_for,
        runs.c.chain_run_id.is_(None),
        runs.c.trigger != Trigger.MANUAL,
    )
    return conn.execute(
        select(chain_runs)
        .where(chain_runs.c.chain_id == chain_id, chain_runs.c.root_run_id.in_(siblings))
        .order_by(chain_runs.c.created_at)
        .limit(1)
    ).first()


def _chain(row: Any) -> Chain:
    return Chain.from_row(row.jobs, row.edges, row.joins)


def node_runs(conn: Connection, chain: Chain, chain_run: Any) -> dict[str, Any]:
    """The latest attempt of each job's run in ``chain_run``."""
    rows = list(conn.execute(select(*RUN_COLUMNS).where(runs.c.chain_run_id == chain_run.id)).all())
    if chain_run.root_run_id:
        root = conn.execute(select(*RUN_COLUMNS).where(runs.c.id == chain_run.root_run_id)).first()
        if root is not None and root.trigger != Trigger.MANUAL and root.scheduled_for is not None:
            # every root's run for the slot belongs to this chain run (see the module docstring)
            rows += conn.execute(
                select(*RUN_COLUMNS).where(
                    runs.c.job_id.in_(chain.roots),
                    runs.c.scheduled_for == root.scheduled_for,
                    runs.c.chain_run_id.is_(None),
                    runs.c.trigger != Trigger.MANUAL,
                )
            ).all()
        elif root is not None:
            rows.append(root)
    latest: dict[str, Any] = {}
    for row in rows:
        seen = latest.get(row.job_id)
        if seen is None or (row.attempt, row.created_at) > (seen.attempt, seen.created_at):
            latest[row.job_id] = row
    return latest


def advance(conn: Connection, chain_row: Any, chain_run: Any, *, now: datetime) -> int:
    """Queue and skip what the chain run's current node states call for; record its outcome
    once nothing more can happen. Returns the number of runs queued."""
    if chain_run.status != RunStatus.RUNNING:
        return 0
    chain = _chain(chain_row)
    latest = node_runs(conn, chain, chain_run)
    nodes = {
        job: Node(
            ACTIVE if row.status in (RunStatus.QUEUED, RunStatus.RUNNING) else row.status,
            run_id=row.id,
            completed_at=row.completed_at,
        )
        for job, row in latest.items()
    }
    job_rows = {
        j.id: j
        for j in conn.execute(
            select(jobs.c.id, jobs.c.owner, jobs.c.status, jobs.c.deleted_at).where(
                jobs.c.id.in_(chain.jobs)
            )
        ).all()
    }
    blocked = {
        job_id: reason
        for job_id in chain.jobs
        if (reason := _blocked_reason(job_rows.get(job_id))) is not None
    }
    step = advance_chain(chain, nodes, blocked=blocked)
    slot = _slot_of(latest, chain_run)
    rows = []
    for job_id, upstream in step.start:
        rows.append(
            _chain_run_row(
                job_rows[job_id],
                chain_row.id,
                chain_run.id,
                now=now,
                slot=slot,
                upstream_run_id=nodes[upstream].run_id,
            )
        )
    for job_id, reason in step.skip:
        job = job_rows.get(job_id)
        if job is None:
            continue  # hard-deleted: there is nothing to attach a skipped run to
        rows.append(
            _chain_run_row(
                job,
                chain_row.id,
                chain_run.id,
                now=now,
                slot=slot,
                status=RunStatus.SKIPPED,
                reason=reason,
            )
        )
    if rows:
        conn.execute(insert(runs), rows)
    if step.outcome is not None:
        conn.execute(
            update(chain_runs)
            .where(chain_runs.c.id == chain_run.id)
            .values(status=step.outcome, completed_at=now)
        )
    return len(step.start)


def _blocked_reason(job: Any) -> str | None:
    """Why a job of the chain cannot run now, or None."""
    if job is None or job.deleted_at is not None:
        return "job deleted"
    if job.status == JobStatus.PAUSED:
        return "job paused"
    return None


def _slot_of(latest: dict[str, Any], chain_run: Any) -> datetime | None:
    """The instant the chain run stands for (its root's ``scheduled_for``), passed down so a
    downstream run of a 09:00 slot, or of a backfilled one, knows which slot it serves."""
    for row in latest.values():
        if row.id == chain_run.root_run_id:
            return row.scheduled_for  # type: ignore[no-any-return]
    starts = [row.scheduled_for for row in latest.values() if row.scheduled_for is not None]
    return min(starts) if starts else None


def _chain_run_row(
    job: Any,
    chain_id: str,
    chain_run_id: str,
    *,
    now: datetime,
    slot: datetime | None,
    status: RunStatus = RunStatus.QUEUED,
    reason: str | None = None,
    upstream_run_id: str | None = None,
) -> dict[str, Any]:
    return new_run(
        job_id=job.id,
        owner=job.owner,
        trigger=Trigger.CHAIN,
        now=now,
        scheduled_for=slot or now,
        status=status,
        reason=reason,
        not_before=now,
        chain_id=chain_id,
        chain_run_id=chain_run_id,
        upstream_run_id=upstream_run_id,
    ).values()


def attach_upstream_runs(conn: Connection, claimed: Iterable[Run]) -> None:
    """Give each claimed chain run its upstream run as ``run.upstream`` (``id``, ``job_id``,
    ``output``, ``data``, ``status``, ``completed_at``): the executor's
    ``RunContext.upstream_run``. Costs nothing when no claimed run has an upstream."""
    wanting = [run for run in claimed if run.upstream_run_id]
    if not wanting:
        return
    ids = list({run.upstream_run_id for run in wanting})
    found = {
        row.id: dict(row._mapping)
        for row in conn.execute(
            select(
                runs.c.id,
                runs.c.job_id,
                runs.c.output,
                runs.c.data,
                runs.c.status,
                runs.c.completed_at,
            ).where(runs.c.id.in_(ids))
        ).all()
    }
    for run in wanting:
        run.upstream = found.get(run.upstream_run_id or "")


# -- the store behind /chains -----------------------------------------------------------------


class ChainStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, owner: str, *, name: str, chain: Chain, now: datetime) -> dict[str, Any]:
        """Insert a checked chain; every job must exist and belong to ``owner`` (InvalidInput
        naming the job otherwise, the same answer for another owner's job as for none)."""
        values = {
            "id": new_id("chain"),
            "owner": owner,
            "name": name,
            "jobs": list(chain.jobs),
            "edges": [e.to_dict() for e in chain.edges],
            "joins": dict(chain.joins),
            "created_at": now,
            "updated_at": now,
        }

        def work(conn: Connection) -> dict[str, Any]:
            mine = set(
                conn.execute(
                    select(jobs.c.id).where(
                        jobs.c.id.in_(chain.jobs),
                        jobs.c.owner == owner,
                        jobs.c.deleted_at.is_(None),
                    )
                ).scalars()
            )
            problems = [
                FieldProblem(f"jobs[{i}]", f"no job by the id of {job!r} was found")
                for i, job in enumerate(chain.jobs)
                if job not in mine
            ]
            if problems:
                raise InvalidInput(problems)
            conn.execute(insert(chains).values(**values))
            return values

        return await self.db.write(work)

    async def list(
        self, owner: str, *, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        def work(conn: Connection) -> tuple[list[dict[str, Any]], int]:
            total = conn.execute(
                select(func.count()).select_from(chains).where(chains.c.owner == owner)
            ).scalar()
            rows = [
                dict(r._mapping)
                for r in conn.execute(
                    select(chains)
                    .where(chains.c.owner == owner)
                    .order_by(chains.c.created_at.desc(), chains.c.id)
                    .limit(limit)
                    .offset(offset)
                )
            ]
            for row in rows:
                last = conn.execute(
                    select(chain_runs)
                    .where(chain_runs.c.chain_id == row["id"])
                    .order_by(chain_runs.c.created_at.desc(), chain_runs.c.id.desc())
                    .limit(1)
                ).first()
                row["last_run"] = dict(last._mapping) if last else None
            return rows, int(total or 0)

        return await self.db.read(work)

    async def get(
        self, owner: str, chain_id: str, *, runs_limit: int = 10
    ) -> dict[str, Any] | None:
        """The chain with its jobs (names, statuses) and its recent chain runs, each with the
        latest run of every node."""

        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(chains).where(chains.c.id == chain_id, chains.c.owner == owner)
            ).first()
            if row is None:
                return None
            chain = _chain(row)
            out = dict(row._mapping)
            out["job_rows"] = {
                j.id: dict(j._mapping)
                for j in conn.execute(
                    select(jobs.c.id, jobs.c.name, jobs.c.status, jobs.c.deleted_at).where(
                        jobs.c.id.in_(chain.jobs)
                    )
                )
            }
            recent = conn.execute(
                select(chain_runs)
                .where(chain_runs.c.chain_id == chain_id)
                .order_by(chain_runs.c.created_at.desc(), chain_runs.c.id.desc())
                .limit(runs_limit)
            ).all()
            out["runs"] = [
                {**dict(cr._mapping), "node_runs": node_runs(conn, chain, cr)} for cr in recent
            ]
            return out

        return await self.db.read(work)

    async def delete(self, owner: str, chain_id: str, *, now: datetime) -> bool:
        """Remove the chain and its chain runs; its jobs stay. Queued runs it started are
        cancelled; running ones finish and fire nothing."""

        def work(conn: Connection) -> bool:
            gone = conn.execute(
                delete(chains).where(chains.c.id == chain_id, chains.c.owner == owner)
            ).rowcount
            if not gone:
                return False
            conn.execute(delete(chain_runs).where(chain_runs.c.chain_id == chain_id))
            conn.execute(
                update(runs)
                .where(runs.c.chain_id == chain_id, runs.c.status == RunStatus.QUEUED)
                .values(status=RunStatus.CANCELLED, reason="chain deleted", completed_at=now)
            )
            return True

        return await self.db.write(work)

    async def trigger(self, owner: str, chain_id: str, *, now: datetime) -> dict[str, Any] | None:
        """Start a chain run now: every root is queued (trigger ``chain``)."""

        def work(conn: Connection) -> dict[str, Any] | None:
            chain_row = conn.execute(
                _lock(conn, select(chains).where(chains.c.id == chain_id, chains.c.owner == owner))
            ).first()
            if chain_row is None:
                return None
            chain = _chain(chain_row)
            values = {
                "id": new_id("chr"),
                "chain_id": chain_id,
                "owner": owner,
                "root_run_id": None,
                "status": RunStatus.RUNNING,
                "created_at": now,
            }
            conn.execute(insert(chain_runs).values(**values))
            roots = conn.execute(
                select(jobs.c.id, jobs.c.owner, jobs.c.status, jobs.c.deleted_at).where(
                    jobs.c.id.in_(chain.roots)
                )
            ).all()
            rows = []
            for job in roots:
                reason = _blocked_reason(job)
                rows.append(
                    _chain_run_row(
                        job,
                        chain_id,
                        values["id"],
                        now=now,
                        slot=now,
                        status=RunStatus.SKIPPED if reason else RunStatus.QUEUED,
                        reason=reason,
                    )
                )
            if rows:
                conn.execute(insert(runs), rows)
            chain_run = conn.execute(
                select(chain_runs).where(chain_runs.c.id == values["id"])
            ).one()
            # skipped roots propagate (and an all-skipped chain run ends at once)
            advance(conn, chain_row, chain_run, now=now)
            values["status"] = conn.execute(
                select(chain_runs.c.status).where(chain_runs.c.id == values["id"])
            ).scalar_one()
            values["runs"] = [
                {"job_id": r["job_id"], "run_id": r["id"], "status": r["status"]} for r in rows
            ]
            return values

        return await self.db.write(work)

    async def containing(self, owner: str, job_id: str) -> list[tuple[str, str]]:
        """(id, name) of the owner's chains that include the job."""

        def work(conn: Connection) -> list[tuple[str, str]]:
            rows = conn.execute(
                select(chains.c.id, chains.c.name, chains.c.jobs).where(
                    chains.c.owner == owner, cast(chains.c.jobs, Text).like(f'%"{job_id}"%')
                )
            ).all()
            return [(r.id, r.name) for r in rows if job_id in r.jobs]

        return await self.db.read(work)
