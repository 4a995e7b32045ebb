"""Suggestions from seeded activity at known local times, in two zones, one across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentcron.app.domain.suggestions import (
    classify_goal,
    cron_days,
    describe_days,
    load_by_minute,
    suggest,
)

NEW_YORK = ZoneInfo("America/New_York")
KOLKATA = ZoneInfo("Asia/Kolkata")


def at(day: date, hhmm: str, zone: ZoneInfo) -> datetime:
    hh, mm = map(int, hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=zone).astimezone(UTC)


def working_days(
    zone: ZoneInfo, first: date, days: int, times: list[str], *, weekdays: range = range(5)
) -> list[tuple[datetime, float]]:
    events = []
    for i in range(days):
        day = first + timedelta(days=i)
        if day.weekday() in weekdays:
            events += [(at(day, t, zone), 1.0) for t in times]
    return events


# three weeks of weekdays around New York's spring change (Sunday 8 March 2026): the day
# starts at 09:00 and ends at 17:34 on the wall clock, which is 14:00Z before and 13:00Z after
NY_WEEKS = working_days(NEW_YORK, date(2026, 2, 23), 21, ["09:00", "11:20", "14:05", "17:34"])


def test_typical_start_and_end_in_new_york_across_the_dst_change() -> None:
    result = suggest(NY_WEEKS, zone=NEW_YORK)
    assert not result.default
    assert result.dates == 15 and result.events == 60
    assert [s.to_dict(NEW_YORK) for s in result.suggestions] == [
        {
            "time": "08:55",
            "days": "Mon-Fri",
            "reason": "5 min before typical start (09:00)",
            "kind": "start",
            "schedule": {
                "type": "cron",
                "expression": "55 8 * * 1-5",
                "timezone": "America/New_York",
            },
            "based_on": {"days": 15, "events": 60},
            "default": False,
        },
        {
            "time": "17:30",
            "days": "Mon-Fri",
            "reason": "end of typical work day (17:34)",
            "kind": "end",
            "schedule": {
                "type": "cron",
                "expression": "30 17 * * 1-5",
                "timezone": "America/New_York",
            },
            "based_on": {"days": 15, "events": 60},
            "default": False,
        },
    ]


def test_the_same_activity_read_in_utc_is_split_by_the_change() -> None:
    # without the zone the starts are 14:00 for two weeks and 13:00 for one: the median is
    # 14:00, an hour off for the week after the change
    result = suggest(NY_WEEKS, zone=ZoneInfo("UTC"))
    assert result.suggestions[0].time == "13:55"


def test_kolkata_with_a_late_weekend() -> None:
    events = working_days(KOLKATA, date(2026, 3, 2), 14, ["10:02", "13:00", "18:47"])
    events += working_days(
        KOLKATA, date(2026, 3, 2), 14, ["11:40", "12:10", "15:00"], weekdays=range(5, 7)
    )
    result = suggest(events, zone=KOLKATA)
    got = [(s.kind, s.time, describe_days(s.weekdays), s.reason) for s in result.suggestions]
    assert got == [
        ("start", "09:55", "Mon-Fri", "5 min before typical start (10:02)"),
        ("end", "18:45", "Mon-Fri", "end of typical work day (18:47)"),
        ("start", "11:35", "Sat-Sun", "5 min before typical start (11:40)"),
        ("end", "15:00", "Sat-Sun", "end of typical work day (15:00)"),
    ]
    assert result.suggestions[2].to_dict(KOLKATA)["schedule"]["expression"] == "35 11 * * 0,6"


def test_a_weekday_seen_once_is_not_a_working_day() -> None:
    events = working_days(NEW_YORK, date(2026, 3, 2), 14, ["08:30", "16:00"], weekdays=range(4))
    events.append((at(date(2026, 3, 6), "13:00", NEW_YORK), 1.0))  # one Friday
    result = suggest(events, zone=NEW_YORK)
    assert describe_days(result.suggestions[0].weekdays) == "Mon-Thu"
    assert result.suggestions[0].time == "08:25"


def test_too_little_activity_answers_defaults_and_says_so() -> None:
    events = working_days(NEW_YORK, date(2026, 3, 2), 3, ["07:00"])
    result = suggest(events, zone=NEW_YORK)
    assert result.default
    first, second = (s.to_dict(NEW_YORK) for s in result.suggestions)
    assert (first["time"], first["days"], first["default"]) == ("08:55", "Mon-Fri", True)
    assert first["reason"] == (
        "5 min before a usual 09:00 start; "
        "a default: too little activity to go on yet (3 active days)"
    )
    assert (second["time"], second["kind"]) == ("17:30", "end")
    assert first["based_on"] == {"days": 3, "events": 3}


def test_a_herd_moves_the_suggestion_to_a_quieter_minute_and_says_why() -> None:
    # the day starts at 09:05, so "5 min before" is 09:00, where 140 runs already start
    events = working_days(NEW_YORK, date(2026, 3, 2), 14, ["09:05", "17:00"])
    load = dict.fromkeys(range(8 * 60 + 50, 9 * 60 + 10), 5)
    load[9 * 60] = 140
    load[8 * 60 + 57] = 2
    start = suggest(events, zone=NEW_YORK, load=load).suggestions[0].to_dict(NEW_YORK)
    assert start["time"] == "08:57"
    assert start["schedule"]["expression"] == "57 8 * * 1-5"
    assert start["reason"] == (
        "5 min before typical start (09:05); 09:00 already has 140 runs; 08:57 has 2"
    )
    assert start["load"] == {"herd_at": "09:00", "herd_runs": 140, "runs_here": 2}


def test_a_herd_with_empty_neighbours_moves_one_minute_earlier() -> None:
    events = working_days(NEW_YORK, date(2026, 3, 2), 14, ["09:05", "17:00"])
    result = suggest(events, zone=NEW_YORK, load={540: 40, 1020: 12})
    assert [s.time for s in result.suggestions] == ["08:59", "16:59"]


def test_no_move_when_nothing_nearby_is_much_quieter() -> None:
    events = working_days(NEW_YORK, date(2026, 3, 2), 14, ["09:05", "17:00"])
    load = dict.fromkeys(range(8 * 60 + 40, 9 * 60 + 20), 80)
    load[540] = 140
    assert suggest(events, zone=NEW_YORK, load=load).suggestions[0].time == "09:00"


def test_defaults_are_spread_off_a_herd_too() -> None:
    result = suggest([], zone=NEW_YORK, load={535: 500})
    assert result.suggestions[0].time == "08:54"
    assert "08:55 already has 500 runs; 08:54 has 0" in result.suggestions[0].reason


def test_load_is_counted_on_the_local_wall_clock() -> None:
    # 140 jobs at 09:00 New York time (13:00Z after the change) and 3 at 13:00Z-ish Kolkata
    fires = [
        (datetime(2026, 3, 9, 13, 0, tzinfo=UTC), 140),
        (datetime(2026, 3, 9, 3, 30, tzinfo=UTC), 3),
    ]
    assert load_by_minute(fires, NEW_YORK) == {540: 140, 23 * 60 + 30: 3}
    assert load_by_minute(fires, KOLKATA) == {18 * 60 + 30: 140, 9 * 60: 3}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("digest", "start"),
        ("Morning briefing of overnight incidents", "start"),
        ("report", "end"),
        ("End of day recap for the team", "end"),
        ("weekly retro notes", "end"),
        ("start", "start"),
        ("check the BTC price", None),
        (None, None),
        ("a digest for the end of day", "start"),
    ],
)
def test_goal_classification(text: str | None, kind: str | None) -> None:
    assert classify_goal(text) == kind


def test_prefer_puts_that_kind_first() -> None:
    result = suggest(NY_WEEKS, zone=NEW_YORK, prefer="end")
    assert [s.kind for s in result.suggestions] == ["end", "start"]


@pytest.mark.parametrize(
    ("weekdays", "words", "cron"),
    [
        ({0, 1, 2, 3, 4}, "Mon-Fri", "1-5"),
        ({5, 6}, "Sat-Sun", "0,6"),
        ({0, 2, 4}, "Mon, Wed, Fri", "1,3,5"),
        ({0, 1, 3}, "Mon-Tue, Thu", "1-2,4"),
        (set(range(7)), "Every day", "*"),
        ({6}, "Sun", "0"),
    ],
)
def test_days_in_words_and_cron(weekdays: set[int], words: str, cron: str) -> None:
    assert describe_days(frozenset(weekdays)) == words
    assert cron_days(frozenset(weekdays)) == cron


def test_one_active_day_is_said_in_the_singular() -> None:
    events = working_days(NEW_YORK, date(2026, 3, 2), 1, ["07:00"])
    result = suggest(events, zone=NEW_YORK)
    assert result.default
    assert result.suggestions[0].reason.endswith("(1 active day)")
