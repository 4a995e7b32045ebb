"""JSON Schemas of the MCP tools' arguments and results.

The job fields are the API's own request model (``JobFields``), so a field added to
``POST /jobs`` appears in ``create_job`` and ``update_job`` too; the descriptions below are
written for a model choosing what to send.
"""

from __future__ import annotations

import copy
from typing import Any

from agentcron.app.domain.health import HEALTHS
from agentcron.app.domain.jobspec import JOB_STATUSES, JobFields
from agentcron.app.services import MAX_PAGE, MAX_PREVIEW_RUNS, RUN_STATUSES
from agentcron.app.storage.jobs import SORTABLE

Schema = dict[str, Any]

SCHEDULE_HELP = (
    "When the job runs. Either plain words ('every weekday at 9am', 'every 15 minutes', "
    "'on the first Monday of the month at 10:00 America/New_York'), a 5-field cron "
    "expression ('0 9 * * 1-5'), or a schedule document: {type: 'cron', expression, "
    "timezone}, {type: 'every', interval (seconds), start_at?}, {type: 'at', datetime}, "
    "{type: 'rrule', rule (RFC 5545, e.g. 'FREQ=MONTHLY;BYDAY=2TU,4TU;BYHOUR=10;BYMINUTE=0'), "
    "timezone, start_at (its DTSTART; fixed at creation when left out)}; "
    "optional start_at/end_at bound any type. Prefer the exact `schedule` document that "
    "parse_schedule or preview_schedule returned and the user confirmed. null makes a job "
    "that runs only when triggered."
)
FIELD_HELP: dict[str, str] = {
    "name": "A short name for the job (default: the first line of the goal).",
    "description": "Longer notes for people; not sent to the agent.",
    "goal": (
        "For agent jobs (the default action): what the agent should do on each run, as an "
        "instruction ('Check the deploy dashboard and list anything red'). Required for "
        "agent jobs."
    ),
    "agent_id": "Which agent runs the goal (default: 'default').",
    "action": (
        "'agent' (default: an LLM agent works on the goal), 'http' (call `http`), 'noop'; "
        "where the operator enabled them, 'sql' (run `sql`), 'python' (call `python`), "
        "'command' (run `command`) and 'file' (`file`)."
    ),
    "http": "For action 'http': {url, method, headers, query, body}.",
    "sql": (
        "For action 'sql': {connection (a name the operator configured), statement (SQL with "
        ":name parameters) or procedure (a name to CALL), parameters ({name: value}; values "
        "may be '{{ payload.x }}'), read_only (default true), max_rows (default 100), "
        "timeout_seconds (default 30)}. The rows become the run's data."
    ),
    "python": (
        "For action 'python': {function ('module:function' on the operator's allow-list), "
        "timeout_seconds (default 60)}. Called with the job's payload; its JSON return "
        "value becomes the run's data."
    ),
    "command": (
        "For action 'command': {name (one of the operator's allowed commands), args (list of "
        "strings, if the command takes them), timeout_seconds}, or a command line 'name arg'. "
        "Never run by a shell. Exit code, stdout and stderr become the run's data."
    ),
    "file": (
        "For action 'file': {operation: copy|move|delete|write, root (the name of a directory "
        "the operator allows), path (relative to it), to and to_root (copy, move), content "
        "(write; templates like {{ upstream.output }}), overwrite, missing_ok (delete)}."
    ),
    "schedule": SCHEDULE_HELP,
    "timezone": (
        "IANA zone for a schedule given as words or cron without one (e.g. "
        "'America/Los_Angeles'). Use the user's zone; the default is UTC."
    ),
    "status": "'active' (default) or 'paused'.",
    "delivery": (
        "Where each run's result goes: {channel: 'slack:#ops' | 'slack:C0123' | "
        "'webhook:https://…' | 'email:ops@example.com', format: markdown|text|json, muted, "
        "on_error}."
    ),
    "condition": (
        "Deliver only when an expression over the run's data is true: "
        "{type: 'expression', expression: 'error_count > 0'}."
    ),
    "retry": "{max_attempts, strategy: exponential|linear|fixed, base_delay, max_delay, jitter}.",
    "timeout_seconds": "A run taking longer ends as timed_out.",
    "overlap": "When a run is still going at the next slot: skip (default), queue, allow, "
    "cancel_previous.",
    "exclusions": (
        "Slots not to run: {dates: ['2026-12-25'], weekdays: [...], windows: [...], holidays: "
        "{country: 'US', subdivision?: 'CA', shift?: 'next_business_day'|'previous_business_day'}}"
        " (holidays are skipped, or with shift moved to a business day)."
    ),
    "tags": "Labels for filtering with list_jobs.",
    "metadata": "Free-form JSON kept with the job and available to runs.",
    "payload": (
        "Opaque JSON (any value, up to 64 KB) handed to every run: the body of an http POST, "
        "PUT or PATCH that gives none, `{{ payload.x }}` in http templates, data for an "
        "agent to work on."
    ),
    "webhook_url": (
        "Receives job events (job.started, job.request and job.response for http jobs, "
        "job.finished, job.error), signed."
    ),
    "callback_url": "Receives each slot's final result (run.result or run.failed), signed.",
    "unique_name": (
        "true: no other job of this owner may have this name (it becomes the job's key, and "
        "the job can be read, changed and deleted by name)."
    ),
    "key": "A unique handle for the job among the owner's jobs (seed 004); names it if no name.",
    "schedule_in": (
        "Instead of schedule: run once after a delay, seconds or [5, 'minutes']; with "
        "repeat_every or cron, when the repetition starts."
    ),
    "scheduled_at": (
        "Instead of schedule: run once at an ISO 8601 date-time or Unix timestamp; with "
        "repeat_every or cron, when the repetition starts."
    ),
    "repeat_every": (
        "Instead of schedule: repeat every N seconds, or [N, 'minutes'|'hours'|'days'|'weeks'"
        "|'months']; days and longer keep the wall time in `timezone`."
    ),
    "cron": "Instead of schedule: a 5-field cron expression in `timezone` (default UTC).",
    "idempotency_key": (
        "Makes create_job safe to retry: the same key returns the job first created with it."
    ),
}


