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
each is bounded by the same budget. With an LLM configured, and in Slack's commands, the
reading runs here too, stopping where it would ask the model; the model is awaited on the
loop (``understand_off_loop``).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import ParamSpec, TypeVar

from agentcron.parsers import (
    LLMParser,
    LLMQuestion,
    ParseResult,
    Understanding,
    refused_on_failure,
    understanding,
)

_P = ParamSpec("_P")
_T = TypeVar("_T")

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agentcron-words")


async def off_loop(function: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """``function(*args, **kwargs)`` in the words thread, with the caller's context variables."""
    call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_WORKER, call)


def understand_here(
    text: str, *, timezone: str, now: datetime, date_order: str | None = None
) -> ParseResult:
    """``parsers.understand`` without an LLM, here and now (it does no I/O then): for work run
    by ``off_loop``. The same reading to the letter, driven without an event loop."""
    reading = understanding(text, timezone=timezone, now=now, date_order=date_order)
    step = _step(reading, None, text)
    assert isinstance(step, ParseResult)  # without an LLM nothing is asked
    return step


async def understand_off_loop(
    text: str, *, timezone: str, now: datetime, llm: LLMParser | None = None
) -> ParseResult:
    """``parsers.understand(text, …, llm=llm)`` with its reading (all CPU) in the words thread
    and only the LLM's call awaited on the event loop: the reading stops where it would ask
    the model (``parsers.understanding`` yields the question) and goes on, in the thread
    again, with the answer. A text that would hold the loop for the parser's whole call budget
    (a hostile one, or a burst of them) holds only the words thread."""
    reading = understanding(text, timezone=timezone, now=now, llm=llm is not None)
    step = await off_loop(_step, reading, None, text)
    while isinstance(step, LLMQuestion):
        assert llm is not None  # asked only when one is given
        try:
            answer = await llm.parse(step.text, timezone=step.timezone, now=step.now)
        except Exception:  # as understand does: a failure refuses the text, logged
            reading.close()
            return refused_on_failure(text)
        step = await off_loop(_step, reading, answer, text)
    return step


def _step(
    reading: Understanding, answer: ParseResult | None, text: str
) -> LLMQuestion | ParseResult:
    """The reading driven to its next question for the LLM, or to its end (a StopIteration
    cannot cross a future: its value is returned). A rule that raises refuses the text, logged."""
    try:
        return reading.send(answer)  # type: ignore[arg-type]  # None starts it
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    except Exception:
        return refused_on_failure(text)
