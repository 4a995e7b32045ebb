"""The ``sql`` action: a statement, or a procedure call, on a connection the operator named.

Pure: ``validate_sql_action`` checks what a job may say when it is written;
``procedure_statement`` turns a procedure call into the statement it runs; ``json_row`` and
``rows_text`` say how rows become a run's data and its short text output. The executor
(``app.executors.sql``) connects and runs.

Parameters are bound, never formatted into the text: a statement names them ``:name``
(SQLAlchemy's ``text()`` spelling, the same on PostgreSQL and SQLite), and the job gives
their values, which may be templates (``{{ payload.customer }}``, ``{{ run.scheduled_for }}``)
filled in at each run.
"""

from __future__ import annotations

import base64
import json
import math
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.http_action import template_problems
from agentcron.app.errors import FieldProblem, InvalidInput

DEFAULT_MAX_ROWS = 100
MAX_ROWS = 10_000
DEFAULT_TIMEOUT_SECONDS = 30
MAX_TIMEOUT_SECONDS = 3_600
MAX_STATEMENT_CHARS = 100_000
MAX_PARAMETERS = 100
#: what a run keeps of a result: its rows' JSON up to this size (rows past it are left out)
MAX_DATA_BYTES = 512_000
#: rows shown in a run's text output (all of them, up to max_rows, are in its data)
TEXT_ROWS = 10
TEXT_CELL_CHARS = 60
_FIELDS = (
    "connection",
    "statement",
    "procedure",
    "parameters",
    "read_only",
    "max_rows",
    "timeout_seconds",
)
#: how SQLAlchemy's ``text()`` finds a bound parameter: ``:name`` not after a word character,
#: a colon (``::int`` casts) or a backslash (``\:`` is a literal colon)
_BIND = re.compile(r"(?<![:\w\\]):(\w+)(?![:\w])", re.UNICODE)
_CAST_AFTER_NAME = re.compile(r"(?<![:\w\\]):(\w+)::", re.UNICODE)
_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_$]*"
_PROCEDURE = re.compile(rf"^{_IDENTIFIER}(\.{_IDENTIFIER})?$")
_PARAMETER_NAME = re.compile(rf"^{_IDENTIFIER}$")


def validate_sql_action(raw: Any, host: HostJobs) -> dict[str, Any]:
    """Check an ``sql`` action's settings against the connections ``host`` has; return them
    normalised (defaults filled in). InvalidInput names every field at fault."""
    if not isinstance(raw, Mapping):
        raise InvalidInput.field(
            "sql", "must be an object: {connection, statement or procedure, parameters}"
        )
    problems = [
        FieldProblem(f"sql.{key}", f"is not a known field (allowed: {', '.join(_FIELDS)})")
        for key in raw
        if key not in _FIELDS
    ]
    connection = raw.get("connection")
    known = sorted(host.sql_connections)
    target = None
    if not isinstance(connection, str) or not connection:
        problems.append(FieldProblem("sql.connection", f"is required: one of {', '.join(known)}"))
    elif connection not in host.sql_connections:
        problems.append(
            FieldProblem(
                "sql.connection",
                f"no connection is named {connection!r} on this service (the operator's "
                f"AGENTCRON_SQL_CONNECTIONS has {', '.join(known)})",
            )
        )
    else:
        target = host.sql_connections[connection]

    statement, procedure = raw.get("statement"), raw.get("procedure")
    parameters = raw.get("parameters")
    if (statement is None) == (procedure is None):
        problems.append(
            FieldProblem(
                "sql.statement",
                "give exactly one of statement (SQL text with :name parameters) or procedure "
                "(a stored procedure's name)",
            )
        )
    elif statement is not None:
        problems += _statement_problems(statement, parameters)
    else:
        problems += _procedure_problems(procedure, parameters, target)

    read_only = raw.get("read_only", True)
    if not isinstance(read_only, bool):
        problems.append(FieldProblem("sql.read_only", "must be true or false"))
    elif not read_only and target is not None and target.read_only:
        problems.append(
            FieldProblem(
                "sql.read_only",
                f"connection {target.name!r} is read-only (the operator's setting); "
                "this job may only read",
            )
        )
    max_rows = _whole(raw.get("max_rows", DEFAULT_MAX_ROWS), "sql.max_rows", 1, MAX_ROWS)
    timeout = _whole(
        raw.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS),
        "sql.timeout_seconds",
        1,
        MAX_TIMEOUT_SECONDS,
    )
    problems += [p for p in (max_rows, timeout) if isinstance(p, FieldProblem)]
    if problems:
        raise InvalidInput(problems)
    spec: dict[str, Any] = {"connection": connection}
    if statement is not None:
        spec["statement"] = statement
        spec["parameters"] = dict(parameters or {})
    else:
        spec["procedure"] = procedure
        spec["parameters"] = (
            list(parameters) if isinstance(parameters, list) else dict(parameters or {})
        )
    spec.update(read_only=read_only, max_rows=max_rows, timeout_seconds=timeout)
    return spec


