"""Waiting for something to become true through an API: bounded, never a fixed sleep."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def until(
    probe: Callable[[], Awaitable[Any]],
    *,
    within: float = 60.0,
    what: str = "condition",
    every: float = 0.02,
) -> Any:
    """Await ``probe()`` until it returns something truthy (returned); fail after ``within``."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        value = await probe()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(every)
