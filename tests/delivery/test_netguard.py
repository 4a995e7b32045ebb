import re

import aiohttp
import pytest
from yarl import URL

from agentcron.delivery.netguard import (
    AddressPolicy,
    BlockedAddress,
    blocked_reason,
    guarded_session,
    host_address,
)
from agentcron.delivery.targets import check_url
from tests.fakes.sink import Sink, StaticResolver


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "CGNAT"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.10", "private"),  # documentation range
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback address inside an IPv6"),
        (
            "::ffff:169.254.169.254",
            "link-local address (where cloud metadata services live) inside",
        ),
        ("64:ff9b::a00:1", "private address inside an IPv6"),
        ("2002:a00:1::", "private address inside an IPv6"),
        ("not-an-ip", "not an IP address"),
        ("8.8.8.8", None),
        ("1.1.1.1", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_blocked_reason(address: str, reason: str | None) -> None:
    found = blocked_reason(address)
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.com/hook", None),
        ("  http://example.com:8080/x?y=1  ", None),
        ("ftp://example.com/", "must start with http:// or https://"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        ("example.com/path", "must start with http:// or https://"),
        ("http://", "has no host"),
        ("", "is required"),
        ("https://example.com/" + "a" * 3000, "is longer than 2048"),
    ],
)
def test_check_url(url: str, problem: str | None) -> None:
    if problem is None:
        assert check_url(url) == url.strip()
        return
    with pytest.raises(ValueError, match=re.escape(f"webhook {problem}")):
        check_url(url, field="webhook")


def test_check_hop_refuses_blocked_literal_addresses_and_leaves_names_to_the_resolver() -> None:
    policy = AddressPolicy(allowed_networks=["127.0.0.1/32"])
    policy.check_hop(URL("http://example.test/"))
    policy.check_hop(URL("http://127.0.0.1:8000/"))
    policy.check_hop(URL("http://8.8.8.8/"))
    for url in ("http://10.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data"):
        with pytest.raises(BlockedAddress):
            policy.check_hop(URL(url))


def test_the_refusal_names_host_address_and_the_way_out() -> None:
    error = BlockedAddress("internal.test", "10.0.0.1", blocked_reason("10.0.0.1") or "")
    assert str(error) == (
        "refused to connect to internal.test (10.0.0.1): it is a private address; "
        "set AGENTCRON_ALLOW_PRIVATE_NETWORKS=1 to allow private networks"
    )


async def test_the_local_sink_is_refused_without_connecting(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    async with guarded_session(allow_private=False) as session:
        with pytest.raises(BlockedAddress, match="loopback"):
            await session.get(sink.url("/"))
    assert connection_log == []
    assert sink.requests == []


async def test_localhost_resolves_to_loopback_and_is_refused(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    url = sink.url("/").replace("127.0.0.1", "localhost")
    async with guarded_session(allow_private=False) as session:
        with pytest.raises(BlockedAddress, match=r"localhost \((127\.0\.0\.1|::1)\)"):
            await session.get(url)
    assert connection_log == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.0.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://[::1]:9/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fd00::1]/",
        "http://0.0.0.0/",
    ],
)
async def test_literal_private_addresses_are_refused_before_any_connection(
    url: str, connection_log: list[tuple[str, int]]
) -> None:
    async with guarded_session(allow_private=False) as session:
        with pytest.raises(BlockedAddress):
            await session.get(url)
    assert connection_log == []


