"""Chains: DAGs of jobs, checked at creation and advanced one finished run at a time.

Everything here is pure. ``parse_chain`` checks a ``POST /chains`` body (except whether the
jobs exist, which needs storage); ``advance`` takes the state of every node of one chain run
and says which jobs start now (and because of which upstream run), which are recorded
``skipped`` and why, and whether the chain run is over.

Edge types (which upstream outcomes fire an edge):

- ``on_success``: ``succeeded``;
- ``on_failure``: ``failed`` or ``timed_out`` (the run's retries, if any, are exhausted);
- ``on_complete``: any of those, or ``cancelled``.

A ``skipped`` upstream fires nothing, so a skip propagates, like Airflow's. A job with several
incoming edges follows its join rule: ``any`` (the default) starts it on the first edge that
fires; ``all`` waits until every upstream has finished and starts it only if every incoming
edge fired. When that can no longer happen the job is recorded skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from agentcron.app.domain.enums import RunStatus
from agentcron.app.errors import FieldProblem, InvalidInput

EDGE_TYPES = ("on_success", "on_failure", "on_complete")
JOIN_RULES = ("any", "all")
MAX_JOBS = 100
MAX_EDGES = 500

#: the final run statuses each edge type fires on
FIRES_ON: Mapping[str, frozenset[str]] = {
    "on_success": frozenset({RunStatus.SUCCEEDED}),
    "on_failure": frozenset({RunStatus.FAILED, RunStatus.TIMED_OUT}),
    "on_complete": frozenset(
        {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.CANCELLED}
    ),
}
OUTCOMES = frozenset(
    {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.CANCELLED}
)
FAILURES = frozenset({RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.CANCELLED})

# Node states besides the final run statuses:
PENDING = "pending"  # no run yet in this chain run; may still get one
ACTIVE = "active"  # queued or running (a retry pending counts)
ABSENT = "absent"  # not part of this chain run (a root that did not run, or below only such)
SKIPPED = RunStatus.SKIPPED

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    type: str

    def fires_on(self, status: str) -> bool:
        return status in FIRES_ON[self.type]

    def to_dict(self) -> dict[str, str]:
        return {"from": self.source, "to": self.target, "type": self.type}


@dataclass(frozen=True)
class Chain:
    """A checked DAG: jobs in the order given, edges, and each job's join rule."""

    jobs: tuple[str, ...]
    edges: tuple[Edge, ...]
    joins: Mapping[str, str] = field(default_factory=dict)

    def join(self, job: str) -> str:
        return self.joins.get(job, "any")

    def incoming(self, job: str) -> list[Edge]:
        return [e for e in self.edges if e.target == job]

    def outgoing(self, job: str) -> list[Edge]:
        return [e for e in self.edges if e.source == job]

    @property
    def roots(self) -> tuple[str, ...]:
        targets = {e.target for e in self.edges}
        return tuple(j for j in self.jobs if j not in targets)

    @classmethod
    def from_row(cls, jobs: Sequence[str], edges: Sequence[Mapping[str, str]], joins: Any) -> Chain:
        """From stored columns (already checked when the chain was created)."""
        return cls(
            jobs=tuple(jobs),
            edges=tuple(Edge(e["from"], e["to"], e["type"]) for e in edges),
            joins=dict(joins or {}),
        )


def find_cycle(jobs: Sequence[str], edges: Sequence[Edge]) -> list[str] | None:
    """The first cycle met by a depth-first walk, closed: ``["a", "b", "a"]``; or None."""
    successors: dict[str, list[str]] = {job: [] for job in jobs}
    for edge in edges:
        successors.setdefault(edge.source, []).append(edge.target)
    done: set[str] = set()
    for start in successors:
        if start in done:
            continue
        # iterative DFS: the path is the stack of nodes being visited
        path: list[str] = [start]
        on_path = {start}
        branches = [iter(successors[start])]
        while branches:
            nxt = next(branches[-1], None)
            if nxt is None:
                branches.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                continue
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                path.append(nxt)
                on_path.add(nxt)
                branches.append(iter(successors.get(nxt, ())))
    return None


def format_cycle(cycle: Sequence[str]) -> str:
    return " -> ".join(cycle)


