"""Wake-ups: one broker per database, heard by every instance; a listener that loses its
connection comes back by itself."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.notify import (
    JOBS,
    RUNS,
    LocalBroker,
    PostgresBroker,
    SQLiteBroker,
    cancel,
)
from tests.support.waiting import until


class Heard:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.event = asyncio.Event()

    def __call__(self, message: str) -> None:
        self.messages.append(message)
        self.event.set()

    async def wait_for(self, message: str) -> None:
        async def heard() -> bool:
            return message in self.messages

        await until(heard, within=30, what=f"{message!r} to be heard")


async def test_a_local_broker_tells_every_listener_at_once() -> None:
    broker = LocalBroker()
    first, second = Heard(), Heard()
    broker.subscribe(first)
    broker.subscribe(second)
    broker.publish(JOBS)
    assert first.messages == second.messages == [JOBS]


async def test_sqlite_hears_another_process_writing_to_the_file(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    ours, theirs = Database(db_url), Database(db_url)  # two connections: two processes
    broker = SQLiteBroker(ours, poll_seconds=0.01)
    heard = Heard()
    broker.subscribe(heard)
    await broker.start()
    write = text(
        "INSERT INTO locks (name, holder, expires_at) VALUES (:n, 'x', '2030-01-01 00:00:00')"
    )
    try:
        await ours.write(lambda conn: conn.execute(write, {"n": "ours"}))
        looked = broker.looks

        async def looked_thrice() -> bool:
            return broker.looks >= looked + 3

        await until(looked_thrice, within=30, what="three looks")
        assert heard.messages == []  # our own writes are not news
        await theirs.write(lambda conn: conn.execute(write, {"n": "theirs"}))
        await heard.wait_for(JOBS)
        assert RUNS in heard.messages
    finally:
        await broker.close()
        await ours.close()
        await theirs.close()


@pytest.fixture
async def pg(db_url: str) -> AsyncIterator[Database]:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    db = Database(db_url)
    yield db
    await db.close()


async def test_postgres_carries_wake_ups_to_the_other_instances(pg: Database) -> None:
    here, there = (
        PostgresBroker(pg, instance="inst_here"),
        PostgresBroker(pg, instance="inst_there"),
    )
    heard_here, heard_there = Heard(), Heard()
    here.subscribe(heard_here)
    there.subscribe(heard_there)
    await here.start()
    await there.start()
    try:
        here.publish(JOBS)
        assert heard_here.messages == [JOBS]  # at once, and once: not again from the server
        await heard_there.wait_for(JOBS)
        # concurrent publishes go through the pool: none collides with another
        for i in range(40):
            here.publish(cancel(f"run_{i}"))
        for i in range(40):
            await heard_there.wait_for(cancel(f"run_{i}"))
        assert heard_here.messages.count(JOBS) == 1
    finally:
        await here.close()
        await there.close()


async def test_a_listener_whose_connection_dies_reconnects_and_hears_again(pg: Database) -> None:
    listener = PostgresBroker(pg, instance=new_id("inst"))
    listener.FIRST_RETRY_SECONDS = 0.05
    sender = PostgresBroker(pg, instance="inst_sender")
    heard = Heard()
    listener.subscribe(heard)
    await listener.start()
    try:
        assert listener.problem() is None
        # what a PostgreSQL restart does to it: the server ends the connection
        await pg.write(
            lambda conn: conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
                )
            )
        )

        async def lost_and_back() -> bool:
            return JOBS in heard.messages and listener.problem() is None

        # back, and everything is looked at once: messages sent meanwhile were lost
        await until(lost_and_back, within=30, what="the listener to reconnect")
        sender.publish(cancel("run_after"))
        await heard.wait_for(cancel("run_after"))
    finally:
        await listener.close()
        await sender.close()
