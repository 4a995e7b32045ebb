"""Many workspaces: installed through slack-bolt's OAuth flow (the fake answers
``oauth.v2.access``), tokens kept encrypted in agentcron's database, each workspace's people
separate owners, and each workspace reached with its own token."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Connection, select

from agentcron.app.asgi import create_app
from agentcron.app.config import Settings
from agentcron.app.runtime import Runtime
from agentcron.app.storage.jobs import JobQuery
from agentcron.app.storage.slack_installs import bot_tokens
from agentcron.app.storage.tables import slack_installations
from agentcron.delivery.base import Message
from agentcron.delivery.pacing import Pacer
from agentcron.delivery.slack import SlackChannel, build_slack_client
from agentcron.delivery.targets import parse_target
from tests.fakes.slack_server import FakeSlack
from tests.slack.conftest import ALICE, SECRET, SlackUser, buttons, card_text

# slack_sdk's oauth.v2.access sends its client credentials with aiohttp's BasicAuth, which
# aiohttp 3.12+ marks deprecated (a warning, an error under this suite's settings)
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")

ONE, TWO = "T0ONE1234", "T0TWO1234"
KEY = Fernet.generate_key().decode()


@pytest.fixture
async def http(
    settings: Settings, runtime: Runtime, fake_slack: FakeSlack
) -> AsyncIterator[httpx.AsyncClient]:
    settings.slack_signing_secret = SECRET
    settings.slack_bot_token = None  # no single token: every workspace installs the app
    settings.slack_client_id = "111.222"
    settings.slack_client_secret = "oauth-client-secret"
    settings.slack_token_key = KEY
    settings.slack_api_url = fake_slack.base_url
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://agentcron.test"
    ) as client:
        yield client


async def install(http: httpx.AsyncClient, fake: FakeSlack, team_id: str) -> str:
    """What an admin does: open /slack/install, approve at Slack, come back with a code."""
    token = fake.add_installation(f"code-{team_id}", team_id=team_id, user_id="U0ADMIN1")
    page = await http.get("/slack/install")
    assert page.status_code == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link is not None, page.text
    query = urllib.parse.parse_qs(urllib.parse.urlparse(link.group(1).replace("&amp;", "&")).query)
    assert query["client_id"] == ["111.222"]
    assert set(query["scope"][0].split(",")) >= {"commands", "chat:write", "channels:read"}
    done = await http.get(
        "/slack/oauth_redirect", params={"code": f"code-{team_id}", "state": query["state"][0]}
    )
    assert done.status_code == 200, done.text
    return token


def user_in(http: httpx.AsyncClient, fake: FakeSlack, team_id: str) -> SlackUser:
    app = http._transport.app  # type: ignore[attr-defined]
    # the same user id in each workspace: numbered apart, so their reply URLs differ
    return SlackUser(http, app, fake, ALICE, team_id, _count=int(team_id, 36) % 10**6 * 1000)


async def test_two_workspaces_installed_and_kept_apart(
    http: httpx.AsyncClient, fake_slack: FakeSlack, runtime: Runtime
) -> None:
    one_token = await install(http, fake_slack, ONE)
    two_token = await install(http, fake_slack, TWO)

    # tokens are encrypted at rest
    def rows(conn: Connection) -> list[Any]:
        return list(conn.execute(select(slack_installations)))

    stored = await runtime.db.read(rows)
    assert {row.team_id for row in stored} == {ONE, TWO}
    assert all("xoxb" not in row.secret for row in stored)

    # the same user id in two workspaces: two people, two owners
    alice_one, alice_two = user_in(http, fake_slack, ONE), user_in(http, fake_slack, TWO)
    card = await alice_one.command("every day at 9am water the plants")
    await alice_one.click(buttons(card)["Create"])
    card = await alice_two.command("every day at 7am feed the cat")
    await alice_two.click(buttons(card)["Create"])
    [one_job], _ = await runtime.jobs.list(f"slack:{ONE}:{ALICE}", JobQuery())
    [two_job], _ = await runtime.jobs.list(f"slack:{TWO}:{ALICE}", JobQuery())
    assert one_job["goal"] == "water the plants" and two_job["goal"] == "feed the cat"
    assert "feed the cat" not in card_text(await alice_one.command("list"))

    # each workspace was asked about its people with its own token
    asked = {token for method, _, token in fake_slack.authed if method == "users.info"}
    assert asked == {one_token, two_token}

    # and a result is posted with the token of its owner's workspace
    channel = SlackChannel(
        build_slack_client(None, base_url=fake_slack.base_url),
        pacer=Pacer(),
        tokens=bot_tokens(runtime.db, client_id="111.222", keys=KEY, clock=runtime.clock),
    )
    message = Message(
        job_id=two_job["id"],
        job_name="feed",
        run_id="run_1",
        status="succeeded",
        output="fed",
        workspace=TWO,
    )
    result = await channel.send(parse_target("slack:C0GENERAL"), message)
    assert result.status == "delivered"
    assert fake_slack.tokens[-1] == two_token
    elsewhere = await channel.send(
        parse_target("slack:C0GENERAL"), Message(**{**message.__dict__, "workspace": "T0NOPE"})
    )
    assert elsewhere.status == "failed" and "not installed" in elsewhere.detail


async def test_a_workspace_that_did_not_install_gets_nothing(
    http: httpx.AsyncClient, fake_slack: FakeSlack, runtime: Runtime
) -> None:
    await install(http, fake_slack, ONE)
    stranger = user_in(http, fake_slack, "T0NOTHERE")
    response, ident = await stranger.send_command("every day at 9am water the plants")
    assert response.status_code == 200
    # slack-bolt tells them to install the app: no card, no job
    [answer] = fake_slack.responses(ident)
    assert "reinstall this app" in answer["text"] and "blocks" not in answer
    assert await runtime.jobs.list(f"slack:T0NOTHERE:{ALICE}", JobQuery()) == ([], 0)


async def test_a_forged_or_reused_state_installs_nothing(
    http: httpx.AsyncClient, fake_slack: FakeSlack, runtime: Runtime
) -> None:
    fake_slack.add_installation("code-x", team_id=ONE, user_id="U0ADMIN1")
    forged = await http.get("/slack/oauth_redirect", params={"code": "code-x", "state": "forged"})
    assert forged.status_code >= 400

    def count(conn: Connection) -> int:
        return len(list(conn.execute(select(slack_installations.c.id))))

    assert await runtime.db.read(count) == 0


async def test_without_oauth_settings_there_is_no_install_page(
    settings: Settings, runtime: Runtime
) -> None:
    settings.slack_signing_secret = SECRET
    settings.slack_bot_token = "xoxb-single"
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        assert (await client.get("/slack/install")).status_code == 404


async def test_token_keys_rotate_and_a_lost_key_reads_as_not_installed(runtime: Runtime) -> None:
    from slack_sdk.oauth.installation_store import Installation

    from agentcron.app.storage.slack_installs import (
        SlackInstallationStore,
        TokenKeyError,
        token_cipher,
    )

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()

    def store(keys: str) -> SlackInstallationStore:
        return SlackInstallationStore(
            runtime.db, client_id="111.222", cipher=token_cipher(keys), clock=runtime.clock
        )

    await store(old).async_save(
        Installation(team_id=ONE, user_id="U0ADMIN1", bot_token="xoxb-one", bot_user_id="U0BOT")
    )
    rotated = await store(f"{new},{old}").async_find_bot(enterprise_id=None, team_id=ONE)
    assert rotated is not None and rotated.bot_token == "xoxb-one"
    assert await store(new).async_find_bot(enterprise_id=None, team_id=ONE) is None
    for bad in ("", "not-a-key"):
        with pytest.raises(TokenKeyError):
            token_cipher(bad)


async def test_oauth_without_a_key_is_not_configured(settings: Settings, runtime: Runtime) -> None:
    settings.slack_signing_secret = SECRET
    settings.slack_client_id, settings.slack_client_secret = "111.222", "secret"
    settings.slack_token_key = None
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        response = await client.get("/slack/install")
    assert response.status_code == 404
