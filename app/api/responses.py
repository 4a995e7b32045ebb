"""What the job and run endpoints answer, as pydantic models: the OpenAPI document's response
schemas are generated from these, so schemathesis (tests/hostile/test_schemathesis.py) checks
every answer the service gives against them. ``render.render_job``/``render_run`` build the
answers; a test holds the two together (tests/hostile/test_response_models.py).

Extra fields are allowed: other parts of the service add to a job (a budget, say) without a
schema change breaking clients that do not know them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agentcron.app.domain.enums import RunStatus
from agentcron.app.storage.jobs import SORTABLE

Instant = str  # ISO 8601 with an offset


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class JobWarning(BaseModel):
    """Why a job cannot run as configured on this service (it is stored all the same)."""

    model_config = ConfigDict(extra="forbid")

    #: the job's field to change (or the service setting it depends on)
    field: str
    reason: str
    #: private_address, no_llm, no_slack_token, no_smtp_server or not_allowed_here
    code: str


class Job(_Open):
    """A job as every endpoint shows it; instants of its own schedule are in its zone. An
    answer about one job (create, read, update, pause, resume, reschedule) adds
    ``warnings``: empty when the job can run as configured here."""

    id: str
    name: str
    description: str | None
    goal: str | None
    agent_id: str | None
    model: str | None
    action: Literal["agent", "http", "noop", "sql", "python", "command", "file"]
    http: dict[str, Any] | None = None
    #: a sql job's {connection, statement or procedure, parameters, read_only, max_rows,
    #: timeout_seconds}
    sql: dict[str, Any] | None = None
    #: a python job's {function, timeout_seconds}
    python: dict[str, Any] | None = None
    #: a command job's {name, args, timeout_seconds}
    command: dict[str, Any] | None = None
    #: a file job's {operation, root, path, to_root, to, content, overwrite, missing_ok}
    file: dict[str, Any] | None = None
    schedule: dict[str, Any] | None
    schedule_description: str | None
    status: str
    delivery: dict[str, Any] | None
    condition: dict[str, Any] | None
    retry: dict[str, Any] | None
    timeout_seconds: int | None
    overlap: str
    catchup_window_seconds: int | None
    max_concurrency: int | None
    pause_on_failure: int | None
    exclusions: dict[str, Any] | None
    tags: list[str]
    metadata: dict[str, Any]
    payload: Any = None
    webhook_url: str | None
    callback_url: str | None = None
    key: str | None = None
    unique_name: bool = False
    idempotency_key: str | None
    created_by: str | None
    next_run_at: Instant | None
    last_run_at: Instant | None
    run_count: int = Field(ge=0)
    consecutive_failures: int = Field(ge=0)
    created_at: Instant
    updated_at: Instant
    pending_schedule: dict[str, Any] | None = None
    effective_from: Instant | None = None
    warnings: list[JobWarning] = Field(default_factory=list)
    #: a soft-deleted job (read with ``include_deleted=true``): when it was deleted
    deleted_at: Instant | None = None


class UnreadableJob(_Open):
    """A job in a list whose stored data this version cannot show (written by an earlier
    one); it can still be read alone, changed or deleted."""

    id: str
    name: str | None
    status: str | None
    unreadable: str


class JobList(_Open):
    jobs: list[Job | UnreadableJob]
    count: int = Field(ge=0)
    limit: int
    offset: int


class Deleted(_Open):
    id: str
    deleted: Literal[True]
    hard: bool


class Run(_Open):
    id: str
    job_id: str
    trigger: str
    attempt: int
    status: str
    reason: str | None
    output: str | None
    data: Any
    error: str | None
    condition_met: bool | None
    delivery: Any
    usage: Any
    retry_of: str | None
    chain_id: str | None
    chain_run_id: str | None
    upstream_run_id: str | None
    scheduled_for: Instant | None
    started_at: Instant | None
    completed_at: Instant | None
    created_at: Instant | None
    duration_seconds: float | None


class RunList(_Open):
    runs: list[Run]
    count: int = Field(ge=0)
    limit: int
    offset: int


class Accepted(_Open):
    """``POST /jobs/{id}/trigger``: the run is queued; ``Location`` is where to read it."""

    run_id: str
    job_id: str
    status: str


class Me(_Open):
    """``GET /me``: who a key acts as. Its owner's jobs are the ones it sees."""

    owner: str
    key_id: str
    key_name: str
    key_prefix: str | None
    #: the scopes the key was made with
    scopes: list[str]
    #: with what each implies: what the key may really do
    granted: list[str]
    publishable: bool


