"""Wake-ups: one broker that every role of every instance publishes to and hears from.

A wake-up is a hint, never the record — the loops it wakes read the database, and each
also looks on its own at least every ``max_sleep_seconds`` — so a lost one costs latency,
never a run. Messages:

- ``jobs``: a job changed (schedulers look again);
- ``runs``: runs were queued (workers claim);
- ``cancel:<run id>``: the worker holding the run stops it (its outcome is ``cancelled``);
- ``revoke:<run id>``: the run was ended before its slot (its job was paused or deleted):
  the worker holding it drops it without recording anything.

Implementations, one per way instances can share a database:

- ``LocalBroker``: this process only (tests, and the base of the others);
- ``SQLiteBroker``: this process, plus other processes on the same file (a CLI, an ``--role
  api`` instance): their commits change ``PRAGMA data_version`` on our connection, which a
  poll reads every ``poll_seconds`` for a few microseconds, and a change wakes everything;
- ``PostgresBroker``: every instance, through ``LISTEN/NOTIFY``. Publishing goes through the
  database's connection pool (never a shared connection: concurrent publishes would collide
  with "another operation is in progress"); listening holds one connection of its own, and
  when it drops (PostgreSQL restarted, a network cut) it reconnects with backoff and
  re-subscribes, and wakes everything once, since messages sent meanwhile were lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from agentcron.app.storage.database import Database

log = logging.getLogger("agentcron.notify")

CHANNEL = "agentcron"
JOBS = "jobs"
RUNS = "runs"
#: after a reconnect: what may have been missed while the listener was away
EVERYTHING = (JOBS, RUNS)

Listener = Callable[[str], None]


def cancel(run_id: str) -> str:
    return f"cancel:{run_id}"


def revoke(run_id: str) -> str:
    return f"revoke:{run_id}"


class WakeUps(Protocol):
    """What every role publishes to and the engine subscribes to."""

    def publish(self, message: str) -> None:
        """Tell every instance (this one at once, the others as soon as the transport
        carries it). Never raises and never blocks: a wake-up that cannot be sent is
        covered by the loops' own looking."""
        ...

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(message)`` for each wake-up, on the event loop."""
        ...

    def unsubscribe(self, listener: Listener) -> None: ...

    async def start(self) -> None:
        """Begin hearing other instances (idempotent)."""
        ...

    async def close(self) -> None: ...

    def problem(self) -> str | None:
        """None while wake-ups from other instances arrive; otherwise what is wrong."""
        ...


class LocalBroker:
    """Wake-ups within this process."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, message: str) -> None:
        self._deliver(message)

    def _deliver(self, message: str) -> None:
        for listener in list(self._listeners):
            try:
                listener(message)
            except Exception:  # one listener's bug must not silence the others
                log.exception("a wake-up listener failed on %r", message)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    def problem(self) -> str | None:
        return None


class SQLiteBroker(LocalBroker):
    """This process, and other processes on the same SQLite file (see the module docstring)."""

    def __init__(self, db: Database, *, poll_seconds: float = 0.25) -> None:
        super().__init__()
        self.db = db
        self.poll_seconds = poll_seconds
        self._version: int | None = None
        self._task: asyncio.Task[None] | None = None
        #: how many times it has looked
        self.looks = 0

    async def start(self) -> None:
        if self._task is None:
            self._version = self.db.data_version()
            self._task = asyncio.create_task(self._poll(), name="agentcron wake-up poll")

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.poll_seconds)
            try:
                version = self.db.data_version()
            except Exception:  # the file is busy or gone for a moment: look again later
                continue
            finally:
                self.looks += 1
            if version != self._version:
                self._version = version
                for message in EVERYTHING:
                    self._deliver(message)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


