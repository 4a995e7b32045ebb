"""End to end: what an agent run costs is on the run and in the statistics, and a used-up
budget stops the next run before any token. The engine runs in-process on a frozen clock;
the model is the fake OpenAI server through the real openai client. SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from agentcron.app.config import Settings
from agentcron.app.storage.tables import outbox
from tests.engine.conftest import EngineHarness, engine
from tests.fakes.openai_server import FakeOpenAI, Reply, _openai_server_session, openai_server
from tests.fakes.slack_server import FakeSlack, fake_slack

__all__ = ["_openai_server_session", "engine", "fake_slack", "openai_server"]

USAGE = {"prompt_tokens": 4_000, "completion_tokens": 1_000, "total_tokens": 5_000}
JOB: dict[str, Any] = {
    "name": "Digest",
    "goal": "Summarise the news",
    "schedule": None,
    "budget": {"max_tokens_per_day": 8_000},
}


@pytest.fixture
def settings(settings: Settings, openai_server: FakeOpenAI, fake_slack: FakeSlack) -> Settings:
    settings.openai_base_url = openai_server.base_url
    settings.openai_api_key = "sk-test"
    settings.slack_bot_token = "xoxb-test"
    settings.slack_api_url = fake_slack.base_url
    settings.llm_model = "gpt-4.1-mini"  # $0.40 in, $1.60 out per million
    return settings


def finish(output: str) -> Reply:
    return Reply.tool_call("finish", {"output": output, "data": {}}, usage=USAGE)


async def test_a_runs_cost_is_recorded_and_summed_in_stats(
    engine: EngineHarness, openai_server: FakeOpenAI
) -> None:
    job = await engine.create(**JOB)
    openai_server.enqueue(finish("today's digest"))
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run["error"]
    usage = run["usage"]
    assert (usage["total_tokens"], usage["model"], usage["priced"]) == (5_000, "gpt-4.1-mini", True)
    assert usage["cost_usd"] == pytest.approx(0.0032)  # 4,000 x 0.40 + 1,000 x 1.60, per M
    # the job's 8,000 tokens a day bind, less the prompt: under one turn's 8,192 ceiling
    assert 6_000 < openai_server.requests[0].body["max_completion_tokens"] < 8_000

    stats = (await engine.api.get("/stats")).json()["spend"]
    assert (stats["today"]["tokens"], stats["month"]["tokens"]) == (5_000, 5_000)
    assert stats["today"]["cost_usd"] == pytest.approx(0.0032)
    assert stats["by_job"] == [
        {
            "job_id": job["id"],
            "tokens": 5_000,
            "cost_usd": pytest.approx(0.0032),
            "unpriced_tokens": 0,
            "estimated_tokens": 0,
            "tokens_today": 5_000,
        }
    ]
    assert stats["limits"] == {"daily_token_quota": 1_000_000, "monthly_cost_limit_usd": 50.0}
    job_stats = (await engine.api.get(f"/jobs/{job['id']}/stats")).json()["spend"]
    assert job_stats["today"]["tokens"] == 5_000
    assert job_stats["budget"] == {"max_tokens_per_day": 8_000}


async def test_a_used_up_budget_skips_runs_and_tells_the_owner_once(
    engine: EngineHarness, openai_server: FakeOpenAI, fake_slack: FakeSlack
) -> None:
    job = await engine.create(
        **{
            **JOB,
            "budget": {"max_tokens_per_day": 6_000},
            "delivery": {"channel": "slack:#digest", "failures_to": "slack:U0OWNER1"},
        }
    )
    openai_server.enqueue(
        Reply.tool_call(
            "finish", {"output": "digest", "data": {}}, usage={**USAGE, "total_tokens": 5_500}
        )
    )
    first = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert first["status"] == "succeeded", first["error"]
    await fake_slack.wait_for_calls(1, method="chat.postMessage")  # the digest itself

    reason = (
        "over budget: the job's daily limit of 6,000 tokens is used up "
        "(5,500 used on 2026-03-02 UTC)"
    )
    skipped = [await engine.finished(job["id"], await engine.trigger(job["id"])) for _ in range(2)]
    assert [(r["status"], r["reason"], r["error"]) for r in skipped] == [
        ("skipped", reason, None)
    ] * 2
    assert len(openai_server.requests) == 1  # the skipped runs asked the model nothing
    await fake_slack.wait_for_calls(2, method="chat.postMessage")
    digest, notice = fake_slack.posted()
    assert (digest["channel"], notice["channel"]) == ("#digest", "U0OWNER1")
    assert "did not run: over budget: the job's daily limit of 6,000 tokens" in notice["text"]
    # told once: the second skip queued nothing
    assert [await _outbox(engine, r["id"]) for r in skipped] == [1, 0]
    state = (await engine.api.get(f"/jobs/{job['id']}")).json()
    assert state["consecutive_failures"] == 0 and state["status"] == "active"
    today = (await engine.api.get("/stats")).json()["runs_today_by_status"]
    assert today == {"succeeded": 1, "skipped": 2}


async def _outbox(engine: EngineHarness, run_id: str) -> int:
    def work(conn: Connection) -> int:
        query = select(func.count()).select_from(outbox).where(outbox.c.run_id == run_id)
        return int(conn.execute(query).scalar_one())

    return await engine.rt.db.read(work)
