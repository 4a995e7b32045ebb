"""A job's health at a glance: the word the jobs list shows beside each job, what
``GET /jobs?health=`` filters on, and which runs its strip of recent runs holds.

Health is read from the job's own counters, which the outcome recorder keeps in the same
transaction as the run (``consecutive_failures``: failures for good in a row, reset by a
success; ``last_run_at``: set when a run is recorded), so filtering and sorting cost no join.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from agentcron.app.domain.enums import RunStatus


class Health(StrEnum):
    #: its latest run that finished for good failed (after any retries): the streak is > 0
    FAILING = "failing"
    #: it has run, and its latest run that finished for good did not fail
    PASSING = "passing"
    #: no run of it has finished yet
    NEW = "new"


HEALTHS = tuple(h.value for h in Health)

#: the runs a job's strip shows: those that ran (or are running) and those cancelled.
#: Queued runs have not happened yet and skipped slots did not run (an every-minute job that
#: skips while one long run goes on would otherwise fill its strip with skips); the job's
#: runs list has them all.
STRIP_STATUSES = (
    RunStatus.RUNNING,
    RunStatus.SUCCEEDED,
    RunStatus.FAILED,
    RunStatus.TIMED_OUT,
    RunStatus.CANCELLED,
)
#: how many recent runs a job in a list comes with
STRIP_LENGTH = 10
#: the outcomes "last outcome" means: a run that is over
_OVER = frozenset(STRIP_STATUSES) - {RunStatus.RUNNING}


def job_health(*, consecutive_failures: int, last_run_at: datetime | None) -> Health:
    if consecutive_failures > 0:
        return Health.FAILING
    if last_run_at is None:
        return Health.NEW
    return Health.PASSING


def last_outcome(recent: list[dict[str, Any]]) -> str | None:
    """The status of the newest run in ``recent`` (newest first) that is over, if any."""
    for run in recent:
        if run.get("status") in _OVER:
            return str(run["status"])
    return None
