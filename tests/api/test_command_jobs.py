"""``command`` jobs through the API: refused until the operator allows them, then stored in
the canonical shape, warned about when the allow-list changes under them (SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from agentcron.app.mcp.schemas import job_fields
from agentcron.app.runtime import Runtime

COMMANDS = json.dumps(
    {"hello": {"argv": ["/bin/echo", "hello"], "args": True}, "date": ["/bin/date", "-u"]}
)
JOB: dict[str, Any] = {
    "name": "greet",
    "action": "command",
    "command": {"name": "hello", "args": ["world"]},
    "schedule": None,
}


async def test_a_command_job_is_refused_until_the_operator_allows_commands(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post("/jobs", json=JOB)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == "action"
    assert "command jobs are not enabled on this service" in problem["detail"]
    assert "AGENTCRON_COMMANDS" in problem["detail"]
    # the command member alone makes it a command job, refused the same way
    alone = await api.post("/jobs", json={"command": "hello", "schedule": None})
    assert alone.status_code == 422
    assert alone.json()["field"] == "action"


async def test_a_command_outside_the_allow_list_is_refused_naming_the_field(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    runtime.settings.commands = COMMANDS
    for command, field, words in [
        ({"name": "rm", "args": ["-rf", "/"]}, "command.name", "'rm' is not a command"),
        ({"name": "date", "args": ["+%s"]}, "command.args", "takes no arguments from jobs"),
        ("hello | sh", "command", "means something to a shell"),
    ]:
        response = await api.post("/jobs", json={**JOB, "command": command})
        assert response.status_code == 422, command
        problem = response.json()
        assert (problem["field"], words in problem["detail"]) == (field, True), problem


async def test_an_allowed_command_job_is_stored_and_answered_in_the_canonical_shape(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    runtime.settings.commands = COMMANDS
    created = await api.post("/jobs", json=JOB)
    assert created.status_code == 201, created.text
    job = created.json()
    assert job["action"] == "command"
    assert job["command"] == {"name": "hello", "args": ["world"]}
    assert job["warnings"] == []
    assert job["agent_id"] is None
    assert (await api.get(f"/jobs/{job['id']}")).json()["command"] == job["command"]

    # seed 004's one string, and the action-object form, mean the same
    words = await api.post("/jobs", json={"command": "hello 'big world'", "schedule": None})
    assert words.status_code == 201, words.text
    assert words.json()["command"] == {"name": "hello", "args": ["big world"]}
    assert words.json()["name"] == "hello big world"
    nested = await api.post(
        "/jobs",
        json={"action": {"type": "command", "name": "date"}, "schedule": None, "name": "d"},
    )
    assert nested.status_code == 201, nested.text
    assert nested.json()["command"] == {"name": "date", "args": []}

    changed = await api.put(f"/jobs/{job['id']}", json={"command": {"name": "date"}})
    assert changed.status_code == 200, changed.text
    assert changed.json()["command"] == {"name": "date", "args": []}
    refused = await api.put(f"/jobs/{job['id']}", json={"command": {"name": "nope"}})
    assert refused.status_code == 422
    assert refused.json()["field"] == "command.name"
    mixed = await api.put(f"/jobs/{job['id']}", json={"action": "http", "command": "date"})
    assert mixed.status_code == 422
    assert mixed.json()["field"] == "command"


async def test_a_stored_command_job_the_operator_no_longer_allows_is_warned_about(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    runtime.settings.commands = COMMANDS
    job = (await api.post("/jobs", json=JOB)).json()
    runtime.settings.commands = json.dumps({"date": ["/bin/date"]})
    warnings = (await api.get(f"/jobs/{job['id']}")).json()["warnings"]
    assert [(w["field"], w["code"]) for w in warnings] == [("command.name", "not_allowed_here")]
    assert "every run fails" in warnings[0]["reason"]
    runtime.settings.commands = None
    warnings = (await api.get(f"/jobs/{job['id']}")).json()["warnings"]
    assert [(w["field"], w["code"]) for w in warnings] == [("action", "not_allowed_here")]


async def test_a_command_job_cannot_be_dry_run_and_the_schemas_know_it(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    runtime.settings.commands = COMMANDS
    job = (await api.post("/jobs", json=JOB)).json()
    tried = await api.post(f"/jobs/{job['id']}/dry-run")
    assert tried.status_code == 409
    assert "a command job's run is its effect" in tried.json()["detail"]
    fields = job_fields()
    assert "command" in fields["action"]["anyOf"][0]["enum"]
    assert "allowed commands" in fields["command"]["description"]


async def test_only_an_operators_key_makes_a_host_job_or_changes_what_it_does(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    """The host is every owner's: a tenant's key (even its admin) may not run commands on
    it; the operator's may, and the job's owner may still reschedule it."""
    from agentcron.app.domain.scopes import OWNER_SCOPES

    runtime.settings.commands = COMMANDS
    _, tenant_key = await runtime.keys.create(
        name="tenant", owner="alice", now=runtime.clock.now(), scopes=OWNER_SCOPES
    )
    tenant = {"Authorization": f"Bearer {tenant_key}"}
    refused = await api.post("/jobs", json=JOB, headers=tenant)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert "only a key with the 'operator' scope" in refused.json()["detail"]
    by_name = await api.put("/jobs/by-name/greet", json=JOB, headers=tenant)
    assert by_name.status_code == 403

    job = (await api.post("/jobs", json=JOB)).json()  # the operator's key
    changed = await api.put(
        f"/jobs/{job['id']}", json={"command": {"name": "date"}}, headers=tenant
    )
    assert changed.status_code == 403
    rescheduled = await api.put(
        f"/jobs/{job['id']}", json={"schedule": "every day at 9am"}, headers=tenant
    )
    assert rescheduled.status_code == 200, rescheduled.text
    assert rescheduled.json()["command"] == JOB["command"]