#: (method, path) → (status, model) of the successful answer
RESPONSES: dict[tuple[str, str], tuple[int, type[BaseModel]]] = {
    ("get", "/jobs"): (200, JobList),
    ("post", "/jobs"): (201, Job),
    ("get", "/jobs/{job_id}"): (200, Job),
    ("put", "/jobs/{job_id}"): (200, Job),
    ("patch", "/jobs/{job_id}"): (200, Job),
    ("delete", "/jobs/{job_id}"): (200, Deleted),
    ("post", "/jobs/{job_id}/pause"): (200, Job),
    ("post", "/jobs/{job_id}/resume"): (200, Job),
    ("patch", "/jobs/{job_id}/reschedule"): (200, Job),
    ("post", "/jobs/{job_id}/reschedule"): (200, Job),
    ("post", "/jobs/{job_id}/trigger"): (202, Accepted),
    ("get", "/jobs/{job_id}/runs"): (200, RunList),
    ("get", "/jobs/{job_id}/runs/{run_id}"): (200, Run),
    ("get", "/jobs/by-name/{name}"): (200, Job),
    ("put", "/jobs/by-name/{name}"): (200, Job),
    ("delete", "/jobs/by-name/{name}"): (200, Deleted),
    ("get", "/me"): (200, Me),
}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


_PAGE = [
    _query("limit", "How many (50; at most 200)", {"type": "integer", "minimum": 1}),
    _query("offset", "How many to skip", {"type": "integer", "minimum": 0}),
]
_DELETED = _query(
    "include_deleted",
    "Also soft-deleted jobs (their history is kept), with deleted_at",
    {"type": "boolean"},
)

#: the query parameters an operation knows (any other is refused with 422, naming it)
QUERY: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("get", "/jobs"): [
        _query(
            "status",
            "Only jobs in this state",
            {"enum": ["active", "paused", "completed", "failed"]},
        ),
        _query("tag", "Only jobs with this tag", {"type": "string"}),
        _query("agent_id", "Only jobs run by this agent", {"type": "string"}),
        _query("q", "Words in the name, description or goal", {"type": "string"}),
        _query("sort", "The field to sort by (created_at)", {"enum": list(SORTABLE)}),
        _query("order", "asc or desc (desc)", {"enum": ["asc", "desc"]}),
        *_PAGE,
        _DELETED,
    ],
    ("get", "/jobs/{job_id}"): [_DELETED],
    ("get", "/jobs/{job_id}/runs"): [
        _query("status", "Only runs in this state", {"enum": [s.value for s in RunStatus]}),
        *_PAGE,
    ],
}

#: operationIds of the operations links point at, by (method, path)
OPERATION_IDS: dict[tuple[str, str], str] = {
    ("post", "/jobs"): "createJob",
    ("get", "/jobs/{job_id}"): "getJob",
    ("put", "/jobs/{job_id}"): "updateJob",
    ("patch", "/jobs/{job_id}"): "patchJob",
    ("delete", "/jobs/{job_id}"): "deleteJob",
    ("post", "/jobs/{job_id}/pause"): "pauseJob",
    ("post", "/jobs/{job_id}/resume"): "resumeJob",
    ("patch", "/jobs/{job_id}/reschedule"): "rescheduleJob",
    ("post", "/jobs/{job_id}/reschedule"): "rescheduleJobByPost",
    ("post", "/jobs/{job_id}/trigger"): "triggerJob",
    ("post", "/jobs/{job_id}/backfill"): "backfillJob",
    ("post", "/jobs/{job_id}/dry-run"): "dryRunJob",
    ("get", "/jobs/{job_id}/runs"): "listRuns",
    ("get", "/jobs/{job_id}/runs/{run_id}"): "getRun",
    ("post", "/jobs/{job_id}/runs/{run_id}/cancel"): "cancelRun",
    ("get", "/jobs/{job_id}/stats"): "jobStats",
    ("get", "/jobs/by-name/{name}"): "getJobByName",
    ("put", "/jobs/by-name/{name}"): "putJobByName",
    ("delete", "/jobs/by-name/{name}"): "deleteJobByName",
}

_JOB_ID = {"job_id": "$response.body#/id"}

#: OpenAPI links, so a stateful fuzzer can follow a created job (and a triggered run)
LINKS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {
    ("post", "/jobs"): {
        name: {"operationId": op, "parameters": _JOB_ID}
        for name, op in (
            ("GetJob", "getJob"),
            ("UpdateJob", "updateJob"),
            ("PatchJob", "patchJob"),
            ("DeleteJob", "deleteJob"),
            ("PauseJob", "pauseJob"),
            ("ResumeJob", "resumeJob"),
            ("RescheduleJob", "rescheduleJob"),
            ("RescheduleJobByPost", "rescheduleJobByPost"),
            ("TriggerJob", "triggerJob"),
            ("BackfillJob", "backfillJob"),
            ("DryRunJob", "dryRunJob"),
            ("ListRuns", "listRuns"),
            ("JobStats", "jobStats"),
        )
    },
    ("post", "/jobs/{job_id}/trigger"): {
        name: {
            "operationId": op,
            "parameters": {"job_id": "$request.path.job_id", "run_id": "$response.body#/run_id"},
        }
        for name, op in (("GetRun", "getRun"), ("CancelRun", "cancelRun"))
    },
}