def _whole(value: Any, field: str, low: int, high: int) -> int | FieldProblem:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return FieldProblem(field, f"must be a whole number from {low} to {high:,}")
    return value


def statement_parameters(statement: str) -> list[str]:
    """The ``:name`` parameters ``statement`` binds, in order of first use."""
    return list(dict.fromkeys(_BIND.findall(statement)))


def _statement_problems(statement: Any, parameters: Any) -> list[FieldProblem]:
    if not isinstance(statement, str) or not statement.strip():
        return [FieldProblem("sql.statement", "must be SQL text")]
    if len(statement) > MAX_STATEMENT_CHARS:
        return [FieldProblem("sql.statement", f"is longer than {MAX_STATEMENT_CHARS:,} characters")]
    if "\x00" in statement:
        return [FieldProblem("sql.statement", "must not contain NUL characters")]
    if parameters is not None and not isinstance(parameters, Mapping):
        return [
            FieldProblem(
                "sql.parameters",
                "must be an object: each :name in the statement and its value",
            )
        ]
    given = dict(parameters or {})
    problems = _value_problems(given)
    for name in dict.fromkeys(_CAST_AFTER_NAME.findall(statement)):
        problems.append(
            FieldProblem(
                "sql.statement",
                f":{name}:: is read as text, not as the parameter :{name} (a cast straight "
                f"after it hides it); write CAST(:{name} AS type)",
            )
        )
    used = statement_parameters(statement)
    for name in used:
        if name not in given:
            problems.append(
                FieldProblem(
                    f"sql.parameters.{name}",
                    f"is required: the statement binds :{name} (write \\:{name} for a "
                    "literal colon)",
                )
            )
    for name in given:
        if name not in used:
            problems.append(
                FieldProblem(f"sql.parameters.{name}", f"is not used: the statement has no :{name}")
            )
    return problems


def _procedure_problems(procedure: Any, parameters: Any, target: Any) -> list[FieldProblem]:
    if not isinstance(procedure, str) or not _PROCEDURE.match(procedure):
        return [
            FieldProblem(
                "sql.procedure",
                "must be a procedure's name (letters, digits, _ and $; optionally schema.name)",
            )
        ]
    if target is not None and target.dialect != "postgresql":
        return [
            FieldProblem(
                "sql.procedure",
                f"connection {target.name!r} is {target.dialect}, which has no stored "
                "procedures; use statement",
            )
        ]
    if parameters is None:
        return []
    if isinstance(parameters, list):
        return _value_problems({str(i): value for i, value in enumerate(parameters)})
    if not isinstance(parameters, Mapping):
        return [
            FieldProblem(
                "sql.parameters",
                "must be a list (positional arguments) or an object (arguments by name)",
            )
        ]
    problems = _value_problems(parameters)
    problems += [
        FieldProblem(f"sql.parameters.{name}", "must be an argument's name (an identifier)")
        for name in parameters
        if not _PARAMETER_NAME.match(str(name))
    ]
    return problems


def _value_problems(parameters: Mapping[str, Any]) -> list[FieldProblem]:
    if len(parameters) > MAX_PARAMETERS:
        return [FieldProblem("sql.parameters", f"has more than {MAX_PARAMETERS} parameters")]
    problems: list[FieldProblem] = []
    for name, value in parameters.items():
        where = f"sql.parameters.{name}"
        if isinstance(value, list):
            if not all(_scalar(item) for item in value):
                problems.append(
                    FieldProblem(where, "a list (an array parameter) holds scalar values only")
                )
        elif not _scalar(value):
            problems.append(
                FieldProblem(where, "must be a string, number, boolean, null or a list of them")
            )
        elif isinstance(value, str):
            problems += template_problems(value, where)
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(FieldProblem(where, "must be a finite number"))
    return problems


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


