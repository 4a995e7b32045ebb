"""Seed 003's ways to say when, mapped onto the one schedule document. Pure.

An HTTP-request scheduler's users write ``schedule_in: [5, "minutes"]``, ``scheduled_at``
(an ISO date-time or a Unix timestamp), ``repeat_every`` and a top-level ``cron`` instead
of a ``schedule`` object. Each is accepted on create and update and answered in the
canonical shape (the job's ``schedule``), so there is still one schedule per job:

======================================  ==================================================
shorthand                               schedule
======================================  ==================================================
``schedule_in: 30`` (seconds)           ``{"type": "at", "datetime": now + 30 s}``
``schedule_in: [5, "minutes"]``         ``{"type": "at", "datetime": now + 5 min}``
``scheduled_at: "2026-04-01T09:00Z"``   ``{"type": "at", "datetime": …}``
``scheduled_at: 1775034000``            the same, from Unix seconds (milliseconds from
                                        100,000,000,000 on: JavaScript's ``Date.now()``)
``repeat_every: 300`` / ``[5, "min"]``  ``{"type": "every", "interval": 300}``
``repeat_every: [1, "day"]``            ``{"type": "rrule", "rule": "FREQ=DAILY;INTERVAL=1"}``
                                        (days and longer keep the wall time across DST)
``cron: "*/5 * * * *"``                 ``{"type": "cron", "expression": …}``
a start and a repeat together           the repeat, with ``start_at`` = the start
======================================  ==================================================

``timezone`` (the job's field) is the zone of the cron, of the calendar units and of a
``scheduled_at`` without an offset (UTC by default). ``schedule`` with any of these, two
starts (``schedule_in`` and ``scheduled_at``) or two repeats (``repeat_every`` and ``cron``)
conflict: 422 naming both fields. ``null`` is the same as leaving a field out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from dateutil.relativedelta import relativedelta

from agentcron.app.domain.schedule import (
    ScheduleError,
    check_range,
    iso_utc,
    parse_instant,
    zone_named,
)
from agentcron.app.errors import FieldProblem, InvalidInput

SHORTHAND_FIELDS: Final = ("schedule_in", "scheduled_at", "repeat_every", "cron")
#: seed 003's request, at the top level of its body: an ``http`` job's ``http`` object
HTTP_FIELDS: Final = ("url", "method", "headers", "query", "body")
STARTS: Final = ("schedule_in", "scheduled_at")
REPEATS: Final = ("repeat_every", "cron")

#: unit words → (seconds, or the calendar unit whose length varies)
_SECONDS: Final = {"second": 1, "minute": 60, "hour": 3_600}
_CALENDAR: Final = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_ALIASES: Final = {
    "s": "second",
    "sec": "second",
    "secs": "second",
    "m": "minute",
    "min": "minute",
    "mins": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "d": "day",
    "w": "week",
    "wk": "week",
    "wks": "week",
    "mo": "month",
    "y": "year",
    "yr": "year",
    "yrs": "year",
}
#: from here on a Unix timestamp is in milliseconds: as seconds it would be past year 5138
MILLISECONDS_FROM: Final = 100_000_000_000
_DURATION_SHAPE = 'must be a number of seconds or a pair like [5, "minutes"]'


@dataclass(frozen=True)
class Shorthand:
    """The schedule document the shorthand fields say, and which of them each part of the
    document came from: a problem found later in ``schedule.expression`` is the ``cron``
    field's, in ``schedule.datetime`` the ``scheduled_at`` field's."""

    document: dict[str, Any]
    #: a path of the document ("schedule.expression") → the field sent ("cron"); the
    #: entry for "schedule" stands for every path not listed
    fields: dict[str, str] = field(default_factory=dict)

    def field_of(self, path: str) -> str:
        """The field the user sent for a path of the mapped schedule."""
        return self.fields.get(path) or self.fields.get("schedule", path)


def given_shorthand(body: Mapping[str, Any]) -> list[str]:
    """The shorthand fields ``body`` gives a value (null is not a value)."""
    return [name for name in SHORTHAND_FIELDS if body.get(name) is not None]


def schedule_from_shorthand(
    body: Mapping[str, Any], *, timezone: str | None, now: datetime
) -> Shorthand | None:
    """The schedule document for the shorthand fields in ``body``, or None when it gives
    none. InvalidInput names every field at fault (both fields of a conflict)."""
    given = given_shorthand(body)
    if not given:
        return None
    problems = _conflicts(body, given)
    if problems:
        raise InvalidInput(problems)
    zone_name = timezone or "UTC"
    try:
        zone = zone_named(zone_name, field="timezone")
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None
    start_field = next((name for name in STARTS if name in given), None)
    repeat_field = next((name for name in REPEATS if name in given), None)
    start: datetime | None = None
    if start_field == "schedule_in":
        start = _after(body["schedule_in"], now=now, zone=zone)
    elif start_field == "scheduled_at":
        start = _instant(body["scheduled_at"], zone=zone)
    if repeat_field is None:
        assert start is not None and start_field is not None
        if start <= now:
            raise InvalidInput.field(start_field, "is in the past")
        return Shorthand(
            {"type": "at", "datetime": iso_utc(start), "timezone": zone_name},
            {"schedule.timezone": "timezone", "schedule": start_field},
        )
    fields = {"schedule.timezone": "timezone", "schedule": repeat_field}
    if start_field is not None:
        fields["schedule.start_at"] = start_field
    if repeat_field == "cron":
        if not isinstance(body["cron"], str):
            raise InvalidInput.field("cron", "must be a cron expression such as '*/5 * * * *'")
        document: dict[str, Any] = {"type": "cron", "expression": body["cron"]}
    else:
        document = _repeat(body["repeat_every"])
    document["timezone"] = zone_name
    if start is not None:
        document["start_at"] = iso_utc(start)
    return Shorthand(document, fields)


def _conflicts(body: Mapping[str, Any], given: list[str]) -> list[FieldProblem]:
    pairs = []
    if "schedule" in body:  # null too: on an update it would clear what these set
        pairs += [("schedule", name) for name in given]
    for group in (STARTS, REPEATS):
        both = [name for name in group if name in given]
        if len(both) == 2:
            pairs.append((both[0], both[1]))
    problems = []
    for first, second in pairs:
        problems.append(FieldProblem(first, f"conflicts with {second}: say when one way"))
        problems.append(FieldProblem(second, f"conflicts with {first}: say when one way"))
    return problems


# --- durations ---------------------------------------------------------------------------


def _duration(value: object, name: str) -> tuple[float, str]:
    """``(amount, unit)`` from a number of seconds or a ``[amount, "unit"]`` pair."""
    if _is_number(value):
        return _float(value, name), "second"
    if isinstance(value, list | tuple) and len(value) == 2:
        amount, unit = value
        if not _is_number(amount):
            raise InvalidInput.field(f"{name}[0]", "must be a number")
        if not isinstance(unit, str) or _unit(unit) is None:
            raise InvalidInput.field(
                f"{name}[1]", "must be seconds, minutes, hours, days, weeks, months or years"
            )
        return _float(amount, f"{name}[0]"), _unit(unit) or "second"
    raise InvalidInput.field(name, _DURATION_SHAPE)


def _float(value: object, name: str) -> float:
    """A JSON number as a float; an integer of hundreds of digits is refused, not a crash."""
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise InvalidInput.field(name, "is far too large") from None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _unit(word: str) -> str | None:
    text = word.strip().lower()
    text = _ALIASES.get(text, text)
    if text.endswith("s") and text[:-1] in (*_SECONDS, *_CALENDAR):
        text = text[:-1]
    return text if text in _SECONDS or text in _CALENDAR else None


def _after(value: object, *, now: datetime, zone: Any) -> datetime:
    """``now`` plus ``schedule_in``: seconds exactly, calendar units on the zone's calendar
    ("in 1 month" from 31 January is the last day of February)."""
    amount, unit = _duration(value, "schedule_in")
    if amount <= 0:
        raise InvalidInput.field(
            "schedule_in", "must be more than zero (to run now, trigger the job)"
        )
    if unit not in _SECONDS and not amount.is_integer():
        raise InvalidInput.field("schedule_in", f"a number of {unit}s must be whole")
    try:
        if unit in _SECONDS:
            later = now + timedelta(seconds=amount * _SECONDS[unit])
        else:
            step = relativedelta(**{f"{unit}s": int(amount)})  # type: ignore[arg-type]
            later = (now.astimezone(zone) + step).astimezone(UTC)
    except (OverflowError, ValueError):
        raise InvalidInput.field("schedule_in", "is too far in the future") from None
    try:
        return check_range(later, field="schedule_in")
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None


def _repeat(value: object) -> dict[str, Any]:
    """The recurring document for ``repeat_every``: seconds up to hours as ``every`` (real
    time), days and longer as an rrule (the calendar of the zone, so the wall time holds)."""
    amount, unit = _duration(value, "repeat_every")
    if amount <= 0 or not amount.is_integer():
        raise InvalidInput.field("repeat_every", "must be a whole number more than zero")
    if unit in _SECONDS:
        # an out-of-range interval is refused by the schedule's own check, named repeat_every
        return {"type": "every", "interval": int(amount) * _SECONDS[unit]}
    return {"type": "rrule", "rule": f"FREQ={_CALENDAR[unit]};INTERVAL={int(amount)}"}


# --- instants ----------------------------------------------------------------------------


def _instant(value: object, *, zone: Any) -> datetime:
    """``scheduled_at``: an ISO 8601 date-time (without an offset: in the zone) or a Unix
    timestamp in seconds (milliseconds from MILLISECONDS_FROM on)."""
    try:
        if _is_number(value):
            seconds = _float(value, "scheduled_at")
            if abs(seconds) >= MILLISECONDS_FROM:
                seconds /= 1000
            try:
                instant = datetime.fromtimestamp(seconds, UTC)
            except (OverflowError, OSError, ValueError):
                raise ScheduleError("scheduled_at", "is not a usable Unix timestamp") from None
            return check_range(instant, field="scheduled_at")
        if isinstance(value, str):
            return parse_instant(value, zone=zone, field="scheduled_at")
    except ScheduleError as exc:
        raise InvalidInput.field("scheduled_at", exc.reason) from None
    raise InvalidInput.field(
        "scheduled_at", "must be an ISO 8601 date-time or a Unix timestamp in seconds"
    )


# --- the request, at the top level ---------------------------------------------------------


def lift_http_fields(
    body: object, existing: Mapping[str, Any] | None = None
) -> tuple[object, bool]:
    """Seed 003's body — ``{"method": "post", "url": …, "body": …, "schedule_in": …}`` — as
    the canonical ``"action": "http", "http": {…}``, and whether it was one. On an update the
    fields given change the job's request and keep the rest of it (``{"url": …}`` alone
    moves an http job to another URL). ``http`` or another action beside them conflicts:
    422 naming both. Anything else is left for the job's own checks."""
    if not isinstance(body, dict):
        return body, False
    given = [name for name in HTTP_FIELDS if name in body]
    if not given:
        return body, False
    action = body.get("action")
    kind = action.get("type") if isinstance(action, dict) else action
    clashes = [name for name in ("http",) if body.get(name) is not None]
    if kind not in (None, "http"):
        clashes.append("action")
    if clashes:
        how = "give the request one way (the top-level fields make an http job)"
        raise InvalidInput(
            [FieldProblem(name, f"conflicts with {', '.join(given)}: {how}") for name in clashes]
            + [FieldProblem(given[0], f"conflicts with {', '.join(clashes)}: {how}")]
        )
    before = (existing or {}).get("action") or {}
    request = dict(before.get("http") or {}) if before.get("type") == "http" else {}
    for name in given:
        if body[name] is None and name != "body":
            request.pop(name, None)  # null: back to its default
        else:
            request[name] = body[name]
    rest = {k: v for k, v in body.items() if k not in HTTP_FIELDS and k != "action"}
    return {**rest, "action": "http", "http": request}, True


