"""Dry runs: try an agent job once, now, before it runs for real. Shared by the API and Slack.

A dry run sends the job's goal to its agent as a run would, with three differences: tools
that send data out are not offered (``domain.agents.run_tools``), nothing is delivered, and
no run is recorded — the answer comes back to the caller. The tokens it spends are real,
so they are written to the spend ledger (marked ``dry_run``) and count against the budgets;
a budget that is used up refuses the dry run as it would skip a run. One dry run per owner
at a time on an instance, at most ``MAX_DRY_RUN_SECONDS`` each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agentcron.app.domain.conditions import ConditionError, compile_condition, evaluate
from agentcron.app.errors import Conflict
from agentcron.app.executors.agent import DryRun, build_agent_executor
from agentcron.app.executors.base import ExecutionFailed, RunContext
from agentcron.app.ids import new_id
from agentcron.app.runtime import Runtime
from agentcron.app.storage.agents import AgentStore

MAX_DRY_RUN_SECONDS = 120
_running: set[str] = set()


class DryRuns:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    async def try_job(self, owner: str, job: Mapping[str, Any]) -> dict[str, Any]:
        """Run ``job`` (stored or not) once as a dry run; the answer, as the API shows it.

        Conflict when it cannot be tried: not an agent job, no LLM configured, or another
        dry run of this owner still going.
        """
        action = (job.get("action") or {"type": "agent"}).get("type", "agent")
        if action != "agent":
            article = "an" if action in ("http", "agent") else "a"
            raise Conflict(
                f"only agent jobs can be tried; {article} {action} job's run is its effect "
                "(use POST /jobs/{id}/trigger to run it)"
            )
        if owner in _running:
            raise Conflict("a dry run of yours is still going; try again when it has finished")
        from agentcron.delivery.netguard import guarded_session

        settings = self.rt.settings
        _running.add(owner)
        try:
            async with guarded_session(
                allow_private=settings.allow_private_networks, limit=4
            ) as session:
                executor = build_agent_executor(self.rt, session=session)
                if executor is None:
                    raise Conflict(
                        "no LLM configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for another "
                        "OpenAI-compatible server) to run agent jobs"
                    )
                agent = await AgentStore(self.rt.db, default_model=settings.llm_model).get(
                    owner, job.get("agent_id") or "default"
                )
                if agent is not None:
                    seconds = min(int(agent["timeout_seconds"]), MAX_DRY_RUN_SECONDS)
                    agent = {**agent, "timeout_seconds": seconds}
                previous = None
                if job.get("id"):
                    previous = await self.rt.runs.previous_finished(job["id"], before="")
                context = RunContext(
                    run_id=new_id("dry"),
                    job_id=job.get("id") or "unsaved",
                    job_name=job.get("name") or "",
                    owner=owner,
                    attempt=1,
                    scheduled_for=None,
                    trigger="dry_run",
                    goal=job.get("goal"),
                    metadata=job.get("metadata") or {},
                    previous_run=previous,
                    payload=job.get("payload"),
                )
                try:
                    result = await executor.try_out(job, agent, context)
                except ExecutionFailed as failure:  # the job cannot run as configured
                    result = DryRun(
                        ok=False,
                        output="",
                        data={},
                        error=failure.message,
                        skipped=False,
                        tool_calls=[],
                        usage=None,
                    )
        finally:
            _running.discard(owner)
        return render_dry_run(result, job, previous=previous)


def render_dry_run(
    result: DryRun, job: Mapping[str, Any], *, previous: Mapping[str, Any] | None
) -> dict[str, Any]:
    delivery = job.get("delivery") or {}
    channels = list(
        delivery.get("channels") or ([delivery["channel"]] if delivery.get("channel") else [])
    )
    condition = (job.get("condition") or {}).get("expression")
    met: bool | None = None
    condition_error = None
    if result.ok and condition:
        try:
            met = bool(
                evaluate(
                    compile_condition(condition),
                    result.data,
                    previous=(previous or {}).get("data") or None,
                )
            )
        except ConditionError as error:
            condition_error = str(error)
    would_deliver = result.ok and met is not False and condition_error is None
    return {
        "dry_run": True,
        "ok": result.ok,
        "skipped": result.skipped,
        "output": result.output,
        "data": result.data,
        "error": result.error,
        "condition": {"expression": condition, "met": met, "error": condition_error}
        if condition
        else None,
        # what a real run would have done with this answer; nothing was sent
        "would_deliver_to": channels if would_deliver and not delivery.get("muted") else [],
        "delivered": False,
        "tools": result.tools,
        "tool_calls": [
            {"name": c.name, "arguments": c.arguments, "ok": c.ok, "answer": c.answer}
            for c in result.tool_calls
        ],
        "usage": result.usage,
    }
