"""job_warnings: what stops a stored job from running as configured on a service, decided
from the job and a snapshot of the service's settings (no environment, no DNS)."""

from __future__ import annotations

from typing import Any

import pytest

from agentcron.app.domain.hostjobs import HostJobs, SqlConnection
from agentcron.app.domain.readiness import Readiness, job_warnings

BARE = Readiness(allow_private_networks=False, llm_configured=False, slack_token=False)
READY = Readiness(allow_private_networks=True, llm_configured=True, slack_token=True)
LLM = Readiness(allow_private_networks=False, llm_configured=True, slack_token=False)


def http(url: str, **job: Any) -> dict[str, Any]:
    return {"action": {"type": "http", "http": {"url": url, "method": "GET"}}, **job}


def slack(channel: str = "slack:#ops", **delivery: Any) -> dict[str, Any]:
    return {"channel": channel, "channels": [channel], **delivery}


NOOP: dict[str, Any] = {"action": {"type": "noop"}}


@pytest.mark.parametrize(
    ("job", "ready", "expected"),
    [
        # agent jobs (the default action) need an LLM
        ({"action": {"type": "agent"}}, BARE, [("action", "no_llm")]),
        ({}, BARE, [("action", "no_llm")]),
        ({"action": {"type": "agent"}}, LLM, []),
        (NOOP, BARE, []),
        # http jobs to addresses the guard refuses, written out
        (http("http://127.0.0.1:9000/hook"), LLM, [("http.url", "private_address")]),
        (http("http://localhost:8080/x"), LLM, [("http.url", "private_address")]),
        (http("http://api.localhost/x"), LLM, [("http.url", "private_address")]),
        (http("http://[::1]/x"), LLM, [("http.url", "private_address")]),
        (http("http://10.0.0.7/x"), LLM, [("http.url", "private_address")]),
        (http("http://192.168.1.20/x"), LLM, [("http.url", "private_address")]),
        (http("http://169.254.169.254/latest"), LLM, [("http.url", "private_address")]),
        (http("http://2130706433/x"), LLM, [("http.url", "private_address")]),  # 127.0.0.1
        (http("http://0x7f.1/x"), LLM, [("http.url", "private_address")]),
        (http("http://[::ffff:10.0.0.1]/x"), LLM, [("http.url", "private_address")]),
        # ... allowed by the setting, or public, or a name (resolved only when it runs)
        (http("http://127.0.0.1:9000/hook"), READY, []),
        (http("https://8.8.8.8/x"), LLM, []),
        (http("https://api.example.com/quote"), BARE, []),
        (http("https://internal.corp/x"), BARE, []),
        (http("https://{{ job.metadata.host }}/x"), BARE, []),
        # Slack delivery needs a token; muted delivery sends nothing
        ({**NOOP, "delivery": slack()}, BARE, [("delivery.channel", "no_slack_token")]),
        ({**NOOP, "delivery": slack()}, READY, []),
        ({**NOOP, "delivery": slack(muted=True)}, BARE, []),
        (
            {**NOOP, "delivery": {**slack(), "failures_to": "slack:U0ALICE12"}},
            BARE,
            [("delivery.channel", "no_slack_token"), ("delivery.failures_to", "no_slack_token")],
        ),
        (
            {
                **NOOP,
                "delivery": {
                    "channel": "webhook:https://hooks.example.com/a",
                    "channels": ["webhook:https://hooks.example.com/a", "slack:#ops"],
                },
            },
            BARE,
            [("delivery.channels[1]", "no_slack_token")],
        ),
        # a Slack user's job posts with its workspace's OAuth token
        (
            {**NOOP, "owner": "slack:T0TEAM:U0ALICE", "delivery": slack()},
            Readiness(False, True, slack_token=False, slack_oauth=True),
            [],
        ),
        (
            {**NOOP, "owner": "alice", "delivery": slack()},
            Readiness(False, True, slack_token=False, slack_oauth=True),
            [("delivery.channel", "no_slack_token")],
        ),
        # webhooks and job events to private addresses
        (
            {**NOOP, "delivery": slack("webhook:http://127.0.0.1:8000/in")},
            BARE,
            [("delivery.channel", "private_address")],
        ),
        ({**NOOP, "delivery": slack("webhook:https://hooks.example.com/in")}, BARE, []),
        (
            {**NOOP, "webhook_url": "http://10.1.2.3/events"},
            BARE,
            [("webhook_url", "private_address")],
        ),
        ({**NOOP, "webhook_url": "http://10.1.2.3/events"}, READY, []),
        # everything at once, in the order of the job's fields
        (
            {"action": {"type": "agent"}, "delivery": slack(), "webhook_url": "http://[::1]/e"},
            BARE,
            [
                ("action", "no_llm"),
                ("delivery.channel", "no_slack_token"),
                ("webhook_url", "private_address"),
            ],
        ),
        # rows an earlier version wrote that no longer parse are not judged here
        ({**NOOP, "delivery": {"channel": "carrier-pigeon"}}, BARE, []),
        # e-mail needs the operator's SMTP server
        (
            {**NOOP, "delivery": slack("email:ops@example.com", failures_to="email:me@x.io")},
            BARE,
            [("delivery.channel", "no_smtp_server"), ("delivery.failures_to", "no_smtp_server")],
        ),
        (
            {**NOOP, "delivery": slack("email:ops@example.com")},
            Readiness(False, True, slack_token=False, smtp=True),
            [],
        ),
        # seed 003's callback_url is judged like webhook_url
        (
            {**NOOP, "callback_url": "http://localhost:8080/cb"},
            BARE,
            [("callback_url", "private_address")],
        ),
        ({**NOOP, "callback_url": "http://localhost:8080/cb"}, READY, []),
    ],
)
def test_what_stops_a_job_from_running(
    job: dict[str, Any], ready: Readiness, expected: list[tuple[str, str]]
) -> None:
    assert [(w.field, w.code) for w in job_warnings(job, ready)] == expected