async def test_allow_private_turns_the_guard_off(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    async with guarded_session(allow_private=True) as session:
        async with session.get(sink.url("/hello")) as response:
            assert response.status == 200
    assert [request.path for request in sink.requests] == ["/hello"]
    assert connection_log[0][0] == "127.0.0.1"


def _resolver() -> StaticResolver:
    # Only inside these tests: "public.test" stands for a public host (it is the sink on
    # 127.0.0.1, let through by allowed_networks) and "internal.test" for a private one.
    return StaticResolver({"public.test": "127.0.0.1", "internal.test": "10.0.0.1"})


async def test_every_redirect_hop_is_checked_after_resolution(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    port = URL(sink.base_url).port
    resolver = _resolver()
    async with guarded_session(
        allow_private=False, resolver=resolver, allowed_networks=["127.0.0.1/32"]
    ) as session:
        followed = f"http://public.test:{port}/redirect?to=http://public.test:{port}/landed"
        async with session.get(followed) as response:
            assert response.status == 200
            assert str(response.url).endswith("/landed")

        hostile = f"http://public.test:{port}/redirect?to=http://internal.test:{port}/secret"
        with pytest.raises(BlockedAddress, match=r"internal\.test \(10\.0\.0\.1\)"):
            await session.get(hostile)

        literal = f"http://public.test:{port}/redirect?to=http://10.0.0.1:{port}/secret"
        with pytest.raises(BlockedAddress, match=r"10\.0\.0\.1"):
            await session.get(literal)

    assert "internal.test" in resolver.asked
    assert {host for host, _ in connection_log} == {"127.0.0.1"}
    assert [request.path for request in sink.requests] == [
        "/redirect",
        "/landed",
        "/redirect",
        "/redirect",
    ]


async def test_a_name_with_public_and_private_addresses_connects_only_to_the_allowed_one(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    port = URL(sink.base_url).port
    resolver = StaticResolver({"mixed.test": ["10.0.0.1", "127.0.0.1"]})
    async with guarded_session(
        allow_private=False, resolver=resolver, allowed_networks=["127.0.0.1/32"]
    ) as session:
        async with session.get(f"http://mixed.test:{port}/x") as response:
            assert response.status == 200
    assert {host for host, _ in connection_log} == {"127.0.0.1"}


async def test_the_session_keeps_no_cookies_between_requests(sink: Sink) -> None:
    sink.script("/login", headers={"Set-Cookie": "session=secret; Path=/"})
    async with guarded_session(allow_private=True) as session:
        await (await session.get(sink.url("/login"))).release()
        await (await session.get(sink.url("/other"))).release()
    assert "Cookie" not in sink.on("/other")[0].headers
    assert sink.on("/other")[0].headers["User-Agent"] == "agentcron"


async def test_timeouts_apply(sink: Sink) -> None:
    async with guarded_session(allow_private=True, timeout=0.05) as session:
        with pytest.raises(TimeoutError):
            await session.get(sink.url("/hang"))


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7f.0x0.0x0.0x1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("0", "0.0.0.0"),
        ("169.254.43518", "169.254.169.254"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("[::ffff:7f00:1]", "::ffff:7f00:1"),
        ("[0:0:0:0:0:0:0:1]", "::1"),
        ("example.com", None),
        ("localhost", None),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
        ("08.0.0.1", None),
        ("4294967296", None),
        ("1e3", None),
    ],
)
def test_every_spelling_of_an_address_is_read_as_the_address(
    host: str, address: str | None
) -> None:
    found = host_address(host)
    assert (str(found) if found is not None else None) == address


@pytest.mark.parametrize(
    "host",
    ["2130706433", "0177.0.0.1", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"],
)
async def test_loopback_in_any_spelling_is_refused_before_any_connection(
    host: str, sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    port = URL(sink.base_url).port
    with pytest.raises(BlockedAddress):
        AddressPolicy().check_hop(URL(f"http://{host}:{port}/"))
    async with guarded_session(allow_private=False) as session:
        with pytest.raises((BlockedAddress, aiohttp.ClientError)):
            await session.get(f"http://{host}:{port}/secret")
    assert connection_log == []
    assert sink.requests == []


async def test_a_redirect_to_loopback_in_another_spelling_is_refused(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    port = URL(sink.base_url).port
    async with guarded_session(
        allow_private=False, resolver=_resolver(), allowed_networks=["127.0.0.1/32"]
    ) as session:
        for spelled in ("2130706434", "0177.0.0.2", "127.2", "[::ffff:127.0.0.2]"):
            hop = f"http://public.test:{port}/redirect?to=http://{spelled}:{port}/secret"
            with pytest.raises((BlockedAddress, aiohttp.ClientError)):
                await session.get(hop)
    assert {host for host, _ in connection_log} == {"127.0.0.1"}
    assert {request.path for request in sink.requests} == {"/redirect"}


async def test_the_connected_address_is_checked_even_when_a_resolver_lets_it_through(
    sink: Sink, connection_log: list[tuple[str, int]]
) -> None:
    # a resolver that is not ours (or an HTTP client that skipped it): the socket factory
    # still refuses the address the connection would be made to
    port = URL(sink.base_url).port
    connector = aiohttp.TCPConnector(
        resolver=StaticResolver({"sneaky.test": "127.0.0.1"}),
        socket_factory=AddressPolicy().checked_socket,
    )
    async with aiohttp.ClientSession(connector=connector) as session:
        with pytest.raises(BlockedAddress, match="loopback"):
            await session.get(f"http://sneaky.test:{port}/")
    assert connection_log == []
    assert sink.requests == []
