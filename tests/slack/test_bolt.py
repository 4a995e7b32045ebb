"""/slack/events through the ASGI app: signatures, configuration, and each surface once."""

from __future__ import annotations

import json
import time
import urllib.parse

import httpx

from agentcron.app.asgi import create_app
from agentcron.app.runtime import Runtime
from agentcron.app.storage.jobs import JobQuery
from tests.slack.conftest import ALICE, CHANNEL, TEAM, SlackUser, buttons, card_text, sign

COMMAND = urllib.parse.urlencode(
    {
        "team_id": TEAM,
        "user_id": ALICE,
        "channel_id": CHANNEL,
        "command": "/schedule",
        "text": "help",
        "response_url": "http://127.0.0.1:9/unused",
    }
)


async def test_a_signed_command_is_acknowledged_at_once(alice: SlackUser) -> None:
    reply = await alice.command("help")
    assert "/schedule list" in card_text(reply)
    assert reply["response_type"] == "ephemeral"


async def test_a_wrong_signature_is_refused(alice: SlackUser) -> None:
    headers = sign(COMMAND, secret="another-secret")
    response = await alice.post(COMMAND, "application/x-www-form-urlencoded", headers)
    assert response.status_code == 401
    assert alice.fake.calls == []


async def test_a_stale_signature_is_refused(alice: SlackUser) -> None:
    # correctly signed, six minutes ago: outside Slack's five-minute window (a replay)
    headers = sign(COMMAND, timestamp=int(time.time()) - 360)
    response = await alice.post(COMMAND, "application/x-www-form-urlencoded", headers)
    assert response.status_code == 401
    assert alice.fake.calls == []


async def test_a_missing_signature_is_refused(alice: SlackUser) -> None:
    response = await alice.post(COMMAND, "application/x-www-form-urlencoded", {})
    assert response.status_code == 401


async def test_a_signature_over_another_body_is_refused(alice: SlackUser) -> None:
    headers = sign(COMMAND.replace("help", "list"))
    response = await alice.post(COMMAND, "application/x-www-form-urlencoded", headers)
    assert response.status_code == 401


async def test_without_slack_settings_the_endpoint_is_not_found(runtime: Runtime) -> None:
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        response = await http.post("/slack/events", content=COMMAND, headers=sign(COMMAND))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "SLACK_SIGNING_SECRET" in response.json()["detail"]


async def test_url_verification_is_answered(alice: SlackUser) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    response = await alice.post(body, "application/json")
    assert response.status_code == 200
    assert response.json() == {"challenge": "abc123"}


async def test_the_first_request_checks_the_token_with_the_fake_not_slack(
    alice: SlackUser,
) -> None:
    await alice.command("help")
    await alice.command("help")
    methods = [method for method, _ in alice.fake.calls]
    assert methods.count("auth.test") == 1
    assert alice.fake.tokens[0] == "xoxb-test-token"


async def test_an_unhandled_failure_reaches_the_user_as_a_short_message(alice: SlackUser) -> None:
    await alice.command("help")  # builds the app

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database is on fire")

    alice.slack.commands.jobs.list = broken  # type: ignore[method-assign]
    reply = await alice.command("list")
    text = card_text(reply)
    assert "something went wrong on my side" in text
    assert "fire" not in text and "Traceback" not in text


async def test_a_create_button_from_someone_else_is_refused(alice: SlackUser) -> None:
    card = await alice.command("every day at 9am water the plants")
    bob = alice.as_user("U0BOBBY1")
    ident = await bob.click(buttons(card)["Create"])
    [answer] = alice.fake.responses(ident)
    assert "Only <@U0ALICE> can confirm" in card_text(answer)
    assert answer["replace_original"] is False
    assert await alice.slack.rt.jobs.list(f"slack:{TEAM}:U0BOBBY1", JobQuery()) == ([], 0)
    assert await alice.slack.rt.jobs.list(f"slack:{TEAM}:{ALICE}", JobQuery()) == ([], 0)
