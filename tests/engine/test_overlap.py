"""Overlap ``skip`` is judged by what is really still going, never by a run that has finished
and is only waiting for its batched write, nor by the engine's own lateness in starting it
(the run store, on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from agentcron.app.clock import FrozenClock
from agentcron.app.domain.leasing import OVERLAPPED, WAITING_FOR_PREVIOUS, HeldHere
from agentcron.app.domain.outcome import Attempt
from agentcron.app.domain.records import Run
from agentcron.app.ids import new_id
from agentcron.app.runtime import Runtime
from agentcron.app.storage.tables import jobs, runs

MINUTELY = {"type": "cron", "expression": "* * * * *", "timezone": "UTC"}
LEASE = 30.0


async def job_with_a_run_going(rt: Runtime, now: datetime, *, holder: str) -> tuple[str, str]:
    """A minutely job due now, whose previous slot's run is running, held by ``holder``."""
    job_id, run_id = new_id("job"), new_id("run")
    previous = now - timedelta(minutes=1)

    def work(conn: Any) -> None:
        conn.execute(
            insert(jobs).values(
                id=job_id,
                owner="alice",
                name="minutely",
                action={"type": "noop"},
                schedule=MINUTELY,
                status="active",
                overlap="skip",
                tags=[],
                metadata={},
                next_run_at=now,
                created_at=previous,
                updated_at=previous,
            )
        )
        conn.execute(
            insert(runs).values(
                id=run_id,
                job_id=job_id,
                owner="alice",
                trigger="schedule",
                scheduled_for=previous,
                slot=previous,
                attempt=1,
                status="running",
                not_before=previous,
                created_at=previous,
                started_at=previous,
                acquired_by=holder,
                acquired_until=now + timedelta(seconds=LEASE),
            )
        )

    await rt.db.write(work)
    return job_id, run_id


async def fire(rt: Runtime, now: datetime, job_id: str, **kwargs: Any) -> list[Run]:
    """Fire what is due; the job's runs for the slot ``now``."""
    await rt.runs.fire_due_jobs(now=now, limit=10, default_catchup=3600, **kwargs)
    rows = await rt.db.read(
        lambda conn: conn.execute(
            select(runs).where(runs.c.job_id == job_id, runs.c.scheduled_for == now)
        ).all()
    )
    return [Run.from_row(row) for row in rows]


async def test_a_run_going_here_since_its_slot_skips_the_next_slot(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_here")
    held = HeldHere(began={previous: now - timedelta(minutes=1)})
    [slot] = await fire(runtime, now, job_id, instance="inst_here", held=held)
    assert (slot.status, slot.reason) == ("skipped", OVERLAPPED)


async def test_a_run_begun_late_here_makes_the_slot_wait_to_be_judged(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_here")
    # it began 50 s after its slot (the machine was busy): 10 s of a minute's run so far
    held = HeldHere(began={previous: now - timedelta(seconds=10)})
    [slot] = await fire(runtime, now, job_id, instance="inst_here", held=held)
    assert (slot.status, slot.reason) == ("queued", WAITING_FOR_PREVIOUS)
    # it ends 2 s after the new slot came: 12 s in all, so the slot did not overlap it
    settled = {previous: now + timedelta(seconds=2)}
    leased = await runtime.runs.acquire_runs(
        now=now + timedelta(seconds=3),
        limit=10,
        instance="inst_here",
        lease=LEASE,
        held=HeldHere(began=held.began, settled=settled),
    )
    assert [item.run.id for item in leased] == [slot.id]


async def test_a_run_finished_here_and_not_yet_written_does_not(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_here")
    held = HeldHere(settled={previous: now - timedelta(seconds=50)})
    [slot] = await fire(runtime, now, job_id, instance="inst_here", held=held)
    assert (slot.status, slot.reason) == ("queued", None)


async def test_a_run_held_elsewhere_makes_the_slot_wait_to_be_judged_by_its_real_end(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    slots = {}
    for ended in ("before", "after"):
        job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_there")
        [slot] = await fire(runtime, now, job_id, instance="inst_here")
        assert (slot.status, slot.reason) == ("queued", WAITING_FOR_PREVIOUS)
        slots[ended] = (slot.id, previous)
    # while the previous runs are recorded as running, nothing is taken
    leased = await runtime.runs.acquire_runs(now=now, limit=10, instance="inst_here", lease=LEASE)
    assert leased == []
    # then their instance writes them: one ended before the new slot, one after it
    for ended, (_, previous) in slots.items():
        row = await runtime.db.read(
            lambda conn, rid=previous: conn.execute(select(runs).where(runs.c.id == rid)).one()
        )
        real_end = now + (timedelta(seconds=2) if ended == "after" else -timedelta(seconds=50))
        recorded = await runtime.runs.finish_runs(
            [Attempt(run=Run.from_row(row), status="succeeded", completed_at=real_end)],
            instance="inst_there",
            now=now + timedelta(seconds=3),
        )
        assert len(recorded.plans) == 1
    leased = await runtime.runs.acquire_runs(now=now, limit=10, instance="inst_here", lease=LEASE)
    assert [item.run.id for item in leased] == [slots["before"][0]]
    skipped = await runtime.db.read(
        lambda conn: conn.execute(
            select(runs.c.status, runs.c.reason).where(runs.c.id == slots["after"][0])
        ).one()
    )
    assert tuple(skipped) == ("skipped", OVERLAPPED)


async def test_a_retry_waiting_for_its_time_is_known_to_be_going(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_there")
    await runtime.db.write(
        lambda conn: conn.execute(
            update(runs)
            .where(runs.c.id == previous)
            .values(status="queued", trigger="retry", attempt=2, acquired_by=None)
        )
    )
    [slot] = await fire(runtime, now, job_id, instance="inst_here")
    assert (slot.status, slot.reason) == ("skipped", OVERLAPPED)


async def test_a_queued_slot_of_the_job_makes_the_next_one_wait_its_turn(
    runtime: Runtime, clock: FrozenClock
) -> None:
    now = clock.now()
    job_id, previous = await job_with_a_run_going(runtime, now, holder="inst_there")
    await runtime.db.write(
        lambda conn: conn.execute(
            update(runs).where(runs.c.id == previous).values(status="queued", acquired_by=None)
        )
    )
    [slot] = await fire(runtime, now, job_id, instance="inst_here")
    assert (slot.status, slot.reason) == ("queued", WAITING_FOR_PREVIOUS)


async def test_recovery_leaves_alone_the_runs_its_own_worker_still_holds(
    runtime: Runtime, clock: FrozenClock
) -> None:
    """A lease that ran out while its instance was frozen is not an abandoned run for that
    instance: its worker is still running it, and renews it on its next turn. Another
    instance's expired run, and one of ours the worker gave up on, are recovered."""
    later = clock.now() + timedelta(seconds=LEASE + 1)
    _, mine = await job_with_a_run_going(runtime, clock.now(), holder="inst_here")
    _, given_up = await job_with_a_run_going(runtime, clock.now(), holder="inst_here")
    _, theirs = await job_with_a_run_going(runtime, clock.now(), holder="inst_there")
    recorded = await runtime.runs.reap_abandoned_runs(now=later, instance="inst_here", keep={mine})
    assert sorted(plan.run.id for plan in recorded.plans) == sorted([given_up, theirs])
    still = await runtime.db.read(
        lambda conn: conn.execute(select(runs.c.status).where(runs.c.id == mine)).scalar_one()
    )
    assert still == "running"
