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


# -- the first words of understand.py's anchored patterns -----------------------------------------


def _first_runs(items: list[tuple[object, object]]) -> set[str]:
    """The runs of letters (in lower case) a match of the pattern `items` can start with, after
    the spaces before it; "" when it may start with another character."""
    if not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op == sre_parse.AT or op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return _first_runs(rest)
    if op == sre_parse.LITERAL:
        char = chr(arg)  # type: ignore[call-overload]
        if char.isascii() and char.isalpha():
            return {char.lower() + tail for tail in _run_on(rest)}
        return {""}
    if op == sre_parse.SUBPATTERN:
        return _first_runs([*arg[3], *rest])  # type: ignore[index]
    if op == sre_parse.BRANCH:
        return {run for branch in arg[1] for run in _first_runs([*branch, *rest])}  # type: ignore[index]
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
        low, _, inner = arg  # type: ignore[misc]
        return _first_runs([*inner, *rest]) | (_first_runs(rest) if low == 0 else set())
    return {""}  # a class of characters ("\s", "/")


def _run_on(items: list[tuple[object, object]]) -> set[str]:
    """How a run of letters goes on from `items`: "" where it stops (the patterns checked put
    a "\b" or a space after each word they start with)."""
    if not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op == sre_parse.LITERAL:
        char = chr(arg)  # type: ignore[call-overload]
        if char.isascii() and char.isalpha():
            return {char.lower() + tail for tail in _run_on(rest)}
        return {""}
    if op == sre_parse.SUBPATTERN:
        return _run_on([*arg[3], *rest])  # type: ignore[index]
    if op == sre_parse.BRANCH:
        return {run for branch in arg[1] for run in _run_on([*branch, *rest])}  # type: ignore[index]
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and arg[:2] == (0, 1):  # type: ignore[index]
        return _run_on(rest) | _run_on([*arg[2], *rest])  # type: ignore[index]
    return {""}


def _starts(pattern: re.Pattern[str]) -> set[str]:
    return _first_runs(list(sre_parse.parse(pattern.pattern, pattern.flags))) - {""}


def test_first_word_gates_hold_every_word_the_patterns_start_with() -> None:
    from importlib import import_module

    understand = import_module("agentcron.parsers.understand")
    assert _starts(understand._QUESTION) == understand._QUESTION_FIRST
    assert _starts(understand._MANAGE) == understand._MANAGE_FIRST
    assert _starts(understand._STATEMENT) == understand._STATEMENT_FIRST
    assert _starts(understand._LEAD) == understand._LEAD_FIRST
    assert _starts(understand._HEAD) == understand._HEAD_FIRST


def test_first_word_gates_let_the_patterns_through() -> None:
    from importlib import import_module

    understand = import_module("agentcron.parsers.understand")
    assert understand.first_word("  What's on today") == "what"
    assert understand.first_word("/remind me") == ""
    assert understand.first_word("Überweisung") is None
    for text in ("can you move the time to 3pm", "so the team move the time to 9"):
        assert understand._MANAGE.match(text) is not None  # "time" lets the second through
    assert understand.clean_task("please remind me to check the build") == "check the build"
    assert understand.clean_task("to check the build") == "check the build"
