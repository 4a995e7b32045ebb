import hashlib
import hmac

from agentcron.delivery.signing import sign, verify

BODY = b'{"event":"run.result"}'


def test_the_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    expected = hmac.new(b"s3cret", b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert sign("s3cret", 1_700_000_000, BODY) == f"t=1700000000,v1={expected}"


def test_verify_accepts_a_fresh_signature_and_refuses_the_rest() -> None:
    header = sign("s3cret", 1_700_000_000, BODY)
    assert verify("s3cret", header, BODY, now=1_700_000_000)
    assert verify("s3cret", header, BODY, now=1_700_000_300)
    assert not verify("s3cret", header, BODY, now=1_700_000_301)  # replayed too late
    assert not verify("s3cret", header, BODY, now=1_699_999_699)
    assert not verify("other", header, BODY, now=1_700_000_000)
    assert not verify("s3cret", header, BODY + b" ", now=1_700_000_000)
    assert not verify("s3cret", "v1=abc", BODY, now=1_700_000_000)
    assert not verify("s3cret", "", BODY, now=1_700_000_000)


def test_any_of_several_signatures_may_match_during_rotation() -> None:
    old = sign("old", 1_700_000_000, BODY).split(",")[1]
    new = sign("new", 1_700_000_000, BODY)
    assert verify("old", f"{new},{old}", BODY, now=1_700_000_000)
    assert verify("new", f"{new},{old}", BODY, now=1_700_000_000)
