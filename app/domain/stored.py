"""Schedules as stored on jobs: already valid, so each distinct one is parsed only once."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, ScheduleError


@functools.lru_cache(maxsize=4096)
def _parsed(schedule_json: str, exclusions_json: str) -> tuple[Schedule, Exclusions | None]:
    exclusions = json.loads(exclusions_json)
    return (
        Schedule.from_dict(json.loads(schedule_json)),
        Exclusions.from_dict(exclusions) if exclusions else None,
    )


def parsed_schedule(
    schedule: dict[str, Any], exclusions: dict[str, Any] | None
) -> tuple[Schedule, Exclusions | None]:
    """Stored schedules are already valid; parse them once per distinct value."""
    return _parsed(
        json.dumps(schedule, sort_keys=True), json.dumps(exclusions or None, sort_keys=True)
    )


def readable_schedules(
    jobs: Iterable[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], Schedule, Exclusions | None]]:
    """Each job with its parsed schedule, leaving out a job whose stored schedule this
    version cannot read (an earlier version accepted it): one such job must not take a
    calendar or a heatmap down for its owner."""
    for job in jobs:
        try:
            schedule, exclusions = parsed_schedule(job["schedule"], job.get("exclusions"))
        except (ScheduleError, ValueError, TypeError, KeyError):
            continue
        yield job, schedule, exclusions
