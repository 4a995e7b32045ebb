"""What Slack says about people and channels (the fake Slack, through the real client with
the app's retry handlers), and what is remembered of it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.app.clock import FrozenClock
from agentcron.app.slack.directory import Directory, SlackUnavailable
from agentcron.delivery.slack import build_slack_client
from tests.fakes.slack_server import DROP, FakeSlack


def directory(fake: FakeSlack) -> tuple[Directory, FrozenClock]:
    clock = FrozenClock(datetime(2026, 3, 2, 13, 0, tzinfo=UTC))
    client = build_slack_client("xoxb-test", base_url=fake.base_url, retry_connection_errors=True)

    async def clients(team_id: str) -> object:
        return client

    return Directory(clients, clock=clock), clock  # type: ignore[arg-type]


def asked(fake: FakeSlack, method: str = "users.info") -> int:
    return sum(1 for m, _ in fake.calls if m == method)


# -- people -----------------------------------------------------------------------------------


async def test_the_zone_comes_from_users_info_and_is_remembered_for_an_hour(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.add_user("U0ALICE", tz="Europe/Berlin")
    cache, clock = directory(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"
    assert fake_slack.calls[0][1]["user"] == "U0ALICE"
    clock.advance(3599)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"
    assert asked(fake_slack) == 1
    fake_slack.add_user("U0ALICE", tz="Asia/Tokyo")  # she travelled
    clock.advance(1)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Asia/Tokyo"
    assert asked(fake_slack) == 2


async def test_without_an_answer_the_zone_is_utc_and_asked_again_next_time(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.script("users.info", {"ok": False, "error": "missing_scope"})
    cache, _ = directory(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "UTC"
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "America/New_York"
    assert asked(fake_slack) == 2


async def test_a_dropped_connection_is_retried_not_read_as_utc(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ALICE", tz="Europe/Berlin")
    fake_slack.script("users.info", DROP)
    cache, _ = directory(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"
    assert asked(fake_slack) == 2


async def test_a_failed_refresh_keeps_the_zone_it_knew(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ALICE", tz="Europe/Berlin")
    cache, clock = directory(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"
    clock.advance(7200)
    fake_slack.script("users.info", "bad gateway", status=502)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"


async def test_a_zone_python_does_not_know_falls_back_to_utc(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ALICE", tz="Mars/Olympus_Mons")
    cache, _ = directory(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "UTC"


async def test_users_of_two_workspaces_are_kept_apart(fake_slack: FakeSlack) -> None:
    cache, _ = directory(fake_slack)
    fake_slack.add_user("U0SAME", tz="Europe/Berlin")
    assert await cache.zone_of("T0ONE", "U0SAME") == "Europe/Berlin"
    fake_slack.add_user("U0SAME", tz="Asia/Tokyo")
    assert await cache.zone_of("T0TWO", "U0SAME") == "Asia/Tokyo"
    assert await cache.zone_of("T0ONE", "U0SAME") == "Europe/Berlin"


async def test_workspace_admins_are_known(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ADMIN1", tz="UTC", admin=True)
    cache, _ = directory(fake_slack)
    assert (await cache.person("T0TEAM", "U0ADMIN1")).workspace_admin is True
    assert (await cache.person("T0TEAM", "U0ALICE")).workspace_admin is False


# -- channels ---------------------------------------------------------------------------------


async def test_a_public_channel_with_its_members(fake_slack: FakeSlack) -> None:
    members = {"U0ALICE", "U0CAROL1", "U0DAVE12", "U0ERIN12"}
    fake_slack.add_channel("C0OPS1234", "ops", members=members)
    cache, _ = directory(fake_slack)
    ops = await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0ERIN12")
    assert (ops.name, ops.visible, ops.is_private) == ("ops", True, False)
    assert ops.bot_is_member and ops.person_is_member  # found on the third page
    assert asked(fake_slack, "conversations.members") == 3
    outsider = await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0BOBBY1")
    assert not outsider.person_is_member


async def test_a_private_channel_without_the_bot_cannot_be_seen(fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("G0SECRET1", "secret", members={"U0ALICE"}, private=True, bot=False)
    cache, _ = directory(fake_slack)
    secret = await cache.conversation("T0TEAM", "G0SECRET1", user_id="U0ALICE")
    assert not secret.visible


async def test_membership_is_asked_afresh(fake_slack: FakeSlack) -> None:
    channel = fake_slack.add_channel("C0OPS1234", "ops", members={"U0CAROL1"}, bot=False)
    cache, _ = directory(fake_slack)
    before = await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0ALICE")
    assert not before.bot_is_member and not before.person_is_member
    channel.members |= {"U0ALICE", "U0BOT"}  # she joined and invited the bot
    after = await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0ALICE")
    assert after.bot_is_member and after.person_is_member
    channel.members.discard("U0ALICE")  # and left again
    gone = await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0ALICE")
    assert not gone.person_is_member


async def test_a_channel_typed_by_name_is_found_by_its_id(fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("C0OPS1234", "ops", members={"U0ALICE"})
    cache, _ = directory(fake_slack)
    ops = await cache.conversation("T0TEAM", "#ops", user_id="U0ALICE")
    assert ops.id == "C0OPS1234" and ops.person_is_member
    missing = await cache.conversation("T0TEAM", "#nowhere", user_id="U0ALICE")
    assert not missing.visible


async def test_when_slack_cannot_answer_nothing_is_decided(fake_slack: FakeSlack) -> None:
    fake_slack.script("conversations.info", {"ok": False, "error": "internal_error"}, status=500)
    cache, _ = directory(fake_slack)
    with pytest.raises(SlackUnavailable):
        await cache.conversation("T0TEAM", "C0OPS1234", user_id="U0ALICE")
