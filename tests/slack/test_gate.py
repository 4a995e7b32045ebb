"""Who may create jobs and where results may go, as a workspace meets it: signed commands and
clicks, channels and memberships in the fake Slack, answered through the real clients."""

from __future__ import annotations

from typing import Any

from agentcron.app.config import Settings
from agentcron.app.storage.jobs import JobQuery
from tests.slack.conftest import ALICE, BOB, TEAM, SlackUser, buttons, card_text

OWNER = f"slack:{TEAM}:{ALICE}"


async def jobs_of(user: SlackUser, user_id: str = ALICE) -> list[dict[str, Any]]:
    rows, _ = await user.slack.rt.jobs.list(f"slack:{TEAM}:{user_id}", JobQuery())
    return rows


async def click_create(user: SlackUser, card: dict[str, Any]) -> dict[str, Any]:
    ident = await user.click(buttons(card)["Create"])
    [answer] = user.fake.responses(ident)
    return answer


async def test_results_never_go_where_their_owner_is_not(alice: SlackUser) -> None:
    alice.fake.add_channel("C0OPS1234", "ops", members={BOB})
    reply = await alice.command("every day at 9am post the numbers in <#C0OPS1234|ops>")
    text = card_text(reply)
    assert "You are not in <#C0OPS1234>" in text
    assert "Create" not in buttons(reply)
    assert await jobs_of(alice) == []


async def test_a_person_who_left_the_channel_is_refused_at_create(alice: SlackUser) -> None:
    ops = alice.fake.add_channel("C0OPS1234", "ops", members={ALICE})
    card = await alice.command("every day at 9am post the numbers in <#C0OPS1234|ops>")
    ops.members.discard(ALICE)  # she left between the card and the click
    answer = await click_create(alice, card)
    assert "You are not in <#C0OPS1234>" in card_text(answer)
    assert answer["replace_original"] is False  # the card stays, to pick another channel
    assert await jobs_of(alice) == []


async def test_the_card_says_how_to_invite_the_bot_and_create_works_once_it_is_in(
    alice: SlackUser,
) -> None:
    ops = alice.fake.add_channel("C0OPS1234", "ops", members={ALICE}, bot=False)
    card = await alice.command("every day at 9am post the numbers in <#C0OPS1234|ops>")
    assert "/invite @agentcron" in card_text(card)
    refused = await click_create(alice, card)
    assert "I am not in <#C0OPS1234> yet" in card_text(refused)
    assert await jobs_of(alice) == []

    ops.members.add("U0BOT")  # /invite @agentcron
    created = await click_create(alice, card)
    assert "Scheduled" in card_text(created)
    [job] = await jobs_of(alice)
    assert job["delivery"]["channel"] == "slack:C0OPS1234"


async def test_a_private_channel_needs_both_the_person_and_the_bot(alice: SlackUser) -> None:
    secret = alice.fake.add_channel("G0SECRET1", "secret", members={ALICE}, private=True, bot=False)
    reply = await alice.command("every day at 9am post the numbers in <#G0SECRET1|secret>")
    assert "I cannot see that channel" in card_text(reply)
    assert "/invite @agentcron" in card_text(reply)

    secret.members.add("U0BOT")
    bob = alice.as_user(BOB)  # not in it: the bot would post where he cannot read
    reply = await bob.command("every day at 9am post the numbers in <#G0SECRET1|secret>")
    assert "You are not in <#G0SECRET1>, a private channel" in card_text(reply)

    card = await alice.command("every day at 9am post the numbers in <#G0SECRET1|secret>")
    assert "Scheduled" in card_text(await click_create(alice, card))


async def test_an_allow_list_of_people(alice: SlackUser, slack_settings: Settings) -> None:
    slack_settings.slack_allowed_users = (BOB,)
    slack_settings.slack_admins = ("U0ADMIN1",)
    reply = await alice.command("every day at 9am water the plants")
    assert "open to some people in this workspace only" in card_text(reply)
    assert "<@U0ADMIN1>" in card_text(reply)
    # she can still see (and stop) what she has
    assert "You have no scheduled jobs" in card_text(await alice.command("list"))

    bob = alice.as_user(BOB)
    card = await bob.command("every day at 9am water the plants")
    assert "Scheduled" in card_text(await click_create(bob, card))

    # a workspace admin is an agentcron admin, and admins are never locked out
    alice.fake.add_user("U0BOSS123", tz="UTC", admin=True)
    boss = alice.as_user("U0BOSS123")
    card = await boss.command("every day at 9am water the plants")
    assert "Create" in buttons(card)


async def test_an_allow_list_of_channels(alice: SlackUser, slack_settings: Settings) -> None:
    slack_settings.slack_allowed_channels = ("#ops",)
    alice.fake.add_channel("C0OPS1234", "ops", members={ALICE})
    reply = await alice.command("every day at 9am post the numbers")  # typed in #general
    assert "Results may only go to #ops" in card_text(reply)
    ok = await alice.command("every day at 9am post the numbers in <#C0OPS1234|ops>")
    assert "Create" in buttons(ok)
    dm = await alice.command("every day at 9am post the numbers", channel="D0ALICEDM")
    assert "a direct message from me" in card_text(dm)
    assert "Create" in buttons(dm)


async def test_a_limit_of_jobs_per_person(alice: SlackUser, slack_settings: Settings) -> None:
    slack_settings.slack_max_jobs_per_user = 1
    card = await alice.command("every day at 9am water the plants")
    second = await alice.command("every day at 10am feed the cat")
    assert "Scheduled" in card_text(await click_create(alice, card))
    refused = await click_create(alice, second)
    assert "the most one person may have here (1)" in card_text(refused)
    assert "most one person" in card_text(await alice.command("every day at 11am x"))
    [job] = await jobs_of(alice)
    await alice.command(f"pause {job['id']}")  # paused still counts
    assert "most one person" in card_text(await alice.command("every day at 11am x"))


async def test_when_slack_cannot_say_nothing_is_promised(alice: SlackUser) -> None:
    alice.fake.script("conversations.info", {"ok": False, "error": "fatal_error"}, status=500)
    reply = await alice.command("every day at 9am post the numbers in <#C0OPS1234|ops>")
    assert "Slack did not answer" in card_text(reply)
    assert "Create" not in buttons(reply)


async def test_a_workspaces_own_settings_win_over_the_environment(
    alice: SlackUser, slack_settings: Settings
) -> None:
    from agentcron.app.storage.slack_workspaces import SlackWorkspaceStore

    rt = alice.slack.rt
    await SlackWorkspaceStore(rt.db).put(
        TEAM, {"allowed_users": [BOB]}, by="admin", now=rt.clock.now()
    )
    reply = await alice.command("every day at 9am water the plants")
    assert "open to some people in this workspace only" in card_text(reply)
    # the same person id in another workspace keeps the environment's settings
    elsewhere = SlackUser(alice.http, alice.app, alice.fake, ALICE, "T0OTHER1", _count=100)
    assert "Create" in buttons(await elsewhere.command("every day at 9am water the plants"))
