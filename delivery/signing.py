"""HMAC signatures for webhook deliveries and job events, so receivers can trust them.

Header: ``X-Agentcron-Signature: t=<unix seconds>,v1=<hex>`` where ``<hex>`` is
HMAC-SHA256 with the shared secret over ``f"{t}.".encode() + body`` (the exact bytes
sent). The timestamp is signed too, so a captured request cannot be replayed after the
tolerance window (5 minutes by default). To verify: recompute over the raw body, compare
in constant time, and check the timestamp is recent. Several ``v1=`` entries may appear
while a secret is being rotated; any one matching is enough.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Agentcron-Signature"
EVENT_HEADER = "X-Agentcron-Event"
DELIVERY_HEADER = "X-Agentcron-Delivery"
#: the same for every try of the same thing for the same slot (see the README)
IDEMPOTENCY_HEADER = "Idempotency-Key"
DEFAULT_TOLERANCE = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Agentcron-Signature`` header value for ``body`` sent at ``timestamp``."""
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(
    secret: str, header: str, body: bytes, *, now: int, tolerance: int = DEFAULT_TOLERANCE
) -> bool:
    """Whether ``header`` is a valid signature of ``body`` made within ``tolerance`` of ``now``."""
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or abs(now - timestamp) > tolerance:
        return False
    expected = _digest(secret, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
