"""An engine whose loop ends stops, and says so: /readyz answers 503 naming the loop.

The loops are made to die for real: a store answers with something the loop's own code
cannot use (the kind of bug that escapes a loop's ``try``), in the engine's own tasks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from tests.engine.conftest import EngineHarness


async def readyz(engine: EngineHarness) -> httpx.Response:
    transport = httpx.ASGITransport(app=engine.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return await client.get("/readyz")


async def stopped(engine: EngineHarness) -> None:
    service = engine.service

    async def probe() -> bool:
        return service.failure is not None and service.stopped.is_set()

    await engine.until(probe, what="the engine to stop")


async def test_the_scheduler_loop_dying_stops_the_engine_and_readyz_says_so(
    engine: EngineHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await readyz(engine)).status_code == 200
    service = engine.service
    assert service.health()["ok"]
    scheduler_task = next(t for t in service.tasks if t.get_name() == "agentcron scheduler")

    async def upcoming(**_: Any) -> tuple[datetime | None, int]:
        # a naive instant, as a driver without the column's type would give: the loop's
        # arithmetic on it raises outside the loop's guard
        return engine.clock.now().replace(tzinfo=None), 0

    monkeypatch.setattr(engine.rt.runs, "upcoming", upcoming)
    service.scheduler.wake()  # type: ignore[union-attr]
    await stopped(engine)

    assert scheduler_task.done() and isinstance(scheduler_task.exception(), TypeError)
    response = await readyz(engine)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["engine"]["ok"] is False
    assert body["engine"]["loops"].startswith("the scheduler loop stopped: TypeError(")
    # everything else stopped with it: no firing, no claiming, no loop left running
    assert service.scheduler is not None and service.scheduler.stopping
    assert service.worker is not None and service.worker.stopping
    assert all(task.done() for task in service.tasks)


async def test_the_recorder_loop_dying_stops_the_engine_and_readyz_says_so(
    engine: EngineHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = engine.service
    recorder_task = next(t for t in service.tasks if t.get_name() == "agentcron recorder")

    async def finish_runs(*_: Any, **__: Any) -> object:
        return object()  # not a Recorded: reading what it came to raises

    monkeypatch.setattr(engine.rt.runs, "finish_runs", finish_runs)
    job = await engine.create(name="probe", action="noop", schedule=None)
    await engine.trigger(job["id"])
    await stopped(engine)

    assert isinstance(recorder_task.exception(), AttributeError)
    response = await readyz(engine)
    assert response.status_code == 503
    assert "the recorder loop stopped: AttributeError(" in response.json()["engine"]["loops"]
    assert all(task.done() for task in service.tasks)


async def test_healthz_fails_too_so_a_supervisor_replaces_the_instance(
    engine: EngineHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = httpx.ASGITransport(app=engine.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get("/healthz")).status_code == 200

        async def upcoming(**_: Any) -> tuple[datetime | None, int]:
            return engine.clock.now().replace(tzinfo=None), 0

        monkeypatch.setattr(engine.rt.runs, "upcoming", upcoming)
        engine.service.scheduler.wake()  # type: ignore[union-attr]
        await stopped(engine)
        response = await client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["engine"].startswith("the scheduler loop stopped")


async def test_a_shutdown_asked_for_is_not_a_failure(engine: EngineHarness) -> None:
    await engine.service.stop()
    assert engine.service.alive and engine.service.failure is None
    transport = httpx.ASGITransport(app=engine.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get("/healthz")).status_code == 200
