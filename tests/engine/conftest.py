"""An engine (scheduler + worker) running in-process on a frozen clock, with the API beside it.

Time only moves when a test moves it (``engine.advance``); waiting is for events — a run
reaching a state — bounded by a timeout, never a fixed sleep.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.engine.service import EngineService
from agentcron.app.runtime import Runtime
from tests.fakes.sink import sink
from tests.support.waiting import until

__all__ = ["sink"]

FINAL = ("succeeded", "failed", "cancelled", "timed_out", "skipped")


def settings_with(db_url: str, **changes: Any) -> Settings:
    """The suite's settings (tests/conftest.py) with ``changes``: for a module's own
    ``settings`` fixture."""
    return Settings(
        database_url=db_url, allow_private_networks=True, max_sleep_seconds=0.5, **changes
    )


class EngineHarness:
    def __init__(
        self, rt: Runtime, service: EngineService, api: httpx.AsyncClient, app: Any
    ) -> None:
        self.rt = rt
        self.service = service
        self.api = api
        #: the ASGI app, for paths outside the API (/readyz)
        self.app = app
        self.clock: FrozenClock = rt.clock  # type: ignore[assignment]

    async def advance(self, seconds: float) -> None:
        """Move the clock and let the scheduler and worker look again."""
        self.clock.advance(seconds)
        await self.tick()

    async def tick(self) -> None:
        assert self.service.scheduler is not None and self.service.worker is not None
        await self.service.scheduler.tick()
        self.service.worker.wake()
        self.service.scheduler.wake()

    async def create(self, **body: Any) -> dict[str, Any]:
        response = await self.api.post("/jobs", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    async def runs(self, job_id: str, **params: Any) -> list[dict[str, Any]]:
        response = await self.api.get(f"/jobs/{job_id}/runs", params={"limit": 200, **params})
        assert response.status_code == 200, response.text
        return list(reversed(response.json()["runs"]))  # oldest first

    async def run(self, job_id: str, run_id: str) -> dict[str, Any]:
        response = await self.api.get(f"/jobs/{job_id}/runs/{run_id}")
        assert response.status_code == 200, response.text
        return response.json()

    async def job(self, job_id: str) -> dict[str, Any]:
        return (await self.api.get(f"/jobs/{job_id}")).json()

    async def until(
        self, probe: Callable[[], Any], *, timeout: float = 30.0, what: str = "condition"
    ) -> Any:
        """Await ``probe()`` (a coroutine function) until it returns something truthy."""
        return await until(probe, within=timeout, what=what, every=0.01)

    async def finished(self, job_id: str, run_id: str, *, timeout: float = 30.0) -> dict[str, Any]:
        async def probe() -> dict[str, Any] | None:
            run = await self.run(job_id, run_id)
            return run if run["status"] in FINAL else None

        return await self.until(probe, timeout=timeout, what=f"run {run_id} to finish")

    async def trigger(self, job_id: str) -> str:
        response = await self.api.post(f"/jobs/{job_id}/trigger")
        assert response.status_code == 202, response.text
        return response.json()["run_id"]


@pytest.fixture
async def engine(settings: Settings, clock: FrozenClock) -> AsyncIterator[EngineHarness]:
    settings.max_sleep_seconds = 0.2
    settings.lease_seconds = 5
    settings.shutdown_grace_seconds = 2
    rt = Runtime(settings, clock=clock)
    rt.roles = {"api", "scheduler", "worker"}
    app = create_app(rt, start_engine=False)
    service = EngineService(rt)
    await service.start()
    _, key = await rt.keys.create(name="alice-key", owner="alice", now=clock.now())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver/api/scheduler",
        headers={"Authorization": f"Bearer {key}"},
    ) as client:
        yield EngineHarness(rt, service, client, app)
    await service.stop()
    await rt.close()
