"""Round eight, window8: intervals inside time windows and work hours — a window cron can say
stays cron; one it cannot ("every 15 minutes from 9:30 to 16:00", "every 45 minutes from 9 to
5") is a daily RFC 5545 rule that lists the day's times (BYHOUR × BYMINUTE, BYSETPOS picking the
runs), never a cron expression that runs outside the window; windows past midnight; business
hours a text defines ("work hours (8 AM-6 PM, Mon-Fri)"); "every N hours starting at T"."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from agentcron.parsers.windows import cron_fields, steps_in_window
from tests.parsers.firetimes import fire_times

from .reading import NOW, asks, cron, read

# -- the pure functions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "step", "include_end", "expected"),
    [
        (570, 960, 15, False, list(range(570, 960, 15))),  # 9:30 to 16:00, 16:00 left out
        (540, 1020, 45, False, [540, 585, 630, 675, 720, 765, 810, 855, 900, 945, 990]),
        (480, 1200, 90, True, list(range(480, 1201, 90))),  # 8:00 … 20:00
        (1320, 120, 30, False, [0, 30, 60, 90, 1320, 1350, 1380, 1410]),  # 22:00 to 2:00
        (600, 600, 60, True, [600]),  # one run at an end that is its start
    ],
)
def test_steps_in_window(
    start: int, end: int, step: int, include_end: bool, expected: list[int]
) -> None:
    if start == end:
        assert steps_in_window(start, end + 1, step, include_end=include_end) == expected
    else:
        assert steps_in_window(start, end, step, include_end=include_end) == expected


def test_a_step_must_be_positive() -> None:
    with pytest.raises(ValueError):
        steps_in_window(0, 60, 0, include_end=True)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (list(range(540, 1020, 30)), ("*/30", "9-16")),
        ([0, 30, 60, 90, 1320, 1350, 1380, 1410], ("*/30", "0,1,22,23")),
        ([m for m in range(0, 1440, 10) if m < 540 or m >= 1020], ("*/10", "0-8,17-23")),
        (list(range(490, 1080, 20)), ("10-59/20", "8-17")),
        ([570, 600], None),
    ],
)
def test_cron_fields(minutes: list[int], expected: tuple[str, str] | None) -> None:
    assert cron_fields(minutes) == expected


# -- windows cron can say stay cron ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every 20 minutes from 8:10 to 17:50", "10-59/20 8-17 * * *"),
        ("every 30 minutes between 10pm and 2am", "*/30 0,1,22,23 * * *"),
        ("every 10 minutes from 11pm to 1am", "*/10 0,23 * * *"),
        ("every hour from 22:00 to 06:00", "0 0-6,22,23 * * *"),
        ("every 30 minutes from 9am to 5pm", "*/30 9-16 * * *"),
        ("every hour between 1 a.m. and 6 p.m.", "0 1-18 * * *"),
        ("every 15 minutes until noon", "*/15 0-11 * * *"),
        ("every hour after 6pm", "0 18-23 * * *"),
    ],
)
def test_windows_cron_can_say(text: str, expression: str) -> None:
    assert cron(text) == expression


# -- windows cron cannot say are a daily rule that lists the runs ----------------------------


def _runs(text: str, count: int, zone: str = "UTC") -> list[str]:
    answer = read(text, zone)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    assert schedule["type"] == "rrule", schedule
    assert "BYSETPOS=" in schedule["rule"], schedule
    local = ZoneInfo(zone)
    return [
        t.astimezone(local).strftime("%a %H:%M")
        for t in fire_times(schedule, after=NOW, count=count)
    ]


def test_every_15_minutes_from_half_past_nine_to_four() -> None:
    runs = _runs("every 15 minutes from 9:30 to 16:00", 30)
    assert runs[:3] == ["Wed 10:15", "Wed 10:30", "Wed 10:45"]  # after 10:00
    assert "Wed 15:45" in runs and "Wed 16:00" not in runs
    assert runs[runs.index("Wed 15:45") + 1] == "Thu 09:30"


def test_every_45_minutes_from_nine_to_five_steps_from_the_start() -> None:
    runs = _runs("every 45 minutes between 9am and 5pm", 12)
    assert runs[:4] == ["Wed 10:30", "Wed 11:15", "Wed 12:00", "Wed 12:45"]
    assert runs[5:8] == ["Wed 14:15", "Wed 15:00", "Wed 15:45"]
    assert runs[9] == "Thu 09:00"


def test_every_90_minutes_runs_at_a_window_end_it_reaches() -> None:
    runs = _runs("every 90 minutes from 8am to 8pm", 10)
    assert runs[:2] == ["Wed 11:00", "Wed 12:30"]
    assert "Wed 20:00" in runs and runs[runs.index("Wed 20:00") + 1] == "Thu 08:00"


def test_days_named_keep_to_the_window_rule() -> None:
    answer = read("every 15 minutes between 9:30am and 4pm on weekdays")
    assert "BYDAY=MO,TU,WE,TH,FR" in answer["schedule"]["rule"]
    friday_after = datetime(2026, 1, 16, 21, 0, tzinfo=UTC)
    first = fire_times(answer["schedule"], after=friday_after, count=1)[0]
    assert first == datetime(2026, 1, 19, 9, 30, tzinfo=UTC)  # Monday


def test_us_market_hours_every_5_minutes_run_in_the_session_only() -> None:
    runs = _runs("every 5 minutes during US market hours", 80, zone="America/New_York")
    assert runs[0] == "Wed 09:30" and "Wed 15:55" in runs and "Wed 16:00" not in runs
    assert not any(run.endswith(("09:00", "09:25")) for run in runs)


def test_a_rule_too_long_to_list_is_refused_with_a_reason() -> None:
    answer = read("every minute from 9:30 to 16:00")
    assert answer["schedule"] is None
    assert "too many runs" in answer["reason"]


# -- work hours, trading days, business hours alone ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Every 20 minutes during work hours (8 AM-6 PM, Mon-Fri)", "*/20 8-17 * * 1-5"),
        ("Every 20 minutes during work hours (8 AM-6 PM)", "*/20 8-17 * * 1-5"),
        ("every 30 minutes during business hours 8am-6pm", "*/30 8-17 * * 1-5"),
        ("Every half hour during 9-to-5 business hours", "*/30 9-16 * * 1-5"),
        ("every hour 8am-6pm business hours", "0 8-18 * * 1-5"),
    ],
)
def test_business_hours_the_text_defines(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_second_window_after_business_hours_is_still_two() -> None:
    answer = read("every 30 minutes during business hours and between 7pm and 9pm")
    assert answer["schedule"] is None


@pytest.mark.parametrize(
    "text", ["during business hours", "Run only during business hours (Mon-Fri, 9 AM - 5 PM)"]
)
def test_business_hours_alone_do_not_say_how_often(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None
    assert "how often" in answer["reason"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every trading day at 4:30pm", "30 16 * * 1-5"),
        ("every 5 minutes on trading days", "*/5 * * * 1-5"),
    ],
)
def test_trading_days_are_weekdays_and_ask(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert asks(text)


def test_a_window_past_midnight_longer_than_half_a_day_asks() -> None:
    assert asks("between 5pm and 9am every 10 minutes")
    assert not asks("every 30 minutes between 10pm and 2am")


def test_a_recurring_between_window_is_read_at_its_start_and_asks() -> None:
    text = "every first of every month between 2:00 a.m. - 02:30 a.m."
    assert cron(text) == "0 2 1 * *"
    assert asks(text)


# -- every N hours starting at T: T is today's start ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "start_at"),
    [
        # 8am has passed at 10:00: the series runs on in its steps (11:00 next)
        ("every 3 hours starting at 8am", "0 2,5,8,11,14,17,20,23 * * *", None),
        ("every 4 hours starting at midnight", "0 0,4,8,12,16,20 * * *", None),
        # 7pm is still ahead: nothing runs before it (not 7am tomorrow's first)
        ("every 12 hours starting at 7pm", "0 7,19 * * *", "2026-01-14T19:00:00Z"),
        ("every 3 hours starting at 8pm", "0 2,5,8,11,14,17,20,23 * * *", "2026-01-14T20:00:00Z"),
    ],
)
def test_every_n_hours_starting_at_a_time_today(
    text: str, expression: str, start_at: str | None
) -> None:
    schedule = read(text)["schedule"]
    assert schedule["expression"] == expression
    assert schedule.get("start_at") == start_at


# -- the words of timer strings and comments ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # SharePoint's timer strings: minutes of the hour when one end is no hour
        ("Every 10 minutes between 0 and 30", "0-30/10 * * * *"),
        ("every 10 minutes between 9 and 17", "*/10 9-16 * * *"),
        # the minutes the steps run at, said again
        ("Every 30 minutes (at :00 and :30)", "*/30 * * * *"),
        ("every 15 minutes at :05, :20, :35 and :50", "5-59/15 * * * *"),
        # an arrow between two times is a window
        ("Runs every 5 minutes from 10:00 → 14:59", "*/5 10-14 * * *"),
        # bare hours listed before one that says o'clock are times too
        ("8, 9 and 10 o'clock of every day", "0 8-10 * * *"),
    ],
)
def test_timer_strings_and_comments(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_minutes_said_that_are_not_the_steps_are_still_refused() -> None:
    assert read("every 15 minutes at :00 and :30")["schedule"] is None


def test_numbers_listed_before_a_thing_are_no_times() -> None:
    assert read("I have 3, 4 and 5 apples")["schedule"] is None


def test_until_a_time_reads_from_midnight_and_asks() -> None:
    # from midnight each day, or from now until tonight? (t7_explore's dispute, settled: ask)
    assert cron("/remindme every 2 hours until 10 pm") == "0 0-22/2 * * *"
    assert asks("/remindme every 2 hours until 10 pm")
    assert not asks("every 15 minutes before 11am")


def test_minutes_in_a_window_every_few_months() -> None:
    text = (
        "every 2 month(s) on day 15 of that month every 45 minute(s) between 2:00:00 PM and "
        "6:00:00 PM"
    )
    rule = read(text)["schedule"]["rule"]
    # 14:00, 14:45, 15:30, 16:15, 17:00, 17:45
    assert rule.startswith("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;BYHOUR=14,15,16,17")
    assert rule.endswith("BYMINUTE=0,15,30,45;BYSECOND=0;BYSETPOS=1,4,7,10,13,16")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Bingo Nite at Moe's from 6pm to 8pm", "2026-01-14T18:00:00Z"),
        ("meeting from 2pm to 3pm", "2026-01-14T14:00:00Z"),
    ],
)
def test_a_short_event_on_no_day_is_once_at_its_start_and_asks(text: str, at: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == at
    assert answer["needs_confirmation"]


@pytest.mark.parametrize("text", ["The office is open from 9am to 5pm", "from 9am to 5pm"])
def test_hours_kept_are_no_event(text: str) -> None:
    assert read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "start_at"),
    [
        ("every 5 hours starting at 8am", "2026-01-14T13:00:00Z"),  # 8:00 passed: 13:00 next
        ("every 90 minutes starting at 9am", "2026-01-14T10:30:00Z"),  # after 10:00
        ("every 5 hours starting at 2pm", "2026-01-14T14:00:00Z"),  # still ahead
    ],
)
def test_an_interval_off_the_clock_starting_at_a_time_today(text: str, start_at: str) -> None:
    schedule = read(text)["schedule"]
    assert schedule["type"] == "every"
    assert schedule["start_at"] == start_at


@pytest.mark.parametrize(
    ("text", "expression"),
    [("Monthly at 15 15:00:00", "0 15 15 * *"), ("monthly at 3 15:00", "0 15 3 * *")],
)
def test_sharepoints_monthly_at_a_day_and_a_time(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert not asks(text)
