"""The engine of one instance: scheduler, workers, recovery, outbox, heartbeat, wake-ups.

Its loops keep going through failures of what they call (the database down, a bad row):
each logs the first failure of a spell and tries again. A loop that itself ends — a bug
that escaped it — stops the engine: the scheduler stops firing, the workers finish or
release their runs, and ``health()`` (hence ``/readyz``) says which loop stopped and why,
so an orchestrator replaces the instance instead of keeping one that looks alive.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from agentcron.app.clock import SystemClock
from agentcron.app.domain.hostjobs import ENABLING_SETTING
from agentcron.app.engine.collector import tune_collector
from agentcron.app.engine.console import RunTally, failure_line
from agentcron.app.engine.failures import FailureSpell
from agentcron.app.engine.metrics import EngineMetrics
from agentcron.app.engine.outbox import OutboxSender
from agentcron.app.engine.scheduler import Scheduler
from agentcron.app.engine.worker import REVOKED, Worker
from agentcron.app.executors.registry import (
    Bounded,
    DisabledExecutor,
    Executors,
    NoopExecutor,
    UnconfiguredAgentExecutor,
)
from agentcron.app.runtime import Runtime
from agentcron.app.storage.database import Database
from agentcron.app.storage.notify import JOBS, RUNS
from agentcron.app.storage.runs import Recorded
from agentcron.app.storage.tables import instances, locks

log = logging.getLogger("agentcron.engine")
#: the console's account of runs: a line per failure, a summary now and then
runs_log = logging.getLogger("agentcron.runs")

HEARTBEAT_SECONDS = 5.0
LIVE_SECONDS = 30.0
SCHEDULER_LOCK_SECONDS = 20.0


class SchedulerAlreadyRunning(RuntimeError):
    """Another scheduler already uses this SQLite file."""


class EngineService:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.roles = rt.roles or {"scheduler", "worker"}
        self.use_db_clock = not rt.db.is_sqlite and isinstance(rt.clock, SystemClock)
        self.tasks: list[asyncio.Task[Any]] = []
        self.session: Any = None
        self.scheduler: Scheduler | None = None
        self.worker: Worker | None = None
        self.outbox: OutboxSender | None = None
        self.executors: Executors | None = None
        self.metrics = EngineMetrics()
        self.started_at: datetime | None = None
        self.stopping = False
        #: set once ``stop`` has finished: every loop has ended
        self.stopped = asyncio.Event()
        #: why the engine stopped on its own (a loop ended); None while it runs
        self.failure: str | None = None
        self.tally = RunTally()
        self.heartbeat_spell = FailureSpell(log, "heartbeat")
        self.recovery_spell = FailureSpell(log, "recovering abandoned runs")
        rt.engine = self
        rt.metrics = self.metrics  # type: ignore[attr-defined]

    async def now(self) -> datetime:
        if self.use_db_clock:
            return await self.rt.runs.database_now()
        return self.rt.clock.now()

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        self.started_at = await self.now()
        if "scheduler" in self.roles and self.rt.db.is_sqlite:
            await self._take_sqlite_scheduler_lock()
        await self._heartbeat()
        from agentcron.delivery.netguard import guarded_session

        self.session = guarded_session(
            allow_private=self.rt.settings.allow_private_networks,
            limit=self.rt.settings.http_connections,
        )
        executors = self.executors = Executors(
            {
                "noop": NoopExecutor(),
                "http": self._http_executor(),
                # an attempt each per outbound connection, like the http action's
                "agent": Bounded(self._agent_executor(), limit=self.rt.settings.http_connections),
                **self._host_executors(),
            }
        )
        if "worker" in self.roles:
            self.worker = Worker(
                self.rt, executors=executors, now=self.now, on_recorded=self._on_recorded
            )
            self.outbox = OutboxSender(self.rt, session=self.session, now=self.now)
            self._spawn(self.worker.run(), "worker")
            self._spawn(self.worker.watch(), "leases")
            self._spawn(self.worker.flush_loop(), "recorder")
            self._spawn(self.outbox.run(), "outbox")
            if self.rt.settings.log_summary_seconds > 0:
                self._spawn(self._summary_loop(), "summary")
        if "scheduler" in self.roles:
            self.scheduler = Scheduler(self.rt, now=self.now, on_fired=self._on_fired)
            self.scheduler.lateness_observer = self.metrics.lateness.observe
            self.scheduler.worker = self.worker
            self._spawn(self.scheduler.run(), "scheduler")
            self._spawn(self._recovery_loop(), "recovery")
        self._spawn(self._heartbeat_loop(), "heartbeat")
        if self.rt.settings.tune_gc:
            tune_collector()
        self.rt.wakeups.subscribe(self._on_wakeup)
        await self.rt.wakeups.start()

    async def stop(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        self.rt.wakeups.unsubscribe(self._on_wakeup)
        if self.scheduler is not None:
            self.scheduler.stopping = True
        try:
            await self._let_work_finish()
        except Exception:
            # stopping after a loop died for a bug may meet the same bug: the loops still end
            log.exception("finishing the work under way failed; stopping anyway")
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        with contextlib.suppress(Exception):
            await self._leave()
        if self.session is not None:
            await self.session.close()
        if self.executors is not None:
            with contextlib.suppress(Exception):
                await self.executors.aclose()
        self.stopped.set()

    async def _let_work_finish(self) -> None:
        """Give running runs the grace period, put the rest back in the queue, and let the
        deliveries in flight end."""
        if self.worker is not None:
            unfinished = await self.worker.drain(self.rt.settings.shutdown_grace_seconds)
            if unfinished:
                released = await self.rt.runs.release_runs(
                    unfinished, instance=self.rt.instance_id, now=await self.now()
                )
                log.info("released %d unfinished runs back to the queue", released)
        if self.outbox is not None:
            self.outbox.stopping = True
            self.outbox.wake()
            if self.outbox.in_flight:
                await asyncio.wait(list(self.outbox.in_flight), timeout=5)

    def _spawn(self, coro: Any, name: str) -> None:
        task = asyncio.create_task(coro, name=f"agentcron {name}")
        task.add_done_callback(self._task_died)
        self.tasks.append(task)

    def _task_died(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or self.stopping:
            return
        error = task.exception()
        name = task.get_name().removeprefix("agentcron ")
        self.failure = f"the {name} loop stopped" + (f": {error!r}" if error else "")
        log.error("%s; stopping the engine", self.failure, exc_info=error)
        self._stopping_task = asyncio.get_running_loop().create_task(self.stop())

    @property
    def alive(self) -> bool:
        """False once a loop has ended on its own (``/healthz``): the instance should be
        replaced, not kept. A shutdown asked for is not a failure."""
        return self.failure is None

    def health(self) -> dict[str, Any]:
        """For ``/readyz``: ``ok`` while every loop runs; what stopped, and the wake-ups."""
        report: dict[str, Any] = {"ok": self.failure is None and not self.stopping}
        report["loops"] = self.failure or ("stopped" if self.stopping else "running")
        report["wakeups"] = self.rt.wakeups.problem() or "ok"
        return report

    # -- executors --------------------------------------------------------------------------

    def _http_executor(self) -> Any:
        from agentcron.app.executors.http import HttpExecutor

        return HttpExecutor(self.session)

    def _host_executors(self) -> dict[str, Any]:
        """The job types that touch the host, each only where the operator enabled it."""
        host = self.rt.host_jobs
        out: dict[str, Any] = {
            kind: DisabledExecutor(kind, setting) for kind, setting in ENABLING_SETTING.items()
        }
        if host.sql_connections:
            from agentcron.app.executors.sql import SqlExecutor

            out["sql"] = SqlExecutor(host.sql_connections)
        if host.python_functions:
            from agentcron.app.executors.python_call import PythonExecutor

            out["python"] = PythonExecutor(host.python_functions)
        if host.commands:
            from agentcron.app.executors.command import COMMAND_CONCURRENCY, CommandExecutor

            out["command"] = Bounded(CommandExecutor(host.commands), limit=COMMAND_CONCURRENCY)
        if host.file_roots:
            from agentcron.app.executors.files import FILE_CONCURRENCY, FileExecutor

            out["file"] = Bounded(FileExecutor(host.file_roots), limit=FILE_CONCURRENCY)
        return out

    def _agent_executor(self) -> Any:
        try:
            from agentcron.app.executors.agent import build_agent_executor
        except ModuleNotFoundError:
            return UnconfiguredAgentExecutor()
        return build_agent_executor(self.rt, session=self.session) or UnconfiguredAgentExecutor()

    # -- wake-ups ---------------------------------------------------------------------------

    def _on_wakeup(self, message: str) -> None:
        kind, _, run_id = message.partition(":")
        if kind == JOBS and self.scheduler is not None:
            self.scheduler.wake()
        elif kind == RUNS and self.worker is not None:
            self.worker.wake()
        elif kind == "cancel" and self.worker is not None:
            self.worker.cancel(run_id, "cancelled on request")
        elif kind == "revoke" and self.worker is not None:
            # ended in the database already: the worker drops it without recording
            self.worker.cancel(run_id, REVOKED)

    def _on_fired(self, queued: int) -> None:
        if queued:
            self.rt.runs_queued()

    def _on_recorded(self, recorded: Recorded) -> None:
        for plan in recorded.plans:
            self.metrics.runs.labels(status=plan.run.status).inc()
            line = failure_line(plan)
            if line is not None:
                runs_log.warning(line)
        self.tally.add(recorded.plans)
        if recorded.runs_queued:
            self.rt.runs_queued()
        if self.outbox is not None and recorded.outbox_rows:
            self.outbox.wake()

    async def _summary_loop(self) -> None:
        """Every ``log_summary_seconds``: how many runs ended how (nothing when none did)."""
        seconds = self.rt.settings.log_summary_seconds
        while True:
            await asyncio.sleep(seconds)
            line = self.tally.summary(seconds)
            if line is not None:
                runs_log.info(line)

    # -- recovery ---------------------------------------------------------------------------

    async def _recovery_loop(self) -> None:
        interval = max(1.0, min(10.0, self.rt.settings.lease_seconds / 2))
        while True:
            try:
                worker = self.worker
                recorded = await self.rt.runs.reap_abandoned_runs(
                    now=await self.now(),
                    instance=self.rt.instance_id,
                    # the runs this instance still holds are not abandoned, however late
                    # their renewal (a frozen process, an event loop held up)
                    keep=(set(worker.active) | set(worker.settled)) if worker else (),
                )
                self.recovery_spell.succeeded()
                if recorded.plans:
                    log.warning("recovered %d runs whose instance stopped", len(recorded.plans))
                    self._on_recorded(recorded)
            except Exception as exc:
                self.recovery_spell.failed(exc)
            await asyncio.sleep(interval)

    # -- instances and the SQLite scheduler lock --------------------------------------------

    async def _take_sqlite_scheduler_lock(self) -> None:
        me = f"{socket.gethostname()}:{os.getpid()}:{self.rt.instance_id}"
        now = await self.now()

        def work(conn: Connection) -> str | None:
            holder = _other_scheduler(conn, me=me, now=now)
            if holder is not None:
                return holder
            conn.execute(delete(locks).where(locks.c.name == "scheduler"))
            conn.execute(
                insert(locks).values(
                    name="scheduler",
                    holder=me,
                    expires_at=now + timedelta(seconds=SCHEDULER_LOCK_SECONDS),
                )
            )
            return None

        holder = await self.rt.db.write(work)
        if holder is not None:
            raise SchedulerAlreadyRunning(scheduler_in_use(holder))
        self._lock_holder = me

    async def _heartbeat(self) -> None:
        now = await self.now()
        values = {
            "roles": ",".join(sorted(self.roles)),
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
            "heartbeat_at": now,
            "stats": self.summary(),
        }
        holder = getattr(self, "_lock_holder", None)

        def work(conn: Connection) -> None:
            done = conn.execute(
                update(instances).where(instances.c.id == self.rt.instance_id).values(**values)
            ).rowcount
            if not done:
                conn.execute(
                    insert(instances).values(
                        id=self.rt.instance_id, started_at=self.started_at or now, **values
                    )
                )
            conn.execute(
                delete(instances).where(
                    instances.c.heartbeat_at < now - timedelta(seconds=LIVE_SECONDS * 20)
                )
            )
            if holder:
                conn.execute(
                    update(locks)
                    .where(locks.c.name == "scheduler", locks.c.holder == holder)
                    .values(expires_at=now + timedelta(seconds=SCHEDULER_LOCK_SECONDS))
                )

        await self.rt.db.write(work)

    async def _heartbeat_loop(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            try:
                await self._heartbeat()
                self.heartbeat_spell.succeeded()
            except Exception as exc:
                self.heartbeat_spell.failed(exc)

    async def _leave(self) -> None:
        holder = getattr(self, "_lock_holder", None)

        def work(conn: Connection) -> None:
            conn.execute(delete(instances).where(instances.c.id == self.rt.instance_id))
            if holder:
                conn.execute(
                    delete(locks).where(locks.c.name == "scheduler", locks.c.holder == holder)
                )

        await self.rt.db.write(work)

    def summary(self) -> dict[str, Any]:
        s, w = self.scheduler, self.worker
        return {
            "fired": s.fired_total if s else 0,
            "started": w.started_total if w else 0,
            "running_here": len(w.active) if w else 0,
            "last_lateness_seconds": s.last_lateness if s else None,
        }


def scheduler_in_use(holder: str) -> str:
    """What a second scheduler on one SQLite file is told."""
    return (
        f"another agentcron scheduler ({holder}) is already using this SQLite database; "
        "SQLite supports one scheduler per file. Stop it, run this instance with "
        "--role api, or use PostgreSQL to run several schedulers."
    )


def _other_scheduler(conn: Connection, *, me: str, now: datetime) -> str | None:
    """The holder of the SQLite scheduler lock when it is another live process (a lock left
    by a process of this host that is gone does not count), else None."""
    row = conn.execute(select(locks).where(locks.c.name == "scheduler")).first()
    if row is None or row.holder == me or row.expires_at <= now:
        return None
    host, _, rest = row.holder.partition(":")
    pid = rest.partition(":")[0]
    if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
        return None
    return str(row.holder)


async def sqlite_scheduler_holder(db: Database, *, now: datetime) -> str | None:
    """Before serving: another live scheduler on this SQLite file, if any (the engine takes
    the lock itself when it starts; this only lets ``serve`` say so and stop cleanly)."""
    if not db.is_sqlite:
        return None
    return await db.read(lambda conn: _other_scheduler(conn, me="", now=now))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
