"""Garbage-collector settings for a long-running service process.

CPython's default collector runs a young-generation pass every 700 net allocations of
container objects and a full pass whenever enough of them survive. A burst of ten thousand
runs keeps tens of thousands of dicts, tasks and frames alive at once, so the defaults run
hundreds of passes and about ten full ones in the middle of it — measured at over a second
of a 10,000-job burst spent collecting. The service therefore:

- freezes what exists once it has started (modules, compiled statements, grammars: never
  garbage, no use scanning them again), and
- collects the young generation every 50,000 allocations rather than 700.

Memory freed by reference counting (almost all of it) is unaffected; only cycles wait a
little longer. ``agentcron serve`` does this (``AGENTCRON_TUNE_GC=0`` turns it off).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
_tuned = False


def tune_collector() -> None:
    """Once per process: freeze what exists and space out collections."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
