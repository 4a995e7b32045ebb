"""read_envelope: a Slack request body parsed as slack-bolt parses it, refused (400, naming
the field) when a field bolt or a listener reads has a type Slack never sends."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import pytest

from agentcron.app.domain.slack_envelope import EnvelopeError, clicked_value, read_envelope

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
CLICK = {
    "type": "block_actions",
    "user": {"id": "U1", "team_id": "T1"},
    "team": {"id": "T1"},
    "actions": [{"action_id": "agentcron_create", "value": "d1", "type": "button"}],
}
VIEW = {
    "type": "view_submission",
    "user": {"id": "U1"},
    "view": {"type": "modal", "callback_id": "v", "private_metadata": "", "state": {"values": {}}},
}
MENTION = {
    "type": "event_callback",
    "team_id": "T1",
    "event": {"type": "app_mention", "user": "U1", "channel": "C1", "text": "hi", "ts": "1.2"},
}


def form(payload: Any) -> str:
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def changed(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(body))
    node = copy
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return copy


OK = [
    (form(CLICK), FORM),
    (form(VIEW), FORM),
    (json.dumps(MENTION), JSON),
    ("command=%2Fschedule&text=list&user_id=U1", FORM),  # a slash command: all strings
    ("", FORM),
    (form({**CLICK, "team": None, "enterprise": None}), FORM),  # Slack sends nulls here
    (json.dumps({"type": "url_verification", "challenge": "c"}), JSON),
    (json.dumps({**MENTION, "event": {**MENTION["event"], "type": "reaction_added"}}), JSON),
]
REFUSED = [
    # (body, content type, the field named)
    (form(changed(CLICK, "actions", None)), FORM, "actions"),
    (form(changed(CLICK, "actions", [])), FORM, "actions"),
    (form(changed(CLICK, "actions", [5])), FORM, "actions[0]"),
    (form(changed(CLICK, "actions.0.action_id", KeyError)), FORM, "actions[0].action_id"),
    (form(changed(CLICK, "actions.0.value", 5)), FORM, "actions[0].value"),
    (form(changed(CLICK, "user", True)), FORM, "user"),
    (form(changed(CLICK, "user", "U1")), FORM, "user"),  # an interaction's user is an object
    (form(changed(CLICK, "user.id", 5)), FORM, "user.id"),
    (form(changed(CLICK, "type", None)), FORM, "type"),
    (form(changed(CLICK, "authorizations", {"a": 1})), FORM, "authorizations"),
    (form(changed(CLICK, "response_urls", 5)), FORM, "response_urls"),
    (form(changed(VIEW, "view", None)), FORM, "view"),
    (form(changed(VIEW, "view.callback_id", KeyError)), FORM, "view.callback_id"),
    (form(changed(VIEW, "view.type", KeyError)), FORM, "view.type"),
    (form(changed(VIEW, "view.private_metadata", None)), FORM, "view.private_metadata"),
    (form(changed(VIEW, "view.state", [])), FORM, "view.state"),
    (form(changed(VIEW, "view.state.values", None)), FORM, "view.state.values"),
    (form(changed(VIEW, "view.state.values", {"b": 5})), FORM, "view.state.values.b"),
    (json.dumps(changed(MENTION, "event", None)), JSON, "event"),
    (json.dumps(changed(MENTION, "event.type", KeyError)), JSON, "event.type"),
    (json.dumps(changed(MENTION, "event.channel", KeyError)), JSON, "event.channel"),
    (json.dumps(changed(MENTION, "event.user", 7)), JSON, "event.user"),
    (json.dumps(changed(MENTION, "event.text", [])), JSON, "event.text"),
    (json.dumps({"command": 5}), JSON, "command"),
    # parsed as bolt parses: a form body that starts with "{" is JSON to bolt
    ("{not json", FORM, "body"),
    (json.dumps([1, 2]), JSON, "body"),
    # bolt reads the last of two payload fields
    ("payload=%7B%7D&payload=%5B", FORM, "payload"),
    ("payload=" + urllib.parse.quote("[" * 100_000), FORM, "payload"),
]


@pytest.mark.parametrize(("text", "content_type"), OK)
def test_what_slack_sends_is_read(text: str, content_type: str) -> None:
    assert isinstance(read_envelope(text, content_type), dict)


@pytest.mark.parametrize(("text", "content_type", "field"), REFUSED)
def test_a_wrong_shape_is_refused_naming_the_field(
    text: str, content_type: str, field: str
) -> None:
    with pytest.raises(EnvelopeError) as refused:
        read_envelope(text, content_type)
    assert refused.value.status == 400
    assert refused.value.problems[0].field == field


@pytest.mark.parametrize(
    ("action", "value"),
    [
        ({"value": "d1"}, "d1"),
        ({"selected_option": {"value": "pause:j1"}}, "pause:j1"),
        ({"value": 5}, None),
        ({}, None),
        ({"selected_option": None}, None),
        ({"selected_option": {"value": None}}, None),
    ],
)
def test_the_value_a_click_carries(action: dict[str, Any], value: str | None) -> None:
    assert clicked_value(action) == value
