"""Apply the schema migrations (Alembic), from code: no alembic.ini needed."""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision``. Safe to call from inside an event loop
    (the async PostgreSQL path runs its own loop in a short-lived thread)."""
    errors: list[BaseException] = []

    def _run() -> None:
        try:
            command.upgrade(alembic_config(url), revision)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=_run, name="agentcron-migrate")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
