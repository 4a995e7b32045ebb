"""End to end: a slash command and a Create click make a job; the engine runs it and the result
reaches the Slack channel through the fake Slack Web API.

Without an LLM the agent run fails with "no LLM configured" and what reaches Slack is the
failure notice, in the owner's direct message (not the channel: the failure is theirs to fix);
with one (the fake OpenAI server) the agent's own result is posted to the channel — the same
path either way (outbox, pacing, chat.postMessage)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.storage.jobs import JobQuery
from tests.engine.conftest import EngineHarness
from tests.fakes.slack_server import FakeSlack
from tests.slack.conftest import ALICE, TEAM, SlackUser, buttons, card_text

OWNER = f"slack:{TEAM}:{ALICE}"
OPS = "C0OPS123"


@pytest.fixture
async def alice_on_engine(
    slack_settings: Settings, engine: EngineHarness, fake_slack: FakeSlack
) -> AsyncIterator[SlackUser]:
    """Alice, talking to an app on the same runtime as a running engine."""
    app = create_app(engine.rt, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        yield SlackUser(http, app, fake_slack)


async def posted_to(fake: FakeSlack, count: int) -> list[dict[str, Any]]:
    async with asyncio.timeout(10):
        await fake.wait_for_calls(count, method="chat.postMessage")
    return fake.posted()


async def test_a_scheduled_job_runs_at_its_time_and_a_failure_is_told_to_its_owner(
    alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    alice = alice_on_engine
    card = await alice.command(f"every day at 9am summarize yesterday's incidents in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    [job], _ = await engine.rt.jobs.list(OWNER, JobQuery())

    await engine.advance(59 * 60)  # 8:59 in New York: not yet
    await engine.tick()
    assert (await engine.rt.runs.list_for_job(OWNER, job["id"], status=None, limit=5, offset=0))[
        1
    ] == 0

    await engine.advance(60)  # 9:00
    [post] = await posted_to(alice.fake, 1)
    assert post["channel"] == ALICE  # a DM from the bot
    text = card_text({"text": post["text"], "blocks": post["blocks"]})
    assert "summarize yesterday's incidents" in text
    assert "no LLM configured" in text

    runs, total = await engine.rt.runs.list_for_job(
        OWNER, job["id"], status=None, limit=5, offset=0
    )
    assert total == 1
    assert runs[0]["trigger"] == "schedule" and runs[0]["status"] == "failed"
    assert runs[0]["scheduled_for"].isoformat() == "2026-03-02T14:00:00+00:00"


async def test_run_from_slack_runs_now_and_reports_a_failure_to_the_owner(
    alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])

    reply = await alice.command("run handover")  # wakes the worker; the clock does not move
    assert "Running" in card_text(reply)
    [post] = await posted_to(alice.fake, 1)
    assert post["channel"] == ALICE
    assert "no LLM configured" in post["text"]
    assert "History" not in post["text"]

    history = card_text(await alice.command("history handover"))
    assert "failed" in history and "manual" in history and "no LLM configured" in history


@pytest.fixture
def with_llm(settings: Settings, openai_server: Any) -> Any:
    """An LLM for the engine's agents (must come before the engine in a test's arguments)."""
    settings.openai_base_url = openai_server.base_url
    settings.openai_api_key = "test"
    settings.llm_model = "test-model"
    return openai_server


async def test_with_an_llm_the_agents_result_reaches_the_channel(
    with_llm: Any, alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    from tests.fakes.openai_server import Reply

    with_llm.enqueue(
        Reply.tool_call(
            "finish",
            {"output": "**Handover**: 2 incidents, both resolved.", "data": {"incidents": 2}},
        )
    )
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    await alice.command("run handover")
    [post] = await posted_to(alice.fake, 1)
    assert post["channel"] == OPS
    assert "2 incidents, both resolved" in card_text(
        {"text": post["text"], "blocks": post["blocks"]}
    )
    [request] = with_llm.requests
    assert "post the on-call handover" in str(request.body["messages"])


async def test_buttons_on_a_delivered_result(
    with_llm: Any, alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    from tests.fakes.openai_server import Reply

    with_llm.enqueue(Reply.tool_call("finish", {"output": "All quiet.", "data": {}}))
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    await alice.command("run handover")
    [post] = await posted_to(alice.fake, 1)
    assert post["channel"] == OPS
    result = {"blocks": post["blocks"]}
    assert list(buttons(result)) == ["Run again", "Pause", "Mute"]
    assert alice.fake.invalid == []

    bob = alice.as_user("U0BOBBY1")  # anyone in the channel sees the buttons
    ident = await bob.click(buttons(result)["Pause"], channel=OPS)
    assert "Only the person who made this job" in card_text(alice.fake.responses(ident)[0])
    [job], _ = await engine.rt.jobs.list(OWNER, JobQuery())
    assert job["status"] == "active"

    ident = await alice.click(buttons(result)["Mute"], channel=OPS)
    muted = alice.fake.responses(ident)[0]
    assert "Muted" in card_text(muted) and muted["replace_original"] is False
    [job], _ = await engine.rt.jobs.list(OWNER, JobQuery())
    assert job["delivery"]["muted"] is True and job["delivery"]["failures_to"] == f"slack:{ALICE}"
    await alice.click(buttons(muted)["Unmute"], channel=OPS)
    [job], _ = await engine.rt.jobs.list(OWNER, JobQuery())
    assert job["delivery"]["muted"] is False

    await alice.click(buttons(result)["Pause"], channel=OPS)
    [job], _ = await engine.rt.jobs.list(OWNER, JobQuery())
    assert job["status"] == "paused"
    ident = await alice.click(buttons(result)["Run again"], channel=OPS)
    assert "Running" in card_text(alice.fake.responses(ident)[0])


async def test_a_failure_notice_offers_run_again_and_pause_not_mute(
    alice_on_engine: SlackUser,
) -> None:
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    await alice.command("run handover")
    [notice] = await posted_to(alice.fake, 1)
    assert list(buttons({"blocks": notice["blocks"]})) == ["Run again", "Pause"]
