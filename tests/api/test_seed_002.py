"""Seed 002, the API agentcron implements in full, read as a client written from that
document would read it: every example body sent as the document prints it, every answer
checked for the fields, types and status codes the document shows. Extensions may add
fields; none may change or drop one of the seed's. (The clock is frozen at Monday
2026-03-02 13:00 UTC.)"""

from __future__ import annotations

from typing import Any

import httpx

#: the document's POST /jobs example, verbatim (its agent_123 is no agent of ours)
PRICE_ALERT: dict[str, Any] = {
    "name": "Price alert",
    "goal": "Check BTC price and alert if >5% change",
    "agent_id": "agent_123",
    "schedule": {"type": "every", "interval": 3600, "timezone": "UTC"},
    "delivery": {"channel": "slack:#alerts", "format": "markdown"},
    "condition": {"type": "expression", "expression": "price_change_pct > 0.05"},
    "retry": {"max_attempts": 3, "strategy": "exponential", "base_delay": 60},
}

#: the fields of a job in the document's GET /jobs example, with their JSON types
LISTED_JOB = {
    "id": str,
    "name": str,
    "goal": str,
    "schedule": dict,
    "status": str,
    "agent_id": str,
    "next_run_at": (str, type(None)),
    "last_run_at": (str, type(None)),
    "run_count": int,
    "created_at": str,
}


def _shaped(value: dict[str, Any], fields: dict[str, Any]) -> None:
    for name, kind in fields.items():
        assert name in value, f"{name} missing from {sorted(value)}"
        assert isinstance(value[name], kind), f"{name}: {value[name]!r} is not {kind}"
        # JSON has no int/bool distinction a typed client forgives
        assert not (kind in (int, float) and isinstance(value[name], bool)), name


async def test_the_create_example_is_created_as_the_document_prints_it(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post("/jobs", json=PRICE_ALERT)
    assert response.status_code == 201, response.text
    job = response.json()
    _shaped(job, LISTED_JOB)
    assert job["id"].startswith("job_")
    assert job["agent_id"] == "agent_123"
    assert job["schedule"] == PRICE_ALERT["schedule"]
    assert job["delivery"]["channel"] == "slack:#alerts"
    assert job["delivery"]["format"] == "markdown"
    assert job["condition"] == PRICE_ALERT["condition"]
    # numbers come back as the numbers sent: 60, not 60.0
    assert job["retry"]["base_delay"] == 60 and isinstance(job["retry"]["base_delay"], int)
    assert job["retry"]["max_attempts"] == 3 and job["retry"]["strategy"] == "exponential"
    assert job["status"] == "active" and job["run_count"] == 0
    assert job["next_run_at"] == "2026-03-02T14:00:00+00:00"
    # no agent of ours is called agent_123: stored, and the answer says why it cannot run
    assert "unknown_agent" in {w["code"] for w in job["warnings"]}
    listed = (await api.get("/jobs")).json()
    assert set(listed) >= {"jobs", "count"} and listed["count"] == 1
    _shaped(listed["jobs"][0], LISTED_JOB)


async def test_stats_are_numbers_even_before_anything_ran(api: httpx.AsyncClient) -> None:
    stats = (await api.get("/stats")).json()
    _shaped(
        stats,
        {
            "total_jobs": int,
            "active_jobs": int,
            "total_runs_today": int,
            "success_rate": float,
            "avg_duration_seconds": (int, float),
            "jobs_by_status": dict,
            "finished_runs_today": int,
        },
    )
    assert stats["success_rate"] == 0.0 and stats["avg_duration_seconds"] == 0
    assert stats["finished_runs_today"] == 0
    job = (await api.post("/jobs", json={**PRICE_ALERT, "agent_id": "default"})).json()
    assert (await api.get("/stats")).json()["jobs_by_status"] == {"active": 1}
    per_job = (await api.get(f"/jobs/{job['id']}/stats")).json()
    for name in (
        "success_rate",
        "avg_duration_seconds",
        "p50_duration_seconds",
        "p95_duration_seconds",
    ):
        assert isinstance(per_job[name], float) and per_job[name] == 0.0, name
    assert per_job["finished_runs"] == 0 and per_job["timed_runs"] == 0
    assert per_job["total_runs"] == 0


async def test_parse_edit_moves_a_calendar_rule_to_10am(api: httpx.AsyncClient) -> None:
    # every other Tuesday, starting Tuesday 3 March at 3 PM: the rule takes its time of day
    # from its start (RFC 5545), and the first Tuesday must stay the first run
    for rule, moved in (
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10;BYMINUTE=0",
        ),
    ):
        schedule = {
            "type": "rrule",
            "rule": rule,
            "timezone": "America/Chicago",
            "start_at": "2026-03-03T15:00:00",
        }
        created = await api.post("/jobs", json={**PRICE_ALERT, "schedule": schedule})
        job = created.json()
        assert job["next_run_at"] == "2026-03-03T15:00:00-06:00", job
        response = await api.post(f"/jobs/{job['id']}/parse-edit", json={"text": "move it to 10am"})
        assert response.status_code == 200, response.text
        proposal = response.json()
        assert proposal["changes"]["schedule"]["rule"] == moved
        assert proposal["after"]["next_runs"][:2] == [
            "2026-03-03T10:00:00-06:00",
            "2026-03-17T10:00:00-05:00",  # DST began on the 8th; the wall time holds
        ]
        updated = await api.put(f"/jobs/{job['id']}", json=proposal["changes"])
        assert updated.status_code == 200, updated.text
        assert updated.json()["next_run_at"] == "2026-03-03T10:00:00-06:00"


