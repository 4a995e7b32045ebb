"""Schedule words of other languages said in English (parsers/translation.py, parsers/cjk.py):
which language a text is in, what its schedule words become, and the words about time left
unread that make it refused (never half-read)."""

from __future__ import annotations

import pytest

from agentcron.parsers import cjk
from agentcron.parsers.translation import language_of, to_english


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Stell einen Timer für 10 Minuten für die Nudeln", "German"),
        ("temporizador en 5 minutos", "Spanish"),
        ("Dans 5 min, ouvre les volets du salon", "French"),
        ("Todo sábado estudar às 9h", "Portuguese"),  # "sábado" is Spanish too: "às" settles it
        ("apri la porta del garage tra 5 minuti", "Italian"),
        ("timer voor 45 secondes", "Dutch"),
        ("Öffne die Garagentür in 5 Minuten", "German"),  # "in" is English's and German's
    ],
)
def test_the_language_is_the_one_with_the_most_of_its_words(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Send the Resumen semanal every Monday at 9:00",  # a Spanish title in English
        "every day at 9am",
        "tag the release every Monday at 9",  # "tag": English's, and German's day
        "Wochenmeeting every Monday at 9am",
        "/remind +30m выпить воды",
    ],
)
def test_english_is_no_other_language(text: str) -> None:
    assert language_of(text) is None


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("jeden Montag um 9 Uhr", "German", "every monday at 9:00"),
        ("Weck mich um sieben", "German", "wake me up at 7"),
        ("Alle 2 Stunden", "German", "every 2 hours"),
        ("Timer für 1 Stunde und 15 Minuten", "German", "timer for 1 hour and 15 minutes"),
        ("todos los lunes a las 9", "Spanish", "every monday at 9"),
        ("a las seis y media de lunes a viernes", "Spanish", "at 6:30 monday to friday"),
        ("Tous les jours à 2h du matin", "French", "every day at 2 am"),
        ("à 8h, 12h et 18h", "French", "at 8:00, 12:00 and 18:00"),
        ("De segunda a sexta às 7:00", "Portuguese", "monday to friday at 7:00"),
        ("a segunda segunda-feira do mês", "Portuguese", "the second monday of every month"),
        ("ogni 15 minuti", "Italian", "every 15 minutes"),
        ("alle 8:00 (ora italiana)", "Italian", "at 8:00 (Rome time)"),
        ("elke maandag om 10 uur", "Dutch", "every monday at 10:00"),
    ],
)
def test_schedule_words_are_said_in_english(text: str, language: str, english: str) -> None:
    assert to_english(text, language) == english


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("todos los días al atardecer", "Spanish"),  # dusk
        ("Jeden Tag mittags", "German"),  # at noon: a part of the day the rules do not read
        ("Fiesta de Navidad a las 7 PM", "Spanish"),  # a holiday
        ("tous les soirs au coucher du soleil", "French"),
    ],
)
def test_a_word_about_time_left_unread_is_none(text: str, language: str) -> None:
    assert to_english(text, language) is None


def test_the_task_keeps_its_own_words() -> None:
    # numbers and articles are rewritten only inside what a rule reads
    english = to_english("genera una copia cada lunes a las 12:17", "Spanish")
    assert english == "genera una copia every monday at 12:17"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("每天晚上 6 点，提醒我", "every day at 6 pm ， remind me"),
        ("每月第二个周二发布", "the 2nd Tuesday of every month 发布"),
        ("每周一和周四上午7点运行", "every Monday and Thursday at 7 am 运行"),
        ("计时1个小时15分钟", "timer for 75 minutes"),
        ("10分钟后", "in 10 minutes"),
        ("每隔2小时提醒我喝水", "every 2 hours remind me 喝水"),
        ("20点", "at 20:00"),
        ("毎週月曜日の午前9時半", "every Monday の at 9:30 am"),
        ("5分ごとに", "every 5 minutes"),
        ("平日 09:00", "on weekdays 09:00"),
    ],
)
def test_chinese_and_japanese_schedule_words_in_english(text: str, english: str) -> None:
    assert cjk.to_english(text) == english


@pytest.mark.parametrize(
    "text",
    [
        "月底",  # the end of the month: not read
        "PowerAutomateで平日の決まった時間に1日1回実行する",  # once a day, at a set time
        "每周一上午要交周报，下周工作计划",  # next week
    ],
)
def test_chinese_and_japanese_time_words_left_unread_are_none(text: str) -> None:
    assert cjk.to_english(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每天早上8点", True),
        ("平日 09:00", True),
        ("ご飯の時間です", False),  # "time" (時間) is not a time
        ("every day at 9am", False),
        ("小组周会 every mons 10am", False),  # 周会: the weekly meeting, not a day
    ],
)
def test_the_cheap_gate_finds_schedule_words(text: str, found: bool) -> None:
    assert cjk.has_schedule_words(text) is found


@pytest.mark.parametrize(
    ("said", "number"),
    [("12", 12), ("１２", 12), ("十二", 12), ("二十", 20), ("两", 2), ("十", 10)],
)
def test_numbers_in_characters(said: str, number: int) -> None:
    assert cjk.number(said) == number
