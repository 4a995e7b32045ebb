"""Rendering a Message for Slack (Block Kit), for webhooks (JSON) and as plain text. Pure.

Slack: each message has a ``markdown`` block with the output, then a ``context`` block
with the job name, the run time (shown in each reader's own time zone) and a link back,
and a plain-text ``text`` fallback for notifications. Slack accepts at most 12,000
characters of markdown per message, so longer output is split on line boundaries
(code fences closed and reopened at the cut) into several messages; the channel posts the
rest as replies in the first message's thread. ``format="text"`` uses plain-text sections
instead, ``format="json"`` shows ``data`` as a JSON code block.

Nothing in a message is the service's own text except its frame: the output, the data, the
job's name and the error are untrusted (``untrusted.py``), so mentions are neutralised unless
the job allows them, misleading links show their target, and every mrkdwn field — the
``text`` fallback and the context line included — is escaped.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from agentcron.delivery.base import Message
from agentcron.delivery.untrusted import defuse_markdown, escape_mrkdwn, mrkdwn, quiet

#: action_id of the buttons on a delivered message (the Slack app answers them)
RESULT_PAUSE = "agentcron_result_pause"
RESULT_RUN = "agentcron_result_run"
RESULT_MUTE = "agentcron_result_mute"
MARKDOWN_PAYLOAD_LIMIT = 12_000
SECTION_LIMIT = 3_000
SECTIONS_PER_MESSAGE = 4
FALLBACK_LIMIT = 3_000
CONTEXT_NAME_LIMIT = 200
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


# --- bodies -----------------------------------------------------------------------------


def failure_notice(message: Message) -> str:
    """The short markdown notice for a run that failed after its last attempt."""
    attempts = f"{message.attempts} attempt{'s' if message.attempts != 1 else ''}"
    error = _one_line(message.error or message.status or "unknown error", 500)
    return f"❌ **{_one_line(message.job_name, 200)}** failed after {attempts}: {error}"


def skipped_notice(message: Message) -> str:
    """The short markdown notice for a run that did not start (a budget is used up)."""
    reason = _one_line(message.error or "skipped", 500)
    return (
        f"⏸️ **{_one_line(message.job_name, 200)}** did not run: {reason}. Later runs are "
        "skipped the same way until the limit allows them; this is the only notice."
    )


def body_markdown(message: Message) -> str:
    """The message's main content as markdown, made safe for Slack (see ``untrusted``)."""
    if message.kind == "failure":
        return defuse_markdown(failure_notice(message))
    if message.kind == "skipped":
        return defuse_markdown(skipped_notice(message))
    if message.format == "json":
        body = f"```json\n{_json(message.data)}\n```"
    else:
        body = message.output if message.output.strip() else "_(no output)_"
    return defuse_markdown(body, allow_mentions=message.allow_mentions)


def render_text(message: Message) -> str:
    """The message's main content as plain text (markdown markers removed)."""
    if message.kind == "result" and message.format == "json":
        return _json(message.data)
    return strip_markdown(body_markdown(message))


_MD_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")


