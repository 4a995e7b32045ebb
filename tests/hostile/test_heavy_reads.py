"""Reads whose work grows with what the owner stored: they take long, but never hold the
service. ``/calendar-data`` counting a few dozen every-minute jobs per hour over 92 days is
seconds of pure work; it ran on the event loop, so /healthz and every other request waited
for it (30 s on a loaded machine). Now the counting runs in a thread, and what a job may
store that every read parses again (exclusion lists, header maps) is capped."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest

from agentcron.app.domain.exclusions import MAX_DATES, MAX_WINDOWS
from agentcron.app.domain.http_action import MAX_HEADERS
from agentcron.app.runtime import Runtime

JOBS = 20


async def test_the_calendar_counts_without_holding_the_service(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    for index in range(JOBS):
        created = await api.post(
            "/jobs",
            json={
                "name": f"busy {index}",
                "action": "noop",
                "schedule": {"type": "cron", "expression": "* * * * *", "timezone": "UTC"},
            },
        )
        assert created.status_code == 201, created.text
    start = runtime.clock.now()
    calendar = asyncio.create_task(
        api.get(
            "/calendar-data",
            params={
                "group": "hour",
                "start": start.isoformat(),
                "end": (start + timedelta(days=92)).isoformat(),
            },
        )
    )
    answered_meanwhile = 0
    while not calendar.done():
        health = await api.get("http://testserver/healthz")
        assert health.status_code == 200
        answered_meanwhile += not calendar.done()
        await asyncio.sleep(0.01)  # in-process, a request may never yield: let the other run
    answer = await calendar
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["jobs"]) == JOBS
    # a job's 92 days of minutes are counted in cells of an hour: 132,480 runs each
    assert answer.json()["count"] >= JOBS * 131_000
    assert answered_meanwhile >= 10  # on the loop, only the few before the counting began


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (
            {"exclusions": {"windows": [{"start": "01:00", "end": "02:00"}] * (MAX_WINDOWS + 1)}},
            "exclusions.windows",
        ),
        ({"exclusions": {"dates": ["2026-12-25"] * (MAX_DATES + 1)}}, "exclusions.dates"),
        ({"exclusions": {"weekdays": ["mon"] * 100}}, "exclusions.weekdays"),
        (
            {
                "action": "http",
                "http": {
                    "url": "https://example.com/hook",
                    "headers": {f"X-H{i}": "v" for i in range(MAX_HEADERS + 1)},
                },
            },
            "http.headers",
        ),
        (
            {
                "action": "http",
                "http": {
                    "url": "https://example.com/hook",
                    "query": {str(i): i for i in range(201)},
                },
            },
            "http.query",
        ),
    ],
)
async def test_what_every_read_parses_again_is_capped(
    api: httpx.AsyncClient, extra: dict[str, object], field: str
) -> None:
    body = {"name": "capped", "action": "noop", "schedule": {"type": "every", "interval": 3600}}
    refused = await api.post("/jobs", json={**body, **extra})
    assert refused.status_code == 422, refused.text
    assert refused.json()["field"] == field
    assert (await api.get("/jobs")).json()["count"] == 0
