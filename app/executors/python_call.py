"""Runs ``python`` actions: an allow-listed ``module:function``, called with the job's payload
in a worker process of its own (``python_worker``), one per attempt.

The service only waits for the worker. A function that crashes (``os._exit``, a segfault),
hangs, allocates without end or floods its output ends its own process, never the service:
the worker's answer is read up to ``MAX_ANSWER_BYTES`` and its printed output only as far as
the last ``LOG_TAIL_BYTES``; past its timeout, or when the attempt is cancelled, the worker's
whole process group is killed. The worker gets the service's environment without the
service's own settings and secrets (``AGENTCRON_*``, ``OPENAI_*``, ``SLACK_*``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from typing import Any

from agentcron.app.domain.python_action import MAX_RESULT_BYTES, result_data, result_text
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.python_worker import MEMORY_LIMIT_ENV

#: worker processes at once; more attempts wait their turn
WORKERS = 4
#: the address space one worker may use
MEMORY_LIMIT_BYTES = 2 * 1024**3
#: the answer's JSON: the result and what it is wrapped in
MAX_ANSWER_BYTES = MAX_RESULT_BYTES + 16_000
#: what the function printed that a failure quotes (its end)
LOG_TAIL_BYTES = 2_000
#: settings of the service that its workers are not given
_WITHHELD = ("AGENTCRON_", "OPENAI_", "SLACK_")


class PythonExecutor:
    def __init__(self, functions: frozenset[str], *, workers: int = WORKERS) -> None:
        self.functions = functions
        self._turns = asyncio.Semaphore(workers)

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        spec = action.get("python") or {}
        function = spec.get("function")
        if function not in self.functions:
            raise ExecutionFailed(
                f"{function!r} is not on this service's AGENTCRON_PYTHON_FUNCTIONS; the job "
                "cannot run here",
                retryable=False,
            )
        timeout = float(spec.get("timeout_seconds") or 60)
        request = json.dumps(
            {"function": function, "payload": context.payload, "context": _context(context)}
        ).encode()
        async with self._turns:
            answer, log, code = await _run_worker(request, timeout=timeout, function=function)
        return _outcome(function, answer, log, code)


def _context(context: RunContext) -> dict[str, Any]:
    """What a function that takes ``context`` is told about its run."""
    return {
        "run_id": context.run_id,
        "job_id": context.job_id,
        "job_name": context.job_name,
        "attempt": context.attempt,
        "trigger": context.trigger,
        "scheduled_for": context.scheduled_for.isoformat() if context.scheduled_for else None,
        "metadata": context.metadata,
    }


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_WITHHELD)}
    env[MEMORY_LIMIT_ENV] = str(MEMORY_LIMIT_BYTES)
    return env


async def _run_worker(request: bytes, *, timeout: float, function: str) -> tuple[bytes, bytes, int]:
    """Start a worker, hand it ``request``, and wait for it: (answer, log tail, exit code)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "agentcron.app.executors.python_worker",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=_environment(),
        # its own process group: whatever it starts is killed with it
        start_new_session=True,
    )
    assert process.stdin is not None and process.stdout is not None
    assert process.stderr is not None
    log_reader = asyncio.ensure_future(_tail(process.stderr, LOG_TAIL_BYTES))
    try:
        async with asyncio.timeout(timeout):
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                process.stdin.write(request)
                await process.stdin.drain()
                process.stdin.close()
            answer = await _bounded(process.stdout, MAX_ANSWER_BYTES)
            if answer is None:
                raise ExecutionFailed(
                    f"{function} returned more than {MAX_RESULT_BYTES:,} bytes of JSON; return "
                    "a summary (the run's data is kept with every run)",
                    retryable=False,
                )
            code = await process.wait()
            log = await log_reader
            return answer, log, code
    except TimeoutError:
        raise ExecutionFailed(
            f"{function} ran longer than its timeout ({timeout:g} s) and was stopped "
            "(python.timeout_seconds)"
        ) from None
    finally:
        if process.returncode is None:
            _kill(process)
            await process.wait()
        log_reader.cancel()


def _kill(process: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


async def _bounded(stream: asyncio.StreamReader, limit: int) -> bytes | None:
    """All of ``stream``, or None once it is longer than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await stream.read(65_536):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _tail(stream: asyncio.StreamReader, keep: int) -> bytes:
    """The last ``keep`` bytes of ``stream``, read to its end (so the writer never blocks)."""
    tail = b""
    while chunk := await stream.read(65_536):
        tail = (tail + chunk)[-keep:]
    return tail


def _outcome(function: str, answer: bytes, log: bytes, code: int) -> Outcome:
    printed = log.decode("utf-8", "replace").strip()
    try:
        message = json.loads(answer) if answer else None
    except ValueError:
        message = None
    if not isinstance(message, dict):
        raise ExecutionFailed(_died(function, code), output=_log_block(printed))
    if message.get("ok"):
        result = message.get("result")
        return Outcome(output=result_text(function, result), data=result_data(function, result))
    error = message.get("error") or {}
    kind, text = error.get("type") or "Error", error.get("message") or ""
    trace = str(error.get("traceback") or "").strip()
    if error.get("stage") == "import":
        raise ExecutionFailed(
            f"{function} could not be imported: {kind}"
            + (f": {text}" if text else "")
            + " (is its module on the service's PYTHONPATH?)",
            retryable=False,
            output=_code_block(trace),
        )
    raise ExecutionFailed(
        f"{function} raised {kind}" + (f": {text}" if text else ""),
        retryable=kind != "NotJSON",
        output="\n\n".join(part for part in (_code_block(trace), _log_block(printed)) if part),
    )


def _died(function: str, code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"{function}'s worker process was killed by {name} before it returned"
    return f"{function}'s worker process exited with code {code} before it returned"


def _code_block(text: str) -> str:
    return f"```\n{text}\n```" if text else ""


def _log_block(printed: str) -> str:
    return f"What it printed last:\n```\n{printed[-LOG_TAIL_BYTES:]}\n```" if printed else ""
