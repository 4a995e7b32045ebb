"""Jobs that touch the host (``sql``, ``python``) through the API: refused with a 422 naming
the field while the operator has not enabled them; where enabled, answered in the canonical
shape the response models and the MCP schemas describe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from agentcron.app.api import responses
from agentcron.app.config import Settings
from agentcron.app.mcp.schemas import job_fields

SQL = {"connection": "local", "statement": "SELECT :n AS n", "parameters": {"n": 1}}


@pytest.mark.parametrize(
    "body",
    [
        {"action": "sql", "sql": SQL},
        {"action": {"type": "sql", **SQL}},
        {"sql": SQL},
        {"action": "python", "python": {"function": "reports.daily:build"}},
        {"action": {"type": "python", "function": "reports.daily:build"}},
    ],
)
async def test_a_host_job_is_refused_while_its_type_is_off(
    api: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    response = await api.post("/jobs", json={**body, "schedule": None})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["field"] == "action"
    setting = "AGENTCRON_SQL_CONNECTIONS" if "sql" in str(body) else "AGENTCRON_PYTHON_FUNCTIONS"
    assert setting in problem["detail"] and "not enabled" in problem["detail"]


async def test_an_existing_job_cannot_be_turned_into_a_host_job_while_off(
    api: httpx.AsyncClient,
) -> None:
    job = (await api.post("/jobs", json={"action": "noop", "schedule": None})).json()
    response = await api.put(f"/jobs/{job['id']}", json={"action": "sql", "sql": SQL})
    assert response.status_code == 422 and response.json()["field"] == "action"


class TestWithSqlEnabled:
    """The operator named a SQLite file ``local``."""

    @pytest.fixture
    def settings(self, db_url: str, tmp_path: Path) -> Settings:
        return Settings(
            database_url=db_url,
            allow_private_networks=True,
            max_sleep_seconds=0.5,
            sql_connections=f'{{"local": "sqlite:///{tmp_path / "local.db"}"}}',
        )

    async def test_a_sql_job_is_answered_as_its_model_says(self, api: httpx.AsyncClient) -> None:
        created = await api.post("/jobs", json={"action": "sql", "sql": SQL, "schedule": None})
        assert created.status_code == 201, created.text
        job = responses.Job.model_validate(created.json())
        assert job.action == "sql" and job.sql is not None and job.sql["parameters"] == {"n": 1}
        assert job.name == "local: SELECT :n AS n"  # a default name that says what it does
        listed = responses.JobList.model_validate((await api.get("/jobs")).json())
        assert [j.id for j in listed.jobs] == [job.id]
        # a dry run is for agent jobs; a sql job's run is its effect
        tried = await api.post(f"/jobs/{job.id}/dry-run")
        assert tried.status_code == 409
        assert tried.json()["detail"].startswith("only agent jobs can be tried; a sql job's run")

    async def test_settings_meant_for_another_action_are_refused(
        self, api: httpx.AsyncClient
    ) -> None:
        response = await api.post(
            "/jobs",
            json={"action": "sql", "sql": SQL, "http": {"url": "https://x"}, "schedule": None},
        )
        assert response.status_code == 422 and response.json()["field"] == "http"


def test_the_mcp_tools_and_the_document_describe_the_host_job_settings() -> None:
    fields = job_fields()
    assert "sql" in fields["action"]["description"]
    assert fields["sql"]["properties"]["connection"]["type"] == "string"
    assert fields["python"]["required"] == ["function"]
    literal = responses.Job.model_fields["action"].annotation
    assert {"sql", "python"} <= set(literal.__args__)  # type: ignore[union-attr]
