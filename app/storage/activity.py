"""Activity: the moments owners act (API writes, Slack commands and messages, clicks), the
input to ``/smart/suggestions`` and ``/smart/heatmap``; and the reads those two need.

Recording is cheap: ``record_activity`` appends to an in-process buffer (at most one entry per
owner, kind and minute: the heatmap counts active minutes, not requests), and the buffer is
written in one small transaction when it is a few seconds old or a few hundred entries long
(or before anything reads activity), so no request pays a transaction of its own for it. A
crash loses at most those few seconds of a heuristic signal.

The table stays small: entries of one owner and kind within the same five minutes are stored
as one row (``at`` is the earliest, ``weight`` how many), rows older than a week are merged
the same way across batches, and rows older than ``RETENTION`` are dropped.
"""

from __future__ import annotations

import logging
import weakref
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, delete, func, insert, literal_column, select

from agentcron.app.clock import Clock
from agentcron.app.domain.enums import JobStatus
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import activity, jobs, owners, runs


class Runtime(Protocol):
    """What recording activity needs of the service (``app.runtime.Runtime`` has it)."""

    db: Database
    clock: Clock


log = logging.getLogger("agentcron.activity")

BUCKET = timedelta(minutes=5)
FLUSH_AFTER = timedelta(seconds=5)
FLUSH_SIZE = 200
COMPACT_AFTER = timedelta(days=7)
COMPACT_EVERY = timedelta(days=1)
RETENTION = timedelta(days=120)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# the quarter hour a run started in (instants are stored as naive UTC on both)
_QUARTER = {
    "postgresql": "date_trunc('hour', runs.started_at)"
    " + floor(extract(minute from runs.started_at) / 15) * interval '15 minutes'",
    "sqlite": "printf('%s:%02d', strftime('%Y-%m-%d %H', runs.started_at),"
    " CAST(strftime('%M', runs.started_at) AS INTEGER) / 15 * 15)",
}


@dataclass(frozen=True)
class Entry:
    owner: str
    at: datetime
    kind: str
    weight: float = 1.0


def _bucket(instant: datetime) -> datetime:
    return _EPOCH + (instant - _EPOCH) // BUCKET * BUCKET


def merge(entries: list[Entry]) -> list[Entry]:
    """One entry per (owner, kind, five minutes): the earliest instant, the summed weight."""
    merged: dict[tuple[str, str, datetime], Entry] = {}
    for entry in entries:
        key = (entry.owner, entry.kind, _bucket(entry.at))
        seen = merged.get(key)
        merged[key] = (
            entry
            if seen is None
            else Entry(entry.owner, min(seen.at, entry.at), entry.kind, seen.weight + entry.weight)
        )
    return sorted(merged.values(), key=lambda e: (e.owner, e.at, e.kind))


class ActivityStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, entries: list[Entry]) -> None:
        rows = [
            {"owner": e.owner, "at": e.at, "kind": e.kind, "weight": e.weight}
            for e in merge(entries)
        ]
        if rows:
            await self.db.write(lambda conn: conn.execute(insert(activity), rows))

    async def compact(self, *, now: datetime) -> int:
        """Merge rows older than ``COMPACT_AFTER`` (the fortnight before that, so an instance
        that was down a few days catches up) and drop rows past ``RETENTION``; returns how many
        rows went away."""

        def work(conn: Connection) -> int:
            removed = conn.execute(delete(activity).where(activity.c.at < now - RETENTION)).rowcount
            old = conn.execute(
                select(activity).where(
                    activity.c.at >= now - COMPACT_AFTER * 3, activity.c.at < now - COMPACT_AFTER
                )
            ).all()
            groups: dict[tuple[str, str, datetime], list[Any]] = {}
            for row in old:
                groups.setdefault((row.owner, row.kind, _bucket(row.at)), []).append(row)
            for rows in groups.values():
                if len(rows) < 2:
                    continue
                conn.execute(delete(activity).where(activity.c.id.in_([r.id for r in rows])))
                conn.execute(
                    insert(activity).values(
                        owner=rows[0].owner,
                        kind=rows[0].kind,
                        at=min(r.at for r in rows),
                        weight=sum(r.weight for r in rows),
                    )
                )
                removed += len(rows) - 1
            return int(removed)

        return await self.db.write(work)

    async def events(
        self, owner: str, *, start: datetime, end: datetime
    ) -> list[tuple[datetime, float]]:
        """(instant, weight) of the owner's activity in ``[start, end]`` (up to and including
        now, when ``end`` is now)."""

        def work(conn: Connection) -> list[tuple[datetime, float]]:
            rows = conn.execute(
                select(activity.c.at, activity.c.weight)
                .where(activity.c.owner == owner, activity.c.at >= start, activity.c.at <= end)
                .order_by(activity.c.at)
            )
            return [(r.at, float(r.weight)) for r in rows]

        return await self.db.read(work)

    async def run_starts(
        self, owner: str, *, start: datetime, end: datetime
    ) -> list[tuple[datetime, float]]:
        """(quarter hour, runs started in it) for the owner's runs in ``[start, end]``. Counted
        by quarter hour in the database, so a minutely job's month is 2,880 rows, not 43,200;
        every zone's offset is a whole number of quarter hours, so local hours stay exact."""

        def work(conn: Connection) -> list[tuple[datetime, float]]:
            quarter = literal_column(_QUARTER[conn.dialect.name])
            rows = conn.execute(
                select(quarter.label("quarter"), func.count().label("n"))
                .where(runs.c.owner == owner, runs.c.started_at >= start, runs.c.started_at <= end)
                .group_by(quarter)
            ).all()
            return [(_as_utc(r.quarter), float(r.n)) for r in rows]

        return await self.db.read(work)

    async def planned_load(self, *, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
        """(instant, jobs) for every instant in ``[start, end)`` at which active jobs of any
        owner have their next run: where the herds are (the ``:00`` pile-up)."""

        def work(conn: Connection) -> list[tuple[datetime, int]]:
            rows = conn.execute(
                select(jobs.c.next_run_at, func.count())
                .where(
                    jobs.c.status == JobStatus.ACTIVE,
                    jobs.c.deleted_at.is_(None),
                    jobs.c.next_run_at >= start,
                    jobs.c.next_run_at < end,
                )
                .group_by(jobs.c.next_run_at)
            ).all()
            return [(r[0], int(r[1])) for r in rows]

        return await self.db.read(work)

    async def owner_timezone(self, owner: str) -> str | None:
        """The owner's zone as set (``owners``), else the zone most of their jobs run in."""

        def work(conn: Connection) -> str | None:
            chosen = conn.execute(
                select(owners.c.timezone).where(owners.c.id == owner)
            ).scalar_one_or_none()
            if chosen:
                return str(chosen)
            schedules = conn.execute(
                select(jobs.c.schedule)
                .where(jobs.c.owner == owner, jobs.c.deleted_at.is_(None))
                .order_by(jobs.c.created_at.desc())
                .limit(500)
            ).scalars()
            zones = Counter(s.get("timezone") for s in schedules if s and s.get("timezone"))
            return zones.most_common(1)[0][0] if zones else None

        return await self.db.read(work)

    async def set_owner_timezone(self, owner: str, timezone: str | None, *, now: datetime) -> None:
        """Remember the owner's zone (the Slack app learns it from users.info)."""

        def work(conn: Connection) -> None:
            done = conn.execute(
                owners.update().where(owners.c.id == owner).values(timezone=timezone)
            ).rowcount
            if not done:
                conn.execute(insert(owners).values(id=owner, timezone=timezone, created_at=now))

        await self.db.write(work)


def _as_utc(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class ActivityRecorder:
    """The in-process buffer in front of ``ActivityStore`` (see the module docstring)."""

    def __init__(self, store: ActivityStore) -> None:
        self.store = store
        self.buffer: list[Entry] = []
        self.since: datetime | None = None  # when the oldest buffered entry was noted
        self.compacted_at: datetime | None = None
        self.last_minute: dict[tuple[str, str], datetime] = {}

    async def note(self, entry: Entry, *, now: datetime) -> None:
        # a burst of requests (a form validating as someone types) is one moment of activity:
        # at most one entry per owner, kind and minute, so the heatmap counts active minutes
        minute = entry.at.replace(second=0, microsecond=0)
        if self.last_minute.get((entry.owner, entry.kind)) == minute:
            return
        self.last_minute[(entry.owner, entry.kind)] = minute
        self.buffer.append(entry)
        self.since = self.since or now
        if len(self.buffer) >= FLUSH_SIZE or now - self.since >= FLUSH_AFTER:
            await self.flush(now=now)

    async def flush(self, *, now: datetime) -> None:
        batch, self.buffer, self.since = self.buffer, [], None
        try:
            await self.store.add(batch)
            if self.compacted_at is None or now - self.compacted_at >= COMPACT_EVERY:
                self.compacted_at = now
                await self.store.compact(now=now)
        except Exception:
            # a heuristic signal must never fail the request that produced it
            log.exception("writing %d activity entries failed; they are dropped", len(batch))


_recorders: weakref.WeakKeyDictionary[Runtime, ActivityRecorder] = weakref.WeakKeyDictionary()


def recorder(rt: Runtime) -> ActivityRecorder:
    found = _recorders.get(rt)
    if found is None:
        found = _recorders[rt] = ActivityRecorder(ActivityStore(rt.db))
    return found


async def record_activity(
    rt: Runtime, owner: str, *, kind: str, at: datetime | None = None, weight: float = 1.0
) -> None:
    """Note that ``owner`` acted (``kind``: "api", "slack_command", "slack_message",
    "click", …) at ``at`` (default: now by the runtime's clock)."""
    now = rt.clock.now()
    await recorder(rt).note(Entry(owner, at or now, kind, weight), now=now)


async def record_request_activity(rt: Runtime, owner: str, method: str) -> None:
    """API writes count as activity; reads do not (and cost nothing here)."""
    if method not in ("GET", "HEAD", "OPTIONS"):
        await record_activity(rt, owner, kind="api")
