"""What Slack knows about people and channels, asked after the ack and remembered a while.

- **People** (``users.info``): the time zone every card reads and shows times in, and
  whether the person is a workspace owner or admin. Cached per person for an hour; a lookup
  that fails is not cached (the next one asks again) and falls back to what was known, or
  to UTC and "not an admin" — logged, never guessed upward.
- **Channels** (``conversations.info``, ``conversations.members``): whether a delivery
  target exists, is private or archived, and whether the bot and the person are in it —
  asked afresh each time: the person told to ``/invite @agentcron`` who did is believed at
  once, and one who left is not believed still in. A channel typed by name
  (``#ops``) is looked up in ``conversations.list`` (the id is remembered a few minutes).

Every call goes through the client of the person's own workspace (``clients(team_id)``).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from agentcron.app.clock import Clock
from agentcron.app.domain.slack_access import Conversation

log = logging.getLogger("agentcron.slack")

FALLBACK: Final = "UTC"
#: the pages of conversations.members / conversations.list read before giving up
MAX_PAGES: Final = 50
#: answers that mean "no such channel, as far as the bot can see"
NOT_THERE: Final = ("channel_not_found", "not_in_channel", "method_not_supported_for_channel_type")
SLACK_ERRORS: Final = (SlackApiError, SlackClientError, aiohttp.ClientError, TimeoutError)

Clients = Callable[[str], Awaitable[AsyncWebClient]]
V = TypeVar("V")


class SlackUnavailable(RuntimeError):
    """Slack did not answer a question the decision needs; the person may try again."""

    def __init__(self, method: str, error: object) -> None:
        super().__init__(f"Slack did not answer {method} ({error})")


@dataclass(frozen=True)
class PersonInfo:
    zone: str
    workspace_admin: bool = False


class _Cache(Generic[V]):
    """A small LRU with expiry on the service's clock."""

    def __init__(self, clock: Clock, ttl: timedelta, capacity: int = 10_000) -> None:
        self.clock, self.ttl, self.capacity = clock, ttl, capacity
        self._items: OrderedDict[tuple[str, ...], tuple[V, datetime]] = OrderedDict()

    def get(self, key: tuple[str, ...], *, stale: bool = False) -> V | None:
        found = self._items.get(key)
        if found is None or (not stale and found[1] <= self.clock.now()):
            return None
        return found[0]

    def put(self, key: tuple[str, ...], value: V) -> None:
        self._items[key] = (value, self.clock.now() + self.ttl)
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def forget(self, key: tuple[str, ...]) -> None:
        self._items.pop(key, None)


class Directory:
    def __init__(
        self,
        clients: Clients,
        *,
        clock: Clock,
        people_ttl: timedelta = timedelta(hours=1),
        names_ttl: timedelta = timedelta(minutes=5),
    ) -> None:
        self.clients = clients
        self._people: _Cache[PersonInfo] = _Cache(clock, people_ttl)
        self._names: _Cache[str] = _Cache(clock, names_ttl)

    # -- people -----------------------------------------------------------------------------

    async def person(self, team_id: str, user_id: str) -> PersonInfo:
        key = (team_id, user_id)
        cached = self._people.get(key)
        if cached is not None:
            return cached
        found = await self._ask_person(team_id, user_id)
        if found is None:
            return self._people.get(key, stale=True) or PersonInfo(FALLBACK)
        self._people.put(key, found)
        return found

    async def zone_of(self, team_id: str, user_id: str) -> str:
        return (await self.person(team_id, user_id)).zone

    async def _ask_person(self, team_id: str, user_id: str) -> PersonInfo | None:
        try:
            client = await self.clients(team_id)
            response = await client.users_info(user=user_id)
        except SLACK_ERRORS as error:
            log.warning("users.info for %s failed: %s", user_id, error)
            return None
        user = response.get("user") or {}
        if not isinstance(user, dict):
            return None
        admin = bool(user.get("is_admin") or user.get("is_owner"))
        return PersonInfo(_zone(user_id, user.get("tz")), admin)

    # -- channels ---------------------------------------------------------------------------

    async def conversation(self, team_id: str, channel: str, *, user_id: str) -> Conversation:
        """What the decision needs to know about ``channel`` (an id or ``#name``) for
        ``user_id``; SlackUnavailable when Slack could not be asked."""
        client = await self.clients(team_id)
        if channel.startswith("#"):
            found = await self.channel_named(team_id, channel)
            if found is None:
                return Conversation(channel, name=channel[1:], visible=False)
            channel = found
        try:
            response = await client.conversations_info(channel=channel)
        except SlackApiError as error:
            reason = _error_code(error)
            if reason in (
                "channel_not_found",
                "not_in_channel",
                "method_not_supported_for_channel_type",
            ):
                return Conversation(channel, visible=False)
            raise SlackUnavailable("conversations.info", reason) from error
        except SLACK_ERRORS as error:
            raise SlackUnavailable("conversations.info", error) from error
        info = response.get("channel") or {}
        is_private = bool(info.get("is_private") or info.get("is_group"))
        return Conversation(
            id=str(info.get("id") or channel),
            name=info.get("name"),
            is_private=is_private,
            visible=True,
            bot_is_member=bool(info.get("is_member")),
            person_is_member=await self.is_member(team_id, channel, user_id),
            is_archived=bool(info.get("is_archived")),
        )

    async def is_member(self, team_id: str, channel: str, user_id: str) -> bool:
        """Asked every time (a draft and its Create, two calls a job): a person who left
        the channel a minute ago must not be believed still in it."""
        client = await self.clients(team_id)
        found = await self._pages(
            lambda cursor: client.conversations_members(channel=channel, cursor=cursor, limit=1000),
            "members",
            lambda member: member == user_id,
            method="conversations.members",
        )
        return found is not None

    async def channel_named(self, team_id: str, name: str) -> str | None:
        """The id of the channel called ``#name`` that the bot can see, or None."""
        wanted = name.lstrip("#").lower()
        cached = self._names.get((team_id, wanted))
        if cached is not None:
            return cached
        client = await self.clients(team_id)
        found = await self._pages(
            lambda cursor: client.conversations_list(
                types="public_channel,private_channel",
                exclude_archived=True,
                cursor=cursor,
                limit=1000,
            ),
            "channels",
            lambda channel: (
                isinstance(channel, dict) and str(channel.get("name", "")).lower() == wanted
            ),
            method="conversations.list",
        )
        if not isinstance(found, dict):
            return None
        self._names.put((team_id, wanted), str(found["id"]))
        return str(found["id"])

    async def _pages(
        self,
        call: Callable[[str | None], Awaitable[Any]],
        key: str,
        match: Callable[[Any], bool],
        *,
        method: str,
    ) -> Any:
        """The first item of ``key`` across a cursor-paginated method that ``match``es."""
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            try:
                response = await call(cursor)
            except SlackApiError as error:
                if _error_code(error) in NOT_THERE:
                    return None
                raise SlackUnavailable(method, _error_code(error)) from error
            except SLACK_ERRORS as error:
                raise SlackUnavailable(method, error) from error
            for item in response.get(key) or []:
                if match(item):
                    return item
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return None
        log.warning("%s: gave up after %d pages", method, MAX_PAGES)
        return None


def _zone(user_id: str, name: object) -> str:
    if not isinstance(name, str) or not name:
        return FALLBACK
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("users.info gave %s an unknown zone %r", user_id, name)
        return FALLBACK
    return name


def _error_code(error: SlackApiError) -> str:
    data = getattr(error.response, "data", None)
    return str(data.get("error")) if isinstance(data, dict) else str(error)
