"""A pending confirmation: a job that was parsed but not yet created.

It lives in the confirmation card itself, as the Create button's ``value`` (and the Edit
modal's ``private_metadata``), so nothing is lost when the service restarts between the
card and the click. When it does not fit — Slack allows 2,000 characters in a value and
3,000 in metadata, and a long goal or one in Japanese (whose JSON runs long) does not — it is
kept in the database and the card carries its key (``DraftKeeper``); nothing is ever cut.
Slack signs every interaction, and the job is created for the person who clicks, never for
whoever the value names, so a forged value could at worst create a job its sender owns
anyway; a kept draft is only handed back to its owner.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from agentcron.app.clock import Clock
from agentcron.app.ids import new_id
from agentcron.app.storage.slack_drafts import SlackDraftStore

#: Slack refuses a button whose value, or a view whose private_metadata, is longer than
#: this; measured here in UTF-8 bytes, which is never fewer than Slack's characters.
VALUE_LIMIT: Final = 2000
METADATA_LIMIT: Final = 3000


@dataclass(frozen=True)
class Draft:
    """What the card shows and what Create makes; ``channel`` is a Slack delivery address
    (``C0123ABC``, ``#ops``, or a user id for a direct message)."""

    team_id: str
    user_id: str
    schedule: dict[str, Any]
    schedule_text: str
    goal: str
    channel: str
    #: the requester's own zone: times on the cards are shown in it
    zone: str
    confidence: float
    parse_method: str
    #: makes Create idempotent: a double click creates one job
    nonce: str = ""
    #: the owner lets results mention people (``delivery.allow_mentions``)
    allow_mentions: bool = False

    @classmethod
    def new(cls, **fields: Any) -> Draft:
        return cls(nonce=new_id("draft", length=12), **fields)

    def revised(self, **changes: Any) -> Draft:
        """The draft after an edit; a new nonce, since it is a different job to create."""
        return replace(self, **changes, nonce=new_id("draft", length=12))

    @property
    def owner(self) -> str:
        return slack_owner(self.team_id, self.user_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_value(self) -> str:
        """Compact JSON (non-ASCII kept as is: an escape is six characters)."""
        return _compact(self.to_dict())

    @classmethod
    def from_value(cls, value: str | dict[str, Any]) -> Draft:
        """The draft a card carried; ValueError when it is not one."""
        try:
            data = json.loads(value) if isinstance(value, str) else value
            draft = cls(
                team_id=str(data["team_id"]),
                user_id=str(data["user_id"]),
                schedule=dict(data["schedule"]),
                schedule_text=str(data["schedule_text"]),
                goal=str(data["goal"]),
                channel=str(data["channel"]),
                zone=str(data["zone"]),
                confidence=float(data["confidence"]),
                parse_method=str(data["parse_method"]),
                nonce=str(data["nonce"]),
                allow_mentions=data.get("allow_mentions", False) is True,
            )
        except (TypeError, KeyError, ValueError) as error:
            raise ValueError(f"not a job draft ({type(error).__name__})") from None
        if not draft.nonce:
            raise ValueError("not a job draft (no nonce)")
        return draft


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _fits(text: str, limit: int) -> bool:
    return len(text.encode()) <= limit


class DraftKeeper:
    """Puts a draft in a card — inline when it fits, else as a key to a kept copy — and
    gets it back. ValueError for anything that is not one of ours."""

    def __init__(self, store: SlackDraftStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    async def value(self, draft: Draft) -> str:
        """A button's value."""
        inline = draft.to_value()
        if _fits(inline, VALUE_LIMIT):
            return inline
        return _compact({"ref": await self._keep(draft)})

    async def body_value(self, owner: str, body: dict[str, Any]) -> str:
        """A button's value for anything else a card must carry (a proposed edit)."""
        inline = _compact(body)
        if _fits(inline, VALUE_LIMIT):
            return inline
        key = await self.store.put(owner, body, now=self.clock.now())
        return _compact({"ref": key})

    async def load_body(self, value: str, *, owner: str) -> dict[str, Any]:
        """What ``body_value`` put in a button, for ``owner`` only."""
        data = json.loads(value)
        if not isinstance(data, dict):
            raise ValueError("not ours")
        if set(data) == {"ref"}:
            kept = await self.store.get(str(data["ref"]), now=self.clock.now())
            if kept is None:
                raise ValueError("the card has expired")
            if kept[0] != owner:
                raise ValueError("not ours")
            return kept[1]
        return data

    async def load(self, value: str | dict[str, Any]) -> Draft:
        data = json.loads(value) if isinstance(value, str) else value
        if not isinstance(data, dict):
            raise ValueError("not a job draft")
        if set(data) == {"ref"}:
            kept = await self.store.get(str(data["ref"]), now=self.clock.now())
            if kept is None:
                raise ValueError("the draft has expired")
            owner, body = kept
            draft = Draft.from_value(body)
            if draft.owner != owner:
                raise ValueError("not a job draft")
            return draft
        return Draft.from_value(data)

    async def metadata(self, draft: Draft, **extra: Any) -> str:
        """A modal's private_metadata: the draft (or its key) and ``extra``."""
        inline = _compact({"draft": draft.to_dict(), **extra})
        if _fits(inline, METADATA_LIMIT):
            return inline
        kept = _compact({"draft": {"ref": await self._keep(draft)}, **extra})
        if not _fits(kept, METADATA_LIMIT):
            raise ValueError("the modal's metadata does not fit even with the draft kept")
        return kept

    async def from_metadata(self, text: str) -> tuple[Draft, dict[str, Any]]:
        data = json.loads(text)
        if not isinstance(data, dict) or "draft" not in data:
            raise ValueError("not a job draft")
        draft = await self.load(data.pop("draft"))
        return draft, data

    async def _keep(self, draft: Draft) -> str:
        return await self.store.put(draft.owner, draft.to_dict(), now=self.clock.now())


def slack_owner(team_id: str, user_id: str) -> str:
    """The owner of jobs created from Slack: one person in one workspace."""
    return f"slack:{team_id}:{user_id}"
