"""Round seven: short one-offs and the shorthand of reminder bots and to-do apps — an amount
of time before the task ("1 hour Pick up Jenn", "set getlaundry 1 hour 3 mins"), bot option
syntax ("/remind me when: 5m message: …", "/reminder every time:10m …"), a time to the second
("17:25:30"), a greeting's holiday ("Merry Christmas"), "eoy", "teatime", "due:2days"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agentcron.parsers.botcommand import plain_command
from agentcron.parsers.understand import lead_delay

from .reading import NOW, asks, cron, once, read


def _at(delta: timedelta) -> str:
    return (NOW + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- an amount of time before the task ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delta", "task"),
    [
        ("1 hour Pick up Jenn", timedelta(hours=1), "Pick up Jenn"),
        ("3 days Call accountant", timedelta(days=3), "Call accountant"),
        ("30 minute Water the plants", timedelta(minutes=30), "Water the plants"),
        ("2h30m Check the oven", timedelta(minutes=150), "Check the oven"),
        ("an hour Move the car", timedelta(hours=1), "Move the car"),
    ],
)
def test_an_amount_before_a_capitalised_task_is_how_long_from_now(
    text: str, delta: timedelta, task: str
) -> None:
    assert once(text) == _at(delta)
    assert read(text)["task"] == task


@pytest.mark.parametrize("text", ["1 hour meeting", "45 min run", "set getlaundry 1 hour 3 mins"])
def test_an_amount_before_a_lower_case_task_may_be_its_length_and_asks(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is not None and answer["schedule"]["type"] == "at"
    assert answer["needs_confirmation"]


def test_a_bots_set_name_amount_is_a_delay() -> None:
    answer = read("set getlaundry 1 hour 3 mins")
    assert answer["schedule"]["datetime"] == _at(timedelta(minutes=63))
    assert once("set timer 10 minutes") == _at(timedelta(minutes=10))


@pytest.mark.parametrize(
    "text",
    [
        "2 hours 15 minutes",  # an amount alone: in, or every?
        "3 days and 4 hours",
        "1 hour, 30 minutes",
        "30 minutes every morning stretch",  # the rest names its own time
        "2 hours before the meeting call Sam",
        "3 hours hence",
        "10 Downing Street",
    ],
)
def test_other_texts_are_no_quick_entry(text: str) -> None:
    assert lead_delay(text) is None


@pytest.mark.parametrize("text", ["3 days and 4 hours", "1 hour, 30 minutes", "2 hours 15 minutes"])
def test_an_amount_alone_is_asked_about_in_every_window(text: str) -> None:
    from datetime import UTC, datetime

    from agentcron.parsers import understand_fast

    for now in (NOW, datetime(2026, 3, 7, 23, 40, tzinfo=UTC)):
        answer = understand_fast(text, now=now)
        assert answer.schedule is None or answer.needs_confirmation


# -- bots' commands -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delta", "task"),
    [
        ("/remindme 1y Hello future me", timedelta(days=365), "Hello future me"),
        ("reminder 2 hours stretch your legs", timedelta(hours=2), "stretch your legs"),
        ("reminder 2h stretch", timedelta(hours=2), "stretch"),
        ("/remind 1d30m Daily standup", timedelta(days=1, minutes=30), "Daily standup"),
        ("/remind me when: 5m  message: Check the oven", timedelta(minutes=5), "Check the oven"),
        ("/remind #ops when: 5m message: deploy", timedelta(minutes=5), "deploy"),
        ("task add Birthday party due:2days", timedelta(days=2), None),
    ],
)
def test_bot_shorthand_is_a_delay(text: str, delta: timedelta, task: str | None) -> None:
    assert once(text) == _at(delta)
    if task is not None:
        assert read(text)["task"] == task


def test_a_bots_message_after_its_time_is_the_message() -> None:
    assert plain_command("/remind 1d30m Daily standup") == 'in 1d30m "Daily standup"'
    assert plain_command("/remindme 45m stretch your legs") == "remind me in 45m stretch your legs"


def test_every_before_options_makes_the_time_a_repeat() -> None:
    assert cron("/reminder every time:10m content:Stretch break") == "*/10 * * * *"
    assert cron("/reminder every time:daily content:Daily standup") == "0 9 * * *"
    assert asks("/reminder every time:weekly content:Team meeting")


@pytest.mark.parametrize("text", ["the reminder 2 hours late"])
def test_a_plain_word_is_still_no_command(text: str) -> None:
    assert plain_command(text) == text


# -- a time to the second -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("17:25:30", "2026-01-14T17:25:30Z"),
        ("10:25:10am", "2026-01-14T10:25:10Z"),
        ("@RemindBot 22:33:44 message", "2026-01-14T22:33:44Z"),
        ("at 18:20:05 tomorrow", "2026-01-15T18:20:05Z"),
        ("in 3 days at 10:30:15", "2026-01-17T10:30:15Z"),
    ],
)
def test_one_run_at_a_second_is_kept_and_asked_about(text: str, instant: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]
    assert "to the second" in " ".join(answer["notes"])
    assert answer["human_readable"].split(" at ")[1].startswith(instant[11:19])


@pytest.mark.parametrize(
    "text", ["every day at 23:30:15", "at 10:30:15 and 11:00", "every 10 minutes from 9:00:20"]
)
def test_a_repeating_schedule_at_a_second_is_refused(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None
    assert "whole minutes" in answer["reason"]


def test_zero_seconds_are_the_minute() -> None:
    assert once("tomorrow at 9:00:00") == "2026-01-15T09:00:00Z"


# -- words that are no time -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant", "task"),
    [
        ("/remind @User 24 dec Merry Christmas", "2026-12-24T09:00:00Z", "Merry Christmas"),
        ("remind me 24 dec Happy new year", "2026-12-24T09:00:00Z", "Happy new year"),
    ],
)
def test_a_greetings_holiday_is_the_message(text: str, instant: str, task: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["task"] == task


@pytest.mark.parametrize("text", ["Merry Christmas", "Happy Thanksgiving"])
def test_a_greeting_alone_is_no_schedule(text: str) -> None:
    assert read(text)["schedule"] is None


def test_a_holiday_without_a_greeting_is_still_read() -> None:
    assert once("remind me to say happy thanksgiving on thanksgiving at 9am") == (
        "2026-11-26T09:00:00Z"
    )


@pytest.mark.parametrize(
    "text",
    [
        "/remind @User eoy Happy new year",
        "pay rent eom",
        "eoy",
        "teatime tomorrow",
        "bedtime tonight",
    ],
)
def test_vague_times_ask(text: str) -> None:
    assert asks(text)


# -- "start" before one day, Slack's "to" and a message, other scripts, countdowns ----------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("start tomorrow @15", "2026-01-15T15:00:00Z"),
        ("start monday at 10am", "2026-01-19T10:00:00Z"),
    ],
)
def test_start_before_one_day_is_the_run(text: str, instant: str) -> None:
    assert once(text) == instant


def test_starting_alone_is_still_a_start_date() -> None:
    assert read("starting tomorrow")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression", "task"),
    [
        (
            "/remind #general every weekday at 4pm to What did you do or learn today?",
            "0 16 * * 1-5",
            "What did you do or learn today?",
        ),
        ("/remind #ops every day at 9am to Post the status", "0 9 * * *", "Post the status"),
    ],
)
def test_to_and_a_capital_after_a_whole_schedule_open_the_message(
    text: str, expression: str, task: str
) -> None:
    assert cron(text) == expression
    assert read(text)["task"] == task


def test_to_between_days_is_no_message() -> None:
    assert cron("/remind me every Monday to Friday at 9am to stand up") == "0 9 * * 1-5"
    assert plain_command("/remind me tomorrow to Check X at 5pm") == (
        "remind me tomorrow to Check X at 5pm"
    )


def test_a_japanese_day_is_read_and_one_left_in_the_task_asks() -> None:
    # 金曜 (Friday) is read since round twelve (parsers/cjk.py); 月末 (the month's end) is not
    assert not asks("/remind #dev-general 金曜 17:00 週報を書こう")
    assert asks("/remind #dev-general 月末 17:00 週報を書こう")
    assert once("/remind @sato 会議の時間です in 5 minutes") == _at(timedelta(minutes=5))


@pytest.mark.parametrize("text", ["count down 10 minutes", "countdown 10 min"])
def test_a_countdown_is_a_delay(text: str) -> None:
    assert once(text) == _at(timedelta(minutes=10))


# -- a day named beside a frequency starts the series ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["/remind Meeting tomorrow 10am daily", "tomorrow 10am daily", "tomorrow at 10am every day"],
)
def test_tomorrow_before_daily_starts_a_daily_series_tomorrow(text: str) -> None:
    from datetime import UTC, datetime

    from agentcron.parsers import understand_fast

    early = datetime(2026, 1, 14, 7, 0, tzinfo=UTC)
    schedule = understand_fast(text, now=early).schedule
    assert schedule is not None
    assert schedule["expression"] == "0 10 * * *"
    assert schedule["start_at"] == "2026-01-15T00:00:00Z"


@pytest.mark.parametrize("text", ["every day at 9am and tomorrow", "today at 11 and every day"])
def test_a_day_added_with_and_still_clashes(text: str) -> None:
    assert read(text)["schedule"] is None


def test_a_date_and_weekly_start_a_weekly_series_on_its_weekday_and_ask() -> None:
    answer = read("7/31 11:30 @weekly Meet Joe for lunch at KFC")
    assert answer["schedule"]["expression"] == "30 11 * * 5"  # July 31, 2026 is a Friday
    assert answer["schedule"]["start_at"] == "2026-07-31T00:00:00Z"
    assert answer["needs_confirmation"]
    assert answer["task"] == "Meet Joe for lunch at KFC"


def test_a_weekday_and_tomorrow_still_clash() -> None:
    assert read("every monday tomorrow")["schedule"] is None


def test_a_number_written_onto_an_unknown_word_is_a_word_of_the_task() -> None:
    from agentcron.parsers.tokens import tokenize

    assert [t.value for t in tokenize("in 2h 2os dawafry")][-2:] == ["2os", "dawafry"]
    assert once("/remindme in 2h 2os dawafry") == _at(timedelta(hours=2))
    assert [t.kind for t in tokenize("in 5mins")][1:] == ["num", "unit"]


@pytest.mark.parametrize(
    "text",
    [
        "/remind будни 08:00 пробежка",  # weekdays
        "/remind завтра 09:00 Врач",  # tomorrow
        "/remind пн,ср,пт 19:00 спортзал",  # Mon, Wed, Fri
    ],
)
def test_days_in_other_scripts_left_in_the_task_ask(text: str) -> None:
    assert asks(text)


def test_korean_days_are_read_since_round_thirteen() -> None:
    # "매일" (every day) was left in the task and asked; Korean is read now (cjk.py)
    answer = read("/remind 매일 09:00 물 마시기")
    assert answer["schedule"] is not None and answer["schedule"]["expression"] == "0 9 * * *"


def test_a_task_in_another_script_with_no_time_in_it_is_read() -> None:
    assert once("/remind +30m выпить воды") == _at(timedelta(minutes=30))
    assert once("/remind 13:00 обед") == "2026-01-14T13:00:00Z"


@pytest.mark.parametrize(
    "text", ["15-minute Call with Sam", "30-minute Workout", "2-hour Meeting Prep"]
)
def test_a_hyphenated_amount_says_how_long_not_when(text: str) -> None:
    assert lead_delay(text) is None
    answer = read(text)
    assert answer["schedule"] is None
    assert not answer["task"].startswith("in ")


# -- weekdays listed in the singular, nothing else ------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("friday and saturday", "FREQ=WEEKLY;BYDAY=FR,SA;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=2"),
        ("mon, wed", "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=2"),
    ],
)
def test_singular_days_alone_are_the_next_of_each_once_and_ask(text: str, rule: str) -> None:
    answer = read(text)
    assert answer["schedule"]["rule"] == rule
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("tuesdays and thursdays", "0 9 * * 2,4"),
        ("every friday and saturday", "0 9 * * 5,6"),
        ("Mon/Wed/Fri", "0 9 * * 1,3,5"),
        ("mon wed fri", "0 9 * * 1,3,5"),
        ("friday and saturday at 3pm", "0 15 * * 5,6"),
        ("everys Monday, Wednesday and Friday", "0 9 * * 1,3,5"),
    ],
)
def test_other_day_lists_still_repeat(text: str, expression: str) -> None:
    assert read(text)["schedule"]["expression"] == expression


def test_a_weekend_day_then_weekend_is_that_day_once() -> None:
    assert once("!remind saturday weekend!") == "2026-01-17T09:00:00Z" or asks(
        "!remind saturday weekend!"
    )
    assert read("saturday weekend")["schedule"]["datetime"] == "2026-01-17T09:00:00Z"
    assert read("saturday and weekends")["schedule"]["expression"] == "0 9 * * 6,0"
