"""A job's health in the jobs list: ``health``, ``last_outcome`` and the strip of
``recent_runs``, from runs the engine really ran (an http job against a local server that
answers 500, then 200), and the ``health`` filter; on SQLite and PostgreSQL. The strips of a
whole page come from one statement, however many jobs the page holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink


async def listed(engine: EngineHarness, **params: Any) -> dict[str, dict[str, Any]]:
    response = await engine.api.get("/jobs", params=params)
    assert response.status_code == 200, response.text
    return {job["name"]: job for job in response.json()["jobs"]}


async def run_once(engine: EngineHarness, job_id: str) -> dict[str, Any]:
    """Trigger a run a second after the last (the clock is frozen: newest is by time)."""
    await engine.advance(1)
    return await engine.finished(job_id, await engine.trigger(job_id))


@contextmanager
def statements(engine: EngineHarness) -> Iterator[list[tuple[str, str]]]:
    """Every SQL statement the service sends meanwhile, with its parameters as text (the
    engine's own loops run beside the request: a test picks the statements it means)."""
    db = engine.rt.db
    target = db._sync if db._sync is not None else db._async.sync_engine  # type: ignore[union-attr]
    seen: list[tuple[str, str]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        seen.append((statement, repr(parameters)))

    event.listen(target, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(target, "before_cursor_execute", record)


async def test_a_failing_job_says_so_in_the_list_and_can_be_filtered(
    engine: EngineHarness, sink: Sink
) -> None:
    broken = await engine.create(
        name="broken",
        action="http",
        http={"url": f"{sink.base_url}/status/500"},
        schedule=None,
    )
    fine = await engine.create(name="fine", action="noop", schedule=None)
    await engine.create(name="fresh", action="noop", schedule=None)
    failed = [await run_once(engine, broken["id"]) for _ in range(4)]
    assert {run["status"] for run in failed} == {"failed"}
    assert (await run_once(engine, fine["id"]))["status"] == "succeeded"

    jobs = await listed(engine)
    sick = jobs["broken"]
    # four of four failed: nothing about it may read as healthy
    assert sick["status"] == "active"
    assert sick["health"] == "failing"
    assert sick["consecutive_failures"] == 4
    assert sick["last_outcome"] == "failed"
    assert [r["id"] for r in sick["recent_runs"]] == [r["id"] for r in reversed(failed)]
    assert {r["status"] for r in sick["recent_runs"]} == {"failed"}
    assert all("500" in r["error"] for r in sick["recent_runs"])
    assert jobs["fine"]["health"] == "passing"
    assert jobs["fine"]["last_outcome"] == "succeeded"
    assert jobs["fresh"]["health"] == "new"
    assert jobs["fresh"]["last_outcome"] is None and jobs["fresh"]["recent_runs"] == []
    # one job read alone says its health too (no strip: that is the list's)
    alone = await engine.job(broken["id"])
    assert alone["health"] == "failing" and "recent_runs" not in alone

    assert list(await listed(engine, health="failing")) == ["broken"]
    assert list(await listed(engine, health="passing")) == ["fine"]
    assert list(await listed(engine, health="new")) == ["fresh"]
    assert list(await listed(engine, health="failing", status="paused")) == []
    refused = await engine.api.get("/jobs", params={"health": "sick"})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "health"

    # fixed: the next success ends the streak, and the strip keeps the failures behind it
    changed = await engine.api.put(
        f"/jobs/{broken['id']}", json={"http": {"url": f"{sink.base_url}/ok"}}
    )
    assert changed.status_code == 200, changed.text
    healed = await run_once(engine, broken["id"])
    assert healed["status"] == "succeeded"
    sick = (await listed(engine))["broken"]
    assert sick["health"] == "passing" and sick["consecutive_failures"] == 0
    assert sick["last_outcome"] == "succeeded"
    assert [r["status"] for r in sick["recent_runs"]] == ["succeeded"] + ["failed"] * 4
    assert list(await listed(engine, health="failing")) == []


async def test_the_strip_holds_the_ten_newest_runs_and_a_page_costs_one_runs_statement(
    engine: EngineHarness,
) -> None:
    busy = await engine.create(name="busy", action="noop", schedule=None)
    ran = [(await run_once(engine, busy["id"]))["id"] for _ in range(12)]
    for n in range(5):
        await engine.create(name=f"quiet {n}", action="noop", schedule=None)

    with statements(engine) as seen:
        jobs = await listed(engine)
    assert len(jobs) == 6
    assert [r["id"] for r in jobs["busy"]["recent_runs"]] == ran[::-1][:10]
    assert all(jobs[f"quiet {n}"]["recent_runs"] == [] for n in range(5))
    # the statements on runs about the page's jobs: one UNION ALL, not one per job
    ids = [job["id"] for job in jobs.values()]
    about_page = [
        statement
        for statement, parameters in seen
        if "FROM runs" in statement and any(job_id in parameters for job_id in ids)
    ]
    assert len(about_page) == 1, about_page
    assert all(job_id in next(p for s, p in seen if s == about_page[0]) for job_id in ids)


async def test_jobs_sort_by_their_failure_streak(engine: EngineHarness, sink: Sink) -> None:
    once = await engine.create(
        name="once", action="http", http={"url": f"{sink.base_url}/status/503"}, schedule=None
    )
    twice = await engine.create(
        name="twice", action="http", http={"url": f"{sink.base_url}/status/500"}, schedule=None
    )
    await engine.create(name="never", action="noop", schedule=None)
    await run_once(engine, once["id"])
    for _ in range(2):
        await run_once(engine, twice["id"])
    response = await engine.api.get("/jobs", params={"sort": "consecutive_failures"})
    assert [j["name"] for j in response.json()["jobs"]] == ["twice", "once", "never"]
