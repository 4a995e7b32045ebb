"""One-off requests (a single time, not a recurrence) in families round six's tuning phrases
showed the grammar missed, each tested in words of our own."""

from __future__ import annotations

import pytest

from tests.parsers.reading import asks as _asks
from tests.parsers.reading import once as _once
from tests.parsers.reading import read as _read

# -- "half five": half an hour past the hour, as said in Britain and Ireland ---------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("set an alarm for half six tomorrow morning", "2026-01-15T06:30:00Z"),
        ("pick up the kids at half three pm", "2026-01-14T15:30:00Z"),
        ("half 4pm on saturday", "2026-01-17T16:30:00Z"),
        ("lunch at half twelve", "2026-01-14T12:30:00Z"),
    ],
)
def test_half_an_hour_past_the_hour_said_the_british_way(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # the hour is 8 to 11 with nothing to say morning or evening: the morning, asked
        ("ring the plumber tomorrow at half ten", "2026-01-15T10:30:00Z"),
        ("at half eight on Friday remind me to leave", "2026-01-16T08:30:00Z"),
        ("collect the parcel at half 11 tomorrow", "2026-01-15T11:30:00Z"),
    ],
)
def test_half_an_hour_past_a_bare_morning_hour_is_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant, answer
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    # the hour is 1 to 7 with nothing to say morning or evening: asked, like "at 5"
    ["remind me at half four to call Ines", "half two on Thursday", "meet at half seven"],
)
def test_half_an_hour_past_a_bare_early_hour_is_asked(text: str) -> None:
    answer = _read(text)
    assert _asks(text), answer
    if answer["schedule"] is not None:
        assert answer["schedule"]["datetime"][14:16] == "30"


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # "half" that is a fraction keeps its meaning
        ("in half an hour", "2026-01-14T10:30:00Z"),
        ("half an hour from now", "2026-01-14T10:30:00Z"),
        ("in an hour and a half", "2026-01-14T11:30:00Z"),
        ("at half past 9 tomorrow", "2026-01-15T09:30:00Z"),
    ],
)
def test_half_as_a_fraction_is_unchanged(text: str, instant: str) -> None:
    assert _read(text)["schedule"]["datetime"] == instant


# -- minutes past an hour nothing names ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "remind me at half past to call the bank",
        "ping me at quarter past",
        "at 20 past send the invoice",
        "at ten past, check the oven",
    ],
)
def test_minutes_past_an_unnamed_hour_are_asked(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every hour at half past", "30 * * * *"),
        ("at quarter past every hour", "15 * * * *"),
        ("hourly at 20 past", "20 * * * *"),
        ("at 5 minutes past the hour", "5 * * * *"),
        ("at minute 45", "45 * * * *"),
    ],
)
def test_minutes_past_a_named_or_every_hour_still_repeat(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression, answer
    assert not answer["needs_confirmation"], answer


# -- "this time tomorrow": the time of day it is now, on the day named ---------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("remind me this time tomorrow", "2026-01-15T10:00:00Z"),
        ("ping me tomorrow at this time to check the rollout", "2026-01-15T10:00:00Z"),
        ("this time next week", "2026-01-21T10:00:00Z"),
        ("this time on Saturday", "2026-01-17T10:00:00Z"),
    ],
)
def test_this_time_on_a_named_day(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    # "same time" may be the time of something else (the last reminder, a meeting): asked,
    # with the time it is now as the guess
    [
        ("same time tomorrow", "2026-01-15T10:00:00Z"),
        ("at the same time next week, rerun the survey", "2026-01-21T10:00:00Z"),
    ],
)
def test_same_time_on_a_named_day_is_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"], answer


def test_every_day_at_this_time_is_daily_at_the_time_it_is_now() -> None:
    assert _read("every day at this time")["schedule"]["expression"] == "0 10 * * *"


@pytest.mark.parametrize(
    "text",
    # no day beside it, or a second time of day: not read as now's time
    ["remind me at this time", "this time tomorrow at 5pm"],
)
def test_this_time_without_a_day_or_with_another_time_is_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # "at the same time" that names no day stays the task's words
        ("run both exports at the same time every day at 9am", "0 9 * * *"),
        ("at this time of year, every Monday at 8am", "0 8 * * 1"),
    ],
)
def test_same_time_without_a_day_is_the_tasks_words(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


# -- readings with two meanings: answered with the likelier one, and asked ----------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # 12am on a named day: its first minute as written, but people also mean the night after
        ("tomorrow at 12am", "2026-01-15T00:00:00Z"),
        ("deploy on Friday at 12:00 am", "2026-01-16T00:00:00Z"),
        ("march 3rd at 12 a.m.", "2026-03-03T00:00:00Z"),
    ],
)
def test_twelve_am_on_a_named_day_is_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"], answer


