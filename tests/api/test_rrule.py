"""rrule schedules through HTTP on SQLite and PostgreSQL: validate, jobs, calendar-data.
The clock is frozen at Monday 2026-03-02 13:00 UTC (07:00 in Chicago, 14:00 in Berlin)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

BIWEEKLY = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0"


async def test_validate_an_rrule_with_its_start(api: httpx.AsyncClient) -> None:
    response = await api.get(
        "/validate",
        params={
            "type": "rrule",
            "value": BIWEEKLY,
            "timezone": "America/Chicago",
            "start_at": "2026-03-03T15:00:00",
            "count": 4,
        },
    )
    body = response.json()
    assert body["valid"] is True, body
    assert body["schedule"] == {
        "type": "rrule",
        "rule": BIWEEKLY,
        "timezone": "America/Chicago",
        "start_at": "2026-03-03T15:00:00-06:00",
    }
    # Chicago springs forward on 8 March: still 3 PM on the wall clock after it
    assert body["next_runs"] == [
        "2026-03-03T15:00:00-06:00",
        "2026-03-17T15:00:00-05:00",
        "2026-03-31T15:00:00-05:00",
        "2026-04-14T15:00:00-05:00",
    ]
    assert body["human_readable"] == (
        "Every 2 weeks on Tuesday at 3:00 PM, Central Time, starting Tuesday 3 March 2026"
    )


async def test_validate_without_start_at_anchors_at_now_and_says_so(api: httpx.AsyncClient) -> None:
    body = (
        await api.get(
            "/validate",
            params={"value": "RRULE:FREQ=DAILY;BYHOUR=9", "timezone": "Europe/Berlin", "count": 2},
        )
    ).json()
    assert body["valid"] is True, body
    # no type: "FREQ=…" is an rrule; BYHOUR without BYMINUTE: the next whole hour, minutes zero
    assert body["schedule"]["start_at"] == "2026-03-02T15:00:00+01:00"
    assert body["next_runs"] == ["2026-03-03T09:00:00+01:00", "2026-03-04T09:00:00+01:00"]


@pytest.mark.parametrize(
    ("params", "field", "fragment"),
    [
        ({"value": "FREQ=FORTNIGHTLY"}, "value", "FREQ must be one of"),
        ({"value": "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30"}, "value", "February has no day 30"),
        ({"value": "DTSTART:20260101T090000\nRRULE:FREQ=DAILY"}, "value", "DTSTART"),
        ({"value": "FREQ=SECONDLY"}, "value", "every"),
        ({"value": "FREQ=DAILY", "start_at": "soon"}, "start_at", "ISO 8601"),
        ({"value": "FREQ=DAILY", "timezone": "Mars/Base"}, "timezone", "Mars/Base"),
    ],
)
async def test_validate_refuses_bad_rules_naming_the_reason(
    api: httpx.AsyncClient, params: dict[str, str], field: str, fragment: str
) -> None:
    response = await api.get("/validate", params={"type": "rrule", **params})
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is False
    assert body["field"] == field
    assert fragment in body["error"]


async def test_a_finished_series_validates_with_a_warning(api: httpx.AsyncClient) -> None:
    body = (
        await api.get(
            "/validate",
            params={
                "type": "rrule",
                "value": "FREQ=DAILY;COUNT=3;BYHOUR=9;BYMINUTE=0",
                "start_at": "2026-01-01T00:00:00Z",
            },
        )
    ).json()
    assert body["valid"] is True and body["next_runs"] == []
    assert body["warning"] == "this schedule does not fire after now"


async def create(api: httpx.AsyncClient, schedule: dict[str, Any], **extra: Any) -> httpx.Response:
    return await api.post(
        "/jobs", json={"name": "standup notes", "action": "noop", "schedule": schedule, **extra}
    )


async def test_create_get_update_and_reschedule_an_rrule_job(api: httpx.AsyncClient) -> None:
    response = await create(api, {"type": "rrule", "rule": BIWEEKLY, "timezone": "America/Chicago"})
    assert response.status_code == 201, response.text
    job = response.json()
    # start_at was left out: fixed at creation (the next minute, 07:01 in Chicago) and returned
    assert job["schedule"] == {
        "type": "rrule",
        "rule": BIWEEKLY,
        "timezone": "America/Chicago",
        "start_at": "2026-03-02T07:01:00-06:00",
    }
    # the week of 2 March counts first: Tuesday 3 March, then every other Tuesday
    assert job["next_run_at"] == "2026-03-03T15:00:00-06:00"
    assert job["schedule_description"] == (
        "Every 2 weeks on Tuesday at 3:00 PM, Central Time, starting Monday 2 March 2026"
    )
    fetched = (await api.get(f"/jobs/{job['id']}")).json()
    assert fetched == job

    # the anchor stays when the job is read back and written again unchanged
    same = await api.put(f"/jobs/{job['id']}", json={"schedule": fetched["schedule"]})
    assert same.status_code == 200, same.text
    assert same.json()["schedule"] == job["schedule"]

    changed = await api.put(
        f"/jobs/{job['id']}",
        json={
            "schedule": {
                "type": "rrule",
                "rule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYHOUR=9;BYMINUTE=0",
                "timezone": "Europe/Berlin",
                "start_at": "2026-01-01T00:00:00+01:00",
            }
        },
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["next_run_at"] == "2026-04-01T09:00:00+02:00"
    assert changed.json()["schedule_description"] == (
        "Every month on the first weekday at 9:00 AM, Central European Time"
    )

    moved = await api.patch(
        f"/jobs/{job['id']}/reschedule",
        json={
            "schedule": {
                "type": "rrule",
                "rule": "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12;BYMINUTE=0",
                "timezone": "America/New_York",
            }
        },
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["next_run_at"] == "2026-11-26T12:00:00-05:00"
    assert moved.json()["schedule"]["start_at"] == "2026-03-02T08:01:00-05:00"


@pytest.mark.parametrize(
    ("schedule", "field", "fragment"),
    [
        ({"type": "rrule", "rule": "FREQ=DAILY;BYHOUR=25"}, "schedule.rule", "BYHOUR 25"),
        ({"type": "rrule"}, "schedule.rule", "is required for type rrule"),
        ({"type": "rrule", "rule": 42}, "schedule.rule", "RFC 5545"),
        (
            {"type": "rrule", "rule": "FREQ=DAILY;COUNT=2", "start_at": "2026-01-01T00:00:00Z"},
            "schedule.rule",
            "has no occurrence after now",
        ),
        (
            {
                "type": "rrule",
                "rule": "FREQ=DAILY",
                "start_at": "2026-03-04T00:00:00Z",
                "end_at": "2026-03-03T00:00:00Z",
            },
            "schedule.end_at",
            "after start_at",
        ),
        (
            {"type": "cron", "expression": "0 9 * * *", "rule": "FREQ=DAILY"},
            "schedule.rule",
            "rrule",
        ),
    ],
)
async def test_create_refuses_bad_rrules_with_a_problem_naming_the_field(
    api: httpx.AsyncClient, schedule: dict[str, Any], field: str, fragment: str
) -> None:
    response = await create(api, schedule)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == field, problem
    assert fragment in problem["detail"]


async def test_calendar_data_lists_an_rrule_jobs_occurrences(api: httpx.AsyncClient) -> None:
    response = await create(
        api,
        {
            "type": "rrule",
            "rule": "FREQ=MONTHLY;BYDAY=2TU,4TU;BYHOUR=10;BYMINUTE=0",
            "timezone": "America/New_York",
            "start_at": "2026-03-01T00:00:00",
        },
        exclusions={"dates": ["2026-03-24"]},
    )
    assert response.status_code == 201, response.text
    body = (
        await api.get(
            "/calendar-data",
            params={"start": "2026-03-01", "end": "2026-05-31", "timezone": "America/New_York"},
        )
    ).json()
    assert [e["local_time"] for e in body["events"]] == [
        "2026-03-10T10:00:00-04:00",
        "2026-04-14T10:00:00-04:00",
        "2026-04-28T10:00:00-04:00",
        "2026-05-12T10:00:00-04:00",
        "2026-05-26T10:00:00-04:00",
    ]


async def test_validate_notes_the_day_a_clock_change_moves_an_rrule_run(
    api: httpx.AsyncClient,
) -> None:
    body = (
        await api.get(
            "/validate",
            params={
                "type": "rrule",
                "value": "FREQ=DAILY;BYHOUR=2;BYMINUTE=30",
                "timezone": "America/Chicago",
                "count": 8,
            },
        )
    ).json()
    assert "2026-03-08T03:00:00-05:00" in body["next_runs"]
    assert body["notes"] == [
        "2026-03-08: 02:30 does not exist in America/Chicago (clocks jump from 02:00 to 03:00); "
        "that day's run is at 03:00 CDT instead"
    ]


NASTY: list[Any] = [
    None,
    "",
    " ",
    "\x00",
    "FREQ=DAILY\x00",
    "😀" * 50,
    "FREQ=" + "Y" * 600,
    7,
    -1,
    True,
    [],
    {},
    ["FREQ=DAILY"],
    {"FREQ": "DAILY"},
    "FREQ=DAILY;UNTIL=99991231T235959Z",
    "FREQ=DAILY;UNTIL=00010101",
    "FREQ=YEARLY;BYWEEKNO=53;BYDAY=-53MO",
    "RRULE:RRULE:FREQ=DAILY",
    "FREQ=MINUTELY;INTERVAL=1;BYSECOND=" + ",".join(map(str, range(60))),
]


@pytest.mark.parametrize("bad", NASTY, ids=range(len(NASTY)))
async def test_nasty_rules_and_starts_are_refused_cleanly(api: httpx.AsyncClient, bad: Any) -> None:
    for schedule in (
        {"type": "rrule", "rule": bad},
        {"type": "rrule", "rule": "FREQ=DAILY", "start_at": bad},
        {"type": "rrule", "rule": "FREQ=DAILY", "timezone": bad},
    ):
        response = await create(api, schedule)
        assert response.status_code in (201, 400, 422), response.text
        if response.status_code != 201:
            assert response.headers["content-type"] == "application/problem+json"
    if isinstance(bad, str):
        # 400 only for a NUL, which no query string may carry
        response = await api.get("/validate", params={"type": "rrule", "value": bad})
        assert response.status_code in (200, 400), response.text
        response = await api.get(
            "/validate", params={"type": "rrule", "value": "FREQ=DAILY", "start_at": bad}
        )
        assert response.status_code in (200, 400), response.text
