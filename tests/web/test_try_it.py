"""Trying an agent job from its page, and agent spend on the job page and the jobs list.

A service of its own, with the LLM pointed at the local fake OpenAI server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes.openai_server import FakeOpenAI, Reply, _openai_server_session, openai_server
from tests.web.conftest import VIEWER_ZONE, Service, service_env, serving, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow
__all__ = ["_openai_server_session", "openai_server"]

USAGE = {"prompt_tokens": 5_000, "completion_tokens": 500, "total_tokens": 5_500}


@pytest.fixture(scope="module")
def llm_service(
    tmp_path_factory: pytest.TempPathFactory, _openai_server_session: FakeOpenAI
) -> Iterator[Service]:
    home: Path = tmp_path_factory.mktemp("web-llm-service")
    env = service_env(
        home,
        OPENAI_BASE_URL=_openai_server_session.base_url,
        OPENAI_API_KEY="test",
        AGENTCRON_LLM_MODEL="gpt-4o-mini",
    )
    with serving(home, env) as svc:
        yield svc


@pytest.fixture
def llm_page(browser: Any, llm_service: Service) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        timezone_id=VIEWER_ZONE,
        locale="en-GB",
        base_url=llm_service.url,
    )
    tab = context.new_page()
    errors: list[str] = []
    console: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: console.append(message.text))
    yield tab
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"
    assert not [m for m in console if "Content Security Policy" in m]


def test_try_it_shows_the_answer_its_tools_and_cost_and_the_spend_shows_up(
    llm_page: Any, llm_service: Service, openai_server: FakeOpenAI
) -> None:
    page = llm_page
    with llm_service.client() as api:
        response = api.post(
            "/jobs",
            json={
                "name": "BTC watch",
                "goal": "Check the BTC price",
                "schedule": None,
                "delivery": {"channel": "webhook:https://hooks.example.com/btc"},
            },
        )
        assert response.status_code == 201, response.text
        job = response.json()
    openai_server.enqueue(
        Reply.tool_call("current_time", {}, usage=USAGE),
        Reply.tool_call(
            "finish", {"output": "**BTC** is at 70,000", "data": {"price": 70000}}, usage=USAGE
        ),
    )
    sign_in(page, llm_service.key)
    page.goto(f"/#/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text("BTC watch")
    expect(page.locator("[data-spend]")).to_contain_text("Today (UTC)none")
    page.locator(".page-head button[data-action=try]").click()
    panel = page.locator(".try-it")
    expect(panel.locator(".markdown strong")).to_have_text("BTC")
    expect(panel).to_contain_text(
        "A real run would deliver to webhook:https://hooks.example.com/btc."
    )
    expect(panel.locator(".tool-calls li")).to_have_count(2)
    expect(panel.locator(".tool-calls li").first).to_contain_text("current_time")
    # 10,000 input at $0.15/M + 1,000 output at $0.60/M
    expect(panel.locator(".usage")).to_contain_text("11k tokens · $0.0021 · 2 steps · gpt-4o-mini")
    expect(page.locator("[data-spend]")).to_contain_text("$0.0021 · 11k tokens")
    shot(page, "try-it")
    with httpx.Client(
        base_url=f"{llm_service.url}/api/scheduler",
        headers={"Authorization": f"Bearer {llm_service.key}"},
    ) as api:
        assert api.get(f"/jobs/{job['id']}/runs").json()["count"] == 0  # nothing recorded

    page.goto("/#/jobs")
    cell = page.locator(f"td.spend[data-job-id='{job['id']}']")
    expect(cell).to_have_text("$0.0021 · 11k")
    expect(page.locator(".summary")).to_contain_text("agents $0.0021 today")
