"""The LLM stage against a local OpenAI-compatible fake, through the real openai client."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import LLMParser, openai_complete, parse
from agentcron.parsers.llm import load_prompt
from tests.fakes.openai_server import FakeOpenAI, Reply

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday
UNREADABLE = "whenever the markets open"  # no earlier stage reads this ("trading days" is read)


def answer(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "outcome": "cron",
        "cron": None,
        "interval_seconds": None,
        "first_run_local": None,
        "timezone": None,
        "confidence": 0.9,
        "reason": None,
    }
    return base | fields


@pytest.fixture
async def llm(openai_server: FakeOpenAI) -> AsyncIterator[LLMParser]:
    client = openai_server.client()
    yield LLMParser(openai_complete(client, "test-model"), timeout=5)
    await client.close()


async def test_text_no_earlier_stage_reads_goes_to_the_llm(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    openai_server.enqueue(Reply.json(answer(cron="30 9 * * 1-5", timezone="America/New_York")))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule == {
        "type": "cron",
        "expression": "30 9 * * 1-5",
        "timezone": "America/New_York",
    }
    assert result.parse_method == "llm"
    assert result.confidence == 0.7  # the model said 0.9; its answers are capped
    assert result.human_readable == "At 09:30 AM, Monday through Friday, Eastern Time"


async def test_the_request_asks_for_the_schema_with_the_prompt_and_the_text(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    openai_server.enqueue(Reply.json(answer(cron="0 9 * * *")))
    await parse(UNREADABLE, timezone="Europe/Berlin", now=NOW, llm=llm)
    (request,) = openai_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test"
    body = request.body
    assert body["model"] == "test-model"
    schema_format = body["response_format"]
    assert schema_format["type"] == "json_schema"
    assert schema_format["json_schema"]["strict"] is True
    assert schema_format["json_schema"]["schema"] == load_prompt()[1]
    system, user = body["messages"]
    assert system["role"] == "system"
    assert "2026-01-14T11:00 (Wednesday), in the time zone Europe/Berlin" in system["content"]
    assert user == {"role": "user", "content": UNREADABLE}


async def test_the_grammar_answers_without_asking_the_llm(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    result = await parse("every weekday at 9am", now=NOW, llm=llm)
    assert result.parse_method == "regex"
    assert openai_server.requests == []


async def test_a_refusal_from_the_grammar_is_final(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    result = await parse("February 30 at 9am", now=NOW, llm=llm)
    assert result.schedule is None
    assert result.suggestion == "February 29"
    guess = await parse("at 5", now=NOW, llm=llm)  # a guess the grammar asks about
    assert guess.needs_confirmation
    assert openai_server.requests == []


async def test_without_an_llm_the_stage_is_skipped_and_the_result_says_so() -> None:
    result = await parse(UNREADABLE, now=NOW)
    assert result.schedule is None
    assert result.reason == "could not find a schedule in the text"
    assert "llm stage skipped: no LLM configured" in result.notes


async def test_a_one_time_answer_is_read_in_the_zone_it_names(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    reply = answer(outcome="at", first_run_local="2026-07-20T08:00", timezone="Europe/London")
    openai_server.enqueue(Reply.json(reply))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule == {
        "type": "at",
        "datetime": "2026-07-20T07:00:00Z",  # 08:00 BST
        "timezone": "Europe/London",
    }


async def test_an_interval_answer_starts_at_its_next_slot_after_now(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    # The model anchored at 09:00, which has passed: keep its phase, 09:00 + 2 × 45 min.
    reply = answer(outcome="every", interval_seconds=2700, first_run_local="2026-01-14T09:00")
    openai_server.enqueue(Reply.json(reply))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule == {
        "type": "every",
        "interval": 2700,
        "start_at": "2026-01-14T10:30:00Z",
        "timezone": "UTC",
    }


async def test_the_llm_may_refuse_with_a_reason(openai_server: FakeOpenAI, llm: LLMParser) -> None:
    openai_server.enqueue(Reply.json(answer(outcome="reject", reason="this is not about time")))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is None
    assert result.reason == "this is not about time"
    assert result.parse_method == "llm"
    assert result.confidence == 0


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (answer(cron="61 * * * *"), "cron expression '61 * * * *' is invalid"),
        (answer(cron="0 9 * *"), "does not have 5 fields"),
        (answer(cron="0 0 9 * * 1"), "does not have 5 fields"),
        (answer(cron="0 9 30 2 *"), "is invalid"),
        (answer(cron="0 9 * * *", timezone="Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
        (answer(outcome="every", interval_seconds=0), "outside 1 s to 366 days"),
        (answer(outcome="every", interval_seconds=400 * 86400), "outside 1 s to 366 days"),
        (answer(outcome="every", interval_seconds="3600"), "not a whole number"),
        (answer(outcome="at", first_run_local="2026-01-13T09:00"), "in the past"),
        (answer(outcome="at", first_run_local=None), "missing"),
        (answer(outcome="at", first_run_local="next tuesday"), "missing or not"),
        (answer(outcome="sometimes"), "no valid outcome"),
    ],
)
async def test_an_answer_that_fails_validation_is_refused_with_the_reason(
    openai_server: FakeOpenAI, llm: LLMParser, reply: dict[str, Any], reason: str
) -> None:
    openai_server.enqueue(Reply.json(reply))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is None
    assert result.parse_method == "llm"
    assert result.reason is not None
    assert result.reason.startswith("could not parse: ")
    assert reason in result.reason


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply.text("{not json"), "the LLM's answer is not valid JSON"),
        (Reply.text("[1, 2]"), "the LLM's answer is not a JSON object"),
        (Reply.text(""), "the LLM gave an empty answer"),
        (
            Reply.raw("<html>bad gateway</html>"),
            "the LLM's response was malformed (JSONDecodeError)",
        ),
        (Reply.raw("{", content_type="text/plain"), "the LLM's response has no answer in it"),
        (
            Reply.error(429, headers={"Retry-After": "20"}),
            "the LLM answered HTTP 429: scripted error",
        ),
        (Reply.error(500), "the LLM answered HTTP 500: scripted error"),
        (Reply.error(401, "bad key"), "the LLM answered HTTP 401: bad key"),
    ],
)
async def test_a_broken_answer_becomes_could_not_parse(
    openai_server: FakeOpenAI, llm: LLMParser, reply: Reply, reason: str
) -> None:
    openai_server.enqueue(reply)
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is None
    assert result.reason == f"could not parse: {reason}"


async def test_a_model_refusal_is_reported(openai_server: FakeOpenAI, llm: LLMParser) -> None:
    openai_server.enqueue(Reply(body=_completion({"content": None, "refusal": "no thanks"})))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.reason == "could not parse: the LLM refused: no thanks"


async def test_a_model_that_does_not_answer_in_time_is_cut_off(
    openai_server: FakeOpenAI,
) -> None:
    openai_server.enqueue(Reply(hang=True))
    client = openai_server.client()
    parser = LLMParser(openai_complete(client, "test-model"), timeout=0.2)
    result = await parse(UNREADABLE, now=NOW, llm=parser)
    await client.close()
    assert result.schedule is None
    assert result.reason == "could not parse: the LLM did not answer within 0.2 s"


async def test_the_clients_own_timeout_is_reported_too(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply(hang=True))
    client = openai_server.client(timeout=0.2)
    parser = LLMParser(openai_complete(client, "test-model"), timeout=30)
    result = await parse(UNREADABLE, now=NOW, llm=parser)
    await client.close()
    assert result.reason == "could not parse: the LLM did not answer in time"


async def test_an_unreachable_server_is_reported() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from openai import AsyncOpenAI

    async with AsyncOpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x", max_retries=0) as c:
        result = await parse(UNREADABLE, now=NOW, llm=LLMParser(openai_complete(c, "m")))
    assert result.reason == "could not parse: could not reach the LLM"


async def test_the_client_retries_a_rate_limit_when_allowed(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(
        Reply.error(429, headers={"retry-after-ms": "10"}),
        Reply.json(answer(cron="0 8 * * *")),
    )
    async with openai_server.client(max_retries=1) as client:
        parser = LLMParser(openai_complete(client, "test-model"))
        result = await parse(UNREADABLE, now=NOW, llm=parser)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 8 * * *"
    assert len(openai_server.requests) == 2


def test_without_configuration_there_is_no_llm() -> None:
    assert LLMParser.from_env({}) is None
    assert LLMParser.from_env({"AGENTCRON_LLM_MODEL": "gpt-x"}) is None


async def test_from_env_talks_to_the_configured_server(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.json(answer(cron="0 7 * * *")))
    env = {
        "OPENAI_API_KEY": "sk-local",
        "OPENAI_BASE_URL": openai_server.base_url,
        "AGENTCRON_LLM_MODEL": "local-model",
    }
    parser = LLMParser.from_env(env, max_retries=0)
    assert parser is not None
    async with parser:
        result = await parse(UNREADABLE, now=NOW, llm=parser)
    assert result.schedule is not None
    (request,) = openai_server.requests
    assert request.body["model"] == "local-model"
    assert request.headers["authorization"] == "Bearer sk-local"


async def test_from_env_needs_no_key_for_a_local_server(openai_server: FakeOpenAI) -> None:
    openai_server.enqueue(Reply.json(answer(cron="0 7 * * *")))
    parser = LLMParser.from_env({"OPENAI_BASE_URL": openai_server.base_url}, max_retries=0)
    assert parser is not None
    async with parser:
        await parse(UNREADABLE, now=NOW, llm=parser)
    assert openai_server.requests[0].body["model"] == "gpt-4o-mini"


async def test_from_settings_is_from_env_with_values_already_read(
    openai_server: FakeOpenAI,
) -> None:
    assert LLMParser.from_settings(api_key=None, base_url=None, model="m") is None
    openai_server.enqueue(Reply.json(answer(cron="0 7 * * *")))
    parser = LLMParser.from_settings(
        api_key="sk-app", base_url=openai_server.base_url, model="app-model", max_retries=0
    )
    assert parser is not None
    async with parser:
        await parse(UNREADABLE, now=NOW, llm=parser)
    assert openai_server.requests[0].body["model"] == "app-model"


async def test_the_stage_can_be_driven_without_http() -> None:
    seen: list[Any] = []

    async def complete(messages: list[dict[str, str]], schema: dict[str, Any]) -> dict[str, Any]:
        seen.append((messages[-1]["content"], sorted(schema["properties"])))
        return answer(outcome="at", first_run_local="2026-02-01T12:00", confidence=0.4)

    result = await parse(UNREADABLE, now=NOW, llm=LLMParser(complete))
    assert result.schedule == {"type": "at", "datetime": "2026-02-01T12:00:00Z", "timezone": "UTC"}
    assert result.confidence == 0.4  # below 0.7: the caller must confirm before creating a job
    assert seen == [
        (
            UNREADABLE,
            [
                "confidence",
                "cron",
                "first_run_local",
                "interval_seconds",
                "outcome",
                "reason",
                "rrule",
                "task",
                "timezone",
            ],
        )
    ]


def _completion(message: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-x",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", **message},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
    }


def test_a_parser_from_settings_survives_one_event_loop_per_phrase(
    openai_server: FakeOpenAI,
) -> None:
    # A CLI may call asyncio.run once per line; a client bound to a closed loop would hang.
    import asyncio

    parser = LLMParser.from_settings(api_key="k", base_url=openai_server.base_url, max_retries=0)
    assert parser is not None

    async def one() -> str | None:
        openai_server.enqueue(Reply.json(answer(cron="0 6 * * *")))
        result = await parse(UNREADABLE, now=NOW, llm=parser)
        await parser.aclose()
        return None if result.schedule is None else result.schedule["expression"]

    assert [asyncio.run(one()) for _ in range(2)] == ["0 6 * * *", "0 6 * * *"]


async def test_a_server_without_json_schema_is_asked_again_with_json_object(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    openai_server.reject_formats = {"json_schema"}
    openai_server.enqueue(Reply.json(answer(cron="0 7 * * 6")))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is not None and result.schedule["expression"] == "0 7 * * 6"
    forms = [r.body.get("response_format", {}).get("type") for r in openai_server.requests]
    assert forms == ["json_schema", "json_object"]


async def test_then_as_plain_text_with_the_answer_in_a_code_fence(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    openai_server.reject_formats = {"json_schema", "json_object"}
    fenced = "```json\n" + json.dumps(answer(cron="15 8 * * 1-5")) + "\n```"
    openai_server.enqueue(Reply.text(fenced))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is not None and result.schedule["expression"] == "15 8 * * 1-5"
    assert "response_format" not in openai_server.requests[-1].body
    assert len(openai_server.requests) == 3


async def test_the_servers_own_error_message_is_kept_and_logged(
    openai_server: FakeOpenAI, llm: LLMParser, caplog: pytest.LogCaptureFixture
) -> None:
    openai_server.enqueue(Reply.error(503, "model is loading, try again in 30s"))
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is None
    assert (
        result.reason
        == "could not parse: the LLM answered HTTP 503: model is loading, try again in 30s"
    )
    assert any("model is loading" in record.getMessage() for record in caplog.records)


async def test_the_llm_may_answer_with_an_rrule_and_a_task(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0"
    openai_server.enqueue(
        Reply.json(
            answer(
                outcome="rrule",
                rrule=rule,
                first_run_local="2026-01-20T15:00",
                task="water the office plants",
            )
        )
    )
    result = await parse(UNREADABLE, timezone="America/Chicago", now=NOW, llm=llm)
    assert result.schedule == {
        "type": "rrule",
        "rule": rule,
        "start_at": "2026-01-20T21:00:00Z",
        "timezone": "America/Chicago",
    }
    assert result.task == "water the office plants"


async def test_days_as_seconds_from_the_llm_become_a_calendar_rule(
    openai_server: FakeOpenAI, llm: LLMParser
) -> None:
    openai_server.enqueue(
        Reply.json(
            answer(outcome="every", interval_seconds=3 * 86400, first_run_local="2026-01-15T10:15")
        )
    )
    result = await parse(UNREADABLE, now=NOW, llm=llm)
    assert result.schedule is not None
    assert result.schedule["type"] == "rrule"
    assert result.schedule["rule"] == "FREQ=DAILY;INTERVAL=3;BYHOUR=10;BYMINUTE=15;BYSECOND=0"
