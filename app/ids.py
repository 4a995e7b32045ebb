"""Public identifiers: a short prefix that says what the thing is, then random characters."""

from __future__ import annotations

import base64
import secrets


def new_id(prefix: str, *, length: int = 16) -> str:
    """Return ``prefix_`` followed by ``length`` random lowercase letters and digits.

    Base32 of fresh random bytes: 5 bits of entropy a character (80 bits for the default 16),
    one system call an id — the engine makes thousands in a burst.
    """
    raw = secrets.token_bytes((length * 5 + 7) // 8)
    return f"{prefix}_" + base64.b32encode(raw).decode("ascii").lower()[:length]
