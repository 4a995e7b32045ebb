"""Round thirteen's languages (parsers/translation.py, cjk.py; the phrases in other people's
words are in tests/parsers/outside/t13_languages_*.txt): Russian and Korean read by saying their
schedule words in English; French and Spanish ranges of hours and habitual days ("le mardi de 14
à 18 heures", "los lunes y jueves de 19 a 21 hs."); Chinese bug reports that carry a time
refused; a word about time left unread still refuses the text (never half-read)."""

from __future__ import annotations

import asyncio

import pytest

from agentcron.parsers import cjk, translation, understand
from agentcron.parsers.languages import foreign_language
from tests.parsers.reading import NOW, brief, cron, read


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("каждый понедельник в 9:00", "every monday at 9:00"),
        ("по будням в 8:30 работа", "on weekdays at 8:30 работа"),
        ("пн ср пт в 10:00 тренировка", "on Mon, Wed and Fri at 10:00 тренировка"),
        ("напомни через полчаса позвонить маме", "remind me in 30 minutes позвонить маме"),
        ("каждые 2 часа встать", "every 2 hours встать"),
        ("каждую пятницу в 7 вечера кино", "every friday at 7 pm кино"),
        ("установи таймер на 1 час и 15 минут", "set a timer for 1 hour and 15 minutes"),
    ],
)
def test_russian_schedule_words_are_said_in_english(text: str, english: str) -> None:
    assert translation.language_of(text) == "Russian"
    assert translation.to_english(text, "Russian") == english


@pytest.mark.parametrize(
    "text",
    [
        "каждый день ночью",  # at night: not read
        "уведоми, если ночью ожидается ниже -10",
        "на следующей неделе в 9:00",  # next week: which day?
    ],
)
def test_a_russian_time_word_left_unread_refuses(text: str) -> None:
    assert translation.to_english(text, "Russian") is None
    answer = read(text)
    assert answer["schedule"] is None
    assert answer["reason"] == "the text is in Russian; schedules are read in English"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("каждый день в 9:00 зарядка", "0 9 * * *"),  # was once, today at 9 (its digits)
        ("каждый понедельник в 10 планёрка", "0 10 * * 1"),
        ("По понедельникам, средам и пятницам тренировка в 19:00", "0 19 * * 1,3,5"),
        ("Это перезапускает nginx каждый понедельник в 3:00", "0 3 * * 1"),
        ("DAG запускается каждый день в 07:00", "0 7 * * *"),  # not Dutch "dag"
        ("каждое воскресенье в 8 пробежка", "0 8 * * 0"),
    ],
)
def test_russian_schedules_are_read(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    "text",
    [
        "Я каждый день в 19:00 гуляю с собакой",  # a habit told: as "I walk the dog every day…"
        "7 дней назад",  # the past
        "вчера в 9:00",
        "в прошлый вторник",
    ],
)
def test_russian_statements_and_the_past_are_not_schedules(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


def test_a_bots_command_with_its_task_in_russian_is_still_english() -> None:
    assert foreign_language("/remind +30m выпить воды") is None
    assert translation.language_of("/remind +30m выпить воды") is None


@pytest.mark.parametrize(
    ("said", "number"),
    [("12", 12), ("세", 3), ("다섯", 5), ("열두", 12), ("이십", 20), ("삼십오", 35), ("십", 10)],
)
def test_korean_numbers(said: str, number: int) -> None:
    assert cjk.ko_number(said) == number


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("매일 오전 9시", "every day at 9 am"),
        ("매주 월요일 오전 9:00에 설문 생성", "every Monday at 9 am 설문 생성"),
        ("10분마다", "every 10 minutes"),
        ("30분 후에 알려줘", "in 30 minutes remind me"),
        ("오후세시반", "at 3:30 pm"),
        ("내일 저녁다섯시", "tomorrow at 5 pm"),
        ("두 시간 뒤 엄마한테 전화", "in 2 hours 엄마한테 전화"),
        ("타이머 5분", "timer for 5 minutes"),
    ],
)
def test_korean_schedule_words_are_said_in_english(text: str, english: str) -> None:
    assert cjk.has_schedule_words(text)
    assert cjk.to_english(text) == english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("매일 오전 9시에 마감 임박 공고 알림을 발송함", "0 9 * * *"),
        ("매주 월요일 오전 2시", "0 2 * * 1"),
        ("마감 알림 스케줄러 시작 (5분마다 실행)", "*/5 * * * *"),
        ("매일 오후 5시", "0 17 * * *"),
        ("오후 3시에 알람", "2026-01-14T15:00:00Z"),
        ("10분 후에 알려줘", "2026-01-14T10:10:00Z"),
    ],
)
def test_korean_schedules_are_read(text: str, expected: str) -> None:
    answer = read(text)
    assert brief(answer) == expected
    assert "read from Korean as" in " ".join(answer["notes"])


