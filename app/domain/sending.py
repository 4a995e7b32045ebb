"""What one try at sending an outbox row comes to: a pure decision, carried out by the outbox
store.

``plan_outcome`` (``domain.outcome``) decides *which* deliveries, notices, callbacks and job
events a run's outcome makes; the outbox sender only tries to send each row, and this
module says what its try means:

- delivered: the row is ``delivered``;
- failed in a way that trying again could help (a 5xx, a timeout, a rate limit), with tries
  left: the row goes back to ``pending`` until ``retry_at`` — 15 s after the first try,
  doubling, at most an hour apart — and the run's delivery summary says ``retrying``;
- otherwise the row is ``failed`` for good (at most ``MAX_ATTEMPTS`` tries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from agentcron.app.domain.enums import OutboxStatus

#: tries of one row, the first included
MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 15
LONGEST_RETRY_SECONDS = 3600
#: what the run's delivery summary says of a row that will be tried again
RETRYING = "retrying"


def backoff(attempts: int) -> float:
    """Seconds before the next try, after ``attempts`` tries."""
    return float(min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (attempts - 1)))


@dataclass(frozen=True, slots=True)
class SendPlan:
    #: the row's status from now: delivered, failed, or pending (to be tried again)
    status: OutboxStatus
    #: when it is tried again (None: never)
    retry_at: datetime | None
    #: what the run's delivery summary shows for this target
    summary: str


def plan_send(*, delivered: bool, retryable: bool, attempts: int, now: datetime) -> SendPlan:
    """The try numbered ``attempts`` (1 for the first) delivered, or failed (``retryable``:
    whether trying again could help)."""
    if delivered:
        return SendPlan(OutboxStatus.DELIVERED, None, OutboxStatus.DELIVERED)
    if retryable and attempts < MAX_ATTEMPTS:
        retry_at = now + timedelta(seconds=backoff(attempts))
        return SendPlan(OutboxStatus.PENDING, retry_at, RETRYING)
    return SendPlan(OutboxStatus.FAILED, None, OutboxStatus.FAILED)
