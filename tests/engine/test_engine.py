"""The engine through the HTTP API, on SQLite and PostgreSQL, with a frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from agentcron.app.storage.tables import runs as runs_table
from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink

EVERY_MINUTE = {"type": "cron", "expression": "* * * * *"}


async def test_trigger_runs_now_and_updates_the_job(engine: EngineHarness) -> None:
    job = await engine.create(name="noop", action="noop", schedule=None)
    response = await engine.api.post(f"/jobs/{job['id']}/trigger")
    assert response.status_code == 202
    run_id = response.json()["run_id"]
    assert response.headers["location"] == f"/api/scheduler/jobs/{job['id']}/runs/{run_id}"
    run = await engine.finished(job["id"], run_id)
    assert run["status"] == "succeeded"
    assert run["trigger"] == "manual"
    assert run["attempt"] == 1
    job = await engine.job(job["id"])
    assert job["run_count"] == 1
    assert job["last_run_at"] == "2026-03-02T13:00:00+00:00"


async def test_each_slot_fires_once_and_next_run_advances(engine: EngineHarness) -> None:
    job = await engine.create(name="minutely", action="noop", schedule=EVERY_MINUTE)
    assert job["next_run_at"] == "2026-03-02T13:01:00+00:00"
    await engine.advance(60)
    await engine.tick()  # a second look at the same moment fires nothing more
    runs = await engine.until(lambda: engine.runs(job["id"], status="succeeded"), what="a run")
    assert [r["scheduled_for"] for r in runs] == ["2026-03-02T13:01:00+00:00"]
    assert runs[0]["trigger"] == "schedule"
    assert (await engine.job(job["id"]))["next_run_at"] == "2026-03-02T13:02:00+00:00"
    await engine.advance(60)
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 2), what="the second slot")
    assert len(await engine.runs(job["id"])) == 2


async def _count(engine: EngineHarness, job_id: str, status: str, n: int) -> bool:
    return len(await engine.runs(job_id, status=status)) == n


async def test_manual_trigger_does_not_consume_the_slot(engine: EngineHarness) -> None:
    job = await engine.create(name="minutely", action="noop", schedule=EVERY_MINUTE)
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    await engine.advance(60)
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 2), what="the slot's run")
    triggers = sorted(r["trigger"] for r in await engine.runs(job["id"]))
    assert triggers == ["manual", "schedule"]


async def test_http_job_records_the_response(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="ping",
        action="http",
        http={"url": sink.url("/echo"), "method": "POST", "body": {"hello": "world"}},
        schedule=None,
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run
    assert run["data"]["status"] == 200
    assert (
        run["data"]["body"]["body"] == '{"hello":"world"}'
        or run["data"]["body"]["method"] == "POST"
    )
    assert sink.on("/echo")[0].json() == {"hello": "world"}


async def test_failures_are_retried_then_fail_for_good(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="flaky",
        action="http",
        http={"url": sink.url("/status/503")},
        retry={"max_attempts": 3, "strategy": "fixed", "base_delay": 30, "jitter": False},
        schedule=None,
    )
    first = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert first["status"] == "failed" and "503" in first["error"]
    for attempt in (2, 3):
        await engine.advance(30)
        await engine.until(
            lambda a=attempt: _count(engine, job["id"], "failed", a), what=f"attempt {attempt}"
        )
    runs = await engine.runs(job["id"])
    assert [(r["trigger"], r["attempt"], r["status"]) for r in runs] == [
        ("manual", 1, "failed"),
        ("retry", 2, "failed"),
        ("retry", 3, "failed"),
    ]
    assert runs[1]["retry_of"] == runs[0]["id"]
    await engine.advance(3600)
    assert len(await engine.runs(job["id"])) == 3  # no fourth attempt
    job = await engine.job(job["id"])
    assert job["consecutive_failures"] == 1
    assert job["run_count"] == 3


async def test_client_errors_are_not_retried(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="bad request",
        action="http",
        http={"url": sink.url("/status/404")},
        retry={"max_attempts": 5, "base_delay": 0},
        schedule=None,
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "failed"
    await engine.tick()
    assert len(await engine.runs(job["id"])) == 1


async def test_timeout_ends_the_run_timed_out(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="slow",
        action="http",
        http={"url": sink.url("/hang")},
        timeout_seconds=1,
        schedule=None,
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "timed_out"
    assert "timed out after 1 s" in run["error"]


async def test_cancel_stops_a_running_run_while_it_is_still_going(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="slow", action="http", http={"url": sink.url("/hang")}, schedule=None
    )
    run_id = await engine.trigger(job["id"])

    async def running() -> bool:
        return (await engine.run(job["id"], run_id))["status"] == "running" and bool(
            sink.on("/hang")
        )

    await engine.until(running, what="the run to start")
    response = await engine.api.post(f"/jobs/{job['id']}/runs/{run_id}/cancel")
    assert response.status_code == 202
    # its request never ends on its own (the sink holds it until released, and no timeout
    # comes within the wait): a run that ends, cancelled, was stopped by the cancel
    run = await engine.finished(job["id"], run_id)
    assert run["status"] == "cancelled"
    again = await engine.api.post(f"/jobs/{job['id']}/runs/{run_id}/cancel")
    assert again.status_code == 409


async def test_cancel_a_queued_run(engine: EngineHarness) -> None:
    job = await engine.create(name="later", action="noop", schedule=None)
    # a run queued for the future (as a retry would be) is cancelled at once
    now = engine.clock.now()
    await engine.rt.db.write(
        lambda conn: conn.execute(
            insert(runs_table).values(
                id="run_queuedlater",
                job_id=job["id"],
                owner="alice",
                trigger="retry",
                attempt=2,
                status="queued",
                not_before=now + timedelta(hours=1),
                created_at=now,
            )
        )
    )
    response = await engine.api.post(f"/jobs/{job['id']}/runs/run_queuedlater/cancel")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


async def test_overlap_skip_records_the_skipped_slot(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="long", action="http", http={"url": sink.url("/hang")}, schedule=EVERY_MINUTE
    )
    await engine.advance(60)

    async def running() -> bool:
        return bool(sink.on("/hang"))

    await engine.until(running, what="the first run to start")
    await engine.advance(60)
    skipped = await engine.until(lambda: engine.runs(job["id"], status="skipped"), what="a skip")
    assert skipped[0]["scheduled_for"] == "2026-03-02T13:02:00+00:00"
    assert "overlap" in skipped[0]["reason"]
    sink.release.set()
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 1), what="the first run")


async def test_overlap_queue_waits_for_the_previous_run(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="long",
        action="http",
        http={"url": sink.url("/hang")},
        schedule=EVERY_MINUTE,
        overlap="queue",
    )
    await engine.advance(60)
    await engine.until(lambda: _has_requests(sink, 1), what="the first run")
    await engine.advance(60)
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 2), what="the queued run")
    assert [r["status"] for r in runs] == ["running", "queued"]
    sink.release.set()
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 2), what="both runs")


async def _has_requests(sink: Sink, n: int) -> bool:
    return len(sink.on("/hang")) >= n


async def _runs_with(engine: EngineHarness, job_id: str, n: int) -> list | None:
    runs = await engine.runs(job_id)
    return runs if len(runs) >= n else None


async def test_catch_up_runs_the_newest_missed_slot_once(engine: EngineHarness) -> None:
    job = await engine.create(
        name="hourly",
        action="noop",
        schedule={"type": "every", "interval": 3600},
        catchup_window_seconds=7200,
    )
    engine.clock.advance(5 * 3600 + 60)  # down for five hours: slots 14:00 … 18:00 missed
    await engine.tick()
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 1), what="the catch-up run")
    runs = await engine.runs(job["id"])
    by_slot = {r["scheduled_for"][11:16]: (r["status"], r["reason"] or "") for r in runs}
    assert by_slot["18:00"][0] == "succeeded"
    assert by_slot["17:00"][0] == "skipped" and "coalesced" in by_slot["17:00"][1]
    # 16:00 is 2 h 01 min late at 18:01: just outside the two-hour window
    for hour in ("14:00", "15:00", "16:00"):
        assert by_slot[hour][0] == "skipped" and "missed" in by_slot[hour][1]
    assert (await engine.job(job["id"]))["next_run_at"] == "2026-03-02T19:00:00+00:00"


async def test_a_late_look_runs_every_slot_it_was_late_for(engine: EngineHarness) -> None:
    job = await engine.create(
        name="every ten seconds", action="noop", schedule={"type": "every", "interval": 10}
    )
    await engine.tick()  # the scheduler is looking
    # then it is held up for 35 s (a busy machine): late, not down; 13:00:10, :20 and :30
    # came due while it was looking, and each runs, one after the other
    engine.clock.advance(35)
    await engine.tick()
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 3), what="three runs")
    for run in runs:
        await engine.finished(job["id"], run["id"])
    runs = sorted(await engine.runs(job["id"]), key=lambda r: r["scheduled_for"])
    assert [(r["scheduled_for"][11:19], r["status"]) for r in runs] == [
        ("13:00:10", "succeeded"),
        ("13:00:20", "succeeded"),
        ("13:00:30", "succeeded"),
    ]


async def test_excluded_slots_are_recorded_as_skipped(engine: EngineHarness) -> None:
    job = await engine.create(
        name="weekdays only",
        action="noop",
        schedule={"type": "cron", "expression": "0 9 * * *"},
        exclusions={"weekdays": ["tue"]},
    )
    # Monday 13:00 now; Tuesday 09:00 is excluded, so the next real run is Wednesday
    assert job["next_run_at"] == "2026-03-04T09:00:00+00:00"
    await engine.advance(20 * 3600)
    skipped = await engine.until(lambda: engine.runs(job["id"], status="skipped"), what="a skip")
    assert skipped[0]["scheduled_for"] == "2026-03-03T09:00:00+00:00"
    assert "excluded weekday" in skipped[0]["reason"]


async def test_one_time_job_completes(engine: EngineHarness) -> None:
    job = await engine.create(
        name="once", action="noop", schedule={"type": "at", "datetime": "2026-03-02T13:30:00Z"}
    )
    await engine.advance(1800)
    await engine.until(lambda: _status_is(engine, job["id"], "completed"), what="completion")
    job = await engine.job(job["id"])
    assert job["next_run_at"] is None and job["run_count"] == 1


async def _status_is(engine: EngineHarness, job_id: str, status: str) -> bool:
    return (await engine.job(job_id))["status"] == status


async def test_pause_on_failure(engine: EngineHarness, sink: Sink) -> None:
    job = await engine.create(
        name="breaks",
        action="http",
        http={"url": sink.url("/status/500")},
        schedule=EVERY_MINUTE,
        pause_on_failure=2,
    )
    await engine.advance(60)
    await engine.until(lambda: _count(engine, job["id"], "failed", 1), what="failure 1")
    await engine.advance(60)
    await engine.until(lambda: _status_is(engine, job["id"], "paused"), what="the pause")
    assert (await engine.job(job["id"]))["consecutive_failures"] == 2


async def test_a_run_whose_instance_died_is_recovered_and_retried(engine: EngineHarness) -> None:
    job = await engine.create(
        name="victim",
        action="noop",
        schedule=None,
        retry={"max_attempts": 2, "strategy": "fixed", "base_delay": 0, "jitter": False},
    )
    now = engine.clock.now()
    await engine.rt.db.write(
        lambda conn: conn.execute(
            insert(runs_table).values(
                id="run_orphaned",
                job_id=job["id"],
                owner="alice",
                trigger="manual",
                attempt=1,
                status="running",
                not_before=now,
                created_at=now,
                started_at=now,
                acquired_by="inst_dead",
                acquired_until=now - timedelta(seconds=1),
            )
        )
    )
    orphan = await engine.finished(job["id"], "run_orphaned")
    assert orphan["status"] == "failed" and orphan["reason"] == "interrupted"
    assert "inst_dead" in orphan["error"]
    await engine.until(lambda: _count(engine, job["id"], "succeeded", 1), what="the retry")
    retry = (await engine.runs(job["id"], status="succeeded"))[0]
    assert retry["trigger"] == "retry" and retry["retry_of"] == "run_orphaned"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # 02:30 does not exist on 8 March 2026 in New York: first instant after the gap
        (
            "30 2 * * *",
            ["2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"],
        ),
        (
            "0 3 * * *",
            ["2026-03-07T03:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T03:00:00-04:00"],
        ),
    ],
)
async def test_spring_forward_through_the_engine(
    engine: EngineHarness, expression: str, expected: list[str]
) -> None:
    engine.clock.set(datetime(2026, 3, 7, 0, 0, tzinfo=UTC))
    job = await engine.create(
        name="dst",
        action="noop",
        schedule={"type": "cron", "expression": expression, "timezone": "America/New_York"},
    )
    for _ in range(3 * 24):
        await engine.advance(3600)
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 3), what="three runs")
    assert [r["scheduled_for"] for r in runs[:3]] == expected


async def test_fall_back_fires_once(engine: EngineHarness) -> None:
    engine.clock.set(datetime(2026, 10, 31, 12, 0, tzinfo=UTC))
    job = await engine.create(
        name="dst",
        action="noop",
        schedule={"type": "cron", "expression": "30 1 * * *", "timezone": "America/New_York"},
    )
    for _ in range(3 * 24 * 2):
        await engine.advance(1800)
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 3), what="three runs")
    assert [r["scheduled_for"] for r in runs] == [
        "2026-11-01T01:30:00-04:00",
        "2026-11-02T01:30:00-05:00",
        "2026-11-03T01:30:00-05:00",
    ]


async def test_status_and_metrics(engine: EngineHarness) -> None:
    job = await engine.create(name="noop", action="noop", schedule=None)
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    status = (await engine.api.get("/status")).json()
    assert status["running"] is True
    assert status["instance_id"] == engine.rt.instance_id
    assert [i["id"] for i in status["instances"]] == [engine.rt.instance_id]
    assert {"tick_interval_seconds", "next_tick_at", "jobs_checked_last_tick", "queued"} <= set(
        status
    )
    stats = (await engine.api.get(f"/jobs/{job['id']}/stats")).json()
    assert stats["runs_by_status"] == {"succeeded": 1} and stats["success_rate"] == 1.0
    overall = (await engine.api.get("/stats")).json()
    assert overall["total_runs_today"] == 1 and overall["active_jobs"] == 1


async def test_job_events_are_posted_signed_to_webhook_url(
    engine: EngineHarness, sink: Sink
) -> None:
    from agentcron.delivery.signing import SIGNATURE_HEADER, verify

    engine.rt.settings.webhook_secret = "s3cret"
    job = await engine.create(
        name="watched", action="noop", schedule=None, webhook_url=sink.url("/events")
    )
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()
    await sink.wait_for_requests(2)
    events = sink.on("/events")
    assert sorted(e.json()["event"] for e in events) == ["job.finished", "job.started"]
    for event in events:
        assert event.json()["job_id"] == job["id"]
        header = event.headers[SIGNATURE_HEADER]
        assert verify("s3cret", header, event.body, now=int(__import__("time").time()))
        assert not verify("wrong", header, event.body, now=int(__import__("time").time()))


async def test_webhook_deliveries_and_job_events_carry_an_idempotency_key(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="keyed",
        action="noop",
        schedule=None,
        webhook_url=sink.url("/events"),
        delivery={"channel": f"webhook:{sink.url('/results')}"},
    )
    await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()
    await sink.wait_for_requests(3)
    [result] = sink.on("/results")
    events = {e.json()["event"]: e.headers["Idempotency-Key"] for e in sink.on("/events")}
    slot_key = result.headers["Idempotency-Key"].removesuffix(":result")
    assert slot_key.startswith(f"{job['id']}:")  # the job and the instant the run stands for
    assert events == {
        "job.started": f"{slot_key}:job.started:1",
        "job.finished": f"{slot_key}:job.finished:1",
    }