@pytest.mark.parametrize(
    "text",
    [
        "몇 분 후에 알려줘",  # in a few minutes: how many?
        "이번 주 일정 뭐 있어?",  # a question
        "어제 오후 3시",  # the past
        "1시간 전 알려줘",  # an hour before what?
    ],
)
def test_korean_that_is_not_a_schedule_is_refused(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"]


def test_korean_left_half_read_is_refused_with_a_note() -> None:
    answer = read("매주 월요일 오전 9시 다음 주부터")  # "from next week": not read
    assert answer["schedule"] is None
    assert answer["reason"] == "the text is in Korean; schedules are read in English"
    refused = asyncio.run(understand("매주 월요일 오전 9시 다음 주부터", timezone="UTC", now=NOW))
    assert refused.reason == answer["reason"]  # every way in reads the same


@pytest.mark.parametrize(
    "text",
    [
        "用了最新版本，设定了报时任务，23:00报完后，第二天就不报了。",
        "通过webui配置的任务定时时间未生效，还是默认18:00触发",
        "已经解决，默认应该是北京时间下午一点运行",
        "定时任务是'20 0,1 * * *'，为啥北京时间8点20的时候没有执行action？",
    ],
)
def test_a_chinese_report_of_a_run_is_no_schedule(text: str) -> None:
    assert cjk.reported(text) is not None
    assert read(text)["schedule"] is None


def test_chinese_requests_are_no_reports() -> None:
    assert cjk.reported("每天晚上 6 点，提醒我：该写周报了。") is None
    assert cjk.reported("every day at 9") is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Le mardi de 14 à 18 heures, atelier poterie", "0 14 * * 2"),  # "le mardi": every Tuesday
        ("Il est rappelé que le mardi et jeudi à 14 heures se déroulent des jeux", "0 14 * * 2,4"),
        ("ensaya los lunes y jueves de 19 a 21 hs. en el Cine Jardín.", "0 19 * * 1,4"),
        ("los martes a las 19:00", "0 19 * * 2"),  # "los martes": every Tuesday
        ("As reuniões ocorrerão todas as quartas-feiras às 19h", "0 19 * * 3"),  # not Spanish
        ("An jedem ersten Dienstag im Monat um 19 Uhr", "0 19 * * 2#1"),
        ("週次サマリー（金曜18時）", "0 18 * * 5"),
        ("正午のアラームを月曜日のみ設定する。", "0 12 * * 1"),  # "only on Mondays"
    ],
)
def test_ranges_and_habitual_days(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_french_day_with_its_date_is_one_day() -> None:
    answer = read("le mardi 20 janvier à 14h")
    assert answer["schedule"] is not None and answer["schedule"]["type"] == "at"


def test_a_statement_reads_as_its_english_does() -> None:
    # "The shop opens daily at 9:00" is answered, and so are its German and Russian
    assert brief(read("The shop opens daily at 9:00")) == "0 9 * * *"
    assert brief(read("Der Laden öffnet täglich um 9 Uhr")) == "0 9 * * *"
    assert brief(read("Магазин открывается каждый день в 9:00")) == "0 9 * * *"


def test_english_does_not_pay_for_the_new_languages() -> None:
    text = "remind me every weekday at 9am to check the build"
    assert not translation.may_be_foreign(text)
    assert not cjk.has_schedule_words(text)
    assert cjk.reported(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("todos los días a las 9, pero no los domingos", "0 9 * * 1-6"),  # was Sundays only
        ("por exemplo, às segundas-feiras às 18:00 e quintas-feiras às 21:00", None),  # two
        ("例: 毎週金曜 21:00-22:00", "0 21 * * 5"),  # a range: from its start, not 21 and 22
        ("设置一个闹钟在下午6：50", "2026-01-14T18:50:00Z"),
        ("提醒我八月21号下午3点去看医生", "2026-08-21T15:00:00Z"),
        ("设置2个小时的闹钟", "2026-01-14T12:00:00Z"),
        ("今から1時間アラームを設定する。", "2026-01-14T11:00:00Z"),
    ],
)
def test_more_chinese_japanese_and_romance_forms(text: str, expected: str | None) -> None:
    answer = read(text)
    if expected is None:
        assert answer["schedule"] is None or answer["needs_confirmation"]
    else:
        assert answer["schedule"] is not None, answer["reason"]
        assert expected in (
            answer["schedule"].get("expression"),
            answer["schedule"].get("datetime"),
        )


