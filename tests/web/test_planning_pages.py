"""The calendar (week and month), the heatmap with its suggestions, and chains.

The heatmap, suggestions and chains come from issue 8's endpoints. Each test first uses the
real service: a clear "not available" while it answers 404, the drawing once it answers.
Then it serves the contract shape through the browser's own request routing, so the
drawing is checked today too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import VIEWER_ZONE, Service, make_job, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


def test_calendar_shows_planned_runs_by_week_and_by_month(page: Any, service: Service) -> None:
    # an owner of its own: other tests leave on-demand jobs behind (see the xfail below)
    sign_in(page, service.other_key)
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
    page.click("#nav a[data-section=calendar]")
    expect(page.locator(".calendar-body.week .day")).to_have_count(7)

    berlin = ZoneInfo(VIEWER_ZONE)
    tomorrow = datetime.now(berlin).date() + timedelta(days=1)
    day = page.locator(f".day[data-date='{tomorrow.isoformat()}']")
    if not day.count():  # today is Sunday: tomorrow is in next week
        page.get_by_role("button", name="Next").click()
        expect(day).to_have_count(1)
    fire = datetime.combine(tomorrow, time(7, 45), tzinfo=ZoneInfo("America/New_York"))
    fire = fire.astimezone(berlin)
    daily = day.locator(f".event[data-job-id='{job['id']}']")
    expect(daily).to_have_text(f"{fire:%H:%M} Calendar daily")
    expect(daily).to_have_attribute("title", re.compile(r"07:45 \(America/New_York\)"))
    # every half hour: 48 runs a day (46 or 50 across a DST change) fold into one line
    midnight = datetime.combine(tomorrow, time(0), tzinfo=berlin)
    next_midnight = datetime.combine(tomorrow + timedelta(days=1), time(0), tzinfo=berlin)
    count = int((next_midnight - midnight).total_seconds() // 1800)
    expect(day.locator(f".event[data-job-id='{frequent['id']}']")).to_have_text(
        f"00:00 Calendar frequent×{count}"
    )
    shot(page, "calendar-week")

    page.get_by_role("button", name="Month").click()
    expect(page.locator(".calendar-body.month .day")).to_have_count(42)
    first = date.today().replace(day=1)
    expect(page.locator(".calendar-title")).to_contain_text(str(first.year))
    assert "view=month" in page.url
    expect(page.locator(".calendar-body.month .event").first).to_be_visible()
    shot(page, "calendar-month")


@pytest.mark.xfail(
    reason="calendar-data answers 500 once an active job has no schedule: the JSON column "
    "stores None as JSON null, which passes active_with_schedules' IS NOT NULL filter "
    "(app/storage): remove this marker once it is fixed",
    strict=False,  # the fix lands in another module; an XPASS shows in the summary
)
def test_calendar_with_an_on_demand_job(signed_in: Any, api: httpx.Client) -> None:
    make_job(api, name="Only when triggered", schedule=None)
    signed_in.click("#nav a[data-section=calendar]")
    expect(signed_in.locator(".calendar-body.week .day")).to_have_count(7, timeout=3_000)


def _heatmap(source: str) -> dict[str, Any]:
    """Issue 8's shape: a 24×7 grid in the caller's zone with day and hour labels."""
    grid = [[0] * 24 for _ in range(7)]
    grid[0][9] = 12  # Monday 09:00 is the busiest hour
    grid[2][14] = 3
    return {
        "source": source,
        "timezone": VIEWER_ZONE,
        "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "hours": list(range(24)),
        "grid": grid,
        "window": {"start": "2026-10-01T00:00:00+02:00", "end": "2026-11-01T00:00:00+01:00"},
    }


SUGGESTIONS = {
    "timezone": VIEWER_ZONE,
    "suggestions": [
        {
            "time": "08:55",
            "days": "Mon-Fri",
            "reason": "5 min before typical start",
            "schedule": "55 8 * * 1-5",
            "based_on": "41 active days",
        },
        {
            "time": "08:57",
            "days": "Mon-Fri",
            "reason": "09:00 already has 140 runs; 08:57 has 2",
            "schedule": "57 8 * * 1-5",
        },
    ],
}


def test_heatmap_draws_the_grid_and_suggestions_or_says_it_is_not_available(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    page.click("#nav a[data-section=heatmap]")
    if api.get("/smart/heatmap").status_code == 404:
        expect(page.locator(".heatmap-box .unavailable")).to_contain_text(
            "The heatmap is not available on this server."
        )
        expect(page.locator(".suggestions .unavailable")).to_contain_text("Suggestions are")
        shot(page, "heatmap-not-available")
    else:
        expect(page.locator(".heatmap .cell")).to_have_count(168)

    seen: list[str] = []

    def heatmap(route: Any) -> None:
        seen.append(route.request.url)
        source = "runs" if "source=runs" in route.request.url else "activity"
        route.fulfill(json=_heatmap(source))

    page.route("**/api/scheduler/smart/heatmap?*", heatmap)
    page.route("**/api/scheduler/smart/suggestions?*", lambda r: r.fulfill(json=SUGGESTIONS))
    page.reload()
    cells = page.locator(".heatmap .cell")
    expect(cells).to_have_count(168)
    busiest = page.locator(".heatmap .cell[data-day='0'][data-hour='9']")
    expect(busiest).to_have_attribute("title", "Mon 09:00–10:00 · 12 actions")
    assert busiest.evaluate("el => getComputedStyle(el).getPropertyValue('--level')") == "1.000"
    expect(page.locator(".heatmap .cell.some")).to_have_count(2)
    assert "timezone=Europe%2FBerlin" in seen[-1]
    suggestion = page.locator(".suggestion").first
    expect(suggestion).to_contain_text("08:55")
    expect(suggestion).to_contain_text("5 min before typical start")
    expect(suggestion).to_contain_text("Based on 41 active days")
    shot(page, "heatmap")

    page.select_option("select[aria-label='What to count']", "runs")
    expect(page.locator(".heatmap .cell[data-day='0'][data-hour='9']")).to_have_attribute(
        "title", "Mon 09:00–10:00 · 12 runs"
    )
    assert "source=runs" in seen[-1]

    suggestion.get_by_role("link", name="Create a job at this time").click()
    expect(page.locator("#schedule-text")).to_have_value("55 8 * * 1-5")
    expect(page.locator("#schedule-result .cron")).to_have_text("55 8 * * 1-5")
    expect(page.locator("#schedule-result .zone")).to_have_text(VIEWER_ZONE)


def test_chain_is_drawn_as_a_graph_with_each_node_status(signed_in: Any, api: httpx.Client) -> None:
    page = signed_in
    page.click("#nav a[data-section=chains]")
    if api.get("/chains").status_code == 404:
        expect(page.locator(".unavailable")).to_contain_text("Chains are not available")
    else:
        expect(page.locator("h1")).to_have_text("Chains")

    fetch, transform, store = (
        make_job(api, name=name)["id"] for name in ("Fetch prices", "Transform", "Store")
    )
    chain = {
        "id": "chn_test",
        "name": "Data pipeline",
        "jobs": [fetch, transform, store],
        "edges": [
            {"from": fetch, "to": transform, "type": "on_success"},
            {"from": transform, "to": store, "type": "on_success"},
            {"from": fetch, "to": store, "type": "on_failure"},
        ],
        "created_at": "2026-11-20T10:00:00Z",
        "runs": [
            {
                "id": "crun_2",
                "status": "failed",
                "started_at": "2026-11-21T10:00:00Z",
                "nodes": {fetch: "succeeded", transform: "failed", store: "skipped"},
            },
            {
                "id": "crun_1",
                "status": "succeeded",
                "started_at": "2026-11-20T10:00:00Z",
                "nodes": {fetch: "succeeded", transform: "succeeded", store: "succeeded"},
            },
        ],
    }
    page.route("**/api/scheduler/chains", lambda r: r.fulfill(json={"chains": [chain]}))
    page.route("**/api/scheduler/chains/chn_test", lambda r: r.fulfill(json=chain))
    page.reload()
    page.get_by_role("link", name="Data pipeline").click()
    graph = page.locator("svg.chain-graph")
    expect(graph.locator(".node")).to_have_count(3)
    expect(graph.locator(".edge")).to_have_count(3)
    node = graph.locator(f".node[data-job-id='{transform}']")
    expect(node.locator(".name")).to_have_text("Transform")  # the name, fetched from /jobs
    expect(node).to_have_attribute("data-status", "failed")  # the latest chain run
    expect(graph.locator(f".edge[data-from='{fetch}'][data-to='{store}']")).to_have_class(
        "edge on_failure"
    )
    # left to right: each job sits right of the jobs it waits for
    xs = [
        graph.locator(f".node[data-job-id='{j}'] rect").get_attribute("x")
        for j in (fetch, transform, store)
    ]
    assert [float(x or 0) for x in xs] == sorted(float(x or 0) for x in xs)
    assert len(set(xs)) == 3
    shot(page, "chain")

    page.locator(".chain-runs tr").filter(has_text="crun_1").get_by_role("button").click()
    expect(node).to_have_attribute("data-status", "succeeded")
