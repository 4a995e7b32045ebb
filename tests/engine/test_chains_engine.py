"""Chains through the engine and the HTTP API, on SQLite and PostgreSQL, with a frozen clock."""

from __future__ import annotations

from typing import Any

from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink

EVERY_MINUTE = {"type": "cron", "expression": "* * * * *"}


async def noop(engine: EngineHarness, name: str, **extra: Any) -> str:
    body: dict[str, Any] = {"name": name, "action": "noop", "schedule": None, **extra}
    return str((await engine.create(**body))["id"])


async def failing(engine: EngineHarness, sink: Sink, name: str, **extra: Any) -> str:
    body: dict[str, Any] = {
        "name": name,
        "action": "http",
        "http": {"url": sink.url("/status/500")},
        "schedule": None,
        **extra,
    }
    return str((await engine.create(**body))["id"])


async def make_chain(
    engine: EngineHarness,
    jobs: list[str],
    edges: list[tuple[str, str, str]],
    joins: dict[str, str] | None = None,
) -> str:
    response = await engine.api.post(
        "/chains",
        json={
            "name": "test chain",
            "jobs": jobs,
            "edges": [{"from": a, "to": b, "type": t} for a, b, t in edges],
            "joins": joins or {},
        },
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def chain_run_over(engine: EngineHarness, chain_id: str, count: int = 1) -> dict[str, Any]:
    """Wait until the chain has ``count`` chain runs and the newest has ended; return it."""

    async def probe() -> dict[str, Any] | None:
        runs = (await engine.api.get(f"/chains/{chain_id}")).json()["runs"]
        if len(runs) >= count and runs[0]["status"] != "running":
            return dict(runs[0])
        return None

    return dict(await engine.until(probe, what="the chain run to end"))


async def only_run(engine: EngineHarness, job_id: str) -> dict[str, Any]:
    runs = await engine.runs(job_id)
    assert len(runs) == 1, runs
    return runs[0]


async def test_linear_success_path_from_a_manual_run(engine: EngineHarness) -> None:
    a, b, c = [await noop(engine, n) for n in "abc"]
    chain = await make_chain(engine, [a, b, c], [(a, b, "on_success"), (b, c, "on_success")])
    root = await engine.trigger(a)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"
    assert chain_run["trigger"] == "manual"
    assert chain_run["root_run_id"] == root
    run_b, run_c = await only_run(engine, b), await only_run(engine, c)
    assert chain_run["nodes"] == {
        a: {"status": "succeeded", "run_id": root, "reason": None, "trigger": "manual"},
        b: {"status": "succeeded", "run_id": run_b["id"], "reason": None, "trigger": "chain"},
        c: {"status": "succeeded", "run_id": run_c["id"], "reason": None, "trigger": "chain"},
    }
    assert run_b["upstream_run_id"] == root
    assert run_c["upstream_run_id"] == run_b["id"]
    assert {run_b["chain_run_id"], run_c["chain_run_id"]} == {chain_run["id"]}
    assert {run_b["chain_id"], run_c["chain_id"]} == {chain}
    # the root's own run is not re-labelled: it may start several chains
    assert (await only_run(engine, a))["chain_run_id"] is None


async def test_failure_branch_of_the_seed_pipeline(engine: EngineHarness, sink: Sink) -> None:
    fetch = await failing(engine, sink, "fetch")
    transform, store = await noop(engine, "transform"), await noop(engine, "store")
    chain = await make_chain(
        engine,
        [fetch, transform, store],
        [(fetch, transform, "on_success"), (transform, store, "on_success"),
         (fetch, store, "on_failure")],
    )  # fmt: skip
    root = await engine.trigger(fetch)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"  # the failure was handled by its on_failure edge
    assert chain_run["nodes"][fetch]["status"] == "failed"
    skipped = await only_run(engine, transform)
    assert skipped["status"] == "skipped"
    assert skipped["reason"] == f"no incoming edge fired: {fetch} ended failed (on_success)"
    ran = await only_run(engine, store)
    assert ran["status"] == "succeeded"
    assert ran["upstream_run_id"] == root


async def test_an_unhandled_failure_fails_the_chain_run(engine: EngineHarness, sink: Sink) -> None:
    a, b = await failing(engine, sink, "a"), await noop(engine, "b")
    chain = await make_chain(engine, [a, b], [(a, b, "on_success")])
    await engine.trigger(a)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "failed"
    assert chain_run["nodes"][b]["status"] == "skipped"


async def test_on_complete_runs_after_success_and_after_failure(
    engine: EngineHarness, sink: Sink
) -> None:
    good, bad, cleanup = await noop(engine, "good"), await failing(engine, sink, "bad"), None
    cleanup = await noop(engine, "cleanup", overlap="allow")
    chain = await make_chain(
        engine,
        [good, bad, cleanup],
        [(good, cleanup, "on_complete"), (bad, cleanup, "on_complete")],
    )
    await engine.trigger(bad)
    first = await chain_run_over(engine, chain, 1)
    await engine.trigger(good)
    second = await chain_run_over(engine, chain, 2)
    assert first["nodes"][cleanup]["status"] == "succeeded"
    assert second["nodes"][cleanup]["status"] == "succeeded"
    assert first["status"] == second["status"] == "succeeded"
    runs = await engine.runs(cleanup)
    assert [r["trigger"] for r in runs] == ["chain", "chain"]


async def test_any_join_runs_once_on_the_first_matching_edge(engine: EngineHarness) -> None:
    a, b, c = [await noop(engine, n) for n in "abc"]
    chain = await make_chain(engine, [a, b, c], [(a, c, "on_success"), (b, c, "on_success")])
    response = await engine.api.post(f"/chains/{chain}/trigger")
    assert response.status_code == 202
    assert sorted(r["job_id"] for r in response.json()["runs"]) == sorted([a, b])
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"
    assert chain_run["trigger"] == "chain"
    run_c = await only_run(engine, c)  # both edges matched; c ran once
    assert run_c["upstream_run_id"] in (
        chain_run["nodes"][a]["run_id"],
        chain_run["nodes"][b]["run_id"],
    )


async def test_all_join_runs_once_both_upstreams_succeeded(engine: EngineHarness) -> None:
    a, b, c = [await noop(engine, n) for n in "abc"]
    chain = await make_chain(
        engine, [a, b, c], [(a, c, "on_success"), (b, c, "on_success")], joins={c: "all"}
    )
    await engine.api.post(f"/chains/{chain}/trigger")
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"
    assert (await only_run(engine, c))["status"] == "succeeded"


async def test_unreachable_all_join_is_skipped_with_the_reason(
    engine: EngineHarness, sink: Sink
) -> None:
    a, b = await failing(engine, sink, "a"), await noop(engine, "b")
    c, d = await noop(engine, "c"), await noop(engine, "d")
    chain = await make_chain(
        engine,
        [a, b, c, d],
        [(a, c, "on_success"), (b, c, "on_success"), (c, d, "on_complete")],
        joins={c: "all"},
    )
    await engine.api.post(f"/chains/{chain}/trigger")
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "failed"  # a failed and nothing handles it
    skipped = await only_run(engine, c)
    assert skipped["status"] == "skipped"
    assert skipped["trigger"] == "chain"
    assert skipped["reason"] == f"join all: {a} ended failed (on_success)"
    assert (await only_run(engine, d))["reason"] == f"no incoming edge fired: {c} was skipped"
    assert (await only_run(engine, b))["status"] == "succeeded"


async def test_a_scheduled_root_starts_a_chain_run_for_its_slot(engine: EngineHarness) -> None:
    root = await noop(engine, "root", schedule=EVERY_MINUTE)
    after = await noop(engine, "after")
    chain = await make_chain(engine, [root, after], [(root, after, "on_success")])
    await engine.advance(60)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["trigger"] == "schedule"
    downstream = await only_run(engine, after)
    # the downstream run serves the root's slot (like Airflow's logical date)
    assert downstream["scheduled_for"] == "2026-03-02T13:01:00+00:00"
    assert downstream["trigger"] == "chain"


async def test_scheduled_roots_of_one_slot_share_a_chain_run(engine: EngineHarness) -> None:
    a = await noop(engine, "a", schedule=EVERY_MINUTE)
    b = await noop(engine, "b", schedule=EVERY_MINUTE)
    c = await noop(engine, "c")
    chain = await make_chain(
        engine, [a, b, c], [(a, c, "on_success"), (b, c, "on_success")], joins={c: "all"}
    )
    await engine.advance(60)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"
    assert len((await engine.api.get(f"/chains/{chain}")).json()["runs"]) == 1
    assert {chain_run["nodes"][j]["trigger"] for j in (a, b)} == {"schedule"}
    assert (await only_run(engine, c))["status"] == "succeeded"


async def test_a_root_retried_to_its_end_starts_the_chain_once(
    engine: EngineHarness, sink: Sink
) -> None:
    sink.script("/flaky", status=503)
    root = str(
        (
            await engine.create(
                name="flaky",
                action="http",
                http={"url": sink.url("/flaky")},
                schedule=None,
                retry={"max_attempts": 2, "strategy": "fixed", "base_delay": 0, "jitter": False},
            )
        )["id"]
    )
    after = await noop(engine, "after")
    chain = await make_chain(engine, [root, after], [(root, after, "on_success")])
    await engine.trigger(root)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded"
    attempts = await engine.runs(root)
    assert [(r["attempt"], r["status"]) for r in attempts] == [(1, "failed"), (2, "succeeded")]
    assert chain_run["root_run_id"] == attempts[1]["id"]
    assert (await only_run(engine, after))["upstream_run_id"] == attempts[1]["id"]


async def test_a_downstream_http_job_sees_the_upstream_output_and_data(
    engine: EngineHarness, sink: Sink
) -> None:
    sink.script("/source", body={"price": 42})
    source = str(
        (
            await engine.create(
                name="source", action="http", http={"url": sink.url("/source")}, schedule=None
            )
        )["id"]
    )
    report = str(
        (
            await engine.create(
                name="report",
                action="http",
                http={
                    "url": sink.url("/report"),
                    "method": "POST",
                    "body": {
                        "price": "{{ upstream.data.body.price }}",
                        "was": "{{ upstream.status }}",
                    },
                },
                schedule=None,
            )
        )["id"]
    )
    chain = await make_chain(engine, [source, report], [(source, report, "on_success")])
    await engine.trigger(source)
    chain_run = await chain_run_over(engine, chain)
    assert chain_run["status"] == "succeeded", chain_run
    assert sink.on("/report")[0].json() == {"price": 42, "was": "succeeded"}


async def test_deleting_a_chain_cancels_its_queued_runs(engine: EngineHarness) -> None:
    a, b = await noop(engine, "a"), await noop(engine, "b")
    chain = await make_chain(engine, [a, b], [(a, b, "on_success")])
    await engine.api.post(f"/jobs/{a}/pause")
    # a paused root is skipped at trigger time, so the chain run ends at once
    body = (await engine.api.post(f"/chains/{chain}/trigger")).json()
    assert body["status"] == "succeeded"
    assert (await engine.api.delete(f"/chains/{chain}")).status_code == 200
    assert [r["status"] for r in await engine.runs(a)] == ["skipped"]
    assert (await engine.api.delete(f"/jobs/{a}")).status_code == 200


async def test_a_late_root_of_a_slot_reopens_its_chain_run(engine: EngineHarness) -> None:
    daily = {"type": "cron", "expression": "0 9 * * *"}
    a, b = await noop(engine, "a", schedule=daily), await noop(engine, "b", schedule=daily)
    both, only_b = await noop(engine, "both"), await noop(engine, "only b")
    chain = await make_chain(
        engine,
        [a, b, both, only_b],
        [(a, both, "on_success"), (b, both, "on_success"), (b, only_b, "on_success")],
        joins={both: "all"},
    )
    past = {"start": "2026-03-01T00:00:00Z", "end": "2026-03-02T00:00:00Z"}
    assert (await engine.api.post(f"/jobs/{a}/backfill", json=past)).json()["count"] == 1
    first = await chain_run_over(engine, chain)
    assert first["trigger"] == "backfill"
    assert first["nodes"][both]["reason"] == f"join all: {b} is not part of this chain run"
    assert first["nodes"][only_b]["status"] == "not_run"
    # b's run for the same slot comes later: it joins that chain run instead of a new one
    assert (await engine.api.post(f"/jobs/{b}/backfill", json=past)).json()["count"] == 1

    async def only_b_ran() -> bool:
        return bool([r for r in await engine.runs(only_b) if r["status"] == "succeeded"])

    await engine.until(only_b_ran, what="b's own downstream job")
    again = await chain_run_over(engine, chain)
    assert again["id"] == first["id"]
    assert len((await engine.api.get(f"/chains/{chain}")).json()["runs"]) == 1
    assert again["nodes"][only_b]["status"] == "succeeded"
    assert again["nodes"][b]["status"] == "succeeded"
    assert (await only_run(engine, both))["status"] == "skipped"  # decided once, not re-run
