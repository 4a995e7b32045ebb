"""Retry policy: decides, never acts. ``retry_delay`` answers "retry in N seconds" or None."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

DEFAULT_POLICY: dict[str, Any] = {
    "max_attempts": 1,
    "strategy": "exponential",
    "base_delay": 60,
    "max_delay": None,
    "jitter": True,
}
JITTER = 0.2  # ±20%: enough to spread a herd of retries, small enough to stay predictable


def retry_delay(
    policy: Mapping[str, Any] | None,
    *,
    attempt: int,
    rng: random.Random | None = None,
) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or None when ``attempt`` was the last.

    ``attempt`` counts from 1. exponential: base·2^(n-1); linear: base·n; fixed: base;
    capped at ``max_delay`` (default: one day), then jittered by ±20% unless ``jitter`` is false.
    """
    merged = {**DEFAULT_POLICY, **(policy or {})}
    if attempt >= int(merged["max_attempts"]):
        return None
    base = float(merged["base_delay"])
    strategy = merged["strategy"]
    if strategy == "exponential":
        delay = base * (2 ** min(attempt - 1, 30))
    elif strategy == "linear":
        delay = base * attempt
    else:
        delay = base
    cap = merged["max_delay"]
    delay = min(delay, float(cap) if cap is not None else 86_400.0)
    if merged.get("jitter", True) and delay > 0:
        delay *= 1 + (rng or random).uniform(-JITTER, JITTER)
    return max(0.0, delay)
