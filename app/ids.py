"""Public identifiers: a short prefix that says what the thing is, then random characters."""

from __future__ import annotations

import secrets

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def new_id(prefix: str, *, length: int = 16) -> str:
    """Return ``prefix_`` followed by ``length`` random lowercase letters and digits."""
    return f"{prefix}_" + "".join(secrets.choice(_ALPHABET) for _ in range(length))
