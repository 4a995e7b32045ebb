"""The OpenAPI document, built from the request and response models, and ``/docs``: Swagger
UI reading it (vendored in ``swagger-ui/``: no CDN, the dashboard's CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from agentcron.app.api.auth import ANY_KEY, declared_scope
from agentcron.app.api.bodies import BODIES as REQUEST_BODIES
from agentcron.app.api.bodies import NO_BODY
from agentcron.app.api.responses import LINKS, NO_NUL, OPERATION_IDS, QUERY, RESPONSES
from agentcron.app.api.slack_workspaces import TEAM_ID
from agentcron.app.domain.jobspec import JobFields
from agentcron.app.domain.scopes import WHAT_EACH_GRANTS, Scope

SUMMARIES: dict[tuple[str, str], str] = {
    ("get", "/jobs"): "List jobs (status, tag, agent_id, q, sort, order, limit, offset)",
    ("post", "/jobs"): "Create a job (an Idempotency-Key header returns the first job again)",
    ("get", "/jobs/{job_id}"): "Read a job",
    ("put", "/jobs/{job_id}"): "Update some fields of a job",
    ("patch", "/jobs/{job_id}"): "Update some fields of a job",
    ("delete", "/jobs/{job_id}"): "Delete a job (soft; ?hard=true removes its history)",
    ("post", "/jobs/{job_id}/pause"): "Pause a job",
    ("post", "/jobs/{job_id}/resume"): "Resume a paused job",
    ("patch", "/jobs/{job_id}/reschedule"): "New schedule, optionally from effective_from",
    ("post", "/jobs/{job_id}/reschedule"): "New schedule, optionally from effective_from",
    ("post", "/jobs/{job_id}/parse-edit"): (
        'What a plain-language edit ({"text": "move it to 10am"}) would change: the '
        "changes to PUT, and the schedule before and after with their next runs"
    ),
    ("post", "/jobs/{job_id}/trigger"): "Run the job now; answers 202 with the run id",
    ("post", "/jobs/{job_id}/dry-run"): (
        "Try an agent job once now: no effect tools, no delivery, no run recorded; "
        "answers with output, tool calls, tokens and cost"
    ),
    ("get", "/jobs/{job_id}/runs"): "List a job's runs (status, limit, offset)",
    ("get", "/jobs/{job_id}/runs/{run_id}"): "Read a run",
    ("post", "/jobs/{job_id}/runs/{run_id}/cancel"): "Cancel a queued or running run",
    ("get", "/jobs/{job_id}/stats"): "Per-job statistics",
    ("post", "/jobs/{job_id}/backfill"): "Run the job's slots in a past range, once each",
    ("post", "/parse-nl"): "Parse a schedule written in plain language",
    ("get", "/validate"): (
        "Validate a schedule (type cron|every|at|rrule, value, timezone, start_at, end_at, "
        "count) and list next runs"
    ),
    ("get", "/stats"): "Aggregate statistics",
    ("get", "/status"): "Engine status",
    ("get", "/calendar-data"): (
        "Planned runs of your active jobs in a range: listed (cut by time at limit), or "
        "counted per job per day or hour (group=day|hour)"
    ),
    ("get", "/agents"): "List agents (yours and the built-in default)",
    ("post", "/agents"): "Create an agent (shared: an operator's, for every owner)",
    ("get", "/agents/{agent_id}"): "Read an agent",
    ("put", "/agents/{agent_id}"): "Change an agent (shared ones and default: operators)",
    ("patch", "/agents/{agent_id}"): "Change an agent (shared ones and default: operators)",
    ("delete", "/agents/{agent_id}"): "Delete an agent (default: back to the built-in one)",
    ("get", "/chains"): "List chains",
    ("post", "/chains"): "Create a chain (a DAG of jobs; cycles are refused, named)",
    ("get", "/chains/{chain_id}"): "Read a chain with its recent chain runs",
    ("delete", "/chains/{chain_id}"): "Delete a chain (its jobs stay)",
    ("post", "/chains/{chain_id}/trigger"): "Start a chain run now",
    ("get", "/smart/suggestions"): "Suggested schedule times from activity and load",
    ("get", "/smart/heatmap"): "A 24x7 grid of activity, past runs or planned fires",
    ("get", "/slack/workspaces/{team_id}"): (
        "A Slack workspace's own settings and the effective ones (operators)"
    ),
    ("put", "/slack/workspaces/{team_id}"): (
        "Set who may create jobs in a Slack workspace, where results may go, its admins "
        "and jobs per person (operators; a setting left out keeps the environment's)"
    ),
    ("get", "/me"): (
        "Who this key acts as: its owner (whose jobs it sees), its name and scopes (any key)"
    ),
    ("get", "/keys"): "List this owner's API keys (never the keys themselves)",
    ("post", "/keys"): "Create an API key with scopes; the key is in this answer only",
    ("get", "/keys/{key_id}"): "Read an API key's name, prefix and scopes",
    ("delete", "/keys/{key_id}"): "Revoke an API key",
}
BODIES: dict[tuple[str, str], str] = {
    ("post", "/jobs"): "JobFields",
    ("put", "/jobs/{job_id}"): "JobFields",
    ("patch", "/jobs/{job_id}"): "JobFields",
    ("put", "/jobs/by-name/{name}"): "JobFields",
}
STATUS = {
    ("post", "/jobs"): 201,
    ("post", "/jobs/{job_id}/trigger"): 202,
    ("post", "/jobs/{job_id}/backfill"): 202,
    ("post", "/agents"): 201,
    ("post", "/chains"): 201,
    ("post", "/chains/{chain_id}/trigger"): 202,
    ("post", "/keys"): 201,
}
#: operations that answer one of two successes (cancelling a running run is accepted, 202)
ALSO = {
    ("post", "/jobs/{job_id}/runs/{run_id}/cancel"): 202,
    # a PUT by name creates the job when none has that name
    ("put", "/jobs/by-name/{name}"): 201,
}


_TEXT = {"type": "string", "pattern": NO_NUL}
#: path parameters the service reads with a pattern of its own (others are ids looked up)
PATH_SCHEMAS = {
    "team_id": {"type": "string", "pattern": TEAM_ID.pattern, "examples": ["T0123ABC"]},
}


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    models: list[Any] = [JobFields]
    try:
        from agentcron.app.domain.agents import AgentFields, NewAgent

        models += [AgentFields, NewAgent]
        BODIES[("post", "/agents")] = "NewAgent"
        for method in ("put", "patch"):
            BODIES[(method, "/agents/{agent_id}")] = "AgentFields"
    except ImportError:  # pragma: no cover - agents are part of the service
        pass
    for key, model in REQUEST_BODIES.items():
        BODIES[key] = model.__name__
        models.append(model)
    for model in models:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    for _, model in RESPONSES.values():
        schema = model.model_json_schema(
            ref_template="#/components/schemas/{model}", mode="serialization"
        )
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return schemas


#: how /docs groups the operations, by the path's first segment
TAGS = {
    "jobs": "jobs",
    "me": "keys",
    "keys": "keys",
    "parse-nl": "schedules",
    "validate": "schedules",
    "calendar-data": "schedules",
    "smart": "schedules",
    "stats": "status",
    "status": "status",
}


def _tag(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    if first == "jobs" and ("/runs" in path or path.endswith(("/trigger", "/backfill"))):
        return "runs"
    return TAGS.get(first, first.replace("-", " "))


def _operation_id(method: str, path: str) -> str:
    known = OPERATION_IDS.get((method, path))
    if known:
        return known
    words = [w.strip("{}") for w in path.strip("/").replace("-", "_").split("/")]
    return method + "".join(w[:1].upper() + w[1:] for w in words if w)


def _success(key: tuple[str, str], status: int) -> dict[str, dict[str, Any]]:
    """The documented successful answers of an operation, with their schema where the
    service has a model for it, and the links a stateful client can follow from it."""
    found = RESPONSES.get(key)
    content: dict[str, Any] = {"application/json": {}}
    if found is not None:
        status = found[0]
        ref = {"$ref": f"#/components/schemas/{found[1].__name__}"}
        content = {"application/json": {"schema": ref}}
    answer: dict[str, Any] = {"description": "OK", "content": content}
    if key in LINKS:
        answer["links"] = LINKS[key]
    out = {str(status): answer}
    if key == ("post", "/jobs"):  # an Idempotency-Key seen before: the first job again
        out["200"] = {"description": "The job this idempotency key created", "content": content}
    if key in ALSO:
        also = ALSO[key]
        out[str(also)] = {
            "description": "Created" if also == 201 else "Accepted",
            "content": content,
        }
    return out


def document(routes: list[Any]) -> dict[str, Any]:
    """OpenAPI 3.1 for every route under /api/scheduler, request bodies from the pydantic
    models that validate them."""
    schemas = _schemas()
    schemas["Problem"] = {
        "type": "object",
        "description": "RFC 9457 problem details; `errors` lists each field and why.",
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "field": {"type": "string"},
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"field": {"type": "string"}, "reason": {"type": "string"}},
                },
            },
        },
    }
    schemas["TimeZone"] = {
        "type": "string",
        "description": "An IANA time zone name, e.g. America/New_York",
        "enum": sorted(available_timezones() - {"localtime", "posixrules"}),
    }
    paths: dict[str, Any] = {}
    for route in routes:
        for method in sorted((route.methods or set()) - {"HEAD"}):
            method = method.lower()
            key = (method, route.path)
            status = STATUS.get(key, 200)
            scope = declared_scope(route.endpoint) or Scope.OPERATOR
            anyone = route.endpoint in ANY_KEY
            op: dict[str, Any] = {
                "operationId": _operation_id(method, route.path),
                "tags": [_tag(route.path)],
                "summary": SUMMARIES.get(key) or _doc(route.endpoint),
                "description": (
                    "Any valid API key may call it, whatever its scopes."
                    if anyone
                    else f"Needs an API key with the `{scope.value}` scope"
                    + (" (or one that implies it)." if scope is not Scope.OPERATOR else ".")
                    + (PARSE_NOTE if scope is Scope.PARSE else "")
                ),
                # OpenAPI 3.1 lets a non-OAuth scheme list the roles an operation requires
                "security": [
                    {"bearer": [] if anyone else [scope.value]},
                    {"apiKey": [] if anyone else [scope.value]},
                ],
                "responses": {
                    **_success(key, status),
                    "401": {"description": "No valid API key", **_problem_content()},
                    "403": {
                        "description": (
                            "A page on another origin used a key that is not publishable"
                            if anyone
                            else f"The key lacks the `{scope.value}` scope"
                        ),
                        **_problem_content(),
                    },
                    "429": {
                        "description": "Over a rate limit: wait Retry-After seconds",
                        "headers": RATE_LIMIT_HEADERS,
                        **_problem_content(),
                    },
                    "default": {
                        "description": "A problem",
                        "content": {
                            "application/problem+json": {
                                "schema": {"$ref": "#/components/schemas/Problem"}
                            }
                        },
                    },
                },
            }
            if not anyone:
                op["x-required-scope"] = scope.value
            params = [part[1:-1] for part in route.path.split("/") if part.startswith("{")]
            parameters = [
                {"name": p, "in": "path", "required": True, "schema": PATH_SCHEMAS.get(p, _TEXT)}
                for p in params
            ] + QUERY.get(key, [])
            if parameters:
                op["parameters"] = parameters
            if key in BODIES:
                ref = {"$ref": f"#/components/schemas/{BODIES[key]}"}
                op["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": ref}},
                }
            elif method in ("post", "put", "patch") and key not in NO_BODY:
                op["requestBody"] = {"required": False, "content": {"application/json": {}}}
            paths.setdefault("/api/scheduler" + route.path, {})[method] = op
    for path in ("/healthz", "/readyz", "/metrics"):
        paths[path] = {"get": {"summary": path[1:], "responses": {"200": {"description": "OK"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "agentcron", "version": "0.1.0"},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key. Its scopes: "
                    + "; ".join(f"`{s.value}`: {WHAT_EACH_GRANTS[s]}" for s in Scope),
                },
                "apiKey": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-API-Key",
                    "description": "The same API key in an X-API-Key header",
                },
            },
        },
    }


PARSE_NOTE = (
    " Rate limited per key and per client address. Pages on the origins in"
    " AGENTCRON_CORS_ORIGINS may call it with a publishable key (scope `parse` only)."
)
RATE_LIMIT_HEADERS = {
    "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}},
    "RateLimit-Policy": {
        "description": 'The quotas counted, e.g. `"key";q=1000;w=10` (IETF draft)',
        "schema": {"type": "string"},
    },
    "RateLimit": {
        "description": 'What is left of each, e.g. `"key";r=0;t=4` (IETF draft)',
        "schema": {"type": "string"},
    },
}


def _problem_content() -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Problem"}
    return {"content": {"application/problem+json": {"schema": ref}}}


def _doc(endpoint: Any) -> str:
    text = (getattr(endpoint, "__doc__", None) or "").strip()
    return text.splitlines()[0] if text else getattr(endpoint, "__name__", "")


def _cached(request: Request) -> dict[str, Any]:
    state = request.app.state
    if getattr(state, "openapi", None) is None:
        state.openapi = document(state.api_routes)
    return state.openapi  # type: ignore[no-any-return]


async def openapi_json(request: Request) -> Response:
    return JSONResponse(_cached(request))


SWAGGER_UI = Path(__file__).parent / "swagger-ui"
#: swagger-ui-dist's version (swagger-ui/README.md), also the assets' cache key
SWAGGER_UI_VERSION = "5.35.0"

#: the dashboard's policy: scripts, styles and fetches from this origin only, no inline script
#: or style (Swagger UI sets styles through the CSSOM), data: images for its CSS icons
DOCS_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
DOCS_HEADERS = {
    "Content-Security-Policy": DOCS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

_ASSETS = f"/docs/assets/{SWAGGER_UI_VERSION}"
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agentcron API</title>
<link rel="stylesheet" href="{_ASSETS}/swagger-ui.css">
<link rel="stylesheet" href="{_ASSETS}/docs.css">
</head>
<body>
<p class="docs-intro">The agentcron REST API, from <a href="/openapi.json">/openapi.json</a>.
<strong>Authorize</strong> with an API key (<code>agentcron keys create --name me</code>
prints one); each operation says the scope it needs. <a href="/">Dashboard</a>.</p>
<div id="swagger-ui"></div>
<script src="{_ASSETS}/swagger-ui-bundle.js"></script>
<script src="{_ASSETS}/docs.js"></script>
</body>
</html>
"""


async def docs(request: Request) -> Response:
    return HTMLResponse(DOCS_PAGE, headers={**DOCS_HEADERS, "Cache-Control": "no-cache"})


class DocsAssets(StaticFiles):
    """The vendored Swagger UI and our two small files; the version is in the path, so they
    are cached for good."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(DOCS_HEADERS)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


routes = [
    Route("/openapi.json", openapi_json, methods=["GET"]),
    Route("/docs", docs, methods=["GET"]),
    Mount(
        f"/docs/assets/{SWAGGER_UI_VERSION}",
        app=DocsAssets(directory=SWAGGER_UI),
        name="docs-assets",
    ),
]
