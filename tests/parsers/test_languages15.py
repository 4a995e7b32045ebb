"""Round fifteen's languages (parsers/translation.py, cjk.py; the phrases in other people's words
are in tests/parsers/outside/t15_languages15_*.txt): ranges of days and days of the month in
Portuguese listings, French days in the plural joined by "et" (no Eastern Time), Russian hours
and minutes said in words, Dutch evenings and ranges, German "nach der 15 Uhr – Messe", Chinese
and Japanese every N days, the 2nd and 4th Friday, seconds in a time, status lines, and what
happens told (the Dutch and Polish past, "llega un mensaje")."""

from __future__ import annotations

import pytest

from agentcron.parsers import cjk, translation
from tests.parsers.reading import asks, cron, once, read


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Terça a Sexta-feira: 19:00 (Matriz)", "0 19 * * 2-5"),  # a range, not two days
        ("Missas: Segunda a Sexta, 7h30", "30 7 * * 1-5"),
        ("Terço: Dia 13 de cada mês, 21:30 (Matriz)", "30 21 13 * *"),
        ("Adoração: Quinta-feira, 10:00 - 21:00 (Matriz)", "0 10 * * 4"),
        ("envoi les mardis et jeudis à 19h", "0 19 * * 2,4"),  # "et" is no zone
        ("каждый день в 9 часов утра 38 минут", "38 9 * * *"),
        ("каждый день в 9 часов 15 минут", "15 9 * * *"),
        ("каждый день в 7 часов 30 минут вечера", "30 19 * * *"),
        ("Maandagavond is onze vaste oefenavond, we oefenen van 8 tot 11 uur.", "0 20 * * 1"),
        ("De kaarting is iedere eerste zaterdag van de maand vanaf 18 uur.", "0 18 * * 6#1"),
        ("この会は、月2回(第2、第4金曜日)午後1時30分に集合し", "30 13 * * 5#2,5#4"),
        ("例如：每个工作日下午18:20:00提醒我还有十分钟下班", "20 18 * * 1-5"),
        (
            "希望能加个定时任务，每天早上7点自动发送一条消息，这样下午一上班就刷新5小时额度了",
            "0 7 * * *",
        ),
    ],
)
def test_schedules_are_read(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_every_n_days_in_chinese() -> None:
    answer = read("我寻思可以每六天的 0 点触发")
    assert answer["schedule"]["rule"].startswith("FREQ=DAILY;INTERVAL=6;BYHOUR=0;BYMINUTE=0")


def test_a_german_day_said_once() -> None:
    assert once("Mittwoch, 18.30 Uhr.") == "2026-01-14T18:30:00Z"  # "mittwochs" is every week
    assert cron("mittwochs 18.30 Uhr") == "30 18 * * 3"


def test_this_wednesday_afternoon_in_spanish() -> None:
    answer = read("La actividad se desarrollará en la tarde de este miércoles a las 18.00 horas.")
    assert answer["schedule"]["datetime"] == "2026-01-14T18:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        # after the 3pm mass: not at 3pm
        "ebenfalls mittwochs nach der 15 Uhr – Messe zu Doppelkopf und Skat",
        "Om 6 uur was ik al wakker.",  # the Dutch past
        "Ponieważ o 21:00 zamykano Bibliotekę, większość przeniosła się do klubu.",
        "Todos los días a las 00:00 llega un mensaje al grupo de Telegram que dice:",
        "修改定时时间为 23：10",  # a job's time changed
        "当前时间：`2026-08-05 01:03:00`",  # a status line
        "**预期**下次执行时间：`2026-08-05 01:10:00`",
    ],
)
def test_statements_and_changes_ask_or_are_refused(text: str) -> None:
    assert asks(text)


def test_what_happens_told() -> None:
    assert translation.happens_told("Jeden Morgen um 7 bekomme ich eine Mail", "German")
    assert translation.happens_told("Erinnere mich jeden Morgen um 7", "German") is None
    assert translation.told_in_the_past("Przypomnij mi jutro o 9 rano", "Polish") is None
    assert translation.told_in_the_past("Szkoła codziennie o 8", "Polish") is None


def test_status_lines_are_reported() -> None:
    assert cjk.reported("下次执行时间：2026-08-05 01:10:00") == "下次执行时间"
    assert cjk.reported("每天早上7点提醒我") is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("dienstags bis donnerstags um 9 Uhr", "0 9 * * 2-4"),  # a range, not two days
        ("Montag-Freitag um Mitternacht", "0 0 * * 1-5"),
        ("Am 1. jeden Monats um 14:15", "15 14 1 * *"),
        ("El día 1 de cada mes a las 0:00", "0 0 1 * *"),  # not today's day of the month
        ("Primer día de cada mes a medianoche", "0 0 1 * *"),
        ("Le 1er de chaque mois à minuit", "0 0 1 * *"),
        ("Executar a tarefa no primeiro dia de cada mês as 00h00", "0 0 1 * *"),
        ("Executar a tarefa todo mês no dia 04 às 15 horas", "0 15 4 * *"),
        ("Todas as segundas-feiras às 6h da manhã", "0 6 * * 1"),
        ("Tous les soirs à Minuit, le vaisseau repart", "0 0 * * *"),  # no evening at 12am
        ("每月 1 号午夜执行", "0 0 1 * *"),
        ("每周五下午 5 点生成本周工作报告", "0 17 * * 5"),  # this week's report: the task's
        ("규민이는 매주 금요일 16시에 직접 픽업하겠습니다", "0 16 * * 5"),  # 겠: will, not the past
    ],
)
def test_more_schedules_are_read(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_zones_said_the_way_countries_say_them() -> None:
    answer = read("enviado todas as segundas-feiras às 8h (horário de Brasília).")
    assert answer["schedule"]["timezone"] == "America/Sao_Paulo"
    assert read("Elke vrijdag om 17:00 Brussel.")["schedule"]["timezone"] == "Europe/Brussels"


def test_remind_that_long_before() -> None:
    assert once("Завтра в 15:00 созвон с Олей, напомни за 10 минут") == "2026-01-15T14:50:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "Przypominamy, że przychodnia jest czynna od poniedziałku do piątku od 08:00 do 20:00.",
        "Otwarte codziennie od 13:00.",
        "Onze keuken sluit iedere dag om 22:00",
        "Admin wil recurring events aanmaken (bijv. elke vrijdag om 20:00).",  # an example
        "Jeden Freitag um etwa 23:50 Uhr werden die Punkte minimiert",  # about 23:50
        "毎週月曜日の10時から1時間、オンラインで朝会",  # said as a meeting: asked
    ],
)
def test_hours_examples_and_hedges_ask(text: str) -> None:
    assert asks(text)
