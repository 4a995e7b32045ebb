"""Model turns against differently configured servers (the fake's server profiles): the
output cap's two names, servers that refuse tool calling, and single-answer mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agentcron.app.config import Settings
from agentcron.app.domain.pricing import Price
from agentcron.app.executors.llm import TOOLS_HINT, ToolsRefused, price_table
from tests.executors.agent_kit import failure, finish, run
from tests.fakes.openai_server import FakeOpenAI, Reply

VLLM = '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set'
OLLAMA = "registry.ollama.ai/library/gemma3:4b does not support tools"
NO_MAX_TOKENS = (
    "Unsupported parameter: 'max_tokens' is not supported with this model. "
    "Use 'max_completion_tokens' instead."
)


@pytest.mark.parametrize("message", [VLLM, OLLAMA])
async def test_a_server_refusing_tools_fails_the_run_saying_what_to_configure(
    make: Any, openai_server: FakeOpenAI, message: str
) -> None:
    openai_server.refuse_tools = message
    executor = make()
    error = await failure(executor)
    assert isinstance(error, ToolsRefused)
    assert not error.retryable
    assert error.message == (
        f"the model server does not support tool calling ({message}); {TOOLS_HINT}"
    )
    assert "--enable-auto-tool-choice" in error.message and "AGENTCRON_LLM_TOOLS" in error.message
    # detected once: the next run fails the same way without a request doomed to fail
    again = await failure(executor, run_id="run_2")
    assert again.message == error.message
    assert len(openai_server.requests) == 1


async def test_with_fallback_a_server_refusing_tools_gets_the_goal_as_one_question(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.refuse_tools = OLLAMA
    openai_server.enqueue(
        Reply.json({"output": "I cannot fetch prices here.", "data": {"known": False}}),
        Reply.text('```json\n{"output": "still no tools", "data": {}}\n```'),
    )
    executor = make(tools_mode="fallback")
    outcome = await run(executor)
    assert (outcome.output, outcome.data) == ("I cannot fetch prices here.", {"known": False})
    assert outcome.usage is not None and outcome.usage["single_answer"] is True
    refused, answered = openai_server.requests
    assert "tools" in refused.body and "tools" not in answered.body
    system = answered.body["messages"][0]["content"]
    assert "you have no tools" in system
    assert answered.body["max_completion_tokens"] > 0
    # remembered: the next run asks at once without tools
    assert (await run(executor, run_id="run_2")).output == "still no tools"
    assert "tools" not in openai_server.requests[2].body


async def test_with_tools_off_every_run_is_a_single_answer(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply.text("Plain prose answer."))
    outcome = await run(make(tools_mode="off"))
    assert (outcome.output, outcome.data) == ("Plain prose answer.", {})
    assert "tools" not in openai_server.requests[0].body


async def test_a_server_refusing_the_cap_by_name_is_asked_again_with_the_other(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.reject_params = {
        "max_completion_tokens": "Unrecognized request argument supplied: max_completion_tokens"
    }
    openai_server.enqueue(Reply.tool_call("current_time", {}), finish())
    executor = make()
    assert (await run(executor)).output == "done"
    sent = [r.body for r in openai_server.requests]
    assert "max_completion_tokens" in sent[0]
    assert [("max_tokens" in body, "max_completion_tokens" in body) for body in sent[1:]] == [
        (True, False),
        (True, False),
    ]


async def test_a_server_refusing_both_names_is_sent_no_cap_and_still_counted(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.reject_params = {
        "max_completion_tokens": "extra inputs are not permitted: max_completion_tokens",
        "max_tokens": "max_tokens: unknown field",
    }
    heavy = {"prompt_tokens": 11_000, "completion_tokens": 100, "total_tokens": 11_100}
    openai_server.enqueue(finish(usage=heavy))
    error = await failure(make())
    assert error.message.startswith("token budget exceeded (11,100 tokens used")
    last = openai_server.requests[-1].body
    assert "max_tokens" not in last and "max_completion_tokens" not in last
    assert len(openai_server.requests) == 3


async def test_a_fixed_cap_name_is_never_switched(make: Any, openai_server: FakeOpenAI) -> None:
    openai_server.reject_params = {"max_tokens": NO_MAX_TOKENS}
    error = await failure(make(output_cap="max_tokens"))
    assert error.message == f"the model API refused the request (400): {NO_MAX_TOKENS}"
    assert not error.retryable


def test_the_price_table_may_come_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text('{"my-model": {"input": 0.1, "output": 0.2, "cached_input": 0.05}}')
    from_file = price_table(Settings(model_prices=f"@{path}"))
    assert from_file.price("my-model") == Price(0.1, 0.2, 0.05)
    assert from_file.price("gpt-4o") is not None  # over the built-in table
    with pytest.raises(ValueError, match=r"/nonexistent/prices\.json: cannot read the price file"):
        price_table(Settings(model_prices="@/nonexistent/prices.json"))
