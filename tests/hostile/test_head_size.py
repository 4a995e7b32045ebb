"""A request head larger than the service serves (app.domain.request_head) is a clean 431 (or
414 for its target), whether it reaches the app whole — a 100,000-character header value sent
in one write is parsed by h11 in one go, never passing its 16 KiB limit for an unfinished head —
or through any other server; never a 500, never served."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn

from agentcron.app.api.guard import LimitHead
from agentcron.app.http_protocol import head_deadline_protocol


async def test_a_100_000_character_header_value_is_431(api: httpx.AsyncClient) -> None:
    for path in ("/jobs", "/../../healthz", "/parse-nl"):
        response = await api.get(path, headers={"X-Big": "a" * 100_000})
        assert response.status_code == 431, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 431
    assert (await api.get("/jobs")).status_code == 200


async def test_many_headers_adding_up_are_431_too(api: httpx.AsyncClient) -> None:
    headers = {f"x-h{i}": "v" * 200 for i in range(100)}
    assert (await api.get("/jobs", headers=headers)).status_code == 431


async def test_a_target_too_long_is_414(api: httpx.AsyncClient) -> None:
    response = await api.get("/jobs", params={"q": "a" * 40_000})
    assert response.status_code == 414, response.text
    assert response.json()["title"] == "URI Too Long"


async def _ok(scope, receive, send):  # type: ignore[no-untyped-def]
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture
async def port() -> AsyncIterator[int]:
    config = uvicorn.Config(
        LimitHead(_ok),
        host="127.0.0.1",
        port=0,
        http=head_deadline_protocol(5.0),
        lifespan="off",
        log_level="warning",
    )
    server = uvicorn.Server(config)
    listening = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listening]))
    yield listening.getsockname()[1]
    server.should_exit = True
    await serving


async def test_a_whole_head_in_one_write_is_431_on_a_real_socket(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"
        writer.write(head)
        answer = await asyncio.wait_for(reader.read(), 30)
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    finally:
        writer.close()
