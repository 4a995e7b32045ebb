"""Runs ``sql`` actions on the connections the operator named (``AGENTCRON_SQL_CONNECTIONS``).

PostgreSQL through asyncpg, a small pool per connection (opened at its first run): the
statement runs in a transaction of its own, ``READ ONLY`` unless the job says it writes,
with ``statement_timeout`` set so the server itself stops a statement that runs too long,
and its rows are read through a cursor, ``max_rows`` + 1 at most, so a ``SELECT`` of a
large table never lands in memory whole.

SQLite through the standard library, on a thread of the executor's own (a slow query never
holds the event loop): opened read-only (``mode=ro``) unless the job writes, and stopped by
a progress handler when its time is up or the attempt is cancelled.

Parameters are bound by the driver: the ``:name`` spelling is turned into the driver's own
(``$1``, ``?``) by SQLAlchemy's compiler, never by formatting values into the text. A failure
is said with the database's own words and the connection's name, never its URL.
"""

from __future__ import annotations

import asyncio
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.engine import make_url

from agentcron.app.domain.hostjobs import SqlConnection
from agentcron.app.domain.http_action import TemplateError, render_value
from agentcron.app.domain.sql_action import (
    MAX_DATA_BYTES,
    Rows,
    procedure_statement,
    rows_data,
    rows_text,
)
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.http import template_scope

#: connections one named database is used through at once (each run holds one)
POOL_SIZE = 4
#: how long after the statement's own timeout the attempt gives up on the server
GRACE_SECONDS = 5.0
_PG = asyncpg_dialect()
_SQLITE = sqlite_dialect()


@dataclass
class _Result:
    columns: list[str] = field(default_factory=list)
    rows: list[Sequence[Any]] = field(default_factory=list)
    affected: int | None = None


