"""Bad input of every shape, to every endpoint: never a 500, always a problem document.

The app runs without its engine, so nothing a request stores is ever executed (no URL the
fuzzer invents is called)."""

from __future__ import annotations

import json
import random
from typing import Any

import httpx

from agentcron.app.asgi import api_routes

FIELDS = [
    "name",
    "goal",
    "schedule",
    "action",
    "http",
    "delivery",
    "condition",
    "retry",
    "tags",
    "metadata",
    "timeout_seconds",
    "overlap",
    "exclusions",
    "webhook_url",
    "agent_id",
    "status",
    "text",
    "timezone",
    "jobs",
    "edges",
    "start",
    "end",
    "effective_from",
    "model",
    "tools",
    "instructions",
    "max_steps",
    "type",
    "expression",
    "interval",
    "datetime",
    "channel",
]
NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "null",
    "0",
    "-1",
    "1e309",
    "NaN",
    "9" * 400,
    "😀" * 50,
    "<script>",
    "'; DROP TABLE jobs; --",
    "../../etc/passwd",
    "*/0 * * * *",
    "61 25 32 13 8",
    "@weird",
    "2026-02-30T25:61:00Z",
    "Mars/Base",
    "slack:",
    "webhook:ftp://x",
    "http://169.254.169.254/",
    "a" * 5000,
    "{{ run.id }}",
    "__import__('os')",
    "().__class__",
]


def value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 1, 2**31, -(2**63), 10**30, 3.5, -0.0, 1e308])
    if kind in (3, 4, 5):
        return rng.choice(NASTY_STRINGS)
    if kind in (6, 7):
        return {rng.choice(FIELDS): value(rng, depth + 1) for _ in range(rng.randrange(4))}
    return [value(rng, depth + 1) for _ in range(rng.randrange(4))]


def body(rng: random.Random) -> Any:
    if rng.random() < 0.15:
        return value(rng)
    return {rng.choice(FIELDS): value(rng) for _ in range(rng.randrange(1, 7))}


async def test_no_input_gets_a_500(api: httpx.AsyncClient) -> None:
    rng = random.Random(20261123)
    job = (
        await api.post(
            "/jobs",
            json={"name": "j", "action": "noop", "schedule": {"type": "every", "interval": 60}},
        )
    ).json()
    ids = {"job_id": job["id"], "run_id": "run_x", "agent_id": "default", "chain_id": "chain_x"}
    failures: list[str] = []
    for route in api_routes():
        for method in sorted((route.methods or set()) - {"HEAD"}):
            for _ in range(25):
                path = route.path
                for name, real in ids.items():
                    path = path.replace("{" + name + "}", real if rng.random() < 0.8 else "x%00y")
                params = {
                    rng.choice([*FIELDS, "limit", "offset", "count", "hard", "sort"]): str(
                        value(rng)
                    )
                    for _ in range(rng.randrange(3))
                }
                if method in ("POST", "PUT", "PATCH"):
                    raw = json.dumps(body(rng)).encode() if rng.random() < 0.9 else b'{"broken'
                    response = await api.request(
                        method,
                        path,
                        params=params,
                        content=raw,
                        headers={"content-type": "application/json"},
                    )
                else:
                    response = await api.request(method, path, params=params)
                if response.status_code >= 500:
                    failures.append(f"{method} {path} {params} -> {response.status_code}")
                elif response.status_code >= 400:
                    assert response.headers["content-type"] == "application/problem+json", path
                    assert response.json()["detail"]
    assert not failures, failures[:10]
    # and the data is intact
    assert (await api.get(f"/jobs/{job['id']}")).status_code in (200, 404)
