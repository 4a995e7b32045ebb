"""What a job may say, checked: the request body of ``POST /jobs`` and ``PUT /jobs/{id}``.

Shape checks are pydantic's; meaning checks (cron syntax, zones, conditions, targets, URLs)
are the domain's own, so that every problem names its field and says why. The result is a
plain dict of column values; nothing here touches storage or reads the clock.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
)

from agentcron.app.domain.enums import JobStatus, Overlap
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.http_action import validate_http_action
from agentcron.app.domain.jobtypes import HOST_ACTIONS, validate_host_action
from agentcron.app.domain.schedule import Schedule, ScheduleError, next_fire_time
from agentcron.app.domain.shorthand import (
    Shorthand,
    every_macro,
    given_shorthand,
    lift_data,
    lift_definition,
    lift_http_fields,
    schedule_from_shorthand,
    top_level_names,
)
from agentcron.app.errors import FieldProblem, InvalidInput
from agentcron.delivery.targets import check_url, parse_target

#: as plain strings (the order the API documents them in), from their enums
JOB_STATUSES = tuple(s.value for s in JobStatus)
OVERLAP_POLICIES = tuple(p.value for p in Overlap)
RETRY_STRATEGIES = ("exponential", "linear", "fixed")
DELIVERY_FORMATS = ("markdown", "text", "json")
MAX_METADATA_BYTES = 64_000
#: a job's payload is read with its run at every lease and handed to the executor: kept small
MAX_PAYLOAD_BYTES = 64_000
#: plain words are read by the parser on the event loop; its cost grows faster than the text
MAX_SCHEDULE_TEXT = 200

# Fields a client may send back unchanged from a GET (they are ignored, not refused).
READ_ONLY_FIELDS = frozenset(
    {
        "id",
        "owner",
        "created_at",
        "updated_at",
        "next_run_at",
        "last_run_at",
        "run_count",
        "schedule_description",
        "model",
        "consecutive_failures",
        "pending_schedule",
        "effective_from",
    }
)

# Seed 003's ways to say when: checked by app.domain.shorthand, which names the field at
# fault itself; the schemas here only tell a client (and the MCP tools) what each takes.
_DURATION = {
    "anyOf": [
        {"type": "number", "description": "seconds"},
        {
            "type": "array",
            "prefixItems": [
                {"type": "number"},
                {
                    "type": "string",
                    "description": "seconds, minutes, hours, days, weeks, months or years",
                },
            ],
            "minItems": 2,
            "maxItems": 2,
        },
        {"type": "null"},
    ]
}
Duration = Annotated[Any, WithJsonSchema(_DURATION)]

_ZONE_FIELD = {"type": "string", "description": "IANA zone (UTC; on an update: the job's)"}
_BOUND = {"type": "string", "description": "ISO 8601 date-time"}


def _kind(kind: str, required: str, spec: dict[str, Any], about: str) -> dict[str, Any]:
    return {
        "type": "object",
        "title": f"{kind} schedule",
        "description": about,
        "properties": {
            "type": {"const": kind},
            required: spec,
            "timezone": _ZONE_FIELD,
            "start_at": _BOUND,
            "end_at": _BOUND,
        },
        "required": ["type", required],
        "additionalProperties": False,
    }


# seed 002's schedule types (checked by app.domain.schedule; this only tells a client)
_SCHEDULE_DOCUMENT = {
    "anyOf": [
        _kind(
            "cron",
            "expression",
            {"type": "string", "examples": ["0 9 * * 1-5", "@daily"]},
            "Five-field cron (or a macro) in timezone",
        ),
        _kind(
            "every",
            "interval",
            {"type": "integer", "minimum": 1, "description": "seconds"},
            "Every interval seconds",
        ),
        _kind(
            "at",
            "datetime",
            {"type": "string", "examples": ["2026-04-01T09:00:00Z"]},
            "Once, at datetime (ISO 8601; without an offset, in timezone)",
        ),
        _kind(
            "rrule",
            "rule",
            {"type": "string", "examples": ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15"]},
            "An RFC 5545 recurrence rule from start_at, on the wall clock of timezone",
        ),
        {
            "type": "string",
            "description": "Plain words ('every weekday at 9am') or a cron expression",
        },
        {"type": "null", "description": "Runs only when triggered or chained"},
    ]
}
ScheduleInput = Annotated[dict[str, Any] | str | None, WithJsonSchema(_SCHEDULE_DOCUMENT)]
Instant = Annotated[
    Any,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "description": "ISO 8601 date-time"},
                {"type": "number", "description": "Unix timestamp (seconds)"},
                {"type": "null"},
            ]
        }
    ),
]
_SCALAR = {"type": ["string", "number", "boolean", "null"]}
SqlSettings = Annotated[
    dict[str, Any] | None,
    WithJsonSchema(
        {
            "type": ["object", "null"],
            "description": "For action sql (when the operator enabled it)",
            "properties": {
                "connection": {"type": "string", "description": "a name the operator set up"},
                "statement": {"type": "string", "description": "SQL with :name parameters"},
                "procedure": {"type": "string", "description": "or a procedure to CALL"},
                "parameters": {
                    "anyOf": [
                        {
                            "type": "object",
                            "additionalProperties": {
                                "anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}]
                            },
                        },
                        {"type": "array", "items": _SCALAR},
                    ]
                },
                "read_only": {"type": "boolean", "default": True},
                "max_rows": {"type": "integer", "minimum": 1, "maximum": 10_000},
                "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 3_600},
            },
            "required": ["connection"],
            "additionalProperties": False,
        }
    ),
]
PythonSettings = Annotated[
    dict[str, Any] | None,
    WithJsonSchema(
        {
            "type": ["object", "null"],
            "description": "For action python (when the operator enabled it)",
            "properties": {
                "function": {"type": "string", "description": "module:function, allow-listed"},
                "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 86_400},
            },
            "required": ["function"],
            "additionalProperties": False,
        }
    ),
]
CommandSettings = Annotated[
    dict[str, Any] | str | None,
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "description": "a command the operator allows"},
                        "args": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "appended to the operator's argv, where allowed",
                        },
                        "timeout_seconds": {"type": "number", "exclusiveMinimum": 0},
                    },
                    "required": ["name"],
                    "additionalProperties": False,
                },
                {"type": "string", "description": "seed 004's command line: name, then args"},
                {"type": "null"},
            ],
            "description": "For action command (when the operator enabled it); never a shell",
        }
    ),
]
ActionKind = Literal["agent", "http", "noop", "sql", "python", "command", "file"]
FileSettings = Annotated[
    dict[str, Any] | None,
    WithJsonSchema(
        {
            "type": ["object", "null"],
            "description": "For action file (when the operator enabled it)",
            "properties": {
                "operation": {"enum": ["copy", "move", "delete", "write"]},
                "root": {"type": "string", "description": "a root directory the operator named"},
                "path": {"type": "string", "description": "relative to the root; no '..'"},
                "to_root": {"type": "string", "description": "copy, move: default root"},
                "to": {"type": "string", "description": "copy, move: the destination path"},
                "content": {"type": "string", "description": "write: text, with templates"},
                "overwrite": {"type": "boolean", "default": False},
                "missing_ok": {"type": "boolean", "default": False},
            },
            "required": ["operation", "root", "path"],
            "additionalProperties": False,
        }
    ),
]
#: a job's unique handle among its owner's live jobs (``/jobs/by-name/{name}``)
_KEY_TEXT = re.compile(r"^[^\x00-\x1f\x7f]+$")


class RetrySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_attempts: int = Field(3, ge=1, le=20)
    strategy: Literal["exponential", "linear", "fixed"] = "exponential"
    # int | float: a whole number comes back as it was sent (60, not 60.0)
    base_delay: int | float = Field(60, ge=0, le=86_400)
    max_delay: int | float | None = Field(None, ge=0, le=7 * 86_400)
    jitter: bool = True


class DeliverySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: str | None = None
    channels: list[str] | None = Field(None, max_length=10)
    format: Literal["markdown", "text", "json"] = "markdown"
    muted: bool = False
    on_error: bool | None = None
    #: let the output mention people in Slack (<!here>, <@U…>); neutralised when false
    allow_mentions: bool = False
    #: where failure notices go instead of the result channels (``slack:U0123`` is a DM)
    failures_to: str | None = Field(None, max_length=4_000)


class ConditionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["expression"] = "expression"
    expression: str = Field(min_length=1, max_length=2_000)


class BudgetSpec(BaseModel):
    """An agent job's own token limits, under its agent's (``domain.budgets``)."""

    model_config = ConfigDict(extra="forbid")

    max_tokens_per_run: int | None = Field(None, ge=1_000, le=2_000_000)
    max_tokens_per_day: int | None = Field(None, ge=1_000, le=1_000_000_000)


class HttpSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=4_000)
    method: str = "GET"
    headers: dict[str, str] = Field(default_factory=dict)
    query: dict[str, str | int | float | bool] = Field(default_factory=dict)
    body: Any = None


class JobFields(BaseModel):
    """Every writable field; all optional here, required-ness is checked for creation."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=10_000)
    goal: str | None = Field(None, max_length=20_000)
    agent_id: str | None = Field(None, max_length=40)
    action: ActionKind | dict[str, Any] | None = None
    http: HttpSpec | None = None
    #: the settings of the host job types (``app.domain.jobtypes``), checked there against
    #: what the operator enabled: so a problem names its field (``sql.connection``)
    sql: SqlSettings = None
    python: PythonSettings = None
    command: CommandSettings = None
    file: FileSettings = None
    schedule: ScheduleInput = None
    #: the zone for a schedule that names none (also accepted inside the schedule)
    timezone: str | None = Field(None, max_length=64)
    status: Literal["active", "paused"] | None = None
    delivery: DeliverySpec | None = None
    condition: ConditionSpec | None = None
    budget: BudgetSpec | None = None
    retry: RetrySpec | None = None
    timeout_seconds: int | None = Field(None, ge=1, le=86_400)
    overlap: Literal["skip", "queue", "allow", "cancel_previous"] | None = None
    catchup_window_seconds: int | None = Field(None, ge=0, le=366 * 86_400)
    max_concurrency: int | None = Field(None, ge=1, le=100)
    pause_on_failure: int | None = Field(None, ge=1, le=1_000)
    exclusions: dict[str, Any] | None = None
    tags: list[str] | None = Field(None, max_length=50)
    metadata: dict[str, Any] | None = None
    #: opaque JSON handed to the executor on every run (Dapr's job data): an http job's default
    #: body and ``{{ payload.x }}`` in its templates, an agent's data to work on
    payload: Any = None
    webhook_url: str | None = Field(None, max_length=4_000)
    #: seed 003: receives each run's result (signed like webhooks)
    callback_url: str | None = Field(None, max_length=4_000)
    idempotency_key: str | None = Field(None, min_length=1, max_length=200)
    created_by: str | None = Field(None, max_length=200)
    #: the name is unique among the owner's jobs (it becomes the job's ``key``)
    unique_name: bool | None = None
    #: a unique handle among the owner's jobs, as seed 004's job definitions have
    key: str | None = Field(None, min_length=1, max_length=200)
    # seed 003's ways to say when (app.domain.shorthand), instead of ``schedule``
    schedule_in: Duration = None
    scheduled_at: Instant = None
    repeat_every: Duration = None
    cron: str | None = Field(None, max_length=1_000)
    # seed 003's request at the top level, instead of ``"action": "http", "http": {…}``
    # (lifted into ``http`` before these are read: app.domain.shorthand.lift_http_fields)
    url: str | None = Field(
        None, max_length=4_000, description="seed 003: the http job's URL (http.url)"
    )
    method: str | None = Field(None, description="seed 003: http.method (GET)")
    headers: dict[str, str] | None = Field(None, description="seed 003: http.headers")
    query: dict[str, str | int | float | bool] | None = Field(
        None, description="seed 003: http.query"
    )
    body: Any = Field(None, description="seed 003: http.body")
    # seed 004's job definitions (lifted into overlap, retry and delivery:
    # app.domain.shorthand.lift_definition)
    blocking: bool | None = Field(None, description="seed 004: true is overlap skip")
    max_retries: int | None = Field(
        None, ge=0, le=19, description="seed 004: retries after the first attempt"
    )
    muted: bool | None = Field(None, description="seed 004: delivery.muted")
    #: Dapr's name for ``payload`` (lifted into it: app.domain.shorthand.lift_data)
    data: Any = Field(None, description="Dapr (seed 000): the job's payload")

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str] | None) -> list[str] | None:
        if tags is None:
            return None
        cleaned: list[str] = []
        for tag in tags:
            tag = tag.strip()
            if not tag or len(tag) > 64 or "," in tag:
                raise ValueError("each tag is 1-64 characters without commas")
            if tag not in cleaned:
                cleaned.append(tag)
        return cleaned


