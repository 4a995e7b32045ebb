"""SQLite outages: another process's lock, a read-only file, a full disk.

The lock is held by a second sqlite3 connection (another process as far as SQLite's locks
go); waiting for it must never hold the event loop, and a request that cannot get it in time
answers 503 with Retry-After, naming the reason."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.storage import database
from agentcron.app.storage.database import DatabaseUnavailable

JOB = {"name": "j", "action": "noop", "schedule": {"type": "every", "interval": 60}}


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "agentcron.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite:///{path}"


@pytest.fixture
def other_process(sqlite_url: str) -> Iterator[sqlite3.Connection]:
    """A connection of its own, as another process would have (SQLite locks per connection)."""
    conn = sqlite3.connect(str(make_url(sqlite_url).database), isolation_level=None)
    yield conn
    conn.close()


@pytest.fixture
async def rt(sqlite_url: str) -> AsyncIterator[Runtime]:
    runtime = Runtime(Settings(database_url=sqlite_url))
    yield runtime
    await runtime.close()


@pytest.fixture
async def client(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(rt, start_engine=False)
    _, key = await rt.keys.create(name="k", owner="alice", now=rt.clock.now())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        headers={"Authorization": f"Bearer {key}"},
    ) as c:
        yield c


async def test_a_write_waits_for_the_lock_without_holding_the_loop(
    rt: Runtime, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    ticks = 0

    def work(conn: object) -> int:
        return 1

    write = asyncio.create_task(rt.db.write(lambda conn: conn.execute(text("SELECT 1")).scalar()))
    # the write is waiting for the lock, and the loop still runs other work meanwhile
    while ticks < 50:
        ticks += 1
        await asyncio.sleep(0)
    assert not write.done()
    other_process.execute("COMMIT")
    assert await write == 1


async def test_a_write_that_cannot_get_the_lock_in_time_is_unavailable(
    rt: Runtime, other_process: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_WAIT", 0.05)
    other_process.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseUnavailable, match="locked by another process") as caught:
        await rt.db.write(lambda conn: conn.execute(text("SELECT 1")))
    assert caught.value.retry_after == 1
    assert rt.db.last_outage is not None
    other_process.execute("ROLLBACK")
    await rt.db.write(lambda conn: conn.execute(text("SELECT 1")))
    assert rt.db.last_outage is None


async def test_the_api_answers_503_while_locked_and_reads_still_work(
    client: httpx.AsyncClient, other_process: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await client.post("/api/scheduler/jobs", json=JOB)
    assert created.status_code == 201
    monkeypatch.setattr(database, "BUSY_WAIT", 0.05)
    other_process.execute("BEGIN IMMEDIATE")
    refused = await client.post("/api/scheduler/jobs", json=JOB)
    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.headers["retry-after"] == "1"
    assert "locked by another process" in refused.json()["detail"]
    assert (await client.get("/api/scheduler/jobs")).json()["count"] == 1  # WAL: reads go on
    ready = await client.get("/readyz")
    assert ready.status_code == 503 and "locked" in ready.json()["database"]
    assert (await client.get("/healthz")).status_code == 200
    other_process.execute("ROLLBACK")
    assert (await client.post("/api/scheduler/jobs", json=JOB)).status_code == 201
    assert (await client.get("/api/scheduler/jobs")).json()["count"] == 2
    assert (await client.get("/readyz")).status_code == 200


async def test_a_full_disk_is_503_with_its_reason_and_nothing_half_written(
    client: httpx.AsyncClient, rt: Runtime
) -> None:
    assert (await client.post("/api/scheduler/jobs", json=JOB)).status_code == 201
    conn = rt.db._conn
    assert conn is not None
    pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    conn.exec_driver_sql(f"PRAGMA max_page_count={pages}")
    conn.commit()
    big = {**JOB, "description": "x" * 9000, "goal": "y" * 19000}
    refused = None
    for _ in range(50):  # fill the free pages, then one write must find the disk full
        response = await client.post("/api/scheduler/jobs", json=big)
        if response.status_code != 201:
            refused = response
            break
    assert refused is not None and refused.status_code == 503, refused and refused.text
    assert "full" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) > 0
    listed = await client.get("/api/scheduler/jobs", params={"limit": 200})
    assert listed.status_code == 200
    assert all(j["name"] == "j" for j in listed.json()["jobs"])


async def test_a_read_only_database_is_503_with_its_reason(rt: Runtime, sqlite_url: str) -> None:
    _, key = await rt.keys.create(name="k", owner="alice", now=rt.clock.now())
    path = make_url(sqlite_url).database
    read_only = Runtime(Settings(database_url=f"sqlite:///file:{path}?mode=ro&uri=true"))
    try:
        app = create_app(read_only, start_engine=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {key}"},
        ) as c:
            response = await c.post("/api/scheduler/jobs", json=JOB)
            assert response.status_code == 503, response.text
            assert "read-only" in response.json()["detail"]
            assert int(response.headers["retry-after"]) >= 1
            ready = await c.get("/readyz")
            assert ready.status_code == 503 and "read-only" in ready.json()["database"]
    finally:
        await read_only.close()
