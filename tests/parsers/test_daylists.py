"""Round eleven (daylists11): timetable rows and day listings as class, gym, library, club and
office-hours pages write them (tests/parsers/outside/t11_daylists.txt).

Day letters are days only in a listing's shape (parsers/dayletters.py); am/pm said once covers a
range or a list; a class named by its weekday is weekly; a list of times ended by "etc." goes on
at its step.
"""

from __future__ import annotations

import pytest

from agentcron.parsers.dayletters import letter_days, small_hours_doubt
from agentcron.parsers.timetable import weekday_class
from tests.parsers.reading import asks, brief, cron, read

# -- day letters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("MWF 10:00-10:50", "Mon/Wed/Fri 10:00-10:50"),
        ("11:30am M/W/F", "11:30am Mon/Wed/Fri"),  # the time before the letters
        ("T/TH 9:35", "Tue/Thu 9:35"),  # Thursday in capitals
        ("time: 'TTh 2:00-3:15 PM'", "time: 'Tue/Thu 2:00-3:15 PM'"),  # a quote before them
        ("MTWRFSU 06:55:00", "Mon/Tue/Wed/Thu/Fri/Sat/Sun 06:55:00"),  # S after Friday
        ("SMTWRFS 9am", "Sun/Mon/Tue/Wed/Thu/Fri/Sat 9am"),  # a week from Sunday
        ("F 3-5:30PM", "Fridays 3-5:30PM"),  # one letter before a clock time: every Friday
        ("Bunco 4th W 1:30 p.m.", "Bunco 4th Wed 1:30 p.m."),  # one letter after an ordinal
        ("Computer Tutoring T 1:00 & 2:00 p.m.", "Computer Tutoring Tuesdays 1:00 & 2:00 p.m."),
    ],
)
def test_day_letters_in_a_listing_are_days(text: str, said: str) -> None:
    assert letter_days(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "TMRW 7AM",  # "tomorrow": the letters are not in the week's order
        "REMIND ME TMRW 7AM YOGA",
        "T-shirt 10am",
        "W. Main St at 7pm",
        "MS 10:00",  # S after Monday: Saturday, or no day at all?
        "S 9am",  # Saturday or Sunday?
        "U 9am",
        "W 42nd St",  # one letter without a clock time after it
        "F11-1:30PM",  # glued to the number
        "Section A, B, C",
    ],
)
def test_letters_that_are_no_days(text: str) -> None:
    assert letter_days(text) == text


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("MWF 1:00-2:00 PM", "0 13 * * 1,3,5"),  # in capitals: still the letters' days
        ("CS 3230 - TR 9:30 AM", "30 9 * * 2,4"),
        ("11:30am M/W/F", "30 11 * * 1,3,5"),
        ("F 3-5:30PM", "0 15 * * 5"),
        ("Bunco 4th W 1:30 p.m.", "30 13 * * 3#4"),
        ("sudo pmset repeat wakeorpoweron MTWRFSU 17:55:00", "55 17 * * 0-6"),  # every day
        ("alert: 'M, T, W, Th, F, Sa 9:00 a.m.'", "0 9 * * 1-6"),
    ],
)
def test_a_timetable_row_in_day_letters_runs_every_week(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_small_hours_beside_day_letters_are_asked() -> None:
    """Day letters are the 12-hour clock's notation: "TTh 2:00" is the afternoon's, likely."""
    assert brief(read("TTh 2:00-3:15")) == "0 2 * * 2,4 ?"
    assert asks("TTh 1:00")
    assert not asks("TTh 9:30")  # the morning's hours are the morning's
    assert not asks("Tue/Thu 18:00-19:00")
    note = small_hours_doubt("TTh 2:00", ('"2:00" read on the 24-hour clock as 02:00',))
    assert note is not None and "2:00pm" in note
    assert (
        small_hours_doubt("Thursday 2:00", ('"2:00" read on the 24-hour clock as 02:00',)) is None
    )


@pytest.mark.parametrize(
    "text",
    ["% mw 12-19-2011", "Offshore wind turbine 5 MW 12-18 RPM generator", "TMRW 7AM"],
)
def test_capitals_in_codes_and_units_are_no_timetable(text: str) -> None:
    answer = read(text)
    assert answer["schedule"] is None or answer["schedule"]["type"] != "cron" or asks(text)


# -- am/pm said once -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("TuTh 8-8:50AM", "0 8 * * 2,4"),  # the start within the end's hour
        ("MW 12-1:20 PM", "0 12 * * 1,3"),  # 12 is the dial's first hour: noon
        ("Mondays 12 - 12:50 PM", "0 12 * * 1"),
        ("F 11-1:30PM", "0 11 * * 5"),  # 11 is after 1 on the dial: the morning's
        ("MW 8:30-9:45PM", "30 20 * * 1,3"),
        ("Mon/Wed 9:00-9:50 PM", "0 21 * * 1,3"),
        ("Tuesdays 1:00 & 2:00 p.m.", "0 13,14 * * 2"),  # a list: both afternoon
        ("every day at 1 & 2 pm", "0 13,14 * * *"),
    ],
)
def test_am_or_pm_said_once_covers_the_range_or_list(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_list_whose_earlier_hour_is_later_on_the_dial_keeps_its_own_reading() -> None:
    """ "9:00 and 5:00 pm": the morning's 9 (the pm is the 5's alone)."""
    assert cron("daily at 9:00 and 5:00 pm") == "0 9,17 * * *"


def test_an_opening_span_still_starts_in_the_morning() -> None:
    assert cron("every 30 minutes 9-5pm on weekdays") == "*/30 9-16 * * 1-5"


# -- classes named by their weekday --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("tuesday evening yoga at 7pm", "tuesday evening yoga"),
        ("saturday morning story time 10:30 am", "saturday morning story time"),
        ("a drop-in tuesday morning class at 6:15am", "tuesday morning class"),
        ("wednesday night bingo", "wednesday night bingo"),
        ("tuesday at 7pm", None),
        ("the class on tuesday", None),
    ],
)
def test_weekday_class(text: str, named: str | None) -> None:
    assert weekday_class(text, frozenset(text.replace(":", " ").split())) == named