class PostgresBroker(LocalBroker):
    """Every instance on one PostgreSQL database (see the module docstring)."""

    #: reconnect backoff: from the first to the last, doubling
    FIRST_RETRY_SECONDS = 0.5
    LAST_RETRY_SECONDS = 30.0
    #: a listening connection is checked this often (a half-open TCP connection is only
    #: found out when used)
    CHECK_SECONDS = 15.0

    def __init__(self, db: Database, *, instance: str) -> None:
        super().__init__()
        self.db = db
        self.instance = instance
        self.dsn = (
            make_url(db.url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        self._listening = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._sending: set[str] = set()
        self._sends: set[asyncio.Task[None]] = set()
        self._down_since: float | None = None
        self._down_reason = ""
        self._publish_failing = False

    # -- listening --------------------------------------------------------------------------

    async def start(self, *, wait: float = 5.0) -> None:
        """Start listening; waits up to ``wait`` seconds for the first connection (a service
        started while its database is down keeps trying in the background)."""
        if self._task is None:
            self._task = asyncio.create_task(self._listen(), name="agentcron wake-up listener")
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(wait):
                await self._listening.wait()

    async def _listen(self) -> None:
        import asyncpg

        delay = self.FIRST_RETRY_SECONDS
        while True:
            try:
                conn = await asyncpg.connect(self.dsn, timeout=10)
            except Exception as exc:
                self._down(exc)
                await asyncio.sleep(delay)
                delay = min(self.LAST_RETRY_SECONDS, delay * 2)
                continue
            try:
                lost = asyncio.Event()
                conn.add_termination_listener(lambda _conn, lost=lost: lost.set())
                await conn.add_listener(CHANNEL, self._received)
                delay = self.FIRST_RETRY_SECONDS
                self._up()
                await self._watch(conn, lost)
            except Exception as exc:
                self._down(exc)
            finally:
                self._listening.clear()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(conn.close(), timeout=2)
                if not conn.is_closed():
                    conn.terminate()

    async def _watch(self, conn: Any, lost: asyncio.Event) -> None:
        """Return when the connection is gone (closed, or no longer answering)."""
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.CHECK_SECONDS):
                    await lost.wait()
            if lost.is_set():
                break
            async with asyncio.timeout(5):
                await conn.fetchval("SELECT 1")
        raise ConnectionError("the listening connection was closed")

    def _down(self, exc: BaseException) -> None:
        if self._down_since is None:
            self._down_since = time.monotonic()
            log.warning("wake-ups: not listening (%s); reconnecting with backoff", _brief(exc))
        self._down_reason = _brief(exc)

    def _up(self) -> None:
        self._listening.set()
        if self._down_since is not None:
            log.warning(
                "wake-ups: listening again after %.1f s", time.monotonic() - self._down_since
            )
            self._down_since = None
            # what was published while nobody listened is lost: look at everything once
            for message in EVERYTHING:
                self._deliver(message)

    def _received(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        sender, _, message = payload.partition(" ")
        if sender != self.instance:  # our own were delivered here when published
            self._deliver(message)

    def problem(self) -> str | None:
        if self._task is None or self._listening.is_set():
            return None  # not asked to listen (publishing needs no listener), or listening
        if self._down_since is None:
            return "not listening yet"
        return (
            f"not listening for {time.monotonic() - self._down_since:.0f} s "
            f"({self._down_reason}); reconnecting"
        )

    # -- publishing -------------------------------------------------------------------------

    def publish(self, message: str) -> None:
        self._deliver(message)
        if message in self._sending:
            return  # the same wake-up is on its way already
        self._sending.add(message)
        task = asyncio.get_running_loop().create_task(self._notify(message))
        self._sends.add(task)
        task.add_done_callback(self._sends.discard)

    async def _notify(self, message: str) -> None:
        payload = f"{self.instance} {message}"

        def work(conn: Connection) -> None:
            conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": payload},
            )

        try:
            self._sending.discard(message)
            await self.db.write(work)
        except Exception as exc:  # covered by the loops' own looking
            if not self._publish_failing:
                log.warning(
                    "wake-ups: NOTIFY failed (%s); the others will look on their own", _brief(exc)
                )
            self._publish_failing = True
        else:
            self._publish_failing = False

    async def close(self) -> None:
        if self._sends:
            await asyncio.wait(list(self._sends), timeout=2)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def _brief(exc: BaseException) -> str:
    text_ = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text_}" if text_ else type(exc).__name__


def broker_for(db: Database, *, instance: str) -> WakeUps:
    if db.is_sqlite:
        return SQLiteBroker(db)
    return PostgresBroker(db, instance=instance)
