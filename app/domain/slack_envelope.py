"""What a request to ``/slack/events`` must look like before slack-bolt reads it. Pure.

slack-bolt trusts the shape of what Slack sends: it indexes ``body["actions"][0]["action_id"]``,
tests ``"id" in body["user"]``, calls ``body.get("event", {}).get("type")`` and matches
``body["view"]["callback_id"]`` against patterns, so a body with ``"user": true`` or
``"actions": null`` raises inside the library and the request ends in a 500. Only a holder of
the signing secret can send such a body, but a wrong shape is still bad input: it is refused
here with 400 naming the field, before bolt sees it.

``read_envelope`` parses the body the way bolt does (JSON when the content type says so or the
text starts with ``{``; else a form whose *last* ``payload`` field, if any, is the JSON) so what
is checked is exactly what bolt will read, then checks the fields bolt and our listeners use:
objects where objects are read, strings where strings are matched, for the kinds of request
agentcron listens to. Fields Slack leaves out stay optional; only a wrong type is refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import parse_qsl

from agentcron.app.errors import InvalidInput

#: fields bolt reads as a string id or an object with an ``id`` (``extract_user_id`` …)
_ID_OR_OBJECT: Final = ("user", "team", "channel", "enterprise")
#: fields bolt matches against a pattern: a string whenever present (not even null)
_MATCHED: Final = ("type", "command", "callback_id", "action_id")
#: fields read as text: a string or null
_STRINGS: Final = (
    "trigger_id",
    "response_url",
    "team_id",
    "user_id",
    "channel_id",
    "text",
    "event_id",
    "api_app_id",
)
#: objects whenever present (bolt calls ``.get`` on them or indexes them)
_OBJECTS: Final = ("event", "view", "message", "previous_message", "container", "state")
#: payload types whose listeners are found by ``callback_id``
_BY_CALLBACK: Final = frozenset(
    {
        "shortcut",
        "message_action",
        "view_submission",
        "view_closed",
        "dialog_submission",
        "dialog_cancellation",
        "dialog_suggestion",
        "interactive_message",
        "workflow_step_edit",
    }
)
#: payloads of clicks, views and shortcuts: their user, team and channel are objects
_INTERACTIONS: Final = _BY_CALLBACK | {"block_actions", "block_suggestion"}
#: event types agentcron answers and the string fields their listeners read
_EVENT_STRINGS: Final = {
    "app_mention": ("channel", "user", "text", "ts"),
    "message": ("channel", "channel_type", "subtype", "ts"),
    "app_home_opened": ("user", "tab", "channel"),
}

#: what Slack always sends with them, and the answer needs (where it goes, to whom)
_EVENT_REQUIRED: Final = {"app_mention": ("channel", "user"), "message": ("channel",)}


class EnvelopeError(InvalidInput):
    """A Slack request body that is not in a shape Slack sends (400, naming the field)."""

    def __init__(self, field: str, reason: str) -> None:
        from agentcron.app.errors import FieldProblem

        super().__init__(FieldProblem(field, reason), status=400)


def read_envelope(text: str, content_type: str) -> dict[str, Any]:
    """The body as slack-bolt will parse it, checked (see the module's docstring)."""
    if not text:
        return {}
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json" or text.startswith("{"):
        body = _json(text, "body")
    elif "payload" in text:  # bolt's own test: a form carrying a JSON payload
        payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
        body = {} if payload is None else _json(payload, "payload")
    else:
        return {}  # a slash command's form: every value is a string
    if not isinstance(body, dict):
        raise EnvelopeError("payload" if "payload" in text else "body", "must be a JSON object")
    check_envelope(body)
    return body


def check_envelope(body: Mapping[str, Any], *, prefix: str = "") -> None:
    """Raise EnvelopeError for the first field of ``body`` whose type bolt or a listener
    would trip over."""
    _common(body, prefix)
    kind = body.get("type")
    if kind in _INTERACTIONS:
        for name in ("user", "team", "channel"):
            if body.get(name) is not None and not isinstance(body[name], dict):
                raise EnvelopeError(f"{prefix}{name}", "must be an object")
    if kind == "block_actions" or kind == "interactive_message":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            raise EnvelopeError(f"{prefix}actions", "must be a non-empty list of actions")
        for index, action in enumerate(actions):
            field = f"{prefix}actions[{index}]"
            if not isinstance(action, dict):
                raise EnvelopeError(field, "must be an object")
            if kind == "block_actions" and not isinstance(action.get("action_id"), str):
                raise EnvelopeError(f"{field}.action_id", "must be a string")
            _strings(action, ("value", "type", "block_id"), f"{field}.")
            option = action.get("selected_option")
            if option is not None and not isinstance(option, dict):
                raise EnvelopeError(f"{field}.selected_option", "must be an object")
            if option is not None:
                _strings(option, ("value",), f"{field}.selected_option.")
    if kind in _BY_CALLBACK:
        holder = body.get("view") if kind in ("view_submission", "view_closed") else body
        where = f"{prefix}view." if holder is not body else prefix
        if not isinstance(holder, dict):
            raise EnvelopeError(f"{prefix}view", "must be an object")
        if not isinstance(holder.get("callback_id"), str):
            raise EnvelopeError(f"{where}callback_id", "must be a string")
        if holder is not body:
            _view(holder, where)
    if kind == "block_suggestion" and not isinstance(body.get("action_id"), str):
        raise EnvelopeError(f"{prefix}action_id", "must be a string")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            raise EnvelopeError(f"{prefix}event", "must be an object")
        if not isinstance(event.get("type"), str):
            raise EnvelopeError(f"{prefix}event.type", "must be a string")
        _strings(event, _EVENT_STRINGS.get(event["type"], ()), f"{prefix}event.")
        for name in _EVENT_REQUIRED.get(event["type"], ()):
            if not isinstance(event.get(name), str):
                raise EnvelopeError(f"{prefix}event.{name}", "must be a string")
        _common(event, f"{prefix}event.")


def clicked_value(action: Mapping[str, Any]) -> str | None:
    """What a click carries: a button's ``value`` or a menu's ``selected_option.value``;
    None when it carries neither (every button and menu agentcron sends has one, so such a
    click is not on anything of ours)."""
    value = action.get("value")
    if isinstance(value, str):
        return value
    option = action.get("selected_option")
    if isinstance(option, Mapping) and isinstance(option.get("value"), str):
        return str(option["value"])
    return None


def _common(body: Mapping[str, Any], prefix: str) -> None:
    for name in _ID_OR_OBJECT:
        value = body.get(name)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, dict):
            raise EnvelopeError(f"{prefix}{name}", "must be an id or an object")
        _strings(value, ("id", "team_id", "name"), f"{prefix}{name}.")
    for name in _MATCHED:
        if name in body and not isinstance(body[name], str):
            raise EnvelopeError(f"{prefix}{name}", "must be a string")
    _strings(body, _STRINGS, prefix)
    for name in _OBJECTS:
        if name in body and body[name] is not None and not isinstance(body[name], dict):
            raise EnvelopeError(f"{prefix}{name}", "must be an object")
    authorizations = body.get("authorizations")
    if authorizations is not None:
        if not isinstance(authorizations, list):
            raise EnvelopeError(f"{prefix}authorizations", "must be a list")
        if authorizations:
            first = authorizations[0]
            if not isinstance(first, dict):
                raise EnvelopeError(f"{prefix}authorizations[0]", "must be an object")
            _common(first, f"{prefix}authorizations[0].")
    if "response_url" not in body and "response_urls" in body:
        urls = body["response_urls"]
        if not isinstance(urls, list) or not all(isinstance(u, dict) for u in urls):
            raise EnvelopeError(f"{prefix}response_urls", "must be a list of objects")
    message = body.get("message")
    if isinstance(message, dict):
        _strings(message, ("text", "ts", "user", "thread_ts"), f"{prefix}message.")


def _view(view: Mapping[str, Any], prefix: str) -> None:
    """A submitted or closed view: Slack always sends its type, its private_metadata (a
    string, empty when none) and its state's values (an object of blocks of inputs)."""
    if not isinstance(view.get("type"), str):
        raise EnvelopeError(f"{prefix}type", "must be a string")
    for name in ("id", "private_metadata", "hash", "team_id", "app_installed_team_id"):
        if name in view and not isinstance(view[name], str):
            raise EnvelopeError(f"{prefix}{name}", "must be a string")
    state = view.get("state", {})
    if not isinstance(state, dict):
        raise EnvelopeError(f"{prefix}state", "must be an object")
    values = state.get("values", {})
    if not isinstance(values, dict):
        raise EnvelopeError(f"{prefix}state.values", "must be an object")
    for block_id, block in values.items():
        if not isinstance(block, dict) or not all(isinstance(v, dict) for v in block.values()):
            raise EnvelopeError(
                f"{prefix}state.values.{block_id}", "must be an object of input objects"
            )


def _strings(body: Mapping[str, Any], names: tuple[str, ...], prefix: str) -> None:
    for name in names:
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise EnvelopeError(f"{prefix}{name}", "must be a string")


def _json(text: str, field: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise EnvelopeError(field, "is not JSON") from None
