"""The whole life of a job through MCP, over stdio and over HTTP, as an assistant drives it."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from mcp import Client

from tests.mcp.conftest import Service, call, over_http, over_stdio, refused
from tests.support.waiting import until

pytestmark = pytest.mark.slow

TOOLS = {
    "parse_schedule",
    "preview_schedule",
    "create_job",
    "list_jobs",
    "get_job",
    "update_job",
    "pause_job",
    "resume_job",
    "delete_job",
    "trigger_job",
    "list_runs",
    "get_run",
}
Connect = Callable[[Service, str], AbstractAsyncContextManager[Client]]


@pytest.fixture(params=["http", "stdio"])
def connect(request: pytest.FixtureRequest) -> Connect:
    return over_http if request.param == "http" else over_stdio  # type: ignore[return-value]


async def test_the_tools_are_listed_with_their_schemas(service: Service, connect: Connect) -> None:
    async with connect(service, service.alice) as alice:
        tools = {tool.name: tool for tool in (await alice.list_tools()).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.input_schema["type"] == "object"
        assert tool.output_schema is not None and tool.output_schema["type"] == "object"
        assert tool.description and len(tool.description) > 60
    create = tools["create_job"]
    assert "confirm" in create.description
    assert {"schedule", "goal", "delivery", "retry", "idempotency_key"} <= set(
        create.input_schema["properties"]
    )
    assert create.input_schema["required"] == ["schedule"]
    assert tools["parse_schedule"].input_schema["required"] == ["text"]
    assert tools["delete_job"].annotations.destructive_hint is True
    assert tools["list_jobs"].annotations.read_only_hint is True


async def test_create_preview_trigger_run_history_pause_delete(
    service: Service, connect: Connect
) -> None:
    async with connect(service, service.alice) as alice:
        await _whole_life(alice)


async def _whole_life(alice: Client) -> None:
    parsed = await call(
        alice, "parse_schedule", text="every weekday at 9am", timezone="America/New_York"
    )
    assert parsed["schedule"] == {
        "type": "cron",
        "expression": "0 9 * * 1-5",
        "timezone": "America/New_York",
    }
    assert parsed["human_readable"].startswith("At 09:00 AM, Monday through Friday")
    assert len(parsed["next_runs"]) == 5
    assert {"task", "target", "notes"} <= set(parsed)

    preview = await call(alice, "preview_schedule", schedule=parsed["schedule"], count=3)
    assert preview["next_runs"] == parsed["next_runs"][:3]

    job = await call(
        alice,
        "create_job",
        name="deploy check",
        action="noop",
        schedule=parsed["schedule"],
        tags=["mcp-flow"],
    )
    assert job["status"] == "active" and job["next_run_at"] == parsed["next_runs"][0]
    assert job["warnings"] == []

    started = await call(alice, "trigger_job", job_id=job["id"])
    assert started["job_id"] == job["id"] and started["status"] == "queued"

    async def finished() -> dict[str, Any] | None:
        run = await call(alice, "get_run", job_id=job["id"], run_id=started["run_id"])
        return run if run["status"] not in ("queued", "running") else None

    run = await until(finished, within=30, what="the triggered run to finish", every=0.1)
    assert run["status"] == "succeeded" and run["trigger"] == "manual"

    history = await call(alice, "list_runs", job_id=job["id"])
    assert [r["id"] for r in history["runs"]] == [started["run_id"]]
    assert (await call(alice, "get_job", job_id=job["id"]))["run_count"] == 1

    paused = await call(alice, "pause_job", job_id=job["id"])
    assert paused["status"] == "paused" and paused["next_run_at"] is None
    resumed = await call(alice, "resume_job", job_id=job["id"])
    assert resumed["status"] == "active"
    renamed = await call(alice, "update_job", job_id=job["id"], name="deploy check (weekdays)")
    assert renamed["name"] == "deploy check (weekdays)"

    assert await call(alice, "delete_job", job_id=job["id"]) == {
        "id": job["id"],
        "deleted": True,
        "hard": False,
    }
    gone = await refused(alice, "get_job", job_id=job["id"])
    assert gone.structured_content is not None and gone.structured_content["status"] == 404


async def test_a_job_with_a_schedule_in_plain_words(service: Service, connect: Connect) -> None:
    async with connect(service, service.alice) as alice:
        await _plain_words(alice)


async def _plain_words(alice: Client) -> None:
    job = await call(
        alice,
        "create_job",
        goal="Post the on-call handover",
        schedule="every day at 2:30am",
        timezone="America/New_York",
        status="paused",
    )
    assert job["schedule"] == {
        "type": "cron",
        "expression": "30 2 * * *",
        "timezone": "America/New_York",
    }
    # the service has no LLM: the agent job is saved, and the answer says it cannot run
    assert [(w["field"], w["code"]) for w in job["warnings"]] == [("action", "no_llm")]
    # a year of runs: the day clocks spring forward is named
    preview = await call(alice, "preview_schedule", schedule=job["schedule"], count=370)
    assert any(
        re.match(r"\d{4}-03-\d\d: 02:30 does not exist in America/New_York", note)
        for note in preview["notes"]
    ), preview["notes"]
    await call(alice, "delete_job", job_id=job["id"], hard=True)


async def test_bad_input_is_a_tool_error_and_the_session_goes_on(
    service: Service, connect: Connect
) -> None:
    async with connect(service, service.alice) as alice:
        await _bad_input(alice, service)


async def _bad_input(alice: Client, service: Service) -> None:
    body = {"name": "bad", "action": "noop", "schedule": "61 9 * * *"}
    result = await refused(alice, "create_job", **body)
    problem = result.structured_content
    assert problem is not None
    assert problem["field"] == "schedule.expression"
    async with service.rest(service.alice) as rest:
        answer = await rest.post("/jobs", json=body)
    assert answer.status_code == 422
    assert problem["detail"] == answer.json()["detail"] == result.content[0].text

    # impossible, so refused with a suggestion ("at 5" is now a guess that asks)
    vague = await refused(alice, "parse_schedule", text="February 30 at 9am")
    assert vague.structured_content is not None
    assert vague.structured_content["field"] == "text"
    assert vague.structured_content["suggestion"]
    assert "suggestion:" in vague.content[0].text

    unknown = await refused(alice, "list_jobs", colour="blue")
    assert unknown.content[0].text == "colour: is not a known field"
    missing = await refused(alice, "get_run", job_id="job_nope")
    assert missing.content[0].text == "run_id: is required"
    wrong = await refused(alice, "list_jobs", status="sleeping")
    assert wrong.content[0].text.startswith("status: must be one of active, paused")

    assert "jobs" in await call(alice, "list_jobs", limit=1)  # the session still works


async def test_another_owner_sees_none_of_it(service: Service, connect: Connect) -> None:
    async with connect(service, service.alice) as alice:
        job = await call(alice, "create_job", goal="Alice's secret", schedule=None)
    async with connect(service, service.bob) as bob:
        listed = await call(bob, "list_jobs", limit=200)
        assert job["id"] not in {j["id"] for j in listed["jobs"]}
        for tool in ("get_job", "pause_job", "trigger_job", "delete_job", "list_runs"):
            result = await refused(bob, tool, job_id=job["id"])
            assert result.structured_content is not None
            assert result.structured_content["status"] == 404
    async with service.rest(service.alice) as rest:
        assert (await rest.get(f"/jobs/{job['id']}")).json()["status"] == "active"


async def test_mcp_and_rest_are_one_service(service: Service, connect: Connect) -> None:
    async with service.rest(service.alice) as rest, connect(service, service.alice) as alice:
        made = await call(alice, "create_job", goal="From MCP", schedule="0 8 * * *")
        seen = (await rest.get(f"/jobs/{made['id']}")).json()
        assert seen == made | {"updated_at": seen["updated_at"]}

        posted = (await rest.post("/jobs", json={"goal": "From REST", "schedule": None})).json()
        assert await call(alice, "get_job", job_id=posted["id"]) == posted
        found = await call(alice, "list_jobs", q="From REST", limit=200)
        assert posted["id"] in {j["id"] for j in found["jobs"]}


async def test_a_whole_request_is_understood_as_parse_nl_understands_it(
    service: Service, connect: Connect
) -> None:
    request = {
        "text": "check the deploy dashboard every weekday at 9 and tell me in #ops if anything "
        "is red",
        "timezone": "America/New_York",
    }
    async with connect(service, service.alice) as alice:
        understood = await call(alice, "parse_schedule", **request)
    async with service.rest(service.alice) as rest:
        answer = (await rest.post("/parse-nl", json=request)).json()
    # the same service answers both (next_runs aside: a slot may pass between the calls)
    assert len(understood.pop("next_runs")) == len(answer.pop("next_runs")) == 5
    assert understood == answer
    assert understood["schedule"]["expression"] == "0 9 * * 1-5"
    assert understood["task"] == "check the deploy dashboard and tell me if anything is red"
    assert understood["target"] == "#ops"
