"""Job types that touch the host, and what the operator has let them touch.

An ``http`` or ``agent`` job reaches out over the network, which the service guards for
everyone. A ``sql`` job reads or writes a database, a ``python`` job runs code of this
machine: each is off until the operator enables it, and then reaches only what the operator
named — a connection by its name (the URL stays in the operator's settings), a function on
an allow-list. ``HostJobs`` is that permission, read from the settings once; the validators
in ``app.domain.jobtypes`` check a job's settings against it when the job is written, so a job the
service cannot run is refused with a 422 naming the field, not discovered by every run
failing.

Pure: no environment, no files, no connections; ``app.config`` builds ``HostJobs``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from agentcron.app.errors import FieldProblem


@dataclass(frozen=True)
class SqlConnection:
    """A database the operator named (``AGENTCRON_SQL_CONNECTIONS``). The URL is kept out of
    ``repr`` and never put into a message: it may hold a password."""

    name: str
    #: ``postgresql`` or ``sqlite``
    dialect: str
    #: the operator allows reads only: a job may not ask to write
    read_only: bool = False
    url: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class CommandGrant:
    """One command the operator allows: ``argv`` is run as is (``argv[0]`` an absolute
    path), followed by the job's ``args`` only when ``extra_args``."""

    name: str
    argv: tuple[str, ...]
    extra_args: bool = False
    #: the whole environment the command gets, besides a plain PATH, LANG and HOME (kept out
    #: of ``repr``: it may hold a password)
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    cwd: str | None = None
    #: the longest a run may take, and the default when the job gives none
    timeout_seconds: float = 300.0
    #: captured of each of stdout and stderr; the rest is counted, not kept
    output_bytes: int = 65_536


#: the largest file a file job may write, copy or move into a root, unless the root says
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileRoot:
    """A directory file jobs may work in (``path`` absolute; symlinks in it resolved once,
    at start, by the operator's own choice)."""

    name: str
    path: str
    #: False: a source to copy from, never changed
    writable: bool = True
    #: the largest file a job may write, copy or move into it
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class HostJobs:
    """What jobs may touch on this service; empty (the default) enables nothing."""

    #: AGENTCRON_SQL_CONNECTIONS, by name
    sql_connections: Mapping[str, SqlConnection] = field(default_factory=dict)
    #: AGENTCRON_PYTHON_FUNCTIONS: ``module:function`` names
    python_functions: frozenset[str] = frozenset()
    #: AGENTCRON_COMMANDS, by name
    commands: Mapping[str, CommandGrant] = field(default_factory=dict)
    #: AGENTCRON_FILE_ROOTS, by name
    file_roots: Mapping[str, FileRoot] = field(default_factory=dict)

    def enabled(self, kind: str) -> bool:
        if kind == "sql":
            return bool(self.sql_connections)
        if kind == "python":
            return bool(self.python_functions)
        if kind == "command":
            return bool(self.commands)
        if kind == "file":
            return bool(self.file_roots)
        return False


#: the setting that enables each host job type, for the 422 that says it is off
ENABLING_SETTING = {
    "sql": "AGENTCRON_SQL_CONNECTIONS",
    "python": "AGENTCRON_PYTHON_FUNCTIONS",
    "command": "AGENTCRON_COMMANDS",
    "file": "AGENTCRON_FILE_ROOTS",
}


def not_enabled(kind: str) -> FieldProblem:
    """The problem of a job whose type the operator has not enabled."""
    setting = ENABLING_SETTING[kind]
    return FieldProblem(
        "action",
        f"{kind} jobs are not enabled on this service (the operator enables them with "
        f"{setting}; see the README, 'Jobs that touch the host')",
    )


# --- names

_DOTTED = r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*"
#: a function named ``module:function`` (``package.module:Class.method`` too)
FUNCTION_NAME = re.compile(rf"^{_DOTTED}:{_DOTTED}$")


ENTRY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")


def setting_entry(
    name: str,
    entry: Any,
    *,
    where: str,
    noun: str,
    shorthand: type,
    key: str,
    said: str,
    fields: tuple[str, ...],
) -> dict[str, Any]:
    """One entry of an allow-list setting as an object: its name checked, its shorthand (an
    entry of type ``shorthand``, ``said`` in words) read as ``{key: entry}``, and no field
    outside ``fields``. ValueError naming ``where``."""
    if not ENTRY_NAME.match(name):
        raise ValueError(f"{where}: a {noun} name is 1-64 letters, digits, '.', '_' or '-'")
    if isinstance(entry, shorthand):
        entry = {key: entry}
    if not isinstance(entry, dict):
        raise ValueError(f"{where} must be {said} or an object with {key}")
    unknown = sorted(set(entry) - set(fields))
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r} (allowed: {fields})")
    return entry


def setting_entries(text: str, *, source: str, what: str) -> dict[str, Any]:
    """An operator's allow-list setting read as a JSON object of ``what`` (name → entry);
    ValueError naming the setting when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{source} is not valid JSON ({error.msg} at {error.pos})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{source} must be a JSON object of {what}")
    return data
