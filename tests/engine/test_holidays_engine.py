"""Holiday calendars through the API and the engine: next_run_at, calendar data and the
runs agree with the schedule math."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.engine.conftest import EngineHarness

T0 = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


async def test_a_holiday_slot_is_recorded_skipped_with_its_name(engine: EngineHarness) -> None:
    job = await engine.create(
        name="christmas only",
        action="noop",
        schedule={"type": "cron", "expression": "0 9 25 12 *", "timezone": "UTC"},
        exclusions={"holidays": {"country": "US"}},
    )
    assert job["exclusions"] == {"holidays": {"country": "US"}}
    await engine.advance((datetime(2026, 12, 25, 9, tzinfo=UTC) - T0).total_seconds())

    async def skipped() -> list | None:
        runs = await engine.runs(job["id"])
        return runs if runs and runs[0]["status"] == "skipped" else None

    [run] = await engine.until(skipped, what="the holiday slot to be recorded")
    assert run["reason"] == "excluded holiday Christmas Day (US)"
    assert run["scheduled_for"] == "2026-12-25T09:00:00+00:00"


async def test_a_moved_slot_is_the_next_run_and_runs_on_the_business_day(
    engine: EngineHarness,
) -> None:
    # 7 March 2026 is a Saturday: the run moves to Monday the 9th, same time
    job = await engine.create(
        name="payroll",
        action="noop",
        schedule={"type": "cron", "expression": "0 9 7 * *", "timezone": "America/New_York"},
        exclusions={"holidays": {"country": "US", "shift": "next_business_day"}},
    )
    assert job["next_run_at"] == "2026-03-09T09:00:00-04:00"
    calendar = await engine.api.get(
        "/calendar-data", params={"start": "2026-03-01T00:00:00Z", "end": "2026-05-01T00:00:00Z"}
    )
    assert calendar.status_code == 200, calendar.text
    found = [e for e in calendar.json()["events"] if e["job_id"] == job["id"]]
    assert [e["local_time"][:10] for e in found] == ["2026-03-09", "2026-04-07"]
    await engine.advance((datetime(2026, 3, 9, 13, tzinfo=UTC) - T0).total_seconds())

    async def ran() -> list | None:
        runs = await engine.runs(job["id"])
        return runs if runs and runs[0]["status"] == "succeeded" else None

    [run] = await engine.until(ran, what="the moved slot to run")
    assert run["scheduled_for"] == "2026-03-09T09:00:00-04:00"
    assert (await engine.job(job["id"]))["next_run_at"] == "2026-04-07T09:00:00-04:00"


async def test_an_unknown_country_is_refused_naming_it(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs",
        json={
            "name": "x",
            "action": "noop",
            "schedule": "0 9 * * *",
            "exclusions": {"holidays": {"country": "Atlantis"}},
        },
    )
    assert response.status_code == 422
    assert response.json()["field"] == "exclusions.holidays.country"
