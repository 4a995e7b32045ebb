"""The job page: run now and watch the run succeed, its output, stats, cancel, pause."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.web.conftest import LocalSite, make_job, shot

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

DAILY = {"type": "cron", "expression": "15 6 * * *", "timezone": "Asia/Tokyo"}


def test_run_now_shows_the_run_appear_and_succeed_then_pause(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    job = make_job(api, name="Nightly noop", schedule=DAILY, tags=["ops"])
    page.goto(f"/#/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text("Nightly noop")
    expect(page.locator(".runs")).to_contain_text("No runs yet")
    expect(page.locator(".upcoming li")).to_have_count(10)
    # the job's zone beside the viewer's time
    expect(page.locator(".upcoming li").first).to_contain_text("06:15 Tokyo")

    page.locator(".page-head button[data-action=trigger]").click()
    run = page.locator("tr.run")
    expect(run).to_have_count(1)
    expect(run).to_have_attribute("data-status", "succeeded")
    expect(run.locator("td").nth(1)).to_have_text("manual")
    expect(run.locator("td.num")).not_to_have_text("—")
    run.get_by_role("button", name="Details").click()
    expect(page.locator(".run-detail")).to_contain_text("No output.")
    expect(page.locator(".run-detail")).to_contain_text("Nothing to deliver.")
    expect(page.locator(".stat").filter(has_text="Success rate")).to_contain_text("100%")
    expect(page.locator(".chart-block")).to_have_count(2)
    expect(page.locator(".details")).to_contain_text("Runs1")
    shot(page, "job-page")

    page.locator(".page-head button[data-action=pause]").click()
    expect(page.locator(".page-head .badge")).to_have_text("paused")
    expect(page.locator(".upcoming")).to_contain_text("Paused: these are the times")
    assert api.get(f"/jobs/{job['id']}").json()["status"] == "paused"


def test_http_output_renders_as_markdown_and_a_running_run_can_be_cancelled(
    signed_in: Any, api: httpx.Client, site: LocalSite
) -> None:
    page = signed_in
    site.pages["/report"] = "all 3 checks passed"
    report = make_job(api, name="Fetch report", action="http", http={"url": f"{site.url}/report"})
    page.goto(f"/#/jobs/{report['id']}")
    page.locator(".page-head button[data-action=trigger]").click()
    expect(page.locator("tr.run")).to_have_attribute("data-status", "succeeded")
    page.locator("tr.run").get_by_role("button", name="Details").click()
    output = page.locator(".run-detail .markdown")
    expect(output.locator("strong").first).to_have_text("GET")  # **GET** from the summary
    expect(output.locator("pre code")).to_have_text("all 3 checks passed")

    slow = make_job(
        api,
        name="Slow call",
        action="http",
        http={"url": f"{site.url}/hang"},
        timeout_seconds=120,
    )
    page.goto(f"/#/jobs/{slow['id']}")
    expect(page.locator("h1")).to_have_text("Slow call")
    page.locator(".page-head button[data-action=trigger]").click()
    assert site.hanging.wait(30), "the run never reached the local server"
    run = page.locator("tr.run")
    expect(run).to_have_attribute("data-status", "running")
    run.locator("button[data-action=cancel]").click()
    expect(run).to_have_attribute("data-status", "cancelled")
    expect(run.locator("button[data-action=cancel]")).to_have_count(0)
    shot(page, "job-page-cancelled")
