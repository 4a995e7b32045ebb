"""How the parser tests read a phrase: the whole-sentence parser at a fixed moment, and the
checks most of them make of its answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def said(text: str, zone: str = "UTC", now: datetime = NOW) -> tuple[str | None, bool]:
    """The schedule's own words (its cron expression, rule or instant) and whether it asks
    first; (None, True) when refused."""
    result = understand_fast(text, timezone=zone, now=now)
    schedule = result.schedule
    if schedule is None:
        return None, True
    words = schedule.get("expression") or schedule.get("rule") or schedule.get("datetime")
    return str(words), result.needs_confirmation


def brief(answer: dict[str, Any]) -> str | None:
    """The schedule in brief: a cron expression, an ISO time or an interval, with " ?" when it
    asks first; None when refused."""
    schedule = answer["schedule"]
    if schedule is None:
        return None
    value = schedule.get("expression") or schedule.get("datetime") or schedule.get("interval")
    return f"{value}{' ?' if answer['needs_confirmation'] else ''}"


def cron(text: str, zone: str = "UTC") -> str:
    """The cron expression the phrase is read as (it must be read as one)."""
    answer = read(text, zone)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "cron", answer["schedule"]
    return str(answer["schedule"]["expression"])


def once(text: str, zone: str = "UTC") -> str:
    """The one instant the phrase is read as, surely (not to be confirmed)."""
    answer = read(text, zone)
    assert answer["schedule"] is not None, answer["reason"]
    assert answer["schedule"]["type"] == "at", answer["schedule"]
    assert not answer["needs_confirmation"], answer
    return str(answer["schedule"]["datetime"])


def asks(text: str) -> bool:
    """Whether the phrase is refused or answered to be confirmed."""
    answer = read(text)
    return answer["schedule"] is None or bool(answer["needs_confirmation"])