def top_level_names(problems: list[FieldProblem]) -> list[FieldProblem]:
    """Problems of a job sent in seed 003's shape, named by the fields sent: ``url``, not
    ``http.url``."""
    out = []
    for problem in problems:
        head, _, tail = problem.field.partition(".")
        if head == "http" and tail.split(".", 1)[0].split("[", 1)[0] in HTTP_FIELDS:
            problem = FieldProblem(tail, problem.reason)
        out.append(problem)
    return out


# --- Dapr's scheduler (seed 000) ---------------------------------------------------------

_GO_DURATION: Final = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|h|m|s)")
_GO_UNITS: Final = {
    "h": 3_600.0,
    "m": 60.0,
    "s": 1.0,
    "ms": 1e-3,
    "us": 1e-6,
    "µs": 1e-6,
    "ns": 1e-9,
}


def every_macro(text: str) -> int | None:
    """The interval of Dapr's ``@every <duration>`` (a Go duration: ``1m``, ``1h30m``,
    ``90s``) in whole seconds; None when ``text`` is not one. A duration that is not whole
    seconds, or none at all, is refused naming ``schedule``."""
    head, _, rest = text.strip().partition(" ")
    if head.lower() != "@every":
        return None
    duration = rest.strip().replace(" ", "")
    parts = _GO_DURATION.findall(duration)
    if not parts or "".join(a + u for a, u in parts) != duration:
        raise InvalidInput.field(
            "schedule", "@every takes a duration such as 30s, 5m, 1h30m (Go's form)"
        )
    seconds = sum(float(amount) * _GO_UNITS[unit] for amount, unit in parts)
    if seconds < 1 or abs(seconds - round(seconds)) > 1e-9:
        raise InvalidInput.field("schedule", "@every must be a whole number of seconds, at least 1")
    return round(seconds)


