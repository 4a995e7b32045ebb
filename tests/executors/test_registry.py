"""Bounded: at most so many attempts of an executor at once, the rest wait their turn."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from agentcron.app.executors.base import Outcome, RunContext
from agentcron.app.executors.registry import Bounded
from tests.support.waiting import until


class Gate:
    def __init__(self) -> None:
        self.inside = 0
        self.most = 0
        self.open = asyncio.Event()

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        self.inside += 1
        self.most = max(self.most, self.inside)
        await self.open.wait()
        self.inside -= 1
        return Outcome(output=context.run_id)


def context(index: int) -> RunContext:
    return RunContext(
        run_id=f"run_{index}",
        job_id="job_a",
        job_name="a",
        owner="alice",
        attempt=1,
        scheduled_for=datetime(2026, 3, 2, tzinfo=UTC),
        trigger="manual",
        goal=None,
        metadata={},
    )


async def test_attempts_beyond_the_limit_wait_their_turn() -> None:
    gate = Gate()
    bounded = Bounded(gate, limit=2)
    attempts = [asyncio.create_task(bounded.execute({}, context(i))) for i in range(5)]

    async def two_in_three_waiting() -> bool:
        return gate.inside == 2 and bounded.queued == 3

    await until(two_in_three_waiting, what="two attempts in and three waiting")
    gate.open.set()
    outcomes = await asyncio.gather(*attempts)
    assert [o.output for o in outcomes] == [f"run_{i}" for i in range(5)]
    assert gate.most == 2 and bounded.queued == 0
