"""The App Home tab and the create modal: the app as people expect it, without a command.

- **Home** (``app_home_opened``): the person's jobs with their last result and Pause /
  Resume, Run now and Delete; a click acts, then the tab is drawn again. Admins also see the
  workspace's settings.
- **Create** from the Home tab's *New job*, the global shortcut, or the message shortcut
  ("Schedule this message": its text becomes the goal, its channel the target). The modal
  asks when / what / where; *Preview* shows the confirmation card inside the modal (the same
  checks as a command: who may, where to); *Create* makes the job and says so in the modal.

Slack wants a view submission answered within 3 seconds, and the checks ask Slack and maybe
an LLM, so a submission is answered at once with a "working" view that is then replaced
(``views.update``) when the work is done.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

from agentcron.app.errors import NotFound
from agentcron.app.slack import cards, views
from agentcron.app.slack.actions import DOMAIN_ERRORS, Reading, Submitted
from agentcron.app.slack.commands import Caller, explain, plain_text
from agentcron.app.slack.drafts import slack_owner
from agentcron.app.storage.jobs import JobQuery

if TYPE_CHECKING:
    from agentcron.app.slack.bolt import SlackApp

log = logging.getLogger("agentcron.slack")

HOME_VERBS: Final = {
    views.HOME_PAUSE: "pause",
    views.HOME_RESUME: "resume",
    views.HOME_RUN: "run",
    views.HOME_DELETE: "delete",
}


def _who(body: dict[str, Any]) -> tuple[str, str]:
    user = body.get("user") or {}
    team = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")
    return team, str(user.get("id") or body.get("user_id") or "")


# -- Home --------------------------------------------------------------------------------------


async def publish_home(slack: SlackApp, team_id: str, user_id: str) -> None:
    owner = slack_owner(team_id, user_id)
    query = JobQuery(sort="next_run_at", order="asc", limit=views.HOME_JOBS)
    jobs, total = await slack.commands.jobs.list(owner, query)
    last_runs: dict[str, dict[str, Any]] = {}
    for job in jobs:
        runs, _ = await slack.rt.runs.list_for_job(owner, job["id"], status=None, limit=1, offset=0)
        if runs:
            last_runs[job["id"]] = runs[0]
    zone = await slack.directory.zone_of(team_id, user_id)
    admin = await slack.gate.is_admin(team_id, user_id)
    policy = await slack.policy_for(team_id) if admin else None
    view = views.home_view(
        jobs, last_runs, total=total, zone=zone, now=slack.rt.clock.now(), policy=policy
    )
    client = await slack.client_for(team_id)
    await client.views_publish(user_id=user_id, view=view)


async def home_opened(slack: SlackApp, body: dict[str, Any]) -> None:
    event = body.get("event") or {}
    if event.get("tab", "home") != "home":
        return
    team_id = str(body.get("team_id") or event.get("team") or "")
    user_id = str(event.get("user") or "")
    slack.background.spawn(publish_home(slack, team_id, user_id), name="home")


async def home_action(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    """A button of a job on the Home tab: do it, then draw the tab again."""
    team_id, user_id = _who(body)
    verb, job_id = HOME_VERBS[str(action["action_id"])], str(action["value"])

    async def work() -> None:
        zone = await slack.directory.zone_of(team_id, user_id)
        caller = Caller(team_id, user_id, None, zone)
        try:
            if verb == "delete":
                await slack.commands.jobs.delete(caller.owner, job_id, hard=False)
            else:
                job = await slack.commands.jobs.get(caller.owner, job_id)
                await slack.commands.act(verb, caller, job)
        except (NotFound, *DOMAIN_ERRORS) as error:
            log.info("home %s of %s: %s", verb, job_id, error)
        await publish_home(slack, team_id, user_id)

    slack.background.spawn(work(), name=f"home {verb}")


# -- the create modal ------------------------------------------------------------------------


async def open_create(
    slack: SlackApp,
    body: dict[str, Any],
    *,
    goal: str = "",
    channel: str | None = None,
) -> None:
    """The create modal; a goal longer than a Slack field is kept under a key."""
    team_id, user_id = _who(body)
    owner = slack_owner(team_id, user_id)
    metadata = "{}"
    if len(goal) > cards.INPUT_LIMIT:
        metadata = await slack.keeper.body_value(owner, {"goal": goal})
    if channel is not None and channel[:1] not in ("C", "G"):
        channel = None
    view = views.create_modal(goal=goal, channel=channel, metadata=metadata)
    client = await slack.client_for(team_id)
    await client.views_open(trigger_id=body["trigger_id"], view=view)


async def shortcut(slack: SlackApp, body: dict[str, Any]) -> None:
    """The global shortcut (an empty modal) or the message shortcut (the message as goal)."""
    message = body.get("message") or {}
    goal = plain_text(str(message.get("text") or "")).strip()
    channel = (body.get("channel") or {}).get("id")
    slack.background.spawn(open_create(slack, body, goal=goal, channel=channel), name="shortcut")


async def create_submitted(
    slack: SlackApp, ack: Any, body: dict[str, Any], view: dict[str, Any]
) -> None:
    """Preview: missing fields and a schedule the grammar refuses are shown in the modal at
    once; otherwise a "working" view, replaced by the preview with Create."""
    team_id, user_id = _who(body)
    submitted = Submitted.read(view)
    if errors := submitted.errors():
        await ack(response_action="errors", errors=errors)
        return
    zone = await slack.directory.zone_of(team_id, user_id)
    reading = await Reading.of(slack, submitted.when, zone=zone)
    if reading.refusal is not None:
        await ack(response_action="errors", errors={cards.WHEN: reading.refusal})
        return
    await ack(response_action="update", view=_working("Reading it…"))
    caller = Caller(team_id, user_id, None, zone)
    view_id = str(view.get("id") or "")

    async def work() -> None:
        goal = submitted.what
        if goal is None:
            kept = await slack.keeper.load_body(view["private_metadata"], owner=caller.owner)
            goal = str(kept["goal"])
        answer = await reading.finish()
        if not answer.ok or answer.schedule is None:
            reply = cards.cannot_read(answer.reason or "no schedule", suggestion=answer.suggestion)
            await _update(slack, team_id, view_id, views.message_modal("New scheduled job", reply))
            return
        try:
            draft, warning = await slack.commands.draft_of(
                caller,
                answer,
                when=submitted.when,
                goal=goal,
                address=submitted.address(user_id),
                allow_mentions=submitted.allow_mentions,
            )
            card = await slack.commands.card(draft, warning=warning)
            metadata = await slack.keeper.metadata(draft)
        except DOMAIN_ERRORS as error:
            reply = explain(error) or cards.notice("That did not work.")
            await _update(slack, team_id, view_id, views.message_modal("New scheduled job", reply))
            return
        preview = views.preview_modal(card, metadata=metadata, ready=True)
        await _update(slack, team_id, view_id, preview)

    slack.background.spawn(work(), name="create preview")


async def preview_submitted(
    slack: SlackApp, ack: Any, body: dict[str, Any], view: dict[str, Any]
) -> None:
    """Create, in the preview: checked again and made for the person who clicks."""
    team_id, user_id = _who(body)
    draft, _ = await slack.keeper.from_metadata(view["private_metadata"])
    if draft.owner != slack_owner(team_id, user_id):
        await ack(response_action="update", view=_working("Only its owner can create it."))
        return
    await ack(response_action="update", view=_working("Creating it…"))
    view_id = str(view.get("id") or "")

    async def work() -> None:
        try:
            reply = await slack.commands.create(draft)
            title = "Scheduled"
        except DOMAIN_ERRORS as error:
            reply = explain(error) or cards.notice("That did not work.")
            title = "Not scheduled"
        await _update(slack, team_id, view_id, views.message_modal(title, reply))
        await publish_home(slack, team_id, user_id)

    slack.background.spawn(work(), name="create from modal")


def _working(text: str) -> dict[str, Any]:
    return views.message_modal("New scheduled job", cards.notice(text))


async def _update(slack: SlackApp, team_id: str, view_id: str, view: dict[str, Any]) -> None:
    client = await slack.client_for(team_id)
    await client.views_update(view_id=view_id, view=view)


async def new_from_home(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    slack.background.spawn(open_create(slack, body), name="home new")
