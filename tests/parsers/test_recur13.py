"""Round thirteen, recurrence meaning (recur13): an exclusion is never read as an inclusion
("no class on 3rd Tuesday", "no meetings in December", "skipping December"), the weekday of the
nth week of the month is the nth weekday, a count per day that restates the interval beside it
is that interval, and ordinals that count events or days already named are no dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.tokens import _left_out_follows, _no_as_except, tokenize

NOW = datetime(2026, 1, 14, 12, tzinfo=UTC)


def _answer(text: str, zone: str = "UTC") -> tuple[str | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    schedule = result.schedule
    if schedule is None:
        return None, True
    said = schedule.get("expression") or schedule.get("rule")
    return str(said), result.needs_confirmation


ALL_BUT_THIRD_TUESDAY = "0 9 * * 2#1,2#2,2#4,2#5"


@pytest.mark.parametrize(
    "text",
    [
        "Tuesdays 9am (no class on the 3rd Tuesday)",
        "every Tuesday at 9am, no meeting on the 3rd Tuesday",
        "every Tuesday at 9am, skip the 3rd Tuesday",
        "every Tuesday at 9am, not on the third Tuesday of the month",
        "every Tuesday at 9am other than the third Tuesday",
        "Tuesdays at 9am; no class on 3rd Tuesdays",
        "Table Tennis Tuesday (no class on 3rd Tuesday) 9:00am – 12:00pm $1.00",
        "every Tuesday at 9am, excluding the third Tuesday",
    ],
)
def test_a_weekday_of_the_month_left_out_is_never_the_one_run_on(text: str) -> None:
    assert _answer(text)[0] == ALL_BUT_THIRD_TUESDAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every Friday at 9am, no meetings in December", "0 9 * 1-11 5"),
        ("every Friday at 9am (no meeting in July and August)", "0 9 * 1-6,9-12 5"),
        ("every Friday at 9am, skipping December", "0 9 * 1-11 5"),
        ("every Friday at 9am, December excluded", "0 9 * 1-11 5"),
        ("every weekday at 9am but not in July or August", "0 9 * 1-6,9-12 1-5"),
        ("every Friday at 9am, not in December", "0 9 * 1-11 5"),
    ],
)
def test_months_left_out_are_never_the_only_months(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every Tuesday at 9am, no class on the last Tuesday", "BYDAY=-5TU,-4TU,-3TU,-2TU"),
        ("every Wednesday except the first", "0 9 * * 3#2,3#3,3#4,3#5"),
        ("every Thursday except the first one of the month at 5pm", "0 17 * * 4#2,4#3,4#4,4#5"),
        ("A recurring club booking every Tuesday except the third week of the month", None),
    ],
)
def test_the_last_or_the_one_weekday_of_the_month_left_out(text: str, expected: str | None) -> None:
    said, _ = _answer(text)
    assert said is not None
    assert expected is None or expected in said
    assert "2#3" not in said.split(",") or "2#1" in said


@pytest.mark.parametrize(
    "text",
    [
        "no class on the 3rd Tuesday",
        "No meetings on Fridays",
        "e.g. 'No meetings on Fridays'",
        "every Tuesday at 9am, except the 3rd Tuesday in March",
        "every day except the first Monday of the month",
    ],
)
def test_what_cannot_be_left_out_is_refused_or_asked(text: str) -> None:
    said, asked = _answer(text)
    assert said is None or asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesdays at 3:30 pm GMT, every second and fourth week of the month", "30 15 * * 2#2,2#4"),
        ("Tuesdays at 3:30 pm UTC, every first and third week of the month", "30 15 * * 2#1,2#3"),
        ("every Monday of the second and fourth week of the month at 10am", "0 10 * * 1#2,1#4"),
        ("Thursdays at 17:00, in the second week of the month", "0 17 * * 4#2"),
        ("Wednesdays at noon, the last week of the month", "0 12 * * 3L"),
        ("Fridays, every third week of the month at 5pm", "0 17 * * 5#3"),
    ],
)
def test_the_weekday_of_the_nth_week_is_the_nth_weekday(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Microsoft Graph PHP SDK is scheduled to be updated during the second and fourth week",
        "The collaboration café takes place on the first and third week of the month.",
        "every third week of the month",
        "last week of the month",
    ],
)
def test_weeks_of_the_month_without_a_weekday_do_not_say_when(text: str) -> None:
    said, asked = _answer(text)
    assert said is None or asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four times a day (every 6 hours)", "0 */6 * * *"),
        ("8 times a day (every 3 hours)", "0 */3 * * *"),
        ("Twice a day (every 12 hours)", "0 */12 * * *"),
        ("run it 6 times a day, that is every 4 hours", "0 */4 * * *"),
        ("4 times an hour (every 15 minutes)", "*/15 * * * *"),
        ("- I have add to increase this frequency 6 times a day i.e every 4 hours.", "0 */4 * * *"),
    ],
)
def test_a_count_per_day_that_restates_the_interval_is_the_interval(
    text: str, expected: str
) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    "text", ["3 times a day, i.e. every 6 hours", "6 times a day (every 3 hours)"]
)
def test_a_count_that_disagrees_with_the_interval_is_refused(text: str) -> None:
    assert _answer(text)[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 2nd monthly town board meetings are held on the 4th Thursday of every month at "
            "6:30PM in Meeting Room #4 of the Community Center.",
            "30 18 * * 4#4",
        ),
        ("Wednesdays. In fact - today is the first one! 1PM Eastern.", "0 13 * * 3"),
        ("every 2nd-6th day of the month", "0 9 2-6 * *"),
    ],
)
def test_ordinals_that_count_events_or_days_already_named(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


def test_every_nth_to_mth_day_is_no_schedule() -> None:
    said, asked = _answer("Non-weekly - every 2nd-6th day")
    assert said is None or asked


def test_no_becomes_except_only_before_what_can_be_left_out() -> None:
    def values(text: str) -> list[object]:
        return [t.value for t in _no_as_except(list(tokenize(text)))]

    assert values("no class on the 3rd Tuesday")[0] == "except"
    assert values("no meetings in December")[0] == "except"
    assert "except" not in values("no later than Friday")
    assert "except" not in values("no more than 3 times on Monday")
    assert "except" not in values("there is no parking on site")
    tokens = list(tokenize("1st and 3rd Tuesday"))
    assert _left_out_follows(tokens, 0)
    assert not _left_out_follows(list(tokenize("3rd place")), 0)
    assert tokens[-1].kind in (lx.DAY, lx.DAYS)


@pytest.mark.parametrize(
    ("text", "expression", "dates", "asked"),
    [
        ("every day at 9am except Dec 25", "0 9 * * *", ["2026-12-25"], True),
        ("Daily task @daily except 2030-12-25", "0 9 * * *", ["2030-12-25"], False),
        ("every Monday at 9am, except on 1/19", "0 9 * * 1", ["2026-01-19"], True),
        (
            "daily except on June 23rd and July 4th",
            "0 9 * * *",
            ["2026-06-23", "2026-07-04"],
            True,
        ),
        ("every day except the 25th of December", "0 9 * * *", ["2026-12-25"], True),
    ],
)
def test_a_date_left_out_is_the_jobs_exclusion_never_its_start(
    text: str, expression: str, dates: list[str], asked: bool
) -> None:
    result = understand_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["expression"] == expression
    assert "start_at" not in result.schedule
    assert result.exclusions == {"dates": dates}
    assert result.needs_confirmation is asked
    assert result.human_readable is not None and dates[0] in result.human_readable


def test_a_date_left_out_that_cannot_be_is_refused_or_asked() -> None:
    assert _answer("tomorrow at 9 except Dec 25")[0] is None
    result = understand_fast("Daily task @daily except 2025-01-15", timezone="UTC", now=NOW)
    assert result.needs_confirmation and not result.exclusions  # gone by: nothing left out
    result = understand_fast("every day at 8am, no run on 2026-12-25", timezone="UTC", now=NOW)
    assert result.schedule == {"type": "cron", "expression": "0 8 * * *", "timezone": "UTC"}
    assert result.exclusions == {"dates": ["2026-12-25"]}  # never its start


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Memorial Day is observed on the last Monday of May.", "0 9 * 5 1L"),
        ("Thanksgiving is on the fourth Thursday of November", "0 9 * 11 4#4"),
    ],
)
def test_a_holiday_beside_the_rule_it_follows_is_every_year_asked(
    text: str, expression: str
) -> None:
    assert _answer(text, "America/New_York") == (expression, True)


def test_a_named_day_with_its_date_left_out_is_that_date() -> None:
    result = understand_fast(
        "Saturdays at 1:00pm (except Holy Saturday April 8th)", timezone="UTC", now=NOW
    )
    assert result.schedule is not None and result.schedule["expression"] == "0 13 * * 6"
    assert result.exclusions == {"dates": ["2026-04-08"]} and result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "expected", "asked"),
    [
        ("every day at 9am, without Sundays", "0 9 * * 1-6", False),
        ("daily at 8am, never on Sundays", "0 8 * * 1-6", False),
        ("every day at 9am, Sundays off", "0 9 * * 1-6", False),
        ("every Friday 5pm; December off", "0 17 * 1-11 5", False),
        ("every Tuesday at 9am, canceled in December", "0 9 * 1-11 2", True),
        ("every Tuesday at 9am, cancelled on the 3rd Tuesday", "0 9 * * 2#1,2#2,2#4,2#5", True),
    ],
)
def test_without_never_off_and_cancelled_leave_out(text: str, expected: str, asked: bool) -> None:
    assert _answer(text) == (expected, asked)
