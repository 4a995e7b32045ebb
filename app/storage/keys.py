"""API keys: generated once, shown once, stored as a SHA-256 hash, each with its scopes.

Keys are 32 random bytes, so a fast hash is enough (no password stretching needed): a
leaked table reveals nothing usable. Lookups are cached in memory for a few seconds so the
hot read path does not pay a query per request; a revoke clears this process's cache at
once and other instances within ``CACHE_SECONDS``.

A key's scopes (``app.domain.scopes``) are fixed when it is made: to change what a key may
do, make another and revoke the first. A publishable key (``parse`` only) starts with
``ac_pk_`` so that anyone reading a page's source, or a secret scanner, can tell it apart.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from agentcron.app.domain.scopes import (
    ALL_SCOPES,
    Scope,
    format_scopes,
    granted,
    is_publishable,
    stored_scopes,
)
from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import api_keys

KEY_PREFIX = "ac_"
PUBLISHABLE_PREFIX = "ac_pk_"
CACHE_SECONDS = 5.0
#: the owner of a new install's first key (made by the first ``agentcron serve``, or the
#: first ``agentcron keys create``); later CLI keys join it unless told otherwise
FIRST_OWNER = "default"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: the owner their jobs belong to, which key they used, and its scopes."""

    owner: str
    key_id: str
    key_name: str
    scopes: frozenset[Scope] = ALL_SCOPES

    def allows(self, scope: Scope | str) -> bool:
        """Whether this key may do what ``scope`` grants (``admin`` grants everything)."""
        return Scope(scope) in granted(self.scopes)

    @property
    def publishable(self) -> bool:
        return is_publishable(self.scopes)


_COLUMNS = (
    api_keys.c.id,
    api_keys.c.owner,
    api_keys.c.name,
    api_keys.c.prefix,
    api_keys.c.scopes,
    api_keys.c.created_at,
    api_keys.c.revoked_at,
)


def _key_row(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    out["scopes"] = sorted(s.value for s in stored_scopes(out["scopes"]))
    return out


class KeyStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, tuple[float, Principal | None]] = {}
        self._lookups: dict[str, asyncio.Future[Principal | None]] = {}

    async def create(
        self,
        *,
        name: str,
        owner: str | None,
        now: datetime,
        scopes: Iterable[Scope] = ALL_SCOPES,
    ) -> tuple[str, str]:
        """Create a key; returns (key id, the key itself — shown this once). Without
        ``scopes`` the key may do everything (a secret key)."""
        scopes = frozenset(scopes)
        if not scopes:
            raise ValueError("a key needs at least one scope")
        prefix = PUBLISHABLE_PREFIX if is_publishable(scopes) else KEY_PREFIX
        key = prefix + secrets.token_urlsafe(32)
        key_id = new_id("key", length=12)
        owner = owner or new_id("owner", length=12)

        def work(conn: Connection) -> None:
            conn.execute(
                insert(api_keys).values(
                    id=key_id,
                    owner=owner,
                    name=name,
                    key_hash=hash_key(key),
                    prefix=key[:10],
                    scopes=format_scopes(scopes),
                    created_at=now,
                )
            )

        await self.db.write(work)
        return key_id, key

    async def list(self, *, owner: str | None = None) -> list[dict[str, Any]]:
        """Every key (never the key itself), or one owner's; oldest first."""

        def work(conn: Connection) -> list[dict[str, Any]]:
            query = select(*_COLUMNS).order_by(api_keys.c.created_at, api_keys.c.id)
            if owner is not None:
                query = query.where(api_keys.c.owner == owner)
            return [_key_row(r) for r in conn.execute(query)]

        return await self.db.read(work)

    async def first_owner(self) -> str | None:
        """The install's first owner: the owner of the oldest key, revoked or not (its jobs
        are still there); None before any key exists."""

        def work(conn: Connection) -> str | None:
            return conn.execute(
                select(api_keys.c.owner).order_by(api_keys.c.created_at, api_keys.c.id).limit(1)
            ).scalar()

        return await self.db.read(work)

    async def matching(self, ident: str) -> list[dict[str, Any]]:
        """The active keys ``ident`` names: by id, name or visible prefix (oldest first)."""
        match = or_(api_keys.c.id == ident, api_keys.c.name == ident, api_keys.c.prefix == ident)

        def work(conn: Connection) -> list[dict[str, Any]]:
            query = (
                select(*_COLUMNS)
                .where(match, api_keys.c.revoked_at.is_(None))
                .order_by(api_keys.c.created_at, api_keys.c.id)
            )
            return [_key_row(r) for r in conn.execute(query)]

        return await self.db.read(work)

    async def revoke_ids(self, key_ids: list[str], *, now: datetime) -> int:
        """Revoke exactly these keys (the CLI, once it knows which)."""
        return await self._revoke(api_keys.c.id.in_(key_ids), now=now)

    async def get(self, key_id: str, *, owner: str) -> dict[str, Any] | None:
        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.execute(
                select(*_COLUMNS).where(api_keys.c.id == key_id, api_keys.c.owner == owner)
            ).first()
            return _key_row(row) if row else None

        return await self.db.read(work)

    async def revoke(self, ident: str, *, now: datetime) -> int:
        """Revoke by key id, name or the key's visible prefix (the operator's CLI); returns
        how many were revoked."""
        match = or_(api_keys.c.id == ident, api_keys.c.name == ident, api_keys.c.prefix == ident)
        return await self._revoke(match, now=now)

    async def revoke_owned(self, key_id: str, *, owner: str, now: datetime) -> bool:
        """Revoke one of ``owner``'s keys by id (the admin API); False when it has none such
        or it was revoked already."""
        match = (api_keys.c.id == key_id) & (api_keys.c.owner == owner)
        return bool(await self._revoke(match, now=now))

    async def _revoke(self, match: Any, *, now: datetime) -> int:
        def work(conn: Connection) -> int:
            query = (
                update(api_keys)
                .where(match, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            return conn.execute(query).rowcount

        count = await self.db.write(work)
        self._cache.clear()
        return count

    async def authenticate(self, key: str) -> Principal | None:
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        digest = hash_key(key)
        cached = self._cache.get(digest)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        # One lookup per key at a time: when a busy key's entry expires, every request that
        # arrives before the answer waits for the same query. On PostgreSQL (a read awaits
        # the pool and the server) each used to make its own: a burst on one key, a query
        # per request every CACHE_SECONDS.
        lookup = self._lookups.get(digest)
        if lookup is None:
            lookup = asyncio.ensure_future(self._lookup(digest))
            self._lookups[digest] = lookup
            lookup.add_done_callback(lambda done: self._looked_up(digest, done))
        return await asyncio.shield(lookup)

    def _looked_up(self, digest: str, done: asyncio.Future[Principal | None]) -> None:
        if self._lookups.get(digest) is done:
            del self._lookups[digest]
        if not done.cancelled():
            done.exception()  # retrieved: every waiter may have gone (an outage is theirs)

    async def _lookup(self, digest: str) -> Principal | None:
        def work(conn: Connection) -> Principal | None:
            row = conn.execute(
                select(api_keys.c.id, api_keys.c.owner, api_keys.c.name, api_keys.c.scopes).where(
                    api_keys.c.key_hash == digest, api_keys.c.revoked_at.is_(None)
                )
            ).first()
            if row is None:
                return None
            return Principal(
                owner=row.owner,
                key_id=row.id,
                key_name=row.name,
                scopes=stored_scopes(row.scopes),
            )

        clock = time.monotonic()
        principal = await self.db.read(work)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[digest] = (clock + CACHE_SECONDS, principal)
        return principal
