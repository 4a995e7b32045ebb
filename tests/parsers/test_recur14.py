"""Round fourteen, recurrence meaning (recur14): a holiday's name at the start of a place's
name is not the holiday ("Memorial Hospital", "Independence Hall", "in Corpus Christi"); a
"non-holiday" day is read and asked about (a schedule cannot move off a holiday); months named
with no day ask which days; a bracket that gives a zoned time in UTC for winter and for summer
says how the clock moves, not a second time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.dst_notes import without_dst_note
from agentcron.parsers.observances import said_short
from tests.parsers.reading import said

NOW = datetime(2026, 1, 14, 12, tzinfo=UTC)


def _answer(text: str, zone: str = "UTC") -> tuple[str | None, bool]:
    return said(text, zone, now=NOW)


@pytest.mark.parametrize(
    ("words", "short"),
    [
        (["memorial"], True),
        (["independence"], True),
        (["memorial", "day"], False),
        (["thanksgiving"], False),
        (["easter"], False),
        (["good", "friday"], False),
        (["remembrance", "sunday"], False),
    ],
)
def test_a_holiday_said_without_its_day_is_short(words: list[str], short: bool) -> None:
    assert said_short(words) is short


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "Onancock: 1st Monday of each month at 6:30pm at Riverside Shore Memorial Hospital",
            "30 18 * * 1#1",
        ),
        ("Meetings are held at Independence Hall every Monday at 6pm", "0 18 * * 1"),
        ("meeting at memorial hospital every monday at 6pm", "0 18 * * 1"),
        ("Labor Temple meeting every Thursday at 8pm", "0 20 * * 4"),
        ("meet in Corpus Christi every Monday at 9am", "0 9 * * 1"),
    ],
)
def test_a_place_named_after_a_holiday_is_no_holiday(text: str, expression: str) -> None:
    assert _answer(text)[0] == expression


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("on Memorial Day at 9am", "2026-05-25T09:00:00Z"),
        ("every Memorial Day at 9am", "0 9 * 5 1L"),
        ("Thanksgiving dinner at 5pm", "2026-11-26T17:00:00Z"),
        ("on Corpus Christi at 9am", "2026-06-04T09:00:00Z"),
    ],
)
def test_holidays_said_as_holidays_are_still_read(text: str, said: str) -> None:
    assert _answer(text)[0] == said


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("first non-holiday Monday of every month at 9am", "0 9 * * 1#1"),
        ("the last non-holiday Friday of every month at 9am", "0 9 * * 5L"),
    ],
)
def test_a_counted_non_holiday_day_is_read_and_asked(text: str, expression: str) -> None:
    assert _answer(text) == (expression, True)


def test_every_non_holiday_weekday_leaves_the_zones_holidays_out() -> None:
    result = understand_fast(
        "Filings are made every non-holiday Monday through Friday at 9am",
        timezone="America/New_York",
        now=NOW,
    )
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 9 * * 1-5"
    assert result.exclusions == {"holidays": {"country": "US"}}
    # in UTC no country is named: asked which, never guessed
    assert _answer("every non-holiday weekday at 9am") == (None, True)


@pytest.mark.parametrize(
    "text",
    ["- Odd months - 9AM ET in the US", "in May at 9am", "odd months at 9am"],
)
def test_months_with_no_day_ask_which_days(text: str) -> None:
    said, asked = _answer(text)
    assert said is not None and said.split()[2] == "*" and asked


def test_months_with_every_day_do_not_ask() -> None:
    assert _answer("every day in odd months at 9am") == ("0 9 * 1,3,5,7,9,11 *", False)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "on the third Thursday of every month at 10a PST/PDT (note that it's 1800 UTC until "
            "daylight savings time starts on 13 March 2022; then it's 1700 UTC).",
            "on the third Thursday of every month at 10a PST/PDT.",
        ),
        (
            "every Thursday at 10am PT (1800 UTC until DST starts, then 1700 UTC)",
            "every Thursday at 10am PT",
        ),
        # one of the UTC times says another moment: kept (and refused as two zones)
        (
            "every Thursday at 10am PT (1900 UTC until DST starts, then 1700 UTC)",
            "every Thursday at 10am PT (1900 UTC until DST starts, then 1700 UTC)",
        ),
        # one season only: a conversion, left to the others
        (
            "every Thursday at 10am PT (1800 UTC in winter)",
            "every Thursday at 10am PT (1800 UTC in winter)",
        ),
    ],
)
def test_a_note_of_utc_in_each_season_is_taken_out(text: str, kept: str) -> None:
    assert without_dst_note(text) == kept


def test_the_kubernetes_recurrence_line_reads_in_pacific_time() -> None:
    result = understand_fast(
        "- Recurrence: Recurring on the third Thursday of every month at 10a PST/PDT (note "
        "that it's 1800 UTC until daylight savings time starts on 13 March 2022; then it's "
        "1700 UTC).",
        timezone="UTC",
        now=NOW,
    )
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 10 * * 4#3"
    assert result.schedule["timezone"] == "America/Los_Angeles"


@pytest.mark.parametrize(
    ("text", "zone", "first", "count"),
    [
        ("every weekday except Christmas at 9am", "UTC", "2026-12-25", 8),
        ("every Monday except Memorial Day at 9am", "America/New_York", "2026-05-25", 8),
        ("every weekday at 9am except Christmas Day and New Year's Day", "UTC", "2026-12-25", 15),
        ("every day at 9am except on Thanksgiving", "America/New_York", "2026-11-26", 8),
    ],
)
def test_holidays_left_out_by_name_are_the_jobs_exclusions(
    text: str, zone: str, first: str, count: int
) -> None:
    result = understand_fast(text, timezone=zone, now=NOW)
    assert result.schedule is not None and result.needs_confirmation
    assert result.exclusions is not None
    dates = result.exclusions["dates"]
    assert dates[0] == first and len(dates) == count and dates == sorted(dates)


def test_a_holiday_left_out_of_one_run_is_refused() -> None:
    assert _answer("tomorrow at 9 except Christmas")[0] is None


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("- [ ] #task mow lawn 🔁 every month 📅 2021-12-14", "mow lawn every month on the 14th"),
        (
            "- [ ] Example weekly task 🔁 every week 📅 2025-01-07",
            "Example weekly task every week on Tuesday",
        ),
        ("- [ ] pay 🔁 every year 📅 2021-12-14", "pay every December 14"),
        (
            "- [ ] water 🔁 every 2 weeks 📅 2021-12-14",
            "water every 2 weeks on Tuesday starting 2026-01-20",
        ),
        (
            "- [ ] 분기 노트 ⏰ 2025-04-01 🔁 every 3 months 📅 2025-04-01",
            "분기 노트 every 3 months on the 1st starting 2026-04-01",
        ),
        (
            "- [ ] 주간 노트 ⏰ 2025-02-04 00:00 🔁 every week 📅 2025-02-04",
            "주간 노트 every week on Tuesday at 00:00",
        ),
        (
            "- [ ] take out the trash 🔁 every Sunday 📅 2021-04-25",
            "take out the trash every Sunday",
        ),
    ],
)
def test_an_obsidian_task_line_repeats_from_its_date(text: str, plain: str) -> None:
    from agentcron.parsers.emoji_tasks import said_plainly

    assert said_plainly(text, NOW.date()) == plain


def test_a_rule_counted_from_completion_is_left_as_it_is() -> None:
    from agentcron.parsers.emoji_tasks import said_plainly

    assert said_plainly("- [ ] x 🔁 every week when done 📅 2022-01-01", NOW.date()) is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Monday and Wednesday for the first 6 months of the year", "0 9 * 1-6 1,3"),
        ("every day in the first three months of the year at 9am", "0 9 * 1-3 *"),
        ("every Monday during the last 3 months of the year", "0 9 * 10-12 1"),
        # a start date anchors the months counted ("every 3 months … starting April 1")
        ("every 3 months on the 1st starting April 1", "0 9 1 1,4,7,10 *"),
        ("every 2 months on the 15th starting March 15", "0 9 15 1,3,5,7,9,11 *"),
    ],
)
def test_months_counted_in_the_year_or_from_the_start(text: str, expression: str) -> None:
    assert _answer(text)[0] == expression


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "a reminder on the second Tuesday of every month, which changes day numbers and can "
            "sometimes be either the 2nd week or 3rd week.",
            "a reminder on the second Tuesday of every month",
        ),
        # a time, or a word that changes the schedule: more than a remark
        ("every Monday at 9, which is 3pm in Tokyo", None),
        ("every Monday, which is not a holiday", None),
        ("every Monday at 9", None),
    ],
)
def test_a_closing_which_remark_is_set_aside(text: str, kept: str | None) -> None:
    from agentcron.parsers.reasons import without_which_remark

    assert without_which_remark(text) == kept


def test_the_reminduck_request_is_the_second_tuesday_asked() -> None:
    assert _answer(
        "Hi I'd like to setup a reminder on the second Tuesday of every month, which changes "
        "day numbers and can sometimes be either the 2nd week or 3rd week."
    ) == ("0 9 * * 2#2", True)


def test_a_proposal_with_no_time_asks() -> None:
    assert _answer(
        "I’d like to propose that we set up a regular call once per month, on the 1st Thursday "
        "of each month."
    ) == ("0 9 * * 4#1", True)


def test_a_holiday_beside_runs_days_apart_is_refused() -> None:
    # "Labor Day Sale every day at 9am" was every first Monday of September
    assert _answer("Labor Day Sale every day at 9am") == (None, True)
    assert _answer("every 2 years on Thanksgiving at 10am")[0] is not None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("at 10 AM Tucson time M-F", "America/Phoenix"),
        ("standup at 9am Philadelphia time every weekday", "America/New_York"),
        ("every Monday at 6pm San Diego time", "America/Los_Angeles"),
    ],
)
def test_more_us_cities_name_their_zones(text: str, zone: str) -> None:
    result = understand_fast(text, timezone="UTC", now=NOW)
    assert result.schedule is not None and result.schedule["timezone"] == zone
