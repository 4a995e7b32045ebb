"""Clicks on the cards and the Edit modal: Create, Try it, Edit, Cancel, Delete, Keep, the job
menu.

Every click is acknowledged before anything else (bolt's ``ack``), then answered through
the interaction's ``response_url``: a finished card is replaced (its buttons go away), while
a refusal or an error arrives as a new message and leaves the card to try again.
"""

from __future__ import annotations

from dataclasses import dataclass
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


EXPIRED: Final = "This card has expired; type the command again."


async def create(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    url = body.get("response_url")
    value = action["value"]

    async def work() -> Reply | None:
        try:
            draft = await slack.keeper.load(value)
        except ValueError:
            return cards.notice(EXPIRED)
        if clicker(body, zone=draft.zone).owner != draft.owner:
            return _not_yours(draft)
        try:
            reply = await slack.commands.create(draft)
        except DOMAIN_ERRORS as error:
            return explain(error) or cards.notice("That failed.")
        await respond_to(url, replace=True)(reply)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="create")


async def try_draft(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    """Try it: a dry run of the card's job, answered beside the card (which stays)."""
    send = respond_to(body.get("response_url"), replace=False)
    value = action["value"]

    async def work() -> Reply | None:
        try:
            draft = await slack.keeper.load(value)
        except ValueError:
            return cards.notice(EXPIRED)
        if clicker(body, zone=draft.zone).owner != draft.owner:
            return _not_yours(draft)
        await send(cards.trying(draft.goal))
        try:
            return await slack.commands.try_draft(draft)
        except DOMAIN_ERRORS as error:
            return explain(error) or cards.notice("That failed.")

    slack.background.answer(work, send, name="try")


async def cancel(slack: SlackApp, body: dict[str, Any]) -> None:
    send = respond_to(body.get("response_url"), replace=True)
    slack.background.answer(_constant(cards.cancelled()), send, name="cancel")


async def edit(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    url = body.get("response_url") or ""
    value = action["value"]

    async def work() -> Reply | None:
        try:
            draft = await slack.keeper.load(value)
        except ValueError:
            return cards.notice(EXPIRED)
        if clicker(body, zone=draft.zone).owner != draft.owner:
            return _not_yours(draft)
        metadata = await slack.keeper.metadata(draft, response_url=url)
        client = await slack.client_for(draft.team_id)
        view = cards.edit_modal(draft, metadata=metadata)
        await client.views_open(trigger_id=body["trigger_id"], view=view)
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


async def confirm_edit(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    """Confirm on a before/after card: made for the person who clicks, if it is theirs."""
    url = body.get("response_url")
    user = body.get("user") or {}
    team_id = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")
    value = str(action["value"])

    async def work() -> Reply | None:
        who = clicker(body, zone=await slack.directory.zone_of(team_id, str(user.get("id"))))
        try:
            reply = await slack.commands.apply_edit(who, value)
        except ValueError:
            return cards.notice(EXPIRED)
        except DOMAIN_ERRORS as error:
            return explain(error)
        await respond_to(url, replace=True)(reply)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="confirm edit")


async def cancel_edit(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    send = respond_to(body.get("response_url"), replace=True)
    reply = cards.edit_cancelled(str(action["value"]))
    slack.background.answer(_constant(reply), send, name="cancel edit")


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


@dataclass(frozen=True)
class Submitted:
    """What the Edit modal says, read back; ``what`` is None when the goal was too long
    to be a field and is kept as it was."""

    when: str
    what: str | None
    to_dm: bool
    channel: str | None
    allow_mentions: bool

    @classmethod
    def read(cls, view: dict[str, Any]) -> Submitted:
        values = view["state"]["values"]

        def value(block: str) -> dict[str, Any]:
            found = (values.get(block) or {}).get("value")
            return found if isinstance(found, dict) else {}

        what = value(cards.WHAT).get("value") if cards.WHAT in values else None
        deliver = (value(cards.DELIVER).get("selected_option") or {}).get("value")
        options = value(cards.OPTIONS).get("selected_options") or []
        return cls(
            when=" ".join(str(value(cards.WHEN).get("value") or "").split()),
            what=plain_text(str(what or "")).strip() if what is not None else None,
            to_dm=deliver == cards.TO_DM,
            channel=value(cards.CHANNEL).get("selected_conversation"),
            allow_mentions=any(o.get("value") == cards.MENTIONS for o in options),
        )

    def errors(self) -> dict[str, str]:
        """What to fix before the modal can close, by block."""
        errors = {}
        if not self.when:
            errors[cards.WHEN] = "Say when it should run"
        if self.what is not None and not self.what:
            errors[cards.WHAT] = "Say what should happen"
        if not self.to_dm and not self.channel:
            errors[cards.CHANNEL] = "Pick a channel, or choose a direct message from me"
        return errors


async def edit_submitted(
    slack: SlackApp, ack: Any, body: dict[str, Any], view: dict[str, Any]
) -> None:
    """Read the modal back: a missing field or a schedule the grammar refuses is shown in
    the modal at once; the rest (the LLM, the channel checks) is answered on the card after
    the modal closes."""
    draft, extra = await slack.keeper.from_metadata(view["private_metadata"])
    url = str(extra.get("response_url") or "")
    user = body.get("user") or {}
    if str(user.get("id")) != draft.user_id:
        await ack(
            response_action="errors", errors={cards.WHEN: "Only the person who asked can edit"}
        )
        return
    submitted = Submitted.read(view)
    if errors := submitted.errors():
        await ack(response_action="errors", errors=errors)
        return
    now = slack.rt.clock.now()
    result = parse_fast(submitted.when, timezone=draft.zone, now=now)
    llm = slack.rt.llm_parser()
    needs_llm = llm is not None and llm_may_read(result)
    if not result.ok and not needs_llm:
        reason = result.reason or "I could not read that as a schedule"
        if result.suggestion:
            reason += f"; did you mean {result.suggestion}?"
        await ack(response_action="errors", errors={cards.WHEN: reason[:150]})
        return
    await ack()

    async def work() -> Reply | None:
        when = submitted.when
        answer = await parse(when, timezone=draft.zone, now=now, llm=llm) if needs_llm else result
        if not answer.ok or answer.schedule is None:
            reason = answer.reason or "no schedule"
            return cards.cannot_read(reason, suggestion=answer.suggestion)
        caller = Caller(draft.team_id, draft.user_id, None, draft.zone)
        address = draft.user_id if submitted.to_dm else str(submitted.channel)
        try:
            address, warning = await slack.commands.target(caller, address)
            edited = draft.revised(
                schedule=answer.schedule,
                schedule_text=when,
                goal=submitted.what if submitted.what is not None else draft.goal,
                channel=address,
                confidence=answer.confidence,
                parse_method=answer.parse_method or "regex",
                allow_mentions=submitted.allow_mentions,
            )
            validate_job(job_body(edited), now=slack.rt.clock.now())
            card = await slack.commands.card(edited, warning=warning)
        except DOMAIN_ERRORS as error:
            return explain(error)
        await respond_to(url, replace=True)(card)
        return None

    slack.background.answer(work, respond_to(url, replace=False), name="edit submitted")


def _constant(reply: Reply) -> Any:
    async def work() -> Reply:
        return reply

    return work
