"""When finished runs are written: promptly, but not while runs still wait to get out.

The engine's outbound pool here has one connection, so a second http run waits its turn
inside the executor; the sink's ``/hang`` holds the first until the test releases it.
"""

from __future__ import annotations

import pytest

from agentcron.app.config import Settings
from agentcron.app.engine.worker import Worker
from tests.engine.conftest import EngineHarness, settings_with
from tests.fakes.sink import Sink


@pytest.fixture
def settings(db_url: str) -> Settings:
    return settings_with(db_url, http_connections=1)


def finished_unwritten(worker: Worker, run_id: str) -> bool:
    return any(result.run.id == run_id for result in worker._finished)


async def hold_the_only_connection(engine: EngineHarness, sink: Sink) -> list[tuple[str, str]]:
    """Two http runs: one holds the connection at the sink, one waits for it."""
    worker = engine.service.worker
    assert worker is not None
    run_ids = []
    for name in ("first", "second"):
        job = await engine.create(
            name=name, action="http", http={"url": sink.url("/hang")}, schedule=None
        )
        run_ids.append((job["id"], await engine.trigger(job["id"])))

    async def one_waiting() -> bool:
        return len(sink.on("/hang")) == 1 and worker.executors.waiting() == 1

    await engine.until(one_waiting, what="one request at the sink and one waiting its turn")
    return run_ids


async def quick_run(engine: EngineHarness) -> tuple[str, str]:
    job = await engine.create(name="quick", action="noop", schedule=None)
    return job["id"], await engine.trigger(job["id"])


async def test_a_finished_run_is_written_after_the_runs_waiting_to_start(
    engine: EngineHarness, sink: Sink
) -> None:
    worker = engine.service.worker
    assert worker is not None
    worker.max_record_delay = 600  # only the waiting request holds the write back here
    slow = await hold_the_only_connection(engine, sink)
    job_id, run_id = await quick_run(engine)

    async def done_in_memory() -> bool:
        return finished_unwritten(worker, run_id)

    await engine.until(done_in_memory, what="the quick run to finish")
    # finished, not yet written: a request is still waiting for a connection
    assert (await engine.run(job_id, run_id))["status"] == "running"

    sink.release.set()
    for job, run in [*slow, (job_id, run_id)]:
        assert (await engine.finished(job, run))["status"] == "succeeded"


async def test_a_finished_run_waits_at_most_max_record_delay(
    engine: EngineHarness, sink: Sink
) -> None:
    worker = engine.service.worker
    assert worker is not None
    worker.max_record_delay = 0.2
    slow = await hold_the_only_connection(engine, sink)
    job_id, run_id = await quick_run(engine)

    run = await engine.finished(job_id, run_id)
    assert run["status"] == "succeeded"
    # written although the request is still waiting for its turn
    assert worker.executors.waiting() == 1

    sink.release.set()
    for job, slow_run in slow:
        assert (await engine.finished(job, slow_run))["status"] == "succeeded"
