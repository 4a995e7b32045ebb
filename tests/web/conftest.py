"""Browser tests of the dashboard: Debian's Chromium driven by Playwright against a real service.

One ``agentcron serve`` subprocess (a temporary SQLite file, its own port) and one browser
serve the whole session; every test gets a fresh browser context (its own sessionStorage)
in the Europe/Berlin zone, so "the viewer's zone" differs from UTC and from the jobs' zones.
Each test saves a screenshot under tests/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = os.environ.get("AGENTCRON_TEST_CHROMIUM", "/usr/bin/chromium")
# No network but loopback here: without these flags Chromium keeps dialling Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
VIEWER_ZONE = "Europe/Berlin"
STARTUP_LINE = "Application startup complete"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    """The running service: its address, two owners' keys, and everything it logged."""

    url: str
    key: str
    other_key: str
    planner_key: str  # an owner whose heatmap and suggestions hold only its own test's jobs
    log: list[str] = field(default_factory=list)

    def client(self, key: str | None = None) -> httpx.Client:
        return httpx.Client(
            base_url=f"{self.url}/api/scheduler",
            headers={"Authorization": f"Bearer {key or self.key}"},
            timeout=10,
        )


def _cli(*args: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "agentcron.app.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def service_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "AGENTCRON_DATABASE_URL": f"sqlite+aiosqlite:///{home / 'agentcron.db'}",
        "AGENTCRON_ALLOW_PRIVATE_NETWORKS": "1",
        "AGENTCRON_SHUTDOWN_GRACE_SECONDS": "2",
    }
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        env.pop(name, None)
    return env | extra


@contextlib.contextmanager
def serving(home: Path, env: dict[str, str]) -> Iterator[Service]:
    """``agentcron serve`` on ``home``'s database, with three owners' keys."""
    port = _free_port()
    key = _cli("keys", "create", "--name", "web-tests", env=env, cwd=home)
    other = _cli("keys", "create", "--name", "someone-else", "--new-owner", env=env, cwd=home)
    planner = _cli("keys", "create", "--name", "planner", "--new-owner", env=env, cwd=home)
    process = subprocess.Popen(
        [sys.executable, "-m", "agentcron.app.cli", "serve", "--port", str(port), "--access-log"],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    svc = Service(url=f"http://127.0.0.1:{port}", key=key, other_key=other, planner_key=planner)
    started = threading.Event()

    def pump() -> None:  # keep the pipe drained and the log for the key-hygiene test
        assert process.stdout is not None
        with (home / "service.log").open("w") as copy:  # for a person debugging a failure
            for line in process.stdout:
                svc.log.append(line)
                copy.write(line)
                copy.flush()
                if STARTUP_LINE in line:
                    started.set()
        started.set()  # the process ended: stop waiting either way

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        if not started.wait(60) or process.poll() is not None:
            pytest.fail("agentcron serve did not start:\n" + "".join(svc.log[-40:]))
        yield svc
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    home = tmp_path_factory.mktemp("web-service")
    with serving(home, service_env(home)) as svc:
        yield svc


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the playwright package"
    )
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian package 'chromium')")
    sync_api.expect.set_options(timeout=15_000)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watch:
    """What a page did that a test may want to deny: JS errors, dialogs, CSP reports, URLs."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@contextlib.contextmanager
def watched_tab(
    browser: Any, watch: Watch, request: pytest.FixtureRequest, **options: Any
) -> Iterator[Any]:
    """A tab in a fresh context in the viewer's zone, whose errors, console, requests and
    dialogs go to ``watch``; afterwards no uncaught error and no CSP refusal may be left."""
    context = browser.new_context(
        **{"viewport": {"width": 1280, "height": 860}, **options},
        timezone_id=VIEWER_ZONE,
        locale="en-GB",
    )
    tab = context.new_page()
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on("console", lambda message: watch.console.append(f"{message.type}: {message.text}"))
    tab.on("request", lambda req: watch.urls.append(req.url))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    if getattr(request.node, "failed_call", False):
        shot(tab, f"FAILED-{request.node.name}", full_page=True)
    context.close()
    assert not watch.errors, f"uncaught errors in the page: {watch.errors}"
    refused = [m for m in watch.console if "Content Security Policy" in m]
    assert not refused, f"the page broke its CSP: {refused}"


@pytest.fixture
def page(
    browser: Any, service: Service, watch: Watch, request: pytest.FixtureRequest
) -> Iterator[Any]:
    with watched_tab(browser, watch, request, base_url=service.url) as tab:
        yield tab


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True  # type: ignore[attr-defined]
    return report


def shot(page: Any, name: str, **options: Any) -> Path:
    """Save a screenshot as tests/screenshots/<name>.png (the folder is gitignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path


def sign_in(page: Any, key: str) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    page.fill("#api-key", key)
    page.click("form.login button[type=submit]")
    expect(page.locator("#nav")).to_be_visible()


@pytest.fixture
def signed_in(page: Any, service: Service) -> Any:
    sign_in(page, service.key)
    return page


@pytest.fixture
def api(service: Service) -> Iterator[httpx.Client]:
    with service.client() as client:
        yield client


def make_job(api: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {"action": "noop", "schedule": None, **fields}
    response = api.post("/jobs", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


class _Handler(BaseHTTPRequestHandler):
    server: LocalSite

    def do_GET(self) -> None:
        if self.path.startswith("/hang"):
            self.server.hanging.set()
            self.server.release.wait(30)
        body = self.server.pages.get(self.path.split("?")[0], "not here").encode()
        try:
            self.send_response(200 if self.path != "/missing" else 404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the run was cancelled and the client went away: that is the point

    def log_message(self, format: str, *args: Any) -> None:
        pass


class LocalSite(ThreadingHTTPServer):
    """A loopback HTTP server for http jobs: fixed pages, and /hang which answers on release."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages: dict[str, str] = {}
        self.hanging = threading.Event()
        self.release = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
