"""The agent executor against the local fake OpenAI server, through the real openai client:
the loop, tools, limits, LLM errors and failing fast (see ``agent_kit`` for the set-up)."""

from __future__ import annotations

import json
import random
import socket
from datetime import timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest

from agentcron.app.config import Settings
from agentcron.app.executors.agent import AgentExecutor, build_agent_executor, plan_run
from agentcron.app.executors.llm import retry_delay
from agentcron.app.executors.tools import html_text
from agentcron.app.runtime import Runtime
from agentcron.delivery.netguard import guarded_session
from tests.executors.agent_kit import (
    AGENT,
    JOB,
    NOW,
    Sleeps,
    failure,
    finish,
    run,
    tool_messages,
)
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.fakes.sink import Sink

# -- the loop ------------------------------------------------------------------------------


async def test_the_agent_fetches_then_finishes_with_output_data_and_summed_usage(
    make: Any, openai_server: FakeOpenAI, sink: Sink
) -> None:
    sink.script("/price", body={"symbol": "BTC", "price": 70123.5})
    openai_server.enqueue(
        Reply.tool_call("http_fetch", {"url": sink.url("/price")}, call_id="call_fetch"),
        finish("**BTC** is at 70,123.50", {"price": 70123.5}),
    )
    outcome = await run(make())
    assert outcome.output == "**BTC** is at 70,123.50"
    assert outcome.data == {"price": 70123.5}
    assert outcome.usage == {
        "prompt_tokens": 20,
        "completion_tokens": 10,
        "total_tokens": 30,
        "steps": 2,
        "model": "test-model",
        "cost_usd": 0.0,
        "priced": False,
        "estimated": False,
        "token_limit": 10_000,
    }
    assert [r.method + " " + r.path for r in sink.requests] == ["GET /price"]
    (fetched,) = tool_messages(openai_server.requests[1])
    assert fetched["tool_call_id"] == "call_fetch"
    result = json.loads(fetched["content"])
    assert result["status"] == 200
    assert result["body"] == {"symbol": "BTC", "price": 70123.5}
    # the model's own tool call is echoed back before the tool's answer
    assistant = openai_server.requests[1].body["messages"][2]
    assert assistant["role"] == "assistant"
    assert assistant["tool_calls"][0]["function"]["name"] == "http_fetch"


