"""Round seventeen, English requests and listing lines (requests17): an alarm's bare hour said
after its days is the morning's ("/alarm every weekday at 6"); an alarm at 12:30 asks noon or
midnight; "nightly at 10:00 UTC" keeps 10:00 (asked); "tomorrow around two" is 2pm; "once per
night (at 23h00)" is every night; "Send the weekly report tomorrow" is one run; a club's
programme line ("Monday at 1.30pm Duplicate session …") is weekly; a note in code's comment, a
notation explained, "near the exit" and a season between two holidays ask."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.listings import plural_activity, programme_line
from agentcron.parsers.request_cues import near_trigger, note_in_code, quoted_meaning
from tests.parsers.reading import said

NOW = datetime(2026, 1, 14, 10, tzinfo=UTC)


_answer = said


# -- the pure cues ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("// ping me tomorrow to clean this up", "// ping me"),
        ("// Remind me tomorrow at 9 o'clock", "// Remind me"),
        ("// TODO: remind me on Friday at 3pm to remove this flag", "// remind me"),
        ("/* ping me on Monday to revert */", "/* ping me"),
        ("ping me tomorrow to clean this up", None),
        ("//schedule every Saturday at 10am: check the backups", None),
        ("// Run every day at 9am", None),
    ],
)
def test_note_in_code(text: str, said: str | None) -> None:
    assert note_in_code(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '"*Shopping @ fri(w)*" means make a task shopping every friday',
            '"*Shopping @ fri(w)*"',
        ),
        ("``2/P2`` means every other cycle, from cycle point 2.", "``2/P2``"),
        ("`@daily` means every day at midnight", "`@daily`"),
        ("remind me every day at 9 — it means a lot", None),
        ('Set "every day at 9am" as the schedule', None),
    ],
)
def test_quoted_meaning(text: str, said: str | None) -> None:
    assert quoted_meaning(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("wake me up at 8am near the exit", "the exit"),
        ("At 8 remind me near the station", "the station"),
        ("Remind me near the end of a fast (default)", "the end of"),
        ("remind me at 8 to pick up milk", None),
        ("the office is near the station, standup at 9", None),
    ],
)
def test_near_trigger(text: str, said: str | None) -> None:
    assert near_trigger(text) == said


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Monday at 1.30pm Duplicate session in the Bridge Room", "Duplicate session"),
        ("Thursday at 7.30pm: Duplicate session on Real Bridge", "Duplicate session"),
        ("Friday at 10am Coffee Morning in the hall", None),  # ("coffee": a get-together)
        ("Friday at 3pm Call mom", None),  # an errand
        ("Wednesday 04:00 UTC (5am CET / 6am CEST)", None),  # a zone, not a name
        ("Monday 27 September 2021 – virtual meeting", None),  # a date, not a time
        ("Thursday at 7pm: join your first live session", None),  # not a name
    ],
)
def test_programme_line(text: str, name: str | None) -> None:
    assert programme_line(text) == name


def test_plural_that_opens_the_line() -> None:
    text = "Games on Saturday at 12pm (Fields vary)"
    assert plural_activity(text.lower(), text) == "Games"
    runs = "Runs on Friday at 18:00 to prepare next week's schedules"
    assert plural_activity(runs.lower(), runs) is None  # a verb, not the day's events
    assert plural_activity("updates on monday at 9am", "Updates on Monday at 9am") is None


def test_cues_stay_fast_on_hostile_text() -> None:
    hostile = [
        "// " + "todo " * 900,
        '"' + "a" * 59 + '" ' + "mean " * 800,
        "remind me " + "x " * 1000 + "near the exit",
        "Monday at 1.30pm " + "Duplicate " * 500,
        "Games on " * 600,
        "ping me tomorrow around " * 200,
    ]
    for text in hostile:
        text = text[:5000]
        start = time.process_time()
        note_in_code(text)
        quoted_meaning(text)
        near_trigger(text)
        programme_line(text)
        plural_activity(text.lower(), text)
        understand_fast(text, now=NOW)
        assert time.process_time() - start < 2.0, text[:40]


# -- whole sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said", "asks"),
    [
        # an alarm, then when it rings: a bare early hour is the morning's, asked
        ("/alarm every weekday at 6", "0 6 * * 1-5", True),
        ("set an alarm every weekday at 6", "0 6 * * 1-5", True),
        ("set alarm every weekday at 7:30 am", "30 7 * * 1-5", False),
        ("Set a recurring alarm for weekdays at 7", "0 7 * * 1-5", True),
        ("Set an alarm for every weekday at 6.", "0 6 * * 1-5", True),
        ("a false alarm every morning at 6", "0 6 * * *", False),  # a thing, not one to set
        ("!alarm 7:00 Aufstehen", "2026-01-15T07:00:00Z", True),
        ("!alarm 14:30 Meeting", "2026-01-14T14:30:00Z", False),
        ("the fire alarm every Thursday at 3", "0 15 * * 4", True),  # not an alarm to wake
        # 12 and its minutes on an alarm: noon or midnight (Alexa asks)
        ("Siri, set an alarm for 12:30", "2026-01-14T12:30:00Z", True),
        ("wake me up at 12:15 am", "2026-01-15T00:15:00Z", False),
        # a nightly job at a UTC hour of the morning: night in the Americas
        ("The idea is that this gets run nightly at 10:00 UTC.", "0 10 * * *", True),
        ("Called nightly at 8:00 UTC by the Netlify scheduled function", "0 8 * * *", True),
        ("nightly at 03:00 UTC", "0 3 * * *", False),
        ("nightly at 10:00", "0 22 * * *", True),
        # a bare hour said roughly
        ("ping me tomorrow around two about the tailor", "2026-01-15T14:00:00Z", True),
        ("remind me tomorrow at about two", "2026-01-15T14:00:00Z", True),
        ("every day around 10", "0 10 * * *", True),
        # "once per night" is nightly
        ("> ... once per night (at 23h00)", "0 23 * * *", False),
        ("Runs once a night at 11p.m. to rotate daily snapshots", "0 23 * * *", False),
        # a frequency that names the thing, beside "tomorrow": one run
        ("!schedule tomorrow at 3pm Send the weekly report", "2026-01-15T15:00:00Z", True),
        ("Daily standup tomorrow at 9am", "2026-01-15T09:00:00Z", True),
        ("send the weekly report on Friday at 3pm", "0 15 * * 5", True),
        # a club's programme line
        ("Wednesday at 2.30pm: Duplicate session on BBO", "30 14 * * 3", True),
        ("Games on Saturday at 12pm (Fields vary)", "0 12 * * 6", True),
        ("Friday at 3pm Call mom", "2026-01-16T15:00:00Z", False),
        # a cron change told with both expressions quoted: the new one, asked
        (
            "- Change the release proposal cron schedule from `0 5 * * *` (daily) to "
            "`0 5 * * 1-5` (Monday–Friday only)",
            "0 5 * * 1-5",
            True,
        ),
        ("- [ ] Change cron schedule from `*/2 * * * *` to `0 */6 * * *`", "0 */6 * * *", True),
        # asked: a note in code, a notation explained, "near", a season between holidays
        ("// ping me tomorrow to clean this up", "2026-01-15T09:00:00Z", True),
        ("`@daily` means every day at midnight", "0 0 * * *", True),
        ("wake me up at 8am near the exit", "2026-01-15T08:00:00Z", True),
        ("every Sunday at 10am from Memorial Day through Labor Day", "0 10 * * 0", True),
    ],
)
def test_whole_sentences(text: str, said: str, asks: bool) -> None:
    assert _answer(text) == (said, asks)


def test_around_a_number_of_things_is_no_time() -> None:
    result = understand_fast("unit tests are invoked every day around 10 times", now=NOW)
    assert result.schedule is None or result.needs_confirmation
    assert understand_fast("it took me around 5 nights to complete it.", now=NOW).schedule is None
