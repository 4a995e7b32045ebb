"""The ``python`` action's rules: a function from the operator's allow-list, a timeout; and
how its return value becomes a run's data and text output."""

from __future__ import annotations

from typing import Any

import pytest

from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.jobtypes import validate_host_action
from agentcron.app.domain.python_action import (
    TEXT_CHARS,
    result_data,
    result_text,
    validate_python_action,
)
from agentcron.app.errors import InvalidInput

HOST = HostJobs(python_functions=frozenset({"reports.daily:build", "ops:Cleanup.run"}))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {"function": "reports.daily:build"},
            {"function": "reports.daily:build", "timeout_seconds": 60},
        ),
        (
            {"function": "ops:Cleanup.run", "timeout_seconds": 2.5},
            {"function": "ops:Cleanup.run", "timeout_seconds": 2.5},
        ),
    ],
)
def test_an_allowed_function_comes_back_normalised(raw: dict[str, Any], expected: Any) -> None:
    assert validate_python_action(raw, HOST) == expected


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({}, "python.function", "is required: a function as module:function"),
        (
            {"function": "os.system"},
            "python.function",
            "is required: a function as module:function",
        ),
        (
            {"function": "os:system"},
            "python.function",
            "'os:system' is not on this service's allow-list",
        ),
        ({"function": "reports.daily:build; rm"}, "python.function", "module:function"),
        (
            {"function": "reports.daily:build", "timeout_seconds": 0},
            "python.timeout_seconds",
            "more than 0",
        ),
        (
            {"function": "reports.daily:build", "timeout_seconds": 86_401},
            "python.timeout_seconds",
            "at most",
        ),
        (
            {"function": "reports.daily:build", "timeout_seconds": "1"},
            "python.timeout_seconds",
            "number",
        ),
        ({"function": "reports.daily:build", "args": [1]}, "python.args", "not a known field"),
        ("reports.daily:build", "python", "must be an object"),
    ],
)
def test_each_problem_names_its_field(raw: Any, field: str, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_python_action(raw, HOST)
    found = [(p.field, p.reason) for p in caught.value.problems]
    assert any(f == field and words in reason for f, reason in found), found


def test_the_allow_list_is_named_so_a_user_can_pick_from_it() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_python_action({"function": "x:y"}, HOST)
    assert "ops:Cleanup.run, reports.daily:build" in str(caught.value)


def test_a_service_without_functions_refuses_python_jobs_naming_the_setting() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_host_action("python", {"function": "reports.daily:build"}, HostJobs())
    [problem] = caught.value.problems
    assert problem.field == "action" and "AGENTCRON_PYTHON_FUNCTIONS" in problem.reason


@pytest.mark.parametrize(
    ("result", "text"),
    [
        ("Sent 3 reminders", "Sent 3 reminders"),
        (None, "m:f returned nothing."),
        ({"sent": 3}, '{\n  "sent": 3\n}'),
        ([1, "ü"], '[\n  1,\n  "ü"\n]'),
        ("x" * (TEXT_CHARS + 10), "x" * (TEXT_CHARS - 1) + "…"),
    ],
)
def test_the_return_value_as_text(result: Any, text: str) -> None:
    assert result_text("m:f", result) == text
    assert result_data("m:f", result) == {"function": "m:f", "result": result}
