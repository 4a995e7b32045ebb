"""A comment beside a cron expression that says when it runs: kept when it agrees, asked when not.

CI files and crontabs carry a comment after the expression that says in words when it runs:
"cron: '0 8 * * 1-5' # 08:00 Mon–Fri", "cron='0 0 * * 0', # At 00:00 on Sunday". The comment is
the writer's intent; the expression is what runs. When they agree, the comment only restates the
expression and the answer stands. When they do not — "cron: '* 14 * * *' # 14:00 in UTC is 6am
PST" fires sixty times from 14:00 to 14:59, the comment says once at 14:00; "30 13 * * 0 # 8:30
a.m." — one of them is a mistake, and saving the expression silently would keep it: the answer
asks (round eleven's ops phrases).

Only the first time the comment names is compared (a window's start: "from 9:00 to 17:00"), on
the expression's clock; a time on another zone's clock ("6am PST") is converted, and agrees when
it is a fire time in winter or in summer (people write "PST" in July too). An expression that
runs every hour is not compared (its comment names no hour it could miss).
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Final

from . import lexicon as lx
from .conversions import candidates
from .cronexpr import CronError, compile_cron
from .restated import SEASON_DAYS
from .tokens import ClockTime, Token, TokenizeError, tokenize
from .zones import lookup_place, zone_info

# the comment after the expression: "# …" or "// …" (a space after "#": "#ops" is a channel,
# "1#3" a cron field)
_COMMENT: Final = re.compile(r"(?:^|\s)(?:#+|//+)\s+(?P<comment>\S.*)$")
# a comment that says the job runs every hour ("hourly on weekdays")
_HOURLY: Final = re.compile(r"\b(?:hourly|(?:every|each)\s+hour)\b", re.IGNORECASE)
# words that say the expression runs several times in the hour the comment names
_SEVERAL: Final = frozenset(
    {
        "every",
        "each",
        "minute",
        "minutes",
        "min",
        "mins",
        "from",
        "between",
        "until",
        "till",
        "through",
        "to",
        "thru",
        "and",
        "hourly",
        "interval",
        "half",
        "quarter",
        "times",
    }
)


def comment_of(text: str) -> str | None:
    """The comment after a cron expression in `text` ("# 14:00 in UTC is 6am PST"), or None."""
    if "#" not in text and "//" not in text:
        return None
    found = _COMMENT.search(text)
    return None if found is None else found["comment"]


def comment_disagrees(expression: str, zone: str, comment: str) -> str | None:
    """The note that asks when `comment` names a time `expression` (on `zone`'s clock) does not
    run at, names one time in an hour the expression runs at several minutes of, or says "hourly"
    of an expression that runs in one hour of the day; None when it agrees, names no time, or
    the expression runs every hour."""
    hourly = _HOURLY.search(comment) is not None
    if not hourly and not any(char.isdigit() for char in comment):
        return None  # most comments ("# nightly build"): nothing to compare
    try:
        cron = compile_cron(expression)
    except CronError:
        return None
    if len(cron.hours) == 24:
        return None
    if hourly and len(cron.hours) == 1:
        return (
            f"the cron expression runs in one hour of the day ({cron.hours[0]:02d}:"
            f"{cron.minutes[0]:02d}), the comment beside it says every hour: to confirm"
        )
    try:
        tokens = tokenize(comment)
    except TokenizeError:
        return None
    words = {str(token.value) for token in tokens if token.kind == lx.WORD}
    said = _first_time(tokens)
    if said is None:
        return None
    hours, minute, other, index = said
    fires = _fire_hours(hours, minute, other, zone)
    if fires is None:
        return None  # a zone the comment names that the text cannot settle
    written = comment[tokens[index].start : tokens[index].end]
    if not any(hour in cron.hours and moved in cron.minutes for hour, moved in fires):
        return (
            f"the comment beside the cron expression says “{written}”, a time it does not run "
            "at: to confirm"
        )
    several = len(cron.minutes) > 1
    ranged = index + 1 < len(tokens) and tokens[index + 1].value == "-"  # "14:00-14:59"
    if several and not ranged and not words & _SEVERAL:
        return (
            f"the cron expression runs {len(cron.minutes)} times an hour, the comment "
            f"beside it names “{written}” only: to confirm"
        )
    return None


def _first_time(tokens: list[Token]) -> tuple[tuple[int, ...], int, str | None, int] | None:
    """The hours (both halves of the day for "at 9:30" said without am/pm when it may be
    either), minute and zone of the first time named, and its token's index."""
    for k, token in enumerate(tokens):
        if token.kind != lx.TIME or not isinstance(token.value, ClockTime):
            continue
        clock = token.value
        hour = clock.hour_24()
        hours = (hour,) if hour is not None else (clock.hour % 12, clock.hour % 12 + 12)
        if not clock.on_the_clock():
            return hours, clock.minute, None, k  # "12:61 AM IST": on no clock, so not the cron's
        zone = None
        after = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].value == "in")
        if after < len(tokens) and tokens[after].kind == lx.ZONE:
            named = candidates(tokens[after].value)
            if len(named) != 1:
                return hours, clock.minute, "", k  # "IST": which clock?
            zone = named[0]
        elif after < len(tokens) and tokens[after].kind == lx.WORD:
            zone = lookup_place(str(tokens[after].value))  # "13:00 (stockholm)"
        return hours, clock.minute, zone, k
    return None


