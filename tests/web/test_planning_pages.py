"""The calendar (week and month), the heatmap with its suggestions, and chains, against the
real service; and the "not available" message a page shows when a server lacks an endpoint
(an older build), simulated by the browser's own request routing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import VIEWER_ZONE, Service, make_job, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


def test_calendar_counts_an_every_minute_job_among_others_by_week_and_by_month(
    page: Any, service: Service
) -> None:
    # an owner of its own, with a few other tests' jobs: the every-minute job may push none out
    sign_in(page, service.other_key)
    berlin = ZoneInfo(VIEWER_ZONE)
    with service.client(service.other_key) as api:
        job = make_job(
            api,
            name="Calendar daily",
            schedule={"type": "cron", "expression": "45 7 * * *", "timezone": "America/New_York"},
        )
        frequent = make_job(
            api,
            name="Calendar frequent",
            schedule={"type": "cron", "expression": "*/30 * * * *", "timezone": VIEWER_ZONE},
        )
        minute = make_job(
            api,
            name="Calendar every minute",
            schedule={"type": "cron", "expression": "* * * * *", "timezone": "UTC"},
        )
        seconds = make_job(
            api, name="Calendar every 45 s", schedule={"type": "every", "interval": 45}
        )
        made = datetime.now(berlin)
    page.click("#nav a[data-section=calendar]")
    expect(page.locator(".calendar-body.week .day")).to_have_count(7)
    expect(page.locator(".calendar-note")).not_to_contain_text("shows them all")
    expect(page.locator(".calendar-note .warning")).to_have_count(0)

    tomorrow = made.date() + timedelta(days=1)
    day = page.locator(f".day[data-date='{tomorrow.isoformat()}']")
    if not day.count():  # today is Sunday: tomorrow is in next week
        page.get_by_role("button", name="Next").click()
        expect(day).to_have_count(1)
    fire = datetime.combine(tomorrow, time(7, 45), tzinfo=ZoneInfo("America/New_York"))
    fire = fire.astimezone(berlin)
    daily = day.locator(f".event[data-job-id='{job['id']}']")
    expect(daily).to_have_text(f"{fire:%H:%M} Calendar daily")
    expect(daily).to_have_attribute("title", re.compile(r"07:45 \(America/New_York\)"))
    # a Berlin day has 24 hours (23 or 25 when the clocks change): counted, never listed
    midnight = datetime.combine(tomorrow, time(0), tzinfo=berlin)
    next_midnight = datetime.combine(tomorrow + timedelta(days=1), time(0), tzinfo=berlin)
    seconds_in_day = (next_midnight.astimezone(UTC) - midnight.astimezone(UTC)).total_seconds()
    for made_job, every in ((frequent, 1800), (minute, 60), (seconds, 45)):
        chip = day.locator(f".event[data-job-id='{made_job['id']}']")
        expect(chip).to_have_attribute("data-count", str(int(seconds_in_day // every)))
        expect(chip.locator(".hour-strip .hour-cell.some")).to_have_count(
            int(seconds_in_day // 3600)
        )
    expect(day.locator(f".event[data-job-id='{frequent['id']}']")).to_have_text(
        f"Calendar frequent×{int(seconds_in_day // 1800)}"
    )
    expect(day.locator(f".event[data-job-id='{minute['id']}'] .count")).to_have_text(
        f"×{int(seconds_in_day // 60):,}"
    )
    # nothing planned before the jobs were made
    yesterday = page.locator(f".day[data-date='{(made.date() - timedelta(days=1)).isoformat()}']")
    if yesterday.count():
        expect(yesterday.locator(f".event[data-job-id='{minute['id']}']")).to_have_count(0)
    shot(page, "calendar-week")

    page.get_by_role("button", name="Today").click()
    page.get_by_role("button", name="Month").click()
    expect(page.locator(".calendar-body.month .day")).to_have_count(42)
    expect(page.locator(".calendar-title")).to_contain_text(str(made.year))
    assert "view=month" in page.url
    expect(page.locator(".calendar-note .warning")).to_have_count(0)
    # a month's cell names the runs at a time of day first, then the busiest
    last = page.locator(".calendar-body.month .day").last
    expect(last.locator(".event").first).to_contain_text(f"{fire:%H:%M} ")
    # four jobs in a cell of three lines: the one left out is named on hover
    expect(last.locator(".more")).to_have_text("+1 more")
    expect(last.locator(".more")).to_have_attribute("title", re.compile(r"^Also: Calendar .+ ×"))
    shot(page, "calendar-month")
    # the every-minute job runs to the last day shown, not to wherever a cap fell
    end = last.get_attribute("data-date")
    last.locator(".day-head").click()
    expect(page.locator(".calendar-body.week")).to_be_visible()
    chip = page.locator(f".day[data-date='{end}'] .event[data-job-id='{minute['id']}']")
    expect(chip).to_have_attribute("data-count", re.compile(r"^14[0-9]0$"))


NOT_FOUND = {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Not Found"}


def test_heatmap_shows_planned_runs_and_suggestions_that_start_a_job(
    page: Any, service: Service
) -> None:
    sign_in(page, service.planner_key)
    with service.client(service.planner_key) as api:
        make_job(
            api,
            name="Monday standup digest",
            schedule={"type": "cron", "expression": "0 9 * * 1", "timezone": "America/New_York"},
        )
        suggestions = api.get("/smart/suggestions", params={"timezone": VIEWER_ZONE}).json()
    # over the next 7 days the job fires once: on Monday 09:00 New York, in Berlin's terms
    fire = datetime.now(ZoneInfo("America/New_York"))
    fire += timedelta(days=(7 - fire.weekday()) % 7)
    fire = fire.replace(hour=9, minute=0, second=0, microsecond=0)
    if fire <= datetime.now(ZoneInfo("America/New_York")):
        fire += timedelta(days=7)
    here = fire.astimezone(ZoneInfo(VIEWER_ZONE))

    page.click("#nav a[data-section=heatmap]")
    expect(page.locator(".heatmap .cell")).to_have_count(168)
    page.select_option("select[aria-label='What to count']", "scheduled")
    cell = page.locator(f".heatmap .cell[data-day='{here.weekday()}'][data-hour='{here.hour}']")
    expect(cell).to_have_attribute("data-value", "1")
    expect(page.locator(".heatmap .cell.some")).to_have_count(1)
    assert cell.evaluate("el => getComputedStyle(el).getPropertyValue('--level')") == "1.000"
    expect(page.locator(".heatmap-box + .muted, .heatmap-box ~ p")).to_contain_text("Planned runs")
    assert "source=scheduled" in page.url

    cards = page.locator(".suggestion")
    expect(cards).to_have_count(len(suggestions["suggestions"]))
    first = suggestions["suggestions"][0]
    expect(cards.first).to_contain_text(first["time"])
    expect(cards.first).to_contain_text(first["reason"])
    if suggestions["default"]:
        expect(page.locator(".suggestions .defaults")).to_contain_text("sensible defaults")
    shot(page, "heatmap")

    cards.first.get_by_role("link", name="Create a job at this time").click()
    expect(page.locator("#schedule-text")).to_have_value(first["schedule"]["expression"])
    expect(page.locator("#schedule-result .cron")).to_have_text(first["schedule"]["expression"])
    expect(page.locator("#schedule-result .zone")).to_have_text(first["schedule"]["timezone"])


def test_pages_say_so_when_the_server_lacks_an_endpoint(signed_in: Any) -> None:
    page = signed_in
    for path in ("smart/heatmap", "smart/suggestions", "chains"):
        page.route(f"**/api/scheduler/{path}*", lambda r: r.fulfill(status=404, json=NOT_FOUND))
    page.click("#nav a[data-section=heatmap]")
    expect(page.locator(".heatmap-box .unavailable")).to_contain_text(
        "The heatmap is not available on this server."
    )
    expect(page.locator(".suggestions .unavailable")).to_contain_text("Suggestions are")
    shot(page, "heatmap-not-available")
    page.click("#nav a[data-section=chains]")
    # the heatmap page's notices go as the chains page arrives: wait for the new one itself
    expect(page.locator(".unavailable", has_text="Chains are not available")).to_be_visible()
    expect(page.locator(".unavailable")).to_have_count(1)


def test_chain_is_drawn_as_a_graph_and_its_run_colours_the_nodes(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    fetch, transform, store = (
        make_job(api, name=name)["id"] for name in ("Fetch prices", "Transform", "Store")
    )
    created = api.post(
        "/chains",
        json={
            "name": "Data pipeline",
            "jobs": [fetch, transform, store],
            "edges": [
                {"from": fetch, "to": transform, "type": "on_success"},
                {"from": transform, "to": store, "type": "on_success"},
                {"from": fetch, "to": store, "type": "on_failure"},
            ],
        },
    )
    assert created.status_code == 201, created.text
    chain_id = created.json()["id"]

    page.click("#nav a[data-section=chains]")
    page.get_by_role("link", name="Data pipeline").click()
    graph = page.locator("svg.chain-graph")
    expect(graph.locator(".node")).to_have_count(3)
    expect(graph.locator(".edge")).to_have_count(3)
    node = graph.locator(f".node[data-job-id='{store}']")
    expect(node.locator(".name")).to_have_text("Store")
    expect(node).to_have_attribute("data-status", "none")
    expect(graph.locator(f".edge[data-from='{fetch}'][data-to='{store}']")).to_have_class(
        "edge on_failure"
    )
    # left to right: each job sits right of the jobs it waits for
    xs = [
        float(graph.locator(f".node[data-job-id='{j}'] rect").get_attribute("x") or "nan")
        for j in (fetch, transform, store)
    ]
    assert xs == sorted(xs) and len(set(xs)) == 3

    page.get_by_role("button", name="Run chain now").click()
    for job in (fetch, transform, store):
        expect(graph.locator(f".node[data-job-id='{job}']")).to_have_attribute(
            "data-status", "succeeded"
        )
    expect(page.locator(".chain-runs tbody tr")).to_have_count(1)
    expect(page.locator(".chain-runs .badge")).to_have_text("succeeded")
    shot(page, "chain")
    runs = api.get(f"/chains/{chain_id}").json()["runs"]
    assert [r["nodes"][store]["status"] for r in runs] == ["succeeded"]
