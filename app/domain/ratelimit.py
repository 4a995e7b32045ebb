"""Rate limits as pure decisions: the generic cell rate algorithm (GCRA) and the IETF fields.

A policy allows ``quota`` requests per ``window`` seconds: up to ``quota`` at once after a
quiet spell, then one every ``window / quota`` seconds. GCRA keeps one number per bucket, its
*theoretical arrival time* (TAT): the instant the bucket would be empty again if nothing more
came. A request moves it one emission interval later; it is allowed when that does not put
the TAT more than ``window`` ahead of now. One number per bucket, so a shared store needs one
row and one conditional upsert per request (``app.storage.ratelimits``).

The answers follow the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers):
``RateLimit-Policy: "key";q=1000;w=10`` (the quota and its window) and
``RateLimit: "key";r=997;t=1`` (requests left now, seconds until the quota is whole again).
"""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass

_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)?\s*(s|sec|second|m|min|minute|h|hour)?\s*$")
_UNITS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


@dataclass(frozen=True)
class Policy:
    """``quota`` requests per ``window`` seconds, named as it appears in the headers."""

    name: str
    quota: int
    window: float

    def __post_init__(self) -> None:
        if self.quota < 1 or self.window <= 0:
            raise ValueError("a rate-limit policy needs a quota of at least 1 and a window > 0")

    @property
    def interval(self) -> float:
        """Seconds each request adds to the bucket."""
        return self.window / self.quota

    def field(self) -> str:
        """This policy as a member of ``RateLimit-Policy``."""
        return f'"{self.name}";q={self.quota};w={_number(self.window)}'


def parse_policy(name: str, text: str) -> Policy | None:
    """``"300/60"``, ``"300/min"``, ``"5/1s"`` or ``"off"`` (None: no limit)."""
    if text.strip().lower() in ("off", "none", "0", "no", "false"):
        return None
    match = _SPEC.match(text.lower())
    if not match:
        raise ValueError(
            f"a rate limit is N/SECONDS (e.g. 300/60), N/min, N/h or off; got {text!r}"
        )
    quota, amount, unit = match.groups()
    window = float(amount or 1) * _UNITS.get(unit or "s", 1)
    return Policy(name=name, quota=int(quota), window=window)


@dataclass(frozen=True)
class Decision:
    """What one bucket says about one request."""

    policy: Policy
    allowed: bool
    remaining: int  # requests that would be allowed right after this one
    reset: float  # seconds until the bucket is full again
    retry_after: float  # seconds until one more request is allowed (0 when allowed)

    def field(self) -> str:
        """This bucket's state as a member of ``RateLimit``."""
        return f'"{self.policy.name}";r={self.remaining};t={math.ceil(self.reset)}'


def admit(policy: Policy, tat: float | None, now: float) -> tuple[float | None, Decision]:
    """Decide one request against a bucket whose TAT is ``tat`` (None: never seen).

    Returns the bucket's new TAT (None when refused: a refused request costs nothing, so a
    client that backs off gets through as soon as the policy allows) and the decision.
    """
    start = now if tat is None else max(tat, now)
    new_tat = start + policy.interval
    if new_tat - now <= policy.window + 1e-9:
        return new_tat, decided(policy, allowed=True, tat=new_tat, now=now)
    return None, decided(policy, allowed=False, tat=start, now=now)


def decided(policy: Policy, *, allowed: bool, tat: float, now: float) -> Decision:
    """The decision given the bucket's TAT after it (or, when refused, as it stands)."""
    ahead = max(0.0, tat - now)
    remaining = max(0, math.floor((policy.window - ahead) / policy.interval + 1e-9))
    retry = 0.0 if allowed else max(0.0, ahead + policy.interval - policy.window)
    return Decision(policy, allowed, remaining, reset=ahead, retry_after=retry)


def headers(decisions: list[Decision]) -> dict[str, str]:
    """``RateLimit-Policy`` and ``RateLimit`` for every bucket a request was counted in."""
    return {
        "RateLimit-Policy": ", ".join(d.policy.field() for d in decisions),
        "RateLimit": ", ".join(d.field() for d in decisions),
    }


def retry_after(decisions: list[Decision]) -> int:
    """Whole seconds (at least 1) until every refusing bucket allows one more request."""
    waits = [d.retry_after for d in decisions if not d.allowed]
    return max(1, math.ceil(max(waits))) if waits else 0


def address_bucket(host: str | None) -> str:
    """The client address a per-address limit counts: an IPv4 address, or the /64 an IPv6
    address lies in (one host is usually given a whole /64, so counting single addresses
    would let it spread its requests over 2^64 of them)."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
