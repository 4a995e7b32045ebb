"""/openapi.json says everything a client needs: it is a valid OpenAPI 3.1 document, every
operation that reads a body names its schema, every query parameter a handler reads is
listed, every answer has a schema — and the answers the service gives match those schemas."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from openapi_spec_validator import validate

from agentcron.app.api import responses

#: what each seed 002 operation must document: its query parameters
SEED_QUERIES = {
    ("get", "/jobs"): {"status", "limit", "offset"},
    ("get", "/jobs/{job_id}/runs"): {"status", "limit", "offset"},
    ("get", "/validate"): {"type", "value", "timezone"},
}
#: operations that read a JSON body, and the fields their schema must name
BODY_FIELDS = {
    ("post", "/jobs"): {"name", "goal", "agent_id", "schedule", "delivery", "condition", "retry"},
    ("put", "/jobs/{job_id}"): {"name", "schedule"},
    ("post", "/parse-nl"): {"text", "timezone"},
    ("post", "/jobs/{job_id}/parse-edit"): {"text"},
    ("post", "/chains"): {"name", "jobs", "edges"},
    ("patch", "/jobs/{job_id}/reschedule"): {"schedule", "effective_from"},
    ("post", "/jobs/{job_id}/backfill"): {"start", "end"},
    ("post", "/keys"): {"name", "scopes"},
    ("post", "/agents"): {"name", "model"},
}


@pytest.fixture
async def document(api: httpx.AsyncClient) -> dict[str, Any]:
    response = await api.get("http://testserver/openapi.json")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def _operation(document: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    return document["paths"]["/api/scheduler" + path][method]  # type: ignore[no-any-return]


def _schema(document: dict[str, Any], ref: dict[str, Any]) -> dict[str, Any]:
    return document["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]  # type: ignore[no-any-return]


async def test_the_document_is_valid_openapi(document: dict[str, Any]) -> None:
    validate(document)
    assert document["openapi"].startswith("3.1")


async def test_every_operation_documents_its_answer_and_body(document: dict[str, Any]) -> None:
    for path, operations in document["paths"].items():
        if not path.startswith("/api/scheduler"):
            continue
        for method, op in operations.items():
            successes = [code for code in op["responses"] if code.startswith("2")]
            assert successes, (method, path)
            for code in successes:
                content = op["responses"][code]["content"]["application/json"]
                assert "$ref" in content.get("schema", {}), (method, path, code)
            body = op.get("requestBody")
            if body is not None:
                assert "$ref" in body["content"]["application/json"]["schema"], (method, path)
    for (method, path), names in BODY_FIELDS.items():
        ref = _operation(document, method, path)["requestBody"]["content"]["application/json"]
        assert names <= set(_schema(document, ref["schema"])["properties"]), (method, path)
    for (method, path), names in SEED_QUERIES.items():
        listed = {p["name"] for p in _operation(document, method, path)["parameters"]}
        assert names <= listed, (method, path)
    # an operation that reads no body offers none
    assert "requestBody" not in _operation(document, "post", "/jobs/{job_id}/trigger")


async def test_every_query_parameter_read_is_documented(
    api: httpx.AsyncClient, document: dict[str, Any]
) -> None:
    """A parameter a handler reads, given a value it refuses, is answered 400/422 naming it:
    so each one documented is really read, and one the document leaves out would show."""
    job = await api.post("/jobs", json={"name": "n", "action": "noop", "schedule": "0 9 * * *"})
    job_id = job.json()["id"]
    bad = {"integer": "x", "boolean": "maybe"}
    for path, operations in document["paths"].items():
        get = operations.get("get")
        if get is None or not path.startswith("/api/scheduler"):
            continue
        url = path.removeprefix("/api/scheduler").replace("{job_id}", job_id)
        if "{" in url:
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] != "query":
                continue
            schema = parameter["schema"]
            value = bad.get(schema.get("type")) or ("nope" if "enum" in schema else None)
            if parameter["name"] in ("timezone", "start", "end", "start_at", "end_at"):
                value = "Mars/Base" if parameter["name"] == "timezone" else "not-a-date"
            if value is None:
                continue
            response = await api.get(url, params={parameter["name"]: value})
            assert response.status_code in (400, 422) or response.json().get("valid") is False, (
                url,
                parameter["name"],
                response.text,
            )


async def test_answers_match_their_schemas(api: httpx.AsyncClient) -> None:
    jobs = []
    for name in ("fetch", "store"):
        created = await api.post("/jobs", json={"name": name, "action": "noop", "schedule": None})
        jobs.append(created.json()["id"])
    responses.Stats.model_validate((await api.get("/stats")).json())
    responses.JobStats.model_validate((await api.get(f"/jobs/{jobs[0]}/stats")).json())
    responses.EngineStatus.model_validate((await api.get("/status")).json())
    parsed = await api.post("/parse-nl", json={"text": "every weekday at 9am Pacific"})
    responses.ScheduleAnswer.model_validate(parsed.json())
    for query in ("type=cron&value=0+9+*+*+1-5", "type=cron&value=0+99+*+*+*"):
        responses.Validation.model_validate((await api.get(f"/validate?{query}")).json())
    for query in ("", "?group=day"):
        responses.CalendarData.model_validate((await api.get(f"/calendar-data{query}")).json())
    chain = await api.post(
        "/chains",
        json={
            "name": "pipeline",
            "jobs": jobs,
            "edges": [{"from": jobs[0], "to": jobs[1], "type": "on_success"}],
        },
    )
    assert chain.status_code == 201, chain.text
    one = responses.Chain.model_validate(chain.json())
    responses.Chain.model_validate((await api.get(f"/chains/{one.id}")).json())
    responses.ChainList.model_validate((await api.get("/chains")).json())
    responses.Removed.model_validate((await api.delete(f"/chains/{one.id}")).json())
    responses.Suggestions.model_validate((await api.get("/smart/suggestions")).json())
    responses.Heatmap.model_validate((await api.get("/smart/heatmap")).json())
    responses.AgentList.model_validate((await api.get("/agents")).json())
    responses.ApiKeyList.model_validate((await api.get("/keys")).json())
    edit = await api.post(f"/jobs/{jobs[0]}/parse-edit", json={"text": "every day at 10am"})
    responses.EditProposal.model_validate(edit.json())
