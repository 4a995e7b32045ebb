"""Pacing: at most one Slack message per second per channel, and Retry-After obeyed.

Slack allows about one ``chat.postMessage`` per second per channel and answers 429 with
``Retry-After`` beyond that. Pacing ourselves avoids most 429s when many jobs post to one
channel at the same minute; ``hold`` records a Retry-After so every sender to that channel
waits, not only the one that was refused. The clock and sleep are injected for tests.
The pacer is per process; with several instances the 429 handling covers the rest.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

MAX_TRACKED = 10_000


class Pacer:
    def __init__(
        self,
        *,
        interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._next_slot: dict[str, float] = {}
        self._held_until: dict[str, float] = {}

    def reserve(self, key: str) -> float:
        """Book the next free slot for ``key``; return how long to wait for it (0 if now)."""
        now = self.clock()
        if len(self._next_slot) > MAX_TRACKED:
            self._forget_before(now)
        slot = max(now, self._next_slot.get(key, now), self._held_until.get(key, now))
        self._next_slot[key] = slot + self.interval
        return slot - now

    def hold(self, key: str, seconds: float) -> None:
        """Slack said Retry-After ``seconds`` for ``key``: nobody sends to it before then."""
        until = self.clock() + max(seconds, 0.0)
        self._held_until[key] = max(self._held_until.get(key, until), until)
        self._next_slot[key] = max(self._next_slot.get(key, until), until)

    async def wait_turn(self, key: str) -> float:
        """Wait until ``key`` may be sent to; return the seconds waited."""
        waited = 0.0
        delay = self.reserve(key)
        while delay > 0:
            await self.sleep(delay)
            waited += delay
            # A Retry-After may have arrived while we waited for our slot.
            delay = self._held_until.get(key, 0.0) - self.clock()
        return waited

    def _forget_before(self, now: float) -> None:
        self._next_slot = {k: t for k, t in self._next_slot.items() if t > now}
        self._held_until = {k: t for k, t in self._held_until.items() if t > now}
