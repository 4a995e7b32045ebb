"""Preview notes for the days a clock change moves, drops or repeats a run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.app.domain.clockchanges import clock_change_notes
from agentcron.app.domain.schedule import Schedule, next_fire_times

SPRING = datetime(2026, 3, 6, tzinfo=UTC)  # New York springs forward on 8 March 2026
AUTUMN = datetime(2026, 10, 30, tzinfo=UTC)  # and falls back on 1 November


def notes(document: dict[str, object], after: datetime, count: int = 5) -> list[str]:
    schedule = Schedule.from_dict(document)
    times = next_fire_times(schedule, after=after, count=count)
    return clock_change_notes(schedule, times, after=after)


def cron(expression: str, zone: str = "America/New_York") -> dict[str, object]:
    return {"type": "cron", "expression": expression, "timezone": zone}


@pytest.mark.parametrize(
    ("document", "after", "expected"),
    [
        (
            cron("30 2 * * *"),
            SPRING,
            [
                "2026-03-08: 02:30 does not exist in America/New_York (clocks jump from 02:00 to"
                " 03:00); that day's run is at 03:00 EDT instead"
            ],
        ),
        (
            cron("30 1 * * *"),
            AUTUMN,
            [
                "2026-11-01: 01:30 happens twice in America/New_York (clocks go back from 02:00"
                " to 01:00); it runs once, at the first (01:30 EDT)"
            ],
        ),
        (
            cron("0 * * * *"),
            datetime(2026, 3, 8, 5, tzinfo=UTC),
            [
                "2026-03-08: no run between 02:00 and 03:00 in America/New_York (clocks jump"
                " from 02:00 to 03:00); runs continue on real time"
            ],
        ),
        (
            {"type": "every", "interval": 1800, "timezone": "America/New_York"},
            datetime(2026, 11, 1, 4, tzinfo=UTC),
            [
                "2026-11-01: 01:00-02:00 happens twice in America/New_York (clocks go back from"
                " 02:00 to 01:00); runs on real time, so times in that hour run in both"
            ],
        ),
        (
            cron("0 2 * * *", "Australia/Lord_Howe"),  # a half-hour change
            datetime(2026, 10, 2, tzinfo=UTC),
            [
                "2026-10-04: 02:00 does not exist in Australia/Lord_Howe (clocks jump from 02:00"
                " to 02:30); that day's run is at 02:30 +11 instead"
            ],
        ),
    ],
)
def test_a_moved_or_repeated_run_is_named_with_its_day(
    document: dict[str, object], after: datetime, expected: list[str]
) -> None:
    assert notes(document, after) == expected


@pytest.mark.parametrize(
    ("document", "after"),
    [
        (cron("0 3 * * *"), SPRING),  # 03:00 exists on the day of the change
        (cron("30 2 * * *"), AUTUMN),  # 02:30 happens once when clocks go back at 02:00
        (cron("30 2 * * *", "Europe/London"), SPRING),  # London changes three weeks later
        (cron("30 2 * * *", "UTC"), SPRING),
        ({"type": "every", "interval": 3600, "timezone": "America/New_York"}, SPRING),
    ],
)
def test_days_without_a_change_that_touches_a_run_have_no_note(
    document: dict[str, object], after: datetime
) -> None:
    assert notes(document, after, count=10) == []


def test_one_note_per_day_however_many_runs_it_touches() -> None:
    found = notes(cron("*/15 1 * * *"), AUTUMN, count=40)
    assert len(found) == 1 and found[0].startswith("2026-11-01: 01:00-02:00 happens twice")
