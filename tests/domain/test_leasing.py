"""plan_leases: which queued runs a worker may take, the same rules for every leasing path."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from agentcron.app.domain.enums import Overlap, RunStatus, Trigger
from agentcron.app.domain.leasing import (
    JOB_DELETED,
    JOB_PAUSED,
    OVERLAPPED,
    WAITING_FOR_PREVIOUS,
    PreviousRun,
    plan_leases,
    take,
    to_judge,
)
from agentcron.app.domain.records import JobSnapshot, Run, new_run

T = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def job(job_id: str = "job_a", **changes: Any) -> JobSnapshot:
    values: dict[str, Any] = {
        "id": job_id,
        "owner": "alice",
        "name": job_id,
        "status": "active",
        "deleted_at": None,
        "action": {"type": "noop"},
        "goal": None,
        "condition": None,
        "delivery": None,
        "metadata": {},
        "timeout_seconds": None,
        "webhook_url": None,
        "overlap": Overlap.SKIP,
        "max_concurrency": None,
    }
    values.update(changes)
    return JobSnapshot(**values)


def queued(job_id: str = "job_a", *, at: datetime = T, **changes: Any) -> Run:
    run = new_run(job_id=job_id, owner="alice", trigger=Trigger.SCHEDULE, now=at, scheduled_for=at)
    for name, value in changes.items():
        setattr(run, name, value)
    return run


def test_one_run_per_job_unless_the_job_allows_more() -> None:
    runs = [queued(), queued(at=T + timedelta(seconds=1)), queued("job_b"), queued("job_b")]
    jobs = {"job_a": job(), "job_b": job("job_b", overlap=Overlap.ALLOW)}
    plan = plan_leases(runs, jobs, running=Counter(), limit=10)
    assert plan.lease == [runs[0], runs[2], runs[3]]
    limited = {"job_a": job(), "job_b": job("job_b", overlap=Overlap.ALLOW, max_concurrency=1)}
    assert plan_leases(runs, limited, running=Counter(), limit=10).lease == [runs[0], runs[2]]


def test_a_job_with_a_run_going_waits_and_the_limit_stops_the_round() -> None:
    runs = [queued(), queued("job_b"), queued("job_c")]
    jobs = {name: job(name) for name in ("job_a", "job_b", "job_c")}
    plan = plan_leases(runs, jobs, running=Counter({"job_a": 1}), limit=1)
    assert plan.lease == [runs[1]]
    assert plan.end == []


def test_runs_of_deleted_and_paused_jobs_end_without_running() -> None:
    scheduled, manual = queued(), queued(trigger=Trigger.MANUAL)
    gone = queued("job_b")
    jobs = {"job_a": job(status="paused"), "job_b": job("job_b", deleted_at=T)}
    plan = plan_leases([scheduled, manual, gone], jobs, running=Counter(), limit=10)
    assert plan.lease == [manual]  # run now means run now, paused or not
    assert plan.end == [
        (scheduled, RunStatus.SKIPPED, JOB_PAUSED),
        (gone, RunStatus.CANCELLED, JOB_DELETED),
    ]


def test_a_slot_that_waited_for_its_previous_run_is_judged_by_how_long_that_run_took() -> None:
    overlapped = queued(reason=WAITING_FOR_PREVIOUS)
    clear = queued("job_b", reason=WAITING_FOR_PREVIOUS)
    late = queued("job_c", reason=WAITING_FOR_PREVIOUS)
    going = queued("job_d", reason=WAITING_FOR_PREVIOUS)
    jobs = {name: job(name) for name in ("job_a", "job_b", "job_c", "job_d")}
    minute_before = T - timedelta(minutes=1)
    before = {
        # begun on time and still going when the slot came
        overlapped.id: PreviousRun(minute_before, minute_before, T + timedelta(milliseconds=5)),
        # done in time, only its write came late
        clear.id: PreviousRun(minute_before, minute_before, T - timedelta(seconds=50)),
        # begun 59.9 s late (the engine's lateness), ran 0.2 s: it ended after the slot came,
        # but begun on its own slot it would have ended long before
        late.id: PreviousRun(minute_before, T - timedelta(seconds=0.1), T + timedelta(seconds=0.1)),
        # still going: judged when it has ended
        going.id: PreviousRun(minute_before, minute_before, None),
    }
    plan = plan_leases(
        [overlapped, clear, late, going], jobs, running=Counter(), limit=10, previous=before
    )
    assert plan.lease == [clear, late]
    assert plan.end == [(overlapped, RunStatus.SKIPPED, OVERLAPPED)]


def test_a_waiting_slot_nothing_ran_before_runs_and_one_not_looked_at_waits() -> None:
    first = queued(reason=WAITING_FOR_PREVIOUS)
    unlooked = queued("job_b", reason=WAITING_FOR_PREVIOUS)
    jobs = {name: job(name) for name in ("job_a", "job_b")}
    plan = plan_leases(
        [first, unlooked], jobs, running=Counter(), limit=10, previous={first.id: None}
    )
    assert plan.lease == [first]
    assert plan.end == []


def test_a_round_looks_up_the_oldest_waiting_slot_of_each_job_with_room() -> None:
    a1 = queued(reason=WAITING_FOR_PREVIOUS)
    a2 = queued(at=T + timedelta(seconds=1), reason=WAITING_FOR_PREVIOUS)
    b1 = queued("job_b", reason=WAITING_FOR_PREVIOUS)  # its job is at its one run
    c1 = queued("job_c", reason=WAITING_FOR_PREVIOUS)  # queueing: never judged
    d1 = queued("job_d")  # not waiting
    jobs = {
        "job_a": job("job_a"),
        "job_b": job("job_b"),
        "job_c": job("job_c", overlap=Overlap.QUEUE),
        "job_d": job("job_d"),
    }
    chosen = to_judge([a1, a2, b1, c1, d1], jobs, running=Counter({"job_b": 1}))
    assert chosen == [a1]


def test_a_waiting_slot_of_a_queueing_job_simply_runs() -> None:
    run = queued(reason=WAITING_FOR_PREVIOUS)
    plan = plan_leases(
        [run],
        {"job_a": job(overlap=Overlap.QUEUE)},
        running=Counter(),
        limit=1,
        previous={run.id: PreviousRun(T - timedelta(minutes=1), T - timedelta(minutes=1), None)},
    )
    assert plan.lease == [run]


def test_taking_a_run_ahead_starts_it_on_its_slot() -> None:
    run = queued(at=T + timedelta(seconds=1), reason=WAITING_FOR_PREVIOUS)
    take(run, instance="inst_a", now=T, lease=30)
    assert run.status == RunStatus.RUNNING and run.acquired_by == "inst_a"
    assert run.started_at == T + timedelta(seconds=1)
    assert run.acquired_until == T + timedelta(seconds=31)
    assert run.reason is None
