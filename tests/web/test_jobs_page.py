"""Signing in, and the jobs list: filters, search, sort, paging parameters and row actions."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import Service, make_job, shot

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


def test_a_refused_key_is_said_so_and_a_good_one_opens_the_jobs(
    page: Any, service: Service
) -> None:
    page.goto("/")
    page.fill("#api-key", "ac_not_a_real_key")
    page.click("form.login button[type=submit]")
    expect(page.locator("form.login .field-error")).to_have_text("That key was not accepted.")
    expect(page.locator("#nav")).to_be_hidden()

    page.fill("#api-key", service.key)
    page.click("form.login button[type=submit]")
    expect(page.locator("h1")).to_have_text("Jobs")
    expect(page.locator("#engine")).to_contain_text("running")
    assert page.evaluate("sessionStorage.getItem('agentcron.apiKey')") == service.key
    assert page.evaluate("localStorage.length") == 0

    page.click("#sign-out")
    expect(page.locator("form.login")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('agentcron.apiKey')") is None


def test_jobs_list_filters_sorts_and_acts_on_rows(signed_in: Any, api: httpx.Client) -> None:
    page = signed_in
    berlin = {"type": "cron", "expression": "30 7 * * 1-5", "timezone": "Europe/Berlin"}
    pacific = {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/Los_Angeles"}
    make_job(api, name="Zeta morning digest", schedule=berlin, tags=["lists", "digest"])
    make_job(api, name="Alpha price check", schedule={"type": "every", "interval": 3600})
    beta = make_job(api, name="Beta west coast report", schedule=pacific, tags=["lists"])
    page.reload()

    rows = page.locator("table.jobs tbody tr")
    expect(rows.filter(has_text="Beta west coast report")).to_have_count(1)
    beta_row = rows.filter(has_text="Beta west coast report")
    expect(beta_row.locator("td.schedule")).to_contain_text("09:00 AM")
    # the next run in the viewer's zone, the job's own wall clock on hover
    next_run = datetime.fromisoformat(beta["next_run_at"])
    berlin_time = next_run.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M")
    expect(beta_row.locator("time").first).to_contain_text(berlin_time)
    expect(beta_row.locator("time").first).to_have_attribute(
        "title", re.compile(r"09:00 \(America/Los_Angeles\)\nyour time: Europe/Berlin")
    )
    shot(page, "jobs-page")

    page.select_option("select[aria-label='Sort by']", "name")
    page.click("button[title='Reverse the order']")
    page.fill("input[aria-label='Tag']", "lists")
    expect(rows).to_have_count(2)
    expect(rows.locator(".job-link")).to_have_text(
        ["Beta west coast report", "Zeta morning digest"]
    )
    assert "tag=lists" in page.url and "sort=name" in page.url and "order=asc" in page.url
    page.fill("input[type=search]", "coast")
    expect(rows).to_have_count(1)
    page.fill("input[type=search]", "")
    expect(rows).to_have_count(2)

    beta_row = rows.filter(has_text="Beta west coast report")
    beta_row.locator("button[data-action=pause]").click()
    expect(beta_row.locator(".badge")).to_have_text("paused")
    assert api.get(f"/jobs/{beta['id']}").json()["status"] == "paused"
    page.select_option("select[aria-label='Status']", "paused")
    expect(rows).to_have_count(1)
    beta_row.locator("button[data-action=resume]").click()
    expect(page.locator(".empty")).to_have_text("No job matches these filters.")
    assert api.get(f"/jobs/{beta['id']}").json()["status"] == "active"
    page.select_option("select[aria-label='Status']", "")
    expect(rows).to_have_count(2)

    beta_row.locator("button[data-action=delete]").click()
    dialog = page.locator("dialog.confirm")
    expect(dialog).to_contain_text("Delete “Beta west coast report”?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(rows).to_have_count(2)
    beta_row.locator("button[data-action=delete]").click()
    dialog.get_by_role("button", name="Delete").click()
    expect(rows).to_have_count(1)
    assert api.get(f"/jobs/{beta['id']}").status_code == 404
