"""The ``sql`` executor on real databases: a SQLite file and a scratch schema on the test
PostgreSQL server, each made for the test and removed after it."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from agentcron.app.config import parse_sql_connections
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.jobtypes import validate_host_action
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.sql import POOL_SIZE, SqlExecutor
from tests.conftest import PG_URL
from tests.support.waiting import until


def context(**changes: Any) -> RunContext:
    values: dict[str, Any] = {
        "run_id": "run_1",
        "job_id": "job_1",
        "job_name": "report",
        "owner": "alice",
        "attempt": 1,
        "scheduled_for": None,
        "trigger": "manual",
        "goal": None,
        "metadata": {},
        "payload": None,
    }
    return RunContext(**{**values, **changes})


@dataclass
class Database:
    """A scratch database reached as the connection ``db``; ``table`` is its table's name
    as a statement spells it (schema-qualified on PostgreSQL)."""

    dialect: str
    executor: SqlExecutor
    table: str
    url: str

    async def run(self, payload: Any = None, **sql: Any) -> Outcome:
        host = HostJobs(sql_connections=self.executor.connections)
        spec = validate_host_action("sql", {"connection": "db", **sql}, host)
        return await self.executor.execute({"type": "sql", "sql": spec}, context(payload=payload))

    async def fails(self, **sql: Any) -> ExecutionFailed:
        with pytest.raises(ExecutionFailed) as caught:
            await self.run(**sql)
        return caught.value


ROWS = [
    (1, "apple", "1.10", "2026-03-02 09:00:00+00", b"\x00\x01"),
    (2, "pear", "20.5", "2026-03-03 10:30:00+00", None),
    (3, "fig", None, None, b""),
]


def _sqlite(tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE items (id INTEGER, name TEXT, price TEXT, added TEXT, tag BLOB)")
    conn.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?)", ROWS)
    conn.commit()
    conn.close()
    return f"sqlite:///{path}", "items"


def _admin(dsn: str) -> str:
    return make_url(dsn).set(drivername="postgresql").render_as_string(hide_password=False)


async def _postgres(schema: str) -> tuple[str, str]:
    assert PG_URL
    conn = await asyncpg.connect(_admin(PG_URL))
    try:
        await conn.execute(f"CREATE SCHEMA {schema}")
        await conn.execute(
            f"CREATE TABLE {schema}.items (id int, name text, price numeric, "
            "added timestamptz, tag bytea)"
        )
        await conn.executemany(
            f"INSERT INTO {schema}.items VALUES ($1, $2, $3::numeric, $4::timestamptz, $5)",
            [
                (
                    i,
                    n,
                    p,
                    None if a is None else datetime.fromisoformat(a),
                    t,
                )
                for i, n, p, a, t in ROWS
            ],
        )
        await conn.execute(
            f"CREATE PROCEDURE {schema}.double_it(a int, INOUT b int DEFAULT NULL) "
            "LANGUAGE plpgsql AS $$ BEGIN b := a * 2; END $$"
        )
    finally:
        await conn.close()
    return PG_URL, f"{schema}.items"


async def _drop(schema: str) -> None:
    assert PG_URL
    conn = await asyncpg.connect(_admin(PG_URL))
    try:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    schema = f"sqljob_{uuid.uuid4().hex[:10]}"
    if request.param == "sqlite":
        url, table = _sqlite(tmp_path)
    else:
        if not PG_URL:
            pytest.skip("PostgreSQL tests need AGENTCRON_TEST_POSTGRES_URL (set by .ci/run)")
        url, table = await _postgres(schema)
    connections = parse_sql_connections(f'{{"db": "{url}"}}')
    executor = SqlExecutor(connections)
    try:
        yield Database(request.param, executor, table, url)
    finally:
        await executor.aclose()
        if request.param == "postgresql":
            await _drop(schema)


async def test_rows_become_the_runs_data_with_their_values_as_json(db: Database) -> None:
    outcome = await db.run(
        statement=f"SELECT id, name, price, added, tag FROM {db.table} WHERE id <= :n ORDER BY id",
        parameters={"n": 3},
    )
    data = outcome.data
    assert data["columns"] == ["id", "name", "price", "added", "tag"]
    assert data["row_count"] == 3 and data["truncated"] is False
    first, second, third = data["rows"]
    assert first["id"] == 1 and first["name"] == "apple" and first["tag"] == "AAE="
    if db.dialect == "postgresql":  # numeric exact as text, timestamptz in ISO 8601
        assert first["price"] == "1.10" and first["added"] == "2026-03-02T09:00:00+00:00"
    assert second["tag"] is None and third["price"] is None and third["tag"] == ""
    assert outcome.output.splitlines()[0] == "3 rows from db."
    assert "| 1 | apple |" in outcome.output


async def test_a_parameter_is_bound_never_spliced_into_the_text(db: Database) -> None:
    hostile = f"apple' OR '1'='1'; DROP TABLE {db.table}; --"
    outcome = await db.run(
        statement=f"SELECT id FROM {db.table} WHERE name = :name", parameters={"name": hostile}
    )
    assert outcome.data["rows"] == []
    still = await db.run(statement=f"SELECT count(*) AS n FROM {db.table}")
    assert still.data["rows"] == [{"n": 3}]


async def test_parameters_are_filled_from_the_jobs_payload(db: Database) -> None:
    outcome = await db.run(
        payload={"wanted": "pear"},
        statement=f"SELECT id FROM {db.table} WHERE name = :name",
        parameters={"name": "{{ payload.wanted }}"},
    )
    assert outcome.data["rows"] == [{"id": 2}]


async def test_a_missing_payload_value_fails_without_retry(db: Database) -> None:
    failure = await db.fails(
        statement=f"SELECT id FROM {db.table} WHERE name = :name",
        parameters={"name": "{{ payload.wanted }}"},
    )
    assert not failure.retryable and "sql.parameters" in failure.message


async def test_rows_past_max_rows_are_not_read(db: Database) -> None:
    series = (
        "SELECT generate_series(1, 1000000) AS n"
        if db.dialect == "postgresql"
        else "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000) "
        "SELECT n FROM s"
    )
    outcome = await db.run(statement=series, max_rows=5)
    assert outcome.data["rows"] == [{"n": n} for n in range(1, 6)]
    assert outcome.data["truncated"] is True and outcome.data["truncated_by"] == "max_rows"
    assert "stopped at max_rows" in outcome.output


async def test_a_job_reads_only_unless_it_says_it_writes(db: Database) -> None:
    write = f"UPDATE {db.table} SET name = :name WHERE id = 1"
    failure = await db.fails(statement=write, parameters={"name": "plum"})
    assert not failure.retryable
    assert "sql.read_only is true; set it to false" in failure.message
    unchanged = await db.run(statement=f"SELECT name FROM {db.table} WHERE id = 1")
    assert unchanged.data["rows"] == [{"name": "apple"}]

    outcome = await db.run(statement=write, parameters={"name": "plum"}, read_only=False)
    assert outcome.data["rows_affected"] == 1 and outcome.data["rows"] == []
    assert outcome.output == "Ran on db (1 row affected); no rows returned."
    changed = await db.run(statement=f"SELECT name FROM {db.table} WHERE id = 1")
    assert changed.data["rows"] == [{"name": "plum"}]


async def test_a_statement_past_its_timeout_is_stopped_and_may_be_retried(db: Database) -> None:
    endless = (
        "SELECT pg_sleep(30)"
        if db.dialect == "postgresql"
        else "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) "
        "SELECT count(*) FROM s"
    )
    failure = await db.fails(statement=endless, timeout_seconds=1)
    assert failure.retryable
    assert "ran longer than its timeout (1 s)" in failure.message
    # the connection is still good for the next run
    assert (await db.run(statement="SELECT 1 AS one")).data["rows"] == [{"one": 1}]


async def test_an_sql_error_is_the_databases_words_without_retry(db: Database) -> None:
    failure = await db.fails(statement="SELECT * FROM no_such_table")
    assert failure.message.startswith("db: ")
    assert "no_such_table" in failure.message and not failure.retryable


async def test_only_one_statement_runs(db: Database) -> None:
    failure = await db.fails(statement=f"SELECT 1; DELETE FROM {db.table}", read_only=False)
    assert not failure.retryable
    left = await db.run(statement=f"SELECT count(*) AS n FROM {db.table}")
    assert left.data["rows"] == [{"n": 3}]


async def _running_sleeps(marker: str) -> int:
    """Statements carrying ``marker`` the PostgreSQL server is running now."""
    assert PG_URL
    conn = await asyncpg.connect(_admin(PG_URL))
    try:
        query = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1"
        return int(await conn.fetchval(query, f"%{marker}%"))
    finally:
        await conn.close()


async def test_a_cancelled_attempt_stops_its_statement(db: Database) -> None:
    """A run cancelled (or past its job's timeout) mid-statement frees what it held: as
    many endless statements as the executor has connections (or threads), all cancelled,
    and the next run still gets one at once."""
    marker = uuid.uuid4().hex
    endless = (
        f"SELECT pg_sleep(30), '{marker}'"
        if db.dialect == "postgresql"
        else "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) "
        "SELECT count(*) FROM s"
    )
    attempts = [
        asyncio.ensure_future(db.run(statement=endless, timeout_seconds=60))
        for _ in range(POOL_SIZE)
    ]
    if db.dialect == "postgresql":
        await until(lambda: _busy(marker), within=10, what="the statements to start")
    for attempt in attempts:
        attempt.cancel()
    for attempt in attempts:
        with pytest.raises(asyncio.CancelledError):
            await attempt
    outcome = await asyncio.wait_for(db.run(statement="SELECT 2 AS two"), timeout=10)
    assert outcome.data["rows"] == [{"two": 2}]
    if db.dialect == "postgresql":
        await until(lambda: _idle(marker), within=10, what="the server to stop them")


async def _busy(marker: str) -> bool:
    return await _running_sleeps(marker) >= POOL_SIZE


async def _idle(marker: str) -> bool:
    return await _running_sleeps(marker) == 0


@pytest.mark.postgres
async def test_a_text_value_for_a_date_parameter_fails_naming_it_and_the_cast(
    db: Database,
) -> None:
    if db.dialect != "postgresql":
        pytest.skip("SQLite's parameters take any type")
    failure = await db.fails(
        statement="SELECT CAST(:day AS date) AS d", parameters={"day": "2026-03-02"}
    )
    assert not failure.retryable
    assert failure.message.startswith("db: sql.parameters.day: PostgreSQL expects another type")
    assert "CAST(:day AS text)::date" in failure.message
    outcome = await db.run(
        statement="SELECT CAST(:day AS text)::date AS d", parameters={"day": "2026-03-02"}
    )
    assert outcome.data["rows"] == [{"d": "2026-03-02"}]


@pytest.mark.postgres
async def test_a_procedure_is_called_with_positional_or_named_arguments(db: Database) -> None:
    if db.dialect != "postgresql":
        pytest.skip("SQLite has no stored procedures")
    schema = db.table.split(".")[0]
    outcome = await db.run(procedure=f"{schema}.double_it", parameters=[21])
    assert outcome.data["rows"] == [{"b": 42}]
    outcome = await db.run(procedure=f"{schema}.double_it", parameters={"a": 4})
    assert outcome.data["rows"] == [{"b": 8}]


async def test_a_database_that_cannot_be_reached_is_retried_and_its_url_never_shown() -> None:
    connections = parse_sql_connections(
        '{"down": "postgresql://agent:hunter2secret@127.0.0.1:1/reports"}'
    )
    executor = SqlExecutor(connections)
    spec = validate_host_action(
        "sql", {"connection": "down", "statement": "SELECT 1"}, HostJobs(connections)
    )
    try:
        with pytest.raises(ExecutionFailed) as caught:
            await executor.execute({"type": "sql", "sql": spec}, context())
    finally:
        await executor.aclose()
    assert caught.value.retryable
    assert caught.value.message == "could not reach the database 'down': connection refused"


async def test_a_connection_the_service_no_longer_has_fails_without_retry() -> None:
    executor = SqlExecutor({})
    action = {"type": "sql", "sql": {"connection": "gone", "statement": "SELECT 1"}}
    with pytest.raises(ExecutionFailed) as caught:
        await executor.execute(action, context())
    assert not caught.value.retryable and "'gone'" in caught.value.message


@pytest.fixture
def readonly_sqlite(tmp_path: Path) -> Iterator[str]:
    url, _ = _sqlite(tmp_path)
    yield url


async def test_an_operator_read_only_connection_refuses_a_job_that_writes(
    readonly_sqlite: str,
) -> None:
    text = f'{{"db": {{"url": "{readonly_sqlite}", "read_only": true}}}}'
    connections = parse_sql_connections(text)
    executor = SqlExecutor(connections)
    action = {
        "type": "sql",
        "sql": {"connection": "db", "statement": "DELETE FROM items", "read_only": False},
    }
    with pytest.raises(ExecutionFailed) as caught:
        await executor.execute(action, context())
    await executor.aclose()
    assert "read-only (the operator's setting)" in caught.value.message


@pytest.mark.postgres
async def test_an_array_slice_from_the_docs_is_not_a_parameter(db: Database) -> None:
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL arrays")
    outcome = await db.run(statement="SELECT (array[4,5,6,7,8,9])[2:4] AS slice")
    assert outcome.data["rows"] == [{"slice": [5, 6, 7]}]
