"""Rate limits through HTTP on SQLite and PostgreSQL, on an injected clock (no sleeps): 429 with
Retry-After and the RateLimit fields, per key and per client address for parsing, per key
for the rest; on PostgreSQL the buckets are shared by every instance."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.domain.ratelimit import Policy
from agentcron.app.domain.scopes import Scope
from agentcron.app.limits import Policies, RateLimiter
from agentcron.app.runtime import Runtime
from agentcron.app.storage.ratelimits import (
    MemoryRateLimitStore,
    PostgresRateLimitStore,
    RateLimitStore,
)
from tests.conftest import T0

LIMITS = {
    "rate_limit_parse_key": "6/60",  # one every 10 s, bursts of 6
    "rate_limit_parse_address": "3/6",  # one every 2 s, bursts of 3
    "rate_limit_api_key": "4/4",  # one a second, bursts of 4
}
VALIDATE = {"type": "cron", "value": "0 9 * * 1-5"}


class Service:
    """One app (one instance) with a limiter on a frozen clock, and a client per address."""

    def __init__(self, runtime: Runtime, key: str, page_key: str) -> None:
        self.runtime = runtime
        self.app = create_app(runtime, start_engine=False)
        self.key = key  # a secret key: every scope
        self.page_key = page_key  # a publishable key, as a web page embeds it

    def client(self, address: str = "203.0.113.1", key: str | None = None) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, client=(address, 50000))
        return httpx.AsyncClient(
            transport=transport,
            base_url="http://testserver/api/scheduler",
            headers={"Authorization": f"Bearer {key or self.key}"},
        )


@pytest.fixture
def limit_clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
async def services(db_url: str, limit_clock: FrozenClock) -> AsyncIterator[Callable[[], Any]]:
    """Makes instances on the same database, each with its own runtime, all limited on
    ``limit_clock``; the first one makes the key they share."""
    made: list[Runtime] = []
    key: list[str] = []

    async def make() -> Service:
        settings = Settings(database_url=db_url, allow_private_networks=True, **LIMITS)
        rt = Runtime(settings, clock=FrozenClock(T0))
        rt.limiter.clock = limit_clock
        made.append(rt)
        if not key:
            _, k = await rt.keys.create(name="script", owner="alice", now=T0)
            _, page = await rt.keys.create(name="page", owner="alice", now=T0, scopes={Scope.PARSE})
            key.extend((k, page))
        return Service(rt, *key)

    yield make
    for rt in made:
        await rt.close()


async def test_parsing_is_limited_per_address_with_retry_after_and_the_fields(
    services: Callable[[], Any], limit_clock: FrozenClock
) -> None:
    service = await services()
    async with service.client("203.0.113.1", key=service.page_key) as page:
        remaining = []
        for _ in range(3):
            ok = await page.get("/validate", params=VALIDATE)
            assert ok.status_code == 200, ok.text
            assert ok.headers["ratelimit-policy"] == '"address";q=3;w=6, "key";q=6;w=60'
            remaining.append(ok.headers["ratelimit"])
        assert remaining == [
            '"address";r=2;t=2, "key";r=5;t=10',
            '"address";r=1;t=4, "key";r=4;t=20',
            '"address";r=0;t=6, "key";r=3;t=30',
        ]
        refused = await page.post("/parse-nl", json={"text": "every day at 9am"})
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.headers["retry-after"] == "2"
        # the refused request took nothing from the key that other visitors share
        assert refused.headers["ratelimit"] == '"address";r=0;t=6, "key";r=3;t=30'
        assert refused.json()["retry_after"] == 2
        assert refused.json()["detail"] == "too many requests per address; try again in 2 s"

        limit_clock.advance(1.5)
        assert (await page.get("/validate", params=VALIDATE)).status_code == 429
        limit_clock.advance(0.5)  # 2 s after the burst: one more, as Retry-After said
        assert (await page.get("/validate", params=VALIDATE)).status_code == 200

    # another address has its own bucket, while the key's quota is shared: 6 in a burst
    async with service.client("198.51.100.7", key=service.page_key) as elsewhere:
        answers = [(await elsewhere.get("/validate", params=VALIDATE)) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[2].json()["detail"] == "too many requests per key; try again in 8 s"
    # the address gave back what it took for the refused request: two of three left
    assert answers[2].headers["ratelimit"] == '"address";r=1;t=4, "key";r=0;t=58'


async def test_a_secret_key_is_limited_per_key_only_when_parsing(
    services: Callable[[], Any],
) -> None:
    """A secret key is its holder's script or dashboard, often many people behind one proxy
    address: only a publishable key, which anyone can read in a page, is counted per address."""
    service = await services()
    async with service.client("203.0.113.1") as script:
        answers = [(await script.get("/validate", params=VALIDATE)) for _ in range(7)]
    assert [a.status_code for a in answers] == [200] * 6 + [429]
    assert answers[0].headers["ratelimit-policy"] == '"key";q=6;w=60'
    assert answers[6].json()["detail"] == "too many requests per key; try again in 10 s"


async def test_the_rest_of_the_api_is_limited_per_key(
    services: Callable[[], Any], limit_clock: FrozenClock
) -> None:
    service = await services()
    rt = service.runtime
    _, other = await rt.keys.create(name="other", owner="bob", now=T0)
    async with service.client() as alice, service.client(key=other) as bob:
        codes = [(await alice.get("/jobs")).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 200, 429]
        refused = await alice.get("/jobs")
        assert refused.headers["retry-after"] == "1"
        assert refused.headers["ratelimit-policy"] == '"key";q=4;w=4'
        # parsing has buckets of its own, and so does another key
        assert (await alice.get("/validate", params=VALIDATE)).status_code == 200
        assert (await bob.get("/jobs")).status_code == 200
        limit_clock.advance(1)
        ok = await alice.get("/jobs")
        assert ok.status_code == 200
        assert ok.headers["ratelimit"] == '"key";r=0;t=4'


async def test_a_refused_key_is_not_counted(services: Callable[[], Any]) -> None:
    service = await services()
    async with service.client(key="ac_not-a-key") as stranger:
        for _ in range(10):
            response = await stranger.get("/validate", params=VALIDATE)
            assert response.status_code == 401
            assert "ratelimit" not in response.headers


@pytest.mark.postgres
async def test_instances_on_postgresql_share_their_buckets(
    services: Callable[[], Any], db_url: str, limit_clock: FrozenClock
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("buckets are this process's own on SQLite")
    one, two = await services(), await services()
    async with one.client() as first, two.client() as second:
        codes = []
        for i in range(6):
            client = first if i % 2 == 0 else second
            codes.append((await client.get("/jobs")).status_code)
    assert codes == [200, 200, 200, 200, 429, 429]


# --- the stores' contract -------------------------------------------------------------------


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[RateLimitStore]:
    rt = Runtime(Settings(database_url=db_url))
    yield rt.limiter.store
    await rt.close()


async def test_a_store_admits_exactly_the_quota_under_concurrent_requests(
    store: RateLimitStore,
) -> None:
    policy = Policy("key", quota=10, window=100)
    start = T0.timestamp()
    answers = await asyncio.gather(
        *(store.acquire([("k1", policy)], clock=lambda: start) for _ in range(25))
    )
    assert sum(d[0].allowed for d in answers) == 10
    refused = [d[0] for d in answers if not d[0].allowed]
    assert all(d.retry_after == pytest.approx(10.0) for d in refused)
    # the bucket refills at one request per 10 s; a refused request took nothing
    (later,) = await store.acquire([("k1", policy)], clock=lambda: start + 10)
    assert later.allowed and later.remaining == 0


async def test_a_store_counts_a_request_in_every_bucket_or_in_none(
    store: RateLimitStore,
) -> None:
    one, two = Policy("address", quota=1, window=10), Policy("key", quota=2, window=10)
    now = T0.timestamp()
    first = await store.acquire([("a", one), ("key", two)], clock=lambda: now)
    assert [(d.allowed, d.remaining) for d in first] == [(True, 0), (True, 1)]
    # the address refuses: the key is not counted (it still has one of two)
    again = await store.acquire([("a", one), ("key", two)], clock=lambda: now)
    assert [(d.allowed, d.remaining) for d in again] == [(False, 0), (True, 1)]
    assert again[0].retry_after == pytest.approx(10.0)
    assert all(
        d.allowed for d in await store.acquire([("b", one), ("key", two)], clock=lambda: now)
    )
    # now the key refuses a third address, which gets back what it took
    third = await store.acquire([("c", one), ("key", two)], clock=lambda: now)
    assert [(d.allowed, d.remaining) for d in third] == [(True, 1), (False, 0)]
    assert third[1].retry_after == pytest.approx(5.0)
    assert (await store.acquire([("c", one)], clock=lambda: now))[0].allowed


def test_sqlite_keeps_buckets_in_process_and_postgresql_shares_them(db_url: str) -> None:
    rt = Runtime(Settings(database_url=db_url))
    try:
        kind = PostgresRateLimitStore if db_url.startswith("postgresql") else MemoryRateLimitStore
        assert isinstance(rt.limiter.store, kind)
        assert rt.limiter.buckets(key_id="k", scope=Scope.PARSE, address="::1") == [
            ("parse:addr:::/64", rt.limiter.policies.parse_address),
            ("parse:key:k", rt.limiter.policies.parse_key),
        ]
    finally:
        asyncio.run(rt.close())


async def test_the_memory_store_forgets_buckets_that_refilled() -> None:
    store = MemoryRateLimitStore(max_buckets=3)
    policy = Policy("key", quota=2, window=2)
    for name in "abc":
        await store.acquire([(name, policy)], clock=lambda: 0.0)
    await store.acquire([("d", policy)], clock=lambda: 5.0)  # a, b, c refilled at 1.0
    assert set(store.tats) == {"d"}


@pytest.mark.postgres
async def test_a_request_that_waited_for_a_connection_is_counted_when_it_gets_one(
    db_url: str,
) -> None:
    """Under load a request may wait for one of the store's connections; counted at the time
    it began waiting, it would look early to a bucket that others moved on meanwhile."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the in-process store never waits")
    rt = Runtime(Settings(database_url=db_url))
    store = PostgresRateLimitStore(rt.db, max_connections=1)
    policy = Policy("key", quota=1, window=1)
    clock = FrozenClock(T0)
    try:
        pool = await store._connections()
        held = await pool.acquire()
        waiting = asyncio.create_task(
            store.acquire([("k", policy)], clock=lambda: clock.now().timestamp())
        )
        for _ in range(10):  # let it reach the pool and wait there
            await asyncio.sleep(0)
        assert not waiting.done()
        # meanwhile another instance counted a request at T0 + 5 s
        await held.execute("INSERT INTO rate_limits VALUES ('k', $1)", T0.timestamp() + 6)
        clock.advance(6)
        await pool.release(held)
        (decision,) = await waiting
        assert decision.allowed  # counted at T0 + 6 s: the bucket is just empty
    finally:
        await store.close()
        await rt.close()


