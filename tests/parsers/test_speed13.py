"""Round thirteen's speed work: what was made faster says exactly what it said before."""

from __future__ import annotations

import itertools
import random

import pytest

from agentcron.parsers.humanize import _common_shape, _described, describe_cron

_TIMES = [(m, h) for m in (0, 5, 30, 59) for h in (0, 1, 9, 11, 12, 13, 23)]
_DAY = [str(d) for d in range(8)]
_WEEKDAY_FIELDS = (
    ["*"]
    + _DAY
    + [f"{a}-{b}" for a, b in itertools.product(_DAY, _DAY)]
    + [f"{d}#{n}" for d in _DAY for n in range(1, 6)]
    + [",".join(days) for size in (2, 3) for days in itertools.permutations(_DAY, size)]
    + [",".join(days) for days in itertools.combinations(_DAY, 4)]
    + ["1,1", "1,3,5,0,6", "1,2,3,4,5,6,0", "5,4,3,2"]
)


def _slow(expression: str) -> str:
    return _described(expression, expression.split())


def _same(expression: str) -> None:
    fast = _common_shape(expression.split())
    assert fast is not None, expression
    assert fast == _slow(expression), expression


def test_every_time_of_day_reads_as_cron_descriptor_says() -> None:
    for minute, hour in itertools.product(range(60), range(24)):
        _same(f"{minute} {hour} * * *")


def test_every_list_of_hours_reads_as_cron_descriptor_says() -> None:
    hours = [str(hour) for hour in range(24)]
    for minute in (0, 30):
        for size in (2, 3):
            for listed in itertools.permutations(hours, size):
                if size == 2 or sum(map(int, listed)) % 5 == 0:
                    _same(f"{minute} {','.join(listed)} * * *")
    _same("15 0,6,12,18 * * 1-5")
    _same("0 1,2,3,4,5,6,7,8 1 6 *")


def test_every_day_of_week_field_reads_as_cron_descriptor_says() -> None:
    for (minute, hour), days in itertools.product(_TIMES[::3], _WEEKDAY_FIELDS):
        _same(f"{minute} {hour} * * {days}")


def test_every_day_and_month_reads_as_cron_descriptor_says() -> None:
    for (minute, hour), day, month in itertools.product(
        _TIMES[::4], ["*", *map(str, range(1, 32))], ["*", *map(str, range(1, 13))]
    ):
        _same(f"{minute} {hour} {day} {month} *")
    for days, month in itertools.product(_WEEKDAY_FIELDS[::7], map(str, range(1, 13))):
        _same(f"0 9 * {month} {days}")


def test_a_sample_of_the_whole_shape_reads_as_cron_descriptor_says() -> None:
    pick = random.Random(13)
    for _ in range(2000):
        day = pick.choice(["*", str(pick.randint(1, 31))])
        days = pick.choice(_WEEKDAY_FIELDS) if day == "*" else "*"
        month = pick.choice(["*", str(pick.randint(1, 12))])
        hours = ",".join(str(pick.randint(0, 23)) for _ in range(pick.choice((1, 1, 2, 3))))
        _same(f"{pick.randint(0, 59)} {hours} {day} {month} {days}")


@pytest.mark.parametrize(
    "expression",
    [
        "*/5 * * * *", "0 9-17 * * *", "0 9-17,20 * * *", "0 9 15 * 1", "0 9 * * 07", "00 9 * * *",
        "0 24 * * *", "60 9 * * *", "0 9 0 * *", "0 9 32 * *", "0 9 * 13 *", "0 9 L * *",
        "0 9 * * 5L", "0 9 * * 1#6", "0 9 * * 8", "0 9 * * MON", "0 9 * JAN *", "0 9 * * 1-5/2",
        "0 9 * * 1#1,3#3", "0 0 9 * * *", "0 9 * *", "0 9, * * *", "0 ,9 * * *", "0 9,24 * * *",
    ],
)  # fmt: skip
def test_other_shapes_are_left_to_cron_descriptor(expression: str) -> None:
    assert _common_shape(expression.split()) is None


@pytest.mark.parametrize(
    "expression", ["0 9 * * 1-5", "0 9 15 * 1", "0 9-17 * * *", "30 8 * * 1#2", "0 9 * * 5L"]
)
def test_describe_cron_is_either_reading(expression: str) -> None:
    assert describe_cron(expression) == _slow(expression)


# -- gates: a pattern runs only when a word its matches need is said ---------------------------

from agentcron.parsers import narration  # noqa: E402
from agentcron.parsers.doubts import letter_runs  # noqa: E402
from tests.parsers.corpus import CASES  # noqa: E402
from tests.parsers.outside import load  # noqa: E402

_GATES = [(narration._FUTURE_EVENT, narration._EVENT_VERB_CUES)]
_MADE_UP = [
    "The ceremony will begin at 7", "Doors will open at 6", "it will kick off at 9",
    "Dinner will be served at 7", "The shop is set to close at 5", "we go. X will go live at 3",
    "The race shall start at noon", "Registration is going to end at 5",
]  # fmt: skip


def test_each_gated_pattern_matches_only_where_its_words_are() -> None:
    # (never the held-out probe: a failure would print its phrase)
    texts = (
        {phrase.text for phrase in load(skip=("r13_",))}
        | {case.text for case in CASES}
        | set(_MADE_UP)
    )
    for pattern, cues in _GATES:
        matched = 0
        for text in texts:
            if text.isascii() and pattern.search(text) is not None:
                matched += 1
                assert not cues.isdisjoint(letter_runs(text.lower())), (pattern.pattern, text)
        assert matched, pattern.pattern  # the check looked at texts the pattern reads


def test_the_event_verbs_gate_names_every_verb_of_the_pattern() -> None:
    # a verb added to _EVENT_VERBS must add its first word to the gate
    verbs = narration._EVENT_VERBS.strip("(?:)").split("|")
    assert {verb.split("\\s+")[0] for verb in verbs} == narration._EVENT_VERB_CUES
