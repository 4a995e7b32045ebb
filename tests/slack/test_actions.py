"""Clicks beyond Create: the Edit modal, the job menu of the list, and the LLM fallback."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentcron.app.runtime import Runtime
from agentcron.app.slack.cards import EDIT_VIEW
from agentcron.app.storage.jobs import JobQuery
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.slack.conftest import (
    ALICE,
    CHANNEL,
    TEAM,
    SlackUser,
    buttons,
    card_text,
    overflow_menus,
)

OWNER = f"slack:{TEAM}:{ALICE}"


def opened_view(user: SlackUser) -> dict[str, Any]:
    [payload] = [p for m, p in user.fake.calls if m == "views.open"]
    view = payload["view"]
    return json.loads(view) if isinstance(view, str) else view


async def submit(
    user: SlackUser,
    view: dict[str, Any],
    *,
    when: str,
    what: str | None,
    where: str | None,
    mentions: bool = False,
) -> httpx.Response:
    """Submit the modal as Slack would, with the fields filled in: ``where`` a channel id,
    or None for "a direct message from me"; ``what`` None when the modal has no such field."""
    deliver = "dm" if where is None else "channel"
    option = {"text": {"type": "plain_text", "text": "x"}, "value": deliver}
    state: dict[str, Any] = {
        "when": {"value": {"type": "plain_text_input", "value": when}},
        "deliver": {"value": {"type": "radio_buttons", "selected_option": option}},
        "channel": {"value": {"type": "conversations_select", "selected_conversation": where}},
        "options": {
            "value": {
                "type": "checkboxes",
                "selected_options": [{"value": "mentions"}] if mentions else [],
            }
        },
    }
    if what is not None:
        state["what"] = {"value": {"type": "plain_text_input", "value": what}}
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "example"},
        "user": {"id": user.user_id, "team_id": TEAM},
        "api_app_id": "A0APP",
        "trigger_id": "trigger-submit",
        "view": {**view, "id": "V0FAKE", "state": {"values": state}},
    }
    body = urllib.parse.urlencode({"payload": json.dumps(payload)})
    return await user.post(body, "application/x-www-form-urlencoded")


def fields(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {block["block_id"]: block["element"] for block in view["blocks"] if "block_id" in block}


async def test_edit_opens_a_modal_with_what_was_understood(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am water the plants in <#C0OPS123|ops>")
    await alice.click(buttons(card)["Edit"])
    view = opened_view(alice)
    assert view["callback_id"] == EDIT_VIEW
    found = fields(view)
    assert found["when"]["initial_value"] == "every day at 9am"
    assert found["what"]["initial_value"] == "water the plants"
    assert found["deliver"]["initial_option"]["value"] == "channel"
    assert found["channel"]["initial_conversation"] == "C0OPS123"
    assert "initial_options" not in found["options"]  # mentions are off unless asked for
    assert len(view["private_metadata"]) <= 3000  # Slack's limit
    assert alice.fake.invalid == []


async def test_a_channel_typed_by_name_is_preselected(alice: SlackUser) -> None:
    alice.fake.add_channel("C0OPS1234", "ops", members={ALICE})
    card = await alice.command("every day at 9am water the plants in #ops")
    await alice.click(buttons(card)["Edit"])
    assert fields(opened_view(alice))["channel"]["initial_conversation"] == "C0OPS1234"


async def test_an_empty_channel_is_not_silently_a_direct_message(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am water the plants")
    ident = await alice.click(buttons(card)["Edit"])
    # "a channel" chosen, none picked: asked in the modal, not turned into a DM
    response = await submit(alice, opened_view(alice), when="every day", what="water", where="")
    assert response.json() == {
        "response_action": "errors",
        "errors": {"channel": "Pick a channel, or choose a direct message from me"},
    }
    assert alice.fake.responses(ident) == []
    # a direct message is a choice of its own
    await submit(alice, opened_view(alice), when="every day at 9am", what="water", where=None)
    [edited] = alice.fake.responses(ident)
    assert "a direct message from me" in card_text(edited)


JAPANESE = "昨日のインシデントを要約して、影響を受けたサービスと対応状況をまとめてください。" * 12


@pytest.mark.parametrize(
    "goal",
    [JAPANESE, ("summarize " + "the incidents of yesterday " * 63).strip()],
    ids=["ja", "1700"],
)
async def test_a_long_or_japanese_goal_goes_through_edit_whole(alice: SlackUser, goal: str) -> None:
    assert len(goal) >= 448  # the example: 448 Japanese characters
    card = await alice.command(f"every day at 9am {goal}")
    assert alice.fake.invalid == []  # the card and its buttons are within Slack's limits
    ident = await alice.click(buttons(card)["Edit"])
    view = opened_view(alice)
    assert alice.fake.invalid == []  # views.open accepted the modal
    assert fields(view)["what"]["initial_value"] == goal  # not cut
    await submit(alice, view, when="every day at 10am", what=goal, where="C0OPS123")
    [edited] = alice.fake.responses(ident)
    assert "At 10:00 AM" in card_text(edited)
    await alice.click(buttons(edited)["Create"])
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == goal
    assert job["schedule"]["expression"] == "0 10 * * *"


async def test_a_goal_longer_than_a_slack_field_is_kept_not_cut(alice: SlackUser) -> None:
    goal = "check " + "every status page we depend on and report what changed; " * 60
    assert len(goal) > 3000
    card = await alice.command(f"every day at 9am {goal}")
    assert goal.strip()[-40:] in card_text(card).replace("\n", "")
    ident = await alice.click(buttons(card)["Edit"])
    view = opened_view(alice)
    assert "what" not in fields(view)
    assert "kept exactly as it is" in card_text({"blocks": view["blocks"]})
    await submit(alice, view, when="every day at 8am", what=None, where=None)
    [edited] = alice.fake.responses(ident)
    await alice.click(buttons(edited)["Create"])
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == goal.strip()
    assert job["delivery"]["channel"] == f"slack:{ALICE}"


async def test_mentions_are_allowed_only_when_the_owner_ticks_it(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am post the standup reminder")
    ident = await alice.click(buttons(card)["Edit"])
    await submit(
        alice,
        opened_view(alice),
        when="every day at 9am",
        what="ping the team",
        where=None,
        mentions=True,
    )
    [edited] = alice.fake.responses(ident)
    assert "Results may mention people" in card_text(edited)
    await alice.click(buttons(edited)["Create"])
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["delivery"]["allow_mentions"] is True


async def test_an_edited_draft_replaces_the_card_and_creates_the_edited_job(
    alice: SlackUser,
) -> None:
    card = await alice.command("every day at 9am water the plants")
    ident = await alice.click(buttons(card)["Edit"])
    response = await submit(
        alice, opened_view(alice), when="every day at 7pm", what="water the ferns", where="C0OPS123"
    )
    assert response.status_code == 200 and response.text == ""  # the modal closes
    [edited] = alice.fake.responses(ident)
    assert edited["replace_original"] is True, card_text(edited)
    text = card_text(edited)
    assert "At 07:00 PM, Eastern Time" in text and "water the ferns" in text
    assert "<#C0OPS123>" in text
    # the old card's Create is a different draft from the new one
    assert (
        json.loads(buttons(edited)["Create"]["value"])["nonce"]
        != json.loads(buttons(card)["Create"]["value"])["nonce"]
    )

    await alice.click(buttons(edited)["Create"])
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["goal"] == "water the ferns"
    assert job["schedule"]["expression"] == "0 19 * * *"
    assert job["delivery"]["channel"] == "slack:C0OPS123"


async def test_an_unreadable_edit_is_refused_inside_the_modal(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am water the plants")
    ident = await alice.click(buttons(card)["Edit"])
    response = await submit(alice, opened_view(alice), when="February 30", what="water", where=None)
    assert response.status_code == 200
    answer = response.json()
    assert answer["response_action"] == "errors"
    assert "February 30 does not exist" in answer["errors"]["when"]
    assert alice.fake.responses(ident) == []  # the card is untouched


async def test_the_job_menu_acts_on_that_job(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am water the plants")
    await alice.click(buttons(card)["Create"])
    listing = await alice.command("list")
    [menu] = overflow_menus(listing)
    options = {o["text"]["text"]: o["value"] for o in menu["options"]}
    assert list(options) == ["Run now", "Try it", "Pause", "History", "Delete…"]

    ident = await alice.click(menu, value=options["Pause"])
    [answer] = alice.fake.responses(ident)
    assert "Paused" in card_text(answer)
    assert answer["replace_original"] is False  # the list stays
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["status"] == "paused"

    [menu] = overflow_menus(await alice.command("list"))
    assert [o["text"]["text"] for o in menu["options"]][2] == "Resume"


# -- the LLM reads what the grammar cannot -------------------------------------------------


@pytest.fixture
async def with_llm(
    alice: SlackUser, runtime: Runtime, openai_server: FakeOpenAI
) -> AsyncIterator[FakeOpenAI]:
    runtime.settings.openai_base_url = openai_server.base_url
    runtime.settings.openai_api_key = "test"
    yield openai_server
    parser = runtime.llm_parser()
    if parser is not None:
        await parser.aclose()


def llm_answer(**fields: Any) -> dict[str, Any]:
    base = {
        "outcome": "cron",
        "cron": None,
        "interval_seconds": None,
        "first_run_local": None,
        "timezone": None,
        "confidence": 0.6,
        "reason": None,
    }
    return base | fields


async def test_the_llm_reads_a_schedule_the_grammar_cannot(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    with_llm.enqueue(Reply.json(llm_answer(cron="30 9 * * 1-5")))
    card = await alice.command("whenever the markets open on trading days check the futures")
    text = card_text(card)
    assert "At 09:30 AM, Monday through Friday, Eastern Time" in text
    assert "llm" in text
    # the model was asked in the user's zone, after the acknowledgement
    [request] = with_llm.requests
    assert "America/New_York" in request.body["messages"][0]["content"]


async def test_a_refusal_by_the_grammar_is_not_sent_to_the_llm(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    reply = await alice.command("on February 30 call the bank")
    assert "February 30 does not exist" in card_text(reply)
    assert with_llm.requests == []


async def test_when_the_llm_fails_the_user_gets_a_reason(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    with_llm.enqueue(Reply.error(400))  # not retried by the client
    # no words the grammar can place ("on trading days" alone it reads, and asks about)
    reply = await alice.command("whenever the markets open check the futures")
    text = card_text(reply)
    assert "could not tell when" in text
    assert "Traceback" not in text


async def test_the_acknowledgement_does_not_wait_for_slow_work(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    with_llm.enqueue(Reply(hang=True))  # the LLM answers only when the test ends
    response, ident = await alice.send_command(
        "whenever the markets open on trading days check the futures", settle=False
    )
    assert response.status_code == 200  # acknowledged while the LLM is still thinking
    assert len(alice.slack.background) == 1
    assert alice.fake.responses(ident) == []
    await alice.slack.aclose(grace=0)  # what shutdown does with work still running
    assert len(alice.slack.background) == 0


async def test_a_connection_dropped_on_views_open_is_retried(alice: SlackUser) -> None:
    from tests.fakes.slack_server import DROP

    card = await alice.command("every day at 9am water the plants")
    alice.fake.script("views.open", DROP)  # trigger ids live 3 s: the retry is quick
    ident = await alice.click(buttons(card)["Edit"])
    assert [m for m, _ in alice.fake.calls].count("views.open") == 2
    assert alice.fake.responses(ident) == []  # no apology: the modal opened


# -- Try it: a dry run before (or after) creating --------------------------------------------


async def test_try_it_answers_beside_the_card_and_creates_nothing(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    card = await alice.command("every day at 9am check <!channel> the BTC price")
    with_llm.enqueue(
        Reply.tool_call("http_send", {"url": "https://example.com/", "method": "POST"}),
        Reply.tool_call("finish", {"output": "<!channel> BTC is at *70,000*", "data": {}}),
    )
    ident = await alice.click(buttons(card)["Try it"])
    trying, answer = alice.fake.responses(ident)
    assert "Trying" in card_text(trying)
    assert answer["replace_original"] is False  # the card stays, to Create after all
    text = card_text(answer)
    assert "Try it: check" in text
    assert "BTC is at" in text and "<!channel>" not in text  # escaped like any result
    assert f"A real run would post to <#{CHANNEL}>." in text
    assert "nothing was posted, no run was recorded" in text and "2 tool calls" in text
    # the default agent was never offered a tool that sends data out
    tools = [t["function"]["name"] for t in with_llm.requests[-2].body["tools"]]
    assert "http_send" not in tools
    assert await alice.slack.rt.jobs.list(OWNER, JobQuery()) == ([], 0)
    assert alice.fake.posted() == []


async def test_a_listed_agent_job_can_be_tried_from_its_menu(
    alice: SlackUser, with_llm: FakeOpenAI
) -> None:
    card = await alice.command("every day at 9am water the plants")
    await alice.click(buttons(card)["Create"])
    [menu] = overflow_menus(await alice.command("list"))
    options = {o["text"]["text"]: o["value"] for o in menu["options"]}
    with_llm.enqueue(Reply.tool_call("finish", {"output": "Watered.", "data": {}}))
    ident = await alice.click(menu, value=options["Try it"])
    [answer] = alice.fake.responses(ident)
    assert "Watered." in card_text(answer)
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["run_count"] == 0
