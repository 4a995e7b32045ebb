"""Seed 003 through the engine: callback_url gets each slot's result, signed; http jobs emit
job.request and job.response events besides job.started and job.finished/job.error."""

from __future__ import annotations

import time

from agentcron.delivery.signing import SIGNATURE_HEADER, verify
from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink


async def test_the_callback_gets_the_result_signed_with_the_slots_key(
    engine: EngineHarness, sink: Sink
) -> None:
    engine.rt.settings.webhook_secret = "s3cret"
    sink.script("/api", body={"ok": True, "n": 3})
    job = await engine.create(
        name="seed 003",
        action="http",
        http={"url": sink.url("/api"), "method": "POST", "body": {"content": "Testing 123"}},
        schedule=None,
        callback_url=sink.url("/callback"),
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()
    await sink.wait_for_requests(2)
    [callback] = sink.on("/callback")
    body = callback.json()
    assert body["event"] == "run.result"
    assert body["run"]["id"] == run["id"] and body["run"]["status"] == "succeeded"
    assert body["data"]["status"] == 200 and body["data"]["body"] == {"ok": True, "n": 3}
    assert verify("s3cret", callback.headers[SIGNATURE_HEADER], callback.body, now=int(time.time()))
    [request] = sink.on("/api")
    assert callback.headers["Idempotency-Key"] == request.headers["Idempotency-Key"] + ":callback"

    async def delivered() -> dict | None:
        summary = (await engine.run(job["id"], run["id"]))["delivery"] or {}
        entry = summary.get("callback:" + sink.url("/callback"))
        return entry if entry and entry["status"] == "delivered" else None

    await engine.until(delivered, what="the callback recorded as delivered")


async def test_a_slot_retried_until_it_fails_calls_back_once_with_the_failure(
    engine: EngineHarness, sink: Sink
) -> None:
    sink.script("/flaky", status=503, times=2)
    job = await engine.create(
        name="flaky",
        action="http",
        http={"url": sink.url("/flaky")},
        schedule=None,
        retry={"max_attempts": 2, "strategy": "fixed", "base_delay": 0, "jitter": False},
        callback_url=sink.url("/callback"),
    )
    await engine.trigger(job["id"])

    async def failed_for_good() -> list | None:
        runs = await engine.runs(job["id"])
        done = [r for r in runs if r["status"] == "failed"]
        return runs if len(done) == 2 else None

    await engine.until(failed_for_good, what="both attempts to fail")
    engine.service.outbox.wake()
    await sink.wait_for_requests(3)
    [callback] = sink.on("/callback")
    assert callback.json()["event"] == "run.failed"
    assert callback.json()["attempts"] == 2


async def test_http_jobs_emit_request_and_response_events(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="events",
        action="http",
        http={
            "url": sink.url("/api"),
            "method": "POST",
            "headers": {"Authorization": "Bearer secret-token"},
            "query": {"page": 2},
        },
        schedule=None,
        payload={"hello": "world"},
        webhook_url=sink.url("/events"),
    )
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()
    await sink.wait_for_requests(5)
    events = {e.json()["event"]: e for e in sink.on("/events")}
    assert set(events) == {"job.started", "job.request", "job.response", "job.finished"}
    request = events["job.request"].json()["request"]
    assert request["method"] == "POST" and request["url"] == sink.url("/api")
    assert request["query"] == {"page": "2"}
    assert "Authorization" in request["headers"]
    assert "secret-token" not in events["job.request"].body.decode()  # names, never values
    assert request["body_bytes"] == len(b'{"hello":"world"}')
    response = events["job.response"].json()["response"]
    assert response["status"] == 200 and isinstance(response["elapsed_ms"], int)
    keys = {name: e.headers["Idempotency-Key"] for name, e in events.items()}
    assert keys["job.request"].endswith(":job.request:1")
    assert keys["job.response"].endswith(":job.response:1")


async def test_a_request_that_gets_no_answer_emits_the_request_and_the_error(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="unreachable",
        action="http",
        http={"url": "http://127.0.0.1:9/nothing"},  # the discard port: refused
        schedule=None,
        retry={"max_attempts": 1},
        webhook_url=sink.url("/events"),
    )
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()
    await sink.wait_for_requests(3)
    names = sorted(e.json()["event"] for e in sink.on("/events"))
    assert names == ["job.error", "job.request", "job.started"]
