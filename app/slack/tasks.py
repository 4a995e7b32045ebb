"""Work that continues after Slack has been acknowledged.

Slack wants an answer within 3 seconds; parsing with an LLM, ``users.info`` and database
calls may take longer, so every listener acknowledges first and hands the rest to
``Background``. It keeps a strong reference to each task (asyncio only keeps weak ones),
turns any failure into a short apology for the user — the trace goes to the log, never to
Slack — and can be awaited until idle, which is how tests and shutdown wait for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Final

from agentcron.app.ids import new_id
from agentcron.app.slack.cards import Reply, notice

log = logging.getLogger("agentcron.slack")

Send = Callable[[Reply], Awaitable[Any]]

SORRY: Final = "Sorry, something went wrong on my side (reference `{ref}`); it has been logged."


class Background:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, work: Coroutine[Any, Any, None], *, name: str) -> None:
        task = asyncio.create_task(work, name=f"agentcron slack {name}")
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def answer(self, work: Callable[[], Awaitable[Reply | None]], send: Send, *, name: str) -> None:
        """Run ``work`` and send its reply; a failure sends an apology with a reference
        that is also in the log."""
        self.spawn(_answer(work, send, name), name=name)

    async def wait_idle(self) -> None:
        """Until every task, including any a task started, has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self, grace: float = 5.0) -> None:
        """Let running work finish for up to ``grace`` seconds, then cancel the rest."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(list(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("%s failed", task.get_name(), exc_info=task.exception())


async def _answer(work: Callable[[], Awaitable[Reply | None]], send: Send, name: str) -> None:
    try:
        reply = await work()
    except Exception:
        ref = new_id("err", length=8)
        log.exception("slack %s failed (%s)", name, ref)
        reply = notice(SORRY.format(ref=ref))
    if reply is None:
        return
    try:
        await send(reply)
    except Exception:
        log.exception("could not answer slack %s", name)
