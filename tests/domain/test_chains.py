"""Chain checks and decisions, as tables: no database, no clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.app.domain.chains import (
    ABSENT,
    ACTIVE,
    Chain,
    Edge,
    Node,
    advance,
    find_cycle,
    parse_chain,
)
from agentcron.app.errors import InvalidInput

T = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


def chain(*edges: str, joins: dict[str, str] | None = None, jobs: str = "") -> Chain:
    """``chain("a>b:on_success", ...)``; jobs in order of appearance, then ``jobs``."""
    parsed = []
    for text in edges:
        ends, _, kind = text.partition(":")
        source, target = ends.split(">")
        parsed.append(Edge(source, target, kind or "on_success"))
    names: list[str] = []
    for name in [n for e in parsed for n in (e.source, e.target)] + jobs.split():
        if name not in names:
            names.append(name)
    return Chain(jobs=tuple(names), edges=tuple(parsed), joins=joins or {})


def done(status: str, minute: int = 0) -> Node:
    return Node(status, run_id=f"run_{status}_{minute}", completed_at=T + timedelta(minutes=minute))


# -- parsing ----------------------------------------------------------------------------------


def test_the_seed_example_parses() -> None:
    name, parsed = parse_chain(
        {
            "name": "Data pipeline",
            "jobs": ["job_fetch", "job_transform", "job_store"],
            "edges": [
                {"from": "job_fetch", "to": "job_transform", "type": "on_success"},
                {"from": "job_transform", "to": "job_store", "type": "on_success"},
                {"from": "job_fetch", "to": "job_store", "type": "on_failure"},
            ],
        }
    )
    assert name == "Data pipeline"
    assert parsed.roots == ("job_fetch",)
    assert parsed.join("job_store") == "any"
    assert [e.to_dict()["type"] for e in parsed.edges] == ["on_success", "on_success", "on_failure"]


@pytest.mark.parametrize(
    ("edges", "cycle"),
    [
        (["a>a"], "a -> a"),
        (["a>b", "b>a"], "a -> b -> a"),
        (["a>b", "b>c", "c>d", "d>e", "e>a"], "a -> b -> c -> d -> e -> a"),
        # the cycle is named from where the walk met it, not from the first job
        (["s>a", "a>b", "b>c", "c>a"], "a -> b -> c -> a"),
    ],
)
def test_cycles_are_rejected_with_the_cycle_named(edges: list[str], cycle: str) -> None:
    spec = chain(*edges)
    body = {
        "name": "loop",
        "jobs": list(spec.jobs),
        "edges": [e.to_dict() for e in spec.edges],
    }
    with pytest.raises(InvalidInput) as caught:
        parse_chain(body)
    assert caught.value.problems[0].field == "edges"
    assert caught.value.problems[0].reason == f"the edges form a cycle: {cycle}"


def test_a_diamond_is_not_a_cycle() -> None:
    spec = chain("a>b", "a>c", "b>d", "c>d")
    assert find_cycle(spec.jobs, spec.edges) is None


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        ({"jobs": ["a"]}, "name", "required"),
        ({"name": "x"}, "jobs", "non-empty list"),
        ({"name": "x", "jobs": []}, "jobs", "non-empty list"),
        ({"name": "x", "jobs": ["a", "a"]}, "jobs[1]", "listed twice"),
        ({"name": "x", "jobs": ["a", 3]}, "jobs[1]", "job id"),
        ({"name": "x", "jobs": ["a"], "edges": {}}, "edges", "list"),
        (
            {"name": "x", "jobs": ["a", "b"], "edges": [{"from": "a", "to": "z"}]},
            "edges[0].to",
            "z",
        ),
        ({"name": "x", "jobs": ["a", "b"], "edges": [{"to": "b"}]}, "edges[0].from", "required"),
        (
            {"name": "x", "jobs": ["a", "b"], "edges": [{"from": "a", "to": "b", "type": "on_x"}]},
            "edges[0].type",
            "on_success, on_failure, on_complete",
        ),
        (
            {"name": "x", "jobs": ["a", "b"], "edges": [{"from": "a", "to": "b"}] * 2},
            "edges[1]",
            "repeats",
        ),
        ({"name": "x", "jobs": ["a"], "joins": {"a": "most"}}, "joins.a", '"any" or "all"'),
        ({"name": "x", "jobs": ["a"], "joins": {"b": "all"}}, "joins.b", "not one of"),
    ],
)
def test_bad_bodies_name_the_field(body: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_chain(body)
    problems = {p.field: p.reason for p in caught.value.problems}
    assert field in problems, problems
    assert fragment in problems[field]


def test_a_body_that_is_not_an_object_is_a_400() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_chain(["a"])
    assert caught.value.status == 400


def test_an_edge_without_type_is_on_success() -> None:
    _, parsed = parse_chain({"name": "x", "jobs": ["a", "b"], "edges": [{"from": "a", "to": "b"}]})
    assert parsed.edges == (Edge("a", "b", "on_success"),)


# -- advancing a chain run --------------------------------------------------------------------

PIPELINE = chain("fetch>transform", "transform>store", "fetch>store:on_failure")


@pytest.mark.parametrize(
    ("nodes", "start", "skip", "outcome"),
    [
        # the root is running: nothing to do yet
        ({"fetch": Node(ACTIVE)}, [], [], None),
        # success path: transform starts because of fetch
        ({"fetch": done("succeeded")}, [("transform", "fetch")], [], None),
        ({"fetch": done("succeeded"), "transform": Node(ACTIVE)}, [], [], None),
        (
            {"fetch": done("succeeded"), "transform": done("succeeded", 1)},
            [("store", "transform")],
            [],
            None,
        ),
        # failure branch: store runs because of fetch's failure, transform is skipped
        (
            {"fetch": done("failed")},
            [("store", "fetch")],
            [("transform", "no incoming edge fired: fetch ended failed (on_success)")],
            None,
        ),
        (
            {"fetch": done("timed_out"), "transform": Node("skipped"), "store": done("succeeded")},
            [],
            [],
            "succeeded",  # the failure was handled by an on_failure edge
        ),
        # transform failed: nothing handles it, store's edges are dead, the chain run failed
        (
            {"fetch": done("succeeded"), "transform": done("failed", 1)},
            [],
            [
                (
                    "store",
                    "no incoming edge fired: transform ended failed (on_success); "
                    "fetch ended succeeded (on_failure)",
                )
            ],
            "failed",
        ),
    ],
)
def test_the_seed_pipeline(
    nodes: dict[str, Node],
    start: list[tuple[str, str]],
    skip: list[tuple[str, str]],
    outcome: str | None,
) -> None:
    step = advance(PIPELINE, nodes)
    assert step.start == start
    assert sorted(step.skip) == sorted(skip)
    assert step.outcome == outcome


@pytest.mark.parametrize("status", ["succeeded", "failed", "timed_out", "cancelled"])
def test_on_complete_fires_on_every_outcome(status: str) -> None:
    step = advance(chain("a>b:on_complete"), {"a": done(status)})
    assert step.start == [("b", "a")]


@pytest.mark.parametrize(
    ("status", "fires"),
    [("succeeded", False), ("failed", True), ("timed_out", True), ("cancelled", False)],
)
def test_on_failure_fires_on_failed_and_timed_out(status: str, fires: bool) -> None:
    step = advance(chain("a>b:on_failure"), {"a": done(status)})
    assert bool(step.start) is fires


def test_a_skip_propagates_down_the_line() -> None:
    step = advance(chain("a>b", "b>c", "c>d"), {"a": done("failed")})
    assert step.start == []
    assert [job for job, _ in step.skip] == ["b", "c", "d"]
    assert step.skip[1] == ("c", "no incoming edge fired: b was skipped")
    assert step.outcome == "failed"


JOIN = chain("a>c", "b>c", "c>d")


def test_any_join_starts_on_the_first_matching_edge_and_only_once() -> None:
    step = advance(JOIN, {"a": done("succeeded", 2), "b": Node(ACTIVE)})
    assert step.start == [("c", "a")]
    # b finishing later changes nothing for c, which already has a run
    step = advance(JOIN, {"a": done("succeeded", 2), "b": done("succeeded", 3), "c": Node(ACTIVE)})
    assert step.start == []


def test_any_join_blames_the_upstream_that_finished_first() -> None:
    step = advance(JOIN, {"a": done("succeeded", 5), "b": done("succeeded", 1)})
    assert step.start == [("c", "b")]


def test_any_join_waits_while_an_edge_may_still_fire() -> None:
    step = advance(JOIN, {"a": done("failed"), "b": Node(ACTIVE)})
    assert step.start == [] and step.skip == []
    step = advance(JOIN, {"a": done("failed"), "b": done("succeeded", 1)})
    assert step.start == [("c", "b")]


ALL = chain("a>c", "b>c", "c>d", joins={"c": "all"})


def test_all_join_waits_for_every_upstream() -> None:
    assert advance(ALL, {"a": done("succeeded"), "b": Node(ACTIVE)}).start == []
    step = advance(ALL, {"a": done("succeeded", 4), "b": done("succeeded", 7)})
    assert step.start == [("c", "b")]  # the last upstream to finish caused it


def test_all_join_is_skipped_as_soon_as_it_cannot_happen() -> None:
    step = advance(ALL, {"a": done("failed"), "b": Node(ACTIVE)})
    assert step.start == []
    assert step.skip == [
        ("c", "join all: a ended failed (on_success)"),
        ("d", "no incoming edge fired: c was skipped"),
    ]
    assert step.outcome is None  # b is still running


def test_all_join_with_a_root_that_is_not_part_of_the_run() -> None:
    step = advance(ALL, {"a": done("succeeded")})
    assert step.skip[0] == ("c", "join all: b is not part of this chain run")


def test_jobs_reachable_only_from_absent_roots_are_left_alone() -> None:
    spec = chain("a>c", "b>d")
    step = advance(spec, {"a": done("succeeded")})
    assert step.start == [("c", "a")]
    assert step.skip == []  # d is not part of this chain run; no skipped run is recorded for it
    step = advance(spec, {"a": done("succeeded"), "c": done("succeeded")})
    assert step.outcome == "succeeded"


def test_a_blocked_job_is_skipped_and_the_skip_propagates() -> None:
    step = advance(chain("a>b", "b>c"), {"a": done("succeeded")}, blocked={"b": "job paused"})
    assert step.skip == [("b", "job paused"), ("c", "no incoming edge fired: b was skipped")]
    assert step.outcome == "succeeded"


def test_cancelled_without_a_handler_ends_the_chain_run_cancelled() -> None:
    assert advance(chain("a>b"), {"a": done("cancelled")}).outcome == "cancelled"


def test_absent_roots_and_pending_nodes_are_not_the_same() -> None:
    spec = chain("a>b", jobs="lonely")
    step = advance(spec, {"a": Node(ACTIVE)})
    assert step.outcome is None
    step = advance(spec, {"a": done("succeeded"), "b": done("succeeded"), "lonely": Node(ABSENT)})
    assert step.outcome == "succeeded"
