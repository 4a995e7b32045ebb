"""The checks before a job is drafted, created or changed from Slack: the facts are gathered
here (the workspace's policy, the person from ``users.info``, the channel from
``conversations.*``, the jobs they own) and the decision is ``access``'s."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from agentcron.app.domain.slack_access import (
    AccessPolicy,
    Conversation,
    Person,
    Refusal,
    is_admin,
    is_direct_message,
    may_create,
    may_post_to,
)
from agentcron.app.runtime import Runtime
from agentcron.app.slack.directory import Directory
from agentcron.app.slack.drafts import slack_owner
from agentcron.app.storage.jobs import JobQuery

Policies = Callable[[str], Awaitable[AccessPolicy]]


class Refused(PermissionError):
    """The policy says no; ``refusal`` says why and what to do."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


class Gate:
    def __init__(self, rt: Runtime, directory: Directory, policies: Policies) -> None:
        self.rt = rt
        self.directory = directory
        self.policies = policies

    async def person(self, team_id: str, user_id: str) -> Person:
        info = await self.directory.person(team_id, user_id)
        return Person(user_id, workspace_admin=info.workspace_admin)

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        policy = await self.policies(team_id)
        return is_admin(policy, await self.person(team_id, user_id))

    async def jobs_owned(self, team_id: str, user_id: str) -> int:
        """Jobs that run or may run again (active or paused): finished one-time jobs and
        deleted ones do not count against the limit."""
        owner = slack_owner(team_id, user_id)
        total = 0
        for status in ("active", "paused"):
            _, count = await self.rt.jobs.list(owner, JobQuery(status=status, limit=1))
            total += count
        return total

    async def may_create(self, team_id: str, user_id: str, *, new: bool = True) -> Refusal | None:
        """May this person make a job (``new``) or change one (the limit does not apply)?"""
        policy = await self.policies(team_id)
        person = await self.person(team_id, user_id)
        owned = await self.jobs_owned(team_id, user_id) if new else 0
        return may_create(policy, person, jobs_owned=owned)

    async def target(self, team_id: str, user_id: str, address: str) -> Conversation | str:
        """The delivery address as the decision needs it: a person's id as it is, a channel
        (by id or ``#name``) described by Slack. SlackUnavailable when Slack cannot say."""
        if is_direct_message(address):
            return address
        return await self.directory.conversation(team_id, address, user_id=user_id)

    async def may_post_to(
        self, team_id: str, user_id: str, target: Conversation | str
    ) -> Refusal | None:
        policy = await self.policies(team_id)
        return may_post_to(policy, await self.person(team_id, user_id), target)

    async def check(self, team_id: str, user_id: str, address: str, *, new: bool) -> str:
        """Everything Create (``new``) or an edit needs, or Refused; the address to post to
        (a channel named ``#ops`` becomes its id)."""
        refusal = await self.may_create(team_id, user_id, new=new)
        if refusal is not None:
            raise Refused(refusal)
        target = await self.target(team_id, user_id, address)
        refusal = await self.may_post_to(team_id, user_id, target)
        if refusal is not None:
            raise Refused(refusal)
        return target.id if isinstance(target, Conversation) else target
