"""Round seventeen, opening and meeting hours (hours17): a day, a list or a range of days beside
a range of hours — as library, parish, club and office pages write them — runs every week at the
start of the range on those days, asked (nothing says what runs, nor how often in the hours).
Hours in parts run at each part's start when one cron expression says them; a day said closed
beside the hours is set aside; different starts on different days stay refused."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.opening_hours import without_closed_days

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


def _read(text: str) -> tuple[str | None, bool]:
    result = understand_fast(text, timezone="UTC", now=NOW)
    schedule = result.schedule or {}
    return schedule.get("expression"), result.needs_confirmation


# -- hours beside days, in English ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Wednesday – Saturday: 10 a.m. to 5 p.m.", "0 10 * * 3-6"),
        ("Sunday: 11 a.m. to 5 p.m.", "0 11 * * 0"),
        ("Monday-Thursday: 8am - 8pm", "0 8 * * 1-4"),
        (
            "The service hours for general matters is from Monday to Friday, "
            "from 9:00 AM to 6:00 PM.",
            "0 9 * * 1-5",
        ),
        ("Open 12:00 PM to 4:00 PM Monday, Wednesday, and Friday.", "0 12 * * 1,3,5"),
        ("every Monday from 9am to 5pm", "0 9 * * 1"),
    ],
)
def test_hours_beside_days_run_at_their_start_and_ask(text: str, expression: str) -> None:
    assert _read(text) == (expression, True)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Saturday 3:30 – 4:15 p.m.", "30 15 * * 6"),
        ("Saturday 1 PM – 4 PM", "0 13 * * 6"),
        ("Monday 2pm-3pm", "0 14 * * 1"),
    ],
)
def test_a_bare_day_with_its_range_is_a_timetables_row(text: str, expression: str) -> None:
    assert _read(text) == (expression, True)


def test_an_event_named_on_one_day_stays_once() -> None:
    result = understand_fast("an appointment on Monday from noon to 4 pm", now=NOW)
    assert result.schedule == {"type": "at", "datetime": "2026-01-19T12:00:00Z", "timezone": "UTC"}


def test_a_rate_in_the_hours_still_runs_all_through_them() -> None:
    assert _read("every hour from 9am to 5pm on weekdays") == ("0 9-17 * * 1-5", False)


# -- hours in parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Sunday: 7:30 a.m. – 8:00 a.m. and 9:30 a.m. – 10:00 a.m.", "30 7,9 * * 0"),
        ("Mon-Fri 9am-12pm and 2pm-6pm", "0 9,14 * * 1-5"),
        ("- mercredi de 10h à 12h et de 14h à 18h", "0 10,14 * * 3"),
        ("Ouverture les mercredis de 10h à 12h et de 13h à 19h", "0 10,13 * * 3"),
        ("– Lyon 7e Guillotière : mercredis 10h-12h/13h-19h", "0 10,13 * * 3"),
        ("Da lunedì a venerdì ore 10.00-13.00 e 15.00-18.00", "0 10,15 * * 1-5"),
    ],
)
def test_hours_in_parts_run_at_each_parts_start(text: str, expression: str) -> None:
    assert _read(text) == (expression, True)


@pytest.mark.parametrize(
    "text",
    [
        # the parts start at different minutes: no one cron expression
        "De segunda a sexta-feira, o espaço estará aberto ao público das 9h30 às 12h30 e das 14h00 às 18h00, informou a Câmara de Santarém.",  # noqa: E501
        # different starts on different days: two schedules
        "Ouverture les jeudis et vendredis de 13h à 19h et les samedis de 10h à 13h",
        "– Lyon 2e : jeudis et vendredis 13h-19h, samedis 10h-13h",
        # hours with no day
        "10:00-12:00 and 14:00-18:00",
    ],
)
def test_hours_that_one_schedule_cannot_say_are_not_run_unasked(text: str) -> None:
    expression, asked = _read(text)
    assert expression is None or asked


# -- other languages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("-Mardi au Vendredi : 14h - 18h", "0 14 * * 2-5"),
        ("-Samedi : 9h - 13h", "0 9 * * 6"),
        ("Ouverture du lundi au vendredi de 13h à 19h", "0 13 * * 1-5"),
        ("dal martedì al sabato dalle ore 9.00 alle ore 13.00.", "0 9 * * 2-6"),
        ("sabato dalle ore 9.00 alle 12.00.", "0 9 * * 6"),
        (
            "- Centro Cívico: Niños y adolescentes de burbujas escolares. Continúan de lunes a "
            "viernes de 09:00 a 12:00 horas.",
            "0 9 * * 1-5",
        ),
        ("5. U14/U16 – in der Sonnenschule dienstags und donnerstags von 16-18 h.", "0 16 * * 2,4"),
        (
            "Biblioteca Porto Alegre: De segunda a sexta-feira, das 8h às 22h45, e sábado, "
            "das 8h às 12h",
            "0 8 * * 1-6",
        ),
        ("週一至週五:08:00 ~ 17:00", "0 8 * * 1-5"),
        ("週六至週日 10:00~18:00", "0 10 * * 6,0"),
        ("開 館 日 :火曜から日曜 午前9時から午後5時まで", "0 9 * * 0,2-6"),
        ("화~일: 09:00~18:00", "0 9 * * 0,2-6"),
        ("모임시간 : 매주 화/금 10시~12시 모임장소 : 진북문화의집", "0 10 * * 2,5"),
    ],
)
def test_hours_said_in_other_languages_read_the_same(text: str, expression: str) -> None:
    # (asked when the hours are long; a meeting's length beside the days is a meeting's start)
    assert _read(text)[0] == expression


# -- a day said closed beside the hours ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "closing"),
    [
        (
            "Open 10:00 AM to 4:00 PM Wednesday-Monday. CLOSED on Tuesday.",
            "Open 10:00 AM to 4:00 PM Wednesday-Monday",
            "CLOSED on Tuesday",
        ),
        (
            "Monday to Saturday from 10:00 to 20:00. Sundays closed.",
            "Monday to Saturday from 10:00 to 20:00",
            "Sundays closed",
        ),
        (
            "De lunes a sábados de 10:00 a 20:00 horas. Domingos cerrados.",
            "De lunes a sábados de 10:00 a 20:00 horas",
            "Domingos cerrados",
        ),
        (
            "Working hours: Monday to Friday 9:00 AM - 6:00 PM, Saturday 10:00 AM - 2:00 PM. "
            "Closed Sundays and public holidays.",
            "Working hours: Monday to Friday 9:00 AM - 6:00 PM, Saturday 10:00 AM - 2:00 PM",
            "Closed Sundays and public holidays",
        ),
    ],
)
def test_a_closing_clause_is_set_aside(text: str, kept: str, closing: str) -> None:
    assert without_closed_days(text) == (kept, closing)


@pytest.mark.parametrize(
    "text",
    [
        "Sunday | Closed |",  # nothing else: a closed day alone is no hours
        "Closed Saturdays and Sundays",
        "The museum is closed on Thursday 1 May.",
        "Monday to Friday from 9am to 5pm",  # nothing closed
    ],
)
def test_nothing_is_set_aside_without_hours_before_a_closing_clause(text: str) -> None:
    assert without_closed_days(text) is None


def test_hours_with_their_closed_day_read_the_open_days() -> None:
    assert _read("Open 10:00 AM to 4:00 PM Wednesday-Monday. CLOSED on Tuesday.") == (
        "0 10 * * 0,1,3-6",
        True,
    )
    answer = _read("Monday to Saturday from 10:00 to 20:00. Sundays closed.")
    assert answer == ("0 10 * * 1-6", True)


# -- hostile input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Monday " * 700 + "closed",
        "1. " * 1500 + "Sundays closed",
        "- mardi " + "de 10h à 12h et " * 300,
        "週一至週五 " * 800,
        "화~일 " * 1200,
        "dalle ore 9.00 alle " * 250,
    ],
)
def test_hostile_hours_text_stays_fast(text: str) -> None:
    start = time.process_time()
    understand_fast(text, now=NOW)
    assert time.process_time() - start < 2.0