class SqlExecutor:
    def __init__(self, connections: Mapping[str, SqlConnection]) -> None:
        self.connections = dict(connections)
        self._pools: dict[str, asyncpg.Pool] = {}
        self._pool_lock = asyncio.Lock()
        #: SQLite statements run here, not on the loop's default executor: a slow one never
        #: takes a thread another part of the service needs
        self._threads = ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix="sql")

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        spec = action.get("sql") or {}
        target = self.connections.get(spec.get("connection", ""))
        if target is None:
            raise ExecutionFailed(
                f"no SQL connection is named {spec.get('connection')!r} on this service (the "
                "operator's AGENTCRON_SQL_CONNECTIONS); the job cannot run here",
                retryable=False,
            )
        if not spec.get("read_only", True) and target.read_only:
            raise ExecutionFailed(
                f"connection {target.name!r} is read-only (the operator's setting)",
                retryable=False,
            )
        if "procedure" in spec:
            statement, parameters = procedure_statement(spec["procedure"], spec["parameters"])
        else:
            statement, parameters = spec["statement"], dict(spec.get("parameters") or {})
        try:
            parameters = render_value(parameters, template_scope(context))
        except TemplateError as error:
            raise ExecutionFailed(f"sql.parameters: {error}", retryable=False) from None
        for name, value in parameters.items():
            if isinstance(value, dict) or (
                isinstance(value, list) and any(isinstance(v, dict | list) for v in value)
            ):
                raise ExecutionFailed(
                    f"sql.parameters.{name}: its template gave an object; a parameter is a "
                    "string, number, boolean, null or a list of them",
                    retryable=False,
                )
        read_only = bool(spec.get("read_only", True))
        max_rows = int(spec.get("max_rows") or 100)
        timeout = float(spec.get("timeout_seconds") or 30)
        if target.dialect == "postgresql":
            result = await self._postgres(
                target,
                statement,
                parameters,
                read_only=read_only,
                limit=max_rows + 1,
                timeout=timeout,
            )
        else:
            result = await self._sqlite(
                target,
                statement,
                parameters,
                read_only=read_only,
                limit=max_rows + 1,
                timeout=timeout,
            )
        rows = Rows.of(result.columns, result.rows, max_rows=max_rows, max_bytes=MAX_DATA_BYTES)
        data = rows_data(target.name, rows, affected=result.affected)
        return Outcome(output=rows_text(target.name, rows, affected=result.affected), data=data)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            try:
                await asyncio.wait_for(pool.close(), timeout=5)
            except TimeoutError:
                pool.terminate()  # a connection still busy past the engine's grace period
        self._threads.shutdown(wait=False, cancel_futures=True)

    # -- PostgreSQL -------------------------------------------------------------------------

    async def _pool(self, target: SqlConnection) -> asyncpg.Pool:
        async with self._pool_lock:
            pool = self._pools.get(target.name)
            if pool is None:
                dsn = make_url(target.url).set(drivername="postgresql")
                pool = asyncpg.create_pool(
                    dsn.render_as_string(hide_password=False),
                    min_size=0,
                    max_size=POOL_SIZE,
                    # statements are prepared once per run: no cache to go stale when the
                    # operator's schema changes under a long-lived pool
                    statement_cache_size=0,
                )
                await pool
                self._pools[target.name] = pool
            return pool

    async def _postgres(
        self,
        target: SqlConnection,
        statement: str,
        parameters: dict[str, Any],
        *,
        read_only: bool,
        limit: int,
        timeout: float,
    ) -> _Result:
        compiled = text(statement).compile(dialect=_PG)
        args = [parameters[name] for name in compiled.positiontup or ()]
        try:
            async with asyncio.timeout(timeout + GRACE_SECONDS):
                pool = await self._pool(target)
                async with pool.acquire() as conn, conn.transaction(readonly=read_only):
                    # the server stops the statement itself: the connection stays usable
                    await conn.execute(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
                    prepared = await conn.prepare(compiled.string)
                    columns = [attribute.name for attribute in prepared.get_attributes()]
                    if not columns:
                        await prepared.fetch(*args)
                        return _Result(affected=_affected(prepared.get_statusmsg()))
                    cursor = await prepared.cursor(*args)
                    return _Result(columns=columns, rows=list(await cursor.fetch(limit)))
        except TimeoutError:
            raise ExecutionFailed(_timed_out(target, timeout)) from None
        except asyncpg.DataError as error:
            raise _argument_failure(target, error, list(compiled.positiontup or ())) from None
        except asyncpg.PostgresError as error:
            raise _postgres_failure(target, error, timeout=timeout, read_only=read_only) from None
        except (OSError, asyncpg.InterfaceError) as error:
            raise ExecutionFailed(
                f"could not reach the database {target.name!r}: {_scrub(_reason(error), target)}"
            ) from None

    # -- SQLite -----------------------------------------------------------------------------

    async def _sqlite(
        self,
        target: SqlConnection,
        statement: str,
        parameters: dict[str, Any],
        *,
        read_only: bool,
        limit: int,
        timeout: float,
    ) -> _Result:
        compiled = text(statement).compile(dialect=_SQLITE)
        args = [parameters[name] for name in compiled.positiontup or ()]
        stop = threading.Event()
        path = make_url(target.url).database or ""
        work = asyncio.get_running_loop().run_in_executor(
            self._threads,
            _sqlite_run,
            path,
            compiled.string,
            args,
            read_only,
            limit,
            time.monotonic() + timeout,
            stop,
        )
        try:
            return await asyncio.shield(work)
        except asyncio.CancelledError:
            stop.set()  # the statement stops at its next step; the attempt ends now
            raise
        except sqlite3.Error as error:
            raise _sqlite_failure(target, error, timeout=timeout, read_only=read_only) from None


def _sqlite_run(
    path: str,
    statement: str,
    args: list[Any],
    read_only: bool,
    limit: int,
    deadline: float,
    stop: threading.Event,
) -> _Result:
    mode = "ro" if read_only else "rw"
    conn = sqlite3.connect(f"file:{_uri_path(path)}?mode={mode}", uri=True, timeout=5.0)
    try:
        # looked at every 1,000 virtual-machine steps: a statement past its time, or whose
        # attempt was cancelled, ends with "interrupted"
        conn.set_progress_handler(lambda: stop.is_set() or time.monotonic() > deadline, 1_000)
        cursor = conn.execute(statement, args)
        if cursor.description is None:
            conn.commit()
            return _Result(affected=cursor.rowcount if cursor.rowcount >= 0 else None)
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchmany(limit)
        if not read_only:
            conn.commit()
        return _Result(columns=columns, rows=rows)
    finally:
        conn.close()


def _uri_path(path: str) -> str:
    """A file path as the path of a ``file:`` URI (``?`` and ``#`` would end it)."""
    return path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")


# -- failures ------------------------------------------------------------------------------

#: PostgreSQL error classes that trying again cannot fix: syntax or access rule violations,
#: undefined objects, bad data, a write in a read-only transaction, wrong credentials
_PERMANENT_CLASSES = ("42", "22", "25", "28", "3D", "3F", "0A")


def _postgres_failure(
    target: SqlConnection, error: asyncpg.PostgresError, *, timeout: float, read_only: bool
) -> ExecutionFailed:
    state = getattr(error, "sqlstate", "") or ""
    if state == "57014":  # query_canceled: our statement_timeout
        return ExecutionFailed(_timed_out(target, timeout))
    message = f"{target.name}: {_scrub(error.args[0] if error.args else str(error), target)}"
    hint = getattr(error, "hint", None)
    if hint:
        message += f" (hint: {_scrub(hint, target)})"
    if state == "25006" and read_only:
        message += " — the job's sql.read_only is true; set it to false for a job that writes"
    return ExecutionFailed(message, retryable=not state.startswith(_PERMANENT_CLASSES))


_ARGUMENT = re.compile(r"^invalid input for query argument \$(\d+): (.*?)(?: \((.*)\))?$", re.S)


def _argument_failure(
    target: SqlConnection, error: asyncpg.DataError, names: list[str]
) -> ExecutionFailed:
    """asyncpg refused a value for a parameter's type, before sending it: say which
    parameter (by its ``:name``), and how a JSON value reaches a type JSON has not."""
    text_ = str(error)
    match = _ARGUMENT.match(text_)
    if match is None or not 0 < int(match.group(1)) <= len(names):
        return ExecutionFailed(f"{target.name}: {_scrub(text_, target)}", retryable=False)
    name = names[int(match.group(1)) - 1]
    value, why = match.group(2), match.group(3) or "not of the column's type"
    message = (
        f"{target.name}: sql.parameters.{name}: PostgreSQL expects another type than the "
        f"value {_scrub(value, target)} ({why})"
    )
    if value.startswith("'"):
        message += (
            f"; a parameter from JSON is text, so cast it in the statement, e.g. "
            f"CAST(:{name} AS text)::date"
        )
    return ExecutionFailed(message, retryable=False)


def _sqlite_failure(
    target: SqlConnection, error: sqlite3.Error, *, timeout: float, read_only: bool
) -> ExecutionFailed:
    text_ = str(error)
    if text_ == "interrupted":
        return ExecutionFailed(_timed_out(target, timeout))
    message = f"{target.name}: {_scrub(text_, target)}"
    if "readonly database" in text_ and read_only:
        message += " — the job's sql.read_only is true; set it to false for a job that writes"
    busy = isinstance(error, sqlite3.OperationalError) and "locked" in text_
    return ExecutionFailed(message, retryable=busy or "unable to open" in text_)


def _timed_out(target: SqlConnection, timeout: float) -> str:
    return (
        f"{target.name}: the statement ran longer than its timeout ({timeout:g} s) and was "
        "stopped (sql.timeout_seconds)"
    )


def _affected(status: str | None) -> int | None:
    """Rows a statement changed, from PostgreSQL's command tag (``UPDATE 3``, ``INSERT 0 1``)."""
    last = (status or "").rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else None


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "the host name does not resolve"
    return str(error) or type(error).__name__


def _scrub(message: str, target: SqlConnection) -> str:
    """``message`` without the connection's URL or password, should a driver quote them."""
    url = make_url(target.url)
    for secret in (target.url, url.render_as_string(hide_password=True), url.password):
        if secret:
            message = message.replace(str(secret), "***")
    return re.sub(r"\b[a-z+]+://\S+", "***", message)
