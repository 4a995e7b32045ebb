"""rrule jobs through the engine on a frozen clock: each slot fires once, next_run_at advances on
the wall clock across a DST change, COUNT ends the job, exclusions and catch-up apply."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.engine.conftest import FINAL, EngineHarness


async def _runs_with(engine: EngineHarness, job_id: str, n: int) -> list[dict[str, Any]] | None:
    runs = await engine.runs(job_id, status="succeeded")
    return runs if len(runs) >= n else None


async def _advance(engine: EngineHarness, job_id: str, seconds: float) -> None:
    """Move the clock, then wait for the runs it started to finish (no overlap skips)."""
    await engine.advance(seconds)

    async def settled() -> bool:
        return all(r["status"] in FINAL for r in await engine.runs(job_id))

    await engine.until(settled, what="the runs to finish")


async def test_every_other_day_at_930_keeps_the_wall_clock_through_spring_forward(
    engine: EngineHarness,
) -> None:
    engine.clock.set(datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
    job = await engine.create(
        name="every other day",
        action="noop",
        schedule={
            "type": "rrule",
            "rule": "FREQ=DAILY;INTERVAL=2;BYHOUR=9;BYMINUTE=30",
            "timezone": "America/New_York",
            "start_at": "2026-03-05T00:00:00",
        },
        catchup_window_seconds=5 * 3600,  # the clock moves four hours a look
    )
    assert job["next_run_at"] == "2026-03-05T09:30:00-05:00"
    for _ in range(6 * 6):  # six days, a look every four hours
        await _advance(engine, job["id"], 4 * 3600)
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 3), what="three runs")
    assert [r["scheduled_for"] for r in runs] == [
        "2026-03-05T09:30:00-05:00",
        "2026-03-07T09:30:00-05:00",
        "2026-03-09T09:30:00-04:00",  # New York sprang forward on the 8th
    ]
    assert all(r["trigger"] == "schedule" for r in runs)
    assert (await engine.job(job["id"]))["next_run_at"] == "2026-03-11T09:30:00-04:00"


async def test_count_ends_the_series_and_the_job_completes(engine: EngineHarness) -> None:
    job = await engine.create(
        name="three times",
        action="noop",
        schedule={"type": "rrule", "rule": "FREQ=HOURLY;COUNT=3", "timezone": "Europe/Berlin"},
    )
    # made at 14:00 Berlin time: start_at is the next whole hour, the first of three
    assert job["schedule"]["start_at"] == "2026-03-02T15:00:00+01:00"
    for _ in range(5):
        await _advance(engine, job["id"], 3600)
    runs = await engine.until(lambda: _runs_with(engine, job["id"], 3), what="three runs")
    assert [r["scheduled_for"][11:16] for r in runs] == ["15:00", "16:00", "17:00"]

    async def completed() -> bool:
        await engine.tick()
        return (await engine.job(job["id"]))["status"] == "completed"

    await engine.until(completed, what="the job to complete")
    assert len(await engine.runs(job["id"])) == 3


async def test_excluded_and_missed_rrule_slots_are_recorded(engine: EngineHarness) -> None:
    job = await engine.create(
        name="business days",
        action="noop",
        schedule={
            "type": "rrule",
            "rule": "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,10,11,12;BYMINUTE=0",
            "timezone": "UTC",
        },
        exclusions={"dates": ["2026-03-03"]},
        catchup_window_seconds=7200,
    )
    assert job["next_run_at"] == "2026-03-04T09:00:00+00:00"  # Tuesday the 3rd is excluded
    engine.clock.set(datetime(2026, 3, 4, 12, 30, tzinfo=UTC))  # down until 12:30
    await engine.tick()
    await engine.until(lambda: _runs_with(engine, job["id"], 1), what="the catch-up run")
    runs = await engine.runs(job["id"])
    by_slot = {r["scheduled_for"]: (r["status"], r["reason"] or "") for r in runs}
    assert by_slot["2026-03-04T12:00:00+00:00"][0] == "succeeded"
    assert by_slot["2026-03-04T11:00:00+00:00"][0] == "skipped"
    assert "coalesced" in by_slot["2026-03-04T11:00:00+00:00"][1]
    assert "missed" in by_slot["2026-03-04T09:00:00+00:00"][1]
    excluded = [s for s, (_, reason) in by_slot.items() if "excluded" in reason]
    assert excluded == [] or all(s.startswith("2026-03-03") for s in excluded)
    assert (await engine.job(job["id"]))["next_run_at"] == "2026-03-05T09:00:00+00:00"
