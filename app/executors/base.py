"""The executor contract: one run attempt in, an outcome out.

An executor does the job's action (call an agent, make an HTTP request) and returns an
``Outcome`` or raises ``ExecutionFailed``. It never touches storage: the worker records
what it returns, decides retries, evaluates the condition and hands delivery the result.
Cancellation and timeouts arrive as ``asyncio.CancelledError``; executors let it through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class RunContext:
    """What an executor may know about the run it is doing."""

    run_id: str
    job_id: str
    job_name: str
    owner: str
    attempt: int
    scheduled_for: datetime | None
    trigger: str
    goal: str | None
    metadata: dict[str, Any]
    #: the job's previous finished run (``{"output", "data", "status", "completed_at"}``) or None
    previous_run: dict[str, Any] | None = None
    #: for chain runs: the upstream run that caused this one (same keys as previous_run)
    upstream_run: dict[str, Any] | None = None
    #: the same for every attempt of this run's slot (``Run.idempotency_key``): sent to
    #: receivers so that a second copy after a crash can be recognised
    idempotency_key: str | None = None
    #: the job's ``payload``: opaque JSON (any JSON value; None when the job has none), the
    #: input of the run — an http job's default body, an agent's data, a function's argument
    payload: Any = None
    #: what the attempt reported as it went (``emit``), sent to the job's ``webhook_url``
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list, compare=False)

    def emit(self, event: str, detail: dict[str, Any]) -> None:
        """Report a step of the attempt (an http job's ``job.request`` and ``job.response``):
        kept with the attempt, even one that then fails or times out, and sent as job events
        to the job's ``webhook_url`` when its outcome is recorded. JSON values only."""
        self.events.append((event, detail))


@dataclass
class Outcome:
    """A finished attempt: markdown ``output`` and a JSON-object ``data``."""

    output: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    #: LLM usage where known: {"prompt_tokens", "completion_tokens", "total_tokens", "steps",
    #: "model", "cost_usd", "priced", "estimated", "token_limit"}
    usage: dict[str, Any] | None = None


class ExecutionFailed(Exception):
    """The attempt failed. ``retryable`` False means retrying cannot help (bad configuration)."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = True,
        data: dict[str, Any] | None = None,
        output: str = "",
        usage: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.data = data or {}
        self.output = output
        self.usage = usage


class Executor(Protocol):
    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        """Do one attempt of ``action`` (the job's ``action`` settings) for ``context``."""
        ...


class RunSkipped(ExecutionFailed):
    """The run must not start (a budget is used up): it is recorded ``skipped`` with
    ``message`` as its reason. ``limit`` and ``period`` say which limit and when; ``notify``
    is True for the first such skip of the period, whose owner is told (once)."""

    def __init__(self, message: str, *, limit: str, period: str, notify: bool = False) -> None:
        super().__init__(message, retryable=False)
        self.limit = limit
        self.period = period
        self.notify = notify
