"""Safety: user strings are text, the markdown renderer keeps to safe constructs, the page
sends a strict Content Security Policy, and the API key stays out of URLs and logs."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.web.conftest import LocalSite, Service, Watch, make_job, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

NAME = "<img src=x onerror=alert(1)>"
TAG = "<script>alert(2)</script>"
BODY = "<img src=y onerror=alert(3)><script>alert(4)</script>"


def test_user_supplied_strings_show_as_characters_and_run_nothing(
    page: Any, service: Service, site: LocalSite, watch: Watch
) -> None:
    # any owner will do; this one's calendar is small, which keeps the page quick
    sign_in(page, service.other_key)
    with service.client(service.other_key) as api:
        _show_xss(page, api, site, watch)


def _show_xss(page: Any, api: httpx.Client, site: LocalSite, watch: Watch) -> None:
    site.pages["/xss"] = BODY
    job = make_job(
        api,
        name=NAME,
        description='"><svg onload=alert(5)>',
        tags=[TAG],
        action="http",
        http={"url": f"{site.url}/xss"},
        schedule={"type": "cron", "expression": "0 12 * * *", "timezone": "UTC"},
    )
    run = api.post(f"/jobs/{job['id']}/trigger").json()

    page.fill("input[type=search]", "onerror")
    row = page.locator("table.jobs tbody tr").filter(has_text=NAME)
    expect(row.locator(".job-link")).to_have_text(NAME)
    expect(row.locator(".tag")).to_have_text(TAG)
    expect(page.locator("main img")).to_have_count(0)
    expect(page.locator("main script")).to_have_count(0)

    row.locator(".job-link").click()
    expect(page.locator("h1")).to_have_text(NAME)
    expect(page.locator(".details")).to_contain_text('"><svg onload=alert(5)>')
    detail = page.locator(f"tr.run[data-run-id='{run['run_id']}']")
    expect(detail).to_have_attribute("data-status", "succeeded")
    detail.get_by_role("button", name="Details").click()
    expect(page.locator(".run-detail .markdown pre code")).to_have_text(BODY)
    expect(page.locator(".run-detail pre.data")).to_contain_text("alert(4)")

    page.click("#nav a[data-section=calendar]")
    expect(page.locator(f".event[data-job-id='{job['id']}']").first).to_contain_text(NAME)

    for selector in ("main img", "main script", "main svg[onload]", "[onerror]"):
        assert page.locator(selector).count() == 0, selector
    assert watch.dialogs == []
    shot(page, "xss-as-text")


CASES = [
    ("# Title", "<h3>Title</h3>"),
    (
        "**bold**, *it*, ~~old~~ and `a<b`",
        "<p><strong>bold</strong>, <em>it</em>, <del>old</del> and <code>a&lt;b</code></p>",
    ),
    (
        "[ok](https://example.com) [bad](javascript:alert(1))",
        '<p><a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">'
        "ok</a> [bad](javascript:alert(1))</p>",
    ),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
    ("- a\n- **b**", "<ul><li>a</li><li><strong>b</strong></li></ul>"),
    ("2. two\n3. three", '<ol start="2"><li>two</li><li>three</li></ol>'),
    ("```html\n<b>x</b>\n```", "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>"),
    ("````\n```\ninner\n```\n````", "<pre><code>```\ninner\n```</code></pre>"),
    ("> quoted *text*", "<blockquote><p>quoted <em>text</em></p></blockquote>"),
    ("| a | b |\n|---|---|", '<pre class="table">| a | b |\n|---|---|</pre>'),
    ("line one\nline two\n\n---", "<p>line one<br>line two</p><hr>"),
    ("see https://example.com/x.", '<p>see <a href="https://example.com/x" rel="noopener'),
]


def test_markdown_renderer_builds_only_safe_elements(signed_in: Any) -> None:
    page = signed_in
    rendered = page.evaluate(
        """async (cases) => {
            const { renderMarkdown } = await import("/static/js/markdown.js");
            return cases.map((text) => renderMarkdown(text).innerHTML);
        }""",
        [text for text, _ in CASES],
    )
    for (text, expected), html in zip(CASES, rendered, strict=True):
        assert html.startswith(expected), f"{text!r} rendered as {html!r}"


def test_csp_header_and_the_key_stays_out_of_urls_and_logs(
    signed_in: Any, service: Service, watch: Watch, api: httpx.Client
) -> None:
    page = signed_in
    job = make_job(api, name="Key hygiene")
    page.goto(f"/#/jobs/{job['id']}")
    page.locator(".page-head button[data-action=trigger]").click()
    expect(page.locator("tr.run")).to_have_attribute("data-status", "succeeded")

    for path in ("/", "/static/js/app.js", "/static/app.css"):
        headers = httpx.get(service.url + path).headers
        policy = dict(
            part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";")
        )
        assert policy["script-src"] == "'self'", path
        assert policy["default-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"

    assert watch.urls, "no request was seen"
    assert not [url for url in watch.urls if service.key in url]
    assert any("/api/scheduler/jobs/" in url for url in watch.urls)
    assert any('"GET /api/scheduler/jobs/' in line for line in service.log)  # access log is on
    assert not [line for line in service.log if service.key in line]
    assert page.evaluate("localStorage.length") == 0
    assert service.key not in page.evaluate("document.cookie")
