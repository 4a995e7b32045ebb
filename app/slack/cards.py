"""Block Kit for every answer the Slack app gives. Pure: rows and drafts in, messages out.

Times are shown in the reader's own zone (from ``users.info``), written out as text so the
card says exactly what was computed; anything a user typed is escaped before it is put in
mrkdwn, so a goal can neither mention ``@channel`` nor break the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from agentcron.app.domain.enums import JobStatus, RunStatus
from agentcron.app.domain.schedule import Schedule, next_fire_times
from agentcron.app.domain.slack_access import Refusal
from agentcron.app.domain.stored import describe_schedule, displayed_next_run
from agentcron.app.slack.drafts import Draft
from agentcron.delivery.untrusted import escape_mrkdwn, quiet
from agentcron.parsers import CONFIRM_BELOW, describe

Block = dict[str, Any]

# action_id / callback_id of everything interactive; bolt routes on these
CREATE: Final = "agentcron_create"
EDIT: Final = "agentcron_edit"
CANCEL: Final = "agentcron_cancel"
DELETE: Final = "agentcron_delete"
KEEP: Final = "agentcron_keep"
JOB_MENU: Final = "agentcron_job_menu"
TRY: Final = "agentcron_try"
EDIT_VIEW: Final = "agentcron_edit_view"
CONFIRM_EDIT: Final = "agentcron_confirm_edit"
UNMUTE: Final = "agentcron_result_unmute"
CANCEL_EDIT: Final = "agentcron_cancel_edit"

NEXT_RUNS: Final = 3
LIST_LIMIT: Final = 20
HISTORY_LIMIT: Final = 10
#: Slack's limits: a section's text, a header's text, a plain-text input's initial value
SECTION_LIMIT: Final = 3000
HEADER_LIMIT: Final = 150
#: a plain-text input's most characters (its max_length and initial_value)
INPUT_LIMIT: Final = 3000
ERROR_LIMIT: Final = 200

EXAMPLE: Final = "/schedule every weekday at 9am summarize yesterday's incidents in #ops"
STATUS_ICONS: Final = {
    RunStatus.SUCCEEDED: ":white_check_mark:",
    RunStatus.FAILED: ":x:",
    RunStatus.TIMED_OUT: ":hourglass:",
    RunStatus.CANCELLED: ":no_entry_sign:",
    RunStatus.SKIPPED: ":next_track_button:",
    RunStatus.QUEUED: ":clock3:",
    RunStatus.RUNNING: ":arrow_forward:",
    # a job's states (its "failed" shares the run's icon)
    JobStatus.ACTIVE: ":large_green_circle:",
    JobStatus.PAUSED: ":double_vertical_bar:",
    JobStatus.COMPLETED: ":checkered_flag:",
}


@dataclass(frozen=True)
class Reply:
    """One message: ``text`` is the notification and screen-reader fallback."""

    text: str
    blocks: list[Block] = field(default_factory=list)


# -- small pieces ---------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text a person or a model wrote, for a mrkdwn field: escaped, and a bare ``@here`` made
    unable to notify anyone (see ``agentcron.delivery.untrusted``)."""
    return escape_mrkdwn(quiet(text))


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def local_time(instant: datetime, zone: str, *, now: datetime) -> str:
    """'Mon 2 Mar, 9:00 AM EST' in ``zone``; the year only when it is not this year."""
    tz = ZoneInfo(zone)
    local = instant.astimezone(tz)
    year = f" {local.year}" if local.year != now.astimezone(tz).year else ""
    hour = local.strftime("%I").lstrip("0")
    return f"{local:%a} {local.day} {local:%b}{year}, {hour}:{local:%M %p} {local.tzname()}"


def channel_mention(address: str) -> str:
    """How a delivery address reads in a message."""
    if address[:1] in ("C", "G"):
        return f"<#{address}>"
    if address[:1] in ("U", "W"):
        return "a direct message from me"
    return escape(address)


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, 3000)}]}


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, HEADER_LIMIT)}}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def notice(text: str) -> Reply:
    """A one-line answer (mrkdwn)."""
    return Reply(text, [_section(text)])


def job_ref(job: dict[str, Any]) -> str:
    return f"*{escape(job['name'])}* (`{job['id']}`)"


