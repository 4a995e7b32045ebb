"""The ``python`` action: a function of this machine, ``module:function``, from the operator's
allow-list, called with the job's payload in a worker process of its own.

Pure: ``validate_python_action`` checks what a job may say; ``call_result`` says how what the
worker answered becomes a run's data and text output. The executor
(``app.executors.python_call``) starts the worker and waits for it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from agentcron.app.domain.hostjobs import FUNCTION_NAME, HostJobs
from agentcron.app.errors import FieldProblem, InvalidInput

DEFAULT_TIMEOUT_SECONDS = 60
MAX_TIMEOUT_SECONDS = 86_400
#: what a function may return (its JSON), like the data an agent may record
MAX_RESULT_BYTES = 64_000
#: the first characters of the returned JSON in the run's text output
TEXT_CHARS = 1_500
_FIELDS = ("function", "timeout_seconds")


def validate_python_action(raw: Any, host: HostJobs) -> dict[str, Any]:
    """Check a ``python`` action's settings against the operator's allow-list; return them
    normalised. InvalidInput names every field at fault."""
    if not isinstance(raw, Mapping):
        raise InvalidInput.field("python", "must be an object: {function, timeout_seconds}")
    problems = [
        FieldProblem(f"python.{key}", f"is not a known field (allowed: {', '.join(_FIELDS)})")
        for key in raw
        if key not in _FIELDS
    ]
    function = raw.get("function")
    allowed = sorted(host.python_functions)
    if not isinstance(function, str) or not FUNCTION_NAME.match(function):
        problems.append(
            FieldProblem(
                "python.function",
                "is required: a function as module:function (e.g. reports.daily:build), one "
                f"of {', '.join(allowed)}",
            )
        )
    elif function not in host.python_functions:
        problems.append(
            FieldProblem(
                "python.function",
                f"{function!r} is not on this service's allow-list (the operator's "
                f"AGENTCRON_PYTHON_FUNCTIONS has {', '.join(allowed)})",
            )
        )
    timeout = raw.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        problems.append(FieldProblem("python.timeout_seconds", "must be a number of seconds"))
    elif not 0 < timeout <= MAX_TIMEOUT_SECONDS:
        problems.append(
            FieldProblem(
                "python.timeout_seconds", f"must be more than 0 and at most {MAX_TIMEOUT_SECONDS}"
            )
        )
    if problems:
        raise InvalidInput(problems)
    return {"function": function, "timeout_seconds": timeout}


def result_data(function: str, result: Any) -> dict[str, Any]:
    """A run's data for a function that returned ``result`` (JSON): ``{"function",
    "result"}``; conditions also see a returned object's own keys (``conditions.run_view``)."""
    return {"function": function, "result": result}


def result_text(function: str, result: Any) -> str:
    """A run's short text output: a returned string as it is, anything else as JSON."""
    if isinstance(result, str):
        text = result
    elif result is None:
        return f"{function} returned nothing."
    else:
        text = json.dumps(result, ensure_ascii=False, indent=2)
    if len(text) > TEXT_CHARS:
        text = text[: TEXT_CHARS - 1] + "…"
    return text
