"""Domain errors. Each subclasses the matching builtin and builds its own message;
the HTTP status for each is chosen in one place (``app.api.problems``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with the input: the dotted field path and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}" if self.field else self.reason


class InvalidInput(ValueError):
    """The request's content is not acceptable (422 unless ``status`` says otherwise).
    ``details`` are further members of the problem document (a parser's suggestion)."""

    def __init__(
        self,
        problems: list[FieldProblem] | FieldProblem,
        *,
        status: int = 422,
        details: dict[str, Any] | None = None,
    ) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        self.status = status
        self.details = details or {}
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def field(cls, field: str, reason: str, *, status: int = 422) -> InvalidInput:
        return cls(FieldProblem(field, reason), status=status)


class NotFound(LookupError):
    """No such thing exists for this owner."""

    def __init__(self, kind: str, ident: str, *, by: str = "id") -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"No {kind} by the {by} of {ident!r} was found")


class Conflict(RuntimeError):
    """The request is valid but clashes with the current state (409)."""


class Unauthorized(PermissionError):
    """Missing, malformed, unknown or revoked API key (401)."""


class Forbidden(PermissionError):
    """The key is valid but may not do this (403); the message names the scope it needs."""

    def __init__(self, reason: str, *, scope: str | None = None) -> None:
        self.scope = scope
        super().__init__(reason)


class RateLimited(RuntimeError):
    """Too many requests for a rate-limit bucket (429); ``retry_after`` seconds until one
    more would be allowed, ``headers`` the RateLimit fields to send with the refusal."""

    def __init__(self, reason: str, *, retry_after: int, headers: dict[str, str]) -> None:
        self.retry_after = retry_after
        self.headers = headers
        super().__init__(reason)
