"""What the agent executor's tests share: a job, an agent, a run's context, scripted replies.

The executor is built (``make``, in conftest) with an in-memory lookup (no database), a
frozen clock, and a sleep that records instead of waiting, so backoff is checked exactly and
costs no time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.app.executors.agent import AgentExecutor
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.tools import TOOL_NAMES
from tests.fakes.openai_server import Reply

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Berlin

JOB: dict[str, Any] = {
    "id": "job_xyz",
    "agent_id": "agent_t",
    "goal": "Check the BTC price",
    "model": "test-model",
    "delivery": None,
    "condition": None,
    "schedule": {"type": "cron", "expression": "0 9 * * *", "timezone": "Europe/Berlin"},
}
AGENT: dict[str, Any] = {
    "id": "agent_t",
    "model": None,
    "instructions": "Be terse.",
    "tools": list(TOOL_NAMES),
    "max_steps": 6,
    "max_tokens": 10_000,
    "timeout_seconds": 30,
}


def context(**changes: Any) -> RunContext:
    values: dict[str, Any] = {
        "run_id": "run_abc",
        "job_id": "job_xyz",
        "job_name": "BTC watch",
        "owner": "alice",
        "attempt": 1,
        "scheduled_for": NOW,
        "trigger": "schedule",
        "goal": JOB["goal"],
        "metadata": {},
    }
    return RunContext(**(values | changes))


def finish(output: str = "done", data: Any = None, **kwargs: Any) -> Reply:
    return Reply.tool_call("finish", {"output": output, "data": data or {}}, **kwargs)


class Sleeps:
    """Stands in for asyncio.sleep: records each wait and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def run(executor: AgentExecutor, **changes: Any) -> Outcome:
    return await executor.execute({"type": "agent"}, context(**changes))


async def failure(executor: AgentExecutor, **changes: Any) -> ExecutionFailed:
    with pytest.raises(ExecutionFailed) as caught:
        await run(executor, **changes)
    return caught.value


def tool_messages(request: Any) -> list[dict[str, Any]]:
    return [m for m in request.body["messages"] if m["role"] == "tool"]
