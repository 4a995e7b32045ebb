"""Who may use agentcron in a workspace, and where their results may go. Pure: facts in
(the workspace's policy, the person, the channel as Slack describes it), a decision out.

The rules, in the order they are checked:

- **People.** When the policy names allowed users, only they (and admins) may create or
  change jobs; anyone may still list, pause and delete the jobs they already have.
- **Jobs per person.** At most ``max_jobs_per_user`` jobs that are not deleted (admins too:
  the limit guards the workspace's budget, not against strangers).
- **Targets.** A job made in Slack posts to a channel or to its owner's own DM, never to
  someone else's. For a channel: it must be on the allow-list when there is one; the person
  must be a member (results are never posted where their owner cannot read them); and the
  bot must be a member — when it is not, the answer says how to invite it, and for a private
  channel the bot cannot even see, that inviting it is the way.

Admins are the users the policy names plus, unless turned off, the workspace's own owners
and admins as Slack reports them (``users.info``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field

#: the jobs one person may have unless the settings say otherwise (0 means no limit)
DEFAULT_MAX_JOBS: Final = 50


def _ids(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip() for v in values if v and v.strip())


@dataclass(frozen=True)
class AccessPolicy:
    """A workspace's settings. Empty allow-lists mean everyone / any channel."""

    allowed_users: frozenset[str] = frozenset()
    #: channel ids (C0123) or names (#ops)
    allowed_channels: frozenset[str] = frozenset()
    admins: frozenset[str] = frozenset()
    max_jobs_per_user: int = DEFAULT_MAX_JOBS
    #: the workspace's own owners and admins are agentcron admins too
    workspace_admins_are_admins: bool = True

    @classmethod
    def of(
        cls,
        *,
        allowed_users: Iterable[str] = (),
        allowed_channels: Iterable[str] = (),
        admins: Iterable[str] = (),
        max_jobs_per_user: int = DEFAULT_MAX_JOBS,
        workspace_admins_are_admins: bool = True,
    ) -> AccessPolicy:
        channels = frozenset(
            c if c[:1] in ("C", "G") and c.isupper() else "#" + c.lower().lstrip("#")
            for c in _ids(allowed_channels)
        )
        return cls(
            _ids(allowed_users),
            channels,
            _ids(admins),
            max(int(max_jobs_per_user), 0),
            workspace_admins_are_admins,
        )

    def overridden(self, stored: dict[str, Any] | None) -> AccessPolicy:
        """This policy (the environment's) with a workspace's own settings over it; a
        setting the workspace left out (or null) keeps the environment's."""
        if not stored:
            return self
        current = self.to_dict()
        chosen = {key: value for key, value in stored.items() if value is not None}
        return AccessPolicy.of(**{**current, **chosen})  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return {
            "allowed_users": sorted(self.allowed_users),
            "allowed_channels": sorted(self.allowed_channels),
            "admins": sorted(self.admins),
            "max_jobs_per_user": self.max_jobs_per_user,
            "workspace_admins_are_admins": self.workspace_admins_are_admins,
        }


def environment_policy(settings: Any) -> AccessPolicy:
    """Every workspace's defaults, from the AGENTCRON_SLACK_* settings (``app.config``)."""
    return AccessPolicy.of(
        allowed_users=settings.slack_allowed_users,
        allowed_channels=settings.slack_allowed_channels,
        admins=settings.slack_admins,
        max_jobs_per_user=settings.slack_max_jobs_per_user,
        workspace_admins_are_admins=settings.slack_workspace_admins,
    )


class WorkspaceSettings(BaseModel):
    """``PUT /slack/workspaces/{team_id}``: a workspace's own settings; each one left out
    (or null) keeps the environment's. Strict: 0 is not false, "5" not 5."""

    model_config = ConfigDict(extra="forbid", strict=True)

    allowed_users: list[Annotated[str, Field(pattern=r"^[UW][A-Z0-9]{2,30}$")]] | None = Field(
        None, max_length=5_000
    )
    allowed_channels: (
        list[Annotated[str, Field(pattern=r"^(?:[CG][A-Z0-9]{2,30}|#?[a-z0-9][a-z0-9._-]{0,79})$")]]
        | None
    ) = Field(None, max_length=1_000)
    admins: list[Annotated[str, Field(pattern=r"^[UW][A-Z0-9]{2,30}$")]] | None = Field(
        None, max_length=200
    )
    max_jobs_per_user: int | None = Field(None, ge=0, le=100_000)
    workspace_admins_are_admins: bool | None = None


@dataclass(frozen=True)
class Person:
    user_id: str
    #: a workspace owner or admin, per Slack
    workspace_admin: bool = False


