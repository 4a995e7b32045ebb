"""``file`` jobs through the engine (SQLite and PostgreSQL): create, trigger, and the run's
data saying what was done; templates in the content are filled in from the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentcron.app.config import Settings
from tests.engine.conftest import EngineHarness, settings_with


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    path = tmp_path / "exports"
    path.mkdir()
    return path


@pytest.fixture
def settings(db_url: str, exports: Path) -> Settings:
    return settings_with(db_url, file_roots=json.dumps({"exports": str(exports)}))


async def test_a_file_job_writes_its_content_and_the_run_says_what_it_did(
    engine: EngineHarness, exports: Path
) -> None:
    job = await engine.create(
        name="save",
        file={
            "operation": "write",
            "root": "exports",
            "path": "daily/today.md",
            "content": "run {{ run.attempt }} of {{ job.name }}: {{ payload.msg }}",
        },
        payload={"msg": "all green"},
        schedule=None,
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert run["status"] == "succeeded", run
    assert (exports / "daily" / "today.md").read_text() == "run 1 of save: all green"
    assert run["output"] == "wrote exports:daily/today.md (24 bytes)"
    assert run["data"] == {
        "operation": "write",
        "root": "exports",
        "path": "daily/today.md",
        "bytes": 24,
        "replaced": False,
    }
    # the second run finds the file there: overwrite is false, so it fails saying so
    again = await engine.finished(job["id"], await engine.trigger(job["id"]))
    assert again["status"] == "failed"
    assert again["error"] == (
        "exports:daily/today.md already exists (set overwrite: true to replace it)"
    )