def parse_chain(body: Any) -> tuple[str, Chain]:
    """Check a ``POST /chains`` body; returns (name, chain). Raises InvalidInput naming every
    field at fault, or the cycle (``job_a -> job_b -> job_a``) when the graph has one."""
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    problems: list[FieldProblem] = []
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(FieldProblem("name", "is required: a name for the chain"))
    elif len(name) > 200:
        problems.append(FieldProblem("name", "is longer than 200 characters"))
    jobs = _jobs(body.get("jobs"), problems)
    edges = _edges(body.get("edges", []), set(jobs), problems)
    joins = _joins(body.get("joins", {}), set(jobs), problems)
    if problems:
        raise InvalidInput(problems)
    cycle = find_cycle(jobs, edges)
    if cycle is not None:
        raise InvalidInput.field("edges", f"the edges form a cycle: {format_cycle(cycle)}")
    return str(name).strip(), Chain(jobs=tuple(jobs), edges=tuple(edges), joins=joins)


def _jobs(raw: Any, problems: list[FieldProblem]) -> list[str]:
    if not isinstance(raw, list) or not raw:
        problems.append(FieldProblem("jobs", "is required: a non-empty list of job ids"))
        return []
    if len(raw) > MAX_JOBS:
        problems.append(FieldProblem("jobs", f"a chain may hold at most {MAX_JOBS} jobs"))
        return []
    jobs: list[str] = []
    for i, job in enumerate(raw):
        if not isinstance(job, str) or not job.strip():
            problems.append(FieldProblem(f"jobs[{i}]", "must be a job id (a string)"))
        elif job in jobs:
            problems.append(FieldProblem(f"jobs[{i}]", f"{job} is listed twice"))
        else:
            jobs.append(job)
    return jobs


def _edges(raw: Any, jobs: set[str], problems: list[FieldProblem]) -> list[Edge]:
    if not isinstance(raw, list):
        problems.append(FieldProblem("edges", "must be a list of {from, to, type}"))
        return []
    if len(raw) > MAX_EDGES:
        problems.append(FieldProblem("edges", f"a chain may have at most {MAX_EDGES} edges"))
        return []
    edges: list[Edge] = []
    for i, item in enumerate(raw):
        where = f"edges[{i}]"
        if not isinstance(item, dict):
            problems.append(FieldProblem(where, "must be an object {from, to, type}"))
            continue
        ends: dict[str, str] = {}
        for key in ("from", "to"):
            value = item.get(key)
            if not isinstance(value, str) or not value:
                problems.append(FieldProblem(f"{where}.{key}", "is required: a job id"))
            elif value not in jobs:
                problems.append(
                    FieldProblem(f"{where}.{key}", f"{value} is not one of the chain's jobs")
                )
            else:
                ends[key] = value
        kind = item.get("type", "on_success")
        if kind not in EDGE_TYPES:
            choices = ", ".join(EDGE_TYPES)
            problems.append(FieldProblem(f"{where}.type", f"must be one of {choices}"))
            continue
        if len(ends) == 2:
            edge = Edge(ends["from"], ends["to"], kind)
            if edge in edges:
                problems.append(FieldProblem(where, "repeats an earlier edge"))
            else:
                edges.append(edge)
    return edges


def _joins(raw: Any, jobs: set[str], problems: list[FieldProblem]) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(FieldProblem("joins", 'must map job ids to "any" or "all"'))
        return {}
    joins: dict[str, str] = {}
    for job, rule in raw.items():
        if job not in jobs:
            problems.append(FieldProblem(f"joins.{job}", "is not one of the chain's jobs"))
        elif rule not in JOIN_RULES:
            problems.append(FieldProblem(f"joins.{job}", 'must be "any" or "all"'))
        elif rule != "any":
            joins[job] = rule
    return joins


# ---------------------------------------------------------------------------------------------
# Advancing a chain run


@dataclass(frozen=True)
class Node:
    """One job's state in a chain run: PENDING, ACTIVE, ABSENT, SKIPPED or a final status."""

    state: str
    run_id: str | None = None
    completed_at: datetime | None = None


@dataclass
class Step:
    #: (job, upstream job whose run caused it) to queue now
    start: list[tuple[str, str]] = field(default_factory=list)
    #: (job, reason) to record as skipped
    skip: list[tuple[str, str]] = field(default_factory=list)
    #: the chain run's outcome once nothing more can happen: succeeded, failed or cancelled
    outcome: str | None = None


