import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.delivery.base import Message
from agentcron.delivery.format import (
    MARKDOWN_PAYLOAD_LIMIT,
    render_blocks,
    render_text,
    slack_payloads,
    split_markdown,
    strip_markdown,
    webhook_payload,
)

FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)


def message(**changes: Any) -> Message:
    values: dict[str, Any] = {
        "job_id": "job_1",
        "job_name": "BTC price watch",
        "run_id": "run_1",
        "status": "succeeded",
        "output": "**BTC** moved *7%* since yesterday. See [chart](https://ex.test/c).",
        "data": {"price_change_pct": 0.07, "price": 64000},
        "scheduled_for": datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
        "completed_at": datetime(2026, 4, 1, 9, 0, 12, tzinfo=UTC),
        "link": "https://agentcron.test/jobs/job_1/runs/run_1",
    }
    values.update(changes)
    return Message(**values)


def test_a_result_is_a_markdown_block_and_a_context_line() -> None:
    blocks = render_blocks(message())
    assert blocks == [
        {"type": "markdown", "text": message().output},
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": "*BTC price watch* · "
                    "<!date^1775034012^{date_short_pretty} at {time}|2026-04-01 09:00 UTC> · "
                    "<https://agentcron.test/jobs/job_1/runs/run_1|View run>",
                }
            ],
        },
    ]


def test_the_fallback_text_is_plain() -> None:
    (payload,) = slack_payloads(message())
    assert payload["text"] == (
        "BTC price watch: BTC moved 7% since yesterday. See chart (https://ex.test/c)."
    )


def test_names_are_escaped_and_links_kept_whole_in_the_context_line() -> None:
    blocks = render_blocks(
        message(
            job_name="a <b> & c", link="https://x.test/a|b c", scheduled_for=None, completed_at=None
        )
    )
    assert blocks[-1]["elements"][0]["text"] == (
        "*a &lt;b&gt; &amp; c* · <https://x.test/a%7Cb%20c|View run>"
    )


def test_json_format_shows_the_data() -> None:
    blocks = render_blocks(message(format="json"))
    assert blocks[0]["text"] == (
        '```json\n{\n  "price_change_pct": 0.07,\n  "price": 64000\n}\n```'
    )
    assert json.loads(render_text(message(format="json"))) == message().data


def test_text_format_uses_plain_text_sections() -> None:
    (payload,) = slack_payloads(message(format="text"))
    assert payload["blocks"][0] == {
        "type": "section",
        "text": {
            "type": "plain_text",
            "text": "BTC moved 7% since yesterday. See chart (https://ex.test/c).",
        },
    }
    long = slack_payloads(message(format="text", output="word " * 5000))  # 25,000 chars
    assert len(long) == 3
    for payload in long:
        sections = [b for b in payload["blocks"] if b["type"] == "section"]
        assert len(sections) <= 4
        assert all(len(s["text"]["text"]) <= 3000 for s in sections)


def test_a_failure_notice_is_short_and_says_why() -> None:
    notice = message(
        kind="failure", status="failed", attempts=3, error="GET https://x returned 503\nlong trace"
    )
    blocks = render_blocks(notice)
    assert blocks[0]["text"] == (
        "❌ **BTC price watch** failed after 3 attempts: GET https://x returned 503 long trace"
    )
    assert " · failed · " in blocks[1]["elements"][0]["text"]
    assert render_text(notice).startswith("❌ BTC price watch failed after 3 attempts")
    assert "1 attempt:" in render_text(message(kind="failure", attempts=1, error="boom"))


def test_a_skip_notice_says_which_limit_and_that_it_is_the_only_one() -> None:
    reason = "over budget: the owner's daily limit of 1,000,000 tokens is used up"
    notice = message(kind="skipped", status="skipped", output="", error=reason)
    blocks = render_blocks(notice)
    assert blocks[0]["text"] == (
        f"⏸️ **BTC price watch** did not run: {reason}. Later runs are skipped the same way "
        "until the limit allows them; this is the only notice."
    )
    assert " · skipped · " in blocks[1]["elements"][0]["text"]
    payload = webhook_payload(notice)
    assert (payload["event"], payload["reason"]) == ("run.skipped", reason)


def test_empty_output_says_so() -> None:
    assert render_blocks(message(output="  "))[0]["text"] == "_(no output)_"


def test_long_output_is_split_into_messages_under_slacks_limit() -> None:
    paragraphs = [f"Paragraph {i}: " + "lorem ipsum " * 40 for i in range(100)]
    output = "\n\n".join(paragraphs)  # ~50,000 characters
    payloads = slack_payloads(message(output=output))
    assert len(payloads) == 5
    for index, payload in enumerate(payloads):
        markdown = payload["blocks"][0]["text"]
        assert len(markdown) <= MARKDOWN_PAYLOAD_LIMIT
        assert payload["text"].startswith(f"BTC price watch ({index + 1}/5): ")
        assert payload["blocks"][1]["elements"][0]["text"].endswith(f"part {index + 1} of 5")
    rejoined = "\n".join(p["blocks"][0]["text"] for p in payloads)
    assert rejoined.split() == output.split()