class BrokenStore(MemoryRateLimitStore):
    async def acquire(self, requests: Any, *, clock: Any) -> Any:
        raise OSError("the database went away")


async def test_a_limiter_that_cannot_count_lets_requests_through(
    services: Callable[[], Any], caplog: pytest.LogCaptureFixture
) -> None:
    service = await services()
    service.runtime.limiter.store = BrokenStore()
    async with service.client() as client:
        answers = [await client.get("/validate", params=VALIDATE) for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 5
    assert "ratelimit" not in answers[0].headers
    warnings = [r for r in caplog.records if r.name == "agentcron.limits"]
    assert len(warnings) == 1  # once, not once per request
    assert "OSError: the database went away" in warnings[0].getMessage()


async def test_the_dashboards_fastest_typing_never_meets_the_default_limits() -> None:
    """The schedule box asks at most parse-nl and validate per pause, and a pause is at least
    350 ms: an hour of that from one address on one key is never refused by the defaults."""
    defaults = Settings()
    limiter = RateLimiter(
        MemoryRateLimitStore(),
        Policies.from_text(
            parse_key=defaults.rate_limit_parse_key,
            parse_address=defaults.rate_limit_parse_address,
            api_key=defaults.rate_limit_api_key,
        ),
        clock=(clock := FrozenClock(T0)),
    )
    for _ in range(int(3600 / 0.35)):
        for _ in ("parse-nl", "validate"):
            await limiter.check(key_id="dashboard", scope=Scope.PARSE, address="192.0.2.1")
        clock.advance(0.35)
