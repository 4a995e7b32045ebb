import pytest

from agentcron.delivery.targets import Target, parse_target


@pytest.mark.parametrize(
    ("value", "target"),
    [
        ("slack:#alerts", Target("slack", "#alerts")),
        ("slack:alerts", Target("slack", "#alerts")),
        ("slack:#ops-eu_2", Target("slack", "#ops-eu_2")),
        ("slack:C0123ABC", Target("slack", "C0123ABC")),
        ("slack:G01ABCDEF", Target("slack", "G01ABCDEF")),
        ("Slack: #alerts ", Target("slack", "#alerts")),
        (
            "webhook:https://hooks.example.com/x?y=1",
            Target("webhook", "https://hooks.example.com/x?y=1"),
        ),
        ("webhook:http://example.com:8080/", Target("webhook", "http://example.com:8080/")),
    ],
)
def test_parse_target(value: str, target: Target) -> None:
    assert parse_target(value) == target


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("#alerts", "a channel looks like slack:#alerts"),
        ("sms:+15550100", "unknown channel kind 'sms'"),
        ("slack:", "a Slack channel is #name"),
        ("slack:#Alerts", "a Slack channel is #name"),
        ("slack:#has space", "a Slack channel is #name"),
        ("webhook:ftp://example.com/", "the webhook URL must start with http:// or https://"),
        ("webhook:", "the webhook URL is required"),
    ],
)
def test_bad_targets_say_why(value: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_target(value)
    assert reason in str(caught.value)


def test_a_target_prints_as_it_is_written() -> None:
    assert str(parse_target("slack:alerts")) == "slack:#alerts"


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("email:ops@example.com", "ops@example.com"),
        ("EMAIL: ops@example.com , oncall@example.org", "ops@example.com,oncall@example.org"),
        ("email:ops@example.com,ops@example.com", "ops@example.com"),
        ("email:ops@münchen.de", "ops@münchen.de"),
    ],
)
def test_email_targets_take_one_address_or_a_list(value: str, address: str) -> None:
    assert parse_target(value) == Target("email", address)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("email:ops@example.com\r\nBcc: thief@evil.test", "line breaks"),
        ("email:ops@example.com\nBcc: thief@evil.test", "line breaks"),
        ("email:ops@exa\x00mple.com", "control characters"),
        ("email:", "needs an address"),
        ("email:ops", "not an e-mail address"),
        ("email:ops@", "not an e-mail address"),
        ("email:@example.com", "not an e-mail address"),
        ("email:a b@example.com", "not an e-mail address"),
        ("email:ops@exa mple.com", "not an e-mail address"),
        ("email:ops@-example.com", "not an e-mail address"),
        ("email:Ops <ops@example.com>", "not an e-mail address"),
        ("email:" + ",".join(f"u{i}@example.com" for i in range(11)), "at most 10"),
    ],
)
def test_bad_email_targets_are_refused(value: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_target(value)
