"""``command`` jobs: the operator's allow-list, and a job's command checked against it.

Pure. ``parse_commands`` reads ``AGENTCRON_COMMANDS`` (JSON text); ``validate_command_action``
checks what a job says (``{"name", "args", "timeout_seconds"}``, or seed 004's one string);
``command_argv`` is the argument vector a run executes. No shell is ever involved: a string
is split into words the way a shell splits them, and anything a shell would interpret
(pipes, redirections, variables, globs) is refused rather than passed on literally.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from typing import Any

from agentcron.app.domain.hostjobs import CommandGrant, HostJobs, setting_entries, setting_entry
from agentcron.app.errors import FieldProblem, InvalidInput

SETTING = "AGENTCRON_COMMANDS"
MAX_ARGS = 100
MAX_ARG_CHARS = 4_096
MAX_TIMEOUT_SECONDS = 86_400.0
MAX_OUTPUT_BYTES = 16 * 1024 * 1024
_FIELDS = ("name", "args", "timeout_seconds")
_GRANT_FIELDS = ("argv", "args", "env", "cwd", "timeout_seconds", "output_bytes")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: what a shell would do something with, in a command written as one string
_SHELL_SYNTAX = re.compile(r"[|&;<>()$`*?\[\]\n\r]|(?:^|\s)[~#]|\{[^{}\s]*[,.][^{}\s]*\}")


# --- the operator's allow-list -----------------------------------------------------------


def parse_commands(text: str, *, source: str = SETTING) -> dict[str, CommandGrant]:
    """The allow-list in ``text``: a JSON object of name → argv (a list of strings), or
    name → {"argv": [...], "args": true, "env": {...}, "cwd": "/dir", "timeout_seconds": 600,
    "output_bytes": 65536}. ValueError naming the bad entry."""
    data = setting_entries(text, source=source, what="command name to argument list")
    return {name: _grant(name, entry, source) for name, entry in data.items()}


def _grant(name: str, entry: Any, source: str) -> CommandGrant:
    where = f"{source}[{name!r}]"
    entry = setting_entry(
        name,
        entry,
        where=where,
        noun="command",
        shorthand=list,
        key="argv",
        said="an argument list",
        fields=_GRANT_FIELDS,
    )
    argv = entry.get("argv")
    if (
        not isinstance(argv, list)
        or not argv
        or not all(isinstance(a, str) and "\x00" not in a for a in argv)
    ):
        raise ValueError(f"{where}.argv must be a non-empty list of strings")
    if not argv[0].startswith("/"):
        raise ValueError(
            f"{where}.argv[0] must be the program's absolute path (no PATH lookup), not {argv[0]!r}"
        )
    extra = entry.get("args", False)
    if not isinstance(extra, bool):
        raise ValueError(f"{where}.args must be true (jobs may add arguments) or false")
    env = entry.get("env") or {}
    if not isinstance(env, dict) or not all(
        isinstance(k, str) and _ENV_NAME.match(k) and isinstance(v, str) and "\x00" not in v
        for k, v in env.items()
    ):
        raise ValueError(f"{where}.env must be an object of variable names to strings")
    cwd = entry.get("cwd")
    if cwd is not None and (not isinstance(cwd, str) or not cwd.startswith("/")):
        raise ValueError(f"{where}.cwd must be an absolute directory path")
    timeout = entry.get("timeout_seconds", 300)
    if (
        not isinstance(timeout, int | float)
        or isinstance(timeout, bool)
        or not 0 < timeout <= MAX_TIMEOUT_SECONDS
    ):
        raise ValueError(f"{where}.timeout_seconds must be a number of seconds up to 86400")
    output = entry.get("output_bytes", 65_536)
    if (
        not isinstance(output, int)
        or isinstance(output, bool)
        or not 0 < output <= MAX_OUTPUT_BYTES
    ):
        raise ValueError(f"{where}.output_bytes must be a positive whole number up to 16 MiB")
    return CommandGrant(
        name=name,
        argv=tuple(argv),
        extra_args=extra,
        env=dict(env),
        cwd=cwd,
        timeout_seconds=float(timeout),
        output_bytes=output,
    )


# --- a job's command ---------------------------------------------------------------------


def validate_command(raw: Any, host: HostJobs) -> dict[str, Any]:
    """``HOST_ACTIONS["command"]``: the stored form of a job's ``command``, or InvalidInput
    naming each field at fault (``command.name``, ``command.args``)."""
    problems: list[FieldProblem] = []
    spec = validate_command_action(raw, host.commands, problems)
    if spec is None:
        raise InvalidInput(problems)
    return spec


def validate_command_action(
    raw: Any, grants: Mapping[str, CommandGrant], problems: list[FieldProblem]
) -> dict[str, Any] | None:
    """A job's ``command``, checked against the allow-list: the stored form
    ``{"name", "args", "timeout_seconds"?}``, or None with ``problems`` added."""
    if isinstance(raw, str):
        raw = _from_words(raw, problems)
        if raw is None:
            return None
    if not isinstance(raw, Mapping):
        problems.append(
            FieldProblem(
                "command", "must be an object {name, args, timeout_seconds} or a command line"
            )
        )
        return None
    found: list[FieldProblem] = [
        FieldProblem(f"command.{key}", f"unknown field (allowed: {', '.join(_FIELDS)})")
        for key in raw
        if key not in _FIELDS
    ]
    name = raw.get("name")
    grant = None
    if not isinstance(name, str) or not name:
        found.append(FieldProblem("command.name", "is required: a command the operator allows"))
    else:
        grant = grants.get(name)
        if grant is None:
            allowed = ", ".join(sorted(grants)) or "none"
            found.append(
                FieldProblem(
                    "command.name",
                    f"{name!r} is not a command this service allows (allowed: {allowed}; the "
                    f"operator lists them in {SETTING})",
                )
            )
    args = raw.get("args")
    if args is None:
        args = []
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        found.append(FieldProblem("command.args", "must be a list of strings"))
        args = []
    elif len(args) > MAX_ARGS:
        found.append(FieldProblem("command.args", f"has more than {MAX_ARGS} arguments"))
    else:
        for index, arg in enumerate(args):
            if "\x00" in arg:
                found.append(FieldProblem(f"command.args[{index}]", "contains a NUL character"))
            elif len(arg) > MAX_ARG_CHARS:
                found.append(
                    FieldProblem(f"command.args[{index}]", f"is over {MAX_ARG_CHARS} characters")
                )
    if args and grant is not None and not grant.extra_args:
        found.append(
            FieldProblem(
                "command.args",
                f"the command {grant.name!r} takes no arguments from jobs (the operator allows "
                'them with "args": true in its entry)',
            )
        )
    timeout = raw.get("timeout_seconds")
    if timeout is not None:
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            found.append(FieldProblem("command.timeout_seconds", "must be a positive number"))
        elif grant is not None and timeout > grant.timeout_seconds:
            found.append(
                FieldProblem(
                    "command.timeout_seconds",
                    f"is over the {grant.timeout_seconds:g} s the operator allows {grant.name!r}",
                )
            )
    if found:
        problems.extend(found)
        return None
    spec: dict[str, Any] = {"name": name, "args": list(args)}
    if timeout is not None:
        spec["timeout_seconds"] = timeout
    return spec


def _from_words(text: str, problems: list[FieldProblem]) -> dict[str, Any] | None:
    """Seed 004's ``"command": "backup --full"``: the first word names the command, the
    rest are its arguments. Split like a shell splits words (quotes group), never run by one."""
    match = _SHELL_SYNTAX.search(_unquoted(text))
    if match:
        problems.append(
            FieldProblem(
                "command",
                f"{match.group()!r} means something to a shell, and commands never run in one "
                "(no pipes, redirections, variables or globs); quote it to pass it as is, or "
                "send {name, args}",
            )
        )
        return None
    try:
        words = shlex.split(text)
    except ValueError as error:
        problems.append(FieldProblem("command", f"cannot be split into words ({error})"))
        return None
    if not words:
        problems.append(FieldProblem("command", "is empty"))
        return None
    return {"name": words[0], "args": words[1:]}


def _unquoted(text: str) -> str:
    """``text`` with its quoted parts blanked out (what a shell would read unquoted)."""
    out: list[str] = []
    quote: str | None = None
    escaped = False
    for char in text:
        if escaped:
            escaped = False
            out.append(" ")
        elif quote is None and char == "\\":
            escaped = True
            out.append(" ")
        elif quote is None and char in "'\"":
            quote = char
            out.append(" ")
        elif quote is not None and char == quote:
            quote = None
            out.append(" ")
        elif quote == '"' and char in "$`":
            out.append(char)  # a shell expands these inside double quotes
        else:
            out.append(" " if quote else char)
    return "".join(out)


def command_argv(grant: CommandGrant, spec: Mapping[str, Any]) -> list[str]:
    """What a run executes: the operator's argv, then the job's arguments where allowed."""
    return [*grant.argv, *(spec.get("args") or [])] if grant.extra_args else list(grant.argv)


def run_timeout(grant: CommandGrant, spec: Mapping[str, Any]) -> float:
    """The job's timeout, never over the operator's (which is also the default)."""
    asked = spec.get("timeout_seconds")
    return grant.timeout_seconds if asked is None else min(float(asked), grant.timeout_seconds)


def failure_message(name: str, exit_code: int, stderr: str, *, signal_name: str | None) -> str:
    """Why a command's run failed, in one line: its exit and the last line it wrote."""
    if signal_name:
        what = f"command {name!r} was killed by {signal_name}"
    else:
        what = f"command {name!r} exited with code {exit_code}"
    last = next((line.strip() for line in reversed(stderr.splitlines()) if line.strip()), "")
    if last:
        what += f": {last[:300]}"
    return what


