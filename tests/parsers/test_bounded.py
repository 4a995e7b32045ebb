"""No text up to the longest any way in accepts costs more than a bounded amount of work.

Work is counted, not timed: every Python function call (and call into C) made while one text
is understood, with the tokenizer's cache emptied first. About 9,000 calls is a millisecond
on the machines the benchmarks run on (bench/bench_parsers.py prints the times), so the
budget below is a few milliseconds whatever the words. dateparser, the one library stage, is
given at most FALLBACK_MAX_CHARS characters; recurrent is given nothing (on some 70-character
phrases it does not return).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Any

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.natural import FALLBACK_MAX_CHARS
from agentcron.parsers.pipeline import MAX_LENGTH
from agentcron.parsers.tokens import forget_texts

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)
CALL_BUDGET = 20_000  # ~2 ms; the worst text found below makes under 9,000 calls

# Texts made to cost the most: one word again and again (a reading is tried from every
# word), words every clause starts on, dates and times the grammar tries to combine, and
# the phrases that sent recurrent and parsedatetime into seconds or forever.
ADVERSARIAL = [
    "every ",
    "every other ",
    "next ",
    "the ",
    "a ",
    "x ",
    "at 5 ",
    "9am and ",
    "1 ",
    "every 1st ",
    "on the 1st and ",
    "remind me ",
    "half past ",
    "from 9 to 5 ",
    "monday tuesday ",
    "in 2 hours ",
    "for 2 weeks ",
    "12:00 ",
    ":15 ",
    "1/2 ",
    "2026-01-01 ",
    "15.12.2026 10:00 ",
    "every 15 minutes past the hour ",
    "tomorrow ",
    "sixth h quarterly pls @ occurrence nine starting repetitions mth secs ",
    "midnight each from beginning 2nd the except january except ",
    "tenth hrs saturday apr ",
    "st ",  # a holiday's first word ("St. Patrick's Day") at every word
    "a.m. ",  # read "a minute a minute …": an amount of time summed from every word
    "@",
    "M/W/",
    "first four ",
    # amounts run together: a reading of up to eight terms from every number (one term a
    # unit now), and "in 2h30m 2h30m …" read as a bot's amount alone first
    "2h30m ",
    "1d0h ",
    "1d0h10m ",
    "h30 ",
    # a list read again from each of its items (the square of its length): minutes of the
    # hour, days of the month, the runs kept each compared with all before them, and "1h"
    # asked whether a time came before it by looking at every token
    "1,2,3,",
    "10 minutes and ",
    "".join(f"{minute} minutes and " for minute in range(1, 60)),
    "+1d ",
    "1h-",
    # a reading refused late (the seventh window: "two time windows"), started again from each
    # word inside it: 54,641 calls → 14,850 (`understand._past_refusals`)
    "MW 8:30-9:45PM ",
]

# A run the grammar reads, then what makes the reading refused: each reading started inside
# the run was refused at the same place (the square of the run's length; calls before → after)
REFUSED_LATE = [
    "check " + "9:00 " * 90 + "every 2 hours every 3 hours",  # 172,804 → 12,577
    "check " + "9am " * 100 + "every 2 hours every 3 hours",  # 191,203 → 12,476
    "check " + "noon " * 90 + "every 2 hours every 3 hours",  # 159,239 → 11,078
    "check " + "9:00 and " * 50 + "every 2 hours every 3 hours",  # 65,522 → 5,538
    "check " + "9:00 " * 90 + "every day every week",  # 167,897 → 12,452
    "check " + "9:00 " * 90 + "yesterday",  # 161,809 → 9,094
]


def _generated(count: int) -> Iterator[str]:
    """Random runs of the words the grammar knows (and a few it does not), seeded."""
    words = [*lx.LEXICON, "9am", "5pm", "10:30", "15", "2027", "3/4", "#ops", "check", "build"]
    rng = random.Random(14)
    for _ in range(count):
        text = ""
        while len(text) < MAX_LENGTH:
            text += rng.choice(words) + " "
        yield text[: rng.choice([60, 200, MAX_LENGTH])]


@contextmanager
def counting_calls() -> Iterator[list[int]]:
    calls = [0]

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    forget_texts()
    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def _warm() -> None:
    """Lazy imports and tables are made once per process (holidays, rapidfuzz, dateparser, the
    cities of the zones, each language's lexicon): not per text."""
    for text in (
        *("every thanksgiving at noon", "every satruday", "15-12-2026 10:00", "9am Paris"),
        "9am America/New_York",  # the IANA names, listed once
    ):
        understand_fast(text, now=NOW)
    for text in (
        *("jeden Tag um 9 Uhr", "todos los días a las 9", "tous les jours à 9h"),
        *("todos os dias às 9", "ogni giorno alle 9", "elke dag om 9 uur", "每天早上8点"),
        # the other languages whose words are read (their tables are built once too)
        *("varje dag klockan 9", "her gün saat 9'da", "codziennie o 9", "каждый день в 9"),
        "щодня о 9",
    ):
        understand_fast(text, now=NOW)


@pytest.mark.parametrize("unit", ADVERSARIAL, ids=lambda unit: unit.strip()[:30])
def test_a_long_adversarial_text_costs_a_bounded_amount_of_work(unit: str) -> None:
    _warm()
    text = (unit * MAX_LENGTH)[:MAX_LENGTH]
    with counting_calls() as calls:
        understand_fast(text, now=NOW)
    assert calls[0] < CALL_BUDGET, f"{calls[0]} calls"


@pytest.mark.parametrize("text", REFUSED_LATE, ids=lambda text: text[-30:])
def test_a_reading_refused_late_is_not_started_again_from_every_word(text: str) -> None:
    _warm()
    text = text[:MAX_LENGTH]
    with counting_calls() as calls:
        answer = understand_fast(text, now=NOW)
    assert calls[0] < CALL_BUDGET, f"{calls[0]} calls"
    if "every 2 hours every 3 hours" in text:  # was read as every 3 hours, the last one said
        assert answer.schedule is None and answer.reason == "the text names two different intervals"


def test_generated_texts_cost_a_bounded_amount_of_work() -> None:
    _warm()
    worst = (0, "")
    for text in _generated(150):
        with counting_calls() as calls:
            understand_fast(text, now=NOW)
        worst = max(worst, (calls[0], text))
    assert worst[0] < CALL_BUDGET, worst


def test_dateparser_only_ever_sees_a_short_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateparser.date import DateDataParser

    seen: list[str] = []
    real = DateDataParser.get_date_data

    def spy(self: DateDataParser, text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(DateDataParser, "get_date_data", spy)
    for unit in ADVERSARIAL:
        understand_fast((unit * MAX_LENGTH)[:MAX_LENGTH], now=NOW)
        understand_fast(unit * 3, now=NOW)
    assert understand_fast("15-12-2026 10:00", now=NOW).parse_method == "dateparser"
    assert seen, "dateparser was asked nothing"
    assert max(len(text) for text in seen) <= FALLBACK_MAX_CHARS


def test_recurrent_is_not_imported_by_understanding_any_text() -> None:
    for unit in ADVERSARIAL:
        understand_fast(unit * 2, now=NOW)
    assert "recurrent.event_parser" not in sys.modules
