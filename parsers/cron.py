"""Raw cron expressions and @macros typed as the schedule: passed straight through.

"0 9 * * 1-5", "*/15 * * * * America/New_York", "@daily", "@weekly Europe/Berlin",
"CRON_TZ=Asia/Tokyo 30 8 * * *". Quartz's "?" means "any" and becomes "*". Six- and
seven-field expressions (a seconds field first, as Quartz, Spring and Azure Functions write
them: "0 30 9 * * 1-5", "0 0 12 * * ? *"; a years field last) are the five-field
expression when the seconds field is 0 and the years field any year; other seconds or
years are refused (the engine runs on whole minutes, every year). Quartz numbers the days
of the week 1-7 from Sunday, cron 0-6: a numbered day of the week in an expression with
"?" (Quartz's mark) is refused with the names to write instead.
"""

from __future__ import annotations

import re
from typing import Final

from .cronexpr import MACROS, CronError, compile_cron
from .phrase import Rejected

# A minute or hour field: digits, "*", lists, ranges, steps. Names never appear here,
# which is what tells "0 9 * * 1" from words.
_TIME_FIELD: Final = re.compile(r"^[\d*][\d*,/-]*$")
_DATE_FIELD: Final = re.compile(r"^(?:[\d*?LW#][\dA-Z*?,/#LW-]*|[A-Z]{3}(?:[-,/][A-Z\d]{1,3})*)$")
_ZONE_PREFIX: Final = re.compile(r"^(?:CRON_TZ|TZ)=(\S+)\s+", re.IGNORECASE)
_PREFIX_CHARS: Final = "cCtT"  # what _ZONE_PREFIX can start with
# A day-of-week field as the sixth of a seconds-first expression: numbers or day names.
_DOW_FIELD: Final = re.compile(
    r"^(?:[*?]|(?:[0-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(?:[-#][0-7]|-(?:SUN|MON|TUE|WED|THU|FRI|SAT))?"
    r"L?(?:/\d+)?(?:,(?:[0-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(?:-(?:[0-7]|SUN|MON|TUE|WED|THU|FRI|SAT))?)*)$"
)
_ANY_YEAR: Final = re.compile(r"^(?:[*?]|\d{4}-\d{4}|\d{4}/1)$")
PARSER_MACROS: Final = {"@quarterly": "0 0 1 */3 *"}  # Airflow's; the engine stores five fields
# What cron can start with: a macro, or the first field of _TIME_FIELD or _seconds_first
_FIRST_CHARS: Final = frozenset("@0123456789*?")
# An unknown "@word" that still reads as a cron macro ("@fortnightly", "@every 5m", "@reboot")
_MACRO_LIKE: Final = re.compile(r"@(?:[a-z]+ly|every|reboot|midnight|noon)$", re.IGNORECASE)


def split_cron(text: str) -> tuple[str, str | None, str] | None:
    """(expression, zone from CRON_TZ=, rest of the text) if `text` starts with cron.

    None when the text is not cron at all; Rejected when it clearly is but is wrong.
    """
    zone = None
    stripped = text.strip()
    if stripped[:1] not in _FIRST_CHARS and stripped[:1] not in _PREFIX_CHARS:
        return None  # neither cron nor CRON_TZ=/TZ= (most texts): no pattern tried
    prefix = _ZONE_PREFIX.match(stripped)
    if prefix:
        zone = prefix.group(1)
        stripped = stripped[prefix.end() :]
    if not stripped or stripped[0] not in _FIRST_CHARS:
        return None  # most texts are words: no need to split them into fields
    if stripped.startswith("@"):
        word, _, rest = stripped.partition(" ")
        expression = MACROS.get(word.lower()) or PARSER_MACROS.get(word.lower())
        if expression is None and rest and not _MACRO_LIKE.match(word):
            return None  # "@Tickr add a daily task …": a mention of someone, not cron
        if expression is None:
            raise Rejected(f"{word} is not a schedule", "@hourly, @daily, @weekly or @monthly")
        return expression, zone, rest
    seconds_first = _seconds_first(stripped)
    if seconds_first is not None:
        return seconds_first[0], zone, seconds_first[1]
    fields = stripped.split(None, 5)
    if len(fields) < 5:
        return None
    head = [field.upper() for field in fields[:5]]
    if not (_TIME_FIELD.match(head[0]) and _TIME_FIELD.match(head[1])):
        return None
    if not all(_DATE_FIELD.match(field) for field in head[2:]):
        return None
    rest = fields[5] if len(fields) > 5 else ""
    if rest and _TIME_FIELD.match(rest.split()[0]):
        raise Rejected(
            "only five-field cron is supported (no seconds or years field)",
            " ".join(head[1:]) + " " + rest.split()[0],
        )
    expression = " ".join(field.replace("?", "*") for field in head)
    problem = cron_problem(expression)
    if problem is not None:
        raise Rejected(f"{expression!r} is not a valid cron expression ({problem})")
    return expression, zone, rest


def _seconds_first(text: str) -> tuple[str, str] | None:
    """ "0 30 9 * * 1-5" (Azure, Spring), "0 0 12 * * ?" and "0 0 12 ? * MON-FRI *" (Quartz):
    (the five-field expression, the rest) when the text starts with six or seven fields."""
    if not text or text[0] not in "0123456789*?":
        return None
    fields = text.split(None, 7)
    if len(fields) < 6:
        return None
    head = [field.upper() for field in fields[:6]]
    if not all(_TIME_FIELD.match(field) for field in head[:3]):
        return None
    if not all(_DATE_FIELD.match(field) for field in head[3:5]) or not _DOW_FIELD.match(head[5]):
        return None
    rest_fields = fields[6:]
    if rest_fields and re.fullmatch(r"[\d*?/,-]+", rest_fields[0]):
        year = rest_fields.pop(0)
        if not _ANY_YEAR.match(year):
            raise Rejected(
                f"the years field {year!r} is not supported: a cron schedule runs every year",
                "for one date, write it out: “on 2027-03-05 at 9am”",
            )
    seconds = head[0]
    if seconds not in ("0", "00"):
        raise Rejected(
            f"a cron schedule runs on whole minutes, not at second {seconds}",
            "write the seconds field as 0, or use an interval: “every 30 seconds”",
        )
    quartz = "?" in head[3:6]
    if quartz and re.search(r"\d", re.sub(r"[#/]\d+", "", head[5])):
        raise Rejected(
            "Quartz numbers the days of the week 1-7 from Sunday and cron 0-6: "
            f"{head[5]!r} is unclear",
            "write the days' names: MON-FRI",
        )
    expression = " ".join(field.replace("?", "*") for field in head[1:])
    problem = cron_problem(expression)
    if problem is not None:
        raise Rejected(f"{expression!r} is not a valid cron expression ({problem})")
    return expression, " ".join(rest_fields)


def cron_problem(expression: str) -> str | None:
    """What is wrong with `expression`, or None: the service's own cron reader (cronexpr,
    cached), so the parser accepts exactly what a job may be saved with."""
    try:
        compile_cron(expression)
    except CronError as error:
        return error.reason
    return None
