"""What one try at sending an outbox row comes to (``domain.sending.plan_send``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agentcron.app.domain.enums import OutboxStatus
from agentcron.app.domain.sending import MAX_ATTEMPTS, RETRYING, backoff, plan_send

NOW = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delivered", "retryable", "attempts", "status", "retry_in", "summary"),
    [
        # delivered on any try
        (True, False, 1, OutboxStatus.DELIVERED, None, "delivered"),
        (True, True, MAX_ATTEMPTS, OutboxStatus.DELIVERED, None, "delivered"),
        # a failure trying again could help: 15 s, doubling
        (False, True, 1, OutboxStatus.PENDING, 15, RETRYING),
        (False, True, 2, OutboxStatus.PENDING, 30, RETRYING),
        (False, True, 7, OutboxStatus.PENDING, 960, RETRYING),
        # the last try, or a failure no retry can mend (channel_not_found, no SMTP server)
        (False, True, MAX_ATTEMPTS, OutboxStatus.FAILED, None, "failed"),
        (False, False, 1, OutboxStatus.FAILED, None, "failed"),
    ],
)
def test_a_try_comes_to(
    delivered: bool,
    retryable: bool,
    attempts: int,
    status: OutboxStatus,
    retry_in: int | None,
    summary: str,
) -> None:
    plan = plan_send(delivered=delivered, retryable=retryable, attempts=attempts, now=NOW)
    assert plan.status == status
    assert plan.retry_at == (None if retry_in is None else NOW + timedelta(seconds=retry_in))
    assert plan.summary == summary


def test_tries_are_at_most_an_hour_apart() -> None:
    assert backoff(8) == 1920
    assert backoff(9) == backoff(20) == 3600
