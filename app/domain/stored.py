"""Schedules as stored on jobs: already valid, so each distinct one is parsed only once."""

from __future__ import annotations

import functools
import json
from typing import Any

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule


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
