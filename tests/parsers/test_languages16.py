"""Round sixteen's languages (parsers/translation.py, cjk.py, grammar.py; the phrases in other
people's words are in tests/parsers/outside/t16_languages16_*.txt): a range of hours read from its
start in French, Spanish, Portuguese, German and Dutch ("les mercredis de 17h à 20h30", "entre 16
heures et 18 heures", "los días viernes de 17 a 20 horas", "das 13h às 17h", "om 19.30 uur en
duren tot 21.30 uur"); reminders asked in German, Spanish and French ("erinnere mich … an …",
"avísame", "recuérdame todos los meses el día 15"); every other week ("jeden zweiten Mittwoch"),
the Nth weekday said without "of the month" ("Elke eerste zaterdag", "der erste Dienstag im
Monat"), "seit Januar" (no month kept to); Chinese "每月最后一个周五", "昨日" in the task, Japanese
month/day dates with their day of the week, notices of closing days; and a number that counts
things after a list of times ("10:00, 12 places")."""

from __future__ import annotations

import time

import pytest

from agentcron.parsers import cjk, translation
from tests.parsers.reading import asks, cron, once, read


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a range of hours after the days: read from its start, never two runs
        ("Elle a lieu les mercredis de 17h à 20h30 pour votre destrier.", "0 17 * * 3"),
        ("La bibliothèque est ouverte les lundis et vendredis entre 16 heures et 18 heures.",
         "0 16 * * 1,5"),
        ("Vente à l'exploitation tous les mercredis de 17h à 19h", "0 17 * * 3"),
        ("accueille tous les mercredis de 14 à 18 h 00, les adhérents", "0 14 * * 3"),
        ("el Taller de Ajedrez se desarrolla los días viernes de 17 a 20 horas", "0 17 * * 5"),
        ("Los encuentros se llevan a cabo los días sábados de 9 a 13 hs", "0 9 * * 6"),
        ("o brechó da Liga está aberto diariamente das 13h às 17h.", "0 13 * * *"),
        ("De repetities beginnen elke maandagavond om 19.30 uur en duren tot 21.30 uur.",
         "30 19 * * 1"),
        ("Een thuiswedstrijd start zaterdagmiddag altijd om 15:00 uur en duurt tot 17:00 uur.",
         "0 15 * * 6"),
        ("Treffpunkt ist immer der erste Dienstag im Monat von 19.00 Uhr bis 22.00 Uhr.",
         "0 19 * * 2#1"),
        # the Nth weekday without "of the month"; twelve places are no noon
        ("-- Elke eerste zaterdag, 10:00, 12 plekken.", "0 10 * * 6#1"),
        # since January: how long it has been so, not a month it keeps to
        ("Neu ist seit Januar eine Strickgruppe, die sich montags um 18 Uhr trifft.",
         "0 18 * * 1"),
        # a day named in quotes after "los": the event's day
        ("Como cada semana se presentará los “Viernes de Danzón” a las 18:00 horas.",
         "0 18 * * 5"),
        # a day of the month with the reminder verbs
        ("Recuérdame todos los meses el día 15 pagar el recibo", "0 9 15 * *"),
        ("Erinnere mich jeden 1. an Miete", "0 9 1 * *"),
        ("tous les lundis matin genere un rapport", "0 9 * * 1"),
        ("Cron : tous les soirs à 03h30 (après le bump de version à 03h00)", "30 3 * * *"),
        # Chinese: the last Friday of every month, yesterday's news in the task
        ("每月最后一个周五 10:15", "15 10 * * 5L"),
        ("每月最后一个周五零点", "0 0 * * 5L"),
        ("提醒我每天早上 9 点汇总昨日新闻", "0 9 * * *"),
        ("🔔 每天上午8:30自动推送昨日新闻摘要", "30 8 * * *"),
    ],
)  # fmt: skip
def test_schedules_are_read(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_german_reminders() -> None:
    # few German words beside the verb: still German, and "an …" is what to remind of
    answer = read("erinnere mich in zwanzig Minuten an die Suppe")
    assert answer["schedule"]["datetime"] == "2026-01-14T10:20:00Z"
    assert answer["task"] == "die Suppe"
    answer = read("erinnere mich morgen um zehn an den Arzt")
    assert answer["schedule"]["datetime"] == "2026-01-15T10:00:00Z"
    assert once("Erinnere mich morgen um 16 Uhr an die schwarze Mülltonne") == (
        "2026-01-15T16:00:00Z"
    )


def test_spanish_dates_and_avisame() -> None:
    answer = read("avísame el 1 de noviembre que renueve el seguro del carro")
    assert answer["schedule"]["datetime"] == "2026-11-01T09:00:00Z"
    assert once("Asamblea vecinal 2 de Julio las 19:00") == "2026-07-02T19:00:00Z"
    assert asks("Luego avísame el resultado.")


def test_every_other_week_in_german() -> None:
    answer = read("Jeden zweiten Mittwoch um Punkt 8:15 liefern wir funktionierende Software aus.")
    assert answer["schedule"]["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=8")
    # "im Monat" after it: the second Tuesday of the month
    answer = read("Jeden zweiten Dienstag im Monat")
    assert answer["schedule"]["expression"] == "0 9 * * 2#2"


def test_japanese_month_day_dates() -> None:
    answer = read("9/7の13:30~16:30(@宮城県武道館)")
    assert answer["schedule"]["datetime"] == "2026-09-07T13:30:00Z"
    assert once("12/26(土)13:00-15:00") == "2026-12-26T13:00:00Z"
    # 14 July 2026 is a Tuesday, not a Sunday: not said so
    assert asks("7/14(日)11:00-13:00@信篤")


@pytest.mark.parametrize(
    "text",
    [
        "※3/20は大口台小体育館が使用できませんのでご注意ください",
        "館内設備の定期メンテナンスのため、3月25日（月）は休館いたします。",
        "毎週月曜日は休館日です。",
        "想要7点01到7点59执行一次，但貌似不会生效",
    ],
)
def test_notices_and_reports_are_refused(text: str) -> None:
    assert read(text)["schedule"] is None


def test_notice_words() -> None:
    assert cjk.notice("本日は休館日です") == "休館"
    assert cjk.notice("毎週月曜日 9時") is None
    assert cjk.notice("every Monday at 9") is None


def test_translations() -> None:
    assert translation.to_english("Jeden zweiten Mittwoch um 8:15", "German") == (
        "every other wednesday at 8:15"
    )
    assert translation.language_of("erinnere mich morgen um zehn an den Arzt") == "German"
    assert cjk.to_english("毎月最終金曜日 18時") == "the last Friday of every month at 18:00"


def test_a_count_after_a_list_of_times() -> None:
    assert cron("every first saturday, 10:00, 12 places") == "0 10 * * 6#1"
    assert cron("every day at 8, 12, 16 and 20") == "0 8,12,16,20 * * *"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("jeden " * 1200 + "1.", "German"),
        ("los días " * 800 + "viernes de 17 a", "Spanish"),
        ("tous les mois le " * 500 + "15", "French"),
        ("elke eerste " * 800 + "zaterdag tot", "Dutch"),
    ],
)
def test_hostile_inputs_stay_fast(text: str, language: str) -> None:
    translation.to_english("1", language)  # the lexicon is built once, before timing
    start = time.process_time()
    translation.to_english(text, language)
    assert time.process_time() - start < 2.0


def test_hostile_cjk_stays_fast() -> None:
    # the new rules alone (the whole of cjk.to_english is slower on such texts already)
    text = "9/7の" * 600 + "昨日" * 600 + "每月最后一个" * 300 + "7/14(日" * 300
    marks = ("最后", "/(", "(?:昨天|昨日)(?=")
    rules = [rule for rule, _ in cjk._COMPILED if any(m in rule.pattern for m in marks)]
    assert len(rules) == 5  # (and round seventeen's "每月最后一天", the last day of the month)
    start = time.process_time()
    for rule in rules:
        rule.sub(" ", text)
    cjk.notice(text)
    assert time.process_time() - start < 2.0


def test_spoken_clock_said_in_english() -> None:
    # "Viertel nach sieben" is 7:15 in the morning or the evening: asked, as "quarter past 7"
    answer = read("erinnere mich um Viertel nach sieben ans Radio")
    assert answer["needs_confirmation"]
    assert translation.to_english("um halb sieben", "German") == "at half past 6"
    assert translation.to_english("om kwart voor 8", "Dutch") == "at quarter to 8"
    assert once("Weck mich morgen um halb sieben") == "2026-01-15T06:30:00Z"  # waking: morning
    assert cron("Jeden Mittwoch um Viertel vor Elf probt der Hauschor.") == "45 10 * * 3"


@pytest.mark.parametrize(
    "text",
    [
        # an event announced: asked, as English's "will be held"
        "– Msze Święte zostaną odprawione w pierwszą niedzielę lipca i pierwszą niedzielę "
        "sierpnia o godz. 10:00",
        "Le balayage aura lieu tous les jours à 08h00.",
        "La campaña se llevará a cabo los días 5 y 6 de octubre de 8:00 AM a 4:00 PM.",
        # the dates it introduces are not in the text
        "Die geplanten Termine für die nächsten Monate – jeweils Freitag um 10 Uhr – sind:",
        # a farewell
        "Also bis Sonntag um Viertel nach neun am Marktplatz!",
    ],
)
def test_statements_ask(text: str) -> None:
    assert asks(text)


def test_polish_nth_weekday_of_a_month() -> None:
    assert translation.to_english("w pierwszą niedzielę lipca", "Polish") == (
        "the first sunday of july"
    )
    assert translation.announced("zostaną odprawione", "Polish") == "zostaną"
    assert translation.announced("tous les jours à 8h", "French") is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Samedi 15h-18h (2ème et 4ème samedis du mois)", "0 15 * * 6#2,6#4"),
        ("Permanences : le 2ème et 4ème vendredi de chaque mois de 14h à 16h", "0 14 * * 5#2,5#4"),
        ("2ème et 4ème mardis du mois à 20h : café philo", "0 20 * * 2#2,2#4"),
        ("Mardi 14h-17h        Machine Learning", "0 14 * * 2"),
    ],
)
def test_french_ordinals_in_digits_and_ranges_with_h(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_once_a_week_in_chinese() -> None:
    # "每周一次" is once a week, not Monday ("周一"); "一周购物提醒" a weekly reminder
    assert cron("每周一次提醒记录体重和腰围") == "0 9 * * 3"
    assert cron("设置一个一周购物提醒。") == "0 9 * * 3"
    assert cron("每周一提醒我开会") == "0 9 * * 1"


def test_german_day_and_its_part_in_one_word() -> None:
    assert cron("Jeden Donnerstagabend um 19:30 Uhr im Gemeindesaal.") == "30 19 * * 4"
    assert cron("montagabends um 20 Uhr Chor") == "0 20 * * 1"
    answer = read("Am Freitagnachmittag um 15 Uhr Meeting")
    assert answer["schedule"]["datetime"] == "2026-01-16T15:00:00Z"  # that Friday, not today
    # an event's start told ("beginnt"): once, or every week? asked
    assert asks("Das Konzert beginnt Samstagabend um 19 Uhr.")
