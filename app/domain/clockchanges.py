"""Fire times that a daylight-saving change moves or repeats, said in words.

A preview of "every day at 2:30am in New York" should not leave the user to discover that
on 8 March the job runs at 3:00 (2:30 does not exist that day) and on 1 November runs once
although 1:30 happens twice. ``clock_change_notes`` names each such day. Pure: the schedule,
the instants it will fire at, and the zone's rules in; sentences out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from agentcron.app.domain.schedule import Schedule, next_fire_time
from agentcron.parsers.cronexpr import is_wall_clock

_MINUTE = timedelta(minutes=1)
_DAY = timedelta(days=1)


def clock_change_notes(
    schedule: Schedule, times: Sequence[datetime], *, after: datetime
) -> list[str]:
    """One sentence per day on which a clock change moves, drops or repeats a run among
    ``times`` (the schedule's fire instants after ``after``, in order); empty when none."""
    zone = schedule.zone
    if schedule.timezone == "UTC" or not times:
        return []
    # `every` runs on real time, and so does cron whose minute or hour starts with `*`;
    # everything else names wall-clock times (Debian cron's rule)
    wall_clock = schedule.type != "every" and not (
        schedule.type == "cron" and not is_wall_clock(schedule.expression or "")
    )
    notes: dict[tuple[str, str], str] = {}
    previous = after
    for instant in times:
        gap = _gap_between(zone, previous, instant)
        if gap is not None:
            note = _gap_note(schedule, zone, instant, gap, wall_clock=wall_clock)
            if note:
                notes.setdefault((_day(gap[0]), "gap"), note)
        local = instant.astimezone(zone)
        if _ambiguous(local):
            key = (local.date().isoformat(), "repeat")
            notes.setdefault(key, _repeat_note(zone, local, wall_clock=wall_clock))
        previous = instant
    return list(notes.values())


def _ambiguous(local: datetime) -> bool:
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def _transition(zone: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first minute at which the zone's offset differs from its offset at ``low``
    (one change is known to lie in (low, high])."""
    low, high = low.astimezone(UTC), high.astimezone(UTC)
    offset = low.astimezone(zone).utcoffset()
    while high - low > _MINUTE:
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == offset:
            low = middle
        else:
            high = middle
    return high.replace(second=0, microsecond=0)


def _gap_between(
    zone: ZoneInfo, previous: datetime, instant: datetime
) -> tuple[datetime, datetime] | None:
    """The skipped wall-clock span (naive start, naive end) of a clock change that springs
    forward between ``previous`` and ``instant`` on ``instant``'s day, if any."""
    low = max(previous, instant - _DAY)
    before, now = low.astimezone(zone).utcoffset(), instant.astimezone(zone).utcoffset()
    if before is None or now is None or now <= before:
        return None
    change = _transition(zone, low, instant)
    start = (change + before).replace(tzinfo=None)
    return start, start + (now - before)


def _gap_note(
    schedule: Schedule,
    zone: ZoneInfo,
    instant: datetime,
    gap: tuple[datetime, datetime],
    *,
    wall_clock: bool,
) -> str | None:
    if schedule.type in ("every", "at"):
        return None  # real time, or one instant already read past the gap: nothing skipped
    start, end = gap
    wanted = _wall_match(schedule, start - _MINUTE)
    if wanted is None or wanted >= end:
        return None
    jump = f"clocks jump from {start:%H:%M} to {end:%H:%M}"
    if wall_clock:
        local = instant.astimezone(zone)
        return (
            f"{start.date().isoformat()}: {wanted:%H:%M} does not exist in {zone.key} ({jump}); "
            f"that day's run is at {local:%H:%M %Z} instead"
        )
    return (
        f"{start.date().isoformat()}: no run between {start:%H:%M} and {end:%H:%M} in "
        f"{zone.key} ({jump}); runs continue on real time"
    )


def _wall_match(schedule: Schedule, after: datetime) -> datetime | None:
    """The schedule's first wall-clock time after naive ``after``, ignoring clock changes:
    the same rule evaluated in UTC, which has none, names exactly the naive times."""
    start_at = None
    if schedule.type == "rrule" and schedule.start_at is not None:
        # an rrule's DTSTART is a wall time: the same wall time in UTC anchors the same series
        start_at = schedule.start_at.astimezone(schedule.zone).replace(tzinfo=UTC)
    plain = dataclasses.replace(schedule, timezone="UTC", start_at=start_at, end_at=None)
    instant = next_fire_time(plain, after=after.replace(tzinfo=UTC))
    return instant.replace(tzinfo=None) if instant is not None else None


def _repeat_note(zone: ZoneInfo, local: datetime, *, wall_clock: bool) -> str:
    first = local.replace(fold=0)
    second = local.replace(fold=1)
    shift = (first.utcoffset() or timedelta()) - (second.utcoffset() or timedelta())
    middle = first.astimezone(UTC)
    change = _transition(zone, middle - _DAY, middle + _DAY)
    back_from = (change.astimezone(zone) + shift).replace(tzinfo=None)
    back_to = change.astimezone(zone).replace(tzinfo=None)
    day = local.date().isoformat()
    words = f"clocks go back from {back_from:%H:%M} to {back_to:%H:%M}"
    if wall_clock:
        return (
            f"{day}: {local:%H:%M} happens twice in {zone.key} ({words}); it runs once, at "
            f"the first ({first:%H:%M %Z})"
        )
    return (
        f"{day}: {back_to:%H:%M}-{back_from:%H:%M} happens twice in {zone.key} ({words}); "
        "runs on real time, so times in that hour run in both"
    )


def _day(naive: datetime) -> str:
    return naive.date().isoformat()
