"""The App Home tab, the global shortcut and the message shortcut, as Slack sends them; every
view the app opens, updates or publishes is validated by the fake with slack_sdk's models."""

from __future__ import annotations

import json
from typing import Any

import httpx

from agentcron.app.config import Settings
from agentcron.app.storage.jobs import JobQuery
from tests.slack.conftest import ALICE, BOB, TEAM, SlackUser, buttons, card_text
from tests.slack.test_actions import submit

OWNER = f"slack:{TEAM}:{ALICE}"


def views_sent(user: SlackUser, method: str) -> list[dict[str, Any]]:
    found = []
    for m, payload in user.fake.calls:
        if m == method:
            view = payload["view"]
            found.append(json.loads(view) if isinstance(view, str) else view)
    return found


def home_buttons(home: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        element
        for block in home["blocks"]
        for element in block.get("elements") or []
        if element.get("type") == "button"
    ]


async def open_home(user: SlackUser) -> dict[str, Any]:
    await user.event({"type": "app_home_opened", "tab": "home", "channel": "D0HOME"})
    home = user.fake.homes[user.user_id]
    assert user.fake.invalid == []
    return home


async def made(user: SlackUser, text: str) -> dict[str, Any]:
    card = await user.command(text)
    await user.click(buttons(card)["Create"])
    rows, _ = await user.slack.rt.jobs.list(f"slack:{TEAM}:{user.user_id}", JobQuery())
    return rows[0]


async def test_home_shows_my_jobs_and_acts_on_them(alice: SlackUser) -> None:
    empty = await open_home(alice)
    assert "You have no jobs yet" in card_text(empty)
    job = await made(alice, "every weekday at 9am post the standup notes")
    await made(alice.as_user(BOB), "every day at 7am feed the cat")

    home = await open_home(alice)
    text = card_text(home)
    assert "post the standup notes" in text and "feed the cat" not in text
    assert "next Mon 2 Mar, 9:00 AM EST" in text
    labels = [b["text"]["text"] for b in home_buttons(home)]
    assert labels == ["New job", "Run now", "Pause", "Delete"]

    pause = next(b for b in home_buttons(home) if b["text"]["text"] == "Pause")
    await alice.click(pause, channel="D0HOME")
    paused = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert paused is not None and paused["status"] == "paused"
    home = alice.fake.homes[ALICE]  # drawn again after the click
    assert "Resume" in [b["text"]["text"] for b in home_buttons(home)]

    run = next(b for b in home_buttons(home) if b["text"]["text"] == "Run now")
    await alice.click(run, channel="D0HOME")
    home = alice.fake.homes[ALICE]
    assert "Last run: :clock3: queued" in card_text(home)

    delete = next(b for b in home_buttons(home) if b["text"]["text"] == "Delete")
    assert delete["confirm"]["confirm"]["text"] == "Delete"  # Slack asks first
    await alice.click(delete, channel="D0HOME")
    assert await alice.slack.rt.jobs.get(OWNER, job["id"]) is None


async def test_admins_see_the_workspace_settings_on_home(
    alice: SlackUser, slack_settings: Settings
) -> None:
    slack_settings.slack_admins = (ALICE,)
    slack_settings.slack_allowed_channels = ("#ops",)
    text = card_text(await open_home(alice))
    assert "Workspace settings" in text and "Where results may go: #ops" in text
    assert "Workspace settings" not in card_text(await open_home(alice.as_user(BOB)))


async def shortcut(user: SlackUser, **payload: Any) -> httpx.Response:
    body = {
        "token": "legacy-token",
        "team": {"id": TEAM, "domain": "example"},
        "user": {"id": user.user_id, "team_id": TEAM, "username": "x"},
        "trigger_id": user._next("trigger"),
        "action_ts": "1700000000.000300",
        **payload,
    }
    response = await user.interact(body)
    assert response.status_code == 200
    return response


