"""Where a run's result goes: ``slack:#alerts``, ``slack:C0123ABC``, ``webhook:https://…``;
and what an outbound URL must look like (``check_url``: syntax only — the SSRF guard in
``netguard`` checks the address actually connected to)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from yarl import URL

MAX_URL_LENGTH = 2_048

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


def check_url(url: str, *, field: str = "url") -> str:
    """Check ``url`` is a usable http(s) URL (syntax only); return it stripped.

    Raises ValueError with the reason, starting with ``field``.
    """
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"{field} is required")
    text = url.strip()
    if len(text) > MAX_URL_LENGTH:
        raise ValueError(f"{field} is longer than {MAX_URL_LENGTH} characters")
    try:
        parsed = URL(text)
    except (ValueError, TypeError):
        raise ValueError(f"{field} is not a valid URL") from None
    if parsed.scheme not in ("http", "https"):
        raise ValueError(f"{field} must start with http:// or https://")
    if not parsed.raw_host:
        raise ValueError(f"{field} has no host")
    return text
