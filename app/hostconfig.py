"""Reading what the operator allows jobs to do on the host (the I/O edge of
``domain.hostjobs``): the settings' JSON or ``@file``, the programs and directories they name
checked to exist now, at start, rather than discovered by a job's first run."""

from __future__ import annotations

import os
from pathlib import Path

from agentcron.app.domain.hostjobs import HostAccess


def _text(value: str, setting: str) -> tuple[str, str]:
    text = value.strip()
    if not text.startswith("@"):
        return text, setting
    path = Path(text[1:]).expanduser()
    try:
        return path.read_text(encoding="utf-8"), f"{setting} ({path})"
    except OSError as error:
        raise ValueError(f"{setting}: cannot read {path} ({error.strerror})") from None


def read_host_access(*, commands: str | None) -> HostAccess:
    grants = {}
    if commands:
        from agentcron.app.domain.commands import SETTING, parse_commands

        text, source = _text(commands, SETTING)
        grants = parse_commands(text, source=source)
        for grant in grants.values():
            program = grant.argv[0]
            if not os.path.isfile(program) or not os.access(program, os.X_OK):
                raise ValueError(
                    f"{source}[{grant.name!r}]: {program} is not an executable file here"
                )
            if grant.cwd is not None and not os.path.isdir(grant.cwd):
                raise ValueError(f"{source}[{grant.name!r}].cwd: {grant.cwd} is not a directory")
    return HostAccess(commands=grants)