def delivery_address(job: dict[str, Any]) -> str | None:
    channel = (job.get("delivery") or {}).get("channel")
    if isinstance(channel, str) and channel.startswith("slack:"):
        return channel.removeprefix("slack:")
    return channel if isinstance(channel, str) else None


def next_run_text(job: dict[str, Any], zone: str, now: datetime) -> str:
    next_run = displayed_next_run(job) if job["status"] == JobStatus.ACTIVE else None
    if next_run is None:
        return "no next run" if job["status"] != JobStatus.PAUSED else "paused"
    return f"next {local_time(next_run, zone, now=now)}"


# -- creating a job --------------------------------------------------------------------------


def confirmation_card(
    draft: Draft, *, now: datetime, value: str | None = None, warning: str | None = None
) -> Reply:
    """What was understood, with Create / Edit / Cancel; Create and Edit carry ``value``
    (the draft, or the key it is kept under: ``DraftKeeper.value``). ``warning`` is
    something to do before Create can work (invite the bot)."""
    sure = draft.confidence >= CONFIRM_BELOW
    title = "Schedule this?" if sure else "Did I get this right?"
    when = describe(draft.schedule)
    # an rrule drafted without its start counts from now, as the job made from it will
    schedule = Schedule.from_dict(draft.schedule, now=now)
    runs = next_fire_times(schedule, after=now, count=NEXT_RUNS)
    run_lines = "\n".join(f"• {local_time(r, draft.zone, now=now)}" for r in runs) or "• none"
    value = value if value is not None else draft.to_value()
    blocks: list[Block] = [
        _header(title),
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*When*\n{escape(when)}"},
                {"type": "mrkdwn", "text": f"*Post to*\n{channel_mention(draft.channel)}"},
            ],
        },
        *long_sections("*What*\n", draft.goal),
        _section(f"*Next runs* (your time, {escape(draft.zone)})\n{run_lines}"),
    ]
    if not sure:
        blocks.append(
            _context(
                ":warning: I am not sure I read the schedule right. Check *When* and "
                "*What*, and use *Edit* if either is off."
            )
        )
    if draft.allow_mentions:
        blocks.append(_context("Results may mention people (`@here`, `@channel`, `@someone`)."))
    if warning:
        blocks.append(_section(f":warning: {warning}"))
    blocks.append(
        _context(
            f"I read “{escape(draft.schedule_text)}” · {draft.parse_method} · "
            f"{round(draft.confidence * 100)}% sure"
        )
    )
    blocks.append(
        {
            "type": "actions",
            "block_id": "agentcron_confirm",
            "elements": [
                button("Create", CREATE, value, "primary"),
                button("Try it", TRY, value),
                button("Edit", EDIT, value),
                button("Cancel", CANCEL, draft.nonce),
            ],
        }
    )
    text = f"{title} {when}: {draft.goal}"
    return Reply(escape(clip(text, 3000)), blocks)


def created_card(
    job: dict[str, Any],
    *,
    zone: str,
    now: datetime,
    warnings: Sequence[dict[str, str]] = (),
) -> Reply:
    """The job was saved; ``warnings`` (``domain.readiness``) say what stops it from running
    as configured, so nobody learns it from its first failure."""
    where = delivery_address(job)
    lines = [
        f":white_check_mark: Scheduled {job_ref(job)}",
        escape(describe_schedule(job.get("schedule")) or "runs only on demand"),
        _sentence(next_run_text(job, zone, now)) + " (your time)",
    ]
    if where:
        lines.append(f"Results go to {channel_mention(where)}.")
        if where[:1] in ("C", "G", "#"):
            lines.append("If I am not a member there yet, `/invite` me so I can post.")
    for warning in warnings:
        lines.append(f":warning: It cannot run as set up: {escape(warning['reason'])}.")
    text = "\n".join(lines)
    hint = f"`/schedule run {job['id']}` runs it now · `/schedule list` shows your jobs"
    fallback = f"Scheduled {escape(job['name'])} ({job['id']})"
    return Reply(fallback, [_section(text), _context(hint)])


