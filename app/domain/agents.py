"""What an agent may be given: the names of its tools (the executor implements them)."""

from __future__ import annotations

#: the tools an agent's allow-list may name, in the order they are offered to the model
TOOL_NAMES = ("http_fetch", "current_time", "previous_run")
#: the tool every agent has, to end its run with ``output`` and ``data``
FINISH = "finish"
