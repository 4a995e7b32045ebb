"""Workers: lease queued runs, execute them with timeouts and cancellation, record outcomes.

Outcomes are written in batches (one transaction for many finished runs), which is what lets
a burst of thousands of short runs finish at the rate they start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from agentcron.app.domain.conditions import (
    INLINE_STEPS,
    ConditionError,
    OutOfBudget,
    compile_condition,
    evaluate,
    run_view,
)
from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.leasing import HeldHere
from agentcron.app.domain.outcome import Attempt
from agentcron.app.domain.records import JobSnapshot, Leased, Run
from agentcron.app.engine.failures import FailureSpell
from agentcron.app.engine.waiting import sleep_until_woken
from agentcron.app.executors.base import ExecutionFailed, RunContext, RunSkipped
from agentcron.app.executors.registry import Executors
from agentcron.app.runtime import Runtime
from agentcron.app.storage.database import DatabaseUnavailable
from agentcron.app.storage.runs import Recorded

log = logging.getLogger("agentcron.worker")

CANCEL_POLL_SECONDS = 0.25
CLAIM_COALESCE_SECONDS = 0.01
#: after a claim that took nothing while due runs wait (on their jobs' earlier runs), the
#: least time before the next claim
BLOCKED_CLAIM_SECONDS = 0.05
MAX_OUTPUT_CHARS = 200_000
#: the cancel reason for a run whose job was paused or deleted before its slot: the
#: database already says how it ended, so the worker only stops it
REVOKED = "revoked before its slot"
FLUSH_INTERVAL_SECONDS = 0.1
#: the longest a finished run waits to be written while runs queue for connections; at most
#: a third of the lease, since a finished run's lease is no longer renewed
MAX_RECORD_DELAY_SECONDS = 10.0
MAX_UNRECORDED = 20_000
#: while the database is unavailable, finished runs are offered to it this often
OUTAGE_RETRY_SECONDS = 1.0
FLUSH_BATCH = 1000


class Worker:
    def __init__(
        self,
        rt: Runtime,
        *,
        executors: Executors,
        now: Callable[[], Awaitable[datetime]],
        on_recorded: Callable[[Recorded], None],
    ) -> None:
        self.rt = rt
        self.executors = executors
        self.now = now
        self.on_recorded = on_recorded
        self.concurrency = rt.settings.worker_concurrency
        self.wake_event = asyncio.Event()
        self.stopping = False
        self.active: dict[str, asyncio.Task[None]] = {}
        self._cancel_reasons: dict[str, str] = {}
        self._finished: list[Attempt] = []
        self._finished_event = asyncio.Event()
        #: runs finished here and not written yet, with when each ended: ``running`` in the
        #: table until their batch is written, they must not count as still going
        self.settled: dict[str, datetime] = {}
        #: runs that really began here, with when, until their outcome is written (the table
        #: says when each was leased: a run taken ahead begins at its slot, or later)
        self.began: dict[str, datetime] = {}
        #: both, for firing and leasing to judge overlap by
        self.held = HeldHere(began=self.began, settled=self.settled)
        #: the last claim may have left due runs behind (it filled every free slot)
        self._backlog = True
        self.started_total = 0
        self.recorded_total = 0
        self.flush_interval = FLUSH_INTERVAL_SECONDS
        self.max_record_delay = min(MAX_RECORD_DELAY_SECONDS, rt.settings.lease_seconds / 3)
        #: runs taken ahead of their slot wait at the gate of their instant (one per instant,
        #: however many runs share it)
        self._gates: dict[datetime, asyncio.Event] = {}
        self._gate_timer: asyncio.TimerHandle | None = None
        #: runs taken ahead that have not started yet (released at once on shutdown)
        self._not_started: set[str] = set()
        self.claim_failures = FailureSpell(log, "claiming queued runs")
        self.lease_failures = FailureSpell(log, "renewing leases")
        self.record_failures = FailureSpell(log, "recording finished runs")

    def wake(self) -> None:
        self.wake_event.set()
        self._open_gates()

    # -- starting on the dot ----------------------------------------------------------------

    async def _until(self, instant: datetime) -> None:
        """Wait until ``instant`` by the engine's clock."""
        wait = (instant - self.rt.clock.now()).total_seconds()
        if wait <= 0:
            return
        gate = self._gates.get(instant)
        if gate is None:
            gate = self._gates[instant] = asyncio.Event()
            self._arm_gate_timer()
        await gate.wait()

    def _open_gates(self) -> None:
        """Open every gate whose instant has come (the timer, and every wake-up, call this:
        a test clock moves without timers)."""
        if not self._gates:
            return
        now = self.rt.clock.now()
        for instant in [i for i in self._gates if i <= now]:
            self._gates.pop(instant).set()
        self._arm_gate_timer()

    def _arm_gate_timer(self) -> None:
        if self._gate_timer is not None:
            self._gate_timer.cancel()
            self._gate_timer = None
        if self._gates:
            # a timer may come a hair early by the wall clock: then it looks again
            wait = (min(self._gates) - self.rt.clock.now()).total_seconds()
            loop = asyncio.get_running_loop()
            self._gate_timer = loop.call_later(max(0.001, wait), self._open_gates)

    # -- claiming ---------------------------------------------------------------------------

    async def run(self) -> None:
        max_sleep = self.rt.settings.max_sleep_seconds
        while not self.stopping:
            self.wake_event.clear()
            free = self.capacity()
            if 0 < free < self.concurrency // 8 and self.active:
                # runs finish one by one; claim for several at once rather than a
                # transaction per freed slot
                await asyncio.sleep(CLAIM_COALESCE_SECONDS)
                free = self.capacity()
            claimed = 0
            # a transaction of at most a batch: the loop comes back at once for more
            limit = min(free, self.rt.settings.claim_batch_size)
            if limit > 0:
                try:
                    claimed = await self._claim(limit)
                    self.claim_failures.succeeded()
                except Exception as exc:
                    self.claim_failures.failed(exc)
            self._backlog = free == 0 or claimed == limit
            if claimed and claimed == free:
                # full: wait for a slot to free up (a finished task wakes us)
                await self._wait(max_sleep)
                continue
            if claimed:
                await asyncio.sleep(0)
                continue  # there may be more already
            timeout = max_sleep if self.claim_failures.since is None else OUTAGE_RETRY_SECONDS
            try:
                earliest = await self.rt.runs.earliest_queued()
                if earliest is not None:
                    now = await self.now()
                    until = (earliest - now).total_seconds() - self.rt.settings.lookahead_seconds
                    # a due run we could not take waits on its job's concurrency: a finishing
                    # run wakes us; otherwise sleep until the next run comes due
                    timeout = max_sleep if until <= 0 else min(max_sleep, until)
                    if until <= 0:
                        self._backlog = True
                        # but not for another claim at once: a round that took nothing
                        # passed over every run it read, and looking again on every run
                        # that ends would hold the event loop with claims that find
                        # little more (each run finishing wakes us meanwhile, and counts)
                        await asyncio.sleep(BLOCKED_CLAIM_SECONDS)
            except Exception as exc:
                self.claim_failures.failed(exc)
            await self._wait(timeout)

    async def _wait(self, seconds: float) -> None:
        await sleep_until_woken(self.wake_event, seconds)

    async def _claim(self, limit: int) -> int:
        now = await self.now()
        leased = await self.rt.runs.acquire_runs(
            now=now,
            due_by=now + timedelta(seconds=self.rt.settings.lookahead_seconds),
            limit=limit,
            instance=self.rt.instance_id,
            lease=self.rt.settings.lease_seconds,
            held=self.held,
        )
        self.adopt(leased)
        return len(leased)

    def capacity(self) -> int:
        return 0 if self.stopping else max(0, self.concurrency - len(self.active))

    def adopt(self, leased: list[Leased]) -> None:
        """Start runs leased to this instance (by a claim, or by the scheduler at firing)."""
        for item in leased:
            self.started_total += 1
            run_id = item.run.id
            task = asyncio.create_task(self._execute(item.run, item.job), name=f"run {run_id}")
            self.active[run_id] = task
            task.add_done_callback(lambda _t, rid=run_id: self._task_done(rid))

    def _task_done(self, run_id: str) -> None:
        self.active.pop(run_id, None)
        self._cancel_reasons.pop(run_id, None)
        if run_id not in self.settled:
            self.began.pop(run_id, None)  # not to be recorded here (lost, revoked, released)
        if self._backlog:
            self.wake_event.set()  # a freed slot is only news when runs were left waiting

    # -- cancellation and leases --------------------------------------------------------------

    def cancel(self, run_id: str, reason: str) -> bool:
        task = self.active.get(run_id)
        if task is None or task.done():
            return False
        self._cancel_reasons[run_id] = reason
        task.cancel()
        return True

    async def watch(self) -> None:
        """Renew leases and notice cancellation requested from any instance."""
        renew_every = max(0.5, self.rt.settings.lease_seconds / 3)
        since_renewal = 0.0
        while True:
            await asyncio.sleep(CANCEL_POLL_SECONDS)
            since_renewal += CANCEL_POLL_SECONDS
            ids = list(self.active)
            if not ids:
                continue
            try:
                if since_renewal >= renew_every:
                    since_renewal = 0.0
                    lost, cancelled = await self.rt.runs.extend_leases(
                        ids,
                        instance=self.rt.instance_id,
                        now=await self.now(),
                        lease=self.rt.settings.lease_seconds,
                    )
                    for run_id in lost:
                        log.warning("lost the lease on %s; stopping it", run_id)
                        self.cancel(run_id, "lease lost")
                else:
                    cancelled = await self.rt.runs.cancel_requests(instance=self.rt.instance_id)
                for run_id in cancelled:
                    self.cancel(run_id, "cancelled on request")
                self.lease_failures.succeeded()
            except Exception as exc:
                self.lease_failures.failed(exc)

    # -- executing --------------------------------------------------------------------------

    async def _execute(self, run: Run, job: JobSnapshot) -> None:
        action = job.action or {"type": "agent"}
        condition = (job.condition or {}).get("expression")
        previous = None
        if action.get("type") == "agent" or condition:
            previous = await self.rt.runs.previous_finished(job.id, before=run.id)
        context = RunContext(
            run_id=run.id,
            job_id=job.id,
            job_name=job.name,
            owner=job.owner,
            attempt=run.attempt,
            scheduled_for=run.scheduled_for,
            trigger=run.trigger,
            goal=job.goal,
            metadata=job.metadata or {},
            previous_run=previous,
            upstream_run=run.upstream,
            idempotency_key=run.idempotency_key,
            payload=job.payload,
        )
        result = Attempt(run=run, status=RunStatus.SUCCEEDED, events=context.events)
        timeout = job.timeout_seconds
        try:
            self._not_started.add(run.id)
            try:
                await self._until(run.not_before)  # taken ahead of its slot: on the dot
            finally:
                self._not_started.discard(run.id)
            result.started_at = self.began[run.id] = self.rt.clock.now()
            executor = self.executors.get(action.get("type", "agent"))
            async with asyncio.timeout(timeout):
                outcome = await executor.execute(action, context)
            result.output = (outcome.output or "")[:MAX_OUTPUT_CHARS]
            data = outcome.data
            result.data = data if isinstance(data, dict) else {"value": data}
            result.usage = outcome.usage
        except TimeoutError:
            result.status, result.reason = RunStatus.TIMED_OUT, "timeout"
            result.error = f"timed out after {timeout} s"
        except asyncio.CancelledError:
            reason = self._cancel_reasons.get(run.id)
            if reason is None:
                raise  # shutdown: the engine releases the run
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            if reason in ("lease lost", REVOKED):
                return
            result.status, result.reason, result.error = RunStatus.CANCELLED, "cancelled", reason
        except RunSkipped as exc:
            # a used-up budget: the run did not start, and is not a failure
            result.status, result.reason = RunStatus.SKIPPED, exc.message
            result.retryable, result.notice, result.started_at = False, exc.notify, None
        except ExecutionFailed as exc:
            result.status, result.error = RunStatus.FAILED, exc.message
            result.retryable = exc.retryable
            result.output, result.data, result.usage = exc.output, exc.data or None, exc.usage
        except Exception as exc:  # an executor bug must not take the worker down
            log.exception("executor crashed on %s", run.id)
            result.status, result.error = RunStatus.FAILED, f"{type(exc).__name__}: {exc}"
        if result.status == RunStatus.SUCCEEDED and condition:
            kind = action.get("type", "agent")
            before = (previous or {}).get("data") or None
            try:
                result.condition_met = await _evaluate_condition(
                    condition,
                    run_view(result.data, action=kind),
                    run_view(before, action=kind) if before is not None else None,
                )
            except ConditionError as exc:
                result.condition_met = None
                result.condition_error = str(exc)  # the outcome plan fails the run
        result.completed_at = self.rt.clock.now()
        self._record(result)

    # -- recording --------------------------------------------------------------------------

    def _record(self, result: Attempt) -> None:
        self.settled[result.run.id] = result.completed_at or self.rt.clock.now()
        self._finished.append(result)
        self._finished_event.set()

    async def flush_loop(self) -> None:
        """Write finished runs in batches: one transaction for everything finished so far.

        A run finishing after a quiet spell is written at once. While runs keep finishing,
        there is at most one transaction per ``flush_interval``, so a burst is written in a
        few large batches rather than many small ones (each has a fixed cost). And while
        runs are still queued inside an executor for a connection (``Executors.waiting``),
        the writing waits, up to ``max_record_delay``: bookkeeping must not hold up the event
        loop that the runs still starting need — starting on time comes first. The runs
        stay leased meanwhile, so a crash before the write is recovered like any other.
        """
        loop = asyncio.get_running_loop()
        last = -self.flush_interval
        while True:
            await self._finished_event.wait()
            since = loop.time()
            while not self.stopping and len(self._finished) < MAX_UNRECORDED:
                now = loop.time()
                if now - since >= self.max_record_delay:
                    break
                if now - last >= self.flush_interval and not self.executors.waiting():
                    break
                await asyncio.sleep(self.flush_interval / 4)
            last = loop.time()
            await self.flush()

    async def flush(self) -> None:
        self._finished_event.clear()
        while self._finished:
            batch = self._finished[:FLUSH_BATCH]
            self._finished = self._finished[FLUSH_BATCH:]
            try:
                recorded = await self._record_batch(batch)
            except DatabaseUnavailable:
                # kept, and written when the database is back (the runs stay leased to us
                # meanwhile); at shutdown they are left to recovery instead
                self._finished = batch + self._finished
                if self.stopping:
                    break
                await asyncio.sleep(OUTAGE_RETRY_SECONDS)
                continue
            for result in batch:
                self.settled.pop(result.run.id, None)
                self.began.pop(result.run.id, None)
            self.recorded_total += len(recorded.plans)
            self.on_recorded(recorded)
            if self._finished:
                await asyncio.sleep(0)  # let runs that are waiting go between batches
        self.wake_event.set()

    async def _record_batch(self, batch: list[Attempt]) -> Recorded:
        """Write a batch; if the database keeps refusing it, write the runs one by one, and
        give up on a run that cannot be written: it stays ``running`` until its lease expires
        and recovery records it as interrupted (and retries it per policy) — never lost, and
        a bad row cannot wedge the worker or its shutdown."""
        for attempt in range(3):
            try:
                recorded = await self.rt.runs.finish_runs(
                    batch, instance=self.rt.instance_id, now=await self.now()
                )
                self.record_failures.succeeded()
                return recorded
            except DatabaseUnavailable as exc:
                self.record_failures.failed(exc)
                raise
            except Exception:
                log.exception("recording %d finished runs failed (try %d)", len(batch), attempt + 1)
                await asyncio.sleep(0.2 * (attempt + 1))
        recorded = Recorded()
        for result in batch:
            try:
                one = await self.rt.runs.finish_runs(
                    [result], instance=self.rt.instance_id, now=await self.now()
                )
            except Exception:
                log.exception("giving up recording %s; recovery will take it", result.run.id)
                continue
            recorded.plans += one.plans
            recorded.runs_queued += one.runs_queued
            recorded.outbox_rows += one.outbox_rows
        return recorded

    async def drain(self, grace: float) -> list[str]:
        """Stop claiming, give running runs ``grace`` seconds, cancel the rest; returns the ids
        of the runs that did not finish (to be released back to the queue)."""
        self.stopping = True
        self.wake_event.set()
        # taken ahead and not started: back to the queue now, not started during shutdown
        not_started = [rid for rid in self._not_started if rid in self.active]
        for rid in not_started:
            self.active[rid].cancel()
        pending = list(self.active.values())
        if pending:
            await asyncio.wait(pending, timeout=grace)
        unfinished = [rid for rid, task in self.active.items() if not task.done()]
        for rid in unfinished:
            self.active[rid].cancel()
        if unfinished:
            await asyncio.wait([self.active[r] for r in unfinished if r in self.active], timeout=5)
        await self.flush()
        return not_started + unfinished


async def _evaluate_condition(
    expression: str, data: Mapping[str, Any], previous: Mapping[str, Any] | None
) -> bool:
    """A run's condition: inline when it is cheap (nearly always), in a thread when it needs
    more than a few milliseconds of work, so a condition over a large answer never holds up
    the event loop (its work is bounded either way: see app/domain/conditions.py)."""
    condition = compile_condition(expression)
    try:
        return evaluate(condition, data, previous=previous, max_steps=INLINE_STEPS)
    except OutOfBudget:
        return await asyncio.to_thread(evaluate, condition, data, previous=previous)
