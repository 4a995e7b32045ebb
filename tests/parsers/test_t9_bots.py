"""Round nine (bots9): short forms and chat commands — a 24-hour hour with a stray am/pm
("23pm"), the British "Friday week", short day names in the plural ("every mons"), "@" before a
date ("@dec 20 at 3pm"), a cron job at a time of day (every day), dates inside a reminder's
message ("… that my bill is due on the 15th"), Slack's /remind with its time last, and edits
of a job that exists ("move the Tues meeting to 9:00 AM PT"). Variants of each family,
invented."""

from __future__ import annotations

import pytest

from agentcron.parsers.botcommand import bare_amount, plain_command
from agentcron.parsers.task_part import message_clause

from .reading import asks, cron, read

# -- an hour past 12 with am/pm -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 23pm", "0 23 * * *"),
        ("backup nightly at 22pm", "0 22 * * *"),
        ("every Thursday at 17:00 AM", "0 17 * * 4"),
        ("every Monday 13:30 PM", "30 13 * * 1"),
    ],
)
def test_an_hour_past_12_with_am_or_pm_is_that_hour_asked(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert asks(text)


def test_a_window_on_the_24_hour_clock_with_a_stray_am_starts_at_its_hour() -> None:
    answer = read("every Thursday at 17:00 - 17:30 AM CET")
    assert answer["schedule"]["expression"] == "0 17 * * 4"


def test_12pm_and_0am_keep_their_meaning() -> None:
    assert cron("every day at 12pm") == "0 12 * * *"
    assert cron("every day at 12am") == "0 0 * * *"


# -- "Friday week", plural short names, "@" before a date ---------------------------------------


@pytest.mark.parametrize("text", ["alarm friday week 5pm", "dinner friday week", "tuesday week"])
def test_a_day_and_week_after_it_is_a_week_from_that_day_asked(text: str) -> None:
    answer = read(text)
    assert answer["schedule"]["type"] == "at"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every mons 10am", "0 10 * * 1"), ("yoga fris 7am", "0 7 * * 5")],
)
def test_short_day_names_in_the_plural_repeat(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("@dec 20 at 3pm", "2026-12-20T15:00:00Z"),
        ("party @dec 31 at 9pm", "2026-12-31T21:00:00Z"),
        ("drinks @friday 5pm", "2026-01-16T17:00:00Z"),
        ("drinks @Fri. 5pm", "2026-01-16T17:00:00Z"),
    ],
)
def test_a_date_after_at_sign_is_the_date_not_a_mention(text: str, when: str) -> None:
    assert read(text)["schedule"]["datetime"] == when


def test_a_mention_is_still_a_mention() -> None:
    assert read("remind @maria at 5pm to call the bank")["target"] == "@maria"


@pytest.mark.parametrize(
    ("text", "expression"),
    [("@every day at 1:30", "30 1 * * *"), ("@every monday 9am", "0 9 * * 1")],
)
def test_at_every_before_days(text: str, expression: str) -> None:
    assert cron(text) == expression


# -- a cron job at a time of day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("schedule cronjob at 6:00am.", "0 6 * * *"),
        ("set up a cron job at 2am to clear the cache", "0 2 * * *"),
        ("add a crontab at midnight", "0 0 * * *"),
    ],
)
def test_a_cron_job_at_a_time_runs_every_day_asked(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert asks(text)


def test_a_cron_job_on_a_day_keeps_the_day() -> None:
    answer = read("the cron job will run on Friday at 3pm")
    assert answer["schedule"]["type"] == "at"


# -- dates inside a reminder's message ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            "on the 11th of every month that my bill is due on the 15th",
            ("on the 11th of every month", "my bill is due on the 15th", True),
        ),
        (
            "on the 25th of every month to pay the bill due on the 28th",
            ("on the 25th of every month", "pay the bill due on the 28th", True),
        ),
        ("at 9am to check the 10am deploy", ("at 9am", "check the 10am deploy", True)),
        ("at 5pm that the report is due tomorrow", ("at 5pm", "the report is due tomorrow", False)),
    ],
)
def test_a_message_that_names_a_date_of_its_own(text: str, split: tuple[str, str, bool]) -> None:
    assert message_clause(text) == split


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow to call mom at 5pm",  # the day and the time make one run
        "tomorrow to call mom or friday",  # an action's day, maybe a second run
        "every Monday to Friday at 9am",  # a range of days
        "every day at about 5pm",
        "every day at 9 to the office",
        "to pay the bill due on the 28th",  # nothing before the message
        "the first Saturday that follows the first Sunday",  # no schedule before "that"
    ],
)
def test_no_message_of_its_own(text: str) -> None:
    assert message_clause(text) is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Remind me on the 1st of every month that rent is due on the 5th", "0 9 1 * *"),
        ("remind me every year on Dec 1 that the domain expires on Dec 31", "0 9 1 12 *"),
        ("remind me every day at 7pm that the pills are due at 8pm", "0 19 * * *"),
        ("Remind me every Monday at 9am that reports are due on Wednesday", "0 9 * * 1"),
    ],
)
def test_the_reminders_date_is_not_merged_with_the_messages(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_slacks_remind_says_when_last() -> None:
    text = (
        "/remind #general Hi all, the retro is Friday at 3pm. Notes please. at 10am every Thursday"
    )
    answer = read(text)
    assert answer["schedule"]["expression"] == "0 10 * * 4"
    assert answer["needs_confirmation"]
    assert "Friday at 3pm" in answer["task"]


# -- edits of a job that exists --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "move the Tues meeting to 9:00 AM PT",
        "Moved the standup bot trigger timing back to 1:30am UTC",
        "update crons to run at 15:30 for testing",
        "Change trash pickup back to Friday mornings if we can get that",
        "push the weekly sync to Thursday",
        "update the meeting from 10am to 2pm",
    ],
)
def test_a_change_of_something_that_exists_is_refused(text: str) -> None:
    assert read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Update workflow to run on 1pm UTC every day", "0 13 * * *"),  # a whole schedule
        ("update dependencies every Monday at 6am", "0 6 * * 1"),
        ("remind me to move the bins to the curb every Sunday at 8pm", "0 20 * * 0"),
    ],
)
def test_a_task_with_a_verb_of_change_is_still_a_request(text: str, expression: str) -> None:
    assert cron(text) == expression


