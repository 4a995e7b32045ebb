"""The parser's answer as every way in returns it: its fields plus `next_runs`.

The parser is pure and never imports the app; the next runs come from the schedule engine
(`schedule.next_fire_times`), the one implementation of fire times. parse-nl and the CLI
both answer with `answer_dict`, so they cannot drift apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, local_iso, next_fire_times

if TYPE_CHECKING:
    from agentcron.parsers import ParseResult

DEFAULT_COUNT = 5


def answer_dict(
    result: ParseResult, *, now: datetime, count: int = DEFAULT_COUNT
) -> dict[str, Any]:
    """`result.to_dict()` with `next_runs`: the schedule's next `count` runs after `now`, in
    its zone's offset. Raises ScheduleError when the engine refuses the schedule."""
    out = result.to_dict()
    out["next_runs"] = []
    if result.schedule is not None:
        schedule = Schedule.from_dict(result.schedule, now=now)
        exclusions = Exclusions.from_dict(result.exclusions)
        runs = next_fire_times(schedule, after=now, count=count, exclusions=exclusions)
        out["next_runs"] = [local_iso(t, schedule.zone) for t in runs]
    return out
