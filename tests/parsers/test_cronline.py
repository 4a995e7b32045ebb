"""A cron expression inside a command line (parsers/cronline.py): moved first for the cron
reader, its zone option made CRON_TZ=, asked when the text does not read as a command. Variants
of the family, invented."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.cronline import CRON_IN_TEXT_NOTE, cron_first

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
