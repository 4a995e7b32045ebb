"""The OpenAPI document, built from the request models, and a small docs page that reads it."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from agentcron.app.domain.jobspec import JobFields

# (method, path, summary, request body schema name or None, success status)
OPERATIONS: list[tuple[str, str, str, str | None, int]] = [
    ("get", "/jobs", "List jobs (status, tag, agent_id, q, sort, order, limit, offset)", None, 200),
    ("post", "/jobs", "Create a job (Idempotency-Key header honoured)", "JobFields", 201),
    ("get", "/jobs/{job_id}", "Read a job", None, 200),
    ("put", "/jobs/{job_id}", "Update some fields of a job", "JobFields", 200),
    ("delete", "/jobs/{job_id}", "Delete a job (soft; ?hard=true removes its history)", None, 200),
    ("post", "/jobs/{job_id}/pause", "Pause a job", None, 200),
    ("post", "/jobs/{job_id}/resume", "Resume a paused job", None, 200),
    (
        "patch",
        "/jobs/{job_id}/reschedule",
        "New schedule, optionally from effective_from",
        None,
        200,
    ),
    ("post", "/jobs/{job_id}/trigger", "Run the job now; answers the run id", None, 202),
    ("get", "/jobs/{job_id}/runs", "List a job's runs (status, limit, offset)", None, 200),
    ("get", "/jobs/{job_id}/runs/{run_id}", "Read a run", None, 200),
    ("post", "/jobs/{job_id}/runs/{run_id}/cancel", "Cancel a queued or running run", None, 200),
    ("get", "/jobs/{job_id}/stats", "Per-job statistics", None, 200),
    ("post", "/parse-nl", "Parse a schedule written in plain language", None, 200),
    ("get", "/validate", "Validate a schedule and list its next runs", None, 200),
    ("get", "/stats", "Aggregate statistics", None, 200),
    ("get", "/status", "Engine status", None, 200),
    ("get", "/calendar-data", "Every occurrence of your active jobs in a range", None, 200),
]


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    job_schema = JobFields.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(job_schema.pop("$defs", {}))
    schemas["JobFields"] = job_schema
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
    paths: dict[str, Any] = {}
    for method, path, summary, body, status in OPERATIONS:
        op: dict[str, Any] = {
            "summary": summary,
            "security": [{"bearer": []}],
            "responses": {
                str(status): {"description": "OK", "content": {"application/json": {}}},
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
        params = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        if params:
            op["parameters"] = [
                {"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
                for p in params
            ]
        if body:
            op["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}
                },
            }
        paths.setdefault("/api/scheduler" + path, {})[method] = op
    for path in ("/healthz", "/readyz"):
        paths[path] = {"get": {"summary": path[1:], "responses": {"200": {"description": "OK"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "agentcron", "version": "0.1.0"},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(document())


async def docs(request: Request) -> Response:
    rows = []
    for path, methods in document()["paths"].items():
        for method, op in methods.items():
            rows.append(
                f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code>"
                f"</td><td>{html.escape(op.get('summary', ''))}</td></tr>"
            )
    page = (
        "<!doctype html><meta charset=utf-8><title>agentcron API</title>"
        "<style>body{font:15px system-ui;margin:2em}td{padding:.3em .8em}</style>"
        "<h1>agentcron API</h1><p>Machine-readable: <a href=/openapi.json>/openapi.json</a>. "
        "Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>.</p>"
        f"<table>{''.join(rows)}</table>"
    )
    return HTMLResponse(page)


routes = [
    Route("/openapi.json", openapi_json, methods=["GET"]),
    Route("/docs", docs, methods=["GET"]),
]
