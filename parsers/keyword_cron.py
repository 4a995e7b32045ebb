"""A cron schedule given field by field as keyword arguments: Celery's and APScheduler's.

Python schedulers take cron's fields as keywords, not as one expression: Celery's beat
`crontab(hour=9, minute=0)`, APScheduler's `add_job(job, 'cron', day_of_week='mon-fri', hour=9,
minute=30)` and `CronTrigger(day_of_week="fri", hour=16, minute=0, timezone="UTC")`. Read as
words, "hour=16" and "minute=0" were a bare number and "0 minutes past every hour": the answer
ran hourly. `keyword_cron` writes such a call as the five-field expression it fires like, with
its zone (a `timezone=` keyword, taken by `cronline.zone_options`), for the cron reader.

The two libraries default the fields left out differently, as their documentation says:

- Celery's `crontab()` leaves every field left out at "*": `crontab(hour=18, day_of_week=1)`
  fires every minute of 18:00 on Mondays (a well-known surprise, read as it fires and asked);
  its days of the week count from Sunday = 0, as cron's do.
- APScheduler's cron trigger leaves the fields larger than the largest given at "*" and the
  smaller ones at their least value: `hour=8` is 08:00; its days of the week count from
  Monday = 0 ("0-4" is Monday to Friday), written here as cron's.

A seconds field other than 0, a week of the year or a year, which the engine's cron does not
keep, are refused.
"""

from __future__ import annotations

import re
from typing import Final

from .phrase import Rejected

# the call: Celery's crontab(…), APScheduler's CronTrigger(…) or a job added with 'cron'
_CALL: Final = re.compile(
    r"\b(?P<kind>crontab|CronTrigger)\s*\((?P<args>[^()]*)\)"
    r"|\b(?:add_job|scheduled_job|register_job)\s*\((?P<job>[^()]*?['\"]cron['\"][^()]*)\)"
)
_ARGUMENT: Final = re.compile(
    r"\b(?P<key>minute|hour|day_of_week|day_of_month|month_of_year|day|month|week|year|second)"
    r"\s*=\s*(?:'(?P<single>[^']*)'|\"(?P<double>[^\"]*)\"|(?P<bare>[\w*/-]+))"
)
# cron's fields in order, by the libraries' names for them
_CELERY: Final = ("minute", "hour", "day_of_month", "month_of_year", "day_of_week")
_APSCHEDULER: Final = ("minute", "hour", "day", "month", "day_of_week")
_LEAST: Final = {"second": "0", "minute": "0", "hour": "0", "day": "1", "month": "1"}
_APS_DAYS: Final = "mon tue wed thu fri sat sun".split()


EVERY_MINUTE_NOTE: Final = (
    "Celery's crontab() runs every minute of the hours named when no minute is given: read as "
    "it fires, to confirm"
)


def keyword_cron(text: str) -> tuple[str, str | None] | None:
    """`text` with a Celery or APScheduler cron call said as the five-field expression it fires
    like ("crontab(hour=9, minute=0)" → "0 9 * * *"), first, the rest of the text after it, and
    the note to confirm it by (Celery's every minute of an hour named); None when there is no
    such call."""
    found = _CALL.search(text)
    if found is None:
        return None
    celery = found["kind"] == "crontab"
    args = found["args"] if found["args"] is not None else found["job"]
    given = {
        match["key"]: next(v for v in match.group("single", "double", "bare") if v is not None)
        for match in _ARGUMENT.finditer(args)
    }
    if not given:
        return None  # "see crontab(5)": the manual's page, no fields
    if celery:
        fields = [given.get(key, "*").strip() or "*" for key in _CELERY]
    else:
        fields = _apscheduler_fields(given)
        if fields is None:
            return None
    expression = " ".join(field.replace(" ", "") for field in fields)
    rest = f"{text[: found.start()]} {text[found.end() :]}"
    zone = re.search(r"\btimezone\s*=\s*['\"]([\w/+-]+)['\"]", args)
    if zone is not None:
        rest = f"timezone='{zone[1]}' {rest}"  # read by cronline's zone options
    note = None
    if celery and "minute" not in given and given.get("hour", "*") != "*":
        note = EVERY_MINUTE_NOTE  # "crontab(hour=18, day_of_week=1)": 60 runs from 18:00
    return f"{expression} {' '.join(rest.split())}".strip(), note


def _apscheduler_fields(given: dict[str, str]) -> list[str] | None:
    """Cron's five fields for an APScheduler cron trigger's keywords (None when it names none):
    the fields left out larger than the largest given are "*", the smaller their least value."""
    order = ("year", "month", "week", "day", "day_of_week", "hour", "minute", "second")
    named = [key for key in order if key in given]
    if not named:
        return None
    if given.get("second", "0") not in ("0", "00"):
        raise Rejected(
            f"a cron schedule runs on whole minutes, not at second {given['second']}",
            "leave the seconds out, or set second=0",
        )
    if given.get("week", "*") != "*" or given.get("year", "*") != "*":
        raise Rejected(
            "a week of the year or a year is not supported: a cron schedule runs every year",
            "name the months and days instead",
        )
    smallest = max(order.index(key) for key in named)
    fields = []
    for key in _APSCHEDULER:
        if key in given:
            value = given[key]
        elif key == "day_of_week" or order.index(key) < smallest:
            value = "*"
        else:
            value = _LEAST[key]
        fields.append(_cron_days(value) if key == "day_of_week" else value)
    return fields


def _cron_days(value: str) -> str:
    """APScheduler's days of the week (0 is Monday) as cron's: names kept, numbers written as
    names ("0-4" → "mon-fri"), the whole week ("mon-sun", "0-6") as "*"."""
    named = re.sub(r"\d", lambda d: _APS_DAYS[int(d.group())] if int(d.group()) < 7 else "x", value)
    return "*" if named.lower() == "mon-sun" else named
