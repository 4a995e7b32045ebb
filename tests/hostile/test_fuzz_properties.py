"""Generated hostile input against the real app (SQLite and PostgreSQL): every answer is
below 500 and quick, refusals are problem documents that can be read, /healthz answers all
the while, and the owner's list still reads at the end.

Bodies are built from a valid job with one part replaced or added: strings with lone
surrogates, NUL and every plane; integers of thousands of digits; NaN and Infinity; deep
nesting; huge strings. They are sent as raw JSON text, so what reaches the service is what a
hostile client could write, not what ``json.dumps`` would allow. The app runs without its
engine: nothing it stores is executed, so no URL the fuzzer invents is ever called."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: the slowest answer any request here may take (a generous bound: it catches a request
#: that does unbounded work, not a slow machine)
TIME_BOUND = 5.0
FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Raw:
    """JSON text inserted as is: numbers json.dumps cannot write, NaN, deep nesting."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


def to_json(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    return "{" + ",".join(f"{_string(str(k))}:{to_json(v)}" for k, v in value.items()) + "}"


def _string(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")  # escaped: lone surrogates travel as escapes
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


# every code point, surrogates included, and strings chosen to hurt
characters = st.characters(codec=None, categories=None, exclude_categories=())
NASTY_STRINGS = [
    "\ud800",
    "a\udfffb",
    "\x00",
    "x\x00y",
    "\U0010ffff",
    "\u202e\u2066",
    "9" * 5000,
    "0 9 * * *" + " *" * 2000,
    "every " * 400,
    "{{ job.metadata." + "a." * 500 + "x }}",
    "((((" * 100,
    "[[0]*100000]*100000 == 1",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "Pacific/Kiritimati",
    "../../etc/passwd",
    "http://2130706433/",
    "http://[::ffff:127.0.0.1]/",
    "slack:<!channel>",
]
text = st.one_of(st.text(characters, max_size=40), st.sampled_from(NASTY_STRINGS))
big_strings = st.sampled_from([Raw('"' + "a" * 300_000 + '"'), Raw('"' + "\\ud800" * 50_000 + '"')])
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            Raw("1" * 4301),
            Raw("-" + "9" * 10_000),
            Raw("1e999"),
            Raw("-1e999"),
            Raw("1" + "0" * 400 + ".5"),
            Raw("0." + "0" * 5000 + "1"),
        ]
    ),
)
deep = st.integers(min_value=33, max_value=200_000).map(
    lambda n: Raw("[" * n + "]" * n) if n % 2 else Raw('{"a":' * n + "1" + "}" * n)
)
scalars = st.one_of(st.none(), st.booleans(), numbers, text, big_strings)
values = (
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
        max_leaves=12,
    )
    | deep
)

VALID_JOB: dict[str, Any] = {
    "name": "fuzzed",
    "action": "http",
    "http": {"url": "https://example.com/hook", "method": "POST", "headers": {"X-A": "1"}},
    "schedule": {"type": "cron", "expression": "0 9 * * 1-5", "timezone": "America/New_York"},
    "delivery": {"channel": "webhook:https://example.com/in"},
    "condition": {"type": "expression", "expression": "status == 200"},
    "retry": {"max_attempts": 3, "strategy": "exponential", "base_delay": 60},
    "exclusions": {"dates": ["2026-12-25"]},
    "tags": ["a", "b"],
    "metadata": {"team": "ops"},
}
PATHS = [
    ("name",),
    ("description",),
    ("goal",),
    ("agent_id",),
    ("action",),
    ("http", "url"),
    ("http", "method"),
    ("http", "headers", "X-A"),
    ("http", "headers"),
    ("http", "query"),
    ("http", "body"),
    ("schedule",),
    ("schedule", "expression"),
    ("schedule", "timezone"),
    ("schedule", "type"),
    ("schedule", "start_at"),
    ("schedule", "end_at"),
    ("delivery", "channel"),
    ("condition", "expression"),
    ("retry", "max_attempts"),
    ("retry", "base_delay"),
    ("exclusions", "dates"),
    ("exclusions", "windows"),
    ("tags",),
    ("metadata",),
    ("metadata", "team"),
    ("payload",),
    ("payload", "order"),
    ("callback_url",),
    ("unique_name",),
    ("key",),
    ("schedule_in",),
    ("scheduled_at",),
    ("repeat_every",),
    ("cron",),
    ("delivery", "channels"),
    ("timeout_seconds",),
    ("webhook_url",),
    ("idempotency_key",),
    ("status",),
    ("overlap",),
    ("unknown_field",),
]


