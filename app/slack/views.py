"""Block Kit surfaces beyond messages, pure: the App Home tab and the create modal (opened
from the Home tab, the global shortcut, or the message shortcut with the message as goal)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from agentcron.app.domain.enums import JobStatus, RunStatus
from agentcron.app.domain.slack_access import AccessPolicy
from agentcron.app.domain.stored import describe_schedule
from agentcron.app.slack.cards import (
    CHANNEL,
    DELIVER,
    INPUT_LIMIT,
    MENTIONS,
    OPTIONS,
    STATUS_ICONS,
    TO_CHANNEL,
    TO_DM,
    WHAT,
    WHEN,
    Block,
    Reply,
    button,
    channel_mention,
    clip,
    delivery_address,
    escape,
    job_ref,
    local_time,
    long_sections,
    next_run_text,
    option,
    text_input,
)

HOME_NEW: Final = "agentcron_home_new"
HOME_PAUSE: Final = "agentcron_home_pause"
HOME_RESUME: Final = "agentcron_home_resume"
HOME_RUN: Final = "agentcron_home_run"
HOME_DELETE: Final = "agentcron_home_delete"
CREATE_VIEW: Final = "agentcron_create_view"
PREVIEW_VIEW: Final = "agentcron_preview_view"
SHORTCUT_NEW: Final = "agentcron_new_job"
SHORTCUT_MESSAGE: Final = "agentcron_schedule_message"
HOME_JOBS: Final = 20
RESULT_LIMIT: Final = 200


def _text(kind: str, text: str) -> dict[str, Any]:
    return {"type": kind, "text": text}


def home_view(
    jobs: Sequence[dict[str, Any]],
    last_runs: dict[str, dict[str, Any]],
    *,
    total: int,
    zone: str,
    now: datetime,
    policy: AccessPolicy | None,
) -> Block:
    """The Home tab: the person's jobs, soonest first, each with its last result and
    Pause/Resume, Run now and Delete; "New job"; for admins, the workspace's settings."""
    blocks: list[Block] = [
        {"type": "header", "text": _text("plain_text", "Your scheduled jobs")},
        {
            "type": "actions",
            "elements": [button("New job", HOME_NEW, "new", "primary")],
        },
    ]
    if not jobs:
        blocks.append(
            _section(
                "You have no jobs yet. Click *New job*, or type "
                "`/schedule every weekday at 9am summarize yesterday's incidents in #ops`."
            )
        )
    for job in jobs[:HOME_JOBS]:
        blocks += _home_job(job, last_runs.get(job["id"]), zone=zone, now=now)
    if total > len(jobs[:HOME_JOBS]):
        blocks.append(_context(f"…and {total - HOME_JOBS} more: `/schedule list`"))
    blocks.append(_context(f"Times in your zone, {escape(zone)}."))
    if policy is not None:
        blocks += _admin(policy)
    return {"type": "home", "blocks": blocks}


def _home_job(
    job: dict[str, Any], last: dict[str, Any] | None, *, zone: str, now: datetime
) -> list[Block]:
    icon = STATUS_ICONS.get(job["status"], "")
    where = delivery_address(job)
    lines = [
        f"{icon} {job_ref(job)} · {job['status']}",
        escape(describe_schedule(job.get("schedule")) or "runs only on demand"),
        next_run_text(job, zone, now) + (f" · to {channel_mention(where)}" if where else ""),
    ]
    if last is not None:
        lines.append(_last_result(last, zone=zone, now=now))
    elements = [button("Run now", HOME_RUN, job["id"])]
    if job["status"] == JobStatus.ACTIVE:
        elements.append(button("Pause", HOME_PAUSE, job["id"]))
    elif job["status"] == JobStatus.PAUSED:
        elements.append(button("Resume", HOME_RESUME, job["id"]))
    delete = button("Delete", HOME_DELETE, job["id"], "danger")
    delete["confirm"] = {
        "title": _text("plain_text", "Delete this job?"),
        "text": _text("mrkdwn", f"{job_ref(job)} stops running; its history is kept."),
        "confirm": _text("plain_text", "Delete"),
        "deny": _text("plain_text", "Keep it"),
        "style": "danger",
    }
    elements.append(delete)
    return [
        _section("\n".join(lines)),
        {"type": "actions", "block_id": f"home_{job['id']}", "elements": elements},
        {"type": "divider"},
    ]


