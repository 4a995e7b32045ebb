"""What the calendar shows: the planned runs of many jobs in a range, as a list or as counts.

Both answers keep every job and cut by time when they must: a list of runs stops at an
instant before which every job's runs are all there (``complete_until``), never by leaving
some jobs out; counts per day or hour (``domain.counting``) cost little per job and per
interval, and are cut to fewer intervals only when jobs × intervals passes a budget. A job's
runs start no earlier than ``not_before`` (its creation): a calendar does not plan runs on
days before the job existed. Pure: schedules and instants in, instants and numbers out.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Literal
from zoneinfo import ZoneInfo

from agentcron.app.domain.counting import Tally, count_fire_times
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.recurrence import wall_to_instant
from agentcron.app.domain.schedule import Schedule, iter_fire_times_between

Group = Literal["day", "hour"]
GROUPS: tuple[Group, ...] = ("day", "hour")
#: counts per job per interval computed for one answer at most (about a second of work): a
#: month of days holds 2,380 jobs, a week of hours 595; past that the range is cut by time
MAX_COUNTED_CELLS = 100_000
#: a day or an hour holding at most this many runs of a job lists their times too
LISTED_TIMES = 4

_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Planned:
    """One job's schedule as the calendar reads it."""

    schedule: Schedule
    exclusions: Exclusions | None = None
    not_before: datetime | None = None  # the job's creation


@dataclass(frozen=True, slots=True)
class Counted:
    """``tallies[j][i]``: job j's runs in ``[edges[i], edges[i+1])``; complete up to
    ``edges[-1]``, which is the range's end unless the budget cut it."""

    edges: list[datetime]
    tallies: list[list[Tally]]
    truncated: bool


def interval_edges(start: datetime, end: datetime, zone: ZoneInfo, group: Group) -> list[datetime]:
    """``start``, every local midnight (``day``) or every hour from each local midnight
    (``hour``: 23 or 25 of them on a day the clock changes) between, and ``end``; aware UTC."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    edges = {start, end}
    day = start.astimezone(zone).date()
    while True:
        midnight = _midnight(day, zone)
        if midnight >= end:
            break
        following = _midnight(day + _DAY, zone)
        moment = midnight
        while moment < following and moment < end:
            if moment > start:
                edges.add(moment)
            if group == "day":
                break
            moment += _HOUR
        day += _DAY
    return sorted(edges)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return wall_to_instant(datetime.combine(day, time()), zone)


def count_planned(
    jobs: Sequence[Planned],
    edges: list[datetime],
    *,
    budget: int = MAX_COUNTED_CELLS,
    list_up_to: int = LISTED_TIMES,
) -> Counted:
    """Every job's runs per interval; when jobs × intervals passes ``budget``, the intervals
    are cut from the end (at least one is kept) and the answer says so."""
    intervals = len(edges) - 1
    keep = max(1, budget // max(1, len(jobs)))
    truncated = intervals > keep
    if truncated:
        edges = edges[: keep + 1]
    tallies = [
        count_fire_times(
            job.schedule,
            edges,
            exclusions=job.exclusions,
            not_before=job.not_before,
            list_up_to=list_up_to,
        )
        for job in jobs
    ]
    return Counted(edges=edges, tallies=tallies, truncated=truncated)


def list_planned(
    jobs: Sequence[Planned], *, start: datetime, end: datetime, limit: int
) -> tuple[list[tuple[datetime, int]], datetime]:
    """The runs of every job in ``[start, end)`` as (instant, job index), in order, at most
    ``limit``; and the instant up to which that list is complete: ``end``, or the first
    instant left out (every run before it is listed, whichever job it belongs to)."""

    def fires(index: int, job: Planned) -> Iterator[tuple[datetime, int]]:
        since = start if job.not_before is None else max(start, job.not_before)
        for instant in iter_fire_times_between(
            job.schedule, start=since, end=end, exclusions=job.exclusions
        ):
            yield instant, index

    merged = heapq.merge(*(fires(index, job) for index, job in enumerate(jobs)))
    runs = list(islice(merged, limit + 1))
    if len(runs) <= limit:
        return runs, end
    cut = runs[limit][0]
    return [run for run in runs[:limit] if run[0] < cut], cut
