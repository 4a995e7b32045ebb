"""Whole sentences: the schedule inside a command, with its task and target."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from agentcron.app.cli import main
from agentcron.parsers import split_command, understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression", "task", "target"),
    [
        ("remind me every morning at 8 to check the build", "0 8 * * *", "check the build", "me"),
        (
            "/remind #team to update the status every Monday at 9am",
            "0 9 * * 1",
            "update the status",
            "#team",
        ),
        ("Run at 9 AM on weekdays", "0 9 * * 1-5", None, None),
        ("/remind me to drink water at 3pm every day", "0 15 * * *", "drink water", "me"),
        (
            "Post a motivational quote to #general every Monday at 9am",
            "0 9 * * 1",
            "Post a motivational quote",
            "#general",
        ),
        (
            "Can you remind me every Monday at 10am to submit my timesheet?",
            "0 10 * * 1",
            "submit my timesheet",
            "me",
        ),
        (
            '/remind @sam "Check in with the team" every Friday at 4pm',
            "0 16 * * 5",
            "Check in with the team",
            "@sam",
        ),
        ("0 9 * * 1-5 check the nightly build", "0 9 * * 1-5", "check the nightly build", None),
        ("every weekday at 9am", "0 9 * * 1-5", None, None),
    ],
)
def test_a_command_gives_schedule_task_and_target(
    text: str, expression: str, task: str | None, target: str | None
) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule == {"type": "cron", "expression": expression, "timezone": "UTC"}
    assert (result.task, result.target) == (task, target)


def test_slack_channels_and_users_are_read_from_their_escaped_forms() -> None:
    result = understand_fast("<#C0123ABC|ops> post the report every Friday at 4pm", now=NOW)
    assert result.target == "C0123ABC"
    assert result.task == "post the report"
    assert split_command("remind <@U042|sam> every Friday at 4pm to file", now=NOW).channel is None


def test_a_cron_field_and_a_macro_are_not_targets() -> None:
    assert understand_fast("0 12 * * 1#1", now=NOW).target is None
    assert understand_fast("@daily", now=NOW).schedule is not None


def test_words_about_time_the_grammar_did_not_read_make_it_ask() -> None:
    result = understand_fast("every hour during the day", now=NOW)
    assert result.needs_confirmation
    assert any("the day" in note for note in result.notes)


def test_a_command_without_a_schedule_keeps_its_task() -> None:
    result = understand_fast("please deploy the app", now=NOW)
    assert result.schedule is None
    assert result.task == "deploy the app"
    assert result.reason == "could not find a schedule in the text"


def test_the_whole_sentence_is_read_in_linear_time() -> None:
    """A long text of words the grammar half-knows must not be read quadratically."""
    text = " ".join(["every", "the", "at", "on", "blue"] * 99)[:500]
    result = understand_fast(text, now=NOW)
    assert result.schedule is None or result.schedule["type"]


def test_cli_parse_prints_count_runs_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse", "remind me every day to stretch", "--now", "2026-01-14T10:00:00Z",
                 "--count", "3"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("\n  2026-") == 3
    assert "note: no time given; assumed 9:00 AM" in out
    assert "task: stretch" in out


def test_cli_parse_stdin_mode_takes_count(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("every 2 hours\nevery monday at 9am\n"))
    code = main(["parse", "-", "--now", "2026-01-14T10:00:00Z", "--count", "7"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [len(line["next_runs"]) for line in lines] == [7, 7]
    assert lines[1]["next_runs"][0] == "2026-01-19T09:00:00+00:00"


@pytest.mark.parametrize(("order", "month", "day"), [("MDY", 4, 5), ("DMY", 5, 4)])
def test_numeric_dates_follow_the_owners_date_order_and_say_so(
    order: str, month: int, day: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTCRON_DATE_ORDER", order)
    result = understand_fast("on 4/5/2027 at 9am", now=NOW)
    assert result.schedule is not None
    assert result.schedule["datetime"] == f"2027-{month:02d}-{day:02d}T09:00:00Z"
    assert any(f"AGENTCRON_DATE_ORDER={order}" in note for note in result.notes)
    # a date only one order can read needs no setting
    assert (
        understand_fast("on 25/12/2027 at 9am", now=NOW)
        .schedule["datetime"]
        .startswith("2027-12-25")
    )


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every wednesdy at 9am", "0 9 * * 3"), ("every satruday at 10am", "0 10 * * 6"),
     ("on the 1st of septmber every year at 8am", "0 8 1 9 *")],
)  # fmt: skip
def test_misspelled_day_and_month_names_are_read_and_noted(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None and result.schedule["expression"] == expression
    assert any("misspelling" in note for note in result.notes)


def test_a_word_far_from_any_name_is_never_guessed() -> None:
    result = understand_fast("every sundae at 9am", now=NOW)
    assert result.schedule is None or result.schedule.get("expression") != "0 9 * * 0"


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every Thanksgiving at 10am", "0 10 * 11 4#4"), ("every Memorial Day at noon", "0 12 * 5 1L"),
     ("every year on Labor Day", "0 9 * 9 1#1")],
)  # fmt: skip
def test_moving_holidays_repeat_by_the_rule_their_dates_follow(text: str, expression: str) -> None:
    result = understand_fast(text, timezone="America/New_York", now=NOW)
    assert result.schedule is not None and result.schedule["expression"] == expression


def test_a_holiday_once_is_its_next_date_and_easter_repeats_from_easter() -> None:
    once = understand_fast("on Thanksgiving at 8am", timezone="America/New_York", now=NOW)
    assert once.schedule is not None and once.schedule["datetime"] == "2026-11-26T13:00:00Z"
    # Easter follows no month's calendar rule: dateutil's BYEASTER (days from Easter Sunday)
    easter = understand_fast("every Easter at 10am", now=NOW)
    assert easter.schedule is not None
    assert easter.schedule["rule"].startswith("FREQ=YEARLY;BYEASTER=0;BYHOUR=10;")


def test_us_market_hours_are_the_new_york_session() -> None:
    hourly = understand_fast("every hour during US market hours", now=NOW)
    assert hourly.schedule == {
        "type": "cron",
        "expression": "30 9-15 * * 1-5",
        "timezone": "America/New_York",
    }
    # 9:30 to 4pm cannot be every 5 minutes in one cron expression: never stretched, but a
    # daily rule that lists the session's times (test_t8_windows)
    five = understand_fast("every 5 minutes during US market hours", now=NOW).schedule
    assert five is not None and five["type"] == "rrule" and "BYSETPOS=" in five["rule"]


def test_a_frequency_naming_a_thing_stays_in_the_task_unless_it_is_the_schedule() -> None:
    report = understand_fast("every Monday post the weekly report at 9am", now=NOW)
    assert report.schedule is not None and report.schedule["expression"] == "0 9 * * 1"
    assert report.task == "post the weekly report"
    backup = understand_fast("Run a daily backup check at midnight", now=NOW)
    assert backup.schedule is not None and backup.schedule["expression"] == "0 0 * * *"
