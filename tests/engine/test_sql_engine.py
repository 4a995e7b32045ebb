"""A ``sql`` job end to end: created through the API, run by the engine, its rows read back
as the run's data — on a service database of each kind, against a SQLite file the operator
named (and a PostgreSQL schema, when the suite has a server)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from agentcron.app.config import Settings
from agentcron.app.domain.hostjobs import HostJobs
from tests.engine.conftest import EngineHarness, settings_with


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total REAL)")
    conn.executemany(
        "INSERT INTO orders (customer, total) VALUES (?, ?)",
        [("c_1", 10.0), ("c_2", 99.5), ("c_1", 5.25)],
    )
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def settings(db_url: str, shop: Path) -> Settings:
    return settings_with(db_url, sql_connections=f'{{"shop": "sqlite:///{shop}"}}')


SQL: dict[str, Any] = {
    "connection": "shop",
    "statement": "SELECT id, total FROM orders WHERE customer = :customer ORDER BY id",
    "parameters": {"customer": "{{ payload.customer }}"},
}


async def test_a_sql_jobs_rows_are_its_runs_data(engine: EngineHarness) -> None:
    job = await engine.create(
        name="orders of c_1", action="sql", sql=SQL, schedule=None, payload={"customer": "c_1"}
    )
    assert job["action"] == "sql" and job["warnings"] == []
    assert job["sql"] == {**SQL, "read_only": True, "max_rows": 100, "timeout_seconds": 30}
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run
    assert run["data"]["rows"] == [{"id": 1, "total": 10.0}, {"id": 3, "total": 5.25}]
    assert run["data"]["row_count"] == 2 and run["data"]["truncated"] is False
    assert run["output"].startswith("2 rows from shop.")


async def test_a_condition_reads_the_rows(engine: EngineHarness) -> None:
    job = await engine.create(
        name="big orders",
        action={
            "type": "sql",
            "connection": "shop",
            "statement": "SELECT max(total) AS top FROM orders",
        },
        schedule=None,
        condition={"type": "expression", "expression": "row_count > 0 and rows[0].top > 50"},
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded" and run["condition_met"] is True, run


async def test_a_failing_statement_is_a_failed_run_saying_why(engine: EngineHarness) -> None:
    job = await engine.create(
        action="sql",
        sql={"connection": "shop", "statement": "DELETE FROM orders"},
        schedule=None,
        retry={"max_attempts": 3},
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "failed"
    assert "attempt to write a readonly database" in run["error"]
    assert "sql.read_only is true" in run["error"]
    runs = await engine.runs(job["id"])
    assert len(runs) == 1  # retrying cannot make a read-only job write


async def test_an_unknown_connection_is_refused_naming_the_field(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs", json={"action": "sql", "sql": {**SQL, "connection": "prod"}, "schedule": None}
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["field"] == "sql.connection"
    assert "'prod'" in problem["detail"] and "shop" in problem["detail"]


async def test_a_python_job_is_refused_while_python_is_off(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs", json={"action": "python", "python": {"function": "a:b"}, "schedule": None}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "action"
    assert "AGENTCRON_PYTHON_FUNCTIONS" in response.json()["detail"]


async def test_a_sql_job_is_changed_by_its_settings_alone(engine: EngineHarness) -> None:
    job = await engine.create(
        action="sql", sql=SQL, schedule=None, payload={"customer": "c_2"}, name="one"
    )
    changed = await engine.api.put(f"/jobs/{job['id']}", json={"sql": {**SQL, "max_rows": 1}})
    assert changed.status_code == 200, changed.text
    assert changed.json()["sql"]["max_rows"] == 1
    renamed = await engine.api.put(f"/jobs/{job['id']}", json={"name": "two"})
    assert renamed.json()["sql"]["max_rows"] == 1 and renamed.json()["action"] == "sql"
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["data"]["rows"] == [{"id": 2, "total": 99.5}]


async def test_a_job_whose_connection_the_service_lost_is_read_with_a_warning(
    engine: EngineHarness,
) -> None:
    """The operator dropped the connection (or the API runs with other settings than the
    engine that ran it): the job is still there, and says why it cannot run."""
    job = await engine.create(action="sql", sql=SQL, schedule=None, payload={"customer": "c"})
    engine.rt._host_jobs = HostJobs(sql_connections={})
    read = (await engine.api.get(f"/jobs/{job['id']}")).json()
    assert [(w["field"], w["code"]) for w in read["warnings"]] == [("action", "not_allowed_here")]
    assert "AGENTCRON_SQL_CONNECTIONS" in read["warnings"][0]["reason"]
