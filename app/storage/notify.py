"""Wake-ups between instances: PostgreSQL LISTEN/NOTIFY on one channel.

Payloads: ``jobs`` (a job changed: schedulers re-read), ``runs`` (runs were queued: workers
claim), ``cancel:<run id>`` (the worker running it stops it now). Each instance also hears its
own notifications, which costs one extra wake-up and nothing else.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger("agentcron.notify")
CHANNEL = "agentcron"


class PostgresNotifier:
    def __init__(self, url: str, on_message: Callable[[str], None]) -> None:
        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.on_message = on_message
        self._conn: Any = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        import asyncpg

        self._conn = await asyncpg.connect(self.dsn)
        await self._conn.add_listener(CHANNEL, self._received)

    def _received(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self.on_message(payload)

    def publish(self, payload: str) -> None:
        if self._conn is None:
            return
        task = asyncio.get_running_loop().create_task(self._send(payload))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, payload: str) -> None:
        try:
            await self._conn.execute("SELECT pg_notify($1, $2)", CHANNEL, payload)
        except Exception:  # a lost wake-up is covered by the loops' maximum sleep
            log.warning("NOTIFY %s failed", payload, exc_info=True)

    async def close(self) -> None:
        if self._conn is not None:
            for task in list(self._tasks):
                await asyncio.gather(task, return_exceptions=True)
            await self._conn.close()
            self._conn = None
