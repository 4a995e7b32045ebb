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


# -- the families it lets through ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        # a conversion after the days, marked as one (a bracket, "i.e.", "which is", "=")
        ("every Friday at 14:00 UTC (i.e. 10:00 am EDT)", "0 14 * * 5", "UTC"),
        ("07:00 UTC on Mondays (3:00 AM EDT)", "0 7 * * 1", "UTC"),
        ("at 16:15 UTC on weekdays, which is 9:45 PM IST and 12:15 PM EDT", "15 16 * * 1-5", "UTC"),
        ("Hourly 08:00-11:00 UTC on Tuesdays (09:00-12:00 BST)", "0 8-11 * * 2", "UTC"),
        # across midnight there
        ("at 23:00 UTC (08:00 JST next day) every day", "0 23 * * *", "UTC"),
        ("nightly at 19:00 UTC = 04:00 JST (next day)", "0 19 * * *", "UTC"),
        # an abbreviation with its place in brackets
        ("every Monday at 8am GMT (London)", "0 8 * * 1", "Europe/London"),
        ("every Monday at 8am GMT (London time zone)", "0 8 * * 1", "Europe/London"),
        ("every day at 8:00 CST (Shanghai)", "0 8 * * *", "Asia/Shanghai"),
        # "today" before a habit's verb, with a repeating schedule: nowadays
        ("the sync today occurs at 15:00 UTC on Fridays", "0 15 * * 5", "UTC"),
    ],
)
def test_zone_restatements_are_read_once(text: str, expression: str, zone: str) -> None:
    assert _read(text) == (expression, zone, True)


def test_abbreviations_as_written_agree() -> None:
    # PDT is UTC-7 and CET UTC+1 whatever the date: one instant, as written
    found, zone, _ = _read("next Tuesday (7:00AM - 8:00AM PDT / 3:00PM - 4:00PM CET)")
    assert zone == "America/Los_Angeles" and found == "2026-01-20T15:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "every Friday at 14:00 UTC (i.e. 11:00 am EDT)",  # an hour off
        "at 23:00 UTC (09:00 JST next day) every day",
        "at 9:00 UTC on Mondays (10:00 CET on Fridays)",  # another day: not a conversion
        "15:00 UTC on Mondays, 16:00 CET",  # not marked as a conversion
        "next Tuesday (7:00AM PDT / 5:00PM CET)",
    ],
)
def test_restatements_that_disagree_are_refused(text: str) -> None:
    found, _, sure = _read(text)
    assert found is None or not sure


def test_a_place_that_keeps_another_clock_asks() -> None:
    found, _, sure = _read("every Monday at 8am GMT (Tokyo)")
    assert found is None or not sure


def test_today_without_a_habit_still_mixes() -> None:
    assert _read("today at 15:00 UTC and every Friday after")[0] is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every day at 7pm London (GMT)", "Europe/London"),
        ("every day at 7pm Tokyo (JST)", "Asia/Tokyo"),
        ("every day at 7pm Sydney (AEST)", "Australia/Sydney"),
    ],
)
def test_a_place_with_its_abbreviation_in_brackets_is_its_zone(text: str, zone: str) -> None:
    assert _read(text) == ("0 19 * * *", zone, True)


def test_a_place_with_another_clock_in_brackets_is_not_sure() -> None:
    found, _, sure = _read("every day at 7pm Tokyo (CET)")
    assert found is None or not sure


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("at 02:30 and 14:30 UTC (10:30 / 22:30 SGT) every day", "30 2,14 * * *"),
        ("twice a day at 06:00 and 18:00 UTC (15:00 / 03:00 JST)", "0 6,18 * * *"),
    ],
)
def test_times_listed_and_converted_as_a_list(text: str, expression: str) -> None:
    assert _read(text) == (expression, "UTC", True)


def test_a_list_converted_wrong_is_refused() -> None:
    found, _, sure = _read("at 02:30 and 14:30 UTC (10:30 / 23:30 SGT) every day")
    assert found is None or not sure


def test_a_conversion_that_names_the_day_there() -> None:
    assert _read("at 22:00 UTC on Sundays (07:00 JST on Mondays)") == ("0 22 * * 0", "UTC", True)


def test_a_conversion_on_another_day_is_refused() -> None:
    found, _, sure = _read("at 22:00 UTC on Sundays (07:00 JST on Sundays)")
    assert found is None or not sure
