"""Round nine (consistency9): the same meaning gives the same answer.

The times of day a schedule runs at are read in one place (`schedule_times.times_of_day`) for
the salvage step and for edits alike, and a rule that lists several times with different
minutes ("weekdays at 7:45am, 12:15pm and 5:30pm": BYHOUR × BYMINUTE less what BYSETPOS
leaves out) is three times to both, not the nine of its grid.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.edit import understand_edit
from agentcron.parsers.salvage import times_of_day as salvage_times
from agentcron.parsers.schedule_times import times_of_day
from tests.parsers.firetimes import fire_times

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # Monday 8:00 in New York
NY = "America/New_York"
THREE = ((7, 45), (12, 15), (17, 30))


def _read(text: str) -> dict[str, Any]:
    schedule = understand_fast(text, timezone=NY, now=NOW).schedule
    assert schedule is not None, text
    return schedule


def _job(schedule: dict[str, Any]) -> dict[str, Any]:
    return {
        "schedule": schedule,
        "goal": "stretch",
        "name": "stretch",
        "status": "active",
        "delivery": {"channel": "slack:C0", "channels": ["slack:C0"], "failures_to": "slack:U0"},
    }


def _walls(schedule: dict[str, Any], count: int = 9) -> list[str]:
    zone = ZoneInfo(schedule.get("timezone") or "UTC")
    return [
        t.astimezone(zone).strftime("%a %H:%M")
        for t in fire_times(schedule, after=NOW, count=count)
    ]


@pytest.mark.parametrize(
    ("schedule", "times"),
    [
        ({"type": "cron", "expression": "0 9,17 * * 1-5"}, ((9, 0), (17, 0))),
        ({"type": "cron", "expression": "*/15 * * * *"}, None),
        ({"type": "cron", "expression": "0 9-17 * * *"}, None),
        ({"type": "rrule", "rule": "FREQ=WEEKLY;BYDAY=TU;BYHOUR=15;BYMINUTE=0"}, ((15, 0),)),
        ({"type": "rrule", "rule": "FREQ=DAILY;BYHOUR=9,17"}, ((9, 0), (17, 0))),
        (
            {
                "type": "rrule",
                "rule": "FREQ=DAILY;BYHOUR=7,12,17;BYMINUTE=15,30,45;BYSECOND=0;BYSETPOS=3,4,8",
            },
            THREE,
        ),
        (
            {
                "type": "rrule",  # the positions repeat for each of the week's two days
                "rule": "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,17;BYMINUTE=15,45;BYSETPOS=1,4,5,8",
            },
            ((9, 15), (17, 45)),
        ),
        (
            # BYSETPOS picking days, not times of day: no fixed times to say
            {"type": "rrule", "rule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYSETPOS=-1"},
            None,
        ),
        (
            {
                "type": "rrule",  # RFC 5545: no BYHOUR, its start's time of day
                "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                "timezone": NY,
                "start_at": "2026-03-03T15:00:00-05:00",
            },
            ((15, 0),),
        ),
        ({"type": "rrule", "rule": "FREQ=HOURLY;INTERVAL=2"}, None),
        ({"type": "at", "datetime": "2026-03-05T14:00:00Z", "timezone": NY}, ((9, 0),)),
        ({"type": "every", "interval": 3600}, None),
        (None, None),
    ],
)
def test_times_of_day(schedule: dict[str, Any] | None, times: tuple | None) -> None:
    assert times_of_day(schedule) == times
    assert salvage_times(schedule) == set(times or ())


@pytest.mark.parametrize(
    "text",
    [
        "weekdays at 7:45am, 12:15pm and 5:30pm",
        "every day at 7:45am, 12:15pm and 5:30pm",
        "every Monday and Thursday at 7:45am, 12:15pm and 5:30pm",
    ],
)
def test_a_rule_with_bysetpos_is_its_named_times_to_both_callers(text: str) -> None:
    schedule = _read(text)
    assert "BYSETPOS" in schedule["rule"]
    assert times_of_day(schedule) == THREE
    assert salvage_times(schedule) == set(THREE)  # not the nine of BYHOUR × BYMINUTE


def test_editing_a_rule_with_bysetpos_moves_its_three_times() -> None:
    job = _job(_read("weekdays at 7:45am, 12:15pm and 5:30pm"))
    one = understand_edit("move it to 10am", job, now=NOW)
    assert not one.ok and "runs 3 times a day" in (one.reason or "")

    later = understand_edit("push it back 30 minutes", job, now=NOW)
    assert later.ok, later.reason
    assert _walls(later.changes["schedule"], 6) == [
        "Mon 08:15",
        "Mon 12:45",
        "Mon 18:00",
        "Tue 08:15",
        "Tue 12:45",
        "Tue 18:00",
    ]

    two = understand_edit("move it to 9am and 4pm", job, now=NOW)
    assert two.ok, two.reason
    assert "BYSETPOS" not in two.changes["schedule"]["rule"]  # it picked among the old times
    assert _walls(two.changes["schedule"], 4) == [
        "Mon 09:00",
        "Mon 16:00",
        "Tue 09:00",
        "Tue 16:00",
    ]


def test_new_days_keep_the_three_times_on_each() -> None:
    job = _job(_read("weekdays at 7:45am, 12:15pm and 5:30pm"))
    days = understand_edit("on tuesdays and thursdays", job, now=NOW)
    assert days.ok, days.reason
    assert _walls(days.changes["schedule"], 6) == [
        "Tue 07:45",
        "Tue 12:15",
        "Tue 17:30",
        "Thu 07:45",
        "Thu 12:15",
        "Thu 17:30",
    ]
