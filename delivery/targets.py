"""Where a run's result goes: ``slack:#alerts``, ``slack:C0123ABC``, ``webhook:https://…``,
``email:ops@example.com`` (or several, comma-separated); and what an outbound URL must look
like (``check_url``: syntax only — the SSRF guard in ``netguard`` checks the address actually
connected to)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.errors import HeaderParseError, MessageError
from email.headerregistry import Address
from typing import Literal

from yarl import URL

MAX_URL_LENGTH = 2_048
MAX_RECIPIENTS = 10
MAX_ADDRESS_LENGTH = 254

_SLACK_ID = re.compile(r"^[CGDUW][A-Z0-9]{6,20}$")
_SLACK_NAME = re.compile(r"^#[\w.\-]{1,80}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LABEL = r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


@dataclass(frozen=True)
class Target:
    kind: Literal["slack", "webhook", "email"]
    #: "#alerts" or "C0123ABC" for Slack; the URL for webhooks; for e-mail the addresses,
    #: comma-separated ("ops@example.com,oncall@example.com")
    address: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.address}"


def parse_target(value: str) -> Target:
    """Parse a delivery channel string; ValueError says what is wrong and what would work."""
    if not isinstance(value, str) or ":" not in value:
        raise ValueError(
            "a channel looks like slack:#alerts, slack:C0123ABC, webhook:https://… or "
            "email:ops@example.com"
        )
    kind, _, address = value.strip().partition(":")
    kind = kind.lower()
    address = address.strip()
    if kind == "slack":
        return Target("slack", _slack_address(address))
    if kind == "webhook":
        return Target("webhook", check_url(address, field="the webhook URL"))
    if kind == "email":
        return Target("email", ",".join(split_addresses(address)))
    raise ValueError(
        f"unknown channel kind {kind!r} (use slack:#channel, webhook:https://… or email:…)"
    )


def split_addresses(text: str) -> list[str]:
    """E-mail addresses, one or a comma-separated list (at most MAX_RECIPIENTS), each a
    plain ``local@domain``; ValueError names the one at fault. A line break or any other
    control character is refused outright: in a header it would start a header of its own."""
    if not isinstance(text, str) or _CONTROL.search(text):
        raise ValueError("an e-mail address may not contain line breaks or control characters")
    items = [item.strip() for item in text.split(",")]
    if not any(items):
        raise ValueError("an e-mail channel needs an address: email:ops@example.com")
    if len(items) > MAX_RECIPIENTS:
        raise ValueError(f"an e-mail channel takes at most {MAX_RECIPIENTS} addresses")
    return list(dict.fromkeys(_address(item) for item in items))


def _address(item: str) -> str:
    if not item or len(item) > MAX_ADDRESS_LENGTH or "@" not in item:
        raise ValueError(f"{item!r} is not an e-mail address like ops@example.com")
    try:
        parsed = Address(addr_spec=item)
    except (ValueError, IndexError, HeaderParseError, MessageError):
        raise ValueError(f"{item!r} is not an e-mail address like ops@example.com") from None
    if not parsed.username or not _DOMAIN.match(parsed.domain or ""):
        raise ValueError(f"{item!r} is not an e-mail address like ops@example.com")
    return parsed.addr_spec


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
