"""One grammar for the slash command, mentions and direct messages.

``/schedule <when> <what> [in #channel]`` drafts a job and answers with a confirmation card;
``list``, ``pause``, ``resume``, ``run``, ``delete``, ``history`` and ``help`` manage the
caller's own jobs. A verb that names no job of the caller's ("run the backups every night
at 2am") falls back to scheduling, so a goal may begin with one of these words.

``CommandHandler`` turns text into a ``Reply``; it knows nothing of how the reply reaches
Slack. Owners are always the caller's: another person's job is simply not found.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final

from agentcron.app.domain.jobspec import validate_job
from agentcron.app.domain.slack_access import Conversation, Problem
from agentcron.app.dry_runs import DryRuns
from agentcron.app.errors import Conflict, InvalidInput, NotFound
from agentcron.app.offload import off_loop, understand_off_loop
from agentcron.app.runtime import Runtime
from agentcron.app.services import JobService
from agentcron.app.slack import cards
from agentcron.app.slack.cards import Reply
from agentcron.app.slack.directory import SlackUnavailable
from agentcron.app.slack.drafts import Draft, DraftKeeper, slack_owner
from agentcron.app.slack.gate import Gate, Refused
from agentcron.app.storage.jobs import JobQuery
from agentcron.parsers import CommandParts, ParseResult, split_command
from agentcron.parsers.command import command_parts

log = logging.getLogger("agentcron.slack")

JOB_VERBS: Final = ("pause", "resume", "run", "try", "delete", "history")
LIST_FILTERS: Final = {"": None, "all": None, "active": "active", "paused": "paused"}
_JOB_ID: Final = re.compile(r"^job_[a-z0-9]{4,36}$")
_LINK: Final = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_SPECIAL: Final = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
EDIT_HOW: Final = (
    "Say which job and what to change: `/schedule edit standup: move it to 10am` "
    "(or reply in a result's thread, mentioning me)."
)
# the parser's reason when no words read as a schedule at all
_NOT_FOUND_PREFIX: Final = "could not find a schedule"


@dataclass(frozen=True)
class Command:
    verb: str  # "schedule", "help", "list", "edit" or one of JOB_VERBS
    argument: str


def read_command(text: str) -> Command:
    """The verb and the rest; text that starts with no verb is a schedule to draft."""
    text = " ".join(text.split())
    if not text:
        return Command("help", "")
    first, _, rest = text.partition(" ")
    verb = first.lower()
    if verb in ("help", "list", "edit", *JOB_VERBS):
        return Command(verb, rest)
    return Command("schedule", text)


def plain_text(text: str) -> str:
    """Slack's message markup made readable: links as their URLs, ``@here`` as words,
    entities decoded. Channel references (``<#C0123|ops>``) are left for the parser."""
    text = _LINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


#: the parser reads at most 500 characters; a longer command is read from its start
LONG_COMMAND: Final = 480
HEAD: Final = 300


def split_long_command(text: str, *, timezone: str, now: datetime) -> CommandParts:
    """``split_command``, for a command of any length: the parser reads 500 characters at
    most, so a long one ("every day at 9am <a paragraph>") is read from its first few
    hundred, and everything after the schedule is the goal, whole."""
    if len(text) <= LONG_COMMAND:
        return split_command(text, timezone=timezone, now=now)
    head = text[:HEAD].rsplit(" ", 1)[0]
    parts = split_command(head, timezone=timezone, now=now)
    goal = parts.goal or ""
    if parts.result.ok and goal and head.rstrip().endswith(goal):
        return replace(parts, goal=(goal + text[len(head) :]).strip())
    return split_command(text, timezone=timezone, now=now)


def llm_may_read(result: ParseResult) -> bool:
    """True when the grammar found no schedule at all. A refusal ("at 5" could be AM or PM)
    is final: an LLM asked after it would only guess."""
    return not result.ok and (result.reason or "").startswith(_NOT_FOUND_PREFIX)


@dataclass(frozen=True)
class Caller:
    """Who is asking, where, and the zone their times are read and shown in."""

    team_id: str
    user_id: str
    channel_id: str | None
    zone: str

    @property
    def owner(self) -> str:
        return slack_owner(self.team_id, self.user_id)

    @property
    def default_channel(self) -> str:
        """Results go where the command was typed; from a direct message (where the bot may
        not be a member) they go to the person's DM with the bot."""
        if self.channel_id and self.channel_id[:1] in ("C", "G"):
            return self.channel_id
        return self.user_id


#: a draft carries a schedule, not exclusions: holidays read from the words would be lost
NO_EXCLUSIONS_HERE = "skipping holidays cannot be set from Slack yet"
EXCLUSIONS_ELSEWHERE = (
    "schedule it without “except holidays”, then add exclusions.holidays to the job through the API"
)


def job_body(draft: Draft) -> dict[str, Any]:
    """The API body a confirmed draft creates."""
    return {
        "goal": draft.goal,
        "schedule": draft.schedule,
        # failures are the owner's to fix: told in their DM, not to the whole channel
        "delivery": {
            "channel": f"slack:{draft.channel}",
            "failures_to": f"slack:{draft.user_id}",
            "allow_mentions": draft.allow_mentions,
        },
        "tags": ["slack"],
        "metadata": {
            "slack": {
                "team_id": draft.team_id,
                "user_id": draft.user_id,
                "schedule_text": draft.schedule_text,
            }
        },
    }


def explain(error: Exception) -> Reply | None:
    """A short answer for a domain error; None for anything unexpected."""
    if isinstance(error, NotFound):
        return cards.notice(f"You have no job `{cards.escape(error.ident)}`.")
    if isinstance(error, Conflict):
        return cards.notice(cards.escape(str(error)) + ".")
    if isinstance(error, InvalidInput):
        if any(p.field == "schedule.datetime" and "past" in p.reason for p in error.problems):
            return cards.notice("That time has already passed. Schedule it again with a new time.")
        return cards.notice(f"That did not work: {cards.escape(str(error))}.")
    if isinstance(error, Refused):
        return cards.refused(error.refusal)
    if isinstance(error, SlackUnavailable):
        return cards.notice(
            "Slack did not answer when I checked who can post where; try again in a moment."
        )
    return None


#: what a command may answer with instead of doing it
ANSWERED: Final = (NotFound, Conflict, InvalidInput, Refused, SlackUnavailable)


class CommandHandler:
    def __init__(self, rt: Runtime, gate: Gate, keeper: DraftKeeper) -> None:
        self.rt = rt
        self.gate = gate
        self.keeper = keeper
        self.jobs = JobService(rt)
        self._zones_known: dict[str, str] = {}

    async def _note_activity(self, caller: Caller) -> None:
        """Slack commands and messages are activity (the input to suggestions and the
        heatmap), and the caller's Slack zone becomes their owner's zone."""
        from agentcron.app.storage.activity import ActivityStore, record_activity

        try:
            await record_activity(self.rt, caller.owner, kind="slack_command")
            if caller.zone and self._zones_known.get(caller.owner) != caller.zone:
                await ActivityStore(self.rt.db).set_owner_timezone(
                    caller.owner, caller.zone, now=self.rt.clock.now()
                )
                self._zones_known[caller.owner] = caller.zone
        except Exception:  # activity is a nicety: it never stands in a command's way
            log.exception("recording Slack activity failed")

    async def handle(self, caller: Caller, text: str) -> Reply:
        """The answer to one command; domain errors become short messages."""
        await self._note_activity(caller)
        try:
            return await self._handle(caller, plain_text(text))
        except ANSWERED as error:
            reply = explain(error)
            assert reply is not None
            return reply

    async def _handle(self, caller: Caller, text: str) -> Reply:
        command = read_command(text)
        verb, argument = command.verb, command.argument
        if verb == "help" and not argument:
            return cards.help_card()
        if verb == "list" and argument.lower() in LIST_FILTERS:
            return await self.list(caller, status=LIST_FILTERS[argument.lower()])
        if verb == "edit":
            answer = await self._edit_command(caller, argument)
            if answer is not None or not await self._reads_as_schedule(caller, text):
                return answer or cards.notice(EDIT_HOW)
        if verb in JOB_VERBS:
            if not argument:
                return cards.notice(
                    f"Which job? `/schedule {verb} <job id or name>`; `/schedule list` shows yours."
                )
            found = await self.find(caller, argument)
            if isinstance(found, dict):
                return await self.act(verb, caller, found)
            if found is not None:
                return found
            if not await self._reads_as_schedule(caller, text):
                return cards.notice(
                    f"You have no job matching “{cards.escape(argument)}”. "
                    "`/schedule list` shows yours."
                )
        elif verb in ("help", "list") and not await self._reads_as_schedule(caller, text):
            if verb == "help":
                return cards.help_card()
            return cards.notice("`/schedule list` takes `active`, `paused` or nothing.")
        return await self.draft(caller, text)

    async def _edit_command(self, caller: Caller, argument: str) -> Reply | None:
        """``edit <job>: <change>`` (or ``edit <job id> <change>``); None when the words
        name no job of the caller's (they may be a goal: "edit the wiki every day at 9")."""
        reference, colon, change = argument.partition(":")
        if not colon:
            first, _, rest = argument.partition(" ")
            if not _JOB_ID.match(first):
                return None
            reference, change = first, rest
        found = await self.find(caller, reference)
        if found is None:
            return None
        if not isinstance(found, dict):
            return found
        if not change.strip():
            return cards.notice(EDIT_HOW)
        return await self.propose_edit(caller, found, change)

    async def propose_edit(self, caller: Caller, job: dict[str, Any], change: str) -> Reply:
        """A before/after card for a plain-language change of ``job``, with Confirm."""
        refusal = await self.gate.may_create(caller.team_id, caller.user_id, new=False)
        if refusal is not None:
            raise Refused(refusal)
        try:
            proposal = await self.jobs.propose_edit(
                caller.owner, job["id"], change, timezone=caller.zone, owner_dm=caller.user_id
            )
        except InvalidInput as error:
            reason = error.problems[0].reason if error.problems else str(error)
            suggestion = (getattr(error, "details", None) or {}).get("suggestion")
            return cards.cannot_edit(job, reason, suggestion=suggestion)
        changes = proposal["changes"]
        warning = None
        if "delivery" in changes:
            address = str(changes["delivery"]["channel"]).removeprefix("slack:")
            address, warning = await self.target(caller, address, new=False)
            changes["delivery"]["channel"] = f"slack:{address}"
        value = await self.keeper.body_value(caller.owner, {"edit": job["id"], "changes": changes})
        return cards.edit_proposal(
            job, proposal, zone=caller.zone, now=self.rt.clock.now(), value=value, warning=warning
        )

    async def apply_edit(self, caller: Caller, value: str) -> Reply:
        """Confirm on a before/after card: the change is checked again, then made."""
        body = await self.keeper.load_body(value, owner=caller.owner)
        job_id, changes = str(body["edit"]), dict(body["changes"])
        refusal = await self.gate.may_create(caller.team_id, caller.user_id, new=False)
        if refusal is not None:
            raise Refused(refusal)
        if "delivery" in changes:
            address = str(changes["delivery"]["channel"]).removeprefix("slack:")
            checked = await self.gate.check(caller.team_id, caller.user_id, address, new=False)
            changes["delivery"] = {**changes["delivery"], "channel": f"slack:{checked}"}
        job = await self.jobs.update(caller.owner, job_id, changes)
        return cards.edit_applied(job, zone=caller.zone, now=self.rt.clock.now())

    async def _reads_as_schedule(self, caller: Caller, text: str) -> bool:
        now = self.rt.clock.now()
        parts = await off_loop(split_long_command, text, timezone=caller.zone, now=now)
        return parts.result.ok

    async def act(self, verb: str, caller: Caller, job: dict[str, Any]) -> Reply:
        now = self.rt.clock.now()
        if verb == "pause":
            job = await self.jobs.pause(caller.owner, job["id"])
            return cards.job_changed(job, zone=caller.zone, now=now)
        if verb == "resume":
            job = await self.jobs.resume(caller.owner, job["id"])
            return cards.job_changed(job, zone=caller.zone, now=now)
        if verb == "run":
            run = await self.rt.runs.trigger(job, now=now)
            self.rt.runs_queued()
            return cards.run_started(job, run)
        if verb == "try":
            return await self.try_out(caller.owner, job)
        if verb == "delete":
            return cards.delete_prompt(job, zone=caller.zone, now=now)
        runs, total = await self.rt.runs.list_for_job(
            caller.owner, job["id"], status=None, limit=cards.HISTORY_LIMIT, offset=0
        )
        return cards.history_card(job, runs, total=total, zone=caller.zone, now=now)

    async def find(self, caller: Caller, reference: str) -> dict[str, Any] | Reply | None:
        """The caller's job named by ``reference`` (an id, or words of exactly one job's
        name, description or goal), a question when several match, or None."""
        reference = reference.strip().strip("`“”\"'")
        if _JOB_ID.match(reference):
            return await self.jobs.get(caller.owner, reference)
        rows, total = await self.jobs.list(caller.owner, JobQuery(q=reference, limit=10))
        exact = [row for row in rows if row["name"].casefold() == reference.casefold()]
        if len(exact) == 1:
            return exact[0]
        if total == 1:
            return rows[0]
        if total == 0:
            return None
        listed = "\n".join(f"• {cards.job_ref(row)}" for row in rows[:5])
        more = f"\n…and {total - 5} more" if total > 5 else ""
        return cards.notice(
            f"“{cards.escape(reference)}” matches {total} of your jobs; use the id:\n{listed}{more}"
        )

    async def list(self, caller: Caller, *, status: str | None) -> Reply:
        query = JobQuery(status=status, sort="next_run_at", order="asc", limit=cards.LIST_LIMIT)
        rows, total = await self.jobs.list(caller.owner, query)
        now = self.rt.clock.now()
        return cards.job_list(rows, total=total, zone=caller.zone, now=now, status=status)

    async def draft(self, caller: Caller, text: str) -> Reply:
        """Read a command as when / what / where and answer with a confirmation card, or
        with a question when the schedule cannot be read or the goal is missing."""
        now = self.rt.clock.now()
        # the words are read in the words thread, off the event loop (app/offload.py)
        if len(text) > LONG_COMMAND:
            parts = await off_loop(split_long_command, text, timezone=caller.zone, now=now)
        else:
            # the one understanding every way in shares (the LLM reads what the grammar
            # cannot; its reason, not the grammar's, is shown when it refuses)
            understood = await understand_off_loop(
                text, timezone=caller.zone, now=now, llm=self.rt.llm_parser()
            )
            parts = command_parts(text, understood)
        result: ParseResult = parts.result
        schedule_text, goal = parts.schedule_text, parts.goal
        if not result.ok or result.schedule is None:
            return cards.cannot_read(result.reason or "no schedule", suggestion=result.suggestion)
        if result.exclusions:
            return cards.cannot_read(NO_EXCLUSIONS_HERE, suggestion=EXCLUSIONS_ELSEWHERE)
        if not goal:
            return cards.missing_goal(schedule_text or "then")
        channel, warning = await self.target(caller, parts.channel or caller.default_channel)
        draft = Draft.new(
            team_id=caller.team_id,
            user_id=caller.user_id,
            schedule=result.schedule,
            schedule_text=schedule_text or goal,
            goal=goal,
            channel=channel,
            zone=caller.zone,
            confidence=result.confidence,
            parse_method=result.parse_method or "regex",
        )
        # everything Create will check, checked now, so a card never promises a bad job
        validate_job(job_body(draft), now=now)
        return await self.card(draft, warning=warning)

    async def draft_of(
        self,
        caller: Caller,
        result: ParseResult,
        *,
        when: str,
        goal: str,
        address: str,
        allow_mentions: bool,
        previous: Draft | None = None,
    ) -> tuple[Draft, str | None]:
        """A draft from a form's fields (the Edit and create modals), checked like one from a
        command; with the warning to show, if the bot still has to be invited."""
        assert result.schedule is not None
        if result.exclusions:
            raise InvalidInput.field("when", f"{NO_EXCLUSIONS_HERE} ({EXCLUSIONS_ELSEWHERE})")
        address, warning = await self.target(caller, address)
        fields: dict[str, Any] = {
            "schedule": result.schedule,
            "schedule_text": when,
            "goal": goal,
            "channel": address,
            "confidence": result.confidence,
            "parse_method": result.parse_method or "regex",
            "allow_mentions": allow_mentions,
        }
        if previous is not None:
            draft = previous.revised(**fields)
        else:
            draft = Draft.new(
                team_id=caller.team_id, user_id=caller.user_id, zone=caller.zone, **fields
            )
        validate_job(job_body(draft), now=self.rt.clock.now())
        return draft, warning

    async def card(self, draft: Draft, *, warning: str | None = None) -> Reply:
        """The confirmation card of ``draft``, carrying it (or its key, when it is long)."""
        value = await self.keeper.value(draft)
        return cards.confirmation_card(draft, now=self.rt.clock.now(), value=value, warning=warning)

    async def target(
        self, caller: Caller, address: str, *, new: bool = True
    ) -> tuple[str, str | None]:
        """Where a draft (or, not ``new``, a change) may post — a ``#name`` becomes the
        channel's id — and, when the bot still has to be invited there, what to tell the
        person; Refused for the rest."""
        refusal = await self.gate.may_create(caller.team_id, caller.user_id, new=new)
        if refusal is not None:
            raise Refused(refusal)
        target = await self.gate.target(caller.team_id, caller.user_id, address)
        if isinstance(target, Conversation) and target.visible:
            address = target.id
        refusal = await self.gate.may_post_to(caller.team_id, caller.user_id, target)
        if refusal is None:
            return address, None
        if refusal.problem is Problem.INVITE_BOT:
            return address, refusal.message
        raise Refused(refusal)

    async def create(self, draft: Draft) -> Reply:
        """Create the confirmed draft for its owner, after checking again everything the
        card was drawn with (the person, their job count, the channel); a second click
        finds the first job."""
        draft = replace(
            draft,
            channel=await self.gate.check(draft.team_id, draft.user_id, draft.channel, new=True),
        )
        job, _ = await self.jobs.create(
            draft.owner,
            job_body(draft),
            idempotency_key=f"slack:{draft.nonce}",
            created_by=draft.owner,
        )
        return cards.created_card(
            job, zone=draft.zone, now=self.rt.clock.now(), warnings=self.jobs.warnings(job)
        )

    async def try_out(self, owner: str, job: dict[str, Any]) -> Reply:
        """A dry run of a job, stored or a draft's: the answer, nothing posted."""
        result = await DryRuns(self.rt).try_job(owner, job)
        return cards.dry_run_card(job.get("name") or job.get("goal") or "", result)

    async def try_draft(self, draft: Draft) -> Reply:
        """A dry run of what the card would create, before it exists."""
        job = await self.jobs.preview(draft.owner, job_body(draft))
        return await self.try_out(draft.owner, job)

    async def delete(self, caller: Caller, job_id: str) -> Reply:
        job = await self.jobs.get(caller.owner, job_id)
        await self.jobs.delete(caller.owner, job_id, hard=False)
        return cards.deleted(job)
