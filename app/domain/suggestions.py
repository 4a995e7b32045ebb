"""Suggested schedule times, from an owner's activity and from the service's load.

Pure: activity instants, the zone, and the load (how many runs are planned at each local
minute of the day) come in; suggestions come out. The clock is not read.

From activity: each local date with activity has a start (its first action) and an end (its
last). Weekdays seen on at least ``MIN_DATES_PER_WEEKDAY`` dates are working days; working
days whose typical (median) starts lie within an hour of each other form one group, usually
Mon-Fri. Each group gets "5 min before typical start" (a digest before the day begins) and
"end of typical work day" (a report at its end), on a 5-minute grid.

From load: a suggested minute that already carries a herd of runs (``HERD`` or more, the
``:00`` pile-up) moves to the quietest minute within ``SPREAD_MINUTES``, nearest first and
earlier on a tie, and the reason says so: "09:00 already has 140 runs; 08:57 has 2".

With too little activity the answer is a pair of defaults, marked ``default`` and saying so.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from agentcron.app.domain.heatmap import DAYS

MIN_ACTIVE_DATES = 5
MIN_DATES_PER_WEEKDAY = 2
GROUP_MINUTES = 60
LEAD_MINUTES = 5
MIN_DAY_MINUTES = 60
HERD = 10
SPREAD_MINUTES = 7
DEFAULT_START = 9 * 60
DEFAULT_END = 17 * 60 + 30
WEEKDAYS = frozenset(range(5))

_START_WORDS = re.compile(
    r"\b(digest|brief|briefing|morning|agenda|standup|stand-up|overnight|news|start|"
    r"before work|plan|planning|inbox|today)\b",
    re.IGNORECASE,
)
_END_WORDS = re.compile(
    r"\b(report|recap|wrap|wrap-up|eod|end of (the )?day|evening|review|retro|"
    r"summary of (the )?day|timesheet|end)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # start | end
    minute: int  # minutes after local midnight
    weekdays: frozenset[int]  # 0 is Monday
    reason: str
    dates: int = 0
    events: int = 0
    default: bool = False
    load: Mapping[str, Any] | None = None

    @property
    def time(self) -> str:
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"

    def to_dict(self, zone: ZoneInfo) -> dict[str, Any]:
        out: dict[str, Any] = {
            "time": self.time,
            "days": describe_days(self.weekdays),
            "reason": self.reason,
            "kind": self.kind,
            "schedule": {
                "type": "cron",
                "expression": (
                    f"{self.minute % 60} {self.minute // 60} * * {cron_days(self.weekdays)}"
                ),
                "timezone": zone.key,
            },
            "based_on": {"days": self.dates, "events": self.events},
            "default": self.default,
        }
        if self.load is not None:
            out["load"] = dict(self.load)
        return out


@dataclass
class Suggestions:
    suggestions: list[Suggestion] = field(default_factory=list)
    dates: int = 0
    events: int = 0
    default: bool = False


def classify_goal(text: str | None) -> str | None:
    """ "start" for something to read as the day begins, "end" for its end, else None."""
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in ("start", "end"):
        return lowered
    start, end = _START_WORDS.search(text), _END_WORDS.search(text)
    if start and not end:
        return "start"
    if end and not start:
        return "end"
    if start and end:  # both: the word that comes first in the text sets the tone
        return "start" if start.start() < end.start() else "end"
    return None


def load_by_minute(fires: Iterable[tuple[datetime, int]], zone: ZoneInfo) -> Counter[int]:
    """Planned runs per local minute of the day."""
    load: Counter[int] = Counter()
    for instant, count in fires:
        local = instant.astimezone(zone)
        load[local.hour * 60 + local.minute] += count
    return load


def suggest(
    events: Iterable[tuple[datetime, float]],
    *,
    zone: ZoneInfo,
    load: Mapping[int, int] | None = None,
    prefer: str | None = None,
) -> Suggestions:
    """Suggestions from activity ``events`` (instants and weights), spread off herds in
    ``load``; ``prefer`` ("start" or "end") puts that kind first."""
    load = load or {}
    days: dict[date, list[int]] = defaultdict(list)
    count = 0
    for instant, _weight in events:
        local = instant.astimezone(zone)
        days[local.date()].append(local.hour * 60 + local.minute)
        count += 1
    result = Suggestions(dates=len(days), events=count)
    if len(days) < MIN_ACTIVE_DATES:
        result.default = True
        result.suggestions = _defaults(len(days), count)
    else:
        result.suggestions = _from_activity(days)
        if not result.suggestions:  # active, but on no weekday regularly enough
            result.default = True
            result.suggestions = _defaults(len(days), count)
    result.suggestions = [_spread(s, load) for s in result.suggestions]
    if prefer in ("start", "end"):
        result.suggestions.sort(key=lambda s: s.kind != prefer)
    return result


def _from_activity(days: Mapping[date, list[int]]) -> list[Suggestion]:
    by_weekday: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for day, minutes in days.items():
        by_weekday[day.weekday()].append((min(minutes), max(minutes)))
    working = {
        weekday: spans
        for weekday, spans in by_weekday.items()
        if len(spans) >= MIN_DATES_PER_WEEKDAY
    }
    typical = {w: statistics.median_low(s for s, _ in spans) for w, spans in working.items()}
    groups: list[list[int]] = []
    for weekday in sorted(working, key=lambda w: (typical[w], w)):
        if groups and typical[weekday] - typical[groups[-1][0]] <= GROUP_MINUTES:
            groups[-1].append(weekday)
        else:
            groups.append([weekday])
    out: list[Suggestion] = []
    for group in sorted(groups, key=lambda g: min(g)):
        spans = [span for weekday in group for span in working[weekday]]
        start = statistics.median_low(s for s, _ in spans)
        end = statistics.median_low(e for _, e in spans)
        weekdays = frozenset(group)
        basis = {
            "dates": len(spans),
            "events": sum(len(m) for day, m in days.items() if day.weekday() in weekdays),
        }
        out.append(
            Suggestion(
                kind="start",
                minute=_floor5(start - LEAD_MINUTES),
                weekdays=weekdays,
                reason=f"{LEAD_MINUTES} min before typical start ({_hhmm(start)})",
                **basis,
            )
        )
        if end - start >= MIN_DAY_MINUTES:
            out.append(
                Suggestion(
                    kind="end",
                    minute=_floor5(end),
                    weekdays=weekdays,
                    reason=f"end of typical work day ({_hhmm(end)})",
                    **basis,
                )
            )
    return out


def _defaults(dates: int, events: int) -> list[Suggestion]:
    days = "1 active day" if dates == 1 else f"{dates} active days"
    why = f"a default: too little activity to go on yet ({days})"
    return [
        Suggestion(
            kind="start",
            minute=DEFAULT_START - LEAD_MINUTES,
            weekdays=WEEKDAYS,
            reason=f"{LEAD_MINUTES} min before a usual {_hhmm(DEFAULT_START)} start; {why}",
            dates=dates,
            events=events,
            default=True,
        ),
        Suggestion(
            kind="end",
            minute=DEFAULT_END,
            weekdays=WEEKDAYS,
            reason=f"end of a usual work day; {why}",
            dates=dates,
            events=events,
            default=True,
        ),
    ]


def _spread(suggestion: Suggestion, load: Mapping[int, int]) -> Suggestion:
    minute = suggestion.minute
    here = load.get(minute, 0)
    if here < HERD:
        return suggestion
    nearby = [(minute + d) % 1440 for d in range(-SPREAD_MINUTES, SPREAD_MINUTES + 1) if d != 0]
    best = min(
        nearby,
        key=lambda m: (load.get(m, 0), _distance(m, minute), (m - minute) % 1440 < 720),
    )
    there = load.get(best, 0)
    if there * 2 > here:
        return suggestion  # nothing meaningfully quieter nearby
    note = f"{_hhmm(minute)} already has {here} runs; {_hhmm(best)} has {there}"
    return Suggestion(
        kind=suggestion.kind,
        minute=best,
        weekdays=suggestion.weekdays,
        reason=f"{suggestion.reason}; {note}",
        dates=suggestion.dates,
        events=suggestion.events,
        default=suggestion.default,
        load={"herd_at": _hhmm(minute), "herd_runs": here, "runs_here": there},
    )


def _distance(a: int, b: int) -> int:
    d = abs(a - b) % 1440
    return min(d, 1440 - d)


def _floor5(minute: int) -> int:
    return (minute % 1440) // 5 * 5


def _hhmm(minute: int) -> str:
    minute %= 1440
    return f"{minute // 60:02d}:{minute % 60:02d}"


def describe_days(weekdays: frozenset[int]) -> str:
    """ "Mon-Fri", "Sat-Sun", "Mon, Wed, Fri", "Every day" (0 is Monday)."""
    if len(weekdays) == 7:
        return "Every day"
    return ", ".join(
        DAYS[a] if a == b else f"{DAYS[a]}-{DAYS[b]}" for a, b in _runs(sorted(weekdays))
    )


def cron_days(weekdays: frozenset[int]) -> str:
    """Day-of-week field: Monday is 1 … Saturday 6, Sunday 0; "*" for every day."""
    if len(weekdays) == 7:
        return "*"
    values = sorted((w + 1) % 7 for w in weekdays)
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in _runs(values))


def _runs(values: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and value == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs
