"""The SMTP server e-mail goes through (``AGENTCRON_SMTP_URL``), read without loading a
client: the settings check it at start; ``delivery.email`` sends with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote, urlsplit

from agentcron.delivery.targets import split_addresses

SCHEMES: Final = ("smtp", "smtp+starttls", "smtps")


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send: read from ``AGENTCRON_SMTP_URL`` by ``from_url``."""

    host: str
    port: int
    sender: str
    #: "starttls" (upgrade when offered), "require_starttls" or "tls" (implicit)
    security: str = "starttls"
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    #: a PEM file of authorities to trust instead of the system's (an internal CA)
    ca_file: str | None = None

    @classmethod
    def from_url(
        cls, url: str, *, sender: str | None, ca_file: str | None = None, timeout: float = 30.0
    ) -> SmtpServer:
        """``smtp[s|+starttls]://[user[:password]@]host[:port]``; ValueError says what is
        wrong. The sender is ``sender``, else the login when it is an address."""
        parts = urlsplit(url.strip())
        if parts.scheme not in SCHEMES:
            raise ValueError(
                "AGENTCRON_SMTP_URL must start with smtp://, smtp+starttls:// or smtps://"
            )
        if not parts.hostname:
            raise ValueError("AGENTCRON_SMTP_URL has no host")
        security = {"smtp": "starttls", "smtp+starttls": "require_starttls", "smtps": "tls"}[
            parts.scheme
        ]
        username = unquote(parts.username) if parts.username else None
        password = unquote(parts.password) if parts.password else None
        sender = sender or (username if username and "@" in username else None)
        if not sender:
            raise ValueError("set AGENTCRON_SMTP_FROM: the address e-mails are sent from")
        split_addresses(sender)  # one valid address, no line breaks
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if security == "tls" else 587),
            sender=sender,
            security=security,
            username=username,
            password=password,
            timeout=timeout,
            ca_file=ca_file,
        )
