"""<agentcron-schedule-input> on another site's page: a shop's page on another local port, under
a strict CSP, embeds the component with a publishable key. Typing shows what the service
understood, a bad phrase shows why, the key cannot create a job, an origin not on the CORS
list gets nothing, and a burst of typing is slowed down without the component hammering."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import (
    Service,
    Watch,
    _cli,
    _free_port,
    service_env,
    serving,
    shot,
    watched_tab,
)

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

PHRASE = "every weekday at 9am"
ZONE = "America/New_York"
# one parse request per 0.5 s after a burst of 10 from one address: typing one character
# every 0.4 s (a check per character, two requests each) meets it within seconds
PARSE_PER_ADDRESS = "10/5"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop: reminders</title>
<script type="module" src="{service}/embed/schedule-input.js"></script>
<script type="module" src="/page.js"></script>
</head>
<body>
<h1>Reminders</h1>
<form id="reminder">
  <agentcron-schedule-input id="when" name="schedule" key="{key}" zone="{zone}" required>
  </agentcron-schedule-input>
  <button type="submit">Save</button>
</form>
<output id="last"></output>
<pre id="submitted"></pre>
</body>
</html>
"""

# the page's own script: what a shop would write to use the element's event and form value,
# and (for the tests) a record of every state the preview went through
PAGE_JS = """
window.events = [];
window.states = [];
const preview = document.querySelector("#when").shadowRoot.querySelector("#schedule-result");
new MutationObserver(() => window.states.push(preview.className + ": " + preview.textContent))
  .observe(preview, {attributes: true, childList: true, subtree: true});
document.addEventListener("schedule-change", (event) => {
  window.events.push(event.detail);
  document.getElementById("last").textContent = event.detail.valid ? "valid" : "invalid";
});
document.getElementById("reminder").addEventListener("submit", (event) => {
  event.preventDefault();
  const fields = Object.fromEntries(new FormData(event.target));
  document.getElementById("submitted").textContent = JSON.stringify(fields);
});
"""


class _ShopHandler(BaseHTTPRequestHandler):
    server: ShopSite

    def do_GET(self) -> None:
        if self.path == "/page.js":
            body, kind = PAGE_JS, "text/javascript"
        else:
            body, kind = self.server.page, "text/html; charset=utf-8"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        # strict: scripts from here and the service only, no inline script or style at all
        self.send_header(
            "Content-Security-Policy",
            f"default-src 'none'; script-src 'self' {self.server.service}; "
            f"connect-src {self.server.service}; style-src 'self'; base-uri 'none'; "
            "form-action 'self'",
        )
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class ShopSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, service: str, key: str) -> None:
        super().__init__(("127.0.0.1", port), _ShopHandler)
        self.service = service
        self.page = PAGE.format(service=service, key=key, zone=ZONE)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self.thread.join(timeout=5)


@dataclass
class Shop:
    service: Service
    key: str  # publishable
    listed: ShopSite  # an origin on AGENTCRON_CORS_ORIGINS
    unlisted: ShopSite  # the same page on an origin that is not


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    home = tmp_path_factory.mktemp("embed-service")
    listed_port, unlisted_port = _free_port(), _free_port()
    env = service_env(
        home,
        AGENTCRON_CORS_ORIGINS=f"http://127.0.0.1:{listed_port}",
        AGENTCRON_RATE_LIMIT_PARSE_ADDRESS=PARSE_PER_ADDRESS,
    )
    key = _cli("keys", "create", "--name", "shop page", "--scope", "parse", env=env, cwd=home)
    assert key.startswith("ac_pk_")
    with serving(home, env) as service:
        sites = [ShopSite(p, service.url, key) for p in (listed_port, unlisted_port)]
        try:
            yield Shop(service, key, *sites)
        finally:
            for site in sites:
                site.stop()


@pytest.fixture
def tab(browser: Any, watch: Watch, request: pytest.FixtureRequest) -> Iterator[Any]:
    with watched_tab(browser, watch, request, viewport={"width": 900, "height": 700}) as page:
        yield page
    assert not watch.dialogs


def parse(shop: Shop, text: str) -> dict[str, Any]:
    with httpx.Client(base_url=f"{shop.service.url}/api/scheduler") as client:
        answer = client.post(
            "/parse-nl",
            json={"text": text, "timezone": ZONE},
            headers={"Authorization": f"Bearer {shop.key}"},
        )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_typing_shows_the_meaning_and_next_runs_and_fills_the_form(shop: Shop, tab: Any) -> None:
    tab.goto(shop.listed.url)
    text = tab.locator(
        "agentcron-schedule-input #schedule-text"
    )  # (playwright enters open shadow roots)
    result = tab.locator("agentcron-schedule-input #schedule-result")
    expect(tab.locator("agentcron-schedule-input label[for=schedule-text]")).to_have_text(
        "When should it run?"
    )
    expect(result).to_have_attribute("aria-live", "polite")
    expect(text).to_have_attribute("aria-describedby", "schedule-result")

    # keyboard only: the first Tab lands in the component's input
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.shadowRoot?.activeElement?.id")
    assert focused == "schedule-text"
    tab.keyboard.type(PHRASE, delay=20)

    expected = parse(shop, PHRASE)
    expect(result).to_have_class("schedule-result ok")
    expect(result.locator(".human")).to_have_text(expected["human_readable"])
    expect(result.locator(".zone")).to_have_text(ZONE)
    expect(result.locator(".cron")).to_have_text("0 9 * * 1-5")
    runs = result.locator(".next-runs li time")
    expect(runs).to_have_count(5)
    assert [r.get_attribute("datetime") for r in runs.all()] == expected["next_runs"]
    expect(tab.locator("#last")).to_have_text("valid")
    shot(tab, "embed-preview")

    detail = tab.evaluate("window.events.at(-1)")
    assert detail["valid"] is True
    assert detail["schedule"] == expected["schedule"]
    assert detail["description"] == expected["human_readable"]
    assert detail["next_runs"] == expected["next_runs"]
    assert detail["text"] == PHRASE

    # the element is a form field: its value is the structured schedule
    tab.keyboard.press("Enter")
    expect(tab.locator("#submitted")).not_to_be_empty()
    submitted = json.loads(tab.locator("#submitted").text_content() or "{}")
    assert json.loads(submitted["schedule"]) == expected["schedule"]


