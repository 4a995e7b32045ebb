"""The edit form: a schedule edited as its own fields, untouched fields sent back as they came
(nothing at all for a form saved untouched), the plain-language box as a way to replace the
schedule with the runs before and after, warnings shown, and the owner the key acts as."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.web.conftest import Service, make_job, shot, sign_in

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow

RULE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0"
# a job's own fields that an edit must keep unless the user changed them
KEPT = (
    "schedule",
    "action",
    "http",
    "goal",
    "agent_id",
    "delivery",
    "condition",
    "retry",
    "timeout_seconds",
    "overlap",
    "tags",
    "metadata",
    "payload",
    "exclusions",
    "name",
    "status",
)


def _patches(page: Any) -> list[dict[str, Any]]:
    """The bodies of the PATCH requests the page sends from now on."""
    sent: list[dict[str, Any]] = []

    def seen(request: Any) -> None:
        if request.method == "PATCH" and "/api/scheduler/jobs/" in request.url:
            sent.append(json.loads(request.post_data or "null"))

    page.on("request", seen)
    return sent


def _in_a_week(hour: int) -> str:
    day = datetime.now(UTC).date() + timedelta(days=7)
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


def _save_and_wait(page: Any, name: str) -> None:
    page.click("form.job-form button[type=submit]")
    expect(page.locator(".page-head h1")).to_have_text(name)


@pytest.mark.parametrize(
    ("label", "schedule", "shown"),
    [
        (
            "every 45 seconds",
            {"type": "every", "interval": 45},
            {"#sched-type": "every", "#sched-interval": "45", "#sched-unit": "1"},
        ),
        (
            "every 2 weeks from a Tuesday 3 PM",
            {
                "type": "every",
                "interval": 1_209_600,
                "timezone": "America/Chicago",
                "start_at": "2026-12-08T15:00:00-06:00",
            },
            {"#sched-interval": "2", "#sched-unit": "604800", "#sched-zone": "America/Chicago"},
        ),
        (
            "a biweekly rrule",
            {
                "type": "rrule",
                "rule": RULE,
                "timezone": "America/Chicago",
                "start_at": "2026-12-08T15:00:00",
            },
            {"#sched-rule": RULE, "#sched-start": "2026-12-08T15:00:00-06:00"},
        ),
        (
            "cron with a zone and an end",
            {
                "type": "cron",
                "expression": "15 8 * * 1-5",
                "timezone": "Asia/Kolkata",
                "end_at": "2031-06-30T00:00:00Z",
            },
            {"#sched-expression": "15 8 * * 1-5", "#sched-end": "2031-06-30T00:00:00Z"},
        ),
        (
            "once at a time",
            {"type": "at", "datetime": _in_a_week(6), "timezone": "UTC"},
            {"#sched-type": "at", "#sched-datetime": _in_a_week(6)},
        ),
    ],
)
def test_saving_an_untouched_form_changes_nothing(
    signed_in: Any,
    api: httpx.Client,
    site: Any,
    label: str,
    schedule: dict[str, Any],
    shown: dict[str, str],
) -> None:
    page = signed_in
    name = f"Untouched: {label}"
    job = make_job(
        api,
        name=name,
        schedule=schedule,
        action="http",
        http={
            "method": "POST",
            "url": f"{site.url}/hook",
            "headers": {"X-Team": "ops"},
            "query": {"v": 2},
            "body": {"symbol": "ACME", "window": [1, 2]},
        },
        delivery={
            "channels": [f"webhook:{site.url}/a", f"webhook:{site.url}/b"],
            "format": "json",
            "failures_to": f"webhook:{site.url}/failures",
            "allow_mentions": True,
        },
        retry={
            "max_attempts": 4,
            "strategy": "linear",
            "base_delay": 30,
            "max_delay": 600,
            "jitter": False,
        },
        condition={"type": "expression", "expression": "body.price_change_pct > 0.05"},
        payload={"threshold": 0.05, "symbols": ["ACME", "INIT"]},
        metadata={"team": "ops"},
        tags=["kept"],
        exclusions={"dates": ["2031-12-25"]},
    )
    before = api.get(f"/jobs/{job['id']}").json()
    sent = _patches(page)
    page.goto(f"/#/jobs/{job['id']}/edit")
    expect(page.locator("form.job-form h1")).to_have_text(f"Edit “{name}”")
    for selector, value in shown.items():
        expect(page.locator(selector)).to_have_value(value)
    preview = page.locator("#sched-preview")
    expect(preview.locator(".human")).to_have_text(before["schedule_description"])
    expect(preview.locator(".sched-state")).to_have_text("the current schedule, unchanged")
    expect(preview.locator(".sched-runs li").first).to_be_visible()
    expect(page.locator(".exclusions-kept")).to_contain_text("2031-12-25")
    shot(page, f"edit-untouched-{label.replace(' ', '-')}")

    _save_and_wait(page, name)
    assert sent == [{}]  # nothing was changed, so nothing was sent to change
    after = api.get(f"/jobs/{job['id']}").json()
    assert {k: after[k] for k in KEPT} == {k: before[k] for k in KEPT}


def test_one_field_changed_sends_that_field_only_and_a_reverted_one_nothing(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    schedule = {
        "type": "every",
        "interval": 1_209_600,
        "timezone": "America/Chicago",
        "start_at": "2026-12-08T15:00:00-06:00",
    }
    job = make_job(
        api,
        name="Biweekly Tuesday",
        schedule=schedule,
        payload={"x": 1},
        retry={"max_attempts": 2, "max_delay": 900},
    )
    before = api.get(f"/jobs/{job['id']}").json()
    sent = _patches(page)
    page.goto(f"/#/jobs/{job['id']}/edit")
    expect(page.locator("#sched-interval")).to_have_value("2")
    # touched and put back: still the same schedule, so it is not sent
    page.fill("#sched-interval", "3")
    expect(page.locator("#sched-preview .sched-state")).to_have_text("changed: saved when you save")
    page.fill("#sched-interval", "2")
    expect(page.locator("#sched-preview .sched-state")).to_have_text(
        "the current schedule, unchanged"
    )
    page.fill("#attempts", "5")
    _save_and_wait(page, "Biweekly Tuesday")
    # the retry keeps its max_delay and jitter; the schedule is not sent at all
    assert sent == [{"retry": {**before["retry"], "max_attempts": 5}}]
    after = api.get(f"/jobs/{job['id']}").json()
    assert after["schedule"] == before["schedule"]
    assert after["retry"] == {**before["retry"], "max_attempts": 5}
    assert after["payload"] == {"x": 1}
    # the job's page names the interval in words beside its seconds
    expect(page.locator(".details code.raw")).to_contain_text("every 2 weeks (1209600 s)")

    # a structured change keeps the rest of the schedule: the anchor stays on Tuesday 3 PM
    page.click("a:has-text('Edit')")
    page.fill("#sched-interval", "3")
    expect(page.locator("#sched-preview .human")).to_contain_text("3 weeks")
    _save_and_wait(page, "Biweekly Tuesday")
    assert sent[-1] == {"schedule": {**before["schedule"], "interval": 1_814_400}}
    changed = api.get(f"/jobs/{job['id']}").json()["schedule"]
    assert changed["start_at"] == before["schedule"]["start_at"]
    assert changed["interval"] == 1_814_400


def test_an_rrule_edited_in_its_field_keeps_its_start(signed_in: Any, api: httpx.Client) -> None:
    page = signed_in
    start = "2026-12-08T15:00:00"
    job = make_job(
        api,
        name="Rule with a start",
        schedule={"type": "rrule", "rule": RULE, "timezone": "America/Chicago", "start_at": start},
    )
    page.goto(f"/#/jobs/{job['id']}/edit")
    page.fill("#sched-rule", RULE.replace("INTERVAL=2", "INTERVAL=3"))
    expect(page.locator("#sched-preview .human")).to_contain_text(
        "Every 3 weeks on Tuesday at 3:00 PM"
    )
    _save_and_wait(page, "Rule with a start")
    schedule = api.get(f"/jobs/{job['id']}").json()["schedule"]
    assert schedule["rule"] == RULE.replace("INTERVAL=2", "INTERVAL=3")
    assert schedule["start_at"] == "2026-12-08T15:00:00-06:00"

    # a rule that cannot fire is refused in the preview and saving is stopped before the request
    page.click("a:has-text('Edit')")
    page.fill("#sched-rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    expect(page.locator("#sched-preview")).to_have_class("schedule-result sched-preview error")
    page.click("form.job-form button[type=submit]")
    expect(page.locator(".schedule-field > .field-error")).to_contain_text("February has no day 30")
    assert api.get(f"/jobs/{job['id']}").json()["schedule"]["rule"] == RULE.replace(
        "INTERVAL=2", "INTERVAL=3"
    )


def test_the_text_box_replaces_the_schedule_after_showing_runs_before_and_after(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    old = {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"}
    job = make_job(api, name="Replace me", schedule=old)
    phrase = "every day at 6pm"
    parsed = api.post("/parse-nl", json={"text": phrase, "timezone": "America/New_York"}).json()
    was = api.get(
        "/validate",
        params={"type": "cron", "value": old["expression"], "timezone": old["timezone"]},
    ).json()

    page.goto(f"/#/jobs/{job['id']}/edit")
    page.click("details.replace-schedule > summary")
    expect(page.locator("#schedule-zone")).to_have_value("America/New_York")
    page.locator("#schedule-text").press_sequentially(phrase, delay=10)
    compare = page.locator(".replace-compare")
    expect(compare).to_be_visible()
    before = compare.locator(".before-runs li time")
    after = compare.locator(".after-runs li time")
    expect(before).to_have_count(5)
    expect(after).to_have_count(len(parsed["next_runs"]))
    assert [t.get_attribute("datetime") for t in before.all()] == was["next_runs"]
    assert [t.get_attribute("datetime") for t in after.all()] == parsed["next_runs"]
    # the fields still hold the saved schedule: typing alone changes nothing
    expect(page.locator("#sched-expression")).to_have_value(old["expression"])
    shot(page, "edit-replace-before-after")

    # saving now would drop what was typed without a word: it is stopped instead
    page.click("form.job-form button[type=submit]")
    expect(page.locator(".schedule-field > .field-error")).to_contain_text("did not use it")

    compare.get_by_role("button", name="Use this schedule").click()
    expect(page.locator("#sched-type")).to_have_value(parsed["schedule"]["type"])
    expect(page.locator("#sched-preview .sched-state")).to_have_text("changed: saved when you save")
    expect(page.locator("#sched-preview .was")).to_contain_text("Was:")
    _save_and_wait(page, "Replace me")
    saved = api.get(f"/jobs/{job['id']}").json()["schedule"]
    assert saved == parsed["schedule"]


def test_warnings_are_shown_after_saving_and_in_the_form(signed_in: Any, api: httpx.Client) -> None:
    """The test service has no LLM and no Slack token: an agent job delivering to Slack is
    saved, and the dashboard says, as warnings, why its runs would fail."""
    page = signed_in
    page.click("a.button:has-text('New job')")
    page.locator("#schedule-text").fill("0 7 * * *")
    expect(page.locator("#schedule-result")).to_have_class("schedule-result ok")
    page.fill("#name", "Warned digest")
    page.fill("#goal", "Summarize the night's alerts")
    page.fill("#channel", "slack:#alerts")
    page.click("form.job-form button[type=submit]")
    expect(page.locator(".page-head h1")).to_have_text("Warned digest")
    notice = page.locator("#notice")
    expect(notice).to_have_class("notice warning")
    expect(notice).to_contain_text("Created, with 2 warnings")
    box = page.locator(".job-warnings")
    expect(box).to_have_attribute("role", "status")  # told, not alarmed
    expect(box.locator("li")).to_have_count(2)
    expect(box.locator("li[data-code=no_llm]")).to_contain_text("needs an LLM")
    expect(box.locator("li[data-code=no_slack_token]")).to_contain_text("slack:#alerts")
    shot(page, "job-warnings")

    page.click("a:has-text('Edit')")
    form = page.locator("form.job-form")
    expect(form.locator(".job-warnings li")).to_have_count(2)
    expect(form.locator(".field[data-field=action] .field-warning")).to_contain_text("needs an LLM")
    expect(form.locator(".field[data-field=delivery] .field-warning")).to_contain_text(
        "no Slack token"
    )
    expect(form.locator(".field-error:visible")).to_have_count(0)  # warnings are not errors
    shot(page, "edit-form-warnings")

    # a change that clears one warning: the notice and the page say what is left
    page.fill("#channel", "")
    page.click("form.job-form button[type=submit]")
    expect(page.locator(".page-head h1")).to_have_text("Warned digest")
    expect(notice).to_contain_text("Saved, with 1 warning:")
    expect(page.locator(".job-warnings li")).to_have_count(1)


def test_the_header_says_which_owner_the_key_acts_as(page: Any, service: Service) -> None:
    with service.client() as api:
        me = api.get("/me").json()
    with service.client(service.other_key) as other:
        someone = other.get("/me").json()
    assert me["owner"] != someone["owner"]

    sign_in(page, service.key)
    whoami = page.locator("#whoami")
    expect(whoami.locator(".owner")).to_have_text(me["owner"])
    expect(whoami.locator(".key-name")).to_have_text(me["key_name"])
    assert "sees that owner's jobs" in (whoami.get_attribute("title") or "")

    page.click("#sign-out")
    expect(whoami).to_be_hidden()
    # another owner's key: its own owner, and an empty list says why it may be empty
    page.route(
        "**/api/scheduler/jobs?*",
        lambda route: route.fulfill(json={"jobs": [], "count": 0, "limit": 50, "offset": 0}),
    )
    sign_in(page, service.other_key)
    expect(whoami.locator(".owner")).to_have_text(someone["owner"])
    expect(page.locator(".owner-note")).to_contain_text(f"acts as owner {someone['owner']}")
    shot(page, "owner-shown")


def test_the_edit_form_fits_a_phone(
    browser: Any, service: Service, watch: Any, request: pytest.FixtureRequest
) -> None:
    from tests.web.conftest import watched_tab

    with service.client() as api:
        job = make_job(
            api,
            name="Phone edit",
            schedule={"type": "rrule", "rule": RULE, "timezone": "America/Chicago"},
        )
    viewport = {"width": 400, "height": 800}
    with watched_tab(browser, watch, request, base_url=service.url, viewport=viewport) as page:
        sign_in(page, service.key)
        page.goto(f"/#/jobs/{job['id']}/edit")
        expect(page.locator("#sched-preview .sched-runs li").first).to_be_visible()
        page.click("details.replace-schedule > summary")
        page.locator("#schedule-text").fill("every monday at 8am")
        expect(page.locator(".replace-compare .after-runs li").first).to_be_visible()
        # nothing in the form reaches past the screen: no sideways scrolling to reach a field
        # or a button (the header's own layout is tests/web/test_jobs_page.py's)
        wide = page.evaluate(
            """() => {
                const form = document.querySelector('form.job-form').getBoundingClientRect();
                const out = [...document.querySelectorAll('form.job-form *')]
                    .filter((el) => el.getClientRects().length)
                    .filter((el) => el.getBoundingClientRect().right > form.right + 0.5)
                    .map((el) => el.tagName + '#' + el.id + '.' + el.className);
                return form.right <= 400 ? out : ['the form itself', form.right, ...out];
            }"""
        )
        assert wide == []
        shot(page, "edit-form-400px", full_page=True)


def test_a_schedule_is_given_to_an_on_demand_job_and_taken_away(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    job = make_job(api, name="On demand at first")  # schedule: null
    page.goto(f"/#/jobs/{job['id']}/edit")
    expect(page.locator("#sched-type")).to_have_value("")
    expect(page.locator("#sched-preview")).to_contain_text("runs only when triggered")
    page.click("details.replace-schedule > summary")
    page.locator("#schedule-text").fill("*/20 * * * *")
    compare = page.locator(".replace-compare")
    expect(compare.locator(".before")).to_contain_text("No schedule.")
    expect(compare.locator(".after-runs li")).to_have_count(5)
    compare.get_by_role("button", name="Use this schedule").click()
    expect(page.locator("#sched-expression")).to_have_value("*/20 * * * *")
    _save_and_wait(page, "On demand at first")
    schedule = api.get(f"/jobs/{job['id']}").json()["schedule"]
    assert schedule["type"] == "cron" and schedule["expression"] == "*/20 * * * *"

    page.click("a:has-text('Edit')")
    page.select_option("#sched-type", "")
    expect(page.locator("#sched-preview")).to_contain_text("saving removes it")
    _save_and_wait(page, "On demand at first")
    assert api.get(f"/jobs/{job['id']}").json()["schedule"] is None


def test_a_key_that_cannot_read_jobs_is_told_which_key_it_is(page: Any, service: Service) -> None:
    with service.client() as api:
        made = api.post("/keys", json={"name": "shop page", "scopes": ["parse"]})
        assert made.status_code == 201, made.text
        me = api.get("/me").json()
    page.goto("/")
    page.fill("#api-key", made.json()["key"])
    page.click("form.login button[type=submit]")
    error = page.locator("form.login .field-error")
    expect(error).to_contain_text(f"The key “shop page” (owner {me['owner']}) may only use parse")
    expect(error).to_contain_text("publishable key")
    expect(error).to_contain_text("needs a key that can read jobs")
    expect(page.locator("#nav")).to_be_hidden()


# Schedules written by others: RFC 5545's own RRULE examples (section 3.8.5.3, their DTSTART
# moved from 1997 to 2027 so they still fire) and cron lines as crontab(5) writes them
FOUND = [
    {"type": "rrule", "rule": "FREQ=DAILY;COUNT=10", "start_at": "2027-09-02T09:00:00"},
    {"type": "rrule", "rule": "FREQ=MONTHLY;BYDAY=-2MO", "start_at": "2027-09-22T09:00:00"},
    {
        "type": "rrule",
        "rule": "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
        "start_at": "2028-11-07T09:00:00",
    },
    {
        "type": "rrule",
        "rule": "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
        "start_at": "2027-09-02T09:00:00",
    },
    {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,TH",
        "start_at": "2027-09-02T09:00:00",
    },
    {"type": "cron", "expression": "5 0 * 8 *"},
    {"type": "cron", "expression": "15 14 1 * *"},
    {"type": "cron", "expression": "0 22 * * 1-5"},
    {"type": "cron", "expression": "23 0-23/2 * * *"},
    {"type": "cron", "expression": "@weekly"},
]


def test_schedules_written_by_others_survive_an_untouched_edit(
    signed_in: Any, api: httpx.Client
) -> None:
    page = signed_in
    sent = _patches(page)
    for index, schedule in enumerate(FOUND):
        name = f"Found schedule {index}"
        job = make_job(api, name=name, schedule={**schedule, "timezone": "America/New_York"})
        page.goto(f"/#/jobs/{job['id']}/edit")
        preview = page.locator("#sched-preview")
        expect(preview.locator(".human")).to_have_text(job["schedule_description"])
        expect(preview.locator(".sched-state")).to_have_text("the current schedule, unchanged")
        _save_and_wait(page, name)
        assert sent[-1] == {}, schedule
        assert api.get(f"/jobs/{job['id']}").json()["schedule"] == job["schedule"]
    assert len(sent) == len(FOUND)
