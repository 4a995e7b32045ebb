"""Jobs that touch the host: what the operator allows, and the check of such a job's action.

Each host job type (``command``, ``file``; ``sql`` and ``python``) is off until the operator
enables it with its setting. ``HostAccess`` is that configuration as plain data, read once
from the environment by ``Settings.host_access``; nothing here reads the environment, the
clock or the file system. ``host_action`` checks a job's action of one of these types
against it and returns the stored form, or adds problems that name the field at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from agentcron.app.domain.commands import CommandGrant, validate_command_action
from agentcron.app.errors import FieldProblem

#: the host job types, with the setting that enables each
HOST_KINDS: dict[str, str] = {
    "command": "AGENTCRON_COMMANDS",
}


@dataclass(frozen=True)
class FileRoot:
    """A directory that file jobs may work in (``path`` absolute, symlinks resolved)."""

    name: str
    path: str
    #: False: a source to copy from, never changed
    writable: bool = True
    #: the largest file a job may write or copy into it
    max_bytes: int = 10 * 1024 * 1024


@dataclass(frozen=True)
class HostAccess:
    """What the operator lets jobs do on this host; an empty mapping turns its type off."""

    commands: Mapping[str, CommandGrant] = field(default_factory=dict)
    file_roots: Mapping[str, FileRoot] = field(default_factory=dict)

    def enabled(self, kind: str) -> bool:
        if kind == "command":
            return bool(self.commands)
        if kind == "file":
            return bool(self.file_roots)
        return False


NOTHING = HostAccess()


def not_enabled(kind: str) -> FieldProblem:
    setting = HOST_KINDS[kind]
    return FieldProblem(
        "action",
        f"{kind} jobs are not enabled on this service: the operator enables them with "
        f"{setting} (see the README, 'Jobs that touch the host')",
    )


def host_action(
    kind: str, raw: Any, host: HostAccess | None, problems: list[FieldProblem]
) -> dict[str, Any] | None:
    """The stored action of a ``kind`` job whose settings are ``raw`` (the body's ``command``
    or ``file`` member), or None with ``problems`` added."""
    host = host or NOTHING
    if not host.enabled(kind):
        problems.append(not_enabled(kind))
        return None
    if raw is None:
        problems.append(FieldProblem(kind, f"is required for a {kind} job"))
        return None
    if kind == "command":
        spec = validate_command_action(raw, host.commands, problems)
    else:
        from agentcron.app.domain.files import validate_file_action

        spec = validate_file_action(raw, host.file_roots, problems)
    return None if spec is None else {"type": kind, kind: spec}
