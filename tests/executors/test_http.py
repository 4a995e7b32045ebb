import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from agentcron.app.domain.http_action import (
    TemplateError,
    lookup,
    render,
    render_value,
    validate_http_action,
)
from agentcron.app.errors import InvalidInput
from agentcron.app.executors.base import ExecutionFailed, RunContext
from agentcron.app.executors.http import HttpExecutor, template_scope
from agentcron.delivery.netguard import guarded_session
from tests.fakes.sink import Sink, log_connections, running_sink


@pytest.fixture
async def sink() -> AsyncIterator[Sink]:
    async with running_sink() as server:
        yield server


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    # The sink lives on 127.0.0.1, so these tests run with the guard off; the guard's own
    # behaviour is tested in tests/delivery/test_netguard.py and once below.
    async with guarded_session(allow_private=True, timeout=5) as client:
        yield client


def context(**changes: Any) -> RunContext:
    values: dict[str, Any] = {
        "run_id": "run_abc",
        "job_id": "job_xyz",
        "job_name": "price watch",
        "owner": "key_1",
        "attempt": 1,
        "scheduled_for": datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
        "trigger": "schedule",
        "goal": None,
        "metadata": {"region": "eu west/1", "limit": 5},
    }
    values.update(changes)
    return RunContext(**values)


def http_action(url: str, **settings: Any) -> dict[str, Any]:
    return {"type": "http", "http": {"url": url, **settings}}


