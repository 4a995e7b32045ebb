"""Texts in other languages (parsers/languages.py; the phrases in other people's words are in
tests/parsers/outside/t11_languages.txt): refused with a note that we read English, never
half-read from their digits; English with a foreign title or place in it is read as usual."""

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
    ("text", "language"),
    [
        ("Ejecutar todos los días a las 8:00 AM", "Spanish"),  # was once, tomorrow at 8
        ("Cada lunes a las 3 PM", "Spanish"),
        ("Sendet automatisch jeden Tag um 6:00 Uhr die Datei", "German"),  # was daily at 6
        ("Laeuft alle 15 Minuten via GitHub Actions.", "German"),
        ("Nouveaux aperçus chaque lundi à 09h00 UTC.", "French"),
        ("Agendar para correr todos os dias às 08:00 AM UTC", "Portuguese"),
        ("Eseguito ogni giorno alle 06:30 UTC (07:30 ora italiana)", "Italian"),  # was 6:30, 7:30
        ("elke dag om 9 uur", "Dutch"),
    ],
)
def test_a_text_in_another_language_is_refused_with_a_note(text: str, language: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None
    assert answer["reason"] == f"the text is in {language}; schedules are read in English"
    assert "English" in answer["suggestion"]


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
        schedule: dict[str, Any] = {"type": "cron", "expression": "0 8 * * *", "timezone": timezone}
        return ParseResult(schedule, "Every day at 08:00", 0.9, "llm", None, None, ())


def test_with_an_llm_the_whole_text_is_the_llms_to_read() -> None:
    reader = _SpanishReader()
    answer = asyncio.run(
        understand("todos los días a las 8", timezone="UTC", now=NOW, llm=reader)  # type: ignore[arg-type]
    )
    assert reader.read == ["todos los días a las 8"]
    assert answer.schedule is not None and answer.schedule["expression"] == "0 8 * * *"


def test_without_an_llm_every_way_in_refuses() -> None:
    answer = asyncio.run(understand("todos los días a las 8", timezone="UTC", now=NOW))
    assert answer.schedule is None
    assert answer.reason == "the text is in Spanish; schedules are read in English"
