"""The JSON codec behind every JSON column: fast, and exact where orjson alone would not be."""

from __future__ import annotations

import json

import pytest

from agentcron.app.storage.jsoncodec import decode, dumps, encode, loads


@pytest.mark.parametrize(
    "value",
    [
        {"a": 1, "b": [1.5, "x", None, True]},
        [],
        {},
        "text ☃",
        None,
        2**70,
        {"big": 2**70, "small": -(2**64)},
        [2**63 - 1, -(2**63)],
    ],
)
def test_round_trip_is_exact(value: object) -> None:
    assert loads(dumps(value)) == value


def test_big_integers_are_not_read_back_as_floats() -> None:
    value = loads(dumps({"id": 123456789012345678901234567890}))
    assert value["id"] == 123456789012345678901234567890
    assert isinstance(value["id"], int)


def test_text_written_by_the_standard_library_reads_exactly() -> None:
    # what earlier versions stored, with the standard library's spacing
    assert loads(json.dumps({"id": 2**70, "x": [1, 2]})) == {"id": 2**70, "x": [1, 2]}
    assert loads(b'{"a":1}') == {"a": 1}


def test_what_only_the_standard_library_reads_still_reads() -> None:
    assert loads(' {"id": 1180591620717411303424, "x": [1.5]}') == {"id": 2**70, "x": [1.5]}


def test_what_no_response_can_carry_reads_back_as_something_it_can() -> None:
    # NaN (json.dumps wrote it beside a big integer) and lone surrogates (escaped by json.dumps)
    # were stored by earlier versions; a read must not break on them, so they come back as null
    # and U+FFFD, keys included
    stored = ' {"x": NaN, "y": [Infinity, "a\\ud800b"], "\\udfff": {"z": -Infinity}}'
    assert loads(stored) == {"x": None, "y": [None, "a\ufffdb"], "\ufffd": {"z": None}}
    assert loads('"\\ud83d\\ude00"') == "\U0001f600"  # a real pair is a character
    assert loads("NaN") is None


def test_non_string_keys_become_strings_as_with_json() -> None:
    assert loads(dumps({1: "a"})) == json.loads(json.dumps({1: "a"}))


def test_json_from_elsewhere_is_read_and_written_exactly() -> None:
    assert decode('{"id":1180591620717411303424}') == {"id": 2**70}
    assert decode('{"a":[1,2]}') == {"a": [1, 2]}
    assert decode(encode({"id": 2**70})) == {"id": 2**70}
    assert encode({"a": 1}, indent=True) == '{\n  "a": 1\n}'
    with pytest.raises(ValueError):
        decode("not json")


def test_nan_is_never_written_even_beside_a_big_integer() -> None:
    # PostgreSQL refuses NaN in a JSON column: a run's data from a lenient server must store
    text = dumps({"a": float("nan"), "b": [float("-inf")], "id": 2**70})
    assert "NaN" not in text and "Infinity" not in text
    assert loads(text) == {"a": None, "b": [None], "id": 2**70}
    assert "NaN" not in encode({"a": float("nan"), "id": 2**70})
