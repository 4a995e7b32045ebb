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

import agentcron.parsers as parsers

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
    gate = Held()
    understand, parse_fast = parsers.understand, parsers.parse_fast

    async def held_understand(text: str, **kwargs: Any) -> Any:
        gate.hold()
        return await understand(text, **kwargs)

    def held_parse_fast(text: str, **kwargs: Any) -> Any:
        gate.hold()
        return parse_fast(text, **kwargs)

    monkeypatch.setattr(parsers, "understand", held_understand)
    monkeypatch.setattr(parsers, "parse_fast", held_parse_fast)
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
