"""The create form and its schedule box: live understanding as you type, errors inline."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.web.conftest import VIEWER_ZONE, shot

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

PHRASE = "every weekday at 9am Pacific"


def test_schedule_box_shows_what_it_understood_and_the_form_creates_the_job(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    page.click("a.button:has-text('New job')")
    expect(page.locator("h1")).to_have_text("New job")
    result = page.locator("#schedule-result")
    box = page.locator("#schedule-text")

    box.press_sequentially(PHRASE, delay=15)
    expect(result).to_have_class("schedule-result ok")
    parsed = api.post("/parse-nl", json={"text": PHRASE, "timezone": VIEWER_ZONE}).json()
    expect(result.locator(".human")).to_have_text(parsed["human_readable"])
    expect(result.locator(".zone")).to_have_text("America/Los_Angeles")
    expect(result.locator(".cron")).to_have_text(parsed["schedule"]["expression"])
    expect(result.locator(".confidence")).to_have_text(f"{round(parsed['confidence'] * 100)}%")
    expect(result.locator(".method")).to_have_text(parsed["parse_method"])
    # the next five runs, each shown on the viewer's clock with the job's beside it
    runs = result.locator(".next-runs li")
    expect(runs).to_have_count(5)
    for item, instant in zip(runs.all(), parsed["next_runs"], strict=True):
        expect(item.locator("time")).to_have_attribute("datetime", instant)
        here = datetime.fromisoformat(instant).astimezone(ZoneInfo(VIEWER_ZONE))
        expect(item).to_contain_text(here.strftime("%H:%M"))
        expect(item).to_contain_text("09:00 in Los Angeles")
    page.fill("#name", "Standup notes")
    shot(page, "schedule-box")

    box.fill("every blursday at noonish")
    expect(result).to_have_class("schedule-result error")
    expect(result.locator(".reason")).to_have_text("could not find a schedule in the text")
    expect(result.locator(".suggestion")).to_contain_text("every weekday at 9am")
    shot(page, "schedule-box-error")

    box.fill("0 9 * * 1-8")
    expect(result.locator(".reason")).to_contain_text("day-of-week")

    # saving with a refused schedule is stopped before the request
    page.click("button[type=submit]")
    expect(page.locator(".schedule-field > .field-error")).to_contain_text("Fix the schedule")

    box.fill(PHRASE)
    expect(result).to_have_class("schedule-result ok")
    page.select_option("#action", "noop")
    page.fill("#tags", "team, daily")
    page.fill("#condition", "items >")
    page.click("button[type=submit]")
    condition = page.locator(".field[data-field=condition]")
    expect(condition).to_have_class("field invalid")
    expect(condition.locator(".field-error")).to_contain_text("syntax error")
    expect(page.locator("h1")).to_have_text("New job")  # nothing was created
    assert not api.get("/jobs", params={"q": "Standup notes"}).json()["jobs"]
    shot(page, "form-condition-error")

    page.fill("#condition", "items > 0")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Standup notes")
    jobs = api.get("/jobs", params={"q": "Standup notes"}).json()["jobs"]
    assert len(jobs) == 1
    job = jobs[0]
    assert job["schedule"] == parsed["schedule"]
    assert job["action"] == "noop"
    assert job["tags"] == ["team", "daily"]
    assert job["condition"]["expression"] == "items > 0"
    expect(page.locator(".details")).to_contain_text(parsed["human_readable"])
    expect(page.locator(".upcoming li")).to_have_count(10)

    # the job just made runs on demand, and its run shows up: a noop run has no data, so
    # its condition cannot be evaluated, and the run fails saying so (not a success)
    page.locator(".page-head button[data-action=trigger]").click()
    expect(page.locator("tr.run")).to_have_attribute("data-status", "failed")
    expect(page.locator("tr.run")).to_contain_text("condition: 'items' is not in the run's data")
    page.locator(".page-head button[data-action=pause]").click()
    expect(page.locator(".page-head .badge")).to_have_text("paused")


def test_edit_keeps_the_schedule_unless_it_is_retyped(signed_in: Any, api: httpx.Client) -> None:
    page = signed_in
    schedule = {"type": "every", "interval": 5400, "start_at": "2030-01-01T00:10:00Z"}
    job = api.post("/jobs", json={"name": "Anchored", "action": "noop", "schedule": schedule})
    assert job.status_code == 201, job.text
    job_id = job.json()["id"]
    page.goto(f"/#/jobs/{job_id}/edit")
    expect(page.locator("h1")).to_have_text("Edit “Anchored”")
    expect(page.locator("#sched-interval")).to_have_value("90")  # 5,400 s: 90 minutes
    expect(page.locator("#sched-start")).to_have_value("2030-01-01T00:10:00Z")
    expect(page.locator("#sched-preview .sched-state")).to_have_text(
        "the current schedule, unchanged"
    )
    page.fill("#name", "Anchored, renamed")
    page.fill("#timeout", "120")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Anchored, renamed")
    saved = api.get(f"/jobs/{job_id}").json()
    assert saved["schedule"]["start_at"] == "2030-01-01T00:10:00Z"  # untouched, not re-parsed
    assert saved["timeout_seconds"] == 120
