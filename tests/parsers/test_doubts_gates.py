"""The word sets that gate the costly patterns of parsers/doubts.py hold every word the
pattern can end with: a gate that missed one would skip a doubt the pattern would raise."""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

from agentcron.parsers import doubts


def _strings(items: object) -> list[str]:
    """Every string a pattern of literals, groups, alternatives and "?" matches."""
    found = [""]
    for op, arg in items:  # type: ignore[attr-defined]
        if op == sre_parse.LITERAL:
            found = [head + chr(arg) for head in found]
        elif op == sre_parse.SUBPATTERN:
            found = [head + tail for head in found for tail in _strings(arg[3])]
        elif op == sre_parse.BRANCH:
            tails = [tail for branch in arg[1] for tail in _strings(branch)]
            found = [head + tail for head in found for tail in tails]
        elif op == sre_parse.MAX_REPEAT and arg[:2] == (0, 1):
            found = [head + tail for head in found for tail in ["", *_strings(arg[2])]]
        else:
            raise AssertionError(f"not a finite list of words: {op}")
    return found


def test_named_things_gate_holds_every_thing_the_pattern_names() -> None:
    pattern = doubts._NAMED_BY_TIME.pattern
    things = pattern[pattern.rindex("(?:meetings?") : pattern.rindex(r")\b") + 1]
    last_runs = {re.findall("[a-z]+", thing)[-1] for thing in _strings(sre_parse.parse(things))}
    assert last_runs <= doubts._NAMED_THINGS


def test_named_things_gate_lets_the_doubt_through() -> None:
    text = "move my 3pm stand-ups to 4pm"
    words = frozenset(doubts.letter_runs(text.lower()))
    assert doubts.time_names_a_thing(text) is not None
    assert not doubts._NAMED_THINGS.isdisjoint(words)
