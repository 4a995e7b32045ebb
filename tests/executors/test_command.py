"""The ``command`` executor with real processes: output, exit codes, environment, timeouts
that kill the whole process group, and output far larger than what is kept."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from agentcron.app.domain.commands import parse_commands
from agentcron.app.executors.base import ExecutionFailed, RunContext
from agentcron.app.executors.command import CommandExecutor
from tests.support.waiting import until

pytestmark = pytest.mark.slow

GRANTS = parse_commands(
    json.dumps(
        {
            "echo": {"argv": ["/bin/echo"], "args": True},
            "sh": {"argv": ["/bin/sh", "-c"], "args": True, "timeout_seconds": 30},
            "python": {"argv": [sys.executable, "-c"], "args": True},
            "env": {"argv": ["/usr/bin/env"], "env": {"REPORT_DIR": "/srv/reports"}},
            "small": {"argv": ["/bin/sh", "-c"], "args": True, "output_bytes": 1_000},
            "gone": ["/nonexistent/program"],
        }
    )
)


def context(payload: Any = None) -> RunContext:
    return RunContext(
        run_id="run_1",
        job_id="job_1",
        job_name="nightly",
        owner="alice",
        attempt=1,
        scheduled_for=None,
        trigger="manual",
        goal=None,
        metadata={},
        payload=payload,
    )


def command(name: str, *args: str, **more: Any) -> dict[str, Any]:
    return {"type": "command", "command": {"name": name, "args": list(args), **more}}


@pytest.fixture
def executor() -> CommandExecutor:
    return CommandExecutor(GRANTS, kill_grace_seconds=0.3, home="/home/agentcron")


def alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


async def gone(pid: int) -> bool:
    return not alive(pid)


async def test_the_arguments_are_passed_as_they_are_and_the_output_is_the_runs(
    executor: CommandExecutor,
) -> None:
    outcome = await executor.execute(command("echo", "two words", "$HOME", "; id"), context())
    assert outcome.output == "two words $HOME ; id\n"  # no shell saw them
    assert outcome.data["exit_code"] == 0
    assert outcome.data["argv"] == ["/bin/echo", "two words", "$HOME", "; id"]
    assert outcome.data["stdout_truncated"] is False
    assert outcome.data["timed_out"] is False


async def test_the_services_secrets_are_not_in_the_commands_environment(
    executor: CommandExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("OPENAI_API_KEY", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.setenv(name, "secret-value")
    monkeypatch.setenv("AGENTCRON_DATABASE_URL", "postgresql://u:secret-value@db/x")
    outcome = await executor.execute(command("env"), context())
    env = dict(line.split("=", 1) for line in outcome.output.splitlines())
    assert "secret-value" not in outcome.output
    assert set(env) == {
        "PATH",
        "LANG",
        "HOME",
        "AGENTCRON_RUN_ID",
        "AGENTCRON_JOB_ID",
        "AGENTCRON_JOB_NAME",
        "AGENTCRON_ATTEMPT",
        "AGENTCRON_TRIGGER",
        "REPORT_DIR",
    }
    assert env["AGENTCRON_RUN_ID"] == "run_1"
    assert env["REPORT_DIR"] == "/srv/reports"


async def test_the_payload_arrives_as_json_on_stdin(executor: CommandExecutor) -> None:
    payload = {"tables": ["a", "b"], "big": "x" * 200_000}  # over a pipe's buffer
    outcome = await executor.execute(
        command("python", "import sys; print(len(sys.stdin.read()))"), context(payload)
    )
    assert outcome.output.strip() == str(len(json.dumps(payload)))
    ignored = await executor.execute(command("sh", "exit 0"), context(payload))
    assert ignored.data["exit_code"] == 0  # a command that does not read it is fine


async def test_a_non_zero_exit_fails_the_run_saying_the_code_and_the_last_error_line(
    executor: CommandExecutor,
) -> None:
    with pytest.raises(ExecutionFailed) as failed:
        await executor.execute(
            command("sh", "echo partial; echo 'fatal: no space' >&2; exit 3"), context()
        )
    assert failed.value.message == "command 'sh' exited with code 3: fatal: no space"
    assert failed.value.retryable
    assert failed.value.data["exit_code"] == 3
    assert failed.value.data["stdout"] == "partial\n"
    assert failed.value.output == "partial\n"


async def test_a_hung_command_is_killed_with_its_children_at_its_timeout(
    executor: CommandExecutor, tmp_path: Path
) -> None:
    pids = tmp_path / "pids"
    script = f"sleep 1000 & echo $! > {pids}; sleep 1000"
    with pytest.raises(ExecutionFailed) as failed:
        await executor.execute(command("sh", script, timeout_seconds=1), context())
    assert "timed out after 1 s; its process group was killed" in failed.value.message
    assert failed.value.data["timed_out"] is True
    assert failed.value.data["signal"] == "SIGTERM"
    grandchild = int(pids.read_text())
    await until(lambda: gone(grandchild), within=10, what="the grandchild to be killed")


async def test_a_command_that_ignores_sigterm_is_killed(executor: CommandExecutor) -> None:
    with pytest.raises(ExecutionFailed) as failed:
        await executor.execute(
            command("sh", "trap '' TERM; sleep 1000", timeout_seconds=1), context()
        )
    assert failed.value.data["signal"] == "SIGKILL"
    assert failed.value.data["exit_code"] == -signal.SIGKILL


async def test_what_a_command_leaves_running_is_ended_with_it(executor: CommandExecutor) -> None:
    outcome = await executor.execute(command("sh", "sleep 1000 & echo $!"), context())
    assert outcome.data["exit_code"] == 0
    await until(lambda: gone(int(outcome.output)), within=10, what="the background child to end")


async def test_a_child_holding_the_output_open_outside_the_group_does_not_hang_the_run(
    executor: CommandExecutor,
) -> None:
    # setsid leaves the group (and the kill): the run ends anyway once the drain time is up.
    # The command waits until its child has left its group before it exits: under load the
    # group could be killed while `setsid` had not yet left, and the pipes would close.
    script = (
        "import os, subprocess as s, time\n"
        "child, end = s.Popen(['setsid', 'sleep', '1000']), time.monotonic() + 30\n"
        "while os.getpgid(child.pid) == os.getpgid(0) and time.monotonic() < end:\n"
        "    time.sleep(0.001)\n"
        "print(child.pid, flush=True)"
    )
    outcome = await executor.execute(command("python", script), context())
    escaped = int(outcome.output.split()[0])
    try:
        assert outcome.data["exit_code"] == 0
        assert outcome.data["output_incomplete"] is True
    finally:
        os.kill(escaped, signal.SIGKILL)


async def test_huge_output_is_read_to_the_end_and_kept_bounded(executor: CommandExecutor) -> None:
    script = (
        "head -c 30000000 /dev/zero | tr '\\0' o; echo; echo the end; head -c 5000000 /dev/zero >&2"
    )
    outcome = await executor.execute(command("small", script), context())
    data = outcome.data
    assert data["exit_code"] == 0
    assert data["stdout_bytes"] == 30_000_000 + len("\nthe end\n")
    assert data["stderr_bytes"] == 5_000_000
    assert data["stdout_truncated"] and data["stderr_truncated"]
    assert data["stdout"].startswith("ooo")
    assert data["stdout"].endswith("the end\n")  # the end is kept
    assert len(data["stdout"].encode()) < 1_200
    assert "\x00" not in data["stderr"]


async def test_a_cancelled_run_kills_the_commands_group(
    executor: CommandExecutor, tmp_path: Path
) -> None:
    pids = tmp_path / "pids"
    task = asyncio.ensure_future(
        executor.execute(command("sh", f"sleep 1000 & echo $! > {pids}; wait"), context())
    )

    async def started() -> bool:
        return pids.exists() and pids.read_text().strip() != ""

    await until(started, within=10, what="the command to start its child")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    grandchild = int(pids.read_text())
    await until(lambda: gone(grandchild), within=10, what="the child to be killed")


async def test_a_command_no_longer_allowed_or_missing_fails_without_retrying(
    executor: CommandExecutor,
) -> None:
    with pytest.raises(ExecutionFailed) as failed:
        await executor.execute(command("rm", "-rf", "/"), context())
    assert not failed.value.retryable
    assert "'rm' is not allowed on this service" in failed.value.message
    with pytest.raises(ExecutionFailed) as failed:
        await executor.execute(command("gone"), context())
    assert not failed.value.retryable
    assert "could not start: /nonexistent/program" in failed.value.message


async def test_a_run_cancelled_while_its_command_starts_ends_the_group_without_waiting(
    executor: CommandExecutor, tmp_path: Path
) -> None:
    # The cancel arrives while asyncio is still connecting the new process's pipes, after the
    # command has started a child that holds them: left to asyncio, only the command was
    # killed and the cancel waited for the pipes — as long as the child lived (a 1,000 s hang
    # seen under load in CI).
    pids = tmp_path / "pids"
    task = asyncio.ensure_future(
        executor.execute(command("sh", f"sleep 1000 & echo $! > {pids}; wait"), context())
    )
    before = _children()
    for _ in range(100):  # the task runs a step at a time until the process is started
        await asyncio.sleep(0)
        if _children() - before:
            break
    # the loop is held (the task cannot go on connecting the pipes) until the child runs
    deadline = time.monotonic() + 30
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.01)  # noqa: ASYNC251 — the loop is held on purpose
    grandchild = int(pids.read_text())
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        async with asyncio.timeout(60):  # a bound for the failure, not a speed
            await task
    await until(lambda: gone(grandchild), within=10, what="the child to be killed")


def _children() -> set[int]:
    """The processes this test process has started and not yet reaped (Linux's /proc)."""
    found: set[int] = set()
    for thread in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            found.update(int(pid) for pid in (thread / "children").read_text().split())
    return found
