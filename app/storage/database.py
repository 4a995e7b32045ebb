"""One way to run a unit of database work on SQLite and on PostgreSQL.

Queries are written once, as plain functions of a synchronous SQLAlchemy ``Connection``.
``Database.read``/``Database.write`` run such a function in one transaction:

- on PostgreSQL through the asyncio engine (asyncpg), with ``AsyncConnection.run_sync``;
- on SQLite inline on the event loop's thread, through the stdlib driver. SQLite is an
  embedded library: a primary-key read takes microseconds, while the thread hop that
  aiosqlite makes per statement costs far more (measured: ~860 req/s through aiosqlite
  against ~7,400 for a bare endpoint). Work functions never await, so a transaction is one
  uninterrupted slice of the loop, and since every statement of this process runs on that one
  thread there is no in-process contention at all. Writes open with ``BEGIN IMMEDIATE``, the
  single-writer lock SQLite needs where PostgreSQL would take row locks (SQLAlchemy silently
  drops ``FOR UPDATE SKIP LOCKED`` on SQLite).

Outages. Only another *process* can hold SQLite's write lock (the CLI, a backup, a second
instance). Waiting for it inside SQLite's busy handler would hold the event loop, and every
request with it, for as long as the lock is held, so the busy timeout is zero and the wait
happens here, asynchronously: a write whose ``BEGIN IMMEDIATE`` finds the lock taken (or a
read that finds the database busy) is tried again with backoff for up to ``BUSY_WAIT``
seconds, then raises ``DatabaseUnavailable``. On PostgreSQL, pooled connections are pinged
before use, so a server restart costs no failed query once it is back. ``outage(exc)`` says
which errors mean the database cannot serve now (unreachable, restarting, busy, read-only,
full) as opposed to a bug: the API answers those with 503 and ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from agentcron.app.storage import jsoncodec

T = TypeVar("T")


def insert_ignoring_conflicts(conn: Connection, table: Table) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` for either backend: a row whose key is taken is
    skipped (a slot already fired, an event id already seen)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def skip_locked(conn: Connection, query: Any, **kwargs: Any) -> Any:
    """``FOR UPDATE SKIP LOCKED`` on PostgreSQL: rows another instance is working on are
    passed over, not waited for. SQLAlchemy drops it on SQLite silently, where ``BEGIN
    IMMEDIATE`` already makes every write transaction the only one."""
    if conn.dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True, **kwargs)
    return query


#: seconds a request waits, asynchronously, for another process's SQLite write lock
BUSY_WAIT = 5.0
#: seconds to wait for a PostgreSQL connection to open
CONNECT_TIMEOUT = 5.0


#: socket errors that mean the server cannot be reached (not a file name too long, say)
_UNREACHABLE = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ETIMEDOUT,
        errno.ECONNABORTED,
        errno.EPIPE,
    }
)


class DatabaseUnavailable(Exception):
    """The database cannot serve this request now; ``reason`` says why in a user's words and
    ``retry_after`` when it is worth trying again (seconds)."""

    def __init__(self, reason: str, *, retry_after: int = 2) -> None:
        self.reason = reason
        self.retry_after = retry_after
        super().__init__(reason)


def outage(exc: BaseException) -> DatabaseUnavailable | None:
    """The outage ``exc`` stands for, or None when it is not one (a bug, bad data)."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    if isinstance(exc, sa_exc.TimeoutError):  # no pooled connection came free in time
        return DatabaseUnavailable("the database is overloaded (no free connection)")
    original: BaseException = exc
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated:
            return DatabaseUnavailable("the connection to the database was lost")
        original = exc.orig or exc
        original = getattr(original, "__cause__", None) or original
    if isinstance(original, sqlite3.OperationalError | sqlite3.DatabaseError):
        name = getattr(original, "sqlite_errorname", "")
        if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
            return DatabaseUnavailable("the database is locked by another process", retry_after=1)
        if name.startswith("SQLITE_READONLY"):
            return DatabaseUnavailable("the database file is read-only", retry_after=30)
        if name.startswith("SQLITE_FULL"):
            return DatabaseUnavailable("the disk holding the database is full", retry_after=30)
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
            return DatabaseUnavailable(
                "the database file cannot be read or written (disk I/O error)", retry_after=30
            )
        return None
    if isinstance(original, ConnectionError | TimeoutError | socket.gaierror) or (
        isinstance(original, OSError) and original.errno in _UNREACHABLE
    ):
        return DatabaseUnavailable("the database cannot be reached")
    if type(original).__module__.startswith("asyncpg"):
        import asyncpg

        if isinstance(
            original,
            asyncpg.PostgresConnectionError
            | asyncpg.OperatorInterventionError  # shutting down, starting up
            | asyncpg.InsufficientResourcesError,  # too many connections, disk full
        ) or (isinstance(original, asyncpg.InterfaceError) and "closed" in str(original)):
            return DatabaseUnavailable("the database is restarting or cannot take connections")
    return None


