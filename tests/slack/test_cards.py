"""Block Kit, pure: drafts and rows in, messages out; times in the reader's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.app.slack import cards
from agentcron.app.slack.drafts import Draft
from tests.slack.conftest import card_text

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # Monday, 8:00 in New York


def draft(**changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "team_id": "T0TEAM",
        "user_id": "U0ALICE",
        "schedule": {"type": "cron", "expression": "30 1 * * *", "timezone": "America/New_York"},
        "schedule_text": "every day at 1:30am",
        "goal": "rotate the logs",
        "channel": "C0OPS123",
        "zone": "America/New_York",
        "confidence": 0.95,
        "parse_method": "regex",
    }
    return Draft.new(**(fields | changes))


def job(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "job_abc123",
        "name": "rotate the logs",
        "status": "active",
        "schedule": {"type": "cron", "expression": "30 1 * * *", "timezone": "America/New_York"},
        "exclusions": None,
        "next_run_at": datetime(2026, 3, 3, 6, 30, tzinfo=UTC),
        "delivery": {"channel": "slack:C0OPS123", "channels": ["slack:C0OPS123"]},
    }
    return row | changes


@pytest.mark.parametrize(
    ("instant", "zone", "shown"),
    [
        (datetime(2026, 3, 2, 14, 0, tzinfo=UTC), "America/New_York", "Mon 2 Mar, 9:00 AM EST"),
        (datetime(2026, 3, 9, 13, 0, tzinfo=UTC), "America/New_York", "Mon 9 Mar, 9:00 AM EDT"),
        (datetime(2026, 3, 2, 23, 5, tzinfo=UTC), "Asia/Tokyo", "Tue 3 Mar, 8:05 AM JST"),
        (datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "UTC", "Mon 2 Mar, 12:00 PM UTC"),
        (datetime(2027, 1, 1, 0, 0, tzinfo=UTC), "UTC", "Fri 1 Jan 2027, 12:00 AM UTC"),
    ],
)
def test_local_time(instant: datetime, zone: str, shown: str) -> None:
    assert cards.local_time(instant, zone, now=NOW) == shown


def test_the_year_is_the_readers_year() -> None:
    # 31 Dec 2026 23:30 UTC is already 2027 in Tokyo, but "now" there is still 2026
    instant = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert cards.local_time(instant, "Asia/Tokyo", now=NOW) == "Fri 1 Jan 2027, 8:30 AM JST"
    assert cards.local_time(instant, "UTC", now=NOW) == "Thu 31 Dec, 11:30 PM UTC"


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("C0OPS123", "<#C0OPS123>"),
        ("G0PRIVATE1", "<#G0PRIVATE1>"),
        ("#ops", "#ops"),
        ("U0ALICE", "a direct message from me"),
    ],
)
def test_channel_mention(address: str, shown: str) -> None:
    assert cards.channel_mention(address) == shown


def test_a_card_shows_the_next_runs_across_a_dst_change() -> None:
    # 2:30 in New York on 8 March does not exist; it runs right after the gap, at 3:00 EDT
    now = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
    nightly = {"type": "cron", "expression": "30 2 * * *", "timezone": "America/New_York"}
    reply = cards.confirmation_card(draft(schedule=nightly), now=now)
    text = card_text(_as_message(reply))
    assert "Sat 7 Mar, 2:30 AM EST\n• Sun 8 Mar, 3:00 AM EDT\n• Mon 9 Mar, 2:30 AM EDT" in text


def test_an_rrule_card_says_the_rule_in_words_and_keeps_the_wall_clock() -> None:
    biweekly = {
        "type": "rrule",
        "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0",
        "timezone": "America/Chicago",
        "start_at": "2026-03-03T15:00:00-06:00",
    }
    reply = cards.confirmation_card(draft(schedule=biweekly, zone="America/Chicago"), now=NOW)
    text = card_text(_as_message(reply))
    assert "Every 2 weeks on Tuesday at 3:00 PM, Central Time" in text
    assert "Tue 3 Mar, 3:00 PM CST\n• Tue 17 Mar, 3:00 PM CDT\n• Tue 31 Mar, 3:00 PM CDT" in text
    # drafted without a start: the runs count from now, as the job made from it will
    del biweekly["start_at"]
    text = card_text(_as_message(cards.confirmation_card(draft(schedule=biweekly), now=NOW)))
    assert "Every 2 weeks on Tuesday at 3:00 PM" in text


def test_user_text_cannot_ping_or_break_the_layout() -> None:
    reply = cards.confirmation_card(draft(goal="tell <!channel> & *everyone* <@U0BOSS>"), now=NOW)
    text = card_text(_as_message(reply))
    assert "<!channel>" not in text and "<@U0BOSS>" not in text
    assert "tell &lt;!channel&gt; &amp; *everyone* &lt;@U0BOSS&gt;" in text
    assert "<!channel>" not in reply.text


def test_low_confidence_asks_the_user_to_check() -> None:
    sure = card_text(_as_message(cards.confirmation_card(draft(), now=NOW)))
    unsure = card_text(_as_message(cards.confirmation_card(draft(confidence=0.4), now=NOW)))
    assert "Schedule this?" in sure and "not sure" not in sure
    assert "Did I get this right?" in unsure and "I am not sure" in unsure


def test_the_create_button_carries_the_draft() -> None:
    value = draft()
    reply = cards.confirmation_card(value, now=NOW)
    [actions] = [b for b in reply.blocks if b["type"] == "actions"]
    create, try_it, edit, cancel = actions["elements"]
    assert Draft.from_value(create["value"]) == value
    assert create["style"] == "primary"
    assert Draft.from_value(try_it["value"]) == value
    assert try_it["action_id"] == cards.TRY
    assert Draft.from_value(edit["value"]) == value
    assert cancel["action_id"] == cards.CANCEL


def test_a_list_says_how_many_more_there_are() -> None:
    rows = [job(id=f"job_{i:06d}") for i in range(cards.LIST_LIMIT)]
    reply = cards.job_list(rows, total=23, zone="America/New_York", now=NOW, status=None)
    text = card_text(_as_message(reply))
    assert "Your 23 jobs" in text and "and 3 more" in text
    assert "next Tue 3 Mar, 1:30 AM EST · to <#C0OPS123>" in text
    assert len(reply.blocks) <= 50  # Slack's limit per message


def test_a_paused_job_in_the_list() -> None:
    reply = cards.job_list(
        [job(status="paused", next_run_at=None)], total=1, zone="UTC", now=NOW, status="paused"
    )
    text = card_text(_as_message(reply))
    assert "Your 1 paused job" in text and "· paused" in text


def test_history_shows_outcome_time_trigger_duration_and_error() -> None:
    started = datetime(2026, 3, 2, 6, 30, 1, tzinfo=UTC)
    runs = [
        {
            "status": "failed",
            "trigger": "schedule",
            "scheduled_for": datetime(2026, 3, 2, 6, 30, tzinfo=UTC),
            "started_at": started,
            "completed_at": started + timedelta(seconds=2.5),
            "created_at": started,
            "error": "the model\nsaid no " + "x" * 400,
        },
        {
            "status": "queued",
            "trigger": "manual",
            "scheduled_for": NOW,
            "started_at": None,
            "completed_at": None,
            "created_at": NOW,
            "error": None,
        },
    ]
    reply = cards.history_card(job(), runs, total=12, zone="America/New_York", now=NOW)
    text = card_text(_as_message(reply))
    assert ":x: failed · Mon 2 Mar, 1:30 AM EST · schedule · 2.5 s" in text
    assert "↳ the model said no xxx" in text and "x" * 300 not in text
    assert ":clock3: queued · Mon 2 Mar, 8:00 AM EST · manual" in text
    assert "last 2 of 12" in text


def _as_message(reply: cards.Reply) -> dict[str, Any]:
    return {"text": reply.text, "blocks": reply.blocks}


def _dry_run(output: str) -> dict[str, Any]:
    return {
        "ok": True,
        "skipped": False,
        "output": output,
        "data": {},
        "error": None,
        "condition": {"expression": "x > 1", "met": True, "error": None},
        "would_deliver_to": ["slack:C0OPS", "webhook:https://example.com/h"],
        "tool_calls": [],
        "usage": {"total_tokens": 1200, "cost_usd": 0.0003, "priced": True, "estimated": False},
    }


def every_card() -> list[tuple[str, Any]]:
    """One of each thing the app draws, with hostile and long text where a person's goes."""
    long_goal = "check <!channel> & *all* the status pages " * 200
    run = {
        "id": "run_1",
        "status": "failed",
        "trigger": "schedule",
        "created_at": NOW,
        "started_at": NOW,
        "completed_at": NOW + timedelta(seconds=3),
        "scheduled_for": NOW,
        "error": "boom " * 100,
    }
    return [
        ("confirmation", cards.confirmation_card(draft(), now=NOW)),
        ("unsure", cards.confirmation_card(draft(confidence=0.3), now=NOW, warning="invite me")),
        ("long goal", cards.confirmation_card(draft(goal=long_goal), now=NOW, value="{}")),
        ("created", cards.created_card(job(), zone="UTC", now=NOW)),
        (
            "created, cannot run",
            cards.created_card(
                job(), zone="UTC", now=NOW, warnings=[{"field": "action", "reason": "x" * 500}]
            ),
        ),
        (
            "list",
            cards.job_list(
                [job(), job(status="paused")], total=30, zone="UTC", now=NOW, status=None
            ),
        ),
        ("history", cards.history_card(job(), [run] * 10, total=12, zone="UTC", now=NOW)),
        ("delete", cards.delete_prompt(job(), zone="UTC", now=NOW)),
        ("help", cards.help_card()),
        ("try it", cards.dry_run_card("x" * 300, _dry_run(long_goal))),
        (
            "try it failed",
            cards.dry_run_card("n", {**_dry_run(""), "ok": False, "error": "e" * 5000}),
        ),
        ("cannot read", cards.cannot_read("x " * 2000, suggestion="y")),
        ("edit", cards.edit_modal(draft(), metadata="{}")),
        ("edit long", cards.edit_modal(draft(goal=long_goal, channel="U0ALICE"), metadata="{}")),
    ]


@pytest.mark.parametrize(("name", "card"), every_card(), ids=[n for n, _ in every_card()])
def test_every_card_validates_with_slack_sdks_models(name: str, card: Any) -> None:
    from tests.fakes.slack_server import block_problem, view_problem

    if isinstance(card, dict):
        assert view_problem(card) is None
    else:
        assert block_problem(card.blocks) is None
        assert len(card.text) <= 40_000


def test_a_job_that_cannot_run_says_so_when_it_is_created() -> None:
    warning = {
        "field": "action",
        "reason": "an agent job needs an LLM and none is configured <!channel>",
        "code": "no_llm",
    }
    made = cards.created_card(job(), zone="UTC", now=NOW, warnings=[warning])
    shown = card_text({"text": made.text, "blocks": made.blocks})
    assert ":warning: It cannot run as set up: an agent job needs an LLM and none is " in shown
    assert "<!channel>" not in shown  # escaped like everything else shown
    plain = cards.created_card(job(), zone="UTC", now=NOW)
    assert ":warning:" not in card_text({"text": plain.text, "blocks": plain.blocks})
