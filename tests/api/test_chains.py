"""``/chains`` through HTTP (no engine), on SQLite and PostgreSQL: checks, shapes, ownership."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


async def job(api: httpx.AsyncClient, name: str, **extra: Any) -> str:
    body = {"name": name, "action": "noop", "schedule": None, **extra}
    response = await api.post("/jobs", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def pipeline(api: httpx.AsyncClient) -> tuple[dict[str, Any], list[str]]:
    fetch, transform, store = [await job(api, n) for n in ("fetch", "transform", "store")]
    response = await api.post(
        "/chains",
        json={
            "name": "Data pipeline",
            "jobs": [fetch, transform, store],
            "edges": [
                {"from": fetch, "to": transform, "type": "on_success"},
                {"from": transform, "to": store, "type": "on_success"},
                {"from": fetch, "to": store, "type": "on_failure"},
            ],
        },
    )
    assert response.status_code == 201, response.text
    return response.json(), [fetch, transform, store]


async def test_create_returns_the_seed_shape_and_more(api: httpx.AsyncClient) -> None:
    chain, (fetch, transform, store) = await pipeline(api)
    assert chain["id"].startswith("chain_")
    assert chain["name"] == "Data pipeline"
    assert chain["jobs"] == [fetch, transform, store]
    assert chain["edges"][2] == {"from": fetch, "to": store, "type": "on_failure"}
    assert chain["roots"] == [fetch]
    assert chain["joins"] == {fetch: "any", transform: "any", store: "any"}
    assert chain["created_at"] == "2026-03-02T13:00:00Z"

    fetched = (await api.get(f"/chains/{chain['id']}")).json()
    assert fetched["jobs"] == chain["jobs"]
    assert [n["name"] for n in fetched["nodes"]] == ["fetch", "transform", "store"]
    assert {n["status"] for n in fetched["nodes"]} == {"active"}
    assert fetched["runs"] == []

    listed = (await api.get("/chains")).json()
    assert listed["count"] == 1
    assert listed["chains"][0]["id"] == chain["id"]
    assert listed["chains"][0]["last_run"] is None


@pytest.mark.parametrize("length", [1, 2, 5])
async def test_cycles_are_refused_with_the_cycle_named(api: httpx.AsyncClient, length: int) -> None:
    ids = [await job(api, f"j{i}") for i in range(length)]
    edges = [{"from": ids[i], "to": ids[(i + 1) % length]} for i in range(length)]
    response = await api.post("/chains", json={"name": "loop", "jobs": ids, "edges": edges})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == "edges"
    cycle = " -> ".join([*ids, ids[0]])
    assert problem["errors"][0]["reason"] == f"the edges form a cycle: {cycle}"
    assert (await api.get("/chains")).json()["count"] == 0


async def test_another_owners_job_is_refused_like_a_missing_one(
    api: httpx.AsyncClient, other_api: httpx.AsyncClient
) -> None:
    mine = await job(api, "mine")
    theirs = await job(other_api, "theirs")
    response = await api.post(
        "/chains",
        json={
            "name": "x",
            "jobs": [mine, theirs, "job_nope"],
            "edges": [{"from": mine, "to": theirs}],
        },
    )
    assert response.status_code == 422
    errors = {e["field"]: e["reason"] for e in response.json()["errors"]}
    assert errors == {
        "jobs[1]": f"no job by the id of {theirs!r} was found",
        "jobs[2]": "no job by the id of 'job_nope' was found",
    }


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"name": "x", "jobs": "job_a"}, 422, "jobs"),
        ({"name": "", "jobs": ["job_a"]}, 422, "name"),
        ([1, 2], 400, ""),
    ],
)
async def test_bad_bodies(api: httpx.AsyncClient, body: Any, status: int, field: str) -> None:
    response = await api.post("/chains", json=body)
    assert response.status_code == status
    assert response.json()["field"] == field


async def test_an_edge_to_a_job_outside_the_chain_is_named(api: httpx.AsyncClient) -> None:
    a, b = await job(api, "a"), await job(api, "b")
    response = await api.post(
        "/chains", json={"name": "x", "jobs": [a], "edges": [{"from": a, "to": b}]}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "edges[0].to", "reason": f"{b} is not one of the chain's jobs"}
    ]


async def test_chains_are_owned(api: httpx.AsyncClient, other_api: httpx.AsyncClient) -> None:
    chain, _ = await pipeline(api)
    assert (await other_api.get(f"/chains/{chain['id']}")).status_code == 404
    assert (await other_api.delete(f"/chains/{chain['id']}")).status_code == 404
    assert (await other_api.post(f"/chains/{chain['id']}/trigger")).status_code == 404
    assert (await other_api.get("/chains")).json()["count"] == 0


async def test_a_job_in_a_chain_cannot_be_deleted_until_the_chain_is(
    api: httpx.AsyncClient,
) -> None:
    chain, (fetch, _, _) = await pipeline(api)
    for hard in ("false", "true"):
        response = await api.delete(f"/jobs/{fetch}", params={"hard": hard})
        assert response.status_code == 409
        assert response.json()["detail"] == (
            f"job {fetch} belongs to the chain 'Data pipeline' ({chain['id']}); delete it first"
        )
    deleted = await api.delete(f"/chains/{chain['id']}")
    assert deleted.status_code == 200
    assert deleted.json() == {"id": chain["id"], "deleted": True}
    assert (await api.get(f"/chains/{chain['id']}")).status_code == 404
    assert (await api.get(f"/jobs/{fetch}")).status_code == 200  # the jobs stay
    assert (await api.delete(f"/jobs/{fetch}")).status_code == 200


async def test_trigger_queues_the_roots_as_one_chain_run(api: httpx.AsyncClient) -> None:
    chain, (fetch, _, _) = await pipeline(api)
    response = await api.post(f"/chains/{chain['id']}/trigger")
    assert response.status_code == 202
    body = response.json()
    assert body["chain_run_id"].startswith("chr_")
    assert body["status"] == "running"
    assert [(r["job_id"], r["status"]) for r in body["runs"]] == [(fetch, "queued")]
    run = (await api.get(f"/jobs/{fetch}/runs/{body['runs'][0]['run_id']}")).json()
    assert run["trigger"] == "chain"
    assert run["chain_id"] == chain["id"]
    assert run["chain_run_id"] == body["chain_run_id"]
    assert run["upstream_run_id"] is None

    shown = (await api.get(f"/chains/{chain['id']}")).json()
    [chain_run] = shown["runs"]
    assert chain_run["id"] == body["chain_run_id"]
    assert chain_run["trigger"] == "chain"
    assert chain_run["status"] == "running"
    assert chain_run["nodes"][fetch]["status"] == "queued"
    assert {n["status"] for j, n in chain_run["nodes"].items() if j != fetch} == {"pending"}
    assert (await api.get("/chains")).json()["chains"][0]["last_run"]["status"] == "running"


async def test_trigger_skips_a_paused_root_and_ends_at_once(api: httpx.AsyncClient) -> None:
    chain, (fetch, transform, store) = await pipeline(api)
    assert (await api.post(f"/jobs/{fetch}/pause")).status_code == 200
    response = await api.post(f"/chains/{chain['id']}/trigger")
    assert response.status_code == 202
    body = response.json()
    assert body["runs"][0]["status"] == "skipped"
    assert body["status"] == "succeeded"  # nothing failed: everything was skipped
    shown = (await api.get(f"/chains/{chain['id']}")).json()
    nodes = shown["runs"][0]["nodes"]
    assert nodes[fetch]["reason"] == "job paused"
    assert nodes[transform]["reason"] == f"no incoming edge fired: {fetch} was skipped"
    assert nodes[store]["status"] == "skipped"
