"""The request bodies of the endpoints that read their own (jobs and agents have theirs in
``domain``), as pydantic models for the OpenAPI document. The handlers check their input
themselves, naming the field and the reason; these say the same to a client and a fuzzer,
and a test holds them together (tests/api/test_openapi_document.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.slack_access import WorkspaceSettings
from agentcron.app.services import MAX_PARSE_TEXT


class _Closed(BaseModel):
    """A body whose handler refuses fields it does not know."""

    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    """A body whose handler reads the fields it knows and leaves the rest."""

    model_config = ConfigDict(extra="allow")


class ParseRequest(_Open):
    """``POST /parse-nl``: seed 002's ``{"text": "every weekday at 9am Pacific"}``."""

    text: str = Field(
        min_length=1, max_length=MAX_PARSE_TEXT, description="The schedule in plain words"
    )
    timezone: str | None = Field(None, description="IANA zone for times that name none (UTC)")
    count: int | None = Field(None, ge=1, le=1_000, description="How many next runs (5)")


class EditRequest(_Open):
    """``POST /jobs/{id}/parse-edit``: ``{"text": "move it to 10am"}``."""

    text: str = Field(min_length=1, max_length=4_000, description="The change in plain words")
    timezone: str | None = Field(None, description="The zone of a time the words name")


class ChainEdge(_Open):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    from_: str = Field(alias="from", description="A job id of the chain")
    to: str = Field(description="A job id of the chain")
    type: Literal["on_success", "on_failure", "on_complete"] = "on_success"


class ChainFields(_Open):
    """``POST /chains``: seed 002's ``name``, ``jobs`` (ids of your jobs) and ``edges``."""

    name: str = Field(min_length=1, max_length=200)
    jobs: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    edges: list[ChainEdge] = Field(default_factory=list)
    #: a job with several upstream edges runs when any one fires (default) or all do
    joins: dict[str, Literal["any", "all"]] = Field(default_factory=dict)


class RescheduleRequest(_Open):
    """``PATCH /jobs/{id}/reschedule``: a new schedule, from now or from ``effective_from``."""

    schedule: dict[str, Any] | str | None = Field(
        description="A schedule document (cron, every, at, rrule), words, or null"
    )
    effective_from: str | None = Field(
        None, description="ISO 8601: the old schedule runs until then"
    )


class BackfillRequest(_Open):
    """``POST /jobs/{id}/backfill``: run the slots of a past range once each."""

    start: str = Field(description="ISO 8601 (in the job's zone without an offset)")
    end: str = Field(description="ISO 8601, not in the future; at most 1000 slots")


_SCOPE_NAMES = "|".join(re.escape(scope.value) for scope in Scope)
#: what domain.scopes.parse_scopes reads: a list of scope names, or them in one string
#: separated by commas or spaces; at least one
_SCOPES = {
    "anyOf": [
        {
            "type": "array",
            "items": {"enum": [scope.value for scope in Scope]},
            "minItems": 1,
        },
        {
            "type": "string",
            "pattern": rf"^[\s,]*({_SCOPE_NAMES})([\s,]+({_SCOPE_NAMES}))*[\s,]*$",
        },
    ]
}


class KeyFields(_Closed):
    """``POST /keys``: a key with at most the scopes of the key making it."""

    name: str = Field(min_length=1, max_length=200)
    scopes: Annotated[list[str] | str, WithJsonSchema(_SCOPES)] = Field(
        description="parse, jobs:read, jobs:write, runs:write, admin"
    )


#: (method, path) → the model of its request body
BODIES: dict[tuple[str, str], type[BaseModel]] = {
    ("post", "/parse-nl"): ParseRequest,
    ("post", "/jobs/{job_id}/parse-edit"): EditRequest,
    ("post", "/chains"): ChainFields,
    ("patch", "/jobs/{job_id}/reschedule"): RescheduleRequest,
    ("post", "/jobs/{job_id}/reschedule"): RescheduleRequest,
    ("post", "/jobs/{job_id}/backfill"): BackfillRequest,
    ("post", "/keys"): KeyFields,
    ("put", "/slack/workspaces/{team_id}"): WorkspaceSettings,
}

#: operations that read no body: the document offers none
NO_BODY: frozenset[tuple[str, str]] = frozenset(
    {
        ("post", "/jobs/{job_id}/pause"),
        ("post", "/jobs/{job_id}/resume"),
        ("post", "/jobs/{job_id}/trigger"),
        ("post", "/jobs/{job_id}/dry-run"),
        ("post", "/jobs/{job_id}/runs/{run_id}/cancel"),
        ("post", "/chains/{chain_id}/trigger"),
    }
)