async def test_the_put_example_changes_the_time_and_keeps_the_jobs_zone(
    api: httpx.AsyncClient,
) -> None:
    # the document's list example: weekdays at 8 in New York
    job = (
        await api.post(
            "/jobs",
            json={
                **PRICE_ALERT,
                "schedule": {
                    "type": "cron",
                    "expression": "0 8 * * 1-5",
                    "timezone": "America/New_York",
                },
            },
        )
    ).json()
    response = await api.put(
        f"/jobs/{job['id']}",
        json={"name": "Updated name", "schedule": {"type": "cron", "expression": "0 10 * * *"}},
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["name"] == "Updated name" and updated["goal"] == PRICE_ALERT["goal"]
    assert updated["schedule"] == {
        "type": "cron",
        "expression": "0 10 * * *",
        "timezone": "America/New_York",
    }
    assert updated["next_run_at"] == "2026-03-02T10:00:00-05:00"
    moved = await api.patch(
        f"/jobs/{job['id']}/reschedule", json={"schedule": {"type": "every", "interval": 60}}
    )
    assert moved.json()["schedule"]["timezone"] == "America/New_York"
    # a new job naming no zone is in UTC
    fresh = await api.post(
        "/jobs", json={**PRICE_ALERT, "schedule": {"type": "cron", "expression": "0 10 * * *"}}
    )
    assert fresh.json()["schedule"]["timezone"] == "UTC"


async def test_the_key_may_come_as_bearer_or_x_api_key(api: httpx.AsyncClient) -> None:
    key = api.headers["Authorization"].removeprefix("Bearer ")
    bare = {"Authorization": ""}
    listed = await api.get("/jobs", headers={**bare, "X-API-Key": key})
    assert listed.status_code == 200, listed.text
    wrong = await api.get("/jobs", headers={**bare, "X-API-Key": "ac_nope"})
    assert wrong.status_code == 401
    assert wrong.headers["content-type"] == "application/problem+json"
    missing = await api.get("/jobs", headers=bare)
    assert missing.status_code == 401 and missing.json()["status"] == 401
    # Authorization wins when both come: a bad bearer is not rescued by a good X-API-Key
    both = await api.get("/jobs", headers={"Authorization": "Bearer ac_nope", "X-API-Key": key})
    assert both.status_code == 401


async def test_a_method_the_path_does_not_have_is_405_saying_which_it_has(
    api: httpx.AsyncClient,
) -> None:
    response = await api.delete("/stats")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD"}
