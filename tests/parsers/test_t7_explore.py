"""Round seven, exploring (phrases like those of tests/parsers/outside/t7_explore.txt, in other
words): two delays in one sentence are two reminders, never their sum ("in 2 minutes … and then
in 5 minutes …"); "in a sec" says soon, not one second; slips of the keyboard in the short words
of a schedule ("Every dya", "Every 2 daus", "evrey day", "mnoday") are read, with a note, only
where nothing else could be meant; "weeknights" is Monday to Friday, asked."""

from __future__ import annotations

import pytest

from agentcron.parsers.tokens import typed_like
from tests.parsers.reading import asks, cron, once, read


@pytest.mark.parametrize(
    "text",
    [
        "remind me in 2 minutes to drink water and then in 5 minutes to take vitamins",
        "remind me in 5 minutes and again in 10 minutes",
        "ping me in 1 hour, and then in 2 hours",
        "in 10 minutes stretch, in 20 minutes drink some water",
        "+2h check the oven, in 30 minutes the rice",
    ],
)
def test_two_delays_are_two_reminders_never_their_sum(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None, answer
    assert "two delays" in answer["reason"]
    assert "one reminder for each" in answer["suggestion"]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("in 1 hour and 30 minutes", "2026-01-14T11:30:00Z"),
        ("remind me in an hour and a half to call back", "2026-01-14T11:30:00Z"),
        ("in 2 hours 15 minutes check the deploy", "2026-01-14T12:15:00Z"),
        ("in 10 more minutes", "2026-01-14T10:10:00Z"),
        ("in 3 days' time", "2026-01-17T10:00:00Z"),
    ],
)
def test_one_delay_of_several_amounts_is_still_one(text: str, at: str) -> None:
    assert once(text) == at


@pytest.mark.parametrize(
    "text", ["bug me in a sec to test something", "remind me in a second", "back in a sec"]
)
def test_in_a_second_says_soon_not_when(text: str) -> None:
    assert asks(text)


def test_one_second_counted_is_still_a_second() -> None:
    assert once("in 1 second") == "2026-01-14T10:00:01Z"
    assert once("remind me in a minute") == "2026-01-14T10:01:00Z"


@pytest.mark.parametrize(
    ("text", "expression", "misspelt"),
    [
        ("Every dya at 3 am", "0 3 * * *", "Day"),
        ("evrey day at 9am", "0 9 * * *", "Every"),
        ("every mnoday at 9am", "0 9 * * 1", "Monday"),
        ("every tuesady at 4pm", "0 16 * * 2", "Tuesday"),
        ("every 15 miuntes", "*/15 * * * *", None),
        ("every 2 huors", "0 */2 * * *", "Hours"),
    ],
)
def test_slips_of_the_keyboard_are_read_with_a_note(
    text: str, expression: str, misspelt: str | None
) -> None:
    assert cron(text) == expression
    if misspelt is not None:
        assert f"“{misspelt}” read for a misspelling" in read(text)["notes"]


def test_a_slipped_unit_after_a_number_is_read() -> None:
    answer = read("Every 2 daus")
    assert answer["schedule"]["rule"].startswith("FREQ=DAILY;INTERVAL=2;")
    answer = read("every 3 weks on Friday at 10am")
    assert answer["schedule"]["rule"].startswith("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR;")


