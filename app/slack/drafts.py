"""A pending confirmation: a job that was parsed but not yet created.

It lives in the confirmation card itself, as the Create button's ``value`` (and the Edit
modal's ``private_metadata``), so nothing is stored server-side and nothing is lost when
the service restarts between the card and the click. Slack signs every interaction, and
the job is created for the person who clicks, never for whoever the value names, so a
forged value could at worst create a job its sender owns anyway.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from agentcron.app.ids import new_id

#: Slack refuses a button whose value is longer than this.
VALUE_LIMIT: Final = 2000


class DraftTooLarge(ValueError):
    """The job does not fit in a Slack button; the goal must be shorter."""

    def __init__(self, size: int) -> None:
        super().__init__(
            f"that is too long to confirm in Slack ({size} characters of {VALUE_LIMIT}); "
            "shorten the goal"
        )


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
        """Compact JSON for a button value; DraftTooLarge past Slack's limit."""
        value = json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)
        if len(value) > VALUE_LIMIT:
            raise DraftTooLarge(len(value))
        return value

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
            )
        except (TypeError, KeyError, ValueError) as error:
            raise ValueError(f"not a job draft ({type(error).__name__})") from None
        if not draft.nonce:
            raise ValueError("not a job draft (no nonce)")
        return draft


def slack_owner(team_id: str, user_id: str) -> str:
    """The owner of jobs created from Slack: one person in one workspace."""
    return f"slack:{team_id}:{user_id}"
