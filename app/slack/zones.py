"""Each Slack user's time zone, from ``users.info``, remembered for a while.

The zone is the default for reading a schedule and the zone every card shows times in. It is
looked up after the request was acknowledged (``users.info`` is a network call), cached per
user so a busy person costs one call an hour, and falls back to UTC — said on no card, but
logged — when Slack cannot tell.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from agentcron.app.clock import Clock

log = logging.getLogger("agentcron.slack")

FALLBACK: Final = "UTC"


class UserZones:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        clock: Clock,
        ttl: timedelta = timedelta(hours=1),
        capacity: int = 10_000,
    ) -> None:
        self.client = client
        self.clock = clock
        self.ttl = ttl
        self.capacity = capacity
        self._cache: OrderedDict[tuple[str, str], tuple[str, datetime]] = OrderedDict()

    async def zone_of(self, team_id: str, user_id: str) -> str:
        """The user's IANA zone; a failed lookup is not cached, so the next one asks again."""
        key = (team_id, user_id)
        now = self.clock.now()
        cached = self._cache.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        zone = await self._ask(user_id)
        if zone is None:
            return cached[0] if cached is not None else FALLBACK
        self._cache[key] = (zone, now + self.ttl)
        self._cache.move_to_end(key)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return zone

    async def _ask(self, user_id: str) -> str | None:
        try:
            response = await self.client.users_info(user=user_id)
        except (SlackApiError, SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("users.info for %s failed: %s", user_id, error)
            return None
        user = response.get("user") or {}
        name = user.get("tz") if isinstance(user, dict) else None
        if not isinstance(name, str) or not name:
            return None
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("users.info gave %s an unknown zone %r", user_id, name)
            return None
        return name
