"""The 24×7 heatmap: weighted instants counted by weekday and hour on a zone's wall clock.

Pure: the caller reads activity, past runs or planned fires and hands over instants. Hours
are the local wall clock, so a day that springs forward has no 02:00 hour to count in and a
day that falls back counts both 01:00 hours in the one ``01`` cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from agentcron.app.domain.calendar import (
    MAX_COUNTED_CELLS,
    Planned,
    count_planned,
    interval_edges,
)

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HOURS = tuple(f"{hour:02d}" for hour in range(24))


@dataclass(frozen=True)
class Heatmap:
    """``grid[day][hour]``: day 0 is Monday, hour 0 is 00:00–01:00 local."""

    grid: tuple[tuple[float, ...], ...]

    @property
    def total(self) -> float:
        return sum(sum(row) for row in self.grid)

    @property
    def max(self) -> float:
        return max(max(row) for row in self.grid)

    def to_dict(self) -> dict[str, object]:
        return {
            "days": list(DAYS),
            "hours": list(HOURS),
            "grid": [[_number(v) for v in row] for row in self.grid],
            "total": _number(self.total),
            "max": _number(self.max),
        }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


def build_heatmap(events: Iterable[tuple[datetime, float]], zone: ZoneInfo) -> Heatmap:
    """Sum each event's weight into the cell of its local weekday and hour."""
    grid = [[0.0] * 24 for _ in DAYS]
    for instant, weight in events:
        local = instant.astimezone(zone)
        grid[local.weekday()][local.hour] += weight
    return Heatmap(tuple(tuple(row) for row in grid))


def planned_events(
    jobs: Sequence[Planned],
    *,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    budget: int = MAX_COUNTED_CELLS,
) -> tuple[list[tuple[datetime, float]], bool]:
    """The planned runs of ``jobs`` in ``[start, end)`` for ``build_heatmap``: each hour's
    count, weighted, at the start of that hour in ``zone``. Counted, not listed, so an
    every-second job costs what an hourly one does and no job is left out; returns
    (events, truncated), truncated when the budget cut the range short."""
    counted = count_planned(
        jobs, interval_edges(start, end, zone, "hour"), budget=budget, list_up_to=0
    )
    events = [
        (edge, float(tally.count))
        for tallies in counted.tallies
        for edge, tally in zip(counted.edges, tallies, strict=False)
        if tally.count
    ]
    return events, counted.truncated