async def test_the_global_shortcut_creates_a_job_in_a_modal(alice: SlackUser) -> None:
    await shortcut(alice, type="shortcut", callback_id="agentcron_new_job")
    [modal] = views_sent(alice, "views.open")
    assert modal["callback_id"] == "agentcron_create_view"

    response = await submit(
        alice, modal, when="every weekday at 9am", what="post the standup notes", where=None
    )
    assert response.json()["response_action"] == "update"  # "Reading it…", at once
    [preview] = views_sent(alice, "views.update")
    assert preview["callback_id"] == "agentcron_preview_view"
    assert preview["submit"]["text"] == "Create"
    assert "At 09:00 AM, Monday through Friday" in card_text(preview)

    await submit(alice, {**preview, "id": "V0FAKE"}, when="", what=None, where=None)
    done = views_sent(alice, "views.update")[-1]
    assert "Scheduled" in card_text(done)
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == "post the standup notes"
    assert job["delivery"]["channel"] == f"slack:{ALICE}"
    assert alice.fake.invalid == []


async def test_a_missing_field_is_asked_in_the_modal(alice: SlackUser) -> None:
    await shortcut(alice, type="shortcut", callback_id="agentcron_new_job")
    [modal] = views_sent(alice, "views.open")
    response = await submit(alice, modal, when="February 30", what="call the bank", where=None)
    assert "February 30 does not exist" in response.json()["errors"]["when"]
    response = await submit(alice, modal, when="every day at 9am", what="", where=None)
    assert response.json()["errors"] == {"what": "Say what should happen"}


async def test_the_message_shortcut_makes_a_message_the_goal(alice: SlackUser) -> None:
    message = "Remember to rotate the <https://vault.example.com|vault> keys & tokens"
    await shortcut(
        alice,
        type="message_action",
        callback_id="agentcron_schedule_message",
        response_url=alice.fake.response_url("msg"),
        channel={"id": "C0OPS123", "name": "ops"},
        message={"type": "message", "text": message, "user": BOB, "ts": "1700000000.000400"},
        message_ts="1700000000.000400",
    )
    [modal] = views_sent(alice, "views.open")
    fields = {b["block_id"]: b["element"] for b in modal["blocks"] if "block_id" in b}
    goal = "Remember to rotate the https://vault.example.com keys & tokens"
    assert fields["what"]["initial_value"] == goal
    assert fields["channel"]["initial_conversation"] == "C0OPS123"
    await submit(
        alice, modal, when="on the 1st of every month at 10am", what=goal, where="C0OPS123"
    )
    [preview] = views_sent(alice, "views.update")
    await submit(alice, {**preview, "id": "V0FAKE"}, when="", what=None, where=None)
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == goal and job["delivery"]["channel"] == "slack:C0OPS123"


async def test_a_message_longer_than_a_field_is_kept_whole(alice: SlackUser) -> None:
    long_message = "Check every status page we depend on. " * 120
    await shortcut(
        alice,
        type="message_action",
        callback_id="agentcron_schedule_message",
        channel={"id": "C0OPS123", "name": "ops"},
        message={"type": "message", "text": long_message, "ts": "1700000000.000500"},
    )
    [modal] = views_sent(alice, "views.open")
    assert alice.fake.invalid == []
    assert "kept whole" in card_text(modal)
    await submit(alice, modal, when="every day at 8am", what=None, where=None)
    [preview] = views_sent(alice, "views.update")
    await submit(alice, {**preview, "id": "V0FAKE"}, when="", what=None, where=None)
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == long_message.strip()


async def test_a_refusal_is_shown_in_the_modal(alice: SlackUser, slack_settings: Settings) -> None:
    slack_settings.slack_allowed_users = (BOB,)
    await shortcut(alice, type="shortcut", callback_id="agentcron_new_job")
    [modal] = views_sent(alice, "views.open")
    await submit(alice, modal, when="every day at 9am", what="water the plants", where=None)
    [answer] = views_sent(alice, "views.update")
    assert "open to some people in this workspace only" in card_text(answer)
    assert "submit" not in answer
