"""Months, days and holidays inside people's and things' names (parsers/names.py; the phrases
in other people's words are in tests/parsers/outside/t11_names.txt): a name sets no schedule,
and the same word said as time still does."""

from __future__ import annotations

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers.names import HOLIDAY_IN_NAME, name_word
from agentcron.parsers.places import DAY_IN_NAME, NAME
from agentcron.parsers.tokens import spelled_like, tokenize
from tests.parsers.reading import cron, read


def _verdict(text: str, word: str) -> str | None:
    """What name_word says of the token written `word` in `text` (the tokens read from the
    text in lower case, where no name is marked, at the same places)."""
    tokens = tokenize(text.lower())
    k = next(k for k, t in enumerate(tokens) if text[t.start : t.end] == word)
    return name_word(tokens, k, text)


# -- people: a title, an initial, a surname or a verb that takes a person ----------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # round ten's miss: ran in June only
        (
            "support group, 5:30 p.m. second Wednesday at the June E. Nylen Cancer Center",
            "30 17 * * 3#2",
        ),
        ("Dr. June Smith office hours every Wednesday at 2 pm", "0 14 * * 3"),
        ("Piano lessons with Ms. May every Tuesday at 4pm", "0 16 * * 2"),
        ("April Smith will lead the standup every weekday at 9:30am", "30 9 * * 1-5"),
        ("meeting with Mark August every Tuesday at 10am", "0 10 * * 2"),
        ("remind me every day at 8pm to text August", "0 20 * * *"),
        ("remind me every Friday at 4pm to email April the timesheet", "0 16 * * 5"),
        ("remind me to pick up May from school at 3:15pm every weekday", "15 15 * * 1-5"),
    ],
)
def test_a_month_that_names_a_person_sets_no_month(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_name_after_a_date_leaves_the_date() -> None:
    # "call April" at the end was read as a second month: "June 5 … April" a range, refused
    answer = read("remind me on June 5 at 9am to call April")
    assert answer["schedule"]["datetime"] == "2026-06-05T09:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "every Tuesday in June Meeting at 7pm",  # a kind of event: the month's
        "Closed in August Students return in September",  # "in" before it: a time
        "every Monday through June Location: Room 5",
        "call June 5 at 9am",  # a date after it
        "JUNE SMITH EVERY TUESDAY",  # shouted: capitals say nothing
    ],
)
def test_a_month_said_as_time_stays_a_month(text: str) -> None:
    tokens = tokenize(text)
    assert any(t.kind == lx.MONTH for t in tokens), tokens


@pytest.mark.parametrize(
    ("text", "word", "verdict"),
    [
        ("Dr. June Park", "June", NAME),
        ("the June E. Nylen Cancer Center", "June", NAME),
        ("call June on Friday", "June", NAME),
        ("with Mark August", "August", NAME),
        ("in June Smith", "June", None),
        ("the June Meeting", "June", None),
        ("Wednesday Addams night", "Wednesday", DAY_IN_NAME),
        ("Wednesday at noon", "Wednesday", None),
        ("Easter Seals board", "Easter", HOLIDAY_IN_NAME),
        ("Easter Sunday", "Easter", None),
    ],
)
def test_name_word(text: str, word: str, verdict: str | None) -> None:
    assert _verdict(text, word) == verdict


# -- names one letter from a month's ---------------------------------------------------------


@pytest.mark.parametrize("word", ["augusta", "augustus", "augustin"])
def test_names_like_a_month_are_no_misspelling(word: str) -> None:
    assert spelled_like(word) is None


def test_a_misspelled_month_is_still_read() -> None:
    assert spelled_like("septembre") == "september"


def test_to_augusta_is_no_end_date() -> None:
    # "to Augusta" was "to August": the schedule ended on August 1
    answer = read("Send the leasing report to Augusta at Country Lakes every Monday at 8am")
    assert answer["schedule"].get("end_at") is None
    assert answer["schedule"]["expression"] == "0 8 * * 1"


# -- days and holidays in names: plain only when the text says another when -----------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Wednesday Addams movie night every Friday at 8pm", "0 20 * * 5"),  # was Wed and Fri
        ("Good Friday Agreement reading group every Monday at 7pm", "0 19 * * 1"),  # was Easter-2
        ("Easter Seals board meets the third Thursday of every month at noon", "0 12 * * 4#3"),
        ("Holiday lights on Christmas Tree Lane every night at 6pm", "0 18 * * *"),
        ("Sunday Worship 10:30am", "30 10 * * 0"),  # the only day: still the day
    ],
)
def test_a_day_or_holiday_in_a_name_gives_way_to_another_when(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_a_holiday_in_a_name_alone_is_still_the_holiday() -> None:
    # "Easter Egg Hunt at 10am": nothing else says when, so Easter it is
    answer = read("Easter Egg Hunt at 10am")
    assert answer["schedule"]["datetime"] == "2026-04-05T10:00:00Z"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Team lunch with June and April every Friday at noon", "0 12 * * 5"),  # was April only
        ("Dr. June Smith and May Lee every Monday at 9am", "0 9 * * 1"),  # was May only
        ("every Friday in June and April at noon", "0 12 * 4,6 5"),  # months listed: both kept
        ("every Monday except in July and August Holidays at 9am", "0 9 * 1-6,9-12 1"),
    ],
)
def test_the_second_of_two_names_is_a_name_too(text: str, expression: str) -> None:
    assert cron(text) == expression


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("1:1 w/ April every Tuesday 2pm", "0 14 * * 2"),
        ("Standup hosted by June every weekday at 9:15", "15 9 * * 1-5"),
        ("June will host trivia every Thursday at 7pm", "0 19 * * 4"),
    ],
)
def test_a_person_named_by_what_is_said_around_the_name(text: str, expression: str) -> None:
    assert cron(text) == expression


def test_by_a_month_alone_is_a_deadline_still() -> None:
    tokens = tokenize("finish the report by June every Friday at 5pm")
    assert any(t.kind == lx.MONTH for t in tokens)