def test_a_title_in_corner_brackets_is_named_not_read() -> None:
    english = cjk.to_english("リマインダー「火曜日の夜にヨガ」を明日に設定する")
    assert english is not None and '"火曜日の夜にヨガ"' in english and "tomorrow" in english
    # the whole text in brackets is the schedule itself
    assert cjk.to_english("「毎日 9:00 にレポート」") == "「 every day 9:00 にレポート」"


def test_but_and_normally_are_said_in_english() -> None:
    text = "Reunião de pipeline ocorre às segundas-feiras às 9h, mas 60% do time falta."
    assert "but" in (translation.to_english(text, "Portuguese") or "")
    assert read(text)["schedule"] is None  # as "… on Mondays at 9, but 60% miss it"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Почему задача не запустилась в 9:00?", "Почему"),
        ("Задача запускалась каждый день в 3:00", "запускалась"),
        ("Каждый понедельник в 9:00 приходило уведомление, а теперь нет", "приходило"),
    ],
)
def test_a_russian_report_of_a_run_is_no_schedule(text: str, said: str) -> None:
    assert translation.reported(text) == said
    assert read(text)["schedule"] is None


def test_a_russian_request_in_the_past_form_after_chtoby_is_read() -> None:
    assert translation.reported("Сделай так, чтобы задача запускалась каждый день в 3:00") is None


@pytest.mark.parametrize(
    "text",
    [
        "매일 오전 9시에 실행되어야 하는데 실행되지 않습니다",  # it does not run
        "왜 매일 오전 9시에 알림이 안 와요?",  # why does it not come
        "어제 오후 3시에 알람이 울렸어요",  # it rang yesterday
    ],
)
def test_a_korean_report_of_a_run_is_no_schedule(text: str) -> None:
    assert cjk.reported(text) is not None
    assert read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tous les jours sauf le dimanche à 9h", "0 9 * * 1-6"),  # "sauf": except (was Sundays)
        ("todos los días excepto los domingos a las 9", "0 9 * * 1-6"),
        ("Mardi dernier, la réunion a eu lieu de 14h à 16h", None),  # last Tuesday: the past
        ("enfants de 6 à 12 ans le mercredi à 14h", "0 14 * * 3"),  # "à 12 ans" is no time
        ("La fête aura lieu de 14h à 18h", None),  # a range with no day: not read as one
    ],
)
def test_except_last_and_ranges_only_after_a_day(text: str, expected: str | None) -> None:
    answer = read(text)
    if expected is None:
        assert answer["schedule"] is None or answer["needs_confirmation"]
    else:
        assert answer["schedule"] is not None and answer["schedule"]["expression"] == expected


def test_russian_with_an_english_sentence_around_it_is_still_russian() -> None:
    text = "As discussed with the team, Завтра в 15:00 собеседование"
    assert translation.language_of(text) == "Russian"  # was read from its digits: today at 15
    assert read(text)["schedule"]["datetime"] == "2026-01-15T15:00:00Z"