def pydantic_problems(error: ValidationError, *, prefix: str = "") -> list[FieldProblem]:
    problems = []
    for item in error.errors(include_url=False):
        path = ".".join(str(part) for part in item["loc"] if not str(part).startswith("function-"))
        # discard pydantic's union-branch names ("str", "dict[str,any]") from the path
        path = ".".join(p for p in path.split(".") if not (p.islower() and "[" in p))
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "is not a known field"
        elif item["type"] == "missing":
            message = "is required"
        problems.append(FieldProblem(f"{prefix}{path}" if path else prefix.rstrip("."), message))
    return problems


def parse_fields(body: Any) -> JobFields:
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    data = {k: v for k, v in body.items() if k not in READ_ONLY_FIELDS}
    try:
        return JobFields.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(pydantic_problems(exc)) from None


#: the action fields a body may carry, each for its own kind of action
SPEC_FIELDS = ("http", *HOST_ACTIONS)


def _normalise_action(
    fields: JobFields, host: HostJobs, problems: list[FieldProblem]
) -> dict[str, Any] | None:
    """``"action": "http", "http": {...}`` or ``"action": {"type": "http", ...}`` → stored form
    (the same for the host job types: ``"action": "sql", "sql": {...}``)."""
    action = fields.action
    http = fields.http
    specs: dict[str, Any] = {kind: getattr(fields, kind) for kind in HOST_ACTIONS}
    if isinstance(action, dict):
        kind = action.get("type", "agent")
        if not isinstance(kind, str):  # {"type": {...}}: not a name to look up
            problems.append(
                FieldProblem("action.type", f"must be one of {', '.join(ACTION_KINDS)}")
            )
            return None
        raw = action.get(kind) or {k: v for k, v in action.items() if k != "type"}
        if kind == "http":
            try:
                http = HttpSpec.model_validate(raw)
            except ValidationError as exc:
                problems.extend(pydantic_problems(exc, prefix="action.http."))
                return None
        elif kind in HOST_ACTIONS:
            specs[kind] = raw
        elif kind not in ("agent", "noop"):
            problems.append(
                FieldProblem("action.type", f"must be one of {', '.join(ACTION_KINDS)}")
            )
            return None
        action = kind
    if action is None:
        action = _kind_of_spec(fields)
    for other in SPEC_FIELDS:
        given = http if other == "http" else specs.get(other)
        if given is not None and other != action and action != "noop":
            problems.append(FieldProblem(other, f"only allowed when action is {other}"))
    if action == "http":
        if http is None:
            problems.append(FieldProblem("http.url", "is required: the URL an http job calls"))
            return None
        try:
            spec = validate_http_action(http.model_dump(), field="http")
        except InvalidInput as exc:
            problems.extend(exc.problems)
            return None
        return {"type": "http", "http": spec}
    if action in HOST_ACTIONS:
        try:
            spec = validate_host_action(action, specs[action], host)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            return None
        return {"type": action, action: spec}
    if action == "noop":
        return {"type": "noop"}
    if action == "agent":
        return {"type": "agent"}
    return None


