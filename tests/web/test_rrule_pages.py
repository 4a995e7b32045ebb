"""rrule schedules in the dashboard: typed in the schedule box with the start they count from,
saved, shown on the job's page, kept when the job is edited, and planned in the calendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import VIEWER_ZONE, Service, make_job, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

RULE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0"
START = "2026-12-08T15:00:00"


def test_an_rrule_typed_in_the_schedule_box_is_previewed_saved_and_kept(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    page.click("a.button:has-text('New job')")
    result = page.locator("#schedule-result")
    start = page.locator("#schedule-start")
    expect(start).to_be_hidden()  # words and cron have no DTSTART

    page.fill("#schedule-zone", "America/Chicago")
    page.locator("#schedule-text").press_sequentially(RULE, delay=5)
    expect(start).to_be_visible()
    start.fill(START)
    start.dispatch_event("change")
    expected = api.get(
        "/validate",
        params={"type": "rrule", "value": RULE, "timezone": "America/Chicago", "start_at": START},
    ).json()
    expect(result.locator(".human")).to_have_text(expected["human_readable"])
    expect(result).to_have_class("schedule-result ok")
    expect(result.locator(".cron")).to_have_text(RULE)
    expect(result.locator(".method")).to_have_text("rrule")
    runs = result.locator(".next-runs li")
    expect(runs).to_have_count(5)
    for item, instant in zip(runs.all(), expected["next_runs"], strict=True):
        expect(item.locator("time")).to_have_attribute("datetime", instant)
        expect(item).to_contain_text("15:00 in Chicago")  # the wall clock, either side of DST
    shot(page, "schedule-box-rrule")

    page.locator("#schedule-text").fill("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    expect(result).to_have_class("schedule-result error")
    expect(result.locator(".reason")).to_have_text("value: never fires: February has no day 30")

    page.locator("#schedule-text").fill(RULE)
    expect(result).to_have_class("schedule-result ok")
    page.fill("#name", "Biweekly review")
    page.select_option("#action", "noop")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Biweekly review")
    job = api.get("/jobs", params={"q": "Biweekly review"}).json()["jobs"][0]
    assert job["schedule"] == {
        "type": "rrule",
        "rule": RULE,
        "timezone": "America/Chicago",
        "start_at": "2026-12-08T15:00:00-06:00",
    }

    # the job's page: the schedule in words, the rule, where it starts, the next runs
    details = page.locator("dl.details, .card").first
    expect(details).to_contain_text(job["schedule_description"])
    expect(details).to_contain_text(f"{RULE} · America/Chicago")
    expect(details).to_contain_text("Rule starts")
    upcoming = page.locator("ol.upcoming li, .upcoming li")
    expect(upcoming.first).to_be_visible()
    shot(page, "job-rrule")

    # editing other fields keeps the schedule, anchor included (tests/web/test_job_form.py
    # covers the edit form in full)
    page.click("a:has-text('Edit')")
    expect(page.locator("#sched-rule")).to_have_value(RULE)
    expect(page.locator("#sched-start")).to_have_value("2026-12-08T15:00:00-06:00")
    page.fill("#tags", "biweekly")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Biweekly review")
    after = api.get(f"/jobs/{job['id']}").json()
    assert after["schedule"] == job["schedule"] and after["tags"] == ["biweekly"]

    # a rule typed in the replace box keeps the start shown beside it
    page.click("a:has-text('Edit')")
    page.click("details.replace-schedule > summary")
    page.locator("#schedule-text").fill(RULE.replace("INTERVAL=2", "INTERVAL=3"))
    start.fill(START)
    start.dispatch_event("change")
    expect(result.locator(".human")).to_contain_text("Every 3 weeks on Tuesday at 3:00 PM")
    page.get_by_role("button", name="Use this schedule").click()
    expect(page.locator("#sched-rule")).to_have_value(RULE.replace("INTERVAL=2", "INTERVAL=3"))
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Biweekly review")
    changed = api.get(f"/jobs/{job['id']}").json()["schedule"]
    assert changed["rule"] == RULE.replace("INTERVAL=2", "INTERVAL=3")
    assert changed["start_at"] == "2026-12-08T15:00:00-06:00"


def test_the_calendar_plans_an_rrule_job(page: Any, service: Service) -> None:
    # the calendar's owner (see test_planning_pages): the main key's frequent jobs would fill
    # the calendar's 10,000 events before this one
    sign_in(page, service.other_key)
    berlin = ZoneInfo(VIEWER_ZONE)
    tomorrow = datetime.now(berlin).date() + timedelta(days=1)
    with service.client(service.other_key) as api:
        job = make_job(
            api,
            name="Calendar rrule",
            schedule={
                "type": "rrule",
                "rule": "FREQ=DAILY;BYHOUR=6;BYMINUTE=15",
                "timezone": VIEWER_ZONE,
                "start_at": f"{tomorrow.isoformat()}T00:00:00",
            },
        )
    page.click("#nav a[data-section=calendar]")
    expect(page.locator(".day")).to_have_count(7)  # the week is drawn: count() can be trusted
    day = page.locator(f".day[data-date='{tomorrow.isoformat()}']")
    if not day.count():  # today is Sunday: tomorrow is in next week
        page.get_by_role("button", name="Next").click()
    event = day.locator(f".event[data-job-id='{job['id']}']")
    expect(event).to_have_text("06:15 Calendar rrule")
    shot(page, "calendar-rrule")
