"""Round four's refusal families and their near misses (phrases like those of
tests/parsers/outside/r4_refusals.txt and r4_nearmiss.txt, in other words): what must be refused
or asked about — "the other day", a question that proposes a time, a change to a job that
exists, "around" before a day, a sentence about the speaker, "4M" — and the loose-looking times
that have one answer: hours and minutes in words, "a m"/"in the PM", "@noon", "hence", "a
quarter of an hour"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday, 10:00 UTC


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _once(text: str) -> str | None:
    answer = _read(text)
    assert not answer["needs_confirmation"], answer
    schedule = answer["schedule"]
    assert schedule is not None and schedule["type"] == "at", answer
    return str(schedule["datetime"])


# -- refused -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["I met them the other week", "we spoke the other evening", "it broke the other night"],
)
def test_the_other_day_is_an_idiom_for_the_past(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "in the past" in answer["reason"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every other Thursday at 10am", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=10"),
        ("alternate Tuesdays at 4pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=16"),
    ],
)
def test_every_other_and_alternate_still_skip_a_week(text: str, rule: str) -> None:
    schedule = _read(text)["schedule"]
    assert schedule["type"] == "rrule"
    assert schedule["rule"].startswith(rule)


@pytest.mark.parametrize(
    "text", ["how does Thursday at 2pm sound?", "how do reminders work", "how is 4pm for you?"]
)
def test_a_question_that_proposes_a_time_is_not_a_schedule(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "question" in answer["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "update the backup job to 3am",
        "shift my dentist reminder to Friday",
        "bump the standup reminder by an hour",
        "modify the cleanup job so it runs at noon",
    ],
)
def test_changing_a_job_that_exists_is_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "job that exists" in answer["reason"]
    assert answer["suggestion"]


def test_a_task_that_starts_with_update_is_still_a_task() -> None:
    answer = _read("update the changelog every Friday at 4pm")
    assert answer["schedule"]["expression"] == "0 16 * * 5"
    assert answer["task"] == "update the changelog"


@pytest.mark.parametrize(
    "text", ["around next Monday at 10am", "around Friday", "around tomorrow at 6pm"]
)
def test_around_before_a_day_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None
    assert answer["needs_confirmation"]
    assert any("around" in note for note in answer["notes"])


@pytest.mark.parametrize(
    "text",
    ["I'm free tomorrow at 3pm", "we're free Friday at 3pm", "i am at 11"],
)
def test_a_sentence_about_the_speaker_asks(text: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"]
    assert any("statement" in note for note in answer["notes"])


def test_a_request_is_not_a_statement() -> None:
    assert not _read("remind me tomorrow at 8am to pay the rent")["needs_confirmation"]


@pytest.mark.parametrize("text", ["every 3M", "in 2 M", "run it every 6M"])
def test_a_capital_m_after_a_number_may_be_months_or_minutes(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "months or minutes" in answer["reason"]


def test_a_small_m_is_minutes() -> None:
    assert _read("every 3m")["schedule"]["expression"] == "*/3 * * * *"


# -- answered ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("at eight twenty pm", "2026-01-14T20:20:00Z"),
        ("call dad at seven oh five am", "2026-01-15T07:05:00Z"),
        ("eleven fifteen p m", "2026-01-14T23:15:00Z"),
        ("at ten forty pm", "2026-01-14T22:40:00Z"),
        ("5 in the PM", "2026-01-14T17:00:00Z"),
        ("tomorrow 4 in the AM", "2026-01-15T04:00:00Z"),
        ("lunch walk @noon on friday", "2026-01-16T12:00:00Z"),
        ("2 days hence at 8am", "2026-01-16T08:00:00Z"),
        ("3 hours hence", "2026-01-14T13:00:00Z"),
        ("in three quarters of an hour", "2026-01-14T10:45:00Z"),
        ("remind me in a quarter of an hour", "2026-01-14T10:15:00Z"),
        ("in two quarters", "2026-07-14T10:00:00Z"),  # a quarter of a year, still
    ],
)
def test_loose_looking_times_with_one_answer(text: str, when: str) -> None:
    assert _once(text) == when


def test_at_noon_written_with_an_at_sign_is_no_target() -> None:
    assert _read("stretch @noon")["target"] is None


def test_hours_and_minutes_in_words_follow_the_bare_hour_rules() -> None:
    assert _read("at four ten")["needs_confirmation"]  # 4:10 in the night or afternoon?
    assert _read("every day at six fifty p m")["schedule"]["expression"] == "50 18 * * *"


def test_hours_and_minutes_in_words_need_an_at_or_a_meridiem() -> None:
    assert _read("six twenty")["schedule"] is None  # two numbers, not a time


# -- found by probing the families further, in our own words --------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the previous Thursday at noon", "gone by"),
        ("previous month", "gone by"),
        ("since Tuesday", "gone by"),
        ("since 8am", "gone by"),
        ("this past Wednesday at 4pm", "gone by"),
        ("24/7", "all the time"),
        ("over the weekend", "which day"),
        ("on the weekend at 11am", "which day"),
    ],
)
def test_refused_with_a_reason(text: str, words: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert words in answer["reason"]


def test_24_7_after_on_is_still_a_date() -> None:
    assert _once("on 24/7 at 9am") == "2026-07-24T09:00:00Z"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day except the weekend at 6am", "0 6 * * 1-5"),
        ("daily but the weekends at 7:15am", "15 7 * * 1-5"),
    ],
)
def test_except_the_weekend_leaves_both_days_out(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize(
    "text",
    [
        "pause the weekly digest",
        "resume my morning summary tomorrow at 8",
        "move it to Thursday",
        "push this back to 4pm",
        "could you tell me what runs on Fridays",
        "show me when the backup runs",
    ],
)
def test_questions_and_changes_to_what_exists(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert answer["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "I like Fridays",
        "we meet every Tuesday at 2pm",
        "some time tomorrow afternoon",
        "no more than once a day",
        "at most twice a week at 9am",
        "at least every 2 hours",
        "at 7 at the earliest",
        "every morning for a while",
        "same time tomorrow",
    ],
)
def test_statements_bounds_and_vague_times_ask(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text",
    [
        "I want a reminder every Monday at 9am",
        "I need to stretch every hour",
        "we should review the logs every Friday at 3pm",
    ],
)
def test_wanting_or_needing_is_a_request(text: str) -> None:
    answer = _read(text)
    assert not any("statement" in note for note in answer["notes"]), answer


def test_a_bound_on_a_count_is_a_count_not_a_hedge() -> None:
    answer = _read("every weekday at 7am, not more than 5 times")
    assert answer["schedule"]["rule"].endswith("COUNT=5")
    assert not any("uncertain" in note for note in answer["notes"]), answer


def test_a_minimum_interval_is_a_bound_and_asks() -> None:
    assert _read("a minimum interval of once a week")["needs_confirmation"]


@pytest.mark.parametrize("text", ["every day at 9am UTC-13", "at noon GMT-14", "at 8am UTC+15"])
def test_an_offset_no_zone_has_is_refused_not_a_crash(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert answer["reason"]


@pytest.mark.parametrize(
    "text",
    ["every day at 8am Gondor time", "at 6pm in Atlantis time", "at 7am their time", "at 10am QQT"],
)
def test_a_zone_we_do_not_know_asks(text: str) -> None:
    answer = _read(text)
    assert answer["needs_confirmation"]
    assert any("time zone" in note for note in answer["notes"])


def test_time_in_a_task_is_not_a_zone() -> None:
    answer = _read("every weekday at 3pm announce that it's tea time")
    assert not answer["needs_confirmation"], answer


@pytest.mark.parametrize(
    "text", ["ping me every Friday at", "every day at ??:30", "water the plants each"]
)
def test_a_text_cut_off_before_its_time_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None or answer["needs_confirmation"], answer


def test_a_task_ending_in_on_is_no_cut_off() -> None:
    assert not _read("every day at 7pm switch the porch light on")["needs_confirmation"]


def test_since_as_because_is_no_past_time() -> None:
    answer = _read("since the disk fills up, clean it every night at 1am")
    assert answer["schedule"]["expression"] == "0 1 * * *"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("in a quarter hour", "2026-01-14T10:15:00Z"),
        ("in an hour and a quarter", "2026-01-14T11:15:00Z"),
        ("in 3 hours and a quarter", "2026-01-14T13:15:00Z"),
    ],
)
def test_quarters_of_an_hour(text: str, when: str) -> None:
    assert _once(text) == when


@pytest.mark.parametrize(
    "text",
    [
        "the second Tuesday at 10am and the fourth Tuesday at 3pm",
        "the first Monday at 9am and the last Friday at 4pm",
        "every weekday at 7am and at noon on Sundays",
        "at 6am on weekdays and 8am",
    ],
)
def test_days_and_times_taking_turns_are_two_schedules(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "two schedules" in answer["reason"]
    assert "two jobs" in answer["suggestion"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the second and fourth Tuesday at 10am", "0 10 * * 2#2,2#4"),
        ("every weekday at 7am and noon", "0 7,12 * * 1-5"),
        ("at 7am and noon on weekdays", "0 7,12 * * 1-5"),
    ],
)
def test_one_set_of_days_with_its_times_is_one_schedule(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression
