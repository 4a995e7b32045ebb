"""The scheduler loop: fire what is due, then sleep until the next slot or a change.

Work per wake-up grows with the number of due jobs (an indexed range scan on
``next_run_at``), not with the number of jobs.

Slots are fired ``lookahead_seconds`` ahead (their runs wait, then start on the dot). When
more jobs come due in the same second than one batch holds, the scheduler starts earlier, by
how long firing that many takes at the rate it has measured, so that a burst of ten thousand
is fired before its second comes rather than during it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from agentcron.app.domain.leasing import NOTHING_HELD
from agentcron.app.engine.failures import FailureSpell
from agentcron.app.engine.waiting import sleep_until_woken
from agentcron.app.runtime import Runtime
from agentcron.app.storage.runs import Claim

log = logging.getLogger("agentcron.scheduler")

#: jobs due within this many seconds of the earliest count as one burst
BURST_WINDOW_SECONDS = 1.0
#: the head start for a burst is at most this
MAX_HEAD_START_SECONDS = 30.0
#: how soon to look again after a failed look
RETRY_SECONDS = 1.0
#: what firing one job costs until the scheduler has measured it (seconds): a loaded
#: machine's figure (a quiet one fires a job in ~80 µs)
INITIAL_SECONDS_PER_JOB = 300e-6
#: a burst is fired this many times as far ahead as the measured rate says it needs: firing
#: early costs a little memory for runs waiting on their second (~1 KB each), firing late
#: costs lateness, and a machine can get busier between the measuring and the burst
HEAD_START_MARGIN = 3.0
#: looks this far apart still count as looking without a gap (at least three of the longest
#: sleeps): a machine so loaded that the scheduler is a minute late still runs every slot
MAX_LOOK_GAP_SECONDS = 60.0


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
        #: how far ahead slots are fired now (the setting, more before a burst)
        self.ahead = rt.settings.lookahead_seconds
        #: measured cost of firing one job, to start a burst early enough
        self.seconds_per_job = INITIAL_SECONDS_PER_JOB
        self.failures = FailureSpell(log, "firing due jobs")
        #: since when this scheduler has looked without a gap (None: not yet, or a look
        #: failed since): a slot due since then that a late look finds still runs, where one
        #: due before it — while nothing here was looking — is caught up per its job's policy
        self.looking_since: datetime | None = None
        self.last_look_at: datetime | None = None
        #: looks further apart than this mean nothing was looking in between (a process
        #: frozen, a laptop asleep): the streak starts again
        self.max_look_gap = max(MAX_LOOK_GAP_SECONDS, 3 * rt.settings.max_sleep_seconds)

    def wake(self) -> None:
        self.wake_event.set()

    async def tick(self) -> int:
        """Fire everything due now; returns how many jobs were checked."""
        settings = self.rt.settings
        loop = asyncio.get_running_loop()
        checked = 0
        looked_at = now = await self.now()
        late_since = self._late_since(looked_at)
        while True:
            claim = None
            if self.worker is not None and self.worker.capacity() > 0:
                claim = Claim(lease=settings.lease_seconds, capacity=self.worker.capacity())
            began = loop.time()
            result = await self.rt.runs.fire_due_jobs(
                now=now,
                until=now + timedelta(seconds=self.ahead),
                limit=settings.claim_batch_size,
                default_catchup=settings.default_catchup_window_seconds,
                instance=self.rt.instance_id,
                held=self.worker.held if self.worker is not None else NOTHING_HELD,
                claim=claim,
                late_since=late_since,
            )
            if result.jobs_checked >= 100:
                cost = (loop.time() - began) / result.jobs_checked
                self.seconds_per_job = 0.7 * self.seconds_per_job + 0.3 * cost
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
            now = await self.now()
        self.jobs_checked_last_tick = checked
        self.last_tick_at = now
        if late_since is None:
            self.looking_since = looked_at  # a streak of looks starts (again) here
        self.last_look_at = looked_at
        self.ticks += 1
        return checked

    def _late_since(self, now: datetime) -> datetime | None:
        """The start of the streak of looks this one continues, if it continues one."""
        last = self.last_look_at
        if last is None or (now - last).total_seconds() > self.max_look_gap:
            return None
        return self.looking_since

    def head_start(self, coming: int) -> float:
        """How far ahead to fire when ``coming`` jobs are due in the next burst window."""
        base = self.rt.settings.lookahead_seconds
        if coming <= self.rt.settings.claim_batch_size:
            return base  # one batch: the usual lookahead is plenty
        return base + min(MAX_HEAD_START_SECONDS, HEAD_START_MARGIN * coming * self.seconds_per_job)

    async def run(self) -> None:
        max_sleep = self.rt.settings.max_sleep_seconds
        while not self.stopping:
            self.wake_event.clear()
            try:
                await self.tick()
                now = await self.now()
                earliest, coming = await self.rt.runs.upcoming(
                    window=BURST_WINDOW_SECONDS,
                    cap=self.rt.settings.claim_batch_size * 200,
                    # a burst further off than the longest head start is counted later
                    horizon=now
                    + timedelta(
                        seconds=self.rt.settings.lookahead_seconds
                        + MAX_HEAD_START_SECONDS
                        + self.rt.settings.max_sleep_seconds
                    ),
                )
                self.ahead = self.head_start(coming)
                self.failures.succeeded()
            except Exception as exc:
                self.failures.failed(exc)
                # what comes due until a look succeeds again is caught up, as after downtime
                self.looking_since = self.last_look_at = None
                earliest, now = None, None
            # after a failure, look again soon (an outage ends with a wake-up too, on
            # PostgreSQL, when the listener is back)
            timeout = max_sleep if self.failures.since is None else min(max_sleep, RETRY_SECONDS)
            if earliest is not None and now is not None:
                ahead = self.rt.settings.lookahead_seconds
                timeout = min(max_sleep, max(0.0, (earliest - now).total_seconds() - self.ahead))
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