def test_a_class_named_by_its_weekday_is_every_week() -> None:
    assert brief(read("Tuesday evening yoga at 7pm")) == "0 19 * * 2"
    assert cron("Saturday Morning Story Time 10:30 AM") == "30 10 * * 6"
    # without a time the hour is a guess: asked
    assert brief(read("Saturday Morning Storytime")) == "0 9 * * 6 ?"
    # a request about it is the coming one
    assert read("remind me about Tuesday evening yoga at 7pm")["schedule"]["type"] == "at"


# -- lists that go on ----------------------------------------------------------------------------


def test_a_list_of_times_with_etc_goes_on_at_its_step() -> None:
    """ "5:00, 5:30, 6:00, 6:30 etc.": every half hour, asked (it may stop somewhere)."""
    assert brief(read("I need it to run at 5:00, 5:30, 6:00, 6:30 etc.")) == "*/30 * * * * ?"
    assert asks("at 14:00, 14:05 etc.")  # five minutes from 14:00: until when?


def test_examples_of_an_hourly_run_start_after_midnight() -> None:
    """ "every hour at minute 0 (1:00, 2:00, 3:00, etc.)": midnight is one of the runs."""
    assert cron("This runs the script every hour at minute 0 (1:00, 2:00, 3:00, etc.)") == (
        "0 0-23 * * *"
    )
    assert (
        cron("every 2 hours (2:00, 4:00, 6:00, etc.)") == "0 0,2,4,6,8,10,12,14,16,18,20,22 * * *"
    )
    # a list that starts later in the day still runs until midnight, asked
    assert brief(read("every 2 hours at 9am, 11am and so on")) == (
        "0 9,11,13,15,17,19,21,23 * * * ?"
    )


