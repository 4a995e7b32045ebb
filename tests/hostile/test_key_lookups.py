"""A key's cached lookup expires every few seconds; the requests that arrive before it is looked
up again wait for one query, not one each. On PostgreSQL a read awaits the pool and the server,
so a burst on one busy key made a query per request each time the entry expired (SQLite reads
run inline and never overlapped). The reads here yield as PostgreSQL's do, on both backends."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agentcron.app.runtime import Runtime
from agentcron.app.storage.keys import KeyStore


async def test_requests_waiting_on_one_key_make_one_lookup(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, key = await runtime.keys.create(name="busy", owner="alice", now=runtime.clock.now())
    runtime.keys._cache.clear()  # expired, as it is every CACHE_SECONDS
    reads = 0
    read = runtime.db.read

    async def counted(work: Any) -> Any:
        nonlocal reads
        reads += 1
        await asyncio.sleep(0)  # a read that waits on the server, as PostgreSQL's do
        return await read(work)

    monkeypatch.setattr(runtime.db, "read", counted)
    principals = await asyncio.gather(*(runtime.keys.authenticate(key) for _ in range(200)))
    assert reads == 1
    assert {p.owner for p in principals if p is not None} == {"alice"}
    assert all(p is not None for p in principals)
    # cached now: no more queries, and a revoked key is refused at once, as before
    await runtime.keys.authenticate(key)
    assert reads == 1
    principal = principals[0]
    assert principal is not None
    await runtime.keys.revoke_ids([principal.key_id], now=runtime.clock.now())
    assert await runtime.keys.authenticate(key) is None


async def test_a_waiter_that_goes_away_does_not_cancel_the_lookup_for_the_others(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, key = await runtime.keys.create(name="busy", owner="alice", now=runtime.clock.now())
    runtime.keys._cache.clear()
    gate = asyncio.Event()
    read = runtime.db.read

    async def held(work: Any) -> Any:
        await gate.wait()
        return await read(work)

    monkeypatch.setattr(runtime.db, "read", held)
    first = asyncio.create_task(runtime.keys.authenticate(key))
    second = asyncio.create_task(runtime.keys.authenticate(key))
    await asyncio.sleep(0)  # both are waiting on the one lookup
    first.cancel()
    gate.set()
    principal = await second
    assert principal is not None and principal.owner == "alice"
    with pytest.raises(asyncio.CancelledError):
        await first


def test_the_store_starts_with_no_lookup_in_flight(runtime: Runtime) -> None:
    assert isinstance(runtime.keys, KeyStore)
    assert runtime.keys._lookups == {}
