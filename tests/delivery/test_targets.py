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
        ("email:me@example.com", "unknown channel kind 'email'"),
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
