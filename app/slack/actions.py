"""Clicks on the cards and the Edit modal: Create, Try it, Edit, Cancel, Delete, Keep, the job
menu.

Every click is acknowledged before anything else (bolt's ``ack``), then answered through
the interaction's ``response_url``: a finished card is replaced (its buttons go away), while
a refusal or an error arrives as a new message and leaves the card to try again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from slack_sdk.webhook.async_client import AsyncWebhookClient

from agentcron.app.errors import NotFound
from agentcron.app.offload import off_loop, understand_off_loop
from agentcron.app.slack import cards
from agentcron.app.slack.cards import Reply
from agentcron.app.slack.commands import (
    ANSWERED,
    Caller,
    explain,
    llm_may_read,
    plain_text,
)
from agentcron.app.slack.drafts import Draft
from agentcron.app.slack.tasks import Send
from agentcron.delivery.format import RESULT_MUTE, RESULT_PAUSE, RESULT_RUN
from agentcron.parsers import ParseResult, parse_fast

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


RESULT_VERBS: Final = {
    RESULT_PAUSE: "pause",
    RESULT_RUN: "run",
    RESULT_MUTE: "mute",
    cards.UNMUTE: "unmute",
}
EXPIRED: Final = "This card has expired; type the command again."


async def own_draft(slack: SlackApp, body: dict[str, Any], value: str) -> Draft | Reply:
    """The draft a clicked button carries, if it is the clicker's; else what to tell them."""
    try:
        draft = await slack.keeper.load(value)
    except ValueError:
        return cards.notice(EXPIRED)
    if clicker(body, zone=draft.zone).owner != draft.owner:
        return _not_yours(draft)
    return draft


async def create(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    url = body.get("response_url")
    value = action["value"]

    async def work() -> Reply | None:
        draft = await own_draft(slack, body, value)
        if isinstance(draft, Reply):
            return draft
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
        draft = await own_draft(slack, body, value)
        if isinstance(draft, Reply):
            return draft
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
        draft = await own_draft(slack, body, value)
        if isinstance(draft, Reply):
            return draft
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


async def on_result(slack: SlackApp, body: dict[str, Any], action: dict[str, Any]) -> None:
    """Pause, Run again, Mute or Unmute on a delivered message: only its owner may, and the
    answer is shown to the one who clicked (the message itself stays as posted)."""
    url = body.get("response_url")
    user = body.get("user") or {}
    team_id = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")
    job_id, verb = str(action["value"]), RESULT_VERBS[str(action["action_id"])]

    async def work() -> Reply:
        who = clicker(body, zone=await slack.directory.zone_of(team_id, str(user.get("id"))))
        try:
            job = await slack.commands.jobs.get(who.owner, job_id)
        except NotFound:
            return cards.notice("Only the person who made this job can change it.")
        try:
            if verb in ("mute", "unmute"):
                delivery = {**(job.get("delivery") or {}), "muted": verb == "mute"}
                delivery.pop("channels", None)
                job = await slack.commands.jobs.update(who.owner, job_id, {"delivery": delivery})
                return cards.muted(job, muted=verb == "mute")
            return await slack.commands.act(verb, who, job)
        except DOMAIN_ERRORS as error:
            return explain(error) or cards.notice("That failed.")

    slack.background.answer(work, respond_to(url, replace=False), name=f"result {verb}")


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
class Reading:
    """A form's "When", read in two steps: the grammar at once, so a refusal is shown in
    the form before it closes (Slack waits 3 seconds); the LLM, when only it can read the
    words, after the form was answered."""

    text: str
    zone: str
    now: datetime
    fast: ParseResult
    llm: Any

    @classmethod
    async def of(cls, slack: SlackApp, text: str, *, zone: str) -> Reading:
        now = slack.rt.clock.now()
        fast = await off_loop(parse_fast, text, timezone=zone, now=now)  # CPU: app/offload.py
        llm = slack.rt.llm_parser()
        return cls(text, zone, now, fast, llm if llm is not None and llm_may_read(fast) else None)

    @property
    def refusal(self) -> str | None:
        """What to say in the form, when the words cannot be a schedule."""
        if self.fast.ok or self.llm is not None:
            return None
        reason = self.fast.reason or "I could not read that as a schedule"
        if self.fast.suggestion:
            reason += f"; did you mean {self.fast.suggestion}?"
        return reason[:150]

    async def finish(self) -> ParseResult:
        if self.llm is None:
            return self.fast
        return await understand_off_loop(self.text, timezone=self.zone, now=self.now, llm=self.llm)


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

    def address(self, user_id: str) -> str:
        return user_id if self.to_dm else str(self.channel)

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
    reading = await Reading.of(slack, submitted.when, zone=draft.zone)
    if reading.refusal is not None:
        await ack(response_action="errors", errors={cards.WHEN: reading.refusal})
        return
    await ack()

    async def work() -> Reply | None:
        when = submitted.when
        answer = await reading.finish()
        if not answer.ok or answer.schedule is None:
            reason = answer.reason or "no schedule"
            return cards.cannot_read(reason, suggestion=answer.suggestion)
        caller = Caller(draft.team_id, draft.user_id, None, draft.zone)
        try:
            edited, warning = await slack.commands.draft_of(
                caller,
                answer,
                when=when,
                goal=submitted.what if submitted.what is not None else draft.goal,
                address=submitted.address(draft.user_id),
                allow_mentions=submitted.allow_mentions,
                previous=draft,
            )
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