def test_a_code_block_cut_in_two_is_closed_and_reopened() -> None:
    code = "\n".join(f"line {i:05d} " + "x" * 60 for i in range(400))  # ~29,000 chars
    text = f"Results:\n\n```python\n{code}\n```\n\nDone."
    parts = split_markdown(text, 12_000)
    assert len(parts) == 3
    for part in parts:
        assert len(part) <= 12_000
        assert len(FENCE.findall(part)) % 2 == 0, "every part has balanced fences"
    assert parts[1].startswith("```python\nline ")
    assert parts[0].endswith("\n```")
    assert parts[-1].endswith("```\n\nDone.")


def test_a_single_huge_line_is_cut_too() -> None:
    parts = split_markdown("a" * 30_000, 12_000)
    assert [len(part) for part in parts] == [12_000, 12_000, 6_000]
    words = split_markdown("word " * 6_000, 12_000)
    assert all(len(part) <= 12_000 and not part.startswith("ord") for part in words)


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("# Title", "Title"),
        ("**bold** and __also__", "bold and also"),
        ("*em* but 2*3*4 stays", "em but 2*3*4 stays"),
        ("`code` here", "code here"),
        ("[site](https://x.test)", "site (https://x.test)"),
        ("```json\n{}\n```", "{}"),
    ],
)
def test_strip_markdown(markdown: str, plain: str) -> None:
    assert strip_markdown(markdown) == plain


def test_webhook_payload_by_format() -> None:
    payload = webhook_payload(message())
    assert payload == {
        "event": "run.result",
        "job": {"id": "job_1", "name": "BTC price watch"},
        "run": {
            "id": "run_1",
            "status": "succeeded",
            "scheduled_for": "2026-04-01T09:00:00+00:00",
            "completed_at": "2026-04-01T09:00:12+00:00",
            "link": "https://agentcron.test/jobs/job_1/runs/run_1",
        },
        "format": "markdown",
        "data": {"price_change_pct": 0.07, "price": 64000},
        "output": message().output,
    }
    assert webhook_payload(message(format="text"))["output"].startswith("BTC moved 7%")
    assert "output" not in webhook_payload(message(format="json"))
    failed = webhook_payload(message(kind="failure", status="failed", error="boom", attempts=2))
    assert (failed["event"], failed["error"], failed["attempts"]) == ("run.failed", "boom", 2)


# --- untrusted content ---------------------------------------------------------------------

HOSTILE_OUTPUT = (
    "<!channel> read this: <!here> <!everyone> <!subteam^S01|@oncall> <@U0BOSS> @here\n"
    "Log in at [paypal.com](https://evil.test/p) & tell a < b > c"
)
PINGS = re.compile(
    r"<!(?:here|channel|everyone|subteam)|<@[UW]|(?<![\w.@])@(?:here|channel|everyone)\b"
)


def every_text(payload: dict[str, Any]) -> list[str]:
    """Every string Slack reads in a chat.postMessage payload: ``text`` and each text of
    every block, whatever its type."""
    found = [payload["text"]]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload["blocks"])
    return found


@pytest.mark.parametrize("fmt", ["markdown", "text", "json"])
@pytest.mark.parametrize("kind", ["result", "failure"])
def test_mentions_are_neutralised_in_every_field(fmt: str, kind: str) -> None:
    hostile = message(
        job_name="<!channel> nightly @here",
        output=HOSTILE_OUTPUT,
        data={"note": HOSTILE_OUTPUT},
        error=HOSTILE_OUTPUT,
        format=fmt,
        kind=kind,
    )
    for payload in slack_payloads(hostile):
        for text in every_text(payload):
            assert not PINGS.search(text), text
        assert "&lt;" in payload["text"] or fmt == "json"


def test_the_fallback_text_is_escaped_mrkdwn() -> None:
    (payload,) = slack_payloads(message(output="a < b && c > d", job_name="R&D"))
    assert payload["text"] == "R&amp;D: a &lt; b &amp;&amp; c &gt; d"


def test_a_misleading_link_shows_where_it_goes() -> None:
    (payload,) = slack_payloads(message(output="Log in at [paypal.com](https://evil.test/p)"))
    assert payload["blocks"][0]["text"] == "Log in at paypal.com (https://evil.test/p)"
    assert "https://evil.test/p" in payload["text"]


def test_an_owner_may_allow_mentions() -> None:
    (payload,) = slack_payloads(message(output="<!here> deploy done", allow_mentions=True))
    assert payload["blocks"][0]["text"] == "<!here> deploy done"
    assert payload["text"] == "BTC price watch: <!here> deploy done"
    # the job's name is never a mention, allowed or not
    (named,) = slack_payloads(message(job_name="<!here>", allow_mentions=True))
    assert not PINGS.search(named["blocks"][-1]["elements"][0]["text"])
    assert not PINGS.search(named["text"])
