"""What the grammar decides: hours without am/pm, defaults, confidence, refusals."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def cron_of(text: str, **kwargs: str) -> str:
    result = parse_fast(text, now=NOW, **kwargs)
    assert result.schedule is not None, result.reason
    return str(result.schedule["expression"])


@pytest.mark.parametrize("hour", range(1, 8))
def test_an_hour_from_1_to_7_without_am_or_pm_is_a_guess_that_asks(hour: int) -> None:
    result = parse_fast(f"every day at {hour}", now=NOW)
    assert result.schedule == {
        "type": "cron",
        "expression": f"0 {hour + 12} * * *",
        "timezone": "UTC",
    }
    assert result.needs_confirmation
    assert f'"{hour}" read as {hour}pm; say "{hour}am" for the morning' in result.notes


@pytest.mark.parametrize("hour", range(8, 12))
def test_an_hour_from_8_to_11_is_read_as_morning_and_noted_in_a_schedule(hour: int) -> None:
    # a repeating job's 9 is the working morning: noted, not asked (parsers/asks.py)
    result = parse_fast(f"every day at {hour}", now=NOW)
    assert result.schedule == {"type": "cron", "expression": f"0 {hour} * * *", "timezone": "UTC"}
    assert result.notes == (f'"{hour}" read as {hour}am; say "{hour}pm" for the evening',)
    assert not result.needs_confirmation


@pytest.mark.parametrize("hour", range(8, 12))
def test_an_hour_from_8_to_11_once_is_the_morning_asked(hour: int) -> None:
    # "remind me to call Rohan at 9" may be the evening: reminder apps that pick the next one
    # to come read 9pm after 9am
    result = parse_fast(f"at {hour}", now=NOW)
    assert result.schedule is not None
    assert f'"{hour}" read as {hour}am; say "{hour}pm" for the evening' in result.notes
    assert result.needs_confirmation


@pytest.mark.parametrize("hour", range(8, 12))
def test_an_hour_from_8_to_11_on_a_day_named_is_its_morning_noted(hour: int) -> None:
    result = parse_fast(f"tomorrow at {hour}", now=NOW)
    assert result.schedule is not None
    assert result.notes == (f'"{hour}" read as {hour}am; say "{hour}pm" for the evening',)
    assert not result.needs_confirmation


@pytest.mark.parametrize("hour", range(8, 12))
def test_an_hour_from_8_to_11_on_working_days_is_the_morning_noted(hour: int) -> None:
    result = parse_fast(f"every weekday at {hour}", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == f"0 {hour} * * 1-5"
    assert not result.needs_confirmation
    assert f'"{hour}" read as {hour}am; say "{hour}pm" for the evening' in result.notes


def test_twelve_is_noon() -> None:
    result = parse_fast("every day at 12", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 12 * * *"
    assert result.notes == ('"12" read as noon',)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every evening at 5", "0 17 * * *"),
        ("every morning at 5", "0 5 * * *"),
        ("every afternoon at 1", "0 13 * * *"),
        ("every night at 10", "0 22 * * *"),
        ("every night at 1", "0 1 * * *"),
        ("every day at 5 in the afternoon", "0 17 * * *"),
        ("every day at 7 and 19", "0 7,19 * * *"),  # 19 is 24-hour: so is 7
        ("every day at 05:00", "0 5 * * *"),  # a leading zero is 24-hour
    ],
)
def test_context_settles_the_hour(text: str, expression: str) -> None:
    assert cron_of(text) == expression


def test_an_exact_reading_is_confident_and_has_no_notes() -> None:
    result = parse_fast("every weekday at 9am Pacific", now=NOW)
    assert result.confidence == 0.95
    assert result.notes == ()
    assert result.human_readable == "At 09:00 AM, Monday through Friday, Pacific Time"


def test_a_missing_time_of_day_defaults_to_9am_with_lower_confidence() -> None:
    result = parse_fast("every monday", now=NOW)
    assert result.schedule is not None
    assert result.schedule["expression"] == "0 9 * * 1"
    assert result.confidence == 0.75
    assert "no time given; assumed 9:00 AM" in result.notes


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("twice a day", "name the times: every day at 9am and 5pm"),
        ("feb 30", "February 29"),
    ],
)
def test_ambiguous_or_impossible_text_is_refused_with_a_suggestion(
    text: str, suggestion: str
) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is None
    assert result.suggestion == suggestion
    assert result.confidence == 0


def test_windows_include_the_last_hour_for_hourly_steps_but_not_for_shorter_ones() -> None:
    assert cron_of("every hour from 9am to 5pm") == "0 9-17 * * *"
    assert cron_of("every 30 minutes from 9am to 5pm") == "*/30 9-16 * * *"


def test_intervals_cron_cannot_express_are_rrules_anchored_at_their_first_run() -> None:
    result = parse_fast("every other day at 9am", timezone="America/New_York", now=NOW)
    assert result.schedule == {
        "type": "rrule",
        "rule": "FREQ=DAILY;INTERVAL=2;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "start_at": "2026-01-14T14:00:00Z",  # 09:00 EST today: it is 05:00 there
        "timezone": "America/New_York",
    }


@pytest.mark.parametrize("text", ["every week", "weekly", "every month", "monthly", "every year"])
def test_a_repeat_without_its_day_runs_on_the_day_it_starts_and_asks(text: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None
    assert result.needs_confirmation
    assert any("the day it starts" in note for note in result.notes)


def test_a_time_that_does_not_exist_runs_at_the_end_of_the_gap() -> None:
    result = parse_fast("on 2026-03-08 at 2:30am", timezone="America/New_York", now=NOW)
    assert result.schedule is not None
    assert result.schedule["datetime"] == "2026-03-08T07:00:00Z"  # 03:00 EDT


def test_a_time_that_happens_twice_runs_the_first_time() -> None:
    result = parse_fast("on 2026-11-01 at 1:30am", timezone="America/New_York", now=NOW)
    assert result.schedule is not None
    assert result.schedule["datetime"] == "2026-11-01T05:30:00Z"  # 01:30 EDT, not EST


def test_a_naive_now_is_wall_time_in_the_request_zone() -> None:
    naive = datetime(2026, 1, 14, 10, 0)
    result = parse_fast("in 1 hour", timezone="Asia/Tokyo", now=naive)
    assert result.schedule is not None
    assert result.schedule["datetime"] == "2026-01-14T02:00:00Z"  # 11:00 in Tokyo


def test_now_defaults_to_the_current_time() -> None:
    before = datetime.now(UTC)
    result = parse_fast("in 20 minutes")
    after = datetime.now(UTC)
    assert result.schedule is not None
    at = datetime.fromisoformat(result.schedule["datetime"].replace("Z", "+00:00"))
    assert before.replace(microsecond=0).timestamp() + 1200 <= at.timestamp()
    assert at.timestamp() <= after.timestamp() + 1201


def test_an_unknown_request_zone_is_refused_by_name() -> None:
    result = parse_fast("every day at 9am", timezone="Mars/Olympus_Mons", now=NOW)
    assert result.schedule is None
    assert result.reason == "unknown time zone 'Mars/Olympus_Mons'"


def test_the_request_zone_may_be_lower_case() -> None:
    result = parse_fast("every day at 9am", timezone="europe/london", now=NOW)
    assert result.schedule is not None
    assert result.schedule["timezone"] == "Europe/London"


def test_very_long_text_is_refused() -> None:
    result = parse_fast("every day at 9am " * 40, now=NOW)
    assert result.reason == "the text is longer than 500 characters"


def test_to_dict_is_the_api_shape() -> None:
    result = parse_fast("every 2 hours", now=NOW)
    assert result.to_dict() == {
        "schedule": {"type": "cron", "expression": "0 */2 * * *", "timezone": "UTC"},
        "human_readable": "Every 2 hours, UTC",
        "confidence": 0.95,
        "parse_method": "regex",
        "needs_confirmation": False,
        "task": None,
        "target": None,
        "reason": None,
        "suggestion": None,
        "notes": [],
    }


# -- round two: what others found wrong ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("daily at 7:30", "30 7 * * *"),
        ("every day at 6:45", "45 6 * * *"),
        ("weekdays at 5:15", "15 5 * * 1-5"),
        ("every monday at 4.30", "30 4 * * 1"),
    ],
)
def test_a_time_written_with_its_minutes_is_the_24_hour_clock(text: str, expression: str) -> None:
    for zone in ("UTC", "Europe/London", "Europe/Berlin", "Asia/Tokyo"):
        result = parse_fast(text, timezone=zone, now=NOW)
        assert result.schedule is not None and result.schedule["expression"] == expression
        assert not result.needs_confirmation, zone
        assert any("24-hour clock" in note for note in result.notes)


@pytest.mark.parametrize("zone", ["America/New_York", "America/Toronto", "Australia/Sydney"])
def test_where_the_12_hour_clock_is_written_the_same_reading_asks(zone: str) -> None:
    result = parse_fast("daily at 7:30", timezone=zone, now=NOW)
    assert result.schedule is not None and result.schedule["expression"] == "30 7 * * *"
    assert result.needs_confirmation
    assert '"7:30" read on the 24-hour clock as 07:30; say "7:30pm" for the evening' in (
        result.notes
    )


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 00:00 AM, only on Sunday", "0 0 * * 0"),
        ("At 00:30 AM", "30 0 * * *"),
        ("every day at 0:15 am", "15 0 * * *"),
        ("At 12:00 AM, only on Sunday", "0 0 * * 0"),
    ],
)
def test_zero_hundred_am_is_midnight(text: str, expression: str) -> None:
    assert cron_of(text) == expression


def test_zero_hundred_pm_is_not_a_time() -> None:
    result = parse_fast("every day at 00:30 pm", now=NOW)
    assert result.schedule is None and "not a time of day" in str(result.reason)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("every 90 minutes on the 31st of February", "February 31 does not exist"),
        ("every hour on February 30", "February 30 does not exist"),
        ("every 45 minutes on the first Monday of the month", "only on some hours or days"),
        ("every 45 minutes on March 3", "only on some hours or days"),
        ("every 15 minutes on March 3 2027", "cannot also keep to a date"),
        ("every 7 minutes on Mondays, 10 times", "cannot also keep to days of the week"),
        ("every hour from 9am to 5pm, 5 times", "cannot also keep to a time window"),
        ("tomorrow starting at 8am", "cannot also keep to a start time"),
        ("every 2 weeks on the 15th", "does not go with a day of the month"),
        ("every year on the 15th", "needs its month"),
        ("every 2 years on the 15th", "needs its date"),
        ("on March 3 in 2027 and 2028", "names one date"),
    ],
)
def test_a_part_of_the_text_the_schedule_cannot_keep_is_refused_not_dropped(
    text: str, reason: str
) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is None, result.schedule
    assert reason in str(result.reason)


@pytest.mark.parametrize(
    "text",
    [
        "weekly on Tuesday at 9am, 10 times",
        "every Tuesday at 9am 10 times",
        "every Tuesday at 9am, repeat 10 times",
        "every Tuesday at 9am for 10 occurrences",
        "10 times weekly on Tuesday at 9am",
    ],
)
def test_a_number_of_times_is_a_count_in_any_order(text: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is not None, result.reason
    assert result.schedule["rule"] == (
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=10"
    )


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At minute 30 past every hour", "30 * * * *"),
        ("quarter past every hour", "15 * * * *"),
        ("half past every hour", "30 * * * *"),
        ("5 minutes after every hour", "5 * * * *"),
        ("at minute 5 of every hour", "5 * * * *"),
        ("every hour at minute 20", "20 * * * *"),
        ("At minute 0 past hour 9 and 17", "0 9,17 * * *"),
        ("At minute 15 past hour 2", "15 2 * * *"),
        ("every midnight", "0 0 * * *"),
        ("every noon", "0 12 * * *"),
        ("At 22:00 on every day-of-week from Monday through Friday", "0 22 * * 1-5"),
        ("At 04:00 on every day-of-month from 8 through 14", "0 4 8-14 * *"),
        ("At 00:00 on day-of-month 1 in every 3rd month", "0 0 1 1,4,7,10 *"),
        ("At midnight on the first day of every year", "0 0 1 1 *"),
        ("Top of every business hour", "0 9-17 * * 1-5"),
        ("last of each month", "0 9 L * *"),
        ("each month at the end", "0 9 L * *"),
        ("every odd hour", "0 1-23/2 * * *"),
        ("every ten minutes in the first half of every hour", "0-29/10 * * * *"),
        ("every 5 minutes starting at 2pm and ending at 2:55pm", "0-55/5 14 * * *"),
        ("every hour between 7:00 and 22:00", "0 7-22 * * *"),
        ("once a day on the 1st and 15th of every month except December", "0 9 1,15 1-11 *"),
        ("once every two hours at 45 past from 9:45 AM to 3:45 PM weekdays", "45 9-15/2 * * 1-5"),
    ],
)
def test_round_two_families(text: str, expression: str) -> None:
    assert cron_of(text) == expression


def test_five_days_before_the_last_day_is_the_sixth_from_the_end() -> None:
    result = parse_fast("At 12:00 AM, 5 days before the last day of the month", now=NOW)
    assert result.schedule is not None
    assert result.schedule["rule"] == "FREQ=MONTHLY;BYMONTHDAY=-6;BYHOUR=0;BYMINUTE=0;BYSECOND=0"


def test_an_interval_effective_from_a_past_day_keeps_counting_from_it() -> None:
    result = parse_fast("every 2 weeks on Tuesday at 3pm effective 1/6/2026", now=NOW)
    assert result.schedule is not None
    assert result.schedule["start_at"] == "2026-01-20T15:00:00Z"  # Jan 6, 20, Feb 3, ...


@pytest.mark.parametrize(
    "text",
    [
        "sometimes on mondays",
        "every day at 9am or 10am",
        "at 9 or 10",
        "sometime tomorrow",
        "by friday",
        "around noon",
    ],
)
def test_vague_or_alternative_times_are_asked_about(text: str) -> None:
    from agentcron.parsers import understand_fast

    result = understand_fast(text, now=NOW)
    assert result.schedule is None or result.needs_confirmation


@pytest.mark.parametrize("text", ["this weekend", "next weekend at 10am"])
def test_this_weekend_does_not_say_which_day(text: str) -> None:
    result = parse_fast(text, now=NOW)
    assert result.schedule is None and "which day" in str(result.reason)


def test_days_named_one_after_another_are_a_list() -> None:
    assert cron_of("mon wed fri 8am") == "0 8 * * 1,3,5"


def test_a_day_next_week_is_in_the_week_after_this_one() -> None:
    result = parse_fast("thursday next week at 3pm", now=NOW)  # NOW is a Wednesday
    assert result.schedule is not None
    assert result.schedule["datetime"] == "2026-01-22T15:00:00Z"
