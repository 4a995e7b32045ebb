"""JSON from outside: parsed within bounds, refusals name the field."""

from __future__ import annotations

import pytest

from agentcron.app.domain.untrusted import MAX_DEPTH, check_text, parse_json, refusals
from agentcron.app.errors import InvalidInput


def _refused(raw: bytes) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        parse_json(raw)
    return caught.value


def test_ordinary_json_reads_as_the_standard_library_does() -> None:
    raw = b'{"a": [1, 2.5, "\\u00e9\\ud83d\\ude00", null, true], "b": {"c": -12}}'
    assert parse_json(raw) == {"a": [1, 2.5, "é😀", None, True], "b": {"c": -12}}


def test_depth_is_bounded_without_recursing() -> None:
    assert parse_json(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    assert _refused(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)).status == 400
    assert _refused(b"[" * 1_000_000).status == 400
    # a deep structure built in Python is walked without recursion too
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    assert "nested" in refusals(deep)[0].reason


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b'{"a": {"b": ["x", "\\ud800"]}}', "a.b[1]"),
        (b'{"a": "\\u0000"}', "a"),
        (b'{"a": NaN}', "a"),
        (b'{"a": [Infinity]}', "a[0]"),
        (b'{"a": 1e999}', "a"),
        (b'{"a": ' + b"1" * 1001 + b"}", "a"),
        (b'{"a": -' + b"1" * 5000 + b"}", "a"),
    ],
)
def test_values_that_cannot_be_stored_or_answered_name_their_field(raw: bytes, field: str) -> None:
    error = _refused(raw)
    assert error.status == 422
    assert [p.field for p in error.problems] == [field]


def test_the_text_must_be_strict_utf8() -> None:
    assert _refused(b'"\xed\xa0\x80"').status == 400  # an encoded surrogate
    assert _refused(b'"\xc3"').status == 400


def test_a_refused_key_is_shown_escaped() -> None:
    error = _refused(b'{"\\ud800": 1, "ok\\u0000": 2}')
    fields = sorted(p.field for p in error.problems)
    assert fields == ["\\ud800", "ok\\x00"]
    str(error).encode("utf-8")  # the message itself can be sent


def test_single_strings_are_checked_the_same_way() -> None:
    check_text("fine ✓", "q")
    with pytest.raises(InvalidInput) as caught:
        check_text("\udc80", "q")
    assert caught.value.problems[0].field == "q"
