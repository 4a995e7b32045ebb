import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from agentcron.delivery.base import Message
from agentcron.delivery.pacing import Pacer
from agentcron.delivery.slack import SlackChannel, build_slack_client
from agentcron.delivery.targets import parse_target
from tests.delivery.test_pacing import FakeTime
from tests.fakes.slack_server import FakeSlack

ALERTS = parse_target("slack:#alerts")


def message(**changes: Any) -> Message:
    values: dict[str, Any] = {
        "job_id": "job_1",
        "job_name": "BTC price watch",
        "run_id": "run_1",
        "status": "succeeded",
        "output": "BTC moved **7%**.",
        "data": {"price_change_pct": 0.07},
        "completed_at": datetime(2026, 4, 1, 9, 0, 12, tzinfo=UTC),
        "link": "https://agentcron.test/runs/run_1",
    }
    values.update(changes)
    return Message(**values)


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def channel(fake_slack: FakeSlack, session: aiohttp.ClientSession, time: FakeTime) -> SlackChannel:
    client = build_slack_client("xoxb-test", base_url=fake_slack.base_url, session=session)
    return SlackChannel(client, pacer=Pacer(clock=time.clock, sleep=time.sleep))


async def test_a_result_is_posted_once_with_blocks_and_fallback(
    channel: SlackChannel, fake_slack: FakeSlack
) -> None:
    result = await channel.send(ALERTS, message())

    assert result.status == "delivered"
    assert result.attempts == 1
    (posted,) = fake_slack.posted()
    assert result.external_id == fake_slack.messages[0]["ts"]
    assert posted["channel"] == "#alerts"
    assert posted["text"] == "BTC price watch: BTC moved 7%."
    assert posted["blocks"][0] == {"type": "markdown", "text": "BTC moved **7%**."}
    context = posted["blocks"][1]["elements"][0]["text"]
    assert context.startswith("*BTC price watch* · <!date^1775034012^")
    assert context.endswith("<https://agentcron.test/runs/run_1|View run>")
    assert posted["unfurl_links"] is False
    assert fake_slack.tokens == ["xoxb-test"]


async def test_long_output_continues_in_the_thread(
    channel: SlackChannel, fake_slack: FakeSlack, time: FakeTime
) -> None:
    output = "\n".join(f"- item {i}: " + "detail " * 20 for i in range(300))  # ~45,000 chars
    result = await channel.send(ALERTS, message(output=output))

    assert result.status == "delivered", result.detail
    posted = fake_slack.posted()
    assert len(posted) == 4
    assert "thread_ts" not in posted[0]
    assert all(p["thread_ts"] == result.external_id for p in posted[1:])
    assert time.sleeps == [1.0, 1.0, 1.0]  # one message per second to the channel
    assert result.detail == "posted to #alerts in 4 messages"


async def test_429_waits_for_retry_after_then_posts(
    channel: SlackChannel, fake_slack: FakeSlack, time: FakeTime
) -> None:
    fake_slack.script(
        "chat.postMessage",
        {"ok": False, "error": "ratelimited"},
        status=429,
        headers={"Retry-After": "7"},
    )
    result = await channel.send(ALERTS, message())

    assert result.status == "delivered"
    assert result.attempts == 2
    assert len(fake_slack.posted()) == 2
    assert time.sleeps == [7.0]


async def test_rate_limited_too_long_gives_a_retryable_failure(
    channel: SlackChannel, fake_slack: FakeSlack, time: FakeTime
) -> None:
    fake_slack.script(
        "chat.postMessage",
        {"ok": False, "error": "ratelimited"},
        status=429,
        headers={"Retry-After": "2"},
        times=10,
    )
    result = await channel.send(ALERTS, message())
    assert (result.status, result.retryable) == ("failed", True)
    assert "rate limited" in result.detail
    assert len(fake_slack.posted()) == 4  # the first try and three waits, then give up
    assert time.sleeps == [2.0, 2.0, 2.0]


