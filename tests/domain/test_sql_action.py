"""The ``sql`` action's rules: what a job may say (checked against the operator's named
connections), how a procedure call is spelt, and how rows become a run's data and text."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from ipaddress import ip_address
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from agentcron.app.domain.hostjobs import HostJobs, SqlConnection
from agentcron.app.domain.jobtypes import validate_host_action
from agentcron.app.domain.sql_action import (
    Rows,
    column_names,
    json_value,
    procedure_statement,
    rows_data,
    rows_text,
    statement_parameters,
    validate_sql_action,
)
from agentcron.app.errors import InvalidInput

HOST = HostJobs(
    sql_connections={
        "reports": SqlConnection("reports", "postgresql", url="postgresql://u:pw@db/reports"),
        "local": SqlConnection("local", "sqlite", url="sqlite:///x.db"),
        "replica": SqlConnection("replica", "postgresql", read_only=True, url="postgresql://r"),
    }
)


def problems(raw: Any, host: HostJobs = HOST) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInput) as caught:
        validate_host_action("sql", raw, host)
    return [(p.field, p.reason) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {"connection": "reports", "statement": "SELECT 1"},
            {
                "connection": "reports",
                "statement": "SELECT 1",
                "parameters": {},
                "read_only": True,
                "max_rows": 100,
                "timeout_seconds": 30,
            },
        ),
        (
            {
                "connection": "local",
                "statement": "UPDATE t SET seen = :now WHERE id = ANY(:ids)",
                "parameters": {"now": "{{ run.scheduled_for }}", "ids": [1, 2]},
                "read_only": False,
                "max_rows": 5,
                "timeout_seconds": 2,
            },
            {
                "connection": "local",
                "statement": "UPDATE t SET seen = :now WHERE id = ANY(:ids)",
                "parameters": {"now": "{{ run.scheduled_for }}", "ids": [1, 2]},
                "read_only": False,
                "max_rows": 5,
                "timeout_seconds": 2,
            },
        ),
        (
            {"connection": "reports", "procedure": "ops.refresh", "parameters": [1, "x"]},
            {
                "connection": "reports",
                "procedure": "ops.refresh",
                "parameters": [1, "x"],
                "read_only": True,
                "max_rows": 100,
                "timeout_seconds": 30,
            },
        ),
        # a cast written the SQL way, a literal colon escaped, '10:30' in a string
        (
            {
                "connection": "reports",
                "statement": r"SELECT CAST(:d AS date), '10:30', 'a\:b', x::int FROM t",
                "parameters": {"d": "2026-01-01"},
            },
            {
                "connection": "reports",
                "statement": r"SELECT CAST(:d AS date), '10:30', 'a\:b', x::int FROM t",
                "parameters": {"d": "2026-01-01"},
                "read_only": True,
                "max_rows": 100,
                "timeout_seconds": 30,
            },
        ),
    ],
)
def test_a_valid_action_comes_back_normalised(raw: dict[str, Any], expected: Any) -> None:
    assert validate_sql_action(raw, HOST) == expected


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"statement": "SELECT 1"}, "sql.connection", "is required: one of local, replica"),
        ({"connection": "prod", "statement": "SELECT 1"}, "sql.connection", "'prod'"),
        ({"connection": "reports"}, "sql.statement", "exactly one of statement"),
        (
            {"connection": "reports", "statement": "SELECT 1", "procedure": "p"},
            "sql.statement",
            "exactly one of",
        ),
        ({"connection": "reports", "statement": "  "}, "sql.statement", "must be SQL text"),
        ({"connection": "reports", "statement": "SELECT 1\x00"}, "sql.statement", "NUL"),
        (
            {"connection": "reports", "statement": "SELECT :a"},
            "sql.parameters.a",
            "the statement binds :a",
        ),
        (
            {"connection": "reports", "statement": "SELECT 1", "parameters": {"b": 1}},
            "sql.parameters.b",
            "is not used",
        ),
        (
            {"connection": "reports", "statement": "SELECT :a", "parameters": [1]},
            "sql.parameters",
            "must be an object",
        ),
        (
            {"connection": "reports", "statement": "SELECT :a", "parameters": {"a": {"x": 1}}},
            "sql.parameters.a",
            "a list of them",
        ),
        (
            {"connection": "reports", "statement": "SELECT :a", "parameters": {"a": [[1]]}},
            "sql.parameters.a",
            "scalar values only",
        ),
        (
            {"connection": "reports", "statement": "SELECT :a", "parameters": {"a": "{{ x }}"}},
            "sql.parameters.a",
            "unknown name 'x'",
        ),
        (
            {"connection": "reports", "statement": "SELECT :day::date", "parameters": {}},
            "sql.statement",
            "write CAST(:day AS type)",
        ),
        (
            {"connection": "reports", "procedure": "drop table x; --"},
            "sql.procedure",
            "must be a procedure's name",
        ),
        ({"connection": "local", "procedure": "refresh"}, "sql.procedure", "is sqlite"),
        (
            {"connection": "reports", "procedure": "p", "parameters": {"a b": 1}},
            "sql.parameters.a b",
            "an identifier",
        ),
        (
            {"connection": "reports", "procedure": "p", "parameters": "x"},
            "sql.parameters",
            "a list (positional",
        ),
        (
            {"connection": "replica", "statement": "DELETE FROM t", "read_only": False},
            "sql.read_only",
            "is read-only (the operator's setting)",
        ),
        ({"connection": "reports", "statement": "S", "read_only": "no"}, "sql.read_only", "true"),
        ({"connection": "reports", "statement": "S", "max_rows": 0}, "sql.max_rows", "1 to"),
        ({"connection": "reports", "statement": "S", "max_rows": 10_001}, "sql.max_rows", "1 to"),
        (
            {"connection": "reports", "statement": "S", "timeout_seconds": True},
            "sql.timeout_seconds",
            "whole number",
        ),
        ({"connection": "reports", "statement": "S", "url": "x"}, "sql.url", "not a known field"),
        ("SELECT 1", "sql", "must be an object"),
    ],
)
def test_each_problem_names_its_field(raw: Any, field: str, words: str) -> None:
    found = problems(raw)
    assert any(f == field and words in reason for f, reason in found), found


def test_a_service_without_connections_refuses_sql_jobs_naming_action_and_the_setting() -> None:
    [(field, reason)] = problems({"connection": "reports", "statement": "SELECT 1"}, HostJobs())
    assert field == "action"
    assert "AGENTCRON_SQL_CONNECTIONS" in reason and "not enabled" in reason


def test_no_problem_quotes_a_connections_url() -> None:
    found = problems({"connection": "nope", "statement": "SELECT :x", "procedure": 1})
    assert found and not any("pw@" in reason or "://" in reason for _, reason in found)


@given(st.text(alphabet=st.sampled_from(list(":ab_1 '\\x,()")), max_size=30))
def test_the_parameters_found_are_the_ones_sqlalchemy_binds(statement: str) -> None:
    """The rule reads ``:name`` as SQLAlchemy's ``text()`` does, so the parameters it asks
    for are exactly the ones the executor binds."""
    compiled = text(statement).compile(dialect=sqlite_dialect())
    assert statement_parameters(statement) == list(dict.fromkeys(compiled.positiontup or ()))


@pytest.mark.parametrize(
    ("procedure", "parameters", "statement", "bound"),
    [
        ("refresh", [], "CALL refresh()", {}),
        ("ops.refresh", [1, "x"], "CALL ops.refresh(:p0, :p1)", {"p0": 1, "p1": "x"}),
        ("p", {"since": "2026-01-01"}, "CALL p(since => :since)", {"since": "2026-01-01"}),
    ],
)
def test_a_procedure_call_binds_its_arguments(
    procedure: str, parameters: Any, statement: str, bound: dict[str, Any]
) -> None:
    assert procedure_statement(procedure, parameters) == (statement, bound)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (True, True),
        (3, 3),
        (1.5, 1.5),
        (float("nan"), "NaN"),
        (float("-inf"), "-Infinity"),
        (Decimal("12345678901234567890.000001"), "12345678901234567890.000001"),
        (datetime(2026, 3, 2, 13, 0, tzinfo=UTC), "2026-03-02T13:00:00+00:00"),
        (date(2026, 3, 2), "2026-03-02"),
        (time(9, 30), "09:30:00"),
        (timedelta(days=1, seconds=30), 86430.0),
        (b"\x00\xff", "AP8="),
        (memoryview(b"ab"), "YWI="),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (ip_address("10.0.0.1"), "10.0.0.1"),
        ([1, Decimal("2.5"), None], [1, "2.5", None]),
        ({"a": date(2026, 1, 1)}, {"a": "2026-01-01"}),
    ],
)
def test_database_values_become_json(value: Any, expected: Any) -> None:
    assert json_value(value) == expected


@pytest.mark.parametrize(
    ("columns", "names"),
    [
        (["a", "b"], ["a", "b"]),
        (["?column?", "?column?"], ["?column?", "?column?_2"]),
        (["a", "a", "a_2"], ["a", "a_2", "a_2_2"]),
        (["", "x"], ["column", "x"]),
    ],
)
def test_column_names_key_each_column_once(columns: list[str], names: list[str]) -> None:
    assert column_names(columns) == names


def test_rows_past_max_rows_are_left_out_and_said_so() -> None:
    rows = Rows.of(["n"], [(1,), (2,), (3,)], max_rows=2)
    data = rows_data("reports", rows, affected=None)
    assert data == {
        "connection": "reports",
        "columns": ["n"],
        "rows": [{"n": 1}, {"n": 2}],
        "row_count": 2,
        "truncated": True,
        "truncated_by": "max_rows",
    }
    assert rows_text("reports", rows, affected=None).startswith(
        "2 rows from reports (stopped at max_rows)."
    )


def test_rows_past_the_size_limit_are_left_out_and_said_so() -> None:
    rows = Rows.of(["t"], [("x" * 40,)] * 10, max_rows=100, max_bytes=200)
    assert len(rows.rows) == 4 and rows.limit == "size"
    assert rows_data("r", rows, affected=None)["truncated_by"] == "size"


def test_the_text_output_is_a_short_table_that_escapes_cells() -> None:
    rows = Rows.of(["id", "note"], [(i, f"a|b\nc {i}") for i in range(12)], max_rows=100)
    lines = rows_text("reports", rows, affected=None).splitlines()
    assert lines[0] == "12 rows from reports."
    assert lines[2:5] == ["| id | note |", "|---|---|", "| 0 | a\\|b c 0 |"]
    assert lines[-1] == "…and 2 more in the run's data."
    assert len(lines) == 2 + 2 + 10 + 2


def test_a_statement_without_rows_says_how_many_it_changed() -> None:
    rows = Rows.of([], [], max_rows=10)
    assert (
        rows_text("local", rows, affected=3) == "Ran on local (3 rows affected); no rows returned."
    )
    assert rows_data("local", rows, affected=3)["rows_affected"] == 3


# Statements as PostgreSQL's documentation and users write them (array slices from the docs'
# "Arrays" chapter, casts, times in strings): which ``:name`` each binds, read as SQLAlchemy
# reads it.
OUTSIDE_STATEMENTS = [
    ("SELECT (array[4,5,6,7,8,9])[2:4]", []),
    ("SELECT (array[[1,2,3],[4,5,6],[7,8,9]])[2:3][1:2]", []),
    ("SELECT schedule[1:2][1:1] FROM sal_emp WHERE name = :name", ["name"]),
    ("SELECT pay_by_quarter[:q] FROM sal_emp", ["q"]),
    ("SELECT '10:30'::time, now()::date, interval '1:00'", []),
    ("SELECT * FROM events WHERE starts_at >= CAST(:since AS text)::timestamptz", ["since"]),
    ("UPDATE t SET note = 'at 9:00' WHERE id = ANY(:ids) AND owner = :owner", ["ids", "owner"]),
    (r"SELECT 'a\:b', :a, :a", ["a"]),
]


@pytest.mark.parametrize(("statement", "names"), OUTSIDE_STATEMENTS)
def test_statements_from_outside_bind_what_sqlalchemy_binds(
    statement: str, names: list[str]
) -> None:
    compiled = text(statement).compile(dialect=sqlite_dialect())
    assert statement_parameters(statement) == names
    assert list(dict.fromkeys(compiled.positiontup or ())) == names