@dataclass(frozen=True)
class Conversation:
    """A delivery target as Slack describes it to the bot. ``visible`` is False when Slack
    answered ``channel_not_found``: a private channel the bot is not in, or no channel."""

    id: str
    name: str | None = None
    is_private: bool = False
    visible: bool = True
    bot_is_member: bool = False
    person_is_member: bool = False
    is_archived: bool = False


class Problem(StrEnum):
    NOT_ALLOWED = "not_allowed"
    TOO_MANY_JOBS = "too_many_jobs"
    CHANNEL_NOT_ALLOWED = "channel_not_allowed"
    SOMEONE_ELSES_DM = "someone_elses_dm"
    NOT_A_MEMBER = "not_a_member"
    INVITE_BOT = "invite_bot"
    NOT_VISIBLE = "not_visible"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class Refusal:
    problem: Problem
    #: one sentence for the person, in mrkdwn, naming what to do
    message: str
    #: the channel to invite the bot to, for INVITE_BOT and NOT_VISIBLE
    channel: str | None = None
    admins: tuple[str, ...] = field(default=())


def is_admin(policy: AccessPolicy, person: Person) -> bool:
    return person.user_id in policy.admins or (
        policy.workspace_admins_are_admins and person.workspace_admin
    )


def may_create(policy: AccessPolicy, person: Person, *, jobs_owned: int) -> Refusal | None:
    """May ``person`` create (or change) a job, given the jobs they already own?"""
    if policy.allowed_users and person.user_id not in policy.allowed_users:
        if not is_admin(policy, person):
            admins = tuple(sorted(policy.admins))[:3]
            ask = " or ".join(f"<@{a}>" for a in admins) if admins else "a workspace admin"
            return Refusal(
                Problem.NOT_ALLOWED,
                f"agentcron is open to some people in this workspace only; ask {ask} to add you.",
                admins=admins,
            )
    limit = policy.max_jobs_per_user
    if limit and jobs_owned >= limit:
        return Refusal(
            Problem.TOO_MANY_JOBS,
            f"You have {jobs_owned} jobs, the most one person may have here ({limit}). "
            "Delete one you no longer need (`/schedule list`) and try again.",
        )
    return None


def is_direct_message(address: str) -> bool:
    """A delivery address that is a person (``U…``/``W…``: their DM with the bot)."""
    return address[:1] in ("U", "W")


def may_post_to(policy: AccessPolicy, person: Person, target: Conversation | str) -> Refusal | None:
    """May ``person``'s job post its results to ``target``? A person id (their DM) needs no
    facts from Slack; a channel is checked against what ``conversations.info`` said."""
    if isinstance(target, str):
        if is_direct_message(target):
            if target != person.user_id:
                return Refusal(
                    Problem.SOMEONE_ELSES_DM,
                    "Results can go to a channel or to your own direct messages with me, "
                    "not to someone else's.",
                )
            return None
        target = Conversation(target, visible=False)
    shown = f"<#{target.id}>" if target.visible else "that channel"
    if policy.allowed_channels and not _allowed(policy, target):
        listed = ", ".join(_mention(c) for c in sorted(policy.allowed_channels)[:10])
        return Refusal(
            Problem.CHANNEL_NOT_ALLOWED,
            f"Results may only go to {listed} (set by your workspace's admins), "
            "or to your direct messages with me.",
        )
    if not target.visible:
        return Refusal(
            Problem.NOT_VISIBLE,
            "I cannot see that channel. If it is private, invite me first: type "
            "`/invite @agentcron` in it, then try again.",
            channel=target.id,
        )
    if target.is_archived:
        return Refusal(Problem.ARCHIVED, f"{shown} is archived; pick another channel.")
    if not target.person_is_member:
        if target.is_private:
            return Refusal(
                Problem.NOT_A_MEMBER,
                f"You are not in {shown}, a private channel; results can only go to "
                "channels you are in.",
            )
        return Refusal(
            Problem.NOT_A_MEMBER,
            f"You are not in {shown}; results can only go to channels you are in. "
            "Join it first, or pick another.",
        )
    if not target.bot_is_member:
        return Refusal(
            Problem.INVITE_BOT,
            f"I am not in {shown} yet, so I could not post there. Type `/invite @agentcron` "
            f"in {shown}, then click *Create* again.",
            channel=target.id,
        )
    return None


def _allowed(policy: AccessPolicy, target: Conversation) -> bool:
    name = f"#{target.name.lower()}" if target.name else None
    return target.id in policy.allowed_channels or (
        name is not None and name in policy.allowed_channels
    )


def _mention(channel: str) -> str:
    return channel if channel.startswith("#") else f"<#{channel}>"
