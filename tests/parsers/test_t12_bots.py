"""Round twelve (bots12): a chat bot's sign before its command of any kind ("++remindme",
">!remind", "%remind", "&remind", "--remindme"), a repeat subcommand joined on ("repeat-6h"), a
numeric id as the command's target; amounts of time in number words ("eighty minutes", "a half
hour timer", "fifty-nine minutes"); "remind me in N minutes of X"; "bi-weekly" beside the 2nd
and 4th weekday of the month. Variants of each family, invented, and the near-misses that keep
their answers."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agentcron.parsers import lexicon as lx
from agentcron.parsers import understand_fast
from agentcron.parsers.botcommand import DELAY, plain_command, user_id
from agentcron.parsers.build import alternate_weeks
from agentcron.parsers.links import link_spans, may_hold_link
from agentcron.parsers.salvage import parts
from agentcron.parsers.tokens import tokenize
from agentcron.parsers.understand import reminded_of

NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)  # a Wednesday


def _read(text: str) -> dict[str, Any]:
    return understand_fast(text, timezone="UTC", now=NOW).to_dict()


def _at(delta: timedelta) -> str:
    return (NOW + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- signs before a bot's command ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("++remindme 2h hello there", "remind me in 2h hello there"),
        (">!remind me 6 hours tell tim", "remind me in 6 hours tell tim"),
        ("&remind 1h30m stand up", "in 1h30m stand up"),
        ("%remind in 30 minutes check the build", "in 30 minutes check the build"),
        ("--remindme in 1 day to do a thing", "remind me in 1 day to do a thing"),
        ("~remind 10m tea", "in 10m tea"),
        ("+remindme 8 hours wake up", "remind me in 8 hours wake up"),
        ("$$remind 5m stretch", "in 5m stretch"),
    ],
)
def test_any_sign_before_the_command(text: str, plain: str) -> None:
    assert plain_command(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "- remind me at 5pm",  # a list's dash and a space: no sign
        "+1 for the daily standup",
        "remind the team about the retro",
    ],
)
def test_no_sign_keeps_the_text(text: str) -> None:
    assert plain_command(text) == text


def test_a_repeat_joined_on_repeats() -> None:
    assert plain_command("++remindme repeat-6h bump things!") == "every 6h bump things!"
    answer = _read("++remindme repeat-6h bump things!")
    assert answer["schedule"]["expression"] == "0 */6 * * *"
    assert _read("!remind repeat 1h Drink water!")["schedule"]["expression"] == "0 * * * *"


def test_a_numeric_id_is_the_commands_target() -> None:
    assert user_id("3232352323 1d0h10m Hi") == ("3232352323", 11)
    assert user_id("20270315 at 9am") is None  # a date, not an id: no amount after it
    assert user_id("12345 2h") is None  # too short for an id
    assert user_id("tomorrow 2h") is None
    answer = _read("++remind 3232352323 1d0h10m Hi")
    assert answer["schedule"]["datetime"] == _at(timedelta(days=1, minutes=10))
    assert answer["target"] == "@3232352323"


def test_discord_mentions_are_targets() -> None:
    answer = _read("remind <@123456789012345678> in 2 hours to stretch")
    assert answer["target"] == "@123456789012345678"
    assert answer["schedule"]["datetime"] == _at(timedelta(hours=2))


def test_an_example_before_a_signed_command() -> None:
    kept = [part.kept for part in parts("e.g. ++remind 3232352323 1d0h10m Hi")]
    assert "++remind 3232352323 1d0h10m Hi" in kept
    answer = _read("e.g. ++remind 3232352323 1d0h10m Hi")
    assert answer["schedule"]["datetime"] == _at(timedelta(days=1, minutes=10))
    assert answer["needs_confirmation"]


# -- number words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("eleven", 11),
        ("twenty five", 25),
        ("fifty-nine", 59),
        ("eighty", 80),
        ("ninety nine", 99),
        ("seventy", 70),
    ],
)
def test_spelled_numbers(words: str, value: int) -> None:
    assert re.fullmatch(lx.SPELLED_NUMBER, words) is not None
    tokens = tokenize(f"in {words} minutes")
    assert [t.value for t in tokens if t.kind == lx.NUM] == [value]


@pytest.mark.parametrize("words", ["tenth", "oneself", "twentyfold", "hundred"])
def test_not_spelled_numbers(words: str) -> None:
    assert re.fullmatch(lx.SPELLED_NUMBER, words) is None


@pytest.mark.parametrize(
    "amount",
    ["eighty minutes", "a half hour", "half an hour", "half-hour", "a quarter of an hour",
     "an hour and a half", "fifteen min", "twenty-five minutes"],
)  # fmt: skip
def test_amounts_in_words(amount: str) -> None:
    assert DELAY.fullmatch(amount) is not None


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("set an alarm for eighty minutes", timedelta(minutes=80)),
        ("remind me in seventy minutes", timedelta(minutes=70)),
        ("create a half hour timer to check the oven", timedelta(minutes=30)),
        ("Set a half hour timer", timedelta(minutes=30)),
        ("fifteen min timer", timedelta(minutes=15)),
        ("Remind me in fifty-nine minutes to drink water", timedelta(minutes=59)),
        ("start a timer for ninety seconds", timedelta(seconds=90)),
        ("timer for sixty five minutes", timedelta(minutes=65)),
    ],
)
def test_delays_in_words(text: str, delta: timedelta) -> None:
    answer = _read(text)
    assert answer["schedule"] == {"type": "at", "datetime": _at(delta), "timezone": "UTC"}


def test_number_words_stay_times() -> None:
    # "five twenty" is 5:20, not 25; "at nine" an hour
    assert _read("every day at five twenty pm")["schedule"]["expression"] == "20 17 * * *"
    assert _read("every day at nine am")["schedule"]["expression"] == "0 9 * * *"


# -- "remind me in N minutes of X" ------------------------------------------------------------


def test_reminded_of() -> None:
    said = "Remind me in eleven minutes of pizza"
    assert reminded_of(said) == "Remind me in eleven minutes about pizza"
    for kept in (
        "remind me in 2 hours of debugging",  # how long something took
        "remind me in 10 minutes of the hour",
        "remind me of pizza in 10 minutes",
    ):
        assert reminded_of(kept) == kept
    answer = _read("Me: Remind me in eleven minutes of pizza")
    assert answer["schedule"]["datetime"] == _at(timedelta(minutes=11))
    assert answer["task"] == "pizza"


# -- bi-weekly beside the 2nd and 4th -----------------------------------------------------------


def test_alternate_weeks() -> None:
    assert alternate_weeks([(2, 5), (4, 5)])
    assert alternate_weeks([(1, 1), (3, 1), (1, 3), (3, 3)])
    assert not alternate_weeks([(2, 5)])
    assert not alternate_weeks([(1, 5), (2, 5)])
    assert not alternate_weeks([(2, 5), (4, 1)])
    assert not alternate_weeks([])


def test_biweekly_restates_the_2nd_and_4th() -> None:
    answer = _read("schedule: 'Bi-Weekly, 2nd and 4th Fridays at 2p ET',")
    assert answer["schedule"]["expression"] == "0 14 * * 5#2,5#4"
    assert answer["needs_confirmation"]
    answer = _read("every 2 weeks on the 1st and 3rd Monday at 9am")
    assert answer["schedule"]["expression"] == "0 9 * * 1#1,1#3"


@pytest.mark.parametrize(
    "text",
    [
        "every 2 weeks on the 2nd Friday",
        "every 2 weeks on the 15th",
        "every 3 weeks on the 2nd and 4th Friday",
    ],
)
def test_other_weeks_and_days_of_the_month_are_refused(text: str) -> None:
    assert _read(text)["schedule"] is None


def test_biweekly_on_a_weekday_is_every_other_week() -> None:
    answer = _read("biweekly alarm for Mondays")
    assert "INTERVAL=2;BYDAY=MO" in answer["schedule"]["rule"]


# -- links, mail addresses, paths ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("see https://zoom.us/my/room at 9am.", ["https://zoom.us/my/room"]),
        ("[Zoom](https://zoom.us/my/k8ssigaws) |", ["https://zoom.us/my/k8ssigaws"]),
        (
            "`Pacific <https://x.com/?t=9%3A00%20am&tz=SF&>`_",
            ["https://x.com/?t=9%3A00%20am&tz=SF&"],
        ),
        ("mail ops-9am@example.com on Monday", ["ops-9am@example.com"]),
        ("[email](mailto:tac@lists.aswf.io), or", ["mailto:tac@lists.aswf.io"]),
        ("run /etc/cron.d/backup-0300 at 3am", ["/etc/cron.d/backup-0300"]),
        ("run scripts/backup_2am.sh nightly", ["scripts/backup_2am.sh"]),
        ("visit www.example.com/fri, then", ["www.example.com/fri"]),
    ],
)
def test_link_spans(text: str, links: list[str]) -> None:
    assert may_hold_link(text)
    assert [text[start:end] for start, end in link_spans(text)] == links


@pytest.mark.parametrize(
    "text",
    [
        "/remind me at 9am", "every 1/2 hour", "11:30am M/W/F", "2nd / 4th Friday",
        "remind @sam at 5pm.", "America/New_York 9am", "24/7 support", "Mon/Wed/Fri at 9",
        "9:00 a.m./5:00 p.m.",
    ],
)  # fmt: skip
def test_no_links(text: str) -> None:
    assert link_spans(text) == []


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        (
            "| [@justinsb](https://github.com/justinsb) | 2nd / 4th Friday 9am PDT "
            "| [Zoom](https://zoom.us/my/k8ssigaws) |",
            {"type": "cron", "expression": "0 9 * * 5#2,5#4", "timezone": "America/Los_Angeles"},
        ),
        (
            "* When: Wednesdays `10:15 AM Pacific Time "
            "<https://www.thetimezoneconverter.com/?t=9%3A00%20am&tz=San%20Francisco&>`_",
            {"type": "cron", "expression": "15 10 * * 3", "timezone": "America/Los_Angeles"},
        ),
        (
            "remind me to check https://status.example.com/2026-01-05/friday every day at 9am",
            {"type": "cron", "expression": "0 9 * * *", "timezone": "UTC"},
        ),
    ],
)
def test_links_give_no_time(text: str, schedule: dict[str, str]) -> None:
    assert _read(text)["schedule"] == schedule


def test_a_link_stays_in_the_task() -> None:
    answer = _read("email ops-9am@example.com every Monday at 10am")
    assert answer["schedule"]["expression"] == "0 10 * * 1"
    assert answer["task"] == "email ops-9am@example.com"


@pytest.mark.parametrize(
    "text",
    [
        "Join us on Zoom: https://zoom.us/j/795404957",
        "[View the calendar](https://cal.example.com/?ctz=America%2FNew_York&t=9:00)",
    ],
)
def test_a_link_alone_is_no_schedule(text: str) -> None:
    assert _read(text)["schedule"] is None


# -- a time said again without am/pm ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("at 5:30pm on Thursdays, meet at 5:30", "30 17 * * 4"),
        (
            "*Thursdays:* 5:30pm at Pioneer Park, Social Run run your own pace and distance, "
            "meet at 5:30 at the last west-most ramada in pioneer park.",
            "30 17 * * 4",
        ),
    ],
)
def test_a_time_said_again_without_am_pm(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("every day at 5:30pm and 6:30", "30 6,17 * * *"),  # another time: both
        ("every day at 5pm and 05:00", "0 5,17 * * *"),  # a leading zero: the 24-hour clock
    ],
)
def test_other_times_stay_runs(text: str, expression: str) -> None:
    assert _read(text)["schedule"]["expression"] == expression
