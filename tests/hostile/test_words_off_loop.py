"""``POST /parse-nl`` reads its text off the event loop (app/offload.py): while the parser works
on a text, /healthz and every other request are answered. On the loop, 1,000 concurrent calls
of 200 hostile characters held /healthz for 35 s (on a loaded 2-core machine), and one
"RRULE:FREQ=DAILY;BYSETPOS=366" held the whole service for over a minute.

The parser is made to wait on an event the test sets only after /healthz has answered: on the
loop, the answer could only come after the parse (the wait times out first)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import agentcron.app.offload as offload
import agentcron.app.slack.actions as slack_actions
import agentcron.parsers as parsers
from agentcron.app.runtime import Runtime
from agentcron.parsers import LLMParser, Understanding

WAIT = 5.0  # how long the held parser waits before giving up (on the loop: the test fails)


class Held:
    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def hold(self) -> None:
        self.entered.set()
        self.release.wait(WAIT)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    """The service's reading of words (``parsers.understanding``, driven by app/offload.py)
    and the Slack forms' first reading (``parse_fast``) wait on the gate before they read."""
    gate = Held()
    understanding, parse_fast = parsers.understanding, parsers.parse_fast

    def held_understanding(text: str, **kwargs: Any) -> Understanding:
        gate.hold()
        return (yield from understanding(text, **kwargs))

    def held_parse_fast(text: str, **kwargs: Any) -> Any:
        gate.hold()
        return parse_fast(text, **kwargs)

    monkeypatch.setattr(offload, "understanding", held_understanding)
    monkeypatch.setattr(slack_actions, "parse_fast", held_parse_fast)
    yield gate
    gate.release.set()


async def _healthz_while_held(
    api: httpx.AsyncClient, held: Held, request: asyncio.Task[httpx.Response]
) -> httpx.Response:
    assert await asyncio.to_thread(held.entered.wait, WAIT * 2)
    health = await api.get("http://testserver/healthz")
    assert health.status_code == 200
    assert not request.done(), "the parse ended before /healthz was answered: it held the loop"
    held.release.set()
    return await request


async def test_parse_nl_reads_its_text_off_the_loop(api: httpx.AsyncClient, held: Held) -> None:
    request = asyncio.create_task(api.post("/parse-nl", json={"text": "every weekday at 9am"}))
    answer = await _healthz_while_held(api, held, request)
    assert answer.status_code == 200, answer.text
    assert answer.json()["schedule"]["expression"] == "0 9 * * 1-5"


class FakeLLM:
    """The model's ``complete``: it answers at once, on the event loop, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.loop: asyncio.AbstractEventLoop | None = None

    async def complete(self, messages: list[dict[str, Any]], schema: Any) -> dict[str, Any]:
        self.calls += 1
        self.loop = asyncio.get_running_loop()
        return {
            "outcome": "cron",
            "cron": "30 9 * * 1-5",
            "interval_seconds": None,
            "first_run_local": None,
            "timezone": "America/New_York",
            "confidence": 0.9,
            "reason": None,
        }


@pytest.fixture
def fake_llm(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    fake = FakeLLM()
    parser = LLMParser(fake.complete, timeout=30)
    monkeypatch.setattr(runtime, "llm_parser", lambda: parser)
    return fake


async def test_parse_nl_with_an_llm_reads_off_the_loop_and_asks_the_model_on_it(
    api: httpx.AsyncClient, held: Held, fake_llm: FakeLLM
) -> None:
    # with an LLM configured the whole reading ran on the loop; now it runs in the words
    # thread up to its question for the model, which is awaited on the loop
    text = "whenever the markets open"  # no stage but the LLM reads this
    request = asyncio.create_task(api.post("/parse-nl", json={"text": text}))
    answer = await _healthz_while_held(api, held, request)
    assert answer.status_code == 200, answer.text
    assert answer.json()["schedule"]["expression"] == "30 9 * * 1-5"
    assert answer.json()["parse_method"] == "llm"
    assert fake_llm.calls == 1
    assert fake_llm.loop is asyncio.get_running_loop()


async def test_a_model_that_fails_refuses_the_text(
    api: httpx.AsyncClient, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(messages: list[dict[str, Any]], schema: Any) -> dict[str, Any]:
        raise RuntimeError("the model's client broke")

    parser = LLMParser(broken, timeout=30)
    monkeypatch.setattr(runtime, "llm_parser", lambda: parser)
    answer = await api.post("/parse-nl", json={"text": "whenever the markets open"})
    assert answer.status_code == 422, answer.text
    assert "could not be read" in answer.json()["errors"][0]["reason"]


async def test_a_rule_that_never_comes_is_refused_quickly(api: httpx.AsyncClient) -> None:
    # dateutil stepped these a day (a minute) at a time to the year 9999: 20 s to over a
    # minute each, on the loop; now refused after a few thousand calls
    for text in (
        "RRULE:FREQ=DAILY;BYSETPOS=366",
        "RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=5FR;BYMONTHDAY=13;BYMONTH=2",
    ):
        answer = await asyncio.wait_for(api.post("/parse-nl", json={"text": text}), 15)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        job = {"name": "rule", "action": "noop", "schedule": text}
        created = await asyncio.wait_for(api.post("/jobs", json=job), 15)
        assert created.status_code == 422, created.text
