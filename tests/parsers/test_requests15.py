"""Round fifteen, English requests with an answer (requests15): "remind me in 2 and a half
hours" is two and a half hours (not a bot's bare number of minutes); "business hours (weekdays
8AM-6PM)" are the hours in the bracket; "between 9:00 & 17:00" is a window; "semi-annually"
is every six months; "the 8th minute of every hour every day" is hourly; a reminder's message
keeps a deadline it names ("to send the report by 5pm")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.botcommand import bare_amount
from agentcron.parsers.task_part import message_clause
from tests.parsers.reading import said

NOW = datetime(2026, 1, 14, 10, tzinfo=UTC)


_answer = said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("remind me in 2 and a half hours to turn the tap", None),
        ("bot remind me in 15 Take the cookies out", "bot remind me in 15 minutes Take"),
    ],
)
def test_a_fraction_after_in_is_not_a_bare_number(text: str, said: str | None) -> None:
    found = bare_amount(text)
    if said is None:
        assert found is None
    else:
        assert found is not None and found[0].startswith(said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me in 2 and a half hours to turn the tap", "2026-01-14T12:30:00Z"),
        ("remind me in 1 and a half hours", "2026-01-14T11:30:00Z"),
    ],
)
def test_in_and_a_half(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fetch gold prices every 15 minutes during business hours (weekdays 8AM-6PM)",
            "*/15 8-17 * * 1-5",
        ),
        ("every 15 minutes during business hours (Mon-Fri, 8AM-6PM)", "*/15 8-17 * * 1-5"),
        ("every hour during work hours (8 AM-6 PM, Mon-Fri)", "0 8-18 * * 1-5"),
        ("Hourly: every hour between 9:00 & 17:00, Monday through Friday", "0 9-17 * * 1-5"),
        ("every hour between 9am & 5pm on weekdays", "0 9-17 * * 1-5"),
        ("The 8th minute of every hour every day", "8 * * * *"),
        ("The 2nd, 21st, 33rd and 44th minutes of every hour every day", "2,21,33,44 * * * *"),
        ("The 8th minute of every hour between 09:00 and 19:59 every day", "8 9-19 * * *"),
    ],
)
def test_windows_and_minutes(text: str, expected: str) -> None:
    assert _answer(text) == (expected, False)


@pytest.mark.parametrize(
    "text", ["semi-annually", "semiannually", "half-yearly", "biannually at 9am"]
)
def test_twice_a_year_is_every_six_months_and_asks(text: str) -> None:
    said, asked = _answer(text)
    assert said is not None and asked
    months = said.split()[3]
    first, second = (int(m) for m in months.split(","))
    assert second - first == 6


def test_semi_annual_is_not_read_as_annual() -> None:
    said, _ = _answer("semi-annually on Nov 15")
    assert said != "0 9 15 11 *"


@pytest.mark.parametrize(
    ("rest", "split"),
    [
        (
            "every Friday at 4pm to send the report by 5pm",
            ("every Friday at 4pm", "send the report by 5pm"),
        ),
        (
            "on Monday at 9am to book the room for Wednesday",
            ("on Monday at 9am", "book the room for Wednesday"),
        ),
        ("tomorrow to call mom at 5pm", None),
        ("every day at 9am to stretch until Friday", None),
    ],
)
def test_a_deadline_in_the_message_is_the_messages(
    rest: str, split: tuple[str, str] | None
) -> None:
    found = message_clause(rest)
    assert (found[:2] if found else None) == split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me every Friday at 4pm to send the report by 5pm", "0 16 * * 5"),
        ("remind me on Monday at 9am to book the room for Wednesday", "2026-01-19T09:00:00Z"),
        (
            "Remind me next Monday at 10am to review the marketing materials with Bryan "
            "before they go to print at noon.",
            "2026-01-19T10:00:00Z",
        ),
        ("remind me tomorrow to call mom at 5pm", "2026-01-15T17:00:00Z"),
    ],
)
def test_reminders_with_deadlines(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "What I'd like to do is let Parabol send around a notification with the topics "
            "that are on the agenda every Monday morning at 900AM.",
            "0 9 * * 1",
        ),
        ("What I would like is a reminder every Monday at 9am", "0 9 * * 1"),
        ("What would I like to do every Monday at 9am?", None),
        ("What I'd like to know is when the job runs at 9am", None),
    ],
)
def test_a_wish_said_first_is_not_a_question(text: str, expected: str | None) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "[CWS] only run btfhub sync job on Friday",
        "post the digest only on Friday",
        "only run the sync job on Friday at 9am",
    ],
)
def test_a_job_run_only_on_a_day_repeats_and_asks(text: str) -> None:
    said, asked = _answer(text)
    assert said is not None and said.endswith("* * 5") and asked


def test_only_free_on_a_day_is_not_a_job() -> None:
    assert _answer("I'm only free on Friday")[0] == "2026-01-16T09:00:00Z"


@pytest.mark.parametrize(
    ("text", "zone", "hour"),
    [
        ("VA Profile biweekly check-in: Every other Thursday at 3:30 ET.", "UTC", "BYHOUR=15"),
        ("every day at 3:30", "America/New_York", "30 15 * * *"),
        ("every day at 03:30", "America/New_York", "30 3 * * *"),
        ("every day at 3:30", "Europe/Berlin", "30 3 * * *"),
    ],
)
def test_a_series_half_past_three_on_a_twelve_hour_clock(text: str, zone: str, hour: str) -> None:
    said, _ = _answer(text, zone)
    assert said is not None and hour in said


def test_one_run_at_half_past_three_stays_the_next_to_come() -> None:
    said, asked = _answer("/r at 3:05 call mamy", "America/Los_Angeles")
    assert said == "2026-01-14T11:05:00Z" and asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weekdays minus Friday at 9:00 AM", "0 9 * * 1-4"),
        ("every day minus weekends", "0 9 * * 1-5"),
    ],
)
def test_minus_leaves_days_out(text: str, expected: str) -> None:
    assert _answer(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bi-monthly on the 1st", "0 9 1 2,4,6,8,10,12 *"),
        ("bimonthly", "0 9 14 2,4,6,8,10,12 *"),
    ],
)
def test_bimonthly_is_every_two_months_and_asks(text: str, expected: str) -> None:
    assert _answer(text) == (expected, True)


@pytest.mark.parametrize("text", ["semi-monthly", "bi-yearly", "tri-monthly"])
def test_a_prefixed_frequency_is_not_its_unit(text: str) -> None:
    said, _ = _answer(text)
    assert said is None


def test_semi_monthly_days_ask() -> None:
    assert _answer("semi-monthly on the 1st and 15th") == ("0 9 1,15 * *", True)


def _bounds(text: str) -> tuple[str | None, str | None, str | None]:
    schedule = understand_fast(text, timezone="UTC", now=NOW).schedule
    if schedule is None:
        return None, None, None
    return schedule.get("expression"), schedule.get("start_at"), schedule.get("end_at")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NOW is Wednesday 14 January 2026: this week ends on Sunday the 18th
        ("remind me at 9am every day this week", ("0 9 * * *", None, "2026-01-18T23:59:59Z")),
        (
            "remind me every day next week at 8am",
            ("0 8 * * *", "2026-01-19T00:00:00Z", "2026-01-25T23:59:59Z"),
        ),
        (
            "remind me every weekday this month at 7:30",
            ("30 7 * * 1-5", None, "2026-01-31T23:59:59Z"),
        ),
        ("every day through the end of the week at 9", ("0 9 * * *", None, "2026-01-18T23:59:59Z")),
        ("every morning for the rest of the month", ("0 9 * * *", None, "2026-01-31T23:59:59Z")),
        ("every day for the rest of the year at 8", ("0 8 * * *", None, "2026-12-31T23:59:59Z")),
    ],
)
def test_a_series_in_this_or_next_week_or_month_is_bounded(
    text: str, expected: tuple[str, str | None, str]
) -> None:
    assert _bounds(text) == expected


@pytest.mark.parametrize(
    "text", ["Friday this week at 9", "take the rest of the month off", "remind me nitely at 10pm"]
)
def test_not_a_bounded_series(text: str) -> None:
    expression, _, end = _bounds(text)
    assert end is None
    if "nitely" in text:
        assert expression == "0 22 * * *"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("as of March 1, run the report every Monday at 9", "2026-03-01T00:00:00Z"),
        ("as of Monday, every weekday at 8am", "2026-01-19T00:00:00Z"),
        ("every day at 9am as of Jan 20", "2026-01-20T00:00:00Z"),
    ],
)
def test_as_of_a_day_starts_the_series(text: str, start: str) -> None:
    assert _bounds(text)[1] == start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run the billing job on the 1st at 00:05", ("5 0 1 * *", True)),
        ("remind me on the 5th", ("2026-02-05T09:00:00Z", True)),
        ("pay rent on the 1st", ("2026-02-01T09:00:00Z", True)),
    ],
)
def test_a_job_run_on_a_day_of_the_month_is_monthly(text: str, expected: tuple[str, bool]) -> None:
    assert _answer(text) == expected


def test_days_of_this_week_are_not_a_bounded_series() -> None:
    text = "On Thursday, Friday and Saturday of this week I will be available from 9 AM to noon."
    assert _bounds(text)[2] is None
