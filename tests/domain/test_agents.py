"""The tool catalogue and the rules for granting tools: pure tables."""

from __future__ import annotations

from typing import Any

import pytest

from agentcron.app.domain.agents import (
    DEFAULT_TOOLS,
    EFFECT_TOOLS,
    READ_TOOLS,
    builtin_agent,
    host_allowed,
    run_tools,
    validate_agent,
)
from agentcron.app.errors import InvalidInput


def test_the_builtin_agent_has_read_tools_only() -> None:
    assert set(builtin_agent("m")["tools"]) == READ_TOOLS
    assert set(DEFAULT_TOOLS).isdisjoint(EFFECT_TOOLS)
    assert EFFECT_TOOLS == {"http_send"}


@pytest.mark.parametrize(
    ("host", "patterns", "allowed"),
    [
        ("api.example.com", ["api.example.com"], True),
        ("API.Example.com.", ["api.example.com"], True),
        ("evil.com", ["api.example.com"], False),
        ("api.example.com.evil.com", ["api.example.com"], False),
        ("hooks.example.com", ["*.example.com"], True),
        ("a.b.example.com", ["*.example.com"], True),
        ("example.com", ["*.example.com"], False),
        ("notexample.com", ["*.example.com"], False),
        ("anything", [], False),
    ],
)
def test_hosts_match_exactly_or_by_subdomain(host: str, patterns: list[str], allowed: bool) -> None:
    assert host_allowed(host, patterns) is allowed


@pytest.mark.parametrize(
    ("tools", "hosts", "effects", "offered"),
    [
        (["http_fetch", "http_send"], ["api.example.com"], True, {"http_fetch", "http_send"}),
        (["http_fetch", "http_send"], [], True, {"http_fetch"}),
        (["http_fetch", "http_send"], ["api.example.com"], False, {"http_fetch"}),
        (["current_time", "create_job"], [], True, {"current_time"}),
    ],
)
def test_a_run_is_offered_effect_tools_only_with_hosts_and_effects(
    tools: list[str], hosts: list[str], effects: bool, offered: set[str]
) -> None:
    assert run_tools(tools, allowed_hosts=hosts, effects=effects) == offered


def test_a_new_agent_gets_read_tools_and_no_hosts() -> None:
    values = validate_agent({"name": "Reader"})
    assert values["tools"] == ["http_fetch", "current_time", "previous_run"]
    assert (values["allowed_hosts"], values["read_hosts"], values["max_tokens_per_day"]) == (
        [],
        [],
        None,
    )


def test_effect_tools_need_hosts_and_hosts_are_normalised() -> None:
    values = validate_agent(
        {
            "name": "Poster",
            "tools": ["http_send", "finish"],
            "allowed_hosts": ["Hooks.Example.com", "*.example.org", "hooks.example.com"],
        }
    )
    assert values["tools"] == ["http_send"]
    assert values["allowed_hosts"] == ["hooks.example.com", "*.example.org"]


@pytest.mark.parametrize(
    ("body", "existing", "agent_id", "field", "fragment"),
    [
        ({"name": "x", "tools": ["http_send"]}, None, None, "allowed_hosts", "list the hosts"),
        (
            {"tools": ["http_send"], "allowed_hosts": ["a.example.com"]},
            builtin_agent("m"),
            "default",
            "tools",
            "cannot be given to the built-in default agent",
        ),
        # removing the hosts of an agent that sends is refused too
        (
            {"allowed_hosts": []},
            {"id": "agent_1", "tools": ["http_send"], "allowed_hosts": ["a.example.com"]},
            None,
            "allowed_hosts",
            "http_send sends data out",
        ),
        (
            {"name": "x", "allowed_hosts": ["https://a.example.com/"]},
            None,
            None,
            "allowed_hosts[0]",
            "no scheme, port or path",
        ),
        ({"name": "x", "allowed_hosts": ["*"]}, None, None, "allowed_hosts[0]", "not a host"),
        (
            {"name": "x", "allowed_hosts": ["localhost"]},
            None,
            None,
            "allowed_hosts[0]",
            "not a host",
        ),
        ({"name": "x", "read_hosts": ["a b.com"]}, None, None, "read_hosts[0]", "not a host"),
        ({"name": "x", "tools": ["create_job"]}, None, None, "tools[0]", "unknown tool"),
        (
            {"name": "x", "max_tokens_per_day": 10},
            None,
            None,
            "max_tokens_per_day",
            "greater than or equal to 1000",
        ),
    ],
)
def test_bad_grants_are_refused_naming_the_field(
    body: dict[str, Any],
    existing: dict[str, Any] | None,
    agent_id: str | None,
    field: str,
    fragment: str,
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_agent(body, existing=existing, agent_id=agent_id)
    problem = caught.value.problems[0]
    assert problem.field == field
    assert fragment in problem.reason
