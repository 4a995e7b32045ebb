"""The dashboard with command and file jobs (on a service whose operator enabled them): the
job page says what each does, a command's run shows its output, and editing such a job in
the form keeps its action."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.web.conftest import Service, make_job, service_env, serving

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    home = tmp_path_factory.mktemp("host-jobs-service")
    (home / "exports").mkdir()
    env = service_env(
        home,
        AGENTCRON_COMMANDS=json.dumps({"greet": {"argv": ["/bin/echo", "hello"], "args": True}}),
        AGENTCRON_FILE_ROOTS=json.dumps({"exports": str(home / "exports")}),
    )
    with serving(home, env) as svc:
        yield svc


def test_command_and_file_jobs_on_their_pages_and_in_the_form(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    command = make_job(
        api, name="Greeter", action="command", command={"name": "greet", "args": ["world"]}
    )
    saver = make_job(
        api,
        name="Saver",
        action="file",
        file={"operation": "write", "root": "exports", "path": "a/b.txt", "content": "x"},
    )
    page.goto(f"/#/jobs/{saver['id']}")
    expect(page.locator(".details")).to_contain_text("file write exports:a/b.txt")

    page.goto(f"/#/jobs/{command['id']}")
    expect(page.locator("h1")).to_have_text("Greeter")
    expect(page.locator(".details")).to_contain_text("command greet world")
    page.locator(".page-head button[data-action=trigger]").click()
    run = page.locator("tr.run")
    expect(run).to_have_attribute("data-status", "succeeded")
    run.get_by_role("button", name="Details").click()
    expect(page.locator(".run-detail")).to_contain_text("hello world")

    page.goto(f"/#/jobs/{command['id']}/edit")
    expect(page.locator("#action")).to_have_value("command")
    page.fill("#name", "Greeter, renamed")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Greeter, renamed")
    saved = api.get(f"/jobs/{command['id']}").json()
    assert saved["action"] == "command"
    assert saved["command"] == {"name": "greet", "args": ["world"]}