# -- bare numbers in bots' commands ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("/timer1 0 20 /ame is AWAY!", 'every 20 seconds "/ame is AWAY!"'),
        ("/timer5 10 60 /msg #games hi", 'every 60 seconds 10 times "/msg #games hi"'),
        ("/timer2 1 90 /say hi", 'in 90 seconds "/say hi"'),
        ("/timer hb repeat 600 /me is still here", 'every 600 seconds "/me is still here"'),
        (
            "/timer remind 1800 /me standup in 30 minutes",
            'in 1800 seconds "/me standup in 30 minutes"',
        ),
        ("scheduler remind 3600 Hello World", 'in 3600 seconds "Hello World"'),
        ("scheduler repeat cpu 600 status cpu", 'every 600 seconds "status cpu"'),
        ("!notices add 300 !command1", 'every 300 seconds "!command1"'),
        ("!interval 3600", "every 3600 seconds"),
    ],
)
def test_irc_timers_and_bots_count_seconds(text: str, said: str) -> None:
    assert bare_amount(text) == (said, None)


def test_a_bots_bare_interval_is_minutes_below_300_asked() -> None:
    said, note = bare_amount("!MyBot schedule add interval 60 #general Take a break!") or ("", None)
    assert said == "every 60 minutes #general Take a break!"
    assert note is not None
    assert bare_amount("!poster interval 900 post the news") is not None
    assert bare_amount("!poster interval 900 post the news")[0].startswith("every 900 seconds")  # type: ignore[index]


def test_a_bare_number_after_in_is_minutes_asked() -> None:
    said, note = bare_amount("bot remind me in 15 Take the cookies out") or ("", None)
    assert said == "bot remind me in 15 minutes Take the cookies out"
    assert note is not None


@pytest.mark.parametrize(
    "text",
    [
        "/timer 10 minutes",
        "/timer 25m Break",
        "/r every 1 month Clean fan(s)",
        "!r every 5 mondays",
        "remind me in 15 minutes to stretch",
        "every 5 minutes",
    ],
)
def test_a_number_with_its_unit_is_not_bare(text: str) -> None:
    assert bare_amount(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("!notify call mom 30m", "in 30m call mom"),
        ("!notify team meeting 2h30m", "in 2h30m team meeting"),
        ("!remind team meeting 1h 30m", "in 1h 30m team meeting"),
        (">>remind 2h Please finish documentation.", 'in 2h "Please finish documentation."'),
    ],
)
def test_an_amount_of_time_after_a_bots_message(text: str, said: str) -> None:
    assert plain_command(text) == said


@pytest.mark.parametrize(
    "text", ["!notify call dentist tomorrow 45m", "!notify buy 2kg rice", "!ban spammer 10m"]
)
def test_an_amount_after_words_of_time_or_in_another_command_stays(text: str) -> None:
    assert not plain_command(text).startswith("in ")


def test_a_time_read_as_a_bots_interval_is_asked_and_read() -> None:
    answer = read("!MyBot schedule add interval 60 #general Take a break!")
    assert answer["schedule"] == {"type": "every", "interval": 3600, "timezone": "UTC"} or (
        answer["schedule"]["type"] == "cron" and answer["schedule"]["expression"] == "0 * * * *"
    )
    assert answer["needs_confirmation"]


# -- "tom", cron after "at" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("tom 15:00", "2026-01-15T15:00:00Z"),
        ("tom at 5pm call mum", "2026-01-15T17:00:00Z"),
        ("call tom at 3pm", "2026-01-14T15:00:00Z"),
        ("meeting with tom 3pm", "2026-01-14T15:00:00Z"),
    ],
)
def test_tom_before_a_time_is_tomorrow_unless_someone(text: str, when: str) -> None:
    assert read(text)["schedule"]["datetime"] == when


def test_at_before_a_cron_expression() -> None:
    assert cron("bot remind me at 30 5 * * 1-5 Good morning!") == "30 5 * * 1-5"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("remind me every Monday about the Friday deadline", "0 9 * * 1"),
        ("ping me every Monday at 9 that the sprint ends on Wednesday", "0 9 * * 1"),
        (
            "set a reminder for the 20th of every month that the phone bill is due on the 25th",
            "0 9 20 * *",
        ),
    ],
)
def test_other_ways_of_asking_for_a_reminder_keep_the_messages_dates(
    text: str, expression: str
) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    ("text", "expression"),
    [("Notify @daily:9am @weekdays", "0 9 * * 1-5"), ("gym @mondays 7am", "0 7 * * 1")],
)
def test_days_after_at_sign_are_days(text: str, expression: str) -> None:
    assert cron(text) == expression
