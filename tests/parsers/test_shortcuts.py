"""The parser's shortcuts give what the long way gives: each one skips work only where the
work is known to change nothing."""

from __future__ import annotations

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers.grammar import read, reads_nothing
from agentcron.parsers.phrase import Phrase, Rejected
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.understand import _TRAIL, _WORDS, _without_trail, letter_runs
from agentcron.parsers.zones import lookup_place, place_starts

COMMANDS = [
    "remind me to water the plants every Monday at 9am",
    "check the build and every friday at 4pm",
    "post the weekly report to the team in New York time every day",
    "send local time digest at 8 in London on weekdays",
    "feed the cat at noon, then walk the dog in Tokyo",
    "summarize yesterday's incidents every day at 9am please",
    "the the the to a for my our server local time",
]


@pytest.mark.parametrize("text", COMMANDS)
def test_a_token_that_reads_nothing_reads_nothing(text: str) -> None:
    tokens = tokenize(text)
    for start, token in enumerate(tokens):
        if not reads_nothing(token):
            continue
        try:
            phrase, end = read(tokens, start=start, partial=True)
        except Rejected:
            pytest.fail(f"{token.value!r} was refused, not skipped")
        assert (phrase, end) == (Phrase(), start), token.value


def test_words_that_start_something_are_read() -> None:
    words = ["every", "at", "the", "new", "local", "my", "london"]
    assert not any(reads_nothing(tokenize(word)[0]) for word in words)
    assert all(t.kind == lx.WORD and reads_nothing(t) for t in tokenize("water plants build"))


def test_every_place_starts_with_a_place_start() -> None:
    assert lookup_place("new york") is not None
    assert {"new", "london", "tokyo"} <= place_starts()
    assert "plants" not in place_starts()


@pytest.mark.parametrize(
    "task",
    [
        "check the build",
        "check the build to",
        "check the build and then",
        "call Sam every",
        "call Sam.",
        "call Sam, (please)",
        "water the plants ON",
        "ping the team 9",
        "send the reminder",
        "call Sam ſaying",  # a long s: the pattern reads it as "s" whatever its case
        "call İn",
        "",
        "to",
        "thenx",
    ],
)
def test_a_task_without_its_trailing_words_is_as_the_pattern_cuts_it(task: str) -> None:
    assert _without_trail(task) == _TRAIL.sub("", task)


@pytest.mark.parametrize(
    "text",
    [
        "every 3 months on the 10th at 9am, check mr. o'neil's build",
        "9ish or so ~10am",
        "",
        "   ",
        "café à 9h",  # not ASCII: the pattern itself
        "tab\tand\nnewline_under-score",
        "UPPER lower",
    ],
)
def test_letter_runs_are_the_patterns_runs(text: str) -> None:
    assert letter_runs(text) == _WORDS.findall(text)
