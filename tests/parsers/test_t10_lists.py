"""Round ten, lists, counts and spans that were cut short or misread: a zone said after each
time of a list, "the first three Saturdays", "the 1st through 3rd Monday", "the 1st to the 5th
of every month", "1x month", "2x weekdays (8am, 4pm)", "every Monday except the first",
"quarterly" beside the months it means, a span from one day into another, and a bracket of
other times ("(or 8:15, or 8:30)")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast
from agentcron.parsers.frequency import one_month_a_quarter
from agentcron.parsers.restated import without_alternatives

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> tuple[str | None, bool]:
    """The schedule's cron expression or rule (or its one date), and whether it asks."""
    result = parse_fast(text, timezone="UTC", now=NOW)
    schedule = result.schedule
    assert schedule is not None, result.reason
    said = schedule.get("expression") or schedule.get("rule") or schedule.get("datetime")
    return said, result.needs_confirmation


@pytest.mark.parametrize(
    ("months", "quarters"),
    [
        ([1, 4, 7, 10], True),
        ([12, 3, 6, 9], True),
        ([2, 5, 8, 11, 2], True),
        ([1, 4, 7], False),
        ([1, 3, 6, 9], False),
        ([1, 7], False),
        ([], False),
    ],
)
def test_one_month_a_quarter(months: list[int], quarters: bool) -> None:
    assert one_month_a_quarter(months) is quarters


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Every Wednesday at 8 p.m. (or 8:15, or 8:30)", "Every Wednesday at 8 p.m."),
        ("every day at 1pm (or so) EST", "every day at 1pm EST"),
        ("every Monday at 9am (Or thereabouts", "every Monday at 9am"),
        ("every Monday at 9am (in the office)", "every Monday at 9am (in the office)"),
        ("every Monday at 9am (organ practice)", "every Monday at 9am (organ practice)"),
        ("every Monday at 9am", "every Monday at 9am"),
    ],
)
def test_without_alternatives(text: str, kept: str) -> None:
    assert without_alternatives(text) == kept


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a zone after each time of a list, glued or not, and a bare hour before UTC
        ("at 13UTC and 23UTC", "0 13,23 * * *"),
        ("00 UTC and 12 UTC daily", "0 0,12 * * *"),
        ("at 9 UTC, 15 UTC and 21 UTC", "0 9,15,21 * * *"),
        ("at 00Z and 12Z", "0 0,12 * * *"),
        ("Every 12 hours (0 UTC and 12 UTC)", "0 0,12 * * *"),
        ("twice a day (00 UTC and 12 UTC)", "0 0,12 * * *"),
        # so many of a weekday, or a range of them
        ("the first four Tuesdays of every month at 6:30 PM", "30 18 * * 2#1,2#2,2#3,2#4"),
        ("the first 2 Mondays of each month", "0 9 * * 1#1,1#2"),
        ("the 1st through 3rd Monday of the month", "0 9 * * 1#1,1#2,1#3"),
        ("1st-3rd Saturdays at 10am", "0 10 * * 6#1,6#2,6#3"),
        ("the 2nd - 4th Tuesday", "0 9 * * 2#2,2#3,2#4"),
        # a range of days of the month (it was read as its two ends)
        ("on the 1st to the 5th of every month at 1am", "0 1 1-5 * *"),
        ("the 10th-15th of each month", "0 9 10-15 * *"),
        ("monthly on the 10th-15th at 8am", "0 8 10-15 * *"),
        ("The cron runs on the 1st through the 5th", "0 9 1-5 * *"),
        # counts per period with the days or times named
        ("Meetings are 1x month, 4th Wed of each month.", "0 9 * * 3#4"),
        ("LinkedIn Scan - 2x weekdays (8am, 4pm)", "0 8,16 * * 1-5"),
        ("Semi-monthly = twice a month on the 1st and the 15th", "0 9 1,15 * *"),
        # every weekday of a kind but some of the month's
        (
            "Every Monday (Except for First Monday of Every Month) 7:00PM",
            "0 19 * * 1#2,1#3,1#4,1#5",
        ),
        ("every Friday except the 2nd and 4th Friday", "0 9 * * 5#1,5#3,5#5"),
        # quarterly beside the months it runs in
        (
            "Meets quarterly Jan, Apr, Jul, Oct., on the third Saturday at 10:30 AM.",
            "30 10 * 1,4,7,10 6#3",
        ),
        ("quarterly on the first of March, June, September and December", "0 9 1 3,6,9,12 *"),
    ],
)
def test_lists_read_whole(text: str, expression: str) -> None:
    assert _read(text)[0] == expression


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Courses start quarterly (January, April, July, October).", "0 9 1 1,4,7,10 *"),
        ("every Friday 5pm to Sunday 11pm", "0 17 * * 5"),
        ("every weekend, Fri 5pm to Sun 11pm", "0 17 * * 5"),
        ("from Saturday 8am to Sunday 6pm", "2026-01-17T08:00:00Z"),
        ("at Friday at 5pm until Monday 9am", "2026-01-16T17:00:00Z"),
        (
            "starts every Saturday at 8:00 a.m. and ends on Sundays at 6:00 p.m.",
            "0 8 * * 6",
        ),
        ("every Monday at 9am and ends at 5pm", "0 9 * * 1"),
        ("Every Wednesday at 8 p.m. (or 8:15, or 8:30, or, you know, later)", "0 20 * * 3"),
    ],
)
def test_read_and_asked(text: str, said: str) -> None:
    assert _read(text) == (said, True)


