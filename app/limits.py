"""The API's rate limits: which buckets a request counts in, and the clock they run on.

Three policies, each ``quota/window`` (``AGENTCRON_RATE_LIMIT_*``, ``off`` to disable):

- ``parse`` endpoints (``/parse-nl``, ``/validate``: what a page calls as its users type)
  count per key, and for a *publishable* key also per client address. The key's quota caps
  what one embedding site may take from the service; the address's caps one visitor (or one
  script) using a key that anyone can read in the page. A secret key is its holder's own
  script or dashboard, often many users behind one proxy address: its key quota is enough.
- every other endpoint counts per key.

The defaults (``app.config``) are chosen so that people never meet them: the dashboard's
schedule box asks at most two questions per pause in typing, and a pause is at least 350 ms,
so at most 5.7 a second, far below the per-address rate of 100 a second (6000/60) however
long someone types. An API client gets 1,000 requests a second with bursts of 20,000: a
script that creates ten thousand jobs, or a load test, is never refused by the defaults —
the limit is there to stop a runaway loop from starving everyone else, not to meter a team's
own tools. The limits were lower once (100 a second, as Stripe's); the benchmarks then had to
raise them, and a default that a benchmark must raise is one a user meets.

The limiter keeps its own clock (the wall clock unless a test injects one): the service's
clock may be frozen or moved by tests of the engine, and limits must not follow it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from agentcron.app.clock import Clock, SystemClock
from agentcron.app.domain.ratelimit import (
    Decision,
    Policy,
    address_bucket,
    headers,
    parse_policy,
    retry_after,
)
from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import RateLimited
from agentcron.app.storage.ratelimits import RateLimitStore

log = logging.getLogger("agentcron.limits")


@dataclass(frozen=True)
class Policies:
    parse_key: Policy | None
    parse_address: Policy | None
    api_key: Policy | None

    @classmethod
    def from_text(cls, *, parse_key: str, parse_address: str, api_key: str) -> Policies:
        return cls(
            parse_key=parse_policy("key", parse_key),
            parse_address=parse_policy("address", parse_address),
            api_key=parse_policy("key", api_key),
        )


class RateLimiter:
    def __init__(
        self, store: RateLimitStore, policies: Policies, *, clock: Clock | None = None
    ) -> None:
        self.store = store
        self.policies = policies
        self.clock: Clock = clock or SystemClock()
        self._quiet_until = 0.0  # the next time a failing store may be logged

    def buckets(
        self, *, key_id: str, scope: Scope, address: str | None, publishable: bool = True
    ) -> list[tuple[str, Policy]]:
        """The buckets a request counts in: per key (and address, for a publishable key) for
        parsing, else per key."""
        p = self.policies
        if scope is Scope.PARSE:
            chosen = []
            if publishable:
                # the address first: a visitor over their own limit stops there, and never
                # uses up the key that every visitor of the page shares
                chosen.append((f"parse:addr:{address_bucket(address)}", p.parse_address))
            chosen.append((f"parse:key:{key_id}", p.parse_key))
        else:
            chosen = [(f"api:key:{key_id}", p.api_key)]
        return [(bucket, policy) for bucket, policy in chosen if policy is not None]

    def unix_time(self) -> float:
        return self.clock.now().timestamp()

    async def check(
        self, *, key_id: str, scope: Scope, address: str | None, publishable: bool = True
    ) -> dict[str, str]:
        """Count the request; the RateLimit header fields to answer with, or RateLimited."""
        buckets = self.buckets(key_id=key_id, scope=scope, address=address, publishable=publishable)
        if not buckets:
            return {}
        try:
            decisions: list[Decision] = await self.store.acquire(buckets, clock=self.unix_time)
        except Exception as exc:
            # open, not closed: a limiter that cannot count must not take the API down with it
            now = time.monotonic()
            if now >= self._quiet_until:
                self._quiet_until = now + 60
                log.warning(
                    "rate limits not checked (%s: %s); letting requests through",
                    type(exc).__name__,
                    exc,
                )
            return {}
        fields = headers(decisions)
        if all(d.allowed for d in decisions):
            return fields
        refused = [d.policy.name for d in decisions if not d.allowed]
        wait = retry_after(decisions)
        per = " and ".join(f"per {name}" for name in refused)
        raise RateLimited(
            f"too many requests {per}; try again in {wait} s", retry_after=wait, headers=fields
        )