def refused(refusal: Refusal) -> Reply:
    """The policy's answer, as it wrote it (it escapes nothing a person typed)."""
    return notice(f":no_entry: {refusal.message}")


def cancelled() -> Reply:
    return notice("Cancelled. Nothing was scheduled.")


def cannot_read(reason: str, *, suggestion: str | None) -> Reply:
    """The schedule could not be read: say why and ask, rather than guess."""
    text = f":thinking_face: I could not tell when to run that: {escape(reason)}."
    if suggestion:
        text += f"\n{escape(_sentence(suggestion))}"
    return Reply(text, [_section(text), _context(f"For example: `{escape(EXAMPLE)}`")])


def missing_goal(schedule_text: str) -> Reply:
    text = f"What should I do {escape(schedule_text)}?"
    example = f"/schedule {schedule_text} post the sales summary in #sales"
    return Reply(text, [_section(text), _context(f"Say it after the time: `{escape(example)}`")])


# -- managing jobs ---------------------------------------------------------------------------


def job_list(
    jobs: Sequence[dict[str, Any]], *, total: int, zone: str, now: datetime, status: str | None
) -> Reply:
    kind = f"{status} " if status else ""
    if not jobs:
        text = f"You have no {kind}scheduled jobs."
        return Reply(text, [_section(text), _context(f"Make one: `{escape(EXAMPLE)}`")])
    count = f"{total} {kind}job" + ("s" if total != 1 else "")
    blocks: list[Block] = [_section(f"*Your {count}* (times in {escape(zone)})")]
    for job in jobs:
        icon = STATUS_ICONS.get(job["status"], "")
        where = delivery_address(job)
        lines = [
            f"{icon} {job_ref(job)} · {job['status']}",
            escape(describe_schedule(job.get("schedule")) or "runs only on demand"),
            next_run_text(job, zone, now) + (f" · to {channel_mention(where)}" if where else ""),
        ]
        block = _section("\n".join(lines))
        block["accessory"] = _job_menu(job)
        blocks.append(block)
    if total > len(jobs):
        blocks.append(_context(f"…and {total - len(jobs)} more."))
    return Reply(f"Your {count}", blocks)


def _job_menu(job: dict[str, Any]) -> Block:
    options = [("Run now", "run")]
    if (job.get("action") or {"type": "agent"}).get("type", "agent") == "agent":
        options.append(("Try it", "try"))
    if job["status"] == JobStatus.ACTIVE:
        options.append(("Pause", "pause"))
    elif job["status"] == JobStatus.PAUSED:
        options.append(("Resume", "resume"))
    options += [("History", "history"), ("Delete…", "delete")]
    return {
        "type": "overflow",
        "action_id": JOB_MENU,
        "options": [
            {"text": {"type": "plain_text", "text": label}, "value": f"{verb} {job['id']}"}
            for label, verb in options
        ],
    }


# -- changing a job in plain words --------------------------------------------------------


def edit_proposal(
    job: dict[str, Any],
    proposal: dict[str, Any],
    *,
    zone: str,
    now: datetime,
    value: str,
    warning: str | None = None,
) -> Reply:
    """Before and after, side by side, with Confirm: nothing changes until it is clicked."""
    title = f"Change {clip(job['name'], HEADER_LIMIT - 8)}?"
    rows: list[Block] = [_header(title)]
    for line in proposal.get("understood") or []:
        what, _, change = str(line).partition(": ")
        before, _, after = change.partition(" → ")
        rows.append(
            {
                "type": "section",
                "fields": [
                    {
                        "type": "mrkdwn",
                        "text": clip(f"*{_sentence(what)}, now*\n{escape(before)}", 2000),
                    },
                    {"type": "mrkdwn", "text": clip(f"*Then*\n{escape(after)}", 2000)},
                ],
            }
        )
    if "schedule" in (proposal.get("changes") or {}):
        rows.append(
            {
                "type": "section",
                "fields": [
                    {
                        "type": "mrkdwn",
                        "text": _runs_field("Next runs now", proposal["before"], zone, now),
                    },
                    {"type": "mrkdwn", "text": _runs_field("Then", proposal["after"], zone, now)},
                ],
            }
        )
    if warning:
        rows.append(_section(f":warning: {warning}"))
    rows.append(_context(f"{job_ref(job)} · times in your zone, {escape(zone)}"))
    rows.append(
        {
            "type": "actions",
            "block_id": "agentcron_edit_confirm",
            "elements": [
                button("Confirm", CONFIRM_EDIT, value, "primary"),
                button("Cancel", CANCEL_EDIT, job["id"]),
            ],
        }
    )
    summary = "; ".join(str(line) for line in proposal.get("understood") or [])
    return Reply(escape(clip(f"{title} {summary}", 3000)), rows)