@pytest.mark.parametrize(
    "text",
    [
        "quarterly on the 1st of January and June",  # not one month a quarter: which?
        "at 9am ET and 5pm PT",  # two zones
        # ("every Tuesday except the last Tuesday" is now BYDAY=-5TU,-4TU,-3TU,-2TU, counted
        # from the end: tests/parsers/test_recur13.py)
    ],
)
def test_still_refused(text: str) -> None:
    result = parse_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is None or result.needs_confirmation


# -- several times on one day, and a day that starts a series ---------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Masses at 8:15am and 5:30pm on December 8",
            "2026-12-08T08:15:00Z",
            "2026-12-08T23:59:59Z",
        ),
        ("tomorrow at 9am and 5pm", "2026-01-15T09:00:00Z", "2026-01-15T23:59:59Z"),
        ("today at 9am and 5pm", "2026-01-14T17:00:00Z", "2026-01-14T23:59:59Z"),
    ],
)
def test_several_times_on_one_day_run_that_day_only(text: str, start: str, end: str) -> None:
    result = parse_fast(text, timezone="UTC", now=NOW)
    schedule = result.schedule
    assert schedule is not None, result.reason
    assert schedule["rule"].startswith("FREQ=DAILY")
    assert (schedule["start_at"], schedule["end_at"]) == (start, end)
    assert result.needs_confirmation  # one thing at two times, or two things?


def test_several_times_on_a_day_gone_by_are_refused() -> None:
    result = parse_fast("today at 8am and 9am", timezone="UTC", now=NOW)
    assert result.schedule is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("today 4pm to 6pm every week", "0 16 * * 3"),  # a Wednesday
        ("today at 4pm, repeat weekly", "0 16 * * 3"),
        ("tomorrow at 9am every week", "0 9 * * 4"),
    ],
)
def test_a_day_beside_a_series(text: str, expression: str) -> None:
    assert _read(text) == (expression, True)


def test_today_and_every_day_it_is_one_of() -> None:
    # a Wednesday: today is a weekday, said first (a chat bot's meeting reply)
    text = "The next meeting will be held TODAY and every weekday at 6:30 PM!"
    assert _read(text)[0] == "30 18 * * 1-5"
    # not one of them: two things, refused
    assert parse_fast("today and every Friday at 3pm", timezone="UTC", now=NOW).schedule is None


def test_today_in_a_message_is_not_the_series_day() -> None:
    # two times: "today at 2:00 pm" is the message's, not the day the series starts on
    text = "/remind #c the meeting is today at 2:00 pm PST. Thank you at 9AM every Saturday."
    result = parse_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is None or result.schedule.get("expression") != "0 9,14 * * 6"
