"""Round nine, calendar recurrences: lists of nth weekdays, months left out of an nth
weekday or a weekly interval, the last working day "in a month", an hour past 12 with "pm",
"bi-weekly cadence", a weekday and one of its nth in the month."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import parse_fast
from agentcron.parsers.wallclock import meridiem_hour

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str):  # type: ignore[no-untyped-def]
    return parse_fast(text, timezone="UTC", now=NOW)


@pytest.mark.parametrize(
    ("hour", "meridiem", "expected"),
    [
        (9, "am", 9),
        (12, "am", 0),
        (0, "am", 0),
        (12, "pm", 12),
        (1, "pm", 13),
        (13, "pm", 13),
        (23, "pm", 23),
        (15, "am", None),
        (24, "pm", None),
        (25, "pm", None),
        (0, "pm", None),
    ],
)
def test_meridiem_hour(hour: int, meridiem: str, expected: int | None) -> None:
    assert meridiem_hour(hour, meridiem) == expected


def test_an_hour_past_twelve_with_pm_is_that_hour_and_asks() -> None:
    result = _read("Run on the first and last of the month at 23pm")
    assert result.schedule == {"type": "cron", "expression": "0 23 1,L * *", "timezone": "UTC"}
    assert result.needs_confirmation
    # ("15am" and "17:30 AM" are the tokenizer's to read: another helper's decision)
    assert not _read("every Monday at 25pm").ok


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("a meeting on the 1st and the 3rd Thursday of each month", "0 9 * * 4#1,4#3"),
        ("the 2nd and the 4th Saturday of each month at 8pm", "0 20 * * 6#2,6#4"),
        ("the first and the last Friday of every month", "0 9 * * 5#1,5L"),
        ("every month on the 1st and the 15th at 9am", "0 9 1,15 * *"),
    ],
)
def test_the_before_each_ordinal_of_a_list(text: str, expression: str) -> None:
    assert _read(text).schedule["expression"] == expression


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "A secondary meeting is held on the forth Tuesday of each month(except the "
            "fourth Tuesday in December) commencing at 8:00pm",
            "0 20 * 1-11 2#4",
        ),
        ("the last Friday of every month except the last Friday of November", "0 9 * 1-10,12 5L"),
    ],
)
def test_except_the_same_nth_weekday_in_a_month_leaves_the_month_out(
    text: str, expression: str
) -> None:
    assert _read(text).schedule["expression"] == expression


def test_except_another_nth_weekday_is_still_refused() -> None:
    assert not _read("the first Monday of each month except the second Monday in January").ok


def test_a_weekly_interval_in_some_months() -> None:
    result = _read("we have garden waste Mon every 3 weeks From March to Nov")
    assert result.schedule["rule"].startswith(
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;BYMONTH=3,4,5,6,7,8,9,10,11;"
    )
    assert not _read("every 10 days from March to November").ok


@pytest.mark.parametrize(
    "text",
    ["scheduling task on the last workday in a month", "the last weekday in a month"],
)
def test_the_last_workday_in_a_month(text: str) -> None:
    assert _read(text).schedule["expression"] == "0 9 LW * *"


def test_in_a_month_alone_is_still_a_delay() -> None:
    assert _read("remind me in a month").schedule["type"] == "at"


@pytest.mark.parametrize(
    "text",
    [
        "The desktop app is released on a bi-weekly cadence on Mondays.",
        "on Mondays on a bi-weekly basis",
        "Mondays on a biweekly schedule",
    ],
)
def test_a_frequency_before_cadence_or_basis_is_the_schedules(text: str) -> None:
    result = _read(text)
    assert result.schedule["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;")
    assert result.needs_confirmation  # "biweekly" may mean twice a week


def test_a_weekday_and_its_nth_joined_by_and_is_every_such_weekday() -> None:
    result = _read("every Friday and the first Friday of the month")
    assert result.schedule["expression"] == "0 9 * * 5"
    assert result.needs_confirmation
    assert (
        _read("every Tuesday and the last Tuesday of the month at 6pm").schedule["expression"]
        == "0 18 * * 2"
    )
    # said in general, then narrowed: the narrower, as before
    narrowed = _read("Wednesdays at 09:00 (monthly - first Wednesday of the month)")
    assert narrowed.schedule["expression"] == "0 9 * * 3#1"


def test_quoted_words_that_say_the_day_beat_a_lone_frequency_outside() -> None:
    result = _read('annual events happening "on the last Saturday of February"')
    assert result.schedule["expression"] == "0 9 * 2 6L"
    kept = _read('/remind #team "Sprint review at 3pm" every other Friday at 2pm')
    assert "BYHOUR=14" in kept.schedule["rule"]


def test_a_fifth_weekday() -> None:
    assert _read("the 5th Friday of every month").schedule["expression"] == "0 9 * * 5#5"
    assert not _read("the fifth Friday of February every year").ok


def test_a_slip_read_only_after_a_count_does_not_hang_on_the_texts_read_before() -> None:
    # "forth" once read as a plain word ("back and forth") was remembered as plain for every
    # text after it, and "the forth Tuesday" then lost its ordinal
    assert _read("back and forth every day at 9am").task == "back and forth"
    assert _read("Monthly on the forth Monday at 9am").schedule["expression"] == "0 9 * * 1#4"


# -- days a number of days from Easter Sunday: yearly by dateutil's BYEASTER -----------------


def test_easter_offset_and_label() -> None:
    from datetime import date

    from agentcron.parsers.observances import easter_label, easter_offset

    good_fridays = (date(2026, 4, 3), date(2027, 3, 26), date(2028, 4, 14))
    assert easter_offset(good_fridays) == -2
    assert easter_offset((date(2026, 4, 3), date(2027, 3, 27))) is None
    assert easter_offset(()) is None
    assert easter_label(-2) == "Good Friday"
    assert easter_label(50) == "Whit Monday"
    assert easter_label(3) == "3 days after Easter Sunday"
    assert easter_label(-1) == "Holy Saturday"
    assert easter_label(-10) == "10 days before Easter Sunday"


@pytest.mark.parametrize(
    ("text", "offset", "hour"),
    [
        ("every Good Friday", -2, 9),
        ("every Easter Sunday at 10am", 0, 10),
        ("every year on Easter Monday", 1, 9),
        ("every Whit Monday", 50, 9),
        ("every Ascension Day at 9am", 39, 9),
        ("every Palm Sunday", -7, 9),
    ],
)
def test_every_easter_day_repeats_from_easter(text: str, offset: int, hour: int) -> None:
    result = _read(text)
    assert result.schedule["rule"].startswith(f"FREQ=YEARLY;BYEASTER={offset};BYHOUR={hour};")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Easter Monday", "2026-04-06T09:00:00Z"),
        ("Whit Monday at 10am", "2026-05-25T10:00:00Z"),
        ("Good Friday at 5pm", "2026-04-03T17:00:00Z"),
    ],
)
def test_a_bare_easter_day_is_its_next_date_once(text: str, when: str) -> None:
    assert _read(text).schedule["datetime"] == when


def test_palm_alone_is_no_holiday() -> None:
    assert _read("I sold my palm tree every Monday at 9").schedule["expression"] == "0 9 * * 1"


def test_an_easter_rule_is_described_by_its_day() -> None:
    from agentcron.parsers import describe

    schedule = {
        "type": "rrule",
        "rule": "FREQ=YEARLY;BYEASTER=-2;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "start_at": "2026-04-03T09:00:00Z",
        "timezone": "UTC",
    }
    assert describe(schedule).startswith("Every year on Good Friday at 9:00 AM")
    schedule["rule"] = "FREQ=YEARLY;BYEASTER=3;BYHOUR=9;BYMINUTE=0"
    assert describe(schedule).startswith("Every year, 3 days after Easter Sunday at 9:00 AM")


def test_every_third_week_asks_whether_it_is_the_third_week_of_the_month() -> None:
    result = _read(
        "SuperOffice also upgrade our customers on Tuesdays and Fridays every third week"
    )
    assert result.schedule["rule"].startswith("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR;")
    assert result.needs_confirmation
    assert not _read("every second week on Monday").needs_confirmation  # fortnightly


@pytest.mark.parametrize("text", ["summer Saturdays", "winter sundays at 9"])
def test_a_seasons_weekdays_are_refused_as_in_summer_is(text: str) -> None:
    assert "seasons" in (_read(text).reason or "")


def test_ordinals_joined_by_a_slash() -> None:
    # the tokenizer drops the "/" of "1st/3rd": two ordinals one character apart are a list
    assert _read("meets 1st/3rd Thursday monthly").schedule["expression"] == "0 9 * * 4#1,4#3"
    assert (
        _read("the 2nd/4th Saturday of the month at 10am").schedule["expression"]
        == "0 10 * * 6#2,6#4"
    )
