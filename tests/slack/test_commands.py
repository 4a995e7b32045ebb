"""The /schedule grammar, as a Slack user meets it: signed slash commands through the ASGI app,
answers read from the fake Slack's response_url. The clock is frozen at Monday 2 March 2026,
13:00 UTC (8:00 in New York, the fake's default user zone)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.app.slack.commands import Caller, plain_text, read_command
from agentcron.app.storage.jobs import JobQuery
from tests.slack.conftest import ALICE, CHANNEL, TEAM, SlackUser, buttons, card_text

OWNER = f"slack:{TEAM}:{ALICE}"


async def schedule(user: SlackUser, text: str, **kwargs: Any) -> dict[str, Any]:
    """Type the command and click Create; the created job."""
    card = await user.command(text, **kwargs)
    ident = await user.click(buttons(card)["Create"], channel=kwargs.get("channel", CHANNEL))
    [answer] = user.fake.responses(ident)
    assert answer["replace_original"] is True, card_text(answer)
    match = re.search(r"job_[a-z0-9]+", card_text(answer))
    assert match is not None, card_text(answer)
    owner = f"slack:{user.team_id}:{user.user_id}"
    job = await user.slack.rt.jobs.get(owner, match.group())
    assert job is not None
    return job


# -- reading commands (pure) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb", "argument"),
    [
        ("", "help", ""),
        ("   ", "help", ""),
        ("help", "help", ""),
        ("LIST", "list", ""),
        ("list paused", "list", "paused"),
        ("pause  job_abc123", "pause", "job_abc123"),
        ("Run the backups every night at 2am", "run", "the backups every night at 2am"),
        ("every day at 9am water the plants", "schedule", "every day at 9am water the plants"),
        ("remind me tomorrow at 3pm", "schedule", "remind me tomorrow at 3pm"),
    ],
)
def test_read_command(text: str, verb: str, argument: str) -> None:
    command = read_command(text)
    assert (command.verb, command.argument) == (verb, argument)


@pytest.mark.parametrize(
    ("slack", "plain"),
    [
        ("check <https://status.example.com|the status page>", "check https://status.example.com"),
        ("check <https://status.example.com>", "check https://status.example.com"),
        ("mail <mailto:ops@example.com|ops@example.com>", "mail ops@example.com"),
        ("tell <!here> about P&amp;L &lt;3", "tell @here about P&L <3"),
        ("post to <#C0123ABC|ops>", "post to <#C0123ABC|ops>"),  # the parser reads channels
    ],
)
def test_plain_text(slack: str, plain: str) -> None:
    assert plain_text(slack) == plain


@pytest.mark.parametrize(
    ("channel", "delivered_to"),
    [("C0GENERAL", "C0GENERAL"), ("G0PRIVATE", "G0PRIVATE"), ("D0DIRECT", ALICE), (None, ALICE)],
)
def test_results_go_where_the_command_was_typed(channel: str | None, delivered_to: str) -> None:
    caller = Caller(TEAM, ALICE, channel, "UTC")
    assert caller.default_channel == delivered_to
    assert caller.owner == "slack:T0TEAM:U0ALICE"


# -- scheduling --------------------------------------------------------------------------------


async def test_a_schedule_gets_a_confirmation_card(alice: SlackUser) -> None:
    card = await alice.command("every weekday at 9am summarize yesterday's incidents")
    text = card_text(card)
    assert "Schedule this?" in text
    assert "At 09:00 AM, Monday through Friday, Eastern Time" in text
    assert "summarize yesterday's incidents" in text
    assert f"<#{CHANNEL}>" in text  # the channel it was typed in
    # the next three runs, in the user's zone (New York, from users.info)
    assert "Mon 2 Mar, 9:00 AM EST\n• Tue 3 Mar, 9:00 AM EST\n• Wed 4 Mar, 9:00 AM EST" in text
    assert set(buttons(card)) == {"Create", "Try it", "Edit", "Cancel"}
    # nothing exists until Create is clicked
    assert await alice.slack.rt.jobs.list(OWNER, JobQuery()) == ([], 0)


async def test_the_users_zone_is_the_default_and_a_named_zone_wins(alice: SlackUser) -> None:
    alice.fake.add_user(ALICE, tz="Asia/Tokyo")
    card = await alice.command("every day at 9am stretch")
    assert "At 09:00 AM, Tokyo time" in card_text(card)
    assert "Tue 3 Mar, 9:00 AM JST" in card_text(card)  # 9am Tokyo has passed on Monday

    card = await alice.command("every day at 9am Pacific stretch")
    text = card_text(card)
    assert "Pacific Time" in text
    assert "Tue 3 Mar, 2:00 AM JST" in text  # 9am PST is 2am the next day in Tokyo
    # users.info was asked once: the zone is remembered
    assert [m for m, _ in alice.fake.calls].count("users.info") == 1


async def test_a_named_channel_receives_the_results(alice: SlackUser) -> None:
    card = await alice.command("every monday at 9 post the on-call handover to <#C0OPS123|ops>")
    text = card_text(card)
    assert "<#C0OPS123>" in text
    assert "post the on-call handover" in text
    assert "I read “every monday at 9am”" in text  # the bare 9 was read as 9am, and says so
    assert "Mon 9 Mar, 9:00 AM EDT" in text  # New York moves to summer time on 8 March


async def test_create_makes_the_job_for_the_person_who_asked(alice: SlackUser) -> None:
    alice.fake.add_channel("C0OPS1234", "ops", members={ALICE})
    card = await alice.command("every weekday at 9am summarize yesterday's incidents in #ops")
    assert "<#C0OPS1234>" in card_text(card)  # typed by name, found by its id
    ident = await alice.click(buttons(card)["Create"])
    [answer] = alice.fake.responses(ident)
    assert answer["replace_original"] is True  # the card's buttons are gone
    assert "Scheduled" in card_text(answer)
    rows, total = await alice.slack.rt.jobs.list(OWNER, JobQuery())
    assert total == 1
    job = rows[0]
    assert job["id"] in card_text(answer)
    assert job["goal"] == "summarize yesterday's incidents"
    assert job["schedule"] == {
        "type": "cron",
        "expression": "0 9 * * 1-5",
        "timezone": "America/New_York",
    }
    assert job["delivery"]["channel"] == "slack:C0OPS1234"
    assert job["delivery"]["failures_to"] == f"slack:{ALICE}"
    assert job["action"] == {"type": "agent"}
    assert job["status"] == "active"
    assert job["next_run_at"] == datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    assert job["created_by"] == OWNER
    assert "slack" in job["tags"]


async def test_a_double_click_creates_one_job(alice: SlackUser) -> None:
    card = await alice.command("every day at 6pm log off")
    first = await alice.click(buttons(card)["Create"])
    second = await alice.click(buttons(card)["Create"])
    ids = [card_text(alice.fake.responses(i)[0]) for i in (first, second)]
    assert ids[0] == ids[1]
    assert (await alice.slack.rt.jobs.list(OWNER, JobQuery()))[1] == 1


async def test_a_time_that_passed_before_the_click_creates_nothing(alice: SlackUser) -> None:
    card = await alice.command("in 10 minutes check the deploy")
    alice.slack.rt.clock.advance(3600)  # type: ignore[attr-defined]
    ident = await alice.click(buttons(card)["Create"])
    [answer] = alice.fake.responses(ident)
    assert "already passed" in card_text(answer)
    assert answer["replace_original"] is False  # the card stays
    assert (await alice.slack.rt.jobs.list(OWNER, JobQuery()))[1] == 0


async def test_cancel_replaces_the_card(alice: SlackUser) -> None:
    card = await alice.command("every day at 6pm log off")
    ident = await alice.click(buttons(card)["Cancel"])
    [answer] = alice.fake.responses(ident)
    assert answer["replace_original"] is True
    assert "Nothing was scheduled" in card_text(answer)
    assert (await alice.slack.rt.jobs.list(OWNER, JobQuery()))[1] == 0


async def test_an_ambiguous_time_is_a_guess_the_card_asks_about(alice: SlackUser) -> None:
    reply = await alice.command("at 5 call the bank")
    text = card_text(reply)
    assert "Did I get this right?" in text
    assert "5pm" in text


async def test_text_without_a_schedule_asks_for_one(alice: SlackUser) -> None:
    reply = await alice.command("summarize the incidents")
    assert "could not tell when" in card_text(reply)
    assert buttons(reply) == {}


async def test_skipping_holidays_is_refused_not_dropped(alice: SlackUser) -> None:
    # a draft carries a schedule, not exclusions: a job that ran on holidays would be wrong
    reply = await alice.command("every weekday at 9am except holidays check the build")
    text = card_text(reply)
    assert "skipping holidays cannot be set from Slack yet" in text
    assert buttons(reply) == {}


async def test_a_schedule_without_a_goal_asks_what_to_do(alice: SlackUser) -> None:
    reply = await alice.command("every day at 9am")
    assert "What should I do every day at 9am?" in card_text(reply)
    assert buttons(reply) == {}


async def test_a_verb_that_names_no_job_is_read_as_a_schedule(alice: SlackUser) -> None:
    card = await alice.command("run the backups every night at 2am")
    text = card_text(card)
    assert "run the backups" in text
    assert "Create" in buttons(card)


async def test_the_longest_goal_a_command_can_carry_fits_in_the_button(alice: SlackUser) -> None:
    goal = "summarize " + "the incidents and " * 26  # ~480 characters, fine for the parser
    reply = await alice.command(f"every day at 9am {goal}")
    assert "Create" in buttons(reply)
    value = buttons(reply)["Create"]["value"]
    assert len(value) <= 2000
    assert json.loads(value)["goal"].startswith("summarize")


# -- managing jobs -----------------------------------------------------------------------------


async def test_list_shows_only_my_jobs_with_next_run_and_status(alice: SlackUser) -> None:
    await schedule(alice, "every day at 9am water the plants")
    await schedule(alice, "every friday at 4pm write the weekly notes")
    bob = alice.as_user("U0BOBBY1")
    await schedule(bob, "every day at 7am feed the cat")

    text = card_text(await alice.command("list"))
    assert "Your 2 jobs" in text
    assert "water the plants" in text and "write the weekly notes" in text
    assert "feed the cat" not in text
    assert "next Mon 2 Mar, 9:00 AM EST" in text
    assert "next Fri 6 Mar, 4:00 PM EST" in text
    assert text.index("water the plants") < text.index("weekly notes")  # soonest first

    assert "feed the cat" in card_text(await bob.command("list"))


async def test_list_with_no_jobs_says_how_to_make_one(alice: SlackUser) -> None:
    text = card_text(await alice.command("list"))
    assert "You have no scheduled jobs" in text
    assert "/schedule every weekday" in text


async def test_pause_and_resume_by_name(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    text = card_text(await alice.command("pause plants"))
    assert "Paused" in text and job["id"] in text
    assert (await alice.slack.rt.jobs.get(OWNER, job["id"]))["status"] == "paused"
    assert "paused" in card_text(await alice.command("list paused"))
    assert "no active" in card_text(await alice.command("list active"))

    text = card_text(await alice.command(f"resume {job['id']}"))
    assert "active" in text and "Mon 2 Mar, 9:00 AM EST" in text
    row = await alice.slack.rt.jobs.get(OWNER, job["id"])
    assert row["status"] == "active"
    assert row["next_run_at"] == datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


async def test_someone_elses_job_is_not_found(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    bob = alice.as_user("U0BOBBY1")
    text = card_text(await bob.command(f"pause {job['id']}"))
    assert f"You have no job `{job['id']}`" in text
    assert (await alice.slack.rt.jobs.get(OWNER, job["id"]))["status"] == "active"
    assert "no job matching" in card_text(await bob.command("delete plants"))


async def test_an_ambiguous_name_asks_which_job(alice: SlackUser) -> None:
    first = await schedule(alice, "every day at 9am water the plants")
    second = await schedule(alice, "every day at 6pm water the garden")
    text = card_text(await alice.command("pause water"))
    assert "matches 2 of your jobs" in text
    assert first["id"] in text and second["id"] in text
    assert "Paused" not in text
    # an exact name is not ambiguous
    assert "Paused" in card_text(await alice.command("pause water the plants"))


async def test_a_verb_without_a_job_asks_which(alice: SlackUser) -> None:
    assert "Which job?" in card_text(await alice.command("pause"))


async def test_run_queues_a_manual_run(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    text = card_text(await alice.command("run plants"))
    assert "Running" in text and f"<#{CHANNEL}>" in text
    runs, total = await alice.slack.rt.runs.list_for_job(
        OWNER, job["id"], status=None, limit=10, offset=0
    )
    assert total == 1
    assert runs[0]["trigger"] == "manual" and runs[0]["status"] == "queued"
    assert runs[0]["id"] in text


async def test_history_lists_the_last_runs(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    assert "has not run yet" in card_text(await alice.command("history plants"))
    await alice.command("run plants")
    text = card_text(await alice.command(f"history {job['id']}"))
    assert "queued" in text and "manual" in text and "Mon 2 Mar, 8:00 AM EST" in text


async def test_delete_asks_first_then_deletes(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    prompt = await alice.command("delete plants")
    assert "Delete" in card_text(prompt) and "history is kept" in card_text(prompt)
    assert (await alice.slack.rt.jobs.get(OWNER, job["id"])) is not None  # not yet

    ident = await alice.click(buttons(prompt)["Delete"])
    [answer] = alice.fake.responses(ident)
    assert answer["replace_original"] is True
    assert "Deleted" in card_text(answer)
    assert await alice.slack.rt.jobs.get(OWNER, job["id"]) is None
    assert "You have no scheduled jobs" in card_text(await alice.command("list"))


async def test_keep_it_deletes_nothing(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    prompt = await alice.command("delete plants")
    ident = await alice.click(buttons(prompt)["Keep it"])
    assert "nothing was deleted" in card_text(alice.fake.responses(ident)[0])
    assert await alice.slack.rt.jobs.get(OWNER, job["id"]) is not None


async def test_someone_else_cannot_click_delete_on_my_job(alice: SlackUser) -> None:
    job = await schedule(alice, "every day at 9am water the plants")
    prompt = await alice.command("delete plants")
    bob = alice.as_user("U0BOBBY1")
    ident = await bob.click(buttons(prompt)["Delete"])
    assert "You have no job" in card_text(alice.fake.responses(ident)[0])
    assert await alice.slack.rt.jobs.get(OWNER, job["id"]) is not None


@pytest.mark.parametrize("text", ["", "help", "help please"])
async def test_help(alice: SlackUser, text: str) -> None:
    reply = card_text(await alice.command(text))
    for words in ("/schedule list", "pause <job>", "history <job>", "delete <job>", "#ops"):
        assert words.replace("<", "&lt;").replace(">", "&gt;") in reply or words in reply


async def test_another_command_name_works_too(alice: SlackUser) -> None:
    reply = await alice.command("list", command="/agentcron")
    assert "no scheduled jobs" in card_text(reply)


async def test_a_command_is_activity_and_teaches_the_owners_zone(alice: SlackUser) -> None:
    from sqlalchemy import select

    from agentcron.app.storage.activity import recorder
    from agentcron.app.storage.tables import activity, owners

    rt = alice.slack.rt
    await alice.command("list")
    await recorder(rt).flush(now=rt.clock.now())
    kinds = await rt.db.read(
        lambda conn: conn.execute(select(activity.c.kind).where(activity.c.owner == OWNER)).all()
    )
    assert [k for (k,) in kinds] == ["slack_command"]
    zone = await rt.db.read(
        lambda conn: conn.execute(select(owners.c.timezone).where(owners.c.id == OWNER)).scalar()
    )
    assert zone  # the user's Slack zone (users.info)