def _replaced(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    import copy

    body = copy.deepcopy(VALID_JOB)
    node = body
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return body


job_bodies = st.one_of(
    st.builds(_replaced, st.sampled_from(PATHS), values),
    values,  # not even an object
)


class Service:
    """The API client with every answer checked, and /healthz probed alongside."""

    def __init__(self, api: httpx.AsyncClient) -> None:
        self.api = api
        self.answers = 0
        self.health: list[float] = []

    async def send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        began = time.perf_counter()
        response = await self.api.request(method, url, **kwargs)
        elapsed = time.perf_counter() - began
        self.answers += 1
        assert response.status_code < 500, (method, url, response.text[:300])
        assert elapsed < TIME_BOUND, (method, url, elapsed)
        if response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["detail"]
        response.content.decode("utf-8")  # every answer is UTF-8 a client can read
        return response

    async def probe_health(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            began = time.perf_counter()
            response = await self.api.get("http://testserver/healthz")
            assert response.status_code == 200
            self.health.append(time.perf_counter() - began)
            await asyncio.sleep(0.01)


@pytest.fixture
async def service(api: httpx.AsyncClient) -> AsyncIterator[Service]:
    checked = Service(api)
    stop = asyncio.Event()
    probe = asyncio.create_task(checked.probe_health(stop))
    yield checked
    stop.set()
    await probe
    # the owner's list and stats still read after everything that was sent
    listed = await api.get("/jobs", params={"limit": 200})
    assert listed.status_code == 200, listed.text
    for job in listed.json()["jobs"]:
        assert (await api.get(f"/jobs/{job['id']}")).status_code == 200
    assert (await api.get("/stats")).status_code == 200
    assert (await api.get("/calendar-data")).status_code == 200
    assert checked.health and max(checked.health) < TIME_BOUND


@FUZZ
@given(body=job_bodies, patch=st.builds(_replaced, st.sampled_from(PATHS), values))
async def test_hostile_job_bodies(service: Service, body: Any, patch: dict[str, Any]) -> None:
    created = await service.send(
        "POST",
        "/jobs",
        content=to_json(body).encode(),
        headers={"content-type": "application/json"},
    )
    if created.status_code == 201:
        job_id = created.json()["id"]
        await service.send("GET", f"/jobs/{job_id}")
        await service.send(
            "PUT",
            f"/jobs/{job_id}",
            content=to_json(patch).encode(),
            headers={"content-type": "application/json"},
        )
        await service.send("GET", f"/jobs/{job_id}")


query_values = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(NASTY_STRINGS[4:]),
    st.integers().map(str),
    st.sampled_from(["%ED%A0%80", "%FF", "%00", "%C0%AF", "-1", "1e400", "9" * 5000]),
)
QUERIES = {
    "/validate": ["type", "value", "timezone", "count", "expression", "interval"],
    "/calendar-data": ["start", "end", "timezone", "limit", "job_id", "group"],
    "/jobs": ["status", "tag", "q", "sort", "order", "limit", "offset", "agent_id"],
    "/stats": ["timezone"],
    "/smart/heatmap": ["source", "timezone", "weeks"],
    "/smart/suggestions": ["goal", "timezone", "job_id"],
    "/status": ["llm"],
}


@FUZZ
@given(
    endpoint=st.sampled_from(sorted(QUERIES)),
    params=st.lists(st.tuples(st.integers(0, 9), query_values), max_size=4),
)
async def test_hostile_query_parameters(
    service: Service, endpoint: str, params: list[tuple[int, str]]
) -> None:
    names = QUERIES[endpoint]
    pairs = []
    for index, value in params:
        raw = value if value.startswith("%") else quote(value, safe="")
        pairs.append(f"{names[index % len(names)]}={raw}")
    await service.send("GET", endpoint + "?" + "&".join(pairs))


@FUZZ
@given(body=values, endpoint=st.sampled_from(["/parse-nl", "/agents", "/chains", "/keys"]))
async def test_hostile_bodies_to_every_other_write(
    service: Service, body: Any, endpoint: str
) -> None:
    if isinstance(body, dict) and endpoint == "/parse-nl":
        body.setdefault("text", "every day at 9am")
    await service.send(
        "POST",
        endpoint,
        content=to_json(body).encode(),
        headers={"content-type": "application/json"},
    )