# --- running ---------------------------------------------------------------------------


def procedure_statement(
    procedure: str, parameters: Sequence[Any] | Mapping[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The ``CALL`` statement for a procedure and its bound values: positional arguments are
    bound as ``:p0, :p1…``, named ones as ``name => :name`` (PostgreSQL's named notation).
    The name and argument names were checked to be identifiers; values are never in the text."""
    if isinstance(parameters, Mapping):
        arguments = ", ".join(f"{name} => :{name}" for name in parameters)
        return f"CALL {procedure}({arguments})", dict(parameters)
    values = {f"p{index}": value for index, value in enumerate(parameters)}
    return f"CALL {procedure}({', '.join(':' + name for name in values)})", values


def json_value(value: Any) -> Any:
    """A database value as JSON: dates and times as ISO 8601, decimals as strings (exact),
    bytes as base64, intervals as seconds, UUIDs and network addresses as text, arrays as
    lists; NaN and infinities as the strings PostgreSQL prints for them."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(item) for item in value]
    return str(value)


def column_names(columns: Sequence[str]) -> list[str]:
    """Names for a result's columns that can key a row object: a repeated name gets ``_2``,
    ``_3``… (``SELECT 1, 1`` on PostgreSQL has two columns called ``?column?``)."""
    names: list[str] = []
    for column in columns:
        base = str(column) or "column"
        name, count = base, 1
        while name in names:
            count += 1
            name = f"{base}_{count}"
        names.append(name)
    return names


def json_row(names: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    return {name: json_value(value) for name, value in zip(names, row, strict=True)}


@dataclass(frozen=True)
class Rows:
    """A result as a run keeps it: column names, rows as JSON objects, and whether some
    rows were left out (``limit``: ``max_rows``, or ``size`` past MAX_DATA_BYTES)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    limit: str | None = None

    @classmethod
    def of(
        cls,
        columns: Sequence[str],
        fetched: Sequence[Sequence[Any]],
        *,
        max_rows: int,
        max_bytes: int = MAX_DATA_BYTES,
    ) -> Rows:
        """``fetched`` (up to ``max_rows`` + 1 rows: one more says there were more) kept
        whole while the rows' JSON stays under ``max_bytes``."""
        names = column_names(columns)
        rows: list[dict[str, Any]] = []
        size = 0
        for raw in fetched[:max_rows]:
            row = json_row(names, raw)
            size += len(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
            if size > max_bytes:
                return cls(names, rows, "size")
            rows.append(row)
        return cls(names, rows, "max_rows" if len(fetched) > max_rows else None)


def rows_data(connection: str, rows: Rows, *, affected: int | None) -> dict[str, Any]:
    """A run's data: ``rows`` (objects by column), ``columns``, ``row_count``, ``truncated``
    (with ``truncated_by``), and ``rows_affected`` for a statement that changed rows."""
    data: dict[str, Any] = {
        "connection": connection,
        "columns": rows.columns,
        "rows": rows.rows,
        "row_count": len(rows.rows),
        "truncated": rows.limit is not None,
    }
    if rows.limit:
        data["truncated_by"] = rows.limit
    if affected is not None:
        data["rows_affected"] = affected
    return data


def rows_text(connection: str, rows: Rows, *, affected: int | None) -> str:
    """A run's short text output: how many rows, and the first few as a markdown table."""
    if not rows.columns:
        changed = "" if affected is None else f" ({affected} row{_s(affected)} affected)"
        return f"Ran on {connection}{changed}; no rows returned."
    count = len(rows.rows)
    more = {"max_rows": " (stopped at max_rows)", "size": " (stopped: the rows' size limit)"}
    lines = [f"{count} row{_s(count)} from {connection}{more.get(rows.limit or '', '')}."]
    if rows.rows:
        lines += ["", "| " + " | ".join(_cell(c) for c in rows.columns) + " |"]
        lines.append("|" + "---|" * len(rows.columns))
        for row in rows.rows[:TEXT_ROWS]:
            lines.append("| " + " | ".join(_cell(row.get(c)) for c in rows.columns) + " |")
        if count > TEXT_ROWS:
            lines += ["", f"…and {count - TEXT_ROWS} more in the run's data."]
    return "\n".join(lines)


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= TEXT_CELL_CHARS else text[: TEXT_CELL_CHARS - 1] + "…"
