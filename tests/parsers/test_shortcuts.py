"""The parser's shortcuts give what the long way gives: each one skips work only where the
work is known to change nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from itertools import islice
from random import Random
from zoneinfo import ZoneInfo

import pytest
from cron_descriptor import CasingTypeEnum, ExpressionDescriptor, Options
from dateutil.rrule import rrulestr

from agentcron.parsers import doubts, recurrence
from agentcron.parsers import lexicon as lx
from agentcron.parsers import tokens as tokenizer
from agentcron.parsers.doubts import _WORDS, letter_runs
from agentcron.parsers.grammar import read, reads_nothing
from agentcron.parsers.humanize import Describer
from agentcron.parsers.phrase import Phrase, Rejected
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.understand import _TRAIL, _without_trail
from agentcron.parsers.wallclock import to_instant
from agentcron.parsers.zones import lookup_place, place_starts

COMMANDS = [
    "remind me to water the plants every Monday at 9am",
    "check the build and every friday at 4pm",
    "post the weekly report to the team in New York time every day",
    "send local time digest at 8 in London on weekdays",
    "feed the cat at noon, then walk the dog in Tokyo",
    "summarize yesterday's incidents every day at 9am please",
    "the the the to a for my our server local time",
]


@pytest.mark.parametrize("text", COMMANDS)
def test_a_token_that_reads_nothing_reads_nothing(text: str) -> None:
    tokens = tokenize(text)
    for start, token in enumerate(tokens):
        if not reads_nothing(token):
            continue
        try:
            phrase, end = read(tokens, start=start, partial=True)
        except Rejected:
            pytest.fail(f"{token.value!r} was refused, not skipped")
        assert (phrase, end) == (Phrase(), start), token.value


def test_words_that_start_something_are_read() -> None:
    words = ["every", "at", "the", "new", "local", "my", "london"]
    assert not any(reads_nothing(tokenize(word)[0]) for word in words)
    assert all(t.kind == lx.WORD and reads_nothing(t) for t in tokenize("water plants build"))


def test_every_place_starts_with_a_place_start() -> None:
    assert lookup_place("new york") is not None
    assert {"new", "london", "tokyo"} <= place_starts()
    assert "plants" not in place_starts()


@pytest.mark.parametrize(
    "task",
    [
        "check the build",
        "check the build to",
        "check the build and then",
        "call Sam every",
        "call Sam.",
        "call Sam, (please)",
        "water the plants ON",
        "ping the team 9",
        "send the reminder",
        "call Sam ſaying",  # a long s: the pattern reads it as "s" whatever its case
        "call İn",
        "",
        "to",
        "thenx",
        "AND THEN",
        "call Sam - and; then]",
        "build_to",  # "_" is a letter of a word to the pattern: no word boundary
        "build2 to",
        "to5",
        "rand",
        "call Sam\x1c and",  # a separator is white space to both
        "call Sam and\n",
    ],
)
def test_a_task_without_its_trailing_words_is_as_the_pattern_cuts_it(task: str) -> None:
    assert _without_trail(task) == _TRAIL.sub("", task)


def test_a_task_peeled_from_its_end_is_as_the_pattern_cuts_it() -> None:
    """Random ASCII tasks of trailing words, marks and the characters next to them."""
    pieces = ["to", "And", "THEN", "every", "reminder", "build", "x", "9", "_", " ", "  ", ","]
    pieces += [".", "!", "?", "(", ")", "[", "]", "-", ";", ":", "'", "/", "\t", "\n", "\x1c"]
    rng = Random(11)
    for _ in range(3000):
        task = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert _without_trail(task) == _TRAIL.sub("", task), task


def test_digits_said_apart_are_looked_for_only_where_they_may_be() -> None:
    """The cheap pattern before _SPACED_DIGITS finds every text that one matches."""
    rng = Random(12)
    for _ in range(3000):
        text = "".join(rng.choice("0123456789 :ah") for _ in range(rng.randint(0, 12)))
        if tokenizer._SPACED_DIGITS.search(text) is not None:
            assert tokenizer._DIGIT_SPACE_DIGITS.search(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "every 3 months on the 10th at 9am, check mr. o'neil's build",
        "9ish or so ~10am",
        "",
        "   ",
        "café à 9h",  # not ASCII: the pattern itself
        "tab\tand\nnewline_under-score",
        "UPPER lower",
    ],
)
def test_letter_runs_are_the_patterns_runs(text: str) -> None:
    assert letter_runs(text) == _WORDS.findall(text)


def _first_the_long_way(
    rule: str, zone: ZoneInfo, after: datetime, now: datetime, inclusive: bool
) -> datetime | None:
    """recurrence.first_occurrence as it was before its shortcut: every rule read by
    dateutil (`_series`: a rule without INTERVAL is its cached reading given this DTSTART)."""
    assert recurrence._series(rule, after).after(after, inc=True) == next(
        iter(rrulestr(rule, dtstart=after, ignoretz=True)), None
    )
    for wall in islice(recurrence._series(rule, after), recurrence.MAX_LOOK):
        if wall < after or (wall == after and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None


def _random_rules(count: int) -> list[str]:
    """Rules of the shapes the shortcut reads, and some just outside them."""
    random = Random(14)
    codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    rules = []
    for _ in range(count):
        parts = [f"FREQ={random.choice(['DAILY', 'WEEKLY', 'WEEKLY', 'MONTHLY'])}"]
        if random.random() < 0.7:
            days = random.sample(codes, random.randint(1, 7))
            if random.random() < 0.1:
                days[0] = f"{random.choice([1, 2, -1])}{days[0]}"  # counted: not the shortcut's
            parts.append("BYDAY=" + ",".join(days))
        if random.random() < 0.1:
            parts.append("INTERVAL=2")  # not the shortcut's
        hours = random.sample(range(24), random.choice([1, 1, 2, 3, 12]))
        minutes = random.sample(range(60), random.choice([1, 1, 2, 4, 15]))
        parts.append("BYHOUR=" + ",".join(map(str, hours)))
        parts.append("BYMINUTE=" + ",".join(map(str, minutes)))
        parts.append(f"BYSECOND={random.choice(['0', '0', '0', '30', '0,30'])}")
        rules.append(";".join(parts))
    return rules


# starts around the 2027 DST changes of New York, Berlin and Sydney, and plain days
_STARTS = [
    datetime(2027, 3, 14, 1, 59, 59),
    datetime(2027, 3, 14, 2, 30),
    datetime(2027, 11, 7, 1, 0),
    datetime(2027, 11, 7, 1, 30),
    datetime(2027, 3, 28, 1, 59),
    datetime(2027, 10, 31, 2, 30),
    datetime(2027, 4, 4, 2, 0),
    datetime(2026, 1, 14, 10, 0),
    datetime(2026, 12, 31, 23, 59, 59),
    datetime(2028, 2, 28, 23, 59),
]
_ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC"]


@pytest.mark.parametrize("rule", _random_rules(120))
def test_a_rule_s_first_occurrence_is_dateutil_s(rule: str) -> None:
    random = Random(rule)
    for _ in range(4):
        zone = ZoneInfo(random.choice(_ZONES))
        after = random.choice(_STARTS)
        # now: at the start, a little before or after it (as the parser's callers give it)
        now = datetime.combine(after.date(), after.time(), tzinfo=zone).astimezone(UTC)
        now += timedelta(minutes=random.choice([-90, -1, 0, 0, 1, 59, 600]))
        inclusive = random.random() < 0.3
        expected = _first_the_long_way(rule, zone, after, now, inclusive)
        found = recurrence.first_occurrence(rule, zone, after, now, inclusive=inclusive)
        assert found == expected, (rule, zone, after, now, inclusive)
        # a start on an occurrence itself, which counts only with `inclusive`
        on = next(iter(rrulestr(rule, dtstart=after, ignoretz=True)), None)
        if on is not None:
            before = datetime.combine(on.date(), on.time(), tzinfo=zone).astimezone(UTC)
            before -= timedelta(minutes=1)
            for inclusive in (True, False):
                expected = _first_the_long_way(rule, zone, on, before, inclusive)
                found = recurrence.first_occurrence(rule, zone, on, before, inclusive=inclusive)
                assert found == expected, (rule, zone, on, before, inclusive)


def test_the_shortcut_reads_only_the_shapes_it_knows() -> None:
    start = datetime(2026, 1, 14, 10, 0)
    known = recurrence._every_day_or_week
    assert known("FREQ=WEEKLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", start) is not None
    assert known("FREQ=DAILY;BYDAY=MO,FR;BYHOUR=9,17;BYMINUTE=0;BYSECOND=0", start) is not None
    for rule in [
        "FREQ=DAILY;INTERVAL=2;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "FREQ=WEEKLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=3",
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
        "freq=daily;byhour=9;byminute=0;bysecond=0",
        "FREQ=DAILY;BYHOUR=24;BYMINUTE=0;BYSECOND=0",
        "FREQ=DAILY;BYHOUR=9,;BYMINUTE=0;BYSECOND=0",
        "FREQ=MONTHLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "FREQ=DAILY;BYHOUR=9;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
    ]:
        assert known(rule, start) is None, rule
    assert known("FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", start.replace(microsecond=5)) is None


_WORDY = [
    *COMMANDS,
    "/remindme in 2h 2os dawafry and 2os again",
    "feed the cat at 9am CAT, the cat again",
    "hike the mountain at 10 mountain time",
    "1 second, a second reviewer on the second Monday",
    "mon-fri check-in at 9, check in",
    "thrusday wensday septmber check",
    "in 3d check d w the d",
    "every 2 week(s) minute(s) stuff(s)",
    "in an hour's time, the hour's end",
    "10:00 AM Indian Standard Time, cook indian food",
    "Check The BUILD Build build",
]


def test_a_word_remembered_as_plain_is_read_as_before() -> None:
    def scan_each_afresh() -> list[list[object]]:
        scanned = []
        for text in _WORDY:
            tokenizer._PLAIN_WORDS.clear()
            scanned.append(tokenizer._scan(text))
        return scanned

    long_way = scan_each_afresh()
    for text in _WORDY * 2:
        tokenizer._scan(text)  # every plain word of every text remembered
    assert {"check", "build", "feed"} <= tokenizer._PLAIN_WORDS
    assert "cat" not in tokenizer._PLAIN_WORDS  # a zone's name in some texts
    assert [tokenizer._scan(text) for text in _WORDY] == long_way
    tokenizer._PLAIN_WORDS.clear()


@pytest.mark.parametrize(
    "expression",
    [
        "0 9 * * 1-5",
        "*/15 * * * *",
        "30 14 1,15 * *",
        "0 0 L * *",
        "0 9 * * 1#2",
        "0 8-17 * 1-3 *",
        "5 4 * * SUN",
        "0 22 * * 1-5",
        "0 0 1 1 *",
        "0 */2 * * *",
    ],
)
def test_the_describer_sharing_a_catalogue_says_what_cron_descriptor_says(expression: str) -> None:
    options = Options()
    options.casing_type = CasingTypeEnum.Sentence
    ours, theirs = Describer(expression, options), ExpressionDescriptor(expression, options)
    assert ours.get_description() == theirs.get_description()
    assert ours.get_time_of_day_description() == theirs.get_time_of_day_description()


def test_told_verbs_are_the_patterns_verbs() -> None:
    """doubts.told runs its pattern only on a text with one of _TOLD_VERBS: they must be all
    the verbs the pattern knows."""
    verbs = re.search(r"\(\?:set\|got.*?\)\\b", doubts._TOLD.pattern, re.S)
    assert verbs is not None
    assert set(re.findall(r"[a-z]+", verbs.group().replace("?:", ""))) - {"b"} == doubts._TOLD_VERBS


def _rules_every_few_periods(count: int) -> list[str]:
    """Daily and weekly rules with an INTERVAL (or none), some on a few weekdays only."""
    random = Random(17)
    codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    rules = []
    for _ in range(count):
        parts = [f"FREQ={random.choice(['DAILY', 'WEEKLY', 'WEEKLY'])}"]
        if random.random() < 0.8:
            parts.append(f"INTERVAL={random.choice([1, 2, 2, 3, 4, 13])}")
        if random.random() < 0.6:
            parts.append("BYDAY=" + ",".join(random.sample(codes, random.randint(1, 7))))
        parts.append("BYHOUR=" + ",".join(map(str, random.sample(range(24), random.randint(1, 3)))))
        parts.append(f"BYMINUTE={random.choice(['0', '30', '0,45'])}")
        parts.append("BYSECOND=0")
        random.shuffle(parts)
        rules.append(";".join(parts))
    return rules


def _first_stepped(
    rule: str, zone: ZoneInfo, after: datetime, now: datetime, inclusive: bool
) -> datetime | None:
    """recurrence.first_occurrence before it counted periods long past: each occurrence made,
    from the start (a rule with an INTERVAL in dateutil's bounded calendar)."""
    if "INTERVAL" in rule:
        series = recurrence._bounded_series(rule, after)
    else:
        series = iter(recurrence._series(rule, after))
    for wall in islice(series, recurrence.MAX_LOOK):
        if wall < after or (wall == after and not inclusive):
            continue
        instant = to_instant(wall.date(), wall.time(), zone)
        if instant > now:
            return instant
    return None


@pytest.mark.parametrize("rule", _rules_every_few_periods(80))
def test_a_series_from_long_ago_comes_round_as_dateutil_s(rule: str) -> None:
    """A series that started years ago ("every other Thursday starting August 2nd, 2007") is
    not stepped through from its start: the periods long past are counted, not made, and the
    answer is dateutil's (MAX_LOOK and the end of its calendar included)."""
    random = Random(rule)
    for _ in range(5):
        zone = ZoneInfo(random.choice([*_ZONES, "Pacific/Apia", "Pacific/Kiritimati"]))
        year = random.choice([1548, 1949, 1950, 1980, 2007, 2019, 2025, 2026])
        after = datetime(year, random.randint(1, 12), random.randint(1, 28), random.randint(0, 23))
        now = datetime(2026, 1, 14, 10, 0, tzinfo=UTC) + timedelta(hours=random.randint(0, 9000))
        inclusive = random.random() < 0.5
        expected = _first_stepped(rule, zone, after, now, inclusive)
        found = recurrence.first_occurrence(rule, zone, after, now, inclusive=inclusive)
        assert found == expected, (rule, zone, after, now, inclusive)