#: every kind of action a job may have
ACTION_KINDS = ("agent", "http", "noop", *HOST_ACTIONS)


def _kind_of_spec(fields: JobFields) -> str | None:
    """The action a body's settings imply when it names none (``"http": {...}`` alone)."""
    for kind in SPEC_FIELDS:
        if getattr(fields, kind) is not None:
            return kind
    return None


def _requested_kind(fields: JobFields) -> str | None:
    """The action the body asks for, even when the rest of it is invalid: an http job whose
    URL is missing is still an http job, so it is not also told that it needs a goal."""
    action = fields.action
    if isinstance(action, dict):
        kind = action.get("type", "agent")
        return kind if isinstance(kind, str) else None
    if isinstance(action, str):
        return action
    return _kind_of_spec(fields)


def _check_url(url: str, field: str, problems: list[FieldProblem]) -> None:
    try:
        check_url(url, field=field)
    except ValueError as exc:
        problems.append(FieldProblem(field, str(exc)))


def _delivery(spec: DeliverySpec, problems: list[FieldProblem]) -> dict[str, Any]:
    channels = list(spec.channels or [])
    if spec.channel:
        channels.insert(0, spec.channel)
    for index, channel in enumerate(channels):
        field = "delivery.channel" if spec.channel and index == 0 else f"delivery.channels[{index}]"
        try:
            parse_target(channel)
        except ValueError as exc:
            problems.append(FieldProblem(field, str(exc)))
    if spec.failures_to is not None:
        try:
            parse_target(spec.failures_to)
        except ValueError as exc:
            problems.append(FieldProblem("delivery.failures_to", str(exc)))
    out = spec.model_dump(exclude_none=True)
    out.pop("channels", None)
    out["channels"] = list(dict.fromkeys(channels))
    if channels:
        out["channel"] = channels[0]
    return out


