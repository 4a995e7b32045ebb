"""Backfill through the engine and the HTTP API, on SQLite and PostgreSQL, with a frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink

DAILY_9_NY = {"type": "cron", "expression": "0 9 * * *", "timezone": "America/New_York"}


async def backfill(engine: EngineHarness, job_id: str, **body: Any) -> dict[str, Any]:
    response = await engine.api.post(f"/jobs/{job_id}/backfill", json=body)
    assert response.status_code == 202, response.text
    return dict(response.json())


async def all_finished(engine: EngineHarness, job_id: str, count: int) -> list[dict[str, Any]]:
    async def probe() -> list[dict[str, Any]] | None:
        runs = await engine.runs(job_id)
        done = [r for r in runs if r["status"] not in ("queued", "running")]
        return runs if len(done) == count == len(runs) else None

    return list(await engine.until(probe, what=f"{count} finished runs"))


async def test_backfill_runs_each_past_slot_once_and_is_idempotent(
    engine: EngineHarness, sink: Sink
) -> None:
    job = await engine.create(
        name="digest",
        action="http",
        http={
            "url": sink.url("/slot"),
            "method": "POST",
            "body": {"slot": "{{ run.scheduled_for }}"},
        },
        schedule=DAILY_9_NY,
    )
    # now is Monday 2026-03-02 08:00 in New York; the range is read in the job's zone
    body = await backfill(engine, job["id"], start="2026-02-25T00:00", end="2026-03-02T00:00")
    assert body["slots"] == 5
    assert body["count"] == 5
    assert [r["scheduled_for"] for r in body["runs"]] == [
        f"2026-{day}T09:00:00-05:00" for day in ("02-25", "02-26", "02-27", "02-28", "03-01")
    ]
    assert body["left_alone"] == []
    runs = await all_finished(engine, job["id"], 5)
    assert {(r["trigger"], r["status"]) for r in runs} == {("backfill", "succeeded")}
    # one at a time (the job's concurrency), in slot order
    assert [r.json()["slot"][:10] for r in sink.on("/slot")] == [
        "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01"
    ]  # fmt: skip

    again = await backfill(engine, job["id"], start="2026-02-25T00:00", end="2026-03-02T00:00")
    assert again["count"] == 0
    assert [(r["run_id"], r["status"]) for r in again["left_alone"]] == [
        (r["run_id"], "succeeded") for r in body["runs"]
    ]
    assert len(await engine.runs(job["id"])) == 5
    assert len(sink.on("/slot")) == 5


async def test_backfill_overlapping_a_previous_one_adds_only_the_new_slots(
    engine: EngineHarness,
) -> None:
    job = await engine.create(name="digest", action="noop", schedule=DAILY_9_NY)
    first = await backfill(engine, job["id"], start="2026-02-27T00:00", end="2026-03-01T00:00")
    second = await backfill(engine, job["id"], start="2026-02-26T00:00", end="2026-03-02T00:00")
    assert [r["scheduled_for"][:10] for r in first["runs"]] == ["2026-02-27", "2026-02-28"]
    assert [r["scheduled_for"][:10] for r in second["runs"]] == ["2026-02-26", "2026-03-01"]
    assert [r["scheduled_for"][:10] for r in second["left_alone"]] == ["2026-02-27", "2026-02-28"]
    await all_finished(engine, job["id"], 4)


async def test_backfill_slots_follow_the_schedule_across_a_dst_change(
    engine: EngineHarness,
) -> None:
    engine.clock.set(datetime(2026, 3, 12, 12, 0, tzinfo=UTC))
    job = await engine.create(
        name="night",
        action="noop",
        schedule={"type": "cron", "expression": "30 2 * * *", "timezone": "America/New_York"},
    )
    body = await backfill(engine, job["id"], start="2026-03-06T00:00", end="2026-03-10T00:00")
    # 8 March: 02:30 does not exist in New York; the slot is the first instant after the gap
    assert [r["scheduled_for"] for r in body["runs"]] == [
        "2026-03-06T02:30:00-05:00",
        "2026-03-07T02:30:00-05:00",
        "2026-03-08T03:00:00-04:00",
        "2026-03-09T02:30:00-04:00",
    ]


async def test_slots_skipped_earlier_are_run_and_the_one_that_ran_is_left_alone(
    engine: EngineHarness,
) -> None:
    job = await engine.create(
        name="hourly",
        action="noop",
        schedule={"type": "every", "interval": 3600},
        catchup_window_seconds=600,
    )
    engine.clock.advance(3 * 3600 + 60)  # down for three hours: 14:00 and 15:00 missed
    await engine.tick()
    await all_finished(engine, job["id"], 3)
    body = await backfill(engine, job["id"], start="2026-03-02T14:00:00Z", end="2026-03-02T16:01Z")
    assert [r["scheduled_for"] for r in body["runs"]] == [
        "2026-03-02T14:00:00+00:00",
        "2026-03-02T15:00:00+00:00",
    ]
    assert [(r["scheduled_for"], r["status"]) for r in body["left_alone"]] == [
        ("2026-03-02T16:00:00+00:00", "succeeded")
    ]
    runs = await all_finished(engine, job["id"], 3)  # the skipped rows became the runs
    assert {r["scheduled_for"][11:16]: (r["trigger"], r["status"]) for r in runs} == {
        "14:00": ("backfill", "succeeded"),
        "15:00": ("backfill", "succeeded"),
        "16:00": ("schedule", "succeeded"),
    }


@pytest.mark.parametrize(
    ("body", "status", "field", "fragment"),
    [
        ({"end": "2026-03-01T00:00"}, 422, "start", "required"),
        ({"start": "2026-03-01T00:00", "end": "2026-02-01T00:00"}, 422, "end", "after start"),
        ({"start": "2026-03-01T00:00", "end": "2026-03-09T00:00"}, 422, "end", "future"),
        ({"start": "yesterday", "end": "2026-03-01T00:00"}, 422, "start", ""),
        ({"start": "2026-02-01T00:00", "end": "2026-03-01T00:00"}, 422, "end", "1000 slots"),
    ],
)
async def test_bad_ranges(
    engine: EngineHarness, body: dict[str, Any], status: int, field: str, fragment: str
) -> None:
    job = await engine.create(
        name="minutely", action="noop", schedule={"type": "cron", "expression": "* * * * *"}
    )
    response = await engine.api.post(f"/jobs/{job['id']}/backfill", json=body)
    assert response.status_code == status, response.text
    assert response.json()["field"] == field
    assert fragment in response.json()["errors"][0]["reason"]
    assert await engine.runs(job["id"]) == []


async def test_a_job_without_schedule_has_nothing_to_backfill(engine: EngineHarness) -> None:
    job = await engine.create(name="on demand", action="noop", schedule=None)
    response = await engine.api.post(
        f"/jobs/{job['id']}/backfill", json={"start": "2026-03-01T00:00", "end": "2026-03-02T00:00"}
    )
    assert response.status_code == 409
    assert "no schedule" in response.json()["detail"]


async def test_the_last_allowed_count_is_accepted(engine: EngineHarness) -> None:
    job = await engine.create(
        name="minutely", action="noop", schedule={"type": "cron", "expression": "* * * * *"}
    )
    body = await backfill(engine, job["id"], start="2026-03-01T00:00Z", end="2026-03-01T16:40Z")
    assert body["count"] == 1000
