"""A job's payload reaches its executor: through the engine, on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink


async def test_an_http_jobs_payload_is_posted_as_its_body(
    engine: EngineHarness, sink: Sink
) -> None:
    payload = {"customer": "c_42", "items": [1, 2, 3], "note": "ünïcode"}
    job = await engine.create(
        name="order sync",
        action="http",
        http={"url": sink.url("/orders"), "method": "POST"},
        schedule=None,
        payload=payload,
    )
    assert job["payload"] == payload
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run
    [request] = sink.on("/orders")
    assert request.json() == payload


async def test_a_changed_payload_is_what_the_next_run_sends(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="ping",
        action="http",
        http={"url": sink.url("/ping/{{ payload.n }}"), "method": "PUT"},
        schedule=None,
        payload={"n": 1},
    )
    response = await engine.api.put(f"/jobs/{job['id']}", json={"payload": {"n": 2}})
    assert response.status_code == 200 and response.json()["payload"] == {"n": 2}
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    [request] = sink.requests
    assert request.path == "/ping/2" and request.json() == {"n": 2}
