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

from agentcron.app.api.common import MAX_OFFSET
from agentcron.app.domain.enums import JobStatus, RunStatus
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
    #: private_address, no_llm, no_slack_token, no_smtp_server, not_allowed_here or
    #: unknown_agent
    code: str


class StripRun(_Open):
    """A run in a job's strip of recent runs (``GET /jobs``)."""

    id: str
    status: RunStatus
    trigger: str
    attempt: int
    scheduled_for: Instant | None
    started_at: Instant | None
    completed_at: Instant | None
    #: a failed run's error, cut to its first 200 characters
    error: str | None


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
    #: failing (its latest run that finished for good failed), passing, or new (none yet)
    health: Literal["failing", "passing", "new"]
    #: in a list only: the status of its newest run that is over (null: none yet)
    last_outcome: str | None = None
    #: in a list only: its newest runs that ran, are running or were cancelled, newest first
    recent_runs: list[StripRun] | None = None
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


Number = float  # JSON number: an integer is a valid one too


class ScheduleAnswer(_Open):
    """A schedule with what it means: seed 002's ``POST /parse-nl`` answer."""

    schedule: dict[str, Any] | None
    human_readable: str | None
    confidence: Number
    #: regex (the rule-based parser) or llm
    parse_method: str | None
    next_runs: list[Instant] = Field(default_factory=list)


class Validation(_Open):
    """``GET /validate``: ``valid`` and the next runs, or the ``field`` and ``error``."""

    valid: bool
    next_runs: list[Instant] | None = None
    schedule: dict[str, Any] | None = None
    human_readable: str | None = None
    timezone: str | None = None
    field: str | None = None
    error: str | None = None


class Stats(_Open):
    """``GET /stats``: seed 002's aggregate statistics (numbers, never null)."""

    total_jobs: int = Field(ge=0)
    active_jobs: int = Field(ge=0)
    total_runs_today: int = Field(ge=0)
    #: of today's finished runs (``finished_runs_today``), 0.0 when there are none
    success_rate: Number = Field(ge=0, le=1)
    avg_duration_seconds: Number = Field(ge=0)
    jobs_by_status: dict[str, int]
    runs_today_by_status: dict[str, int]
    finished_runs_today: int = Field(ge=0)
    timezone: str
    since: Instant
    spend: dict[str, Any]


class JobStats(_Open):
    """``GET /jobs/{id}/stats``: one job's outcomes, durations and spend."""

    job_id: str
    name: str
    total_runs: int = Field(ge=0)
    runs_by_status: dict[str, int]
    success_rate: Number = Field(ge=0, le=1)
    finished_runs: int = Field(ge=0)
    avg_duration_seconds: Number = Field(ge=0)
    p50_duration_seconds: Number = Field(ge=0)
    p95_duration_seconds: Number = Field(ge=0)
    timed_runs: int = Field(ge=0)
    last_success_at: Instant | None
    last_failure_at: Instant | None
    daily: list[dict[str, Any]]
    window_days: int
    run_count: int
    consecutive_failures: int
    next_run_at: Instant | None
    spend: dict[str, Any]


class EngineStatus(_Open):
    """``GET /status``: seed 002's engine status, with the instances and the queue."""

    running: bool
    tick_interval_seconds: Number
    next_tick_at: Instant | None
    jobs_checked_last_tick: int
    last_tick_at: Instant | None = None
    instances: list[dict[str, Any]] = Field(default_factory=list)
    queued: int = 0
    now: Instant | None = None


