"""App mentions and direct messages: the slash command's grammar, typed to the bot.

``@agentcron every Monday at 9am post the on-call handover`` in a channel is answered with a
message only the sender sees (in the thread, when the mention was in one), so their jobs are
not shown to the channel; a direct message is answered in the conversation. Slack re-sends
an event it thinks was not acknowledged, so each ``event_id`` is handled once.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Final

from agentcron.app.clock import Clock
from agentcron.app.slack import cards
from agentcron.app.slack.cards import Reply
from agentcron.app.slack.commands import ANSWERED, JOB_VERBS, Caller, explain, read_command
from agentcron.app.slack.tasks import Send
from agentcron.app.storage.database import Database
from agentcron.app.storage.slack_events import SlackEventStore
from agentcron.app.storage.slack_results import job_of_message

if TYPE_CHECKING:
    from agentcron.app.slack.bolt import SlackApp

#: how a reply in a result's thread names the job it is about
THIS_JOB: Final = ("", "it", "this", "this job", "it again", "again", "it now", "now")
_ANY_MENTION: Final = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*")


class EventDeduper:
    """Each event id is handled once, by whichever instance claims it first, for ``ttl``
    (Slack retries within minutes). The ids live in the shared database."""

    def __init__(self, db: Database, clock: Clock, *, ttl: timedelta = timedelta(hours=1)) -> None:
        self.store = SlackEventStore(db)
        self.clock = clock
        self.ttl = ttl

    async def first_time(self, event_id: str | None) -> bool:
        """True the first time ``event_id`` is offered (and for events without an id)."""
        if not event_id:
            return True
        return await self.store.first_time(event_id, now=self.clock.now(), ttl=self.ttl)


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """The command without the bot's mention (wherever it is) or a leading one."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[\s,:]*", " ", text)
    else:
        text = _ANY_MENTION.sub(" ", text)
    return " ".join(text.split())


def is_direct_message(event: dict[str, Any]) -> bool:
    """A person's own message in a DM with the bot (not an edit, a join, or a bot)."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


async def answer_event(slack: SlackApp, body: dict[str, Any], *, bot_user_id: str | None) -> Reply:
    event = body["event"]
    team_id = str(body.get("team_id") or event.get("team") or "")
    user_id = str(event["user"])
    zone = await slack.directory.zone_of(team_id, user_id)
    caller = Caller(team_id, user_id, event.get("channel"), zone)
    text = strip_mention(str(event.get("text") or ""), bot_user_id)
    reply = await answer_in_result_thread(slack, caller, event, text)
    if reply is not None:
        return reply
    return await slack.commands.handle(caller, text)


async def answer_in_result_thread(
    slack: SlackApp, caller: Caller, event: dict[str, Any], text: str
) -> Reply | None:
    """A reply in the thread of a result (or a failure notice) the bot posted is a change
    of that job in plain words ("move it to 10am"); None for any other message."""
    thread = event.get("thread_ts")
    if not thread or thread == event.get("ts"):
        return None
    found = await job_of_message(slack.rt.db, str(thread))
    if found is None:
        return None
    command = read_command(text)
    about_it = command.verb in JOB_VERBS and command.argument.lower() in THIS_JOB
    if not text or (command.verb != "schedule" and not about_it):
        return None  # "pause standup", "help": the usual commands
    job_id, owner = found
    if owner != caller.owner:
        return cards.notice("Only the person who made this job can change it.")
    try:
        job = await slack.commands.jobs.get(caller.owner, job_id)
        if about_it:  # "pause it", "run it again", "history"
            return await slack.commands.act(command.verb, caller, job)
        return await slack.commands.propose_edit(caller, job, text)
    except ANSWERED as error:
        return explain(error)


def event_sender(slack: SlackApp, event: dict[str, Any], *, direct: bool) -> Send:
    """Where the answer goes: the DM itself, or a message only the sender sees."""
    channel = event["channel"]
    thread_ts = event.get("thread_ts")

    async def send(reply: Reply) -> None:
        if direct:
            await slack.client.chat_postMessage(
                channel=channel, text=reply.text, blocks=reply.blocks or None, thread_ts=thread_ts
            )
        else:
            await slack.client.chat_postEphemeral(
                channel=channel,
                user=event["user"],
                text=reply.text,
                blocks=reply.blocks or None,
                thread_ts=thread_ts,
            )

    return send
