"""Clicks on the cards and the Edit modal: Create, Edit, Cancel, Delete, Keep, the job menu.

Every click is acknowledged before anything else (bolt's ``ack``), then answered through
the interaction's ``response_url``: a finished card is replaced (its buttons go away), while
a refusal or an error arrives as a new message and leaves the card to try again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from slack_sdk.webhook.async_client import AsyncWebhookClient

from agentcron.app.domain.jobspec import validate_job
from agentcron.app.slack import cards
from agentcron.app.slack.cards import Reply
from agentcron.app.slack.commands import (
    ANSWERED,
    Caller,
    explain,
    job_body,
    llm_may_read,
    plain_text,
)
from agentcron.app.slack.drafts import Draft
from agentcron.app.slack.tasks import Send
from agentcron.parsers import parse, parse_fast

if TYPE_CHECKING:
    from agentcron.app.slack.bolt import SlackApp

DOMAIN_ERRORS: Final = ANSWERED


def respond_to(url: str | None, *, replace: bool) -> Send:
    """A sender posting to an interaction's ``response_url`` (replacing the card or not)."""

    async def send(reply: Reply) -> None:
        if not url:
            return
        await AsyncWebhookClient(url).send(
            text=reply.text,
            blocks=reply.blocks or None,
            response_type="ephemeral",
            replace_original=replace,
        )

    return send


def clicker(body: dict[str, Any], *, zone: str) -> Caller:
    user = body.get("user") or {}
    team_id = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")
    channel = (body.get("channel") or {}).get("id")
    return Caller(team_id, str(user.get("id") or ""), channel, zone)


def _not_yours(draft: Draft) -> Reply:
    return cards.notice(f"Only <@{draft.user_id}> can confirm this job.")


async def create(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    url = body.get("response_url")
    draft = Draft.from_value(action["value"])
    who = clicker(body, zone=draft.zone)

    async def work() -> Reply | None:
        if who.owner != draft.owner:
            await respond_to(url, replace=False)(_not_yours(draft))
            return None
        try:
            reply = await slack.commands.create(draft)
        except DOMAIN_ERRORS as error:
            await respond_to(url, replace=False)(explain(error) or cards.notice("That failed."))
            return None
        await respond_to(url, replace=True)(reply)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="create")


async def cancel(slack: SlackApp, body: dict[str, Any]) -> None:
    send = respond_to(body.get("response_url"), replace=True)
    slack.background.answer(_constant(cards.cancelled()), send, name="cancel")


async def edit(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    draft = Draft.from_value(action["value"])
    who = clicker(body, zone=draft.zone)
    url = body.get("response_url") or ""

    async def work() -> Reply | None:
        if who.owner != draft.owner:
            return _not_yours(draft)
        view = cards.edit_modal(draft, response_url=url)
        await slack.client.views_open(trigger_id=body["trigger_id"], view=view)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="edit")


async def delete(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    job_id = str(action["value"])
    url = body.get("response_url")
    user = body.get("user") or {}
    team_id = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")

    async def work() -> Reply | None:
        who = clicker(body, zone=await slack.directory.zone_of(team_id, str(user.get("id"))))
        try:
            reply = await slack.commands.delete(who, job_id)
        except DOMAIN_ERRORS as error:
            return explain(error)
        await respond_to(url, replace=True)(reply)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="delete")


async def keep(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    send = respond_to(body.get("response_url"), replace=True)
    slack.background.answer(_constant(cards.kept(str(action["value"]))), send, name="keep")


async def job_menu(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    """An item of a listed job's menu: the same as typing ``<verb> <job id>``."""
    command = str((action.get("selected_option") or {}).get("value") or "")
    user = body.get("user") or {}
    team_id = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")

    async def work() -> Reply:
        who = clicker(body, zone=await slack.directory.zone_of(team_id, str(user.get("id"))))
        return await slack.commands.handle(who, command)

    send = respond_to(body.get("response_url"), replace=False)
    slack.background.answer(work, send, name="job menu")


# -- the Edit modal ----------------------------------------------------------------------------


def _submitted(view: dict[str, Any]) -> tuple[str, str, str | None]:
    values = view["state"]["values"]
    when = str(values["when"]["value"].get("value") or "")
    what = str(values["what"]["value"].get("value") or "")
    where = values.get("where", {}).get("value", {}).get("selected_conversation")
    return " ".join(when.split()), plain_text(what).strip(), where


async def edit_submitted(
    slack: SlackApp, ack: Any, body: dict[str, Any], view: dict[str, Any]
) -> None:
    """Read the modal back: a schedule the grammar refuses is shown in the modal at once;
    one only the LLM can read is answered after the modal closes."""
    metadata = json.loads(view["private_metadata"])
    draft = Draft.from_value(metadata["draft"])
    url = str(metadata["response_url"])
    user = body.get("user") or {}
    if str(user.get("id")) != draft.user_id:
        await ack(response_action="errors", errors={"when": "Only the person who asked can edit"})
        return
    when, what, where = _submitted(view)
    if not what:
        await ack(response_action="errors", errors={"what": "Say what should happen"})
        return
    now = slack.rt.clock.now()
    result = parse_fast(when, timezone=draft.zone, now=now)
    llm = slack.rt.llm_parser()
    needs_llm = llm is not None and llm_may_read(result)
    if not result.ok and not needs_llm:
        reason = result.reason or "I could not read that as a schedule"
        if result.suggestion:
            reason += f"; did you mean {result.suggestion}?"
        await ack(response_action="errors", errors={"when": reason[:150]})
        return
    await ack()

    async def work() -> Reply | None:
        answer = await parse(when, timezone=draft.zone, now=now, llm=llm) if needs_llm else result
        if not answer.ok or answer.schedule is None:
            reason = answer.reason or "no schedule"
            return cards.cannot_read(reason, suggestion=answer.suggestion)
        edited = draft.revised(
            schedule=answer.schedule,
            schedule_text=when,
            goal=what,
            channel=where or draft.user_id,
            confidence=answer.confidence,
            parse_method=answer.parse_method or "regex",
        )
        try:
            validate_job(job_body(edited), now=slack.rt.clock.now())
            card = cards.confirmation_card(edited, now=slack.rt.clock.now())
        except DOMAIN_ERRORS as error:
            return explain(error)
        await respond_to(url, replace=True)(card)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="edit submitted")


def _constant(reply: Reply) -> Any:
    async def work() -> Reply:
        return reply

    return work
