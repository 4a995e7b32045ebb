from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from agentcron.delivery.base import Message
from agentcron.delivery.netguard import guarded_session
from agentcron.delivery.signing import verify
from agentcron.delivery.targets import Target, parse_target
from agentcron.delivery.webhook import WebhookChannel
from tests.delivery.test_pacing import FakeTime
from tests.fakes.sink import Sink

NOW = 1_775_034_012


def message(**changes: Any) -> Message:
    values: dict[str, Any] = {
        "job_id": "job_1",
        "job_name": "BTC price watch",
        "run_id": "run_1",
        "status": "succeeded",
        "output": "BTC moved **7%**.",
        "data": {"price_change_pct": 0.07},
    }
    values.update(changes)
    return Message(**values)


@pytest.fixture
def time() -> FakeTime:
    fake = FakeTime()
    fake.now = NOW
    return fake


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    # The sink is on 127.0.0.1, so the guard is off here; one test below turns it on.
    async with guarded_session(allow_private=True) as client:
        yield client


def channel(session: aiohttp.ClientSession, time: FakeTime, **options: Any) -> WebhookChannel:
    options.setdefault("secret", "s3cret")
    return WebhookChannel(session, clock=time.clock, sleep=time.sleep, **options)


def target(sink: Sink, path: str = "/hook") -> Target:
    return parse_target(f"webhook:{sink.url(path)}")


async def test_a_result_is_posted_as_signed_json(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    result = await channel(session, time).send(target(sink), message())

    assert (result.status, result.attempts) == ("delivered", 1)
    (request,) = sink.requests
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Agentcron-Event"] == "run.result"
    assert request.headers["X-Agentcron-Delivery"] == "run_1:result"
    signature = request.headers["X-Agentcron-Signature"]
    assert signature.startswith(f"t={NOW},v1=")
    assert verify("s3cret", signature, request.body, now=NOW + 10)
    body = request.json()
    assert body["event"] == "run.result"
    assert body["output"] == "BTC moved **7%**."
    assert body["data"] == {"price_change_pct": 0.07}


async def test_without_a_secret_nothing_is_signed(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    await channel(session, time, secret=None).send(target(sink), message())
    assert "X-Agentcron-Signature" not in sink.requests[0].headers


async def test_server_errors_are_retried_with_backoff_and_the_same_delivery_id(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    sink.script("/hook", status=503, times=2)
    result = await channel(session, time).send(target(sink), message())

    assert (result.status, result.attempts) == ("delivered", 3)
    assert time.sleeps == [0.5, 1.0]
    assert {r.headers["X-Agentcron-Delivery"] for r in sink.requests} == {"run_1:result"}
    # each attempt is signed afresh, with the time it was sent
    stamps = [r.headers["X-Agentcron-Signature"].split(",")[0] for r in sink.requests]
    assert stamps == [f"t={NOW}", f"t={NOW}", f"t={NOW + 1}"]


async def test_giving_up_leaves_a_retryable_failure(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    sink.script("/hook", status=500, body="database down", times=5)
    result = await channel(session, time).send(target(sink), message())
    assert (result.status, result.retryable, result.attempts) == ("failed", True, 3)
    assert result.detail == f"{sink.url('/hook')} answered 500: database down"


@pytest.mark.parametrize("status", [400, 401, 404, 410])
async def test_client_errors_fail_at_once(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime, status: int
) -> None:
    sink.script("/hook", status=status)
    result = await channel(session, time).send(target(sink), message())
    assert (result.status, result.retryable, result.attempts) == ("failed", False, 1)


async def test_429_waits_for_retry_after(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    sink.script("/hook", status=429, headers={"Retry-After": "4"})
    result = await channel(session, time).send(target(sink), message())
    assert result.status == "delivered"
    assert time.sleeps == [4.0]


async def test_a_timeout_is_retried(sink: Sink, session: aiohttp.ClientSession) -> None:
    time = FakeTime()
    hook = channel(session, time, timeout=0.05, max_attempts=2)
    result = await hook.send(target(sink, "/hang"), message())
    assert (result.status, result.retryable, result.attempts) == ("failed", True, 2)
    assert "did not answer within 0.05 s" in result.detail


async def test_private_addresses_are_refused_by_the_guarded_session(
    sink: Sink, time: FakeTime, connection_log: list[tuple[str, int]]
) -> None:
    async with guarded_session(allow_private=False) as guarded:
        result = await channel(guarded, time).send(target(sink), message())
    assert (result.status, result.retryable, result.attempts) == ("failed", False, 1)
    assert "AGENTCRON_ALLOW_PRIVATE_NETWORKS=1" in result.detail
    assert connection_log == []


async def test_job_events_use_the_same_post(
    sink: Sink, session: aiohttp.ClientSession, time: FakeTime
) -> None:
    result = await channel(session, time).post(
        sink.url("/events"),
        {"event": "job.started", "job_id": "job_1", "run_id": "run_1"},
        event="job.started",
        delivery_id="run_1:job.started",
    )
    assert result.status == "delivered"
    assert sink.requests[0].headers["X-Agentcron-Event"] == "job.started"
    assert sink.requests[0].json()["event"] == "job.started"