def _runs_field(title: str, view: dict[str, Any], zone: str, now: datetime) -> str:
    runs = [datetime.fromisoformat(iso) for iso in view.get("next_runs") or []][:NEXT_RUNS]
    lines = "\n".join(f"• {local_time(r, zone, now=now)}" for r in runs) or "• none"
    return f"*{title}*\n{lines}"


def cannot_edit(job: dict[str, Any], reason: str, *, suggestion: str | None) -> Reply:
    text = f":thinking_face: I could not read that as a change of {job_ref(job)}: {escape(reason)}."
    if suggestion:
        text += f"\n{escape(_sentence(suggestion))}"
    example = f"/schedule edit {job['name']}: move it to 10am"
    return Reply(text, [_section(text), _context(f"For example: `{escape(example)}`")])


def edit_applied(job: dict[str, Any], *, zone: str, now: datetime) -> Reply:
    where = delivery_address(job)
    lines = [
        f":white_check_mark: Changed {job_ref(job)}",
        escape(describe_schedule(job.get("schedule")) or "runs only on demand"),
        _sentence(next_run_text(job, zone, now)) + " (your time)",
    ]
    if where:
        lines.append(f"Results go to {channel_mention(where)}.")
    return Reply(f"Changed {escape(job['name'])}", [_section("\n".join(lines))])


def muted(job: dict[str, Any], *, muted: bool) -> Reply:
    if muted:
        text = (
            f":mute: Muted {job_ref(job)}: it keeps running and its results are kept "
            "(`/schedule history`), but nothing is posted."
        )
        unmute = button("Unmute", UNMUTE, job["id"])
        return Reply(
            f"Muted {escape(job['name'])}",
            [_section(text), {"type": "actions", "elements": [unmute]}],
        )
    return notice(f":loud_sound: Results of {job_ref(job)} are posted again.")


def edit_cancelled(job_id: str) -> Reply:
    return notice(f"Nothing was changed (`{job_id}`).")


def job_changed(job: dict[str, Any], *, zone: str, now: datetime) -> Reply:
    if job["status"] == JobStatus.PAUSED:
        text = f":double_vertical_bar: Paused {job_ref(job)}. `/schedule resume {job['id']}`"
        text += " starts it again."
    else:
        text = f":arrow_forward: {job_ref(job)} is {job['status']}; "
        text += next_run_text(job, zone, now) + " (your time)."
    return notice(text)


def run_started(job: dict[str, Any], run: dict[str, Any]) -> Reply:
    where = delivery_address(job)
    text = f":rocket: Running {job_ref(job)} now (`{run['id']}`)."
    if where:
        text += f" The result goes to {channel_mention(where)}."
    return notice(text)


def history_card(
    job: dict[str, Any], runs: Sequence[dict[str, Any]], *, total: int, zone: str, now: datetime
) -> Reply:
    if not runs:
        return notice(f"{job_ref(job)} has not run yet; " + next_run_text(job, zone, now) + ".")
    lines = []
    for run in runs:
        when = run.get("started_at") or run.get("scheduled_for") or run["created_at"]
        parts = [
            STATUS_ICONS.get(run["status"], ""),
            run["status"].replace("_", " "),
            "·",
            local_time(when, zone, now=now),
            f"· {run['trigger']}",
        ]
        if run.get("started_at") and run.get("completed_at"):
            seconds = (run["completed_at"] - run["started_at"]).total_seconds()
            parts.append(f"· {seconds:.1f} s")
        line = " ".join(p for p in parts if p)
        if run.get("error"):
            error = " ".join(str(run["error"]).split())
            line += f"\n      ↳ {escape(clip(error, ERROR_LIMIT))}"
        lines.append(line)
    shown = f"last {len(runs)} of {total}" if total > len(runs) else f"{total}"
    head = f"*Runs of {job_ref(job)}* ({shown}, times in {escape(zone)})"
    fallback = f"Runs of {escape(job['name'])}"
    return Reply(fallback, [_section(head), _section("\n".join(lines))])


