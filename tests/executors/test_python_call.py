"""The ``python`` executor with real worker processes: functions of a module written for the
test, called with a payload; crashes, hangs, floods and failures end the worker, never us."""

from __future__ import annotations

import asyncio
import os
import textwrap
from pathlib import Path
from typing import Any

import pytest

from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.python_call import PythonExecutor
from tests.support.waiting import until

pytestmark = pytest.mark.slow

FUNCTIONS = """
import asyncio, ctypes, os, subprocess, sys, threading, time

def double(payload):
    print("doubling", payload["n"])
    return {"n": payload["n"] * 2, "when": None}

def crash(payload):
    os._exit(3)

def segfault(payload):
    ctypes.string_at(0)

def hang(payload):
    with open(payload["started"], "w") as f:
        f.write(str(os.getpid()))
    time.sleep(600)

def spawn_and_hang(payload):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open(payload["started"], "w") as f:
        f.write(str(child.pid))
    time.sleep(600)

def huge(payload):
    return "x" * 5_000_000

def chatty(payload):
    for i in range(100_000):
        print("line", i)
    print("the end")
    return "done"

def fails(payload):
    raise ValueError(f"no customer {payload['customer']!r}")

def exits(payload):
    sys.exit(2)

def with_context(payload, context):
    return {"job": context["job_name"], "attempt": context["attempt"]}

async def awaited(payload):
    await asyncio.sleep(0)
    return [payload, "async"]

def not_json(payload):
    return {1, 2}

def secrets(payload):
    return sorted(k for k in os.environ if k.startswith(("AGENTCRON_", "OPENAI_", "SLACK_")))

def lingers(payload):
    threading.Thread(target=time.sleep, args=(600,)).start()  # not a daemon
    return "left a thread running"

class Reports:
    @staticmethod
    def build(payload):
        return {"built": payload}
"""


@pytest.fixture
def functions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PythonExecutor:
    (tmp_path / "fx_jobs.py").write_text(textwrap.dedent(FUNCTIONS))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("AGENTCRON_SQL_CONNECTIONS", '{"x": "postgresql://u:secret@h/db"}')
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-for-workers")
    names = [
        line.removeprefix("async ").split("(")[0][4:]
        for line in FUNCTIONS.splitlines()
        if line.startswith(("def ", "async def "))
    ]
    allowed = {f"fx_jobs:{name}" for name in names} | {"fx_jobs:Reports.build"}
    return PythonExecutor(frozenset(allowed))


def context(payload: Any = None) -> RunContext:
    return RunContext(
        run_id="run_1",
        job_id="job_1",
        job_name="nightly",
        owner="alice",
        attempt=2,
        scheduled_for=None,
        trigger="manual",
        goal=None,
        metadata={},
        payload=payload,
    )


async def call(
    executor: PythonExecutor, name: str, payload: Any = None, *, timeout: float = 60
) -> Outcome:
    action = {
        "type": "python",
        "python": {"function": f"fx_jobs:{name}", "timeout_seconds": timeout},
    }
    return await executor.execute(action, context(payload))


async def failure(
    executor: PythonExecutor, name: str, payload: Any = None, *, timeout: float = 60
) -> ExecutionFailed:
    with pytest.raises(ExecutionFailed) as caught:
        await call(executor, name, payload, timeout=timeout)
    return caught.value


