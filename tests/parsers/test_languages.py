"""Texts in other languages (parsers/languages.py, translation.py, cjk.py; the phrases in other
people's words are in tests/parsers/outside/t11_languages.txt and t12_languages_*.txt): read
with their schedule words said in English, or refused with a note that we read English when a
word about time is left unread — never half-read from their digits; English with a foreign
title or place in it is read as usual."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest

from agentcron.parsers import understand
from agentcron.parsers.languages import foreign_language
from agentcron.parsers.result import ParseResult
from tests.parsers.reading import NOW, cron, read


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Ejecutar todos los días a las 8:00 AM", "0 8 * * *"),  # once, tomorrow at 8, before
        ("Cada lunes a las 3 PM", "0 15 * * 1"),
        ("Sendet automatisch jeden Tag um 6:00 Uhr die Datei", "0 6 * * *"),
        ("Laeuft alle 15 Minuten via GitHub Actions.", "*/15 * * * *"),
        ("Nouveaux aperçus chaque lundi à 09h00 UTC.", "0 9 * * 1"),
        ("Agendar para correr todos os dias às 08:00 AM UTC", "0 8 * * *"),
        ("Eseguito ogni giorno alle 06:30 UTC (07:30 ora italiana)", "30 6 * * *"),  # not 6,7
        ("elke dag om 9 uur", "0 9 * * *"),
        ("帮我记录一个 cron：每天晚上 6 点，提醒我：该写周报了。", "0 18 * * *"),
        ("毎週月曜日の午前9時半", "30 9 * * 1"),
    ],
)
def test_a_text_in_another_language_is_read_in_english(text: str, expression: str) -> None:
    answer = read(text)
    assert answer["schedule"]["expression"] == expression
    assert any(note.startswith("read from ") for note in answer["notes"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("todos los días al atardecer", "Spanish"),  # at dusk: not read
        ("Jeden Tag mittags die Datei senden", "German"),  # "mittags": not read
        ("Encender Luz Comedor al ponerse el sol y apagarse a las 11 pm", "Spanish"),
        ("ogni giorno al tramonto", "Italian"),
    ],
)
def test_a_time_word_left_unread_is_refused_with_a_note(text: str, language: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None
    assert answer["reason"] == f"the text is in {language}; schedules are read in English"
    assert "English" in answer["suggestion"]


@pytest.mark.parametrize(
    "text",
    [
        "Das Meeting war gestern um 9 Uhr",  # the past
        "La réunion était hier à 9h",
        "Wann ist das Meeting morgen?",  # a question ("ist" is no zone)
        "Lösche die Erinnerung um 9 Uhr",  # a change to a job
        "Cancela la alarma de las 7",
        "取消明天早上8点的闹钟",
        "毎朝7時のアラームを消して",
        "昨天晚上8点",
    ],
)
def test_the_past_a_question_or_an_undoing_is_refused(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


def test_a_reading_with_no_time_of_day_asks() -> None:
    answer = read("Erinnerungsfunktion für Medikationsplan (abends)")  # a title, or every evening
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Send the Resumen semanal every Monday at 9:00", "0 9 * * 1"),
        ('Post the "Bonjour à tous" message every weekday at 8am', "0 8 * * 1-5"),
        ("Choir practice at Nuestra Señora de Guadalupe every Thursday at 7pm", "0 19 * * 4"),
        ("every day at 5:30 PM Los Angeles time", "30 17 * * *"),
        ("um, remind me every day at 9am", "0 9 * * *"),
        ("every day at 9am EST", "0 9 * * *"),
    ],
)
def test_english_with_foreign_words_is_read(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "check the todos every day at 9",  # "todos": English's plural of "todo"
        "/remind +30m выпить воды",  # another script: a bot's command, its task in Russian
        "every day at 9am in Las Vegas and Los Angeles",
    ],
)
def test_no_language_is_named_for_english_or_other_scripts(text: str) -> None:
    assert foreign_language(text) is None


class _SpanishReader:
    """An LLM stage that reads the one Spanish sentence below (a real class, not a mock)."""

    def __init__(self) -> None:
        self.read: list[str] = []

    async def parse(self, text: str, *, timezone: str, now: datetime | None) -> ParseResult:
        self.read.append(text)
        schedule: dict[str, Any] = {
            "type": "cron",
            "expression": "0 19 * * *",
            "timezone": timezone,
        }
        return ParseResult(schedule, "Every day at 19:00", 0.9, "llm", None, None, ())


def test_with_an_llm_a_text_not_read_whole_is_the_llms_to_read() -> None:
    reader = _SpanishReader()
    answer = asyncio.run(
        understand("todos los días al atardecer", timezone="UTC", now=NOW, llm=reader)  # type: ignore[arg-type]
    )
    assert reader.read == ["todos los días al atardecer"]
    assert answer.schedule is not None and answer.schedule["expression"] == "0 19 * * *"


def test_with_an_llm_a_text_read_whole_needs_no_llm() -> None:
    reader = _SpanishReader()
    answer = asyncio.run(
        understand("todos los días a las 8:00", timezone="UTC", now=NOW, llm=reader)  # type: ignore[arg-type]
    )
    assert reader.read == []
    assert answer.schedule is not None and answer.schedule["expression"] == "0 8 * * *"


def test_without_an_llm_every_way_in_reads_the_same() -> None:
    answer = asyncio.run(understand("todos los días a las 8:00", timezone="UTC", now=NOW))
    assert answer.schedule is not None and answer.schedule["expression"] == "0 8 * * *"
    refused = asyncio.run(understand("todos los días al atardecer", timezone="UTC", now=NOW))
    assert refused.schedule is None
    assert refused.reason == "the text is in Spanish; schedules are read in English"
