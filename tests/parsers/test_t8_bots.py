"""Round eight: short forms, bot commands and quick-add syntax — times without a colon
("at 630", "630am"), a day and month with dots ("01.01 0:00"), a time said again roughly in
brackets ("15.01 (3 pm)"), a command-line tool's options ("--time=1 hour"), a bot's
"channel" target, a reminder's message that opens with a question word, the marks of a
quick-add box ("!3 ^tomorrow *weekly =1h p1"), an amount of time alone ("1h30m") and an hour
before a task that names its part of the day ("8 wake up"). Variants of each family,
invented."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agentcron.parsers.botcommand import plain_command
from agentcron.parsers.quickadd import plain_marks
from agentcron.parsers.restated import without_rough_restatement
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.understand import quick_entry

from .reading import NOW, asks, cron, once, read


def _at(delta: timedelta) -> str:
    return (NOW + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- times without a colon ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("remind me to get up at 630 tomorrow", "2026-01-15T06:30:00Z"),
        ("at 945 tomorrow", "2026-01-15T09:45:00Z"),
        ("tomorrow @ 715 standup", "2026-01-15T07:15:00Z"),
        ("630am tomorrow", "2026-01-15T06:30:00Z"),
        ("remind me 1030pm call mom", "2026-01-14T22:30:00Z"),
        ("130pm", "2026-01-14T13:30:00Z"),
        ("tomorrow 1230 am", "2026-01-15T00:30:00Z"),
    ],
)
def test_a_time_without_its_colon_is_read(text: str, instant: str) -> None:
    assert read(text)["schedule"]["datetime"] == instant


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 630", "30 6 * * *"),
        ("every weekday @ 715", "15 7 * * 1-5"),
        ("every day at 1230am", "30 0 * * *"),
        ("0200 every day-of-week from Monday through Saturday", "0 2 * * 1-6"),
        ("At 05:00 on every day-of-week from Monday through Friday.", "0 5 * * 1-5"),
    ],
)
def test_a_repeating_time_without_its_colon(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_colonless_time_in_the_small_hours_asks() -> None:
    assert asks("sell at 150 tomorrow")  # a price as much as 1:50 at night


@pytest.mark.parametrize(
    "text",
    [
        "meets on the second Saturday of the month, 0900-1100, at 604 Ferry St., Martinez, CA",
        "Add Jane's birthday party at 123 Main St for 2PM tomorrow on my calendar",
        "drinks at 221 Baker Street tomorrow at 6pm",
    ],
)
def test_a_house_number_is_no_time(text: str) -> None:
    kinds = [t.kind for t in tokenize(text) if t.value == "address"]
    assert kinds == ["word"]


def test_a_number_alone_after_at_stays_no_time() -> None:
    assert read("at 999")["schedule"] is None


# -- a day and a month with dots ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("01.01 0:00 Happy New Year", "2027-01-01T00:00:00Z"),
        ("15.03 14:30 dentist", "2026-03-15T14:30:00Z"),
        ("1.5. 10:00 call the bank", "2026-05-01T10:00:00Z"),
    ],
)
def test_a_dotted_day_and_month_before_a_time(text: str, instant: str) -> None:
    assert read(text)["schedule"]["datetime"] == instant


# -- a time said again in brackets ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("at 15.01 (3 pm) every day", "at 15.01 every day"),
        ("every day at 09:05 (9am)", "every day at 09:05"),
        ("every day at 3.01 (3 pm)", "every day at 3:01 pm"),
        ("at 23:59 (i.e. 11 PM)", "at 23:59"),
        ("at 15.01 (4 pm) every day", "at 15.01 (4 pm) every day"),  # another hour
        ("at 15:00 (3 pm)", "at 15:00 (3 pm)"),  # the same time: the grammar merges it
        ("every day at 9am", "every day at 9am"),
    ],
)
def test_a_rough_restatement_is_taken_out(text: str, said: str) -> None:
    assert without_rough_restatement(text) == said


def test_a_time_said_again_roughly_runs_once_a_day() -> None:
    assert cron("I am trying to run cronjob at 15.01 (3 pm) every day.") == "1 15 * * *"


# -- bots' commands -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "!remindme This is an example reminder --time=1 hour",
            'remind me in 1 hour "This is an example reminder"',
        ),
        ("/remind --in 2h --message 'stand up'", 'in 2h "stand up"'),
        ("!remind me --at 5pm call mom", "remind me at 5pm call mom"),
        ("/remind #ops --every=1d --message=standup", 'remind #ops every 1d "standup"'),
        ("!remind channel 1h Get ready", 'remind here in 1h "Get ready"'),
        ("!remind me Pay --verbose 2h", "remind me Pay --verbose 2h"),  # an unknown option
    ],
)
def test_a_bot_command_with_options(text: str, plain: str) -> None:
    assert plain_command(text) == plain


@pytest.mark.parametrize(
    ("text", "delta", "target"),
    [
        ("!remindme Another example reminder --time=2 day", timedelta(days=2), "me"),
        ("!remind channel 1h Get ready for a practice match!", timedelta(hours=1), "here"),
        ("!remind channel 30m Raid starts", timedelta(minutes=30), "here"),
    ],
)
def test_bot_options_and_targets_are_read(text: str, delta: timedelta, target: str) -> None:
    assert once(text) == _at(delta)
    assert read(text)["target"] == target


@pytest.mark.parametrize(
    ("text", "expression", "task"),
    [
        ("/remind me what doin everyday at 3:23am", "23 3 * * *", "what doin"),
        ("remind me who to call every Monday at 9am", "0 9 * * 1", "who to call"),
    ],
)
def test_a_reminders_message_may_open_with_a_question_word(
    text: str, expression: str, task: str
) -> None:
    assert cron(text) == expression
    assert read(text)["task"] == task


@pytest.mark.parametrize(
    "text", ["remind me what time the meeting is?", "what runs every monday", "is it daily?"]
)
def test_questions_stay_questions(text: str) -> None:
    assert read(text)["reason"] == "that reads as a question, not a schedule"


# -- quick-add marks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Play game !3 ^tomorrow 10am #fun", "Play game tomorrow 10am #fun"),
        ("Pay rent *monthly on the 1st", "Pay rent monthly on the 1st"),
        ("Call Bob ^friday =15min", "Call Bob friday"),
        ("Write report !high tomorrow", "Write report tomorrow"),
        ("Pay rent p1 every 1st", "Pay rent every 1st"),
        ("!remind me in 2h", "!remind me in 2h"),  # a bot's command
        ("*Note*: every day at 9", "*Note*: every day at 9"),  # markdown
        ("0 9 * * 1-5 check the build", "0 9 * * 1-5 check the build"),
    ],
)
def test_quick_add_marks_are_said_in_words(text: str, plain: str) -> None:
    assert plain_marks(text) == plain


@pytest.mark.parametrize(
    ("text", "instant", "task"),
    [
        ("Play game !3 ^tomorrow 10am #fun", "2026-01-15T10:00:00Z", "Play game"),
        ("Buy milk !1 ^today 5pm", "2026-01-14T17:00:00Z", "Buy milk"),
        ("Call Bob ^friday 3pm =15min", "2026-01-16T15:00:00Z", "Call Bob"),
    ],
)
def test_a_quick_add_line_is_read(text: str, instant: str, task: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["task"] == task


# -- short entries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("1h30m", timedelta(minutes=90)),
        ("4d", timedelta(days=4)),
        ("45 mins", timedelta(minutes=45)),
    ],
)
def test_an_amount_alone_is_a_timer_to_confirm(text: str, delta: timedelta) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == _at(delta)
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "instant"),
    [("8 wake up", "2026-01-15T08:00:00Z"), ("7 dinner with Sam", "2026-01-14T19:00:00Z")],
)
def test_an_hour_before_a_task_of_a_part_of_the_day(text: str, instant: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text", ["20 pushups", "5 apples", "0600h", "2 hours before the meeting", "12 Monkeys"]
)
def test_other_numbers_first_are_no_short_entry(text: str) -> None:
    assert quick_entry(text) is None


# -- timers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delta", "task"),
    [
        ("10 minute timer", timedelta(minutes=10), None),
        ("create 1 hour timer", timedelta(hours=1), None),
        ("timer for 1 hour", timedelta(hours=1), None),
        ("set a timer for 5 and a half minutes", timedelta(seconds=330), None),
        ("set a timer for half an hour", timedelta(minutes=30), None),
        ("1 hour 15 minute 30 second timer", timedelta(seconds=4530), None),
        ("45 second timer", timedelta(seconds=45), None),
        ("5 minute timer for pizza", timedelta(minutes=5), "pizza"),
        ("set timer called pizza for 5 minutes", timedelta(minutes=5), "pizza"),
        ("timer for 5 minutes called pizza", timedelta(minutes=5), "pizza"),
        ("timer 5 minutes", timedelta(minutes=5), None),
        ("timer 1h30m10s", timedelta(seconds=5410), None),
        ('timer 10m "Turn off the stove"', timedelta(minutes=10), "Turn off the stove"),
        ("timers 10m30s", timedelta(seconds=630), None),
        ("countdown -d 2h45m", timedelta(minutes=165), None),
    ],
)
def test_a_timer_runs_once_that_long_from_now(
    text: str, delta: timedelta, task: str | None
) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == _at(delta)
    assert not answer["needs_confirmation"]
    assert answer["task"] == task


@pytest.mark.parametrize(
    "text", ["Reset the kitchen timer at 5pm", "the timer went off twice", "timer status"]
)
def test_other_words_about_timers_are_no_timer(text: str) -> None:
    assert not plain_command(text).startswith("in ")


@pytest.mark.parametrize(
    ("text", "delta"),
    [("in 45 second", timedelta(seconds=45)), ("in 5 minute 10 second", timedelta(seconds=310))],
)
def test_second_after_a_number_is_the_unit(text: str, delta: timedelta) -> None:
    assert once(text) == _at(delta)


# -- labels and options of command lines ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("!remind cron 30 9 * * mon-fri do something", "30 9 * * MON-FRI"),
        ("cron: 30 9 * * 1-5 backup", "30 9 * * 1-5"),
        ("crontab 0 2 * * *", "0 2 * * *"),
    ],
)
def test_the_word_cron_before_an_expression(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_command_lines_deadline_option() -> None:
    text = 'todo -a "Send the documents for the house" --deadline 1w'
    assert read(text)["schedule"]["datetime"] == _at(timedelta(days=7))


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "Meeting with Sarah next Wed at 3pm #work @call p1 +30m",
            "Meeting with Sarah next Wed at 3pm #work @call",
        ),
        ("Take the pizza out of the oven +30m", "Take the pizza out of the oven +30m"),
    ],
)
def test_plus_an_amount_beside_a_priority_is_an_estimate(text: str, plain: str) -> None:
    assert plain_marks(text) == plain


# -- "12" alone -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Remind me at 12 o'clock.", "set an alarm for 12"])
def test_one_run_at_twelve_asks_noon_or_midnight(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [("every day at 12", "0 12 * * *"), ("every day at 12:00", "0 12 * * *")],
)
def test_twelve_that_repeats_is_noon(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert not read(text)["needs_confirmation"]


# -- systemd's short calendar events --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"), [("Wed, 17:48", "48 17 * * 3"), ("Sat,Sun, 08:05", "5 8 * * 0,6")]
)
def test_systemds_day_comma_time_is_every_week(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_day_and_a_time_before_an_errand_stay_one_run() -> None:
    assert read("Fri, 10:00 call mom")["schedule"]["type"] == "at"


@pytest.mark.parametrize(
    ("text", "expression"), [("Monday, 9:30", "30 9 * * 1"), ("Wed, 9:48", "48 9 * * 3")]
)
def test_a_day_and_a_time_alone_are_every_week_asked(text: str, expression: str) -> None:
    # round twelve (listings12): a listing's line, "Saturday, 4:30pm", is every week, as
    # systemd's "Mon, 09:30" is: the one-digit hour reads the same, and asks
    assert cron(text) == expression
    assert read(text)["needs_confirmation"]


# -- a series that started on a past day; postponing; "o clock" -----------------------------


@pytest.mark.parametrize(
    ("text", "rule_day"),
    [
        ("every! 2 weeks starting 2025-11-16", "BYDAY=SU"),  # a Sunday, two months ago
        ("every 2 weeks from 2025-12-05", "BYDAY=FR"),
    ],
)
def test_a_past_start_keeps_its_weekday(text: str, rule_day: str) -> None:
    assert rule_day in read(text)["schedule"]["rule"]


def test_a_past_start_keeps_its_day_of_the_month() -> None:
    assert cron("every month starting 2025-12-17 at 9am") == "0 9 17 * *"


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("I wanted to postpone this reminder to Thursday 8 AM.", "2026-01-15T08:00:00Z"),
        ("postpone the standup to tomorrow at 10am", "2026-01-15T10:00:00Z"),
    ],
)
def test_postponed_to_a_day_is_that_day_asked(text: str, instant: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text", ["Remind me 8'O clock that i have a event", "remind me at 8 o clock to eat"]
)
def test_o_clock_without_its_apostrophe(text: str) -> None:
    assert read(text)["schedule"]["datetime"] == "2026-01-15T08:00:00Z"


# -- a timetable's day letters; text-speak --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("MWF 10am", "0 10 * * 1,3,5"),
        ("TTh 2pm", "0 14 * * 2,4"),
        ("Tu/Th 11am", "0 11 * * 2,4"),
        ("TR 10:30am", "30 10 * * 2,4"),
        ("every MWF at 6am", "0 6 * * 1,3,5"),
        ("MTWRF 8:00 class", "0 8 * * 1-5"),
        ("at 9am on MWF", "0 9 * * 1,3,5"),
    ],
)
def test_day_letters_are_every_week(text: str, expression: str) -> None:
    assert cron(text) == expression
    assert not read(text)["needs_confirmation"]


@pytest.mark.parametrize("text", ["MW", "TT 9am", "call AT&T at 5", "MWF"])
def test_letters_that_are_no_days(text: str) -> None:
    from agentcron.parsers.dayletters import letter_days

    assert letter_days(text) == text


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2moro 10am", "2026-01-15T10:00:00Z"),
        ("2mrw at 9am call bob", "2026-01-15T09:00:00Z"),
        ("2nite at 8", "2026-01-14T20:00:00Z"),
        ("nxt mon 9am", "2026-01-19T09:00:00Z"),
    ],
)
def test_text_speak_days(text: str, instant: str) -> None:
    assert read(text)["schedule"]["datetime"] == instant


@pytest.mark.parametrize(
    "text",
    [
        "set my alarm for quarter after six tomorrow",
        "set an alarm for four thirty tomorrow, please",
        "Set an alarm for half past six",
    ],
)
def test_an_alarm_at_a_bare_hour_asks(text: str) -> None:
    answer = read(text)
    assert answer["schedule"]["type"] == "at"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize("text", ["wake me at 6", "set an alarm for 7am", "I have to get up at 4"])
def test_waking_or_am_is_sure(text: str) -> None:
    assert not read(text)["needs_confirmation"]


# -- a time that names the event, beside the reminder's time --------------------------------


@pytest.mark.parametrize(
    ("text", "instant", "task"),
    [
        ("remind me of my 3pm meeting at 2:30pm", "2026-01-14T14:30:00Z", "my 3pm meeting"),
        ("remind me about the 10am call at 9:45am", "2026-01-15T09:45:00Z", "the 10am call"),
        ("remind me at 9am about the 10am standup", "2026-01-15T09:00:00Z", "the 10am standup"),
        (
            "Remind me of my 12 oclock meeting by 11:30",
            "2026-01-14T11:30:00Z",
            "my 12 oclock meeting",
        ),
    ],
)
def test_a_time_that_names_the_event_is_the_tasks(text: str, instant: str, task: str) -> None:
    answer = read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["task"] == task
    assert answer["needs_confirmation"]  # the task speaks of time


def test_the_times_of_a_schedule_stay_the_schedules() -> None:
    assert cron("every day at 9am and 5pm") == "0 9,17 * * *"
    assert cron("the 5pm train every weekday at 4:30pm") == "30 16 * * 1-5"