async def test_the_request_carries_model_prompt_goal_and_only_the_allowed_tools(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(finish())
    await run(make(agent={**AGENT, "tools": ["current_time"]}))
    body = openai_server.requests[0].body
    assert body["model"] == "test-model"  # the job's, fixed when it was written
    system, user = body["messages"]
    assert user == {"role": "user", "content": "Check the BTC price"}
    assert "Be terse." in system["content"]
    assert "Job: BTC watch" in system["content"]
    assert "2026-03-02 09:00 (Monday) Europe/Berlin, 08:00 UTC" in system["content"]
    assert "at most 6 steps" in system["content"]
    names = [tool["function"]["name"] for tool in body["tools"]]
    assert names == ["current_time", "finish"]


async def test_every_tool_is_offered_and_none_can_touch_jobs(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(finish())
    await run(make())
    names = [tool["function"]["name"] for tool in openai_server.requests[0].body["tools"]]
    assert names == ["http_fetch", "current_time", "previous_run", "finish"]


async def test_a_tool_outside_the_allow_list_is_refused_to_the_model(
    make: Any, openai_server: FakeOpenAI, sink: Sink
) -> None:
    openai_server.enqueue(
        Reply.tool_call("http_fetch", {"url": sink.url("/x")}),
        Reply.tool_call("create_job", {"goal": "spam", "schedule": "every minute"}),
        finish(),
    )
    outcome = await run(make(agent={**AGENT, "tools": ["current_time"]}))
    assert outcome.output == "done"
    refusals = [json.loads(m["content"]) for m in tool_messages(openai_server.requests[2])]
    assert refusals == [
        {"error": "there is no tool 'http_fetch'; use one of current_time, finish"},
        {"error": "there is no tool 'create_job'; use one of current_time, finish"},
    ]
    assert sink.requests == []


async def test_previous_run_and_upstream_run_are_read_back(
    make: Any, openai_server: FakeOpenAI
) -> None:
    previous = {
        "output": "BTC was 60,000",
        "data": {"price": 60000},
        "status": "succeeded",
        "completed_at": NOW - timedelta(hours=1),
    }
    upstream = {"output": "prices fetched", "data": {"n": 3}, "status": "succeeded"}
    openai_server.enqueue(Reply.tool_call("previous_run", {}), finish())
    await run(make(), previous_run=previous, upstream_run=upstream)
    (answer,) = tool_messages(openai_server.requests[1])
    assert json.loads(answer["content"]) == {
        "previous_run": {
            "status": "succeeded",
            "completed_at": "2026-03-02T07:00:00+00:00",
            "output": "BTC was 60,000",
            "data": {"price": 60000},
        },
        "upstream_run": {
            "status": "succeeded",
            "completed_at": None,
            "output": "prices fetched",
            "data": {"n": 3},
        },
    }


async def test_the_first_run_has_no_previous_run(make: Any, openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.tool_call("previous_run", ""), finish())
    await run(make())
    (answer,) = tool_messages(openai_server.requests[1])
    assert json.loads(answer["content"]) == {
        "previous_run": None,
        "note": "this job has no earlier finished run",
    }


async def test_current_time_reads_the_injected_clock(make: Any, openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(
        Reply.tool_call("current_time", {"timezone": "America/New_York"}),
        Reply.tool_call("current_time", {"timezone": "Mars/Olympus"}),
        finish(),
    )
    await run(make())
    (first,) = tool_messages(openai_server.requests[1])
    assert json.loads(first["content"]) == {
        "utc": "2026-03-02T08:00:00Z",
        "local": "2026-03-02T03:00:00-05:00",
        "timezone": "America/New_York",
        "weekday": "Monday",
    }
    second = tool_messages(openai_server.requests[2])[-1]
    assert "unknown time zone 'Mars/Olympus'" in second["content"]


# -- the model's mistakes ------------------------------------------------------------------


async def test_malformed_arguments_are_told_to_the_model_which_then_finishes(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.tool_call("finish", '{"output": "half'),
        Reply.tool_call("finish", {"output": "ok", "data": [1, 2]}),
        finish("fixed", {"ok": True}),
    )
    outcome = await run(make())
    assert (outcome.output, outcome.data) == ("fixed", {"ok": True})
    first = json.loads(tool_messages(openai_server.requests[1])[0]["content"])
    assert first["error"].startswith("the arguments are not valid JSON")
    second = json.loads(tool_messages(openai_server.requests[2])[-1]["content"])
    assert second == {"error": "`data` must be a JSON object, not list"}


async def test_data_sent_as_a_json_string_is_accepted(make: Any, openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.tool_call("finish", {"output": "x", "data": '{"n": 1}'}))
    outcome = await run(make())
    assert outcome.data == {"n": 1}


async def test_malformed_calls_in_a_row_end_the_attempt_without_retry(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.tool_call("finish", "{"),
        Reply.tool_call("nope", {}),
        Reply.tool_call("http_fetch", {"url": "ftp://example.com/"}),
    )
    error = await failure(make())
    assert not error.retryable
    assert error.message.startswith("the model made 3 unusable tool calls in a row (last: ")
    assert "must start with http:// or https://" in error.message
    assert error.usage is not None and error.usage["total_tokens"] == 45
    assert len(openai_server.requests) == 3


async def test_the_condition_keys_are_asked_for_once_then_the_answer_stands(
    make: Any, openai_server: FakeOpenAI
) -> None:
    job = {**JOB, "condition": {"type": "expression", "expression": "price_change_pct > 0.05"}}
    openai_server.enqueue(finish("no data", {}), finish("still none", {"price": 1}))
    outcome = await run(make(job=job))
    assert (outcome.output, outcome.data) == ("still none", {"price": 1})
    system = openai_server.requests[0].body["messages"][0]["content"]
    assert "the condition `price_change_pct > 0.05`" in system
    assert "always include `price_change_pct` in `data`" in system
    told = json.loads(tool_messages(openai_server.requests[1])[0]["content"])
    assert "'price_change_pct', which the job's condition reads" in told["error"]


async def test_an_answer_in_prose_is_nudged_once_then_taken_as_the_output(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply.text("BTC is flat."), Reply.text("BTC is flat today."))
    outcome = await run(make())
    assert (outcome.output, outcome.data) == ("BTC is flat today.", {})
    nudge = openai_server.requests[1].body["messages"][-1]
    assert nudge == {"role": "user", "content": "Call the finish tool to end the run."}


# -- limits ----------------------------------------------------------------------------------


async def test_running_out_of_steps_fails_without_retry_and_keeps_the_usage(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply.tool_call("current_time", {}), Reply.tool_call("current_time", {}))
    error = await failure(make(agent={**AGENT, "max_steps": 2}))
    assert error.message == "the agent did not call finish within its 2 steps"
    assert not error.retryable
    assert error.usage is not None
    assert (error.usage["total_tokens"], error.usage["steps"]) == (30, 2)
    last = openai_server.requests[1].body["messages"][-1]
    assert last == {"role": "user", "content": "This is your last step: call finish now."}


async def test_a_turn_over_the_budget_ends_the_run_the_moment_it_is_crossed(
    make: Any, openai_server: FakeOpenAI
) -> None:
    # a server that ignores the cap and reports 60,500 tokens for one turn
    heavy = {"prompt_tokens": 60_000, "completion_tokens": 500, "total_tokens": 60_500}
    openai_server.enqueue(finish("too dear", usage=heavy))
    error = await failure(make())
    assert error.message == (
        "token budget exceeded (60,500 tokens used; the run's limit of 10,000 tokens)"
    )
    assert not error.retryable
    assert error.usage is not None and error.usage["total_tokens"] == 60_500
    assert len(openai_server.requests) == 1


async def test_every_request_carries_an_output_cap_from_what_is_left(
    make: Any, openai_server: FakeOpenAI
) -> None:
    used = {"prompt_tokens": 2_000, "completion_tokens": 500, "total_tokens": 2_500}
    openai_server.enqueue(Reply.tool_call("current_time", {}, usage=used), finish())
    await run(make())
    first, second = (r.body for r in openai_server.requests)
    assert "max_tokens" not in first
    assert first["max_completion_tokens"] == 8_192  # at most one turn's ceiling
    # 10,000 - 2,500 spent - the conversation so far (2,500 + the tool's answer, estimated)
    assert 2_500 < 10_000 - 2_500 - second["max_completion_tokens"] < 2_700


async def test_too_little_left_for_another_turn_ends_the_run(
    make: Any, openai_server: FakeOpenAI
) -> None:
    used = {"prompt_tokens": 9_500, "completion_tokens": 400, "total_tokens": 9_900}
    openai_server.enqueue(Reply.tool_call("current_time", {}, usage=used))
    error = await failure(make())
    assert error.message.startswith("token budget exceeded (9,900 tokens used, and the next turn")
    assert error.message.endswith("; the run's limit of 10,000 tokens)")
    assert not error.retryable
    assert len(openai_server.requests) == 1


async def test_the_model_is_told_to_finish_when_the_budget_is_nearly_spent(
    make: Any, openai_server: FakeOpenAI
) -> None:
    # 3,200 spent; the next turn sends ~3,260 again: the turn after could not be paid for
    used = {"prompt_tokens": 3_000, "completion_tokens": 200, "total_tokens": 3_200}
    openai_server.enqueue(Reply.tool_call("current_time", {}, usage=used), finish())
    await run(make())
    last = openai_server.requests[1].body["messages"][-1]
    assert last["role"] == "user"
    assert last["content"].startswith("Your token budget is nearly spent (6,800 tokens left)")


async def test_the_jobs_own_run_limit_lowers_the_agents(
    make: Any, openai_server: FakeOpenAI
) -> None:
    job = {**JOB, "budget": {"max_tokens_per_run": 2_000}}
    used = {"prompt_tokens": 1_900, "completion_tokens": 200, "total_tokens": 2_100}
    openai_server.enqueue(finish(usage=used))
    error = await failure(make(job=job))
    assert error.message == (
        "token budget exceeded (2,100 tokens used; the run's limit of 2,000 tokens)"
    )


async def test_a_server_without_usage_is_counted_by_estimate_and_marked(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply.tool_call("current_time", {}, no_usage=True), finish(no_usage=True))
    outcome = await run(make())
    usage = outcome.usage
    assert usage is not None and usage["estimated"] is True
    # the request holds the prompt and the tool specs: well over a thousand tokens by estimate
    assert usage["prompt_tokens"] > 1_000 and usage["completion_tokens"] > 0
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]


async def test_a_server_without_usage_is_still_limited(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.handler = lambda _body: Reply.tool_call("current_time", {}, no_usage=True)
    error = await failure(make(agent={**AGENT, "max_steps": 50}))
    assert error.message.startswith("token budget exceeded (")
    assert not error.retryable
    assert 2 <= len(openai_server.requests) < 10


async def test_an_answer_cut_off_at_the_cap_is_asked_for_once_more_shorter(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.tool_call("finish", '{"output": "a very long', finish_reason="length"),
        finish("short"),
    )
    outcome = await run(make())
    assert outcome.output == "short"
    retry = openai_server.requests[1].body["messages"]
    assert retry[-1]["role"] == "user"
    assert retry[-1]["content"].startswith("Your answer was cut off at the limit of 8,192 tokens")
    # the cut-off call is not echoed back (its arguments are broken JSON), nor counted malformed
    assert all(m["role"] != "tool" for m in retry)


async def test_cut_off_twice_the_run_ends_with_what_text_there_is(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.text("BTC is at 70,000 and", finish_reason="length"),
        Reply.text("BTC is at 70,000", finish_reason="length"),
    )
    outcome = await run(make())
    assert outcome.output == "BTC is at 70,000"
    assert outcome.usage is not None and outcome.usage["cut_short"] is True
    assert len(openai_server.requests) == 2


async def test_cut_off_twice_with_no_text_fails_without_retry(
    make: Any, openai_server: FakeOpenAI
) -> None:
    cut = Reply.tool_call("finish", '{"output": "x', finish_reason="length")
    openai_server.enqueue(cut, cut)
    error = await failure(make())
    assert not error.retryable
    assert error.message.startswith("the model's answer was cut off twice at the limit of")


async def test_the_time_budget_ends_a_hanging_turn_and_may_be_retried(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply(hang=True))
    error = await failure(make(agent={**AGENT, "timeout_seconds": 0.2}))
    assert error.message == "the agent did not finish within its 0.2 s limit"
    assert error.retryable


# -- LLM errors ------------------------------------------------------------------------------


async def test_429_is_retried_after_the_servers_retry_after(
    make: Any, openai_server: FakeOpenAI, sleeps: Sleeps
) -> None:
    openai_server.enqueue(Reply.error(429, "slow down", headers={"Retry-After": "7"}), finish())
    outcome = await run(make())
    assert outcome.output == "done"
    assert sleeps.waits == [7.0]
    assert outcome.usage is not None and outcome.usage["steps"] == 1


async def test_5xx_is_retried_with_backoff_then_gives_the_attempt_back(
    make: Any, openai_server: FakeOpenAI, sleeps: Sleeps
) -> None:
    openai_server.enqueue(*[Reply.error(500, "overloaded")] * 4)
    error = await failure(make())
    assert error.retryable
    assert error.message == "the model API answered 500 4 times in a row: overloaded"
    assert len(openai_server.requests) == 4
    assert len(sleeps.waits) == 3
    assert all(0 <= wait <= 2**n for n, wait in enumerate(sleeps.waits))


async def test_a_retry_after_longer_than_the_attempt_can_wait_ends_it(
    make: Any, openai_server: FakeOpenAI, sleeps: Sleeps
) -> None:
    openai_server.enqueue(Reply.error(429, "later", headers={"Retry-After": "3600"}))
    error = await failure(make())
    assert error.retryable
    assert "asked to wait 3600 s" in error.message
    assert sleeps.waits == []


async def test_an_exhausted_quota_is_not_retried(make: Any, openai_server: FakeOpenAI) -> None:
    body = {"error": {"message": "You exceeded your current quota", "code": "insufficient_quota"}}
    openai_server.enqueue(Reply(status=429, body=body))
    error = await failure(make())
    assert not error.retryable
    assert error.message == (
        "the model API's quota is exhausted (429): You exceeded your current quota"
    )


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "the model API refused the API key (401): bad key"),
        (404, "the model API does not know the model 'test-model' (404): bad key"),
        (400, "the model API refused the request (400): bad key"),
    ],
)
async def test_other_4xx_are_configuration_problems(
    make: Any, openai_server: FakeOpenAI, status: int, message: str
) -> None:
    openai_server.enqueue(Reply.error(status, "bad key"))
    error = await failure(make())
    assert (error.message, error.retryable) == (message, False)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_unreachable_model_fails_the_attempt_as_retryable(make: Any) -> None:
    port = _closed_port()
    error = await failure(make(base_url=f"http://127.0.0.1:{port}/v1"))
    assert error.retryable
    assert error.message == (
        f"could not reach the model API at http://127.0.0.1:{port}/v1: connection refused"
    )


