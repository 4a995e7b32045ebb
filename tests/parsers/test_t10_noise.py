"""Round ten (noise10): the noise around a schedule — a place, an aside, a label, terse days and
times, the time or the day said twice, names with schedule words in them — changes nothing.

The rewrites (tests/parsers/noise_variants.py) are shown on examples here; their invariance over
the corpus is held by test_t8_variants' sample test (`python -m tests.parsers.variants --family
places`, `asides`, `listings`, `terse`, `twice`, `names`). Then the rules fixed for what they
broke: a schedule word that starts a place's name (parsers/places.py), "at" before a name, day
letters with commas, a time said twice (aloud with hyphens, or again in brackets).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.build import said_again
from agentcron.parsers.dayletters import letter_days
from agentcron.parsers.places import DAY_IN_NAME, NAME, place_name
from agentcron.parsers.tokens import ClockTime, tokenize
from tests.parsers import variants as v
from tests.parsers.reading import brief

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str) -> dict:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


# -- the rewrites ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "rewritten"),
    [
        ("place in Room 204", "Run the backup at 7pm.", "Run the backup at 7pm in Room 204."),
        ("place at June Hall", "is it every day at 9am?", "is it every day at 9am at June Hall?"),
        ("place at June Hall", "0 9 * * 1", None),  # code
        ("place at June Hall", "/remind me at 5pm", None),  # a bot's command
        (
            "place after the time: in Room 204",
            "every Monday at 7pm. Bring snacks",
            "every Monday at 7pm in Room 204. Bring snacks",
        ),
        ("place after the time: in Room 204", "from 9am to 5pm", "from 9am to 5pm in Room 204"),
        ("aside — all welcome", "every Friday at 7pm", "every Friday at 7pm — all welcome"),
        ("listing Book club:", "every Friday at 7pm", "Book club: every Friday at 7pm"),
        ("listing Book club:", "Daily: 9am standup", None),  # one label is enough
        ("listing tab columns", "every Friday at 7pm.", "Book club\tevery Friday at 7pm\tRoom 204"),
        ("listing trailing !!", "every Friday at 7pm.", "every Friday at 7pm!!"),
        ("listing trailing !!", "is it every Friday?", None),
        ("terse days M/W/F", "every Monday, Wednesday and Friday at 9", "every M/W/F at 9"),
        ("terse days MWF", "on Tuesdays and Thursdays at 7:30pm", "on TTh at 7:30pm"),
        ("terse days T, Th", "Tuesday and Thursday at 1pm", "T, Th at 1pm"),
        ("terse days MWF", "between Monday and Friday at 9", None),  # a range
        ("terse days MWF", "the first and third Friday and Saturday", None),
        ("terse days MWF", "practice on Monday through Friday", None),
        ("terse time 7:30p", "every day at 7:30pm", "every day at 7:30p"),
        ("terse time range 9a-5p", "weekdays 9am-5pm", "weekdays 9a-5p"),
        ("terse time seven-thirty pm", "at 4:05 PM", "at four-oh-five pm"),
        ("terse time seven-thirty pm", "at 11:45 am", "at eleven-forty-five am"),
        ("terse time seven-thirty pm", "at 2:10 am", None),  # "two-ten": a range?
        (
            "twice time, starting at",
            "every Tuesday at 6 p.m.",
            "every Tuesday at 6 p.m., starting at 6pm",
        ),
        ("twice time (18:00)", "friday 1 pm", "friday 1 pm (13:00)"),
        ("twice time (18:00)", "at 9am and 5pm", None),  # which one?
        (
            "twice day heading",
            "book club every Tuesday at 7pm",
            "TUESDAY: book club every Tuesday at 7pm",
        ),
        ("twice day heading", "Monday and Friday at 9", None),
        ("name Monday Club:", "every Thursday at 7pm", "Monday Club: every Thursday at 7pm"),
        ("name Monday Club:", "at 4pm", None),  # the club's name may say when
        (
            "name with the 5th Avenue group",
            "walk at 7am.",
            "walk at 7am with the 5th Avenue group.",
        ),
        ("weekdays Mon–Fri", "every weekday at 9am", "Mon–Fri at 9am"),
    ],
)
def test_the_noise_rewrites(kind: str, text: str, rewritten: str | None) -> None:
    assert v.KINDS[kind].rewrite(text) == rewritten


# -- a schedule word that starts a name --------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "word", "noun", "said"),
    [
        (lx.MONTH, "June", "Hall", NAME),
        (lx.ZONE, "Pacific", "Room", NAME),
        (lx.ZONE, "Eastern", "Avenue", NAME),
        (lx.ORD, "11th", "floor", NAME),
        (lx.ORD, "second", "floor", NAME),
        (lx.ORD, "5th", "Avenue", NAME),
        (lx.ORD, "third", "Hall", None),  # "the third hall": not a numbered kind of place
        (lx.DAY, "Monday", "Club", DAY_IN_NAME),
        (lx.MONTH, "june", "hall", None),  # no capitals: nothing says it is a name
        (lx.MONTH, "JUNE", "HALL", None),  # shouted: capitals say nothing
        (lx.MONTH, "June", "meeting", None),
        (lx.NUM, "5", "Hall", None),
    ],
)
def test_place_name(kind: str, word: str, noun: str, said: str | None) -> None:
    assert place_name(kind, word, noun) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day at 9am at June Hall", "0 9 * * *"),
        ("every day at 9am at June Hall.", "0 9 * * *"),
        ("Every day at 9:00am in the Pacific Room", "0 9 * * *"),
        ("every day at 9am, on Eastern Avenue", "0 9 * * *"),
        ("every Monday at 9am on the second floor", "0 9 * * 1"),
        ("Wednesdays, 6:00-7:00pm at Geekdom on the 11th floor", "0 18 * * 3"),
        ("every day at 9am with the 5th Avenue group", "0 9 * * *"),
        ("every Friday at 7pm on Third Street", "0 19 * * 5"),
        ("Monday Club: every Thursday at 7pm", "0 19 * * 4 ?"),  # the name's Monday: asked
        ("Sunday School 9:30 AM", "30 9 * * 0"),  # the only day said: the name's
        ("every day in June at 9am", "0 9 * 6 *"),  # a month, not a name
        ("every day at 9am in the Pacific time zone", "0 9 * * *"),
    ],
)
def test_a_schedule_word_in_a_place_name_is_not_time(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


def test_at_a_capitalised_name_asks_nothing() -> None:
    assert brief(read("every Tuesday at 7pm at Geekdom")) == "0 19 * * 2"
    assert (
        brief(read("weekdays at teatime")) is None
        or read("weekdays at teatime")["needs_confirmation"]
    )


# -- day letters with commas -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("every M, W, F at 9am", "every Mon/Wed/Fri at 9am"),
        ("T, Th at 7:30pm", "Tue/Thu at 7:30pm"),
        ("M,W 2-4pm", "Mon/Wed 2-4pm"),
        ("Section A, B, C", "Section A, B, C"),  # not day letters
        ("M, W", "M, W"),  # no time, no "every": may be anything
    ],
)
def test_day_letters_with_commas(text: str, said: str) -> None:
    assert letter_days(text) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every M, W, F at 9am", "0 9 * * 1,3,5"),  # was every minute of the 9 o'clock hour
        ("book club on T, Th at 7:30pm", "30 19 * * 2,4"),
    ],
)
def test_day_letters_read(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


# -- a time said twice -------------------------------------------------------------------------


def _clock(hour: int, minute: int = 0, meridiem: str | None = None, h24: bool = False) -> ClockTime:
    return ClockTime(hour, minute, meridiem, h24)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (_clock(1, 0, "pm"), _clock(13, 0, None, True), True),
        (_clock(5, 15, "pm"), _clock(17, 15, None, True), True),
        (_clock(9), _clock(9), True),  # "at 9 … starting at 9"
        (_clock(9), _clock(9, 0, "pm"), False),  # which 9?
        (_clock(9, 0, "am"), _clock(9, 30, "am"), False),
        (_clock(6, 0, "pm"), _clock(6, 0, "am"), False),
    ],
)
def test_said_again(first: ClockTime, second: ClockTime, same: bool) -> None:
    assert said_again(first, second) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday 1 pm (13:00)", "2026-01-16T13:00:00Z"),  # was every Friday
        ("Please set the alarm for 5:15 pm (17:15).", "2026-01-14T17:15:00Z"),  # was every day
        ("Update workflow to run on 1pm every day (13:00)", "0 13 * * *"),
        ("tomorrow at 9am (9:00 CET)", None),  # another zone's clock: which?
        ("At 09:00 AM, on day 1 and 15 of the month (09:00)", "0 9 1,15 * *"),
        ("every weekday at 9am, starting at 9am", "0 9 * * 1-5"),
        ("every Tuesday at 6 p.m., starting at 6pm", "0 18 * * 2"),
        ("1pm next friday, starting at 1pm", "2026-01-16T13:00:00Z"),
        ("every day at 9am starting at 10am", None),  # two times: which?
    ],
)
def test_a_time_said_twice_is_one_time(text: str, expected: str | None) -> None:
    assert brief(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("four-oh-five pm", [4, "oh", 5, "pm"]),
        ("eleven-forty-five am", [11, 45, "am"]),
        ("seven-thirty pm", [7, 30, "pm"]),
        ("two-ten am", [2, "-", 10, "am"]),  # two to ten, or 2:10? left as written
        ("twenty-one", [21]),
    ],
)
def test_a_time_said_aloud_with_hyphens(text: str, values: list[object]) -> None:
    assert [t.value for t in tokenize(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Runs at four-oh-five pm UTC on Fridays", "5 16 * * 5"),
        ("daily at three-oh-one pm", "1 15 * * *"),
        ("Wake me up at six-forty-five am tomorrow", "2026-01-15T06:45:00Z"),
    ],
)
def test_times_said_aloud_read(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a room's number is still a number in the task: asked ("i'll attend the meeting at
        # 2pm tomorrow in room 304" is refused by it as a statement)
        ("Wednesdays 10a - 11a in HFH 1155", "0 10 * * 3 ?"),
        ("every Tuesday at 7pm in room 221", "0 19 * * 2 ?"),
        ("Meetings every Thursday in Room 231 at lunch :)", "0 9 * * 4 ?"),  # "at lunch": when?
        ("order lunch every day at 11am", "0 11 * * *"),
        (
            "📈 Monthly Leadership Meeting Time: Every second Friday of the month at 7pm",
            "0 19 * * 5#2",
        ),
        ("Every Tuesday at 7pm at Geekdom", "0 19 * * 2"),
    ],
)
def test_what_a_listing_says_beside_the_schedule(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


def test_a_house_number_with_a_letter_is_not_a_time() -> None:
    text = "Meeting on the 1st Thursday of each month at 7pm at the JH Offices (34a Stoney St)"
    assert brief(read(text)) in ("0 19 * * 4#1", "0 19 * * 4#1 ?")  # was "34am is not a time"
    assert next(t.kind for t in tokenize("34a Stoney St")) == lx.WORD
    assert brief(read("every day at 9a")) == "0 9 * * *"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a frequency word that starts a name, against the text's own frequency: the text's
        ("Weekly Standup notes: every day at 9am", "0 9 * * * ?"),  # was refused
        ("Daily Bread pantry: Weekly on Mondays", "0 9 * * 1 ?"),  # was refused
        # agreeing, or alone: still how often
        (
            "Monthly Membership Meeting Time: Every second Tuesday of the month at 8pm",
            "0 20 * * 2#2",
        ),
        ("Weekly Sync: every Monday at 9am", "0 9 * * 1"),
        ("Daily Standup at 9am", "0 9 * * *"),
        ("Weekly Standup Monday 9am", "0 9 * * 1"),
    ],
)
def test_a_frequency_word_in_a_name(text: str, expected: str) -> None:
    assert brief(read(text)) == expected
