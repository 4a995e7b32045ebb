"""``GET /status?llm=true``: the doctor's checks for an administrator, cached a minute."""

from __future__ import annotations

import httpx

from agentcron.app.runtime import Runtime
from tests.executors.test_doctor import capable
from tests.fakes.openai_server import FakeOpenAI


async def test_an_administrator_sees_the_llm_checks_and_others_may_not(
    api: httpx.AsyncClient, runtime: Runtime, openai_server: FakeOpenAI
) -> None:
    runtime.settings.openai_base_url = openai_server.base_url
    runtime.settings.llm_model = "test-model"
    openai_server.handler = capable
    response = await api.get("/status", params={"llm": "true"})
    assert response.status_code == 403
    assert "llm" not in (await api.get("/status")).json()

    _, key = await runtime.keys.create(name="ops", owner="admin", now=runtime.clock.now())
    admin = {"Authorization": f"Bearer {key}"}
    body = (await api.get("/status", params={"llm": "true"}, headers=admin)).json()
    llm = body["llm"]
    assert (llm["ready"], llm["model"], llm["base_url"]) == (
        True,
        "test-model",
        openai_server.base_url,
    )
    assert {c["name"]: c["status"] for c in llm["checks"]}["tool calling"] == "ok"
    asked = len(openai_server.requests)
    await api.get("/status", params={"llm": "true"}, headers=admin)
    assert len(openai_server.requests) == asked  # cached: no new probes within a minute