def command_environment(
    grant: CommandGrant, run: Mapping[str, str | None], *, home: str | None
) -> dict[str, str]:
    """The whole environment of a command's process: nothing of the service's own (its API
    keys, tokens and database URL stay with it), only a plain PATH, LANG and HOME, the run's
    identity (``AGENTCRON_RUN_ID``…), and what the operator set for this command."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    if home:
        env["HOME"] = home
    for key, value in run.items():
        if value is not None:
            env[f"AGENTCRON_{key.upper()}"] = value
    env.update(grant.env)
    return env


class Capture:
    """At most ``limit`` bytes of a stream: its beginning and, when it is longer, its last
    ``tail`` bytes (where errors usually are); everything is counted."""

    def __init__(self, limit: int, *, tail: int = 4_096) -> None:
        self.tail_limit = min(tail, limit // 4)
        self.head_limit = limit - self.tail_limit
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def feed(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.head_limit - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        if chunk and self.tail_limit:
            self.tail += chunk
            del self.tail[: max(0, len(self.tail) - self.tail_limit)]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.head) + len(self.tail)

    def text(self) -> str:
        """What was kept, as text: invalid UTF-8 and NUL (which PostgreSQL does not store
        in text) become U+FFFD."""
        head = _text(self.head)
        if not self.tail:
            return head
        if not self.truncated:
            return _text(self.head + self.tail)
        left_out = self.total - len(self.head) - len(self.tail)
        return f"{head}\n… [{left_out:,} bytes left out] …\n{_text(self.tail)}"


def _text(raw: bytes | bytearray) -> str:
    return raw.decode("utf-8", errors="replace").replace("\x00", "\ufffd")
