"""A ``python`` job end to end: created through the API, run by the engine in a real worker
process, its return value read back as the run's data; a function that crashes fails its
run and the engine goes on."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from agentcron.app.config import Settings
from tests.engine.conftest import EngineHarness, settings_with

pytestmark = pytest.mark.slow

MODULE = """
import os

def summarise(payload):
    orders = payload["orders"]
    return {"count": len(orders), "total": sum(o["total"] for o in orders)}

def crash(payload):
    os._exit(9)
"""


@pytest.fixture
def settings(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    (tmp_path / "shop_tasks.py").write_text(textwrap.dedent(MODULE))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    return settings_with(db_url, python_functions='["shop_tasks:summarise", "shop_tasks:crash"]')


async def test_a_python_jobs_return_value_is_its_runs_data(engine: EngineHarness) -> None:
    job = await engine.create(
        name="order summary",
        action="python",
        python={"function": "shop_tasks:summarise"},
        schedule=None,
        payload={"orders": [{"total": 10}, {"total": 32.5}]},
        condition={"type": "expression", "expression": "total > 40"},
    )
    assert job["python"] == {"function": "shop_tasks:summarise", "timeout_seconds": 60}
    run = await engine.finished(job["id"], await engine.trigger(job["id"]), timeout=60)
    assert run["status"] == "succeeded", run
    assert run["data"] == {
        "function": "shop_tasks:summarise",
        "result": {"count": 2, "total": 42.5},
    }
    assert run["condition_met"] is True  # the returned object's keys are the condition's names


async def test_a_crashing_function_fails_its_run_and_the_engine_goes_on(
    engine: EngineHarness,
) -> None:
    crash = await engine.create(
        action="python", python={"function": "shop_tasks:crash"}, schedule=None
    )
    run = await engine.finished(crash["id"], await engine.trigger(crash["id"]), timeout=60)
    assert run["status"] == "failed"
    assert run["error"] == "shop_tasks:crash's worker process exited with code 9 before it returned"
    assert engine.service.health()["ok"] is True
    fine = await engine.create(
        action="python",
        python={"function": "shop_tasks:summarise"},
        schedule=None,
        payload={"orders": []},
    )
    run = await engine.finished(fine["id"], await engine.trigger(fine["id"]), timeout=60)
    assert run["status"] == "succeeded" and run["data"]["result"] == {"count": 0, "total": 0}


async def test_a_function_off_the_list_is_refused_naming_it(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs",
        json={"action": "python", "python": {"function": "os:system"}, "schedule": None},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "python.function"
    assert "shop_tasks:crash, shop_tasks:summarise" in response.json()["detail"]