def dry_run_card(name: str, result: dict[str, Any]) -> Reply:
    """What trying a job showed (``app.dry_runs``): the answer, or why there is none, and
    what it cost. Everything the model wrote is escaped like any result."""
    title = clip(f"Try it: {name}", HEADER_LIMIT)
    blocks: list[Block] = [_header(title)]
    if result["ok"]:
        blocks += long_sections("*Output*\n", result["output"] or "(no output)")
        condition = result.get("condition")
        if condition:
            held = "held" if condition.get("met") else "did not hold"
            if condition.get("error"):
                held = f"could not be checked: {escape(condition['error'])}"
            blocks.append(_context(f"Condition `{escape(condition['expression'])}` {held}."))
        targets = result.get("would_deliver_to") or []
        where = ", ".join(channel_mention(t.removeprefix("slack:")) for t in targets)
        blocks.append(
            _context(
                f"A real run would post to {where}." if where else "A real run would post nothing."
            )
        )
    else:
        why = "Not run" if result.get("skipped") else "It failed"
        blocks.append(_section(f":warning: {why}: {escape(clip(result.get('error') or '', 2000))}"))
    calls = result.get("tool_calls") or []
    usage = result.get("usage") or {}
    facts = [f"{len(calls)} tool call" + ("" if len(calls) == 1 else "s")]
    if usage:
        facts.append(
            f"{usage.get('total_tokens', 0):,} tokens"
            + (" (estimated)" if usage.get("estimated") else "")
        )
        facts.append(f"${usage['cost_usd']:.4f}" if usage.get("priced") else "unpriced model")
    blocks.append(
        _context(
            "A dry run: nothing was posted, no run was recorded, and no tool that sends data "
            "out was offered · " + " · ".join(facts)
        )
    )
    return Reply(
        escape(clip(f"{title}: {result.get('output') or result.get('error') or ''}", 3000)), blocks
    )


def trying(name: str) -> Reply:
    return notice(
        f":hourglass_flowing_sand: Trying *{escape(name)}* once (a dry run: nothing is posted)…"
    )


def delete_prompt(job: dict[str, Any], *, zone: str, now: datetime) -> Reply:
    text = (
        f"Delete {job_ref(job)}? It stops running; its history is kept.\n"
        + escape(describe_schedule(job.get("schedule")) or "runs only on demand")
        + f" · {next_run_text(job, zone, now)}"
    )
    actions = {
        "type": "actions",
        "block_id": "agentcron_delete",
        "elements": [
            button("Delete", DELETE, job["id"], "danger"),
            button("Keep it", KEEP, job["id"]),
        ],
    }
    return Reply(f"Delete {escape(job['name'])}?", [_section(text), actions])


def deleted(job: dict[str, Any]) -> Reply:
    return notice(f":wastebasket: Deleted {job_ref(job)}. Its run history is kept.")


def kept(job_id: str) -> Reply:
    return notice(f"Kept `{job_id}`; nothing was deleted.")


def help_card(command: str = "/schedule") -> Reply:
    lines = [
        "*Schedule something:* "
        f"`{command} <when> <what> [in #channel]`, for example\n"
        f"`{command} every weekday at 9am summarize yesterday's incidents in #ops`\n"
        f"`{command} tomorrow at 3pm remind me to call the bank`\n"
        "I show what I understood and create the job when you click *Create*. Results go "
        "to the channel you typed in unless you name another (invite me there first).",
        "*Your jobs:* "
        f"`{command} list` · `pause <job>` · `resume <job>` · `run <job>` · "
        "`try <job>` · `history <job>` · `delete <job>`\n"
        "`<job>` is a job id (`job_…`) or a word from its name that matches only one job.",
        "*Change one in plain words:* "
        f"`{command} edit standup: move it to 10am` (or `on Fridays instead`, "
        "`an hour earlier`, `post it to #ops`), or reply in a result's thread mentioning me. "
        "I show before and after and change it when you click *Confirm*.",
        "*Times* are in your Slack time zone unless you name one (`at 9am Pacific`). "
        "You can also mention me in a channel or send me a direct message with the same words.",
    ]
    return Reply("How to use agentcron", [_section(line) for line in lines])


