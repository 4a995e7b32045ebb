"""Health, readiness, OpenAPI, docs: what needs no key."""

from __future__ import annotations

import httpx

from agentcron.app.asgi import create_app
from agentcron.app.runtime import Runtime


async def test_health_ready_openapi_docs(runtime: Runtime) -> None:
    transport = httpx.ASGITransport(app=create_app(runtime, start_engine=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        assert (await client.get("/readyz")).json()["status"] == "ready"
        spec = (await client.get("/openapi.json")).json()
        assert spec["openapi"].startswith("3.")
        assert "/api/scheduler/jobs" in spec["paths"]
        assert "post" in spec["paths"]["/api/scheduler/jobs"]
        assert "JobFields" in spec["components"]["schemas"]
        for path in ("/agents", "/chains", "/smart/heatmap", "/jobs/{job_id}/runs/{run_id}/cancel"):
            assert "/api/scheduler" + path in spec["paths"], path
        assert spec["paths"]["/api/scheduler/jobs/{job_id}/trigger"]["post"]["responses"]["202"]
        assert "agentcron API" in (await client.get("/docs")).text
        missing = await client.get("/api/scheduler/nope", headers={"Authorization": "Bearer x"})
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
        wrong_method = await client.delete("/api/scheduler/validate")
        assert wrong_method.status_code == 405
