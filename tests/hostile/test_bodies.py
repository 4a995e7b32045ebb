"""Bodies are bounded while they stream, for every route, before anything parses them.

The bodies here are generators: the test counts how much of each the service pulled before
it answered, so "413 without reading 300 MB" is what is checked, not only the status."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from agentcron.app.api.guard import MAX_BODY_BYTES
from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime

CHUNK = 64 * 1024
HUGE = 300 * 1024 * 1024


class Streamed:
    """A chunked body of ``total`` bytes that records how much was pulled."""

    def __init__(self, total: int = HUGE, fill: bytes = b"[") -> None:
        self.total = total
        self.fill = fill
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.total:
            self.sent += CHUNK
            yield self.fill * CHUNK


@pytest.fixture
async def slack_configured(db_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        database_url=db_url, slack_signing_secret="s3cret", slack_bot_token="xoxb-test"
    )
    rt = Runtime(settings)
    app = create_app(rt, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client
    await rt.close()


@pytest.mark.parametrize(
    "path", ["/api/scheduler/jobs", "/api/scheduler/parse-nl", "/api/scheduler/agents"]
)
async def test_a_chunked_body_past_the_limit_is_refused_while_it_streams(
    api: httpx.AsyncClient, path: str
) -> None:
    body = Streamed()
    response = await api.post(path.removeprefix("/api/scheduler"), content=body)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert str(MAX_BODY_BYTES) in response.json()["detail"]
    assert body.sent <= MAX_BODY_BYTES + 2 * CHUNK


async def test_a_chunked_body_to_slack_events_is_refused_without_a_key(
    slack_configured: httpx.AsyncClient,
) -> None:
    body = Streamed(fill=b"a")
    response = await slack_configured.post(
        "/slack/events",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert body.sent <= MAX_BODY_BYTES + 2 * CHUNK


async def test_a_declared_length_past_the_limit_is_refused_before_reading(
    api: httpx.AsyncClient,
) -> None:
    body = Streamed(total=MAX_BODY_BYTES + 10 * CHUNK)
    response = await api.post("/jobs", content=body, headers={"content-length": str(body.total)})
    assert response.status_code == 413
    assert body.sent == 0


async def test_a_content_length_that_is_not_a_number_is_400(api: httpx.AsyncClient) -> None:
    response = await api.post("/jobs", content=b"{}", headers={"content-length": "abc"})
    assert response.status_code == 400


async def test_a_body_just_under_the_limit_is_read(api: httpx.AsyncClient) -> None:
    padding = "x" * (MAX_BODY_BYTES - 200)
    response = await api.post("/parse-nl", json={"text": "every day at 9am", "pad": padding})
    # read and parsed: the endpoint answers about its content, not its size
    assert response.status_code == 200, response.text