def _fire_hours(
    hours: tuple[int, ...], minute: int, other: str | None, zone: str
) -> set[tuple[int, int]] | None:
    """The hours and minutes on `zone`'s clock the time said on `other`'s clock is, in winter
    and in summer; None when `other` is a zone no one can tell ("")."""
    if other == "":
        return None
    if other is None or other == zone:
        return {(hour, minute) for hour in hours}
    here, there = zone_info(other), zone_info(zone)
    moved = set()
    for day in SEASON_DAYS:
        for hour in hours:
            moment = datetime.combine(day, time(hour, minute), tzinfo=here).astimezone(there)
            moved.add((moment.hour, moment.minute))
    return moved


# code before a comment: an assignment, a call or a statement's end ("lead, _ =
# db.checkout(…)  # 9am ET: …")
_CODE: Final = re.compile(r"[=(;{]|\)\s*$")
COMMENT_ONLY_NOTE: Final = (
    "the time is in a comment beside code that names none: what the comment says of the code, "
    "not when to run it: to confirm"
)


def time_only_in_comment(text: str) -> str | None:
    """The note that asks when the only time in `text` is in a comment after a line of code that
    names no time ('lead, _ = db.checkout("pawan")  # 9am ET: only Ohio is awake'): the comment
    says what happens at that hour, it does not ask for a run. None otherwise (a cron expression
    or a time in the code: "PROPMM_MORNING_HOUR_ET = 9  # 9am ET daily summary")."""
    found = _COMMENT.search(text) if ("#" in text or "//" in text) else None
    if found is None:
        return None
    code = text[: found.start()]
    if not code.strip() or any(char.isdigit() for char in code) or _CODE.search(code) is None:
        return None
    if _RUN_WORDS.search(found["comment"]) is not None:
        return None  # "backup() # every day at 3am": the comment says when the code runs
    return COMMENT_ONLY_NOTE


_RUN_WORDS: Final = re.compile(
    r"\b(?:every|each|daily|nightly|weekly|hourly|monthly|cron|schedule[ds]?|runs?|at\s+\d)",
    re.IGNORECASE,
)


# a message code writes to a log or the screen: 'logger.info("Scheduled daily digest … at 08:00
# Europe/Berlin", chat_id)', 'print(f"next run at {when}")', "console.log('…')"
_LOGGED: Final = re.compile(
    r"\b(?:log(?:ger|ging)?|console|print(?:ln|f)?|puts|echo|warn|info|debug)"
    r"(?:\.\w+)?\s*\(\s*[fr]?[\"'`]",
    re.IGNORECASE,
)
LOGGED_NOTE: Final = (
    "the time is in a message the code logs or prints, which says what was done: to confirm"
)


def _quoted_from(text: str, found: re.Match[str]) -> str:
    """The message quoted from the end of `found` (which ends on its opening quote) to the
    closing quote, or to the end of the text when it is not closed."""
    quote = text[found.end() - 1]
    close = text.find(quote, found.end())
    return text[found.end() : close if close != -1 else len(text)]


def logged_message(text: str) -> str | None:
    """The note that asks when the text is code that logs or prints a message with the time in
    it: the message reports a schedule, it does not ask for one."""
    found = _LOGGED.search(text)
    if found is None:
        return None
    message = _quoted_from(text, found)
    return LOGGED_NOTE if any(char.isdigit() for char in message) else None


# a test's expectation or failure message: 't.Errorf("weekday fire %d is %s, want Monday through
# Friday at 7 AM", i, f.UTC())', "assertEqual(describe(rule), 'Every day at 9:00 AM')",
# 'expect(text).toBe("every Monday at 9")', 'raise ValueError("run at 5pm only")'
_ASSERTED: Final = re.compile(
    r"(?:\b[a-z]\w{0,20}\.)?\b(?:Errorf|Fatalf|Failf|Skipf|Logf|Error|Fatal|Fail|fail|"
    r"assert\w{0,20}!?|Assert\w{0,20}|expect|Expect|toBe|toEqual|panic!?|"
    # (the message after other arguments: "assert_eq!(describe(&recurrence), \"every day …\")")
    r"(?:raise|throw)\s+(?:new\s+)?\w{1,40})\s*\((?:[^\"'`()]|\([^\"'`()]{0,40}\)){0,80}?[fr]?[\"'`]",
)
ASSERTED_NOTE: Final = (
    "the time is in a message a test expects or a failure reports, not a run asked for: to confirm"
)


def asserted_message(text: str) -> str | None:
    """The note that asks when the text is code that checks or fails with a message that holds a
    time or a day (a test's expectation, an error): it quotes a schedule, it does not ask for
    one."""
    found = _ASSERTED.search(text)
    if found is None:
        return None
    message = _quoted_from(text, found)
    return ASSERTED_NOTE if any(char.isdigit() or char.isupper() for char in message) else None
