"""``/smart/suggestions`` and ``/smart/heatmap`` through HTTP, on SQLite and PostgreSQL, with
activity seeded at known local times and a frozen clock (Monday 2026-03-02 13:00Z)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import insert, select

from agentcron.app.clock import FrozenClock
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService
from agentcron.app.storage.activity import ActivityStore, Entry, record_activity
from agentcron.app.storage.tables import activity, runs

NEW_YORK = ZoneInfo("America/New_York")


def local(day: date, hhmm: str, zone: ZoneInfo = NEW_YORK) -> datetime:
    hh, mm = map(int, hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=zone).astimezone(UTC)


async def seed_weekdays(rt: Runtime, first: date, days: int, times: list[str]) -> None:
    for i in range(days):
        day = first + timedelta(days=i)
        if day.weekday() < 5:
            for hhmm in times:
                await record_activity(rt, "alice", kind="slack_command", at=local(day, hhmm))


async def heatmap(api: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await api.get("/smart/heatmap", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def suggestions(api: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await api.get("/smart/suggestions", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_api_writes_are_activity_and_reads_are_not(
    api: httpx.AsyncClient, clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 3, 15, 17, tzinfo=UTC))  # Tuesday 10:17 in New York
    body = {"name": "x", "action": "noop", "schedule": None}
    assert (await api.post("/jobs", json=body)).status_code == 201
    assert (await api.post("/jobs", json={"name": ""})).status_code == 422  # still an action
    for _ in range(3):
        await api.get("/jobs")
    clock.advance(60)  # the same minute counted once; the next minute again
    assert (await api.post("/jobs", json=body)).status_code == 201
    grid = await heatmap(api, timezone="America/New_York", weeks=1)
    assert grid["source"] == "activity"
    assert grid["timezone"] == "America/New_York"
    assert grid["total"] == 2
    assert grid["grid"][1][10] == 2
    assert grid["window"] == {
        "start": "2026-02-24T10:18:00-05:00",
        "end": "2026-03-03T10:18:00-05:00",
    }


async def test_activity_heatmap_across_the_spring_change(
    api: httpx.AsyncClient, runtime: Runtime, clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 14, 12, 0, tzinfo=UTC))
    # two weeks of weekdays, 9 - 13 March after New York's change on Sunday 8 March
    await seed_weekdays(runtime, date(2026, 3, 2), 12, ["09:10", "09:40", "17:40"])
    grid = await heatmap(api, timezone="America/New_York", weeks=2)
    for weekday in range(5):
        assert grid["grid"][weekday][9] == 4  # two a day: merged into rows, still counted
        assert grid["grid"][weekday][17] == 2
    assert grid["total"] == 10 * 3
    # the same activity in Kolkata (UTC+05:30, no DST) moves by an hour at New York's change:
    # Monday 2 March 09:10 and 09:40 EST are 19:40 and 20:10; on 9 March (EDT) 18:40 and 19:10
    kolkata = await heatmap(api, timezone="Asia/Kolkata", weeks=2)
    assert [kolkata["grid"][0][h] for h in (18, 19, 20)] == [1, 2, 1]
    assert kolkata["total"] == 10 * 3


async def test_runs_heatmap_counts_started_runs_by_local_hour(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    job = (await api.post("/jobs", json={"name": "x", "action": "noop", "schedule": None})).json()
    monday = datetime(2026, 3, 2, tzinfo=UTC)
    starts = [monday - timedelta(days=7) + timedelta(hours=h, minutes=m) for h, m in
              ((3, 45), (4, 14), (4, 15), (4, 30), (12, 59))]  # fmt: skip
    rows = [
        {
            "id": f"run_{i}",
            "job_id": job["id"],
            "owner": "alice",
            "trigger": "manual",
            "status": "succeeded",
            "attempt": 1,
            "not_before": start,
            "created_at": start,
            "started_at": start,
            "completed_at": start,
            "cancel_requested": False,
        }
        for i, start in enumerate(starts)
    ]
    rows.append({**rows[0], "id": "run_never", "started_at": None, "status": "skipped"})
    await runtime.db.write(lambda conn: conn.execute(insert(runs), rows))
    grid = await heatmap(api, source="runs", timezone="Asia/Kolkata")
    # 03:45Z, 04:14Z and 04:15Z are 09:15, 09:44 and 09:45 in Kolkata; 04:30Z is 10:00
    assert grid["grid"][0][9] == 3
    assert grid["grid"][0][10] == 1
    assert grid["grid"][0][18] == 1  # 12:59Z is 18:29
    assert grid["total"] == 5
    utc = await heatmap(api, source="runs", timezone="UTC")
    assert (utc["grid"][0][3], utc["grid"][0][4], utc["grid"][0][12]) == (1, 3, 1)


async def test_scheduled_heatmap_is_the_next_seven_days(api: httpx.AsyncClient) -> None:
    schedule = {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"}
    body = {"name": "digest", "action": "noop", "schedule": schedule}
    assert (await api.post("/jobs", json=body)).status_code == 201
    grid = await heatmap(api, source="scheduled")
    # no timezone asked for: the owner's jobs run in New York, so the answer is in New York
    assert grid["timezone"] == "America/New_York"
    assert grid["timezone_source"] == "owner"
    # now is Monday 08:00 in New York: Monday to Friday at 09:00
    assert [row[9] for row in grid["grid"]] == [1, 1, 1, 1, 1, 0, 0]
    assert grid["total"] == 5
    assert grid["window"]["end"] == "2026-03-09T09:00:00-04:00"  # a week on, after the change


async def test_bad_parameters(api: httpx.AsyncClient) -> None:
    response = await api.get("/smart/heatmap", params={"source": "moods"})
    assert response.status_code == 400 and response.json()["field"] == "source"
    response = await api.get("/smart/heatmap", params={"timezone": "Mars/Base"})
    assert response.status_code == 400 and response.json()["field"] == "timezone"
    response = await api.get("/smart/suggestions", params={"job_id": "job_nope"})
    assert response.status_code == 404


async def test_suggestions_from_three_weeks_of_activity(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    await seed_weekdays(runtime, date(2026, 2, 9), 19, ["08:58", "12:00", "17:41"])
    await ActivityStore(runtime.db).set_owner_timezone(
        "alice", "America/New_York", now=runtime.clock.now()
    )
    body = await suggestions(api)
    assert body["timezone"] == "America/New_York"
    assert body["timezone_source"] == "owner"
    assert body["default"] is False
    assert body["based_on"] == {"days": 15, "events": 45}
    assert [(s["time"], s["days"], s["reason"]) for s in body["suggestions"]] == [
        ("08:50", "Mon-Fri", "5 min before typical start (08:58)"),
        ("17:40", "Mon-Fri", "end of typical work day (17:41)"),
    ]
    assert body["suggestions"][0]["schedule"] == {
        "type": "cron",
        "expression": "50 8 * * 1-5",
        "timezone": "America/New_York",
    }
    # a suggestion is ready to post as a job's schedule
    job = {"name": "d", "action": "noop", "schedule": body["suggestions"][0]["schedule"]}
    assert (await api.post("/jobs", json=job)).status_code == 201


async def test_without_activity_the_answer_is_defaults_in_utc(api: httpx.AsyncClient) -> None:
    body = await suggestions(api)
    assert body["timezone"] == "UTC" and body["timezone_source"] == "default"
    assert body["default"] is True
    assert [s["time"] for s in body["suggestions"]] == ["08:55", "17:30"]
    assert all("a default" in s["reason"] for s in body["suggestions"])


async def test_the_herd_is_avoided_with_the_reason(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    # another owner has 140 jobs at 09:00 New York time; the load is the service's
    service = JobService(runtime)
    herd = {"type": "cron", "expression": "0 9 * * *", "timezone": "America/New_York"}
    for i in range(140):
        await service.create("mallory", {"name": f"h{i}", "action": "noop", "schedule": herd},
                             created_by=None)  # fmt: skip
    quiet = {**herd, "expression": "57 8 * * *"}
    for i in range(2):
        await service.create("mallory", {"name": f"q{i}", "action": "noop", "schedule": quiet},
                             created_by=None)  # fmt: skip
    await seed_weekdays(runtime, date(2026, 2, 9), 19, ["09:05", "17:00"])
    body = await suggestions(api, timezone="America/New_York", goal="morning digest")
    assert body["tailored_for"] == "start"
    first = body["suggestions"][0]
    assert first["time"] == "08:59"
    assert first["reason"] == (
        "5 min before typical start (09:05); 09:00 already has 140 runs; 08:59 has 0"
    )
    assert first["schedule"]["expression"] == "59 8 * * 1-5"
    # in UTC the herd is at 14:00, and so is the suggestion's herd check
    utc = await suggestions(api, timezone="UTC")
    assert utc["suggestions"][0]["time"] == "13:59"


async def test_a_job_tailors_the_order(api: httpx.AsyncClient, runtime: Runtime) -> None:
    await seed_weekdays(runtime, date(2026, 2, 9), 19, ["09:05", "17:00"])
    body = {"name": "Weekly report", "goal": "Summarize the week", "schedule": None}
    job = (await api.post("/jobs", json=body)).json()
    answer = await suggestions(api, job_id=job["id"], timezone="America/New_York")
    assert answer["tailored_for"] == "end"
    assert [s["kind"] for s in answer["suggestions"]] == ["end", "start"]
    assert answer["suggestions"][0]["time"] == "17:00"


async def _activity_rows(rt: Runtime) -> list[tuple[datetime, str, float]]:
    def work(conn: Any) -> list[tuple[datetime, str, float]]:
        rows = conn.execute(select(activity).order_by(activity.c.at, activity.c.kind))
        return [(r.at, r.kind, r.weight) for r in rows]

    return list(await rt.db.read(work))


async def test_activity_is_written_in_batches_and_kept_small(
    runtime: Runtime, clock: FrozenClock
) -> None:
    t0 = clock.now()
    await record_activity(runtime, "alice", kind="api")
    await record_activity(runtime, "alice", kind="api", at=t0 + timedelta(minutes=1))
    assert await _activity_rows(runtime) == []  # buffered: no transaction of its own
    clock.advance(6)
    await record_activity(runtime, "alice", kind="click")  # the buffer is 6 s old: written
    assert await _activity_rows(runtime) == [
        (t0, "api", 2.0),  # the same five minutes: one row
        (t0 + timedelta(seconds=6), "click", 1.0),
    ]
    # rows from several batches in one old bucket are merged; rows past retention dropped
    store = ActivityStore(runtime.db)
    old = t0 - timedelta(days=10)
    ancient = t0 - timedelta(days=200)
    for minute in (0, 1, 2):
        await store.add([Entry("alice", old + timedelta(minutes=minute), "api")])
    await store.add([Entry("alice", ancient, "api")])
    assert len(await _activity_rows(runtime)) == 2 + 3 + 1
    removed = await store.compact(now=t0)
    assert removed == 1 + 2
    assert await _activity_rows(runtime) == [
        (old, "api", 3.0),
        (t0, "api", 2.0),
        (t0 + timedelta(seconds=6), "click", 1.0),
    ]
