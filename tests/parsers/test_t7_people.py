"""Round seven: how everyday people write to an assistant or a reminder app — "May" the verb
("May cause dizziness", "you may skip weekends"), days skipped ("skip weekends"), a reminder not
wanted ("don't remind me to …", "delete the notification for …"), an entry added to a day ("add
lunch with Lisa to January 2nd"), "7 days a week", a time followed by a colon ("12:30: Meeting"),
and "tell me when it is 5PM"."""

from __future__ import annotations

import pytest

from agentcron.parsers.tokens import tokenize

from .reading import asks, cron, once, read

# -- "may": the month, or the verb -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Take one tablet daily in the morning. May cause dizziness.", "0 9 * * *"),
        ("every day at 9am, may take a while", "0 9 * * *"),
        ("May I have a reminder every day at 9am", "0 9 * * *"),
    ],
)
def test_may_before_a_verb_is_not_the_month(text: str, expression: str) -> None:
    assert read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize(
    "text",
    [
        "every day in May at 9am",
        "the 5th of may at 9",
        "mid-May at 9am",
        "May the 4th at noon",
        "May and June on mondays at 9",
        "every May 1st",
        "remind me on may 3 to call",
        "in April, May",
    ],
)
def test_may_with_a_day_or_after_in_of_every_is_the_month(text: str) -> None:
    assert any(t.kind == "month" and t.value == 5 for t in tokenize(text))


def test_may_after_a_subject_is_a_word() -> None:
    kinds = [(t.kind, t.value) for t in tokenize("I may be late")]
    assert ("word", "may") in kinds
    assert not any(kind == "month" for kind, _ in kinds)


# -- days skipped ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 8am, skip weekends", "0 8 * * 1-5"),
        ("water the plants every day at 8am. You may skip weekends", "0 8 * * 1-5"),
        ("every day at 7am, skipping Sundays", "0 7 * * 1-6"),
    ],
)
def test_days_skipped_are_left_out(text: str, expression: str) -> None:
    assert read(text)["schedule"]["expression"] == expression


def test_skip_without_days_is_not_a_schedule() -> None:
    assert asks("Skip tomorrow's alarm")


# -- a reminder not wanted ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "don't remind me to pick up brandon at midnight",
        "do not remind me to send out the forms today at noon",
        "don’t remind me tomorrow at 9",
        "don't send me a notice to get to the bus station at 7 o'clock",
        "do not notify me of the meeting with the cleaning staff next morning",
        "delete the notification for dress rehearsal for 6 pm tomorrow",
        "remove the alert at 9am",
        "cancel my wake up call at 6am",
    ],
)
def test_a_reminder_not_wanted_is_refused(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None
    assert "change to a job" in answer["reason"]


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("Don't let me forget I have a conference this Monday at 4:00 pm.", "2026-01-19T16:00:00Z"),
        ("don't forget to remind me at 5pm to call", "2026-01-14T17:00:00Z"),
        ("Never let me forget to lock up at 10pm", "2026-01-14T22:00:00Z"),
    ],
)
def test_dont_let_me_forget_asks_for_a_reminder(text: str, instant: str) -> None:
    assert once(text) == instant


# -- an entry added to a day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("Add a reminder to April fourth to go to the dentist.", "2026-04-04T09:00:00Z"),
        ("Olly, add lunch appointment with Lisa to January 2nd at 12:30pm", "2027-01-02T12:30:00Z"),
        ("add dentist to friday at 3pm", "2026-01-16T15:00:00Z"),
        ("please put the vet to tomorrow at 10am", "2026-01-15T10:00:00Z"),
    ],
)
def test_what_is_added_to_a_day_goes_on_that_day(text: str, instant: str) -> None:
    assert once(text) == instant


def test_added_to_a_list_keeps_its_time() -> None:
    assert once("add milk to the shopping list at 5pm") == "2026-01-14T17:00:00Z"