def _inline(schema: Schema) -> Schema:
    """$refs replaced by their definitions: some clients do not follow $defs."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(copy.deepcopy(defs[ref.removeprefix("#/$defs/")]))
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)  # type: ignore[no-any-return]


def job_fields() -> dict[str, Schema]:
    schema = _inline(JobFields.model_json_schema())
    properties: dict[str, Schema] = schema["properties"]
    for name, prop in properties.items():
        prop.pop("title", None)
        if name in FIELD_HELP:
            prop["description"] = FIELD_HELP[name]
    properties.pop("created_by", None)  # set from the caller's key
    return properties


def _object(properties: dict[str, Schema], required: list[str] | None = None) -> Schema:
    out: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


JOB_ID: Schema = {"type": "string", "description": "The job's id ('job_…')."}
RUN_ID: Schema = {"type": "string", "description": "The run's id ('run_…')."}
ZONE: Schema = {
    "type": "string",
    "description": "IANA time zone the words are read in, e.g. 'Europe/Berlin' (default UTC). "
    "Pass the user's own zone.",
}
PAGE: dict[str, Schema] = {
    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 50},
    "offset": {"type": "integer", "minimum": 0, "default": 0},
}
ANY_OBJECT: Schema = {"type": "object", "additionalProperties": True}
NULLABLE_TEXT: Schema = {"type": ["string", "null"]}

SCHEDULE_DOCUMENT: Schema = {
    "type": "object",
    "description": "A schedule document, as stored and accepted by create_job.",
    "properties": {
        "type": {"type": "string"},
        "expression": {"type": "string"},
        "interval": {"type": "integer"},
        "datetime": {"type": "string"},
        "rule": {"type": "string"},
        "timezone": {"type": "string"},
        "start_at": {"type": "string"},
        "end_at": {"type": "string"},
    },
    "required": ["type"],
    "additionalProperties": True,
}
NEXT_RUNS: Schema = {
    "type": "array",
    "items": {"type": "string", "format": "date-time"},
    "description": "The next fire times, ISO 8601 in the schedule's own zone offset.",
}
NOTES: Schema = {"type": "array", "items": {"type": "string"}}

JOB: Schema = {
    "type": "object",
    "description": "A job as GET /jobs/{id} returns it.",
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "status": {"type": "string", "enum": list(JOB_STATUSES)},
        "goal": NULLABLE_TEXT,
        "action": {"type": "string"},
        "schedule": {"anyOf": [SCHEDULE_DOCUMENT, {"type": "null"}]},
        "schedule_description": NULLABLE_TEXT,
        "next_run_at": NULLABLE_TEXT,
        "last_run_at": NULLABLE_TEXT,
        "run_count": {"type": "integer"},
        "health": {"type": "string", "enum": list(HEALTHS)},
        "delivery": {"anyOf": [ANY_OBJECT, {"type": "null"}]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "warnings": {
            "type": "array",
            "description": "Why the job cannot run as configured on this service (it is saved "
            "all the same): tell the user, with the reason.",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "reason": {"type": "string"},
                    "code": {"type": "string"},
                },
                "required": ["field", "reason"],
            },
        },
    },
    "required": ["id", "name", "status", "schedule"],
    "additionalProperties": True,
}
RUN: Schema = {
    "type": "object",
    "description": "A run as GET /jobs/{id}/runs/{run_id} returns it.",
    "properties": {
        "id": {"type": "string"},
        "job_id": {"type": "string"},
        "status": {"type": "string", "enum": list(RUN_STATUSES)},
        "trigger": {"type": "string"},
        "scheduled_for": NULLABLE_TEXT,
        "started_at": NULLABLE_TEXT,
        "completed_at": NULLABLE_TEXT,
        "output": NULLABLE_TEXT,
        "data": {"anyOf": [ANY_OBJECT, {"type": "null"}]},
        "error": NULLABLE_TEXT,
        "reason": NULLABLE_TEXT,
    },
    "required": ["id", "job_id", "status"],
    "additionalProperties": True,
}


def _page(key: str, item: Schema) -> Schema:
    return {
        "type": "object",
        "properties": {
            key: {"type": "array", "items": item},
            "count": {"type": "integer", "description": "How many match, across all pages."},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
        "required": [key, "count", "limit", "offset"],
    }


PARSE_INPUT = _object(
    {
        "text": {
            "type": "string",
            "maxLength": 500,
            "description": "What the user said, e.g. 'check the deploy dashboard every weekday "
            "at 9 and tell me in #ops if anything is red'.",
        },
        "timezone": ZONE,
        "count": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PREVIEW_RUNS,
            "default": 5,
            "description": "How many next runs to list.",
        },
    },
    ["text"],
)
PARSE_OUTPUT: Schema = {
    "type": "object",
    "properties": {
        "schedule": SCHEDULE_DOCUMENT,
        "human_readable": {"type": "string"},
        "confidence": {"type": "number"},
        "parse_method": NULLABLE_TEXT,
        "next_runs": NEXT_RUNS,
        "notes": NOTES,
        "task": {
            "type": ["string", "null"],
            "description": "What to do, when the text says it ('check the deploy dashboard').",
        },
        "target": {
            "type": ["string", "null"],
            "description": "Where the result goes, when the text names it ('#ops', 'me').",
        },
    },
    "required": ["schedule", "human_readable", "next_runs", "notes", "task", "target"],
    "additionalProperties": True,
}
PREVIEW_INPUT = _object(
    {
        "schedule": {
            "description": SCHEDULE_HELP,
            "anyOf": [{"type": "string"}, SCHEDULE_DOCUMENT],
        },
        "timezone": ZONE,
        "count": {"type": "integer", "minimum": 1, "maximum": MAX_PREVIEW_RUNS, "default": 5},
    },
    ["schedule"],
)
PREVIEW_OUTPUT: Schema = {
    "type": "object",
    "properties": {
        "schedule": SCHEDULE_DOCUMENT,
        "human_readable": NULLABLE_TEXT,
        "timezone": {"type": "string"},
        "next_runs": NEXT_RUNS,
        "notes": {
            **NOTES,
            "description": "Days on which a daylight-saving change moves, drops or repeats a "
            "run; tell the user.",
        },
        "warning": {"type": "string"},
    },
    "required": ["schedule", "timezone", "next_runs", "notes"],
    "additionalProperties": True,
}


def create_input() -> Schema:
    return _object(job_fields(), ["schedule"])


JOB_NAME: Schema = {
    "type": "string",
    "description": "Instead of job_id: the job's name — its key or unique name, or a name "
    "only one of the user's jobs has.",
}


def update_input() -> Schema:
    return _object({"job_id": JOB_ID, "job_name": JOB_NAME, **job_fields()})


LIST_JOBS_INPUT = _object(
    {
        "status": {"type": "string", "enum": list(JOB_STATUSES)},
        "health": {
            "type": "string",
            "enum": list(HEALTHS),
            "description": "failing: its latest run that finished for good failed; passing: "
            "it did not; new: no run has finished yet.",
        },
        "tag": {"type": "string"},
        "agent_id": {"type": "string"},
        "q": {"type": "string", "description": "Words in the name, description or goal."},
        "sort": {"type": "string", "enum": list(SORTABLE), "default": "created_at"},
        "order": {"type": "string", "enum": ["asc", "desc"], "default": "desc"},
        **PAGE,
    }
)
JOB_ID_INPUT = _object({"job_id": JOB_ID}, ["job_id"])
#: a job by its id or by its name (one of the two)
JOB_REF_INPUT = _object({"job_id": JOB_ID, "job_name": JOB_NAME})
DELETE_INPUT = _object(
    {
        "job_id": JOB_ID,
        "job_name": JOB_NAME,
        "hard": {
            "type": "boolean",
            "default": False,
            "description": "Also erase its run history (default: keep it).",
        },
    },
)
DELETE_OUTPUT: Schema = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "deleted": {"type": "boolean"}, "hard": {}},
    "required": ["id", "deleted"],
}
TRIGGER_OUTPUT: Schema = {
    "type": "object",
    "properties": {
        "run_id": {"type": "string"},
        "job_id": {"type": "string"},
        "status": {"type": "string"},
    },
    "required": ["run_id", "job_id", "status"],
}
LIST_RUNS_INPUT = _object(
    {"job_id": JOB_ID, "status": {"type": "string", "enum": list(RUN_STATUSES)}, **PAGE},
    ["job_id"],
)
GET_RUN_INPUT = _object({"job_id": JOB_ID, "run_id": RUN_ID}, ["job_id", "run_id"])
JOBS_PAGE = _page("jobs", JOB)
RUNS_PAGE = _page("runs", RUN)
