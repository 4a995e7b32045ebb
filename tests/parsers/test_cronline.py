"""A cron expression inside a command line (parsers/cronline.py): moved first for the cron
reader, its zone option made CRON_TZ=, asked when the text does not read as a command. Variants
of the family, invented."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.cronline import CRON_IN_TEXT_NOTE, calendar_first, cron_first

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        (
            '/post recurring #ops "Deploy freeze starts" 0 17 * * 5',
            '0 17 * * 5 recurring #ops "Deploy freeze starts"',
        ),
        (
            "jobs add --name digest --cron '15 8 * * 1-5' --tz Europe/Oslo --notify",
            "CRON_TZ=Europe/Oslo 15 8 * * 1-5 jobs add --name digest --notify",
        ),
        ("run(when='0 6 * * *', task='sync')", "0 6 * * * run( , task='sync')"),
        (
            "scheduler -e '0 0 10 ? * MON-FRI' -n nightly",
            "0 10 * * MON-FRI scheduler -n nightly",
        ),
    ],
)
def test_the_expression_comes_first(text: str, moved: str) -> None:
    assert cron_first(text) == (moved, None)


@pytest.mark.parametrize(
    "text",
    [
        "0 9 * * 1 check the build",  # first already
        "CRON_TZ=Asia/Tokyo 30 8 * * *",  # first already, after its zone
        "every Monday at 9am",  # no expression
        "the release 1.2.3 ships on 4 5 6",  # five numbers, no "*"
        "/cron 0 9 * * 1 and 0 17 * * 5",  # two expressions: two schedules
        'cron: "0 9 * * 1"',  # a label alone: the cron reader's (and salvage's) own
        "remind me 0 9 * * 1 stand up",  # a reminder's own reading takes it
    ],
)
def test_left_alone(text: str) -> None:
    assert cron_first(text) is None


def test_prose_around_an_expression_is_asked() -> None:
    assert cron_first("it fires 0 9 * * 1 for the team") == (
        "0 9 * * 1 it fires for the team",
        CRON_IN_TEXT_NOTE,
    )
    answer = _read("it fires 0 9 * * 1 for the team")
    assert answer["schedule"]["expression"] == "0 9 * * 1"
    assert answer["needs_confirmation"] is True


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ('/schedule recurring #general "Vote today!" 0 12 * * *', "0 12 * * *", "UTC"),
        (
            "tool cron add --every-day --cron '30 6 * * 1' --tz America/Chicago",
            "30 6 * * 1",
            "America/Chicago",
        ),
        ("sf apex schedule -e '0 30 17 * * ?' -n 'My Job'", "30 17 * * *", "UTC"),
        ("!remind cron 45 7 * * mon-fri stretch", "45 7 * * MON-FRI", "UTC"),
    ],
)
def test_read_whole(text: str, expression: str, zone: str) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": zone}
    assert answer["needs_confirmation"] is False


# -- day.month dates with a full stop after the month (tokens.py's "dmdot") ---------------------


@pytest.mark.parametrize(
    ("text", "when", "asked"),
    [
        ("/reminder create when:28.11.", "2026-11-28T09:00:00Z", False),
        ("remind me on 31.12. at 23:00 to open the bubbly", "2026-12-31T23:00:00Z", False),
        ("on 3.4. at 08:00 renew the permit", "2026-04-03T08:00:00Z", True),  # or 4 March?
    ],
)
def test_a_dotted_day_and_month(text: str, when: str, asked: bool) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "at", "datetime": when, "timezone": "UTC"}
    assert answer["needs_confirmation"] is asked


def test_a_dotted_date_is_sure_when_day_month_is_chosen() -> None:
    answer = understand_fast(
        "on 3.4. at 08:00 renew the permit", timezone="UTC", now=NOW, date_order="DMY"
    ).to_dict()
    assert answer["schedule"]["datetime"] == "2026-04-03T08:00:00Z"
    assert answer["needs_confirmation"] is False


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("the call is at 10.30.", "2026-03-05T10:30:00Z"),
        ("we start at 9.05.", "2026-03-05T09:05:00Z"),
    ],
)
def test_a_time_at_a_sentence_end_stays_a_time(text: str, when: str) -> None:
    assert _read(text)["schedule"]["datetime"] == when


# -- systemd's calendar event inside a command line (cronline.calendar_first) ------------------


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        (
            "systemd-run --on-calendar=weekly /usr/bin/rotate",
            "0 0 * * 1 systemd-run /usr/bin/rotate",
        ),
        (
            "systemd-run --on-calendar='Sat 07:30' /opt/sync.sh",
            "30 7 * * 6 systemd-run /opt/sync.sh",
        ),
        ("OnCalendar=Fri 18:00:00 (ask ops first)", "0 18 * * 5 (ask ops first)"),
    ],
)
def test_a_calendar_event_comes_first(text: str, moved: str) -> None:
    assert calendar_first(text) == moved


@pytest.mark.parametrize(
    "text",
    [
        "OnCalendar=Fri 18:00:00",  # alone: the event's own reader
        "systemd-run --on-calendar='2023-01-01 01:00' reboot",  # a year: refused by its reader
        "my calendar=full this week",
    ],
)
def test_calendar_left_alone(text: str) -> None:
    assert calendar_first(text) is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a version or section number with a full stop is not a date without a word for one
        ("Version 2.5. ships every Monday at 9am", "0 9 * * 1"),
        ("the 1.1. release every Tuesday at 10am", "0 10 * * 2"),
        ("every day at 9am, see step 1.2.", "0 9 * * *"),
    ],
)
def test_a_numbered_thing_is_not_a_dotted_date(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": "UTC"}
    assert "start_at" not in answer["schedule"]
