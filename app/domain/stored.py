"""Schedules as stored on jobs: already valid, so each distinct one is parsed only once;
what they look like to their owner (in words, in their zone, the next slot that runs)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, ScheduleError, next_fire_time
from agentcron.parsers import describe


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


@functools.lru_cache(maxsize=4096)
def _describe(schedule_json: str) -> str | None:
    try:
        return describe(json.loads(schedule_json))
    except Exception:  # a description is a courtesy: never fail a read for it
        return None


def describe_schedule(schedule: dict[str, Any] | None) -> str | None:
    if not schedule:
        return None
    return _describe(json.dumps(schedule, sort_keys=True))


def job_zone(row: dict[str, Any]) -> str:
    schedule = row.get("schedule") or {}
    return str(schedule.get("timezone") or "UTC")


def displayed_next_run(row: dict[str, Any]) -> datetime | None:
    """The stored ``next_run_at`` is the next slot the engine will look at; a slot that an
    exclusion rules out is recorded as skipped then. Users see the next slot that will run."""
    next_run: datetime | None = row.get("next_run_at")
    if next_run is None or not row.get("exclusions") or not row.get("schedule"):
        return next_run
    try:
        schedule, exclusions = parsed_schedule(row["schedule"], row["exclusions"])
    except (ValueError, TypeError):  # a schedule an earlier version accepted: show the stored
        return next_run
    if exclusions is None or exclusions.reason(next_run, schedule.zone) is None:
        return next_run
    return next_fire_time(schedule, after=next_run, exclusions=exclusions)


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
