"""What the parser emits, the schedule engine accepts and fires at the same instants.

This is the one parser test that imports agentcron.app: it pins the contract between the
two packages (the parser itself never imports the app).
"""

from __future__ import annotations

import random

import pytest

from agentcron.app.domain.schedule import Schedule, next_fire_times
from agentcron.parsers import parse_fast, split_command
from agentcron.parsers.lexicon import LEXICON
from tests.parsers.corpus import CASES, SUMMER_NOW, WINTER_NOW
from tests.parsers.firetimes import fire_times

ACCEPTED = [case for case in CASES if parse_fast(case.text, now=WINTER_NOW).schedule]


@pytest.mark.parametrize("now", [WINTER_NOW, SUMMER_NOW], ids=["winter", "summer"])
def test_every_accepted_schedule_is_valid_for_the_engine_and_fires_alike(now: object) -> None:
    for case in ACCEPTED:
        result = parse_fast(case.text, timezone=case.timezone, now=now)  # type: ignore[arg-type]
        if result.schedule is None:
            continue  # refused in this window (a date that has passed)
        schedule = Schedule.from_dict(result.schedule)
        engine = next_fire_times(schedule, after=now, count=8)  # type: ignore[arg-type]
        ours = fire_times(result.schedule, after=now)  # type: ignore[arg-type]
        assert engine == ours, case.text


WORDS = [*LEXICON, "9", "17", "5pm", "9:30", "15th", "2026-03-01", "3/4", ",", "-", "london"]


def test_random_word_salad_never_raises_and_always_explains_itself() -> None:
    rng = random.Random(20260114)
    for _ in range(1500):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        result = parse_fast(text, now=WINTER_NOW)
        if result.schedule is None:
            assert result.reason, text
            assert result.confidence == 0, text
        else:
            assert result.human_readable, text
            assert 0 < result.confidence <= 1, text
            Schedule.from_dict(result.schedule)
        split_command(f"{text} post the report to #ops", now=WINTER_NOW)
