"""Plain-language edits of a job that exists: "move it to 10am", "on Fridays instead",
"an hour earlier", "post it to #ops", "change the goal to …". Pure; nothing here imports
agentcron.app.

An edit is read against the job's *current* schedule, so it changes only what it names:
"move it to 10am" keeps the days of a weekday job and changes its time; "on Tuesdays and
Thursdays" keeps its time and changes its days; "an hour later" shifts every time it runs;
"every 2 hours" or "every Monday at 8am" replaces the schedule whole. A time zone named in
the edit ("at 9am Pacific") moves the job to that zone. What cannot be read as a change of
this job is refused with a reason and a suggestion, never guessed: "move it to 10am" for a
job that runs every 15 minutes, or "tomorrow" for one that repeats.

The answer is a patch for ``PUT /jobs/{id}`` (``changes``) and the lines that say what it
understood; the caller shows before and after and asks for confirmation.

    proposal = understand_edit("move it to 10am", job, timezone="America/New_York", now=now)
    proposal.changes   # {"schedule": {"type": "cron", "expression": "0 10 * * 1-5", …}}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from .daytimes import days_per_period, time_parts
from .humanize import describe
from .recurrence_text import rule_parts
from .schedule_times import local_start, times_of_day
from .understand import understand_fast

MAX_EDIT_LENGTH: Final = 4_000

_CHANNEL: Final = re.compile(
    r"(?:\b(?:post|send|deliver|report|share)\s+(?:it\s+|them\s+|(?:the\s+)?results?\s+)?)?"
    r"\b(?:to|in|into)\s+(?:<#(?P<id>[CG][A-Z0-9]{2,})(?:\|[^>]*)?>|(?P<name>#[a-z0-9][a-z0-9._-]{0,79}))",
    re.IGNORECASE,
)
_TO_ME: Final = re.compile(
    r"\b(?:(?:post|send|deliver|report)\s+(?:it\s+|them\s+|(?:the\s+)?results?\s+)?"
    r"(?:to\s+)?(?:me|my\s+dms?|my\s+direct\s+messages?)|dm\s+me)\b",
    re.IGNORECASE,
)
_GOAL: Final = re.compile(
    r"(?:^|[\s;,.])(?:(?:change|set|update|make)\s+(?:the\s+)?(?:goal|task|prompt|instructions?)"
    r"\s+(?:to|into)|(?:goal|task|what)\s*:|make\s+it\s+say)\s*(?P<goal>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_NAME: Final = re.compile(
    r"(?:^|[\s;,.])(?:rename\s+(?:it\s+)?(?:to\s+)?|call\s+it\s+|name\s*:\s*)"
    r"[\"“']?(?P<name>[^\"”']+?)[\"”']?\s*$",
    re.IGNORECASE,
)
_PAUSE: Final = re.compile(r"^(?:please\s+)?(?:pause|stop|hold)(?:\s+it)?(?:\s+for\s+now)?$", re.I)
_RESUME: Final = re.compile(r"^(?:please\s+)?(?:resume|restart|unpause)(?:\s+it)?$", re.I)
_LEAD: Final = re.compile(
    r"^(?:(?:please|can\s+you|could\s+you|i\s+want\s+to|let'?s|ok|okay|from\s+now\s+on|"
    r"going\s+forward|instead)[\s,]+)*"
    r"(?:(?:move|change|switch|reschedule|shift|push|make|set|run|have)\s+"
    r"(?:it|this|the\s+job|the\s+schedule|the\s+time|its\s+time|them)?\s*"
    r"(?:back\s+|forward\s+|up\s+)?(?:to|for|into|so\s+it\s+runs)?\s*)?",
    re.IGNORECASE,
)
_TAIL: Final = re.compile(
    r"[\s,.;!]*(?:\b(?:instead|from\s+now\s+on|please|going\s+forward|thanks?|thank\s+you)\b[\s,.;!]*)+$",
    re.IGNORECASE,
)
_SHIFT: Final = re.compile(
    r"^(?:by\s+)?(?P<n>\d{1,3}|an?|one|two|three|four|five|six|half\s+an?)\s+"
    r"(?P<unit>hours?|hrs?|minutes?|mins?)\s+(?P<dir>later|earlier|back|forward|sooner)$",
    re.IGNORECASE,
)
_NUMBER_WORDS: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_HAS_TIME: Final = re.compile(
    r"\b(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:h]\d{2}|at\s+\d{1,2}\b|"
    r"noon|midday|midnight|o'?clock|half\s+past|quarter\s+(?:past|to)|morning|afternoon|"
    r"evening|night|tonight|eod|end\s+of\s+(?:the\s+)?day)",
    re.IGNORECASE,
)
_HAS_DATE: Final = re.compile(
    r"\b(?:today|tomorrow|tonight|next|this|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec|\d{1,2}(?:st|nd|rd|th)|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2})",
    re.IGNORECASE,
)
_WEEKDAY_ONLY: Final = re.compile(
    r"^(?:on\s+)?(?:(?:every|each)\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
    r"(?:\s*(?:,|and|&)\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*)*s?$",
    re.IGNORECASE,
)
_DIGITS: Final = re.compile(r"^\d+(?:,\d+)*$")


@dataclass(frozen=True)
class EditProposal:
    """What an edit would change: ``changes`` is a patch for ``PUT /jobs/{id}`` (only the
    fields it names), ``understood`` one line per change. ``reason`` (and maybe
    ``suggestion``) when it was refused."""

    changes: dict[str, Any] = field(default_factory=dict)
    understood: tuple[str, ...] = ()
    confidence: float = 0.0
    reason: str | None = None
    suggestion: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None and bool(self.changes)

    @classmethod
    def refused(cls, reason: str, suggestion: str | None = None) -> EditProposal:
        return cls(reason=reason, suggestion=suggestion)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": self.changes,
            "understood": list(self.understood),
            "confidence": self.confidence,
            "reason": self.reason,
            "suggestion": self.suggestion,
        }


class _Refused(ValueError):
    def __init__(self, reason: str, suggestion: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion


EXAMPLES: Final = "“move it to 10am”, “on Fridays instead”, “an hour earlier”, “post it to #ops”"


def understand_edit(
    text: str,
    job: dict[str, Any],
    *,
    timezone: str | None = None,
    now: datetime,
    owner_dm: str | None = None,
) -> EditProposal:
    """The change ``text`` asks of ``job`` (its ``schedule``, ``goal``, ``name`` and
    ``delivery`` as the API shows them). ``timezone`` reads a time of a job that has none
    (one that only runs when triggered); ``owner_dm`` is the address "post it to me" means
    (a Slack user id), when there is one."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if not text:
        return EditProposal.refused("say what to change", f"for example {EXAMPLES}")
    if len(text) > MAX_EDIT_LENGTH:
        return EditProposal.refused(f"the text is longer than {MAX_EDIT_LENGTH} characters")
    changes: dict[str, Any] = {}
    understood: list[str] = []
    confidence = 0.95
    try:
        text = _take_goal(text, job, changes, understood)
        text = _take_name(text, job, changes, understood)
        text = _take_channel(text, job, changes, understood, owner_dm)
        text = _clean(text)
        if text and (_PAUSE.match(text) or _RESUME.match(text)):
            status = "paused" if _PAUSE.match(text) else "active"
            if status != job.get("status"):
                changes["status"] = status
                understood.append(f"status: {job.get('status')} → {status}")
            text = ""
        if text:
            schedule, line, confidence = _schedule_edit(text, job, timezone=timezone, now=now)
            if schedule != job.get("schedule"):
                changes["schedule"] = schedule
                understood.append(line)
    except _Refused as refused:
        return EditProposal.refused(refused.reason, refused.suggestion)
    if not changes:
        return EditProposal.refused(
            "that changes nothing: the job already does this", f"for example {EXAMPLES}"
        )
    return EditProposal(changes, tuple(understood), confidence)


