"""A run's condition over a large answer is evaluated off the event loop."""

from __future__ import annotations

import asyncio

from agentcron.app.engine.worker import _evaluate_condition


async def test_a_long_condition_lets_the_loop_run_while_it_is_evaluated() -> None:
    # past the inline budget (INLINE_STEPS), well within the 2 s one even on a loaded machine
    data = {"items": [[i, str(i)] for i in range(30_000)]}
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    before = ticks
    result = await _evaluate_condition("items == items and len(items) > 0", data, None)
    done.set()
    await task
    assert result is True
    # inline evaluation would have held the loop until it finished: no tick in between
    assert ticks > before + 1


async def test_a_cheap_condition_is_answered_inline() -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        ticks += 1

    task = asyncio.ensure_future(ticker())
    assert await _evaluate_condition("price > 1", {"price": 2}, None) is True
    assert ticks == 0  # no await happened: the loop never ran the ticker
    await task
