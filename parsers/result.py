"""What parsing returns: a schedule with how sure we are, or a reason it was refused."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Final

# Below this, a caller must ask the user to confirm before creating a job
# (`needs_confirmation`): the Slack card and the dashboard ask before saving.
CONFIRM_BELOW: Final = 0.7

PARSE_METHODS: Final = ("regex", "recurrent", "dateparser", "llm")


@dataclass(frozen=True)
class ParseResult:
    """The answer for one phrase.

    `schedule` is the API's Schedule JSON (always with a `timezone`), or None when the
    phrase was refused; then `reason` says why and `suggestion` may say what would
    work. `parse_method` is the stage that answered: "regex" (the grammar, which also
    passes raw cron expressions and @macros straight through), "dateparser" or "llm";
    None when no stage did ("recurrent" is a documented name no stage gives any more).
    `confidence` is honest: below CONFIRM_BELOW a job must not be created without the
    user's confirmation (`needs_confirmation`).

    A whole command ("remind me every morning at 8 to check the build") also gives
    `task`, what to do ("check the build"), and `target`, the channel or person named
    ("me", "#team", "@sam"); each is None when the text names none.
    """

    schedule: dict[str, Any] | None
    human_readable: str | None
    confidence: float
    parse_method: str | None
    reason: str | None = None
    suggestion: str | None = None
    notes: tuple[str, ...] = ()
    task: str | None = None
    target: str | None = None
    # The words of a command that were its schedule ("every Monday at 9am"), with bare
    # hours written as they were read; None when the whole text was the schedule.
    schedule_text: str | None = None
    # What the job leaves out that a schedule cannot say, as the API's `exclusions`:
    # "every weekday except holidays" gives {"holidays": {"country": "US"}}; None if nothing.
    exclusions: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.schedule is not None

    @property
    def needs_confirmation(self) -> bool:
        """A schedule we are not sure of: ask the user before saving it."""
        return self.schedule is not None and self.confidence < CONFIRM_BELOW

    def to_dict(self) -> dict[str, Any]:
        """The answer's fields, as every way in returns them (`next_runs` is added by the
        caller, which owns the schedule engine)."""
        return {
            "schedule": self.schedule,
            "human_readable": self.human_readable,
            "confidence": self.confidence,
            "parse_method": self.parse_method,
            "needs_confirmation": self.needs_confirmation,
            "task": self.task,
            "target": self.target,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "notes": list(self.notes),
            **({"exclusions": self.exclusions} if self.exclusions else {}),
        }

    def with_parts(self, task: str | None, target: str | None) -> ParseResult:
        if task == self.task and target == self.target:
            return self  # most answers name neither: no copy (the result is frozen)
        return self.replace(task=task, target=target)

    def replace(self, **changes: Any) -> ParseResult:
        """A copy with `changes`: what dataclasses.replace does, at a sixth of its cost (it
        walks the fields in Python, and a frozen dataclass's __init__ sets each field through
        object.__setattr__; an answer is copied two or three times per phrase)."""
        if not changes.keys() <= _FIELDS:
            raise TypeError(f"ParseResult has no field {sorted(changes.keys() - _FIELDS)}")
        copy = object.__new__(type(self))
        values = copy.__dict__
        values.update(self.__dict__)
        values.update(changes)
        return copy

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


_FIELDS: Final = frozenset(field.name for field in fields(ParseResult))


def _made(
    self: ParseResult,
    schedule: dict[str, Any] | None,
    human_readable: str | None,
    confidence: float,
    parse_method: str | None,
    reason: str | None = None,
    suggestion: str | None = None,
    notes: tuple[str, ...] = (),
    task: str | None = None,
    target: str | None = None,
    schedule_text: str | None = None,
    exclusions: dict[str, Any] | None = None,
) -> None:
    """ParseResult's __init__: the frozen dataclass's own sets each field through
    object.__setattr__, a call each (eleven); the fields go into the instance's dict at once."""
    self.__dict__.update(
        schedule=schedule,
        human_readable=human_readable,
        confidence=confidence,
        parse_method=parse_method,
        reason=reason,
        suggestion=suggestion,
        notes=notes,
        task=task,
        target=target,
        schedule_text=schedule_text,
        exclusions=exclusions,
    )


ParseResult.__init__ = _made  # type: ignore[method-assign]


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
