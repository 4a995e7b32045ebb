"""The SSRF guard: requests made on a user's behalf never reach private networks.

A job's URL is user input, so a request to it could read cloud metadata
(169.254.169.254), an admin port on localhost or a database on the private network. The
check sits where it cannot be bypassed: in the connector's resolver, *after* DNS, so the
address checked is the address connected to (no time-of-check/time-of-use gap, no DNS
rebinding), and it runs again for every hop of a redirect chain. Literal IP hosts never
reach a resolver, so a client middleware checks those on each hop before connecting.

None of this trusts the HTTP client to read addresses the way we do. A host is read here
in every spelling the C library's ``inet_aton`` accepts (``2130706433``, ``0177.0.0.1``,
``0x7f.1``, ``127.1``), and in brackets as IPv6 (IPv4-mapped included), so a client
version that takes ``127.1`` for a name cannot carry it past the middleware to a resolver
that reads it as loopback. And the socket every connection is made on is created by our
``socket_factory``, which checks the address it is about to connect to: the last word,
whatever resolved it.

Refused: loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10 — the
cloud metadata services), unspecified, multicast, reserved, shared CGNAT 100.64/10, and
anything else not globally routable, including those addresses inside IPv6 (IPv4-mapped,
NAT64, 6to4). ``allow_private=True`` (``AGENTCRON_ALLOW_PRIVATE_NETWORKS=1``) turns the
guard off; ``allowed_networks`` lets specific networks through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from agentcron.delivery.addresses import (
    IPAddress,
    blocked_reason,
    host_address,
    parse_ip,
)

__all__ = [
    "ALLOW_HINT",
    "AddressPolicy",
    "BlockedAddress",
    "IPAddress",
    "blocked_reason",
    "guarded_session",
    "host_address",
]

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOW_HINT = "set AGENTCRON_ALLOW_PRIVATE_NETWORKS=1 to allow private networks"


class BlockedAddress(Exception):
    """The request would reach a private, loopback, link-local or otherwise internal address."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        self.host = host
        self.address = address
        self.reason = reason
        where = host if host == address else f"{host} ({address})"
        super().__init__(f"refused to connect to {where}: it is {reason}; {ALLOW_HINT}")


class AddressPolicy:
    """Decides which resolved addresses a guarded session may connect to."""

    def __init__(self, *, allowed_networks: Iterable[str | IPNetwork] = ()) -> None:
        self.allowed_networks: tuple[IPNetwork, ...] = tuple(
            ipaddress.ip_network(network, strict=False) for network in allowed_networks
        )

    def refusal(self, address: str) -> str | None:
        """The reason ``address`` is refused, or None when it may be used."""
        ip = parse_ip(address)
        if ip is not None and any(ip in network for network in self.allowed_networks):
            return None
        return blocked_reason(ip if ip is not None else address)

    def check_hop(self, url: URL) -> None:
        """Refuse a request (first or redirect hop) whose host is a blocked literal IP, in any
        spelling (see ``host_address``)."""
        host = url.raw_host
        if host is None:
            raise BlockedAddress(str(url), "", "a URL without a host")
        ip = host_address(host)
        if ip is None:
            return  # a name: the resolver checks what it resolves to
        reason = self.refusal(str(ip))
        if reason is not None:
            raise BlockedAddress(host, str(ip), reason)

    def checked_socket(self, addr_info: Any) -> socket.socket:
        """aiohttp's ``socket_factory``: the socket for a connection about to be made to
        ``addr_info``'s address, refused (BlockedAddress) if that address is not allowed."""
        family, kind, proto, _, address = addr_info
        reason = self.refusal(str(address[0]))
        if reason is not None:
            raise BlockedAddress(str(address[0]), str(address[0]), reason)
        return socket.socket(family=family, type=kind, proto=proto)


class GuardedResolver(AbstractResolver):
    """Resolves through ``resolver`` and keeps only the addresses the policy allows."""

    def __init__(self, resolver: AbstractResolver, policy: AddressPolicy) -> None:
        self._resolver = resolver
        self._policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._resolver.resolve(host, port, family)
        allowed = [result for result in results if self._policy.refusal(result["host"]) is None]
        if not allowed:
            first = results[0]["host"] if results else ""
            raise BlockedAddress(host, first, self._policy.refusal(first) or "unresolvable")
        return allowed

    async def close(self) -> None:
        await self._resolver.close()


def guarded_session(
    *,
    allow_private: bool,
    timeout: float = 30,
    limit: int = 100,
    user_agent: str = "agentcron",
    allowed_networks: Iterable[str | IPNetwork] = (),
    resolver: AbstractResolver | None = None,
) -> aiohttp.ClientSession:
    """An aiohttp session for requests to user-supplied URLs.

    With ``allow_private=False`` every address it connects to, on every redirect hop, is
    checked (see the module docstring); a refused request raises BlockedAddress before any
    packet is sent to the refused address. ``resolver`` replaces the system resolver (tests
    map names to addresses with it). The session keeps no cookies, because one session
    serves many jobs and owners, and ignores proxy environment variables, which would
    otherwise route around the guard. The caller closes it.
    """
    base_resolver = resolver if resolver is not None else aiohttp.DefaultResolver()
    middlewares: tuple[Any, ...] = ()
    if not allow_private:
        policy = AddressPolicy(allowed_networks=allowed_networks)
        base_resolver = GuardedResolver(base_resolver, policy)

        async def refuse_literal_addresses(
            request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
        ) -> aiohttp.ClientResponse:
            policy.check_hop(request.url)
            return await handler(request)

        middlewares = (refuse_literal_addresses,)
        socket_factory = policy.checked_socket
    else:
        socket_factory = None
    connector = aiohttp.TCPConnector(
        limit=limit, resolver=base_resolver, socket_factory=socket_factory
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=timeout),
        headers={"User-Agent": user_agent},
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
        middlewares=middlewares,
    )
