"""The job types that touch the host, each with the rule that checks its settings.

``jobspec`` treats every kind here alike: ``"action": "sql", "sql": {...}`` (or
``"action": {"type": "sql", ...}``) is checked by ``HOST_ACTIONS["sql"]`` against what the
operator allows (``HostJobs``) and stored as ``{"type": "sql", "sql": <spec>}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agentcron.app.domain.commands import validate_command
from agentcron.app.domain.files import validate_file
from agentcron.app.domain.hostjobs import HostJobs, not_enabled
from agentcron.app.domain.python_action import validate_python_action
from agentcron.app.domain.sql_action import validate_sql_action
from agentcron.app.errors import InvalidInput

#: a host job type's settings checked against what the operator allows: the stored spec,
#: or InvalidInput naming each field at fault (``sql.connection``)
Validator = Callable[[Any, HostJobs], dict[str, Any]]

HOST_ACTIONS: dict[str, Validator] = {
    "sql": validate_sql_action,
    "python": validate_python_action,
    "command": validate_command,
    "file": validate_file,
}


def validate_host_action(kind: str, raw: Any, host: HostJobs) -> dict[str, Any]:
    """Check a ``kind`` job's settings (``raw``, as sent) against ``host``: 422 naming
    ``action`` when the operator has not enabled ``kind`` at all."""
    if not host.enabled(kind):
        raise InvalidInput(not_enabled(kind))
    return HOST_ACTIONS[kind](raw, host)
