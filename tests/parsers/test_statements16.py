"""Round sixteen's statements (parsers/narration.py `_TOLD_16`, `told_without_time`, the
unsaid times; cron_comment.asserted_message; cronline's labelled expression in single quotes):
a report with no subject, a fault, what works, an opinion of a time, a poll's result, code
explained, a story's turn, plans made, a group reminded of an event, the speaker's own plan and
others' habits with no time said — each asks; the requests beside them keep their answers."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

import pytest

from agentcron.parsers import narration, understand_fast
from agentcron.parsers.cron_comment import ASSERTED_NOTE, asserted_message
from agentcron.parsers.doubts import letter_runs

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)


def _words(text: str) -> frozenset[str]:
    return frozenset(letter_runs(text.lower()))


def _told(text: str) -> str | None:
    return narration.told_16(text, _words(text), narration._first_word(text))


@pytest.mark.parametrize(
    "text",
    [
        "Had the test run @1545",
        "Ran the backup at 2am and it took an hour",
        "Scheduled appointment for tomorrow morning at 9 AM.",
        "Booked a table for Friday at 8pm",
        "the task's scheduling at 01:00 is skipped which is not correct.",
        "* Regular SIG Meeting - Zoom link for “6:30pm UTC/11:30 PST” is not available",
        "Scheduled deliveries at midnight are sometimes skipped when the scheduler is very busy.",
        "If I want to do something every 5 minutes it works without problems.",
        "The job itself isn't directly impacting so 09:00 should be fine to sync them up.",
        "Tuesday at 3 would work for me",
        "It seems like Wednesdays @ 10am ET works best for the most people.",
        "Bootstrap meeting vote complete, confirmed meeting time: Mar 18, 10am Pacific Time",
        "`{ minute: 15 }` is a quarter past every hour",
        "`@hourly` means once an hour",
        'However, it rings every day at 8 PM and shows up as "Today" on the list of alarms:',
        "Unfortunately the job runs at midnight",
        "Regular lessons were planned, e.g. every Tuesday and Thursday at 18:00.",
        "Remind the team about the all-hands meeting tomorrow at 2pm on Slack",
        "remind everyone about the meeting at 3pm",
    ],
)
def test_a_statement_is_told(text: str) -> None:
    assert _told(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Schedule an appointment for tomorrow at 9 AM",
        "book a table for Friday at 8pm",
        "Had to remind them at 5",  # (an obligation told: "had to" + a request's verb)
        "remind me every day at 9 to check that it works fine",
        "OK, that will work. Can you book an appointment for afternoon 2:45?",
        "That works for me. Add this to my calendar with the time of afternoon 3:30.",
        "`refresh_forecasts` runs every two hours, at :23 rather than on the hour",
        "`certbot.timer` is scheduled to run every 12 hours",
        "Recycling collection was missed in some parts of town and will be recollected May 2.",
        "However you like: every Monday at 9",
        "Remind me about the meeting at 3pm today",
        "Remind the team about the launch.",  # (no time: the reminder's own, asked elsewhere)
        "Remind the team to submit their timesheets every Friday at 4pm",
    ],
)
def test_not_a_statement(text: str) -> None:
    assert _told(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'll set a reminder for every evening",
        "I'll set up a reminder to prompt you each morning.",
        "I'm going to set up a daily check that runs every morning.",
        "Every evening at Dashashwamedh Ghat, priests perform the Ganga Aarti with towering lamps.",
        "Every Sunday, families, youth and children come together to share the joy of the Gospel",
        "Every morning, the Monks of Faerhorn blow massive horns",
    ],
)
def test_told_without_a_time(text: str) -> None:
    words = _words(text)
    assert narration.told_without_time(text, words, narration._first_word(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I need a reminder every evening",
        "Every evening, remind me to water the plants",
        "every morning, post the standup notes",
        "we need to set a reminder for every evening",
    ],
)
def test_not_told_without_a_time(text: str) -> None:
    words = _words(text)
    assert narration.told_without_time(text, words, narration._first_word(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        't.Errorf("weekday fire %d is %s, want Monday through Friday at 7 AM", i, f.UTC())',
        't.Errorf("local clock = %02d:%02d, want 09:00", h, m)',
        'assert_eq!(describe(&recurrence), "every day at 09:05");',
        "self.assertEqual(describe(rule), 'Every day at 9:00 AM')",
        'expect(text).toBe("every Monday at 9")',
        'raise ValueError("run at 5pm only")',
    ],
)
def test_a_tests_message_is_asserted(text: str) -> None:
    assert asserted_message(text) == ASSERTED_NOTE


@pytest.mark.parametrize(
    "text",
    [
        "remind me every day at 9 to fix the failing assertion",
        "schedule(action='create', when='30 7 * * *')",
        'expect("x")',
    ],
)
def test_not_a_tests_message(text: str) -> None:
    assert asserted_message(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Scheduled appointment for tomorrow morning at 9 AM.",
        't.Errorf("weekday fire %d is %s, want Monday through Friday at 7 AM", i, f.UTC())',
        "/// Monday through Friday at the wall-clock time.",
        "`{ minute: 15 }` is a quarter past every hour",
        "Bootstrap meeting vote complete, confirmed meeting time: Mar 18, 10am Pacific Time / 1pm "
        "Eastern Time.",
        "* Regular SIG Meeting - Zoom link for “6:30pm UTC/11:30 PST” is not available",
        "Had the test run @1545",
        'However, it rings every day at 8 PM and shows up as "Today" on the list of alarms:',
        "As shown in the following img, the task's scheduling at 01:00 is skipped which is not "
        "correct.",
        "e..g.  `*/3 6-21 * * 1-5` run every 3 minutes throughout the night, even though it should "
        "stop at 9pm",
        "If I want to do something every 5 minutes it works without problems.",
        "I'll set a reminder for every evening",
        "Every evening at Dashashwamedh Ghat, priests perform the Ganga Aarti with towering lamps.",
        "Regular lessons were planned, e.g. every Tuesday and Thursday at 18:00.",
        "The job itself isn't directly impacting so 09:00 should be fine to sync them up.",
        "Remind the team about the all-hands meeting tomorrow at 2pm on Slack",
        "Send me the report every Monday at the regular time",
    ],
)
def test_statements_ask(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert not result.ok or result.needs_confirmation, result.to_dict()


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Set a reminder for every Tuesday at 3pm to review weekly metrics", "0 15 * * 2"),
        ("Remind the team to submit their timesheets every Friday at 4pm", "0 16 * * 5"),
        (
            "`refresh_forecasts` runs every two hours, at :23 rather than on the hour",
            "23 */2 * * *",
        ),
        ("run backup daily at 2am local time", "0 2 * * *"),
        ("We’ll remind you every evening at 8 PM.", "0 20 * * *"),
    ],
)
def test_requests_keep_their_answers(text: str, expression: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.ok and result.schedule is not None
    assert result.schedule["expression"] == expression
    assert not result.needs_confirmation, result.notes


def test_a_labelled_expression_in_single_quotes_is_read_and_asked() -> None:
    result = understand_fast("cron: '0 4 * * 3'", now=NOW)
    assert result.schedule == {"type": "cron", "expression": "0 4 * * 3", "timezone": "UTC"}
    assert result.needs_confirmation
    assert any("without “cron”" in note for note in result.notes)


def test_a_table_check_reads_only_when_its_cue_is_said() -> None:
    table = narration.Checks(
        narration.Told(frozenset({"had"}), re.compile(r"^had\b", re.I), "{said}", first=True)
    )
    assert narration.read_table(table, "Had lunch at 1", _words("Had lunch at 1"), "had") == "Had"
    assert narration.read_table(table, "had", frozenset(), "lunch") is None
    # a request's opening is skipped by the checks that say so, read by the others
    said = "remind me at 5"
    skipping = narration.Checks(
        narration.Told(frozenset({"at"}), re.compile(r"at"), "{said}", skips_requests=True)
    )
    assert narration.read_table(skipping, said, _words(said), "remind") is None
    reading = narration.Checks(narration.Told(frozenset({"at"}), re.compile(r"at"), "{said}"))
    assert narration.read_table(reading, said, _words(said), "remind") == "at"


def test_a_table_check_needs_each_of_its_other_words_and_prints_its_group() -> None:
    check = narration.Told(
        frozenset({"fails"}),
        re.compile(r"the (?P<verb>fails)", re.I),
        "“{said}”",
        also=(frozenset({"backup"}), frozenset({"weekly"})),
    )
    said = "the nightly backup: the fails"
    assert narration.read_table(narration.Checks(check), said, _words(said), "the") is None
    check = narration.Told(
        check.cues, check.pattern, check.message, also=check.also[:1], group="verb"
    )
    assert narration.read_table(narration.Checks(check), said, _words(said), "the") == "“fails”"
    # the table's gate: the words one of which must be said for any check to run
    assert narration.Checks(check).cues == frozenset({"fails"})
    assert narration.Checks(check).firsts == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "Use this for more complex and precise timing patterns, such as every 15 minutes from 9 "
        "AM to 5 PM on weekdays.",
        "Use this to run a job at a fixed time, e.g. every day at 9am",
        "use it when you need a recurring run, for example every Monday at 8",
    ],
)
def test_a_tools_use_shown_by_an_example_asks(text: str) -> None:
    assert _told(text) is not None
    assert understand_fast(text, now=NOW).needs_confirmation


def test_a_request_with_an_example_is_not_a_tools_use() -> None:
    assert _told("Run the backup every day, e.g. at 9am") is None
    assert _told("use the staging server every Monday at 9") is None


@pytest.mark.parametrize(
    "unit",
    [
        "Every evening, ",
        "remind the team about the ",
        "`a` ",
        "is not ",
        "it works ",
        "9 should be ",
        "however, the ",
        "assert(f(",
        "at the wall clock ",
    ],
)
def test_hostile_input_stays_fast(unit: str) -> None:
    text = (unit * 5000)[:5000]
    start = time.process_time()
    _told(text)
    narration.told_without_time(text, _words(text), narration._first_word(text))
    asserted_message(text)
    narration.feature_described(text, _words(text))
    assert time.process_time() - start < 2.0
