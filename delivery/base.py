"""What delivery is given and what it answers: a Message in, a DeliveryResult out.

A channel (Slack, webhook) sends one run's result — or a failure notice — to one target.
It never raises for a failed delivery: it answers ``failed`` with a detail and whether
trying again later could help, and the caller records that on the run (a run can succeed
while its delivery fails) and retries durably. Muting is the caller's business: a muted
delivery is recorded as ``muted`` and ``send`` is not called.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from agentcron.delivery.targets import Target

Format = Literal["markdown", "text", "json"]
MessageKind = Literal["result", "failure", "skipped"]


@dataclass
class Message:
    """One run's result (``kind="result"``), the notice that it failed (``"failure"``), or
    that it was skipped and will be until something changes (``"skipped"``: a budget)."""

    job_id: str
    job_name: str
    run_id: str
    status: str
    output: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    scheduled_for: datetime | None = None
    completed_at: datetime | None = None
    link: str | None = None
    format: Format = "markdown"
    kind: MessageKind = "result"
    #: for failure notices: the run's error and how many attempts were made (for a skip
    #: notice, why it was skipped)
    error: str | None = None
    attempts: int = 1
    #: sent as ``Idempotency-Key`` where the channel has headers: the same for every try
    #: of this message for this slot, so a receiver can drop a second copy
    idempotency_key: str | None = None
    #: the job's owner let its output mention people (``delivery.allow_mentions``)
    allow_mentions: bool = False
    #: buttons on the message (Pause, Run again, Mute): the Slack app is there to answer them
    actions: bool = False
    #: the Slack workspace (team id) of the job's owner, whose token posts the message
    workspace: str | None = None


@dataclass(frozen=True)
class DeliveryResult:
    status: Literal["delivered", "failed", "muted"]
    detail: str
    #: for ``failed``: whether sending again later could succeed (never after a partial post)
    retryable: bool = False
    #: Slack's message ``ts`` (of the first message when the output was split)
    external_id: str | None = None
    #: requests made, retries included
    attempts: int = 0


class Channel(Protocol):
    async def send(self, target: Target, message: Message) -> DeliveryResult:
        """Send ``message`` to ``target`` once; report what happened, never raise for it."""
        ...
