"""The text a regular expression cannot match without: a cheap test before a search.

`translation.to_english` runs some seventy rules of a language over a text, one search each,
and most find nothing; a search tries every position of the text, and the rules start with
`\\b` and are matched case-insensitively, so the `re` module's own prefix search does not
apply. `required(pattern)` reads a compiled pattern's parsed form for strings one of which
any match must hold ("les" in `\\bles\\s+(lundis|mardis)`): a rule whose strings are all
absent from the text (`folded`, as `fold` writes them) cannot match, and is not run. The test
is only ever a necessary condition: a pattern with no such short list (an optional prefix
then a class of characters) is always run.

Case: a case-insensitive pattern matches two characters whose simple lower cases are equal or
listed together in `re._casefix` ("s" and "ſ"); `fold` writes every such group as one
character, so a text that matches a literal contains its folded form.
"""

from __future__ import annotations

import re
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Final

# each group of characters a case-insensitive pattern takes for one another, written as its
# smallest; "İ" lowers to "i" and a combining dot (left out: a test may only say yes too often)
_FOLD: Final = {
    **{
        key: min(key, *partners)
        for key, partners in _casefix._EXTRA_CASES.items()
        if min(key, *partners) != key
    },
    0x0307: None,
}
# at most this many strings, or the test costs about what the search does
_MOST: Final = 8


def fold(text: str) -> str:
    """`text` as `required`'s strings are written: lower case, each group of characters a
    case-insensitive pattern takes for one another written as one."""
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_FOLD)


def required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings (folded) at least one of which every match of `pattern` holds, or None when
    no list of at most a few such strings is found."""
    found = _in_sequence(_parser.parse(pattern.pattern, pattern.flags))
    if found is None:
        return None
    # a string that holds another of the list adds nothing ("lundis" after "lundi")
    shortest = sorted(found, key=len)
    kept = [s for k, s in enumerate(shortest) if not any(t in s for t in shortest[:k])]
    return tuple(kept) if len(kept) <= _MOST else None


def _in_sequence(items: _parser.SubPattern | list) -> frozenset[str] | None:
    """The best list of one sequence of items: runs of literal characters, and what the
    items that must match hold; the fewest strings, then the longest shortest string."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _constants.LITERAL:
            run.append(fold(chr(value)))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        held = _in_item(op, value)
        if held is not None:
            options.append(held)
    if run:
        options.append(frozenset({"".join(run)}))
    options = [o for o in options if o and all(o)]
    if not options:
        return None
    return min(options, key=lambda o: (len(o), -min(map(len, o))))


def _in_item(op: object, value: object) -> frozenset[str] | None:
    """What one item that must match holds: a group's sequence, every branch's list (one
    branch without one leaves none), an item repeated at least once."""
    if op is _constants.SUBPATTERN:
        return _in_sequence(value[3])  # type: ignore[index]
    if op is _constants.BRANCH:
        branches = [_in_sequence(branch) for branch in value[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
        low, _high, item = value  # type: ignore[misc]
        return _in_sequence(item) if low >= 1 else None
    if op is _constants.ATOMIC_GROUP:
        return _in_sequence(value)  # type: ignore[arg-type]
    return None