# --- what, where, name ----------------------------------------------------------------------


def _take_goal(text: str, job: dict[str, Any], changes: dict[str, Any], lines: list[str]) -> str:
    match = _GOAL.search(text)
    if not match:
        return text
    goal = match.group("goal").strip().strip("\"“”'")
    if not goal:
        raise _Refused("say the new goal after “change the goal to”")
    changes["goal"] = goal
    lines.append(f"goal: “{_short(job.get('goal') or '')}” → “{_short(goal)}”")
    return text[: match.start()].strip(" ,;.")


def _take_name(text: str, job: dict[str, Any], changes: dict[str, Any], lines: list[str]) -> str:
    match = _NAME.search(text)
    if not match:
        return text
    name = match.group("name").strip()[:200]
    changes["name"] = name
    lines.append(f"name: “{job.get('name')}” → “{name}”")
    return text[: match.start()].strip(" ,;.")


def _take_channel(
    text: str,
    job: dict[str, Any],
    changes: dict[str, Any],
    lines: list[str],
    owner_dm: str | None,
) -> str:
    address: str | None = None
    match = _CHANNEL.search(text)
    if match:
        address = match.group("id") or match.group("name").lower()
    else:
        match = _TO_ME.search(text)
        if match:
            if owner_dm is None:
                raise _Refused(
                    "there is no direct message to post to", "name a channel: “post it to #ops”"
                )
            address = owner_dm
    if match is None or address is None:
        return text
    delivery = dict(job.get("delivery") or {})
    before = delivery.get("channel")
    channel = f"slack:{address}"
    if channel != before:
        delivery.pop("channels", None)
        delivery["channel"] = channel
        changes["delivery"] = delivery
        lines.append(f"results: {before or 'nowhere'} → {channel}")
    return (text[: match.start()] + " " + text[match.end() :]).strip(" ,;.")


