"""How JSON columns are written and read: orjson, falling back to the standard library where
orjson would refuse a value or lose precision.

The engine decodes JSON columns by the thousand in a burst (a job's action, schedule and
delivery settings; a run's data), so the codec is on the hot path; orjson is several times
faster than ``json``. orjson refuses integers beyond 64 bits and would read them back as
floats, so a value holding one is written by ``json`` with a leading space — still plain
JSON — and text with that mark (or in the standard library's spacing, as older versions
wrote it) is read back by ``json``, exactly.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_MARK = " "


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
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
