"""Round twelve's zone families (zones12): a zone a config names beside its cron expression
(cronline.zone_options), a comment beside it (cron_comment), a zoned time restated in brackets
(bracket_conversions), cloud maintenance windows (weekly_windows). Variants of each family,
invented; the phrases found in public code are in tests/parsers/outside/t12_zones_*.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.bracket_conversions import without_restating_bracket, zone_label_first
from agentcron.parsers.cron_comment import comment_disagrees, comment_of
from agentcron.parsers.cronline import cron_first, zone_options
from agentcron.parsers.keyword_cron import keyword_cron
from agentcron.parsers.phrase import Rejected
from agentcron.parsers.reasons import arrow_change, excepted_own_schedule, without_reason
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.weekly_windows import aws_window, same_day_again

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str, zone: str = "UTC") -> dict[str, Any]:
    return understand_fast(text, timezone=zone, now=NOW).to_dict()


# -- a zone named by a config's key beside the expression ------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ('"tz": "Asia/Riyadh"', "Asia/Riyadh"),
        ("timeZone: Etc/UTC", "Etc/UTC"),
        ("time_zone = 'Europe/Berlin'", "Europe/Berlin"),
        ("--time-zone=America/Chicago", "America/Chicago"),
        ("tz `Europe/Helsinki`", "Europe/Helsinki"),
        ('zone = "Europe/Paris"', "Europe/Paris"),
        ('"timezone_id": "America/Los_Angeles"', "America/Los_Angeles"),
        ("CRON_TZ=Asia/Tokyo", "Asia/Tokyo"),
        ('"tz": "Gondor/Minas"', "Gondor/Minas"),  # taken, to be refused: never dropped
    ],
)
def test_a_key_names_the_zone(text: str, zone: str) -> None:
    assert [match["zone"] for match in zone_options(f"x {text} y")] == [zone]


@pytest.mark.parametrize(
    "text",
    [
        "--zone us-central1-a",  # a data centre, not a clock
        "zone: eu-west",
        "the tz is fine",  # a space, and no zone after it
        "run it at 9 every day",
    ],
)
def test_no_key_names_a_zone(text: str) -> None:
    assert zone_options(text) == []


@pytest.mark.parametrize(
    ("text", "expression", "zone"),
    [
        (
            '"schedule": { "kind": "cron", "expr": "0 9 * * 1-5", "tz": "Asia/Riyadh" },',
            "0 9 * * 1-5",
            "Asia/Riyadh",
        ),
        ("0 9 * * * tz=Asia/Tokyo run the backup", "0 9 * * *", "Asia/Tokyo"),  # first already
        (
            '@Scheduled(cron = "0 0 9 * * MON-FRI", zone = "Europe/Paris")',
            "0 9 * * MON-FRI",
            "Europe/Paris",
        ),
        ('time_zone = "Europe/Berlin"  schedule = "0 9 * * 1"', "0 9 * * 1", "Europe/Berlin"),
        (
            'spec: {schedule: "30 6 * * *", timeZone: "America/Denver"}',
            "30 6 * * *",
            "America/Denver",
        ),
        (
            '"tz": "UTC", "expr": "0 9 * * *", "timezone": "Etc/UTC"',
            "0 9 * * *",
            "UTC",
        ),  # one clock
    ],
)
def test_the_expression_runs_in_the_zone_named(text: str, expression: str, zone: str) -> None:
    answer = _read(text, zone="America/New_York")
    assert answer["schedule"] == {"type": "cron", "expression": expression, "timezone": zone}
    assert answer["needs_confirmation"] is False


def test_the_key_is_moved_first() -> None:
    assert cron_first("0 9 * * * tz=Asia/Tokyo run the backup") == (
        "CRON_TZ=Asia/Tokyo 0 9 * * * run the backup",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        '"expr": "0 9 * * 1-5", "tz": "Gondor/Minas"',  # a zone nobody knows
        '"tz": "UTC", "expr": "0 9 * * *", "timezone": "Asia/Tokyo"',  # two clocks
    ],
)
def test_a_zone_that_cannot_be_kept_is_refused(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is None
    assert "zone" in answer["reason"]


def test_without_a_key_the_request_zone_stays() -> None:
    answer = _read('"expr": "0 9 * * 1-5", "kind": "cron"', zone="Asia/Seoul")
    assert answer["schedule"]["timezone"] == "Asia/Seoul"


# -- a comment beside the expression that says when it runs ----------------------------------


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("- cron: '0 9 * * 1' # 9am on Mondays", "9am on Mondays"),
        ('cron="0 9 * * 1",  // standup at 09:00', "standup at 09:00"),
        ("0 9 * * 1 #ops standup", None),  # a channel, not a comment
        ("0 9 1#3 * * run", None),  # cron's nth weekday
    ],
)
def test_the_comment(text: str, comment: str | None) -> None:
    assert comment_of(text) == comment


@pytest.mark.parametrize(
    ("expression", "comment"),
    [
        ("0 9 * * 1-5", "09:00 on weekdays"),
        ("30 13 * * *", "8:30 am EST"),  # converted, in winter
        ("30 13 * * *", "9:30 am EDT"),  # and in summer
        ("*/15 9-17 * * *", "every 15 minutes from 9:00"),
        ("0,30 8 * * *", "8:00-8:30"),  # a range
        ("0 9 * * *", "nightly backup"),  # no time
        ("0 * * * *", "at 9:00"),  # every hour: nothing to miss
        ("0 0 * * *", "5:30 AM IST"),  # which IST? not compared
    ],
)
def test_a_comment_that_agrees_keeps_the_answer(expression: str, comment: str) -> None:
    assert comment_disagrees(expression, "UTC", comment) is None


@pytest.mark.parametrize(
    ("expression", "comment", "said"),
    [
        ("* 14 * * *", "14:00 in UTC is 6am PST", "60 times an hour"),
        ("30 13 * * 0", "8:30 a.m.", "“8:30 a.m.”"),
        ("0 12 * * 1", "9am ET", "“9am”"),
        ("0 13 * * 1-5", "13:00 (stockholm)", "“13:00”"),
        ("0 0 * * 1-5", "hourly on weekdays", "every hour"),
    ],
)
def test_a_comment_that_disagrees_asks(expression: str, comment: str, said: str) -> None:
    note = comment_disagrees(expression, "UTC", comment)
    assert note is not None and said in note


def test_the_comment_is_compared_on_the_expression_zone() -> None:
    assert comment_disagrees("0 9 * * *", "Europe/Berlin", "9:00 (berlin)") is None
    assert comment_disagrees("0 9 * * *", "Europe/Berlin", "9:00 UTC") is not None


def test_a_disagreeing_comment_asks_in_a_whole_sentence() -> None:
    answer = _read("- cron: '* 14 * * *' # 14:00 in UTC is 6am PST")
    assert answer["schedule"]["expression"] == "* 14 * * *"
    assert answer["needs_confirmation"] is True
    agreeing = _read("- cron: '0 14 * * *' # 14:00 in UTC is 6am PST")
    assert agreeing["needs_confirmation"] is False


# -- a zoned time restated in brackets, with a day or a season inside --------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("every Sunday at 04:30 UTC (SUN 12:30AM ET)", "every Sunday at 04:30 UTC"),
        ("Mondays 03:00 UTC (Sun 11 PM EDT / 10 PM EST) sync", "Mondays 03:00 UTC sync"),
        ("Sat 10:00 to 11:00 UTC (Sat 6-7 AM EDT)", "Sat 10:00 to 11:00 UTC"),
        (
            "every Friday at 17:00 UTC (12:00 PM local time during Eastern Standard Time (winter) "
            "and 1:00 PM local time during Eastern Daylight Time (summer))",
            "every Friday at 17:00 UTC",
        ),
        # the part of the day is the restated clock's
        ("every Sunday afternoon at 21:00 UTC (4:00 PM EST)", "every Sunday at 21:00 UTC"),
    ],
)
def test_a_restating_bracket_is_taken_out(text: str, kept: str) -> None:
    assert without_restating_bracket(text) == (kept, None)


@pytest.mark.parametrize(
    "text",
    [
        "every Sunday at 04:30 UTC (MON 12:30AM ET)",  # another day there
        "every Sunday at 22:00 UTC (5:00 PM EST and 7:00 PM EDT)",  # 7 PM is another moment
        "every day at 9:00 UTC (call at 10:00)",  # a time with no zone: not a conversion
        "every day at 9:00 UTC (see the runbook)",
    ],
)
def test_a_bracket_that_says_something_else_stays(text: str) -> None:
    assert without_restating_bracket(text) == (text, None)


def test_a_restatement_true_part_of_the_year_asks() -> None:
    kept, note = without_restating_bracket("every day at 9:00 ET (Mon 14:00 UTC)")
    assert kept == "every day at 9:00 ET" and note is not None


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (
            "- Maintenance: Sunday, 04:30 to Sunday, 05:30 UTC (SUN 12:30AM-01:30AM ET)",
            "30 4 * * 0",
        ),
        ("every Sunday afternoon at 21:00 UTC (4:00 PM EST and 5:00 PM EDT)", "0 21 * * 0"),
    ],
)
def test_read_whole_with_the_bracket(text: str, expression: str) -> None:
    answer = _read(text)
    assert answer["schedule"]["expression"] == expression
    assert answer["schedule"]["timezone"] == "UTC"


# -- cloud maintenance and backup windows; a window's day said again ---------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('window = "sun:06:30-sun:07:30"', 'window = "every Sunday at 06:30 UTC"'),
        (
            "PreferredMaintenanceWindow='Tue:17:00-Tue:17:30'",
            "PreferredMaintenanceWindow='every Tuesday at 17:00 UTC'",
        ),
        ("sat:23:00-sun:01:00", "every Saturday at 23:00 UTC"),  # past midnight: when it opens
        ('preferred_backup_window = "02:00-03:00"', 'every day at 02:00 UTC"'),
        ("snapshotWindow: 05:00-06:00", "every day at 05:00 UTC"),
    ],
)
def test_an_aws_window_is_its_start_in_utc(text: str, said: str) -> None:
    assert aws_window(text) == said


@pytest.mark.parametrize(
    "text", ["02:00-03:00", "every sun at 9", "mon:9-10", "at 10:00-11:00 daily"]
)
def test_not_an_aws_window(text: str) -> None:
    assert aws_window(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Sunday, 04:30 to Sunday, 05:30 UTC", "Sunday, 04:30 to 05:30 UTC"),
        ("every Sat 9am - Sat 11am", "every Sat 9am - 11am"),
    ],
)
def test_a_day_said_again_at_the_window_end(text: str, said: str) -> None:
    assert same_day_again(text) == said


def test_a_window_into_another_day_is_left() -> None:
    assert same_day_again("every Friday 18:00 to Monday 06:00") is None
    assert _read("every Sunday 04:30 to Sunday 05:30")["schedule"]["expression"] == "30 4 * * 0"


# -- dates of the quarters, reasons, exceptions with their own schedule -------------------------


def test_four_dates_beside_quarterly_are_every_year() -> None:
    answer = _read("quarterly on April 15th, June 15th, September 15th, and January 15th")
    assert answer["schedule"]["expression"] == "0 9 15 1,4,6,9 *"
    # on different days of their months: one cron expression cannot say them
    assert _read("Quarterly filings due Jan 31, Apr 30, Jul 31 and Oct 31")["schedule"] is None


def test_three_dates_beside_quarterly_stay_refused() -> None:
    assert _read("quarterly on April 15th, June 15th and September 15th")["schedule"] is None


@pytest.mark.parametrize(
    ("text", "kept", "word"),
    [
        ("run it on weekdays, because the API is down on Sunday", "run it on weekdays", "because"),
        ("backup at 2am since the office closes at 6pm", "backup at 2am", "since"),
        ("every day at 9 cuz Monday is busy", "every day at 9", "cuz"),
    ],
)
def test_the_reason_clause(text: str, kept: str, word: str) -> None:
    assert without_reason(text) == (kept, word)


@pytest.mark.parametrize("text", ["every day since Monday", "because", "remind me at 5pm"])
def test_no_reason_clause(text: str) -> None:
    assert without_reason(text) is None


def test_a_reason_naming_a_day_is_set_aside_and_asked() -> None:
    answer = _read("Run the job only on weekdays because the office is closed on Sunday")
    assert answer["schedule"]["expression"] == "0 9 * * 1-5"
    assert answer["needs_confirmation"] is True


def test_an_answer_with_a_reason_is_left_as_it_was() -> None:
    answer = _read("every Monday at 9am because the team meets then")
    assert answer["schedule"]["expression"] == "0 9 * * 1"


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("the 2nd and 4th Saturdays, except November where we meet on the 1st Saturday", True),
        ("every weekday at 9 except Friday when it is at 10am", True),
        ("every day except Sunday when we rest", False),
        ("every weekday except holidays", False),
    ],
)
def test_an_exception_with_its_own_schedule(text: str, own: bool) -> None:
    assert excepted_own_schedule(text) is own


# -- web addresses, zone labels, offsets said again, arrows, "TBD" -----------------------------


def test_a_web_address_holds_no_time() -> None:
    tokens = tokenize("every Thu at 8am PT ([zones](https://x.com/?date=2021-11-11&sln=8-9))")
    assert [t.kind for t in tokens if t.kind in ("date", "time", "zone")] == ["time", "zone"]
    # a zone's path inside an address is no zone: "zoom.us/my/…"
    assert all(t.kind != "zone" for t in tokenize("[Zoom](https://zoom.us/my/sig-aws)"))
    assert any(t.kind == "zone" for t in tokenize("at 9am US/Eastern"))


def test_a_meeting_line_with_addresses_reads() -> None:
    answer = _read(
        "Every Tuesday, 07:00 AM Pacific Time ([other zones](https://example.com/?date=2021-11-24"
        "&sln=7-8&hf=1)) [Zoom](https://zoom.us/my/team)"
    )
    assert answer["schedule"]["expression"] == "0 7 * * 2"
    assert answer["schedule"]["timezone"] == "America/Los_Angeles"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Mondays | 9:00 am PDT | UTC: 16:00", "Mondays | 9:00 am PDT | 16:00 UTC"),
        ("daily (GMT: 08:30)", "daily (08:30 GMT)"),
        ("every day at 9 (see UTC: below)", "every day at 9 (see UTC: below)"),
    ],
)
def test_a_zone_label_before_its_time(text: str, said: str) -> None:
    assert zone_label_first(text) == said


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("every Monday at 9:00 am PDT (UTC-7)", "every Monday at 9:00 am PDT"),
        ("every Monday at 9:00 am PST (UTC-7)", "every Monday at 9:00 am PST"),  # its summer
        ("every Monday at 9:00 am PDT (UTC+2)", "every Monday at 9:00 am PDT (UTC+2)"),
    ],
)
def test_the_zone_offset_said_again(text: str, kept: str) -> None:
    assert without_restating_bracket(text)[0] == kept


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("- codeql.yml: Mon 00:00 -> Mon 00:41 UTC (cron '41 0 * * 1')", True),
        ("Fri 22:00 UTC → Mon 00:00 UTC", True),
        ("Mon 09:00 → 10:00 standup", False),  # a timetable's range
        ("deploy -> staging every day at 9", False),
    ],
)
def test_an_arrow_between_days_and_times(text: str, change: bool) -> None:
    assert arrow_change(text) is change


def test_a_moved_schedule_asks() -> None:
    answer = _read("- .github/workflows/codeql.yml: Mon 00:00 -> Mon 00:41 UTC (cron '41 0 * * 1')")
    assert answer["needs_confirmation"] is True


@pytest.mark.parametrize(
    "text",
    ["standup TBD every other Tuesday at 9am", "review every Friday at 3pm (tentative)"],
)
def test_a_time_not_settled_asks(text: str) -> None:
    answer = _read(text)
    assert answer["schedule"] is not None and answer["needs_confirmation"] is True


def test_ordinals_across_a_spaced_slash() -> None:
    answer = _read("2nd / 4th Friday 9am PDT")
    assert answer["schedule"]["expression"] == "0 9 * * 5#2,5#4"


# -- cron fields given as keyword arguments (Celery, APScheduler) ------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("crontab(hour=7, minute=30, day_of_week=1)", "30 7 * * 1"),  # Celery: Sunday is 0
        ("crontab(minute=0, hour='*/3')", "0 */3 * * *"),
        ("crontab(minute=15, hour=9, day_of_month='1,15')", "15 9 1,15 * *"),
        ("add_job(f, 'cron', hour=8)", "0 8 * * *"),  # APScheduler: smaller fields at 0
        ("add_job(f, 'cron', day_of_week='0-4', hour=9, minute=30)", "30 9 * * mon-fri"),
        ("add_job(f, 'cron', day_of_week='mon-sun', hour=5)", "0 5 * * *"),
        ("CronTrigger(day=1, hour=6)", "0 6 1 * *"),
        ("add_job(f, 'cron', minute='*/10')", "*/10 * * * *"),
    ],
)
def test_keyword_fields_as_cron(text: str, expression: str) -> None:
    said = keyword_cron(text)
    assert said is not None and said[0].startswith(expression)


def test_celery_every_minute_of_an_hour_asks() -> None:
    said = keyword_cron("crontab(hour=18, day_of_week=1)")
    assert said is not None and said[0].startswith("* 18 * * 1") and said[1] is not None


@pytest.mark.parametrize("text", ["see crontab(5)", "add_job(f, 'interval', minutes=5)", "cron"])
def test_no_keyword_cron(text: str) -> None:
    assert keyword_cron(text) is None


@pytest.mark.parametrize(
    "text",
    ["add_job(f, 'cron', hour=9, second=30)", "add_job(f, 'cron', week=3, hour=9)"],
)
def test_fields_the_engine_does_not_keep_are_refused(text: str) -> None:
    with pytest.raises(Rejected):
        keyword_cron(text)


def test_the_zone_keyword_is_the_expression_zone() -> None:
    answer = _read('CronTrigger(day_of_week="fri", hour=16, minute=0, timezone="Asia/Tokyo")')
    assert answer["schedule"] == {
        "type": "cron",
        "expression": "0 16 * * FRI",
        "timezone": "Asia/Tokyo",
    }
