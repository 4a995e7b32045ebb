"""A schedule document holds only schedule fields (app.domain.schedule.unknown_field): a
misspelt key is refused naming it, as an unknown top-level field of a job is, never dropped."""

from __future__ import annotations

import pytest

from agentcron.app.domain.schedule import (
    SCHEDULE_FIELDS,
    Schedule,
    ScheduleError,
    unknown_field,
)

CRON = {"type": "cron", "expression": "0 9 * * *", "timezone": "UTC"}


def test_every_field_to_dict_writes_is_known() -> None:
    for document in (
        CRON,
        {"type": "every", "interval": 60, "start_at": "2026-01-01T00:00:00Z"},
        {"type": "at", "datetime": "2026-04-01T09:00:00Z", "end_at": "2026-05-01T00:00:00Z"},
        {"type": "rrule", "rule": "FREQ=DAILY", "start_at": "2026-01-01T09:00:00Z"},
    ):
        written = Schedule.from_dict(document).to_dict()
        assert set(written) <= set(SCHEDULE_FIELDS)
        assert unknown_field(written) is None


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("expresion", "is not a known field (did you mean expression?)"),
        ("timeZone", "is not a known field (did you mean timezone?)"),
        ("startAt", "is not a known field (did you mean start_at?)"),
        ("tz", "is not a known field (a schedule has " + ", ".join(SCHEDULE_FIELDS) + ")"),
    ],
)
def test_an_unknown_key_is_named_with_the_field_meant(key: str, reason: str) -> None:
    assert unknown_field({**CRON, key: "x"}) == (key, reason)


def test_a_huge_key_is_named_cut_short_and_costs_nothing_to_match() -> None:
    shown, reason = unknown_field({**CRON, "k" * 100_000: 1}) or ("", "")
    assert shown == "k" * 64 + "…"
    assert reason.startswith("is not a known field (a schedule has")


def test_strict_reading_refuses_the_key_and_the_lenient_one_does_not() -> None:
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_dict({**CRON, "expresion": "0 10 * * *"}, strict=True)
    assert caught.value.field == "schedule.expresion"
    # stored rows (and the parser's answers) are read as before
    assert Schedule.from_dict({**CRON, "note": 1}).expression == "0 9 * * *"