def test_twelve_am_without_a_day_is_the_coming_midnight() -> None:
    assert _once("at 12am") == "2026-01-15T00:00:00Z"


@pytest.mark.parametrize(
    "text",
    ["remind me at the end of the month", "end of month: send invoices", "by the end of the month"],
)
def test_the_end_of_the_month_without_every_is_asked(text: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"] or answer["schedule"] is None, answer


@pytest.mark.parametrize(
    "text",
    ["at the end of every month", "monthly at the end of the month", "each month at the end"],
)
def test_the_end_of_every_month_repeats(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == "0 9 L * *", answer
    assert not answer["needs_confirmation"], answer


# -- delays written other ways ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # "after" an amount of time is a delay, as "in"
        ("nudge me after five minutes to stand up", "2026-01-14T10:05:00Z"),
        ("after 2 days and 3 hours, check the backlog", "2026-01-16T13:00:00Z"),
        ("after an hour remind me to stretch", "2026-01-14T11:00:00Z"),
        # "in a week's time", "in two days' time"
        ("in a week's time remind me to renew", "2026-01-21T10:00:00Z"),
        ("in two days' time", "2026-01-16T10:00:00Z"),
        ("in 45 minutes time", "2026-01-14T10:45:00Z"),
        # days and weeks written short after "in"
        ("in 2d", "2026-01-16T10:00:00Z"),
        ("follow up in 1w", "2026-01-21T10:00:00Z"),
        # an amount right after "remind (me)" is how long from now
        ("/remind 3h stand-up notes", "2026-01-14T13:00:00Z"),
        ("remind me 15 min take the pizza out", "2026-01-14T10:15:00Z"),
        ("/remind 2d to chase the invoice", "2026-01-16T10:00:00Z"),
    ],
)
def test_delays_written_other_ways(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    "text",
    # an amount before an event is not a delay from now
    ["remind me 10 minutes before the call", "remind me 2 days ahead of the deadline"],
)
def test_an_amount_before_an_event_is_not_a_delay(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


def test_after_a_time_of_day_is_still_a_time() -> None:
    answer = _read("tomorrow after 4pm")
    assert answer["schedule"]["datetime"] == "2026-01-15T16:00:00Z"
    assert answer["needs_confirmation"]


def test_a_possessive_unit_not_before_time_is_a_word() -> None:
    # "each hour's 7th minute" is not an amount of hours
    answer = _read("on each hour's 7th minute")
    assert answer["schedule"] is None or answer["schedule"]["type"] != "at", answer


# -- the 24-hour clock said aloud ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("page the on-call at nineteen forty five", "2026-01-14T19:45:00Z"),
        ("sync at sixteen hundred", "2026-01-14T16:00:00Z"),
        ("wheels up at fourteen hundred hours tomorrow", "2026-01-15T14:00:00Z"),
        ("muster at oh seven hundred", "2026-01-15T07:00:00Z"),
        ("brief at zero eight hundred on Friday", "2026-01-16T08:00:00Z"),
        ("lights out at twenty-two hundred", "2026-01-14T22:00:00Z"),
        ("check in at twenty one thirty", "2026-01-14T21:30:00Z"),
        ("call at thirteen oh five", "2026-01-14T13:05:00Z"),
    ],
)
def test_the_24_hour_clock_said_aloud(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every nineteen minutes", 19 * 60),  # a number, not an hour
        ("in fourteen days", None),
    ],
)
def test_teen_numbers_are_still_amounts(text: str, expected: int | None) -> None:
    schedule = _read(text)["schedule"]
    assert schedule is not None
    if expected is not None:
        assert schedule["interval"] == expected
    else:
        assert schedule["datetime"] == "2026-01-28T10:00:00Z"