# -- what a listing says beside the schedule -----------------------------------------------------


def test_a_venue_named_after_a_city_is_not_its_zone() -> None:
    answer = read("All Lectures are Tu/Th 10:30-11:50 am in Center Hall, University Center.")
    assert answer["schedule"]["timezone"] == "UTC"
    assert read("every Monday at 9am in Tokyo")["schedule"]["timezone"] == "Asia/Tokyo"


def test_ages_are_no_time() -> None:
    text = (
        "Join us every Saturday morning for story time! Two sessions: 11:00am for ages 0-5 "
        "and 11:30am for ages 6-10."
    )
    assert cron(text) == "0,30 11 * * 6"


# -- more listing shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("MW noon–1", "0 12 * * 1,3"),  # the end's half of the day read from the start
        ("Section: F 12-12:50", "0 12 * * 5"),  # the start written as its end is
        ("Fridays 10-10:50", "0 10 * * 5"),
        ("Aqua Aerobics - MWF - 8:00am", "0 8 * * 1,3,5"),  # a dash between days and time
        ("M & W 4pm", "0 16 * * 1,3"),
    ],
)
def test_more_listing_shapes(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_long_window_after_a_start_with_its_half_of_the_day_is_asked() -> None:
    """ "from 10am to 2 on weekdays": four hours, not a meeting (as "10am to 2pm" is): hours
    kept, read at their start and asked (round seventeen's opening hours)."""
    assert brief(read("from 10am to 2 on weekdays")) == "0 10 * * 1-5 ?"


def test_letters_joined_by_an_ampersand_out_of_order_are_no_days() -> None:
    assert letter_days("T&M at 9am") == "T&M at 9am"


def test_times_offered_by_appointment_are_asked() -> None:
    assert brief(read("Computer Tutoring T 1:00 & 2:00 p.m. by appointment")) == ("0 13,14 * * 2 ?")
    # "on request of" someone is why, not when
    assert not asks("send the report every Monday at 9am on request of the manager")


@pytest.mark.parametrize("text", ["Room F 10:00-11:00", "Studio M 6pm", "Court T 7pm"])
def test_a_letter_that_labels_a_room_is_no_day(text: str) -> None:
    assert letter_days(text) == text


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("YOGA SA 9AM", "0 9 * * 6"),  # Saturday in capitals
        ("TU/TH 9:30AM", "30 9 * * 2,4"),
        ("TTh 12:30-1:45", "30 12 * * 2,4"),  # a 12-hour clock's window over noon
        ("MWF 10:30-1:15", "30 10 * * 1,3,5"),
    ],
)
def test_capitals_and_windows_over_noon(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("M-Th 6:20 PM", "Mon-Thu 6:20 PM"),  # a span of letters
        ("Carryout Dinner M-TH 6-7pm", "Carryout Dinner Mon-Thu 6-7pm"),
        ("//TTH 12:30 - 2pm", "//Tue/Thu 12:30 - 2pm"),  # after a comment's slashes
        ("T-Mobile at 5pm", "T-Mobile at 5pm"),
        ("S-M 10am", "S-M 10am"),  # sizes, or Sunday to Monday?
        ("W-M 10am", "W-M 10am"),  # not in the week's order
    ],
)
def test_spans_of_day_letters(text: str, said: str) -> None:
    assert letter_days(text) == said


@pytest.mark.parametrize(
    ("text", "expression"),
    [("TR 11", "0 11 * * 2,4"), ("MWF 9", "0 9 * * 1,3,5"), ("TTh 2", "0 14 * * 2,4")],
)
def test_a_bare_hour_ending_a_row_is_its_time(text: str, expression: str) -> None:
    """ "TR 11": the class meets at 11 (a bare 2 is the afternoon's, asked as elsewhere)."""
    assert cron(text) == expression
    assert letter_days("MWF 10 reps") == "Mon/Wed/Fri 10 reps"  # a count, not an hour
