"""Alembic environment: run by ``agentcron migrate`` and on ``serve``; configured in code."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import create_async_engine

from agentcron.app.storage.database import normalise_url, sqlite_engine
from agentcron.app.storage.tables import metadata

config = context.config


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _migrate_async(url: str) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_migrate)
    await engine.dispose()


def main() -> None:
    url = normalise_url(config.get_main_option("sqlalchemy.url") or "")
    if url.startswith("sqlite"):
        engine = sqlite_engine(url)
        with engine.connect() as connection:
            _migrate(connection)
            connection.commit()
        engine.dispose()
    else:
        asyncio.run(_migrate_async(url))


main()
