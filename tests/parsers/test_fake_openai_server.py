"""The fake OpenAI server does what other suites (the agent executor's) will rely on."""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.openai_server import FakeOpenAI, Reply

MESSAGES: Any = [{"role": "user", "content": "hi"}]


async def test_tool_calls_come_back_through_the_real_client(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.tool_call("fetch", {"url": "https://example.com"}))
    async with openai_server.client() as client:
        response = await client.chat.completions.create(model="m", messages=MESSAGES)
    choice = response.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.tool_calls is not None
    call = choice.message.tool_calls[0]
    assert call.function.name == "fetch"  # type: ignore[union-attr]
    assert json.loads(call.function.arguments) == {"url": "https://example.com"}  # type: ignore[union-attr]


async def test_a_handler_answers_once_the_queue_is_empty(openai_server: FakeOpenAI) -> None:
    async def echo(body: dict[str, Any]) -> Reply:
        return Reply.text(f"{body['model']}: {body['messages'][-1]['content']}")

    openai_server.enqueue(Reply.text("first"))
    openai_server.handler = echo
    async with openai_server.client() as client:
        answers = [
            (await client.chat.completions.create(model="m", messages=MESSAGES))
            .choices[0]
            .message.content
            for _ in range(2)
        ]
    assert answers == ["first", "m: hi"]
    assert [r.body["model"] for r in openai_server.requests] == ["m", "m"]


async def test_streaming_requests_get_server_sent_events(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.text("streamed"))
    async with openai_server.client() as client:
        stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
        pieces = [chunk.choices[0].delta.content async for chunk in stream if chunk.choices]
    assert "".join(p for p in pieces if p) == "streamed"


async def test_nothing_scripted_is_a_loud_500(openai_server: FakeOpenAI) -> None:
    import openai

    async with openai_server.client() as client:
        try:
            await client.chat.completions.create(model="m", messages=MESSAGES)
        except openai.InternalServerError as error:
            assert "no scripted reply" in str(error)
        else:  # pragma: no cover
            raise AssertionError("expected a 500")


async def test_usage_and_status_headers_are_scripted(openai_server: FakeOpenAI) -> None:
    usage = {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10}
    openai_server.enqueue(Reply.text("ok", usage=usage, headers={"x-request-id": "req_1"}))
    async with openai_server.client() as client:
        raw = await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.headers["x-request-id"] == "req_1"
    assert raw.parse().usage is not None
    assert raw.parse().usage.total_tokens == 10  # type: ignore[union-attr]
