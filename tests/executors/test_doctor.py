"""``agentcron doctor`` against differently configured servers (the fake's profiles), through
the real openai client: what it finds, and the one screen it prints."""

from __future__ import annotations

import socket
from typing import Any

from agentcron.app.config import Settings
from agentcron.app.executors.doctor import Check, check_llm, render
from tests.fakes.openai_server import FakeOpenAI, Reply

VLLM = '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set'


def capable(body: dict[str, Any]) -> Reply:
    """A server with tools and structured output, answering each probe as asked."""
    if body.get("tools"):
        return Reply.tool_call("ping", {"word": "ok"})
    if body.get("response_format"):
        return Reply.json({"ok": True})
    return Reply.text("ok")


def settings_for(fake: FakeOpenAI, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "openai_base_url": fake.base_url,
        "openai_api_key": "test",
        "llm_model": "test-model",
    }
    return Settings(**(values | changes))


def statuses(checks: list[Check]) -> dict[str, str]:
    return {check.name: check.status for check in checks}


async def test_a_capable_server_passes_every_check(openai_server: FakeOpenAI) -> None:
    openai_server.handler = capable
    settings = settings_for(openai_server, llm_model="gpt-4o-mini")
    openai_server.models = ["gpt-4o-mini"]
    checks = await check_llm(settings)
    assert statuses(checks) == {
        "reachable": "ok",
        "API key": "ok",
        "model known": "ok",
        "answer": "ok",
        "output cap": "ok",
        "usage": "ok",
        "tool calling": "ok",
        "structured output": "ok",
        "price": "ok",
    }
    screen = render(checks, settings)
    assert screen.splitlines()[0] == (
        f"agentcron doctor: LLM at {openai_server.base_url}, model gpt-4o-mini"
    )
    assert "  OK    output cap         sent as max_completion_tokens" in screen
    assert "budgets per owner: 1,000,000 tokens a day, $50.00 a month (UTC)" in screen
    assert screen.endswith("ready for agents")
    assert len(screen.splitlines()) < 25  # one screen


async def test_a_server_refusing_tools_says_what_to_configure(openai_server: FakeOpenAI) -> None:
    openai_server.handler = capable
    openai_server.refuse_tools = VLLM
    checks = await check_llm(settings_for(openai_server))
    tools = next(c for c in checks if c.name == "tool calling")
    assert tools.status == "fail"
    assert "--enable-auto-tool-choice and --tool-call-parser" in tools.detail
    assert "AGENTCRON_LLM_TOOLS=fallback" in tools.detail
    assert next(c for c in checks if c.name == "price").status == "warn"  # test-model: unpriced
    assert render(checks, settings_for(openai_server)).endswith(
        "1 problem(s) to fix before agents can run"
    )
    # with the fallback chosen, the same server is a warning: runs are single answers
    fallback = await check_llm(settings_for(openai_server, llm_tools="fallback"))
    assert statuses(fallback)["tool calling"] == "warn"


async def test_a_wrong_key_and_an_unknown_model_are_named(openai_server: FakeOpenAI) -> None:
    openai_server.handler = capable
    openai_server.api_key = "the-right-key"
    checks = await check_llm(settings_for(openai_server))
    assert statuses(checks)["API key"] == "fail"
    assert "Incorrect API key provided" in checks[1].detail
    assert statuses(checks)["tool calling"] == "skip"

    openai_server.api_key = None
    openai_server.models = ["llama3.1", "qwen2.5"]
    checks = await check_llm(settings_for(openai_server))
    known = next(c for c in checks if c.name == "model known")
    assert known.status == "fail"
    assert known.detail == (
        "test-model is not among the 2 models served (llama3.1, qwen2.5); set AGENTCRON_LLM_MODEL"
    )


async def test_a_server_without_models_usage_or_cap_is_checked_by_answering(
    openai_server: FakeOpenAI,
) -> None:
    def old_server(body: dict[str, Any]) -> Reply:
        reply = capable(body)
        reply.no_usage = True
        return reply

    openai_server.handler = old_server
    openai_server.models = None
    openai_server.reject_params = {"max_completion_tokens": "unknown field max_completion_tokens"}
    checks = await check_llm(settings_for(openai_server))
    found = statuses(checks)
    assert (found["API key"], found["model known"], found["answer"]) == ("skip", "skip", "ok")
    cap = next(c for c in checks if c.name == "output cap")
    assert (cap.status, cap.detail) == (
        "ok",
        "sent as max_tokens (the server refused max_completion_tokens)",
    )
    assert found["usage"] == "warn"


async def test_an_unreachable_server_fails_at_once() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(openai_base_url=f"http://127.0.0.1:{port}/v1", llm_model="m")
    checks = await check_llm(settings)
    assert checks[0] == Check(
        "reachable", "fail", f"http://127.0.0.1:{port}/v1: connection refused"
    )
    assert {c.status for c in checks[1:-1]} == {"skip"}


async def test_no_llm_configured_is_one_failed_check() -> None:
    checks = await check_llm(Settings())
    assert [c.status for c in checks] == ["fail"]
    assert checks[0].detail.startswith("no LLM configured: set OPENAI_API_KEY")