@pytest.mark.parametrize(
    ("answer", "status", "retryable", "detail"),
    [
        ({"ok": False, "error": "channel_not_found"}, 200, False, "channel_not_found"),
        ({"ok": False, "error": "not_in_channel"}, 200, False, "not_in_channel"),
        ({"ok": False, "error": "invalid_auth"}, 200, False, "invalid_auth"),
        ({"ok": False, "error": "internal_error"}, 200, True, "internal_error"),
        ({"ok": False, "error": "service_unavailable"}, 503, True, "service_unavailable"),
        ("<html>bad gateway</html>", 502, True, "HTTP 502"),
    ],
)
async def test_slack_errors_are_failures_never_success(
    channel: SlackChannel,
    fake_slack: FakeSlack,
    answer: Any,
    status: int,
    retryable: bool,
    detail: str,
) -> None:
    fake_slack.script("chat.postMessage", answer, status=status)
    result = await channel.send(ALERTS, message())
    assert result.status == "failed"
    assert result.retryable is retryable
    assert detail in result.detail
    assert result.external_id is None


async def test_ok_without_a_ts_is_not_delivered(
    channel: SlackChannel, fake_slack: FakeSlack
) -> None:
    fake_slack.script("chat.postMessage", {"ok": True, "channel": "C1"})
    result = await channel.send(ALERTS, message())
    assert (result.status, result.retryable) == ("failed", False)
    assert "without a message ts" in result.detail


async def test_an_unknown_channel_is_reported(channel: SlackChannel, fake_slack: FakeSlack) -> None:
    fake_slack.known_channels = {"#general"}
    result = await channel.send(parse_target("slack:#nope"), message())
    assert (result.status, result.retryable) == ("failed", False)
    assert result.detail == "Slack refused the message to #nope: channel_not_found"


async def test_a_failed_continuation_is_not_retried_so_nothing_posts_twice(
    channel: SlackChannel, fake_slack: FakeSlack
) -> None:
    fake_slack.script("chat.postMessage", {"ok": True, "ts": "1700000000.000001"})
    fake_slack.script("chat.postMessage", {"ok": False, "error": "internal_error"})
    result = await channel.send(ALERTS, message(output="line\n" * 5000))  # 25,000 chars

    assert result.status == "failed"
    assert result.retryable is False
    assert result.external_id == "1700000000.000001"
    assert result.detail.startswith("part 2 of 3 failed after the first 1 were posted")
    assert len(fake_slack.posted()) == 2


async def test_a_failure_notice(channel: SlackChannel, fake_slack: FakeSlack) -> None:
    notice = message(kind="failure", status="failed", error="HTTP 503 from upstream", attempts=3)
    result = await channel.send(ALERTS, notice)
    assert result.status == "delivered"
    assert fake_slack.posted()[0]["blocks"][0]["text"] == (
        "❌ **BTC price watch** failed after 3 attempts: HTTP 503 from upstream"
    )


async def test_unreachable_slack_is_a_retryable_failure(
    session: aiohttp.ClientSession, time: FakeTime
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = build_slack_client(
        "xoxb-test", base_url=f"http://127.0.0.1:{port}/api", session=session
    )
    channel = SlackChannel(client, pacer=Pacer(clock=time.clock, sleep=time.sleep))
    result = await channel.send(ALERTS, message())
    assert (result.status, result.retryable) == ("failed", True)
    assert "could not reach Slack" in result.detail


def test_build_slack_client_points_at_the_given_api() -> None:
    assert build_slack_client("t", base_url="http://127.0.0.1:9/api").base_url == (
        "http://127.0.0.1:9/api/"
    )
    assert build_slack_client("t").base_url == "https://slack.com/api/"


async def test_the_fake_serves_what_the_slack_app_needs(
    fake_slack: FakeSlack, session: aiohttp.ClientSession
) -> None:
    client = build_slack_client("xoxb-test", base_url=fake_slack.base_url, session=session)
    fake_slack.add_user("U0ALICE", tz="Europe/Paris", name="alice")

    assert (await client.users_info(user="U0ALICE"))["user"]["tz"] == "Europe/Paris"
    assert (await client.users_info(user="U0OTHER"))["user"]["tz"] == fake_slack.default_tz
    assert (await client.auth_test())["user_id"] == "U0BOT"
    async with session.post(fake_slack.response_url("cmd1"), json={"text": "done"}) as reply:
        assert reply.status == 200
    await fake_slack.wait_for_calls(1, method="response_url")

    assert [method for method, _ in fake_slack.calls] == [
        "users.info",
        "users.info",
        "auth.test",
        "response_url",
    ]
    assert fake_slack.calls[-1][1] == {"id": "cmd1", "text": "done"}