def _condition(spec: ConditionSpec, problems: list[FieldProblem]) -> dict[str, Any]:
    from agentcron.app.domain.conditions import ConditionError, compile_condition

    try:
        compile_condition(spec.expression)
    except ConditionError as exc:
        problems.append(FieldProblem("condition.expression", str(exc)))
    return spec.model_dump()


def _bounded(value: Any, field: str, limit: int, problems: list[FieldProblem]) -> None:
    if len(json.dumps(value, default=str, ensure_ascii=False).encode()) > limit:
        problems.append(FieldProblem(field, f"is larger than {limit:,} bytes"))


def check_schedule(
    raw: dict[str, Any] | None, *, now: datetime, field: str = "schedule"
) -> Schedule | None:
    if raw is None:
        return None
    try:
        # an rrule without start_at is anchored now, once: the stored schedule carries it
        schedule = Schedule.from_dict(raw, field=field, now=now, strict=True)
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None
    if schedule.type == "at" and schedule.at is not None and schedule.at <= now:
        raise InvalidInput.field(f"{field}.datetime", "is in the past")
    if next_fire_time(schedule, after=now) is None:
        if schedule.type == "rrule":
            raise InvalidInput.field(
                f"{field}.rule", "has no occurrence after now (check COUNT, UNTIL and end_at)"
            )
        raise InvalidInput.field(field, "never fires after now (check end_at)")
    return schedule


