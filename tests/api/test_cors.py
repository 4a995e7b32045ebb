"""CORS: off by default; for the listed origins, preflights are answered and every answer under
/api/scheduler is readable, refusals included; a page on another origin may use a publishable
key only, unless AGENTCRON_CORS_SECRET_KEYS is set."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.domain.scopes import Scope
from agentcron.app.runtime import Runtime
from tests.api.test_jobs import DIGEST
from tests.conftest import T0

SHOP = "https://shop.example"
VALIDATE = {"type": "cron", "value": "0 9 * * 1-5"}


class Keys:
    def __init__(self, client: httpx.AsyncClient, publishable: str, secret: str) -> None:
        self.client = client
        self.publishable = publishable
        self.secret = secret

    async def get(self, path: str, *, key: str, origin: str | None = SHOP, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {key}"}
        if origin:
            headers["Origin"] = origin
        return await self.client.get(path, headers=headers, **kw)

    async def post(self, path: str, *, key: str, origin: str | None = SHOP, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {key}", "Origin": origin or ""}
        return await self.client.post(path, headers=headers, **kw)


@pytest.fixture
async def service(db_url: str) -> AsyncIterator[Callable[..., Any]]:
    runtimes: list[Runtime] = []
    clients: list[httpx.AsyncClient] = []

    async def make(**settings: Any) -> Keys:
        rt = Runtime(Settings(database_url=db_url, **settings))
        runtimes.append(rt)
        _, pk = await rt.keys.create(name="page", owner="shop", now=T0, scopes={Scope.PARSE})
        _, sk = await rt.keys.create(name="ops", owner="shop", now=T0)
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(rt, start_engine=False)),
            base_url="http://testserver/api/scheduler",
        )
        clients.append(client)
        return Keys(client, pk, sk)

    yield make
    for client in clients:
        await client.aclose()
    for rt in runtimes:
        await rt.close()


def preflight(method: str = "GET", origin: str = SHOP) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization, content-type",
    }


async def test_cors_is_off_by_default(service: Callable[..., Any]) -> None:
    keys = await service()
    answer = await keys.get("/validate", key=keys.publishable, params=VALIDATE)
    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers
    refused = await keys.client.options("/validate", headers=preflight())
    assert "access-control-allow-origin" not in refused.headers
    # and with CORS off, no Origin rule applies: a script sending one is a plain client
    assert (await keys.get("/jobs", key=keys.secret)).status_code == 200


async def test_a_listed_origin_may_parse_with_a_publishable_key(
    service: Callable[..., Any],
) -> None:
    keys = await service(cors_origins=(SHOP,))
    allowed = await keys.client.options("/parse-nl", headers=preflight("POST"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SHOP
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in allowed.headers

    answer = await keys.post(
        "/parse-nl", key=keys.publishable, json={"text": "every weekday at 9am"}
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["access-control-allow-origin"] == SHOP
    exposed = answer.headers["access-control-expose-headers"].lower()
    assert {"ratelimit", "ratelimit-policy", "retry-after"} <= set(exposed.split(", "))
    assert answer.headers["ratelimit-policy"].startswith('"address";q=6000;w=60')

    # the same key cannot create a job, and the page can read why
    refused = await keys.post("/jobs", key=keys.publishable, json=DIGEST)
    assert refused.status_code == 403
    assert refused.headers["access-control-allow-origin"] == SHOP
    assert refused.json()["required_scope"] == "jobs:write"


async def test_an_origin_not_listed_gets_no_cors_answer(service: Callable[..., Any]) -> None:
    keys = await service(cors_origins=(SHOP,))
    refused = await keys.client.options(
        "/validate", headers=preflight(origin="https://evil.example")
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    answer = await keys.get(
        "/validate", key=keys.publishable, origin="https://evil.example", params=VALIDATE
    )
    assert "access-control-allow-origin" not in answer.headers  # the browser hides it


async def test_a_secret_key_is_refused_from_another_origin(service: Callable[..., Any]) -> None:
    keys = await service(cors_origins=(SHOP,))
    refused = await keys.get("/validate", key=keys.secret, params=VALIDATE)
    assert refused.status_code == 403
    assert refused.headers["access-control-allow-origin"] == SHOP
    assert "may only use a publishable key" in refused.json()["detail"]
    assert "agentcron keys create --scope parse" in refused.json()["detail"]
    # the dashboard, on the service's own origin, goes on working with it
    own = await keys.get("/jobs", key=keys.secret, origin="http://testserver")
    assert own.status_code == 200
    # and so does a client that sends no Origin at all
    assert (await keys.get("/jobs", key=keys.secret, origin=None)).status_code == 200


async def test_secret_keys_from_listed_origins_when_allowed(service: Callable[..., Any]) -> None:
    keys = await service(cors_origins=(SHOP,), cors_secret_keys=True)
    answer = await keys.post("/jobs", key=keys.secret, json=DIGEST)
    assert answer.status_code == 201, answer.text
    assert answer.headers["access-control-allow-origin"] == SHOP
    assert "location" in answer.headers["access-control-expose-headers"].lower()


async def test_any_origin_with_a_star(service: Callable[..., Any]) -> None:
    keys = await service(cors_origins=("*",))
    answer = await keys.get(
        "/validate", key=keys.publishable, origin="https://anywhere.example", params=VALIDATE
    )
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == "*"


async def test_a_rate_limited_answer_is_readable_by_the_page(
    service: Callable[..., Any],
) -> None:
    keys = await service(cors_origins=(SHOP,), rate_limit_parse_address="1/60")
    assert (await keys.get("/validate", key=keys.publishable, params=VALIDATE)).status_code == 200
    refused = await keys.get("/validate", key=keys.publishable, params=VALIDATE)
    assert refused.status_code == 429
    assert refused.headers["access-control-allow-origin"] == SHOP
    assert refused.headers["retry-after"] == "60"
