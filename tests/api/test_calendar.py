"""calendar-data through HTTP on SQLite and PostgreSQL (frozen clock: Monday 2026-03-02
13:00 UTC, when every job here is created): runs counted per day or hour with every job in
the answer, and the list of runs cut by time, never by leaving jobs out."""

from __future__ import annotations

from typing import Any

import httpx


async def make(api: httpx.AsyncClient, name: str, schedule: dict[str, Any]) -> str:
    response = await api.post("/jobs", json={"name": name, "action": "noop", "schedule": schedule})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def seven_jobs(api: httpx.AsyncClient) -> dict[str, str]:
    """The issue's owner: one every-minute job among six ordinary ones."""
    jobs = {
        "every minute": {"type": "cron", "expression": "* * * * *", "timezone": "UTC"},
        "digest": {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"},
        "hourly": {"type": "every", "interval": 3600},
        "every 45 s": {"type": "every", "interval": 45},
        "fortnightly": {
            "type": "rrule",
            "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
            "timezone": "America/Chicago",
            "start_at": "2026-03-03T15:00:00",
        },
        "month end": {"type": "cron", "expression": "0 18 L * *", "timezone": "Europe/Paris"},
        "once": {"type": "at", "datetime": "2026-03-20T12:00:00Z"},
    }
    ids = {name: await make(api, name, schedule) for name, schedule in jobs.items()}
    paused = await make(api, "paused", {"type": "every", "interval": 60})
    await api.post(f"/jobs/{paused}/pause")
    return ids


def by_name(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {job["name"]: job for job in body["jobs"]}


async def test_a_month_counted_per_day_keeps_every_job(api: httpx.AsyncClient) -> None:
    await seven_jobs(api)
    response = await api.get(
        "/calendar-data",
        params={"start": "2026-02-23", "end": "2026-04-06", "timezone": "UTC", "group": "day"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["group"] == "day" and body["truncated"] is False
    assert body["complete_until"] == "2026-04-06T00:00:00+00:00"
    jobs = by_name(body)
    assert sorted(jobs) == sorted(
        ["every minute", "digest", "hourly", "every 45 s", "fortnightly", "month end", "once"]
    )
    minute = jobs["every minute"]
    days = {cell["start"][:10]: cell["count"] for cell in minute["counts"]}
    # nothing before the job was made (Monday 2 March, 13:00 UTC), then 1,440 a day
    assert min(days) == "2026-03-02" and days["2026-03-02"] == 11 * 60
    assert days["2026-03-03"] == 1440 and days["2026-04-05"] == 1440
    assert minute["total"] == 11 * 60 + 34 * 1440
    assert jobs["every 45 s"]["counts"][1]["count"] == 1920
    digest = jobs["digest"]["counts"]
    # weekdays at 09:00 New York: 14:00 UTC until the 8th, 13:00 after
    assert digest[0]["start"] == "2026-03-02T00:00:00+00:00"
    assert digest[0]["times"] == ["2026-03-02T14:00:00+00:00"]
    assert digest[6]["times"] == ["2026-03-10T13:00:00+00:00"]
    assert jobs["digest"]["total"] == 25
    assert [c["first"] for c in jobs["fortnightly"]["counts"]] == [
        "2026-03-03T21:00:00+00:00",
        "2026-03-17T20:00:00+00:00",
        "2026-03-31T20:00:00+00:00",
    ]
    assert [c["start"][:10] for c in jobs["month end"]["counts"]] == ["2026-03-31"]
    assert jobs["once"]["total"] == 1
    assert body["count"] == sum(job["total"] for job in body["jobs"])
    assert jobs["hourly"]["schedule_description"]


async def test_hours_in_the_viewers_zone(api: httpx.AsyncClient) -> None:
    ids = await seven_jobs(api)
    response = await api.get(
        "/calendar-data",
        params={
            "start": "2026-03-08",
            "end": "2026-03-09",
            "timezone": "America/New_York",
            "group": "hour",
            "job_id": ids["every minute"],
        },
    )
    body = response.json()
    assert [job["name"] for job in body["jobs"]] == ["every minute"]
    cells = body["jobs"][0]["counts"]
    # the day the clocks jump in New York has 23 hours, each with 60 runs
    assert len(cells) == 23 and {c["count"] for c in cells} == {60}
    assert cells[1]["start"] == "2026-03-08T01:00:00-05:00"
    assert cells[2]["start"] == "2026-03-08T03:00:00-04:00"
    assert cells[2]["first"] == "2026-03-08T03:00:00-04:00"
    assert cells[2]["last"] == "2026-03-08T03:59:00-04:00"
    assert "times" not in cells[2]


async def test_the_list_of_runs_is_cut_by_time_not_by_job(api: httpx.AsyncClient) -> None:
    await seven_jobs(api)
    params = {"start": "2026-03-03", "end": "2026-03-10", "timezone": "UTC"}
    body = (await api.get("/calendar-data", params=params)).json()
    # 3,384 runs a day (1,440 every minute, 1,920 every 45 s, 24 hourly): the default 10,000
    # end late on Thursday, with every run of every job before that instant, and say so
    assert body["truncated"] is True and body["count"] <= 10_000
    cut = body["complete_until"]
    assert cut == "2026-03-05T22:53:15+00:00"
    assert all(e["at"] < cut for e in body["events"])
    names = [e["name"] for e in body["events"]]
    # 4,254 + 5,671 + 71 + the digest on Tuesday, Wednesday and Thursday + the fortnightly
    assert [names.count(n) for n in ("every minute", "every 45 s", "hourly")] == [4254, 5671, 71]
    assert names.count("digest") == 3 and names.count("fortnightly") == 1
    assert body["count"] == 10_000  # the next run, every 45 s, is the one at the cut
    whole = (await api.get("/calendar-data", params={**params, "end": "2026-03-03T00:30"})).json()
    assert whole["truncated"] is False
    assert whole["complete_until"] == "2026-03-03T00:30:00+00:00"
    assert whole["count"] == 30 + 40 + 1  # every minute, every 45 s, and 00:00 hourly


async def test_group_is_checked(api: httpx.AsyncClient) -> None:
    response = await api.get("/calendar-data", params={"group": "week"})
    assert response.status_code == 400
    assert response.json()["field"] == "group"
    too_wide = await api.get(
        "/calendar-data", params={"group": "day", "start": "2026-01-01", "end": "2026-12-31"}
    )
    assert too_wide.status_code == 400 and too_wide.json()["field"] == "end"


async def test_counts_are_the_owners(api: httpx.AsyncClient, other_api: httpx.AsyncClient) -> None:
    await make(api, "mine", {"type": "every", "interval": 60})
    body = (await other_api.get("/calendar-data", params={"group": "day"})).json()
    assert body["jobs"] == [] and body["count"] == 0