async def test_a_json_response_becomes_the_runs_data(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    sink.script("/prices", body={"btc": 64000, "change": 0.07}, headers={"X-Trace": "t1"})
    outcome = await HttpExecutor(session).execute(http_action(sink.url("/prices")), context())

    data = outcome.data
    assert data["status"] == 200
    assert data["body"] == {"btc": 64000, "change": 0.07}
    assert data["body_truncated"] is False
    assert data["headers"]["x-trace"] == "t1"
    assert data["headers"]["content-type"].startswith("application/json")
    assert data["url"] == sink.url("/prices")
    assert isinstance(data["elapsed_ms"], int)
    assert outcome.output.startswith(f"**GET** `{sink.url('/prices')}` → **200 OK** in ")
    assert '```json\n{\n  "btc": 64000,' in outcome.output


async def test_method_headers_query_and_json_body_are_sent(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(
        sink.url("/orders"),
        method="post",
        headers={"Authorization": "Bearer t0k3n"},
        query={"dry_run": True, "limit": 10, "skip": None, "tag": "a b"},
        body={"items": [1, 2], "note": "hi"},
    )
    await HttpExecutor(session).execute(action, context())

    (request,) = sink.requests
    assert request.method == "POST"
    assert request.query == {"dry_run": "true", "limit": "10", "tag": "a b"}
    assert request.headers["Authorization"] == "Bearer t0k3n"
    assert request.headers["Content-Type"] == "application/json"
    assert request.json() == {"items": [1, 2], "note": "hi"}


async def test_a_json_body_keeps_a_content_type_the_job_sets(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(
        sink.url("/events"),
        method="POST",
        headers={"content-type": "application/vnd.api+json"},
        body={"data": {"type": "ping"}},
    )
    await HttpExecutor(session).execute(action, context())
    (request,) = sink.requests
    assert request.headers["Content-Type"] == "application/vnd.api+json"
    assert request.json() == {"data": {"type": "ping"}}


async def test_a_json_body_with_a_big_integer_is_sent_exactly(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(sink.url("/ids"), method="POST", body={"id": 2**70})
    await HttpExecutor(session).execute(action, context())
    assert sink.requests[0].json() == {"id": 2**70}


async def test_big_integers_in_a_json_response_stay_exact(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    sink.script("/ids", body={"id": 2**70, "small": 7})
    outcome = await HttpExecutor(session).execute(http_action(sink.url("/ids")), context())
    assert outcome.data["body"] == {"id": 2**70, "small": 7}
    assert str(2**70) in outcome.output


async def test_a_string_body_is_sent_as_text(sink: Sink, session: aiohttp.ClientSession) -> None:
    await HttpExecutor(session).execute(
        http_action(sink.url("/note"), method="POST", body="héllo {{ job.name }}"), context()
    )
    assert sink.requests[0].body == "héllo price watch".encode()
    assert sink.requests[0].headers["Content-Type"] == "text/plain; charset=utf-8"


async def test_a_string_body_keeps_its_content_type(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(
        sink.url("/raw"), method="PUT", headers={"Content-Type": "text/csv"}, body="a,b\n1,2\n"
    )
    await HttpExecutor(session).execute(action, context())
    assert sink.requests[0].body == b"a,b\n1,2\n"
    assert sink.requests[0].headers["Content-Type"] == "text/csv"


async def test_templates_fill_url_query_and_body_from_the_run(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    upstream = {"output": "done", "data": {"price": 101.5, "ids": [3, 4]}, "status": "succeeded"}
    action = http_action(
        sink.url("/regions/{{ job.metadata.region }}"),
        method="POST",
        query={"at": "{{ run.scheduled_for }}", "n": "{{job.metadata.limit}}"},
        body={
            "price": "{{ upstream.data.price }}",
            "ids": "{{ upstream.data.ids }}",
            "note": "run {{ run.id }} of {{ job.name }}: {{ upstream.data.ids }}",
        },
    )
    await HttpExecutor(session).execute(action, context(upstream_run=upstream))

    (request,) = sink.requests
    assert request.raw_path.startswith("/regions/eu%20west%2F1?")  # one encoded segment
    assert request.query == {"at": "2026-04-01T09:00:00+00:00", "n": "5"}
    assert request.json() == {
        "price": 101.5,
        "ids": [3, 4],
        "note": "run run_abc of price watch: [3,4]",
    }


async def test_a_missing_template_value_fails_without_retry_or_request(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(sink.url("/x"), query={"p": "{{ upstream.data.price }}"})
    with pytest.raises(ExecutionFailed) as caught:
        await HttpExecutor(session).execute(action, context())
    assert caught.value.retryable is False
    assert "{{ upstream.data.price }}: this run has no upstream run" in caught.value.message

    upstream = {"data": {"cost": 1}, "output": "", "status": "succeeded"}
    with pytest.raises(ExecutionFailed, match=r"'price' is not in upstream\.data"):
        await HttpExecutor(session).execute(action, context(upstream_run=upstream))
    assert sink.requests == []


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(400, False), (401, False), (404, False), (408, True), (429, True), (500, True), (503, True)],
)
async def test_a_non_2xx_status_fails_the_attempt_with_the_response(
    sink: Sink, session: aiohttp.ClientSession, status: int, retryable: bool
) -> None:
    with pytest.raises(ExecutionFailed) as caught:
        await HttpExecutor(session).execute(http_action(sink.url(f"/status/{status}")), context())
    failure = caught.value
    assert failure.retryable is retryable
    assert failure.message.startswith(f"GET {sink.url(f'/status/{status}')} returned {status} ")
    assert failure.data["status"] == status
    assert failure.data["body"] == {"status": status}
    assert f"**{status} " in failure.output


async def test_the_body_is_bounded(sink: Sink, session: aiohttp.ClientSession) -> None:
    executor = HttpExecutor(session, max_body_bytes=100)
    outcome = await executor.execute(http_action(sink.url("/bytes/300000")), context())
    assert outcome.data["body"] == "a" * 100
    assert outcome.data["body_truncated"] is True
    assert outcome.output.endswith("a\n…\n```")

    sink.script("/big.json", body={"items": list(range(100))})
    outcome = await executor.execute(http_action(sink.url("/big.json")), context())
    assert isinstance(outcome.data["body"], str)  # cut JSON stays text rather than failing
    assert len(outcome.data["body"]) == 100


async def test_head_and_empty_bodies(sink: Sink, session: aiohttp.ClientSession) -> None:
    outcome = await HttpExecutor(session).execute(
        http_action(sink.url("/thing"), method="HEAD"), context()
    )
    assert sink.requests[0].method == "HEAD"
    assert outcome.data["body"] == ""
    assert outcome.output.endswith("_(empty body)_")


async def test_a_timeout_is_retryable(sink: Sink) -> None:
    async with guarded_session(allow_private=True, timeout=0.05) as session:
        with pytest.raises(ExecutionFailed, match="timed out") as caught:
            await HttpExecutor(session).execute(http_action(sink.url("/hang")), context())
    assert caught.value.retryable is True


async def test_a_refused_connection_is_retryable(session: aiohttp.ClientSession) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ExecutionFailed, match="failed") as caught:
        await HttpExecutor(session).execute(http_action(f"http://127.0.0.1:{port}/"), context())
    assert caught.value.retryable is True


async def test_endless_redirects_are_not_retried(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    sink.script("/loop", status=302, headers={"Location": "/loop"}, times=20)
    with pytest.raises(ExecutionFailed, match="too many redirects") as caught:
        await HttpExecutor(session).execute(http_action(sink.url("/loop")), context())
    assert caught.value.retryable is False


async def test_a_private_address_is_refused_and_not_retried(
    sink: Sink, monkeypatch: pytest.MonkeyPatch
) -> None:
    connections = log_connections(monkeypatch)
    async with guarded_session(allow_private=False) as guarded:
        for url in (sink.url("/x"), "http://169.254.169.254/latest/meta-data/"):
            with pytest.raises(ExecutionFailed) as caught:
                await HttpExecutor(guarded).execute(http_action(url), context())
            assert caught.value.retryable is False
            assert "AGENTCRON_ALLOW_PRIVATE_NETWORKS=1" in caught.value.message
    assert connections == []
    assert sink.requests == []


# --- validation ----------------------------------------------------------------------------


def test_validation_normalises_a_good_action() -> None:
    assert validate_http_action(
        {"url": " https://api.example.com/v1/{{ job.metadata.path }} ", "method": "post"}
    ) == {
        "url": "https://api.example.com/v1/{{ job.metadata.path }}",
        "method": "POST",
        "headers": {},
        "query": {},
        "body": None,
    }
    assert validate_http_action({"url": "{{ job.metadata.endpoint }}"})["method"] == "GET"


@pytest.mark.parametrize(
    ("http", "field", "reason"),
    [
        ({}, "http.url", "is required"),
        ({"url": "ftp://x.example/"}, "http.url", "must start with http:// or https://"),
        ({"url": "https://"}, "http.url", "has no host"),
        ({"url": "https://a.example", "method": "FETCH"}, "http.method", "must be one of GET"),
        ({"url": "https://a.example", "headers": {"X-A": 1}}, "http.headers.X-A", "string"),
        ({"url": "https://a.example", "headers": {"X": "a\r\nB: c"}}, "http.headers.X", "breaks"),
        ({"url": "https://a.example", "headers": {"a b": "c"}}, "http.headers.a b", "header name"),
        (
            {"url": "https://a.example", "query": {"q": {"a": 1}}},
            "http.query.q",
            "a string, number",
        ),
        ({"url": "https://a.example", "query": []}, "http.query", "object"),
        ({"url": "https://a.example", "params": {}}, "http.params", "unknown field"),
        ({"url": "https://a.example", "body": {1, 2}}, "http.body", "JSON value or a string"),
        ({"url": "https://a.example", "body": "x" * 300_000}, "http.body", "larger than"),
        ({"url": "https://a.example/{{ env.HOME }}"}, "http.url", "unknown name 'env'"),
        ({"url": "https://a.example/{{ job.owner }}"}, "http.url", "job has no 'owner'"),
        ({"url": "https://a.example", "body": {"a": "{{ 1 + 1 }}"}}, "http.body", "dotted path"),
    ],
)
def test_validation_names_the_field(http: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_http_action(http)
    problems = {problem.field: problem.reason for problem in caught.value.problems}
    assert field in problems, problems
    assert reason in problems[field]


def test_validation_reports_every_problem_at_once() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_http_action({"url": "nope", "method": "BREW"}, field="action.http")
    assert [p.field for p in caught.value.problems] == ["action.http.url", "action.http.method"]


def test_validation_refuses_a_non_object() -> None:
    with pytest.raises(InvalidInput, match="http: must be an object"):
        validate_http_action("https://a.example")  # type: ignore[arg-type]


# --- templates (pure) --------------------------------------------------------------------


def test_template_lookups() -> None:
    previous = {"data": {"items": [{"id": 7}]}, "output": "", "status": "failed"}
    scope = template_scope(context(previous_run=previous))
    assert lookup(scope, "previous.data.items.0.id") == 7
    assert lookup(scope, "run.attempt") == 1
    assert lookup(scope, "run.scheduled_for") == "2026-04-01T09:00:00+00:00"
    assert render("{{ job.name }} #{{ run.attempt }}", scope) == "price watch #1"
    assert render("{{ job.metadata }}", scope) == '{"region":"eu west/1","limit":5}'
    assert render_value({"a": ["{{ run.attempt }}"], "b": 2}, scope) == {"a": [1], "b": 2}
    with pytest.raises(TemplateError, match=r"'missing' is not in previous\.data"):
        lookup(scope, "previous.data.missing")
    with pytest.raises(TemplateError, match=r"'5' is not in previous\.data\.items"):
        lookup(scope, "previous.data.items.5")
    with pytest.raises(TemplateError, match="unknown name 'os'"):
        render("{{ os.environ }}", scope)


# --- the job's payload -------------------------------------------------------------------


async def test_the_payload_is_the_body_of_a_post_without_one(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    payload = {"order": 42, "note": "{{ job.id }} stays as written"}
    action = http_action(sink.url("/orders"), method="POST")
    await HttpExecutor(session).execute(action, context(payload=payload))
    (request,) = sink.requests
    assert request.headers["Content-Type"] == "application/json"
    assert request.json() == payload  # data, never read as a template


async def test_a_string_payload_is_sent_as_json_text(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(sink.url("/notes"), method="PUT")
    await HttpExecutor(session).execute(action, context(payload="hello"))
    assert sink.requests[0].json() == "hello"


async def test_the_jobs_own_body_wins_over_the_payload_and_can_quote_it(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(
        sink.url("/orders/{{ payload.order }}"),
        method="POST",
        body={"wrapped": "{{ payload }}", "first": "{{ payload.items.0 }}"},
    )
    await HttpExecutor(session).execute(action, context(payload={"order": 7, "items": ["a"]}))
    (request,) = sink.requests
    assert request.path == "/orders/7"
    assert request.json() == {"wrapped": {"order": 7, "items": ["a"]}, "first": "a"}


async def test_a_get_never_sends_the_payload_as_a_body(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(sink.url("/items"), query={"id": "{{ payload.id }}"})
    await HttpExecutor(session).execute(action, context(payload={"id": 3}))
    (request,) = sink.requests
    assert request.method == "GET"
    assert request.query == {"id": "3"}
    assert request.body == b""


async def test_a_payload_placeholder_without_a_payload_fails_naming_it(
    sink: Sink, session: aiohttp.ClientSession
) -> None:
    action = http_action(sink.url("/x"), query={"id": "{{ payload.id }}"})
    with pytest.raises(ExecutionFailed, match="no payload") as failure:
        await HttpExecutor(session).execute(action, context())
    assert failure.value.retryable is False
    assert sink.requests == []


def test_payload_placeholders_are_accepted_when_the_job_is_written() -> None:
    checked = validate_http_action({"url": "https://a.example/{{ payload.id }}"})
    assert checked["url"] == "https://a.example/{{ payload.id }}"
