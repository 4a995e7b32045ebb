"""How large a request's head may be (app.domain.request_head)."""

from __future__ import annotations

from agentcron.app.domain.request_head import MAX_HEADER_BYTES, MAX_TARGET_BYTES, head_refusal


def test_an_ordinary_head_is_served() -> None:
    headers = [(b"host", b"x"), (b"authorization", b"Bearer ac_" + b"k" * 40)]
    assert head_refusal(len(b"/api/scheduler/jobs?limit=5"), headers) is None


def test_header_fields_are_counted_as_sent_and_refused_431_past_the_limit() -> None:
    # name + ": " + value + CRLF: exactly at the limit is served, one byte more is not
    value = b"a" * (MAX_HEADER_BYTES - len(b"x-big") - 4)
    assert head_refusal(1, [(b"x-big", value)]) is None
    refusal = head_refusal(1, [(b"x-big", value + b"a")])
    assert refusal is not None and refusal[0] == 431


def test_many_small_fields_add_up() -> None:
    headers = [(b"x-%d" % i, b"v" * 100) for i in range(200)]
    refusal = head_refusal(1, headers)
    assert refusal is not None and refusal[0] == 431


def test_a_100_000_character_value_is_431() -> None:
    refusal = head_refusal(1, [(b"x-big", b"a" * 100_000)])
    assert refusal == (431, "the request's header fields are larger than 16,384 bytes")


def test_a_target_too_long_is_414() -> None:
    assert head_refusal(MAX_TARGET_BYTES, []) is None
    refusal = head_refusal(MAX_TARGET_BYTES + 1, [])
    assert refusal is not None and refusal[0] == 414
