"""``GET /status?llm=true``: the doctor's checks for an administrator, cached a minute."""

from __future__ import annotations

import httpx

from agentcron.app.domain.scopes import Scope
from agentcron.app.runtime import Runtime
from tests.executors.test_doctor import capable
from tests.fakes.openai_server import FakeOpenAI


async def test_an_administrator_sees_the_llm_checks_and_others_may_not(
    api: httpx.AsyncClient, runtime: Runtime, openai_server: FakeOpenAI
) -> None:
    runtime.settings.openai_base_url = openai_server.base_url
    runtime.settings.llm_model = "test-model"
    openai_server.handler = capable
    _, key = await runtime.keys.create(
        name="reader", owner="alice", now=runtime.clock.now(), scopes={Scope.JOBS_READ}
    )
    reader = {"Authorization": f"Bearer {key}"}
    response = await api.get("/status", params={"llm": "true"}, headers=reader)
    assert response.status_code == 403
    assert "llm" not in (await api.get("/status", headers=reader)).json()

    admin: dict[str, str] = {}  # api's own key holds every scope
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