def test_each_warning_says_why_and_what_to_set() -> None:
    [llm] = job_warnings({}, BARE)
    assert llm.reason.startswith("an agent job needs an LLM and none is configured")
    assert "OPENAI_API_KEY" in llm.reason and "every run fails" in llm.reason
    [private] = job_warnings(http("http://127.0.0.1:9000/hook"), LLM)
    assert private.reason == (
        "127.0.0.1 is a loopback address, which the service refuses; "
        "set AGENTCRON_ALLOW_PRIVATE_NETWORKS=1 on the service to allow it"
    )
    [token] = job_warnings({**NOOP, "delivery": slack()}, BARE)
    assert "SLACK_BOT_TOKEN" in token.reason and "slack:#ops" in token.reason
    assert private.to_dict() == {
        "field": "http.url",
        "reason": private.reason,
        "code": "private_address",
    }


SQL_JOB: dict[str, Any] = {"action": {"type": "sql", "sql": {"connection": "shop"}}}
PY_JOB: dict[str, Any] = {"action": {"type": "python", "python": {"function": "a:b"}}}
SHOP = HostJobs(sql_connections={"shop": SqlConnection("shop", "sqlite")})


@pytest.mark.parametrize(
    ("job", "host", "expected"),
    [
        (SQL_JOB, SHOP, []),
        (SQL_JOB, HostJobs(), [("action", "not_allowed_here")]),
        (
            {"action": {"type": "sql", "sql": {"connection": "gone"}}},
            SHOP,
            [("sql.connection", "not_allowed_here")],
        ),
        (PY_JOB, HostJobs(python_functions=frozenset({"a:b"})), []),
        (PY_JOB, HostJobs(), [("action", "not_allowed_here")]),
        (
            PY_JOB,
            HostJobs(python_functions=frozenset({"a:c"})),
            [("python.function", "not_allowed_here")],
        ),
    ],
)
def test_a_host_job_this_service_does_not_allow_is_warned_about(
    job: dict[str, Any], host: HostJobs, expected: list[tuple[str, str]]
) -> None:
    ready = Readiness(
        allow_private_networks=False, llm_configured=False, slack_token=False, host=host
    )
    assert [(w.field, w.code) for w in job_warnings(job, ready)] == expected
