"""The answers of the job and run endpoints match the models their OpenAPI schemas come from
(app/api/responses.py), so the document says what the service does."""

from __future__ import annotations

import httpx

from agentcron.app.api import responses


async def test_job_and_run_answers_match_their_models(api: httpx.AsyncClient) -> None:
    bodies = [
        {"name": "n", "action": "noop", "schedule": {"type": "every", "interval": 60}},
        {"goal": "g", "schedule": "0 9 * * 1-5", "tags": ["a"], "metadata": {"k": [1]}},
        {
            "name": "h",
            "action": "http",
            "http": {"url": "https://example.com/x", "method": "POST", "body": {"a": 1}},
            "schedule": None,
        },
    ]
    for body in bodies:
        created = await api.post("/jobs", json=body)
        assert created.status_code == 201, created.text
        job = responses.Job.model_validate(created.json())
        responses.Job.model_validate((await api.get(f"/jobs/{job.id}")).json())
        responses.Job.model_validate((await api.post(f"/jobs/{job.id}/pause")).json())
        accepted = responses.Accepted.model_validate(
            (await api.post(f"/jobs/{job.id}/trigger")).json()
        )
        responses.Run.model_validate(
            (await api.get(f"/jobs/{job.id}/runs/{accepted.run_id}")).json()
        )
        responses.RunList.model_validate((await api.get(f"/jobs/{job.id}/runs")).json())
    listed = responses.JobList.model_validate((await api.get("/jobs")).json())
    assert listed.count == 3
    responses.Deleted.model_validate((await api.delete(f"/jobs/{listed.jobs[0].id}")).json())
    me = responses.Me.model_validate((await api.get("/me")).json())
    assert set(me.model_dump()) == set(responses.Me.model_fields)  # nothing undocumented


async def test_the_document_links_a_created_job_to_what_can_be_done_with_it(
    api: httpx.AsyncClient,
) -> None:
    document = (await api.get("http://testserver/openapi.json")).json()
    operations = {
        op["operationId"]: op
        for path in document["paths"].values()
        for op in path.values()
        if "operationId" in op
    }
    created = document["paths"]["/api/scheduler/jobs"]["post"]["responses"]["201"]
    assert created["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Job"}
    for link in created["links"].values():
        assert link["operationId"] in operations
        assert link["parameters"] == {"job_id": "$response.body#/id"}
    assert "Job" in document["components"]["schemas"]
