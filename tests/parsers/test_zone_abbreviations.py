"""Zone abbreviations that name more than one zone (parsers/zones.py USUAL_ZONES; the phrases in
other people's words are in tests/parsers/outside/t11_zones.txt): "CST" is US Central and asked
unless the text says which, "BST" is British unless the text names Bangladesh, "IST" is India's
and asked; a country's "Standard Time" is its zone."""

from __future__ import annotations

import pytest

from tests.parsers.reading import read


def _zone_and_ask(text: str) -> tuple[str, str, bool]:
    answer = read(text)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    return schedule["expression"], schedule["timezone"], bool(answer["needs_confirmation"])


def test_cst_alone_is_us_central_and_asked() -> None:
    # round ten's "Run daily digest at 07:00 CST" ran on Chicago's clock without a word
    expression, zone, asked = _zone_and_ask("Run daily digest at 07:00 CST")
    assert (expression, zone, asked) == ("0 7 * * *", "America/Chicago", True)
    assert any("China Standard Time" in note for note in read("at 07:00 CST daily")["notes"])


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every Monday at 9am CST/CDT", "America/Chicago"),  # the US pair
        ("every Friday at 4pm CST (Chicago)", "America/Chicago"),
        ("every weekday at 23:00 CST (China)", "Asia/Shanghai"),
        ("every day at 8am CST (Beijing)", "Asia/Shanghai"),
    ],
)
def test_cst_settled_by_the_text_is_not_asked(text: str, zone: str) -> None:
    _, read_zone, asked = _zone_and_ask(text)
    assert (read_zone, asked) == (zone, False)


def test_bst_is_british_without_asking() -> None:
    assert _zone_and_ask("schedule the cron job to run at 10am BST every day") == (
        "0 10 * * *",
        "Europe/London",
        False,
    )


def test_bst_beside_dhaka_is_bangladesh() -> None:
    assert _zone_and_ask("every day at 10am BST (Dhaka)")[1] == "Asia/Dhaka"


def test_ist_is_still_india_and_asked() -> None:
    assert _zone_and_ask("every day at 9am IST") == ("0 9 * * *", "Asia/Kolkata", True)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every Monday at 9am China Standard Time", "Asia/Shanghai"),  # was UTC, unasked
        ("every Monday at 9am India Standard Time", "Asia/Kolkata"),  # was UTC, asked
        ("every Monday at 9am Israel Daylight Time", "Asia/Jerusalem"),
    ],
)
def test_a_countrys_standard_time_is_its_zone(text: str, zone: str) -> None:
    assert _zone_and_ask(text)[:2] == ("0 9 * * 1", zone)
