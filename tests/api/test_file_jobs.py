"""``file`` jobs through the API: refused until the operator names root directories, then
stored in the canonical shape (SQLite and PostgreSQL); the roots are read at start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentcron.app.config import Settings
from agentcron.app.mcp.schemas import job_fields
from agentcron.app.runtime import Runtime

JOB: dict[str, Any] = {
    "name": "save report",
    "action": "file",
    "file": {"operation": "write", "root": "exports", "path": "r.md", "content": "hi"},
    "schedule": None,
}


def roots(tmp_path: Path) -> str:
    (tmp_path / "exports").mkdir(exist_ok=True)
    return json.dumps({"exports": str(tmp_path / "exports")})


async def test_a_file_job_is_refused_until_the_operator_names_roots(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post("/jobs", json=JOB)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == "action"
    assert "file jobs are not enabled" in problem["detail"]
    assert "AGENTCRON_FILE_ROOTS" in problem["detail"]


async def test_paths_that_leave_the_root_are_refused_naming_the_field(
    api: httpx.AsyncClient, runtime: Runtime, tmp_path: Path
) -> None:
    runtime.settings.file_roots = roots(tmp_path)
    for change, field, words in [
        ({"path": "../../etc/passwd"}, "file.path", "contains '..'"),
        ({"path": "/etc/passwd"}, "file.path", "is absolute"),
        ({"root": "etc"}, "file.root", "'etc' is not a root directory"),
        ({"content": "x", "to": "y"}, "file.to", "does not apply to write"),
    ]:
        body = {**JOB, "file": {**JOB["file"], **change}}
        response = await api.post("/jobs", json=body)
        assert response.status_code == 422, change
        problem = response.json()
        assert (problem["field"], words in problem["detail"]) == (field, True), problem


async def test_an_allowed_file_job_is_stored_and_answered_in_the_canonical_shape(
    api: httpx.AsyncClient, runtime: Runtime, tmp_path: Path
) -> None:
    runtime.settings.file_roots = roots(tmp_path)
    created = await api.post("/jobs", json=JOB)
    assert created.status_code == 201, created.text
    job = created.json()
    assert job["action"] == "file"
    assert job["file"] == {**JOB["file"], "overwrite": False}
    assert job["warnings"] == []
    # seed 001's FileOperation words: Copy, with the destination root left out
    copy = await api.post(
        "/jobs",
        json={
            "file": {"operation": "Copy", "root": "exports", "path": "r.md", "to": "a/r.md"},
            "schedule": None,
        },
    )
    assert copy.status_code == 201, copy.text
    assert copy.json()["file"]["to_root"] == "exports"
    assert copy.json()["name"] == "copy exports:r.md"
    runtime.settings.file_roots = json.dumps({"other": str(tmp_path)})
    warnings = (await api.get(f"/jobs/{job['id']}")).json()["warnings"]
    assert [(w["field"], w["code"]) for w in warnings] == [("file.root", "not_allowed_here")]
    assert "file" in job_fields()


def test_roots_are_resolved_and_checked_when_the_settings_are_read(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "alias").symlink_to(real)
    settings = Settings(file_roots=json.dumps({"a": str(tmp_path / "alias")}))
    assert settings.host_jobs().file_roots["a"].path == str(real)
    with pytest.raises(ValueError, match="is not a directory"):
        Settings(file_roots=json.dumps({"a": str(tmp_path / "missing")})).host_jobs()
    with pytest.raises(ValueError, match="is not an executable file"):
        Settings(commands=json.dumps({"x": [str(tmp_path / "nope")]})).host_jobs()
    listed = tmp_path / "roots.json"
    listed.write_text(json.dumps({"a": str(real)}))
    assert Settings(file_roots=f"@{listed}").host_jobs().file_roots["a"].path == str(real)
