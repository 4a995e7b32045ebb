"""Requests to /slack/events that are replayed or malformed: answered once, never a 500."""

from __future__ import annotations

import json
import urllib.parse

from tests.fakes.slack_server import FakeSlack
from tests.slack.conftest import CHANNEL, SlackUser, sign


def _command(alice: SlackUser, fake: FakeSlack, text: str) -> str:
    form = {
        "team_id": alice.team_id,
        "channel_id": CHANNEL,
        "user_id": alice.user_id,
        "command": "/schedule",
        "text": text,
        "response_url": fake.response_url("replayed"),
        "trigger_id": "trigger-1",
    }
    return urllib.parse.urlencode(form)


async def test_a_signed_command_replayed_within_the_window_runs_once(
    alice: SlackUser, fake_slack: FakeSlack
) -> None:
    body = _command(alice, fake_slack, "list")
    headers = sign(body)
    first = await alice.post(body, "application/x-www-form-urlencoded", headers)
    again = await alice.post(body, "application/x-www-form-urlencoded", headers)
    assert first.status_code == 200 and again.status_code == 200
    assert len(fake_slack.responses("replayed")) == 1
    # the same command signed afresh (a new timestamp) is a new request
    fresh = sign(body, timestamp=int(headers["X-Slack-Request-Timestamp"]) + 1)
    await alice.post(body, "application/x-www-form-urlencoded", fresh)
    assert len(fake_slack.responses("replayed")) == 2


async def test_malformed_requests_are_refused_not_crashed_on(
    alice: SlackUser, fake_slack: FakeSlack
) -> None:
    body = _command(alice, fake_slack, "list")
    form = "application/x-www-form-urlencoded"
    stamp = {**sign(body), "X-Slack-Request-Timestamp": "abc"}
    assert (await alice.post(body, form, stamp)).status_code == 401
    raw = b"text=\xff\xfe&user_id=U1"
    not_utf8 = await alice.http.post(
        "/slack/events",
        content=raw,
        headers={"Content-Type": form, **sign(raw.decode("latin-1"))},
    )
    assert not_utf8.status_code == 400
    payload = urllib.parse.urlencode({"payload": "{not json"})
    assert (await alice.post(payload, form)).status_code == 400
    listed = urllib.parse.urlencode({"payload": json.dumps([1, 2])})
    assert (await alice.post(listed, form)).status_code < 500
    assert (await alice.post("{", "application/json")).status_code < 500
    assert fake_slack.responses("replayed") == []
