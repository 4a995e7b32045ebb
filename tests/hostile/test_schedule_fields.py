"""A key a schedule document does not have ("expresion") is refused 422 naming it, as an unknown
top-level field of a job is — on every way a schedule document comes in: ``POST /jobs``, ``PUT``
and ``PATCH /jobs/{id}``, ``/reschedule``, ``PUT /jobs/by-name/{name}``, and the MCP tools.
It was dropped silently: a job sent with ``{"type": "cron", "expresion": "0 10 * * *"}`` next
to a valid expression ran on the one it did not mean, and ``{"type": "every", "interval": 60,
"start": "…"}`` ran unanchored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mcp import Client
from mcp.server import ServerRequestContext

from agentcron.app.mcp.server import build_server
from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import Principal
from tests.mcp.conftest import call, refused

SCHEDULE = {"type": "cron", "expression": "0 9 * * *", "timezone": "UTC"}
JOB: dict[str, Any] = {"name": "j", "action": "noop", "status": "paused", "schedule": SCHEDULE}
MISSPELT = {**SCHEDULE, "expresion": "0 10 * * *"}


def _refused(response: httpx.Response, field: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["field"] == field, problem
    assert problem["errors"][0]["field"] == field
    return problem


async def test_create_refuses_an_unknown_schedule_key_naming_it(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", json={**JOB, "schedule": MISSPELT})
    problem = _refused(response, "schedule.expresion")
    assert "did you mean expression?" in problem["detail"]
    assert (await api.get("/jobs")).json()["count"] == 0


@pytest.mark.parametrize(
    "schedule",
    [
        {"type": "every", "interval": 60, "start": "2026-01-01T00:00:00Z"},
        {"type": "at", "datetime": "2030-01-01T00:00:00Z", "tz": "Europe/Paris"},
        {"type": "cron", "expression": "0 9 * * *", "": 1},
        {"type": "cron", "expression": "0 9 * * *", "k" * 10_000: 1},
    ],
    ids=["start", "tz", "empty-key", "huge-key"],
)
async def test_each_type_refuses_it(api: httpx.AsyncClient, schedule: dict[str, Any]) -> None:
    response = await api.post("/jobs", json={**JOB, "schedule": schedule})
    assert response.status_code == 422, response.text
    field = response.json()["field"]
    assert field.startswith("schedule.") and len(field) < 100


async def test_an_update_refuses_it_and_keeps_the_schedule(api: httpx.AsyncClient) -> None:
    job = (await api.post("/jobs", json=JOB)).json()
    for method in ("PUT", "PATCH"):
        response = await api.request(method, f"/jobs/{job['id']}", json={"schedule": MISSPELT})
        _refused(response, "schedule.expresion")
    response = await api.post(f"/jobs/{job['id']}/reschedule", json={"schedule": MISSPELT})
    _refused(response, "schedule.expresion")
    response = await api.put("/jobs/by-name/j", json={"schedule": MISSPELT})
    _refused(response, "schedule.expresion")
    assert (await api.get(f"/jobs/{job['id']}")).json()["schedule"] == SCHEDULE


async def test_a_job_read_back_is_accepted_as_sent(api: httpx.AsyncClient) -> None:
    """What GET returns may be sent back: every schedule key it shows is a known one."""
    job = (await api.post("/jobs", json={**JOB, "schedule": "every other tuesday at 3pm"})).json()
    again = await api.put(f"/jobs/{job['id']}", json={"schedule": job["schedule"]})
    assert again.status_code == 200, again.text


async def test_the_mcp_tools_refuse_it_too(runtime: Runtime) -> None:
    async def principal_of(_ctx: ServerRequestContext[Any, Any]) -> Principal:
        return Principal(owner="alice", key_id="key_a", key_name="alice")

    async with Client(build_server(runtime, principal_of)) as client:
        for tool, arguments in (
            ("create_job", {**JOB, "schedule": MISSPELT}),
            ("preview_schedule", {"schedule": MISSPELT}),
        ):
            refusal = await refused(client, tool, **arguments)
            problem = refusal.structured_content
            assert problem is not None and problem["status"] == 422, problem
            assert problem["errors"][0]["field"] == "schedule.expresion"
        assert (await call(client, "list_jobs"))["count"] == 0
