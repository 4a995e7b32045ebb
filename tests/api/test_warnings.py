"""Warnings, not silence: a job that cannot run as configured on this service is stored,
and the answer says why (create 201, a replay 200, update 200, read), on SQLite and
PostgreSQL. The table of what is warned about is tests/domain/test_readiness.py."""

from __future__ import annotations

from typing import Any

import httpx

from agentcron.app.runtime import Runtime

AGENT_TO_SLACK: dict[str, Any] = {  # the README's first example
    "name": "Daily digest",
    "goal": "Summarize yesterday's incidents",
    "schedule": {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/Los_Angeles"},
    "delivery": {"channel": "slack:#ops"},
}
LOCAL_HTTP: dict[str, Any] = {
    "name": "local",
    "action": "http",
    "http": {"url": "http://127.0.0.1:9000/hook"},
    "schedule": None,
}


def codes(job: dict[str, Any]) -> list[tuple[str, str]]:
    return [(w["field"], w["code"]) for w in job["warnings"]]


async def test_the_readmes_first_example_says_what_it_needs(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    runtime.settings.openai_api_key = None
    runtime.settings.slack_bot_token = None
    created = await api.post("/jobs", json=AGENT_TO_SLACK)
    assert created.status_code == 201, created.text
    job = created.json()
    assert codes(job) == [("action", "no_llm"), ("delivery.channel", "no_slack_token")]
    assert "OPENAI_API_KEY" in job["warnings"][0]["reason"]
    assert "SLACK_BOT_TOKEN" in job["warnings"][1]["reason"]
    assert job["status"] == "active"  # stored all the same
    read = (await api.get(f"/jobs/{job['id']}")).json()
    assert read["warnings"] == job["warnings"]

    # once the service is configured, the same job reads clean
    runtime.settings.openai_api_key = "sk-test"
    runtime.settings.slack_bot_token = "xoxb-test"
    assert (await api.get(f"/jobs/{job['id']}")).json()["warnings"] == []
    listed = (await api.get("/jobs")).json()["jobs"]
    assert "warnings" not in listed[0]  # lists stay lean: one job's answers carry them


async def test_an_http_job_to_a_private_address(api: httpx.AsyncClient, runtime: Runtime) -> None:
    runtime.settings.allow_private_networks = False
    job = (await api.post("/jobs", json=LOCAL_HTTP)).json()
    assert codes(job) == [("http.url", "private_address")]
    assert job["warnings"][0]["reason"] == (
        "127.0.0.1 is a loopback address, which the service refuses; "
        "set AGENTCRON_ALLOW_PRIVATE_NETWORKS=1 on the service to allow it"
    )
    fixed = await api.put(f"/jobs/{job['id']}", json={"http": {"url": "https://example.com/x"}})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["warnings"] == []
    broken = await api.put(
        f"/jobs/{job['id']}",
        json={"webhook_url": "http://10.0.0.5/events", "delivery": {"channel": "slack:#ops"}},
    )
    assert broken.status_code == 200
    assert codes(broken.json()) == [
        ("delivery.channel", "no_slack_token"),
        ("webhook_url", "private_address"),
    ]
    paused = (await api.post(f"/jobs/{job['id']}/pause")).json()
    assert paused["warnings"] == broken.json()["warnings"]


async def test_a_replayed_create_warns_too(api: httpx.AsyncClient, runtime: Runtime) -> None:
    runtime.settings.allow_private_networks = False
    headers = {"Idempotency-Key": "local-1"}
    first = await api.post("/jobs", json=LOCAL_HTTP, headers=headers)
    again = await api.post("/jobs", json=LOCAL_HTTP, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["warnings"] == first.json()["warnings"] != []


async def test_a_job_that_can_run_has_no_warnings(api: httpx.AsyncClient) -> None:
    job = (await api.post("/jobs", json={"action": "noop", "schedule": None})).json()
    assert job["warnings"] == []
