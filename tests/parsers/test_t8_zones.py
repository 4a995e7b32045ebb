"""Round eight, time zones in people's sentences and meeting pages: a time restated in other
zones that agree in one season only, "IST", a place's time before a conversion, "US Central",
meetings said in the plural, "every-second", crontab.guru's words with a zone. The phrases are
variants made up for each family, not the corpus's own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.conversions import seasons_agreeing

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


def _read(text: str, zone: str = "UTC") -> tuple[str | None, str | None, bool]:
    result = understand_fast(text, timezone=zone, now=NOW)
    schedule = result.schedule or {}
    sure = result.ok and not result.needs_confirmation
    return schedule.get("expression") or schedule.get("rule"), schedule.get("timezone"), sure


@pytest.mark.parametrize(
    ("first", "zone", "other", "other_zone", "seasons"),
    [
        ((20, 1), "America/New_York", (1, 1), "UTC", {0}),  # EST: winter only
        ((5, 0), "America/Los_Angeles", (12, 0), "UTC", {1}),  # PDT: summer only
        ((11, 0), "America/Chicago", (18, 0), "Europe/Paris", {0, 1}),  # both move
        ((9, 0), "UTC", (9, 0), "Europe/Paris", set()),
    ],
)
def test_seasons_agreeing(
    first: tuple[int, int], zone: str, other: tuple[int, int], other_zone: str, seasons: set[int]
) -> None:
    assert seasons_agreeing(first, zone, other, other_zone) == seasons


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        # the later times agree in one season only: the first zone's, and asked
        ("every night at 9:15 pm EST, 2:15 am UTC", "15 21 * * *", "America/New_York"),
        ("every day at 6am Denver time (13 UTC)", "0 6 * * *", "America/Denver"),
        ("Fridays 10:00 am PDT, 1:00 pm EDT, 17:00 UTC", "0 10 * * 5", "America/Los_Angeles"),
        ("Tuesdays, 9:00:00 am PDT, 12:00:00 noon EDT, 16:00:00 UTC", "0 9 * * 2", None),
    ],
)
def test_a_conversion_true_in_one_season_is_read_in_the_first_zone_and_asked(
    text: str, expression: str, zone: str | None
) -> None:
    got = _read(text)
    assert got[0] == expression and got[2] is False
    assert got[1] == (zone or "America/Los_Angeles")


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("every Thursday at 10am CDT (usually 17:00 CET)", "0 10 * * 4", "America/Chicago"),
        ("every day at 4pm London time (11:00 ET)", "0 16 * * *", "Europe/London"),
        ("every Monday at 9 AM Tokyo time (00:00 UTC)", "0 9 * * 1", "Asia/Tokyo"),
    ],
)
def test_conversions_said_with_usually_or_after_a_places_time(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text)[:2] == (expression, zone)


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at 9am UTC (12pm CET)",  # no season: two times
        "every day at 7am Seattle time (9 UTC)",  # no season either
    ],
)
def test_times_that_never_agree_are_still_refused(text: str) -> None:
    assert _read(text)[0] is None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Runs every Friday at 6 PM IST", "0 18 * * 5"),
        ("daily standup 10:30 IST", "30 10 * * *"),
        ("every weekday at 09:15 IST", "15 9 * * 1-5"),
    ],
)
def test_ist_is_read_as_india_and_asked(text: str, expression: str) -> None:
    assert _read(text) == (expression, "Asia/Kolkata", False)


def test_ist_settled_by_the_text_is_not_asked() -> None:
    assert _read("every day at 10am IST (Dublin)") == ("0 10 * * *", "Europe/Dublin", True)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every Tuesday at 11 am US Central time for one hour", "America/Chicago"),
        ("weekdays at 8am US Eastern", "America/New_York"),
        ("every day at 6 pm US Pacific time", "America/Los_Angeles"),
    ],
)
def test_us_before_a_zone_is_its_name(text: str, zone: str) -> None:
    assert _read(text)[1] == zone


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("Meetings will be Thursday at noon ET", "0 12 * * 4", "America/New_York"),
        ("Our calls are on Monday at 4pm CET", "0 16 * * 1", "Europe/Paris"),
        ("The working group meets Wednesday at 15:00 UTC", "0 15 * * 3", "UTC"),
        ("we meet Friday at 9:30 Berlin time", "30 9 * * 5", "Europe/Berlin"),
    ],
)
def test_meetings_in_the_plural_or_a_groups_habit_are_weekly_and_asked(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text) == (expression, zone, False)


@pytest.mark.parametrize(
    "text",
    [
        "the meeting is Thursday at noon",  # one meeting: that Thursday
        "remind me about the calls on Friday at 3pm",  # a reminder: that Friday's calls
    ],
)
def test_one_meeting_or_a_reminder_stays_once(text: str) -> None:
    result = understand_fast(text, now=NOW)
    assert result.schedule is not None and result.schedule["type"] == "at"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Every-second Thursday 15:00 CET", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("every-other Friday at 9am", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
    ],
)
def test_every_joined_by_a_dash(text: str, rule: str) -> None:
    got = _read(text)[0]
    assert got is not None and got.startswith(rule)


def test_every_day_joined_by_a_dash() -> None:
    assert _read("every-day at 9am")[0] == "0 9 * * *"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("At 8:00 UTC (1:00 PT) on Monday", "0 8 * * 1"),
        ("At 06:30 UTC on Friday", "30 6 * * 5"),
    ],
)
def test_crontab_guru_words_with_a_zone_are_weekly(text: str, expression: str) -> None:
    assert _read(text)[:2] == (expression, "UTC")


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every Wednesday at 11am, but beware of the switch to summer time", "0 11 * * 3"),
        ("every day at 23:00 but please check the logs", "0 23 * * *"),
    ],
)
def test_but_opening_a_clause_leaves_no_day_out(text: str, expression: str) -> None:
    assert _read(text)[0] == expression


def test_but_before_a_holiday_leaves_the_holiday_out_and_asks() -> None:
    # the holiday's dates become the job's exclusions (recur14); the list ends, so it asks
    assert _read("every day but christmas at 9am") == ("0 9 * * *", "UTC", False)


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("Daily at 09:00utc/2:00am mountain", "0 9 * * *", "UTC"),  # "utc/2" is no IANA name
        ("2nd Tuesday of each month at 5 PM GMT/9 AM PST", "0 17 * * 2#2", "UTC"),
        ("every day at 9am Etc/GMT+5", "0 9 * * *", "Etc/GMT+5"),
    ],
)
def test_a_zone_and_a_time_across_a_slash(text: str, expression: str, zone: str) -> None:
    assert _read(text)[:2] == (expression, zone)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("every day at 8:00 AM Taiwan time", "Asia/Taipei"),
        ("weekdays at 9am Kenya time", "Africa/Nairobi"),
        ("every Monday at 10am Peru time", "America/Lima"),
    ],
)
def test_a_country_with_one_zone_names_it(text: str, zone: str) -> None:
    assert _read(text)[1] == zone


def test_a_country_name_that_is_a_word_or_a_state_is_no_zone() -> None:
    assert _read("every Thursday at 6pm Georgia time")[1] != "Asia/Tbilisi"


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("Backup - Runs at 03:00 JST", "0 3 * * *", "Asia/Tokyo"),
        ("The sync kicks off at 2 AM", "0 2 * * *", "UTC"),
    ],
)
def test_a_job_said_to_run_at_a_time_runs_every_day_asked(
    text: str, expression: str, zone: str
) -> None:
    assert _read(text) == (expression, zone, False)


def test_a_job_said_to_run_on_a_date_stays_once() -> None:
    result = understand_fast("it runs at 5pm tomorrow", now=NOW)
    assert result.schedule is not None and result.schedule["type"] == "at"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("weekly Community Office Hours every Thursday at 4PM CET", "0 16 * * 4"),
        ("Office Hours: every Tuesday at 3pm", "0 15 * * 2"),
    ],
)
def test_office_hours_before_a_day_and_time_name_the_meeting(text: str, expression: str) -> None:
    got = _read(text)
    assert got[0] == expression and got[2] is False


@pytest.mark.parametrize(
    "text", ["every 30 minutes during office hours", "every 10 minutes in office hours"]
)
def test_office_hours_after_during_stay_a_window(text: str) -> None:
    assert _read(text)[0] is not None and " 9-16 " in str(_read(text)[0])


def test_alternate_days_with_an_apostrophe_are_the_plural() -> None:
    got = _read("on alternate Thursday's at 5pm")[0]
    assert got is not None and got.startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")
    # a day's possessive alone is that one day, whatever was read before
    result = understand_fast("Friday's review is at 3pm", now=NOW)
    assert result.schedule is not None and result.schedule["type"] == "at"


@pytest.mark.parametrize(
    "text",
    [
        "Example: the job scheduled at 18:00 runs at 11:00 mountain time",
        "Here are the local times for the call at 3:00 PM UTC",
        "NASDAQ opens at 9:30 AM ET",
        "10 PM UTC = 6 PM EDT",
    ],
)
def test_a_text_that_explains_a_time_asks(text: str) -> None:
    assert _read(text)[2] is False


def test_every_day_then_the_days_it_keeps_to_is_one_group() -> None:
    text = "run everyday at 7:00AM, 10:00AM, 1:00PM, 4:00PM IST on weekdays"
    assert _read(text)[:2] == ("0 7,10,13,16 * * 1-5", "Asia/Kolkata")
    assert _read("daily at 9 plus Saturdays at noon")[0] is None  # two schedules still


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("the cleanup should run at 3am local time", "0 3 * * *"),
        ("the report will run at 6pm", "0 18 * * *"),
    ],
)
def test_a_job_that_should_run_at_a_time_runs_every_day_asked(text: str, expression: str) -> None:
    assert _read(text) == (expression, "UTC", False)


def test_a_job_that_will_run_on_a_day_is_that_day() -> None:
    result = understand_fast("the job will run on Friday at 3pm", now=NOW)
    assert result.schedule is not None and result.schedule["type"] == "at"


def test_a_cron_job_at_a_time_with_no_frequency_asks() -> None:
    assert _read("Run cron at 7am eastern")[2] is False


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Odd months: second Monday of the month @ 6pm CET", "0 18 * 1,3,5,7,9,11 1#2"),
        ("the last Friday of even-numbered months at noon", "0 12 * 2,4,6,8,10,12 5L"),
    ],
)
def test_odd_and_even_months(text: str, expression: str) -> None:
    assert _read(text)[0] == expression


def test_a_plural_day_narrowed_to_its_nth_of_the_month() -> None:
    text = "Thursdays at 10:00 ET (monthly - second Thursday of the month)"
    assert _read(text) == ("0 10 * * 4#2", "America/New_York", False)


def test_ce_s_t_is_central_european_time() -> None:
    assert _read("every 3rd Monday of a month at 17:00 CE(S)T.") == (
        "0 17 * * 1#3",
        "Europe/Paris",
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "All meetings commence at 2000 at the clubhouse",  # at what time, not on which days
        "Parkville lunch catchup every 2nd Thursday of the month",  # which day, not what time
        "regular meetups every 4th Thursday of the month",
    ],
)
def test_a_group_meeting_half_said_asks(text: str) -> None:
    assert _read(text)[2] is False


def test_for_a_day_of_the_week_is_no_duration() -> None:
    assert _read("daily at midnight, but can be configured for a day of the week")[0] == (
        "0 0 * * *"
    )
    result = understand_fast("daily at 9am for a week", now=NOW)
    assert result.schedule is not None and result.schedule.get("end_at") is not None


def test_in_a_country_known_only_from_tzdata_is_where_not_the_clock() -> None:
    assert _read("mark my calendar for a holiday in cuba on april two")[1] == "UTC"
    assert _read("every day at 5pm Cuba time")[1] == "America/Havana"
    assert _read("remind me at 9am in Japan")[1] == "Asia/Tokyo"  # a place named before


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        ("every Monday at 3:30pm UTC during US DST / 4:30pm UTC otherwise", "30 11 * * 1", None),
        (
            "every Tuesday 17:00 UTC in European winter time, 16:00 UTC in European summer time",
            "0 17 * * 2",
            "Europe/London",
        ),
    ],
)
def test_a_utc_time_given_for_each_season_of_a_region_is_its_clock_asked(
    text: str, expression: str, zone: str | None
) -> None:
    assert _read(text) == (expression, zone or "America/New_York", False)


def test_utc_times_that_are_no_one_local_time_are_left() -> None:
    text = "every Monday at 4pm UTC during US DST / 6pm UTC otherwise"
    assert _read(text)[1] != "America/New_York"
