"""``/slack/workspaces/{team_id}``: an operator sets a Slack workspace's own access
settings over the environment's; nobody else may read or change them."""

from __future__ import annotations

import httpx

from agentcron.app.domain.scopes import Scope
from agentcron.app.runtime import Runtime
from tests.conftest import T0


async def test_an_admin_sets_a_workspaces_settings(api: httpx.AsyncClient) -> None:
    before = (await api.get("/slack/workspaces/T0TEAM")).json()
    assert before["settings"] == {}
    assert before["effective"]["max_jobs_per_user"] == 50  # the environment's default

    response = await api.put(
        "/slack/workspaces/T0TEAM",
        json={"allowed_channels": ["#ops", "C0OPS1234"], "max_jobs_per_user": 5},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["settings"] == {"allowed_channels": ["#ops", "C0OPS1234"], "max_jobs_per_user": 5}
    assert body["effective"]["allowed_channels"] == ["#ops", "C0OPS1234"]
    assert body["effective"]["allowed_users"] == []  # left out: the environment's
    assert (await api.get("/slack/workspaces/T0TEAM")).json() == body
    assert (await api.get("/slack/workspaces/T0OTHER")).json()["settings"] == {}


async def test_bad_settings_name_the_field(api: httpx.AsyncClient) -> None:
    response = await api.put("/slack/workspaces/T0TEAM", json={"admins": ["not a user"]})
    assert response.status_code == 422 and response.json()["field"] == "admins.0"
    response = await api.put("/slack/workspaces/T0TEAM", json={"max_jobs_per_user": -1})
    assert response.json()["field"] == "max_jobs_per_user"
    response = await api.put("/slack/workspaces/T0TEAM", json={"colour": "red"})
    assert response.json()["field"] == "colour"
    assert (await api.get("/slack/workspaces/nope")).json()["field"] == "team_id"


async def test_only_an_operators_key(api: httpx.AsyncClient, runtime: Runtime) -> None:
    for scopes in ([Scope.JOBS_READ, Scope.JOBS_WRITE], [Scope.ADMIN]):
        _, key = await runtime.keys.create(name="tenant", owner="alice", now=T0, scopes=scopes)
        headers = {"Authorization": f"Bearer {key}"}
        response = await api.get("/slack/workspaces/T0TEAM", headers=headers)
        assert (response.status_code, response.json()["required_scope"]) == (403, "operator")
        response = await api.put("/slack/workspaces/T0TEAM", json={}, headers=headers)
        assert response.status_code == 403
