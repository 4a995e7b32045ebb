"""A cron expression inside a command line, moved to the front for the cron reader.

People hand a scheduler a crontab line inside a command as often as alone: after a slash
command, its target and a quoted message ('/schedule recurring #reminders "Vote!" 0 12 * * *'),
as a command-line tool's option ('openclaw cron add --name brief --cron "0 7 * * *" --tz
Europe/Paris …', "sf … -e '0 0 10 ? * MON-FRI'"), as a keyword argument
("schedule(action='create', when='30 7 * * *', …)") or after a bot's word ("!remind cron
30 9 * * mon-fri stand up"). `cron_first` rewrites such a text so that the expression comes
first ("0 12 * * * recurring #reminders "Vote!""), where the cron reader takes it and leaves
the rest as the task; a zone given as an option (--tz, --timezone) becomes CRON_TZ=.

Only a run of five fields shaped like cron's (minute and hour digits, "*", lists, ranges,
steps; at least one "*" or "?") counts, so "at 9 on 1 2 3" or a version number never does;
two such runs are two schedules and are left alone. A text that does not look like a command
(no "/", "!", "--", quotes, "=" or ":" around the expression, no word such as "cron" or
"schedule" before it) is moved too, with a note to confirm: an expression quoted in prose
("it runs 0 9 * * 1 but should not") may not be the one wanted.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from .calendar_event import read_zoned_event
from .cron import split_cron
from .phrase import Rejected
from .zones import UnknownZoneError, resolve_zone, zone_info

# the text's words, split at spaces, quotes, "=" and ":" ("when='30", "cron:0")
_WORD: Final = re.compile(r"[^\s'\"`=:()]+")
_TIME_FIELD: Final = re.compile(r"^[\d*][\d*,/-]*$")
_DATE_FIELD: Final = re.compile(
    r"^(?:[\d*?LW#][\dA-Z*?,/#LW-]*|[A-Z]{3}(?:[-,/][A-Z\d]{1,3})*)$", re.IGNORECASE
)
_QUOTES: Final = "'\"`"
# a key or option naming the zone, as configs and command lines write it: "--tz Europe/Paris",
# "--timezone=Asia/Seoul", "tz: UTC", '"tz": "Asia/Riyadh"' (JSON), "time_zone = …" (TOML,
# Terraform), "timeZone: …" (a Kubernetes CronJob), "zone = …" (Spring's @Scheduled),
# "timezone_id" (Databricks), "CRON_TZ=" and "TZ=" after the expression, "tz `Europe/Helsinki`"
_ZONE_OPTION: Final = re.compile(
    r"(?:^|(?<=[\s{(\[,;?&.'\"`]))(?P<quote>['\"`]?)"
    r"(?P<key>--?(?:tz|time-?zone|zone)|(?:[a-z]+_)?(?:tz|time[_-]?zone(?:[_-]?id)?|zone(?:[_-]?id)?))"
    r"(?P=quote)\s*(?P<sep>[=:]|\s)\s*['\"`]?(?P<zone>[A-Za-z][\w+-]*(?:/[\w+-]+)*)['\"`]?"
    r"(?=[\s,;)}\]&]|$)",
    re.IGNORECASE,
)


def zone_options(text: str) -> list[re.Match[str]]:
    """The keys or options in `text` that name the zone its cron expression runs in ('"tz":
    "Asia/Riyadh"', "--timezone=Asia/Seoul", "timeZone: Etc/UTC"), in order.

    A config that names the zone beside the expression means the expression's hours are that
    zone's: read without it, the job would run in another zone's hours (round eleven's
    '"schedule": { "kind": "cron", "expr": "0 9 * * 1-5", "tz": "Asia/Riyadh" }' ran in
    UTC). A "tz"/"timezone" key with "=" or ":" is taken whatever its value, so that a zone
    nobody knows is refused by the cron reader, never dropped; a value after a space only, or
    after a bare "zone" key (a cloud's "--zone us-central1-a" is a data centre), only when it
    is a zone zoneinfo knows. Cheap: nothing is searched unless "tz" or "zone" is in the
    text."""
    lowered = text.lower()
    if "tz" not in lowered and "zone" not in lowered:
        return []
    found = []
    for match in _ZONE_OPTION.finditer(text):
        key = match["key"].lower()
        bare = "time" not in key and "tz" not in key  # "zone", "--zone", "zone_id"
        if (bare or match["sep"].isspace()) and not _known_zone(match["zone"]):
            continue
        found.append(match)
    return found


def _without(text: str, matches: list[re.Match[str]]) -> str:
    """`text` without `matches`, a space in place of each."""
    for match in reversed(matches):
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


def _clock_of(name: str) -> tuple[object, ...]:
    """The offsets a zone keeps in winter and in summer: "UTC" and "Etc/UTC" are one clock."""
    zone = zone_info(resolve_zone(name))
    return tuple(zone.utcoffset(datetime(2026, month, 1)) for month in (1, 7))


def _known_zone(name: str) -> bool:
    try:
        resolve_zone(name)
    except UnknownZoneError:
        return False
    return True


# the option or word right before the expression: "--cron", "-e", "when=", "cron:", "cron"
_LABEL: Final = re.compile(
    r"(?:--?[a-z][\w-]*|\b(?:cron(?:tab|job)?|schedule|when|pattern|expression|at|every|"
    r"recurring|repeat))\s*[=:]?\s*['\"`]?\s*$",
    re.IGNORECASE,
)
# a command's own name at the start ("/schedule", "!remind", "./cron-cli.js")
_COMMAND_NAME: Final = re.compile(r"^\s*[/!.$]\S*\s*")
# a reminder's opening and its target before the expression ("remind me", "!remind #ops")
_REMIND_HEAD: Final = re.compile(
    r"^\s*(?:\S+\s+)?[/!.]?remind(?:er|me)?(?:\s+(?:me|us|here|[#@~]\S+))?\s*$", re.IGNORECASE
)
_ZONE_FIRST: Final = re.compile(r"^\s*(?:CRON_TZ|TZ)=\S+\s*$", re.IGNORECASE)
_ZONE_BEFORE: Final = re.compile(r"\b(?:CRON_TZ|TZ)=[^\s`'\"]+[ \t]+$", re.IGNORECASE)
_COMMAND_WORDS: Final = frozenset(
    {"cron", "crontab", "cronjob", "schedule", "recurring", "remind", "reminder", "at", "bot"}
)
LABELLED_NOTE: Final = "read “{expression}” as the schedule, without “{label}”: to confirm"
CRON_IN_TEXT_NOTE: Final = (
    "the cron expression inside the text read as the schedule (the words around it as the "
    "task): to confirm"
)


def cron_first(text: str) -> tuple[str, str | None] | None:
    """`text` with the cron expression inside it moved to the front, and the note to confirm it
    by (None when the text is a command); None when no expression is inside it, or two are, or
    it already comes first."""
    if "*" not in text:
        return None
    words = list(_WORD.finditer(text))
    found = _find_run(words, 0)
    if found is None:
        return None
    first, start = found
    if _ZONE_FIRST.match(text[:start]):
        return None  # first already, after its zone: the cron reader takes it as it is
    if not text[:start].strip(" \t" + _QUOTES) and not zone_options(text[start:]):
        return None  # first already: the cron reader takes it as it is
    # "`TZ=UTC 0 9 * * *`": the quote may open before the zone said first
    zone_first = _ZONE_BEFORE.search(text, 0, start)
    opening = zone_first.start() if zone_first is not None else start
    quote = text[opening - 1] if opening and text[opening - 1] in _QUOTES + "(" else None
    close = text.find(")" if quote == "(" else quote, start) if quote else -1
    end = close if close != -1 else len(text)
    segment = text[start:end]
    try:
        split = split_cron(segment)
    except Rejected:
        split = None  # its own reader says what is wrong: moved whole, to be refused there
    expression = segment if split is None else segment[: len(segment) - len(split[2])]
    after_words = [w for w in words if w.start() >= start + len(expression.rstrip())]
    again = _find_run(after_words, 0)
    if again is not None and not _said_again(text, words[first : first + 5], after_words, again):
        return None  # two expressions: two schedules
    before = text[:start]
    after = segment[len(expression) :] + text[end + (1 if close != -1 else 0) :]
    sure = quote != "(" and _said_as_command(text, before)  # "(0 2 * * *)": quoted in prose
    label = _LABEL.search(before)
    if label is not None:
        before = before[: label.start()]
    if "emind" in before and _REMIND_HEAD.match(before):
        return None  # "bot remind me at 30 5 * * 1-5 …": the reminder's own reading takes it
    before = _COMMAND_NAME.sub("", before, count=1)
    if not before.strip() and not after.strip(" \t" + _QUOTES):
        if quote == "'" and label is not None and split is not None:
            # "cron: '0 4 * * 3'" (YAML's other quotes): the expression, asked as salvage asks
            # of 'cron: "0 9 * * 1"' (an apostrophe is not a quote salvage sets aside)
            said = split[0] if split[1] is None else f"CRON_TZ={split[1]} {split[0]}"
            named = label.group().strip(" \t:='\"`")
            return said, LABELLED_NOTE.format(expression=said, label=named)
        return None  # 'cron: "0 9 * * 1"': a label and the expression, the cron reader's own
    options = zone_options(before), zone_options(after)
    named = [match["zone"] for found in options for match in found]
    if split is not None and split[1] is not None:
        named.insert(0, split[1])
    for name in named:
        if not _known_zone(name):
            raise Rejected(f"unknown time zone {name!r}", "name an IANA zone, e.g. Europe/Paris")
    if len({_clock_of(name) for name in named}) > 1:
        raise Rejected(
            f"the zone is ambiguous: the text names {' and '.join(sorted(set(named)))} for "
            "one cron expression",
            "keep the one the job runs in",
        )
    prefix = f"CRON_TZ={named[0]} " if named and (split is None or split[1] is None) else ""
    before, after = _without(before, options[0]), _without(after, options[1])
    sure = sure or bool(prefix)
    if split is not None:
        # the five fields as the engine keeps them (Quartz's "?" would read as a question)
        expression = split[0] if split[1] is None else f"CRON_TZ={split[1]} {split[0]}"
    moved = " ".join(p for p in (prefix + expression.strip(), before.strip(), after.strip()) if p)
    return moved, None if sure else CRON_IN_TEXT_NOTE


def _said_again(
    text: str, run: list[re.Match[str]], after: list[re.Match[str]], again: tuple[int, int]
) -> bool:
    """Whether the second expression in the text is the first said again, with the same zone
    before it ('"CRON_TZ=America/New_York 1 * * * *", or "TZ=America/New_York 1 * * * *"'):
    one schedule, not two."""
    k, start = again
    if [w.group() for w in after[k : k + 5]] != [w.group() for w in run]:
        return False
    zones = [_ZONE_BEFORE.search(text, 0, at) for at in (run[0].start(), start)]
    named = [None if z is None else z.group().split("=", 1)[1].strip() for z in zones]
    return named[0] == named[1]


def _find_run(words: list[re.Match[str]], first: int) -> tuple[int, int] | None:
    """The index and start of the first run of five words shaped like cron's fields."""
    for k in range(first, len(words) - 4):
        head = words[k].group()
        if not _TIME_FIELD.match(head) or not _TIME_FIELD.match(words[k + 1].group()):
            continue
        run = [w.group() for w in words[k : k + 5]]
        if not all(_DATE_FIELD.match(field) for field in run[2:]):
            continue
        if not any("*" in field or "?" in field for field in run):
            continue
        return k, words[k].start()
    return None


def _said_as_command(text: str, before: str) -> bool:
    """Whether the text around the expression is a command's: a sign first, an option, quotes
    or "=" / ":" right before it, or a word such as "cron" or "schedule" before it."""
    head = text.lstrip()
    if (head[:1] in "/!.$" and not head.startswith("//")) or "--" in text:
        return True  # (a "//" comment is no command: "// Job would repeat … (00 * * * *)")
    tail = before.rstrip()
    if tail[-1:] in "=:'\"`":
        return True
    words = before.lower().split()
    return any(word.strip("'\"`:=,") in _COMMAND_WORDS for word in words)


# systemd's calendar event inside a command line or a sentence: "systemd-run
# --on-calendar='Sun 10:00' …", "OnCalendar=Wednesday 19:00:00 (see the runbook)": its value
# quoted, or its parts (a day, a date with "*" or "..", a time) before the next word
_CALENDAR: Final = re.compile(
    r"(?:\bon-?calendar|--on-calendar|(?P<nix>\b(?:dates|startAt)(?=\s*=\s*\")))\s*=\s*"
    r"(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'"
    r"|(?P<bare>[a-z*\d][\w.,*/~:-]*(?:\s+[\d*][\w.,*/~:-]*){0,2}))",
    re.IGNORECASE,
)


def calendar_first(text: str) -> str | None:
    """`text` with a systemd calendar event inside it ("systemd-run --on-calendar=daily
    /usr/bin/backup") said as the cron expression it fires like, first ("0 0 * * * systemd-run
    /usr/bin/backup"); None when there is none, it is first and alone already, or it is one cron
    cannot say (the event's own reader refuses it then)."""
    match = _CALENDAR.search(text)
    if match is None:
        return None
    value = match["double"] if match["double"] is not None else match["single"]
    if value is None:
        value = match["bare"].rstrip(".,;")
    rest = f"{text[: match.start()]} {text[match.end() :]}".strip(" \t,;.")
    if (not rest and match["nix"] is None) or not value.strip():
        return None  # "OnCalendar=Wednesday 19:00:00": the event's reader takes it whole
    try:
        event = read_zoned_event(f"OnCalendar={value.strip()}")
    except Rejected:
        return None
    if event is None:
        return None
    expression = event[0] if event[1] is None else f"CRON_TZ={event[1]} {event[0]}"
    return " ".join([expression, *_COMMAND_NAME.sub("", rest, count=1).split()])


# AWS's schedule expressions (EventBridge rules and Scheduler, CloudWatch Events, Serverless,
# SAM, Terraform's schedule_expression): "cron(0 12 * * ? *)" — minutes, hours, day of the month,
# month, day of the week (1-7 from Sunday, or names), year — and "rate(5 minutes)"
_AWS_CRON: Final = re.compile(
    r"\bcron\(\s*(?P<fields>[\w*?,/#-]+(?:\s+[\w*?,/#-]+){5})\s*\)", re.IGNORECASE
)
_AWS_RATE: Final = re.compile(
    r"\brate\(\s*(?P<n>\d{1,6})\s+(?P<unit>minutes?|hours?|days?)\s*\)", re.IGNORECASE
)
_AWS_DAY: Final = re.compile(r"(?<![#/\d])[1-7](?![\d])")


def aws_schedule(text: str) -> str | None:
    """`text` with AWS's schedule expression said as the service reads it: "cron(0 12 * * ? *)"
    as the five-field "0 12 * * *" (the year field any year; AWS's days of the week 1-7 from
    Sunday as cron's 0-6), "rate(5 minutes)" as "every 5 minutes"; None when there is none. A
    year that is not any year is left for the cron reader to refuse."""
    found = _AWS_CRON.search(text)
    if found is not None:
        minute, hour, day, month, weekday, year = found["fields"].split()
        if year not in ("*", "?"):
            return None
        if weekday[:1].isdigit():
            # "cron(0 9 ? * 2-6 *)": Monday to Friday, numbered from Sunday = 1
            weekday = _AWS_DAY.sub(lambda d: str(int(d.group()) - 1), weekday)
        fields = " ".join(f.replace("?", "*") for f in (minute, hour, day, month, weekday))
        return f"{fields} {text[: found.start()]} {text[found.end() :]}".strip()
    found = _AWS_RATE.search(text)
    if found is not None:
        said = f"every {found['n']} {found['unit']}"
        return f"{text[: found.start()]}{said}{text[found.end() :]}"
    return None