#: block and action ids of the Edit modal's inputs
WHEN, WHAT, DELIVER, CHANNEL, OPTIONS = "when", "what", "deliver", "channel", "options"
TO_CHANNEL, TO_DM, MENTIONS = "channel", "dm", "mentions"


def edit_modal(draft: Draft, *, metadata: str) -> Block:
    """A modal with the draft's when / what / where, read back on submission. Nothing is
    cut: a goal longer than a Slack field (3,000 characters) is shown, kept as it is, and
    changed elsewhere; the channel it posts to is preselected, and a direct message is a
    choice of its own, never what an empty channel picker silently means."""
    to_dm = draft.channel[:1] not in ("C", "G")
    channel: Block = {
        "type": "conversations_select",
        "action_id": "value",
        "placeholder": {"type": "plain_text", "text": "Pick a channel"},
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if not to_dm:
        channel["initial_conversation"] = draft.channel
    deliver_options = [option("A channel", TO_CHANNEL), option("A direct message from me", TO_DM)]
    mentions = option("Let results mention people (@here, @channel, @someone)", MENTIONS)
    options: Block = {"type": "checkboxes", "action_id": "value", "options": [mentions]}
    if draft.allow_mentions:
        options["initial_options"] = [mentions]
    when = (
        draft.schedule_text if len(draft.schedule_text) <= INPUT_LIMIT else describe(draft.schedule)
    )
    blocks: list[Block] = [text_input(WHEN, "When", when)]
    if len(draft.goal) <= INPUT_LIMIT:
        blocks.append(text_input(WHAT, "What should happen", draft.goal, multiline=True))
    else:
        blocks += long_sections(
            f"*What should happen* ({len(draft.goal):,} characters, more than a Slack field "
            "holds, so it is kept exactly as it is; change it through the API or the "
            "dashboard)\n",
            draft.goal,
        )
    blocks += [
        {
            "type": "input",
            "block_id": DELIVER,
            "label": {"type": "plain_text", "text": "Post results to"},
            "element": {
                "type": "radio_buttons",
                "action_id": "value",
                "options": deliver_options,
                "initial_option": deliver_options[1 if to_dm else 0],
            },
        },
        {
            "type": "input",
            "block_id": CHANNEL,
            "optional": True,
            "label": {"type": "plain_text", "text": "Channel"},
            "hint": {"type": "plain_text", "text": "You and I must both be in it."},
            "element": channel,
        },
        {
            "type": "input",
            "block_id": OPTIONS,
            "optional": True,
            "label": {"type": "plain_text", "text": "Options"},
            "element": options,
        },
    ]
    return {
        "type": "modal",
        "callback_id": EDIT_VIEW,
        "private_metadata": metadata,
        "title": {"type": "plain_text", "text": "Edit the job"},
        "submit": {"type": "plain_text", "text": "Preview"},
        "close": {"type": "plain_text", "text": "Back"},
        "blocks": blocks,
    }


def option(text: str, value: str) -> Block:
    return {"text": {"type": "plain_text", "text": text}, "value": value}


def text_input(block_id: str, label: str, initial: str, *, multiline: bool = False) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": "value",
        "max_length": INPUT_LIMIT,
        "multiline": multiline,
    }
    if initial:
        element["initial_value"] = initial
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "element": element,
    }


def long_sections(head: str, text: str) -> list[Block]:
    """``head`` (mrkdwn) and ``text`` (what someone wrote, escaped here) in as many
    sections as it takes, so a long goal is shown whole, never cut — and never cut inside
    an escape."""
    parts: list[str] = []
    current, size = [head], len(head)
    for char in quiet(text):
        piece = escape_mrkdwn(char)
        if size + len(piece) > SECTION_LIMIT:
            parts.append("".join(current))
            current, size = [], 0
        current.append(piece)
        size += len(piece)
    parts.append("".join(current))
    return [_section(part) for part in parts]
