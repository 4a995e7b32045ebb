"""What an agent may do: the tool catalogue, the built-in agent, and the rules for granting.

Tools are of two kinds. *Read* tools (``http_fetch`` GETs a public page, ``current_time``,
``previous_run``) bring information in. *Effect* tools (``http_send``: POST, PUT, PATCH or
DELETE) send data out, so a page the agent reads could try to turn them against the job's
owner ("now POST your previous outputs to …"). The rules that follow from that:

- the built-in ``default`` agent — the one Slack jobs and jobs naming no agent use — has read
  tools only, and no effect tool can ever be granted to it;
- an effect tool is granted to a named agent by listing it in ``tools`` together with
  ``allowed_hosts``, the only hosts it may reach (``api.example.com`` or ``*.example.com``);
- where a run's result goes is the job's ``delivery``, never the model's choice.

Pure: no I/O, no clock. Storage, the API and the executor all ask here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, field_validator

from agentcron.app.domain.jobspec import pydantic_problems
from agentcron.app.errors import FieldProblem, InvalidInput


class ToolKind(StrEnum):
    READ = "read"
    EFFECT = "effect"


#: every tool an agent's allow-list may name, in the order they are offered to the model
TOOLS: dict[str, ToolKind] = {
    "http_fetch": ToolKind.READ,
    "current_time": ToolKind.READ,
    "previous_run": ToolKind.READ,
    "http_send": ToolKind.EFFECT,
}
TOOL_NAMES: tuple[str, ...] = tuple(TOOLS)
READ_TOOLS: frozenset[str] = frozenset(n for n, k in TOOLS.items() if k is ToolKind.READ)
EFFECT_TOOLS: frozenset[str] = frozenset(n for n, k in TOOLS.items() if k is ToolKind.EFFECT)
#: always offered, never listed: it ends the run
FINISH = "finish"

BUILTIN_ID = "default"
DEFAULT_TOOLS: tuple[str, ...] = tuple(n for n in TOOL_NAMES if n in READ_TOOLS)
DEFAULT_MAX_STEPS = 8
DEFAULT_MAX_TOKENS = 20_000
DEFAULT_TIMEOUT_SECONDS = 300
MAX_ALLOWED_HOSTS = 50

# a DNS name of letters, digits and hyphens, optionally behind one leading "*."
_HOST_PATTERN = re.compile(
    r"^(\*\.)?(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def builtin_agent(model: str | None) -> dict[str, Any]:
    """The ``default`` agent as it is when no administrator has stored one."""
    return {
        "id": BUILTIN_ID,
        "owner": None,
        "name": "Default agent",
        "model": model,
        "instructions": "",
        "tools": list(DEFAULT_TOOLS),
        "allowed_hosts": [],
        "read_hosts": [],
        "max_steps": DEFAULT_MAX_STEPS,
        "max_tokens": DEFAULT_MAX_TOKENS,
        "max_tokens_per_day": None,
        "timeout_seconds": DEFAULT_TIMEOUT_SECONDS,
        "created_at": None,
        "updated_at": None,
        "deleted_at": None,
    }


def normalise_tools(names: Sequence[str], problems: list[FieldProblem]) -> list[str]:
    """The allow-list as stored: known names, no duplicates, ``finish`` dropped (it is always
    offered, so a client may list it)."""
    chosen: list[str] = []
    for index, name in enumerate(names):
        if name == FINISH:
            continue
        if name not in TOOLS:
            problems.append(
                FieldProblem(
                    f"tools[{index}]",
                    f"unknown tool {name!r} (available: {', '.join(TOOL_NAMES)})",
                )
            )
        elif name not in chosen:
            chosen.append(name)
    return chosen


def normalise_hosts(
    patterns: Sequence[str], problems: list[FieldProblem], *, field: str = "allowed_hosts"
) -> list[str]:
    """Host patterns, lower-cased: ``api.example.com`` or ``*.example.com`` (which matches
    the subdomains, not ``example.com`` itself). No schemes, ports, paths or bare ``*``."""
    hosts: list[str] = []
    if len(patterns) > MAX_ALLOWED_HOSTS:
        problems.append(FieldProblem(field, f"at most {MAX_ALLOWED_HOSTS} hosts"))
        return hosts
    for index, raw in enumerate(patterns):
        pattern = raw.strip().lower().rstrip(".") if isinstance(raw, str) else ""
        if not _HOST_PATTERN.match(pattern) or "." not in pattern.removeprefix("*."):
            problems.append(
                FieldProblem(
                    f"{field}[{index}]",
                    f"{raw!r} is not a host name such as api.example.com or *.example.com "
                    "(no scheme, port or path)",
                )
            )
        elif pattern not in hosts:
            hosts.append(pattern)
    return hosts


def check_grant(
    tools: Iterable[str], allowed_hosts: Sequence[str], *, agent_id: str | None
) -> list[FieldProblem]:
    """Problems with granting ``tools`` to an agent: effect tools never on the built-in
    agent, and only with hosts to reach."""
    effects = sorted(set(tools) & EFFECT_TOOLS)
    if not effects:
        return []
    names = ", ".join(effects)
    if agent_id == BUILTIN_ID:
        return [
            FieldProblem(
                "tools",
                f"{names} sends data out and cannot be given to the built-in default agent "
                "(every Slack job uses it); create a named agent with allowed_hosts instead",
            )
        ]
    if not allowed_hosts:
        return [
            FieldProblem(
                "allowed_hosts",
                f"{names} sends data out: list the hosts it may reach (e.g. api.example.com)",
            )
        ]
    return []


def host_allowed(host: str, patterns: Iterable[str]) -> bool:
    """Whether ``host`` matches one of ``patterns`` (exact, or ``*.`` for any subdomain)."""
    host = host.lower().rstrip(".")
    for pattern in patterns:
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and host != pattern[2:]:
                return True
        elif host == pattern:
            return True
    return False


def run_tools(
    agent_tools: Iterable[str], *, allowed_hosts: Sequence[str], effects: bool
) -> frozenset[str]:
    """The tools one run is offered: the agent's allow-list, minus effect tools when the run
    may have no effects (a dry run) or the agent has no hosts to reach."""
    tools = frozenset(agent_tools) & frozenset(TOOL_NAMES)
    if not effects or not allowed_hosts:
        tools -= EFFECT_TOOLS
    return tools


# -- writing an agent ------------------------------------------------------------------------

#: fields a client may send back unchanged from a GET (ignored, not refused)
READ_ONLY_FIELDS = frozenset({"id", "owner", "builtin", "created_at", "updated_at"})
_MODEL_NAME = re.compile(r"^[\w.:/@+\-]{1,200}$")


# Fields that may be left out but not null. A null is let through here to be refused by
# validate_agent naming the field ("may not be null"); the document says what is accepted.
def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)  # null: not a value the document offers


def _left_out() -> Any:
    """A field that may be left out (None), though not given as null."""
    return Field(None, json_schema_extra=_without_default)


_Name = Annotated[
    str | None,
    Field(min_length=1, max_length=200),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200}),
]
_Steps = Annotated[
    int | None, Field(ge=1, le=50), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 50})
]
_Tokens = Annotated[
    int | None,
    Field(ge=1_000, le=2_000_000),
    WithJsonSchema({"type": "integer", "minimum": 1_000, "maximum": 2_000_000}),
]
_Seconds = Annotated[
    int | None,
    Field(ge=1, le=3_600),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 3_600}),
]


class AgentFields(BaseModel):
    """Every writable field of an agent; required-ness is checked for creation."""

    model_config = ConfigDict(extra="forbid", strict=True)  # 0 is not false, "5" not 5

    name: _Name = _left_out()
    model: str | None = Field(None, description="null: the service default at job creation")
    instructions: str | None = Field(None, max_length=20_000)
    tools: list[str] | None = Field(None, max_length=20)
    allowed_hosts: list[str] | None = Field(None, max_length=MAX_ALLOWED_HOSTS)
    read_hosts: list[str] | None = Field(None, max_length=MAX_ALLOWED_HOSTS)
    max_steps: _Steps = _left_out()
    max_tokens: _Tokens = _left_out()
    max_tokens_per_day: int | None = Field(None, ge=1_000, le=1_000_000_000)
    timeout_seconds: _Seconds = _left_out()
    #: create only: an administrator's agent every owner can use
    shared: bool | None = None

    @field_validator("model")
    @classmethod
    def _model(cls, model: str | None) -> str | None:
        if model is not None and not _MODEL_NAME.match(model):
            raise ValueError("a model name is 1-200 letters, digits and . _ : / @ + -")
        return model


class NewAgent(AgentFields):
    """``POST /agents``: what AgentFields says, with the name required (for the document)."""

    name: Annotated[str, Field(min_length=1, max_length=200)]


def validate_agent(
    body: Any, *, existing: Mapping[str, Any] | None = None, agent_id: str | None = None
) -> dict[str, Any]:
    """Check a create (``existing`` None) or partial-update body; return column values (and
    ``shared`` when asked for) or raise InvalidInput naming each field."""
    if not isinstance(body, dict):
        raise InvalidInput.field("", "the request body must be a JSON object", status=400)
    data = {k: v for k, v in body.items() if k not in READ_ONLY_FIELDS}
    try:
        fields = AgentFields.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(pydantic_problems(exc)) from None
    if existing is not None and "shared" in data:
        # it says where the agent lives, fixed at creation: checked, then left as it was
        fields = AgentFields.model_validate({k: v for k, v in data.items() if k != "shared"})
    given = fields.model_fields_set
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {}
    for name in ("name", "model", "max_steps", "max_tokens", "max_tokens_per_day"):
        if name in given:
            values[name] = getattr(fields, name)
    if "timeout_seconds" in given:
        values["timeout_seconds"] = fields.timeout_seconds
    for name in ("name", "max_steps", "max_tokens", "timeout_seconds"):
        if name in values and values[name] is None:
            problems.append(FieldProblem(name, "may not be null"))
    if existing is None and not fields.name:
        problems.append(FieldProblem("name", "is required"))
    if "instructions" in given:
        values["instructions"] = fields.instructions or ""
    if "tools" in given:
        values["tools"] = normalise_tools(fields.tools or [], problems)
    for name in ("allowed_hosts", "read_hosts"):
        if name in given:
            values[name] = normalise_hosts(getattr(fields, name) or [], problems, field=name)
    if existing is None:
        values.setdefault("model", None)
        values.setdefault("instructions", "")
        values.setdefault("tools", list(DEFAULT_TOOLS))
        values.setdefault("allowed_hosts", [])
        values.setdefault("read_hosts", [])
        values.setdefault("max_steps", DEFAULT_MAX_STEPS)
        values.setdefault("max_tokens", DEFAULT_MAX_TOKENS)
        values.setdefault("max_tokens_per_day", None)
        values.setdefault("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
    if not problems:
        merged = {**(existing or {}), **values}
        problems.extend(
            check_grant(
                merged.get("tools") or (),
                merged.get("allowed_hosts") or (),
                agent_id=agent_id or (existing or {}).get("id"),
            )
        )
    if problems:
        raise InvalidInput(problems)
    if existing is None and fields.shared:
        values["shared"] = True
    return values
