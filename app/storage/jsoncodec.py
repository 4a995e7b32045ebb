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

import json
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
        return _MARK + json.dumps(value)


def loads(text: str | bytes) -> Any:
    if isinstance(text, bytes | bytearray):
        text = text.decode()
    if text[:1] != _MARK and '": ' not in text and text[:1] not in "0123456789-":
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # NaN or 1e400, say, which the standard library accepts
    return json.loads(text)


def encode(value: Any, *, indent: bool = False) -> str:
    """JSON text of ``value``; ``json`` where orjson cannot write it (big integers)."""
    options = _OPTIONS | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        return orjson.dumps(value, option=options).decode()
    except TypeError:
        return json.dumps(value, indent=2 if indent else None, ensure_ascii=False)


def decode(text: str) -> Any:
    """Parse JSON from elsewhere, exactly: ``json`` where orjson would turn a big integer into
    a float or refuses the text (NaN). Raises ValueError on text that is not JSON."""
    if _LONG_NUMBER.search(text) is None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)
