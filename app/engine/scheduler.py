"""The scheduler loop: fire what is due, then sleep until the next slot or a change.

Work per wake-up grows with the number of due jobs (an indexed range scan on
``next_run_at``), not with the number of jobs.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from agentcron.app.engine.waiting import sleep_until_woken
from agentcron.app.runtime import Runtime
from agentcron.app.storage.runs import Claim

log = logging.getLogger("agentcron.scheduler")


class Scheduler:
    def __init__(
        self,
        rt: Runtime,
        *,
        now: Callable[[], Awaitable[datetime]],
        on_fired: Callable[[int], None],
    ) -> None:
        self.rt = rt
        self.now = now
        self.on_fired = on_fired
        self.wake_event = asyncio.Event()
        self.stopping = False
        self.jobs_checked_last_tick = 0
        self.last_tick_at: datetime | None = None
        self.next_tick_at: datetime | None = None
        self.last_lateness: float | None = None
        self.fired_total = 0
        self.skipped_total: Counter[str] = Counter()
        self.lateness_observer: Callable[[float], None] | None = None
        self.ticks = 0
        #: the local worker, when this instance has one: freshly fired runs go straight to it
        self.worker: Any = None

    def wake(self) -> None:
        self.wake_event.set()

    async def tick(self) -> int:
        """Fire everything due now; returns how many jobs were checked."""
        settings = self.rt.settings
        checked = 0
        while True:
            now = await self.now()
            claim = None
            if self.worker is not None and self.worker.capacity() > 0:
                claim = Claim(
                    instance=self.rt.instance_id,
                    lease=settings.lease_seconds,
                    capacity=self.worker.capacity(),
                )
            result = await self.rt.runs.fire_due_jobs(
                now=now,
                until=now + timedelta(seconds=settings.lookahead_seconds),
                limit=settings.claim_batch_size,
                default_catchup=settings.default_catchup_window_seconds,
                claim=claim,
            )
            if result.claimed:
                self.worker.adopt(result.claimed)
            checked += result.jobs_checked
            self.fired_total += result.queued
            self.skipped_total.update(result.skipped)
            if result.lateness:
                self.last_lateness = max(result.lateness)
                if self.lateness_observer:
                    for value in result.lateness:
                        self.lateness_observer(value)
            if result.queued or result.skipped:
                self.on_fired(result.queued)
            if result.jobs_checked < settings.claim_batch_size:
                break
            await asyncio.sleep(0)  # let workers start what was just fired
        self.jobs_checked_last_tick = checked
        self.last_tick_at = now
        self.ticks += 1
        return checked

    async def run(self) -> None:
        max_sleep = self.rt.settings.max_sleep_seconds
        while not self.stopping:
            self.wake_event.clear()
            try:
                await self.tick()
                now = await self.now()
                earliest = await self.rt.runs.earliest_next_run()
            except Exception:
                log.exception("scheduler tick failed; trying again shortly")
                earliest, now = None, None
            timeout = max_sleep
            if earliest is not None and now is not None:
                ahead = self.rt.settings.lookahead_seconds
                timeout = min(max_sleep, max(0.0, (earliest - now).total_seconds() - ahead))
                if ahead > 0:
                    # with slots fired a second ahead there is no need to look again at once
                    # for the next few milliseconds' worth: take the window in slices
                    timeout = max(timeout, min(0.1, ahead / 4))
                if timeout == 0 and self.jobs_checked_last_tick == 0:
                    # due but not ours to fire (locked by another instance): don't spin
                    timeout = 0.05
            if now is not None:
                self.next_tick_at = now + timedelta(seconds=timeout)
            if timeout > 0:
                await sleep_until_woken(self.wake_event, timeout)
