"""Work a caller's words cost, done in a thread of its own instead of on the event loop.

Reading plain words for ``POST /parse-nl`` is pure CPU: a few hundred microseconds for a real
phrase, up to the parser's call budget (a few milliseconds, more on a loaded machine) for a
hostile one. On the event loop a burst of them was served one after the other while everything
else waited: 1,000 concurrent calls of 200 hostile characters held ``/healthz`` for 35 s on a
loaded 2-core machine. In one worker thread they still run one at a time (the parser gains
nothing from more threads under the GIL, and never runs beside itself), while the loop takes
the interpreter back every switch interval and goes on serving health checks, reads and runs.
The price is that switch interval (5 ms) on the loop's turns while the thread is busy. A job
body (which may hold words too) is still read on the loop: its writes are rate-limited and
each is bounded by the same budget.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

_P = ParamSpec("_P")
_T = TypeVar("_T")

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agentcron-words")
_local = threading.local()


async def off_loop(function: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """``function(*args, **kwargs)`` in the words thread, with the caller's context variables."""
    call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_WORKER, call)


def understand_here(
    text: str, *, timezone: str, now: datetime, date_order: str | None = None
) -> Any:
    """``parsers.understand`` without an LLM stage (then it does no I/O), driven to its end on
    a loop of the calling thread's own: for work run by ``off_loop``."""
    from agentcron.parsers import understand

    loop: asyncio.AbstractEventLoop | None = getattr(_local, "loop", None)
    if loop is None:
        loop = _local.loop = asyncio.new_event_loop()
    return loop.run_until_complete(
        understand(text, timezone=timezone, now=now, date_order=date_order)
    )
