"""Round twelve's zone families (zones12): a zone a config names beside its cron expression
(parsers/cronline.py `zone_options`). Variants of each family, invented; the phrases found in
public code are in tests/parsers/outside/t12_zones_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.cron_comment import comment_disagrees, comment_of
from agentcron.parsers.cronline import cron_first, zone_options

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


# -- a zone named by a config's key beside the expression ------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ('"tz": "Asia/Riyadh"', "Asia/Riyadh"),
        ("timeZone: Etc/UTC", "Etc/UTC"),
        ("time_zone = 'Europe/Berlin'", "Europe/Berlin"),
        ("--time-zone=America/Chicago", "America/Chicago"),
        ("tz `Europe/Helsinki`", "Europe/Helsinki"),
        ('zone = "Europe/Paris"', "Europe/Paris"),
        ('"timezone_id": "America/Los_Angeles"', "America/Los_Angeles"),
        ("CRON_TZ=Asia/Tokyo", "Asia/Tokyo"),
        ('"tz": "Gondor/Minas"', "Gondor/Minas"),  # taken, to be refused: never dropped
    ],
)
def test_a_key_names_the_zone(text: str, zone: str) -> None:
    assert [match["zone"] for match in zone_options(f"x {text} y")] == [zone]


@pytest.mark.parametrize(
    "text",
    [
        "--zone us-central1-a",  # a data centre, not a clock
        "zone: eu-west",
        "the tz is fine",  # a space, and no zone after it
        "run it at 9 every day",
    ],
)
def test_no_key_names_a_zone(text: str) -> None:
    assert zone_options(text) == []


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        (
            '"schedule": { "kind": "cron", "expr": "0 9 * * 1-5", "tz": "Asia/Riyadh" },',
            "0 9 * * 1-5",
            "Asia/Riyadh",
        ),
        ("0 9 * * * tz=Asia/Tokyo run the backup", "0 9 * * *", "Asia/Tokyo"),  # first already
        (
            '@Scheduled(cron = "0 0 9 * * MON-FRI", zone = "Europe/Paris")',
            "0 9 * * MON-FRI",
            "Europe/Paris",
        ),
        ('time_zone = "Europe/Berlin"  schedule = "0 9 * * 1"', "0 9 * * 1", "Europe/Berlin"),
        (
            'spec: {schedule: "30 6 * * *", timeZone: "America/Denver"}',
            "30 6 * * *",
            "America/Denver",
        ),
        (
            '"tz": "UTC", "expr": "0 9 * * *", "timezone": "Etc/UTC"',
            "0 9 * * *",
            "UTC",
        ),  # one clock
    ],
)
def test_the_expression_runs_in_the_zone_named(text: str, expression: str, zone: str) -> None:
    answer = _read(text, zone="America/New_York")
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": zone}
    assert answer["needs_confirmation"] is False


def test_the_key_is_moved_first() -> None:
    assert cron_first("0 9 * * * tz=Asia/Tokyo run the backup") == (
        "CRON_TZ=Asia/Tokyo 0 9 * * * run the backup",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        '"expr": "0 9 * * 1-5", "tz": "Gondor/Minas"',  # a zone nobody knows
        '"tz": "UTC", "expr": "0 9 * * *", "timezone": "Asia/Tokyo"',  # two clocks
    ],
)
def test_a_zone_that_cannot_be_kept_is_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "zone" in answer["reason"]


def test_without_a_key_the_request_zone_stays() -> None:
    answer = _read('"expr": "0 9 * * 1-5", "kind": "cron"', zone="Asia/Seoul")
    assert answer["schedule"]["timezone"] == "Asia/Seoul"


# -- a comment beside the expression that says when it runs ----------------------------------


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("- cron: '0 9 * * 1' # 9am on Mondays", "9am on Mondays"),
        ('cron="0 9 * * 1",  // standup at 09:00', "standup at 09:00"),
        ("0 9 * * 1 #ops standup", None),  # a channel, not a comment
        ("0 9 1#3 * * run", None),  # cron's nth weekday
    ],
)
def test_the_comment(text: str, comment: str | None) -> None:
    assert comment_of(text) == comment


@pytest.mark.parametrize(
    ("expression", "comment"),
    [
        ("0 9 * * 1-5", "09:00 on weekdays"),
        ("30 13 * * *", "8:30 am EST"),  # converted, in winter
        ("30 13 * * *", "9:30 am EDT"),  # and in summer
        ("*/15 9-17 * * *", "every 15 minutes from 9:00"),
        ("0,30 8 * * *", "8:00-8:30"),  # a range
        ("0 9 * * *", "nightly backup"),  # no time
        ("0 * * * *", "at 9:00"),  # every hour: nothing to miss
        ("0 0 * * *", "5:30 AM IST"),  # which IST? not compared
    ],
)
def test_a_comment_that_agrees_keeps_the_answer(expression: str, comment: str) -> None:
    assert comment_disagrees(expression, "UTC", comment) is None


@pytest.mark.parametrize(
    ("expression", "comment", "said"),
    [
        ("* 14 * * *", "14:00 in UTC is 6am PST", "60 times an hour"),
        ("30 13 * * 0", "8:30 a.m.", "“8:30 a.m.”"),
        ("0 12 * * 1", "9am ET", "“9am”"),
        ("0 13 * * 1-5", "13:00 (stockholm)", "“13:00”"),
        ("0 0 * * 1-5", "hourly on weekdays", "every hour"),
    ],
)
def test_a_comment_that_disagrees_asks(expression: str, comment: str, said: str) -> None:
    note = comment_disagrees(expression, "UTC", comment)
    assert note is not None and said in note


def test_the_comment_is_compared_on_the_expression_zone() -> None:
    assert comment_disagrees("0 9 * * *", "Europe/Berlin", "9:00 (berlin)") is None
    assert comment_disagrees("0 9 * * *", "Europe/Berlin", "9:00 UTC") is not None


def test_a_disagreeing_comment_asks_in_a_whole_sentence() -> None:
    answer = _read("- cron: '* 14 * * *' # 14:00 in UTC is 6am PST")
    assert answer["schedule"]["expression"] == "* 14 * * *"
    assert answer["needs_confirmation"] is True
    agreeing = _read("- cron: '0 14 * * *' # 14:00 in UTC is 6am PST")
    assert agreeing["needs_confirmation"] is False
