"""Round fourteen's languages (parsers/translation.py, cjk.py, languages.py; the phrases in other
people's words are in tests/parsers/outside/t14_languages14_*.txt): the Nth weekday of the month
in Spanish plurals and German "jeweils am dritten …", French clock times said with "h" alone,
Chinese listing lines, the compound past told, and languages no lexicon reads refused rather than
half-read."""

from __future__ import annotations

import pytest

from agentcron.parsers import cjk, translation
from tests.parsers.reading import brief, cron, read


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Corre el primer domingo de cada mes a las 05:00 UTC", "0 5 * * 0#1"),
        ("todos los primeros domingos de mes a las 11 de la mañana", "0 11 * * 0#1"),
        ("Club le premier mardi du mois 20h", "0 20 * * 2#1"),
        (
            "jeden dritten Donnerstag im Monat, 14:00 bis 17:30 Uhr, Saal im ersten Stock",
            "0 14 * * 4#3",
        ),
        ("Yoga tous les lundis et jeudis à 7h", "0 7 * * 1,4"),
        ("Standup en semaine 9h15", "15 9 * * 1-5"),
        ("rappelle-moi tous les jours à 8h de prendre mon médicament", "0 8 * * *"),  # not Monday
        ("LaunchAgent: будни 10:30 → «План дня»", "30 10 * * 1-5"),
        ("Со вторника по четверг в 10:00", "0 10 * * 2-4"),
        ("总结贴要求通知：周一19:00", "0 19 * * 1"),
        ("周一 19:00-21:00", "0 19 * * 1"),
        ("每天早上 8 点总结昨天的 GitHub issues", "0 8 * * *"),  # yesterday's: the task's
        # languages read since this round: Polish, Swedish, Ukrainian, Turkish (each ran once)
        ("Codziennie o 3:00 UTC", "0 3 * * *"),
        ("Co niedzielę o 3:00", "0 3 * * 0"),
        ("Kör första måndag i månaden kl 14:00", "0 14 * * 1#1"),
        ("Föreslå nya tester varje måndag kl 07:00", "0 7 * * 1"),
        ("Кожного понеділка о в 00:00", "0 0 * * 1"),  # no longer half-read as Russian
        ("Запуск щодня о 03:00 ранку", "0 3 * * *"),
        ("Her gün saat 11:00'de çalışacak", "0 11 * * *"),
        ("hafta içi her gün saat 09:00", "0 9 * * 1-5"),
        ("Sätt upp en morgonbriefing varje dag kl 7", "0 7 * * *"),  # the 24-hour clock
        ("uruchamia się codziennie o 2:00 w nocy", "0 2 * * *"),
        ("Her Pazartesi saat 9'da", "0 9 * * 1"),
    ],
)
def test_schedules_are_read(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("einmal im Monat, jeweils am dritten Donnerstag", "once a month, on the third thursday"),
        ("Appel dans 2 heures", "Appel in 2 hours"),  # an amount, not 2 o'clock
        (
            "Sport tous les mardis 18h30 pendant 1h30",
            "Sport every tuesdays 18:30 for 1 hours 30 minutes",
        ),
        ("Minuteur 02h16.", "timer for 02 hours 16 minutes."),  # a timer's length
    ],
)
def test_schedule_words_are_said_in_english(text: str, english: str) -> None:
    language = translation.language_of(text)
    assert language is not None
    assert translation.to_english(text, language) == english


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Alle 5 di mattina mi ha svegliato un allarme", "ha svegliato"),
        ("La réunion a commencé à 9h", "a commencé"),
        ("Ayer el bot me ha enviado el aviso a las 8", "ha enviado"),
    ],
)
def test_the_compound_past_told_is_found(text: str, told: str) -> None:
    language = translation.language_of(text) or ""
    assert translation.told_in_the_past(text, language) == told
    assert read(text)["needs_confirmation"] or read(text)["schedule"] is None


def test_the_present_is_not_the_past() -> None:
    assert translation.told_in_the_past("Ricordami ogni giorno alle 8", "Italian") is None
    assert translation.told_in_the_past("La fête a lieu à 14h", "French") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Setiap hari jam 9 pagi", "Indonesian"),
        ("Mỗi ngày lúc 9 giờ sáng", "Vietnamese"),
        # (Hindi in Latin letters is read since round seventeen: test_languages17.py)
    ],
)
def test_a_language_not_read_is_refused_not_half_read(text: str, language: str) -> None:
    answer = read(text)  # each ran once, tomorrow at its digits
    assert answer["schedule"] is None
    assert answer["reason"] == f"the text is in {language}; schedules are read in English"


@pytest.mark.parametrize(
    "text",
    [
        "3 razy dziennie: rano, po południu, wieczorem",  # three times a day: no times
        "Я йду до школи щодня о восьмій годині.",  # the hour said in words, a habit
        "Diyelim ki her gün saat 09:00'da belirli bir API'den veri almak istiyoruz.",  # supposed
    ],
)
def test_a_word_about_time_left_unread_refuses(text: str) -> None:
    assert read(text)["schedule"] is None


def test_a_name_alone_is_no_language() -> None:
    assert brief(read("remind Hari at 5pm")) is not None


def test_last_monday_in_chinese_is_the_past() -> None:
    assert cjk.to_english("上周一 19:00 开会了") is not None
    assert read("上周一 19:00 开会了")["schedule"] is None


def test_zones_said_the_way_their_countries_say_them() -> None:
    answer = read("Щопонеділка о 07:00 за Києвом:")
    assert answer["schedule"]["expression"] == "0 7 * * 1"
    assert answer["schedule"]["timezone"] == "Europe/Kyiv"
    answer = read("Workflow:en körs automatiskt **varje dag kl 08:00** (svensk tid, vintertid).")
    assert answer["schedule"]["timezone"] == "Europe/Stockholm"
