"""Runs in storage: one method per step of a run's life, each one transaction.

The decisions are made in ``agentcron.app.domain`` (``firing``, ``leasing``, ``outcome``,
``chains``); the modules here read what those need and write what they say, by protocol step:

- ``firing``: due jobs become runs; ``queue``: leases, renewals, releases, cancellation,
  backfill; ``recording``: outcomes; ``reads``: what the API shows.

The contract, once (every backend honours it — SQLite and PostgreSQL run the same code):

- ``fire_due_jobs`` locks due jobs (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the single
  writer on SQLite), inserts one run per slot — the unique ``(job_id, slot)`` makes a slot fire
  at most once whatever happens — and advances ``next_run_at`` in the same transaction.
- ``acquire_runs`` takes queued runs whose ``not_before`` has come, at most ``limit``, honouring
  each job's concurrency, and leases them to one instance until ``acquired_until``.
- ``extend_leases`` renews the leases an instance still holds and tells it which it lost.
- ``finish_runs`` records outcomes only for runs the instance still holds; a run whose lease
  was lost is the recoverer's, and its late result is dropped rather than recorded twice.
- ``reap_abandoned_runs`` ends runs whose lease expired (their instance died) as ``failed``
  with reason ``interrupted`` and queues a retry when the policy allows: never lost, never
  running twice at once.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from datetime import datetime
from functools import partial
from typing import Any

from agentcron.app.domain.enums import RunStatus, Trigger
from agentcron.app.domain.leasing import NOTHING_HELD, HeldHere
from agentcron.app.domain.outcome import Attempt
from agentcron.app.domain.records import Leased, new_run
from agentcron.app.storage.database import Database
from agentcron.app.storage.runs import firing, queue, reads, recording
from agentcron.app.storage.runs.firing import Claim, FireResult
from agentcron.app.storage.runs.queue import Backfill
from agentcron.app.storage.runs.recording import Recorded

__all__ = ["Backfill", "Claim", "FireResult", "Recorded", "RunStore"]


class RunStore:
    def __init__(self, db: Database, *, rng: random.Random | None = None) -> None:
        self.db = db
        self.rng = rng or random.Random()

    async def database_now(self) -> datetime:
        """PostgreSQL's clock: every instance claims and leases by the same clock."""
        return await self.db.read(reads.database_now)

    # -- firing -----------------------------------------------------------------------------

    async def fire_due_jobs(
        self,
        *,
        now: datetime,
        limit: int,
        default_catchup: int,
        instance: str,
        until: datetime | None = None,
        claim: Claim | None = None,
        held: HeldHere = NOTHING_HELD,
        late_since: datetime | None = None,
    ) -> FireResult:
        """Fire every slot up to ``until`` (default ``now``); catch-up is judged against ``now``.

        ``instance`` fires; ``held`` is what its worker knows of the runs it holds (which
        began when, which finished and wait for their write: those never count as going).
        ``late_since``: the scheduler has looked without a gap since then, so a slot due
        since then that it finds late runs rather than being caught up (``firing``). With
        ``claim``, new runs are leased to ``instance`` in the same transaction
        (``leasing.plan_leases`` decides which) and returned in ``claimed`` with their jobs:
        in a burst, the local worker starts them without a second round trip to the queue.
        """
        return await self.db.write(
            partial(
                firing.fire_due_jobs,
                now=now,
                until=until or now,
                limit=limit,
                default_catchup=default_catchup,
                instance=instance,
                held=held,
                claim=claim,
                late_since=late_since,
            )
        )

    async def upcoming(
        self, *, window: float, cap: int, horizon: datetime
    ) -> tuple[datetime | None, int]:
        """The earliest ``next_run_at`` of an active job, and how many jobs (at most ``cap``)
        come due within ``window`` seconds of it — counted only when it is due by
        ``horizon``: the scheduler starts firing a burst early enough to have it fired by
        its due second, and needs to know only as that second comes near."""
        return await self.db.read(partial(firing.upcoming, window=window, cap=cap, horizon=horizon))

    # -- the queue and its leases -----------------------------------------------------------

    async def trigger(
        self,
        job: Mapping[str, Any],
        *,
        now: datetime,
        trigger: Trigger = Trigger.MANUAL,
        **extra: Any,
    ) -> dict[str, Any]:
        """Queue a run of ``job`` now (``POST /jobs/{id}/trigger``); it uses no slot."""
        run = new_run(
            job_id=job["id"],
            owner=job["owner"],
            trigger=trigger,
            now=now,
            scheduled_for=now,
            **extra,
        )
        await self.db.write(partial(queue.enqueue, run=run))
        return run.values()

    async def queue_backfill(
        self, job: Mapping[str, Any], slots: list[datetime], *, now: datetime
    ) -> Backfill:
        """A run per past slot that has none (``trigger: backfill``); slots recorded as
        skipped are queued again; slots that ran or are queued are left alone."""
        return await self.db.write(partial(queue.queue_backfill, job=job, slots=slots, now=now))

    async def acquire_runs(
        self,
        *,
        now: datetime,
        limit: int,
        instance: str,
        lease: float,
        due_by: datetime | None = None,
        held: HeldHere = NOTHING_HELD,
    ) -> list[Leased]:
        """Lease up to ``limit`` runs due by ``due_by`` (default ``now``) to ``instance``. A
        run taken ahead of its ``not_before`` is the worker's to start on time."""
        return await self.db.write(
            partial(
                queue.acquire_runs,
                now=now,
                due_by=due_by or now,
                limit=limit,
                instance=instance,
                lease=lease,
                held=held,
            )
        )

    async def extend_leases(
        self, run_ids: list[str], *, instance: str, now: datetime, lease: float
    ) -> tuple[set[str], set[str]]:
        """Renew; returns (ids whose lease was lost, ids whose cancellation was requested)."""
        if not run_ids:
            return set(), set()
        return await self.db.write(
            partial(queue.extend_leases, run_ids=run_ids, instance=instance, now=now, lease=lease)
        )

    async def cancel_requests(self, *, instance: str) -> set[str]:
        """Ids of the runs leased to ``instance`` whose cancellation was asked for.

        Asked by instance, not by a list of run ids: a worker polls this several times a
        second, and with thousands of runs going a list would be thousands of parameters."""
        return await self.db.read(partial(queue.cancel_requests, instance=instance))

    async def release_runs(self, run_ids: list[str], *, instance: str, now: datetime) -> int:
        """Graceful shutdown: give runs that did not finish in the grace period back to the
        queue (they were interrupted by us, not failed), to be picked up again."""
        if not run_ids:
            return 0
        return await self.db.write(
            partial(queue.release_runs, run_ids=run_ids, instance=instance, now=now)
        )

    async def revoke_ahead(
        self, job_id: str, *, now: datetime, status: RunStatus, reason: str
    ) -> list[str]:
        """End the runs of ``job_id`` fired ahead of a slot that has not come yet (leased to
        a worker, waiting to start on the dot) as ``status`` with ``reason``; returns their
        ids, for the workers holding them. Queued ones are left to ``acquire_runs``, which
        ends the runs of paused and deleted jobs itself."""
        return await self.db.write(
            partial(queue.revoke_ahead, job_id=job_id, now=now, status=status, reason=reason)
        )

    async def earliest_queued(self) -> datetime | None:
        return await self.db.read(queue.earliest_queued)

    async def request_cancel(
        self, owner: str, job_id: str, run_id: str, *, now: datetime
    ) -> dict[str, Any] | None:
        """A queued run is cancelled now; a running one is flagged for its worker."""
        return await self.db.write(
            partial(queue.cancel_run, owner=owner, job_id=job_id, run_id=run_id, now=now)
        )

    # -- recording --------------------------------------------------------------------------

    async def finish_runs(
        self, attempts: list[Attempt], *, instance: str, now: datetime
    ) -> Recorded:
        """Record outcomes of runs ``instance`` still holds (``domain.outcome``): the retry,
        the job's counters and status, deliveries and events, chain edges."""
        return await self.db.write(
            partial(
                recording.finish_runs, attempts=attempts, instance=instance, now=now, rng=self.rng
            )
        )

    async def reap_abandoned_runs(
        self,
        *,
        now: datetime,
        limit: int = 200,
        instance: str | None = None,
        keep: Collection[str] = (),
    ) -> Recorded:
        """Record runs whose lease expired as ``failed`` (``interrupted``) and retry them per
        policy. ``instance`` reaps: of its own runs, those in ``keep`` (its worker still holds
        them: it was only late renewing) are left alone."""
        return await self.db.write(
            partial(
                recording.reap_abandoned_runs,
                now=now,
                limit=limit,
                rng=self.rng,
                instance=instance,
                keep=keep,
            )
        )

    # -- reading ----------------------------------------------------------------------------

    async def recent_by_job(
        self, owner: str, job_ids: Collection[str], *, per_job: int
    ) -> dict[str, list[dict[str, Any]]]:
        """Each job's newest runs for its strip (``domain.health``), in one statement."""
        return await self.db.read(
            partial(reads.recent_by_job, owner=owner, job_ids=list(job_ids), per_job=per_job)
        )

    async def list_for_job(
        self, owner: str, job_id: str, *, status: str | None, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        return await self.db.read(
            partial(
                reads.list_for_job,
                owner=owner,
                job_id=job_id,
                status=status,
                limit=limit,
                offset=offset,
            )
        )

    async def get(self, owner: str, job_id: str, run_id: str) -> dict[str, Any] | None:
        return await self.db.read(partial(reads.get, owner=owner, job_id=job_id, run_id=run_id))

    async def previous_finished(self, job_id: str, *, before: str) -> dict[str, Any] | None:
        return await self.db.read(partial(reads.previous_finished, job_id=job_id, before=before))

    async def counts(self) -> dict[str, int]:
        return await self.db.read(reads.counts)
