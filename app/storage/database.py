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
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, create_engine, event
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


def sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        json_serializer=jsoncodec.dumps,
        json_deserializer=jsoncodec.loads,
        poolclass=StaticPool,
        connect_args={"check_same_thread": False, "timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # we issue BEGIN ourselves (see below); the driver must not
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
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
        if self.dialect == "sqlite":
            self._sync = sqlite_engine(self.url)
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
                pool_pre_ping=False,
            )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    async def read(self, work: Callable[[Connection], T]) -> T:
        if self._conn is not None:
            # no BEGIN: every statement of this process runs on this thread, so nothing of
            # ours can interleave; a read only skips the two round trips of a transaction
            return self._run_inline(work, "")
        assert self._async is not None
        async with self._async.connect() as conn:
            return await conn.run_sync(work)

    async def write(self, work: Callable[[Connection], T]) -> T:
        if self._conn is not None:
            return self._run_inline(work, "BEGIN IMMEDIATE")
        assert self._async is not None
        async with self._async.begin() as conn:
            return await conn.run_sync(work)

    def _run_inline(self, work: Callable[[Connection], T], begin_sql: str) -> T:
        conn = self._conn
        assert conn is not None
        conn.info["begin_sql"] = begin_sql
        with conn.begin():
            return work(conn)

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
