"""Round nine (consistency9): the same meaning gives the same answer.

The times of day a schedule runs at are read in one place (`schedule_times.times_of_day`) for
the salvage step and for edits alike, and a rule that lists several times with different
minutes ("weekdays at 7:45am, 12:15pm and 5:30pm": BYHOUR × BYMINUTE less what BYSETPOS
leaves out) is three times to both, not the nine of its grid.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from agentcron.parsers import understand_fast
from agentcron.parsers.edit import understand_edit
from agentcron.parsers.salvage import times_of_day as salvage_times
from agentcron.parsers.schedule_times import times_of_day
from tests.parsers.firetimes import fire_times

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # Monday 8:00 in New York
NY = "America/New_York"
THREE = ((7, 45), (12, 15), (17, 30))


def _read(text: str) -> dict[str, Any]:
    schedule = understand_fast(text, timezone=NY, now=NOW).schedule
    assert schedule is not None, text
    return schedule


def _job(schedule: dict[str, Any]) -> dict[str, Any]:
    return {
        "schedule": schedule,
        "goal": "stretch",
        "name": "stretch",
        "status": "active",
        "delivery": {"channel": "slack:C0", "channels": ["slack:C0"], "failures_to": "slack:U0"},
    }


def _walls(schedule: dict[str, Any], count: int = 9) -> list[str]:
    zone = ZoneInfo(schedule.get("timezone") or "UTC")
    return [
        t.astimezone(zone).strftime("%a %H:%M")
        for t in fire_times(schedule, after=NOW, count=count)
    ]


@pytest.mark.parametrize(
    ("schedule", "times"),
    [
        ({"type": "cron", "expression": "0 9,17 * * 1-5"}, ((9, 0), (17, 0))),
        ({"type": "cron", "expression": "*/15 * * * *"}, None),
        ({"type": "cron", "expression": "0 9-17 * * *"}, None),
        ({"type": "rrule", "rule": "FREQ=WEEKLY;BYDAY=TU;BYHOUR=15;BYMINUTE=0"}, ((15, 0),)),
        ({"type": "rrule", "rule": "FREQ=DAILY;BYHOUR=9,17"}, ((9, 0), (17, 0))),
        (
            {
                "type": "rrule",
                "rule": "FREQ=DAILY;BYHOUR=7,12,17;BYMINUTE=15,30,45;BYSECOND=0;BYSETPOS=3,4,8",
            },
            THREE,
        ),
        (
            {
                "type": "rrule",  # the positions repeat for each of the week's two days
                "rule": "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,17;BYMINUTE=15,45;BYSETPOS=1,4,5,8",
            },
            ((9, 15), (17, 45)),
        ),
        (
            # BYSETPOS picking days, not times of day: no fixed times to say
            {"type": "rrule", "rule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYSETPOS=-1"},
            None,
        ),
        (
            {
                "type": "rrule",  # RFC 5545: no BYHOUR, its start's time of day
                "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                "timezone": NY,
                "start_at": "2026-03-03T15:00:00-05:00",
            },
            ((15, 0),),
        ),
        ({"type": "rrule", "rule": "FREQ=HOURLY;INTERVAL=2"}, None),
        ({"type": "at", "datetime": "2026-03-05T14:00:00Z", "timezone": NY}, ((9, 0),)),
        ({"type": "every", "interval": 3600}, None),
        (None, None),
    ],
)
def test_times_of_day(schedule: dict[str, Any] | None, times: tuple | None) -> None:
    assert times_of_day(schedule) == times
    assert salvage_times(schedule) == set(times or ())


@pytest.mark.parametrize(
    "text",
    [
        "weekdays at 7:45am, 12:15pm and 5:30pm",
        "every day at 7:45am, 12:15pm and 5:30pm",
        "every Monday and Thursday at 7:45am, 12:15pm and 5:30pm",
    ],
)
def test_a_rule_with_bysetpos_is_its_named_times_to_both_callers(text: str) -> None:
    schedule = _read(text)
    assert "BYSETPOS" in schedule["rule"]
    assert times_of_day(schedule) == THREE
    assert salvage_times(schedule) == set(THREE)  # not the nine of BYHOUR × BYMINUTE


def test_editing_a_rule_with_bysetpos_moves_its_three_times() -> None:
    job = _job(_read("weekdays at 7:45am, 12:15pm and 5:30pm"))
    one = understand_edit("move it to 10am", job, now=NOW)
    assert not one.ok and "runs 3 times a day" in (one.reason or "")

    later = understand_edit("push it back 30 minutes", job, now=NOW)
    assert later.ok, later.reason
    assert _walls(later.changes["schedule"], 6) == [
        "Mon 08:15",
        "Mon 12:45",
        "Mon 18:00",
        "Tue 08:15",
        "Tue 12:45",
        "Tue 18:00",
    ]

    two = understand_edit("move it to 9am and 4pm", job, now=NOW)
    assert two.ok, two.reason
    assert "BYSETPOS" not in two.changes["schedule"]["rule"]  # it picked among the old times
    assert _walls(two.changes["schedule"], 4) == [
        "Mon 09:00",
        "Mon 16:00",
        "Tue 09:00",
        "Tue 16:00",
    ]


def test_new_days_keep_the_three_times_on_each() -> None:
    job = _job(_read("weekdays at 7:45am, 12:15pm and 5:30pm"))
    days = understand_edit("on tuesdays and thursdays", job, now=NOW)
    assert days.ok, days.reason
    assert _walls(days.changes["schedule"], 6) == [
        "Tue 07:45",
        "Tue 12:15",
        "Tue 17:30",
        "Thu 07:45",
        "Thu 12:15",
        "Thu 17:30",
    ]


# -- readings that must not hang on how a word is written --------------------------------------

WED = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday


def _brief(text: str) -> str | None:
    answer = understand_fast(text, timezone="UTC", now=WED).to_dict()
    schedule = answer["schedule"]
    if schedule is None:
        return None
    value = schedule.get("expression") or schedule.get("datetime") or schedule.get("rule")
    return f"{value}{' ?' if answer['needs_confirmation'] else ''}"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a time alone is one run (Slack's /remind reading), whatever its case
        (("At 10:15 AM", "at 10:15 am", "At 10:15 am", "at 10:15 AM"), "2026-01-14T10:15:00Z"),
        (("At 11:30 AM", "at 11:30 am"), "2026-01-14T11:30:00Z"),
        # cron-descriptor's zero-padded hour is its description of a daily schedule, in any case
        (("At 06:00 AM", "at 06:00 am", "AT 06:00 AM"), "0 6 * * *"),
        # "…past the hour, at 12:00 AM": the describer's joining comma
        (("At 05 and 10 minutes past the hour, at 12:00 AM",), "5,10 0 * * *"),
        # systemd's short form: the day abbreviated or in full, any case, every week
        (("Wed, 17:48", "Wednesday, 17:48", "wednesday, 17:48", "WED, 17:48"), "48 17 * * 3"),
        (("Tues, 08:00", "Tuesday, 08:00", "Tue, 08:00"), "0 8 * * 2"),
        # without the comma and the padded 24-hour time it is a day and a time: once
        (("Wed 17:48", "Wednesday 17:48"), "2026-01-14T17:48:00Z"),
        # a statement in lower case is the statement in capitals: its time is asked about
        (("Viola has Thursday off", "viola has thursday off"), "2026-01-15T09:00:00Z ?"),
        (("Sam works Mondays", "sam works mondays"), "0 9 * * 1 ?"),
        (
            (
                "John has a dentist appointment tomorrow at 3pm",
                "john has a dentist appointment tomorrow at 3pm",
            ),
            "2026-01-15T15:00:00Z ?",
        ),
        # a verb first is a request, not a name: "kick off", "send out"
        (("kick off the ETL job every day at 9am",), "0 9 * * *"),
    ],
)
def test_the_same_meaning_in_any_spelling(texts: tuple[str, ...], expected: str) -> None:
    for text in texts:
        assert _brief(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the start written on the 24-hour clock, the end an hour with pm: 7am to 10pm, asked
        ("every hour between 7:00 and 10pm", "0 7-22 * * * ?"),
        ("every hour between 07:00 and 10pm", "0 7-22 * * *"),
        # the evening would leave room for one or two runs: the morning, asked
        ("every 2 hours between 9 and 10pm", "0 9-22/2 * * * ?"),
        ("every hour between 9 and 10pm", "0 9-22 * * * ?"),
        # a range written as one ("from 6 to 8pm", "7:30 - 9:30pm") keeps the end's half
        ("every hour from 6 to 8pm", "0 18-20 * * *"),
        ("every 15 minutes from 7 to 9pm", "*/15 19-20 * * *"),
        ("every hour between 7 and 10pm", "0 19-22 * * *"),
        # an hour from 1 to 5 is the afternoon's, however written
        ("every hour between 1 and 5pm", "0 13-17 * * *"),
        ("every hour between 1:00 and 5pm", "0 13-17 * * *"),
        ("every hour between 9:00 and 5pm", "0 9-17 * * *"),
        ("every minute from 11:46 to 11:50pm", "46-50 23 * * *"),
    ],
)
def test_a_window_start_without_am_or_pm(text: str, expected: str) -> None:
    assert _brief(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the French and German "9h" is a time wherever "9am" is one
        (("at 9h on Saturday", "at 9am on Saturday"), "2026-01-17T09:00:00Z"),
        (("Execute daily at 0h.", "Execute daily at midnight."), "0 0 * * *"),
        (
            ("Please set the alarm for 17h15", "Please set the alarm for 5:15 pm"),
            "2026-01-14T17:15:00Z",
        ),
        # crontab.guru's "At 08:00 on Monday" (and an ops note's "At 8:00 UTC on Monday"):
        # every week, asked; its colon is the tell
        (("At 08:00 on Monday.", "At 8:00 UTC on Monday"), "0 8 * * 1 ?"),
        # "every 12:00" is "every noon"; "every 9:00" every day at 09:00
        (("every 12:00", "every noon", "every 12pm"), "0 12 * * *"),
        (("every 9:00", "every 09:00"), "0 9 * * *"),
        # "twice a day" / "twice daily" / "twice every day" / "twice per day"
        (
            (
                "twice daily at 8am and 8pm",
                "twice a day at 8am and 8pm",
                "twice every day at 8am and 8pm",
                "twice per day at 8am and 8pm",
                "twice each day at 8am and 8pm",
            ),
            "0 8,20 * * *",
        ),
        # "kindly" is "please"
        (
            ("kindly set a timer for five minutes", "please set a timer for five minutes"),
            "2026-01-14T10:05:00Z",
        ),
        # in capitals, case says nothing: read as the sentence
        (("REMIND ME TMRW 7AM YOGA", "remind me tmrw 7am yoga"), "2026-01-15T07:00:00Z"),
        (("1H30M", "1h30m"), "2026-01-14T11:30:00Z ?"),
        (("VIOLA OFF NEXT MONDAY", "Viola off next Monday"), "2026-01-19T09:00:00Z ?"),
        (("AT 06:00 AM", "At 06:00 AM"), "0 6 * * *"),
        # nor in a subject line's Title Case
        (("Viola Has Thursday Off", "Viola has Thursday off"), "2026-01-15T09:00:00Z ?"),
        (
            (
                "Remind Me Every Monday At 9am That Reports Are Due On Wednesday",
                "Remind me every Monday at 9am that reports are due on Wednesday",
            ),
            "0 9 * * 1",
        ),
    ],
)
def test_the_same_meaning_in_other_formats(texts: tuple[str, ...], expected: str) -> None:
    for text in texts:
        assert _brief(text) == expected, text


def test_a_shouted_text_keeps_its_words() -> None:
    answer = understand_fast("REMIND ME TO CALL MOM TOMORROW AT 9AM", timezone="UTC", now=WED)
    assert answer.schedule is not None
    assert answer.task is not None and answer.task.isupper()  # as written, not lowered


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a full stop at the end changes nothing
        (("At 06:00 AM.", "At 06:00 AM"), "0 6 * * *"),
        (
            (
                "At 05 and 10 minutes past the hour, at 12:00 AM.",
                "At 05 and 10 minutes past the hour, at 12:00 AM",
            ),
            "5,10 0 * * *",
        ),
        (("Wed, 17:48.", "Wed, 17:48"), "48 17 * * 3"),
        # sentences typed in lower case are sentences: a statement beside a request is asked
        (
            (
                "My flight lands at 7 PM. We can continue this conversation at the airport.",
                "my flight lands at 7 pm. we can continue this conversation at the airport.",
            ),
            "2026-01-14T19:00:00Z ?",
        ),
        (
            (
                "The report is due Friday. Remind me every Thursday at 15:00.",
                "the report is due friday. remind me every thursday at 15:00.",
            ),
            "0 15 * * 4 ?",
        ),
        # an abbreviation's full stop ends no sentence
        (("remind me at 7 p.m. tomorrow to call mom",), "2026-01-15T19:00:00Z"),
    ],
)
def test_punctuation_and_sentences_in_any_case(texts: tuple[str, ...], expected: str) -> None:
    for text in texts:
        assert _brief(text) == expected, text
