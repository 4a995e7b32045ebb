"""End to end through the HTTP API: an agent job with a condition and a Slack channel.

The engine runs in-process on a frozen clock (tests/engine's harness); the model is the
fake OpenAI server and Slack is the fake Slack Web API, both on 127.0.0.1 and both reached
through the real clients (openai, slack_sdk). Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, func, select, update

from agentcron.app.config import Settings
from agentcron.app.storage.tables import jobs, outbox
from tests.engine.conftest import EngineHarness, engine
from tests.fakes.openai_server import FakeOpenAI, Reply, _openai_server_session, openai_server
from tests.fakes.slack_server import FakeSlack, fake_slack

__all__ = ["_openai_server_session", "engine", "fake_slack", "openai_server"]

PRICE_ALERT: dict[str, Any] = {
    "name": "Price alert",
    "goal": "Check BTC price and alert if >5% change",
    "schedule": {"type": "every", "interval": 3600, "timezone": "UTC"},
    "delivery": {"channel": "slack:#alerts", "format": "markdown"},
    "condition": {"type": "expression", "expression": "price_change_pct > 0.05"},
    "retry": {"max_attempts": 3, "strategy": "fixed", "base_delay": 60},
}


@pytest.fixture
def settings(settings: Settings, openai_server: FakeOpenAI, fake_slack: FakeSlack) -> Settings:
    settings.openai_base_url = openai_server.base_url
    settings.openai_api_key = "sk-test"
    settings.slack_bot_token = "xoxb-test"
    settings.slack_api_url = fake_slack.base_url
    return settings


async def agent_job(engine: EngineHarness, **overrides: Any) -> dict[str, Any]:
    response = await engine.api.post(
        "/agents",
        json={"name": "Price watcher", "model": "watch-model", "tools": ["http_fetch"]},
    )
    assert response.status_code == 201, response.text
    return await engine.create(**{**PRICE_ALERT, "agent_id": response.json()["id"], **overrides})


def finish(change: float) -> Reply:
    output = f"**BTC** moved {change:.0%} in the last hour, to $70,000."
    data = {"price": 70000, "price_change_pct": change}
    return Reply.tool_call("finish", {"output": output, "data": data})


async def outbox_rows(engine: EngineHarness, run_id: str) -> int:
    def work(conn: Connection) -> int:
        query = select(func.count()).select_from(outbox).where(outbox.c.run_id == run_id)
        return int(conn.execute(query).scalar_one())

    return await engine.rt.db.read(work)


async def test_a_met_condition_posts_exactly_one_slack_message(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    job = await agent_job(engine)
    assert job["model"] == "watch-model"
    openai_server.enqueue(finish(0.08))

    run_id = await engine.trigger(job["id"])
    run = await engine.finished(job["id"], run_id)
    assert run["status"] == "succeeded", run["error"]
    assert run["condition_met"] is True
    assert run["output"] == "**BTC** moved 8% in the last hour, to $70,000."
    assert run["data"] == {"price": 70000, "price_change_pct": 0.08}
    assert run["usage"] == {
        "prompt_tokens": 10,
        "completion_tokens": 5,
        "total_tokens": 15,
        "steps": 1,
        "model": "watch-model",
        "cost_usd": 0.0,
        "priced": False,  # not in the price table: counted, costed at nothing, and said so
        "estimated": False,
        "token_limit": 20_000,
    }

    async def delivered() -> dict[str, Any] | None:
        current = await engine.run(job["id"], run_id)
        status = ((current["delivery"] or {}).get("slack:#alerts") or {}).get("status")
        return current if status == "delivered" else None

    run = await engine.until(delivered, what="the Slack delivery to be recorded")
    (posted,) = fake_slack.posted()
    assert posted["channel"] == "#alerts"
    assert posted["blocks"][0] == {
        "type": "markdown",
        "text": "**BTC** moved 8% in the last hour, to $70,000.",
    }
    assert posted["text"] == "Price alert: BTC moved 8% in the last hour, to $70,000."
    assert fake_slack.tokens == ["xoxb-test"]
    assert run["delivery"]["slack:#alerts"]["external_id"] == fake_slack.messages[0]["ts"]
    assert await outbox_rows(engine, run_id) == 1

    (request,) = openai_server.requests
    assert request.body["model"] == "watch-model"
    assert request.headers["authorization"] == "Bearer sk-test"
    assert [t["function"]["name"] for t in request.body["tools"]] == ["http_fetch", "finish"]


async def test_a_false_condition_succeeds_and_posts_nothing(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    job = await agent_job(engine)
    openai_server.enqueue(finish(0.01))

    run_id = await engine.trigger(job["id"])
    run = await engine.finished(job["id"], run_id)
    assert run["status"] == "succeeded", run["error"]
    assert run["condition_met"] is False
    assert run["delivery"] is None
    # nothing was queued for delivery in the run's own transaction, so nothing can be sent
    assert await outbox_rows(engine, run_id) == 0
    assert fake_slack.posted() == []


async def job_of_a_vanished_agent(engine: EngineHarness, body: dict[str, Any]) -> dict[str, Any]:
    """A job whose agent no longer exists (a job can no longer be written naming one: this is
    data an earlier version stored, or a database edited by hand)."""
    job = await engine.create(**body)
    await engine.rt.db.write(
        lambda conn: conn.execute(
            update(jobs).where(jobs.c.id == job["id"]).values(agent_id="agent_123", model=None)
        )
    )
    return job


async def test_an_unknown_agent_fails_once_before_any_llm_call(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    job = await job_of_a_vanished_agent(engine, PRICE_ALERT)

    run_id = await engine.trigger(job["id"])
    run = await engine.finished(job["id"], run_id)
    assert run["status"] == "failed"
    assert run["error"] == (
        "the job's agent 'agent_123' does not exist; create it or set the job's agent_id "
        "to an existing agent (GET /api/scheduler/agents)"
    )
    assert openai_server.requests == []
    # not retried: the retry policy allows 3 attempts, but retrying cannot help
    assert [r["id"] for r in await engine.runs(job["id"])] == [run_id]
    # Slack's on_error notice (the default for Slack channels) tells the channel once
    await fake_slack.wait_for_calls(1, method="chat.postMessage")
    assert "agent_123" in fake_slack.posted()[0]["text"]


async def test_failure_notices_go_where_failures_to_says(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    job = await job_of_a_vanished_agent(
        engine,
        {**PRICE_ALERT, "delivery": {"channel": "slack:#alerts", "failures_to": "slack:U0OWNER1"}},
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "failed"
    await fake_slack.wait_for_calls(1, method="chat.postMessage")
    [notice] = fake_slack.posted()
    assert notice["channel"] == "U0OWNER1"  # the owner's DM, not #alerts
    assert "agent_123" in notice["text"]


async def test_a_bad_failures_to_is_refused_naming_the_field(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs", json={**PRICE_ALERT, "delivery": {"channel": "slack:#a", "failures_to": "x"}}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "delivery.failures_to"


async def test_agent_output_cannot_ping_the_channel_unless_allowed(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    said = "<!channel> BTC moved 7% <@U0BOSS1234>"
    for allow in (False, True):
        job = await agent_job(
            engine,
            condition=None,
            delivery={"channel": "slack:#alerts", "allow_mentions": allow},
        )
        openai_server.enqueue(Reply.tool_call("finish", {"output": said, "data": {}}))
        await engine.finished(job["id"], await engine.trigger(job["id"]))
    await fake_slack.wait_for_calls(2, method="chat.postMessage")
    quiet, loud = fake_slack.posted()
    assert "<!channel>" not in quiet["text"] and "<@U0BOSS1234>" not in quiet["text"]
    assert "<!channel>" not in str(quiet["blocks"])
    assert "<!channel>" in loud["text"] and "<!channel>" in str(loud["blocks"])