def normalise_url(url: str) -> str:
    """Map every accepted spelling onto the driver we use: pysqlite or asyncpg."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite").render_as_string(hide_password=False)
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database URL {parsed.drivername!r}: use sqlite or postgresql")


def redact(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def sqlite_engine(url: str, *, busy_timeout_ms: int = 10_000) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        json_serializer=jsoncodec.dumps,
        json_deserializer=jsoncodec.loads,
        poolclass=StaticPool,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # we issue BEGIN ourselves (see below); the driver must not
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        begin_sql = conn.info.pop("begin_sql", "BEGIN")
        if begin_sql:
            conn.exec_driver_sql(begin_sql)

    return engine


class Database:
    """A database the service talks to; see the module docstring."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        self._sync: Engine | None = None
        self._async: AsyncEngine | None = None
        self._conn: Connection | None = None
        #: the last outage met and when (monotonic); cleared by the next write that succeeds
        self.last_outage: tuple[DatabaseUnavailable, float] | None = None
        if self.dialect == "sqlite":
            # the lock is waited for asynchronously (see the module docstring)
            self._sync = sqlite_engine(self.url, busy_timeout_ms=0)
            self._conn = self._sync.connect()
        else:
            self._async = create_async_engine(
                self.url,
                json_serializer=jsoncodec.dumps,
                json_deserializer=jsoncodec.loads,
                # an instance's loops and requests are coroutines sharing a few connections;
                # PostgreSQL's default of 100 connections must serve several instances
                pool_size=10,
                max_overflow=10,
                pool_pre_ping=True,
                connect_args={"timeout": CONNECT_TIMEOUT},
            )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    async def read(self, work: Callable[[Connection], T]) -> T:
        if self._conn is not None:
            # no BEGIN: every statement of this process runs on this thread, so nothing of
            # ours can interleave; a read only skips the two round trips of a transaction
            return await self._sqlite(work, "")
        assert self._async is not None
        try:
            async with self._async.connect() as conn:
                return await conn.run_sync(work)
        except Exception as exc:
            self._raise_outage(exc)
            raise

    async def write(self, work: Callable[[Connection], T]) -> T:
        if self._conn is not None:
            result = await self._sqlite(work, "BEGIN IMMEDIATE")
        else:
            assert self._async is not None
            try:
                async with self._async.begin() as conn:
                    result = await conn.run_sync(work)
            except Exception as exc:
                self._raise_outage(exc)
                raise
        self.last_outage = None
        return result

    def _raise_outage(self, exc: Exception) -> None:
        """Raise ``exc`` as DatabaseUnavailable when it is an outage (remembered for
        /readyz); return when it is not."""
        found = outage(exc)
        if found is None:
            return
        self.last_outage = (found, time.monotonic())
        if found is exc:
            raise found
        raise found from exc

    async def _sqlite(self, work: Callable[[Connection], T], begin_sql: str) -> T:
        """Run ``work`` inline; while another process holds the lock, wait asynchronously."""
        deadline: float | None = None
        delay = 0.002
        while True:
            try:
                return self._run_inline(work, begin_sql)
            except _Busy:
                pass
            except Exception as exc:
                self._raise_outage(exc)
                raise
            now = time.monotonic()
            deadline = deadline or now + BUSY_WAIT
            if now >= deadline:
                self._raise_outage(
                    DatabaseUnavailable(
                        f"the database is locked by another process (waited {BUSY_WAIT:g} s)",
                        retry_after=1,
                    )
                )
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.05)

    def _run_inline(self, work: Callable[[Connection], T], begin_sql: str) -> T:
        conn = self._conn
        assert conn is not None
        conn.info["begin_sql"] = begin_sql
        try:
            transaction = conn.begin()  # issues begin_sql: where another process's lock shows
        except sa_exc.OperationalError as exc:
            if _is_busy(exc):
                raise _Busy from exc
            raise
        with transaction:
            try:
                return work(conn)
            except sa_exc.OperationalError as exc:
                # a read (no BEGIN) may find the database busy too; it is safe to run again
                if not begin_sql and _is_busy(exc):
                    raise _Busy from exc
                raise

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection — another
        process on the same file — commits, never for our own commits. Microseconds, on the
        raw connection, outside any transaction (SQLite only)."""
        assert self._conn is not None
        raw = self._conn.connection.driver_connection
        assert raw is not None
        return int(raw.execute("PRAGMA data_version").fetchone()[0])

    def fast_row(self, table: Table, where: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        """One row by a hand-written WHERE, straight through the sqlite3 cursor (SQLite only).

        For the hottest read (``GET /jobs/{id}``): skips statement compilation and result
        machinery, applying the columns' own result processors (JSON, UTC datetimes), so the
        row is exactly what the SQLAlchemy path returns.
        """
        assert self._conn is not None
        names, processors, select_sql = _fast_plan(table, self._conn.dialect)
        raw = self._conn.connection.driver_connection
        assert raw is not None
        values = raw.execute(f"{select_sql} WHERE {where}", params).fetchone()
        if values is None:
            return None
        return {
            name: (proc(value) if proc is not None and value is not None else value)
            for name, proc, value in zip(names, processors, values, strict=True)
        }

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._sync is not None:
            self._sync.dispose()
        if self._async is not None:
            await self._async.dispose()

    @property
    def async_engine(self) -> AsyncEngine | None:
        return self._async


class _Busy(Exception):
    """SQLite's lock is held by another process: try again later (internal to Database)."""


def _is_busy(exc: sa_exc.OperationalError) -> bool:
    name = getattr(exc.orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


_FAST_PLANS: dict[str, tuple[list[str], list[Any], str]] = {}


def _fast_plan(table: Table, dialect: Any) -> tuple[list[str], list[Any], str]:
    plan = _FAST_PLANS.get(table.name)
    if plan is None:
        names = [c.name for c in table.columns]
        processors = [
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in table.columns
        ]
        columns = ", ".join(f'"{n}"' for n in names)
        plan = _FAST_PLANS[table.name] = (
            names,
            processors,
            f'SELECT {columns} FROM "{table.name}"',
        )
    return plan