# -- waking: a bare early hour is the morning's --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("wake me at 6", "2026-01-15T06:00:00Z"),
        ("wake us up at half five on Saturday", "2026-01-17T05:30:00Z"),
        ("I have to get up at 4 tomorrow", "2026-01-15T04:00:00Z"),
        ("wake me at 8pm", "2026-01-14T20:00:00Z"),
    ],
)
def test_waking_reads_a_bare_early_hour_as_morning(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("set an alarm for 7", "2026-01-15T07:00:00Z"),
        ("alarm for quarter to six tomorrow", "2026-01-15T05:45:00Z"),
    ],
)
def test_an_alarm_at_a_bare_hour_is_the_morning_asked(text: str, instant: str) -> None:
    # most alarms wake someone, not all ("an alarm for four thirty"): read so, and asked
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant
    assert answer["needs_confirmation"]


@pytest.mark.parametrize(
    "text",
    # someone else is woken, or "get" is not "get up": a bare early hour still asks
    ["remind me to wake the kids at 6", "get the parcel at 5"],
)
def test_only_waking_oneself_settles_the_hour(text: str) -> None:
    assert _asks(text), _read(text)


# -- "tonight" without a time is the evening; "earliest possible" asks ----------------------------


def test_tonight_without_a_time_is_8pm() -> None:
    # one run at a guessed time: read, and asked about (a missed run does not come again)
    answer = _read("remind me tonight to call Lea")
    assert answer["schedule"]["datetime"] == "2026-01-14T20:00:00Z"
    assert answer["needs_confirmation"]
    assert _once("tonight at 11") == "2026-01-14T23:00:00Z"
    assert _read("every night")["schedule"]["expression"] == "0 22 * * *"


@pytest.mark.parametrize(
    "text",
    ["tomorrow, earliest possible", "as early as possible on Monday", "soonest possible tomorrow"],
)
def test_as_early_as_possible_is_asked(text: str) -> None:
    assert _asks(text), _read(text)


# -- a weekday and a part of the day in the plural: every week -------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("water the plants on Sunday mornings", "0 9 * * 0"),
        ("Thursday evenings at 6:30pm: choir", "30 18 * * 4"),
        ("Friday nights at 11pm", "0 23 * * 5"),
        ("piano lesson Tuesday afternoons at 4pm", "0 16 * * 2"),
    ],
)
def test_a_weekday_with_a_plural_part_of_the_day_repeats(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression, answer


@pytest.mark.parametrize(
    ("text", "instant"),
    [("on Sunday morning", "2026-01-18T09:00:00Z"), ("Thursday evening at 6:30pm", None)],
)
def test_a_weekday_with_one_part_of_the_day_is_once(text: str, instant: str | None) -> None:
    answer = _read(text)
    assert answer["schedule"]["type"] == "at", answer
    if instant is not None:
        assert answer["schedule"]["datetime"] == instant


# -- a day named without a time runs at 9am, not at the time it is now ---------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("the 20th of next month", "2026-02-20T09:00:00Z"),
        ("on the 2nd of next month", "2026-02-02T09:00:00Z"),
    ],
)
def test_a_day_without_a_time_runs_at_9am(text: str, instant: str) -> None:
    assert _read(text)["schedule"]["datetime"] == instant


@pytest.mark.parametrize(("text", "instant"), [("in 4 days", "2026-01-18T10:00:00Z")])
def test_an_amount_of_days_keeps_the_time_it_is_now(text: str, instant: str) -> None:
    assert _once(text) == instant


# -- a timer or a reminder "for" an amount of time: that long from now ----------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("set a timer for 25 minutes", "2026-01-14T10:25:00Z"),
        ("Please set a reminder for 2 hours", "2026-01-14T12:00:00Z"),
        ("set a timer for an hour", "2026-01-14T11:00:00Z"),
        ("create a reminder for 3 days", "2026-01-17T10:00:00Z"),
    ],
)
def test_a_timer_for_an_amount_is_a_delay(text: str, instant: str) -> None:
    assert _once(text) == instant


def test_a_reminder_for_an_amount_before_an_event_is_not_a_delay() -> None:
    answer = _read("set a reminder for 15 minutes before the standup")
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


