"""A job's health from its counters, and its last outcome from its strip (table tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.app.domain.health import Health, job_health, last_outcome

T = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("streak", "last_run_at", "expected"),
    [
        (0, None, Health.NEW),
        (0, T, Health.PASSING),
        (1, T, Health.FAILING),
        (4, T, Health.FAILING),
        # a streak is failing even if last_run_at were lost (an old row): never "new"
        (2, None, Health.FAILING),
    ],
)
def test_health(streak: int, last_run_at: datetime | None, expected: Health) -> None:
    assert job_health(consecutive_failures=streak, last_run_at=last_run_at) == expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        (["running"], None),
        (["running", "failed", "succeeded"], "failed"),
        (["succeeded", "failed"], "succeeded"),
        (["timed_out"], "timed_out"),
        (["cancelled", "succeeded"], "cancelled"),
    ],
)
def test_last_outcome_is_the_newest_run_that_is_over(
    statuses: list[str], expected: str | None
) -> None:
    recent: list[dict[str, Any]] = [{"status": s} for s in statuses]
    assert last_outcome(recent) == expected
