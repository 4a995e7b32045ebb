"""Who may do what, where results may go: the policy alone, as a table of facts."""

from __future__ import annotations

import pytest

from agentcron.app.domain.slack_access import (
    AccessPolicy,
    Conversation,
    Person,
    Problem,
    is_admin,
    may_create,
    may_post_to,
)

ALICE = Person("U0ALICE")
ADMIN = Person("U0ADMIN1", workspace_admin=True)
OPEN = AccessPolicy.of()
OPS = Conversation("C0OPS1234", name="ops", bot_is_member=True, person_is_member=True)


def test_the_settings_are_read_leniently() -> None:
    policy = AccessPolicy.of(allowed_channels=["#Ops", "ops2", "C0OPS1234", " "])
    assert policy.allowed_channels == {"#ops", "#ops2", "C0OPS1234"}


@pytest.mark.parametrize(
    ("policy", "person", "owned", "problem"),
    [
        (OPEN, ALICE, 0, None),
        (AccessPolicy.of(allowed_users=["U0BOBBY1"]), ALICE, 0, Problem.NOT_ALLOWED),
        (AccessPolicy.of(allowed_users=["U0ALICE"]), ALICE, 0, None),
        (AccessPolicy.of(allowed_users=["U0BOBBY1"]), ADMIN, 0, None),
        (
            AccessPolicy.of(allowed_users=["U0BOBBY1"], workspace_admins_are_admins=False),
            ADMIN,
            0,
            Problem.NOT_ALLOWED,
        ),
        (AccessPolicy.of(max_jobs_per_user=3), ALICE, 2, None),
        (AccessPolicy.of(max_jobs_per_user=3), ALICE, 3, Problem.TOO_MANY_JOBS),
        (AccessPolicy.of(max_jobs_per_user=3), ADMIN, 3, Problem.TOO_MANY_JOBS),
        (AccessPolicy.of(max_jobs_per_user=0), ALICE, 10_000, None),
    ],
)
def test_may_create(
    policy: AccessPolicy, person: Person, owned: int, problem: Problem | None
) -> None:
    refusal = may_create(policy, person, jobs_owned=owned)
    assert (refusal.problem if refusal else None) == problem


def test_a_refused_person_is_told_whom_to_ask() -> None:
    policy = AccessPolicy.of(allowed_users=["U0BOBBY1"], admins=["U0ADMIN1"])
    refusal = may_create(policy, ALICE, jobs_owned=0)
    assert refusal is not None and "<@U0ADMIN1>" in refusal.message


def test_admins_are_named_or_the_workspaces_own() -> None:
    assert is_admin(AccessPolicy.of(admins=["U0ALICE"]), ALICE)
    assert is_admin(OPEN, ADMIN)
    assert not is_admin(AccessPolicy.of(workspace_admins_are_admins=False), ADMIN)
    assert not is_admin(OPEN, ALICE)


def channel(**facts: object) -> Conversation:
    values: dict[str, object] = {
        "id": "C0OPS1234",
        "name": "ops",
        "bot_is_member": True,
        "person_is_member": True,
    }
    values.update(facts)
    return Conversation(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("policy", "target", "problem"),
    [
        (OPEN, OPS, None),
        (OPEN, "U0ALICE", None),
        (OPEN, "U0BOBBY1", Problem.SOMEONE_ELSES_DM),
        (OPEN, channel(person_is_member=False), Problem.NOT_A_MEMBER),
        (OPEN, channel(bot_is_member=False), Problem.INVITE_BOT),
        (OPEN, channel(person_is_member=False, bot_is_member=False), Problem.NOT_A_MEMBER),
        (OPEN, channel(visible=False), Problem.NOT_VISIBLE),
        (OPEN, channel(is_private=True), None),
        (OPEN, channel(is_private=True, person_is_member=False), Problem.NOT_A_MEMBER),
        (OPEN, channel(is_archived=True), Problem.ARCHIVED),
        (AccessPolicy.of(allowed_channels=["#ops"]), OPS, None),
        (AccessPolicy.of(allowed_channels=["C0OPS1234"]), OPS, None),
        (AccessPolicy.of(allowed_channels=["#general"]), OPS, Problem.CHANNEL_NOT_ALLOWED),
        # a DM with the bot is always allowed: it reaches only its owner
        (AccessPolicy.of(allowed_channels=["#general"]), "U0ALICE", None),
        (
            AccessPolicy.of(allowed_channels=["#ops"]),
            channel(visible=False, name=None),
            (Problem.CHANNEL_NOT_ALLOWED),
        ),
    ],
)
def test_may_post_to(
    policy: AccessPolicy, target: Conversation | str, problem: Problem | None
) -> None:
    refusal = may_post_to(policy, ALICE, target)
    assert (refusal.problem if refusal else None) == problem


def test_the_invite_answer_says_how_and_where() -> None:
    refusal = may_post_to(OPEN, ALICE, channel(bot_is_member=False))
    assert refusal is not None
    assert "/invite @agentcron" in refusal.message and "<#C0OPS1234>" in refusal.message
    assert refusal.channel == "C0OPS1234"
