"""Conditions on http results, through the engine: the README's examples as written, dots
into the response, and a condition that cannot be evaluated failing the run (not a success).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink

QUOTE = {"price_change_pct": 0.07, "status": "open", "quote": {"price": 107.5}}


async def _run_with(
    engine: EngineHarness, sink: Sink, expression: str, *, body: Any = QUOTE
) -> tuple[dict[str, Any], dict[str, Any]]:
    sink.script("/quote", body=body, headers={"X-Remaining": "41"})
    job = await engine.create(
        name="quote watch",
        action={"type": "http", "url": sink.url("/quote")},
        schedule=None,
        condition={"type": "expression", "expression": expression},
        delivery={"channel": f"webhook:{sink.url('/results')}"},
        retry={"max_attempts": 3, "base_delay": 0},
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    return job, run


@pytest.mark.parametrize(
    "expression",
    [
        "price_change_pct > 0.05",  # the README's example, as written
        "body.price_change_pct > 0.05",
        'body["price_change_pct"] > 0.05',
        "status == 200 and body.status == 'open' and quote.price > 100",
        "headers['x-remaining'] == '41'",
    ],
)
async def test_a_condition_reads_the_response_and_delivers(
    engine: EngineHarness, sink: Sink, expression: str
) -> None:
    job, run = await _run_with(engine, sink, expression)
    assert (run["status"], run["condition_met"], run["error"]) == ("succeeded", True, None)
    assert list(run["delivery"]) == [f"webhook:{sink.url('/results')}"]
    engine.service.outbox.wake()
    await sink.wait_for_requests(2)
    [posted] = sink.on("/results")
    assert (posted.json()["event"], posted.json()["job"]["id"]) == ("run.result", job["id"])


async def test_a_false_condition_succeeds_without_delivering(
    engine: EngineHarness, sink: Sink
) -> None:
    _, run = await _run_with(engine, sink, "price_change_pct > 0.10")
    assert (run["status"], run["condition_met"], run["delivery"]) == ("succeeded", False, None)


async def test_a_condition_that_cannot_be_evaluated_fails_the_run_once(
    engine: EngineHarness, sink: Sink
) -> None:
    job, run = await _run_with(engine, sink, "body.change_pct > 0.05")
    assert (run["status"], run["reason"], run["condition_met"]) == ("failed", "condition", None)
    assert run["error"] == (
        "condition: 'change_pct' is not in body (it has: price_change_pct, status, quote)"
    )
    assert run["data"]["body"] == QUOTE and run["delivery"] is None  # kept, not delivered
    runs = await engine.runs(job["id"])
    assert [r["id"] for r in runs] == [run["id"]]  # not retried: the same answer breaks it
    stats = (await engine.api.get(f"/jobs/{job['id']}/stats")).json()
    assert stats["success_rate"] == 0.0
    assert (await engine.job(job["id"]))["consecutive_failures"] == 1
    assert sink.on("/results") == []