def ended(pid: int) -> bool:
    """The process is gone, or dead and not yet reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


async def test_the_return_value_is_the_runs_data(functions: PythonExecutor) -> None:
    outcome = await call(functions, "double", {"n": 21})
    assert outcome.data == {"function": "fx_jobs:double", "result": {"n": 42, "when": None}}
    assert outcome.output == '{\n  "n": 42,\n  "when": null\n}'


async def test_a_method_a_coroutine_and_the_runs_context(functions: PythonExecutor) -> None:
    assert (await call(functions, "Reports.build", [1])).data["result"] == {"built": [1]}
    assert (await call(functions, "awaited", "p")).data["result"] == ["p", "async"]
    outcome = await call(functions, "with_context")
    assert outcome.data["result"] == {"job": "nightly", "attempt": 2}


async def test_a_crash_is_a_failed_attempt(functions: PythonExecutor) -> None:
    crashed = await failure(functions, "crash")
    assert crashed.message == "fx_jobs:crash's worker process exited with code 3 before it returned"
    assert crashed.retryable
    segfault = await failure(functions, "segfault")
    assert segfault.message.endswith("was killed by SIGSEGV before it returned")
    assert "in segfault" in segfault.output  # the Python stack of the crash, from its log
    # and the executor goes on
    assert (await call(functions, "double", {"n": 1})).data["result"]["n"] == 2


async def test_a_hang_is_stopped_at_its_timeout_with_what_it_started(
    functions: PythonExecutor, tmp_path: Path
) -> None:
    started = tmp_path / "started"
    hung = await failure(functions, "spawn_and_hang", {"started": str(started)}, timeout=3)
    assert hung.message == (
        "fx_jobs:spawn_and_hang ran longer than its timeout (3 s) and was stopped "
        "(python.timeout_seconds)"
    )
    # killed with its worker's process group (gone, or a zombie waiting for init to reap it)
    child = int(started.read_text())

    async def child_ended() -> bool:
        return ended(child)

    await until(child_ended, within=10, what="the child to end")


async def test_a_cancelled_attempt_kills_its_worker(
    functions: PythonExecutor, tmp_path: Path
) -> None:
    started = tmp_path / "started"
    attempt = asyncio.ensure_future(call(functions, "hang", {"started": str(started)}))

    async def running() -> bool:
        return started.exists() and started.read_text() != ""

    await until(running, within=30, what="the function to start")
    attempt.cancel()
    with pytest.raises(asyncio.CancelledError):
        await attempt
    assert ended(int(started.read_text()))


async def test_an_answer_too_large_is_refused_and_a_flood_of_prints_is_bounded(
    functions: PythonExecutor,
) -> None:
    huge = await failure(functions, "huge")
    assert huge.message.startswith("fx_jobs:huge returned more than 64,000 bytes of JSON")
    assert not huge.retryable
    chatty = await call(functions, "chatty")
    assert chatty.data["result"] == "done"


async def test_an_exception_is_the_runs_error_with_its_traceback(
    functions: PythonExecutor,
) -> None:
    failed = await failure(functions, "fails", {"customer": "c_9"})
    assert failed.message == "fx_jobs:fails raised ValueError: no customer 'c_9'"
    assert failed.retryable
    assert "in fails\n" in failed.output and "python_worker" not in failed.output
    exited = await failure(functions, "exits")
    assert exited.message == "fx_jobs:exits raised SystemExit: 2"


async def test_a_value_json_cannot_hold_fails_without_retry(functions: PythonExecutor) -> None:
    failed = await failure(functions, "not_json")
    assert failed.message.startswith("fx_jobs:not_json raised NotJSON: returned a value JSON")
    assert not failed.retryable


async def test_the_worker_is_not_given_the_services_settings(functions: PythonExecutor) -> None:
    assert os.environ["AGENTCRON_SQL_CONNECTIONS"]  # set for this test, in our environment
    assert (await call(functions, "secrets")).data["result"] == []


async def test_a_thread_left_running_does_not_hold_the_answer(functions: PythonExecutor) -> None:
    outcome = await call(functions, "lingers", timeout=30)
    assert outcome.data["result"] == "left a thread running"


async def test_a_function_off_the_allow_list_is_never_started(functions: PythonExecutor) -> None:
    action = {"type": "python", "python": {"function": "os:system"}}
    with pytest.raises(ExecutionFailed) as caught:
        await functions.execute(action, context("echo hi"))
    assert not caught.value.retryable and "'os:system'" in caught.value.message


async def test_a_function_that_cannot_be_imported_fails_without_retry(
    functions: PythonExecutor,
) -> None:
    functions.functions = frozenset({"fx_missing:run", "fx_jobs:no_such_function"})
    missing = await failure_of(functions, "fx_missing:run")
    assert missing.message == (
        "fx_missing:run could not be imported: ModuleNotFoundError: No module named "
        "'fx_missing' (is its module on the service's PYTHONPATH?)"
    )
    assert not missing.retryable
    absent = await failure_of(functions, "fx_jobs:no_such_function")
    assert absent.message.startswith(
        "fx_jobs:no_such_function could not be imported: AttributeError"
    )


async def failure_of(executor: PythonExecutor, function: str) -> ExecutionFailed:
    action = {"type": "python", "python": {"function": function}}
    with pytest.raises(ExecutionFailed) as caught:
        await executor.execute(action, context())
    return caught.value
