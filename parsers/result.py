"""What parsing returns: a schedule with how sure we are, or a reason it was refused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

# Below this, a caller must ask the user to confirm before creating a job.
CONFIRM_BELOW: Final = 0.5

PARSE_METHODS: Final = ("regex", "recurrent", "dateparser", "llm")


@dataclass(frozen=True)
class ParseResult:
    """The answer for one phrase.

    `schedule` is the API's Schedule JSON (always with a `timezone`), or None when the
    phrase was refused; then `reason` says why and `suggestion` may say what would
    work. `parse_method` is the stage that answered: "regex" (the grammar, which also
    passes raw cron expressions and @macros straight through), "recurrent",
    "dateparser" or "llm"; None when no stage did. `confidence` is honest: below
    CONFIRM_BELOW a job must not be created without the user's confirmation.
    """

    schedule: dict[str, Any] | None
    human_readable: str | None
    confidence: float
    parse_method: str | None
    reason: str | None = None
    suggestion: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.schedule is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schedule": self.schedule,
            "human_readable": self.human_readable,
            "confidence": self.confidence,
            "parse_method": self.parse_method,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "notes": list(self.notes),
        }

    @classmethod
    def rejected(
        cls,
        reason: str,
        *,
        suggestion: str | None = None,
        parse_method: str | None = None,
        notes: tuple[str, ...] = (),
    ) -> ParseResult:
        return cls(None, None, 0.0, parse_method, reason, suggestion, notes)


@dataclass(frozen=True)
class CommandParts:
    """A command split into when, what and where.

    "every Monday at 9 post the on-call handover to #ops" gives schedule_text
    "every Monday at 9am", goal "post the on-call handover", channel "#ops".
    `channel` is "#name", or a channel id ("C0123ABC") when Slack sent `<#C0123ABC|name>`.
    """

    schedule_text: str | None
    goal: str | None
    channel: str | None
    result: ParseResult
