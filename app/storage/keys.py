"""API keys: generated once, shown once, stored as a SHA-256 hash.

Keys are 32 random bytes, so a fast hash is enough (no password stretching needed): a
leaked table reveals nothing usable. Lookups are cached in memory for a few seconds so the
hot read path does not pay a query per request; a revoke clears this process's cache at
once and other instances within ``CACHE_SECONDS``.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from agentcron.app.ids import new_id
from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import api_keys

KEY_PREFIX = "ac_"
CACHE_SECONDS = 5.0


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: the owner their jobs belong to, and which key they used."""

    owner: str
    key_id: str
    key_name: str


class KeyStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, tuple[float, Principal | None]] = {}

    async def create(self, *, name: str, owner: str | None, now: datetime) -> tuple[str, str]:
        """Create a key; returns (key id, the key itself — shown this once)."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
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
                    created_at=now,
                )
            )

        await self.db.write(work)
        return key_id, key

    async def list(self) -> list[dict[str, Any]]:
        def work(conn: Connection) -> list[dict[str, Any]]:
            rows = conn.execute(
                select(
                    api_keys.c.id,
                    api_keys.c.owner,
                    api_keys.c.name,
                    api_keys.c.prefix,
                    api_keys.c.created_at,
                    api_keys.c.revoked_at,
                ).order_by(api_keys.c.created_at)
            )
            return [dict(r._mapping) for r in rows]

        return await self.db.read(work)

    async def revoke(self, ident: str, *, now: datetime) -> int:
        """Revoke by key id, name or the key's visible prefix; returns how many were revoked."""

        def work(conn: Connection) -> int:
            result = conn.execute(
                update(api_keys)
                .where(
                    or_(
                        api_keys.c.id == ident, api_keys.c.name == ident, api_keys.c.prefix == ident
                    )
                )
                .where(api_keys.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            return result.rowcount

        count = await self.db.write(work)
        self._cache.clear()
        return count

    async def authenticate(self, key: str) -> Principal | None:
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        digest = hash_key(key)
        cached = self._cache.get(digest)
        clock = time.monotonic()
        if cached is not None and cached[0] > clock:
            return cached[1]

        def work(conn: Connection) -> Principal | None:
            row = conn.execute(
                select(api_keys.c.id, api_keys.c.owner, api_keys.c.name).where(
                    api_keys.c.key_hash == digest, api_keys.c.revoked_at.is_(None)
                )
            ).first()
            return Principal(owner=row.owner, key_id=row.id, key_name=row.name) if row else None

        principal = await self.db.read(work)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[digest] = (clock + CACHE_SECONDS, principal)
        return principal
