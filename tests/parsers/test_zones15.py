"""Round fifteen's zone families (zones15): an hour range's end is no offset ("from 10:00
-12:00", tokens.range_end_not_offset); zone abbreviations that are words of other languages or
short for English ones ("et", "est", "ist", "wat", "pt") are zones in lower case only right after
a time and not going on as the other language's sentence (tokens.short_zone_meant); a time
restated roughly in brackets ("12:00 UTC (~08:00 local)", bracket_conversions); a conversion
that names its hour ("(noon Eastern)") or a place after the restated time ("(5pm London)",
"which is 6pm in Berlin", conversions). Variants of each family, invented; the phrases found in
public code are in tests/parsers/outside/t15_zones15_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.bracket_conversions import rough_local_restatement
from agentcron.parsers.restated import in_the_gap_weeks, without_place_restatement
from agentcron.parsers.tokens import ClockTime, tokenize

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday, in winter


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _cron(text: str) -> tuple[str, str] | None:
    schedule = _read(text)["schedule"]
    if schedule is None or schedule["type"] != "cron":
        return None
    return schedule["expression"], schedule["timezone"]


def _zones(text: str) -> list[object]:
    return [t.value for t in tokenize(text) if t.kind == lx.ZONE]


# -- an hour range's end is no offset ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["every Monday from 10:00 -12:00", "every day 9:00 -11:15", "weekdays 08:00 -10:30"],
)
def test_range_end_is_no_offset(text: str) -> None:
    assert _zones(text) == []


@pytest.mark.parametrize(
    ("text", "zone"),
    [("every day at 14:00 -05:00", "Etc/GMT+5"), ("every day at 11:00 -03:00", "Etc/GMT+3")],
)
def test_offset_after_a_later_time_stays(text: str, zone: str) -> None:
    assert _zones(text) == [zone]


def test_range_read_on_the_request_zone() -> None:
    assert _cron("every Monday from 10:00 -12:00") == ("0 10 * * 1", "UTC")


# -- words of other languages that spell zones ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "envoi les mardis et jeudis à 19h",
        "tous les lundis à 9h et mardi",
        "La réunion a lieu tous les lundis à 9:00 et 14:00",
        "La réunion est tous les lundis à 10:00 est-ce que ça va",
        "elke maandag om 9:00 wat is dat",
        "Der Kurs ist jeden Dienstag um 18:00 ist gut",
        "remind me to feed the cat at 9am and pt the dog",
    ],
)
def test_foreign_words_are_no_zones(text: str) -> None:
    assert _zones(text) == []


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every monday at 9am pt", "America/Los_Angeles"),
        ("every monday at 9am et", "America/New_York"),
        ("standup at 10am pt every weekday", "America/Los_Angeles"),
        ("standup 10am et on mondays", "America/New_York"),
        ("every monday at 9am ET", "America/New_York"),
        ("daily at 9am EST", "America/New_York"),
    ],
)
def test_lower_case_zone_right_after_a_time(text: str, zone: str) -> None:
    assert _zones(text) == [zone]


def test_french_days_joined_by_et_keep_the_request_zone() -> None:
    schedule = _read("envoi les mardis et jeudis à 19h")["schedule"]
    assert schedule is None or schedule["timezone"] == "UTC"


# -- a time restated roughly, or on a place's clock ----------------------------------------


@pytest.mark.parametrize(
    ("inside", "rough"),
    [
        ("~08:00 local", True),
        ("~8am US Central", True),
        ("about 2pm", True),
        ("~9 PM ET, ~6 PM PT", True),
        ("10:00 EST", False),
        ("UTC-5", False),
    ],
)
def test_rough_local_restatement(inside: str, rough: bool) -> None:
    assert rough_local_restatement(inside) is rough


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesdays at 12:00 UTC (~08:00 local)", ("0 12 * * 2", "UTC")),
        ("daily 13:05 UTC (~8am US Central)", ("5 13 * * *", "UTC")),
        (
            "every weekday at 9am Pacific (noon Eastern, 5pm London)",
            ("0 9 * * 1-5", "America/Los_Angeles"),
        ),
        ("every weekday at 9am Pacific (noon Eastern)", ("0 9 * * 1-5", "America/Los_Angeles")),
        ("every weekday at 9am PT (5pm London)", ("0 9 * * 1-5", "America/Los_Angeles")),
        ("every Monday at 9am PT, which is 6pm in Berlin", ("0 9 * * 1", "America/Los_Angeles")),
    ],
)
def test_restated_time_is_one_run(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


def test_place_that_disagrees_is_still_refused() -> None:
    assert _read("every Monday at 9am PT, which is 5pm in Berlin")["schedule"] is None


# -- zones said the way their countries say them -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeden Montag um 9 Uhr MEZ", ("0 9 * * 1", "Europe/Berlin")),
        ("jeden Montag um 9:00 MESZ", ("0 9 * * 1", "Europe/Berlin")),
        ("каждый день в 9:00 по московскому времени", ("0 9 * * *", "Europe/Moscow")),
        ("каждый понедельник в 10:00 по Москве", ("0 10 * * 1", "Europe/Moscow")),
        ("каждый день в 9:00 мск", ("0 9 * * *", "Europe/Moscow")),
        ("todos los lunes a las 9:00 horário de Brasília", ("0 9 * * 1", "America/Sao_Paulo")),
        ("jeden Tag um 8 Uhr Wiener Zeit", ("0 8 * * *", "Europe/Vienna")),
        (
            "todos los días a las 8:00 hora de Argentina",
            ("0 8 * * *", "America/Argentina/Buenos_Aires"),
        ),
        ("todos los días a las 8:00 hora de Chile", ("0 8 * * *", "America/Santiago")),
        ("tous les jours à 8h heure suisse", ("0 8 * * *", "Europe/Zurich")),
    ],
)
def test_zone_in_the_country_words(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


# -- a restatement worked out in the weeks between two zones' clock changes -----------------


@pytest.mark.parametrize(
    ("first", "zone", "again", "other", "gap"),
    [
        ((10, 0), "America/Los_Angeles", (18, 0), "Europe/Paris", True),  # PDT and CET
        ((9, 0), "America/New_York", (13, 0), "Europe/London", True),  # EDT and GMT
        ((10, 0), "America/Los_Angeles", (20, 0), "Europe/Paris", False),  # never
        ((10, 0), "UTC", (11, 0), "Europe/Paris", False),  # UTC keeps one offset
    ],
)
def test_in_the_gap_weeks(
    first: tuple[int, int], zone: str, again: tuple[int, int], other: str, gap: bool
) -> None:
    def clock(at: tuple[int, int]) -> ClockTime:
        return ClockTime(at[0], at[1], None, True, digital=True)

    assert in_the_gap_weeks(clock(first), zone, clock(again), other) is gap


def test_gap_week_restatement_reads_the_first_zone_and_asks() -> None:
    answer = _read("Thursdays at 10am PT / 6pm CET")
    assert answer["schedule"]["expression"] == "0 10 * * 4"
    assert answer["schedule"]["timezone"] == "America/Los_Angeles"
    assert answer["needs_confirmation"]
    assert _read("Thursdays at 10am PT / 8pm CET")["schedule"] is None


# -- a time with no zone, said again on a place's clock -------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("every Monday at 9, which is 3pm in Tokyo", "every Monday at 9"),
        ("daily at 10:30, which is 7:30pm in Sydney", "daily at 10:30"),
        ("every Monday at 9am PT, which is 6pm in Berlin", None),  # zoned: conversions
        ("every day at 10, which is 7pm in Gondor", None),  # no place
    ],
)
def test_without_place_restatement(text: str, kept: str | None) -> None:
    rest, note = without_place_restatement(text)
    assert (rest if note else None) == kept


def test_place_restatement_reads_the_first_time_and_asks() -> None:
    answer = _read("every Monday at 9, which is 3pm in Tokyo")
    assert answer["schedule"]["expression"] == "0 9 * * 1"
    assert answer["schedule"]["timezone"] == "UTC"
    assert answer["needs_confirmation"]
