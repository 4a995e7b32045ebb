"""``command`` jobs through the engine, with real processes (SQLite and PostgreSQL): create,
trigger, and the run's data; a failing command fails its run saying why; a job whose type
the engine's operator has not enabled fails without retrying."""

from __future__ import annotations

import json
import sys

import pytest

from agentcron.app.config import Settings
from tests.engine.conftest import EngineHarness, settings_with

pytestmark = pytest.mark.slow

COMMANDS = json.dumps(
    {
        "greet": {"argv": ["/bin/echo", "hello"], "args": True},
        "python": {"argv": [sys.executable, "-c"], "args": True, "timeout_seconds": 30},
    }
)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return settings_with(db_url, commands=COMMANDS)


async def test_a_command_job_runs_and_its_exit_code_and_output_are_the_runs(
    engine: EngineHarness,
) -> None:
    job = await engine.create(
        name="greet", command={"name": "greet", "args": ["world"]}, schedule=None
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run
    assert run["output"] == "hello world\n"
    assert run["data"]["exit_code"] == 0
    assert run["data"]["argv"] == ["/bin/echo", "hello", "world"]
    assert run["data"]["stdout"] == "hello world\n"


async def test_the_payload_goes_in_and_a_condition_reads_the_data(engine: EngineHarness) -> None:
    script = "import json, sys; n = json.load(sys.stdin)['n']; print(n * 2); sys.exit(n > 5)"
    job = await engine.create(
        name="double",
        command={"name": "python", "args": [script]},
        schedule=None,
        payload={"n": 21},
        condition={"expression": "exit_code == 0"},
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "failed", run
    assert run["error"] == "command 'python' exited with code 1"
    assert run["data"]["stdout"] == "42\n"
    assert run["data"]["exit_code"] == 1


async def test_a_command_over_its_timeout_is_a_failed_run_with_what_it_wrote(
    engine: EngineHarness,
) -> None:
    script = "import time; print('started', flush=True); time.sleep(1000)"
    job = await engine.create(
        name="hang",
        command={"name": "python", "args": [script], "timeout_seconds": 1},
        schedule=None,
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]), timeout=30)
    assert run["status"] == "failed", run
    assert "timed out after 1 s; its process group was killed" in run["error"]
    assert run["data"]["timed_out"] is True
    assert run["data"]["stdout"] == "started\n"


async def test_an_engine_whose_operator_did_not_enable_commands_fails_the_run_once(
    engine: EngineHarness,
) -> None:
    job = await engine.create(
        name="greet",
        command="greet",
        schedule=None,
        retry={"max_attempts": 3, "base_delay": 0},
    )
    # the API allowed it; this engine's executors were built without commands
    from agentcron.app.executors.registry import DisabledExecutor

    assert engine.service.worker is not None
    disabled = DisabledExecutor("command", "AGENTCRON_COMMANDS")
    engine.service.worker.executors._executors["command"] = disabled
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "failed"
    assert "command jobs are not enabled on this instance" in run["error"]
    assert len(await engine.runs(job["id"])) == 1  # not retried: retrying cannot help
