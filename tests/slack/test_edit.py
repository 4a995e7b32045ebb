"""Changing a job in plain words from Slack: ``/schedule edit <job>: <change>`` or a reply in
a result's thread, answered with a before/after card; nothing changes until Confirm."""

from __future__ import annotations

import asyncio
from typing import Any

from agentcron.app.storage.jobs import JobQuery
from agentcron.app.storage.slack_results import job_of_message
from tests.engine.conftest import EngineHarness
from tests.slack.conftest import ALICE, BOB, TEAM, SlackUser, buttons, card_text
from tests.slack.test_e2e import OPS, alice_on_engine
from tests.support.waiting import until

__all__ = ["alice_on_engine"]

OWNER = f"slack:{TEAM}:{ALICE}"


async def made(user: SlackUser, text: str) -> dict[str, Any]:
    card = await user.command(text)
    await user.click(buttons(card)["Create"])
    rows, _ = await user.slack.rt.jobs.list(OWNER, JobQuery())
    return rows[0]


async def test_edit_shows_before_and_after_and_changes_on_confirm(alice: SlackUser) -> None:
    job = await made(alice, "every weekday at 9am post the standup notes")
    card = await alice.command("edit standup: move it to 10am")
    text = card_text(card)
    assert "Change post the standup notes?" in text
    assert "At 09:00 AM, Monday through Friday" in text  # now
    assert "At 10:00 AM, Monday through Friday" in text  # then
    assert "Tue 3 Mar, 9:00 AM EST" in text and "Tue 3 Mar, 10:00 AM EST" in text
    assert alice.fake.invalid == []
    unchanged = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert unchanged is not None and unchanged["schedule"]["expression"] == "0 9 * * 1-5"

    ident = await alice.click(buttons(card)["Confirm"])
    [answer] = alice.fake.responses(ident)
    assert answer["replace_original"] is True
    assert "Changed" in card_text(answer)
    changed = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert changed is not None and changed["schedule"]["expression"] == "0 10 * * 1-5"


async def test_cancel_changes_nothing(alice: SlackUser) -> None:
    job = await made(alice, "every weekday at 9am post the standup notes")
    card = await alice.command(f"edit {job['id']} on fridays instead")
    ident = await alice.click(buttons(card)["Cancel"])
    assert "Nothing was changed" in card_text(alice.fake.responses(ident)[0])
    kept = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert kept is not None and kept["schedule"]["expression"] == "0 9 * * 1-5"


async def test_an_edit_that_cannot_be_read_says_why(alice: SlackUser) -> None:
    await made(alice, "every 15 minutes check the queue")
    reply = await alice.command("edit queue: move it to 10am")
    text = card_text(reply)
    assert "could not read that as a change" in text and "not at a time of day" in text
    assert "Confirm" not in buttons(reply)


async def test_a_new_channel_is_checked_like_a_new_job(alice: SlackUser) -> None:
    await made(alice, "every weekday at 9am post the standup notes")
    alice.fake.add_channel("C0OPS1234", "ops", members={BOB})
    reply = await alice.command("edit standup: post it to #ops")
    assert "You are not in <#C0OPS1234>" in card_text(reply)
    alice.fake.channels["C0OPS1234"].members.add(ALICE)
    card = await alice.command("edit standup: post it to #ops")
    await alice.click(buttons(card)["Confirm"])
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["delivery"]["channel"] == "slack:C0OPS1234"
    assert job["delivery"]["failures_to"] == f"slack:{ALICE}"


async def test_someone_else_cannot_confirm_my_change(alice: SlackUser) -> None:
    job = await made(alice, "every weekday at 9am post the standup notes")
    card = await alice.command("edit standup: move it to 10am")
    bob = alice.as_user(BOB)
    ident = await bob.click(buttons(card)["Confirm"])
    assert "no job" in card_text(alice.fake.responses(ident)[0])
    kept = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert kept is not None and kept["schedule"]["expression"] == "0 9 * * 1-5"


async def test_a_goal_beginning_with_edit_is_still_a_goal(alice: SlackUser) -> None:
    card = await alice.command("edit the wiki every day at 9am")
    assert "Create" in buttons(card)


async def delivered_notice(alice: SlackUser) -> dict[str, Any]:
    """The first message the engine posted, once the outbox has recorded it delivered."""
    async with asyncio.timeout(10):
        await alice.fake.wait_for_calls(1, method="chat.postMessage")
    [message] = alice.fake.messages
    await until(lambda: job_of_message(alice.slack.rt.db, message["ts"]), what="delivered")
    return message


async def test_a_reply_in_a_results_thread_changes_that_job(
    alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    await alice.command("run handover")
    notice = await delivered_notice(alice)  # the failure notice, in her DM (no LLM here)

    # she replies in its thread, in her DM with the bot
    await alice.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ALICE",
            "text": "move it to 10am",
            "ts": "1700000001.000100",
            "thread_ts": notice["ts"],
        }
    )
    [reply] = [p for m, p in alice.fake.calls if m == "chat.postMessage"][1:]
    assert reply["thread_ts"] == notice["ts"]
    text = card_text({"text": reply["text"], "blocks": reply["blocks"]})
    assert "At 10:00 AM, only on Monday" in text


async def test_in_a_results_thread_it_means_that_job(
    alice_on_engine: SlackUser, engine: EngineHarness
) -> None:
    alice = alice_on_engine
    card = await alice.command(f"every monday at 9am post the on-call handover in <#{OPS}|ops>")
    await alice.click(buttons(card)["Create"])
    await alice.command("run handover")
    notice = await delivered_notice(alice)  # the failure notice, in her DM (no LLM here)

    thread = {"channel": "D0ALICE", "channel_type": "im", "thread_ts": notice["ts"]}
    await alice.event({"type": "message", "text": "pause it", "ts": "1700000001.1", **thread})
    [job], _ = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert job["status"] == "paused"

    # someone else's words in the thread change nothing
    bob = alice.as_user(BOB)
    await bob.event(
        {"type": "app_mention", "text": "<@U0BOT> move it to 10am", "ts": "1700000002.1", **thread}
    )
    ephemeral = [p for m, p in alice.fake.calls if m == "chat.postEphemeral"]
    assert "Only the person who made this job" in str(ephemeral[-1]["blocks"])
