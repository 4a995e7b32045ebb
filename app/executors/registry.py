"""Which executor does which action."""

from __future__ import annotations

from typing import Any

from agentcron.app.executors.base import ExecutionFailed, Executor, Outcome, RunContext


class NoopExecutor:
    """Does nothing and succeeds: for trying out schedules, and for benchmarks."""

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        return Outcome(output="", data={})


class UnconfiguredAgentExecutor:
    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        raise ExecutionFailed(
            "no LLM configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for another "
            "OpenAI-compatible server) to run agent jobs",
            retryable=False,
        )


class Executors:
    def __init__(self, executors: dict[str, Executor]) -> None:
        self._executors = executors

    def waiting(self) -> int:
        """Attempts started but queued inside an executor for a free connection (or the
        like): while there are any, the worker is busy getting work out of the door."""
        return sum(getattr(executor, "waiting", 0) for executor in self._executors.values())

    def get(self, kind: str) -> Executor:
        executor = self._executors.get(kind)
        if executor is None:
            raise ExecutionFailed(f"no executor for action {kind!r}", retryable=False)
        return executor