async def test_a_model_that_does_not_answer_in_time_fails_the_attempt_as_retryable(
    make: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(Reply(hang=True))
    error = await failure(make(request_timeout=0.2))
    assert error.retryable
    assert error.message.endswith("did not answer within 0.2 s")


# -- fail fast, before any token ---------------------------------------------------------------


async def test_an_unknown_agent_fails_fast_without_calling_the_model(
    make: Any, openai_server: FakeOpenAI
) -> None:
    error = await failure(make(job={**JOB, "agent_id": "agent_123"}, agent=None))
    assert not error.retryable
    assert error.message == (
        "the job's agent 'agent_123' does not exist; create it or set the job's agent_id "
        "to an existing agent (GET /api/scheduler/agents)"
    )
    assert openai_server.requests == []


async def test_a_slack_channel_without_a_token_fails_fast(
    make: Any, openai_server: FakeOpenAI
) -> None:
    job = {**JOB, "delivery": {"channel": "slack:#alerts", "channels": ["slack:#alerts"]}}
    error = await failure(make(job=job, slack_ready=False))
    assert not error.retryable
    assert error.message == (
        "the job delivers to slack:#alerts but no Slack token is configured; set "
        "SLACK_BOT_TOKEN or change the job's delivery"
    )
    assert openai_server.requests == []


async def test_a_muted_slack_channel_needs_no_token(make: Any, openai_server: FakeOpenAI) -> None:
    job = {**JOB, "delivery": {"channels": ["slack:#alerts"], "muted": True}}
    openai_server.enqueue(finish())
    assert (await run(make(job=job, slack_ready=False))).output == "done"


def test_the_model_is_the_jobs_then_the_agents_then_the_default() -> None:
    def model(job_model: str | None, agent_model: str | None) -> str:
        job = {**JOB, "model": job_model}
        agent = {**AGENT, "model": agent_model}
        return plan_run(job, agent, default_model="fallback", slack_ready=True).model

    assert model("pinned", "agents") == "pinned"
    assert model(None, "agents") == "agents"
    assert model(None, None) == "fallback"


async def test_no_llm_configured_means_no_agent_executor(
    session: aiohttp.ClientSession,
) -> None:
    rt = Runtime(Settings(database_url="sqlite+aiosqlite:///:memory:"))
    try:
        assert build_agent_executor(rt, session=session) is None
        rt.settings.openai_base_url = "http://127.0.0.1:9/v1"
        assert isinstance(build_agent_executor(rt, session=session), AgentExecutor)
    finally:
        await rt.close()


# -- http_fetch ------------------------------------------------------------------------------


async def test_fetch_refuses_private_addresses_when_the_guard_is_on(
    make: Any, openai_server: FakeOpenAI, sink: Sink
) -> None:
    openai_server.enqueue(Reply.tool_call("http_fetch", {"url": sink.url("/x")}), finish())
    async with guarded_session(allow_private=False, timeout=5) as guarded:
        outcome = await run(make(session=guarded))
    assert outcome.output == "done"  # a refused fetch is the model's news, not a failure
    refused = json.loads(tool_messages(openai_server.requests[1])[0]["content"])
    assert refused["error"].startswith("refused to connect to 127.0.0.1: it is a loopback")
    assert sink.requests == []


async def test_fetch_only_reads_and_reduces_html_to_text(
    make: Any, openai_server: FakeOpenAI, sink: Sink
) -> None:
    page = (
        "<html><head><title>t</title><script>var x=1;</script></head>"
        "<body><h1>BTC</h1><p>up  3%</p></body></html>"
    )
    sink.script("/page", body=page, headers={"Content-Type": "text/html; charset=utf-8"})
    openai_server.enqueue(
        Reply.tool_call(
            "http_fetch", {"url": sink.url("/echo"), "method": "POST", "body": '{"a": 1}'}
        ),
        Reply.tool_call("http_fetch", {"url": sink.url("/page")}),
        finish(),
    )
    await run(make())
    assert [r.method + " " + r.path for r in sink.requests] == ["GET /page"]
    refused = json.loads(tool_messages(openai_server.requests[1])[0]["content"])
    assert refused == {
        "error": "http_fetch only reads (GET) and takes no `method`; this agent may not send "
        "data anywhere"
    }
    html = json.loads(tool_messages(openai_server.requests[2])[-1]["content"])
    assert html["body"] == "BTC\nup 3%"


async def test_fetch_truncates_long_bodies(
    make: Any, openai_server: FakeOpenAI, sink: Sink
) -> None:
    openai_server.enqueue(
        Reply.tool_call("http_fetch", {"url": sink.url("/bytes/50000")}), finish()
    )
    await run(make())
    answer = json.loads(tool_messages(openai_server.requests[1])[0]["content"])
    assert len(answer["body"]) == 16_000
    assert answer["truncated"] is True


# -- pure helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"Retry-After": format_datetime(NOW + timedelta(seconds=30), usegmt=True)}, 30.0),
        ({"Retry-After": format_datetime(NOW - timedelta(seconds=30), usegmt=True)}, 0.0),
    ],
)
def test_retry_delay_honours_the_server(headers: dict[str, str], expected: float) -> None:
    assert retry_delay(headers, tries=1, now=NOW, rng=random.Random(1)) == expected


def test_retry_delay_without_a_header_backs_off_with_jitter() -> None:
    rng = random.Random(3)
    waits = [retry_delay({}, tries=n, now=NOW, rng=rng) for n in (1, 2, 3) for _ in range(50)]
    assert all(0 <= w <= 1 for w in waits[:50])
    assert all(0 <= w <= 4 for w in waits[100:])
    assert max(waits[100:]) > 1  # it does grow


def test_html_text_keeps_words_and_drops_scripts_and_styles() -> None:
    markup = "<style>p{}</style><div>Price:<b> 5 </b></div><li>a&amp;b</li><script>x()</script>"
    assert html_text(markup) == "Price: 5\na&b"
