"""GCRA decisions and the IETF RateLimit fields, as a table of requests on a frozen clock."""

from __future__ import annotations

import pytest

from agentcron.app.domain.ratelimit import (
    Policy,
    address_bucket,
    admit,
    headers,
    parse_policy,
    retry_after,
)

FIVE_PER_10 = Policy("key", quota=5, window=10)  # one request every 2 s, bursts of 5


def run(policy: Policy, times: list[float]) -> list[tuple[bool, int, float]]:
    """(allowed, remaining, retry_after) for requests at ``times``, one bucket."""
    tat: float | None = None
    out = []
    for now in times:
        new, decision = admit(policy, tat, now)
        if new is not None:
            tat = new
        out.append((decision.allowed, decision.remaining, decision.retry_after))
    return out


def test_a_quiet_bucket_takes_a_whole_burst_then_one_request_per_interval() -> None:
    assert run(FIVE_PER_10, [0, 0, 0, 0, 0, 0, 1.9, 2.0, 2.0]) == [
        (True, 4, 0),
        (True, 3, 0),
        (True, 2, 0),
        (True, 1, 0),
        (True, 0, 0),
        (False, 0, 2.0),  # one more in 2 s
        (False, 0, pytest.approx(0.1)),
        (True, 0, 0),  # refused requests did not count, so 2 s later one goes through
        (False, 0, 2.0),
    ]


def test_the_bucket_refills_at_its_rate() -> None:
    assert run(FIVE_PER_10, [0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10]) == [
        *[(True, r, 0) for r in (4, 3, 2, 1, 0)],
        *[(True, r, 0) for r in (4, 3, 2, 1, 0)],
        (False, 0, 2.0),
    ]
    # a steady client at exactly the rate is never refused
    assert all(ok for ok, _, _ in run(FIVE_PER_10, [2.0 * i for i in range(100)]))


def test_the_header_fields() -> None:
    _, first = admit(FIVE_PER_10, None, 100.0)
    _, address = admit(Policy("address", quota=300, window=60), None, 100.0)
    assert headers([first, address]) == {
        "RateLimit-Policy": '"key";q=5;w=10, "address";q=300;w=60',
        "RateLimit": '"key";r=4;t=2, "address";r=299;t=1',
    }
    tat = None
    for _ in range(5):
        tat, _ = admit(FIVE_PER_10, tat, 0.0)
    _, refused = admit(FIVE_PER_10, tat, 0.5)
    assert not refused.allowed
    assert refused.field() == '"key";r=0;t=10'  # 9.5 s until the quota is whole, rounded up
    assert retry_after([first, refused]) == 2  # 1.5 s, in whole seconds, rounded up
    assert retry_after([first]) == 0


@pytest.mark.parametrize(
    ("text", "quota", "window"),
    [
        ("300/60", 300, 60),
        ("300/min", 300, 60),
        ("5/1s", 5, 1),
        ("10 / 2h", 10, 7200),
        ("7/", 7, 1),
    ],
)
def test_policies_are_written_as_quota_per_window(text: str, quota: int, window: float) -> None:
    policy = parse_policy("key", text)
    assert policy is not None and (policy.quota, policy.window) == (quota, window)


@pytest.mark.parametrize("text", ["off", "OFF", "0", "none"])
def test_a_policy_can_be_off(text: str) -> None:
    assert parse_policy("key", text) is None


@pytest.mark.parametrize("text", ["fast", "300", "300/fortnight", "-1/60", "0/60", "3/0"])
def test_a_bad_policy_is_refused_at_start(text: str) -> None:
    with pytest.raises(ValueError, match=r"rate|quota"):
        parse_policy("key", text)


@pytest.mark.parametrize(
    ("host", "bucket"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),  # the same /64: one bucket
        ("::ffff:203.0.113.9", "203.0.113.9"),
        (None, "unknown"),
        ("testclient", "testclient"),
    ],
)
def test_addresses_are_counted_by_host_or_ipv6_slash_64(host: str | None, bucket: str) -> None:
    assert address_bucket(host) == bucket
