"""The states and kinds the engine speaks in, each one ``StrEnum``.

A member is its string (``RunStatus.QUEUED == "queued"``), so it goes into a column, a JSON
body or a log line as it is; comparing a stored string with a member just works.
"""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    """Where a run is in its life: queued → running → one of the finished states."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    SKIPPED = "skipped"

    @property
    def finished(self) -> bool:
        return self not in ACTIVE


#: a run still going (waiting for a worker, or held by one)
ACTIVE = frozenset({RunStatus.QUEUED, RunStatus.RUNNING})
FINISHED = frozenset(set(RunStatus) - ACTIVE)
#: the outcomes a retry policy applies to
RETRYABLE = frozenset({RunStatus.FAILED, RunStatus.TIMED_OUT})
#: outcomes of an attempt that ran (not skipped): what "the previous run" means to a job
RAN = frozenset({RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.TIMED_OUT})


class Trigger(StrEnum):
    """What made a run."""

    SCHEDULE = "schedule"
    MANUAL = "manual"
    RETRY = "retry"
    CHAIN = "chain"
    BACKFILL = "backfill"


class SkipReason(StrEnum):
    """Why a slot did not run: the first word of a skipped (or revoked) run's ``reason``,
    and the label of the ``agentcron_skipped_total`` metric."""

    OVERLAP = "overlap"
    COALESCED = "coalesced"
    MISSED = "missed"
    EXCLUDED = "excluded"
    PAUSED = "paused"
    DELETED = "deleted"
    CHAIN = "chain"
    #: an agent's budget is used up ("over budget: the owner's daily limit …")
    BUDGET = "budget"

    @classmethod
    def of(cls, reason: str) -> SkipReason:
        """The kind of a reason text ("excluded date 2026-12-25" → EXCLUDED)."""
        if reason.startswith("over budget"):
            return cls.BUDGET
        word = reason.split(":", 1)[0].split(" ", 1)[0]
        if word == "job":  # "job paused", "job deleted"
            word = reason[4:].split(" ", 1)[0]
        try:
            return cls(word)
        except ValueError:
            return cls.CHAIN


class JobStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    FAILED = "failed"


class Overlap(StrEnum):
    """What a job's slot does when its previous run is still going."""

    SKIP = "skip"
    QUEUE = "queue"
    ALLOW = "allow"
    CANCEL_PREVIOUS = "cancel_previous"


class OutboxKind(StrEnum):
    #: a run's result (or failure notice) to a delivery channel
    DELIVERY = "delivery"
    #: a job event (``job.started``, ``job.finished``, ``job.error``) to ``webhook_url``
    EVENT = "event"
    #: a slot's final result to the job's ``callback_url`` (seed 003)
    CALLBACK = "callback"


class OutboxStatus(StrEnum):
    """pending → sending (leased) → delivered | failed | pending again; muted never sends."""

    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"
    MUTED = "muted"


class JobEvent(StrEnum):
    STARTED = "job.started"
    #: an http job's request is sent (seed 003), and its response came
    REQUEST = "job.request"
    RESPONSE = "job.response"
    FINISHED = "job.finished"
    ERROR = "job.error"
