"""Round nine, a time said twice: the one check (`restated.agreeing` / `agreement`) that every
place meeting a restatement asks — a rough hour in brackets, a zone's conversions, the grammar's
"10am ET/7am PT", brackets that say a part of the day exactly — and the families of zone
restatements it lets through. The phrases are variants made up for each family, not the
corpus's own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.restated import (
    AS_WRITTEN,
    PART_HOURS,
    SUMMER,
    WINTER,
    Agreement,
    Said,
    agreeing,
    agreement,
    clock_said,
)

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


def _read(text: str, zone: str = "UTC") -> tuple[str | None, str | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    schedule = result.schedule or {}
    sure = result.ok and not result.needs_confirmation
    found = schedule.get("expression") or schedule.get("rule") or schedule.get("datetime")
    return found, schedule.get("timezone"), sure


# -- the one check ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "again", "held"),
    [
        # one clock: the same hour, any minute when only the hour is said again
        (Said.at(15, 1), Said.at(15, None), {WINTER, SUMMER}),
        (Said.at(15, 1), Said.at(16, None), set()),
        (Said((3, 15), 1), Said.at(15, None), {WINTER, SUMMER}),  # "3.01 (3 pm)"
        (Said(PART_HOURS["morning"], None), Said.at(8, 0), {WINTER, SUMMER}),
        (Said(PART_HOURS["morning"], None), Said.at(20, 0), set()),
        # two zones: the day may differ
        (Said.at(22, 0, "UTC"), Said.at(6, 0, "Asia/Singapore"), {WINTER, SUMMER}),
        (Said.at(10, 0, "Asia/Kolkata"), Said.at(20, 30, "America/Los_Angeles"), {WINTER}),
        (Said.at(15, 45, "UTC"), Said.at(11, 45, "America/New_York"), {SUMMER}),
        (Said.at(9, 0, "UTC"), Said.at(9, 0, "Europe/Paris"), set()),
        # as the abbreviations are written: PDT is UTC-7 and CET UTC+1, whatever the date
        (
            Said((9,), 0, "America/Los_Angeles", -420),
            Said((17,), 0, "Europe/Paris", 60),
            {AS_WRITTEN},
        ),
    ],
)
def test_agreeing(first: Said, again: Said, held: set[int]) -> None:
    assert agreeing(first, again) == held


@pytest.mark.parametrize(
    ("first", "again", "expected"),
    [
        (Said.at(15, 0, "UTC"), Said.at(8, 0, "America/Los_Angeles"), Agreement.SURE),  # UTC fixed
        (Said.at(8, 0, "America/New_York"), Said.at(13, 0, "UTC"), Agreement.PART_OF_YEAR),
        (Said.at(8, 0, "America/Los_Angeles"), Said.at(17, 0, "Europe/Paris"), Agreement.SURE),
        (Said.at(9, 0, "UTC"), Said.at(12, 0, "Etc/GMT-2"), Agreement.NONE),
    ],
)
def test_agreement(first: Said, again: Said, expected: Agreement) -> None:
    assert agreement(first, again) is expected


@pytest.mark.parametrize(
    ("text", "hours", "minute"),
    [
        ("8:00", (8, 20), 0),
        ("08:00", (8,), 0),
        ("19.30", (19,), 30),
        ("8pm", (20,), 0),
        ("7:45 a.m.", (7,), 45),
        ("12 am", (0,), 0),
    ],
)
def test_clock_said(text: str, hours: tuple[int, ...], minute: int) -> None:
    said = clock_said(text)
    assert said is not None and said.hours == hours and said.minute == minute


@pytest.mark.parametrize("text", ["25:00", "13 pm", "noonish"])
def test_no_clock_said(text: str) -> None:
    assert clock_said(text) is None