def test_slips_are_read_only_where_a_unit_or_a_day_must_follow() -> None:
    assert typed_like("dya", after_count=True) == "day"
    assert typed_like("dya", after_count=False) is None  # three letters: only after a count
    assert typed_like("daus", after_count=True) == "days"
    assert typed_like("daus", after_count=False) is None
    assert typed_like("mnoday", after_count=False) == "monday"  # a swap, six letters: anywhere
    # a real word is never a slip: "says", "ever", "way", "weak" stay what they are
    for word in ("says", "ever", "way", "weak", "seek", "days", "week", "our", "yes"):
        assert typed_like(word, after_count=True) is None, word
    assert read("I will ever do it")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Runs at 02:00 on weeknights.", "0 2 * * 1-5"),
        ("every weeknight at 8pm", "0 20 * * 1-5"),
        ("weeknights at 10pm remind me to floss", "0 22 * * 1-5"),
    ],
)
def test_weeknights_are_monday_to_friday_and_asked(text: str, expression: str) -> None:
    answer = read(text)
    assert answer["schedule"]["expression"] == expression
    assert answer["needs_confirmation"]
    assert any("Sunday to Thursday" in note for note in answer["notes"])


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("/r every month pay Jason $23.49 for comcast on the 1st", "0 9 1 * *"),
        ("every Friday pay £12.30 to the window cleaner", "0 9 * * 5"),
        ("every month on the 3rd pay €9.99 for spotify at 10am", "0 10 3 * *"),
    ],
)
def test_an_amount_of_money_is_never_a_time(text: str, expression: str) -> None:
    answer = read(text)
    assert answer["schedule"]["expression"] == expression
    assert any(sign in answer["task"] for sign in "$£€")


def test_an_amount_with_its_currency_after_it_is_no_time_either() -> None:
    assert once("remind me tomorrow to pay 23.49 dollars") == "2026-01-15T09:00:00Z"
    assert read("remind me tomorrow to pay 23.49 dollars")["task"] == "pay 23.49 dollars"


def test_a_time_beside_a_currency_word_stays_a_time() -> None:
    assert cron("every day at 9.30 pay the bill") == "30 9 * * *"
    assert cron("every day at 12:30 USD report") == "30 12 * * *"


@pytest.mark.parametrize(
    "text",
    [
        "/remindme every minute and every hour to test",
        "every 5 minutes and every hour",
        "every 2 hours and every day at 9am",
        "every hour and every 30 minutes",
    ],
)
def test_two_intervals_joined_by_and_are_two_schedules(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None, answer
    assert "two schedules" in answer["reason"]


def test_one_interval_said_verbosely_or_days_joined_by_and_stay_one_schedule() -> None:
    assert cron("Every minute, every hour, every day") == "* * * * *"
    assert cron("every Monday and every Friday at 9am") == "0 9 * * 1,5"
    assert cron("every 30 minutes during business hours, every day") is not None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("kick off the backup nightly at 2 UTC", "0 2 * * *"),
        ("Runs at 2 UTC everyday", "0 2 * * *"),
        ("daily at 6 GMT", "0 6 * * *"),
        ("every day at 11 UTC", "0 11 * * *"),
        ("every Monday at 17 UTC", "0 17 * * 1"),
    ],
)
def test_an_hour_said_against_utc_is_on_the_24_hour_clock(text: str, expression: str) -> None:
    answer = read(text)
    assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"], answer


def test_a_bare_hour_without_utc_is_still_asked() -> None:
    assert asks("daily at 2")
    assert once("tomorrow at 2 UTC") == "2026-01-15T02:00:00Z"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Vercel Cron runs nightly at 6am NZST.", "0 6 * * *"),
        ("06:00 UTC nightly: autopilot-generate", "0 6 * * *"),
        ("runs nightly at 7am", "0 7 * * *"),
    ],
)
def test_the_nightly_job_may_run_at_dawn(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize("text", ["every night at 6am", "nightly at 9am", "tonight at 10am"])
def test_night_and_a_morning_hour_still_disagree(text: str) -> None:
    assert read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Monthly on the forth Monday at 9am", "0 9 * * 1#4"),
        ("on the thrid Friday of every month at 10am", "0 10 * * 5#3"),
    ],
)
def test_a_slipped_ordinal_after_the_is_read(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    "word", ["moth", "firth", "yeas", "minuet", "ever", "dally", "fourty", "monty", "werk"]
)
def test_words_of_their_own_are_never_slips(word: str) -> None:
    assert typed_like(word, after_count=True) is None


