"""What an API key may do: its scopes, what each one implies, and reading them from text.

Modelled on Stripe's keys (a secret key does everything, a restricted key what it lists, a
publishable key only what is safe in a web page) and Algolia's search-only keys:

- ``parse``: read schedules (``/parse-nl``, ``/validate``). Nothing of the owner's is read
  or changed, so a key with only this scope is *publishable*: safe to ship in a page.
- ``jobs:read``: read jobs, runs, chains, agents, statistics, calendar and suggestions.
- ``jobs:write``: create, change, pause and delete jobs, chains and agents (implies
  ``jobs:read`` and ``parse``: writing a job means reading it back and checking its schedule).
- ``runs:write``: start runs (trigger, backfill, a chain run) and cancel them.
- ``admin``: everything the owner has, plus the owner's own API keys: a tenant's
  administrator.
- ``operator``: everything, plus what concerns every owner of the install: shared agents
  and the built-in ``default`` one (every owner's jobs use it), Slack workspace settings,
  probing the LLM endpoint and which hosts run the instances.

Keys made before scopes existed could do everything, so they carry every scope (the
install's first owner's ``admin`` keys got ``operator`` when it was split off ``admin``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class Scope(StrEnum):
    PARSE = "parse"
    JOBS_READ = "jobs:read"
    JOBS_WRITE = "jobs:write"
    RUNS_WRITE = "runs:write"
    ADMIN = "admin"
    OPERATOR = "operator"


ALL_SCOPES: frozenset[Scope] = frozenset(Scope)
#: every scope of one owner: what a key of a tenant other than the install's first gets
#: when none are named
OWNER_SCOPES: frozenset[Scope] = ALL_SCOPES - {Scope.OPERATOR}
PUBLISHABLE: frozenset[Scope] = frozenset({Scope.PARSE})

IMPLIES: dict[Scope, frozenset[Scope]] = {
    Scope.OPERATOR: ALL_SCOPES,
    Scope.ADMIN: OWNER_SCOPES,
    Scope.JOBS_WRITE: frozenset({Scope.JOBS_WRITE, Scope.JOBS_READ, Scope.PARSE}),
}

WHAT_EACH_GRANTS: dict[Scope, str] = {
    Scope.PARSE: "read schedules: /parse-nl and /validate (publishable: safe in a web page)",
    Scope.JOBS_READ: "read jobs, runs, chains, agents, statistics, calendar, suggestions",
    Scope.JOBS_WRITE: "create, change, pause and delete jobs, chains and agents",
    Scope.RUNS_WRITE: "start runs (trigger, backfill, chain runs) and cancel them",
    Scope.ADMIN: "everything of its owner's, plus the owner's API keys",
    Scope.OPERATOR: (
        "everything, plus what every owner shares: shared agents and the default one, "
        "Slack workspace settings, the LLM probe and instance hosts"
    ),
}


class ScopeError(ValueError):
    """A scope list names something that is not a scope."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def granted(scopes: Iterable[Scope]) -> frozenset[Scope]:
    """Every scope a key holding ``scopes`` has, with what each implies."""
    out: set[Scope] = set()
    for scope in scopes:
        out |= IMPLIES.get(scope, {scope})
    return frozenset(out)


def exceeding(requested: Iterable[Scope], held: Iterable[Scope]) -> frozenset[Scope]:
    """What ``requested`` would grant that ``held`` does not: a key can only make keys that
    can do at most what it can."""
    return granted(requested) - granted(held)


def is_publishable(scopes: Iterable[Scope]) -> bool:
    """Only ``parse``: nothing the key can reach belongs to anyone."""
    return granted(scopes) <= PUBLISHABLE


def parse_scopes(raw: str | Iterable[str]) -> frozenset[Scope]:
    """``"jobs:read, runs:write"`` or ``["jobs:read", "runs:write"]`` as scopes; at least one.

    Words may be separated by commas or spaces. Unknown words are refused naming the known
    ones, so a typo never silently yields a key with less (or more) than was meant.
    """
    words = re.split(r"[\s,]+", raw) if isinstance(raw, str) else list(raw)
    found: set[Scope] = set()
    for word in words:
        if not isinstance(word, str):
            raise ScopeError(f"each scope must be a string, got {type(word).__name__}")
        word = word.strip()
        if not word:
            continue
        try:
            found.add(Scope(word.lower()))
        except ValueError:
            known = ", ".join(s.value for s in Scope)
            raise ScopeError(f"unknown scope {word!r}; the scopes are {known}") from None
    if not found:
        raise ScopeError("name at least one scope (" + ", ".join(s.value for s in Scope) + ")")
    return frozenset(found)


def stored_scopes(text: str) -> frozenset[Scope]:
    """The scopes column as scopes. A word this version does not know (written by a newer
    one during a rolling upgrade) grants nothing here rather than locking the key out."""
    known = {s.value: s for s in Scope}
    return frozenset(known[w] for w in text.split() if w in known)


def format_scopes(scopes: Iterable[Scope]) -> str:
    """Stored and shown as one space-separated, sorted string (``"jobs:read runs:write"``)."""
    return " ".join(sorted(s.value for s in scopes))