class Edge(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    from_: str = Field(alias="from")
    to: str
    type: Literal["on_success", "on_failure", "on_complete"]


class Chain(_Open):
    """A chain: seed 002's ``name``, ``jobs`` and ``edges``, with the joins and roots."""

    id: str
    name: str
    jobs: list[str]
    edges: list[Edge]
    joins: dict[str, str] = Field(default_factory=dict)
    roots: list[str] = Field(default_factory=list)
    created_at: Instant | None = None
    updated_at: Instant | None = None


class ChainList(_Open):
    chains: list[Chain]
    count: int = Field(ge=0)
    limit: int
    offset: int


class ChainRunAccepted(_Open):
    chain_run_id: str
    chain_id: str
    status: str
    runs: Any = None


class Removed(_Open):
    """A deletion's answer."""

    id: str
    deleted: Literal[True]


class Suggestion(_Open):
    time: str
    days: str
    reason: str


class Suggestions(_Open):
    """``GET /smart/suggestions``: seed 002's suggested times, each with its schedule."""

    suggestions: list[Suggestion]
    timezone: str


class Heatmap(_Open):
    """``GET /smart/heatmap``: ``grid[day][hour]``, 7 rows (Mon–Sun) of 24 hours."""

    grid: list[list[Number]] = Field(min_length=7, max_length=7)
    days: list[str]
    hours: list[str]
    timezone: str
    source: str


class CalendarData(_Open):
    """``GET /calendar-data``: planned runs in a range, ``events`` listed or ``jobs`` counted
    per day or hour (``group``)."""

    start: Instant
    end: Instant
    timezone: str
    events: list[dict[str, Any]] | None = None
    jobs: list[dict[str, Any]] | None = None


class EditProposal(_Open):
    """``POST /jobs/{id}/parse-edit``: the ``changes`` to PUT, and the schedule before and
    after."""

    changes: dict[str, Any]
    understood: list[str]
    confidence: Number | None = None
    before: dict[str, Any]
    after: dict[str, Any]


class Backfilled(_Open):
    job_id: str
    start: Instant
    end: Instant
    slots: int
    count: int
    runs: list[dict[str, Any]]


class Agent(_Open):
    id: str
    name: str
    model: str | None
    tools: list[str]
    builtin: bool
    shared: bool


class AgentList(_Open):
    agents: list[Agent]
    count: int = Field(ge=0)


class ApiKey(_Open):
    id: str
    name: str
    prefix: str | None
    scopes: list[str]
    publishable: bool
    active: bool


class NewApiKey(ApiKey):
    #: the key itself: in this answer only
    key: str


class ApiKeyList(_Open):
    keys: list[ApiKey]
    count: int = Field(ge=0)


class DryRun(_Open):
    """``POST /jobs/{id}/dry-run``: what the agent would answer, nothing delivered."""


class SlackWorkspace(_Open):
    team_id: str
    settings: dict[str, Any]
    effective: dict[str, Any]


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
    ("post", "/jobs/{job_id}/runs/{run_id}/cancel"): (200, Run),
    ("post", "/jobs/{job_id}/parse-edit"): (200, EditProposal),
    ("post", "/jobs/{job_id}/backfill"): (202, Backfilled),
    ("post", "/jobs/{job_id}/dry-run"): (200, DryRun),
    ("get", "/jobs/{job_id}/stats"): (200, JobStats),
    ("post", "/parse-nl"): (200, ScheduleAnswer),
    ("get", "/validate"): (200, Validation),
    ("get", "/stats"): (200, Stats),
    ("get", "/status"): (200, EngineStatus),
    ("get", "/calendar-data"): (200, CalendarData),
    ("get", "/chains"): (200, ChainList),
    ("post", "/chains"): (201, Chain),
    ("get", "/chains/{chain_id}"): (200, Chain),
    ("delete", "/chains/{chain_id}"): (200, Removed),
    ("post", "/chains/{chain_id}/trigger"): (202, ChainRunAccepted),
    ("get", "/smart/suggestions"): (200, Suggestions),
    ("get", "/smart/heatmap"): (200, Heatmap),
    ("get", "/agents"): (200, AgentList),
    ("post", "/agents"): (201, Agent),
    ("get", "/agents/{agent_id}"): (200, Agent),
    ("put", "/agents/{agent_id}"): (200, Agent),
    ("patch", "/agents/{agent_id}"): (200, Agent),
    ("delete", "/agents/{agent_id}"): (200, Removed),
    ("get", "/keys"): (200, ApiKeyList),
    ("post", "/keys"): (201, NewApiKey),
    ("get", "/keys/{key_id}"): (200, ApiKey),
    ("delete", "/keys/{key_id}"): (200, ApiKey),
    ("get", "/slack/workspaces/{team_id}"): (200, SlackWorkspace),
    ("put", "/slack/workspaces/{team_id}"): (200, SlackWorkspace),
}


