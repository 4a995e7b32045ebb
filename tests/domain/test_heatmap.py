"""The heatmap from instants at known local times, in two zones, across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from agentcron.app.domain.calendar import Planned
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.heatmap import DAYS, HOURS, build_heatmap, planned_events
from agentcron.app.domain.schedule import Schedule

NEW_YORK = ZoneInfo("America/New_York")
UTC_ZONE = ZoneInfo("UTC")
KOLKATA = ZoneInfo("Asia/Kolkata")


def local(day: date, hh: int, mm: int, zone: ZoneInfo, *, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=zone, fold=fold).astimezone(UTC)


def weekdays(first: date, count: int) -> list[date]:
    days = [first + timedelta(days=i) for i in range(count)]
    return [d for d in days if d.weekday() < 5]


def test_labels() -> None:
    grid = build_heatmap([], NEW_YORK).to_dict()
    assert grid["days"] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] == list(DAYS)
    assert grid["hours"][:3] == ["00", "01", "02"] and len(HOURS) == 24
    assert grid["grid"] == [[0] * 24 for _ in range(7)]
    assert grid["total"] == 0 and grid["max"] == 0


def test_two_weeks_across_the_spring_change_land_in_the_same_local_cells() -> None:
    # 2 - 13 March 2026; New York springs forward on Sunday 8 March
    events = []
    for day in weekdays(date(2026, 3, 2), 12):
        events += [(local(day, 9, 10, NEW_YORK), 1.0), (local(day, 17, 40, NEW_YORK), 1.0)]
    events.append((local(date(2026, 3, 7), 11, 0, NEW_YORK), 3.0))  # a weighted Saturday
    # the same wall time is a different UTC hour on either side of the change
    assert local(date(2026, 3, 6), 9, 10, NEW_YORK).hour == 14
    assert local(date(2026, 3, 9), 9, 10, NEW_YORK).hour == 13
    grid = build_heatmap(events, NEW_YORK).to_dict()
    rows = grid["grid"]
    for weekday in range(5):
        assert rows[weekday][9] == 2, DAYS[weekday]
        assert rows[weekday][17] == 2
        assert sum(rows[weekday]) == 4
    assert rows[5][11] == 3
    assert sum(rows[6]) == 0
    assert grid["total"] == 10 * 2 + 3
    assert grid["max"] == 3


def test_fall_back_counts_both_one_oclock_hours_in_one_cell() -> None:
    sunday = date(2026, 11, 1)  # New York falls back at 02:00 EDT
    events = [
        (local(sunday, 1, 30, NEW_YORK, fold=0), 1.0),  # 05:30Z, EDT
        (local(sunday, 1, 30, NEW_YORK, fold=1), 1.0),  # 06:30Z, EST
        (local(sunday, 2, 30, NEW_YORK), 1.0),
    ]
    assert events[1][0] - events[0][0] == timedelta(hours=1)
    rows = build_heatmap(events, NEW_YORK).to_dict()["grid"]
    assert rows[6][1] == 2
    assert rows[6][2] == 1


def test_an_instant_in_the_spring_gap_does_not_exist_locally() -> None:
    # 07:00Z on 8 March is 03:00 EDT: there is no 02:00 hour that day
    rows = build_heatmap([(datetime(2026, 3, 8, 7, 0, tzinfo=UTC), 1.0)], NEW_YORK).grid
    assert rows[6][2] == 0 and rows[6][3] == 1


def test_a_half_hour_zone() -> None:
    # Kolkata is UTC+05:30: 03:45Z is 09:15, 04:15Z is 09:45, 04:30Z is 10:00
    monday = datetime(2026, 3, 2, tzinfo=UTC)
    events = [(monday + timedelta(hours=h, minutes=m), 1.0) for h, m in ((3, 45), (4, 15), (4, 30))]
    rows = build_heatmap(events, KOLKATA).grid
    assert rows[0][9] == 2
    assert rows[0][10] == 1
    # the same instants in UTC fall elsewhere
    utc = build_heatmap(events, ZoneInfo("UTC")).grid
    assert utc[0][3] == 1 and utc[0][4] == 2


def test_planned_runs_over_a_week_with_the_spring_change() -> None:
    weekdays_9 = Schedule.from_dict(
        {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"}
    )
    hourly_kolkata = Schedule.from_dict(
        {"type": "cron", "expression": "30 * * * *", "timezone": "Asia/Kolkata"}
    )
    no_fridays = Exclusions.from_dict({"weekdays": ["fri"]})
    start = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)  # Thursday 07:00 EST
    events, truncated = planned_events(
        [Planned(weekdays_9, no_fridays), Planned(hourly_kolkata)],
        start=start,
        end=start + timedelta(days=7),
        zone=NEW_YORK,
    )
    assert not truncated
    rows = build_heatmap(events, NEW_YORK).grid
    # Thursday 5, (Friday excluded), Monday 9, Tuesday 10, Wednesday 11 March at 09:00 local,
    # plus every hour's :30 from Kolkata, which is :00 in New York (Kolkata is :30 off UTC)
    assert rows[3][9] == 1 + 1  # Thursday: the 09:00 job and one Kolkata fire
    assert rows[4][9] == 1  # Friday: Kolkata only
    assert rows[0][9] == 2 and rows[1][9] == 2 and rows[2][9] == 2
    assert sum(map(sum, rows)) == 4 + 7 * 24


def test_planned_runs_are_counted_not_listed_and_cut_by_time_past_the_budget() -> None:
    every_second = Schedule.from_dict({"type": "every", "interval": 1})
    start = datetime(2026, 3, 2, tzinfo=UTC)
    end = start + timedelta(days=7)
    events, truncated = planned_events(
        [Planned(every_second)] * 3, start=start, end=end, zone=UTC_ZONE
    )
    assert not truncated
    assert build_heatmap(events, UTC_ZONE).grid[0][0] == 3 * 3600
    assert sum(weight for _, weight in events) == 3 * 7 * 86400
    events, truncated = planned_events(
        [Planned(every_second)] * 3, start=start, end=end, zone=UTC_ZONE, budget=3 * 24
    )
    assert truncated  # the first day only, for all three jobs
    assert sum(weight for _, weight in events) == 3 * 86400
