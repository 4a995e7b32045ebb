"""Signed requests whose bodies are not in a shape Slack sends: every field of every kind of
request the app listens to (commands, clicks on each of its buttons, each of its views,
shortcuts, mentions, direct messages, the Home tab) replaced by a value of another type, or
left out. Only someone holding the signing secret can send these, but a wrong shape must
still be a 4xx (or a quiet acknowledgement), never a 500 from slack-bolt's matching or our
listeners."""

from __future__ import annotations

import copy
import itertools
import json
import urllib.parse
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentcron.app.slack import actions, cards, home, views
from tests.slack.conftest import CHANNEL, TEAM, SlackUser, sign

RESPONSE_URL = "RESPONSE_URL"  # replaced by the fake Slack's own when sent
USER = {"id": "U0ALICE", "team_id": TEAM, "username": "alice"}


def _click(action_id: str, value: str = "x") -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": USER,
        "api_app_id": "A0APP",
        "team": {"id": TEAM, "domain": "example"},
        "channel": {"id": CHANNEL, "name": "general"},
        "container": {"type": "message", "is_ephemeral": True},
        "trigger_id": "trigger-1",
        "response_url": RESPONSE_URL,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b",
                "type": "button",
                "value": value,
                "action_ts": "1700000000.000100",
            }
        ],
    }


def _view(callback_id: str) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": USER,
        "team": {"id": TEAM, "domain": "example"},
        "api_app_id": "A0APP",
        "trigger_id": "trigger-1",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": "{}",
            "state": {"values": {"b": {"a": {"type": "plain_text_input", "value": "every day"}}}},
        },
    }


def _event(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "token": "legacy-token",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "type": "event_callback",
        "event_id": "Ev1",
        "event_time": 1700000000,
        "authorizations": [{"team_id": TEAM, "user_id": "U0BOT", "is_bot": True}],
        "event": {"user": "U0ALICE", "ts": "1700000000.000200", **event},
    }


ACTION_IDS = sorted(
    {
        cards.CREATE,
        cards.TRY,
        cards.EDIT,
        cards.DELETE,
        cards.KEEP,
        cards.JOB_MENU,
        cards.CONFIRM_EDIT,
        cards.CANCEL_EDIT,
        cards.CANCEL,
        views.HOME_NEW,
        *actions.RESULT_VERBS,
        *home.HOME_VERBS,
    }
)
PAYLOADS: list[dict[str, Any]] = [
    *(_click(action_id) for action_id in ACTION_IDS),
    *(_view(callback) for callback in (cards.EDIT_VIEW, views.CREATE_VIEW, views.PREVIEW_VIEW)),
    {
        "type": "shortcut",
        "callback_id": views.SHORTCUT_NEW,
        "user": USER,
        "team": {"id": TEAM},
        "trigger_id": "trigger-1",
    },
    {
        "type": "message_action",
        "callback_id": views.SHORTCUT_MESSAGE,
        "user": USER,
        "team": {"id": TEAM},
        "channel": {"id": CHANNEL},
        "message": {"text": "every day at 9 check the deploys", "ts": "1.2"},
        "trigger_id": "trigger-1",
        "response_url": RESPONSE_URL,
    },
]
EVENTS: list[dict[str, Any]] = [
    _event({"type": "app_mention", "text": "<@U0BOT> list", "channel": CHANNEL}),
    _event({"type": "message", "channel_type": "im", "text": "list", "channel": "D0ALICE"}),
    _event({"type": "app_home_opened", "tab": "home", "channel": "D0ALICE"}),
]
COMMAND = {
    "token": "legacy-token",
    "team_id": TEAM,
    "channel_id": CHANNEL,
    "user_id": "U0ALICE",
    "command": "/schedule",
    "text": "list",
    "api_app_id": "A0APP",
    "response_url": RESPONSE_URL,
    "trigger_id": "trigger-1",
}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


MISSING = object()
WRONG = st.sampled_from(
    [MISSING, None, True, 0, -1, 1.5, "", "x", "\u0000", [], [None], [{}], {}, {"id": None}]
)


def _mutated(template: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    body = copy.deepcopy(template)
    node = body
    for step in path[:-1]:
        node = node[step]
    if value is MISSING:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return body


def _cases(templates: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        *(st.builds(_mutated, st.just(t), st.sampled_from(_paths(t)), WRONG) for t in templates)
    )


FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FORM = "application/x-www-form-urlencoded"
EVENT_IDS = itertools.count()


@FUZZ
@given(payload=_cases(PAYLOADS))
async def test_interactions_of_a_wrong_shape_are_never_a_server_error(
    alice: SlackUser, payload: dict[str, Any]
) -> None:
    text = json.dumps(payload).replace(RESPONSE_URL, alice.fake.response_url("fuzz"))
    response = await alice.post(urllib.parse.urlencode({"payload": text}), FORM)
    assert response.status_code < 500, text


@FUZZ
@given(event=_cases(EVENTS))
async def test_events_of_a_wrong_shape_are_never_a_server_error(
    alice: SlackUser, event: dict[str, Any]
) -> None:
    event = {**event, "event_id": f"Ev{next(EVENT_IDS)}"}  # not deduplicated as a retry
    response = await alice.post(json.dumps(event), "application/json")
    assert response.status_code < 500, json.dumps(event)


@FUZZ
@given(path=st.sampled_from(sorted(COMMAND)), value=st.sampled_from([MISSING, "", "\u0000", "x"]))
async def test_commands_of_a_wrong_shape_are_never_a_server_error(
    alice: SlackUser, path: str, value: Any
) -> None:
    form = _mutated(COMMAND, (path,), value)
    if form.get("response_url") == RESPONSE_URL:
        form["response_url"] = alice.fake.response_url("fuzz")
    body = urllib.parse.urlencode(form)
    response = await alice.post(body, FORM)
    assert response.status_code < 500, (path, value, response.text)


async def test_an_envelope_of_the_wrong_shape_is_refused_naming_the_field(
    alice: SlackUser,
) -> None:
    payload = _mutated(PAYLOADS[0], ("actions",), None)
    body = urllib.parse.urlencode({"payload": json.dumps(payload)})
    response = await alice.post(body, FORM, sign(body))
    assert response.status_code == 400
    assert "actions" in response.text
