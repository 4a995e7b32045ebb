"""``/docs`` in Chromium: Swagger UI served by the service itself (vendored, no CDN) renders
the OpenAPI document under the dashboard's Content-Security-Policy, shows the response
schemas, and calls the API with a key it is given."""

from __future__ import annotations

import re
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.web.conftest import Service, Watch, shot


def test_the_api_reference_renders_and_tries_a_call(
    page: Any, service: Service, watch: Watch
) -> None:
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("agentcron")
    operation = page.locator(".opblock-summary-path", has_text=re.compile(r"^/api/scheduler/me$"))
    expect(operation).to_be_visible()
    # nothing outside this service was asked for: no CDN, no validator, no fonts
    outside = [u for u in watch.urls if not u.startswith(service.url) and not u.startswith("data:")]
    assert outside == []

    # authorize with a key, then try GET /me
    page.click("button.authorize")
    page.fill(".auth-container input[type=text], .auth-container input", service.key)
    page.click(".auth-btn-wrapper button.authorize")
    page.click("button.btn-done")
    operation.click()
    block = page.locator(".opblock", has=operation)
    block.locator("button.try-out__btn").click()
    block.locator("button.execute").click()
    expect(block.locator(".live-responses-table tbody .response-col_status").first).to_contain_text(
        "200"
    )
    expect(block.locator(".live-responses-table")).to_contain_text('"owner"')
    shot(page, "docs")


def test_the_docs_page_has_its_policy_and_pinned_assets(service: Service) -> None:
    page = httpx.get(f"{service.url}/docs")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe" not in policy and "<script>" not in page.text
    asset = httpx.get(f"{service.url}/docs/assets/5.35.0/swagger-ui-bundle.js")
    assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
    licence = httpx.get(f"{service.url}/docs/assets/5.35.0/LICENSE")
    assert "Apache License" in licence.text
