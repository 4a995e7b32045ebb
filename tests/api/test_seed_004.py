"""Seed 004's job definitions through the API: its example body is a job, its fields
(``blocking``, ``max_retries``, ``muted``) land on the job's own (``overlap``,
``retry.max_attempts``, ``delivery.muted``), and saying one thing two ways differently is
422 naming both."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

#: seed 004's POST /jobs/definition example, verbatim (a job that runs nothing)
DEFINITION: dict[str, Any] = {
    "blocking": True,
    "metadata": {},
    "name": "Name of your job",
    "schedule": "0 0 * * *",
    "timeout_seconds": 123,
    "action": "noop",
}


async def test_seed_004s_example_is_a_job_that_does_not_overlap(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", json=DEFINITION)
    assert response.status_code == 201, response.text
    job = response.json()
    assert job["overlap"] == "skip" and job["timeout_seconds"] == 123
    assert job["schedule"] == {"type": "cron", "expression": "0 0 * * *", "timezone": "UTC"}
    assert not {"blocking", "max_retries", "muted"} & set(job)


async def test_retries_and_muting_join_what_the_job_has(api: httpx.AsyncClient) -> None:
    job = (
        await api.post(
            "/jobs",
            json={
                **DEFINITION,
                "blocking": False,
                "max_retries": 3,
                "muted": True,
                "retry": {"strategy": "fixed", "base_delay": 5},
                "delivery": {"channel": "webhook:https://hooks.example.com/x"},
            },
        )
    ).json()
    assert job["overlap"] == "allow"
    assert job["retry"]["max_attempts"] == 4 and job["retry"]["strategy"] == "fixed"
    assert job["delivery"]["muted"] is True
    assert job["delivery"]["channel"] == "webhook:https://hooks.example.com/x"
    updated = await api.put(f"/jobs/{job['id']}", json={"max_retries": 0, "muted": False})
    assert updated.status_code == 200, updated.text
    after = updated.json()
    assert after["retry"]["max_attempts"] == 1 and after["retry"]["strategy"] == "fixed"
    assert after["delivery"]["muted"] is False
    assert after["delivery"]["channel"] == "webhook:https://hooks.example.com/x"


@pytest.mark.parametrize(
    ("extra", "fields"),
    [
        ({"blocking": "yes"}, ["blocking"]),
        ({"overlap": "allow"}, ["blocking", "overlap"]),
        ({"max_retries": 20}, ["max_retries"]),
        ({"max_retries": 2, "retry": {"max_attempts": 5}}, ["max_retries", "retry.max_attempts"]),
        ({"muted": 1}, ["muted"]),
    ],
)
async def test_definition_fields_that_cannot_be_are_refused_naming_them(
    api: httpx.AsyncClient, extra: dict[str, Any], fields: list[str]
) -> None:
    response = await api.post("/jobs", json={**DEFINITION, **extra})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == fields
