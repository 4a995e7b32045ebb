"""Warnings about stored host jobs (``domain.readiness``): a command or file job that this
service's allow-list does not cover is warned about, naming the field; one it covers is not."""

from __future__ import annotations

from typing import Any

import pytest

from agentcron.app.domain.commands import parse_commands
from agentcron.app.domain.files import parse_file_roots
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.readiness import NOT_ALLOWED_HERE, Readiness, job_warnings

HOST = HostJobs(
    commands=parse_commands('{"disk": ["/usr/bin/df"]}'),
    file_roots=parse_file_roots('{"exports": "/srv/exports"}'),
)
COMMAND = {"type": "command", "command": {"name": "disk", "args": []}}
FILE = {
    "type": "file",
    "file": {"operation": "delete", "root": "exports", "path": "x", "missing_ok": False},
}


def ready(host: HostJobs | None) -> Readiness:
    return Readiness(
        allow_private_networks=True, llm_configured=True, slack_token=True, host=host or HostJobs()
    )


@pytest.mark.parametrize(
    ("action", "host", "fields"),
    [
        (COMMAND, HOST, []),
        (FILE, HOST, []),
        (COMMAND, None, ["action"]),
        (FILE, HostJobs(commands=HOST.commands), ["action"]),
        ({"type": "command", "command": {"name": "gone", "args": []}}, HOST, ["command.name"]),
        ({"type": "command", "command": {"name": "disk", "args": ["/"]}}, HOST, ["command.args"]),
        ({"type": "file", "file": {**FILE["file"], "root": "old"}}, HOST, ["file.root"]),
        ({"type": "http", "http": {"url": "https://example.com"}}, None, []),
    ],
)
def test_a_host_job_the_service_would_not_run_is_warned_about(
    action: dict[str, Any], host: HostJobs | None, fields: list[str]
) -> None:
    warnings = job_warnings({"action": action}, ready(host))
    assert [w.field for w in warnings] == fields
    assert all(w.code == NOT_ALLOWED_HERE for w in warnings)
    assert all("every run fails" in w.reason for w in warnings)
