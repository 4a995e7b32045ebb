"""How fast are next fire times, for cron and for rrule schedules?

    .venv/bin/python bench/bench_schedules.py [--calls N]

Prints the median and p99 microseconds per call, in-process, for:
- the engine's question: the next fire time after a slot (the rule already compiled and
  cached, `after` stepping through a year of slots);
- validate as the user types: a schedule document never seen before (a new text each call)
  checked, its next 5 runs and its description — what `GET /validate` computes;
and, as the peer for rrules, dateutil answering the engine's question the plain way,
`rrule.after(slot)` stepping from DTSTART, for a series that started five years earlier.
Ratios are to cron's weekday 9 AM rule in the same run.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from dateutil.rrule import rrulestr

from agentcron.app.domain.schedule import Schedule, next_fire_time, next_fire_times
from agentcron.parsers import describe

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)
FIVE_YEARS_AGO = "2021-03-01T00:00:00"

CASES: list[tuple[str, dict[str, Any]]] = [
    ("cron weekdays 9:00", {"type": "cron", "expression": "0 9 * * 1-5"}),
    (
        "rrule weekdays 9:00",
        {"type": "rrule", "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0"},
    ),
    (
        "rrule every 2 weeks",
        {"type": "rrule", "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0"},
    ),
    (
        "rrule 1st business day",
        {
            "type": "rrule",
            "rule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYHOUR=9;BYMINUTE=0",
        },
    ),
    (
        "rrule 4th Thursday Nov",
        {"type": "rrule", "rule": "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12;BYMINUTE=0"},
    ),
    (
        "rrule every 15 min",
        {"type": "rrule", "rule": "FREQ=MINUTELY;INTERVAL=15;BYDAY=MO,TU,WE,TH,FR"},
    ),
    (
        "rrule daily, COUNT=1000",
        {"type": "rrule", "rule": "FREQ=DAILY;COUNT=1000;BYHOUR=9;BYMINUTE=0"},
    ),
]


def timed(calls: int, once: Callable[[int], object]) -> list[float]:
    out = []
    for i in range(calls):
        start = time.perf_counter_ns()
        once(i)
        out.append((time.perf_counter_ns() - start) / 1000)
    return out


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.99) - 1]


def document(case: dict[str, Any], *, start_at: str = FIVE_YEARS_AGO) -> dict[str, Any]:
    doc = {**case, "timezone": "America/New_York"}
    if case["type"] == "rrule":
        doc["start_at"] = start_at
    return doc


def engine_question(case: dict[str, Any], calls: int) -> list[float]:
    schedule = Schedule.from_dict(document(case))
    slots = []
    slot: datetime | None = NOW
    while len(slots) < calls and slot is not None:
        slots.append(slot)
        slot = next_fire_time(schedule, after=slot)
    slots = (slots * (calls // max(len(slots), 1) + 1))[:calls]
    return timed(calls, lambda i: next_fire_time(schedule, after=slots[i]))


def fresh_document(case: dict[str, Any], i: int) -> dict[str, Any]:
    """A text not seen before, as each keystroke gives."""
    if case["type"] == "cron":
        return document({**case, "expression": f"{i % 60} {9 + i // 60 % 10} * * 1-5"})
    start = (NOW - timedelta(days=365) + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S")
    rule = case["rule"].replace("BYMINUTE=0", f"BYMINUTE={i % 60}")
    return document({**case, "rule": rule}, start_at=start)


def validate_as_you_type(case: dict[str, Any], calls: int, offset: int) -> list[float]:
    def once(i: int) -> None:
        schedule = Schedule.from_dict(fresh_document(case, offset + i))
        next_fire_times(schedule, after=NOW, count=5)
        describe(schedule.to_dict())

    return timed(calls, once)


def dateutil_plain(case: dict[str, Any], calls: int) -> list[float]:
    """The engine's question asked of dateutil directly: after() steps from DTSTART."""
    rule = rrulestr(case["rule"], dtstart=datetime.fromisoformat(FIVE_YEARS_AGO))
    naive = NOW.replace(tzinfo=None)
    return timed(calls, lambda i: rule.after(naive + timedelta(hours=i % 24)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    gc.disable()  # collections would land on random calls; this measures the code
    for _, case in CASES:  # warm imports and caches of everything but the measured keys
        engine_question(case, 10)
        validate_as_you_type(case, 5, offset=10**6)
    rows = []
    for name, case in CASES:
        engine = summary(engine_question(case, args.calls))
        typing = summary(validate_as_you_type(case, min(args.calls, 1000), offset=0))
        peer = (
            summary(dateutil_plain(case, min(args.calls, 200)))
            if case["type"] == "rrule" and "COUNT" not in case["rule"]
            else None
        )
        rows.append((name, engine, typing, peer))
    base_engine, base_typing = rows[0][1][0], rows[0][2][0]
    print(f"µs per call, median (p99); ratios to {rows[0][0]!r}; {args.calls} calls")
    print(
        f"{'schedule':26} {'next fire time':>18} {'ratio':>6}   {'validate (new text)':>20} "
        f"{'ratio':>6}   {'dateutil after() from DTSTART (5 y)':>36}"
    )
    for name, engine, typing, peer in rows:
        peer_text = (
            f"{peer[0]:9.0f} ({peer[1]:.0f}) = {peer[0] / engine[0]:.0f}x ours" if peer else ""
        )
        print(
            f"{name:26} {engine[0]:9.1f} ({engine[1]:6.1f}) {engine[0] / base_engine:6.1f}   "
            f"{typing[0]:10.0f} ({typing[1]:7.0f}) {typing[0] / base_typing:6.1f}   {peer_text:>36}"
        )


if __name__ == "__main__":
    main()
