"""The console's account of runs: a line per failed run (cleaned of what may be secret),
and a summary of how many runs ended how."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from agentcron.app.domain.enums import RunStatus, Trigger
from agentcron.app.domain.outcome import OutcomePlan
from agentcron.app.domain.records import new_run
from agentcron.app.engine.console import RunTally, clean, failure_line
from tests.engine.conftest import EngineHarness
from tests.fakes.sink import Sink

T = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


def plan(status: RunStatus, *, retry: bool = False, final: bool = True, **run: Any) -> OutcomePlan:
    made = new_run(
        job_id="job_a", owner="alice", trigger=Trigger.SCHEDULE, now=T, scheduled_for=T, slot=T
    )
    made.id = "run_1"
    made.status = status
    for name, value in run.items():
        setattr(made, name, value)
    again = None
    if retry:
        again = SimpleNamespace(attempt=2, not_before=T + timedelta(seconds=60))
    return OutcomePlan(run=made, final=final, retry=again, job_name="Daily digest")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GET https://api.example.com/q?key=s3cret returned 500",
            "GET https://api.example.com/q returned 500",
        ),
        (
            "POST https://user:pw@hooks.example.com/x#frag failed",
            "POST https://hooks.example.com/x failed",
        ),
        ("401: Bearer sk-abc123 was refused", "401: Bearer [redacted] was refused"),
        (
            "bad token=abc; api_key: xyz, password=hunter2",
            "bad token=[redacted]; api_key: [redacted], password=[redacted]",
        ),
        ("line one\nERROR forged line\r\x1b[31m", "line one ERROR forged line [31m"),
        ("x" * 500, "x" * 299 + "…"),
    ],
)
def test_what_is_logged_is_cleaned(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_a_failed_run_is_one_line_naming_the_job_the_run_and_why() -> None:
    failed = plan(
        RunStatus.FAILED, retry=True, final=False, error="GET https://x.example/a?t=1 returned 503"
    )
    assert failure_line(failed) == (
        'run run_1 of job job_a "Daily digest" failed (attempt 1, schedule): '
        "GET https://x.example/a returned 503; attempt 2 at 2026-03-02T13:01:00Z"
    )
    final = plan(RunStatus.TIMED_OUT, error="timed out after 30 s")
    assert failure_line(final) == (
        'run run_1 of job job_a "Daily digest" timed out (attempt 1, schedule): '
        "timed out after 30 s; final"
    )
    condition = plan(
        RunStatus.FAILED, error="condition: 'x' is not in the run's data", reason="condition"
    )
    assert failure_line(condition) is not None and "condition: 'x'" in failure_line(condition)  # type: ignore[operator]
    for status in (RunStatus.SUCCEEDED, RunStatus.SKIPPED, RunStatus.CANCELLED):
        assert failure_line(plan(status)) is None


def test_a_name_cannot_forge_a_line() -> None:
    forged = plan(RunStatus.FAILED, error="boom")
    forged.job_name = 'x"\nINFO all good'
    line = failure_line(forged)
    assert line is not None and "\n" not in line
    assert '"x\\" INFO all good"' in line


def test_the_summary_counts_how_runs_ended_then_starts_again() -> None:
    tally = RunTally()
    assert tally.summary(600) is None
    tally.add([plan(RunStatus.SUCCEEDED)] * 120)
    tally.add([plan(RunStatus.FAILED, retry=True, final=False)] * 3 + [plan(RunStatus.SKIPPED)])
    assert tally.summary(600) == (
        "runs in the last 10 min: 124 ended: 120 succeeded, 3 failed, 1 skipped (3 to be retried)"
    )
    assert tally.summary(600) is None
    tally.add([plan(RunStatus.TIMED_OUT)])
    assert tally.summary(30) == "runs in the last 30 s: 1 ended: 1 timed out"


async def test_the_engine_logs_each_failed_run(
    engine: EngineHarness, sink: Sink, caplog: pytest.LogCaptureFixture
) -> None:
    sink.script("/down", status=500, body={"error": "down"})
    job = await engine.create(
        name="Pinger",
        action={"type": "http", "url": sink.url("/down?api_key=s3cret")},
        schedule=None,
    )
    with caplog.at_level(logging.WARNING, logger="agentcron.runs"):
        run = await engine.finished(job["id"], await engine.trigger(job["id"]))
        await engine.until(lambda: _logged(caplog), what="the failure to be logged")
    assert run["status"] == "failed"
    [line] = [r.getMessage() for r in caplog.records if r.name == "agentcron.runs"]
    assert line.startswith(
        f'run {run["id"]} of job {job["id"]} "Pinger" failed (attempt 1, manual): '
    )
    assert "500" in line and "s3cret" not in line
    assert engine.service.tally.summary(600) == "runs in the last 10 min: 1 ended: 1 failed"


async def _logged(caplog: pytest.LogCaptureFixture) -> bool:
    return any(r.name == "agentcron.runs" for r in caplog.records)
