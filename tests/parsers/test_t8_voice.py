"""Round eight, the way people talk to assistants (SLURP's and Schema-Guided Dialogue's
alarms, reminders and calendar entries): a part of the day before its hour ("evening 4:15",
"night 8"), numbers said in two words ("twenty five minutes", "march twenty first"), a day of
the month in words beside its month ("april two", "ten march"), "o clock" and "o"clock",
and removals and looks said as "get rid of", "can you change it", "i would like to check my
calendar". The phrases are variants made up for each family, not the corpus's own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.labels import unmarked
from agentcron.parsers.tokens import compound_numbers, spaced_oclock, tokenize

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _when(text: str) -> tuple[str | None, bool]:
    """The one run a phrase reads as (UTC, ISO), and whether it was answered without asking."""
    result = understand_fast(text, timezone="UTC", now=NOW)
    schedule = result.schedule or {}
    return schedule.get("datetime"), result.ok and not result.needs_confirmation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wake me for evening 6", "2026-01-14T18:00:00Z"),
        ("an alarm at night 9 please", "2026-01-14T21:00:00Z"),
        ("put the dentist in for morning 10", "2026-01-15T10:00:00Z"),
        ("book it for afternoon 1:15", "2026-01-14T13:15:00Z"),
        ("the time is afternoon 12", "2026-01-14T12:00:00Z"),
        ("set an alarm for the evening 6:45", "2026-01-14T18:45:00Z"),
        ("add it for this evening 6", "2026-01-14T18:00:00Z"),
        ("at the night 11 pm spot", "2026-01-14T23:00:00Z"),
    ],
)
def test_a_part_of_the_day_before_its_hour(text: str, expected: str) -> None:
    assert _when(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "every evening 6 days a week",  # a count, not an hour
        "tuesday evening 3 times",
    ],
)
def test_a_number_after_a_part_of_the_day_that_counts_is_no_hour(text: str) -> None:
    when, sure = _when(text)
    assert not (when is not None and when.endswith(("T18:00:00Z", "T15:00:00Z")) and sure)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ping me in thirty five minutes", "2026-01-14T10:35:00Z"),
        ("remind me in forty-five minutes", "2026-01-14T10:45:00Z"),
        ("dentist on the twenty third of february", "2026-02-23T09:00:00Z"),
        ("call grandma june twenty ninth at 6pm", "2026-06-29T18:00:00Z"),
        ("the thirty first of march at noon", "2026-03-31T12:00:00Z"),
        ("remind me at six twenty five pm", "2026-01-14T18:25:00Z"),
    ],
)
def test_numbers_said_in_two_words(text: str, expected: str) -> None:
    assert _when(text)[0] == expected


def test_compound_numbers_joins_only_spelled_tens_and_units() -> None:
    values = [(t.kind, t.value) for t in compound_numbers(tokenize("twenty five"))]
    assert values == [(lx.NUM, 25)]
    assert tokenize("twenty second of may")[0].value == 22
    assert [t.value for t in tokenize("five twenty")] == [5, 20]  # 5:20, not 25
    assert [t.value for t in tokenize("20 5")] == [20, 5]  # digits stay apart
    assert [t.value for t in tokenize("thirty ninth")] == [30, 9]  # no 39th day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lunch with ana on june three", "2026-06-03T09:00:00Z"),
        ("dentist eleven april", "2026-04-11T09:00:00Z"),
        ("the school play on may nine at six pm", "2026-05-09T18:00:00Z"),
        ("pay the rent on august twenty", "2026-08-20T09:00:00Z"),
        ("add the fair on sep twenty eight at 10am", "2026-09-28T10:00:00Z"),
    ],
)
def test_a_day_of_the_month_in_words(text: str, expected: str) -> None:
    assert _when(text)[0] == expected


def test_a_year_in_words_is_not_a_day() -> None:
    when, sure = _when("on june two thousand")
    assert not (when == "2026-06-02T09:00:00Z" and sure)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call the vet at three o clock in the afternoon", "2026-01-14T15:00:00Z"),
        ('an alarm for 6 o"clock in the evening', "2026-01-14T18:00:00Z"),
        ("wake me at eleven o clock", "2026-01-14T11:00:00Z"),
    ],
)
def test_o_clock_written_apart(text: str, expected: str) -> None:
    assert _when(text)[0] == expected


def test_spaced_oclock_keeps_other_clocks() -> None:
    text = "set the o clock"
    assert [t.value for t in spaced_oclock(tokenize("wind the clock"), "wind the clock")] == [
        "wind",
        "the",
        "clock",
    ]
    assert tokenize(text)[-1].value == "oclock"


@pytest.mark.parametrize(
    "text",
    [
        "get rid of my seven am alarm",
        "could you get rid of the 6pm reminder",
        "can you change it to evening 5:30",
        "could you move it to 4pm",
        "please remove the school board conference on june nine",
        "i would like to check my calendar for friday next week",
        "i want to check my schedule for tomorrow",
    ],
)
def test_removals_changes_and_looks_are_not_new_schedules(text: str) -> None:
    assert not _when(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "get rid of stale branches every sunday at 3am",  # a job's task
        "i want to check the build every day at 9am",
    ],
)
def test_a_job_that_removes_or_checks_is_still_a_job(text: str) -> None:
    result = understand_fast(text, timezone="UTC", now=NOW)
    assert result.ok and not result.needs_confirmation


def test_a_time_restated_in_brackets_after_a_description_is_not_the_schedule() -> None:
    result = understand_fast(
        "This sets up a job that runs at 7:00 AM Tokyo time every day. (07:00)",
        timezone="UTC",
        now=NOW,
    )
    schedule = result.schedule or {}
    assert schedule.get("type") != "at"


@pytest.mark.parametrize(
    "text",
    [
        "> cancel my 7am alarm",
        "- who is coming to the party on friday",
        "`get rid of the noon reminder`",
        "⏰ what do i have on thursday",
    ],
)
def test_markup_before_a_change_or_a_question_keeps_it_one(text: str) -> None:
    assert not _when(text)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> cancel my 9am reminder", "cancel my 9am reminder"),
        ("- **who** is it", "who** is it"),
        ("/remind me at 5", "/remind me at 5"),
        ("@sam ping me", "@sam ping me"),
        ("(see below) at 5", "(see below) at 5"),
    ],
)
def test_unmarked(text: str, expected: str) -> None:
    assert unmarked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the party is at 9:15 in the night at 3 Harbor Plaza", "2026-01-14T21:15:00Z"),
        ("dinner at 18:30 at 12 B Street", "2026-01-14T18:30:00Z"),
        ("add it at 4:30 pm, 615 31st avenue", "2026-01-14T16:30:00Z"),
        ("meet at 2 Baker Street at 1pm", "2026-01-14T13:00:00Z"),
    ],
)
def test_a_street_address_is_no_time_nor_day(text: str, expected: str) -> None:
    assert _when(text)[0] == expected


def test_a_small_number_before_a_lower_case_word_stays_a_time() -> None:
    assert _when("remind me at 11 drive to school")[0] == "2026-01-14T11:00:00Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("put a dentist visit starting at 4pm on june 9", "2026-06-09T16:00:00Z"),
        ("book a call starting at 11am tomorrow", "2026-01-15T11:00:00Z"),
        ("a webinar starting at two pm on friday", "2026-01-16T14:00:00Z"),
    ],
)
def test_the_start_time_of_one_run_is_its_time(text: str, expected: str) -> None:
    assert _when(text) == (expected, True)


def test_a_series_keeps_its_start_time() -> None:
    result = understand_fast("every 3 hours starting at 7am", timezone="UTC", now=NOW)
    assert (result.schedule or {}).get("expression") == "0 1,4,7,10,13,16,19,22 * * *"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("label it Baking and set it for a quarter past 5 in the evening", "2026-01-14T17:15:00Z"),
        ("reading for a quarter to 9 in the evening", "2026-01-14T20:45:00Z"),
    ],
)
def test_for_a_quarter_past_an_hour_is_a_time_not_three_months(text: str, expected: str) -> None:
    assert _when(text)[0] == expected


def test_for_a_quarter_alone_is_still_three_months() -> None:
    result = understand_fast("every monday at 9am for a quarter", timezone="UTC", now=NOW)
    assert (result.schedule or {}).get("end_at", "").startswith("2026-04")
