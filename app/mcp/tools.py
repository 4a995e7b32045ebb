"""The MCP tools: each one a service call, described for a model.

A tool's handler takes the caller and its JSON arguments and returns the structured result;
it checks nothing the services do not already check for the REST API, so a bad argument is
refused here with exactly the field and reason ``POST /jobs`` or ``/parse-nl`` would give.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from agentcron.app.domain.scopes import Scope
from agentcron.app.errors import InvalidInput
from agentcron.app.mcp import schemas
from agentcron.app.render import job_zone, render_job, render_run
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService, RunService, ScheduleService, job_query
from agentcron.app.storage.keys import Principal


@dataclass(frozen=True)
class Call:
    """Who is calling, on which service."""

    runtime: Runtime
    principal: Principal

    @property
    def owner(self) -> str:
        return self.principal.owner


Handler = Callable[[Call, dict[str, Any]], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class ToolSpec:
    name: str
    title: str
    description: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    handler: Handler
    #: the key scope this tool needs, as the REST endpoint doing the same declares it
    scope: Scope
    hints: dict[str, bool] = field(default_factory=dict)


CONFIRM = (
    "Before create_job, show the user what was understood (human_readable, the next runs in "
    "their time zone and any notes) and get their confirmation."
)


def _known(args: dict[str, Any], schema: dict[str, Any]) -> None:
    for name in args:
        if name not in schema["properties"]:
            raise InvalidInput.field(name, "is not a known field", status=400)


def _text(args: dict[str, Any], name: str) -> str:
    value = args.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.field(name, "is required", status=400)
    return value


async def parse_schedule(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.PARSE_INPUT)
    answer = await ScheduleService(call.runtime).parse(
        args.get("text"), args.get("timezone"), count=args.get("count")
    )
    return {"task": None, "target": None, **answer}


async def preview_schedule(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.PREVIEW_INPUT)
    return ScheduleService(call.runtime).preview(
        args.get("schedule"), timezone=args.get("timezone"), count=args.get("count")
    )


def _one_job(call: Call, row: dict[str, Any]) -> dict[str, Any]:
    """One job with its ``warnings``, as the REST API answers it."""
    return {**render_job(row), "warnings": JobService(call.runtime).warnings(row)}


async def create_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    row, _ = await JobService(call.runtime).create(
        call.owner,
        args,
        created_by=call.principal.key_name,
        operator=call.principal.allows(Scope.OPERATOR),
    )
    return _one_job(call, row)


async def list_jobs(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.LIST_JOBS_INPUT)
    query = job_query(**args)
    rows, total = await JobService(call.runtime).list(call.owner, query)
    return {
        "jobs": [render_job(r) for r in rows],
        "count": total,
        "limit": query.limit,
        "offset": query.offset,
    }


async def _job_id(call: Call, args: dict[str, Any]) -> str:
    """The job an argument names: ``job_id``, or ``job_name`` as ``/jobs/by-name`` reads it."""
    if args.get("job_id") is None and args.get("job_name") is not None:
        job = await JobService(call.runtime).named(call.owner, args["job_name"])
        return str(job["id"])
    return _text(args, "job_id")


async def get_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.JOB_REF_INPUT)
    job_id = await _job_id(call, args)
    return _one_job(call, await JobService(call.runtime).get(call.owner, job_id))


async def update_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    job_id = await _job_id(call, args)
    fields = {k: v for k, v in args.items() if k not in ("job_id", "job_name")}
    operator = call.principal.allows(Scope.OPERATOR)
    row = await JobService(call.runtime).update(call.owner, job_id, fields, operator=operator)
    return _one_job(call, row)


async def pause_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.JOB_ID_INPUT)
    return _one_job(call, await JobService(call.runtime).pause(call.owner, _text(args, "job_id")))


async def resume_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.JOB_ID_INPUT)
    return _one_job(call, await JobService(call.runtime).resume(call.owner, _text(args, "job_id")))


async def delete_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.DELETE_INPUT)
    job_id = await _job_id(call, args)
    hard = args.get("hard", False)
    if not isinstance(hard, bool):
        raise InvalidInput.field("hard", "must be true or false", status=400)
    await JobService(call.runtime).delete(call.owner, job_id, hard=hard)
    return {"id": job_id, "deleted": True, "hard": hard}


async def trigger_job(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.JOB_ID_INPUT)
    job, run = await RunService(call.runtime).trigger(call.owner, _text(args, "job_id"))
    return {"run_id": run["id"], "job_id": job["id"], "status": run["status"]}


async def list_runs(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.LIST_RUNS_INPUT)
    page = await RunService(call.runtime).list(
        call.owner,
        _text(args, "job_id"),
        status=args.get("status"),
        limit=args.get("limit"),
        offset=args.get("offset"),
    )
    zone = job_zone(page.job)
    return {
        "runs": [render_run(r, zone) for r in page.runs],
        "count": page.count,
        "limit": page.limit,
        "offset": page.offset,
    }


async def get_run(call: Call, args: dict[str, Any]) -> dict[str, Any]:
    _known(args, schemas.GET_RUN_INPUT)
    job, run = await RunService(call.runtime).get(
        call.owner, _text(args, "job_id"), _text(args, "run_id")
    )
    return render_run(run, job_zone(job))


READ = {"readOnlyHint": True, "openWorldHint": False}
WRITE = {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": False}

TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "parse_schedule",
        "Understand a scheduling request",
        "Turn what the user said into a schedule: the schedule document, how it reads "
        "(human_readable), its next 5 runs, notes, and — when the sentence says them — the "
        "task to do and the target to tell ('#ops', 'me'). Use it first whenever the user "
        "describes a recurring or future job in words; pass their time zone. Ambiguous or "
        "impossible phrases ('at 5', 'February 30') are refused with a reason and often a "
        "suggestion: ask the user instead of guessing. " + CONFIRM,
        schemas.PARSE_INPUT,
        schemas.PARSE_OUTPUT,
        parse_schedule,
        Scope.PARSE,
        {**READ, "idempotentHint": True},
    ),
    ToolSpec(
        "preview_schedule",
        "Preview a schedule's next runs",
        "Show when a schedule will run: its description and next runs (count, default 5) in "
        "the schedule's zone, with notes naming the days a daylight-saving change moves, "
        "drops or repeats a run. Accepts exactly what create_job accepts (plain words, cron, "
        "or a schedule document) and reads it the same way, so it is the check to run on the "
        "schedule you are about to save. " + CONFIRM,
        schemas.PREVIEW_INPUT,
        schemas.PREVIEW_OUTPUT,
        preview_schedule,
        Scope.PARSE,
        {**READ, "idempotentHint": True},
    ),
    ToolSpec(
        "create_job",
        "Create a scheduled job",
        "Save a job that agentcron runs on its schedule, durably and exactly once per slot, "
        "with retries and delivery of the result. Give `schedule` (prefer the confirmed "
        "document from parse_schedule/preview_schedule), and for the default agent action a "
        "`goal`; `delivery.channel` sends each result to Slack ('slack:#ops') or a webhook. "
        "Only call this after the user has confirmed the schedule preview. Set "
        "`idempotency_key` to make a retried call return the same job instead of a second "
        "one. Returns the job with its id and next_run_at, and `warnings`: what stops it from "
        "running as configured on this service (no LLM, no Slack token, a private address); "
        "the job is saved all the same, so tell the user each warning.",
        schemas.create_input(),
        schemas.JOB,
        create_job,
        Scope.JOBS_WRITE,
        {**WRITE, "idempotentHint": False},
    ),
    ToolSpec(
        "list_jobs",
        "List jobs",
        "List the user's jobs, newest first: filter by status (active, paused, completed, "
        "failed), tag, agent_id or words in the name/description/goal (q); sort and page "
        "with limit/offset. Use it to find a job's id before get_job, update_job, pause_job, "
        "trigger_job or delete_job.",
        schemas.LIST_JOBS_INPUT,
        schemas.JOBS_PAGE,
        list_jobs,
        Scope.JOBS_READ,
        {**READ, "idempotentHint": True},
    ),
    ToolSpec(
        "get_job",
        "Read a job",
        "Read one job (by job_id, or by job_name): its settings, schedule in words, status, "
        "next and last run and run count.",
        schemas.JOB_REF_INPUT,
        schemas.JOB,
        get_job,
        Scope.JOBS_READ,
        {**READ, "idempotentHint": True},
    ),
    ToolSpec(
        "update_job",
        "Change a job",
        "Change some fields of a job (those not given stay as they are; null clears one). A "
        "new `schedule` takes effect at once: preview it and confirm it with the user first, "
        "as for create_job.",
        schemas.update_input(),
        schemas.JOB,
        update_job,
        Scope.JOBS_WRITE,
        {**WRITE, "idempotentHint": True},
    ),
    ToolSpec(
        "pause_job",
        "Pause a job",
        "Stop a job from running on its schedule until resume_job; its history is kept and "
        "it can still be triggered by hand. Pausing a paused job changes nothing.",
        schemas.JOB_ID_INPUT,
        schemas.JOB,
        pause_job,
        Scope.JOBS_WRITE,
        {**WRITE, "idempotentHint": True},
    ),
    ToolSpec(
        "resume_job",
        "Resume a job",
        "Start a paused job again from its next slot (missed slots are not run).",
        schemas.JOB_ID_INPUT,
        schemas.JOB,
        resume_job,
        Scope.JOBS_WRITE,
        {**WRITE, "idempotentHint": True},
    ),
    ToolSpec(
        "delete_job",
        "Delete a job",
        "Delete a job: it stops running and disappears from lists. Its run history is kept "
        "unless hard is true. This cannot be undone: confirm with the user first.",
        schemas.DELETE_INPUT,
        schemas.DELETE_OUTPUT,
        delete_job,
        Scope.JOBS_WRITE,
        {"readOnlyHint": False, "destructiveHint": True, "idempotentHint": False},
    ),
    ToolSpec(
        "trigger_job",
        "Run a job now",
        "Run a job once now, outside its schedule (no scheduled slot is used up). Returns "
        "the run_id; follow it with get_run to see the status, output and delivery.",
        schemas.JOB_ID_INPUT,
        schemas.TRIGGER_OUTPUT,
        trigger_job,
        Scope.RUNS_WRITE,
        {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": True},
    ),
    ToolSpec(
        "list_runs",
        "List a job's runs",
        "A job's run history, newest first: status (queued, running, succeeded, failed, "
        "cancelled, timed_out, skipped), trigger, scheduled and actual times, error, output "
        "and delivery. Filter by status; page with limit/offset.",
        schemas.LIST_RUNS_INPUT,
        schemas.RUNS_PAGE,
        list_runs,
        Scope.JOBS_READ,
        {**READ, "idempotentHint": True},
    ),
    ToolSpec(
        "get_run",
        "Read a run",
        "One run of a job: status, times, attempt, output (markdown), data, error and the "
        "delivery status per channel. Use it after trigger_job until the status is no longer "
        "queued or running.",
        schemas.GET_RUN_INPUT,
        schemas.RUN,
        get_run,
        Scope.JOBS_READ,
        {**READ, "idempotentHint": True},
    ),
)
TOOLS_BY_NAME = {tool.name: tool for tool in TOOLS}
