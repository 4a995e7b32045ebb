"""Round ten: odd tokens, zones and place names — text typed by people, not by a spec
(tests/parsers/outside/t10_tokens.txt holds the phrases in other people's words; these are the
families in words of our own)."""

from __future__ import annotations

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers.tokens import names_a_place, tokenize, two_digit_year
from tests.parsers.reading import brief, cron, once, read

# -- a colon typed with a space: "17: 00", "10 : 00 pm", "9 :00" -------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Swimming - Saturdays at 17: 00", "0 17 * * 6"),  # was read as midnight
        ("every day at 17 :00", "0 17 * * *"),  # was refused: ":00" as minutes past the hour
        ("every day at 17 : 00", "0 17 * * *"),
        ("every Monday at 10 : 00 pm", "0 22 * * 1"),  # was refused: "0pm"
        ("every Saturday at 17: 00.", "0 17 * * 6"),
        ("daily from 9 : 30", "30 9 * * *"),
    ],
)
def test_a_spaced_colon_is_a_time(text: str, expression: str) -> None:
    assert brief(read(text)) == expression


def test_a_spaced_colon_after_no_clock_word_asks() -> None:
    assert brief(read("every day 17: 00")) == "0 17 * * * ?"


@pytest.mark.parametrize("text", ["Step 3: 15 minutes", "Round 2: 30 secs", "Day 1: 30 days"])
def test_a_spaced_colon_before_a_unit_is_no_time(text: str) -> None:
    assert not any(token.kind == lx.TIME for token in tokenize(text))


def test_a_spaced_colon_inside_a_word_or_number_is_no_time() -> None:
    assert not any(token.kind == lx.TIME for token in tokenize("Q1: 10 tickets, 117: 00"))


# -- characters typed for ASCII ones -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "every day at １７：００",  # full-width digits and colon
        "every day at 17∶00",  # the ratio sign
        "every day at 17꞉00",  # the modifier letter colon
        "every day at 5:00\u202fPM",  # CLDR's narrow no-break space
        "every day at 5:00\u00a0PM",
        "every day at 5 p. m.",
    ],
)
def test_typed_characters_read_as_their_ascii(text: str) -> None:
    assert cron(text) == "0 17 * * *"


def test_typed_characters_keep_the_spans() -> None:
    text = "every day at １７：００ check"
    tokens = tokenize(text)
    assert text[tokens[-1].start : tokens[-1].end] == "check"


# -- zone words that are part of a place's name ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("at 5:30PM at Central Office..", 14),
        ("every Monday at 5pm at Central Library", 23),
        ("meet on Eastern Avenue", 8),
        ("at 12 Pacific Street", 6),
        ("in Mountain View", 3),
        ("at the Pacific Club", 7),
        ("Pacific Coast Highway cleanup", 0),
        ("it's 8 AM in Central Asia", 13),
        ("at 9am at Grand Central", 16),
        ("at 5pm Central Park", 7),  # a kind of place even right after a time
    ],
)
def test_region_words_naming_places(text: str, start: int) -> None:
    end = text.index(" ", start) if " " in text[start:] else len(text)
    assert names_a_place(text, start, end, after_time=text[start - 4 : start - 1] == "5pm")


@pytest.mark.parametrize(
    ("text", "start", "after_time"),
    [
        ("every day at 9am Central", 17, True),
        ("at 9am Eastern Time", 7, True),
        ("at 9am Pacific Standard Time", 7, True),
        ("at 5pm Central European Time", 7, True),
        ("at 9am Eastern, every weekday", 7, True),
        ("every weekday at 9am Pacific Standup with the team", 21, True),
        ("9am Central Monday to Friday", 4, True),
        ("Central time 9am", 0, False),
        ("EVERY DAY AT 9AM CENTRAL TIME", 17, True),
    ],
)
def test_region_words_that_are_zones(text: str, start: int, after_time: bool) -> None:
    end = start + len(text[start:].split()[0].rstrip(","))
    assert not names_a_place(text, start, end, after_time=after_time)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("The committee meets the 2nd Tuesday of the month at 5:30PM at Central Office.", "UTC"),
        ("meet every Tuesday at 6pm on Eastern Avenue", "UTC"),
        ("every Sunday at 10am at Central Station", "UTC"),
        ("every day at 9am Central", "America/Chicago"),
        ("every Wednesday at 6 pm Central Time", "America/Chicago"),
        ("every weekday at 9am Pacific Standup with the team", "America/Los_Angeles"),
    ],
)
def test_the_schedule_runs_in_the_zone_meant(text: str, zone: str) -> None:
    assert read(text)["schedule"]["timezone"] == zone


