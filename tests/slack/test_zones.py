"""Each user's zone from users.info (the fake Slack, through the real client), cached."""

from __future__ import annotations

from datetime import UTC, datetime

from agentcron.app.clock import FrozenClock
from agentcron.app.slack.zones import UserZones
from agentcron.delivery.slack import build_slack_client
from tests.fakes.slack_server import FakeSlack


def zones(fake: FakeSlack) -> tuple[UserZones, FrozenClock]:
    clock = FrozenClock(datetime(2026, 3, 2, 13, 0, tzinfo=UTC))
    client = build_slack_client("xoxb-test", base_url=fake.base_url)
    return UserZones(client, clock=clock), clock


def asked(fake: FakeSlack) -> int:
    return sum(1 for method, _ in fake.calls if method == "users.info")


async def test_the_zone_comes_from_users_info_and_is_remembered_for_an_hour(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.add_user("U0ALICE", tz="Europe/Berlin")
    cache, clock = zones(fake_slack)
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
    cache, _ = zones(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "UTC"
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "America/New_York"
    assert asked(fake_slack) == 2


async def test_a_failed_refresh_keeps_the_zone_it_knew(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ALICE", tz="Europe/Berlin")
    cache, clock = zones(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"
    clock.advance(7200)
    fake_slack.script("users.info", "bad gateway", status=502)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "Europe/Berlin"


async def test_a_zone_python_does_not_know_falls_back_to_utc(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0ALICE", tz="Mars/Olympus_Mons")
    cache, _ = zones(fake_slack)
    assert await cache.zone_of("T0TEAM", "U0ALICE") == "UTC"


async def test_users_of_two_workspaces_are_kept_apart(fake_slack: FakeSlack) -> None:
    cache, _ = zones(fake_slack)
    fake_slack.add_user("U0SAME", tz="Europe/Berlin")
    assert await cache.zone_of("T0ONE", "U0SAME") == "Europe/Berlin"
    fake_slack.add_user("U0SAME", tz="Asia/Tokyo")
    assert await cache.zone_of("T0TWO", "U0SAME") == "Asia/Tokyo"
    assert await cache.zone_of("T0ONE", "U0SAME") == "Europe/Berlin"
