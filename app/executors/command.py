"""The ``command`` action: run an allowed program as an argument vector, never through a shell.

The process starts in a session (and process group) of its own, with an environment that
holds nothing of the service's (``domain.commands.command_environment``), the job's payload
as JSON on its stdin, and its stdout and stderr read as they come, kept up to the operator's
``output_bytes`` each and counted beyond. When it ends — exits, or is stopped at its timeout
(SIGTERM to the group, SIGKILL after a grace), or the run is cancelled — whatever it left
running in its group is killed too, so a job never leaves processes behind on the host.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Mapping
from typing import Any

from agentcron.app.domain.commands import (
    SETTING,
    Capture,
    CommandGrant,
    command_argv,
    command_environment,
    failure_message,
    run_timeout,
)
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext

#: commands run at once per worker; the others wait their turn (a process each)
COMMAND_CONCURRENCY = 8
#: how long a command has to end after SIGTERM before its group is killed
KILL_GRACE_SECONDS = 5.0
#: how long output is still read once the process and its group are gone (a process that
#: left the group, with setsid, may hold the pipes open)
DRAIN_SECONDS = 2.0


class CommandExecutor:
    def __init__(
        self,
        grants: Mapping[str, CommandGrant],
        *,
        kill_grace_seconds: float = KILL_GRACE_SECONDS,
        home: str | None = None,
    ) -> None:
        self.grants = grants
        self.kill_grace_seconds = kill_grace_seconds
        self.home = home if home is not None else os.environ.get("HOME")

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        spec = action.get("command") or {}
        name = spec.get("name")
        grant = self.grants.get(name) if isinstance(name, str) else None
        if grant is None:
            raise ExecutionFailed(
                f"command {name!r} is not allowed on this service (the operator lists commands "
                f"in {SETTING})",
                retryable=False,
            )
        if spec.get("args") and not grant.extra_args:
            raise ExecutionFailed(
                f"command {name!r} takes no arguments from jobs on this service",
                retryable=False,
            )
        argv = command_argv(grant, spec)
        timeout = run_timeout(grant, spec)
        env = command_environment(
            grant,
            {
                "run_id": context.run_id,
                "job_id": context.job_id,
                "job_name": context.job_name,
                "attempt": str(context.attempt),
                "trigger": context.trigger,
                "scheduled_for": (
                    context.scheduled_for.isoformat() if context.scheduled_for else None
                ),
                "idempotency_key": context.idempotency_key,
            },
            home=self.home,
        )
        payload = None if context.payload is None else json.dumps(context.payload).encode()
        out, err = Capture(grant.output_bytes), Capture(grant.output_bytes)
        started = time.monotonic()
        loop = asyncio.get_running_loop()
        starting = asyncio.ensure_future(
            loop.subprocess_exec(
                lambda: _Protocol(out, err),
                *argv,
                stdin=subprocess.DEVNULL if payload is None else subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=grant.cwd,
                start_new_session=True,
                close_fds=True,
            )
        )
        try:
            transport, protocol = await asyncio.shield(starting)
        except OSError as error:
            raise ExecutionFailed(
                f"command {name!r} could not start: {argv[0]}: {error.strerror or error}",
                retryable=False,
                data={"command": name, "argv": argv},
            ) from None
        except asyncio.CancelledError:
            # cancelled while it was starting: the process runs already and its pipes are
            # being connected. Left to asyncio, only the command itself would be killed and
            # the cancel would wait for its pipes, which its children hold open; its whole
            # group is ended instead, once it has started, even if this task is cancelled again.
            ending = asyncio.ensure_future(_end_when_started(starting))
            _ENDING.add(ending)
            ending.add_done_callback(_ENDING.discard)
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(ending)
            raise
        pid = transport.get_pid()
        timed_out = incomplete = False
        try:
            if payload is not None:
                stdin = transport.get_pipe_transport(0)
                if stdin is not None:
                    stdin.write(payload)  # type: ignore[attr-defined]
                    stdin.close()
            try:
                async with asyncio.timeout(timeout):
                    await protocol.exited.wait()
            except TimeoutError:
                timed_out = True
                await self._stop(pid, protocol)
            _kill_group(pid)  # whatever it left running in its group
            try:
                async with asyncio.timeout(DRAIN_SECONDS):
                    await protocol.drained.wait()
            except TimeoutError:
                incomplete = True  # something outside the group holds its pipes
        finally:
            if transport.get_returncode() is None:  # cancelled (the job's timeout, a cancel)
                _kill_group(pid)
                # reaped before the transport is closed: a process closed while still
                # running is left to the garbage collector, which warns about it
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(5):
                        await protocol.exited.wait()
            transport.close()
        returned = transport.get_returncode()
        code = returned if returned is not None else -signal.SIGKILL
        signal_name = _signal_name(-code) if code < 0 else None
        data: dict[str, Any] = {
            "command": name,
            "argv": argv,
            "exit_code": code,
            "signal": signal_name,
            "timed_out": timed_out,
            "duration_seconds": round(time.monotonic() - started, 3),
            "stdout": out.text(),
            "stderr": err.text(),
            "stdout_bytes": out.total,
            "stderr_bytes": err.total,
            "stdout_truncated": out.truncated,
            "stderr_truncated": err.truncated,
        }
        if incomplete:
            data["output_incomplete"] = True
        output = data["stdout"]
        if timed_out:
            raise ExecutionFailed(
                f"command {name!r} timed out after {timeout:g} s; its process group was killed",
                data=data,
                output=output,
            )
        if code != 0:
            raise ExecutionFailed(
                failure_message(name, code, data["stderr"], signal_name=signal_name),
                data=data,
                output=output,
            )
        return Outcome(output=output, data=data)

    async def _stop(self, pid: int, protocol: _Protocol) -> None:
        """SIGTERM to the command's group; SIGKILL to it if the command has not ended
        after the grace."""
        _kill_group(pid, signal.SIGTERM)
        try:
            async with asyncio.timeout(self.kill_grace_seconds):
                await protocol.exited.wait()
        except TimeoutError:
            _kill_group(pid)
            await protocol.exited.wait()


#: the endings of commands whose start was cancelled (held so that they run to their end)
_ENDING: set[asyncio.Future[None]] = set()


async def _end_when_started(
    starting: asyncio.Future[tuple[asyncio.SubprocessTransport, _Protocol]],
) -> None:
    """Kill the group of a command whose start was cancelled, once it has started, and reap
    it before its transport is closed."""
    try:
        transport, protocol = await starting
    except (OSError, asyncio.CancelledError):
        return  # it never started
    _kill_group(transport.get_pid())
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(5):
            await protocol.exited.wait()
    transport.close()


class _Protocol(asyncio.SubprocessProtocol):
    """Output into the captures as it arrives (kept up to their limits, never blocking the
    command); ``exited`` when the command's own process ends, ``drained`` when both its
    output pipes are closed."""

    def __init__(self, out: Capture, err: Capture) -> None:
        self.captures = {1: out, 2: err}
        self.open = {1, 2}
        self.exited = asyncio.Event()
        self.drained = asyncio.Event()

    def pipe_data_received(self, fd: int, data: bytes | bytearray) -> None:
        capture = self.captures.get(fd)
        if capture is not None:
            capture.feed(bytes(data))

    def pipe_connection_lost(self, fd: int, exc: Exception | None) -> None:
        self.open.discard(fd)
        if not self.open:
            self.drained.set()

    def process_exited(self) -> None:
        self.exited.set()


def _kill_group(pgid: int, sig: int = signal.SIGKILL) -> None:
    """Signal the process group ``pgid`` (the command's own: it leads a new session).
    Linux does not hand out a process id while a group by that number has members, so
    the group is still the command's even after the command itself has exited."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