_PUSH: Final = re.compile(
    r"^(?:please\s+)?(?:push|move|shift|bump|bring|put)\s+(?:it\s+|this\s+|the\s+job\s+)?"
    r"(?P<dir>back|forward|up|later|earlier)\s+(?:by\s+)?(?P<amount>.+)$",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    push = _PUSH.match(text)
    if push:  # "push it back an hour" is "an hour later"
        later = push.group("dir").lower() in ("back", "later")
        text = f"{push.group('amount')} {'later' if later else 'earlier'}"
    text = re.sub(r"^\s*(?:and|then)\b", "", text, flags=re.I).strip(" ,;.")
    text = re.sub(r"\b(?:and|then)\s*$", "", text, flags=re.I).strip(" ,;.")
    text = _TAIL.sub("", text).strip(" ,;.!?")
    for _ in range(3):  # "make it run at noon": two verbs in a row
        shorter = _LEAD.sub("", text, count=1).strip()
        if shorter == text:
            break
        text = shorter
    return _TAIL.sub("", text).strip(" ,;.!?")


# --- when -----------------------------------------------------------------------------------


def _schedule_edit(
    text: str, job: dict[str, Any], *, timezone: str | None, now: datetime
) -> tuple[dict[str, Any], str, float]:
    current = job.get("schedule")
    zone = (current or {}).get("timezone") or timezone or "UTC"
    shift = _SHIFT.match(text)
    if shift:
        if not current:
            raise _Refused("the job has no schedule to move", "say when it should run")
        minutes = _shift_minutes(shift)
        return _shifted(current, minutes), _line(current, _shifted(current, minutes)), 0.95
    result = understand_fast(text, timezone=zone, now=now)
    if not result.ok or result.schedule is None:
        raise _Refused(
            result.reason or "I could not read that as a change of schedule",
            result.suggestion or f"try {EXAMPLES}",
        )
    new = result.schedule
    if not current:
        return new, _line(None, new), result.confidence
    has_time = bool(_HAS_TIME.search(text))
    if new["type"] == "at" and not _HAS_DATE.search(text):
        # a time alone: the same days, at that time (in the zone it names, if it names one)
        local = datetime.fromisoformat(new["datetime"].replace("Z", "+00:00")).astimezone(
            ZoneInfo(new["timezone"])
        )
        moved = _at_time(current, local.hour, local.minute, new["timezone"])
        return moved, _line(current, moved), result.confidence
    times = _times_alone(text, new) if has_time else None
    if times and current.get("type") in ("cron", "rrule"):
        # times of day and nothing else ("move it to 9am and 4pm"): the same days at them
        moved = _with_times(current, times, new.get("timezone") or zone)
        return moved, _line(current, moved), result.confidence
    if _WEEKDAY_ONLY.match(text) and not has_time:
        days = understand_fast(f"every {text.removeprefix('on ')}", timezone=zone, now=now).schedule
        if days and days["type"] == "cron" and current.get("type") in ("cron", "rrule"):
            moved = _on_days(current, days["expression"].split()[4])
            return moved, _line(current, moved), 0.9
    if new["type"] == "at" and current.get("type") != "at":
        raise _Refused(
            "that is one date, and the job repeats",
            "say how often, e.g. “every Friday at 10am”, or make a new one-time job",
        )
    if new["type"] == "cron" and not has_time and current.get("type") in ("cron", "rrule"):
        # days, dates or months without a time: the job keeps its time of day
        kept = _time_of(current)
        fields = new["expression"].split()
        # only where the parser filled in a time of day (not "every 2 hours")
        if kept is not None and _DIGITS.match(fields[0]) and _DIGITS.match(fields[1]):
            minute, hour = kept
            moved = {**new, "expression": " ".join([minute, hour, *fields[2:]])}
            return moved, _line(current, moved), result.confidence
    return new, _line(current, new), result.confidence


#: words that say how often or on which days, so a phrase with them is a whole schedule
_RECURRENCE: Final = re.compile(
    r"\b(?:every|each|daily|weekly|monthly|yearly|hourly|days?|weekdays?|weekends?|"
    r"weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _times_alone(text: str, new: dict[str, Any]) -> list[tuple[int, int]] | None:
    """The times of day of a phrase that names only times ("9am and 4pm"), read from the
    daily cron the parser made of it; None when the phrase says more (days, dates, how
    often)."""
    if _HAS_DATE.search(text) or _RECURRENCE.search(text):
        return None
    if new.get("type") == "cron":
        if new["expression"].split()[2:] != ["*", "*", "*"]:
            return None
    elif new.get("type") == "rrule":  # "7:45am, 12:15pm and 5:30pm": a daily rule
        if set(rule_parts(new["rule"])) - {"FREQ", "BYHOUR", "BYMINUTE", "BYSECOND", "BYSETPOS"}:
            return None
        if rule_parts(new["rule"]).get("FREQ") != "DAILY":
            return None
    else:
        return None
    times = times_of_day(new)
    return list(times) if times else None


def _shift_minutes(match: re.Match[str]) -> int:
    count = match.group("n").lower()
    unit = match.group("unit").lower()
    if count.startswith("half"):
        minutes = 30
    else:
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 1)
        minutes = number * (60 if unit.startswith("h") else 1)
    later = match.group("dir").lower() in ("later", "back")
    return minutes if later else -minutes


def _shifted(current: dict[str, Any], minutes: int) -> dict[str, Any]:
    kind = current.get("type")
    if kind == "at":
        instant = datetime.fromisoformat(current["datetime"].replace("Z", "+00:00"))
        moved = (instant + timedelta(minutes=minutes)).astimezone(ZoneInfo("UTC"))
        return {**current, "datetime": moved.strftime("%Y-%m-%dT%H:%M:%SZ")}
    times = _times(current)
    new_times = []
    for hour, minute in times:
        total = hour * 60 + minute + minutes
        if not 0 <= total < 24 * 60:
            raise _Refused(
                "that moves it past midnight, onto other days",
                "say the new days and time in full, e.g. “every Tuesday at 12:30am”",
            )
        new_times.append(divmod(total, 60))
    return _with_times(current, new_times)


def _at_time(current: dict[str, Any], hour: int, minute: int, zone: str) -> dict[str, Any]:
    kind = current.get("type")
    if kind == "at":
        instant = datetime.fromisoformat(current["datetime"].replace("Z", "+00:00"))
        local = instant.astimezone(ZoneInfo(zone)).replace(hour=hour, minute=minute, second=0)
        utc = local.astimezone(ZoneInfo("UTC"))
        return {**current, "datetime": utc.strftime("%Y-%m-%dT%H:%M:%SZ"), "timezone": zone}
    times = _times(current)
    if len(times) > 1:
        raise _Refused(
            f"it runs {len(times)} times a day; which one moves?",
            "say every time in full, e.g. “every weekday at 10am and 4pm”",
        )
    return _with_times(current, [(hour, minute)], zone)


def _times(current: dict[str, Any]) -> list[tuple[int, int]]:
    """The times of day a schedule runs at, when it runs at a few fixed ones
    (`schedule_times.times_of_day`, as the salvage step reads them)."""
    times = times_of_day(current) if current.get("type") in ("cron", "rrule") else None
    if times:
        return list(times)
    said = _describe(current)
    raise _Refused(
        f"it runs {said[:1].lower() + said[1:]}, not at a time of day",
        "say the whole new schedule, e.g. “every day at 10am”",
    )


def _with_times(
    current: dict[str, Any], times: list[tuple[int, int]], zone: str | None = None
) -> dict[str, Any]:
    """``current`` running at ``times`` of day (in ``zone``, by default its own). A
    ``start_at`` at one of its old times moves with them on its date, so the first run
    stays the first: a rule starting Tuesday at 3 PM moved to 10 AM starts Tuesday at 10
    AM, not a fortnight later. A rule that takes its time from its start (RFC 5545: no
    BYHOUR) keeps that form, its start moved."""
    hours = sorted({h for h, _ in times})
    minutes = sorted({m for _, m in times})
    crossed = len(hours) * len(minutes) == len(set(times))
    parts = rule_parts(current["rule"]) if current["type"] == "rrule" else {}
    parts.pop("BYSETPOS", None)  # it picked among the old times: the new ones choose anew
    days = days_per_period(parts) if not crossed and parts else None
    if not crossed and days is None:
        raise _Refused(
            "those times do not share their minutes",
            "say each time in full, e.g. “every day at 9:15am and 5:45pm”",
        )
    hour_list = ",".join(str(h) for h in hours)
    minute_list = ",".join(str(m) for m in minutes)
    moved = dict(current)
    if zone is not None:
        moved["timezone"] = zone
    start = local_start(current)
    start_moves = start is not None and (start.hour, start.minute) in _times(current)
    if start is not None and start_moves:
        first = min(times)
        new_start = datetime.combine(
            start.date(), time(*first), tzinfo=ZoneInfo(zone or _zone_of(current))
        )
        moved["start_at"] = new_start.isoformat()
    if current["type"] == "cron":
        fields = current["expression"].split()
        return {**moved, "expression": " ".join([minute_list, hour_list, *fields[2:]])}
    if days is not None:  # times with different minutes: BYSETPOS keeps the ones named
        try:
            picked = time_parts([time(*t) for t in times], days)
        except ValueError as exc:
            raise _Refused(str(exc), "say fewer times of day") from None
        parts.update(item.split("=", 1) for item in picked)
    elif "BYHOUR" in parts or len(times) > 1 or not start_moves:
        parts.update(BYHOUR=hour_list, BYMINUTE=minute_list)
    return {**moved, "rule": ";".join(f"{k}={v}" for k, v in parts.items())}


def _zone_of(schedule: dict[str, Any]) -> str:
    return schedule.get("timezone") or "UTC"


def _time_of(current: dict[str, Any]) -> tuple[str, str] | None:
    try:
        times = _times(current)
    except _Refused:
        return None
    hours = sorted({h for h, _ in times})
    minutes = sorted({m for _, m in times})
    return ",".join(str(m) for m in minutes), ",".join(str(h) for h in hours)


def _on_days(current: dict[str, Any], weekdays: str) -> dict[str, Any]:
    if current["type"] == "cron":
        fields = current["expression"].split()
        return {**current, "expression": " ".join([*fields[:2], "*", "*", weekdays])}
    parts = rule_parts(current["rule"])
    names = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
    days: list[str] = []
    for piece in weekdays.split(","):
        low, _, high = piece.partition("-")
        for day in range(int(low), int(high or low) + 1):
            days.append(names[day % 7])
    picked = times_of_day(current) if "BYSETPOS" in parts else None
    parts.update(FREQ="WEEKLY", BYDAY=",".join(days))
    parts.pop("BYMONTHDAY", None)
    if picked:  # BYSETPOS counts in the week: it picks the times again on each new day
        parts.pop("BYSETPOS")
        parts.update(
            item.split("=", 1) for item in time_parts([time(*t) for t in picked], len(days))
        )
    return {**current, "rule": ";".join(f"{k}={v}" for k, v in parts.items())}


def _line(before: dict[str, Any] | None, after: dict[str, Any]) -> str:
    was = _describe(before) if before else "runs only when triggered"
    return f"when: {was} → {_describe(after)}"


def _describe(schedule: dict[str, Any]) -> str:
    try:
        return describe(schedule)
    except ValueError:  # a type the describer does not know yet reads as itself
        return str(schedule.get("rule") or schedule.get("type"))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
