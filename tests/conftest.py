"""Shared fixtures: a migrated database on SQLite and on PostgreSQL, a runtime, an API client.

Every storage-touching test runs against both backends (``db_url`` is parametrized). The
PostgreSQL variant needs AGENTCRON_TEST_POSTGRES_URL and is skipped, visibly, without it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import settings as hypothesis_settings

from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.storage.migrate import upgrade
from agentcron.app.storage.tables import metadata

# Generated tests explore the same examples on every run: the suite is deterministic (a test that
# fails by chance blocks a landing it has nothing to do with); larger searches run on their own.
hypothesis_settings.register_profile("agentcron", derandomize=True, database=None)
hypothesis_settings.load_profile("agentcron")

PG_URL = os.environ.get("AGENTCRON_TEST_POSTGRES_URL")
T0 = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # a Monday


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests run last, whatever the order on the command line: Playwright's sync
    API keeps an event loop running in the main thread until the session ends, and an asyncio
    test after it could not start its own ("Cannot run the event loop while another loop is
    running")."""
    items.sort(key=lambda item: item.path.parent.name == "web" and "tests" in item.path.parts)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


def _pg_admin(sql: str) -> None:
    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(PG_URL.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.fixture(autouse=True)
def _no_service_left_behind() -> Iterator[None]:
    """Every ``agentcron serve`` a test started is gone when it ends, pass or fail (those of
    wider fixtures, started before it, are their fixture's to stop)."""
    from tests.support.service import kill_leftovers, live_services

    before = live_services()
    yield
    kill_leftovers(keep=before)


#: databases dropped off the test's path (see ``drop_database_later``)
_DROPPING: list[threading.Thread] = []


def drop_database_later(name: str) -> None:
    """Drop a database of the test server in the background. ``DROP DATABASE`` waits for its
    files to be unlinked and synced, 1–20 s on a busy disk; a test need not wait for that.
    The session waits for every drop before it ends (``_dropped_at_the_end``)."""
    thread = threading.Thread(
        target=_pg_admin,
        args=(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',),
        name=f"drop {name}",
    )
    thread.start()
    _DROPPING.append(thread)


@pytest.fixture(scope="session", autouse=True)
def _dropped_at_the_end() -> Iterator[None]:
    yield
    for thread in _DROPPING:
        thread.join()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of our own on the test server, migrated once, dropped at the end."""
    if not PG_URL:
        pytest.skip("PostgreSQL tests need AGENTCRON_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy.engine import make_url

    name = f"agentcron_test_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _truncate_pg(url: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    async def run() -> None:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(f"TRUNCATE {names} CASCADE")
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "agentcron.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite+aiosqlite:///{path}"
    url = request.getfixturevalue("pg_database")
    _truncate_pg(url)
    return url


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, allow_private_networks=True, max_sleep_seconds=0.5)


@pytest.fixture
async def runtime(settings: Settings, clock: FrozenClock) -> AsyncIterator[Runtime]:
    rt = Runtime(settings, clock=clock)
    yield rt
    await rt.close()


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client on the ASGI app (no engine), authenticated as owner "alice"."""
    app = create_app(runtime, start_engine=False)
    _, key = await runtime.keys.create(name="alice-key", owner="alice", now=runtime.clock.now())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://testserver/api/scheduler",
        headers={"Authorization": f"Bearer {key}"},
    ) as client:
        yield client


@pytest.fixture
async def other_api(runtime: Runtime, api: httpx.AsyncClient) -> AsyncIterator[httpx.AsyncClient]:
    """A second owner ("mallory") on the same app."""
    _, key = await runtime.keys.create(name="mallory-key", owner="mallory", now=runtime.clock.now())
    async with httpx.AsyncClient(
        transport=api._transport,
        base_url="http://testserver/api/scheduler",
        headers={"Authorization": f"Bearer {key}"},
    ) as client:
        yield client
