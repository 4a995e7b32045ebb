"""Reminder bots' commands: a slash command, a "!" before or after the command's name, a
mention of the bot; a bare amount of time right after the command is "in" that long; the
target and the task come out as from "remind me … to …". Variants of the family, invented."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.parsers import split_command, understand_fast
from agentcron.parsers.botcommand import dashed_options, labelled_interval, plain_command
from agentcron.parsers.tokens import tokenize

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


def _at(delta: timedelta) -> str:
    return (NOW + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("/remindme 45m stretch your legs", "remind me in 45m stretch your legs"),
        ("RemindMe! 4 hours", "remind me in 4 hours"),
        ("Remind me! 10 minutes", "remind me in 10 minutes"),
        ("?remind #ops 2h deploy window opens", "remind #ops in 2h deploy window opens"),
        ("t!remind 3days, water the ferns", "in 3days, water the ferns"),
        ("u/RemindMeBot 6 hours", "remind me in 6 hours"),
        ("hey u/remindmebot remindme! 2 weeks", "remind me in 2 weeks"),
        ("@remind here in 2 hours to rotate the keys", "remind here in 2 hours to rotate the keys"),
        ("/timer 40m pasta", "in 40m pasta"),
        ("/daily 07:30 stretch", "daily 07:30 stretch"),
        ("/task Call the plumber tomorrow at 11am", "Call the plumber tomorrow at 11am"),
        ("/remindme 3 hours before the demo", "remind me 3 hours before the demo"),
        ("!remind #events @leads 20m doors open", "remind #events in 20m doors open @leads"),
        (
            "Hey Google, remind me to water the plants at 6pm",
            "remind me to water the plants at 6pm",
        ),
        ("/remind time:10m message:stir the soup", 'in 10m "stir the soup"'),
    ],
)
def test_a_bot_command_is_said_in_plain_words(text: str, plain: str) -> None:
    assert plain_command(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Remind me to call mom at 5pm!",
        "remind me 2 hours",  # a person's words: left to the grammar (which asks)
        "@daily",  # cron's macro for midnight
        "@sam standup every Monday at 9",
        "Google Calendar sync every day at 9",
    ],
)
def test_other_texts_are_left_alone(text: str) -> None:
    assert plain_command(text) == text


@pytest.mark.parametrize(
    ("text", "delta", "task", "target"),
    [
        ("/remindme 45m stretch your legs", timedelta(minutes=45), "stretch your legs", "me"),
        ("!remindme 3 days", timedelta(days=3), None, "me"),
        ('RemindMe! 4 hours "renew the cert"', timedelta(hours=4), "renew the cert", "me"),
        ("remindme! 1h15m", timedelta(minutes=75), None, "me"),
        ("?remind #ops 2h deploy window opens", timedelta(hours=2), "deploy window opens", "#ops"),
        ("t!remind 3days, water the ferns", timedelta(days=3), "water the ferns", None),
        ("u/RemindMeBot 6 hours", timedelta(hours=6), None, "me"),
        ("@OGRemindMeBot 12 hours", timedelta(hours=12), None, "me"),
        (
            '@**Reminder Bot** "Call the vet" in 15 minutes',
            timedelta(minutes=15),
            "Call the vet",
            "me",
        ),
        (
            "@remind here in 2 hours to rotate the keys",
            timedelta(hours=2),
            "rotate the keys",
            "here",
        ),
        ("/timer 40m pasta", timedelta(minutes=40), "pasta", None),
        ("/timer 2h15m", timedelta(minutes=135), None, None),
        ("$remindme 90s tea", timedelta(seconds=90), "tea", "me"),
        ("in 3w, renew the passport", timedelta(days=21), "renew the passport", None),
        ("/remindme 2d4h call back", timedelta(days=2, hours=4), "call back", "me"),
    ],
)
def test_a_bare_amount_after_the_command_is_a_delay(
    text: str, delta: timedelta, task: str | None, target: str | None
) -> None:
    answer = _read(text)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    assert schedule["type"] == "at"
    assert schedule["datetime"] == _at(delta)
    assert (answer["task"], answer["target"]) == (task, target)
    assert not answer["needs_confirmation"]


def test_a_mattermost_channel_is_the_target() -> None:
    parts = split_command("/remind ~town-square to submit timesheets every Friday at 4pm", now=NOW)
    assert parts.result.schedule is not None
    assert parts.result.schedule["expression"] == "0 16 * * 5"
    assert (parts.result.task, parts.channel) == ("submit timesheets", "~town-square")


def test_here_is_the_channel_the_command_came_from() -> None:
    parts = split_command("@remind here in 3 hours to post the recap", now=NOW)
    assert parts.result.target == "here"
    assert parts.channel is None


def test_a_frequency_command_keeps_its_word() -> None:
    answer = _read("/daily 07:30 stretch")
    assert answer["schedule"]["expression"] == "30 7 * * *"
    assert answer["task"] == "stretch"


@pytest.mark.parametrize(
    "text",
    [
        "/remindme 3 hours before the demo",  # before what? not a delay
        "!remindme 45",  # 45 what?
        "RemindMe! cancel",
        "/timer stop",
        "/remind list",
        "!remindme 2 days ago",
        "/remindme 31.12.2021 New year",  # past
    ],
)
def test_a_command_without_a_clear_time_is_refused_or_asked(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("in 2d3h", ["word", "num", "unit", "num", "unit"]),
        ("every 2w", ["word", "num", "unit"]),
        ("May 2d", ["month", "num", "word"]),  # an old ordinal, not two days
        ("due:+2d", ["word", "sym", "num", "word"]),  # a to-do app's field
    ],
)
def test_days_and_weeks_glued_to_an_amount(text: str, kinds: list[str]) -> None:
    assert [token.kind for token in tokenize(text)] == kinds


@pytest.mark.parametrize(
    ("text", "delta", "task", "target"),
    [
        # a slash command's options as chat apps show them
        (
            "/remind time:45m message:rotate the logs",
            timedelta(minutes=45),
            "rotate the logs",
            None,
        ),
        ('/remindme duration:"2h" text:"stand up"', timedelta(hours=2), "stand up", "me"),
        (
            "/remind time: 3h note: renew cert channel: #infra",
            timedelta(hours=3),
            "renew cert",
            "#infra",
        ),
        # the message in quotes names a time of its own: the message's, not the schedule's
        (
            '/remind message:"standup at 10" time:in 5 minutes',
            timedelta(minutes=5),
            "standup at 10",
            None,
        ),
        # Telegram's command with the bot's name, a bot's subcommand
        ("/remindme@HelperBot 40m check the oven", timedelta(minutes=40), "check the oven", "me"),
        ("/reminder add 3h review the PR", timedelta(hours=3), "review the PR", None),
        ("/remind new 20m call back", timedelta(minutes=20), "call back", None),
        # an assistant's name before the request, and its timers
        (
            "Alexa, remind me in 25 minutes to flip the steaks",
            timedelta(minutes=25),
            "flip the steaks",
            "me",
        ),
        ("Hey Siri remind me in 2 hours to move the car", timedelta(hours=2), "move the car", "me"),
        ("OK Google, set a timer for 12 minutes", timedelta(minutes=12), None, None),
        ("Alexa, start a 15-minute timer for the rice", timedelta(minutes=15), "the rice", None),
    ],
)
def test_options_mentions_and_assistants(
    text: str, delta: timedelta, task: str | None, target: str | None
) -> None:
    answer = _read(text)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    assert schedule["datetime"] == _at(delta)
    assert (answer["task"], answer["target"]) == (task, target)


@pytest.mark.parametrize(
    ("text", "expression", "task"),
    [
        ('/remind #team "Retro at 3pm" every other Friday at 2pm', None, "Retro at 3pm"),
        (
            '/remind me "call at 10 with Bob" every Monday at 9am',
            "0 9 * * 1",
            "call at 10 with Bob",
        ),
        ("Hey Google, remind me every weekday at 8am to check email", "0 8 * * 1-5", "check email"),
        ("/remind time:9pm repeat:daily message:take meds", "0 21 * * *", "take meds"),
    ],
)
def test_a_quoted_or_named_message_keeps_its_own_times(
    text: str, expression: str | None, task: str
) -> None:
    answer = _read(text)
    schedule = answer["schedule"]
    assert schedule is not None, answer["reason"]
    if expression is None:
        assert schedule["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=14")
    else:
        assert schedule["expression"] == expression
    assert answer["task"] == task


@pytest.mark.parametrize(
    "text",
    [
        'Schedule "every Monday at 9am"',  # the quotes hold the schedule itself
        "Google Calendar sync every day at 9",  # a name, not an assistant called
    ],
)
def test_quotes_and_names_that_are_not_a_message_or_a_wake_word(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None
    assert (
        answer["schedule"]["expression"] == "0 9 * * *" or "1" in answer["schedule"]["expression"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Alexa, remind me to water the plants",  # no time
        "Hey Siri, set a timer",
        "/remind time: message:call mom",
        'OK Google, remind me "at 5" to call',  # the only time is in the quotes
    ],
)
def test_assistant_requests_without_a_time_are_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("hubot remind me at 4pm to deploy", "deploy"),
        ("@helper remind me at 4pm to deploy", "deploy"),
        ("Marvin, remind me at 4pm to deploy", "deploy"),
        ("remindme!3 hours", None),
    ],
)
def test_a_bot_called_by_its_name(text: str, task: str | None) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None, answer["reason"]
    assert (answer["task"], answer["target"]) == (task, "me")


def test_a_time_word_with_a_comma_is_not_a_name() -> None:
    assert plain_command("Tomorrow, remind me to call Sam at 5pm").startswith("Tomorrow")


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Submit the report every friday 4pm #Work p2", "0 16 * * 5"),
        ("Stretch every day at 11am @health !!3", "0 11 * * *"),
        ("Invoice clients on the 1st of every month at 10am #Billing !high", "0 10 1 * *"),
        ("every weekday at 9am #Work @focus", "0 9 * * 1-5"),
    ],
)
def test_quick_add_priorities_and_tags_say_nothing_about_time(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"], answer["notes"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("remind me to log hours at 5pm every week day, not on weekends", "0 17 * * 1-5"),
        ("/remind #ops to check backups every day at 8am but not Sundays", "0 8 * * 1-6"),
        ("water the plants daily at 7am, not on Saturdays", "0 7 * * 0-5"),
    ],
)
def test_days_left_out_after_the_schedule(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression


def test_a_not_before_the_schedule_still_asks() -> None:
    answer = _read("not on Mondays, every day at 9")
    assert answer["schedule"] is None or answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("/remind 24.12.2026 18:00 wrap the presents", "2026-12-24T18:00:00Z"),
        ("/remindme 3.4.2026 9am dentist", "2026-04-03T09:00:00Z"),
    ],
)
def test_a_dotted_date_with_its_year_is_day_month_year(text: str, when: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == when


def test_a_dotted_date_that_cannot_be_day_month_is_refused() -> None:
    assert _read("/remind 12.25.2026 10:00 gifts")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # a reminder command's name with a verb joined on, after a sign
        ("!setreminder 2h water the ferns", "in 2h water the ferns"),
        ("!set_reminder 25 min", "in 25 min"),
        ("/addreminder 3 days renew the domain", "in 3 days renew the domain"),
        ("!remindonce 90m move the car", "in 90m move the car"),
        ("!new_timer 15m tea", "in 15m tea"),
        # IRC bots' ".in" and ".at"
        (".in 3h30m Pick up the kids", 'in 3h30m "Pick up the kids"'),
        ("!at 18:45 feed the cat", "at 18:45 feed the cat"),
        # "/schedule_message", "/remind_once": a word joined onto a command's name
        ("/schedule_message time: in 2 hours message: Lunch!", 'in 2 hours "Lunch!"'),
    ],
)
def test_joined_names_and_irc_commands(text: str, plain: str) -> None:
    assert plain_command(text) == plain


@pytest.mark.parametrize(
    "text",
    ["setreminder 2h water the ferns", ".in the morning we meet", "in 2h water the ferns"],
)
def test_not_joined_commands(text: str) -> None:
    assert plain_command(text) == text


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("I need a timer for 12 minutes", 12),
        ("I need a reminder to set a timer for 8 minutes", 8),
        ("remind me to start a 20 minute timer", 20),
    ],
)
def test_a_timer_asked_for(text: str, minutes: int) -> None:
    answer = _read(text)
    assert answer["schedule"] == {
        "type": "at",
        "datetime": _at(timedelta(minutes=minutes)),
        "timezone": "UTC",
    }


@pytest.mark.parametrize(
    ("text", "minutes", "task"),
    [
        # a frequency in a bot's message names a thing: the message's, not a second schedule
        ("/remind me in 2 hours, 15 minutes file the weekly report", 135, "file the weekly report"),
        ("!remind 45m send the daily digest", 45, "send the daily digest"),
    ],
)
def test_a_named_frequency_in_the_message(text: str, minutes: int, task: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == _at(timedelta(minutes=minutes))
    assert answer["task"] == task


def test_a_greeting_day_in_a_quoted_message_is_the_message() -> None:
    answer = _read("/schedule_message message: Happy Monday team! time: tomorrow at 9am")
    assert answer["schedule"] == {
        "type": "at",
        "datetime": "2026-03-05T09:00:00Z",
        "timezone": "UTC",
    }
    assert answer["task"] == "Happy Monday team!"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # an option's amount, then the message ("/loop --every 5m run the test suite")
        ("--every 10m poll the queue", 'every 10m "poll the queue"'),
        # a date to start from and how often
        ('--time "2027-05-01 07:00" --repeat weekly', "weekly starting 2027-05-01 07:00"),
    ],
)
def test_dashed_options_split_and_start(text: str, said: str) -> None:
    assert dashed_options(text) == said


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("/loop 15m check the deploy", "every 15m check the deploy"),
        ("!repeat 2h drink water", "every 2h drink water"),
        ("/loop status", "/loop status"),  # no amount: not a schedule of its own
        # a bot's subcommand for one run or many before the amount
        ("/schedule create once 2h Backups paused", 'in 2h "Backups paused"'),
        ("/schedule create recurring 3h Drink water", 'every 3h "Drink water"'),
    ],
)
def test_a_loop_command_is_every(text: str, plain: str) -> None:
    assert plain_command(text) == plain


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("sync interval=15m target=prod", "sync every 15m target=prod"),
        ("interval: 2h", "every 2h"),
        ("- every: '30m'", "- every 30m"),
        ("tool add --interval=45m", "tool add every 45m"),
    ],
)
def test_a_key_for_how_often(text: str, said: str) -> None:
    assert labelled_interval(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "https://api.example.com/chart?interval=5m&range=1d",  # a web address's query
        "the interval: 30m is too short",  # a key with ":" counts only first
    ],
)
def test_not_a_key_for_how_often(text: str) -> None:
    assert labelled_interval(text) is None
