"""Split a command into when, what and where, the way a Slack user types it.

"every Monday at 9 post the on-call handover to #ops" → schedule "every Monday at 9am",
goal "post the on-call handover", channel "#ops". This is `understand_fast` (the one
understanding every way in shares) seen through the Slack app's eyes: the target is a
channel only when it names one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from .result import CommandParts, ParseResult
from .understand import understand_fast


def split_command(text: str, *, timezone: str = "UTC", now: datetime | None = None) -> CommandParts:
    """Schedule text, goal and channel of a command; `result` is the whole understanding."""
    return command_parts(text, understand_fast(text, timezone=timezone, now=now))


def command_parts(text: str, result: ParseResult) -> CommandParts:
    """A whole understanding of `text` seen as when, what and where."""
    # the LLM cannot say which words were the schedule: then the whole text stands for it
    schedule_text = result.schedule_text or " ".join(text.split())
    return CommandParts(
        schedule_text if result.ok else None, result.task, channel_of(result.target), result
    )


# people, or "here": the channel the command came from
_NOT_A_CHANNEL: Final = frozenset({"me", "us", "everyone", "the team", "here"})


def channel_of(target: str | None) -> str | None:
    """ "#ops" or a Slack channel id ("C0123ABC"); None for a person or nothing."""
    if target is None or target.startswith("@") or target in _NOT_A_CHANNEL:
        return None
    return target
