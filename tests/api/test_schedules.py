"""validate, parse-nl and calendar-data through HTTP (frozen clock: Monday 2026-03-02 13:00 UTC)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from tests.fakes.openai_server import FakeOpenAI, Reply


async def test_validate_seed_example(api: httpx.AsyncClient) -> None:
    response = await api.get(
        "/validate",
        params={"type": "cron", "value": "0 9 * * 1-5", "timezone": "America/New_York"},
    )
    body = response.json()
    assert body["valid"] is True
    assert body["next_runs"][:3] == [
        "2026-03-02T09:00:00-05:00",  # it is 08:00 in New York now
        "2026-03-03T09:00:00-05:00",
        "2026-03-04T09:00:00-05:00",
    ]
    assert len(body["next_runs"]) == 5
    assert body["human_readable"].startswith("At 09:00 AM, Monday through Friday")


async def test_validate_honours_start_at_and_end_at(api: httpx.AsyncClient) -> None:
    """The dashboard's schedule editor previews a schedule with both bounds: an interval counts
    from ``start_at`` and stops at ``end_at``; an end before the start names ``end_at``."""
    params = {
        "type": "every",
        "value": "1209600",
        "timezone": "America/Chicago",
        "start_at": "2026-03-03T15:00:00",  # a Tuesday, 3 PM in Chicago
        "count": 5,
    }
    runs = (await api.get("/validate", params=params)).json()["next_runs"]
    assert runs[:2] == ["2026-03-03T15:00:00-06:00", "2026-03-17T16:00:00-05:00"]
    bounded = (
        await api.get("/validate", params={**params, "end_at": "2026-04-01T00:00:00Z"})
    ).json()
    assert bounded["valid"] is True
    assert bounded["schedule"]["end_at"] == "2026-04-01T00:00:00Z"
    assert bounded["next_runs"] == runs[:3]
    wrong = (await api.get("/validate", params={**params, "end_at": "2026-03-01T00:00:00Z"})).json()
    assert wrong == {"valid": False, "field": "end_at", "error": "must be after start_at"}


async def test_validate_names_the_days_a_clock_change_moves_a_run(api: httpx.AsyncClient) -> None:
    response = await api.get(
        "/validate",
        params={
            "type": "cron",
            "value": "30 2 * * *",
            "timezone": "America/New_York",
            "count": 10,
        },
    )
    body = response.json()
    assert "2026-03-08T03:00:00-04:00" in body["next_runs"]
    assert body["notes"] == [
        "2026-03-08: 02:30 does not exist in America/New_York (clocks jump from 02:00 to 03:00);"
        " that day's run is at 03:00 EDT instead"
    ]


@pytest.mark.parametrize(
    ("params", "field", "fragment"),
    [
        ({"type": "cron", "value": "61 9 * * *"}, "value", "61"),
        ({"type": "cron", "value": "0 9 * *"}, "value", ""),
        ({"type": "cron", "value": "0 9 * * *", "timezone": "Nowhere/Land"}, "timezone", "Nowhere"),
        ({"type": "every", "value": "-5"}, "value", ""),
        ({"type": "every", "value": "soon"}, "value", ""),
        ({"type": "at", "value": "yesterday"}, "value", ""),
        ({"type": "weekly", "value": "x"}, "type", ""),
        ({"type": "cron"}, "value", "required"),
    ],
)
async def test_validate_invalid_answers_valid_false(
    api: httpx.AsyncClient, params: dict[str, str], field: str, fragment: str
) -> None:
    response = await api.get("/validate", params=params)
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is False
    assert body["field"] == field
    assert fragment in body["error"]


async def test_validate_every_and_count(api: httpx.AsyncClient) -> None:
    body = (
        await api.get("/validate", params={"type": "every", "value": "3600", "count": 1000})
    ).json()
    assert len(body["next_runs"]) == 1000
    assert body["next_runs"][0] == "2026-03-02T14:00:00+00:00"
    too_many = await api.get("/validate", params={"type": "every", "value": "60", "count": 1001})
    assert too_many.status_code == 400 and too_many.json()["field"] == "count"


async def test_parse_nl_seed_example(api: httpx.AsyncClient) -> None:
    response = await api.post("/parse-nl", json={"text": "every weekday at 9am Pacific"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["schedule"] == {
        "type": "cron",
        "expression": "0 9 * * 1-5",
        "timezone": "America/Los_Angeles",
    }
    assert body["human_readable"] == "At 09:00 AM, Monday through Friday, Pacific Time"
    assert body["parse_method"] == "regex"
    assert body["confidence"] >= 0.9
    assert body["next_runs"][0] == "2026-03-02T09:00:00-08:00"


async def test_parse_nl_relative_uses_the_request_zone(api: httpx.AsyncClient) -> None:
    body = (
        await api.post("/parse-nl", json={"text": "tomorrow at 3pm", "timezone": "Asia/Tokyo"})
    ).json()
    assert body["schedule"]["type"] == "at"
    assert body["next_runs"] == ["2026-03-03T15:00:00+09:00"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"text": "February 30"}, 422, "text"),
        ({"text": "make me a sandwich"}, 422, "text"),
        ({"text": ""}, 422, "text"),
        ({"text": "every day at 9", "timezone": "Mars/Base"}, 422, "timezone"),
        ({"txt": "daily"}, 422, "text"),
    ],
)
async def test_parse_nl_rejects_with_a_reason(
    api: httpx.AsyncClient, body: dict[str, Any], status: int, field: str
) -> None:
    response = await api.post("/parse-nl", json=body)
    assert response.status_code == status, response.text
    problem = response.json()
    assert problem["field"] == field
    assert problem["detail"]


async def test_parse_nl_without_llm_says_the_stage_was_skipped(api: httpx.AsyncClient) -> None:
    problem = (await api.post("/parse-nl", json={"text": "make me a sandwich"})).json()
    assert any("llm" in note.lower() for note in problem["notes"])


@pytest.fixture
async def llm_api(
    settings: Settings, clock: FrozenClock, openai_server: FakeOpenAI
) -> AsyncIterator[httpx.AsyncClient]:
    settings.openai_base_url = openai_server.base_url
    settings.openai_api_key = "test"
    settings.llm_model = "test-model"
    rt = Runtime(settings, clock=clock)
    _, key = await rt.keys.create(name="k", owner="alice", now=clock.now())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(rt, start_engine=False)),
        base_url="http://testserver/api/scheduler",
        headers={"Authorization": f"Bearer {key}"},
    ) as client:
        yield client
    await rt.close()


async def test_parse_nl_falls_back_to_the_llm(
    llm_api: httpx.AsyncClient, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.json(
            {
                "outcome": "cron",
                "cron": "0 7 * * 6",
                "interval_seconds": None,
                "first_run_local": None,
                "timezone": "Europe/Paris",
                "confidence": 0.9,
                "reason": None,
            }
        )
    )
    response = await llm_api.post(
        "/parse-nl", json={"text": "when the boulangerie opens on saturdays (7 o'clock), paris"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["parse_method"] == "llm"
    assert body["schedule"]["expression"] == "0 7 * * 6"
    assert body["next_runs"][0] == "2026-03-07T07:00:00+01:00"


async def test_parse_nl_llm_output_is_validated(
    llm_api: httpx.AsyncClient, openai_server: FakeOpenAI
) -> None:
    openai_server.enqueue(
        Reply.json(
            {
                "outcome": "cron",
                "cron": "99 7 * * 6",
                "interval_seconds": None,
                "first_run_local": None,
                "timezone": "UTC",
                "confidence": 0.9,
                "reason": None,
            }
        )
    )
    response = await llm_api.post("/parse-nl", json={"text": "whenever the moon is full-ish"})
    assert response.status_code == 422


async def test_calendar_data_lists_every_occurrence(api: httpx.AsyncClient) -> None:
    for name, schedule in [
        ("morning", {"type": "cron", "expression": "0 9 * * *", "timezone": "Europe/London"}),
        ("six-hourly", {"type": "every", "interval": 21600}),
    ]:
        response = await api.post(
            "/jobs", json={"name": name, "action": "noop", "schedule": schedule}
        )
        assert response.status_code == 201
    paused = await api.post(
        "/jobs", json={"name": "p", "action": "noop", "schedule": {"type": "every", "interval": 60}}
    )
    await api.post(f"/jobs/{paused.json()['id']}/pause")
    body = (
        await api.get("/calendar-data", params={"start": "2026-03-03", "end": "2026-03-05"})
    ).json()
    names = [(e["name"], e["at"]) for e in body["events"]]
    assert names.count(("morning", "2026-03-03T09:00:00+00:00")) == 1
    assert len([n for n, _ in names if n == "morning"]) == 2
    assert len([n for n, _ in names if n == "six-hourly"]) == 8
    assert not [n for n, _ in names if n == "p"]
    assert body["count"] == 10 and body["truncated"] is False
    bad = await api.get("/calendar-data", params={"start": "2026-03-05", "end": "2026-03-01"})
    assert bad.status_code == 400 and bad.json()["field"] == "end"
    wide = await api.get("/calendar-data", params={"start": "2026-01-01", "end": "2026-12-31"})
    assert wide.status_code == 400


async def test_calendar_is_owner_scoped(
    api: httpx.AsyncClient, other_api: httpx.AsyncClient
) -> None:
    await api.post(
        "/jobs",
        json={"name": "a", "action": "noop", "schedule": {"type": "every", "interval": 3600}},
    )
    assert (await other_api.get("/calendar-data")).json()["count"] == 0
    assert (await other_api.get("/stats")).json()["total_jobs"] == 0
