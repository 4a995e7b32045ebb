"""Round eight (meta8): the same meaning, written another way, reads the same.

tests/parsers/variants.py rewrites the tuned and opened corpus phrases the way people vary
them (times, days, dates, intervals, the frame around the request, zones) and checks the
answer does not change. The first part holds the rules fixed for the breakages it found most
often; the last holds the invariance rate of every kind of variant, on a fixed sample.

    .venv/bin/python -m tests.parsers.variants --list KIND    # the breakages, to read
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.grammar import part_meridiem
from agentcron.parsers.labels import unlabelled
from agentcron.parsers.tokens import tokenize
from tests.parsers import variants as v
from tests.parsers.noise_variants import NOISE_KINDS
from tests.parsers.reading import brief

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def read(text: str) -> dict:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


# -- a part of the day said with an hour is its am/pm ------------------------------------------


@pytest.mark.parametrize(
    ("part", "hour", "meridiem"),
    [
        ("morning", 9, "am"),
        ("morning", 12, None),  # "12 in the morning": which?
        ("afternoon", 12, "pm"),
        ("afternoon", 3, "pm"),
        ("afternoon", 9, None),
        ("evening", 5, "pm"),
        ("evening", 11, "pm"),
        ("evening", 2, None),
        ("night", 11, "pm"),
        ("night", 12, "am"),  # midnight
        ("night", 2, "am"),
        ("night", 5, None),
        ("noon", 3, None),
        ("morning", 13, None),
    ],
)
def test_part_meridiem(part: str, hour: int, meridiem: str | None) -> None:
    assert part_meridiem(part, hour) == meridiem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daily at 9 o'clock in the morning and 5 o'clock in the evening", "0 9,17 * * *"),
        ("every night at 11 o'clock in the evening", "0 23 * * *"),
        ("run the backup every night at 2 o'clock in the morning", "0 2 * * *"),
        ("every 2 hours between 8 in the morning and 8 in the evening", "0 8-20/2 * * *"),
        ("twice a day at 6 in the morning and 6 in the evening", "0 6,18 * * *"),
        ("at 7:30 in the evening", "2026-01-14T19:30:00Z"),
        ("tomorrow at 9 in the morning", "2026-01-15T09:00:00Z"),
    ],
)
def test_an_hour_with_its_part_of_the_day(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


# -- "9h", "0900 hrs", hours and minutes in words ----------------------------------------------


def _clocks(text: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for token in tokenize(text):
        value = token.value
        if token.kind == lx.TIME:
            value = (value.hour, value.minute)  # type: ignore[attr-defined]
        out.append((token.kind, value))
    return out


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("from 9h to 17h", [("word", "from"), ("time", (9, 0)), ("word", "to"), ("time", (17, 0))]),
        ("at 9h and 21h", [("word", "at"), ("time", (9, 0)), ("word", "and"), ("time", (21, 0))]),
        ("at 10h: mow", [("word", "at"), ("time", (10, 0)), ("word", "mow")]),
        # hours, not times: nothing said a time before them, or "later" follows
        ("2h to 3h", [("num", 2), ("unit", "hour"), ("word", "to"), ("num", 3), ("unit", "hour")]),
        ("every 2h", [("word", "every"), ("num", 2), ("unit", "hour")]),
        (
            "at 9am and 2h later",
            [
                ("word", "at"),
                ("time", (9, 0)),
                ("word", "and"),
                ("num", 2),
                ("unit", "hour"),
                ("word", "later"),
            ],
        ),
        ("for 9h00", [("word", "for"), ("time", (9, 0))]),
    ],
)
def test_the_h_way_of_writing_a_time(text: str, tokens: list[tuple[str, object]]) -> None:
    assert _clocks(text) == tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every 30 minutes from 9h to 17h", "*/30 9-16 * * *"),
        ("every Monday at 9h and 17h", "0 9,17 * * 1"),
        ("Every Sunday at 10h: Mow the lawn.", "0 10 * * 0"),
        ("Set an alarm for 9h00", "2026-01-15T09:00:00Z"),
        ("every 12h00", "0 */12 * * * ?"),  # an interval, or noon: asked as before
        ("Set an alarm for 0900 hrs", "2026-01-15T09:00:00Z"),
        ("make an alarm for 1500 hrs", "2026-01-14T15:00:00Z"),
        ("make an alarm for 1500 hours", "2026-01-14T15:00:00Z ?"),  # or 1500 hours from now
        ("every 2 hours after 1800 hrs", "0 18-23/2 * * *"),
        ("Set an alarm for 0600 hrs on weekdays", "0 6 * * 1-5"),
        ("set a timer for 10 minutes", "2026-01-14T10:10:00Z"),
        ("Sundays at eleven fifty-nine pm", "59 23 * * 0"),
        ("every monday six twenty-four pm", "24 18 * * 1"),
        ("April 20, ten am", "2026-04-20T10:00:00Z"),
        ("Tell me when it is five pm", "2026-01-14T17:00:00Z"),  # "when it is": the clock
    ],
)
def test_times_written_other_ways(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


# -- dates: "every 16 March", "until the 30th of October" --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every 16 March", "0 9 16 3 *"),
        ("every 4 July at noon", "0 12 4 7 *"),
        ("every 4 of July at noon", "0 12 4 7 *"),
        ("every 3/16", "0 9 16 3 *"),
        ("every 1/2 hour", "*/30 * * * *"),  # a fraction, still
        ("every 15 minutes", "*/15 * * * *"),
        ("every 2 of the month", "0 9 2 * *"),
    ],
)
def test_every_date_written_day_first_is_yearly(text: str, expected: str) -> None:
    assert brief(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("every Monday at 9am until the 30th of October", "2026-10-30T23:59:59Z"),
        ("every Monday at 9am until the 30th October", "2026-10-30T23:59:59Z"),
        ("weekly on Tuesday until the 31st of March 2027", "2027-03-31T23:59:59Z"),
    ],
)
def test_a_bound_written_the_nth_of_month(text: str, end: str) -> None:
    assert read(text)["schedule"]["end_at"] == end


# -- "every 5pm", "@two pm", spaces, "can you" before a change, spelled ordinals ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every 5pm", "0 17 * * *"),  # was once, silently
        ("every 12am", "0 0 * * *"),
        ("every 00:00", "0 0 * * *"),
        ("every 9am and 5pm", "0 9,17 * * *"),
        ("every 5pm on Mondays", "0 17 * * 1"),
        ("every 1:30 hours", "5400"),  # an amount, as before
        ("march 2nd @two pm", "2026-03-02T14:00:00Z"),  # not someone called Two
        ("ping @seven every day at 9am", "0 9 * * *"),
        ("can you update my standup reminder to 10am", None),
        ("Can you delete the notification for dress rehearsal for 6 pm tomorrow?", None),
        ("could you move the logs to cold storage every Sunday", "0 9 * * 0"),
        ("  Actually  make  it  4pm ", "2026-01-14T16:00:00Z ?"),
        ("  first  thing  every  Monday,  clear  out  the  review  queue ", "0 9 * * 1 ?"),
        ("Every month on the fifteenth pay rent", "0 9 15 * *"),  # was the 14th, asked
        ("every year on december 21st and thirty-first", "0 9 21,31 12 *"),
        ("can you set a timer for half an hour", "2026-01-14T10:30:00Z"),
        # a time said again in another zone, in words or with its part of the day
        ("Mondays eleven am EDT (eight am PDT)", "0 11 * * 1"),
        ("Come back at nine pm ET/6pm PT everyday", "0 21 * * *"),
        ("Mondays 11 o'clock in the morning EDT (8 o'clock in the morning PDT)", "0 11 * * 1"),
        ("at 10am ET / 8am PT", None),  # two instants: which?
        ("could you please set a 20 minute timer for banana bread", "2026-01-14T10:20:00Z"),
        ("the first person to answer gets a prize", None),
    ],
)
def test_more_ways_of_writing_it(text: str, expected: str | None) -> None:
    assert brief(read(text)) == expected


# -- a label before the request ----------------------------------------------------------------


def _names_time(text: str) -> bool:
    return text.lower() in ("daily", "every monday", "when")


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Schedule: cancel my 9am reminder", "cancel my 9am reminder"),
        ("Note to self: am I free at 4?", "am I free at 4?"),
        ("Daily: 9am standup", "Daily: 9am standup"),  # the label says when
        ("When: Every Monday", "When: Every Monday"),
        ("every day at 6:30: is the build green?", "every day at 6:30: is the build green?"),
        ("no label here", "no label here"),
    ],
)
def test_unlabelled(text: str, bare: str) -> None:
    assert unlabelled(text, names_time=_names_time) == bare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schedule: cancel my 9am reminder", None),
        ("Schedule: Am I free tomorrow at 3pm?", None),
        ("Schedule: Move my 3pm meeting to 5pm", None),
        ("Note: Viola has Thursday off", "2026-01-15T09:00:00Z ?"),
        ("Schedule: I have a dentist appointment on Thursday at 3pm", "2026-01-15T15:00:00Z ?"),
        ("Schedule: every weekday at 9am", "0 9 * * 1-5"),
        ("Daily: 9am standup", "0 9 * * *"),
    ],
)
def test_a_label_does_not_hide_what_the_words_are(text: str, expected: str | None) -> None:
    assert brief(read(text)) == expected


# -- the rewrites ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "rewritten"),
    [
        ("time 9 a.m.", "every weekday at 9am", "every weekday at 9 a.m."),
        ("time 0900 hrs", "daily at 17:30", "daily at 1730 hrs"),
        ("time nine am", "every Monday at 5:45pm", "every Monday at five forty-five pm"),
        ("time 9h", "every 12 hours", None),  # no time of day
        ("time 9h", "daily at 21:00", "daily at 21h"),
        ("time 09:00", "At 06:00 AM", None),  # cron-descriptor's wording says "daily"
        ("time noon/midnight", "every day at 12 midnight", "every day at midnight"),
        ("time 09:00", "every day at 12 midnight", "every day at 00:00"),
        ("day Mon", "every Monday and Friday", "every Mon and Fri"),
        ("day every->on Xs", "every mon and wed at 9", "on Mondays and Wednesdays at 9"),
        ("weekdays M-F", "every weekday at 9am", "M-F at 9am"),
        ("weekdays M-F", "the first weekday of the month", None),
        ("date the 5th of January", "every March 16th", "every 16th of March"),
        ("date 5 January", "until Jan 5, 2027", "until 5 January 2027"),
        ("date Jan 5", "on 1st of Jan, June & Dec", None),  # a list of months
        ("ordinal 1st->first", "every 2nd monday", None),  # "every second Monday": which?
        ("ordinal 1st->first", "on the 3rd of each month", "on the third of each month"),
        ("interval every two hours", "every 45 minutes", "every forty-five minutes"),
        ("interval every other hour", "every 2 days at 9", "every other day at 9"),
        ("frame can you ...?", "Run it at 5pm.", "Can you run it at 5pm?"),
        ("frame no remind me to", "remind me to check the logs daily", "Check the logs daily"),
        ("frame no please", "please run the backup at 2am", "Run the backup at 2am"),
        ("zone city", "Mondays 11am EDT", "Mondays 11am New York time"),
        ("zone EST (winter)", "every day at 9am Pacific", "every day at 9am PST"),
    ],
)
def test_rewrites(kind: str, text: str, rewritten: str | None) -> None:
    assert v.KINDS[kind].rewrite(text) == rewritten


def test_number_and_ordinal_words() -> None:
    assert [v.number_word(n) for n in (7, 15, 20, 45, 90)] == [
        "seven",
        "fifteen",
        "twenty",
        "forty-five",
        "ninety",
    ]
    assert [v.ordinal_word(n) for n in (1, 12, 20, 21, 30, 31)] == [
        "first",
        "twelfth",
        "twentieth",
        "twenty-first",
        "thirtieth",
        "thirty-first",
    ]
    assert [v.ordinal_digits(n) for n in (1, 2, 3, 11, 12, 13, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "12th",
        "13th",
        "22nd",
    ]


# -- invariance held, per kind of variant ------------------------------------------------------

PER_KIND = 30
# the share of each kind's sampled cases that keep their answer, as reached on December 4,
# 2026 (round eight); a kind not listed keeps every case. Left (one case each):
# - "every day and on Mondays" is not asked about as "every day and every Monday" is
# - "3 o'clock in the afternoon PDT" restating a time in brackets is not seen as the same
# - "every other second" (an odd way to say every 2 seconds) is asked
# - "at 8h." (a full stop after the "h") is not read as 08:00
# - "01.01 midnight" (a day and month with dots) is read only before digits
# - "run this weekdays at 7:45am, 12:15pm, and 5:30pm" without "on" is refused
# - "12:00:00 noon New York time" among other zones' times is refused
# - "I need a reminder to create a timer for 5 minutes" (r9_voice's timer put in a reminder's
#   frame) is refused: the 5 minutes are the timer's length, not when to remind (main failed
#   this from round ten's start, when the sample drew that phrase)
FLOORS: dict[str, float] = {
    "frame I need a reminder to": 0.96,
    "day every->on Xs": 0.96,
    "time 9 o'clock in the morning": 0.96,
    "interval every other hour": 0.96,
    "time 9h": 0.96,
    "time noon/midnight": 0.96,
    "weekdays weekdays": 0.96,
    "zone city": 0.96,
    # round ten (noise10): the noise around a schedule (tests/parsers/noise_variants.py); one
    # case each may break (0.96 of 30). Left: a label put before a bot's command ("WHEN: hey
    # u/remindmebot remindme! 2 days"), "practice M/W at 5pm" answered where the days in full
    # ask, a name with a frequency word ("Daily Bread pantry: 10a") read as how often, a
    # "TUESDAY:" heading over a one-off appointment, columns around a bare delay ("3 days Call
    # accountant"). "Monday Club: …" keeps 0.93 (two cases): "Monday Club: Thursday December 31"
    # is refused (the club's Monday against a date) and a quoted example after it is asked.
    **dict.fromkeys(
        (kind for kind, *_ in NOISE_KINDS if kind not in ("name Monday Club:",)),
        0.96,
    ),
    "name Monday Club:": 0.93,
    # round seventeen: "Mon (9:00-9:30 PM) India time (IST)" is a timetable's row, every Monday
    # (t6_zones); in tab columns after "Book club" the "Book" reads as a request to book, once
    "listing tab columns": 0.93,
    "weekdays Mon–Fri": 0.96,
}
# the sample leaves out the new tuning files of rounds eight to twelve and round eleven's
# held-out phrases opened in round twelve (others add phrases to them, or fix them, while this
# holds): the cases stay the same, whoever lands next
SKIP = ("t8_", "t9_", "t10_", "t11_", "t12_", "t13_", "t14_", "t15_", "t16_", "t17_")
SKIP = (*SKIP, "r11_", "r12_", "r13_", "r14_", "r15_", "r16_")


def test_every_kind_of_variant_keeps_the_answer() -> None:
    per_kind, broken = v.measure(v.sample(PER_KIND, skip=SKIP))
    assert set(per_kind) == set(v.KINDS), set(v.KINDS) ^ set(per_kind)
    low = {
        kind: f"{c['ok']}/{c['cases']}"
        for kind, c in per_kind.items()
        if c["ok"] < FLOORS.get(kind, 1.0) * c["cases"] - 1e-9
    }
    shown = [f"[{case.variant.kind}] {result}: {case.text!r}" for case, result in broken]
    assert not low, (low, shown)
