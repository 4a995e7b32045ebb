"""A database that cannot be reached: 503 with Retry-After, never a 500, and /readyz says so."""

from __future__ import annotations

import httpx

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from tests.support.service import free_port


async def test_postgres_that_refuses_connections_gives_503_everywhere() -> None:
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/nothing"
    rt = Runtime(Settings(database_url=url))
    try:
        app = create_app(rt, start_engine=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers={"Authorization": "Bearer ac_whatever"},
        ) as client:
            for method, path in [
                ("GET", "/api/scheduler/jobs"),
                ("POST", "/api/scheduler/jobs"),
                ("GET", "/api/scheduler/stats"),
                ("GET", "/api/scheduler/validate?value=0+9+*+*+*"),
            ]:
                response = await client.request(method, path, json={"name": "x"})
                assert response.status_code == 503, (path, response.text)
                assert response.headers["content-type"] == "application/problem+json"
                assert int(response.headers["retry-after"]) > 0
                assert "cannot be reached" in response.json()["detail"]
            ready = await client.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["database"] == "unavailable: the database cannot be reached"
            assert (await client.get("/healthz")).status_code == 200
    finally:
        await rt.close()
