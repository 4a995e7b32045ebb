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

from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.schedule import Schedule, fire_times_between

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


def planned_fires(
    schedules: Sequence[tuple[Schedule, Exclusions | None]],
    *,
    start: datetime,
    end: datetime,
    limit: int,
) -> tuple[list[datetime], bool]:
    """Every fire time of ``schedules`` in ``[start, end)``, at most ``limit`` in all;
    returns (instants, truncated)."""
    out: list[datetime] = []
    for schedule, exclusions in schedules:
        room = limit - len(out)
        times = fire_times_between(
            schedule, start=start, end=end, exclusions=exclusions, limit=room + 1
        )
        if len(times) > room:
            out += times[:room]
            return out, True
        out += times
    return out, False
