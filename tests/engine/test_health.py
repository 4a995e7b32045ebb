"""An engine whose loop ends stops, and says so: /readyz answers 503 naming the loop."""

from __future__ import annotations

import httpx

from tests.engine.conftest import EngineHarness


async def test_a_loop_that_dies_stops_the_engine_and_readyz_says_so(
    engine: EngineHarness,
) -> None:
    service = engine.service
    ready = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=engine.app), base_url="http://testserver"
    )
    async with ready:
        assert (await ready.get("/readyz")).status_code == 200
        assert service.health()["ok"]

        async def broken() -> None:
            raise RuntimeError("a bug that escaped its loop")

        service._spawn(broken(), "broken")

        async def stopped() -> bool:
            return service.worker is not None and service.worker.stopping

        await engine.until(stopped, what="the engine to stop")
        response = await ready.get("/readyz")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable"
        assert "broken loop stopped" in body["engine"]["loops"]
        assert "a bug that escaped its loop" in body["engine"]["loops"]
        assert service.scheduler is not None and service.scheduler.stopping