#: no value of a path or query may hold a NUL (the app refuses it before any route: 400)
NO_NUL = "^[^\\x00]*$"


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A query parameter. An empty value is the parameter left out (``?source=`` is the
    default source, ``?limit=`` the default page: app/api/common.py), as the document says."""
    if "enum" in schema:
        schema = {**schema, "enum": [*schema["enum"], ""]}
    elif schema.get("type") in ("integer", "boolean"):
        schema = {"anyOf": [schema, {"const": ""}]}
    elif schema.get("type") == "string":
        schema = {**schema, "pattern": NO_NUL}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


_PAGE = [
    _query("limit", "How many (50; at most 200)", {"type": "integer", "minimum": 1}),
    _query("offset", "How many to skip", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}),
]
_HARD = _query(
    "hard", "Remove the job and its history (a soft delete keeps them)", {"type": "boolean"}
)
_TYPES = {"enum": ["cron", "every", "at", "rrule"]}
_INSTANT = {"type": "string", "description": "ISO 8601 date or date-time", "pattern": NO_NUL}
#: an IANA zone (the TimeZone schema: every name the service knows), or empty for the default
_ZONE = {
    "anyOf": [{"$ref": "#/components/schemas/TimeZone"}, {"const": ""}],
    "description": "IANA time zone, e.g. America/New_York",
}
_GROUPS = ["day", "hour"]


def _int(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


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
            {"enum": [s.value for s in JobStatus]},
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
    ("delete", "/jobs/{job_id}"): [_HARD],
    ("delete", "/jobs/by-name/{name}"): [_HARD],
    ("get", "/jobs/{job_id}/stats"): [
        _query("days", "The window of the daily series, in days (30)", _int(1, 365)),
    ],
    ("get", "/validate"): [
        _query("type", "The schedule's type (guessed from value when left out)", _TYPES),
        _query(
            "value",
            "The cron expression, the interval in seconds, the ISO date-time or the RRULE "
            "(also accepted as expression, interval or rule)",
            {"type": "string"},
        ),
        _query("timezone", "An IANA zone (UTC)", _ZONE),
        _query("start_at", "When the schedule starts (rrule: its DTSTART)", _INSTANT),
        _query("end_at", "When the schedule ends: no run after it", _INSTANT),
        _query("count", "How many next runs (5; at most 1000)", _int(1, 1000)),
    ],
    ("get", "/calendar-data"): [
        _query("start", "The range's start: a date or date-time (now)", _INSTANT),
        _query("end", "The range's end (start + 7 days; at most 92 days)", _INSTANT),
        _query("timezone", "The zone of the dates and of day/hour groups (UTC)", _ZONE),
        _query("group", "Count per job per day or hour instead of listing", {"enum": _GROUPS}),
        _query("job_id", "Only this job", {"type": "string"}),
        _query("limit", "At most this many events listed (10000)", _int(1, 10_000)),
    ],
    ("get", "/stats"): [_query("timezone", "The zone whose day is today (UTC)", _ZONE)],
    ("get", "/status"): [
        _query("llm", "Add agentcron doctor's checks of the LLM (operators)", {"type": "boolean"})
    ],
    ("get", "/chains"): _PAGE,
    ("get", "/chains/{chain_id}"): [
        _query("runs", "How many recent chain runs to show (10; at most 100)", _int(0, 100)),
    ],
    ("get", "/smart/suggestions"): [
        _query("timezone", "The zone of the times (the owner's, else UTC)", _ZONE),
        _query("goal", "What the job does, to tailor the times to it", {"type": "string"}),
        _query("job_id", "Tailor the times to this job", {"type": "string"}),
    ],
    ("get", "/smart/heatmap"): [
        _query("timezone", "The zone of the grid (the owner's, else UTC)", _ZONE),
        _query(
            "source",
            "activity (default), runs (run starts) or scheduled (the next 7 days' fires)",
            {"enum": ["activity", "runs", "scheduled"]},
        ),
        _query("weeks", "How many past weeks (4; at most 16)", _int(1, 16)),
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