def test_a_bad_phrase_shows_the_reason_and_the_form_refuses_it(shop: Shop, tab: Any) -> None:
    tab.goto(shop.listed.url)
    text = tab.locator("agentcron-schedule-input #schedule-text")
    result = tab.locator("agentcron-schedule-input #schedule-result")
    text.fill("every blursday at noonish")
    expect(result).to_have_class("schedule-result error")
    expect(result.locator(".reason")).to_have_text("could not find a schedule in the text")
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(tab.locator("#last")).to_have_text("invalid")
    assert tab.evaluate("document.querySelector('#when').checkValidity()") is False
    assert tab.evaluate("document.querySelector('#when').value") == ""
    shot(tab, "embed-error")

    # markup typed in is shown as text and never becomes an element
    text.fill("<img src=x onerror=alert(1)> at 9am")
    expect(result).to_have_class("schedule-result error")
    assert tab.locator("agentcron-schedule-input img").count() == 0


def test_the_publishable_key_cannot_create_a_job(shop: Shop, tab: Any) -> None:
    tab.goto(shop.listed.url)
    expect(tab.locator("agentcron-schedule-input #schedule-text")).to_be_visible()
    answer = tab.evaluate(
        """async ([service, key]) => {
            const response = await fetch(service + "/api/scheduler/jobs", {
              method: "POST",
              headers: {Authorization: "Bearer " + key, "Content-Type": "application/json"},
              body: JSON.stringify({name: "x", action: "noop", schedule: null}),
            });
            return {status: response.status, body: await response.json()};
        }""",
        [shop.service.url, shop.key],
    )
    assert answer["status"] == 403
    assert answer["body"]["required_scope"] == "jobs:write"
    with shop.service.client() as api:  # and nothing was made
        assert api.get("/jobs").json()["count"] == 0


def test_an_origin_not_on_the_list_gets_nothing(shop: Shop, tab: Any) -> None:
    tab.goto(shop.unlisted.url)
    result = tab.locator("agentcron-schedule-input #schedule-result")
    tab.locator("agentcron-schedule-input #schedule-text").fill(PHRASE)
    expect(result).to_have_class("schedule-result error")
    expect(result.locator(".reason")).to_have_text("Could not reach the schedule service.")
    refused = tab.evaluate(
        """async ([service, key]) => {
            try {
              await fetch(service + "/api/scheduler/validate?value=0+9+*+*+*",
                          {headers: {Authorization: "Bearer " + key}});
              return "answered";
            } catch (error) {
              return error.name;
            }
        }""",
        [shop.service.url, shop.key],
    )
    assert refused == "TypeError"  # the browser would not let the page see an answer


def test_a_burst_of_typing_is_slowed_down_gracefully(shop: Shop, tab: Any) -> None:
    answers: list[tuple[float, int, float]] = []  # (when, status, Retry-After) per API answer
    sent: list[float] = []

    def on_request(request: Any) -> None:
        if "/api/scheduler/" in request.url and request.method != "OPTIONS":
            sent.append(time.monotonic())

    def on_response(response: Any) -> None:
        if "/api/scheduler/" in response.url and response.request.method != "OPTIONS":
            wait = float(response.headers.get("retry-after", 0))
            answers.append((time.monotonic(), response.status, wait))

    tab.on("request", on_request)
    tab.on("response", on_response)
    tab.goto(shop.listed.url)
    text = tab.locator("agentcron-schedule-input #schedule-text")
    result = tab.locator("agentcron-schedule-input #schedule-result")
    # a check per character: each keystroke comes after the 350 ms pause
    text.press_sequentially("every day at 9:15am", delay=400)

    expect(result).to_have_class("schedule-result ok", timeout=30_000)
    expect(result.locator(".cron")).to_have_text("15 9 * * *")
    refusals = [(at, wait) for at, status, wait in answers if status == 429]
    assert refusals, "the burst should have met the per-address limit"
    # after each refusal nothing was sent until Retry-After had passed (0.2 s for the events'
    # own delivery); a slow machine only makes the gaps longer
    for at, wait in refusals:
        assert wait >= 1
        early = [t for t in sent if at < t < at + wait - 0.2]
        assert not early, f"sent {len(early)} request(s) within Retry-After ({wait} s)"
    # and meanwhile it said so, in the live region
    states = tab.evaluate("window.states")
    waiting = [s for s in states if s.startswith("schedule-result pending waiting")]
    assert waiting and "Too many checks for now; checking again in" in waiting[0]
    shot(tab, "embed-after-burst")


def test_the_component_and_its_modules_are_served_to_any_origin(shop: Shop) -> None:
    with httpx.Client(base_url=shop.service.url) as client:
        script = client.get("/embed/schedule-input.js", headers={"Origin": shop.unlisted.url})
        box = client.get("/static/js/schedulebox.js", headers={"Origin": shop.unlisted.url})
    for answer in (script, box):
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "*"
        assert answer.headers["content-type"].startswith("text/javascript")
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert "customElements.define" in script.text
    source = Path(__file__).resolve().parents[2] / "app/web/embed/schedule-input.js"
    assert script.text == source.read_text()
