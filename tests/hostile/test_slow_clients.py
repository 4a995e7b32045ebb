"""Clients that send their request's head slowly, or too much of it: uvicorn with the service's
protocol (app/http_protocol.py) on a real port. A slowloris client is cut off once the head's
deadline passes, whether it sends nothing, dribbles a byte at a time or pauses after a first
request on a kept-alive connection; an oversized head gets 431; an ordinary request is served."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from agentcron.app.http_protocol import head_deadline_protocol
from tests.support.service import ServiceProcess

DEADLINE = 0.5
#: how long a test waits for the server's verdict: far above the deadline, so a loaded
#: machine cannot make it flaky, and still bounded
PATIENCE = 30.0


async def _hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    headers = [(b"content-length", b"5")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"hello"})


@pytest.fixture
async def port() -> AsyncIterator[int]:
    config = uvicorn.Config(
        _hello,
        host="127.0.0.1",
        port=0,
        http=head_deadline_protocol(DEADLINE),
        lifespan="off",
        log_level="warning",
        timeout_keep_alive=60,
    )
    server = uvicorn.Server(config)
    # the socket is listening before uvicorn starts: early connections wait in its backlog
    listening = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listening]))
    yield listening.getsockname()[1]
    server.should_exit = True
    await serving


async def _closed(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection."""
    return await asyncio.wait_for(reader.read(), PATIENCE)


@contextlib.asynccontextmanager
async def _connection(
    port: int,
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        yield reader, writer
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def test_an_ordinary_request_is_served(port: int) -> None:
    async with _connection(port) as (reader, writer):
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = await _closed(reader)
        assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"hello")


async def test_a_client_that_sends_nothing_is_cut_off(port: int) -> None:
    async with _connection(port) as (reader, _writer):
        assert await _closed(reader) == b""


async def test_a_client_that_never_finishes_its_head_is_cut_off(port: int) -> None:
    async with _connection(port) as (reader, writer):
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        assert await _closed(reader) == b""


async def test_a_client_that_dribbles_its_head_is_cut_off(port: int) -> None:
    async with _connection(port) as (reader, writer):
        closed = asyncio.create_task(_closed(reader))
        head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 400
        sent = 0
        for byte in head:  # a byte every 50 ms: 20 s in all, far past the deadline
            if closed.done():
                break
            with contextlib.suppress(ConnectionError):
                writer.write(bytes([byte]))
                await writer.drain()
            sent += 1
            await asyncio.sleep(0.05)  # the client's pace is what is under test
        assert await closed == b""
        assert sent < len(head), "the server waited for the whole dribbled head"


async def test_a_kept_alive_connection_has_the_same_deadline_for_its_next_head(port: int) -> None:
    async with _connection(port) as (reader, writer):
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        first = await asyncio.wait_for(reader.readuntil(b"hello"), PATIENCE)
        assert first.startswith(b"HTTP/1.1 200")
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")  # the next head, never finished
        assert await _closed(reader) == b""


async def test_a_head_too_large_is_answered_431(port: int) -> None:
    async with _connection(port) as (reader, writer):
        # more than h11's 16 KiB of an unfinished head (a finished head read in one go passes)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000)
        answer = await _closed(reader)
        assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")


async def test_a_malformed_request_still_gets_uvicorns_400(port: int) -> None:
    async with _connection(port) as (reader, writer):
        writer.write(b"NOT HTTP AT ALL\r\n\r\n")
        answer = await _closed(reader)
        assert answer.startswith(b"HTTP/1.1 400")


@pytest.mark.slow
async def test_the_service_cuts_off_a_slow_head_and_keeps_serving(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'slow.db'}"
    settings = {"AGENTCRON_HTTP_HEAD_TIMEOUT_SECONDS": "1"}
    service = ServiceProcess(database_url=url, workdir=tmp_path, extra_env=settings)
    await asyncio.to_thread(service.start)
    try:
        slow = [await asyncio.open_connection("127.0.0.1", service.port) for _ in range(20)]
        for _reader, writer in slow:
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        for reader, writer in slow:
            assert await _closed(reader) == b""
            writer.close()
        async with httpx.AsyncClient(base_url=service.url) as client:
            assert (await client.get("/healthz")).status_code == 200
        assert "no complete request head in 1 s" in service.log.read_text()
    finally:
        await asyncio.to_thread(service.stop)
