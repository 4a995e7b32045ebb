"""A reading refused late is not started again from every word before the clause refused
(`understand._past_refusals`): the first word whose reading is not refused is found by halving.
The answers are those of starting again from every word — here compared with it on texts
where the search runs — except that a refusal some of whose words were passed over unread
counts (it was ignored when no run touched it: "check 9am 9am … every 2 hours every 3 hours"
was read as every 3 hours)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.phrase import Rejected
from agentcron.parsers.tokens import Token

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)
_understand = sys.modules["agentcron.parsers.understand"]


def _word_by_word(
    tokens: list[Token], i: int, refusal: Rejected, walked: set[int]
) -> tuple[int, None, bool]:
    return i + 1, None, False


SAME = [
    ("MW 8:30-9:45PM " * 6) + "check the build",
    "check " + "monday " * 70 + "every 2 hours every 3 hours",
    "check " + "9:00 " * 90 + "yesterday",
    "post " + "9:00 " * 90 + "in the morning at night",
    "Tell me the time of the game every 4 Thursdays check my calendar for march 4th 2019, "
    "please Every 2 hours every 10 minutes between 8:00 am and 6:00 pm",
    "every monday at 9am " * 10 + "and every tuesday at 5pm",
]


@pytest.mark.parametrize("text", SAME, ids=lambda text: text[:40])
def test_the_answer_is_that_of_reading_from_every_word(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched = understand_fast(text, now=NOW).to_dict()
    monkeypatch.setattr(_understand, "_past_refusals", _word_by_word)
    assert searched == understand_fast(text, now=NOW).to_dict()


def test_the_clause_refused_is_where_the_refusal_says() -> None:
    from agentcron.parsers.grammar import read
    from agentcron.parsers.tokens import tokenize

    tokens = tokenize("9:00 9:00 9:00 every 2 hours every 3 hours")
    with pytest.raises(Rejected) as refused:
        read(tokens, partial=True)
    assert refused.value.at is not None and tokens[refused.value.at].value == "every"
    assert refused.value.at > 3


def test_a_refusal_passed_over_counts() -> None:
    answer = understand_fast("check " + "9am " * 100 + "every 2 hours every 3 hours", now=NOW)
    assert answer.schedule is None and answer.reason == "the text names two different intervals"
    # refused as before, for the refusal passed over ("different times on different days")
    answer = understand_fast(("MW 8:30-9:45PM " * 40)[:500], now=NOW)
    assert answer.schedule is None and answer.reason == "the text names two time windows"
