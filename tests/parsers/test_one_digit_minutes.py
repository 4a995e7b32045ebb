"""One digit of minutes before am/pm ("at 1:5pm") was read as the hour after the colon: 17:00,
confidently. It may mean :05 or :50, so it is refused, saying why; ":0" stays :00 and a "1:1"
meeting is not a time."""

from __future__ import annotations

import pytest

from agentcron.parsers import understand_fast


@pytest.mark.parametrize(
    "text", ["remind me at 1:5pm", "every day at 10:7 am", "at 1:5 p.m.", "7:3a"]
)
def test_one_digit_of_minutes_is_refused(text: str) -> None:
    result = understand_fast(text)
    assert result.schedule is None
    assert "two digits" in str(result.to_dict())


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Sundays 1:0pm-4:00pm Back Gym", "0 13 * * 0"),
        ("schedule a 1:1 every Monday at 10am", "0 10 * * 1"),
        ("every day at 1:05pm", "5 13 * * *"),
    ],
)
def test_two_digits_a_zero_and_a_one_on_one_are_read(text: str, expression: str) -> None:
    schedule = understand_fast(text).schedule
    assert schedule is not None and schedule["expression"] == expression
