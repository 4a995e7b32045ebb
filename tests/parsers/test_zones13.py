"""Round thirteen's zone families (zones13): four digits before a zone as a military time
(tokens.military_before_zone), a conversion whose zones are written with their winter and summer
names ("16:00 CET/CEST (10:00 EST/EDT)", conversions), regions of the world listed with "/"
("America/EMEA"), a zone said before a cron expression inside quotes ("`TZ=UTC 0 9 * * *`",
cronline), an interval under a key that says its unit ("everyMs": 3600000, botcommand), and an
invitation's dated first meeting before its rule (under_way). Variants of each family, invented;
the phrases found in public code are in tests/parsers/outside/t13_zones_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.botcommand import labelled_interval, milliseconds_said
from agentcron.parsers.calendar_event import read_zoned_event
from agentcron.parsers.cronline import aws_schedule, cron_first
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.under_way import dated_then_every, start_weekday_dropped

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


def _cron(text: str) -> tuple[str, str] | None:
    schedule = _read(text)["schedule"]
    if schedule is None or schedule["type"] != "cron":
        return None
    return schedule["expression"], schedule["timezone"]


# -- four digits before a zone: a military time --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Consolidating on a single meeting time, 1500 UTC Wednesdays.", ("0 15 * * 3", "UTC")),
        ("The meeting is every Tuesday 1700 UTC", ("0 17 * * 2", "UTC")),
        ("Weekly on Thursdays at 1600 UTC", ("0 16 * * 4", "UTC")),
        ("every Monday 2030 UTC", ("30 20 * * 1", "UTC")),
        ("Fridays 0930 GMT", ("30 9 * * 5", "UTC")),
        ("monthly on the third Thursday, 1500 UTC", ("0 15 * * 4#3", "UTC")),
        (
            "we meet at 1000 Eastern NAmerican time, on the first Thursday of a month",
            ("0 10 * * 4#1", "America/New_York"),
        ),
        ("every Tuesday 1400 CET", ("0 14 * * 2", "Europe/Paris")),
    ],
)
def test_military_time_before_a_zone(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Released Feb 13, 2024 UTC",
        "In 2024 UTC became the default",
        "Tuesday 13 February 2024 UTC",
        "2460 UTC",
        "since 2019 UTC is used",
    ],
)
def test_a_year_before_a_zone_is_no_time(text: str) -> None:
    times = [t for t in tokenize(text) if t.kind == lx.TIME]
    assert times == []


# -- a conversion whose zones have their winter and summer names ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When: Every Wednesday @ 16:00 CET/CEST (10:00 EST/EDT) calendar event",
            ("0 16 * * 3", "Europe/Paris"),
        ),
        ("Every Wednesday @ 16:00 CET/CEST (10:00 EST)", ("0 16 * * 3", "Europe/Paris")),
        ("Every Tuesday at 9am PST/PDT (12:00 EST/EDT)", ("0 9 * * 2", "America/Los_Angeles")),
        ("Every Wednesday at 16:00 UTC (11:00 EST/EDT)", ("0 16 * * 3", "UTC")),
    ],
)
def test_conversion_with_both_season_names(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Every Wednesday @ 16:00 CET/CEST (11:00 EST/EDT)",  # another moment: two zones
        "Every Tuesday at 9am PST/PDT (13:00 EST/EDT)",
    ],
)
def test_conversion_to_another_moment_is_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


# -- regions of the world listed with "/" -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "@droideronline America/EMEA office hours still do run every week, Wednesday, 8 am "
            "Pacific time.",
            ("0 8 * * 3", "America/Los_Angeles"),
        ),
        (
            "America/EMEA office hours every Wednesday at 8am Pacific",
            ("0 8 * * 3", "America/Los_Angeles"),
        ),
        ("Asia/Pacific office hours every Thursday at 9am", ("0 9 * * 4", "UTC")),
        ("US/Pacific every Thursday at 9am", ("0 9 * * 4", "US/Pacific")),
    ],
)
def test_regions_listed_are_no_zone(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


def test_an_unknown_zone_is_still_refused() -> None:
    assert "unknown time zone" in (_read("every Thursday at 9am Europe/Gondor")["reason"] or "")


# -- a zone said before a cron expression inside quotes --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Before it gets fixed, you can specify the timezone like `TZ=UTC 0 9 * * *`.",
            ("0 9 * * *", "UTC"),
        ),
        (
            "you can write `CRON_TZ=Europe/Paris 30 6 * * 1-5` in the crontab",
            ("30 6 * * 1-5", "Europe/Paris"),
        ),
        (
            "Try 'TZ=America/New_York 0 9 * * *' for the morning run",
            ("0 9 * * *", "America/New_York"),
        ),
    ],
)
def test_zone_first_inside_quotes(text: str, expected: tuple[str, str]) -> None:
    assert cron_first(text) is not None
    assert _cron(text) == expected


# -- an interval under a key that says its unit -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'schedule={"kind": "every", "everyMs": 3600000},',
            'schedule={"kind": "every", every 1 hour},',
        ),
        ('"everyMs": 300000', "every 5 minutes"),
        ("interval_seconds = 300", "every 5 minutes"),
        ("pollIntervalMs: 45000", "every 45 seconds"),
        ("every_minutes: 15", "every 15 minutes"),
    ],
)
def test_interval_in_a_keyed_unit(text: str, said: str) -> None:
    assert labelled_interval(text) == said


@pytest.mark.parametrize(
    "text",
    ['"everyMs": 1500', '"everyMs": j.schedule.every_ms,', '"delayMs": 60000', '"everyMs": 0'],
)
def test_no_interval_in_a_keyed_unit(text: str) -> None:
    assert labelled_interval(text) is None


def test_every_ms_reads_as_every() -> None:
    schedule = _read('{ "kind": "every", "everyMs": 3600000 }')["schedule"]
    assert schedule is not None
    assert schedule["type"] == "cron" and schedule["expression"] == "0 * * * *"


# -- an invitation's dated first meeting before its rule --------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Time: Feb 13, 2024 10:00 AM Eastern Time (US and Canada)  Every 2 weeks on Tuesday",
            "starting Feb 13, 2024 10:00 AM Eastern Time (US and Canada)  Every 2 weeks on Tuesday",
        ),
        (
            "When: Tuesday, March 2, 2027 9am PT, every other week",
            "starting March 2, 2027 9am PT, every other week",
        ),
        (
            "Time: 5 Dec 2022 14:00 CET Every 2 weeks on Monday",
            "starting 5 Dec 2022 14:00 CET Every 2 weeks on Monday",
        ),
    ],
)
def test_dated_first_meeting_then_every(text: str, said: str) -> None:
    assert dated_then_every(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "March 2, 2027 was a Tuesday and every week it rained",
        "every 2 weeks on Tuesday",
        "Feb 13 10:00 AM every 2 weeks",  # no year: no first meeting to anchor
    ],
)
def test_no_dated_first_meeting(text: str) -> None:
    assert dated_then_every(text) is None


def test_invitation_anchors_its_weeks() -> None:
    schedule = _read(
        "Time: Feb 13, 2024 10:00 AM Eastern Time (US and Canada)  Every 2 weeks on Tuesday"
    )["schedule"]
    assert schedule is not None and schedule["type"] == "rrule"
    assert "INTERVAL=2" in schedule["rule"] and schedule["timezone"] == "America/New_York"
    start = datetime.fromisoformat(schedule["start_at"])
    assert (start.date() - datetime(2024, 2, 13).date()).days % 14 == 0


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Starting Monday, 5 Dec 2022 @ 14:00 CET, every two weeks",
            "Starting 5 Dec 2022 @ 14:00 CET, every two weeks",
        ),
        ("from Friday, March 5th 2027 at 9am every week", "from March 5th 2027 at 9am every week"),
    ],
)
def test_start_weekday_dropped(text: str, said: str) -> None:
    assert start_weekday_dropped(text) == said


def test_start_weekday_that_is_not_the_dates_is_kept() -> None:
    assert (
        start_weekday_dropped("Starting Tuesday, 5 Dec 2022 @ 14:00 CET, every two weeks") is None
    )


# -- AWS's schedule expressions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ScheduleExpression: cron(0 12 * * ? *)", ("0 12 * * *", "UTC")),
        ('schedule_expression = "cron(0 9 ? * 2-6 *)"', ("0 9 * * 1-5", "UTC")),
        ('schedule_expression = "cron(15 10 ? * MON-FRI *)"', ("15 10 * * MON-FRI", "UTC")),
        ('schedule_expression = "rate(5 minutes)"', ("*/5 * * * *", "UTC")),
        ("schedule: rate(1 hour)", ("0 * * * *", "UTC")),
    ],
)
def test_aws_schedule_expressions(text: str, expected: tuple[str, str]) -> None:
    assert _cron(text) == expected


def test_aws_cron_of_one_year_is_not_read_as_every_year() -> None:
    assert aws_schedule('schedule_expression = "cron(0 8 1 * ? 2027)"') is None
    assert _read('schedule_expression = "cron(0 8 1 * ? 2027)"')["schedule"] is None


# -- systemd calendar events with a zone, NixOS's keys -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OnCalendar=Fri 04:00 Europe/Berlin", ("0 4 * * 5", "Europe/Berlin")),
        ("OnCalendar=*-*-* 09:00:00 America/New_York", ("0 9 * * *", "America/New_York")),
        ('    dates = "Fri 04:00 Europe/Berlin";', ("0 4 * * 5", "Europe/Berlin")),
        ('  startAt = "*-*-* 03:15:00";', ("15 3 * * *", "UTC")),
    ],
)
def test_calendar_event_with_zone(text: str, expected: tuple[str, str]) -> None:
    assert read_zoned_event("OnCalendar=Fri 04:00 Europe/Berlin") == ("0 4 * * 5", "Europe/Berlin")
    assert _cron(text) == expected


# -- milliseconds, offsets, a second expression said again ------------------------------------


def test_milliseconds_said_in_seconds() -> None:
    assert milliseconds_said("repeat every 60000ms") == "repeat every 60 seconds"
    assert milliseconds_said("wait 1500 ms") is None
    assert _cron("repeat every 60000ms") == ("* * * * *", "UTC")


@pytest.mark.parametrize("text", ["'+0900 UTC'", ">>> whenIO.parse_offset('-0400 UTC')"])
def test_an_offset_is_no_time(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_military_range_before_a_zone() -> None:
    times = [t.value for t in tokenize("weekdays from 1400-1700 UTC") if t.kind == lx.TIME]
    assert [(c.hour, c.minute) for c in times] == [(14, 0), (17, 0)]


def test_same_expression_said_twice_is_one() -> None:
    text = '"CRON_TZ=America/New_York 1 * * * *", or "TZ=America/New_York 1 * * * *".'
    assert _cron(text) == ("1 * * * *", "America/New_York")
    assert (
        _read('"CRON_TZ=America/New_York 1 * * * *", or "TZ=Europe/Paris 1 * * * *".')["schedule"]
        is None
    )


# -- asked: words around a cron that disagree, code comments, logged messages, "that Saturday" --


@pytest.mark.parametrize(
    "text",
    [
        "`.github/workflows/weekly-check.yml` POSTs to `/api/weekly-check` at 12:00 UTC Wednesdays "
        "(8am EDT; change to `0 13 * * 3` when EST starts in November).",
        "// Job would repeat at every minute start (00 * * * *)",
        '        lead, _ = db.checkout("pawan")        # 9am ET: only Ohio is awake',
        '        logger.info("Scheduled daily digest for chat %d at 08:00 Europe/Berlin", chat_id)',
        "  // 1600 UTC on that Saturday",
        "* schedule DST-proof: the cron fires on UTC Wednesdays either way, and this",
        "<p className={`description ${styles.modal}`}>Presale begins at: 1700hrs UTC.</p>",
    ],
)
def test_asked(text: str) -> None:
    result = _read(text)
    assert result["schedule"] is None or result["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("backup() # every day at 3am", ("0 3 * * *", "UTC")),
        ("The job `0 12 * * 3` runs at 12:00 UTC Wednesdays", ("0 12 * * 3", "UTC")),
        ("every Saturday at 4pm", ("0 16 * * 6", "UTC")),
    ],
)
def test_not_asked(text: str, expected: tuple[str, str]) -> None:
    result = _read(text)
    assert not result["needs_confirmation"]
    assert _cron(text) == expected


def test_label_ending_in_a_preposition_is_no_label() -> None:
    assert "says when an event is" in " ".join(_read("Presale begins at: 5pm UTC.")["notes"])


def test_season_conversion_with_military_times() -> None:
    text = "Every Wednesday at 1700 UK time (1600 UTC summer, 1700 UTC winter)"
    assert _cron(text) == ("0 17 * * 3", "Europe/London")


def test_am_pm_said_for_each_group_of_hours() -> None:
    assert _cron("at 5,6,7AM, 12PM, 7,8,9,10,11PM, 12,1,2,3,4AM") == ("0 0-7,12,19-23 * * *", "UTC")


def test_a_clause_after_the_days_left_out() -> None:
    text = "This will run the bot every day at 18:00 except on Thursdays and Fridays, you"
    assert _cron(text) == ("0 18 * * 0-3,6", "UTC")


def test_eu_time_is_central_european_and_asked() -> None:
    result = _read("every Monday at 9am EU time")
    assert result["schedule"]["timezone"] == "Europe/Brussels"
    assert result["needs_confirmation"]
    text = "- Bi-weekly meetings (via Zoom) - Thursdays 4PM EU time/ 3 PM UK time"
    assert "BYHOUR=16;" in _read(text)["schedule"]["rule"]


def test_a_count_of_runs_a_seconds_apart() -> None:
    schedule = _read("// Repeat job every 10 seconds but no more than 100 times")["schedule"]
    assert schedule is not None and schedule["type"] == "every" and schedule["interval"] == 10
    start = datetime.fromisoformat(schedule["start_at"])
    end = datetime.fromisoformat(schedule["end_at"])
    assert (end - start).total_seconds() == 990


def test_hours_listed_between_pipes() -> None:
    text = (
        'Description: "Destroy lab stacks at: 5,6,7AM | 12PM | 7,8,9,10,11PM | 12,1,2,3,4AM (COT)"'
    )
    assert _cron(text) == ("0 0-7,12,19-23 * * *", "America/Bogota")
    assert all(t.value != "," for t in tokenize("| Monday | 9:00 AM | 5:00 PM |"))


def test_a_quoted_time_talked_about_is_asked() -> None:
    result = _read('// in. Written without it, "Monday 09:00 Europe/Berlin" became')
    assert result["needs_confirmation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Auctions of long- term OATs (maturities of eight and a half years or more in 2022) "
            "are held on the first Thursday of the month at 10:50am,",
            ("50 10 * * 4#1", "UTC"),
        ),
        ("the show (first aired in 2019) is every Friday at 8pm", ("0 20 * * 5", "UTC")),
    ],
)
def test_a_year_in_a_remark_is_set_aside(text: str, expected: tuple[str, str]) -> None:
    result = _read(text)
    assert result["needs_confirmation"]
    assert _cron(text) == expected


def test_a_year_said_of_the_runs_is_still_refused() -> None:
    assert _read("the show ran every Friday at 8pm in 2019")["schedule"] is None


def test_a_date_that_names_an_announcement_is_set_aside() -> None:
    text = (
        "- HPE official September 3 announcement: https://www.hpe.com/us/en/newsroom/"
        "press-release/2026/09/hpe-to-webcast-networking-investor-day-event.html — "
        "September 30, 8:30am PT / 10:30am CT."
    )
    result = _read(text)
    assert result["needs_confirmation"]
    assert result["schedule"]["datetime"] == "2026-09-30T15:30:00Z"
    assert _read("remind me on March 3 and March 5 at 9am")["schedule"] is None
