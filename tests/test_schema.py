"""The migrations build exactly the schema ``tables.py`` declares, on both backends: a
column or index added to one and not the other fails here, not in production."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from agentcron.app.storage.database import Database
from agentcron.app.storage.tables import metadata


async def test_the_migrated_database_matches_the_declared_tables(db_url: str) -> None:
    db = Database(db_url)  # the service's own connection, on either backend

    def differences(conn: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))

    try:
        assert await db.read(differences) == []
    finally:
        await db.close()
