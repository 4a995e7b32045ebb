"""What the server's console says about runs: one line per failed run, and every so often
(``AGENTCRON_LOG_SUMMARY_SECONDS``, 10 minutes) how many runs ended how.

An operator watching ``agentcron serve`` sees failures as they happen without the API, and
a quiet console that the service is alive and working. The lines are built here, without
I/O, from the outcome plans the worker records (``domain.outcome``); the engine logs them.

What a run's error says is written by executors from what they met (a URL, an answer), so
it is cleaned before it is logged: no query string or user:password of a URL, no
``Bearer …``/``token=…``-like values, no control characters (a line is one line), at most
300 characters. The job's name is quoted, so a name cannot pass for another log line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable

from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.outcome import OutcomePlan

SUMMARY_SECONDS = 600.0
MAX_REASON = 300
_FAILED = {RunStatus.FAILED: "failed", RunStatus.TIMED_OUT: "timed out"}

_URL = re.compile(r"\b(https?://)(?:[^\s/@'\"<>`]*@)?([^\s/?#'\"<>`]*)([^\s?#'\"<>`]*)[^\s'\"<>`]*")
_SECRET = re.compile(
    r"(?i)\b(bearer|token|api[_-]?key|apikey|secret|password|passwd|authorization)"
    r"(\s*[:=]\s*|\s+)([^\s,;&'\"]+)"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def clean(text: str, *, limit: int = MAX_REASON) -> str:
    """``text`` fit for one log line that may be read by anyone with the console."""
    text = _URL.sub(lambda m: m.group(1) + m.group(2) + m.group(3), text)
    text = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    text = _CONTROL.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failure_line(plan: OutcomePlan) -> str | None:
    """The console line of a failed (or timed out) run, or None for any other outcome."""
    run = plan.run
    what = _FAILED.get(RunStatus(run.status))
    if what is None:
        return None
    name = json.dumps(clean(plan.job_name or "", limit=80), ensure_ascii=False)
    why = clean(run.error or run.reason or "no reason recorded")
    if plan.retry is not None:
        when = plan.retry.not_before.isoformat(timespec="seconds").replace("+00:00", "Z")
        after = f"; attempt {plan.retry.attempt} at {when}"
    else:
        after = "; final" if plan.final else ""
    return (
        f"run {run.id} of job {run.job_id} {name} {what} "
        f"(attempt {run.attempt}, {run.trigger}): {why}{after}"
    )


class RunTally:
    """How many runs ended how since the last summary."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.retries = 0

    def add(self, plans: Iterable[OutcomePlan]) -> None:
        for plan in plans:
            self.counts[str(plan.run.status)] += 1
            self.retries += plan.retry is not None

    def summary(self, seconds: float) -> str | None:
        """The summary line for the last ``seconds`` (None when no run ended), and a fresh
        start."""
        total = sum(self.counts.values())
        if not total:
            return None
        order = [s.value for s in RunStatus if s.value in self.counts]
        parts = ", ".join(f"{self.counts[s]:,} {s.replace('_', ' ')}" for s in order)
        retries = f" ({self.retries:,} to be retried)" if self.retries else ""
        minutes = seconds / 60
        span = f"{minutes:g} min" if minutes >= 1 else f"{seconds:g} s"
        self.counts.clear()
        self.retries = 0
        return f"runs in the last {span}: {total:,} ended: {parts}{retries}"
