"""Forms that were read wrongly with full confidence: the European "7h45" after "in" is a
delay, after "every" it is an interval that asks (it may be meant as a daily time), and
after "at" it stays a time of day."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from agentcron.parsers import understand_fast

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)
ZONE = "Europe/Paris"


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone=ZONE, now=NOW).to_dict()


def test_in_hours_h_minutes_is_a_delay() -> None:
    got = _read("in 7h45 send the backup report")
    assert got["schedule"]["type"] == "at"
    assert got["schedule"]["datetime"] == "2026-03-05T00:45:00Z"
    assert got["task"] == "send the backup report"


def test_every_hours_h_minutes_asks() -> None:
    got = _read("every 7h45")
    assert got["schedule"] == {
        "type": "every",
        "interval": 7 * 3600 + 45 * 60,
        "start_at": got["schedule"]["start_at"],
        "timezone": ZONE,
    }
    assert got["needs_confirmation"] is True
    assert any("every day" in note for note in got["notes"])


def test_at_hours_h_minutes_is_still_a_time() -> None:
    got = _read("at 7h45 every day")
    assert got["schedule"]["expression"] == "45 7 * * *"
    assert got["needs_confirmation"] is False


def test_on_the_hour_and_more_minutes_of_the_hour() -> None:
    for text in (
        "water the plants every hour on the hour and half past",
        "each hour, on the hour and at half past",
    ):
        got = _read(text)
        assert got["schedule"]["expression"] == "0,30 * * * *", text
        assert got["needs_confirmation"] is False
    got = _read("on the hour and a quarter past every hour")
    assert got["schedule"]["expression"] == "0,15 * * * *"


def test_on_the_hour_and_a_clock_time_is_not_minutes_of_the_hour() -> None:
    got = _read("every hour on the hour and half past 4")
    assert got["schedule"] is None or got["needs_confirmation"] is True


def test_decimal_comma_before_a_unit_is_an_amount() -> None:
    assert _read("every 2,5 hours")["schedule"]["interval"] == 9000
    assert _read("every 2,5 hours")["needs_confirmation"] is False
    got = _read("in 1,5 hours")
    assert got["schedule"]["datetime"] == "2026-03-04T18:30:00Z"


def test_decimal_comma_before_minutes_asks_and_a_day_list_stays_a_list() -> None:
    got = _read("every 2,5 minutes")
    assert got["schedule"]["interval"] == 150
    assert got["needs_confirmation"] is True
    assert _read("on the 2,9 of each month at 8am")["schedule"]["expression"] == "0 8 2,9 * *"


def test_second_after_one_is_the_unit() -> None:
    got = _read("in half a second")
    assert got["schedule"] is None
    assert "1 second" in got["reason"]
    assert _read("in 1 second ping the host")["schedule"]["datetime"] == "2026-03-04T17:00:01Z"
    assert _read("the second friday of each month at 10am")["schedule"]["expression"] == (
        "0 10 * * 5#2"
    )
