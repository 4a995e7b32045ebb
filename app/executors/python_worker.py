"""The worker process of a ``python`` job: ``python -m agentcron.app.executors.python_worker``.

It reads one request from stdin — ``{"function": "module:function", "payload": …,
"context": {…}}`` — imports the module, calls the function with the payload (and the run's
``context`` if it takes a parameter of that name; a coroutine function is run to its end) and
writes one answer to the stdout it started with: ``{"ok": true, "result": …}`` or ``{"ok":
false, "error": {"type", "message", "traceback"}}``. What the function prints goes to stderr,
which the service keeps the end of. Standard library only, so it starts fast, and it never
imports the service: a function that crashes, hangs or floods takes down this process only.
"""

from __future__ import annotations

import asyncio
import faulthandler
import importlib
import inspect
import json
import os
import sys
import traceback
from typing import Any

#: the address space a worker may use (bytes): a function that allocates without end fails
#: with MemoryError here instead of drawing the machine's out-of-memory killer to the service
MEMORY_LIMIT_ENV = "AGENTCRON_PYTHON_WORKER_MEMORY"


def resolve(name: str) -> Any:
    """``package.module:attribute.path`` → the object."""
    module_name, _, attribute = name.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


def call(function: Any, payload: Any, context: dict[str, Any]) -> Any:
    try:
        takes_context = "context" in inspect.signature(function).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        takes_context = False
    result = function(payload, context=context) if takes_context else function(payload)
    if inspect.isawaitable(result):
        result = asyncio.run(_awaited(result))
    return result


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


def _limit_memory() -> None:
    limit = os.environ.pop(MEMORY_LIMIT_ENV, "")
    if not limit.isdigit():
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the timeout still bounds the worker


def main() -> int:
    _limit_memory()
    request = json.loads(sys.stdin.buffer.read())
    # the answer goes to the stdout we started with; anything the function prints, to stderr
    answer = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    # block-buffered: a function printing line after line costs a write per 64 KB, not per line
    sys.stdout = open(1, "w", buffering=65_536, encoding="utf-8", errors="replace", closefd=False)
    faulthandler.enable()  # a crash in C code leaves its Python stack in the log
    try:
        function = resolve(request["function"])
    except Exception as error:  # the module or the name is not there: no retry can help
        text = json.dumps(
            {
                "ok": False,
                "error": {
                    "type": type(error).__name__,
                    "message": str(error),
                    "traceback": _traceback(error),
                    "stage": "import",
                },
            }
        )
        answer.write(text)
        answer.close()
        return 1
    try:
        result = call(function, request.get("payload"), request["context"])
        try:
            text = json.dumps({"ok": True, "result": result}, allow_nan=False)
        except (TypeError, ValueError) as error:
            text = json.dumps(
                {
                    "ok": False,
                    "error": {
                        "type": "NotJSON",
                        "message": f"returned a value JSON cannot hold ({error})",
                        "traceback": "",
                    },
                }
            )
    except BaseException as error:  # the function's own failure, SystemExit included
        text = json.dumps(
            {
                "ok": False,
                "error": {
                    "type": type(error).__name__,
                    "message": str(error),
                    "traceback": _traceback(error),
                },
            }
        )
    sys.stdout.flush()
    answer.write(text)
    answer.close()
    return 0


def _traceback(error: BaseException) -> str:
    """The traceback from the function's own frames down (the worker's are left out)."""
    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
        frames = frames.tb_next
    lines = traceback.format_exception(type(error), error, frames, limit=-12)
    return "".join(lines)


if __name__ == "__main__":
    main()
    # at once: threads the function left running, or its atexit hooks, must not hold the
    # answer back until the timeout
    sys.stderr.flush()
    os._exit(0)
