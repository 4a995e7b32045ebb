"""Trying an agent job through the API: the answer comes back, nothing is delivered, no run
is recorded, no effect tool is offered, and the tokens are counted in /stats. On SQLite and
PostgreSQL, with the real openai client against the fake server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentcron.app.runtime import Runtime
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.fakes.sink import Sink, running_sink

USAGE = {"prompt_tokens": 1_000, "completion_tokens": 500, "total_tokens": 1_500}


@pytest.fixture
async def sink() -> AsyncIterator[Sink]:
    async with running_sink() as server:
        yield server


@pytest.fixture
def llm(runtime: Runtime, openai_server: FakeOpenAI) -> FakeOpenAI:
    runtime.settings.openai_base_url = openai_server.base_url
    runtime.settings.openai_api_key = "test"
    return openai_server


def finish(output: str, data: dict[str, Any], **kwargs: Any) -> Reply:
    return Reply.tool_call("finish", {"output": output, "data": data}, **kwargs)


async def create_sender(api: httpx.AsyncClient) -> dict[str, Any]:
    response = await api.post(
        "/agents",
        json={
            "name": "Poster",
            "tools": ["http_fetch", "http_send"],
            "allowed_hosts": ["hooks.example.com"],
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_dry_run_answers_and_leaves_no_delivery_no_effect_and_no_run(
    api: httpx.AsyncClient, llm: FakeOpenAI, sink: Sink
) -> None:
    agent = await create_sender(api)
    job = (
        await api.post(
            "/jobs",
            json={
                "goal": "Check BTC and post it",
                "agent_id": agent["id"],
                "schedule": {"type": "every", "interval": 3600},
                "delivery": {"channel": f"webhook:{sink.url('/deliver')}"},
                "condition": {"type": "expression", "expression": "price > 100"},
            },
        )
    ).json()
    llm.enqueue(
        Reply.tool_call("http_send", {"url": sink.url("/effect"), "method": "POST"}, usage=USAGE),
        finish("BTC is at 70,000", {"price": 70_000}, usage=USAGE),
    )
    response = await api.post(f"/jobs/{job['id']}/dry-run")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["dry_run"], body["ok"], body["output"], body["data"]) == (
        True,
        True,
        "BTC is at 70,000",
        {"price": 70_000},
    )
    assert body["condition"] == {"expression": "price > 100", "met": True, "error": None}
    assert body["would_deliver_to"] == [f"webhook:{sink.url('/deliver')}"]
    assert body["delivered"] is False
    assert body["tools"] == ["http_fetch"]  # http_send is this agent's, but not in a dry run
    assert [(c["name"], c["ok"]) for c in body["tool_calls"]] == [
        ("http_send", False),
        ("finish", True),
    ]
    usage = body["usage"]
    assert (usage["total_tokens"], usage["model"], usage["priced"]) == (
        3_000,
        "gpt-4o-mini",
        True,
    )
    # 2,000 input at $0.15/M + 1,000 output at $0.60/M
    assert usage["cost_usd"] == pytest.approx(0.0009)
    assert sink.requests == []
    runs = (await api.get(f"/jobs/{job['id']}/runs")).json()
    assert runs["count"] == 0
    # the tokens were real: they count today, for the owner and the job
    spend = (await api.get("/stats")).json()["spend"]
    assert (spend["today"]["tokens"], spend["today"]["cost_usd"]) == (3_000, pytest.approx(0.0009))
    assert spend["by_job"][0]["job_id"] == job["id"]
    job_spend = (await api.get(f"/jobs/{job['id']}/stats")).json()["spend"]
    assert job_spend["today"]["tokens"] == 3_000
    assert job_spend["daily"] == [
        {
            "date": "2026-03-02",
            "tokens": 3_000,
            "cost_usd": pytest.approx(0.0009),
            "unpriced_tokens": 0,
            "estimated_tokens": 0,
        }
    ]


async def test_a_job_can_be_tried_before_it_is_created(
    api: httpx.AsyncClient, llm: FakeOpenAI
) -> None:
    llm.enqueue(finish("Looks fine", {}))
    response = await api.post(
        "/jobs",
        json={"goal": "Say hi", "schedule": {"type": "every", "interval": 60}, "dry_run": True},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["ok"], body["output"]) == (True, "Looks fine")
    assert body["job"] == {
        "name": "Say hi",
        "goal": "Say hi",
        "agent_id": "default",
        "model": "gpt-4o-mini",
        "stored": False,
    }
    assert (await api.get("/jobs")).json()["count"] == 0
    # a bad job is refused like a create, before any token
    response = await api.post("/jobs", json={"goal": "x", "schedule": "nope", "dry_run": True})
    assert response.status_code == 422
    response = await api.post("/jobs", json={"goal": "x", "schedule": None, "dry_run": "yes"})
    assert (response.status_code, response.json()["field"]) == (422, "dry_run")
    assert len(llm.requests) == 1


async def test_only_agent_jobs_can_be_tried_and_only_with_an_llm(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    http = (
        await api.post(
            "/jobs",
            json={"action": "http", "http": {"url": "https://example.com/"}, "schedule": None},
        )
    ).json()
    response = await api.post(f"/jobs/{http['id']}/dry-run")
    assert response.status_code == 409
    assert response.json()["detail"].startswith("only agent jobs can be tried")
    agent_job = (await api.post("/jobs", json={"goal": "x", "schedule": None})).json()
    response = await api.post(f"/jobs/{agent_job['id']}/dry-run")
    assert response.status_code == 409
    assert response.json()["detail"].startswith("no LLM configured")
    assert (await api.post("/jobs/job_nope/dry-run")).status_code == 404


async def test_a_dry_run_over_budget_is_refused_naming_the_limit(
    api: httpx.AsyncClient, runtime: Runtime, llm: FakeOpenAI
) -> None:
    runtime.settings.daily_token_quota = 2_000
    job = (await api.post("/jobs", json={"goal": "x", "schedule": None})).json()
    llm.enqueue(finish("first", {}, usage=USAGE))
    assert (await api.post(f"/jobs/{job['id']}/dry-run")).json()["ok"] is True
    body = (await api.post(f"/jobs/{job['id']}/dry-run")).json()
    assert (body["ok"], body["skipped"]) == (False, True)
    assert body["error"] == (
        "over budget: the owner's daily limit of 2,000 tokens is used up "
        "(1,500 used on 2026-03-02 UTC)"
    )
    assert len(llm.requests) == 1
