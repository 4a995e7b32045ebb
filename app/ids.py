"""Public identifiers: a short prefix that says what the thing is, then random characters."""

from __future__ import annotations

import os

_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # RFC 4648 base32, lowercase
#: every 10-bit value as its two characters: an id is 8 table lookups, not a base32 encoder
#: (Python's is written in Python, and the engine makes thousands of ids in a burst)
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]


def new_id(prefix: str, *, length: int = 16) -> str:
    """Return ``prefix_`` followed by ``length`` random lowercase letters and digits.

    Base32 of fresh random bytes: 5 bits of entropy a character (80 bits for the default 16).
    """
    pairs = (length + 1) // 2
    value = int.from_bytes(os.urandom((pairs * 10 + 7) // 8), "big")
    text = "".join(_PAIRS[(value >> (10 * i)) & 1023] for i in range(pairs))
    return f"{prefix}_{text[:length]}"
