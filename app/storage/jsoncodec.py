"""How JSON columns are written and read: orjson, falling back to the standard library where
orjson would refuse a value or lose precision.

The engine decodes JSON columns by the thousand in a burst (a job's action, schedule and
delivery settings; a run's data), so the codec is on the hot path; orjson is several times
faster than ``json``. orjson refuses integers beyond 64 bits and would read them back as
floats, so a value holding one is written by ``json`` with a leading space — still plain
JSON — and text with that mark (or in the standard library's spacing, as older versions
wrote it) is read back by ``json``, exactly.

``encode``/``decode`` do the same for JSON that is not ours to mark: request bodies the http
action sends, answers it receives, excerpts it shows.
"""

from __future__ import annotations

import copy
import json
import math
import re
from typing import Any

import orjson

_MARK = " "
_OPTIONS = orjson.OPT_NON_STR_KEYS
# a run of 19+ digits may be an integer outside orjson's 64-bit range
_LONG_NUMBER = re.compile(r"\d{19}")


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=_OPTIONS).decode()
    except TypeError:  # a big integer (or a type orjson does not know): say so in the text
        return _MARK + _std_dumps(value)


def _std_dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` writing NaN and infinities as null, as orjson does (PostgreSQL refuses
    them in a JSON column, and no response could carry them)."""
    try:
        return json.dumps(value, allow_nan=False, **options)
    except ValueError:
        return json.dumps(_answerable(copy.deepcopy(value)), allow_nan=False, **options)


def loads(text: str | bytes) -> Any:
    if isinstance(text, bytes | bytearray):
        text = text.decode()
    if text[:1] != _MARK and '": ' not in text and text[:1] not in "0123456789-":
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # NaN or a lone surrogate, say, which the standard library accepts
    value = json.loads(text)
    if _UNANSWERABLE.search(text):
        value = _answerable(value)
    return value


# What an earlier version could store but no response can carry: NaN and infinities (written
# by ``json.dumps``) and lone surrogates (escaped as "\ud800"). Reads must not break on them.
_UNANSWERABLE = re.compile(r"NaN|Infinity|\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _answerable(value: Any) -> Any:
    """``value`` with non-finite numbers as null and lone surrogates as U+FFFD (in place)."""
    fix = _answerable_scalar
    if not isinstance(value, dict | list):
        return fix(value)
    stack: list[Any] = [value]
    while stack:
        container = stack.pop()
        keys = list(container) if isinstance(container, dict) else range(len(container))
        for key in keys:
            item = container[key]
            if isinstance(item, dict | list):
                stack.append(item)
            else:
                container[key] = fix(item)
        if isinstance(container, dict) and any(_SURROGATE.search(k) for k in container):
            fixed = {_SURROGATE.sub("\ufffd", k): v for k, v in container.items()}
            container.clear()
            container.update(fixed)
    return value


def _answerable_scalar(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str) and _SURROGATE.search(value):
        return _SURROGATE.sub("\ufffd", value)
    return value


def encode(value: Any, *, indent: bool = False) -> str:
    """JSON text of ``value``; ``json`` where orjson cannot write it (big integers)."""
    options = _OPTIONS | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        return orjson.dumps(value, option=options).decode()
    except TypeError:
        return _std_dumps(value, indent=2 if indent else None, ensure_ascii=False)


def decode(text: str) -> Any:
    """Parse JSON from elsewhere, exactly: ``json`` where orjson would turn a big integer into
    a float or refuses the text (NaN). Raises ValueError on text that is not JSON."""
    if _LONG_NUMBER.search(text) is None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)