def lift_data(body: object) -> object:
    """Dapr's ``data`` — a job's opaque payload, handed to its handler — as ``payload``;
    both at once is 422 naming both."""
    if not isinstance(body, dict) or "data" not in body:
        return body
    if "payload" in body:
        raise InvalidInput(
            [
                FieldProblem("data", "conflicts with payload: they are the same field"),
                FieldProblem("payload", "conflicts with data: they are the same field"),
            ]
        )
    rest = {k: v for k, v in body.items() if k != "data"}
    return {**rest, "payload": body["data"]}


# --- job definitions (seed 004) ----------------------------------------------------------

DEFINITION_FIELDS: Final = ("blocking", "max_retries", "muted")
#: retry.max_attempts is at most 20: the first attempt and 19 retries
MAX_RETRIES: Final = 19


def lift_definition(body: object, existing: Mapping[str, Any] | None = None) -> object:
    """Seed 004's job-definition fields as the job's own: ``blocking`` (no overlap) is
    ``overlap`` ``skip`` (``false``: ``allow``), ``max_retries`` is ``retry.max_attempts``
    less the first attempt, ``muted`` is ``delivery.muted``. On an update each joins what the
    job has (``{"max_retries": 5}`` keeps its retry strategy). The same thing said both ways,
    differently, is 422 naming both fields."""
    if not isinstance(body, dict) or not any(name in body for name in DEFINITION_FIELDS):
        return body
    out = {k: v for k, v in body.items() if k not in DEFINITION_FIELDS}
    problems: list[FieldProblem] = []

    def conflict(ours: str, theirs: str) -> None:
        problems.append(FieldProblem(ours, f"conflicts with {theirs}: say it one way"))
        problems.append(FieldProblem(theirs, f"conflicts with {ours}: say it one way"))

    if "blocking" in body:
        blocking = body["blocking"]
        if not isinstance(blocking, bool):
            problems.append(FieldProblem("blocking", "must be true or false"))
        else:
            overlap = "skip" if blocking else "allow"
            if out.get("overlap") not in (None, overlap):
                conflict("blocking", "overlap")
            else:
                out["overlap"] = overlap
    if "max_retries" in body:
        retries = body["max_retries"]
        if not isinstance(retries, int) or isinstance(retries, bool):
            problems.append(FieldProblem("max_retries", "must be a whole number"))
        elif not 0 <= retries <= MAX_RETRIES:
            problems.append(FieldProblem("max_retries", f"must be between 0 and {MAX_RETRIES}"))
        else:
            _merge(out, existing, "retry", "max_attempts", retries + 1, "max_retries", conflict)
    if "muted" in body:
        muted = body["muted"]
        if not isinstance(muted, bool):
            problems.append(FieldProblem("muted", "must be true or false"))
        else:
            _merge(out, existing, "delivery", "muted", muted, "muted", conflict)
    if problems:
        raise InvalidInput(problems)
    return out


def _merge(
    out: dict[str, Any],
    existing: Mapping[str, Any] | None,
    parent: str,
    name: str,
    value: object,
    sent: str,
    conflict: Any,
) -> None:
    """Set ``out[parent][name]`` to ``value``: into the object the body sends, else into
    the job's own (an update), else a new one."""
    if parent in out:
        given = out[parent]
        if not isinstance(given, dict):
            conflict(sent, parent)
        elif name in given and given[name] != value:
            conflict(sent, f"{parent}.{name}")
        else:
            out[parent] = {**given, name: value}
        return
    base = (existing or {}).get(parent)
    out[parent] = {**(base if isinstance(base, dict) else {}), name: value}
