"""A burst bigger than a batch is fired early enough to be fired by its due second."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from agentcron.app.config import Settings
from agentcron.app.engine.scheduler import HEAD_START_MARGIN
from agentcron.app.storage.tables import runs
from tests.engine.conftest import EngineHarness, settings_with
from tests.fakes.sink import Sink

DUE = "2026-03-02T13:30:00Z"  # T0 + 30 min


@pytest.fixture
def settings(db_url: str) -> Settings:
    return settings_with(db_url, claim_batch_size=10, lookahead_seconds=1.0)


async def fired(engine: EngineHarness, status: str | None = None) -> int:
    query = select(func.count()).select_from(runs)
    if status is not None:
        query = query.where(runs.c.status == status)
    return int(await engine.rt.db.read(lambda conn: conn.execute(query).scalar()) or 0)


async def test_the_scheduler_starts_a_burst_early_by_its_measured_rate(
    engine: EngineHarness,
) -> None:
    scheduler = engine.service.scheduler
    assert scheduler is not None
    scheduler.seconds_per_job = 0.1  # as if firing were slow: 30 jobs need ~3 s (9 s ahead)
    for i in range(30):
        await engine.create(
            name=f"burst {i}", action="noop", schedule={"type": "at", "datetime": DUE}
        )

    # half an hour off, the burst is not counted yet (no need: it is beyond any head start)
    seen = scheduler.ticks

    async def looked_twice() -> bool:
        scheduler.wake()
        return scheduler.ticks >= seen + 2

    await engine.until(looked_twice, what="the scheduler to look twice")
    assert scheduler.ahead == 1.0

    await engine.advance(30 * 60 - 20)  # the burst is 20 s off: it counts the jobs now
    assert await fired(engine) == 0

    async def head_start_known() -> bool:
        scheduler.wake()
        return bool(scheduler.ahead == pytest.approx(1.0 + HEAD_START_MARGIN * 30 * 0.1))

    await engine.until(head_start_known, what="the scheduler to see all 30 jobs coming")
    await engine.advance(15)  # five seconds before the due second

    async def all_fired() -> bool:
        return await fired(engine) == 30

    # all fired ahead (by this tick or the scheduler's own loop), to start on the dot
    await engine.until(all_fired, what="the burst to be fired ahead")
    assert await fired(engine, "succeeded") == 0
    await engine.advance(5)

    async def all_succeeded() -> bool:
        return await fired(engine, "succeeded") == 30

    await engine.until(all_succeeded, what="the burst to run")


async def test_a_burst_within_one_batch_keeps_the_usual_lookahead(engine: EngineHarness) -> None:
    scheduler = engine.service.scheduler
    assert scheduler is not None
    scheduler.seconds_per_job = 0.1
    for i in range(10):
        await engine.create(
            name=f"small {i}", action="noop", schedule={"type": "at", "datetime": DUE}
        )
    assert scheduler.head_start(10) == 1.0
    await engine.advance(30 * 60 - 5)
    assert await fired(engine) == 0
    await engine.advance(4.5)  # inside the usual second ahead

    async def all_fired() -> bool:
        return await fired(engine) == 10

    await engine.until(all_fired, what="the runs to be fired a second ahead")
    await engine.advance(0.5)

    async def all_succeeded() -> bool:
        return await fired(engine, "succeeded") == 10

    await engine.until(all_succeeded, what="the runs to start on the dot and finish")


@pytest.mark.parametrize(
    ("change", "status", "reason"),
    [("pause", "skipped", "job paused"), ("delete", "cancelled", "job deleted")],
)
async def test_a_run_fired_ahead_does_not_start_once_its_job_is_paused_or_deleted(
    engine: EngineHarness, sink: Sink, change: str, status: str, reason: str
) -> None:
    worker = engine.service.worker
    assert worker is not None
    job = await engine.create(
        name="ahead",
        action="http",
        http={"url": sink.url("/hit")},
        schedule={"type": "at", "datetime": DUE},
    )
    await engine.advance(30 * 60 - 0.5)  # inside the lookahead: fired, waiting for its second

    async def waiting_to_start() -> list[dict[str, Any]]:
        runs = await engine.runs(job["id"])
        return runs if runs and runs[0]["id"] in worker.active else []

    run_id = (await engine.until(waiting_to_start, what="the run fired ahead"))[0]["id"]
    if change == "pause":
        response = await engine.api.post(f"/jobs/{job['id']}/pause")
    else:
        response = await engine.api.delete(f"/jobs/{job['id']}")
    assert response.status_code in (200, 204), response.text

    async def stopped() -> bool:
        return run_id not in worker.active

    await engine.until(stopped, what="the worker to let go of the run")
    await engine.advance(1)  # past the slot
    row = await engine.rt.db.read(
        lambda conn: conn.execute(select(runs).where(runs.c.id == run_id)).one()
    )
    assert (row.status, row.reason, row.started_at) == (status, reason, None)
    assert sink.requests == []  # never started


async def test_shutdown_puts_a_run_fired_ahead_back_for_its_slot_at_once(
    engine: EngineHarness,
) -> None:
    worker = engine.service.worker
    assert worker is not None
    job = await engine.create(name="ahead", action="noop", schedule={"type": "at", "datetime": DUE})
    await engine.advance(30 * 60 - 0.5)  # fired ahead, waiting for its second

    async def waiting_to_start() -> list[dict[str, Any]]:
        runs = await engine.runs(job["id"])
        return runs if runs and runs[0]["id"] in worker.active else []

    run_id = (await engine.until(waiting_to_start, what="the run fired ahead"))[0]["id"]
    # not started, so not waited for: a long grace period does not hold the shutdown up
    unfinished = await asyncio.wait_for(worker.drain(grace=600), timeout=30)
    assert unfinished == [run_id]
    now = engine.clock.now()
    await engine.rt.runs.release_runs(unfinished, instance=engine.rt.instance_id, now=now)
    row = await engine.rt.db.read(
        lambda conn: conn.execute(select(runs).where(runs.c.id == run_id)).one()
    )
    assert row.status == "queued"
    assert row.not_before.replace(tzinfo=UTC) == datetime(2026, 3, 2, 13, 30, tzinfo=UTC)