# -- "next week Monday": that day in the week after this one -------------------------------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("next week Thursday at 2pm", "2026-01-22T14:00:00Z"),
        ("remind me next week on Monday to file expenses", "2026-01-19T09:00:00Z"),
        ("next week Wednesday at 10am", "2026-01-21T10:00:00Z"),
    ],
)
def test_next_week_and_a_day(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    "text", ["next week", "sometime next week", "next week, Monday or Tuesday"]
)
def test_next_week_without_one_day_is_refused_or_asked(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text",
    # a time of day named by a meal or a habit, which the grammar does not read: asked
    ["ping me at dinner time tomorrow", "tea time on Friday", "mid-morning on Monday"],
)
def test_a_named_time_of_day_the_grammar_cannot_read_asks(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    "text",
    # where the speaker will be is a statement, not a request: the time in it is asked about
    [
        "I'll be away next Thursday",
        "we will be closed on Monday at 9am",
        "I'll be on vacation tomorrow",
        "I will be busy Friday afternoons",
    ],
)
def test_where_one_will_be_is_a_statement(text: str) -> None:
    assert _asks(text), _read(text)


@pytest.mark.parametrize(
    ("text", "instant"),
    [("I'll be back in 10 minutes", "2026-01-14T10:10:00Z"), ("I'll call Ana at 4pm", None)],
)
def test_what_one_will_do_is_still_read(text: str, instant: str | None) -> None:
    answer = _read(text)
    assert answer["schedule"]["type"] == "at", answer
    assert not answer["needs_confirmation"], answer
    if instant is not None:
        assert answer["schedule"]["datetime"] == instant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every night at 12 midnight", "0 0 * * *"),
        ("ping me at 12 midnight to rotate the logs", "2026-01-15T00:00:00Z"),
        ("at 12 noon on Friday", "2026-01-16T12:00:00Z"),
    ],
)
def test_twelve_midnight_is_midnight(text: str, expected: str) -> None:
    schedule = _read(text)["schedule"]
    assert expected in (schedule.get("expression"), schedule.get("datetime")), schedule


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # British: a week (a fortnight) from tomorrow or today
        ("tomorrow week at 3pm", "2026-01-22T15:00:00Z"),
        ("remind me today week", "2026-01-21T09:00:00Z"),
        ("tomorrow fortnight", "2026-01-29T09:00:00Z"),
    ],
)
def test_tomorrow_week(text: str, instant: str) -> None:
    assert _once(text) == instant


@pytest.mark.parametrize(
    ("text", "instant", "asked"),
    [
        ("in exactly 3 hours", "2026-01-14T13:00:00Z", False),
        ("remind me in just 10 minutes", "2026-01-14T10:10:00Z", False),
        ("in another half an hour", "2026-01-14T10:30:00Z", False),
        ("in 20 more minutes", "2026-01-14T10:20:00Z", False),
        ("remind me in a half hour to stir the soup", "2026-01-14T10:30:00Z", False),
        ("in quarter of an hour", "2026-01-14T10:15:00Z", False),
        ("ping me in 3 more days", "2026-01-17T10:00:00Z", False),
        # a hedged amount is read, and asked about
        ("in about 2 hours", "2026-01-14T12:00:00Z", True),
        ("in roughly a day", "2026-01-15T10:00:00Z", True),
    ],
)
def test_a_word_between_in_and_the_amount(text: str, instant: str, asked: bool) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant, answer
    assert answer["needs_confirmation"] is asked


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        # "in the evening" with no day: the next evening (today's, still ahead), asked
        ("remind me in the evening to water the plants", "2026-01-14T19:00:00Z"),
        # the morning has gone by: tomorrow's
        ("in the morning, call the garage", "2026-01-15T09:00:00Z"),
    ],
)
def test_in_the_part_of_the_day_alone_is_the_next_one_asked(text: str, instant: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["datetime"] == instant, answer
    assert answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    # "alarm", "get up" and "after" that are the task's words, not waking or a delay
    [
        "check the alarm system at 5",
        "fire alarm test at 5",
        "get up to speed on the project at 5",
    ],
)
def test_task_words_that_look_like_waking_leave_a_bare_hour_asked(text: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"], answer
    assert answer["schedule"]["datetime"].endswith("T17:00:00Z"), answer


def test_after_an_amount_of_something_is_not_a_delay() -> None:
    answer = _read("after two weeks of testing, deploy on Friday at 5pm")
    assert answer["schedule"]["datetime"] == "2026-01-16T17:00:00Z", answer


@pytest.mark.parametrize("text", ["every quarter of an hour", "every quarter hour"])
def test_every_quarter_of_an_hour(text: str) -> None:
    assert _read(text)["schedule"]["expression"] == "*/15 * * * *"
