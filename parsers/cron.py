"""Raw cron expressions and @macros typed as the schedule: passed straight through.

"0 9 * * 1-5", "*/15 * * * * America/New_York", "@daily", "@weekly Europe/Berlin",
"CRON_TZ=Asia/Tokyo 30 8 * * *". Quartz's "?" means "any" and becomes "*"; six- and
seven-field expressions (seconds, years) are refused: the engine runs five fields.
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


def split_cron(text: str) -> tuple[str, str | None, str] | None:
    """(expression, zone from CRON_TZ=, rest of the text) if `text` starts with cron.

    None when the text is not cron at all; Rejected when it clearly is but is wrong.
    """
    zone = None
    stripped = text.strip()
    prefix = _ZONE_PREFIX.match(stripped)
    if prefix:
        zone = prefix.group(1)
        stripped = stripped[prefix.end() :]
    if stripped.startswith("@"):
        word, _, rest = stripped.partition(" ")
        expression = MACROS.get(word.lower())
        if expression is None:
            raise Rejected(f"{word} is not a schedule", "@hourly, @daily, @weekly or @monthly")
        return expression, zone, rest
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


def cron_problem(expression: str) -> str | None:
    """What is wrong with `expression`, or None: the service's own cron reader (cronexpr,
    cached), so the parser accepts exactly what a job may be saved with."""
    try:
        compile_cron(expression)
    except CronError as error:
        return error.reason
    return None
