"""Where a run's result goes: ``slack:#alerts``, ``slack:C0123ABC``, ``webhook:https://…``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agentcron.delivery.netguard import check_url

_SLACK_ID = re.compile(r"^[CGDUW][A-Z0-9]{6,20}$")
_SLACK_NAME = re.compile(r"^#[\w.\-]{1,80}$")


@dataclass(frozen=True)
class Target:
    kind: Literal["slack", "webhook"]
    #: "#alerts" or "C0123ABC" for Slack; the URL for webhooks
    address: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.address}"


def parse_target(value: str) -> Target:
    """Parse a delivery channel string; ValueError says what is wrong and what would work."""
    if not isinstance(value, str) or ":" not in value:
        raise ValueError("a channel looks like slack:#alerts, slack:C0123ABC or webhook:https://…")
    kind, _, address = value.strip().partition(":")
    kind = kind.lower()
    address = address.strip()
    if kind == "slack":
        return Target("slack", _slack_address(address))
    if kind == "webhook":
        return Target("webhook", check_url(address, field="the webhook URL"))
    raise ValueError(f"unknown channel kind {kind!r} (use slack:#channel or webhook:https://…)")


def _slack_address(address: str) -> str:
    if _SLACK_ID.match(address):
        return address
    name = address if address.startswith("#") else f"#{address}"
    if _SLACK_NAME.match(name) and name == name.lower():
        return name
    raise ValueError(
        "a Slack channel is #name (lowercase letters, digits, - and _) "
        "or a channel ID like C0123ABC"
    )
