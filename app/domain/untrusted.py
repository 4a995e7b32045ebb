"""JSON from outside, read with bounds and checked for values we could never store or send.

Every request body goes through ``parse_json`` before any model sees it, so each limit holds
for every endpoint at once:

- the text must be UTF-8 (strictly: encoded surrogates are refused, where ``json.loads`` on
  bytes would let them through);
- nesting is at most ``MAX_DEPTH`` levels (the standard library recurses in C and would raise
  a RecursionError at about a thousand);
- integers have at most ``MAX_INT_DIGITS`` digits (Python refuses to parse more than 4,300
  and a 4,000-digit integer is no one's timeout);
- ``NaN``, ``Infinity`` and numbers too large for a float are refused: JSON cannot carry them
  back, and a value we cannot answer with must not be stored;
- strings and object keys may not hold NUL (PostgreSQL text cannot) or lone surrogates
  (``"\\ud800"`` is valid JSON escaping but not Unicode: it cannot be encoded as UTF-8, so it
  could be stored but never read back).

Syntax problems are 400; values that parse but cannot be accepted are 422 naming the field
(``metadata.notes[2]``), like every other validation error.
"""

from __future__ import annotations

import json
import math
from typing import Any

from agentcron.app.errors import FieldProblem, InvalidInput

MAX_DEPTH = 32
MAX_INT_DIGITS = 1_000


class _Refused:
    """A value the parser met that the walk will refuse, with the reason (parse hooks do not
    know where in the document they are; the walk does)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _parse_int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return _Refused(f"integers may have at most {MAX_INT_DIGITS} digits")
    return int(text)


def _parse_constant(text: str) -> _Refused:
    return _Refused(f"{text} is not a number JSON can carry")


def parse_json(raw: bytes) -> Any:
    """Parse a request body; raise InvalidInput (400 or 422) for anything we cannot accept."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput.field("", "the body is not UTF-8", status=400) from None
    try:
        value = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        reason = f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise InvalidInput.field("", reason, status=400) from None
    except RecursionError:
        raise InvalidInput.field("", _too_deep(), status=400) from None
    check_parsed(value)
    return value


def check_parsed(value: Any) -> None:
    """Refuse JSON parsed by someone else (the MCP SDK parses its requests itself) for what
    ``parse_json`` refuses: NUL, lone surrogates, non-finite numbers, nesting too deep."""
    problems = refusals(value)
    if problems:
        status = 400 if any(p.reason == _too_deep() for p in problems) else 422
        raise InvalidInput(problems, status=status)


def refusals(value: Any, *, prefix: str = "", limit: int = 10) -> list[FieldProblem]:
    """Every place in ``value`` (parsed JSON) holding something we refuse, up to ``limit``.

    Iterative, so no depth of input can exhaust the stack; each node is visited once.
    """
    problems: list[FieldProblem] = []
    # (value, its path as a tuple of keys and indexes, depth)
    stack: list[tuple[Any, tuple[str | int, ...], int]] = [(value, (), 0)]
    while stack and len(problems) < limit:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            reason = string_problem(item)
            if reason:
                problems.append(FieldProblem(_field(prefix, path), reason))
        elif isinstance(item, bool) or item is None or isinstance(item, int):
            continue
        elif isinstance(item, float):
            if not math.isfinite(item):
                problems.append(FieldProblem(_field(prefix, path), "must be a finite number"))
        elif isinstance(item, _Refused):
            problems.append(FieldProblem(_field(prefix, path), item.reason))
        elif isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                return [FieldProblem(_field(prefix, path), _too_deep())]
            if isinstance(item, dict):
                for key, child in reversed(item.items()):
                    reason = string_problem(key) if isinstance(key, str) else None
                    if reason:
                        problems.append(FieldProblem(_field(prefix, (*path, key)), reason))
                        continue
                    stack.append((child, (*path, key), depth + 1))
            else:
                for index in range(len(item) - 1, -1, -1):
                    stack.append((item[index], (*path, index), depth + 1))
    return problems


def string_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored and read back, or None."""
    if "\x00" in text:
        return "may not contain NUL characters (\\u0000)"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "contains a lone surrogate (such as \\ud800), which is not a character"
    return None


def check_text(text: str, field: str) -> None:
    """Refuse a single string from outside JSON (a header, a query parameter) the same way."""
    reason = string_problem(text)
    if reason:
        raise InvalidInput.field(field, reason)


def _too_deep() -> str:
    return f"JSON may be nested at most {MAX_DEPTH} levels deep"


def _field(prefix: str, path: tuple[str | int, ...]) -> str:
    out = prefix
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            if string_problem(part):  # the name itself is refused: show it escaped
                part = part.encode("utf-8", "backslashreplace").decode().replace("\x00", "\\x00")
            out = f"{out}.{part}" if out else part
    return out
