"""Health at a glance (a failing job looks failing, in the list and on its page, and the
"failing" filter finds it), the jobs list on a 400 px screen (no sideways scroll, every
job's actions on screen), Back closing a dialog, and the planned-runs heatmap's scale beside
an every-minute job; against the real service in Debian's Chromium."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import (
    VIEWER_ZONE,
    LocalSite,
    Service,
    Watch,
    make_job,
    shot,
    sign_in,
    watched_tab,
)

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


def fail_three_times(page: Any, job: dict[str, Any]) -> None:
    """Run the job three times from its page, each to its end (the page follows it)."""
    page.goto(f"/#/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text(job["name"])
    for n in range(1, 4):
        page.locator(".page-head button[data-action=trigger]").click()
        expect(page.locator("tr.run[data-status=failed]")).to_have_count(n)


def computed(page: Any, selector: str, prop: str) -> str:
    """A computed style read in one go (the list redraws itself: a held element may be gone)."""
    return str(
        page.evaluate(
            "([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)",
            [selector, prop],
        )
    )


def test_a_failing_job_looks_failing_and_the_failing_filter_finds_it(
    signed_in: Any, api: httpx.Client, site: LocalSite
) -> None:
    page = signed_in
    sick = make_job(
        api,
        name="Health: broken fetch",
        action="http",
        http={"url": f"{site.url}/missing"},  # answers 404: every run fails
        schedule={"type": "cron", "expression": "0 4 * * *", "timezone": "UTC"},
    )
    well = make_job(
        api,
        name="Health: fine noop",
        schedule={"type": "cron", "expression": "0 5 * * *", "timezone": "UTC"},
    )
    fail_three_times(page, sick)
    # the job page says the streak, and its state is not a healthy green
    banner = page.locator(".streak-banner")
    expect(banner).to_contain_text("Failing")
    expect(banner).to_contain_text("Its last 3 runs failed in a row.")
    expect(banner.locator(".error-text")).to_contain_text("404")
    expect(page.locator(".page-head .health-badge")).to_have_text("failing")
    expect(page.locator(".details")).to_contain_text("3 (3 failures in a row)")
    shot(page, "job-page-failing")

    page.goto(f"/#/jobs/{well['id']}")
    page.locator(".page-head button[data-action=trigger]").click()
    expect(page.locator("tr.run[data-status=succeeded]")).to_have_count(1)
    expect(page.locator(".streak-banner")).to_have_count(0)

    page.goto("/#/jobs")
    sick_row = page.locator(f"tr[data-job-id='{sick['id']}']")
    well_row = page.locator(f"tr[data-job-id='{well['id']}']")
    expect(sick_row).to_have_attribute("data-health", "failing")
    expect(sick_row.locator(".health.failing")).to_have_text("Failing · 3 failures in a row")
    expect(sick_row.locator(".strip .tick.run-failed")).to_have_count(3)
    expect(sick_row.locator(".strip .tick")).to_have_count(3)
    assert "404" in (sick_row.locator(".strip .tick").last.get_attribute("title") or "")
    expect(well_row).to_have_attribute("data-health", "passing")
    expect(well_row.locator(".health.passing")).to_have_text("Succeeded")
    expect(well_row.locator(".strip .tick.run-succeeded")).to_have_count(1)
    # both are "active", but only the healthy one says so in green
    sick_state = sick_row.locator("td.state .badge")
    well_state = well_row.locator("td.state .badge")
    expect(sick_state).to_have_text("active")
    expect(well_state).to_have_text("active")
    sick_css = f"tr[data-job-id='{sick['id']}']"
    well_css = f"tr[data-job-id='{well['id']}']"
    assert computed(page, f"{sick_css} td.state .badge", "color") != computed(
        page, f"{well_css} td.state .badge", "color"
    )
    assert "inset" in computed(page, f"{sick_css} td", "box-shadow")  # the red edge
    shot(page, "jobs-health", full_page=True)

    # the filter, from the select and from the summary's "N failing"
    rows = page.locator("table.jobs tbody tr")
    page.select_option("select[aria-label='Health']", "failing")
    expect(rows.filter(has_text="Health: broken fetch")).to_have_count(1)
    expect(rows.filter(has_text="Health: fine noop")).to_have_count(0)
    for row in rows.all():
        expect(row).to_have_attribute("data-health", "failing")
    assert "health=failing" in page.url
    page.select_option("select[aria-label='Health']", "passing")
    expect(rows.filter(has_text="Health: fine noop")).to_have_count(1)
    expect(rows.filter(has_text="Health: broken fetch")).to_have_count(0)
    page.select_option("select[aria-label='Health']", "")
    failing_count = page.locator(".summary .failing-count")
    expect(failing_count).to_contain_text("failing")
    failing_count.click()
    expect(page.locator("select[aria-label='Health']")).to_have_value("failing")
    expect(rows.filter(has_text="Health: fine noop")).to_have_count(0)
    # a reload keeps the filter (it is in the URL)
    page.reload()
    expect(page.locator("select[aria-label='Health']")).to_have_value("failing")
    expect(rows.filter(has_text="Health: broken fetch")).to_have_count(1)


def no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


def test_at_400_px_the_jobs_list_is_cards_with_their_actions_on_screen(
    browser: Any, service: Service, watch: Watch, request: pytest.FixtureRequest, api: httpx.Client
) -> None:
    make_job(
        api,
        name="Narrow: a job with a rather long name that has to wrap somewhere sensible",
        schedule={"type": "cron", "expression": "15 6 * * 1-5", "timezone": "Asia/Tokyo"},
        tags=["narrow", "phone"],
    )
    with watched_tab(
        browser, watch, request, base_url=service.url, viewport={"width": 400, "height": 800}
    ) as page:
        sign_in(page, service.key)
        expect(page.locator("h1")).to_have_text("Jobs")
        rows = page.locator("table.jobs tbody tr")
        expect(rows.first).to_be_visible()
        expect(page.locator("table.jobs thead")).to_be_hidden()
        no_sideways_scroll(page)
        shot(page, "jobs-400px", full_page=True)
        for row in rows.all()[:5]:
            row.scroll_into_view_if_needed()
            for action in row.locator(".row-actions button").all():
                expect(action).to_be_visible()
                box = action.bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 400, box
        # the actions work from a card
        card = rows.filter(has_text="Narrow: a job")
        card.locator("button[data-action=trigger]").click()
        expect(page.locator("#notice")).to_contain_text("Started run")
        # a card names its fields (the table's head is hidden)
        expect(card.locator("td.schedule")).to_have_attribute("data-label", "Schedule")
        # read in one go: the list redraws itself (after the run, every 15 s)
        label = page.evaluate(
            "getComputedStyle(document.querySelector('tr.job-row td.schedule'), '::before').content"
        )
        assert label == '"Schedule"'
        # and the other pages fit too
        job_page = f"/#/jobs/{card.get_attribute('data-job-id')}"
        for where, ready in (
            (job_page, "tr.run"),
            ("/#/calendar", ".calendar-body .day"),
            ("/#/heatmap", ".heatmap .cell"),
        ):
            page.goto(where)
            expect(page.locator(ready).first).to_be_visible()
            no_sideways_scroll(page)
            shot(page, "400px-" + where.split("/")[2], full_page=True)


def test_back_closes_a_dialog_and_stays_on_the_page(signed_in: Any, api: httpx.Client) -> None:
    page = signed_in
    job = make_job(api, name="Back: keep me", schedule=None)
    page.goto("/#/jobs")
    page.goto(f"/#/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text("Back: keep me")
    here = page.url

    dialog = page.locator("dialog.confirm")
    page.locator(".page-head button[data-action=delete]").click()
    expect(dialog).to_be_visible()
    page.go_back()
    expect(dialog).to_have_count(0)
    assert page.url == here
    expect(page.locator("h1")).to_have_text("Back: keep me")
    assert api.get(f"/jobs/{job['id']}").status_code == 200  # not deleted

    # closed by Cancel or Escape, it leaves no step behind: Back goes to the page before
    page.locator(".page-head button[data-action=delete]").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    page.locator(".page-head button[data-action=delete]").click()
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.url == here
    page.go_back()
    expect(page.locator("h1")).to_have_text("Jobs")

    # in the list too; and a confirmed delete still goes through
    row = page.locator(f"tr[data-job-id='{job['id']}']")
    row.locator("button[data-action=delete]").click()
    expect(dialog).to_be_visible()
    page.go_back()
    expect(dialog).to_have_count(0)
    expect(page.locator("h1")).to_have_text("Jobs")
    expect(row).to_have_count(1)
    page.goto(f"/#/jobs/{job['id']}")
    page.locator(".page-head button[data-action=delete]").click()
    dialog.get_by_role("button", name="Delete").click()
    expect(page.locator("h1")).to_have_text("Jobs")
    assert page.url.endswith("#/jobs")
    assert api.get(f"/jobs/{job['id']}").status_code == 404


def test_planned_heatmap_shades_by_rank_beside_an_every_minute_job(
    page: Any, service: Service
) -> None:
    sign_in(page, service.other_key)
    berlin = ZoneInfo(VIEWER_ZONE)
    with service.client(service.other_key) as api:
        made_jobs = [
            make_job(
                api,
                name="Heat every minute",
                schedule={"type": "cron", "expression": "* * * * *", "timezone": "UTC"},
            ),
            make_job(
                api,
                name="Heat daily 03:17",
                schedule={"type": "cron", "expression": "17 3 * * *", "timezone": VIEWER_ZONE},
            ),
        ]
    try:
        check_rank_scale(page, berlin)
    finally:  # this owner's calendar belongs to another test too: leave it as it was
        with service.client(service.other_key) as api:
            for made in made_jobs:
                assert api.delete(f"/jobs/{made['id']}", params={"hard": "true"}).status_code == 200


def check_rank_scale(page: Any, berlin: ZoneInfo) -> None:
    page.goto("/#/heatmap?source=scheduled")
    expect(page.locator(".heatmap .cell")).to_have_count(168)
    # a weekday other than today's: its hours are whole in the next 7 days
    day = (datetime.now(berlin) + timedelta(days=2)).weekday()
    busy = page.locator(f".heatmap .cell[data-day='{day}'][data-hour='3']")
    quiet = page.locator(f".heatmap .cell[data-day='{day}'][data-hour='4']")
    expect(busy).to_have_class("cell some")
    value = int(quiet.get_attribute("data-value") or 0)
    assert value >= 60
    expect(busy).to_have_attribute("data-value", str(value + 1))

    def level(cell: Any) -> float:
        return float(cell.evaluate("el => getComputedStyle(el).getPropertyValue('--level')"))

    # one more run in an hour of 60 shows; the background is not uniformly dark
    assert level(quiet) < 1.0
    assert level(busy) > level(quiet)
    keys = page.locator(".legend .key")
    expect(keys.first).to_have_text("0")
    assert keys.count() >= 3
    expect(page.locator(".legend")).to_contain_text(str(value + 1))
    shot(page, "heatmap-rank-scale")


def test_leaving_a_job_page_while_it_refreshes_leaves_no_uncaught_error(
    signed_in: Any, api: httpx.Client
) -> None:
    """A run appears, the job page refreshes the job's counters without waiting for them, and
    the viewer moves on before the answer comes: the refresh is cut short (an AbortError), which
    is no error — the page's `watch` fails the test on any uncaught one (it did, under load, in
    CI: "signal is aborted without reason")."""
    page = signed_in
    job = make_job(
        api,
        name="Refresh: left mid-way",
        schedule={"type": "cron", "expression": "0 5 * * *", "timezone": "UTC"},
    )
    page.goto(f"/#/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text(job["name"])
    held: list[Any] = []
    # the job itself (not its runs, nor its stats): held unanswered until the page leaves
    page.route(f"**/api/scheduler/jobs/{job['id']}", lambda route: held.append(route))
    assert api.post(f"/jobs/{job['id']}/trigger").status_code in (200, 201, 202)
    with page.expect_request(lambda request: request.url.endswith(f"/jobs/{job['id']}")):
        pass  # the poller sees the new run and asks for the job again
    page.goto("/#/jobs")
    expect(page.locator("h1")).to_have_text("Jobs")
    assert held, "the job page did not refresh the job after its run appeared"
