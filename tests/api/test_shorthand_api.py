"""Seed 003's ways to say when, through the API: accepted, answered as the schedule."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

NOOP: dict[str, Any] = {"name": "ping", "action": "noop"}


async def test_seed_003s_example_is_a_one_time_job_in_30_seconds(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", json={**NOOP, "schedule_in": [30, "seconds"]})
    assert response.status_code == 201, response.text
    job = response.json()
    # the clock is frozen at 2026-03-02 13:00 UTC
    assert job["schedule"] == {"type": "at", "datetime": "2026-03-02T13:00:30Z", "timezone": "UTC"}
    assert job["next_run_at"] == "2026-03-02T13:00:30+00:00"
    assert "schedule_in" not in job


@pytest.mark.parametrize(
    ("body", "schedule", "next_run"),
    [
        (
            {"scheduled_at": 1775034000},
            {"type": "at", "datetime": "2026-04-01T09:00:00Z", "timezone": "UTC"},
            "2026-04-01T09:00:00+00:00",
        ),
        (
            {"repeat_every": [5, "minutes"]},
            {"type": "every", "interval": 300, "timezone": "UTC"},
            "2026-03-02T13:05:00+00:00",
        ),
        (
            {"cron": "0 9 * * 1-5", "timezone": "America/New_York"},
            {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"},
            "2026-03-02T09:00:00-05:00",
        ),
        (
            {
                "scheduled_at": "2026-03-10T09:00:00",
                "repeat_every": [1, "day"],
                "timezone": "America/New_York",
            },
            {
                "type": "rrule",
                "rule": "FREQ=DAILY;INTERVAL=1",
                "timezone": "America/New_York",
                "start_at": "2026-03-10T09:00:00-04:00",
            },
            "2026-03-10T09:00:00-04:00",
        ),
    ],
)
async def test_each_shape_is_answered_in_the_canonical_one(
    api: httpx.AsyncClient, body: dict[str, Any], schedule: dict[str, Any], next_run: str
) -> None:
    response = await api.post("/jobs", json={**NOOP, **body})
    assert response.status_code == 201, response.text
    assert response.json()["schedule"] == schedule
    assert response.json()["next_run_at"] == next_run


async def test_an_update_may_use_them_too(api: httpx.AsyncClient) -> None:
    job = (await api.post("/jobs", json={**NOOP, "schedule": None})).json()
    changed = await api.put(f"/jobs/{job['id']}", json={"cron": "*/15 * * * *"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["schedule"]["expression"] == "*/15 * * * *"
    assert changed.json()["next_run_at"] == "2026-03-02T13:15:00+00:00"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"schedule": None, "cron": "* * * * *"}, ["schedule", "cron"]),
        ({"schedule_in": 60, "scheduled_at": 1775034000}, ["schedule_in", "scheduled_at"]),
        ({"repeat_every": 60, "cron": "* * * * *"}, ["repeat_every", "cron"]),
    ],
)
async def test_conflicting_ways_are_422_naming_both(
    api: httpx.AsyncClient, body: dict[str, Any], fields: list[str]
) -> None:
    response = await api.post("/jobs", json={**NOOP, **body})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == fields


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cron": "61 * * * *"}, "cron"),
        ({"repeat_every": [5000, "days"]}, "repeat_every"),
        ({"repeat_every": 10**9}, "repeat_every"),
        ({"scheduled_at": "2020-01-01T00:00:00Z"}, "scheduled_at"),
        ({"schedule_in": [5, "lightyears"]}, "schedule_in[1]"),
        ({"cron": "* * * * *", "timezone": "Mars/Base"}, "timezone"),
    ],
)
async def test_problems_name_the_field_sent(
    api: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await api.post("/jobs", json={**NOOP, **body})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


async def test_words_that_skip_holidays_set_the_jobs_exclusions(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/jobs",
        json={
            **NOOP,
            "schedule": "every weekday at 9am except holidays",
            "timezone": "America/New_York",
            "exclusions": {"dates": ["2026-03-03"]},
        },
    )
    assert response.status_code == 201, response.text
    job = response.json()
    assert job["exclusions"] == {"dates": ["2026-03-03"], "holidays": {"country": "US"}}
    parsed = await api.post(
        "/parse-nl",
        json={"text": "every weekday at 9am except holidays", "timezone": "America/New_York"},
    )
    assert parsed.status_code == 200, parsed.text
    answer = parsed.json()
    assert answer["exclusions"] == {"holidays": {"country": "US"}}
    # Memorial Day, Monday 25 May 2026, is left out of the next runs
    days = [run[:10] for run in answer["next_runs"]]
    assert days[0] == "2026-03-02"
    many = await api.post(
        "/parse-nl",
        json={
            "text": "every weekday at 9am except holidays",
            "timezone": "America/New_York",
            "count": 70,
        },
    )
    runs = [run[:10] for run in many.json()["next_runs"]]
    assert "2026-05-22" in runs and "2026-05-26" in runs and "2026-05-25" not in runs


#: seed 003's POST /api/jobs example, verbatim: the request at the top level of the body
SEED_003_EXAMPLE: dict[str, Any] = {
    "method": "post",
    "url": "https://scheduler.booper.dev/api/broadcast",
    "body": {"content": "Testing 123", "channel": "discord"},
    "schedule_in": [30, "seconds"],
}


async def test_seed_003s_request_at_the_top_level_is_an_http_job(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", json=SEED_003_EXAMPLE)
    assert response.status_code == 201, response.text
    job = response.json()
    assert job["action"] == "http"
    assert job["http"] == {
        "url": "https://scheduler.booper.dev/api/broadcast",
        "method": "POST",
        "headers": {},
        "query": {},
        "body": {"content": "Testing 123", "channel": "discord"},
    }
    assert job["schedule"]["datetime"] == "2026-03-02T13:00:30Z"
    # answered in the canonical shape only
    assert not {"url", "method", "body", "schedule_in"} & set(job)
    # an update in the same shape changes only what it names
    moved = await api.put(f"/jobs/{job['id']}", json={"url": "https://example.com/other"})
    assert moved.status_code == 200, moved.text
    assert moved.json()["http"] == {**job["http"], "url": "https://example.com/other"}
    cleared = await api.put(f"/jobs/{job['id']}", json={"method": None, "query": {"page": 2}})
    assert cleared.json()["http"]["method"] == "GET"  # null: back to the default
    assert cleared.json()["http"]["query"] == {"page": 2}


@pytest.mark.parametrize(
    ("extra", "fields"),
    [
        ({"url": "ftp://example.com/x"}, ["url"]),
        ({"method": "brew"}, ["method"]),
        ({"headers": {"X-N": 1}}, ["headers.X-N"]),
        ({"http": {"url": "https://example.com/"}}, ["http", "url"]),
        ({"action": "noop"}, ["action", "url"]),
    ],
)
async def test_seed_003s_request_problems_name_the_field_sent(
    api: httpx.AsyncClient, extra: dict[str, Any], fields: list[str]
) -> None:
    response = await api.post("/jobs", json={**SEED_003_EXAMPLE, **extra})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == fields