def strip_markdown(text: str) -> str:
    """A readable plain-text version of markdown: markers dropped, link targets kept."""
    lines = []
    for line in text.splitlines():
        if _FENCE.match(line):
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        # neither part may hold its own opening bracket: each start then scans only to the
        # next one, not to the end of the line (a line of 20,000 "[" took 3.7 s)
        line = _MD_LINK.sub(r"\1 (\2)", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", line)
        line = re.sub(r"`([^`]+)`", r"\1", line)
        lines.append(line)
    return "\n".join(lines)


# --- splitting --------------------------------------------------------------------------


def split_markdown(text: str, limit: int) -> list[str]:
    """Cut ``text`` into parts of at most ``limit`` characters, on line boundaries where
    possible; a code block open at a cut is closed there and reopened in the next part."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    fence: str | None = None  # the opening line of the code block we are inside
    for line in _pieces(text, max(limit // 3, 1)):
        after = _fence_after(fence, line)
        if current and len(current) + len(line) + _closer_length(after) > limit:
            parts.append(_close(current, fence))
            current = f"{fence}\n" if fence else ""
        current += line
        fence = after
    parts.append(current)
    return [part.rstrip("\n") for part in parts if part.strip()]


def _pieces(text: str, width: int) -> list[str]:
    """Lines with their newlines, any longer than ``width`` cut (at a space if one is near)."""
    pieces = []
    for line in text.splitlines(keepends=True):
        while len(line) > width:
            cut = line.rfind(" ", width * 4 // 5, width)
            cut = cut + 1 if cut > 0 else width
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return pieces


def _fence_after(fence: str | None, line: str) -> str | None:
    match = _FENCE.match(line)
    if fence is None:
        return line.strip() if match else None
    marker = _FENCE.match(fence)
    assert marker is not None
    opened = marker.group(1)
    closes = match and match.group(1)[0] == opened[0] and len(match.group(1)) >= len(opened)
    return None if closes and not line.strip().strip(opened[0]) else fence


def _closer_length(fence: str | None) -> int:
    if fence is None:
        return 0
    marker = _FENCE.match(fence)
    return len(marker.group(1)) + 2 if marker else 0


def _close(part: str, fence: str | None) -> str:
    if fence is None:
        return part
    marker = _FENCE.match(fence)
    assert marker is not None
    return part + ("" if part.endswith("\n") else "\n") + marker.group(1)


# --- Slack ------------------------------------------------------------------------------


def slack_payloads(message: Message) -> list[dict[str, Any]]:
    """The chat.postMessage arguments (``text`` and ``blocks``) for each message to post."""
    payloads: list[dict[str, Any]] = []
    if message.format == "text" and message.kind == "result":
        sections = split_markdown(render_text(message), SECTION_LIMIT)
        groups = [
            sections[i : i + SECTIONS_PER_MESSAGE]
            for i in range(0, len(sections), SECTIONS_PER_MESSAGE)
        ]
        for index, group in enumerate(groups):
            blocks: list[dict[str, Any]] = [
                {"type": "section", "text": {"type": "plain_text", "text": section}}
                for section in group
            ]
            payloads.append(_payload(message, blocks, "\n".join(group), index, len(groups)))
        return payloads

    chunks = split_markdown(body_markdown(message), MARKDOWN_PAYLOAD_LIMIT)
    for index, chunk in enumerate(chunks):
        blocks = [{"type": "markdown", "text": chunk}]
        payloads.append(_payload(message, blocks, strip_markdown(chunk), index, len(chunks)))
    return payloads


def render_blocks(message: Message) -> list[dict[str, Any]]:
    """The Block Kit blocks of the (first) Slack message; see ``slack_payloads`` for all."""
    blocks: list[dict[str, Any]] = slack_payloads(message)[0]["blocks"]
    return blocks


def _payload(
    message: Message, blocks: list[dict[str, Any]], plain: str, index: int, count: int
) -> dict[str, Any]:
    part = f" ({index + 1}/{count})" if count > 1 else ""
    name = _one_line(message.job_name, CONTEXT_NAME_LIMIT)
    # cut before escaping, so the cut never splits an entity or a kept mention in two; the
    # name is never a mention, allowed or not
    plain = _truncate(plain, max(FALLBACK_LIMIT - len(name) - len(part) - 2, 1))
    fallback = f"{escape_mrkdwn(quiet(name))}{part}: " + mrkdwn(
        plain, allow_mentions=message.allow_mentions
    )
    blocks = [*blocks, _context_block(message, index, count)]
    if message.actions and index == 0:
        blocks.append(_actions_block(message))
    return {"text": fallback, "blocks": blocks}


def _actions_block(message: Message) -> dict[str, Any]:
    """Run again and Pause on every result; Mute on results (a failure notice goes to its
    owner alone, and stays: it is how they hear that the job is failing)."""

    def button(text: str, action_id: str) -> dict[str, Any]:
        return {
            "type": "button",
            "text": {"type": "plain_text", "text": text},
            "action_id": action_id,
            "value": message.job_id,
        }

    buttons = [button("Run again", RESULT_RUN), button("Pause", RESULT_PAUSE)]
    if message.kind == "result":
        buttons.append(button("Mute", RESULT_MUTE))
    return {"type": "actions", "block_id": "agentcron_result", "elements": buttons}


def _context_block(message: Message, index: int, count: int) -> dict[str, Any]:
    items = [f"*{escape_mrkdwn(quiet(_one_line(message.job_name, CONTEXT_NAME_LIMIT)))}*"]
    if message.kind in ("failure", "skipped"):
        items.append("failed" if message.kind == "failure" else "skipped")
    when = message.completed_at or message.scheduled_for
    if when is not None:
        items.append(_slack_date(when))
    if message.link:
        items.append(f"<{_link_target(message.link)}|View run>")
    if count > 1:
        items.append(f"part {index + 1} of {count}")
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(items)}]}


def _slack_date(when: datetime) -> str:
    """A date Slack shows in each reader's own time zone, with a UTC fallback."""
    instant = when if when.tzinfo else when.replace(tzinfo=UTC)
    fallback = instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(instant.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def _link_target(url: str) -> str:
    return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20")


# --- webhooks ---------------------------------------------------------------------------


def webhook_payload(message: Message) -> dict[str, Any]:
    """The JSON body posted to a ``webhook:`` channel.

    ``event`` is ``run.result``, ``run.failed`` or ``run.skipped`` (with its ``reason``);
    ``output`` is the markdown (``format`` markdown), plain text (text) or absent (json:
    ``data`` is the content).
    """
    events = {"failure": "run.failed", "skipped": "run.skipped"}
    payload: dict[str, Any] = {
        "event": events.get(message.kind, "run.result"),
        "job": {"id": message.job_id, "name": message.job_name},
        "run": {
            "id": message.run_id,
            "status": message.status,
            "scheduled_for": _iso(message.scheduled_for),
            "completed_at": _iso(message.completed_at),
            "link": message.link,
        },
        "format": message.format,
        "data": message.data,
    }
    if message.kind == "failure":
        payload["error"] = message.error
        payload["attempts"] = message.attempts
    if message.kind == "skipped":
        payload["reason"] = message.error
    if message.format == "markdown":
        payload["output"] = message.output
    elif message.format == "text":
        payload["output"] = strip_markdown(message.output)
    return payload


# --- helpers ----------------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _one_line(text: str, limit: int) -> str:
    return _truncate(" ".join(str(text).split()), limit)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