# -- seven days a week -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Set a timer at 5 Am 7 days a week", "0 5 * * *"),
        ("open seven days a week at 9am", "0 9 * * *"),
    ],
)
def test_seven_days_a_week_is_every_day(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_seven_days_a_week_beside_a_frequency_keeps_it() -> None:
    answer = read("a call that occurs every other day, seven days a week")
    assert answer["schedule"]["type"] == "rrule"


# -- a time, then a colon ----------------------------------------------------------------------


def test_a_time_before_a_colon_is_the_time() -> None:
    assert once("set a reminder for 12:30:  Meeting with the boss") == "2026-01-14T12:30:00Z"
    assert cron("9:30: standup every weekday") == "30 9 * * 1-5"


def test_seconds_after_a_colon_are_still_seconds() -> None:
    assert read("18:03:40")["schedule"]["datetime"] == "2026-01-14T18:03:40Z"


# -- "tell me when it is …" --------------------------------------------------------------------


def test_tell_me_when_it_is_a_time_is_a_reminder() -> None:
    assert read("Tell me when it is 5PM")["schedule"]["datetime"] == "2026-01-14T17:00:00Z"


def test_tell_me_when_it_runs_is_a_question() -> None:
    assert read("tell me when it runs")["reason"] == "that reads as a question, not a schedule"


# -- "for N days from now" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("set alarm for 12 weeks from today at 8am", "2026-04-08T08:00:00Z"),
        ("set a reminder for 3 days from now", "2026-01-17T10:00:00Z"),
    ],
)
def test_for_an_amount_from_now_is_a_delay(text: str, instant: str) -> None:
    assert once(text) == instant


def test_a_repeat_for_an_amount_from_today_still_lasts_that_long() -> None:
    answer = read("every Monday for 3 weeks from today at 9am")
    assert answer["schedule"]["expression"] == "0 9 * * 1"
    assert answer["schedule"]["end_at"] == "2026-02-03T23:59:59Z"


# -- a day of each of the next N months -----------------------------------------------------


def test_a_day_of_the_next_months_runs_once_in_each() -> None:
    answer = read("Add to calendar a medical appointment for the first day of the next five months")
    # five runs, one a month (listings16: a once-a-month series for N months is N runs)
    assert answer["schedule"]["rule"].startswith("FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;")
    assert answer["schedule"]["rule"].endswith(";COUNT=5")
    assert answer["schedule"]["start_at"] == "2026-02-01T09:00:00Z"


def test_the_first_day_of_next_month_is_once() -> None:
    assert once("the first day of next month at 9am") == "2026-02-01T09:00:00Z"


# -- a sentence about someone else ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My son has practice Tuesday 4pm",
        "Viola has Thursday off",
        "Viola off next Monday",
        "Viola worked extra 3 hours Saturday",
        "Sam has a dentist appointment on Friday at 3pm",
    ],
)
def test_a_sentence_about_someone_else_asks(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Backup has to run every day at 9am", "0 9 * * *"),
        ("It has to run every day at 9am", "0 9 * * *"),
    ],
)
def test_has_to_is_a_request(text: str, expression: str) -> None:
    answer = read(text)
    assert answer["schedule"]["expression"] == expression
    assert not answer["needs_confirmation"]


# -- days listed without "every" --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Gym Monday, Wednesday, Friday", "practice Monday and Wednesday at 5pm"],
)
def test_days_listed_without_every_are_asked(text: str) -> None:
    answer = read(text)
    assert answer["schedule"]["type"] == "cron"
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text",
    [
        "every monday and wednesday at 5pm",
        "Mondays and Wednesdays at 5pm",
        "twice a week on Tuesday and Thursday at 3pm",
        "At 00:00 on Monday, Wednesday, and Friday",
        "Mon/Wed/Fri at 9am",
        "Gym mon,wed,fri",
    ],
)
def test_days_said_to_repeat_are_not_asked(text: str) -> None:
    assert not read(text)["needs_confirmation"]


@pytest.mark.parametrize(
    "text",
    [
        "the 2nd and 4th Tuesday",
        "Monthly on the 1st Thursday and last Thursday",
        "ev mon, fri at 20:00",
        "everys Monday, Wednesday and Friday",
        "Mon..Fri *-*-* 09:00:00",
    ],
)
def test_days_with_a_frequency_or_notation_are_not_asked(text: str) -> None:
    assert not any("listed without" in note for note in read(text)["notes"])