def test_forth_elsewhere_stays_a_word() -> None:
    assert read("back and forth every day at 9am")["task"] == "back and forth"


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every Monday at 9am triage new issues Berlin time", "Europe/Berlin"),
        ("every Monday at 9am post the report (ET)", "America/New_York"),
        ("every day at 8am send me the weather NZT", "Pacific/Auckland"),
        ("every Friday at 5pm summarize the news Kyiv time", "Europe/Kyiv"),
    ],
)
def test_a_zone_that_ends_the_text_after_the_task_is_the_schedules(text: str, zone: str) -> None:
    answer = read(text)
    assert answer["schedule"]["timezone"] == zone
    assert not answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at 9am post the report in London",  # where the task is done, maybe
        "refactor the scheduler so every Monday at 9am isn't parsed as UTC",
    ],
)
def test_a_place_or_a_zone_talked_about_at_the_end_is_not_taken_silently(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at 9am triage new issues weather permitting",
        "every Monday at 9am triage new issues time permitting",
        "every weekday at 9am, skipping public holidays",
        "every Monday at 9am triage new issues skip holidays",
    ],
)
def test_a_condition_no_schedule_keeps_is_asked(text: str) -> None:
    assert asks(text)


def test_skip_elsewhere_is_the_tasks_word() -> None:
    assert not asks("every day at 9am skip the intro and read the news")


@pytest.mark.parametrize(
    "text",
    [
        "in 2 hours of debugging I couldn't find the leak; try valgrind",
        "in 3 days of testing nothing broke",
    ],
)
def test_how_long_something_took_is_no_delay(text: str) -> None:
    assert read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every evening at 6 summarize what the agents did today", "0 18 * * *"),
        ("every day at 6pm summarize what happened today", "0 18 * * *"),
        ("every weekday at 6pm list what merged today", "0 18 * * 1-5"),
    ],
)
def test_today_in_the_task_of_a_repeating_schedule_is_each_runs_day(
    text: str, expression: str
) -> None:
    assert read(text)["schedule"]["expression"] == expression


def test_today_beside_a_repeating_schedule_still_mixes_two() -> None:
    assert read("every day at 9am today")["schedule"] is None


def test_a_quarter_named_is_its_three_months_with_a_note() -> None:
    answer = read("every Monday at 9am triage new issues in Q4")
    assert answer["schedule"]["expression"] == "0 9 * 10-12 1"
    assert any("October to December" in note for note in answer["notes"])
    assert cron("every weekday at 9am in Q1") == "0 9 * 1-3 1-5"


def test_stopping_and_over_the_next_bound_a_schedule() -> None:
    answer = read("every Monday at 9am triage new issues stopping Oct 30")
    assert answer["schedule"]["end_at"] == "2026-10-30T23:59:59Z"
    answer = read("every Monday at 9am triage new issues over the next 4 weeks")
    assert answer["schedule"]["end_at"] == "2026-02-10T23:59:59Z"
    assert read("every day at 9am remind me about stopping the server")["task"] == (
        "stopping the server"
    )
    assert read("every day at 9am look over the report")["task"] == "look over the report"


def test_moving_a_job_to_a_part_of_the_day_and_a_time_is_an_edit() -> None:
    answer = read("Move my standup to the afternoon at 2pm")
    assert answer["schedule"] is None
    assert "exists" in answer["reason"]
    assert cron("move the logs to cold storage every Sunday at 2am") == "0 2 * * 0"


def test_every_weekend_but_one_of_its_days_is_the_other_day() -> None:
    assert cron("Every weekend except saturday at 11am") == "0 11 * * 0"
    answer = read("Every weekend except sunday at 11am")
    assert answer["schedule"]["expression"] == "0 11 * * 6"
    assert not answer["needs_confirmation"]
    assert asks("every weekend at 10am")
