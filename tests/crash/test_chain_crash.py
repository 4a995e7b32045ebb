"""Kill the service (SIGKILL) right after a chain's upstream run ends, start it again: the
downstream job runs, and runs once. Firing the edge is part of the transaction that records
the upstream outcome, so there is no moment in which one is written without the other."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import runs as runs_table
from tests.fakes.sink import Sink, running_sink
from tests.support.service import ServiceProcess, create_key
from tests.support.waiting import until

pytestmark = pytest.mark.slow


async def runs_of(api: httpx.AsyncClient, job_id: str) -> list[dict[str, Any]]:
    response = await api.get(f"/jobs/{job_id}/runs", params={"limit": 200})
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["runs"]))


async def create(api: httpx.AsyncClient, **body: Any) -> str:
    response = await api.post("/jobs", json={"schedule": None, **body})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_kill_9_right_after_the_upstream_ends(
    db_url: str, tmp_path: Path, sink: Sink
) -> None:
    async with running_sink() as later:  # the downstream's endpoint, held until the restart
        first = await asyncio.to_thread(ServiceProcess(database_url=db_url, workdir=tmp_path).start)
        key = await asyncio.to_thread(create_key, first.env)
        headers = {"Authorization": f"Bearer {key}"}
        try:
            async with httpx.AsyncClient(
                base_url=first.url + "/api/scheduler", headers=headers
            ) as api:
                upstream = await create(
                    api, name="upstream", action="http", http={"url": sink.url("/hang")}
                )
                downstream = await create(
                    api,
                    name="downstream",
                    action="http",
                    http={"url": later.url("/hang"), "method": "POST",
                          "body": {"from": "{{ upstream.status }}"}},
                    # an attempt cut off by the kill is retried, like any interrupted run
                    retry={"max_attempts": 2, "strategy": "fixed", "base_delay": 0},
                )  # fmt: skip
                response = await api.post(
                    "/chains",
                    json={
                        "name": "crash",
                        "jobs": [upstream, downstream],
                        "edges": [{"from": upstream, "to": downstream, "type": "on_success"}],
                    },
                )
                assert response.status_code == 201, response.text
                chain = response.json()["id"]
                root = (await api.post(f"/jobs/{upstream}/trigger")).json()["run_id"]
                await asyncio.wait_for(sink.wait_for_requests(1), 30)
                sink.release.set()

                async def upstream_ended() -> bool:
                    run = (await api.get(f"/jobs/{upstream}/runs/{root}")).json()
                    return bool(run["status"] == "succeeded")

                await until(upstream_ended, what="the upstream run to be recorded")
                first.kill()
                # the outcome and the downstream run were committed together
                at_kill = await asyncio.to_thread(_read_runs, db_url, downstream)
                assert [(r["trigger"], r["status"]) for r in at_kill] in (
                    [("chain", "queued")],
                    [("chain", "running")],
                )
        finally:
            await asyncio.to_thread(first.kill)

        later.release.set()
        second = await asyncio.to_thread(
            ServiceProcess(database_url=db_url, workdir=tmp_path).start
        )
        try:
            async with httpx.AsyncClient(
                base_url=second.url + "/api/scheduler", headers=headers
            ) as api:

                async def chain_run_over() -> dict[str, Any] | None:
                    shown = (await api.get(f"/chains/{chain}")).json()
                    over = [r for r in shown["runs"] if r["status"] != "running"]
                    return over[0] if over else None

                chain_run = await until(chain_run_over, what="the chain run to end")
                runs = await runs_of(api, downstream)
        finally:
            await asyncio.to_thread(second.stop)

    assert chain_run["status"] == "succeeded"
    assert chain_run["nodes"][downstream]["status"] == "succeeded"
    started_by_the_chain = [r for r in runs if r["trigger"] == "chain"]
    assert len(started_by_the_chain) == 1, runs  # never lost, never doubled
    step = started_by_the_chain[0]
    assert step["upstream_run_id"] == root
    assert step["chain_run_id"] == chain_run["id"]
    # either it had not started at the kill and ran after the restart, or it was cut off,
    # recovered as interrupted and retried once
    assert [r["status"] for r in runs] in (["succeeded"], ["failed", "succeeded"])
    if len(runs) == 2:
        assert runs[0]["reason"] == "interrupted"
        assert runs[1]["trigger"] == "retry" and runs[1]["retry_of"] == step["id"]
    assert [r.json() for r in later.on("/hang")][-1] == {"from": "succeeded"}
    assert len(sink.on("/hang")) == 1  # the upstream ran once too


def _read_runs(db_url: str, job_id: str) -> list[dict[str, Any]]:
    """The downstream's runs straight from the database the killed process left behind."""

    async def read() -> list[dict[str, Any]]:
        db = Database(db_url)
        try:
            return await db.read(
                lambda conn: [
                    dict(r._mapping)
                    for r in conn.execute(
                        select(runs_table.c.trigger, runs_table.c.status).where(
                            runs_table.c.job_id == job_id
                        )
                    )
                ]
            )
        finally:
            await db.close()

    return asyncio.run(read())
