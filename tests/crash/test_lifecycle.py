"""Process lifecycle: one scheduler per SQLite file; SIGTERM lets running runs finish."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.fakes.sink import Sink
from tests.support.service import ServiceProcess, create_key, free_port

pytestmark = pytest.mark.slow


def test_a_second_scheduler_on_one_sqlite_file_is_refused(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'one.db'}"
    first = ServiceProcess(database_url=url, workdir=tmp_path).start()
    try:
        second = subprocess.run(
            [sys.executable, "-m", "agentcron.app.cli", "serve", "--port", str(free_port())],
            env=first.env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode != 0
        assert "another agentcron scheduler" in second.stderr
        assert "--role api" in second.stderr
        # an API-only instance beside it is fine
        api_only = ServiceProcess(database_url=url, workdir=tmp_path).start("--role", "api")
        api_only.stop()
    finally:
        first.stop()


async def test_sigterm_lets_the_running_run_finish(tmp_path: Path, sink: Sink) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'graceful.db'}"
    service = await asyncio.to_thread(ServiceProcess(database_url=url, workdir=tmp_path).start)
    key = await asyncio.to_thread(create_key, service.env)
    async with httpx.AsyncClient(
        base_url=service.url + "/api/scheduler", headers={"Authorization": f"Bearer {key}"}
    ) as api:
        job = (
            await api.post(
                "/jobs",
                json={
                    "name": "slow",
                    "action": "http",
                    "http": {"url": sink.url("/hang")},
                    "schedule": None,
                },
            )
        ).json()
        run_id = (await api.post(f"/jobs/{job['id']}/trigger")).json()["run_id"]
        await sink.wait_for_requests(1)
        assert service.proc is not None
        service.proc.send_signal(15)
        await asyncio.sleep(0.3)
        assert service.proc.poll() is None, "it must wait for the running run"
        sink.release.set()
        code = await asyncio.to_thread(service.proc.wait, 20)
    # uvicorn re-raises the signal once its graceful shutdown is done
    assert code in (0, -15)
    restarted = await asyncio.to_thread(
        ServiceProcess(database_url=url, workdir=tmp_path).start, "--role", "api"
    )
    try:
        async with httpx.AsyncClient(
            base_url=restarted.url + "/api/scheduler", headers={"Authorization": f"Bearer {key}"}
        ) as api:
            run = (await api.get(f"/jobs/{job['id']}/runs/{run_id}")).json()
        assert run["status"] == "succeeded"
    finally:
        await asyncio.to_thread(restarted.stop)


@pytest.mark.postgres
async def test_split_roles_wake_each_other_through_postgres(
    pg_database: str, tmp_path: Path
) -> None:
    from tests.conftest import _truncate_pg

    await asyncio.to_thread(_truncate_pg, pg_database)
    # the engine would only look again after a minute on its own: the run finishing well
    # before that shows the API instance's NOTIFY woke it
    slow_poll = {"AGENTCRON_MAX_SLEEP_SECONDS": "60"}
    api_only = ServiceProcess(database_url=pg_database, workdir=tmp_path, extra_env=slow_poll)
    engine = ServiceProcess(database_url=pg_database, workdir=tmp_path, extra_env=slow_poll)
    await asyncio.to_thread(engine.start, "--role", "worker")
    await asyncio.to_thread(api_only.start, "--role", "api")
    try:
        key = await asyncio.to_thread(create_key, api_only.env)
        async with httpx.AsyncClient(
            base_url=api_only.url + "/api/scheduler", headers={"Authorization": f"Bearer {key}"}
        ) as api:
            job = (
                await api.post("/jobs", json={"name": "n", "action": "noop", "schedule": None})
            ).json()
            await asyncio.sleep(1)  # let the worker settle into its long sleep
            run_id = (await api.post(f"/jobs/{job['id']}/trigger")).json()["run_id"]
            deadline = asyncio.get_running_loop().time() + 20
            while (await api.get(f"/jobs/{job['id']}/runs/{run_id}")).json()[
                "status"
            ] != "succeeded":
                assert asyncio.get_running_loop().time() < deadline, "the worker was not woken"
                await asyncio.sleep(0.1)
    finally:
        await asyncio.to_thread(api_only.stop)
        await asyncio.to_thread(engine.stop)