# -- numeric dates whose order nothing settles -------------------------------------------------


@pytest.mark.parametrize("text", ["4/7", "remind me on 4/7 at 3pm", "on 12/3 at 3pm", "every 4/7"])
def test_a_numeric_date_of_either_order_asks_in_a_zone_of_no_country(text: str) -> None:
    assert brief(read(text)).endswith(" ?")


def test_a_month_first_country_settles_the_order() -> None:
    assert once("4/7", "America/New_York") == "2026-04-07T13:00:00Z"


@pytest.mark.parametrize(
    ("text", "instant"), [("15/2", "2026-02-15T09:00:00Z"), ("2/15", "2026-02-15T09:00:00Z")]
)
def test_a_day_over_twelve_settles_the_order(text: str, instant: str) -> None:
    assert once(text) == instant


@pytest.mark.parametrize(
    ("written", "year"), [(74, 1974), (99, 1999), (69, 1969), (68, 2068), (27, 2027), (0, 2000)]
)
def test_two_digit_years(written: int, year: int) -> None:
    assert two_digit_year(written) == year


def test_a_two_digit_year_of_the_last_century_is_past() -> None:
    assert read("10/31/74")["schedule"] is None


# -- days counted from today: the day at 9:00, asked; "from now" keeps the time ---------------


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("3 weeks from today", "2026-02-04T09:00:00Z ?"),
        ("a week from today", "2026-01-21T09:00:00Z ?"),
        ("three days after today", "2026-01-17T09:00:00Z ?"),
        ("a week today", "2026-01-21T09:00:00Z ?"),
        ("two months from today", "2026-03-14T09:00:00Z ?"),
        ("3 weeks from today at 10am", "2026-02-04T10:00:00Z"),  # a time said: nothing to ask
        ("a week from tomorrow", "2026-01-22T09:00:00Z"),  # a day that is not this one
        ("3 weeks from now", "2026-02-04T10:00:00Z"),
        ("in 3 weeks", "2026-02-04T10:00:00Z"),
        ("a fortnight from now", "2026-01-28T10:00:00Z"),
    ],
)
def test_days_from_today(text: str, instant: str) -> None:
    assert brief(read(text)) == instant


@pytest.mark.parametrize("text", ["a week Tuesday", "a week on Tuesday"])
def test_a_week_tuesday_is_the_tuesday_after_next(text: str) -> None:
    assert once(text) == "2026-01-27T09:00:00Z"


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("in two weeks from today at 4pm", "2026-01-28T16:00:00Z"),  # was refused: a start
        ("create a calendar event in two weeks from today at 4h", "2026-01-28T04:00:00Z"),
        ("in 3 days from now", "2026-01-17T10:00:00Z"),
        ("in a week from tomorrow", "2026-01-22T09:00:00Z"),
    ],
)
def test_in_said_with_from(text: str, instant: str) -> None:
    assert once(text) == instant


def test_the_spaced_colon_pattern_is_the_scan_with_two_changes() -> None:
    """The pattern for texts with ": " or " :" is the usual one with the spaced-colon branch and
    a spaced colon in the am/pm branch: both edits of its source must have taken."""
    from agentcron.parsers import tokens

    spaced = tokens._PATTERN_SPACED.pattern
    assert "(?P<spaced>" in spaced and "(?P<spaced>" not in tokens._PATTERN.pattern
    assert r"\x20:\x20?|:\x20)(?P<m>" in spaced
    assert r"\x20:" not in tokens._PATTERN.pattern
