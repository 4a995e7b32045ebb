"""Fixtures for the executors' tests: an HTTP session, a sink, and the agent executor."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from openai import AsyncOpenAI

from agentcron.app.clock import FrozenClock
from agentcron.app.executors.agent import AgentExecutor
from agentcron.app.executors.base import RunContext
from agentcron.delivery.netguard import guarded_session
from tests.executors.agent_kit import AGENT, JOB, NOW, Sleeps
from tests.fakes.openai_server import FakeOpenAI, _openai_server_session, openai_server
from tests.fakes.sink import Sink, running_sink

__all__ = ["_openai_server_session", "openai_server"]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    # the sink is on 127.0.0.1, so the guard is off here; one test below turns it on
    async with guarded_session(allow_private=True, timeout=5) as client:
        yield client


@pytest.fixture
async def sink() -> AsyncIterator[Sink]:
    async with running_sink() as server:
        yield server


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make(openai_server: FakeOpenAI, session: aiohttp.ClientSession, sleeps: Sleeps) -> Any:
    def build(
        *,
        job: dict[str, Any] | None = JOB,
        agent: dict[str, Any] | None = AGENT,
        base_url: str | None = None,
        **options: Any,
    ) -> AgentExecutor:
        async def lookup(_context: RunContext) -> tuple[Any, Any]:
            return job, agent

        def client() -> AsyncOpenAI:
            url = base_url or openai_server.base_url
            return AsyncOpenAI(base_url=url, api_key="test", max_retries=0)

        settings: dict[str, Any] = {
            "client_factory": client,
            "session": options.pop("session", session),
            "lookup": lookup,
            "clock": FrozenClock(NOW),
            "default_model": "default-model",
            "slack_ready": True,
            "sleep": sleeps,
            "rng": random.Random(7),
        }
        return AgentExecutor(**(settings | options))

    return build
