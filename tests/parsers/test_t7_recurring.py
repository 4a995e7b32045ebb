"""Families of recurring schedules written in other people's words (t7_recurring.txt, and
rounds five and six opened) that the grammar read wrong or refused, each tested in words of
our own."""

from __future__ import annotations

import pytest

from tests.parsers.reading import asks as _asks
from tests.parsers.reading import cron as _cron
from tests.parsers.reading import read as _read

# -- "every single day", "every single Monday": "every" said with emphasis ----------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every single day at 6:45", "45 6 * * *"),
        ("the report goes out every single Monday at 8am", "0 8 * * 1"),
        ("backups run at 23:00 every single night", "0 23 * * *"),
    ],
)
def test_every_single_is_every(text: str, expression: str) -> None:
    assert _cron(text) == expression


# -- a job described in the present tense: "runs on Friday at 10" is every Friday ---------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The cleanup job runs on Tuesday at 04:00", "0 4 * * 2"),
        ("Runs at 6pm on Sunday.", "0 18 * * 0"),
        ("this workflow fires on Monday at 7:15", "15 7 * * 1"),
    ],
)
def test_a_job_that_runs_on_a_weekday_runs_every_week(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert any("every" in note for note in answer["notes"])


@pytest.mark.parametrize(
    "text",
    [
        "the job runs next Friday at 10am",
        "it runs tomorrow at 9am",
        "run the backup on Friday at 10am",  # a request, not a description: once
    ],
)
def test_a_day_said_once_stays_once(text: str) -> None:
    assert _read(text)["schedule"]["type"] == "at"


def test_a_job_that_runs_at_a_time_without_a_day_asks() -> None:
    assert _asks("The import job runs at 3 AM. Check it afterwards.")