def schedule_document(
    raw: dict[str, Any] | str | None, *, timezone: str | None, now: datetime
) -> dict[str, Any] | None:
    """The schedule as a document (see ``read_schedule``)."""
    return read_schedule(raw, timezone=timezone, now=now)[0]


def _zone_of(schedule: object) -> str | None:
    zone = schedule.get("timezone") if isinstance(schedule, dict) else None
    return zone if isinstance(zone, str) and zone else None


def read_schedule(
    raw: dict[str, Any] | str | None, *, timezone: str | None, now: datetime
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The schedule as a document, and the exclusions its words imply ("every weekday
    except holidays": the zone's public holidays). A string is a cron expression or macro
    ("0 9 * * 1-5", "@daily") or plain words ("every weekday at 9am"), read by the parser's
    fast stages; words it is not confident about are refused with its reason, never guessed."""
    if raw is None:
        return None, None
    if isinstance(raw, dict):
        if timezone and "timezone" not in raw:
            return {**raw, "timezone": timezone}, None
        return raw, None
    text = raw.strip()
    if len(text) > MAX_SCHEDULE_TEXT:
        raise InvalidInput.field(
            "schedule", f"a schedule in words is at most {MAX_SCHEDULE_TEXT} characters"
        )
    interval = every_macro(text)
    if interval is not None:  # Dapr's "@every 1m"
        return {"type": "every", "interval": interval, "timezone": timezone or "UTC"}, None
    fields = text.split()
    if text.startswith("@") or (len(fields) == 5 and all(_cron_like(f) for f in fields)):
        return {"type": "cron", "expression": text, "timezone": timezone or "UTC"}, None
    from agentcron.parsers import CONFIRM_BELOW, parse_fast

    result = parse_fast(text, timezone=timezone or "UTC", now=now)
    if result.schedule is None:
        reason = result.reason or "could not understand this as a schedule"
        if result.suggestion:
            reason += f" ({result.suggestion})"
        raise InvalidInput.field("schedule", reason)
    if result.confidence < CONFIRM_BELOW:
        raise InvalidInput.field(
            "schedule",
            f"not sure this means {result.human_readable!r} (confidence "
            f"{result.confidence:.2f}); send the schedule as a document to confirm",
        )
    return dict(result.schedule), result.exclusions


_CRON_FIELD = re.compile(
    r"^(?:[0-9*?#/,\-LW]|MON|TUE|WED|THU|FRI|SAT|SUN|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT"
    r"|NOV|DEC)+$",
    re.IGNORECASE,
)


def _cron_like(field: str) -> bool:
    return bool(_CRON_FIELD.match(field))


def check_exclusions(raw: dict[str, Any] | None) -> Exclusions | None:
    try:
        return Exclusions.from_dict(raw)
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None


def validate_job(
    body: Any,
    *,
    now: datetime,
    existing: dict[str, Any] | None = None,
    host: HostJobs | None = None,
) -> dict[str, Any]:
    """Check a create (``existing`` None) or partial update body; return column values.
    ``host`` is what the operator lets jobs touch (nothing when None): a ``sql`` or
    ``python`` job is refused unless it is enabled. Seed 003's request fields at the top
    level (``url``, ``method``, ``body`` …) are an ``http`` job's, and problems in them are
    named as sent (``url``).

    Raises InvalidInput listing every problem found, each naming its field.
    """
    body, lifted = lift_http_fields(lift_definition(lift_data(body), existing), existing)
    if not lifted:
        return _validate_job(body, now=now, existing=existing, host=host)
    try:
        return _validate_job(body, now=now, existing=existing, host=host)
    except InvalidInput as exc:
        raise InvalidInput(
            top_level_names(exc.problems), status=exc.status, details=exc.details
        ) from None


def _validate_job(
    body: Any,
    *,
    now: datetime,
    existing: dict[str, Any] | None = None,
    host: HostJobs | None = None,
) -> dict[str, Any]:
    fields = parse_fields(body)
    given = fields.model_fields_set
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {}
    creating = existing is None

    shorthand = given_shorthand(body)
    if creating and "schedule" not in body and not shorthand:
        problems.append(
            FieldProblem(
                "schedule",
                "is required (use null for a job that only runs on demand; or schedule_in, "
                "scheduled_at, repeat_every or cron)",
            )
        )
    if "timezone" in given and "schedule" not in given and not shorthand:
        problems.append(FieldProblem("timezone", "only applies together with a schedule"))
    if shorthand:
        try:
            values["schedule"] = _shorthand_schedule(body, fields.timezone, now=now)
        except InvalidInput as exc:
            problems.extend(exc.problems)
    implied: dict[str, Any] | None = None
    if not shorthand and "schedule" in given:
        try:
            # an update sends only what changes (seed 002's PUT): a schedule naming no zone
            # keeps the job's, it does not move the job to UTC
            zone = fields.timezone or _zone_of((existing or {}).get("schedule"))
            raw, implied = read_schedule(fields.schedule, timezone=zone, now=now)
            schedule = check_schedule(raw, now=now)
            values["schedule"] = schedule.to_dict() if schedule else None
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if "exclusions" in given or implied:
        # words' exclusions ("except holidays") join the job's; holidays given outright win
        base = fields.exclusions if "exclusions" in given else (existing or {}).get("exclusions")
        try:
            exclusions = check_exclusions({**(implied or {}), **(base or {})} or None)
            values["exclusions"] = exclusions.to_dict() if exclusions else None
        except InvalidInput as exc:
            problems.extend(exc.problems)

    action_given = "action" in given or any(kind in given for kind in SPEC_FIELDS)
    if action_given or creating:
        action = _normalise_action(fields, host or HostJobs(), problems)
        if action is None and not problems:
            action = {"type": "agent"}
        if action is not None:
            values["action"] = action
    requested = _requested_kind(fields) if action_given else None
    kind = (
        values.get("action")
        or ({"type": requested} if requested else None)
        or (existing or {}).get("action")
        or {"type": "agent"}
    )["type"]
    goal = fields.goal if "goal" in given else (existing or {}).get("goal")
    if kind == "agent" and not (goal or "").strip():
        reason = "is required for an agent job"
        if creating and not action_given:
            # nothing says what the job does: say that agent was only the default
            reason += ' (the default action; a job that runs nothing is "action": "noop")'
        problems.append(FieldProblem("goal", reason))

    for name in ("name", "description", "goal", "agent_id", "status", "timeout_seconds"):
        if name in given:
            values[name] = getattr(fields, name)
    for name in ("overlap", "catchup_window_seconds", "max_concurrency", "pause_on_failure"):
        if name in given:
            values[name] = getattr(fields, name)
    if "name" in given and fields.name is None:
        problems.append(FieldProblem("name", "may not be null"))
    if "delivery" in given:
        values["delivery"] = _delivery(fields.delivery, problems) if fields.delivery else None
    if "condition" in given:
        values["condition"] = _condition(fields.condition, problems) if fields.condition else None
    if "budget" in given:
        budget = fields.budget.model_dump(exclude_none=True) if fields.budget else {}
        values["budget"] = budget or None
    if "retry" in given:
        retry = fields.retry
        if retry and retry.max_delay is not None and retry.max_delay < retry.base_delay:
            problems.append(FieldProblem("retry.max_delay", "must be at least base_delay"))
        values["retry"] = retry.model_dump() if retry else None
    if "tags" in given:
        values["tags"] = fields.tags or []
    if "metadata" in given:
        values["metadata"] = fields.metadata or {}
        _bounded(values["metadata"], "metadata", MAX_METADATA_BYTES, problems)
    if "payload" in given:
        values["payload"] = fields.payload
        _bounded(fields.payload, "payload", MAX_PAYLOAD_BYTES, problems)
    for name in ("webhook_url", "callback_url"):
        if name in given:
            url = getattr(fields, name)
            if url:
                _check_url(url, name, problems)
            values[name] = url or None
    key = _key(fields, given, existing, values, problems)
    if key is not _UNCHANGED and key is not _FROM_NAME:
        values["key"] = key
        if key is not None and (problem := _check_key(key, "key")):
            problems.append(problem)
    if creating:
        values["idempotency_key"] = fields.idempotency_key
        values["created_by"] = fields.created_by
    elif "idempotency_key" in given or "created_by" in given:
        problems.append(
            FieldProblem(
                "idempotency_key" if "idempotency_key" in given else "created_by",
                "can only be set when the job is created",
            )
        )

    if problems:
        raise InvalidInput(problems)

    if creating:
        values.setdefault("name", None)
        if not values["name"] and values.get("key"):
            values["name"] = values["key"]  # a job made by its key is called by it
        if not values["name"]:
            values["name"] = _default_name(values, goal)
        values.setdefault("status", "active")
        values.setdefault("overlap", "skip")
        values.setdefault("tags", [])
        values.setdefault("metadata", {})
        values.setdefault("agent_id", "default" if kind == "agent" else None)
    if key is _FROM_NAME:
        name = values.get("name") or (existing or {}).get("name") or ""
        if problem := _check_key(name, "name"):
            raise InvalidInput(problem)
        values["key"] = name
    return values


def request_fingerprint(body: Any) -> str:
    """What identifies a create request for its idempotency key: SHA-256 of the body as sent
    (keys sorted, the key itself left out). The same key with another fingerprint is another
    request: refused, as Stripe refuses it, rather than answered with the first job."""
    import hashlib
    import json

    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k != "idempotency_key"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _shorthand_schedule(body: dict[str, Any], timezone: str | None, *, now: datetime) -> Any:
    """The schedule seed 003's fields say, checked like any schedule; a problem is named by
    the field the user sent (``cron``, not ``schedule.expression``)."""
    mapped: Shorthand | None = schedule_from_shorthand(body, timezone=timezone, now=now)
    assert mapped is not None
    try:
        schedule = check_schedule(mapped.document, now=now)
    except InvalidInput as exc:
        raise InvalidInput(
            [FieldProblem(mapped.field_of(p.field), p.reason) for p in exc.problems]
        ) from None
    return schedule.to_dict() if schedule else None


_UNCHANGED: Any = object()
#: the key is the job's name, once the name is known (a default one is made last)
_FROM_NAME: Any = object()


def _key(
    fields: JobFields,
    given: set[str],
    existing: dict[str, Any] | None,
    values: dict[str, Any],
    problems: list[FieldProblem],
) -> Any:
    """The job's ``key`` (its unique handle) after this write, _FROM_NAME, or _UNCHANGED.

    ``unique_name: true`` makes the name the key, and a renamed job whose name was its key
    keeps it so; ``key`` sets a handle of its own; ``unique_name: false`` or ``key: null``
    drops it. The database refuses a key another live job of the owner has (409)."""
    if "key" in given and fields.key is not None:
        if fields.unique_name and "name" in given and fields.key != fields.name:
            problems.append(
                FieldProblem("key", "differs from the name, which unique_name makes the key")
            )
            return _UNCHANGED
        return fields.key
    if "key" in given:
        return None
    if "unique_name" in given:
        return _FROM_NAME if fields.unique_name else None
    old = (existing or {}).get("key")
    if existing is not None and "name" in values and old and old == existing.get("name"):
        return _FROM_NAME  # the name was the key: it follows the rename
    return _UNCHANGED


def _check_key(key: str, field: str) -> FieldProblem | None:
    """A key is addressed in a URL path (``/jobs/by-name/{name}``): one line, no slash."""
    what = "a unique name" if field == "name" else "a key"
    if key != key.strip() or not _KEY_TEXT.match(key):
        return FieldProblem(field, f"{what} has no control characters or surrounding spaces")
    if "/" in key:
        return FieldProblem(field, f"{what} has no '/' (it is addressed in a URL path)")
    return None


def _default_name(values: dict[str, Any], goal: str | None) -> str:
    if goal:
        line = goal.strip().splitlines()[0]
        return line if len(line) <= 80 else line[:79] + "…"
    action = values.get("action") or {}
    if action.get("type") == "http":
        http = action["http"]
        return f"{http['method']} {http['url']}"[:200]
    if action.get("type") == "sql":
        sql = action["sql"]
        what = f"CALL {sql['procedure']}" if "procedure" in sql else sql["statement"]
        line = " ".join(what.split())
        return f"{sql['connection']}: {line}"[:80]
    if action.get("type") == "python":
        return str(action["python"]["function"])[:200]
    if action.get("type") == "command":
        command = action["command"]
        return " ".join([command["name"], *command.get("args", [])])[:200]
    if action.get("type") == "file":
        file = action["file"]
        return f"{file['operation']} {file['root']}:{file['path']}"[:200]
    return "Untitled job"
