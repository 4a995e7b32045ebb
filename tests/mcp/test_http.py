"""``/mcp`` on ``agentcron serve``: the REST API's keys, resources and the scheduling prompt."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.mcp.conftest import Service, call, over_http

pytestmark = pytest.mark.slow

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "curl", "version": "1"},
    },
}
HEADERS = {"Accept": "application/json, text/event-stream"}


@pytest.mark.parametrize(
    "authorization", [None, "Bearer ac_not-a-key", "Basic dXNlcjpwYXNz", "Bearer"]
)
async def test_no_valid_key_is_401(service: Service, authorization: str | None) -> None:
    headers = dict(HEADERS)
    if authorization is not None:
        headers["Authorization"] = authorization
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{service.url}/mcp", json=INITIALIZE, headers=headers)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_only_post_is_answered_and_nothing_is_held_open(
    service: Service, method: str
) -> None:
    """A GET would open a stream of server-initiated messages this stateless server never
    sends: it was held open until the client gave up, a connection parked per request."""
    headers = {**HEADERS, "Authorization": f"Bearer {service.alice}"}
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.request(method, f"{service.url}/mcp", headers=headers)
    assert answer.status_code == 405
    assert answer.headers["allow"] == "POST"
    assert answer.headers["content-type"] == "application/problem+json"


async def test_a_page_on_another_origin_is_refused(service: Service) -> None:
    headers = {**HEADERS, "Authorization": f"Bearer {service.alice}"}
    async with httpx.AsyncClient() as http:
        evil = await http.post(
            f"{service.url}/mcp",
            json=INITIALIZE,
            headers={**headers, "Origin": "http://evil.example"},
        )
        own = await http.post(
            f"{service.url}/mcp", json=INITIALIZE, headers={**headers, "Origin": service.url}
        )
    assert evil.status_code == 403
    assert own.status_code == 200 and own.json()["result"]["serverInfo"]["name"] == "agentcron"


async def test_a_client_of_the_previous_protocol_generation(service: Service) -> None:
    async with over_http(service, service.alice, mode="legacy") as client:
        assert client.protocol_version < "2026"
        assert client.instructions is not None and "create_job" in client.instructions
        job = await call(client, "create_job", goal="legacy client", schedule=None)
        assert (await call(client, "get_job", job_id=job["id"]))["goal"] == "legacy client"


async def test_a_job_and_its_recent_runs_as_a_resource(service: Service) -> None:
    async with over_http(service, service.alice) as alice:
        job = await call(alice, "create_job", action="noop", schedule="@daily", name="digest")
        templates = (await alice.list_resource_templates()).resource_templates
        assert [t.uri_template for t in templates] == ["agentcron://jobs/{job_id}"]
        listed = {str(r.uri): r for r in (await alice.list_resources()).resources}
        uri = f"agentcron://jobs/{job['id']}"
        assert listed[uri].title == "digest"
        assert listed[uri].description == "At 12:00 AM, UTC"
        run = await call(alice, "trigger_job", job_id=job["id"])
        contents = (await alice.read_resource(uri)).contents
        body = json.loads(contents[0].text)  # type: ignore[union-attr]
        assert contents[0].mime_type == "application/json"
        assert body["job"]["id"] == job["id"]
        assert [r["id"] for r in body["recent_runs"]] == [run["run_id"]]
    async with over_http(service, service.bob) as bob:
        assert uri not in {str(r.uri) for r in (await bob.list_resources()).resources}
        with pytest.raises(Exception, match="Resource not found"):
            await bob.read_resource(uri)


async def test_the_prompt_walks_through_understand_preview_confirm_create(
    service: Service,
) -> None:
    async with over_http(service, service.alice) as alice:
        prompts = {p.name: p for p in (await alice.list_prompts()).prompts}
        assert set(prompts) == {"schedule_job"}
        assert [a.name for a in prompts["schedule_job"].arguments or []] == [
            "request",
            "timezone",
        ]
        prompt = await alice.get_prompt(
            "schedule_job",
            {"request": "check the deploy dashboard every weekday at 9", "timezone": "UTC"},
        )
    text = prompt.messages[0].content.text  # type: ignore[union-attr]
    assert "check the deploy dashboard every weekday at 9" in text
    order = [text.index(tool) for tool in ("parse_schedule", "preview_schedule", "create_job")]
    assert order == sorted(order)
    assert "Do not create anything before they say yes" in text


async def test_a_publishable_key_may_only_understand_and_preview(service: Service) -> None:
    async with over_http(service, service.publishable) as page:
        tools = {tool.name for tool in (await page.list_tools()).tools}
        assert tools == {"parse_schedule", "preview_schedule"}
        assert (await call(page, "preview_schedule", schedule="@daily"))["next_runs"]
        refusal = await page.call_tool("list_jobs", {})
    assert refusal.is_error
    assert refusal.content[0].text == (
        "this key may not use list_jobs: it needs the 'jobs:read' scope"
    )
