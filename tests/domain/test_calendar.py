"""The calendar's intervals, its counts under a budget and its list cut by time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from agentcron.app.domain.calendar import Planned, count_planned, interval_edges, list_planned
from agentcron.app.domain.schedule import Schedule

BERLIN = ZoneInfo("Europe/Berlin")


def every(seconds: int) -> Planned:
    return Planned(Schedule.from_dict({"type": "every", "interval": seconds}))


def test_days_split_at_local_midnight_and_a_partial_first_day_is_its_own() -> None:
    start = datetime(2026, 3, 28, 15, 30, tzinfo=BERLIN)
    edges = interval_edges(start, start + timedelta(days=2), BERLIN, "day")
    assert [e.astimezone(BERLIN).isoformat() for e in edges] == [
        "2026-03-28T15:30:00+01:00",
        "2026-03-29T00:00:00+01:00",
        "2026-03-30T00:00:00+02:00",  # the 29th has 23 hours
        "2026-03-30T15:30:00+02:00",
    ]


def test_hours_of_a_day_the_clock_changes() -> None:
    spring = interval_edges(
        datetime(2026, 3, 29, tzinfo=BERLIN), datetime(2026, 3, 30, tzinfo=BERLIN), BERLIN, "hour"
    )
    assert len(spring) == 23 + 1
    autumn = interval_edges(
        datetime(2026, 10, 25, tzinfo=BERLIN), datetime(2026, 10, 26, tzinfo=BERLIN), BERLIN, "hour"
    )
    assert len(autumn) == 25 + 1
    assert [h.astimezone(BERLIN).hour for h in autumn[:5]] == [0, 1, 2, 2, 3]


def test_past_the_budget_the_range_is_cut_for_every_job_alike() -> None:
    start = datetime(2026, 3, 2, tzinfo=UTC)
    edges = interval_edges(start, start + timedelta(days=10), UTC, "day")
    counted = count_planned([every(60), every(3600), every(86400)], edges, budget=12)
    assert counted.truncated and len(counted.edges) == 5  # four days each for three jobs
    assert [[t.count for t in tallies] for tallies in counted.tallies] == [
        [1440] * 4,
        [24] * 4,
        [1] * 4,
    ]
    whole = count_planned([every(60)], edges, budget=12)
    assert not whole.truncated and len(whole.edges) == 11
    many = count_planned([every(60)] * 50, edges, budget=12)
    assert len(many.edges) == 2  # one interval at least, whatever the number of jobs


def test_the_list_stops_at_an_instant_before_which_nothing_is_missing() -> None:
    start = datetime(2026, 3, 2, tzinfo=UTC)
    end = start + timedelta(days=1)
    made_later = Planned(every(3600).schedule, not_before=start + timedelta(hours=5))
    runs, complete = list_planned(
        [every(60), every(900), made_later], start=start, end=end, limit=100
    )
    # to 01:32, 93 runs every minute and 7 every quarter: the 101st, at 01:33, is the cut
    assert complete == start + timedelta(minutes=93)
    assert len(runs) == 100 and all(at < complete for at, _ in runs)
    assert {index for _, index in runs} == {0, 1}
    runs, complete = list_planned([every(60), made_later], start=start, end=end, limit=10_000)
    assert complete == end and len(runs) == 1440 + 19
    assert runs[0] == (start, 0)
    # runs at one instant are all in or all out
    runs, complete = list_planned([every(3600)] * 4, start=start, end=end, limit=6)
    assert complete == start + timedelta(hours=1) and len(runs) == 4


def test_an_easter_rule_is_counted_and_listed_on_its_days() -> None:
    # Good Friday every year (dateutil's BYEASTER), in a zone that changes its clocks around
    # Easter: counted per month and listed, on the days dateutil's easter() gives
    good_friday = Planned(
        Schedule.from_dict(
            {
                "type": "rrule",
                "rule": "FREQ=YEARLY;BYEASTER=-2;BYHOUR=9;BYMINUTE=0",
                "timezone": "Europe/Berlin",
                "start_at": "2026-04-03T09:00:00+02:00",
            }
        )
    )
    start, end = datetime(2026, 1, 1, tzinfo=BERLIN), datetime(2029, 1, 1, tzinfo=BERLIN)
    runs, complete = list_planned([good_friday], start=start, end=end, limit=10)
    assert complete == end
    assert [at.astimezone(BERLIN).isoformat() for at, _ in runs] == [
        "2026-04-03T09:00:00+02:00",
        "2027-03-26T09:00:00+01:00",  # before the clocks change that year
        "2028-04-14T09:00:00+02:00",
    ]
    edges = interval_edges(
        datetime(2027, 3, 1, tzinfo=BERLIN), datetime(2027, 5, 1, tzinfo=BERLIN), BERLIN, "day"
    )
    counted = count_planned([good_friday], edges)
    days = [edges[k].astimezone(BERLIN).date() for k, t in enumerate(counted.tallies[0]) if t.count]
    assert [day.isoformat() for day in days] == ["2027-03-26"]
