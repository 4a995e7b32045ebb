"""``/slack/workspaces/{team_id}``: a Slack workspace's own settings — who may create jobs,
where results may go, its admins, jobs per person — over the environment's defaults. Only an
operator's key (the ``operator`` scope) may read or change them."""

from __future__ import annotations

import re

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agentcron.app.api.auth import requires
from agentcron.app.api.common import caller, json_body, runtime
from agentcron.app.domain.scopes import Scope
from agentcron.app.domain.slack_access import WorkspaceSettings, environment_policy
from agentcron.app.errors import FieldProblem, InvalidInput
from agentcron.app.storage.slack_workspaces import SlackWorkspaceStore

TEAM_ID = re.compile(r"^[TE][A-Z0-9]{2,30}$")


def _team(request: Request) -> str:
    team_id = request.path_params["team_id"]
    if not TEAM_ID.match(team_id):
        raise InvalidInput.field("team_id", "is a Slack workspace id like T0123ABC")
    return str(team_id)


async def _answer(request: Request, team_id: str) -> Response:
    stored = await SlackWorkspaceStore(runtime(request).db).get(team_id)
    effective = environment_policy(runtime(request).settings).overridden(stored)
    return JSONResponse(
        {"team_id": team_id, "settings": stored or {}, "effective": effective.to_dict()}
    )


@requires(Scope.OPERATOR)
async def get_workspace(request: Request) -> Response:
    await caller(request)
    return await _answer(request, _team(request))


@requires(Scope.OPERATOR)
async def put_workspace(request: Request) -> Response:
    principal = await caller(request)
    team_id = _team(request)
    body = await json_body(request)
    try:
        settings = WorkspaceSettings.model_validate(body)
    except ValidationError as exc:
        problems = [
            FieldProblem(".".join(str(p) for p in error["loc"]) or "body", error["msg"])
            for error in exc.errors()
        ]
        raise InvalidInput(problems) from None
    rt = runtime(request)
    await SlackWorkspaceStore(rt.db).put(
        team_id,
        settings.model_dump(exclude_none=True),
        by=principal.owner,
        now=rt.clock.now(),
    )
    return await _answer(request, team_id)


routes = [
    Route("/slack/workspaces/{team_id}", get_workspace, methods=["GET"]),
    Route("/slack/workspaces/{team_id}", put_workspace, methods=["PUT"]),
]
