"""Which executor does which action."""

from __future__ import annotations

import asyncio
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


class DisabledExecutor:
    """An action the operator has not enabled on this instance: a stored job of it fails,
    saying which setting enables it (the API refuses new ones; this is for a job written
    where it was enabled, or before the operator turned it off)."""

    def __init__(self, kind: str, setting: str) -> None:
        self.message = (
            f"{kind} jobs are not enabled on this instance (the operator enables them with "
            f"{setting})"
        )

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        raise ExecutionFailed(self.message, retryable=False)


class Bounded:
    """At most ``limit`` attempts of ``executor`` at once; the others wait their turn before
    doing any work. A worker holds thousands of runs — each a coroutine of a few kilobytes —
    so what is bounded is what one attempt holds outside: for an agent, a connection to the
    model's server and a conversation in memory."""

    def __init__(self, executor: Executor, *, limit: int) -> None:
        self.executor = executor
        self.limit = limit
        self._turns = asyncio.Semaphore(limit)
        #: attempts waiting for their turn (not ``waiting``: an agent's turn can take minutes,
        #: and bookkeeping must not wait for it the way it waits for a burst's requests)
        self.queued = 0

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        self.queued += 1
        try:
            await self._turns.acquire()
        finally:
            self.queued -= 1
        try:
            return await self.executor.execute(action, context)
        finally:
            self._turns.release()


class Executors:
    def __init__(self, executors: dict[str, Executor]) -> None:
        self._executors = executors

    def waiting(self) -> int:
        """Attempts started but queued inside an executor for a free connection (or the
        like): while there are any, the worker is busy getting work out of the door."""
        return sum(getattr(executor, "waiting", 0) for executor in self._executors.values())

    async def aclose(self) -> None:
        """Close what the executors hold open (pools of database connections)."""
        for executor in self._executors.values():
            close = getattr(executor, "aclose", None)
            if close is not None:
                await close()

    def get(self, kind: str) -> Executor:
        executor = self._executors.get(kind)
        if executor is None:
            raise ExecutionFailed(f"no executor for action {kind!r}", retryable=False)
        return executor
