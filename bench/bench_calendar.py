"""What does the calendar cost, counted against listed?

    .venv/bin/python bench/bench_calendar.py [--rounds N]

One owner with the seven jobs of issue 20's report (an every-minute cron, an every-45-seconds
job, hourly, weekdays 9:00, a fortnightly rule, month end and one date), on a SQLite file,
through the API in-process (httpx on the ASGI app). For the month view's range (42 days) it
times, median of N rounds:
- ``GET /calendar-data`` listing runs (what the month view asked for before: the first 10,000
  runs, cut by time now — before, by dropping whole jobs);
- ``GET /calendar-data?group=day`` and, for a week, ``group=hour``: every run counted;
and in the same run the peer: listing every run of the 42 days with the engine's
``fire_times_between`` (what showing them all by listing would take), with the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.config import Settings
from agentcron.app.domain.schedule import Schedule, fire_times_between
from agentcron.app.runtime import Runtime
from agentcron.app.storage.migrate import upgrade

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)
JOBS: dict[str, dict[str, Any]] = {
    "every minute": {"type": "cron", "expression": "* * * * *", "timezone": "UTC"},
    "every 45 s": {"type": "every", "interval": 45},
    "hourly": {"type": "every", "interval": 3600},
    "digest": {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"},
    "fortnightly": {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
        "timezone": "America/Chicago",
        "start_at": "2026-03-03T15:00:00",
    },
    "month end": {"type": "cron", "expression": "0 18 L * *", "timezone": "Europe/Paris"},
    "once": {"type": "at", "datetime": "2026-03-20T12:00:00Z"},
}
MONTH = {"start": "2026-02-23", "end": "2026-04-06", "timezone": "Europe/Berlin"}
WEEK = {"start": "2026-03-02", "end": "2026-03-09", "timezone": "Europe/Berlin"}


async def timed(
    api: httpx.AsyncClient, params: dict[str, str], rounds: int
) -> tuple[float, dict[str, Any]]:
    samples, body = [], {}
    for _ in range(rounds):
        start = time.perf_counter()
        response = await api.get("/calendar-data", params=params)
        samples.append(time.perf_counter() - start)
        body = response.json()
    return statistics.median(samples), body


def list_all(rounds: int) -> tuple[float, int]:
    berlin = ZoneInfo(MONTH["timezone"])
    start = datetime.fromisoformat(MONTH["start"]).replace(tzinfo=berlin)
    end = datetime.fromisoformat(MONTH["end"]).replace(tzinfo=berlin)
    schedules = [Schedule.from_dict(s) for s in JOBS.values()]
    samples, count = [], 0
    for _ in range(rounds):
        begin = time.perf_counter()
        count = sum(
            len(fire_times_between(s, start=max(start, NOW), end=end, limit=10**8))
            for s in schedules
        )
        samples.append(time.perf_counter() - begin)
    return statistics.median(samples), count


async def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "bench.db"
        upgrade(f"sqlite:///{path}")
        runtime = Runtime(
            Settings(database_url=f"sqlite+aiosqlite:///{path}"), clock=FrozenClock(NOW)
        )
        app = create_app(runtime, start_engine=False)
        _, key = await runtime.keys.create(name="bench", owner="bench", now=NOW)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://bench/api/scheduler",
            headers={"Authorization": f"Bearer {key}"},
        ) as api:
            for name, schedule in JOBS.items():
                made = await api.post(
                    "/jobs", json={"name": name, "action": "noop", "schedule": schedule}
                )
                assert made.status_code == 201, made.text
            listed, body = await timed(api, MONTH, rounds)
            jobs_listed = len({e["job_id"] for e in body["events"]})
            print(
                f"month, listed (limit 10,000):   {listed * 1000:7.1f} ms  "
                f"{body['count']:,} runs of {jobs_listed} jobs, complete until {body.get('complete_until')}"
            )
            by_day, body = await timed(api, {**MONTH, "group": "day"}, rounds)
            if "jobs" not in body:  # a build without group=day
                await runtime.close()
                return
            print(
                f"month, group=day:               {by_day * 1000:7.1f} ms  "
                f"{body['count']:,} runs of {len(body['jobs'])} jobs counted, "
                f"truncated={body['truncated']}"
            )
            by_hour, body = await timed(api, {**WEEK, "group": "hour"}, rounds)
            print(
                f"week, group=hour:               {by_hour * 1000:7.1f} ms  "
                f"{body['count']:,} runs of {len(body['jobs'])} jobs counted"
            )
        await runtime.close()
    peer, count = list_all(rounds)
    print(f"peer: listing every run of the month: {peer * 1000:7.1f} ms  {count:,} runs")
    print(f"ratio: group=day is {peer / by_day:.0f}x faster than listing them all")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    asyncio.run(main(parser.parse_args().rounds))
