"""A local HTTP sink that records every request: the far end of webhooks and http jobs.

It listens on 127.0.0.1 only. Every path answers 200 with a small JSON body unless a
response was scripted for it; a few paths behave specially:

- ``/status/<code>``: answers ``code``.
- ``/redirect?to=<url>[&code=302]``: redirects to ``url``.
- ``/hang``: answers only once ``sink.release`` is set (timeouts and cancellation, no sleeps).
- ``/bytes/<n>``: answers ``n`` bytes of text.
- ``/echo``: answers with the request as JSON (method, path, query, headers, body).

Also here: ``StaticResolver`` (maps test host names to addresses, never asks real DNS) and
the ``connection_log`` fixture, which records every TCP connect the test makes and fails
the test if one goes anywhere but loopback.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    raw_path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class ScriptedResponse:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class Sink:
    def __init__(self) -> None:
        self.base_url = ""
        self.requests: list[RecordedRequest] = []
        self.release = asyncio.Event()
        self._scripts: dict[str, list[ScriptedResponse]] = {}
        self._arrived = asyncio.Condition()

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def script(
        self,
        path: str,
        *,
        status: int = 200,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` requests to ``path`` this way (then the default)."""
        response = ScriptedResponse(status, body, dict(headers or {}))
        self._scripts.setdefault(path, []).extend([response] * times)

    def on(self, path: str) -> list[RecordedRequest]:
        return [request for request in self.requests if request.path == path]

    async def wait_for_requests(self, count: int) -> None:
        async with self._arrived:
            await self._arrived.wait_for(lambda: len(self.requests) >= count)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        recorded = RecordedRequest(
            method=request.method,
            path=request.path,
            raw_path=request.raw_path,
            query=dict(request.query),
            headers=dict(request.headers),
            body=await request.read(),
        )
        self.requests.append(recorded)
        async with self._arrived:
            self._arrived.notify_all()

        scripted = self._scripts.get(request.path)
        if scripted:
            return _respond(scripted.pop(0))
        parts = request.path.strip("/").split("/")
        if parts[0] == "status" and len(parts) == 2:
            return web.json_response({"status": int(parts[1])}, status=int(parts[1]))
        if parts[0] == "redirect":
            code = int(request.query.get("code", "302"))
            return web.Response(status=code, headers={"Location": request.query["to"]})
        if parts[0] == "hang":
            await self.release.wait()
            return web.json_response({"released": True})
        if parts[0] == "bytes" and len(parts) == 2:
            return web.Response(text="a" * int(parts[1]))
        if parts[0] == "echo":
            return web.json_response(
                {
                    "method": recorded.method,
                    "path": recorded.path,
                    "query": recorded.query,
                    "headers": recorded.headers,
                    "body": recorded.body.decode("utf-8", "replace"),
                }
            )
        return web.json_response({"ok": True, "received": len(self.requests)})


def _respond(scripted: ScriptedResponse) -> web.Response:
    if isinstance(scripted.body, bytes):
        return web.Response(status=scripted.status, body=scripted.body, headers=scripted.headers)
    if isinstance(scripted.body, str):
        return web.Response(status=scripted.status, text=scripted.body, headers=scripted.headers)
    return web.json_response(
        scripted.body if scripted.body is not None else {"ok": scripted.status < 400},
        status=scripted.status,
        headers=scripted.headers,
    )


@asynccontextmanager
async def running_sink() -> AsyncIterator[Sink]:
    sink = Sink()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", sink.handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    sink.base_url = f"http://{host}:{port}"
    try:
        yield sink
    finally:
        sink.release.set()
        await runner.cleanup()


@pytest.fixture
async def sink() -> AsyncIterator[Sink]:
    async with running_sink() as server:
        yield server


class StaticResolver(AbstractResolver):
    """Resolves only the names it was given; anything else fails like an unknown host."""

    def __init__(self, names: Mapping[str, str | list[str]]) -> None:
        self.names = {name: [v] if isinstance(v, str) else list(v) for name, v in names.items()}
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        if host not in self.names:
            raise OSError(socket.EAI_NONAME, f"{host} is not a test host name")
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for address in self.names[host]
        ]

    async def close(self) -> None:
        return None


@pytest.fixture
async def connection_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every TCP connect the test makes; one to a non-loopback address fails the test."""
    return log_connections(monkeypatch)


def log_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record the running loop's TCP connects; refuse (and fail on) non-loopback ones.

    aiohttp connects through ``loop.sock_connect`` (via aiohappyeyeballs), so wrapping it
    sees every outgoing connection attempt before a packet is sent.
    """
    loop = asyncio.get_running_loop()
    original = loop.sock_connect
    attempts: list[tuple[str, int]] = []

    async def sock_connect(sock: socket.socket, address: Any) -> None:
        attempts.append((address[0], address[1]))
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise AssertionError(f"the test tried to connect to {address[0]}")
        await original(sock, address)

    monkeypatch.setattr(loop, "sock_connect", sock_connect)
    return attempts