def _last_result(run: dict[str, Any], *, zone: str, now: datetime) -> str:
    icon = STATUS_ICONS.get(run["status"], "")
    when = run.get("completed_at") or run.get("started_at") or run.get("created_at")
    head = f"Last run: {icon} {run['status'].replace('_', ' ')}"
    if when is not None:
        head += f", {local_time(when, zone, now=now)}"
    said = run.get("error") if run["status"] != RunStatus.SUCCEEDED else run.get("output")
    if said:
        head += f"\n> {escape(clip(' '.join(str(said).split()), RESULT_LIMIT))}"
    return head


def _admin(policy: AccessPolicy) -> list[Block]:
    def listed(values: frozenset[str], mention: str, empty: str) -> str:
        if not values:
            return empty
        return ", ".join(v if v.startswith("#") else mention.format(v) for v in sorted(values)[:20])

    limit = policy.max_jobs_per_user or "no limit"
    text = "\n".join(
        [
            "*Workspace settings* (you are an admin)",
            f"Who may create jobs: {listed(policy.allowed_users, '<@{}>', 'everyone')}",
            f"Where results may go: {listed(policy.allowed_channels, '<#{}>', 'any channel')}",
            f"Admins: {listed(policy.admins, '<@{}>', 'the workspace admins')}",
            f"Jobs per person: {limit}",
        ]
    )
    hint = "Change them with `PUT /api/scheduler/slack/workspaces/<team id>` (an admin key)."
    return [{"type": "divider"}, _section(text), _context(hint)]


# -- the create modal --------------------------------------------------------------------------


def create_modal(
    *, goal: str = "", channel: str | None = None, metadata: str = "{}", note: str | None = None
) -> Block:
    """When / what / where for a new job; ``goal`` prefilled from a message. A goal longer
    than a Slack field is shown and kept (its key in ``metadata``), never cut."""
    channel_select: Block = {
        "type": "conversations_select",
        "action_id": "value",
        "placeholder": _text("plain_text", "Pick a channel"),
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel:
        channel_select["initial_conversation"] = channel
    deliver = [option("A channel", TO_CHANNEL), option("A direct message from me", TO_DM)]
    when = text_input(WHEN, "When", "")
    when["element"]["placeholder"] = _text("plain_text", "every weekday at 9am")
    blocks: list[Block] = [when]
    if len(goal) <= INPUT_LIMIT:
        blocks.append(text_input(WHAT, "What should happen", goal, multiline=True))
    else:
        blocks += long_sections(
            f"*What should happen* (the message, {len(goal):,} characters, kept whole)\n", goal
        )
    blocks += [
        {
            "type": "input",
            "block_id": DELIVER,
            "label": _text("plain_text", "Post results to"),
            "element": {
                "type": "radio_buttons",
                "action_id": "value",
                "options": deliver,
                "initial_option": deliver[0] if channel else deliver[1],
            },
        },
        {
            "type": "input",
            "block_id": CHANNEL,
            "optional": True,
            "label": _text("plain_text", "Channel"),
            "hint": _text("plain_text", "You and I must both be in it."),
            "element": channel_select,
        },
        {
            "type": "input",
            "block_id": OPTIONS,
            "optional": True,
            "label": _text("plain_text", "Options"),
            "element": {
                "type": "checkboxes",
                "action_id": "value",
                "options": [
                    option("Let results mention people (@here, @channel, @someone)", MENTIONS)
                ],
            },
        },
    ]
    if note:
        blocks.insert(0, _context(note))
    return {
        "type": "modal",
        "callback_id": CREATE_VIEW,
        "private_metadata": metadata,
        "title": _text("plain_text", "New scheduled job"),
        "submit": _text("plain_text", "Preview"),
        "close": _text("plain_text", "Cancel"),
        "blocks": blocks,
    }


def preview_modal(card: Reply, *, metadata: str, ready: bool) -> Block:
    """The confirmation card inside the modal; Create (its submit) makes the job."""
    blocks = [b for b in card.blocks if b.get("type") != "actions"]
    view: Block = {
        "type": "modal",
        "callback_id": PREVIEW_VIEW,
        "private_metadata": metadata,
        "title": _text("plain_text", "New scheduled job"),
        "close": _text("plain_text", "Cancel"),
        "blocks": blocks or [_section(card.text)],
    }
    if ready:
        view["submit"] = _text("plain_text", "Create")
    return view


def message_modal(title: str, card: Reply) -> Block:
    """A modal that only says something (working, done, refused)."""
    blocks = [b for b in card.blocks if b.get("type") != "actions"] or [_section(card.text)]
    return {
        "type": "modal",
        "title": _text("plain_text", clip(title, 24)),
        "close": _text("plain_text", "Close"),
        "blocks": blocks,
    }


def _section(text: str) -> Block:
    return {"type": "section", "text": _text("mrkdwn", clip(text, 3000))}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [_text("mrkdwn", clip(text, 3000))]}