def advance(
    chain: Chain, nodes: Mapping[str, Node], *, blocked: Mapping[str, str] | None = None
) -> Step:
    """Decide what follows from ``nodes`` (every job's state; a job missing is PENDING).

    ``blocked`` names jobs that cannot run now (paused, deleted) with the reason: where such
    a job would start it is skipped instead, and the skip propagates like any other.
    """
    blocked = blocked or {}
    states = {job: nodes.get(job, Node(PENDING)) for job in chain.jobs}
    _mark_unreachable(chain, states)
    step = Step()
    order = _topological(chain)
    changed = True
    while changed:
        changed = False
        for job in order:
            if states[job].state != PENDING:
                continue
            decision = _decide(chain, job, states)
            if decision is None:
                continue
            kind, detail = decision
            if kind == "start" and job in blocked:
                kind, detail = "skip", blocked[job]
            if kind == "start":
                step.start.append((job, detail))
                states[job] = Node(ACTIVE)
            else:
                step.skip.append((job, detail))
                states[job] = Node(SKIPPED)
            changed = True
    if not any(n.state in (ACTIVE, PENDING) for n in states.values()):
        step.outcome = _outcome(chain, states)
    return step


def _mark_unreachable(chain: Chain, states: dict[str, Node]) -> None:
    """Roots without a run are not part of this chain run, nor is what only they lead to."""
    for root in chain.roots:
        if states[root].state == PENDING:
            states[root] = Node(ABSENT)
    reachable = {r for r in chain.roots if states[r].state != ABSENT}
    frontier = list(reachable)
    while frontier:
        for edge in chain.outgoing(frontier.pop()):
            if edge.target not in reachable:
                reachable.add(edge.target)
                frontier.append(edge.target)
    for job, node in states.items():
        if job not in reachable and node.state == PENDING:
            states[job] = Node(ABSENT)


def _decide(chain: Chain, job: str, states: Mapping[str, Node]) -> tuple[str, str] | None:
    fired: list[Edge] = []
    dead: list[tuple[Edge, str]] = []
    for edge in chain.incoming(job):
        upstream = states[edge.source]
        if upstream.state in OUTCOMES:
            if edge.fires_on(upstream.state):
                fired.append(edge)
            else:
                dead.append((edge, f"{edge.source} ended {upstream.state} ({edge.type})"))
        elif upstream.state == SKIPPED:
            dead.append((edge, f"{edge.source} was skipped"))
        elif upstream.state == ABSENT:
            dead.append((edge, f"{edge.source} is not part of this chain run"))
    waiting = len(chain.incoming(job)) - len(fired) - len(dead)

    if chain.join(job) == "all":
        if dead:
            return "skip", "join all: " + "; ".join(reason for _, reason in dead)
        if waiting:
            return None
        # every upstream fired; the one that finished last is the one that caused the start
        return "start", max(fired, key=lambda e: _finished(states, e)).source
    if fired:
        return "start", min(fired, key=lambda e: _finished(states, e)).source
    if waiting:
        return None
    return "skip", "no incoming edge fired: " + "; ".join(reason for _, reason in dead)


def _finished(states: Mapping[str, Node], edge: Edge) -> datetime:
    return states[edge.source].completed_at or _EPOCH


def _outcome(chain: Chain, states: Mapping[str, Node]) -> str:
    """Failed when a job failed and no edge of its handles that (on_failure/on_complete)."""
    unhandled = [
        node.state
        for job, node in states.items()
        if node.state in FAILURES and not any(e.fires_on(node.state) for e in chain.outgoing(job))
    ]
    if not unhandled:
        return RunStatus.SUCCEEDED
    if any(s != RunStatus.CANCELLED for s in unhandled):
        return RunStatus.FAILED
    return RunStatus.CANCELLED


def _topological(chain: Chain) -> list[str]:
    incoming = dict.fromkeys(chain.jobs, 0)
    for edge in chain.edges:
        incoming[edge.target] += 1
    ready = [job for job in chain.jobs if incoming[job] == 0]
    order: list[str] = []
    while ready:
        job = ready.pop(0)
        order.append(job)
        for edge in chain.outgoing(job):
            incoming[edge.target] -= 1
            if incoming[edge.target] == 0:
                ready.append(edge.target)
    return order
